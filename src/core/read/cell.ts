/**
 * Lenient cell reading per column type. A reader writes into a caller-owned `CellReading` (no
 * allocation per cell); it never reports issues itself: it says what it read (`status`, `value`,
 * `text`) and, when it had to be lenient or could not read the cell, the issue code and the value
 * it suggests. The validation turns that into issues.
 *
 * Scales of `value`: count as is; money in fen; decimal and percent in natural units (percent:
 * 98.5 for 98.5%); date as an Excel serial day; enum as the index of the allowed value.
 */
import type { CellValue } from "../model";
import { isDateValue, isErrorValue, isFormulaValue } from "../model";
import type { IssueValue, LenientNumberCode, ReadCode, UnreadableCode } from "../issues";
import type { ColumnType } from "./column-types";
import { formatSerial, isDateFormat, isPercentFormat, MAX_SERIAL, parseDateText } from "./dates";
import { isBlankText, normaliseHeader, trimText } from "./normalise";
import {
  excelDigits,
  formatFen,
  LENIENT,
  LENIENT_CODES,
  parseNumberText,
  scaleDecimal,
  type Scaled,
} from "./numbers";

/** Column types as small integers, for typed-array loops (one lookup per column per sheet). */
export const TYPE_TEXT = 0;
export const TYPE_ENUM = 1;
export const TYPE_COUNT = 2;
export const TYPE_MONEY = 3;
export const TYPE_DATE = 4;
export const TYPE_PERCENT = 5;
const TYPE_DECIMAL = 6;
export const TYPE_CODE: Readonly<Record<ColumnType, number>> = {
  text: TYPE_TEXT,
  enum: TYPE_ENUM,
  count: TYPE_COUNT,
  money: TYPE_MONEY,
  date: TYPE_DATE,
  percent: TYPE_PERCENT,
  decimal: TYPE_DECIMAL,
};

export const READ_OK = 0;
export const READ_BLANK = 1;
export const READ_INVALID = 2;

export interface CellReading {
  /** `READ_OK`, `READ_BLANK` or `READ_INVALID`. */
  status: number;
  /** Numeric value in the column type's scale (see above); NaN when not numeric. */
  value: number;
  /** Text of text and enum cells (trimmed; the allowed value for enums). */
  text: string;
  /** Issue code: for `READ_INVALID` what is wrong, for `READ_OK` a leniency (warning), else "". */
  code: ReadCode | "";
  /** Leniency bits (`LENIENT`) behind a `lenient-*` code, for the message's fixes. */
  lenient: number;
  /** The value read or suggested, as shown to the user. */
  expected: IssueValue | undefined;
}

/** A fresh reading to reuse across cells. */
export function newReading(): CellReading {
  return { status: READ_BLANK, value: NaN, text: "", code: "", lenient: 0, expected: undefined };
}

/**
 * The value found in a cell, as shown to the user in an issue.
 * @example displayValue({ error: "#N/A" }) // "#N/A"
 * @example displayValue({ date: 41395 }) // "2013-05-01"
 * @example displayValue({ formula: "IF(C4>0,C4,0)" }) // "=IF(C4>0,C4,0)"
 */
export function displayValue(v: CellValue): IssueValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : String(v);
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (isErrorValue(v)) return v.error;
  if (isDateValue(v)) return formatSerial(v.date);
  if (isFormulaValue(v)) return `=${v.formula}`;
  return null;
}

/**
 * What is wrong with a cell whose reading is `READ_INVALID` (a reader sets an `UnreadableCode`
 * with that status, and a leniency code only with `READ_OK`).
 */
export function unreadableCode(reading: CellReading): UnreadableCode {
  return reading.code as UnreadableCode;
}

/** True when a cell is blank: no value, or only white space. */
export function isBlankCell(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && isBlankText(v));
}

function set(
  out: CellReading,
  status: number,
  value: number,
  code: ReadCode | "",
  expected?: IssueValue
): void {
  out.status = status;
  out.value = value;
  out.text = "";
  out.code = code;
  out.lenient = 0;
  out.expected = expected;
}

/** What reading a column's cells needs of its definition. */
export interface ColumnSpec {
  readonly type: ColumnType;
  /** The least value allowed (count and money columns; default 0). */
  readonly min?: number;
  /** Decimals of a decimal column (default 1). */
  readonly decimals?: number;
  /** The values an enum column allows, in order. */
  readonly allowed?: readonly string[];
}

