/**
 * Exact number reading. Money is summed in fen and must never drift, so decimal text is scaled
 * digit by digit (no `x * 100` on floats), and a number cell is first written with Excel's 15
 * significant digits (`0.1 + 0.2` → `0.300000000000000`) before it is scaled.
 *
 * Lenient reading of numbers typed as text lives here too: it understands what people type
 * (`４９`, `49人`, `301,370`, `3.5万元`, ` 49 `) and records each leniency as a bit, so the
 * warning can say exactly what was done.
 */
import type { LenientNumberCode } from "../issues";
import { toHalfWidth, trimText } from "./normalise";

/** Leniency bits recorded by `parseNumberText`. */
export const LENIENT = {
  spaces: 1,
  fullwidth: 2,
  thousands: 4,
  unitSuffix: 8,
  wan: 16,
  textNumber: 32,
} as const;

/** Issue codes of the leniencies, most telling first (the first one present names the warning). */
export const LENIENT_CODES: ReadonlyArray<readonly [number, LenientNumberCode]> = [
  [LENIENT.wan, "lenient-wan"],
  [LENIENT.unitSuffix, "lenient-unit-suffix"],
  [LENIENT.thousands, "lenient-thousands"],
  [LENIENT.fullwidth, "lenient-fullwidth"],
  [LENIENT.spaces, "lenient-spaces"],
  [LENIENT.textNumber, "lenient-text-number"],
];

/** Result of `scaleDecimal`, written into a caller-owned object (no allocation per cell). */
export interface Scaled {
  /** The integer value × 10^scale, rounded half away from zero. */
  value: number;
  /** Non-zero digits were dropped by the rounding (more decimals than the scale allows). */
  inexact: boolean;
}

/**
 * Decimal text (`-12.345`, `1.5e4`, `.5`) times 10^scale as an exact integer, rounded half away
 * from zero; false when the text is not a decimal or the result is not a safe integer.
 * @example const s = { value: 0, inexact: false }; scaleDecimal("0.1", 2, s); s.value // 10
 * @example scaleDecimal("1.005", 2, s); [s.value, s.inexact] // [101, true]
 */
export function scaleDecimal(text: string, scale: number, out: Scaled): boolean {
  let i = 0;
  const n = text.length;
  let negative = false;
  if (text[0] === "-" || text[0] === "+") {
    negative = text[0] === "-";
    i = 1;
  }
  let digits = "";
  let point = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits += text[i];
    else if (c === 46 && point < 0) point = digits.length;
    else break;
  }
  if (digits.length === 0) return false;
  if (point < 0) point = digits.length;
  if (i < n) {
    if (text[i] !== "e" && text[i] !== "E") return false;
    const exp = text.slice(i + 1);
    if (!/^[+-]?\d{1,4}$/.test(exp)) return false;
    point += Number(exp);
  }
  // keep = digits before the scaled point; the rest decides rounding
  const keep = point + scale;
  let intDigits: string;
  let rest: string;
  if (keep <= 0) {
    intDigits = "0";
    rest = "0".repeat(-keep) + digits;
  } else if (keep >= digits.length) {
    intDigits = digits + "0".repeat(keep - digits.length);
    rest = "";
  } else {
    intDigits = digits.slice(0, keep);
    rest = digits.slice(keep);
  }
  let start = 0;
  while (start < intDigits.length - 1 && intDigits.charCodeAt(start) === 48) start++;
  if (intDigits.length - start > 16) return false;
  let value = Number(intDigits.slice(start));
  let inexact = false;
  for (let k = 0; k < rest.length; k++) {
    if (rest.charCodeAt(k) !== 48) {
      inexact = true;
      break;
    }
  }
  if (inexact && rest.charCodeAt(0) >= 53) value += 1;
  if (!Number.isSafeInteger(value)) return false;
  out.value = negative && value !== 0 ? -value : value;
  out.inexact = inexact;
  return true;
}

/**
 * A finite number as Excel keeps it (15 significant digits), for exact scaling.
 * @example excelDigits(0.1 + 0.2) // "0.300000000000000"
 */
export function excelDigits(v: number): string {
  return v.toPrecision(15);
}

