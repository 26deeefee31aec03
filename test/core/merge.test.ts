import { describe, expect, it } from "vitest";
import {
  UnitMerge,
  mergeWorkbooks,
  unitListFromSheet,
  unitListFromText,
  SOURCES_SHEET,
} from "../../src/core/merge";
import type { SheetModel, WorkbookModel } from "../../src/core/model";
import { loadDefinitions, TEMPLATE_DEFINITIONS_FOR_TESTS } from "./merge-fixtures";
import {
  buildSheet,
  t1Row,
  t3Row,
  t4Row,
  type RowSpec,
  type SheetOptions,
  type TableId,
} from "./fixtures";
import { validateWorkbook } from "../../src/core/validate";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeSheets } from "../../src/hosts/xlsx/write-sheets";
import { unzipSync } from "fflate";

/** A unit's sheet: the fixture's sheet with this unit as 填报单位. */
function unitSheet(
  unit: string,
  id: TableId,
  rows: readonly RowSpec[],
  opts: SheetOptions = {}
): SheetModel {
  const s = buildSheet(id, rows, opts);
  const values = s.values.map((r) => [...r]);
  (values[1] as unknown[])[1] = unit;
  return { ...s, values };
}
const book = (...sheets: SheetModel[]): WorkbookModel => ({ sheets });
const t1Unit = (unit: string, over: RowSpec = {}, opts: SheetOptions = {}): WorkbookModel =>
  book(unitSheet(unit, "T1", [t1Row(unit, over)], { name: "表1", ...opts }));

