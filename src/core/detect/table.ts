/**
 * Finding a table in a sheet (docs/definitions.md): the header row (by normalised header
 * text, wherever it is), the column of each header, and the year (统计年度, else a year in the
 * title or the sheet name).
 */
import type { CellValue, SheetModel } from "../model";
import type { CompiledDefinition } from "../definitions";
import { detectYear } from "../read/frame";
import { normaliseHeader } from "../read/normalise";
import { twoRowHeaders } from "../read/header-rows";

/** How far down a sheet the header row is looked for. */
const HEADER_SCAN_ROWS = 50;

export interface HeaderCell {
  readonly col: number;
  readonly text: string;
}

export interface DetectedTable {
  readonly definition: CompiledDefinition;
  readonly sheet: SheetModel;
  /** 0-based row of the header row. */
  readonly headerRow: number;
  /** Sheet column of each definition column (by column index in the definition); -1 when missing. */
  readonly colOf: Int32Array;
  /** Column index (in the definition)es of required headers that are missing. */
  readonly missing: readonly number[];
  /** Header cells that are no definition column (ignored). */
  readonly unknown: readonly HeaderCell[];
  /** Header cells naming a column already found to the left (ignored). */
  readonly repeated: readonly (HeaderCell & { readonly first: number })[];
  readonly year: number | undefined;
}

function headerKeys(row: readonly (CellValue | undefined)[] | undefined): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  if (!row) return out;
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    out.push(typeof v === "string" ? normaliseHeader(v) : undefined);
  }
  return out;
}

/** The header texts of row `r` read alone, or with the row above as a two-row header. */
function headerTexts(sheet: SheetModel, r: number, twoRows: boolean): (string | undefined)[] {
  const row = sheet.values[r] ?? [];
  if (twoRows) return twoRowHeaders(sheet.values[r - 1] ?? [], row);
  return row.map((v) => (typeof v === "string" ? v : undefined));
}

/**
 * Finds which table (if any) a sheet holds: the row, within the first 50, where most of a
 * definition's required headers are found (at least half of them, and at least 2). A header of
 * two rows (a group header over its columns, see `twoRowHeaders`) is read as one, when that finds
 * more than either row alone; the data then start under its second row.
 * @example detectTable({ name: "表1", values: [["单位名称", "单位类型", "年末党员数", "发展预备党员"]] }, COMPILED_BUILTINS)?.definition.def.id // "T1"
 */
export function detectTable(
  sheet: SheetModel,
  definitions: readonly CompiledDefinition[]
): DetectedTable | undefined {
  let best: { t: CompiledDefinition; row: number; twoRows: boolean; score: number } | undefined;
  const rows = Math.min(sheet.values.length, HEADER_SCAN_ROWS);
  const consider = (keys: readonly (string | undefined)[], r: number, twoRows: boolean) => {
    for (const t of definitions) {
      const found = new Set<number>();
      for (const k of keys) {
        const i = k === undefined ? undefined : t.headerIndex.get(k);
        if (i !== undefined) found.add(i);
      }
      const required = t.required.filter((i) => found.has(i)).length;
      if (required < 2 || required * 2 < t.required.length) continue;
      const score = required / t.required.length + found.size / 1000;
      if (!best || score > best.score) best = { t, row: r, twoRows, score };
    }
  };
  for (let r = 0; r < rows; r++) {
    const keys = headerKeys(sheet.values[r]);
    if (keys.length >= 2) consider(keys, r, false);
    if (r > 0 && (sheet.values[r - 1]?.length ?? 0) > 0)
      consider(headerKeys(headerTexts(sheet, r, true)), r, true);
  }
  if (!best) return undefined;
  const { t, row, twoRows } = best;
  const colOf = new Int32Array(t.columns.length).fill(-1);
  const unknown: HeaderCell[] = [];
  const repeated: (HeaderCell & { first: number })[] = [];
  const cells = headerTexts(sheet, row, twoRows);
  headerKeys(cells).forEach((k, col) => {
    if (k === undefined || k === "") return;
    const text = String(cells[col]);
    const i = t.headerIndex.get(k);
    if (i === undefined) unknown.push({ col, text });
    else if ((colOf[i] ?? -1) >= 0) repeated.push({ col, text, first: colOf[i] ?? -1 });
    else colOf[i] = col;
  });
  const missing = t.required.filter((i) => (colOf[i] ?? -1) < 0);
  return {
    definition: t,
    sheet,
    headerRow: row,
    colOf,
    missing,
    unknown,
    repeated,
    year: detectYear(sheet, twoRows ? row - 1 : row),
  };
}

export { detectYear, isNoteLabel, isTotalLabel, yearIn } from "../read/frame";