/** Result of `parseNumberText`. */
export interface ParsedNumberText {
  /** Canonical decimal text (`-3.5e4` for `-3.5万`), to be scaled exactly. */
  decimal: string;
  /** Leniency bits (`LENIENT`). */
  lenient: number;
  /** The text ended in `%` (only percent columns accept it). */
  percent: boolean;
}

/** Units people append to numbers (longest first). */
const UNITS = [
  "人次",
  "学时",
  "小时",
  "人",
  "名",
  "元",
  "个",
  "件",
  "条",
  "期",
  "次",
  "项",
  "天",
  "户",
  "所",
  "家",
  "位",
  "场",
  "班",
  "份",
  "笔",
];

/**
 * Reads a number typed as text, leniently, recording every leniency; undefined when the text is
 * not a number (after removing spaces, unit, 万, thousands separators and full-width forms).
 * @example parseNumberText("49人") // { decimal: "49", lenient: unitSuffix|textNumber, percent: false }
 * @example parseNumberText("3.5万元")?.decimal // "3.5e4"
 * @example parseNumberText("abc") // undefined
 */
export function parseNumberText(raw: string): ParsedNumberText | undefined {
  let lenient: number = LENIENT.textNumber;
  let s = trimText(raw);
  if (s !== raw) lenient |= LENIENT.spaces;
  const half = toHalfWidth(s);
  if (half !== s) {
    lenient |= LENIENT.fullwidth;
    s = half;
  }
  if (s.length === 0) return undefined;
  let percent = false;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1);
  } else {
    for (const unit of UNITS) {
      if (s.endsWith(unit)) {
        s = s.slice(0, -unit.length);
        lenient |= LENIENT.unitSuffix;
        break;
      }
    }
  }
  let wan = false;
  if (!percent && s.endsWith("万")) {
    wan = true;
    s = s.slice(0, -1);
    lenient |= LENIENT.wan;
  }
  const inner = trimText(s);
  if (inner !== s) {
    lenient |= LENIENT.spaces;
    s = inner;
  }
  if (s.includes(",")) {
    if (!validThousands(s)) return undefined;
    s = s.replaceAll(",", "");
    lenient |= LENIENT.thousands;
  }
  if (!isPlainDecimal(s)) return undefined;
  return { decimal: wan ? `${s}e4` : s, lenient, percent };
}

/** `[+-]digits[.digits]` or `[+-].digits`, nothing else. */
function isPlainDecimal(s: string): boolean {
  let i = s[0] === "-" || s[0] === "+" ? 1 : 0;
  let digits = 0;
  let point = false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 46 && !point) point = true;
    else return false;
  }
  return digits > 0;
}

/** `1,234,567.5`: groups of three after the first group of one to three digits. */
function validThousands(s: string): boolean {
  const body = s[0] === "-" || s[0] === "+" ? s.slice(1) : s;
  const intPart = body.split(".")[0] ?? "";
  if (body.indexOf(",", intPart.length) >= 0) return false;
  const groups = intPart.split(",");
  if ((groups[0] ?? "").length < 1 || (groups[0] ?? "").length > 3) return false;
  for (let g = 1; g < groups.length; g++) if ((groups[g] ?? "").length !== 3) return false;
  return /^\d+$/.test(groups.join(""));
}

/**
 * Fen to 元 text, exact: no float formatting.
 * @example formatFen(30137015) // "301370.15"
 * @example formatFen(-5) // "-0.05"
 * @example formatFen(700000) // "7000"
 */
export function formatFen(fen: number): string {
  const neg = fen < 0;
  const abs = Math.abs(fen);
  const yuan = Math.floor(abs / 100);
  const cents = abs - yuan * 100;
  const tail =
    cents === 0 ? "" : cents % 10 === 0 ? `.${cents / 10}` : `.${String(cents).padStart(2, "0")}`;
  return `${neg ? "-" : ""}${yuan}${tail}`;
}

/**
 * Tenths of a percent to text.
 * @example formatTenthsPct(985) // "98.5%"
 * @example formatTenthsPct(1000) // "100%"
 */
export function formatTenthsPct(tenths: number): string {
  const neg = tenths < 0;
  const abs = Math.abs(tenths);
  const whole = Math.floor(abs / 10);
  const frac = abs - whole * 10;
  return `${neg ? "-" : ""}${whole}${frac === 0 ? "" : `.${frac}`}%`;
}
