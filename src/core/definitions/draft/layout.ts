/**
 * Where a bureau's own table is on a sheet, found without a definition: the title above, the
 * header row (one or two rows, under a merged title or a 填报单位 row), the data rows, the 合计
 * row, and the notes or signatures below (which are no data).
 */
import { isDateValue, type CellValue, type SheetModel } from "../../model";
import { detectYear, isNoteLabel, isTotalLabel } from "../../read/frame";
import { FRAME_LABELS } from "../../read/labels";
import { twoRowHeaders } from "../../read/header-rows";
import { isBlankCell } from "../../read/cell";
import { isBlankText, normaliseHeader, trimText } from "../../read/normalise";

/** How far down a sheet the header row is looked for (as when a table is found). */
const HEADER_SCAN_ROWS = 50;

export interface HeaderColumn {
  /** 0-based sheet column. */
  readonly col: number;
  /** The header as it will be written in the definition (spaces and line breaks taken out). */
  readonly header: string;
}

export interface SheetLayout {
  readonly sheet: SheetModel;
  /** 0-based rows of the header: one row, or two (a group header over its columns). */
  readonly headerRows: readonly number[];
  readonly columns: readonly HeaderColumn[];
  /** 0-based data rows (blank rows left out). */
  readonly dataRows: readonly number[];
  /** 0-based row of the 合计 row, or -1. */
  readonly totalRow: number;
  /** Rows below the table that are not data (notes, signatures), when there is no 合计 row. */
  readonly notesBelow: number;
  /** True when the first of those rows begins `说明：` or `注：`, which ends a table when it is checked. */
  readonly notesMarked: boolean;
  /** The title above the header (first text of the top rows that is no frame label), if any. */
  readonly title: string | undefined;
  readonly year: number | undefined;
}

const FRAME_KEYS = FRAME_LABELS.map((l) => normaliseHeader(l));

/** Words a note or a signature line below a table starts with. */
const NOTE_START =
  /^(说明|注[:：\d１-９]|注$|备注[:：]|填表|制表|审核|负责人|单位负责人|分管|主管|填报人|联系|电话|签|盖章|数据来源|资料来源|日期[:：])/;

const text = (v: CellValue): string | undefined =>
  typeof v === "string" && !isBlankText(v) ? trimText(v) : undefined;

const isNumberCell = (v: CellValue): boolean =>
  typeof v === "number" || typeof v === "boolean" || isDateValue(v);

/** A header as the definition writes it: white space inside taken out (a line break in a cell). */
export function cleanHeader(s: string): string {
  const t = trimText(s);
  // spaces between Chinese characters are layout; between Latin words they are part of the name
  return t.replace(/\s+/g, (m, at: number) =>
    /[A-Za-z0-9]/.test(t[at - 1] ?? "") && /[A-Za-z0-9]/.test(t[at + m.length] ?? "") ? " " : ""
  );
}

/** True for a 填报单位 / 统计年度 row (a label, or `填报单位：…`), which is no header. */
function isFrameRow(row: readonly CellValue[]): boolean {
  return row.some((v) => {
    const t = text(v);
    if (t === undefined) return false;
    const key = normaliseHeader(t);
    return FRAME_KEYS.some((f) => key === f || key.startsWith(`${f}:`));
  });
}

/**
 * A row that could be a header: two texts or more, no number, no frame label (a 合计 among them
 * is a header over a total column, under a group header).
 */
function textCount(row: readonly CellValue[] | undefined): number {
  if (!row) return 0;
  let n = 0;
  for (const v of row) {
    if (isNumberCell(v)) return 0;
    if (text(v) !== undefined) n++;
  }
  return n >= 2 && !isFrameRow(row) ? n : 0;
}

/** True for a row that holds a number (a data row, or a 统计年度 row). */
function hasNumber(row: readonly CellValue[] | undefined): boolean {
  return row !== undefined && row.some(isNumberCell);
}

/**
 * True when rows `r` and `r + 1` are one header: both could be headers (two texts or more, no
 * number, no frame label), and the lower row has a text under
 * a blank cell of the upper row (a group header merged to the right) and leaves blank, or repeats,
 * a header of the upper row (merged down).
 */
