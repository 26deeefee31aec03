/**
 * Writes template workbooks (.xlsx) with the project's own writer (writer.ts): the blank template
 * of each table defined (row 1 title, row 2 填报单位/统计年度/填报人/填报日期, row 3 headers, empty
 * data rows, a 合计 row with SUM formulas), styled headers, number formats and data-validation
 * lists for the fixed-choice columns. The same writer fills sheets with data for the sample
 * workbooks and tests. A column whose unit is on each row (表4's 受理数 in 件, 个 or 人次) has
 * no SUM: a table all of whose counts are such columns gets no 合计 row.
 *
 * Headers, types and choices come from the table's definition (the core's built-in BUILTIN_DEFINITIONS or a
 * bureau's own): nothing is repeated here. The blank templates of a bureau's own tables carry those
 * definitions too, as a protected `报表定义` sheet, so a unit's returned copy checks by itself.
 */
import {
  columnLetters,
  FRAME_LABELS,
  BUILTIN_DEFINITIONS,
  DEFINITIONS_SHEET,
  definitionsSheetGrid,
  isBuiltinSet,
  TOTAL_LABEL,
  hasTotalRow,
  totalled,
  type TableId,
  type ColumnDefinition,
  type TableDefinition,
} from "../../core";
// Pure layout helpers shared with the add-in (no Office.js in that module): same formats, same names.
import { columnFormat as columnNumberFormat, templateSheetBase } from "../office/layout";
import {
  address,
  cellAt,
  newSheet,
  writeXlsx,
  type XlsxSheet,
  type XlsxStyle,
  type XlsxValue,
} from "./writer";

/**
 * A value to write: Date (UTC day), `{ formula, result }`, `{ error }`, `{ value, numFmt }` (a
 * value with its own number format instead of the column's) or a plain value.
 */
export type CellInput =
  | Exclude<XlsxValue, { readonly error: string }>
  | { readonly value: number | string; readonly numFmt: string }
  | { readonly error: "#DIV/0!" | "#N/A" | "#NAME?" | "#NULL!" | "#NUM!" | "#REF!" | "#VALUE!" };

export interface TemplateSheetInput {
  readonly tableId: TableId;
  readonly year: number;
  /** Tab name; default `表1 党员发展 2013`. */
  readonly sheetName?: string;
  /** Row 1; default the template's title, e.g. `表1 党员发展情况统计表`. */
  readonly title?: string;
  /** Values of row 2 by label (`填报单位`, `填报人`, `填报日期`); `统计年度` is `year` unless given. */
  readonly frame?: Partial<Record<(typeof FRAME_LABELS)[number], CellInput>>;
  /** Headers of row 3 in order (default: the template's). Lets tests and samples drop, repeat or add one. */
  readonly headers?: readonly string[];
  /** Data rows, by header or by position (position follows `headers`). */
  readonly rows?: ReadonlyArray<RowInput>;
  /** Empty data rows after `rows` (default: the definition's `blankRows` for a blank template, 0 when rows are given). */
  readonly blankRows?: number;
  /**
   * The 合计 row: `formula` (default) writes SUM formulas over the count and money columns, with
   * their computed results cached — none over a column whose unit is on each row, and no row
   * when every count is one (表4); `none` leaves the row out; an object overrides cells by header
   * (an old 表4's 合计 row too).
   */
  readonly total?: "formula" | "none" | Readonly<Record<string, CellInput>>;
  /** Text written two rows below the table (e.g. `说明：2012 年数据为虚构示例`). */
  readonly note?: string;
  readonly state?: "visible" | "hidden";
  /** The table's definition, when it is not a built-in (a bureau's own definitions). */
  readonly definition?: TableDefinition;
}

/** Blank data rows of a template whose definition names none. */
const DEFAULT_BLANK_ROWS = 20;

function definitionOf(id: TableId): TableDefinition {
  const def = BUILTIN_DEFINITIONS.find((t) => t.id === id);
  if (!def) throw new Error(`未知模板 ${id}`);
  return def;
}

