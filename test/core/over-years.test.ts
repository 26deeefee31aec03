/**
 * The checks over years in the analysis (`draft.since`): every year from `since` is read and
 * validated, G-09 (a year missing), G-10 (a cumulative figure decreasing) and G-11 (a jump) are
 * issues of the report year's sheet, and earlier years' errors never block the report year.
 */
import { describe, expect, it } from "vitest";
import { analyzeWorkbook, issueMessage, type Issue } from "../../src/core";
import { cumulativeFigures, loadDefinitions } from "../../src/core/definitions";
import type { CellValue, SheetModel } from "../../src/core/model";
import { buildSheet, t1Row, totalCellOf, workbook, type RowSpec } from "./fixtures";

/** A 表1 of one year with one unit (a valid row unless overridden). */
const t1 = (year: number, overrides: RowSpec = {}): SheetModel =>
  buildSheet("T1", [t1Row("市第一中学", overrides)], { year });

const byRule = (issues: readonly Issue[], rule: string) => issues.filter((i) => i.rule === rule);

describe("the checks over years (since)", () => {
  it("reads every year from since and names a year the table is missing from once, at its header", () => {
    const wb = workbook(t1(2013), t1(2012), t1(2010), t1(2009));
    const a = analyzeWorkbook(wb, { draft: { since: 2009 } });
    expect(a.currentYear).toBe(2013);
    expect(a.tables.map((t) => t.year)).toEqual([2013, 2012, 2010, 2009]);
    // one issue for the whole table, not one for each of its figures
    const gaps = byRule(a.issues, "G-09");
    expect(gaps).toHaveLength(1);
    const [gap] = gaps;
    expect(gap?.code).toBe("series-table-missing");
    expect(gap?.severity).toBe("warning");
    expect(gap?.sheet).toBe("2013表1");
    expect(gap?.cell).toBe("3:3");
    expect(gap?.params).toMatchObject({ year: 2011, years: "2011年" });
    expect(issueMessage(gap as Issue)).toBe(
      "工作簿中没有2011年的表1（党员发展情况），这几年的历年变化无法计算。请把这几年的表复制到本工作簿，或选择较晚的历年起始年度。"
    );
    // about 2011, not the report year's value: not a warning of the report year, and the verdict
    // says so beside 没有警告
    expect(a.verdict.unexplained).toBe(0);
    expect(a.verdict.toFix).toBe(0);
    expect(a.verdict.text).toContain("另有1项警告是关于往年的表或历年变化的，不影响本年上报。");
    expect(a.series?.find((s) => s.id === "T1/发展预备党员")?.text).toBe("");
  });

  it("names a figure's own gap at its 合计 cell when the table is there that year", () => {
    // 2011's table is there, its 发展预备党员 written as text nobody can read as a number
    const wb = workbook(t1(2013), t1(2012), t1(2011, { 发展预备党员: "三人" }), t1(2010));
    const a = analyzeWorkbook(wb, { draft: { since: 2010 } });
    const gaps = byRule(a.issues, "G-09");
    expect(gaps.map((i) => [i.code, i.column, i.cell, i.params?.year])).toEqual([
      ["series-year-blank", "发展预备党员", totalCellOf("T1", "发展预备党员", 1), 2011],
    ]);
    expect(issueMessage(gaps[0]!)).toBe(
      "“发展预备党员”2011年的数为空白或无法读取，无法计算历年变化。请填写2011年的数。"
    );
  });

  it("names several missing years of a table in one phrase: a run as a range, else listed", () => {
    const run = analyzeWorkbook(workbook(t1(2013), t1(2012)), { draft: { since: 2009 } });
    expect(byRule(run.issues, "G-09").map((i) => i.params?.years)).toEqual(["2009–2011年"]);
    const apart = analyzeWorkbook(workbook(t1(2013), t1(2012), t1(2010)), {
      draft: { since: 2009 },
    });
    expect(byRule(apart.issues, "G-09").map((i) => i.params?.years)).toEqual(["2009年、2011年"]);
  });

  it("reports nothing over years without since, and earlier sheets stay unread", () => {
    const a = analyzeWorkbook(workbook(t1(2013), t1(2012), t1(2010), t1(2009)));
    expect(a.issues.filter((i) => /^G-(09|10|11)$/.test(i.rule))).toEqual([]);
    expect(a.tables.map((t) => t.year)).toEqual([2013, 2012]);
    expect(a.series).toBeUndefined();
  });

  it("warns of a jump with at least 4 years, counted as the report year's warning", () => {
    const years = [2010, 2011, 2012, 2013];
    const developed = [10, 11, 12, 30];
    const wb = workbook(
      ...years.map((y, i) =>
        t1(y, {
          发展预备党员: developed[i] ?? 0,
          "其中：教工": 1,
          "其中：学生": (developed[i] ?? 1) - 1,
        })
      )
    );
    const a = analyzeWorkbook(wb, { draft: { since: 2010 } });
    const jumps = byRule(a.issues, "G-11");
    expect(jumps.map((i) => [i.column, i.params?.year, i.severity])).toEqual([
      ["发展预备党员", 2013, "warning"],
      ["其中：学生", 2013, "warning"],
    ]);
    expect(issueMessage(jumps[0] as Issue)).toBe(
      "“发展预备党员”2013年为30人，2012年为12人，增加18人，超过其他年份变动中位数1人的3倍，变动较大。请核实，并在备注中说明原因。"
    );
    // G-05 (12 → 30) and the two G-11 are the report year's unexplained warnings
    expect(a.verdict.unexplained).toBe(byRule(a.issues, "G-05").length + 2);
    // 3 years are too few to tell a jump
    const three = analyzeWorkbook(wb, { draft: { since: 2011 } });
    expect(byRule(three.issues, "G-11")).toEqual([]);
  });

  it("never lets an earlier year's error block, and marks the series that use it", () => {
    const wb = workbook(
      t1(2013),
      t1(2012),
      // T1-01: 发展预备党员 5 ≠ 教工 1 + 学生 2
      t1(2011, { 发展预备党员: 5 }),
      t1(2010),
      t1(2009)
    );
    const a = analyzeWorkbook(wb, { draft: { since: 2009 } });
    const error = a.issues.find((i) => i.rule === "T1-01");
    expect(error?.sheet).toBe("2011表1");
    // only 表1 is given: the missing 表2–表4 hold the verdict, no error does
    expect(a.verdict.errors).toBe(0);
    expect(a.verdict.previousErrors).toBe(1);
    expect(a.verdict.earlierYears).toEqual([2009, 2010, 2011, 2012]);
    expect(a.verdict.text).toContain(
      "往年（2009–2012年）的表有1项错误，相关历年变化已标注“【待核】”。"
    );
    const developed = a.series?.find((s) => s.id === "T1/发展预备党员");
    expect(developed?.unverifiedYears).toEqual([2011]);
    expect(developed?.sources.map((s) => s.sheet)).toEqual(["2011表1"]);
  });
});

