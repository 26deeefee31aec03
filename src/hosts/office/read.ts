/**
 * Reading the whole workbook through Excel.run, never writing.
 *
 * 1. Survey (1 sync): the sheets and their used ranges (`valuesOnly`), walked with
 *    `worksheets.getFirst()` / `getNextOrNullObject()` so that names and sizes come back together.
 *    If the host refuses methods on a null object (the chain past the last sheet), or there are
 *    more sheets than the chain covers, it falls back to two syncs (names, then used ranges).
 * 2. Below `chunkThresholdCells` in all: one more sync reads `values`, `numberFormat` and
 *    `valueTypes` of every sheet (A1 to the used range's last cell) — 2 syncs in all. Should
 *    Excel on the web still refuse the response as too large (long texts), or Excel answer with
 *    `values: null` (seen in the field for very large ranges), it reads in chunks; a chunk that
 *    comes back null is read again as a quarter, down to one row.
 * 3. Above it: row chunks sized from the bytes per cell measured so far, aiming at
 *    `targetChunkBytes` (2 MB) per response, far under Excel on the web's 5 MB limit; progress is
 *    reported after each chunk and the AbortSignal is honoured between and during chunks.
 * A used range over `maxRangeCells` (5,000,000) is refused before anything is read.
 *
 * ExcelApi 1.1 (Excel 2016) is enough: the one-sync survey needs 1.5 (`getFirst`,
 * `getNextOrNullObject`) and the null-object used range 1.4; below, the survey takes two syncs
 * with `getUsedRange`, whose `valuesOnly` is 1.2 and which answers A1 for a blank sheet (its
 * reference, https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getusedrange-member(1));
 * the blank rows and columns this reads past the last value (A1 of a blank sheet, formatted
 * cells where `valuesOnly` is missing) are dropped, so the model is the same as in newer Excel.
 */
import { a1, type SheetModel, type WorkbookModel } from "../../core";
import { hasExcelApi } from "./api";
import type { ReadOptions } from "../host";
import {
  ChunkPlanner,
  FormatInterner,
  SheetAssembler,
  jsonBytes,
  tooLargeMessage,
  trimBlankEdges,
  type ChunkLimits,
} from "./cells";
import {
  OfficeHostError,
  describeOfficeError,
  isPayloadLimitError,
  throwIfAborted,
  ValuesNotReturnedError,
  untilAborted,
  ReadCancelledError,
} from "./errors";

export interface ReadLimits extends ChunkLimits {
  /** At or below this many cells in all, the workbook is read in one request (2 syncs in all). */
  readonly chunkThresholdCells: number;
  /** A sheet whose range to read holds more cells than this is refused. */
  readonly maxRangeCells: number;
  /** Sheets the one-sync survey covers before falling back to two syncs. */
  readonly surveySheets: number;
}

export const READ_LIMITS: ReadLimits = Object.freeze({
  chunkThresholdCells: 25_000,
  firstChunkCells: 2_000,
  targetChunkBytes: 2 * 1024 * 1024,
  maxChunkCells: 200_000,
  maxRangeCells: 5_000_000,
  surveySheets: 30,
});

/** A sheet and the rectangle to read: A1 to the last used cell. */
interface SheetExtent {
  readonly name: string;
  readonly rows: number;
  readonly cols: number;
  /** The extent may reach past the last value (`getUsedRange` below ExcelApi 1.4): trim after reading. */
  readonly trim?: boolean;
}

const READ_PROPS = "values,numberFormat,valueTypes";

/** `A1:K120` for a rectangle of `rows` × `cols` starting at `row` (0-based). */
function blockAddress(row: number, rows: number, cols: number): string {
  return `${a1(row, 0)}:${a1(row + rows - 1, cols - 1)}`;
}

