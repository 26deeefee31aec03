/**
 * TableData (the contract with comparison/drafting): figure ids, kinds, units, exact values,
 * headline flags exactly on the figures compared with last year (G-05 and the 同比 table);
 * records.
 */
import { describe, expect, it } from "vitest";
import type { Figure, TableData } from "../../src/core/figures";
import { validateWorkbook } from "../../src/core/validate";
import { buildSheet, referenceT1, t2Row, t3Row, t4Row, workbook } from "./fixtures";

function tableOf(...args: Parameters<typeof buildSheet>): TableData {
  const t = validateWorkbook(workbook(buildSheet(...args))).tables[0];
  if (!t) throw new Error("no table");
  return t;
}
const byId = (t: TableData): Record<string, Pick<Figure, "kind" | "value" | "unit" | "headline">> =>
  Object.fromEntries(
    t.figures.map((f) => [
      f.id,
      { kind: f.kind, value: f.value, unit: f.unit, headline: f.headline },
    ])
  );

describe("表1 figures", () => {
  it("are the totals of every numeric column, all headline, from the reference figures", () => {
    const t = validateWorkbook(workbook(referenceT1())).tables[0];
    expect(t).toMatchObject({
      tableId: "T1",
      title: "党员发展情况",
      sheet: "2013表1",
      year: 2013,
      rowCount: 5,
    });
    expect(byId(t as TableData)).toEqual({
      "T1/年末党员数": { kind: "count", value: 420, unit: "人", headline: true },
      "T1/培训入党积极分子": { kind: "count", value: 264, unit: "人", headline: true },
      "T1/发展预备党员": { kind: "count", value: 49, unit: "人", headline: true },
      "T1/其中：教工": { kind: "count", value: 18, unit: "人", headline: true },
      "T1/其中：学生": { kind: "count", value: 31, unit: "人", headline: true },
      "T1/转正预备党员": { kind: "count", value: 35, unit: "人", headline: true },
      "T1/新党员培训": { kind: "count", value: 112, unit: "人", headline: true },
      "T1/评选优秀党员": { kind: "count", value: 57, unit: "名", headline: true },
    });
    expect(t?.figures.every((f) => f.tableId === "T1" && f.group === undefined)).toBe(true);
  });
  it("leave out a column nobody filled", () => {
    const t = tableOf("T1", [
      {
        单位名称: "一中",
        单位类型: "高中",
        年末党员数: 1,
        培训入党积极分子: 0,
        发展预备党员: 0,
        "其中：教工": 0,
        "其中：学生": 0,
        转正预备党员: 0,
      },
    ]);
    expect(t.figures.map((f) => f.indicator)).not.toContain("新党员培训");
    expect(t.figures.map((f) => f.indicator)).toContain("转正预备党员");
  });
});

describe("表2 figures", () => {
  it("Σ 培训人数 and Σ 期数 (headline) and per 培训类别 (not headline)", () => {
    const t = tableOf("T2", [
      t2Row("普通话培训", { 培训类别: "社会培训", 期数: 19, 培训人数: 2848 }),
      t2Row("积极分子一期", { 培训类别: "入党积极分子培训", 期数: 1, 培训人数: 130 }),
      t2Row("积极分子二期", { 培训类别: "入党积极分子培训", 期数: 1, 培训人数: 134 }),
    ]);
    expect(byId(t)).toEqual({
      "T2/培训人数": { kind: "count", value: 3112, unit: "人次", headline: true },
      "T2/期数": { kind: "count", value: 21, unit: "期", headline: true },
      "T2/培训人数/入党积极分子培训": { kind: "count", value: 264, unit: "人次", headline: false },
      "T2/期数/入党积极分子培训": { kind: "count", value: 2, unit: "期", headline: false },
      "T2/培训人数/社会培训": { kind: "count", value: 2848, unit: "人次", headline: false },
      "T2/期数/社会培训": { kind: "count", value: 19, unit: "期", headline: false },
    });
    expect(t.figures.find((f) => f.id === "T2/期数/社会培训")?.group).toBe("社会培训");
  });
  it("records carry 培训项目 and 培训类别 for drafting, dates as text", () => {
    const t = tableOf("T2", [t2Row("普通话培训班", { 培训类别: "社会培训" })]);
    expect(t.records).toEqual([
      {
        row: 3,
        text: {
          培训项目: "普通话培训班",
          培训类别: "社会培训",
          开始日期: "2013-05-01",
          结束日期: "2013-05-06",
        },
        numbers: { 期数: 2, 培训人数: 120, 人均学时: 12.5 },
      },
    ]);
  });
});