/** Reads the cells of one column (its definition resolved once, with the definition). */
export class ColumnReader {
  readonly type: ColumnType;
  readonly min: number;
  /** Decimals kept exactly (money 2, decimal columns their `decimals`, count 0). */
  readonly scale: number;
  /** Enum values by exact text and by normalised text. */
  private readonly exact = new Map<string, number>();
  private readonly loose = new Map<string, number>();
  private readonly scaled: Scaled = { value: 0, inexact: false };

  constructor(readonly def: ColumnSpec) {
    this.type = def.type;
    this.min = def.min ?? 0;
    this.scale = def.type === "money" ? 2 : def.type === "decimal" ? (def.decimals ?? 1) : 0;
    (def.allowed ?? []).forEach((a, i) => {
      this.exact.set(a, i);
      this.loose.set(normaliseHeader(a), i);
    });
  }

  /** The allowed value with this index (enum columns). */
  allowedValue(index: number): string {
    return this.def.allowed?.[index] ?? "";
  }

  /** Index of an allowed value given exactly (the fast path of `read` for enums), or -1. */
  enumIndex(text: string): number {
    return this.exact.get(text) ?? -1;
  }

  /**
   * Reads one cell. `format` is the cell's number format; `hasFormats` says whether the host
   * gave formats at all (without them a bare number in a date column is not flagged).
   */
  read(v: CellValue, format: string | undefined, hasFormats: boolean, out: CellReading): void {
    if (v === null || v === undefined) return set(out, READ_BLANK, NaN, "");
    if (typeof v === "object") {
      if (isErrorValue(v)) return set(out, READ_INVALID, NaN, "excel-error");
      if (isFormulaValue(v)) return set(out, READ_INVALID, NaN, "formula-without-value");
      if (isDateValue(v)) {
        if (this.type === "date") return this.readSerial(v.date, out, "");
        if (this.type === "text") return this.readText(formatSerial(v.date), out);
        return set(out, READ_INVALID, NaN, "wrong-type");
      }
      return set(out, READ_INVALID, NaN, "wrong-type");
    }
    if (typeof v === "boolean") return set(out, READ_INVALID, NaN, "wrong-type");
    if (typeof v === "string" && isBlankText(v)) return set(out, READ_BLANK, NaN, "");
    switch (this.type) {
      case "text":
        return this.readText(typeof v === "string" ? v : String(v), out);
      case "enum":
        return this.readEnum(typeof v === "string" ? v : String(v), out);
      case "date":
        return typeof v === "number"
          ? this.readDateNumber(v, format, hasFormats, out)
          : this.readDateText(v, out);
      case "percent":
        return typeof v === "number"
          ? this.readPercentNumber(v, format, out)
          : this.readPercentText(v, out);
      default:
        return typeof v === "number" ? this.readNumber(v, out) : this.readNumberText(v, out);
    }
  }

  private readText(s: string, out: CellReading): void {
    set(out, READ_OK, NaN, "");
    out.text = trimText(s);
  }

  private readEnum(s: string, out: CellReading): void {
    let i = this.exact.get(s);
    if (i !== undefined) {
      set(out, READ_OK, i, "");
      out.text = s;
      return;
    }
    i = this.loose.get(normaliseHeader(s));
    if (i !== undefined) {
      const canonical = this.allowedValue(i);
      set(out, READ_OK, i, "lenient-enum", canonical);
      out.text = canonical;
      return;
    }
    set(out, READ_INVALID, NaN, "not-in-list", (this.def.allowed ?? []).join("、"));
  }

  /** Shown value of a scaled number of this column. */
  private show(scaled: number): IssueValue {
    if (this.type === "money") return formatFen(scaled);
    return this.scale === 0 ? scaled : scaled / 10 ** this.scale;
  }

  /** Scaled value → reading, with the range checks shared by number and text cells. */
  private finishNumber(scaled: number, inexact: boolean, out: CellReading, lenient: number): void {
    if (inexact) {
      return set(
        out,
        READ_INVALID,
        NaN,
        this.scale === 0 ? "not-integer" : "too-many-decimals",
        this.show(scaled)
      );
    }
    const natural = this.type === "money" ? scaled / 100 : scaled / 10 ** this.scale;
    if (natural < this.min) return set(out, READ_INVALID, NaN, "below-min", this.min);
    const value = this.type === "decimal" ? natural : scaled;
    if (lenient === 0) return set(out, READ_OK, value, "");
    set(out, READ_OK, value, mainLenientCode(lenient), this.show(scaled));
    out.lenient = lenient;
  }

