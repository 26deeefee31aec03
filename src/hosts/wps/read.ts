/**
 * Reading every sheet through ET, never writing. ET calls are synchronous, one round trip each,
 * with no batching, so the read is shaped by the number of calls:
 *
 * 1. Survey: each sheet's used range (Row, Column, Rows.Count, Columns.Count) — a few calls a sheet.
 * 2. Number formats per column: `NumberFormat` of the column's whole range is one call; it is
 *    `null` when the cells differ (checked by a few single cells until this WPS has answered
 *    `null` once: see `FormatTrust`): then the head rows are peeled off (title and header rows
 *    above a uniform body), and what still differs is halved until each part answers.
 * 3. Values: `Value2` of row blocks of at most `chunkCells` cells (one call each); between blocks
 *    the page gets the event loop back (progress is painted, 取消 is honoured).
 * 4. A formula error, in whichever form `Value2` gives it (an error code −2146826281 = #DIV/0!,
 *    confirmed by the cell's `Text`, one call per such cell; an error string; another object,
 *    read by its `Text`): see `etCellValue`.
 *
 * A used range over `maxRangeCells` is refused before any value is read.
 */
import { a1, columnLetters, type CellValue, type SheetModel, type WorkbookModel } from "../../core";
import type { ReadOptions } from "../host";
import { FormatInterner, tooLargeMessage } from "../office/cells";
import { ET, type EtApplication, type EtRange, type EtWorksheet } from "./et";
import { describeEtError, throwIfAborted, WpsHostError, yieldToPage } from "./errors";
import { etCellValue, isGeneralFormat, needsText, valueRows } from "./values";
import { activeWorkbook, userSheets } from "./workbook";

export interface EtReadLimits {
  /** Most cells in one `Value2` call. */
  readonly chunkCells: number;
  /** A sheet whose range to read holds more cells than this is refused. */
  readonly maxRangeCells: number;
}

export const ET_READ_LIMITS: EtReadLimits = Object.freeze({
  chunkCells: 50_000,
  maxRangeCells: 5_000_000,
});

interface Extent {
  readonly ws: EtWorksheet;
  readonly name: string;
  /** Rows and columns from A1 to the used range's last cell. */
  readonly rows: number;
  readonly cols: number;
}

/**
 * The last row and column holding a value or formula, by the VBA idiom `Find("*", …, xlPrevious)`
 * by rows and by columns (a few calls); undefined when Find is unavailable. ET's UsedRange also
 * counts cells that only carry formatting (a whole column filled), which Office.js's
 * `getUsedRange(true)` leaves out: this keeps the WPS read to the same rectangle.
 */
function lastValueCell(used: EtRange): { rows: number; cols: number } | "empty" | undefined {
  try {
    const find = (order: number) =>
      used.Find("*", undefined, ET.xlFormulas, ET.xlPart, order, ET.xlPrevious);
    const byRows = find(ET.xlByRows);
    if (byRows === null || byRows === undefined) return "empty";
    const byCols = find(ET.xlByColumns);
    return { rows: Number(byRows.Row), cols: Number(byCols?.Column ?? byRows.Column) };
  } catch {
    return undefined;
  }
}

function survey(app: EtApplication): Extent[] {
  return userSheets(activeWorkbook(app)).map(({ ws, name }) => {
    const used = ws.UsedRange;
    let rows = Number(used.Row) - 1 + Number(used.Rows.Count);
    let cols = Number(used.Column) - 1 + Number(used.Columns.Count);
    const last = lastValueCell(used);
    if (last === "empty") rows = cols = 0;
    else if (last) {
      rows = Math.min(rows, last.rows);
      cols = Math.min(cols, last.cols);
    }
    return { ws, name, rows: rows > 0 ? rows : 0, cols: cols > 0 ? cols : 0 };
  });
}

function refuseHuge(extents: readonly Extent[], limits: EtReadLimits): void {
  for (const e of extents) {
    const message = tooLargeMessage(e.name, e.rows, e.cols, limits.maxRangeCells);
    if (message) throw new WpsHostError(message, "RangeTooLarge");
  }
}

/** Rows a table's head may take above its body (title, frame, header rows). */
const HEAD_ROWS = 6;

/**
 * What this WPS answers for `NumberFormat` of a range whose cells differ. Kingsoft's typings
 * (et-jsapi-declare 2.5.0) only type it as `any`; VBA answers `null`, and no WPS source says WPS
 * does. Until a range has answered `null` in this read, a string answered for several cells is
 * checked against its first, middle and last cells read one by one (single cells are
 * unambiguous): a WPS that answers the first cell's format, or `G/通用格式`, for a mixed range is
 * caught wherever the difference reaches one of those cells.
 */
interface FormatTrust {
  nullSeen: boolean;
}

const sameFormat = (a: unknown, b: unknown) =>
  (isGeneralFormat(a) && isGeneralFormat(b)) || a === b;

/**
 * Runs [first row, last row, format] (1-based) of one column. A range whose cells differ answers
 * `null` (or fails the check above): first the column's head rows are peeled off one by one (a
 * table: a few title and header rows above a uniform body — 2 calls a row), then what still
 * differs is halved.
 */
