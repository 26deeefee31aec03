/**
 * Writes template workbooks (.xlsx) with ExcelJS: the four blank templates of SPEC §1 (row 1 title,
 * row 2 填报单位/统计年度/填报人/填报日期, row 3 headers, empty data rows, a 合计 row with SUM
 * formulas), styled headers, number formats and data-validation lists for the fixed-choice columns.
 * The same writer fills sheets with data for the sample workbooks and tests.
 *
 * ExcelJS is large and slow to load, so it is imported on first use only; the reader never needs it.
 * Headers, types and choices come from the core's TEMPLATES: nothing is repeated here.
 */
import type { Workbook, Worksheet, CellValue as ExcelCellValue } from "exceljs";
import type { TemplateId } from "../../core/issues";
import {
  FRAME_LABELS,
  TEMPLATES,
  TOTAL_LABEL,
  type ColumnDefinition,
  type TemplateDefinition,
} from "../../core/templates";
// Pure layout helpers shared with the add-in (no Office.js in that module): same formats, same names.
import { columnFormat as columnNumberFormat, templateSheetBase } from "../office/layout";

/**
 * A value to write: Date (UTC day), `{ formula, result }`, `{ error }`, `{ value, numFmt }` (a
 * value with its own number format instead of the column's) or a plain value.
 */
export type CellInput =
  | number
  | string
  | boolean
  | Date
  | null
  | undefined
  | { readonly formula: string; readonly result?: number | string }
  | { readonly value: number | string; readonly numFmt: string }
  | { readonly error: "#DIV/0!" | "#N/A" | "#NAME?" | "#NULL!" | "#NUM!" | "#REF!" | "#VALUE!" };

export interface TemplateSheetInput {
  readonly template: TemplateId;
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
   * their computed results cached; `none` leaves the row out; an object overrides cells by header.
   */
  readonly total?: "formula" | "none" | Readonly<Record<string, CellInput>>;
  /** Text written two rows below the table (e.g. `说明：2012 年数据为虚构示例`). */
  readonly note?: string;
  readonly state?: "visible" | "hidden";
  /** The table's definition, when it is not a built-in (a bureau's own definitions). */
  readonly definition?: TemplateDefinition;
}

/** Blank data rows of a template whose definition names none. */
const DEFAULT_BLANK_ROWS = 20;

function templateOf(id: TemplateId): TemplateDefinition {
  const def = TEMPLATES.find((t) => t.id === id);
  if (!def) throw new Error(`未知模板 ${id}`);
  return def;
}

/** The default tab name, the same as the add-in's: `表1 党员发展 2013`. */
export function defaultSheetName(id: TemplateId, year: number): string {
  return templateSheetBase(templateOf(id), year);
}

let excelJs: Promise<typeof import("exceljs")> | undefined;

/** ExcelJS, loaded on first use (its CommonJS export may sit on `default`). */
function loadExcelJs(): Promise<typeof import("exceljs")> {
  excelJs ??= import("exceljs").then(
    (m) => ((m as { default?: typeof import("exceljs") }).default ?? m) as typeof import("exceljs")
  );
  return excelJs;
}