/** Used range → extent from A1 (so row/column indexes of the model are the sheet's). */
function extentOf(name: string, used: Excel.Range, trim: boolean): SheetExtent {
  if (!trim && used.isNullObject) return { name, rows: 0, cols: 0 };
  const rows = used.rowIndex + used.rowCount;
  const cols = used.columnIndex + used.columnCount;
  return trim ? { name, rows, cols, trim } : { name, rows, cols };
}

/**
 * The used range to survey: of values only, a null object for a blank sheet (ExcelApi 1.4); else
 * `getUsedRange`, of values only from ExcelApi 1.2. True in `trim` when it may reach past the last value.
 */
function usedRangeOf(ws: Excel.Worksheet): { range: Excel.Range; trim: boolean } {
  if (hasExcelApi("1.4")) return { range: ws.getUsedRangeOrNullObject(true), trim: false };
  const range = hasExcelApi("1.2") ? ws.getUsedRange(true) : ws.getUsedRange();
  return { range, trim: true };
}

/** The sheet read, without the blank edges of an extent that may reach past the last value. */
function sheetOf(e: SheetExtent, sheet: SheetAssembler): SheetModel {
  const { values, formats } = e.trim
    ? trimBlankEdges(sheet.values, sheet.formatsOrUndefined)
    : { values: sheet.values, formats: sheet.formatsOrUndefined };
  return { name: e.name, values, formats };
}

/** Survey in one sync by walking the sheets; undefined when the chain cannot be used. */
async function surveyChained(
  context: Excel.RequestContext,
  limits: ReadLimits,
  signal?: AbortSignal
): Promise<SheetExtent[] | undefined> {
  const sheets: Excel.Worksheet[] = [];
  const used: Excel.Range[] = [];
  let ws = context.workbook.worksheets.getFirst();
  for (let i = 0; i < limits.surveySheets; i++) {
    ws.load("name");
    sheets.push(ws);
    used.push(ws.getUsedRangeOrNullObject(true).load("rowIndex,columnIndex,rowCount,columnCount"));
    ws = ws.getNextOrNullObject();
  }
  const probe = ws.load("name"); // the sheet after the last one covered: must be null
  try {
    await untilAborted(context.sync(), signal);
  } catch (e) {
    if (e instanceof ReadCancelledError) throw e;
    return undefined;
  }
  if (!probe.isNullObject) return undefined;
  const out: SheetExtent[] = [];
  for (let i = 0; i < sheets.length; i++) {
    const s = sheets[i]!;
    if (s.isNullObject) break;
    out.push(extentOf(s.name, used[i]!, false));
  }
  return out;
}

/** Survey in two syncs: names, then used ranges. */
async function surveyPlain(
  context: Excel.RequestContext,
  signal?: AbortSignal
): Promise<SheetExtent[]> {
  const sheets = context.workbook.worksheets.load("items/name");
  await untilAborted(context.sync(), signal);
  const used = sheets.items.map((s) => {
    const { range, trim } = usedRangeOf(s);
    return { range: range.load("rowIndex,columnIndex,rowCount,columnCount"), trim };
  });
  await untilAborted(context.sync(), signal);
  return sheets.items.map((s, i) => extentOf(s.name, used[i]!.range, used[i]!.trim));
}

function refuseHuge(extents: readonly SheetExtent[], limits: ReadLimits): void {
  for (const e of extents) {
    const message = tooLargeMessage(e.name, e.rows, e.cols, limits.maxRangeCells);
    if (message) throw new OfficeHostError(message, "RangeTooLarge");
  }
}

/** Reads every sheet in one request. */
async function readWhole(
  context: Excel.RequestContext,
  extents: readonly SheetExtent[],
  signal?: AbortSignal
): Promise<SheetModel[]> {
  const ranges = extents.map((e) =>
    e.rows > 0
      ? context.workbook.worksheets
          .getItem(e.name)
          .getRange(blockAddress(0, e.rows, e.cols))
          .load(READ_PROPS)
      : undefined
  );
  await untilAborted(context.sync(), signal);
  if (ranges.some((r) => r !== undefined && r.values === null)) throw new ValuesNotReturnedError();
  const interner = new FormatInterner();
  return extents.map((e, i) => {
    const r = ranges[i];
    const sheet = new SheetAssembler(interner);
    if (r) sheet.append(r.values, r.numberFormat, r.valueTypes);
    return sheetOf(e, sheet);
  });
}