describe("cumulative figures", () => {
  const bureau = loadDefinitions(
    [
      {
        version: 2,
        id: "X1",
        label: "表1",
        title: "表1 培训累计情况统计表",
        name: "培训累计情况",
        rowLabel: "单位",
        columns: [
          { header: "单位名称", key: "unit", type: "text", required: true, unique: true },
          { header: "累计培训人数", key: "trained", type: "count", required: true, unit: "人" },
          { header: "备注", key: "remark", type: "text", required: false },
        ],
        rules: [],
        figures: {
          totals: [{ column: "累计培训人数", headline: true, cumulative: true }],
          groups: [],
        },
      },
    ],
    "局.json"
  );

  /** The bureau's table of one year, one unit. */
  const x1 = (year: number, trained: number): SheetModel => {
    const values: CellValue[][] = [
      ["表1 培训累计情况统计表"],
      ["填报单位", "某市教育局", "统计年度", year],
      ["单位名称", "累计培训人数", "备注"],
      ["市第一中学", trained, null],
      ["合计", trained, null],
    ];
    return { name: `${year}表1`, values };
  };

  it("reads cumulative from the definitions", () => {
    expect(cumulativeFigures(bureau.map((t) => t.def))).toEqual(new Set(["X1/累计培训人数"]));
  });

  it("a decrease in an earlier year is an earlier year's error; in the report year, an error of it", () => {
    const earlier = analyzeWorkbook(
      workbook(x1(2013, 150), x1(2012, 120), x1(2011, 130), x1(2010, 100)),
      { definitions: bureau, draft: { since: 2010 } }
    );
    const [decrease, ...rest] = byRule(earlier.issues, "G-10");
    expect(rest).toEqual([]);
    expect(decrease?.severity).toBe("error");
    expect(decrease?.sheet).toBe("2013表1");
    expect(decrease?.cell).toBe("B5");
    expect(issueMessage(decrease as Issue)).toBe(
      "“累计培训人数”是只增不减的累计数，2012年为120人，比2011年的130人减少10人。请核实这两年的数。"
    );
    expect(earlier.verdict.errors).toBe(0);
    expect(earlier.verdict.previousErrors).toBe(1);
    expect(earlier.verdict.ok).toBe(true);

    const now = analyzeWorkbook(
      workbook(x1(2013, 110), x1(2012, 120), x1(2011, 110), x1(2010, 100)),
      { definitions: bureau, draft: { since: 2010 } }
    );
    expect(byRule(now.issues, "G-10").map((i) => i.params?.year)).toEqual([2013]);
    expect(now.verdict.errors).toBe(1);
    expect(now.verdict.ok).toBe(false);
    // the report year's figure depends on the error: its series and 同比 are 【待核】
    expect(now.series?.[0]?.unverifiedYears).toEqual([2013]);
  });

  it("a figure not declared cumulative may decrease", () => {
    const plain = loadDefinitions(
      bureau.map((t) => ({
        ...t.def,
        figures: { ...t.def.figures, totals: [{ column: "累计培训人数", headline: true }] },
      })),
      "局.json"
    );
    const a = analyzeWorkbook(workbook(x1(2013, 110), x1(2012, 120), x1(2011, 100)), {
      definitions: plain,
      draft: { since: 2011 },
    });
    expect(byRule(a.issues, "G-10")).toEqual([]);
  });
});
