/**
 * A bureau's table for the rules over figures (`kind: "figures"`): 表5 党建经费与办理, defined as
 * data only, with a rule across tables (its 党员数 against 表1's 年末党员数), rules over last
 * year's figures (money) and a rate, and a row rule reading last year's row of the same unit.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CellValue, SheetModel, WorkbookModel } from "../../src/core/model";
import { readXlsx } from "../../src/hosts/xlsx/read";

const SAMPLE = path.join(__dirname, "../../assets/samples/bureau-stats-2013.xlsx");

/** 年末党员数 of 表1 2013 in the clean sample. */
export const T1_MEMBERS_2013 = 1508;

export const P5 = {
  id: "P5",
  label: "表5",
  title: "表5 党建经费与办理情况统计表",
  name: "党建经费与办理情况",
  rowLabel: "单位",
  columns: [
    { header: "单位名称", key: "unit", type: "text", required: true, unique: true },
    {
      header: "单位类型",
      key: "unitType",
      type: "enum",
      required: true,
      allowed: ["机关", "学校"],
    },
    { header: "党员数", key: "members", type: "count", required: true, unit: "人" },
    { header: "活动经费（元）", key: "amount", type: "money", required: true },
    { header: "受理数", key: "received", type: "count", required: true, unit: "件" },
    { header: "办结数", key: "closed", type: "count", required: true, unit: "件" },
    {
      header: "办结率",
      key: "closedRate",
      type: "percent",
      required: false,
      ratio: { numerator: "办结数", denominator: "受理数" },
    },
    { header: "备注", key: "remark", type: "text", required: false },
  ],
  rules: [
    {
      id: "P5-01",
      code: "amount-doubled",
      kind: "row",
      severity: "warning",
      check: "活动经费（元） ≤ 上年(活动经费（元）) * 2",
      message: "活动经费{value}元，超过上年{上年(活动经费（元）)}元的两倍（上限{expected}元）",
    },
    {
      id: "P5-02",
      code: "members-differ-from-t1",
      kind: "figures",
      severity: "warning",
      check: "党员数 = 表1.年末党员数",
      message: "党员数合计{value}人，与表1“年末党员数”{expected}人（{other}）不一致",
    },
    {
      id: "P5-03",
      code: "school-rate-low",
      kind: "figures",
      severity: "error",
      check: '办结率["学校"] ≥ 90',
      message: "学校的办结率{value}，低于{expected}",
    },
    {
      id: "P5-04",
      code: "amount-up",
      kind: "figures",
      severity: "warning",
      when: "上年(活动经费（元）) > 0",
      check: "活动经费（元） ≤ 上年(活动经费（元）) * 1.5",
      message: "活动经费合计{value}元，超过上年的1.5倍{expected}元（{other}）",
    },
  ],
  figures: {
    totals: [
      { column: "党员数", headline: false },
      { column: "活动经费（元）", headline: false },
    ],
    groupBy: "单位类型",
    groups: [
      { column: "受理数", headline: false },
      { column: "办结数", headline: false },
    ],
  },
};

/** A row of 表5: 单位名称, 单位类型, 党员数, 活动经费（元）, 受理数, 办结数 (办结率 left blank). */
export type P5Row = [string, string, number, number, number, number];

/** A filled 表5 sheet of a year (a 合计 row under the rows). */
export function p5Sheet(year: number, rows: readonly P5Row[]): SheetModel {
  const sum = (k: number) => rows.reduce((n, r) => n + (r[k] as number), 0);
  const values: CellValue[][] = [
    [P5.title],
    ["填报单位", "昆山市教育局", "统计年度", year],
    P5.columns.map((c) => c.header),
    ...rows.map((r) => [...r, null, null]),
    ["合计", null, sum(2), sum(3), sum(4), sum(5), null, null],
  ];
  return { name: `表5 经费 ${year}`, values };
}

/** The clean sample's sheets (表1–表4 of 2013 and 2012), without 表1 when asked, plus these. */
export function sampleWith(sheets: readonly SheetModel[], withT1 = true): WorkbookModel {
  const sample = readXlsx(new Uint8Array(readFileSync(SAMPLE)));
  return {
    sheets: [...sample.sheets.filter((s) => withT1 || !s.name.startsWith("表1")), ...sheets],
  };
}
