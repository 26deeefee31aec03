/**
 * The merged workbook: a sheet per merged table (the definition's frame, header, rows, 合计 when
 * the table has one) and the 汇总来源 sheet saying where every merged row came from.
 */
import { columnLetters, type CellValue, type SheetModel, type WorkbookModel } from "../model";
import { FRAME_LABELS } from "../definitions";
import type { MergedTable } from "./types";
import { baseName, UNIT_LABEL } from "./units";

/** Name of the sheet listing where every merged row came from. */
export const SOURCES_SHEET = "汇总来源";
const SOURCES_HEADERS = ["汇总表", "汇总行", "单位", "文件", "工作表", "单元格"] as const;
const YEAR_LABEL = FRAME_LABELS.find((l) => l === "统计年度") ?? FRAME_LABELS[1];

/** One merged table as a sheet, adding its rows' sources to `sources`. */
function tableSheet(
  m: MergedTable,
  year: number | undefined,
  bureau: string,
  sources: CellValue[][],
  incomplete: string | undefined
): SheetModel {
  const t = m.definition;
  const frame: CellValue[] = FRAME_LABELS.flatMap((l) => [
    l,
    l === UNIT_LABEL ? bureau : l === YEAR_LABEL ? (year ?? null) : null,
  ]);
  const values: CellValue[][] = [
    [
      `${t.def.title}（${year === undefined ? "" : `${year}年`}汇总${incomplete === undefined ? "" : `，不完整：${incomplete}`}）`,
    ],
    frame,
    t.columns.map((c) => c.header),
  ];
  const formats: Array<Array<string | undefined> | undefined> = [undefined, undefined, undefined];
  const last = columnLetters(t.columns.length - 1);
  m.rows.forEach((r, i) => {
    values.push([...r.values]);
    formats.push([...r.formats]);
    const n = m.headerRow + 2 + i;
    const at = `${columnLetters(0)}${n}:${last}${n}`;
    for (const s of r.sources)
      sources.push([m.sheet, at, s.unit, baseName(s.file), s.sheet, s.range]);
  });
  // no 合计 row for a table whose counts each have their row's unit (表4)
  if (m.total.length === 0) return { name: m.sheet, values, formats };
  values.push([...m.total]);
  formats.push(
    m.rows[0]
      ? [...m.rows[0].formats].map((f, k) => (t.columns[k]?.type === "percent" ? undefined : f))
      : undefined
  );
  return { name: m.sheet, values, formats };
}

/**
 * The merged tables as sheets and the 汇总来源 sheet, with the rows to write bold; `incomplete`
 * (what is missing) is said in every table's title.
 */
export function mergedWorkbook(
  tables: readonly MergedTable[],
  year: number | undefined,
  bureau: string,
  incomplete?: string
): { workbook: WorkbookModel; boldRows: Map<string, number[]> } {
  const sheets: SheetModel[] = [];
  const boldRows = new Map<string, number[]>();
  const sources: CellValue[][] = [[...SOURCES_HEADERS]];
  for (const m of tables) {
    const sheet = tableSheet(m, year, bureau, sources, incomplete);
    sheets.push(sheet);
    boldRows.set(
      m.sheet,
      m.total.length > 0 ? [0, m.headerRow, sheet.values.length - 1] : [0, m.headerRow]
    );
  }
  if (tables.length > 0) {
    sheets.push({ name: SOURCES_SHEET, values: sources });
    boldRows.set(SOURCES_SHEET, [0]);
  }
  return { workbook: { sheets }, boldRows };
}
