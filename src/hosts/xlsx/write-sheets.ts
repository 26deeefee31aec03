/**
 * Plain sheets of values as an .xlsx package — the merged workbook of 汇总. A thin layer over the
 * project's own writer (writer.ts): values, a number format per cell, bold rows and column widths
 * fitted to the text. It writes values, never formulas: a text that starts with `=` stays text.
 */
import {
  isDateValue,
  isErrorValue,
  isFormulaValue,
  type CellValue,
  type SheetModel,
} from "../../core";
import { uniqueSheetName } from "../office/text";
import { cellAt, newSheet, writeXlsx, type XlsxSheet, type XlsxValue } from "./writer";

export interface SheetToWrite {
  readonly sheet: SheetModel;
  /** 0-based rows written bold (headers, 合计). */
  readonly boldRows?: readonly number[];
}

/** The error values Excel knows (others are written as text). */
const ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
]);

/** The text of an error value or of a formula read without its result. */
function objectText(v: CellValue): string {
  return isErrorValue(v) ? v.error : isFormulaValue(v) ? `=${v.formula}` : "";
}

/** Display width of a value (CJK counts double), for the column widths. */
function width(v: CellValue): number {
  if (v === null || v === undefined) return 0;
  const s = typeof v !== "object" ? String(v) : isDateValue(v) ? "0000-00-00" : objectText(v);
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}

/** A cell of the model as the writer's value (dates as their serial day, with a date format). */
function valueOf(v: CellValue): XlsxValue {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "string" || typeof v === "boolean") return v;
  if (isErrorValue(v)) return ERRORS.has(v.error) ? { error: v.error } : v.error;
  if (isDateValue(v)) return v.date;
  // a formula read without its result: written as its text (its references were to another sheet)
  if (isFormulaValue(v)) return objectText(v);
  return undefined;
}

function toSheet(input: SheetToWrite, name: string): XlsxSheet {
  const { values, formats } = input.sheet;
  const bold = new Set(input.boldRows ?? []);
  const out = newSheet(name);
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      const value = valueOf(v);
      let numFmt = formats?.[r]?.[c];
      if (isDateValue(v) && (numFmt === undefined || numFmt === "General")) numFmt = "yyyy-mm-dd";
      const style = {
        ...(bold.has(r) ? { bold: true } : {}),
        ...(numFmt !== undefined && numFmt !== "" && numFmt !== "General" ? { numFmt } : {}),
      };
      if (value !== undefined || Object.keys(style).length > 0) {
        const cell = cellAt(out, r + 1, c + 1);
        cell.value = value;
        if (Object.keys(style).length > 0) cell.style = style;
      }
      // the title (row 1) may run across: it does not widen its column
      if (r > 0) out.widths.set(c + 1, Math.max(out.widths.get(c + 1) ?? 0, width(v)));
    }
  }
  for (const [c, w] of out.widths) out.widths.set(c, Math.min(60, Math.max(8, w + 2)));
  return out;
}

/**
 * Writes sheets of values as an .xlsx package (sheet names made legal and unique as Excel wants).
 * @example writeSheets([{ sheet: { name: "表1", values: [["单位名称"], ["甲校"]] }, boldRows: [0] }])
 */
export function writeSheets(
  sheets: readonly SheetToWrite[],
  mtime = new Date(2020, 0, 1)
): Uint8Array {
  const taken = new Set<string>();
  return writeXlsx({
    sheets: sheets.map((s) => {
      const name = uniqueSheetName(s.sheet.name, taken);
      taken.add(name.toLowerCase());
      return toSheet(s, name);
    }),
    creator: "统计报表助手",
    created: mtime,
  });
}

/**
 * A merge's workbook as .xlsx bytes, its header and 合计 rows bold, dated now (the command line
 * writes it, the pane's worker hands it to the page).
 * @example mergedWorkbookXlsx(result.workbook, result.boldRows)
 */
export function mergedWorkbookXlsx(
  workbook: { readonly sheets: readonly SheetModel[] },
  boldRows: ReadonlyMap<string, readonly number[]>
): Uint8Array {
  return writeSheets(
    workbook.sheets.map((sheet) => ({ sheet, boldRows: boldRows.get(sheet.name) ?? [] })),
    new Date()
  );
}