/** The default tab name, the same as the add-in's: `表1 党员发展 2013`. */
export function defaultSheetName(id: TableId, year: number): string {
  return templateSheetBase(definitionOf(id), year);
}

function toValue(v: CellInput): XlsxValue {
  if (v === undefined || v === null) return null;
  if (typeof v === "object" && !(v instanceof Date)) {
    if ("error" in v) return { error: v.error };
    if ("numFmt" in v) return v.value;
    return v.result === undefined
      ? { formula: v.formula }
      : { formula: v.formula, result: v.result };
  }
  return v;
}

/** Exact sum of a column (money summed in fen). */
function columnSum(values: readonly CellInput[], money: boolean): number {
  let total = 0;
  for (const v of values) {
    let n = 0;
    if (typeof v === "number") n = v;
    else if (typeof v === "object" && v !== null && "result" in v && typeof v.result === "number")
      n = v.result;
    else if (typeof v === "object" && v !== null && "numFmt" in v && typeof v.value === "number")
      n = v.value;
    total += money ? Math.round(n * 100) : n;
  }
  return money ? total / 100 : total;
}

const HEADER_FILL = "FFDDEBF7";
const BORDER = "FF9BA9B8";

type RowInput = Readonly<Record<string, CellInput>> | readonly CellInput[];

function rowInput(row: RowInput | undefined, header: string, k: number): CellInput {
  if (row === undefined) return undefined;
  return Array.isArray(row)
    ? (row as readonly CellInput[])[k]
    : (row as Readonly<Record<string, CellInput>>)[header];
}

/** Sets a cell's style properties (kept with those set before). */
function styleCell(ws: XlsxSheet, row: number, col: number, style: XlsxStyle): void {
  const cell = cellAt(ws, row, col);
  cell.style = { ...cell.style, ...style };
}

function setValue(ws: XlsxSheet, row: number, col: number, v: CellInput): void {
  cellAt(ws, row, col).value = toValue(v);
}

/** A sheet being written: its input, definition, headers and where its data rows are. */
interface SheetLayout {
  readonly ws: XlsxSheet;
  readonly input: TemplateSheetInput;
  readonly def: TableDefinition;
  readonly headers: readonly string[];
  /** The first and last data row (1-based; `lastData < firstData` when there are none). */
  readonly firstData: number;
  readonly lastData: number;
}

/** The definition of the column with this header, if the table has one. */
function columnOf(def: TableDefinition, header: string): ColumnDefinition | undefined {
  return def.columns.find((c) => c.header === header);
}

function addSheet(input: TemplateSheetInput): XlsxSheet {
  const def = input.definition ?? definitionOf(input.tableId);
  const headers = input.headers ?? def.columns.map((c) => c.header);
  const ws: XlsxSheet = {
    ...newSheet(input.sheetName ?? templateSheetBase(def, input.year)),
    frozenRows: 3,
    state: input.state ?? "visible",
  };
  const rows = input.rows ?? [];
  const blank = input.blankRows ?? (rows.length === 0 ? (def.blankRows ?? DEFAULT_BLANK_ROWS) : 0);
  const firstData = 4;
  const sheet: SheetLayout = {
    ws,
    input,
    def,
    headers,
    firstData,
    lastData: firstData + rows.length + blank - 1,
  };
  writeTitleRow(sheet);
  writeFrameRow(sheet);
  writeHeaderRow(sheet);
  const columnValues = writeDataRows(sheet);
  styleDataRows(sheet);
  addChoiceLists(sheet);
  let after = sheet.lastData + 1;
  const total = input.total ?? "formula";
  if (total !== "none" && (total !== "formula" || hasTotalRow(def))) {
    writeTotalRow(sheet, columnValues);
    after += 1;
  }
  if (input.note) setValue(ws, after + 1, 1, input.note);
  return ws;
}

/** Row 1: the title, merged across the table and centred. */
function writeTitleRow({ ws, input, def, headers }: SheetLayout): void {
  const width = Math.max(headers.length, 8);
  setValue(ws, 1, 1, input.title ?? def.title);
  ws.merges.push(`A1:${address(1, width)}`);
  styleCell(ws, 1, 1, {
    bold: true,
    fontSize: 16,
    fontName: "黑体",
    horizontal: "center",
    vertical: "middle",
  });
  ws.heights.set(1, 28);
}

