/**
 * The neutral workbook model: what a host (the Excel add-in, or an .xlsx file) hands to the
 * core. It knows nothing about Office, files or the DOM.
 *
 * A sheet is a row-major grid of cells. Rows may be ragged (shorter than others) and missing
 * cells are blank. Row and column indexes are 0-based here; A1 addresses are made by `a1()`.
 */

/** An Excel error value as read, e.g. `#DIV/0!`, `#N/A`, `#REF!`, `#VALUE!`. */
export interface ErrorValue {
  readonly error: string;
}

/**
 * A formula the file holds without its result (never calculated: written by a program, not by
 * Excel) that the host could not compute itself; `formula` is its text without the `=`.
 */
export interface FormulaValue {
  readonly formula: string;
}

/** A date that the host already knows to be a date (as an Excel serial day number, 1900 system). */
export interface DateValue {
  readonly date: number;
}

/**
 * A cell's value as read:
 * - `null` / `undefined`: blank
 * - `number`: a number (a date when its number format is a date format — see `isDateFormat`)
 * - `string`: text (also numbers stored as text: the core reads them leniently and says so)
 * - `boolean`
 * - `ErrorValue`: an Excel error value
 * - `DateValue`: a date the host typed explicitly
 * - `FormulaValue`: a formula without a result (the core reports it; it is never read as blank)
 */
export type CellValue =
  number | string | boolean | ErrorValue | DateValue | FormulaValue | null | undefined;

export interface SheetModel {
  /** The sheet's name as the user sees it on its tab. */
  readonly name: string;
  /** Row-major values; `values[r][c]`. Ragged rows allowed. */
  readonly values: ReadonlyArray<ReadonlyArray<CellValue>>;
  /**
   * Number format per cell (`formats[r][c]`, e.g. `0.0%`, `yyyy-mm-dd`, `#,##0.00`), same shape as
   * `values` or shorter; a missing entry means `General`. Hosts should share (intern) format
   * strings: most cells of a column carry the same one.
   */
  readonly formats?: ReadonlyArray<ReadonlyArray<string | undefined> | undefined>;
}

export interface WorkbookModel {
  readonly sheets: readonly SheetModel[];
}

export function isErrorValue(v: CellValue): v is ErrorValue {
  return typeof v === "object" && v !== null && typeof (v as ErrorValue).error === "string";
}

export function isFormulaValue(v: CellValue): v is FormulaValue {
  return typeof v === "object" && v !== null && typeof (v as FormulaValue).formula === "string";
}

export function isDateValue(v: CellValue): v is DateValue {
  return typeof v === "object" && v !== null && typeof (v as DateValue).date === "number";
}

/**
 * Column index (0-based) to letters.
 * @example columnLetters(0) // 'A'
 * @example columnLetters(27) // 'AB'
 */
export function columnLetters(col: number): string {
  let n = Math.floor(col) + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * 0-based row and column to an A1 address.
 * @example a1(0, 0) // 'A1'
 * @example a1(6, 2) // 'C7'
 */
export function a1(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

/**
 * A1 address (or `C7`, `7:7`, `C:C`) to 0-based row/column; undefined parts for whole rows/columns.
 * @example parseA1('C7') // { row: 6, col: 2 }
 */
export function parseA1(address: string): { row?: number; col?: number } | undefined {
  const m = /^([A-Z]{0,3})(\d*)$/.exec(address.split(":")[0] ?? "");
  if (!m || (!m[1] && !m[2])) return undefined;
  let col: number | undefined;
  if (m[1]) {
    col = 0;
    for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
    col -= 1;
  }
  const row = m[2] ? Number(m[2]) - 1 : undefined;
  return { row, col };
}