/** Reads sheet by sheet in row chunks sized to stay under the payload target. */
async function readChunked(
  context: Excel.RequestContext,
  extents: readonly SheetExtent[],
  limits: ReadLimits,
  options: ReadOptions,
  total: number,
  refusedWhole: boolean
): Promise<SheetModel[]> {
  const planner = new ChunkPlanner(limits);
  if (refusedWhole) planner.refused(total);
  const interner = new FormatInterner();
  const out: SheetModel[] = [];
  let done = 0;
  for (const e of extents) {
    const sheet = new SheetAssembler(interner);
    const ws = context.workbook.worksheets.getItem(e.name);
    for (let row = 0; row < e.rows;) {
      const rows = Math.min(planner.rowsFor(e.cols), e.rows - row);
      const range = ws.getRange(blockAddress(row, rows, e.cols)).load(READ_PROPS);
      try {
        // Deliberate: chunks are read one after another so that no request or response grows
        // past the payload limit and memory is released chunk by chunk; each sync is awaited
        // before the next chunk is sized from the bytes it returned.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await untilAborted(context.sync(), options.signal);
        if (range.values === null) throw new ValuesNotReturnedError();
      } catch (err) {
        // Excel on the web refused the response (very long texts), or Excel returned null
        // values (too large): retry with a quarter.
        if (!isPayloadLimitError(err) || rows === 1) throw err;
        planner.refused(rows * e.cols);
        continue;
      }
      const { values, numberFormat, valueTypes } = range;
      planner.observe(
        rows * e.cols,
        jsonBytes(values) + jsonBytes(numberFormat) + jsonBytes(valueTypes)
      );
      sheet.append(values, numberFormat, valueTypes);
      row += rows;
      done += rows * e.cols;
      options.onProgress?.({ done, total });
    }
    out.push(sheetOf(e, sheet));
  }
  return out;
}

/**
 * Reads every sheet of the workbook in the active Excel (see the module comment for the syncs).
 * Rejects with a Chinese message (`OfficeHostError`) or, when cancelled, a `ReadCancelledError`.
 */
export async function readWorkbookFromExcel(
  options: ReadOptions = {},
  limits: ReadLimits = READ_LIMITS
): Promise<WorkbookModel> {
  const { signal } = options;
  throwIfAborted(signal);
  try {
    const sheets = await Excel.run(async (context) => {
      // the one-sync survey walks the sheets with ExcelApi 1.5 members
      const chained = hasExcelApi("1.5") ? await surveyChained(context, limits, signal) : undefined;
      const all = chained ?? (await surveyPlain(context, signal));
      options.onSheetNames?.(all.map((e) => e.name));
      const only = options.sheets ? new Set(options.sheets) : undefined;
      const extents = only ? all.filter((e) => only.has(e.name)) : all;
      refuseHuge(extents, limits);
      const total = extents.reduce((n, e) => n + e.rows * e.cols, 0);
      options.onProgress?.({ done: 0, total });
      let refusedWhole = false;
      if (total <= limits.chunkThresholdCells) {
        try {
          const whole = await readWhole(context, extents, signal);
          options.onProgress?.({ done: total, total });
          return whole;
        } catch (e) {
          if (!isPayloadLimitError(e)) throw e;
          refusedWhole = true; // Excel on the web: too many bytes (long texts) for one response
        }
      }
      return readChunked(context, extents, limits, options, total, refusedWhole);
    });
    return { sheets };
  } catch (e) {
    throw describeOfficeError(e, "读取工作簿");
  }
}