describe("merge: order, totals, sources", () => {
  it("stacks rows in the unit list's order, recomputes 合计 and knows each row's file and range", () => {
    const r = mergeWorkbooks(
      [
        { file: "b.xlsx", workbook: t1Unit("乙校", { 年末党员数: 30 }) },
        { file: "a.xlsx", workbook: t1Unit("甲校", { 年末党员数: 41 }) },
        { file: "c.xlsx", workbook: t1Unit("丙校", { 年末党员数: 7 }) },
      ],
      { units: ["丙校", "甲校", "乙校"] }
    );
    expect(r.unitOrder).toEqual(["丙校", "甲校", "乙校"]);
    const t = r.tables[0]!;
    expect(t.rows.map((x) => x.values[0])).toEqual(["丙校", "甲校", "乙校"]);
    expect(t.total[0]).toBe("合计");
    expect(t.total[2]).toBe(78);
    expect(t.rows[1]!.sources).toEqual([
      expect.objectContaining({
        file: "a.xlsx",
        unit: "甲校",
        sheet: "表1",
        row: 3,
        range: "A4:K4",
      }),
    ]);
    expect(r.problems).toEqual([]);
    expect(r.issues).toEqual([]);
  });

  it("orders by name (pinyin) without a list", () => {
    const r = mergeWorkbooks([
      { file: "1.xlsx", workbook: t1Unit("昆山市第一中学") },
      { file: "2.xlsx", workbook: t1Unit("江苏省昆山中学") },
      { file: "3.xlsx", workbook: t1Unit("阿克苏学校") },
    ]);
    expect(r.unitOrder).toEqual(["阿克苏学校", "江苏省昆山中学", "昆山市第一中学"]);
  });

  it("sums money exactly to the fen and combines a category table by its key, pointing at every source", () => {
    const u = (unit: string, amount: number, calls: number): WorkbookModel =>
      book(
        unitSheet(unit, "T3", [t3Row("募集", { "金额（元）": amount })], { name: "表3" }),
        unitSheet(
          unit,
          "T4",
          [
            t4Row("来电", { 受理数: calls, 办结数: calls, 满意数: null }),
            t4Row("来信", { 受理数: 2, 办结数: 2, 满意数: null }),
          ],
          { name: "表4" }
        )
      );
    const r = mergeWorkbooks([
      { file: "a.xlsx", workbook: u("甲", 0.1, 10) },
      { file: "b.xlsx", workbook: u("乙", 0.2, 5) },
    ]);
    const t3 = r.tables.find((t) => t.definition.def.id === "T3")!;
    expect(t3.total[2]).toBe(0.3);
    const t4 = r.tables.find((t) => t.definition.def.id === "T4")!;
    expect(t4.combinedBy).toBe("渠道");
    expect(t4.rows.map((x) => [x.values[0], x.values[2]])).toEqual([
      ["来电", 15],
      ["来信", 4],
    ]);
    expect(t4.rows[0]!.sources.map((s) => `${s.file}!${s.range}`)).toEqual([
      "a.xlsx!A4:H4",
      "b.xlsx!A4:H4",
    ]);
    expect(r.issues).toEqual([]);
  });

  it("points an issue of the merged table at the unit's own file and cell", () => {
    const r = mergeWorkbooks(
      [
        { file: "a.xlsx", workbook: t1Unit("甲校") },
        { file: "units/b.xlsx", workbook: t1Unit("乙校", { 发展预备党员: 9 }) },
      ],
      { units: ["甲校", "乙校"] }
    );
    const i = r.issues.find((x) => x.rule === "T1-01")!;
    expect(i.cell).toBe("E5");
    expect(i.sources).toEqual([{ file: "units/b.xlsx", unit: "乙校", sheet: "表1", cell: "E4" }]);
    expect(i.alsoInUnit).toBe(true);
    expect(r.units[1]!.issues.map((x) => `${x.rule} ${x.cell}`)).toContain("T1-01 E4");
  });

  it("reports a unit that appears in two files' rows (unique 单位名称), at the other unit's cell", () => {
    const r = mergeWorkbooks([
      { file: "a.xlsx", workbook: t1Unit("甲校", { 年末党员数: 41 }) },
      {
        file: "b.xlsx",
        workbook: book(unitSheet("乙校", "T1", [t1Row("乙校"), t1Row("甲校")], { name: "表1" })),
      },
    ]);
    expect(r.problems.map((p) => `${p.code} ${p.file} ${p.cell}`)).toContain(
      "other-unit-row b.xlsx A5"
    );
    const dup = r.issues.find((i) => i.code === "duplicate-value")!;
    expect(dup.sources).toEqual([{ file: "b.xlsx", unit: "乙校", sheet: "表1", cell: "A5" }]);
    expect(dup.alsoInUnit).toBe(false);
  });
});