/** Row 2: the label/value pairs (填报单位, 统计年度 …); 统计年度 is the year unless given. */
function writeFrameRow({ ws, input }: SheetLayout): void {
  FRAME_LABELS.forEach((label, k) => {
    const col = 1 + 2 * k;
    setValue(ws, 2, col, label);
    styleCell(ws, 2, col, { bold: true });
    const given = input.frame?.[label];
    const value: CellInput = label === "统计年度" ? (given ?? input.year) : given;
    setValue(ws, 2, col + 1, value);
    if (label === "统计年度") styleCell(ws, 2, col + 1, { numFmt: "0" });
    if (label === "填报日期") styleCell(ws, 2, col + 1, { numFmt: "yyyy-mm-dd" });
  });
}

/** Row 3: the headers, styled, each column as wide as its content needs. */
function writeHeaderRow({ ws, def, headers }: SheetLayout): void {
  headers.forEach((h, k) => {
    setValue(ws, 3, k + 1, h);
    styleCell(ws, 3, k + 1, {
      bold: true,
      fill: HEADER_FILL,
      border: BORDER,
      horizontal: "center",
      vertical: "middle",
      wrapText: true,
    });
    const c = columnOf(def, h);
    ws.widths.set(
      k + 1,
      c?.type === "text" && h !== "备注" ? 24 : h === "备注" ? 28 : Math.max(10, h.length * 2 + 2)
    );
  });
  ws.heights.set(3, 32);
}

/** The given data rows' values; returns each column's values (for the 合计 row's results). */
function writeDataRows({ ws, input, headers, firstData }: SheetLayout): CellInput[][] {
  const columnValues: CellInput[][] = headers.map(() => []);
  (input.rows ?? []).forEach((row, i) => {
    headers.forEach((h, k) => {
      const v = rowInput(row, h, k);
      (columnValues[k] as CellInput[]).push(v);
      if (v !== undefined && v !== null) setValue(ws, firstData + i, k + 1, v);
    });
  });
  return columnValues;
}

/** Borders and number formats of every data row, given or blank (a value's own format first). */
function styleDataRows({ ws, input, def, headers, firstData, lastData }: SheetLayout): void {
  const rows = input.rows ?? [];
  for (let r = firstData; r <= lastData; r++) {
    headers.forEach((h, k) => {
      const given = rowInput(rows[r - firstData], h, k);
      const own = typeof given === "object" && given !== null && "numFmt" in given;
      const c = columnOf(def, h);
      const fmt = own ? given.numFmt : c ? columnNumberFormat(c) : undefined;
      styleCell(ws, r, k + 1, { border: BORDER, ...(fmt ? { numFmt: fmt } : {}) });
    });
  }
}

/**
 * The message Excel shows when a value is not in the list: the values themselves where they fit
 * the 255 characters Excel keeps of a validation's message (XlsxWriter's data_validation docs:
 * "the maximum message length is 255 characters"), else where to pick them from.
 * @example choiceError("单位类型", ["机关", "高中"]) // "单位类型 只能填：机关、高中"
 */
export function choiceError(header: string, allowed: readonly string[]): string {
  const all = `${header} 只能填：${allowed.join("、")}`;
  return all.length <= 255 ? all : `${header} 只能填下拉列表中的值，请点单元格右侧的箭头选择。`;
}

/** A drop-down list of the allowed values on the data rows of each fixed-choice column. */
function addChoiceLists({ ws, def, headers, firstData, lastData }: SheetLayout): void {
  if (lastData < firstData) return;
  headers.forEach((h, k) => {
    const c = columnOf(def, h);
    if (c?.type !== "enum" || !c.allowed) return;
    const letter = columnLetters(k);
    ws.validations.push({
      sqref: `${letter}${firstData}:${letter}${lastData}`,
      values: c.allowed,
      errorTitle: "请从列表中选择",
      error: choiceError(h, c.allowed),
    });
  });
}

