/**
 * Counts whose unit is on their row (a 计量单位 column, `unitColumn`): 表4's 受理数 in 件, 个 or
 * 人次, a bureau's 数量 in 所 or 个. They add up to no 合计 (G-03 neither asks for one nor checks an
 * old one), and each figure, 同比 and drafted sentence keeps the unit of its rows.
 */
import { describe, expect, it } from "vitest";
import { analyzeWorkbook } from "../../src/core/analyze";
import { loadDefinitions, type CompiledDefinition } from "../../src/core/definitions";
import { DefinitionsError } from "../../src/core/definitions/problems";
import { mergeWorkbooks } from "../../src/core/merge";
import { mergedWorkbook } from "../../src/core/merge/sources";
import type { CellValue, SheetModel } from "../../src/core/model";
import { validateWorkbook } from "../../src/core/validate";
import { isNoteLabel } from "../../src/core/detect/table";
import { OTHER_DEFINITIONS } from "../../scripts/samples/other-bureau";
import { buildSheet, t4Row, workbook } from "./fixtures";

const T4_ROWS = [
  t4Row("来电", { 计量单位: "个", 受理数: 9236, 办结数: 9236, 满意数: null }),
  t4Row("来访", { 计量单位: "人次", 受理数: 738, 办结数: 738, 满意数: null }),
  t4Row("人大代表建议", { 计量单位: "件", 受理数: 8, 办结数: 8, 满意数: 8 }),
];

function issuesOf(sheet: SheetModel): Array<{ rule: string; code: string; cell: string }> {
  return validateWorkbook(workbook(sheet)).issues.map(({ rule, code, cell }) => ({
    rule,
    code,
    cell,
  }));
}

describe("表4: counts in the unit of their row have no 合计", () => {
  it("asks for no 合计 row (G-03 says nothing when there is none)", () => {
    expect(issuesOf(buildSheet("T4", T4_ROWS, { total: "none" }))).toEqual([]);
  });

  it("leaves an old 表4's 合计 row alone: its SUM of 个, 人次 and 件, or any number typed there", () => {
    // what the old template's SUM formulas gave: 9236个 + 738人次 + 8件
    expect(issuesOf(buildSheet("T4", T4_ROWS))).toEqual([]);
    // typed by hand, agreeing with nothing; a blank cell; a rate that is no ratio of those sums
    const typed = buildSheet("T4", T4_ROWS, {
      total: { 受理数: 10000, 办结数: null, 满意数: 3, 办结率: 0.5 },
    });
    expect(issuesOf(typed)).toEqual([]);
  });

  it("still checks each row (the 合计 row ends the rows, and a note under a table does too)", () => {
    const wrong = [...T4_ROWS, t4Row("来信", { 受理数: 43, 办结数: 45, 满意数: 40 })];
    expect(issuesOf(buildSheet("T4", wrong))).toEqual([
      { rule: "T4-01", code: "closed-above-received", cell: "D7" },
    ]);
    const noted = buildSheet("T4", T4_ROWS, { total: "none" });
    const values: Array<readonly CellValue[]> = [
      ...noted.values,
      [],
      ["说明：来电按个、来访按人次统计。"],
    ];
    expect(issuesOf({ ...noted, values })).toEqual([]);
  });

  it("keeps each channel's unit in its figures, 同比 and sentences", () => {
    const a = analyzeWorkbook(
      workbook(
        buildSheet("T4", T4_ROWS, { total: "none" }),
        buildSheet(
          "T4",
          [
            t4Row("来电", { 计量单位: "个", 受理数: 9000, 办结数: 9000, 满意数: null }),
            t4Row("来访", { 计量单位: "人次", 受理数: 700, 办结数: 700, 满意数: null }),
            t4Row("人大代表建议", { 计量单位: "件", 受理数: 6, 办结数: 6, 满意数: 6 }),
          ],
          { year: 2012, total: "none" }
        )
      )
    );
    const unitOf = (id: string) => a.comparisons.find((c) => c.id === id)?.text;
    expect(unitOf("T4/受理数/来电")).toBe("比上年增加236个，增长2.6%");
    expect(unitOf("T4/受理数/来访")).toBe("比上年增加38人次，增长5.4%");
    expect(unitOf("T4/受理数/人大代表建议")).toBe("比上年增加2件，增长33.3%");
    const text = a.draft.paragraphs.find((p) => p.tableId === "T4")?.text ?? "";
    expect(text).toContain("接听来电9236个");
    expect(text).toContain("接待来访738人次");
    expect(text).toContain("办理人大代表建议8件");
  });
});

/**
 * The other-bureau sample's 创建工作 (its 数量 in 所 or 个, by its 计量单位), with a 经费 column in
 * 元 that has a 合计, and a sentence with a 同比.
 */
const Q2 = OTHER_DEFINITIONS.tables[1] as (typeof OTHER_DEFINITIONS.tables)[number];
const CREATIONS = {
  ...Q2,
  columns: [
    ...Q2.columns.filter((c) => c.header !== "备注"),
    { header: "经费", key: "money", type: "money", required: false },
  ],
  figures: {
    totals: [{ column: "经费", headline: false }],
    groupBy: "创建类别",
    groups: [{ column: "数量", headline: true }],
  },
  report: {
    heading: "创建工作",
    sentences: [
      [
        { text: "创建依法治校示范校{+Q2/数量/依法治校示范校}" },
        { text: "文明单位{Q2/数量/文明单位}" },
      ],
    ],
  },
};

function creations(): CompiledDefinition[] {
  return loadDefinitions([CREATIONS], "q.json");
}

