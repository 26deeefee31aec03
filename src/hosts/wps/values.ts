/**
 * From what ET returns to the core's model, and back: error codes, BGR colours, fill patterns,
 * number formats. Pure functions, tested directly.
 */
import type { CellValue } from "../../core";
import type { SavedFill } from "../office/marks";

/**
 * Formula errors as `Value2` returns them: the COM error code 0x800A0000 + the xlErr number,
 * as a signed 32-bit integer (#DIV/0! = xlErrDiv0 2007 → −2146826281).
 */
const ERR_BASE = -2146828288;
const XL_ERRORS: Readonly<Record<number, string>> = {
  2000: "#NULL!",
  2007: "#DIV/0!",
  2015: "#VALUE!",
  2023: "#REF!",
  2029: "#NAME?",
  2036: "#NUM!",
  2042: "#N/A",
  2043: "#GETTING_DATA",
  2045: "#SPILL!",
  2046: "#CONNECT!",
  2047: "#BLOCKED!",
  2048: "#UNKNOWN!",
  2049: "#FIELD!",
  2050: "#CALC!",
};

/**
 * The Excel error string of an ET error code, or undefined for any other number.
 * @example etErrorName(-2146826281) // "#DIV/0!"
 * @example etErrorName(42) // undefined
 */
export function etErrorName(v: number): string | undefined {
  return XL_ERRORS[v - ERR_BASE];
}

const ERROR_NAMES: ReadonlySet<string> = new Set(Object.values(XL_ERRORS));

/**
 * Whether a cell's shown text (`Range.Text`) is a formula error: one of Excel's error strings, or
 * another `#…` word, but not a column too narrow for its number (`#####`).
 * @example isErrorText("#DIV/0!") // true
 * @example isErrorText("########") // false
 */
export function isErrorText(text: unknown): boolean {
  if (typeof text !== "string") return false;
  const t = text.trim();
  return ERROR_NAMES.has(t) || /^#[^#\s]/.test(t);
}

/**
 * One `Value2` cell as the core wants it; `text` reads the cell's shown text (one more ET call),
 * asked only where `Value2` alone does not tell. No WPS source says in which form a formula error
 * comes back in `Value2`, so every form is read:
 *
 * - a number equal to an error code (−2146826281, as VBA's CVErr and Kingsoft's typings have it) is
 *   an error when the cell's text confirms it (`#DIV/0!`): a cell may really hold −2146826281;
 * - a string that is exactly an error string (`#DIV/0!`) is that error (a text cell holding
 *   exactly such a string is read as the error too; both are flagged by the checks);
 * - anything else that is not a plain value (a bridged error object) is read by its shown text.
 */
export function etCellValue(v: unknown, text?: () => unknown): CellValue {
  if (v === undefined || v === null || v === "") return null;
  if (typeof v === "number") {
    const err = etErrorName(v);
    if (err !== undefined && (text === undefined || isErrorText(text()))) return { error: err };
    return v;
  }
  if (typeof v === "string") return ERROR_NAMES.has(v) ? { error: v } : v;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return { date: v.getTime() / 86_400_000 + 25_569 };
  const shown = text?.();
  if (typeof shown === "string") return isErrorText(shown) ? { error: shown.trim() } : shown;
  return String(v);
}

/** Whether `etCellValue` needs the cell's shown text to read `v`. */
export function needsText(v: unknown): boolean {
  if (typeof v === "number") return etErrorName(v) !== undefined;
  return v !== null && typeof v === "object" && !(v instanceof Date);
}

/**
 * `Value2` of a block as rows: a multi-cell range gives an array of row arrays, a single cell a
 * scalar (both as WPS returns them).
 */
export function valueRows(v: unknown, rows: number, cols: number): unknown[][] {
  if (Array.isArray(v)) {
    if (rows === 1 && !Array.isArray(v[0])) return [v as unknown[]]; // a flat single row
    return v.map((r) => (Array.isArray(r) ? (r as unknown[]) : [r]));
  }
  return rows === 1 && cols === 1 ? [[v]] : [];
}

/** True for General in English or the Chinese locale's name (G/通用格式). */
export function isGeneralFormat(f: unknown): boolean {
  return typeof f !== "string" || f === "" || f === "General" || f === "G/通用格式";
}

/* ---------------------------------------------------------------- colours and fills */

/**
 * ET's BGR number to `#RRGGBB`.
 * @example bgrToHex(0x0000ff) // "#FF0000"
 */
export function bgrToHex(bgr: unknown): string {
  const n = typeof bgr === "number" && Number.isFinite(bgr) ? bgr & 0xffffff : 0xffffff;
  const r = n & 0xff;
  const g = (n >> 8) & 0xff;
  const b = (n >> 16) & 0xff;
  return (
    "#" +
    [r, g, b]
      .map((x) => x.toString(16).padStart(2, "0"))
      .join("")
      .toUpperCase()
  );
}

/**
 * `#RRGGBB` to ET's BGR number.
 * @example hexToBgr("#FF0000") // 255
 */
export function hexToBgr(hex: string): number {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return 0xffffff;
  const n = parseInt(m[1]!, 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

/** XlPattern numbers and the names Office.js uses for the same patterns. */
const PATTERNS: ReadonlyArray<readonly [number, string]> = [
  [-4142, "None"],
  [1, "Solid"],
  [-4125, "Gray50"],
  [-4126, "Gray75"],
  [-4124, "Gray25"],
  [-4128, "Horizontal"],
  [-4166, "Vertical"],
  [-4121, "Down"],
  [-4162, "Up"],
  [9, "Checker"],
  [10, "SemiGray75"],
  [11, "LightHorizontal"],
  [12, "LightVertical"],
  [13, "LightDown"],
  [14, "LightUp"],
  [15, "Grid"],
  [16, "CrissCross"],
  [17, "Gray16"],
  [18, "Gray8"],
  [4000, "LinearGradient"],
  [4001, "RectangularGradient"],
];

/** @example patternName(-4142) // "None" */
export function patternName(p: unknown): string {
  if (p === -4105) return "Solid"; // xlPatternAutomatic: a plain fill
  return PATTERNS.find(([n]) => n === p)?.[1] ?? (typeof p === "number" ? String(p) : "None");
}

/** @example patternNumber("Gray50") // -4125 */
export function patternNumber(name: string): number {
  const hit = PATTERNS.find(([, s]) => s === name);
  if (hit) return hit[0];
  const n = Number(name);
  return Number.isFinite(n) ? n : 1;
}

/** An Interior's properties as read from ET, kept as the Office host keeps fills. */
export function savedFill(f: {
  color: unknown;
  pattern: unknown;
  patternColor: unknown;
  tintAndShade: unknown;
  patternTintAndShade: unknown;
}): SavedFill {
  return {
    color: bgrToHex(f.color),
    pattern: patternName(f.pattern),
    patternColor: bgrToHex(f.patternColor),
    tintAndShade: typeof f.tintAndShade === "number" ? f.tintAndShade : 0,
    patternTintAndShade: typeof f.patternTintAndShade === "number" ? f.patternTintAndShade : 0,
  };
}
