/**
 * Small grid builders for core tests (others may import them): a template sheet laid out as
 * docs/definitions.md describes — title, label row, header row, data rows, 合计 row.
 */
import type { CellValue, SheetModel, WorkbookModel } from "../../src/core/model";
import { a1 } from "../../src/core/model";
import { BUILTIN_DEFINITIONS, type TableDefinition } from "../../src/core/definitions";

export type TableId = "T1" | "T2" | "T3" | "T4";
export type RowSpec = Readonly<Record<string, CellValue>>;

/** 0-based sheet row of the header and the first data row in sheets built here. */
export const HEADER_ROW = 2;
export const FIRST_DATA_ROW = 3;

export function definition(id: TableId): TableDefinition {
  const t = BUILTIN_DEFINITIONS.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}

export interface SheetOptions {
  /** Sheet name (default `<year>表N` or `表N`). */
  readonly name?: string;
  /** 统计年度 (default 2013); null leaves it out. */
  readonly year?: number | null;
  /** Headers to write (default: the template's, in order). */
  readonly headers?: readonly string[];
  /**
   * `auto` (default): a 合计 row with the sums of the numeric columns (in 表4 the old template's,
   * adding up 个 and 件, which the check leaves alone); `none`; or its cells.
   */
  readonly total?: "auto" | "none" | RowSpec;
  /** Number formats by header, for every data row. */
  readonly formats?: Readonly<Record<string, string>>;
}

/**
 * A template sheet with these data rows (by header; missing headers are blank).
 * @example buildSheet("T1", [{ 单位名称: "一中", 单位类型: "高中", 年末党员数: 40 }])
 */
export function buildSheet(
  id: TableId,
  rows: readonly RowSpec[],
  options: SheetOptions = {}
): SheetModel {
  const t = definition(id);
  const headers = options.headers ?? t.columns.map((c) => c.header);
  const year = options.year === undefined ? 2013 : options.year;
  const values: CellValue[][] = [
    [t.title],
    ["填报单位", "某市教育局", "统计年度", year, "填报人", "张三", "填报日期", "2014-01-10"],
    [...headers],
  ];
  for (const r of rows) values.push(headers.map((h) => r[h] ?? null));
  const total = options.total ?? "auto";
  if (total !== "none") {
    const spec: RowSpec = total === "auto" ? autoTotal(t, rows) : total;
    values.push(headers.map((h, i) => (i === 0 ? "合计" : (spec[h] ?? null))));
  }
  if (year === null) values[1] = ["填报单位", "某市教育局"];
  const formats = options.formats
    ? values.map((row, r) => (r < FIRST_DATA_ROW ? [] : headers.map((h) => options.formats?.[h])))
    : undefined;
  const name = options.name ?? (year === null ? t.label : `${year}${t.label}`);
  return formats ? { name, values, formats } : { name, values };
}

function autoTotal(t: TableDefinition, rows: readonly RowSpec[]): RowSpec {
  const out: Record<string, CellValue> = {};
  for (const c of t.columns) {
    if (c.type !== "count" && c.type !== "money") continue;
    let sum = 0;
    let any = false;
    for (const r of rows) {
      const v = r[c.header];
      if (typeof v === "number") {
        sum += Math.round(v * 100);
        any = true;
      }
    }
    if (any) out[c.header] = sum / 100;
  }
  return out;
}

/**
 * A1 address of a data cell in a sheet built with default headers (or the given ones).
 * @example cellOf("T1", "年末党员数", 0) // "C4"
 */
export function cellOf(
  id: TableId,
  header: string,
  dataIndex: number,
  headers?: readonly string[]
): string {
  const hs = headers ?? definition(id).columns.map((c) => c.header);
  const col = hs.indexOf(header);
  if (col < 0) throw new Error(`no header ${header}`);
  return a1(FIRST_DATA_ROW + dataIndex, col);
}

/** A1 address of the 合计 row's cell of a header, for a sheet with `dataRows` data rows. */
export function totalCellOf(id: TableId, header: string, dataRows: number): string {
  return cellOf(id, header, dataRows);
}

export function workbook(...sheets: SheetModel[]): WorkbookModel {
  return { sheets };
}

/** A valid 表1 data row. */
export function t1Row(name: string, overrides: RowSpec = {}): RowSpec {
  return {
    单位名称: name,
    单位类型: "高中",
    年末党员数: 40,
    培训入党积极分子: 10,
    发展预备党员: 3,
    "其中：教工": 1,
    "其中：学生": 2,
    转正预备党员: 2,
    新党员培训: 4,
    评选优秀党员: 2,
    ...overrides,
  };
}

export function t2Row(name: string, overrides: RowSpec = {}): RowSpec {
  return {
    培训项目: name,
    培训类别: "教师培训",
    期数: 2,
    培训人数: 120,
    人均学时: 12.5,
    开始日期: { date: 41395 },
    结束日期: { date: 41400 },
    ...overrides,
  };
}

export function t3Row(name: string, overrides: RowSpec = {}): RowSpec {
  return { 项目名称: name, 经费类别: "募集善款", "金额（元）": 1000, ...overrides };
}

export function t4Row(channel: string, overrides: RowSpec = {}): RowSpec {
  return { 渠道: channel, 计量单位: "件", 受理数: 100, 办结数: 98, 满意数: 90, ...overrides };
}

/** The reference report's 2013 表1 figures over five units: 名称, 类型, the eight counts in order. */
const REFERENCE_T1_ROWS: ReadonlyArray<readonly [string, string, ...number[]]> = [
  ["市第一中学", "高中", 120, 80, 15, 4, 11, 10, 30, 15],
  ["市第二中学", "高中", 100, 70, 14, 4, 10, 9, 28, 14],
  ["市中等专业学校", "中职", 90, 60, 12, 2, 10, 8, 27, 12],
  ["实验小学", "小学", 60, 30, 5, 5, 0, 5, 15, 9],
  ["教育局机关", "机关", 50, 24, 3, 3, 0, 3, 12, 7],
];

/**
 * A 表1 with the reference report's 2013 figures: 培训入党积极分子 264, 发展预备党员 49 (教工 18, 学生 31), 转正预备党员 35,
 * 新党员培训 112, 评选优秀党员 57, spread over five units.
 */
export function referenceT1(options: SheetOptions = {}): SheetModel {
  const headers = definition("T1").columns.map((c) => c.header);
  const rows = REFERENCE_T1_ROWS.map((cells) =>
    Object.fromEntries(cells.map((v, i) => [headers[i] ?? "", v]))
  );
  return buildSheet("T1", rows, options);
}