describe("merge: the per-unit report", () => {
  it("lists units on the list that sent nothing and units not on the list", () => {
    const r = mergeWorkbooks(
      [
        { file: "a.xlsx", workbook: t1Unit("甲校") },
        { file: "x.xlsx", workbook: t1Unit("外校") },
      ],
      { units: ["甲校", "乙校"] }
    );
    expect(r.problems.map((p) => [p.code, p.severity, p.unit])).toEqual([
      ["not-on-list", "warning", "外校"],
      ["missing", "error", "乙校"],
    ]);
    expect(r.unitOrder).toEqual(["甲校", "外校"]);
  });

  it("never picks silently between two files of one unit; merges the chosen one", () => {
    const files = [
      { file: "甲校.xlsx", workbook: t1Unit("甲校", { 年末党员数: 10 }) },
      { file: "甲校（更正）.xlsx", workbook: t1Unit("甲校", { 年末党员数: 12 }) },
    ];
    const none = mergeWorkbooks(files);
    expect(none.tables).toEqual([]);
    expect(none.problems[0]).toMatchObject({
      code: "duplicate",
      severity: "error",
      files: ["甲校.xlsx", "甲校（更正）.xlsx"],
    });
    expect(none.units.map((u) => u.status)).toEqual(["duplicate-unchosen", "duplicate-unchosen"]);
    const last = mergeWorkbooks(files, { duplicates: "last" });
    expect(last.tables[0]!.total[2]).toBe(12);
    expect(last.problems[0]).toMatchObject({
      code: "duplicate",
      severity: "warning",
      file: "甲校（更正）.xlsx",
    });
    const preferred = mergeWorkbooks(files, { prefer: ["/some/where/甲校.xlsx"] });
    expect(preferred.tables[0]!.total[2]).toBe(10);
    expect(preferred.units.map((u) => u.status)).toEqual(["merged", "duplicate-unused"]);
  });

  it("reports files of another year, without tables, unreadable ones — and still merges the others", () => {
    const r = mergeWorkbooks(
      [
        { file: "a.xlsx", workbook: t1Unit("甲校") },
        { file: "b.xlsx", workbook: t1Unit("乙校") },
        { file: "old.xlsx", workbook: t1Unit("丙校", {}, { year: 2012 }) },
        { file: "empty.xlsx", workbook: book({ name: "Sheet1", values: [["你好"]] }) },
        { file: "lock.xlsx", unreadable: "文件已加密（有密码保护）" },
      ],
      { units: ["甲校", "乙校", "丙校", "丁校", "lock"] }
    );
    expect(r.year).toBe(2013);
    expect(r.units.map((u) => u.status)).toEqual([
      "merged",
      "merged",
      "other-year",
      "no-tables",
      "unreadable",
    ]);
    expect(r.problems.filter((p) => p.severity === "error").map((p) => p.code)).toEqual([
      "other-year",
      "no-tables",
      "unreadable",
      "missing",
      "missing",
      "missing",
    ]);
    expect(r.problems.find((p) => p.unit === "丙校" && p.code === "missing")?.message).toContain(
      "old.xlsx"
    );
    expect(r.problems.find((p) => p.unit === "lock" && p.code === "missing")?.message).toContain(
      "无法读取"
    );
    expect(r.tables[0]!.rows).toHaveLength(2);
  });

  it("merges by header a table with moved, extra and missing optional columns, and says so", () => {
    const headers = [
      "单位类型",
      "单位名称",
      "年末党员数",
      "培训入党积极分子",
      "发展预备党员",
      "其中：教工",
      "其中：学生",
      "转正预备党员",
      "联系电话",
      "备注",
    ];
    const moved = book(
      unitSheet("乙校", "T1", [{ ...t1Row("乙校", { 年末党员数: 5 }), 联系电话: "123" }], {
        name: "表1",
        headers,
      })
    );
    const r = mergeWorkbooks([
      { file: "a.xlsx", workbook: t1Unit("甲校") },
      { file: "b.xlsx", workbook: moved },
    ]);
    expect(r.problems.map((p) => p.code)).toEqual([
      "column-order",
      "extra-column",
      "missing-column",
    ]);
    expect(r.problems[2]!.message).toContain("新党员培训、评选优秀党员");
    const row = r.tables[0]!.rows.find((x) => x.values[0] === "乙校")!;
    expect(row.values.slice(0, 3)).toEqual(["乙校", "高中", 5]);
    expect(row.values[8]).toBeNull();
    expect(r.tables[0]!.rows.map((x) => x.values).flat()).not.toContain("123");
  });

  it("applies the bureau's definitions, whatever the tables are (a bureau's own table)", () => {
    // a bureau's own table: another 表1 with fewer columns and its own rule
    const own = loadDefinitions(TEMPLATE_DEFINITIONS_FOR_TESTS);
    const sheet = (unit: string, n: number, m: number): SheetModel => ({
      name: "自定",
      values: [
        ["自定表"],
        ["填报单位", unit, "统计年度", 2014],
        ["学校", "教师数", "党员教师数"],
        [unit, n, m],
        ["合计", n, m],
      ],
    });
    const r = mergeWorkbooks(
      [
        { file: "a.xlsx", workbook: book(sheet("甲", 10, 4)) },
        { file: "b.xlsx", workbook: book(sheet("乙", 3, 5)) },
      ],
      { definitions: own }
    );
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]!.total).toEqual(["合计", 13, 9]);
    expect(r.issues.map((i) => `${i.rule} ${i.sources[0]?.file}!${i.sources[0]?.cell}`)).toEqual([
      "T1-01 b.xlsx!C4",
    ]);
  });

  it("uses the year most files are for, and --year when given", () => {
    const files = [
      { file: "a.xlsx", workbook: t1Unit("甲") },
      { file: "b.xlsx", workbook: t1Unit("乙") },
      { file: "c.xlsx", workbook: t1Unit("丙", {}, { year: 2014 }) },
    ];
    expect(mergeWorkbooks(files).year).toBe(2013);
    const y = mergeWorkbooks(files, { year: 2014 });
    expect(y.tables[0]!.rows.map((x) => x.values[0])).toEqual(["丙"]);
    expect(y.units.map((u) => u.status)).toEqual(["other-year", "other-year", "merged"]);
    // a year before every file's: each is said to be of its own year, none is “without tables”
    const earlier = mergeWorkbooks(files, { year: 2012 });
    expect(earlier.units.map((u) => u.status)).toEqual(["other-year", "other-year", "other-year"]);
    expect(earlier.problems.find((p) => p.file === "a.xlsx")?.message).toBe(
      "a.xlsx（甲）是2013年的表，不是2012年，未合并"
    );
  });

  it("refuses a merged workbook given back as a unit file", () => {
    const r = mergeWorkbooks([{ file: "a.xlsx", workbook: t1Unit("甲") }]);
    const again = new UnitMerge();
    again.add("汇总.xlsx", r.workbook);
    expect(again.finish().units[0]).toMatchObject({ read: false, status: "unreadable" });
  });
});