describe("表3 figures", () => {
  it("per 经费类别 金额 in fen (headline), the total (not headline), Σ 受益人数 per category", () => {
    const t = tableOf("T3", [
      t3Row("募捐", { "金额（元）": 301370 }),
      t3Row("慰问一", { 经费类别: "慰问金", "金额（元）": 40000.1, 受益人数: 40 }),
      t3Row("慰问二", { 经费类别: "慰问金", "金额（元）": 30000.2, 受益人数: 22 }),
    ]);
    expect(byId(t)).toEqual({
      "T3/金额（元）": { kind: "money", value: 37137030, unit: "元", headline: false },
      "T3/金额（元）/募集善款": { kind: "money", value: 30137000, unit: "元", headline: true },
      "T3/金额（元）/慰问金": { kind: "money", value: 7000030, unit: "元", headline: true },
      "T3/受益人数/慰问金": { kind: "count", value: 62, unit: "人", headline: false },
    });
  });
  it("sums 10,000 × 0.01 元 to exactly 10000 fen (no float drift)", () => {
    const rows = Array.from({ length: 10_000 }, (_, i) =>
      t3Row(`项目${i}`, { "金额（元）": 0.01 })
    );
    const t = tableOf("T3", rows, { total: { "金额（元）": 100 } });
    expect(t.figures.find((f) => f.id === "T3/金额（元）")?.value).toBe(10_000);
    const r = validateWorkbook(workbook(buildSheet("T3", rows, { total: { "金额（元）": 100 } })));
    expect(r.issues).toEqual([]);
  });
});

describe("表4 figures", () => {
  it("per 渠道 受理数 (headline, unit from 计量单位), 办结数, 满意数 and rates in tenths of %", () => {
    const t = tableOf(
      "T4",
      [
        t4Row("来电", { 计量单位: "个", 受理数: 9236, 办结数: 9236, 满意数: 9100 }),
        t4Row("来访", { 计量单位: "人次", 受理数: 736, 办结数: 730, 满意数: null, 办结率: 0.992 }),
        t4Row("来信", { 受理数: 0, 办结数: 0, 满意数: 0 }),
      ],
      { formats: { 办结率: "0.0%", 满意率: "0.0%" } }
    );
    const f = byId(t);
    expect(f["T4/受理数/来电"]).toEqual({ kind: "count", value: 9236, unit: "个", headline: true });
    expect(f["T4/办结数/来电"]).toEqual({
      kind: "count",
      value: 9236,
      unit: "个",
      headline: false,
    });
    expect(f["T4/办结率/来电"]).toEqual({ kind: "rate", value: 1000, unit: "%", headline: false });
    expect(f["T4/满意率/来电"]).toEqual({ kind: "rate", value: 985, unit: "%", headline: false });
    expect(f["T4/受理数/来访"]).toEqual({
      kind: "count",
      value: 736,
      unit: "人次",
      headline: true,
    });
    expect(f["T4/办结率/来访"]?.value).toBe(992); // as filled (730/736 = 99.18…%)
    expect(f["T4/满意数/来访"]).toBeUndefined();
    expect(f["T4/满意率/来访"]).toBeUndefined();
    expect(f["T4/受理数/来信"]).toEqual({ kind: "count", value: 0, unit: "件", headline: true });
    expect(f["T4/办结率/来信"]).toBeUndefined(); // 0 / 0: no rate
  });
});

describe("headline figures are exactly those compared with last year (G-05)", () => {
  it("every numeric 合计 of 表1, Σ 培训人数 and Σ 期数 of 表2, each 经费类别 of 表3, each channel's 受理数 of 表4", () => {
    const r = validateWorkbook(
      workbook(
        referenceT1(),
        buildSheet("T2", [t2Row("班")]),
        buildSheet("T3", [t3Row("捐"), t3Row("慰问", { 经费类别: "慰问金", 受益人数: 1 })]),
        buildSheet("T4", [t4Row("来电"), t4Row("来访")])
      )
    );
    const headline = r.tables.flatMap((t) => t.figures.filter((f) => f.headline).map((f) => f.id));
    expect(headline).toEqual([
      "T1/年末党员数",
      "T1/培训入党积极分子",
      "T1/发展预备党员",
      "T1/其中：教工",
      "T1/其中：学生",
      "T1/转正预备党员",
      "T1/新党员培训",
      "T1/评选优秀党员",
      "T2/培训人数",
      "T2/期数",
      "T3/金额（元）/募集善款",
      "T3/金额（元）/慰问金",
      "T4/受理数/来电",
      "T4/受理数/来访",
    ]);
  });
});

describe("records", () => {
  it("are built on first read, keyed by header, and survive JSON and structuredClone", () => {
    const t = validateWorkbook(workbook(referenceT1())).tables[0] as TableData;
    expect(t.records).toHaveLength(5);
    expect(t.records[0]).toEqual({
      row: 3,
      text: { 单位名称: "市第一中学", 单位类型: "高中" },
      numbers: {
        年末党员数: 120,
        培训入党积极分子: 80,
        发展预备党员: 15,
        "其中：教工": 4,
        "其中：学生": 11,
        转正预备党员: 10,
        新党员培训: 30,
        评选优秀党员: 15,
      },
    });
    expect(t.records).toBe(t.records);
    expect((JSON.parse(JSON.stringify(t)) as TableData).records).toHaveLength(5);
    expect(structuredClone(t).records).toHaveLength(5);
  });
  it("money records are in fen, rates in tenths of %", () => {
    const t3 = tableOf("T3", [t3Row("捐", { "金额（元）": "301,370.5" })]);
    expect(t3.records[0]?.numbers["金额（元）"]).toBe(30137050);
    const t4 = tableOf("T4", [t4Row("来电", { 办结率: "98%" })]);
    expect(t4.records[0]?.numbers["办结率"]).toBe(980);
  });
});