function formatRuns(
  ws: EtWorksheet,
  col: number,
  first: number,
  last: number,
  trust: FormatTrust,
  out: [number, number, string][] = [],
  peel = true
): [number, number, string][] {
  const letters = columnLetters(col);
  const cell = (r: number) => ws.Range(`${letters}${r}`).NumberFormat;
  const format = (a: number, b: number): unknown => {
    const f = a === b ? cell(a) : ws.Range(`${letters}${a}:${letters}${b}`).NumberFormat;
    if (typeof f !== "string") {
      if (a !== b) trust.nullSeen = true;
      return f;
    }
    if (a === b || trust.nullSeen) return f;
    const mid = Math.floor((a + b) / 2);
    const probes = b - a === 1 ? [a, b] : [a, mid, b];
    return probes.every((r) => sameFormat(cell(r), f)) ? f : null;
  };
  const f = format(first, last);
  if (typeof f === "string") {
    out.push([first, last, f]);
    return out;
  }
  if (first === last) return out;
  if (peel) {
    for (let k = 1; k <= HEAD_ROWS && first + k < last; k++) {
      const body = format(first + k, last);
      if (typeof body === "string") {
        formatRuns(ws, col, first, first + k - 1, trust, out, false);
        out.push([first + k, last, body]);
        return out;
      }
    }
  }
  const mid = Math.floor((first + last) / 2);
  formatRuns(ws, col, first, mid, trust, out, false);
  formatRuns(ws, col, mid + 1, last, trust, out, false);
  return out;
}

/**
 * Number formats of a sheet (rows of interned strings; undefined where every cell is General).
 * A large sheet gives the page the event loop back after each column (ET works through every
 * cell of the range to answer `NumberFormat`).
 */
async function readFormats(
  e: Extent,
  interner: FormatInterner,
  limits: EtReadLimits,
  signal: AbortSignal | undefined,
  trust: FormatTrust
): Promise<(string[] | undefined)[] | undefined> {
  let formats: (string[] | undefined)[] | undefined;
  const large = e.rows * e.cols > limits.chunkCells;
  for (let c = 0; c < e.cols; c++) {
    if (large && c > 0) {
      await yieldToPage();
      throwIfAborted(signal);
    }
    for (const [first, last, f] of formatRuns(e.ws, c, 1, e.rows, trust)) {
      if (isGeneralFormat(f)) continue;
      const s = interner.intern(f);
      if (s === undefined) continue;
      formats ??= new Array<string[] | undefined>(e.rows);
      for (let r = first - 1; r < last; r++) (formats[r] ??= new Array<string>(e.cols))[c] = s;
    }
  }
  return formats;
}

/** Reads the values of one sheet in row blocks; `progress` is called after each block. */
async function readValues(
  e: Extent,
  limits: EtReadLimits,
  options: ReadOptions,
  progress: (cells: number) => void
): Promise<CellValue[][]> {
  const values: CellValue[][] = [];
  const step = Math.max(1, Math.floor(limits.chunkCells / Math.max(1, e.cols)));
  const last = columnLetters(e.cols - 1);
  for (let row = 0; row < e.rows; row += step) {
    const rows = Math.min(step, e.rows - row);
    const block = valueRows(e.ws.Range(`A${row + 1}:${last}${row + rows}`).Value2, rows, e.cols);
    for (let r = 0; r < rows; r++) {
      const src = block[r] ?? [];
      const out = new Array<CellValue>(e.cols);
      for (let c = 0; c < e.cols; c++) {
        const v = src[c];
        out[c] = needsText(v)
          ? etCellValue(v, () => e.ws.Range(a1(row + r, c)).Text)
          : etCellValue(v);
      }
      values.push(out);
    }
    progress(rows * e.cols);
    if (row + rows < e.rows) {
      await yieldToPage();
      throwIfAborted(options.signal);
    }
  }
  return values;
}

/** Reads every sheet of the active workbook. Rejects in Chinese, or with an AbortError when cancelled. */
export async function readWorkbookFromEt(
  app: EtApplication,
  options: ReadOptions = {},
  limits: EtReadLimits = ET_READ_LIMITS
): Promise<WorkbookModel> {
  throwIfAborted(options.signal);
  try {
    const extents = survey(app);
    refuseHuge(extents, limits);
    const total = extents.reduce((n, e) => n + e.rows * e.cols, 0);
    let done = 0;
    options.onProgress?.({ done, total });
    const interner = new FormatInterner();
    const trust: FormatTrust = { nullSeen: false };
    const sheets: SheetModel[] = [];
    for (const e of extents) {
      if (e.rows === 0 || e.cols === 0) {
        sheets.push({ name: e.name, values: [] });
        continue;
      }
      const formats = await readFormats(e, interner, limits, options.signal, trust);
      let values = await readValues(e, limits, options, (cells) => {
        done += cells;
        options.onProgress?.({ done, total });
      });
      // an empty sheet's used range is A1 alone, blank
      if (e.rows === 1 && e.cols === 1 && values[0]?.[0] === null && !formats) values = [];
      sheets.push(formats ? { name: e.name, values, formats } : { name: e.name, values });
      await yieldToPage();
      throwIfAborted(options.signal);
    }
    return { sheets };
  } catch (e) {
    throw describeEtError(e, "读取工作簿");
  }
}