/**
 * The 合计 row after the data rows: SUM formulas (with their results cached) over the count and
 * money columns whose unit is the column's own, or the cells `input.total` gives.
 */
function writeTotalRow(sheet: SheetLayout, columnValues: readonly CellInput[][]): void {
  const { ws, input, def, headers, firstData, lastData } = sheet;
  const r = lastData + 1;
  setValue(ws, r, 1, TOTAL_LABEL);
  headers.forEach((h, k) => {
    styleCell(ws, r, k + 1, { border: BORDER, bold: true });
    const c = columnOf(def, h);
    const override = typeof input.total === "object" ? input.total[h] : undefined;
    if (override !== undefined) {
      setValue(ws, r, k + 1, override);
    } else if (c && totalled(c) && k > 0) {
      const letter = columnLetters(k);
      const result = columnSum(columnValues[k] ?? [], c.type === "money");
      setValue(
        ws,
        r,
        k + 1,
        lastData >= firstData
          ? { formula: `SUM(${letter}${firstData}:${letter}${lastData})`, result }
          : result
      );
    }
    const fmt = c ? columnNumberFormat(c) : undefined;
    if (fmt && c?.type !== "percent") styleCell(ws, r, k + 1, { numFmt: fmt });
  });
}

/** The workbook of these sheets as .xlsx bytes (fixed creator and date: the same bytes each time). */
function writeBook(sheets: readonly XlsxSheet[]): Uint8Array {
  return writeXlsx({
    sheets,
    creator: "统计报表助手",
    created: new Date(Date.UTC(2000, 0, 1)),
    fullCalcOnLoad: true,
  });
}

/**
 * A workbook of table sheets, filled or blank, as .xlsx bytes.
 * @example await writeTemplateWorkbook([{ tableId: "T1", year: 2013 }])
 */
export async function writeTemplateWorkbook(
  sheets: readonly TemplateSheetInput[]
): Promise<Uint8Array> {
  return writeBook(sheets.map(addSheet));
}

/** Column widths of the `报表定义` sheet, by its header (the long texts wider). */
const DEFINITIONS_WIDTHS: Readonly<Record<string, number>> = {
  名称: 18,
  内容: 40,
  "可选值/条件": 28,
  说明: 40,
  "其他（JSON）": 40,
};

/**
 * The `报表定义` sheet holding these definitions, as the pane's 插入报表定义 writes it (header row
 * bold and frozen, every cell text), protected without a password against accidental edits: the
 * unit fills the tables, not their definitions, and Review › Unprotect Sheet still lifts it.
 */
function definitionsSheet(definitions: readonly TableDefinition[]): XlsxSheet {
  const ws: XlsxSheet = { ...newSheet(DEFINITIONS_SHEET), frozenRows: 1, protect: true };
  definitionsSheetGrid(definitions).forEach((row, r) => {
    row.forEach((v, c) => {
      if (v !== "") setValue(ws, r + 1, c + 1, v);
      if (r === 0) {
        styleCell(ws, 1, c + 1, { bold: true });
        ws.widths.set(c + 1, DEFINITIONS_WIDTHS[v] ?? 10);
      }
    });
  });
  return ws;
}

/**
 * The blank templates of every table in force for `year` (what `bureau-stats template` and the
 * pane's 下载模板 write): the built-ins, or a bureau's own definitions — then followed by a
 * protected `报表定义` sheet holding them, so a unit's returned copy is checked by the bureau's
 * tables with no definitions file beside it.
 * @example await writeTemplates(2014) // .xlsx bytes with 表1…表4
 */
export function writeTemplates(
  year: number,
  definitions: readonly TableDefinition[] = BUILTIN_DEFINITIONS
): Promise<Uint8Array> {
  const sheets = definitions.map((t) => addSheet({ tableId: t.id, year, definition: t }));
  if (!isBuiltinSet(definitions)) sheets.push(definitionsSheet(definitions));
  return Promise.resolve(writeBook(sheets));
}