function isTwoRowHeader(values: SheetModel["values"], r: number): boolean {
  const upper = values[r] ?? [];
  const lower = values[r + 1] ?? [];
  if (textCount(upper) === 0 || hasNumber(lower) || textCount(lower) === 0) return false;
  let under = false;
  let down = false;
  let first = upper.findIndex((v) => text(v) !== undefined);
  if (first < 0) first = 0;
  const width = Math.max(upper.length, lower.length);
  for (let c = first; c < width; c++) {
    const u = text(upper[c]);
    const l = text(lower[c]);
    if (u === undefined && l !== undefined) under = true;
    if (u !== undefined && (l === undefined || normaliseHeader(l) === normaliseHeader(u)))
      down = true;
  }
  return under && down;
}

/**
 * The header row: of the rows above the first data row (the first that holds a number and is no
 * 填报单位 row), the one with the most texts (the lower one on a tie); else, in a table of text
 * only, the first row of two texts or more.
 */
function headerRowOf(values: SheetModel["values"]): number {
  const rows = Math.min(values.length, HEADER_SCAN_ROWS);
  let best = -1;
  let bestCount = 0;
  for (let r = 0; r < rows; r++) {
    const row = values[r];
    if (hasNumber(row) && !isFrameRow(row ?? [])) {
      if (best >= 0) return best;
      continue;
    }
    const n = textCount(row);
    if (n > 0 && n >= bestCount) {
      best = r;
      bestCount = n;
    }
  }
  for (let r = 0; r < rows; r++) if (textCount(values[r]) > 0) return r;
  return -1;
}

/** The title: the first text above the header that is not a frame row. */
function titleOf(values: SheetModel["values"], headerRow: number): string | undefined {
  for (let r = 0; r < headerRow; r++) {
    const row = values[r] ?? [];
    if (isFrameRow(row)) continue;
    for (const v of row) {
      const t = text(v);
      if (t !== undefined) return t.replace(/\s+/g, " ");
    }
  }
  return undefined;
}

/** The first three filled cells of a row. */
function firstTexts(row: readonly CellValue[]): CellValue[] {
  return row.filter((v) => !isBlankCell(v)).slice(0, 3);
}

/** True when a row below the table is a note or a signature line, not data. */
function isNoteRow(row: readonly CellValue[], width: number): boolean {
  const filled = row.filter((v) => !isBlankCell(v));
  const first = text(filled[0]);
  if (first === undefined) return false;
  if (NOTE_START.test(first)) return true;
  // one long sentence alone on a row of a wider table
  return filled.length === 1 && width >= 3 && first.length > 20;
}

/**
 * The layout of a bureau's table on a sheet, or undefined when no header row is found.
 * @example sheetLayout({ name: "2013", values: [["表 统计"], ["单位", "人数"], ["一中", 3]] })?.headerRows // [1]
 */
export function sheetLayout(sheet: SheetModel): SheetLayout | undefined {
  const values = sheet.values;
  let headerRow = headerRowOf(values);
  if (headerRow < 0) return undefined;
  let headerRows = [headerRow];
  if (isTwoRowHeader(values, headerRow)) headerRows = [headerRow, headerRow + 1];
  else if (headerRow > 0 && isTwoRowHeader(values, headerRow - 1))
    headerRows = [headerRow - 1, headerRow];
  headerRow = headerRows[0] as number;
  const last = headerRows[headerRows.length - 1] as number;
  const texts =
    headerRows.length === 2
      ? twoRowHeaders(values[headerRow] ?? [], values[last] ?? [])
      : (values[headerRow] ?? []).map(text);
  const columns: HeaderColumn[] = [];
  texts.forEach((t, col) => {
    if (t !== undefined && !isBlankText(t)) columns.push({ col, header: cleanHeader(t) });
  });
  const labelCols = new Set([0, columns[0]?.col ?? 0]);
  const dataRows: number[] = [];
  let totalRow = -1;
  let notesBelow = 0;
  let notesMarked = false;
  for (let r = last + 1; r < values.length; r++) {
    const row = values[r] ?? [];
    if (columns.every((c) => isBlankCell(row[c.col]))) continue;
    // 合计 in the label column, or in the first cells when a 序号 column comes first
    if ([...labelCols].some((c) => isTotalLabel(row[c])) || firstTexts(row).some(isTotalLabel)) {
      totalRow = r;
      break;
    }
    if (isNoteRow(row, columns.length)) {
      notesBelow = values.slice(r).filter((x) => x.some((v) => !isBlankCell(v))).length;
      notesMarked = firstTexts(row).slice(0, 1).some(isNoteLabel);
      break;
    }
    dataRows.push(r);
  }
  return {
    sheet,
    headerRows,
    columns,
    dataRows,
    totalRow,
    notesBelow,
    notesMarked,
    title: titleOf(values, headerRow),
    year: detectYear(sheet, headerRow),
  };
}