  private readNumber(v: number, out: CellReading): void {
    if (!Number.isFinite(v)) return set(out, READ_INVALID, NaN, "not-a-number");
    if (Number.isInteger(v) && Math.abs(v) < 9e13) {
      return this.finishNumber(this.scale === 0 ? v : v * 10 ** this.scale, false, out, 0);
    }
    if (this.scale === 2) {
      const f = v * 100;
      const r = Math.round(f);
      if (Math.abs(f - r) <= Math.abs(f) * 2 ** -50 && Math.abs(r) < 9e15) {
        return this.finishNumber(r, false, out, 0);
      }
    }
    if (!scaleDecimal(excelDigits(v), this.scale, this.scaled)) {
      return set(out, READ_INVALID, NaN, "too-large");
    }
    this.finishNumber(this.scaled.value, this.scaled.inexact, out, 0);
  }

  private readNumberText(s: string, out: CellReading): void {
    const parsed = parseNumberText(s);
    if (parsed === undefined || parsed.percent) return set(out, READ_INVALID, NaN, "not-a-number");
    if (!scaleDecimal(parsed.decimal, this.scale, this.scaled)) {
      return set(out, READ_INVALID, NaN, "too-large");
    }
    this.finishNumber(this.scaled.value, this.scaled.inexact, out, parsed.lenient);
  }

  private readSerial(serial: number, out: CellReading, code: ReadCode | ""): void {
    const day = Math.floor(serial);
    if (!(day >= 1 && day <= MAX_SERIAL)) return set(out, READ_INVALID, NaN, "not-a-date");
    set(out, READ_OK, day, code, code === "" ? undefined : formatSerial(day));
  }

  private readDateNumber(
    v: number,
    format: string | undefined,
    hasFormats: boolean,
    out: CellReading
  ): void {
    const lenient = hasFormats && !isDateFormat(format);
    this.readSerial(v, out, lenient ? "lenient-date-number" : "");
  }

  private readDateText(s: string, out: CellReading): void {
    const serial = parseDateText(s);
    if (serial === undefined) return set(out, READ_INVALID, NaN, "not-a-date");
    this.readSerial(serial, out, "lenient-date-text");
  }

  private readPercentNumber(v: number, format: string | undefined, out: CellReading): void {
    if (!Number.isFinite(v)) return set(out, READ_INVALID, NaN, "not-a-number");
    if (isPercentFormat(format)) return this.percentFrom(v, 2, out, "");
    if (v > 1 && v <= 100) return this.percentFrom(v, 0, out, "lenient-percent-number");
    // 0 is 0% either way; 1 could be 1% or 100%
    if (v === 0) return this.percentFrom(0, 0, out, "");
    if (v > 0 && v <= 1) return this.percentFrom(v, 2, out, "lenient-percent-fraction");
    this.percentFrom(v, 0, out, "");
  }

  private readPercentText(s: string, out: CellReading): void {
    const parsed = parseNumberText(s);
    if (parsed === undefined || parsed.lenient & (LENIENT.wan | LENIENT.unitSuffix)) {
      return set(out, READ_INVALID, NaN, "not-a-number");
    }
    if (!scaleDecimal(parsed.decimal, 6, this.scaled))
      return set(out, READ_INVALID, NaN, "too-large");
    const pct = this.scaled.value / 1e6;
    if (parsed.percent) {
      // "98.5%" is 98.5%: only spaces or full-width forms are worth a warning
      const bits = parsed.lenient & ~LENIENT.textNumber;
      if (bits === 0) return set(out, READ_OK, pct, "");
      set(out, READ_OK, pct, mainLenientCode(bits), `${pct}%`);
      out.lenient = bits;
      return;
    }
    if (pct > 1 && pct <= 100) return this.percentFrom(pct, 0, out, "lenient-percent-number");
    if (pct > 0 && pct <= 1) return this.percentFrom(pct, 2, out, "lenient-percent-fraction");
    this.percentFrom(pct, 0, out, mainLenientCode(parsed.lenient));
  }

  /** A percent value from `v × 10^shift` (shift 2 for fractions), exact to 15 digits. */
  private percentFrom(v: number, shift: number, out: CellReading, code: ReadCode | ""): void {
    if (!scaleDecimal(excelDigits(v), 6 + shift, this.scaled))
      return set(out, READ_INVALID, NaN, "too-large");
    const pct = this.scaled.value / 1e6;
    set(out, READ_OK, pct, code, code === "" ? undefined : `${pct}%`);
  }
}

/**
 * The issue code a set of leniency bits is reported under.
 * @example mainLenientCode(LENIENT.unitSuffix | LENIENT.textNumber) // "lenient-unit-suffix"
 */
function mainLenientCode(bits: number): LenientNumberCode | "" {
  for (const [bit, code] of LENIENT_CODES) if (bits & bit) return code;
  return "";
}
