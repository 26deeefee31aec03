/**
 * Every rule of docs/rules.md: a case where it fires (asserting the exact cell) and a near miss.
 * Sheets are laid out by fixtures.ts: title, labels, header on row 3, data from row 4, 合计 last.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../../src/core/issues";
import { validateWorkbook, type ValidationResult } from "../../src/core/validate";
import { issueMessage } from "../../src/core/messages";
import type { Settings } from "../../src/core/settings";
import {
  buildSheet,
  cellOf,
  referenceT1,
  t1Row,
  t2Row,
  t3Row,
  t4Row,
  totalCellOf,
  workbook,
  type RowSpec,
  type SheetOptions,
  type TableId,
} from "./fixtures";
import type { SheetModel } from "../../src/core/model";

function run(sheets: SheetModel[], settings?: Partial<Settings>): ValidationResult {
  return validateWorkbook(workbook(...sheets), settings ? { settings } : {});
}
function issuesOf(r: ValidationResult, rule: string): Issue[] {
  return r.issues.filter((i) => i.rule === rule);
}
function one(id: TableId, rows: RowSpec[], options?: SheetOptions): ValidationResult {
  return run([buildSheet(id, rows, options)]);
}

describe("T1 党员发展情况", () => {
  it("T1-01 fires when 发展预备党员 ≠ 教工 + 学生, at the 发展预备党员 cell", () => {
    const r = one("T1", [t1Row("一中"), t1Row("二中", { 发展预备党员: 5 })]);
    const [issue, ...rest] = issuesOf(r, "T1-01");
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      code: "developed-split",
      severity: "error",
      cell: cellOf("T1", "发展预备党员", 1),
      value: 5,
      expected: 3,
    });
    expect(issue?.cell).toBe("E5");
  });
  it("T1-01 near miss: the parts add up", () => {
    expect(
      issuesOf(
        one("T1", [t1Row("一中", { 发展预备党员: 7, "其中：教工": 3, "其中：学生": 4 })]),
        "T1-01"
      )
    ).toEqual([]);
  });
  it("T1-01 is not checked when a part is blank (G-02 reports the blank)", () => {
    const r = one("T1", [t1Row("一中", { "其中：学生": null })]);
    expect(issuesOf(r, "T1-01")).toEqual([]);
    expect(issuesOf(r, "G-02")).toMatchObject([{ code: "required-blank", cell: "G4" }]);
  });

  it("T1-02 fires when 评选优秀党员 > 年末党员数, at the 评选优秀党员 cell", () => {
    const r = one("T1", [t1Row("一中", { 评选优秀党员: 41 })]);
    expect(issuesOf(r, "T1-02")).toMatchObject([
      { severity: "error", cell: "J4", value: 41, expected: 40 },
    ]);
  });
  it("T1-02 near miss: equal is allowed, blank is not checked", () => {
    expect(
      issuesOf(
        one("T1", [t1Row("一中", { 评选优秀党员: 40 }), t1Row("二中", { 评选优秀党员: null })]),
        "T1-02"
      )
    ).toEqual([]);
  });

  it("T1-03 (E) fires for 学生党员 in 初中, 小学, 幼儿园", () => {
    const r = one("T1", [
      t1Row("实验初中", { 单位类型: "初中" }),
      t1Row("实验小学", { 单位类型: "小学" }),
      t1Row("实验幼儿园", { 单位类型: "幼儿园" }),
    ]);
    const issues = issuesOf(r, "T1-03");
    expect(issues.map((i) => [i.cell, i.severity, i.code])).toEqual([
      ["G4", "error", "student-members-minor"],
      ["G5", "error", "student-members-minor"],
      ["G6", "error", "student-members-minor"],
    ]);
    expect(issues[0]?.expected).toBe(0);
  });
  it("T1-03 (W) fires for 机关, explained when 备注 is filled", () => {
    const r = one("T1", [
      t1Row("局机关", { 单位类型: "机关" }),
      t1Row("局机关二", { 单位类型: "机关", 备注: "挂职学生" }),
    ]);
    expect(issuesOf(r, "T1-03")).toMatchObject([
      { cell: "G4", severity: "warning", explained: false },
      { cell: "G5", severity: "warning", explained: true },
    ]);
  });
  it("T1-03 near miss: 高中 may have student members, 小学 with 0 is fine", () => {
    const r = one("T1", [
      t1Row("一中", { 单位类型: "高中" }),
      t1Row("实验小学", { 单位类型: "小学", 发展预备党员: 1, "其中：学生": 0 }),
    ]);
    expect(issuesOf(r, "T1-03")).toEqual([]);
  });

  it("T1-04 fires when 转正预备党员 total > last year's 发展预备党员 total, at this year's 合计 cell", () => {
    const lastYear = buildSheet(
      "T1",
      [t1Row("一中", { 发展预备党员: 30, "其中：教工": 10, "其中：学生": 20 })],
      { year: 2012 }
    );
    const r = run([referenceT1(), lastYear]);
    expect(r.currentYear).toBe(2013);
    expect(r.previousYear).toBe(2012);
    expect(issuesOf(r, "T1-04")).toMatchObject([
      {
        sheet: "2013表1",
        cell: totalCellOf("T1", "转正预备党员", 5),
        value: 35,
        expected: 30,
        severity: "warning",
      },
    ]);
    expect(issuesOf(r, "T1-04")[0]?.cell).toBe("H9");
  });
  it("T1-04 near miss: equal to last year's, or no last year", () => {
    const lastYear = buildSheet(
      "T1",
      [t1Row("一中", { 发展预备党员: 35, "其中：教工": 15, "其中：学生": 20 })],
      { year: 2012 }
    );
    expect(issuesOf(run([referenceT1(), lastYear]), "T1-04")).toEqual([]);
    expect(issuesOf(run([referenceT1()]), "T1-04")).toEqual([]);
  });
});

describe("T2 培训情况", () => {
  it("T2-01 fires when 结束日期 < 开始日期, at 结束日期", () => {
    const r = one("T2", [
      t2Row("教师培训班", { 开始日期: { date: 41400 }, 结束日期: { date: 41399 } }),
    ]);
    expect(issuesOf(r, "T2-01")).toMatchObject([
      { cell: "G4", severity: "error", value: "2013-05-05", expected: "2013-05-06" },
    ]);
  });
  it("T2-01 near miss: a one-day course (end = start)", () => {
    expect(
      issuesOf(
        one("T2", [t2Row("一日培训", { 开始日期: { date: 41400 }, 结束日期: { date: 41400 } })]),
        "T2-01"
      )
    ).toEqual([]);
  });

  it("T2-02 fires for a date outside the 统计年度", () => {
    const r = one("T2", [
      t2Row("跨年培训", { 开始日期: { date: 41274 }, 结束日期: { date: 41276 } }),
    ]);
    expect(issuesOf(r, "T2-02")).toMatchObject([
      { cell: "F4", severity: "warning", value: "2012-12-31", params: { year: 2013 } },
    ]);
  });
  it("T2-02 near miss: the first and last day of the year", () => {
    expect(
      issuesOf(
        one("T2", [t2Row("全年", { 开始日期: { date: 41275 }, 结束日期: { date: 41639 } })]),
        "T2-02"
      )
    ).toEqual([]);
  });

  it("T2-03 fires for 人均学时 > 200", () => {
    expect(issuesOf(one("T2", [t2Row("长班", { 人均学时: 200.5 })]), "T2-03")).toMatchObject([
      { cell: "E4", severity: "warning", value: 200.5, expected: 200 },
    ]);
  });
  it("T2-03 near miss: exactly 200", () => {
    expect(issuesOf(one("T2", [t2Row("长班", { 人均学时: 200 })]), "T2-03")).toEqual([]);
  });

  it("T2-04 fires when Σ 入党积极分子培训 ≠ 表1 合计 培训入党积极分子", () => {
    const t2 = buildSheet("T2", [
      t2Row("教师培训", { 培训人数: 500 }),
      t2Row("积极分子一期", { 培训类别: "入党积极分子培训", 培训人数: 130 }),
      t2Row("积极分子二期", { 培训类别: "入党积极分子培训", 培训人数: 130 }),
      t2Row("新党员培训班", { 培训类别: "新党员培训", 培训人数: 112 }),
    ]);
    const r = run([referenceT1(), t2]);
    expect(issuesOf(r, "T2-04")).toMatchObject([
      {
        sheet: "2013表2",
        cell: "D5",
        code: "activists-differ-from-t1",
        value: 260,
        expected: 264,
        params: { other: "2013表1!D9" },
      },
    ]);
  });
  it("T2-04 fires for 新党员培训 too; near miss when both agree or one is not filled", () => {
    const agree = buildSheet("T2", [
      t2Row("积极分子", { 培训类别: "入党积极分子培训", 培训人数: 264 }),
      t2Row("新党员", { 培训类别: "新党员培训", 培训人数: 112 }),
    ]);
    expect(issuesOf(run([referenceT1(), agree]), "T2-04")).toEqual([]);
    const noNew = buildSheet("T2", [
      t2Row("积极分子", { 培训类别: "入党积极分子培训", 培训人数: 264 }),
    ]);
    expect(issuesOf(run([referenceT1(), noNew]), "T2-04")).toEqual([]);
    const differ = buildSheet("T2", [t2Row("新党员", { 培训类别: "新党员培训", 培训人数: 100 })]);
    expect(issuesOf(run([referenceT1(), differ]), "T2-04")).toMatchObject([
      { code: "new-members-differ-from-t1", cell: "D4", value: 100, expected: 112 },
    ]);
  });
});

describe("T3 经费情况", () => {
  it("T3-01 fires for 慰问金 without 受益人数 (blank or 0), at 受益人数", () => {
    const r = one("T3", [
      t3Row("慰问困难教职工", { 经费类别: "慰问金", "金额（元）": 3000 }),
      t3Row("慰问退休教师", { 经费类别: "慰问金", "金额（元）": 3000, 受益人数: 0 }),
    ]);
    expect(issuesOf(r, "T3-01").map((i) => [i.cell, i.severity])).toEqual([
      ["D4", "error"],
      ["D5", "error"],
    ]);
  });
  it("T3-01 near miss: one beneficiary; other categories need none", () => {
    const r = one("T3", [
      t3Row("慰问", { 经费类别: "慰问金", "金额（元）": 3000, 受益人数: 1 }),
      t3Row("募捐", { 经费类别: "募集善款", "金额（元）": 3000 }),
    ]);
    expect(issuesOf(r, "T3-01")).toEqual([]);
  });

  it("T3-02 fires for 慰问金 above 5000 元 per beneficiary, at 金额", () => {
    const r = one("T3", [
      t3Row("慰问", { 经费类别: "慰问金", "金额（元）": 45000.01, 受益人数: 9 }),
    ]);
    expect(issuesOf(r, "T3-02")).toMatchObject([
      {
        cell: "C4",
        severity: "warning",
        value: "45000.01",
        expected: "45000",
        params: { 慰问金人均上限: "5000" },
      },
    ]);
  });
  it("T3-02 near miss: exactly 5000 元 each; a higher limit in the settings", () => {
    expect(
      issuesOf(
        one("T3", [t3Row("慰问", { 经费类别: "慰问金", "金额（元）": 45000, 受益人数: 9 })]),
        "T3-02"
      )
    ).toEqual([]);
    const sheet = buildSheet("T3", [
      t3Row("慰问", { 经费类别: "慰问金", "金额（元）": 54000, 受益人数: 9 }),
    ]);
    expect(issuesOf(run([sheet]), "T3-02")).toHaveLength(1);
    expect(issuesOf(run([sheet], { condolencePerPersonLimit: 6000 }), "T3-02")).toEqual([]);
  });

  it("T3-03 fires when 三公经费 rose, even by one fen, at its first row", () => {
    const now = buildSheet("T3", [
      t3Row("捐款", { "金额（元）": 100 }),
      t3Row("公务接待", { 经费类别: "三公经费", "金额（元）": 10000.01 }),
    ]);
    const last = buildSheet(
      "T3",
      [t3Row("公务接待", { 经费类别: "三公经费", "金额（元）": 10000 })],
      { year: 2012 }
    );
    expect(issuesOf(run([now, last]), "T3-03")).toMatchObject([
      { sheet: "2013表3", cell: "C5", value: "10000.01", expected: "10000", severity: "warning" },
    ]);
  });
  it("T3-03 near miss: the same or less; or no last year", () => {
    const now = buildSheet("T3", [
      t3Row("公务接待", { 经费类别: "三公经费", "金额（元）": 10000 }),
    ]);
    const last = buildSheet(
      "T3",
      [t3Row("公务接待", { 经费类别: "三公经费", "金额（元）": 10000 })],
      { year: 2012 }
    );
    expect(issuesOf(run([now, last]), "T3-03")).toEqual([]);
    expect(issuesOf(run([now]), "T3-03")).toEqual([]);
  });
});

describe("T4 信访咨询办理情况", () => {
  it("T4-01 fires when 办结数 > 受理数, at 办结数", () => {
    expect(
      issuesOf(one("T4", [t4Row("来电", { 办结数: 101, 满意数: 90 })]), "T4-01")
    ).toMatchObject([{ cell: "D4", severity: "error", value: 101, expected: 100 }]);
  });
  it("T4-01 near miss: all closed", () => {
    expect(issuesOf(one("T4", [t4Row("来电", { 办结数: 100 })]), "T4-01")).toEqual([]);
  });
  it("T4-02 fires when 满意数 > 办结数, at 满意数", () => {
    expect(issuesOf(one("T4", [t4Row("来电", { 满意数: 99 })]), "T4-02")).toMatchObject([
      { cell: "E4", severity: "error", value: 99, expected: 98 },
    ]);
  });
  it("T4-02 near miss: all satisfied; 满意数 blank", () => {
    expect(
      issuesOf(one("T4", [t4Row("来电", { 满意数: 98 }), t4Row("来访", { 满意数: null })]), "T4-02")
    ).toEqual([]);
  });
  it("T4-03 fires for a rate that does not match the counts, at the rate cell", () => {
    const r = one("T4", [t4Row("来电", { 办结率: 0.9, 满意率: 0.918 })], {
      formats: { 办结率: "0.0%", 满意率: "0.0%" },
    });
    expect(issuesOf(r, "T4-03")).toMatchObject([
      { code: "closed-rate", cell: "F4", value: "90%", expected: "98%" },
    ]);
  });
  it("T4-03 fires for a rate outside 0–100%", () => {
    const r = one("T4", [t4Row("来电", { 办结率: 1.5 })], { formats: { 办结率: "0%" } });
    expect(issuesOf(r, "T4-03")).toMatchObject([
      { code: "rate-out-of-range", cell: "F4", value: "150%" },
    ]);
  });
  it("T4-03 near miss: within 0.1 point after rounding; blank rates are computed, not errors", () => {
    // 90 / 98 = 91.836…%: 91.8% is right
    const r = one("T4", [t4Row("来电", { 办结率: 0.98, 满意率: 0.918 }), t4Row("来访")], {
      formats: { 办结率: "0.0%", 满意率: "0.0%" },
    });
    expect(issuesOf(r, "T4-03")).toEqual([]);
  });
});

describe("T4-03 on an old 表4's 合计 row", () => {
  const rows = [
    t4Row("来电", { 受理数: 100, 办结数: 100, 满意数: 100 }),
    t4Row("来访", { 受理数: 100, 办结数: 96, 满意数: 90 }),
  ];
  const formats = { 办结率: "0.0%", 满意率: "0.0%" };
  it("is not checked: 表4's counts have the unit of their row and add up to no 合计", () => {
    const r = one("T4", rows, {
      formats,
      total: { 受理数: 200, 办结数: 196, 满意数: 190, 办结率: 0.99 },
    });
    expect(issuesOf(r, "T4-03")).toEqual([]);
    // the same rate on a row is checked
    const row = one("T4", [t4Row("来访", { 受理数: 100, 办结数: 96, 办结率: 0.99 })], {
      formats,
      total: "none",
    });
    expect(issuesOf(row, "T4-03")).toMatchObject([
      { code: "closed-rate", cell: "F4", value: "99%", expected: "96%" },
    ]);
  });
  it("near miss: 98% = 196 / 200; a blank 合计 rate", () => {
    const r = one("T4", rows, {
      formats,
      total: { 受理数: 200, 办结数: 196, 满意数: 190, 办结率: 0.98 },
    });
    expect(issuesOf(r, "T4-03")).toEqual([]);
  });
  it("a plain 0 is 0% either way: no warning", () => {
    const r = one("T4", [t4Row("来信", { 受理数: 5, 办结数: 0, 满意数: 0, 办结率: 0 })], {
      formats: { 办结率: "General" },
    });
    expect(r.issues.filter((i) => i.cell === "F4")).toEqual([]);
  });
});

describe("G rules (every template)", () => {
  it("G-01 (E) a required header is missing: reported at the header row", () => {
    const headers = [
      "单位名称",
      "单位类型",
      "培训入党积极分子",
      "发展预备党员",
      "其中：教工",
      "其中：学生",
      "转正预备党员",
      "备注",
    ];
    const r = one("T1", [t1Row("一中")], { headers });
    expect(issuesOf(r, "G-01")).toMatchObject([
      { code: "missing-header", severity: "error", cell: "3:3", column: "年末党员数" },
    ]);
  });
  it("G-01 (W) an unknown extra column; (E) a header twice", () => {
    const headers = [
      "单位名称",
      "单位类型",
      "年末党员数",
      "联系人",
      "培训入党积极分子",
      "发展预备党员",
      "其中：教工",
      "其中：学生",
      "转正预备党员",
      "年末党员数",
    ];
    const r = one("T1", [t1Row("一中", { 联系人: "李四" })], { headers });
    expect(issuesOf(r, "G-01")).toMatchObject([
      { code: "unknown-column", severity: "warning", cell: "D3", value: "联系人" },
      { code: "duplicate-header", severity: "error", cell: "J3", params: { other: "C3" } },
    ]);
    // the other header is on the same row: the message names its column
    expect(issueMessage(issuesOf(r, "G-01")[1]!)).toBe(
      "列“年末党员数”重复出现（另见C列），此列已忽略。请删除重复的列。"
    );
  });
  it("G-01 near miss: optional columns may be left out; headers match after normalising", () => {
    const headers = [
      " 单位\n名称",
      "单位类型",
      "年末党员数",
      "培训入党积极分子",
      "发展预备党员",
      "其中:教工",
      "其中：学生",
      "转正预备党员",
    ];
    const r = one("T1", [{ ...t1Row("一中"), " 单位\n名称": "一中", "其中:教工": 1 }], { headers });
    expect(issuesOf(r, "G-01")).toEqual([]);
    expect(r.tables[0]?.figures.find((f) => f.id === "T1/其中：教工")?.value).toBe(1);
  });

  it("G-02 (E) required blank, wrong type, not in the list, Excel error; each at its cell", () => {
    const r = one(
      "T1",
      [
        t1Row("一中", { 年末党员数: null }),
        t1Row("二中", { 培训入党积极分子: true }),
        t1Row("三中", { 单位类型: "大学" }),
        t1Row("四中", { 转正预备党员: { error: "#DIV/0!" } }),
        t1Row("五中", { 年末党员数: "四十" }),
        t1Row("六中", { 年末党员数: -1 }),
        t1Row("七中", { 年末党员数: 40.5 }),
      ],
      { total: "none" }
    );
    expect(issuesOf(r, "G-02").map((i) => [i.code, i.cell, i.severity])).toEqual([
      ["required-blank", "C4", "error"],
      ["wrong-type", "D5", "error"],
      ["not-in-list", "B6", "error"],
      ["excel-error", "H7", "error"],
      ["not-a-number", "C8", "error"],
      ["below-min", "C9", "error"],
      ["not-integer", "C10", "error"],
    ]);
  });
  it("G-02 (E) a value repeated in a unique column (单位名称, 渠道)", () => {
    const r = one("T1", [t1Row("一中"), t1Row("一中", { 年末党员数: 41 })]);
    expect(issuesOf(r, "G-02")).toMatchObject([
      { code: "duplicate-value", cell: "A5", params: { other: "A4" } },
    ]);
    const r4 = one("T4", [t4Row("来电"), t4Row("来电", { 受理数: 200 })]);
    expect(issuesOf(r4, "G-02")).toMatchObject([{ code: "duplicate-value", cell: "A5" }]);
  });
  it("G-02 each repeated value points at its own first row", () => {
    const r = one("T1", [
      t1Row("甲"),
      t1Row("乙"),
      t1Row("丙"),
      t1Row("乙", { 年末党员数: 1 }),
      t1Row("甲", { 年末党员数: 2 }),
      t1Row("乙", { 年末党员数: 3 }),
    ]);
    expect(issuesOf(r, "G-02").map((i) => [i.cell, i.params?.other])).toEqual([
      ["A7", "A5"],
      ["A8", "A4"],
      ["A9", "A5"],
    ]);
  });
  it("G-02 near miss: optional cells may be blank", () => {
    expect(
      issuesOf(one("T1", [t1Row("一中", { 新党员培训: null, 评选优秀党员: null })]), "G-02")
    ).toEqual([]);
  });
  it("G-02 (E) money with more than 2 decimals; 期数 below 1", () => {
    const r = one("T3", [t3Row("捐款", { "金额（元）": 1.005 })]);
    expect(issuesOf(r, "G-02")).toMatchObject([
      { code: "too-many-decimals", cell: "C4", value: 1.005, expected: "1.01" },
    ]);
    expect(issuesOf(one("T2", [t2Row("班", { 期数: 0 })]), "G-02")).toMatchObject([
      { code: "below-min", cell: "C4", expected: 1 },
    ]);
  });

  it("G-03 (E) the 合计 row differs from the sum of the data rows, at the 合计 cell", () => {
    const r = one("T1", [t1Row("一中"), t1Row("二中")], { total: { 年末党员数: 81 } });
    const g03 = issuesOf(r, "G-03");
    expect(g03[0]).toMatchObject({ code: "total-mismatch", cell: "C6", value: 81, expected: 80 });
    // figures use the sum of the data rows, not the wrong 合计
    expect(r.tables[0]?.figures.find((f) => f.id === "T1/年末党员数")?.value).toBe(80);
  });
  it("G-03 money is exact to the fen: 0.1 + 0.2 = 0.3", () => {
    const r = one("T3", [t3Row("甲", { "金额（元）": 0.1 }), t3Row("乙", { "金额（元）": 0.2 })], {
      total: { "金额（元）": 0.3 },
    });
    expect(issuesOf(r, "G-03")).toEqual([]);
    const wrong = one(
      "T3",
      [t3Row("甲", { "金额（元）": 0.1 }), t3Row("乙", { "金额（元）": 0.2 })],
      { total: { "金额（元）": 0.31 } }
    );
    expect(issuesOf(wrong, "G-03")).toMatchObject([{ cell: "C6", expected: "0.3" }]);
  });
  it("G-03 (W) no 合计 row: totals are computed and used", () => {
    const r = one("T1", [t1Row("一中")], { total: "none" });
    expect(issuesOf(r, "G-03")).toMatchObject([
      { code: "no-total-row", severity: "warning", cell: "3:3" },
    ]);
    expect(r.tables[0]?.figures.find((f) => f.id === "T1/年末党员数")?.value).toBe(40);
  });
  it("G-03 near miss: a correct 合计 row", () => {
    expect(issuesOf(run([referenceT1()]), "G-03")).toEqual([]);
  });

  it("G-04 (W) a duplicate data row, reported on the later row", () => {
    const r = one("T2", [
      t2Row("教师培训班"),
      t2Row("校长班", { 培训类别: "校长培训" }),
      t2Row("教师培训班"),
    ]);
    expect(issuesOf(r, "G-04")).toMatchObject([
      { code: "duplicate-row", severity: "warning", cell: "6:6", params: { other: "4:4" } },
    ]);
  });
  it("G-04 near miss: same 培训项目 but other figures; blank rows are skipped, not errors", () => {
    const sheet = buildSheet("T2", [t2Row("教师培训班"), t2Row("教师培训班", { 期数: 3 })]);
    const values = [...sheet.values.slice(0, 4), [], [null, "  ", null], ...sheet.values.slice(4)];
    const r = run([{ name: sheet.name, values }]);
    expect(issuesOf(r, "G-04")).toEqual([]);
    expect(r.issues).toEqual([]);
    expect(r.tables[0]?.records).toHaveLength(2);
  });

  it("G-05 (W) a headline figure changed by more than 50%, at this year's 合计 cell", () => {
    const last = buildSheet(
      "T1",
      [t1Row("一中", { 发展预备党员: 32, "其中：教工": 12, "其中：学生": 20, 转正预备党员: 20 })],
      { year: 2012 }
    );
    const r = run([referenceT1(), last]);
    const dev = issuesOf(r, "G-05").find((i) => i.column === "发展预备党员");
    expect(dev).toMatchObject({
      cell: "E9",
      value: 49,
      expected: 32,
      severity: "warning",
      params: { pct: 53.1, threshold: 50 },
    });
  });
  it("G-05 near miss: 50% exactly, last year below 10, or a higher threshold", () => {
    const lastHalf = buildSheet(
      "T1",
      [t1Row("一中", { 发展预备党员: 98, "其中：教工": 50, "其中：学生": 48, 转正预备党员: 40 })],
      { year: 2012 }
    );
    expect(
      issuesOf(run([referenceT1(), lastHalf]), "G-05").find((i) => i.column === "发展预备党员")
    ).toBeUndefined();
    const small = buildSheet("T1", [t1Row("一中", { 评选优秀党员: 9 })], { year: 2012 });
    expect(
      issuesOf(run([referenceT1(), small]), "G-05").find((i) => i.column === "评选优秀党员")
    ).toBeUndefined();
    const last = buildSheet(
      "T1",
      [t1Row("一中", { 发展预备党员: 32, "其中：教工": 12, "其中：学生": 20 })],
      { year: 2012 }
    );
    const r = run([referenceT1(), last], { changeThresholdPct: 60 });
    expect(issuesOf(r, "G-05").find((i) => i.column === "发展预备党员")).toBeUndefined();
  });
  it("G-05 per channel for 表4 受理数, at the channel's row; explained by its 备注", () => {
    const now = buildSheet("T4", [
      t4Row("来电", { 受理数: 200, 办结数: 200, 满意数: 190, 备注: "新开热线" }),
      t4Row("来访"),
    ]);
    const last = buildSheet("T4", [t4Row("来电"), t4Row("来访")], { year: 2012 });
    expect(issuesOf(run([now, last]), "G-05")).toMatchObject([
      { cell: "C4", value: 200, expected: 100, explained: true, params: { group: "来电" } },
    ]);
  });
});