describe("the merged workbook", () => {
  it("is written as .xlsx, read back the same and checks clean (合计 equal to the rows)", () => {
    const r = mergeWorkbooks([
      {
        file: "a.xlsx",
        workbook: book(
          unitSheet("甲", "T1", [t1Row("甲", { 年末党员数: "４９人" })], { name: "表1" }),
          unitSheet("甲", "T3", [t3Row("x", { "金额（元）": 1234.56 })], { name: "表3" })
        ),
      },
      {
        file: "b.xlsx",
        workbook: book(
          unitSheet("乙", "T1", [t1Row("乙")], { name: "表1" }),
          unitSheet("乙", "T3", [t3Row("y", { "金额（元）": 0.44 })], { name: "表3" })
        ),
      },
    ]);
    const bytes = writeSheets(
      r.workbook.sheets.map((sheet) => ({ sheet, boldRows: r.boldRows.get(sheet.name) ?? [] }))
    );
    const back = readXlsx(bytes);
    expect(back.sheets.map((s) => s.name)).toEqual([
      "表1 汇总 2013",
      "表3 汇总 2013",
      SOURCES_SHEET,
    ]);
    const t1 = back.sheets[0]!;
    // the unit's full-width text number, read as 校验 reads it, is a number in the merged sheet
    expect(t1.values[3]?.[2]).toBe(49);
    expect(r.problems.filter((p) => p.code === "text-number")).toEqual([
      expect.objectContaining({
        severity: "warning",
        unit: "甲",
        file: "a.xlsx",
        sheet: "表1 汇总 2013",
        cell: "C4",
        from: { sheet: "表1", cell: "C4" },
        place: "表1 汇总 2013 第4行（甲）“年末党员数”",
        message: "甲填的是文字“４９人”（其文件“表1”第4行），已按数字49合并",
      }),
    ]);
    expect(t1.values[5]?.[0]).toBe("合计");
    expect(t1.values[5]?.[2]).toBe(89);
    expect(back.sheets[1]!.values[5]?.[2]).toBe(1235);
    const checked = validateWorkbook(back);
    // clean numbers: the lenient reading is the unit's, not the merged sheet's
    expect(checked.issues.map((i) => `${i.rule} ${i.severity} ${i.sheet}!${i.cell}`)).toEqual([]);
    expect(back.sheets[2]!.values[1]).toEqual([
      "表1 汇总 2013",
      "A4:K4",
      "甲",
      "a.xlsx",
      "表1",
      "A4:K4",
    ]);
  });
});

