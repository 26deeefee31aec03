/** A bureau's own table for the tests of tables defined as data (docs/definitions.md). */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CellValue, SheetModel } from "../../src/core/model";
import {
  loadDefinitions,
  BUILTIN_DEFINITIONS,
  type TableDefinition,
} from "../../src/core/definitions";
import { DEFINITIONS_SHEET, definitionsSheetGrid } from "../../src/core/definitions/sheet";
import { readXlsx } from "../../src/hosts/xlsx/read";

const SAMPLE = path.join(__dirname, "../../assets/samples/bureau-stats-2013.xlsx");

/** 表5 宣传与政务公开 — nothing about it exists in the code. */
export const T5 = {
  id: "T5",
  label: "表5",
  title: "表5 宣传与政务公开情况统计表",
  name: "宣传与政务公开情况",
  rowLabel: "单位",
  columns: [
    { header: "单位名称", key: "unit", type: "text", required: true, unique: true },
    { header: "宣讲场次", key: "talks", type: "count", required: true, unit: "场" },
    { header: "政务信息条数", key: "items", type: "count", required: true, unit: "条" },
    { header: "政务微博条数", key: "posts", type: "count", required: false, unit: "条" },
    { header: "备注", key: "remark", type: "text", required: false },
  ],
  rules: [
    {
      id: "T5-01",
      code: "posts-above-items",
      kind: "row",
      severity: "warning",
      message: "政务微博 {value} 条，多于政务信息 {expected} 条，请核实",
      check: "政务微博条数 ≤ 政务信息条数",
    },
  ],
  figures: {
    totals: [
      { column: "宣讲场次", headline: true },
      { column: "政务信息条数", headline: true },
      { column: "政务微博条数", headline: true },
    ],
    groups: [],
  },
  blankRows: 12,
  report: {
    heading: "宣传与政务公开",
    sentences: [
      [{ text: "全年开展宣讲活动{+T5/宣讲场次}" }],
      [
        { text: "发布政务信息{+T5/政务信息条数}" },
        { attached: true, text: "其中政务微博{T5/政务微博条数}" },
      ],
    ],
  },
};

/** A filled 表5 sheet of a year (a 合计 row under the rows). */
export function t5Sheet(
  year: number,
  rows: Array<[string, number, number, number, string?]>
): SheetModel {
  const values: CellValue[][] = [
    [T5.title],
    ["填报单位", "昆山市教育局", "统计年度", year],
    T5.columns.map((c) => c.header),
    ...rows.map(([u, a, b, c, remark]) => [u, a, b, c, remark ?? null]),
  ];
  const sum = (k: number) => rows.reduce((n, r) => n + (r[k] as number), 0);
  values.push(["合计", sum(1), sum(2), sum(3), null]);
  return { name: `表5 宣传 ${year}`, values };
}

/** The built-ins and 表5, as loaded definitions. */
export const FIVE: TableDefinition[] = [
  ...BUILTIN_DEFINITIONS,
  ...loadDefinitions([T5]).map((t) => t.def),
];

/**
 * The clean sample with a 表5 of 2013 and 2012 (65 talks against 30; T5-01 at D5 of 2013), and
 * with a 报表定义 sheet defining the five tables when asked.
 */
export function sampleWithT5(withDefinitions: boolean): SheetModel[] {
  const sample = readXlsx(new Uint8Array(readFileSync(SAMPLE)));
  return [
    ...sample.sheets,
    t5Sheet(2013, [
      ["局机关", 30, 120, 40],
      ["昆山中学", 35, 80, 90], // T5-01: 90 posts, 80 items
    ]),
    t5Sheet(2012, [
      ["局机关", 20, 110, 30],
      ["昆山中学", 10, 70, 40],
    ]),
    ...(withDefinitions ? [{ name: DEFINITIONS_SHEET, values: definitionsSheetGrid(FIVE) }] : []),
  ];
}

/**
 * The 报表定义 grid of the five tables with one cell changed: the row found by 表/类别/名称, the
 * column by index; with the sheet's 1-based row of the change.
 */
export function fiveGridWith(
  id: string,
  kind: string,
  name: string,
  col: number,
  value: CellValue
): { grid: CellValue[][]; row: number } {
  const grid: CellValue[][] = definitionsSheetGrid(FIVE).map((r) => [...r]);
  const r = grid.findIndex((row) => row[0] === id && row[1] === kind && row[2] === name);
  if (r < 1) throw new Error(`no row ${id} ${kind} ${name}`);
  const row = grid[r] ?? [];
  row[col] = value;
  return { grid, row: r + 1 };
}

export type FundsRule = {
  check: string;
  when?: string;
  kind?: "row" | "figures";
  message?: string;
};

/** 表6 活动经费: a unit per row, its 活动经费 (in `unit`), 参加人数 and 办结率. */
export function activityFunds(
  rules: FundsRule[],
  opts: { version?: 2; header?: string; unit?: string } = {}
) {
  const header = opts.header ?? "活动经费（元）";
  return {
    ...(opts.version === undefined ? {} : { version: opts.version }),
    id: "T6",
    label: "表6",
    title: "表6 活动经费统计表",
    name: "活动经费",
    rowLabel: "单位",
    columns: [
      { header: "单位名称", key: "unit", type: "text", required: true, unique: true },
      { header, key: "funds", type: "money", required: true, unit: opts.unit ?? "元" },
      { header: "参加人数", key: "people", type: "count", required: true, unit: "人" },
      { header: "办结率", key: "rate", type: "percent", required: false },
      { header: "备注", key: "remark", type: "text", required: false },
    ],
    rules: rules.map((r, i) => ({
      id: `T6-0${i + 1}`,
      code: `rule-${i + 1}`,
      kind: r.kind ?? "row",
      severity: "error",
      message: r.message ?? "“{column}”为{value}，应不超过{expected}。请核实。",
      check: r.check,
      ...(r.when === undefined ? {} : { when: r.when }),
    })),
    figures: { totals: [{ column: header, headline: true }], groups: [] },
  };
}