/** A 创建工作 sheet of a year: rows (名称, 类别, 单位, 数量, 经费) and a 合计 row of 经费 only. */
function creationSheet(
  year: number,
  rows: ReadonlyArray<readonly [string, string, string, number, number]>,
  total: readonly CellValue[] = ["合计", null, null, null, rows.reduce((s, r) => s + r[4], 0)]
): SheetModel {
  return {
    name: `表2 创建工作 ${year}`,
    values: [
      [CREATIONS.title],
      ["填报单位", "某区教育局", "统计年度", year],
      CREATIONS.columns.map((c) => c.header),
      ...rows.map((r) => [...r]),
      [...total],
    ],
  };
}

describe("a bureau's table with a 计量单位 column", () => {
  it("refuses a 合计 figure of a column whose unit is on each row", () => {
    const wrong = {
      ...CREATIONS,
      figures: { ...CREATIONS.figures, totals: [{ column: "数量", headline: true }] },
    };
    expect(() => loadDefinitions([wrong], "q.json")).toThrow(DefinitionsError);
    expect(() => loadDefinitions([wrong], "q.json")).toThrow(
      "q.json：表2（Q2）合计指标“数量”：各行的计量单位可以不同（unitColumn），不能加成合计，请改为分组指标（groups）"
    );
  });

  it("checks the 合计 of its other columns, and neither asks for nor checks one of 数量", () => {
    const rows = [
      ["一中", "依法治校示范校", "所", 1, 5000],
      ["二中", "依法治校示范校", "所", 2, 3000],
    ] as const;
    const definitions = creations();
    const ok = validateWorkbook(workbook(creationSheet(2013, rows)), { definitions });
    expect(ok.issues).toEqual([]);
    const wrong = validateWorkbook(
      workbook(creationSheet(2013, rows, ["合计", null, null, 99, 7000])),
      { definitions }
    );
    expect(wrong.issues.map((i) => [i.rule, i.code, i.cell])).toEqual([
      ["G-03", "total-mismatch", "E6"],
    ]);
  });

  it("keeps each group's unit; rows of one group in different units add up to no figure", () => {
    const definitions = creations();
    const a = analyzeWorkbook(
      workbook(
        creationSheet(2013, [
          ["一中", "依法治校示范校", "所", 2, 0],
          ["二中", "依法治校示范校", "所", 1, 0],
          ["机关", "文明单位", "个", 1, 0],
          ["一中", "文明单位", "所", 1, 0],
        ]),
        creationSheet(2012, [
          ["一中", "依法治校示范校", "所", 2, 0],
          ["机关", "文明单位", "个", 1, 0],
        ])
      ),
      { definitions }
    );
    const ids = a.tables.find((t) => t.year === 2013)?.figures.map((f) => f.id);
    expect(ids).toContain("Q2/数量/依法治校示范校");
    // 1个 + 1所 is no number of anything
    expect(ids).not.toContain("Q2/数量/文明单位");
    const fig = a.tables
      .find((t) => t.year === 2013)
      ?.figures.find((f) => f.id === "Q2/数量/依法治校示范校");
    expect(fig).toMatchObject({ value: 3, unit: "所" });
    expect(a.comparisons.find((c) => c.id === "Q2/数量/依法治校示范校")?.text).toBe(
      "比上年增加1所，增长50.0%"
    );
    expect(a.comparisons.map((c) => c.id)).not.toContain("Q2/数量/文明单位");
    const text = a.draft.paragraphs.find((p) => p.tableId === "Q2")?.text ?? "";
    expect(text).toContain("创建依法治校示范校3所，比上年增加1所，增长50.0%");
    expect(text).not.toMatch(/文明单位2/);
  });
});

describe("汇总 of 表4", () => {
  it("combines each channel and writes no 合计 of 个 and 件 (nor a 合计 row)", () => {
    const unit = (name: string, calls: number) => {
      const sheet = buildSheet("T4", [
        t4Row("来电", { 计量单位: "个", 受理数: calls, 办结数: calls, 满意数: null }),
        t4Row("来信", { 计量单位: "件", 受理数: 2, 办结数: 2, 满意数: null }),
      ]);
      // each unit's own 填报单位; the old template's 合计 row under the rows
      const values = sheet.values.map((row, r) => (r === 1 ? ["填报单位", name] : row));
      return { file: `${name}.xlsx`, workbook: workbook({ name: "表4", values }) };
    };
    const r = mergeWorkbooks([unit("甲", 10), unit("乙", 5)]);
    const t4 = r.tables.find((t) => t.definition.def.id === "T4");
    expect(t4?.rows.map((x) => [x.values[0], x.values[1], x.values[2]])).toEqual([
      ["来电", "个", 15],
      ["来信", "件", 4],
    ]);
    expect(t4?.total).toEqual([]);
    expect(r.issues).toEqual([]);
    const sheet = mergedWorkbook(r.tables, 2013, "某市教育局").workbook.sheets[0];
    expect(sheet?.values.map((row) => row[0])).not.toContain("合计");
    expect(sheet?.values.at(-1)?.[0]).toBe("来信");
  });
});

describe("a note under a table", () => {
  it("begins 说明：, 注：, 注1： or 填表说明: — and no unit's or channel's name does", () => {
    for (const note of [
      "说明：2012年数据为示例",
      " 注：单位为件",
      "注1：见备注",
      "填表说明:按年填报",
    ])
      expect(isNoteLabel(note), note).toBe(true);
    for (const name of ["来电", "说明书编写组", "注册志愿者协会", "合计", "备注", 3])
      expect(isNoteLabel(name), String(name)).toBe(false);
  });
});