describe("merge: what else a unit's file may do", () => {
  it("a table twice, no 填报单位, no 统计年度, a channel's unit differing between units", () => {
    const noName = (sheet: SheetModel): SheetModel => ({
      ...sheet,
      values: sheet.values.map((r, i) => (i === 1 ? ["填报单位", null, "统计年度", null] : r)),
    });
    const r = mergeWorkbooks([
      {
        file: "twice.xlsx",
        workbook: book(
          unitSheet("甲", "T1", [t1Row("甲")], { name: "表1" }),
          unitSheet("甲", "T1", [t1Row("甲", { 年末党员数: 99 })], { name: "表1 副本" })
        ),
      },
      {
        file: "d/乙校.xlsx",
        workbook: book(
          noName(buildSheet("T4", [t4Row("来电", { 计量单位: "件" })], { name: "表4" }))
        ),
      },
      {
        file: "丙.xlsx",
        workbook: book(unitSheet("丙", "T4", [t4Row("来电", { 计量单位: "个" })], { name: "表4" })),
      },
    ]);
    expect(r.problems.map((p) => `${p.code} ${p.severity} ${p.unit ?? ""}`)).toEqual([
      "table-twice warning 甲",
      "no-year warning 乙校",
      "no-unit-name warning 乙校",
      "value-conflict warning ",
    ]);
    expect(r.problems[3]!.message).toContain("各单位不同（丙：个；乙校：件），汇总取 个");
    expect(r.tables.find((t) => t.definition.def.id === "T1")!.total[2]).toBe(40);
    const t4 = r.tables.find((t) => t.definition.def.id === "T4")!;
    expect(t4.rows).toHaveLength(1);
    expect(t4.rows[0]!.values[1]).toBe("个");
  });
});

describe("hostile text in a unit's file", () => {
  it("stays text in the merged workbook: never a formula, markup escaped", () => {
    const hostile = [
      '=HYPERLINK("http://evil.example","点我")',
      "+cmd|' /C calc'!A0",
      "<b>&amp;</b>",
    ];
    const r = mergeWorkbooks(
      hostile.map((name, i) => ({ file: `${i}.xlsx`, workbook: t1Unit(name) }))
    );
    const bytes = writeSheets(r.workbook.sheets.map((sheet) => ({ sheet })));
    const xml = new TextDecoder().decode(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
    expect(xml).not.toContain("<f>");
    const names = readXlsx(bytes)
      .sheets[0]!.values.slice(3, 6)
      .map((row) => row[0]);
    expect([...names].sort()).toEqual([...hostile].sort());
  });
});

describe("unit lists", () => {
  it("reads a sheet's 单位名称 column, or the first text column", () => {
    expect(
      unitListFromSheet({
        name: "名单",
        values: [
          ["序号", "单位名称", "类型"],
          [1, " 甲校 ", "小学"],
          [2, "乙校"],
          [3, "甲校"],
          [4, null],
        ],
      })
    ).toEqual(["甲校", "乙校"]);
    expect(
      unitListFromSheet({
        name: "x",
        values: [
          [1, "甲"],
          [2, "乙"],
        ],
      })
    ).toEqual(["甲", "乙"]);
  });
  it("reads text: one unit per line, CSV's first name field, header skipped", () => {
    expect(unitListFromText('\uFEFF单位名称\r\n1,甲校,小学\n\n"乙校"\n')).toEqual(["甲校", "乙校"]);
  });
});