function toExcel(v: CellInput): ExcelCellValue {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    if ("error" in v) return { error: v.error } as ExcelCellValue;
    if ("numFmt" in v) return v.value;
    return { formula: v.formula, result: v.result } as ExcelCellValue;
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

const HEADER_FILL = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } } as const;
const THIN = { style: "thin", color: { argb: "FF9BA9B8" } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

type RowInput = Readonly<Record<string, CellInput>> | readonly CellInput[];

function rowInput(row: RowInput | undefined, header: string, k: number): CellInput {
  if (row === undefined) return undefined;
  return Array.isArray(row)
    ? (row as readonly CellInput[])[k]
    : (row as Readonly<Record<string, CellInput>>)[header];
}

function addSheet(wb: Workbook, input: TemplateSheetInput): Worksheet {
  const def = input.definition ?? templateOf(input.template);
  const headers = input.headers ?? def.columns.map((c) => c.header);
  const colDef = (h: string): ColumnDefinition | undefined =>
    def.columns.find((c) => c.header === h);
  const ws = wb.addWorksheet(input.sheetName ?? templateSheetBase(def, input.year), {
    views: [{ state: "frozen", ySplit: 3 }],
    state: input.state ?? "visible",
  });
  const width = Math.max(headers.length, 8);

  // row 1: title
  ws.getCell(1, 1).value = input.title ?? def.title;
  ws.mergeCells(1, 1, 1, width);
  ws.getCell(1, 1).font = { bold: true, size: 16, name: "黑体" };
  ws.getCell(1, 1).alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 28;

  // row 2: label/value pairs
  FRAME_LABELS.forEach((label, k) => {
    const col = 1 + 2 * k;
    ws.getCell(2, col).value = label;
    ws.getCell(2, col).font = { bold: true };
    const given = input.frame?.[label];
    const value: CellInput = label === "统计年度" ? (given ?? input.year) : given;
    const cell = ws.getCell(2, col + 1);
    cell.value = toExcel(value);
    if (label === "统计年度") cell.numFmt = "0";
    if (label === "填报日期") cell.numFmt = "yyyy-mm-dd";
  });

  // row 3: headers
  headers.forEach((h, k) => {
    const cell = ws.getCell(3, k + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    const c = colDef(h);
    ws.getColumn(k + 1).width =
      c?.type === "text" && h !== "备注" ? 24 : h === "备注" ? 28 : Math.max(10, h.length * 2 + 2);
  });
  ws.getRow(3).height = 32;

  // data rows
  const rows = input.rows ?? [];
  const blank = input.blankRows ?? (rows.length === 0 ? (def.blankRows ?? DEFAULT_BLANK_ROWS) : 0);
  const firstData = 4;
  const lastData = firstData + rows.length + blank - 1;
  const columnValues: CellInput[][] = headers.map(() => []);
  const ownFormat = new Set<string>();
  rows.forEach((row, i) => {
    const r = firstData + i;
    headers.forEach((h, k) => {
      const v = rowInput(row, h, k);
      (columnValues[k] as CellInput[]).push(v);
      if (v !== undefined && v !== null) ws.getCell(r, k + 1).value = toExcel(v);
      if (typeof v === "object" && v !== null && "numFmt" in v) ownFormat.add(`${r}:${k}`);
    });
  });
  for (let r = firstData; r <= lastData; r++) {
    headers.forEach((h, k) => {
      const cell = ws.getCell(r, k + 1);
      cell.border = BORDER;
      const c = colDef(h);
      const given = ownFormat.has(`${r}:${k}`) ? rowInput(rows[r - firstData], h, k) : undefined;
      if (typeof given === "object" && given !== null && "numFmt" in given)
        cell.numFmt = given.numFmt;
      if (!c) return;
      const fmt = columnNumberFormat(c);
      if (fmt && given === undefined) cell.numFmt = fmt;
      if (c.type === "enum" && c.allowed) {
        cell.dataValidation = {
          type: "list",
          allowBlank: true,
          formulae: [`"${c.allowed.join(",")}"`],
          showErrorMessage: true,
          errorStyle: "stop",
          errorTitle: "请从列表中选择",
          error: `${h} 只能填：${c.allowed.join("、")}`,
        };
      }
    });
  }

  // 合计 row
  let after = lastData + 1;
  if (input.total !== "none") {
    const r = lastData + 1;
    ws.getCell(r, 1).value = TOTAL_LABEL;
    headers.forEach((h, k) => {
      const cell = ws.getCell(r, k + 1);
      cell.border = BORDER;
      cell.font = { bold: true };
      const c = colDef(h);
      const override = typeof input.total === "object" ? input.total[h] : undefined;
      if (override !== undefined) {
        cell.value = toExcel(override);
      } else if (c && (c.type === "count" || c.type === "money") && k > 0) {
        const letter = ws.getColumn(k + 1).letter;
        const result = columnSum(columnValues[k] as CellInput[], c.type === "money");
        cell.value =
          lastData >= firstData
            ? { formula: `SUM(${letter}${firstData}:${letter}${lastData})`, result }
            : result;
      }
      const fmt = c ? columnNumberFormat(c) : undefined;
      if (fmt && c?.type !== "percent") cell.numFmt = fmt;
    });
    after = r + 1;
  }
  if (input.note) ws.getCell(after + 1, 1).value = input.note;
  return ws;
}

/**
 * A workbook of template sheets, filled or blank, as .xlsx bytes.
 * @example await writeTemplateWorkbook([{ template: "T1", year: 2013 }])
 */
export async function writeTemplateWorkbook(
  sheets: readonly TemplateSheetInput[]
): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJs();
  const wb = new ExcelJS.Workbook();
  wb.creator = "统计报表助手";
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  wb.calcProperties.fullCalcOnLoad = true;
  for (const s of sheets) addSheet(wb, s);
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/**
 * The blank templates of every table in force for `year` (what `bureau-stats template` and the
 * pane's 下载模板 write): the built-ins, or a bureau's own definitions.
 * @example await writeTemplates(2014) // .xlsx bytes with 表1…表4
 */
export function writeTemplates(
  year: number,
  definitions: readonly TemplateDefinition[] = TEMPLATES
): Promise<Uint8Array> {
  return writeTemplateWorkbook(definitions.map((t) => ({ template: t.id, year, definition: t })));
}
