/**
 * The pane's pure logic (no browser): grouping and filtering issues, number formatting for the
 * 同比 table, the edited draft split back into paragraphs, the year field, the cell-preview
 * window, error sentences, and the e2e helpers' own checks (foreign requests, CSP of a page).
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../../src/core/issues";
import { cellText, gridWindow } from "../../src/taskpane/browser/CellPreview";
import { sampleFromQuery, sampleLabel } from "../../src/taskpane/browser/BrowserPage";
import { issuePlace, ruleExplanation, sheetLayout } from "../../src/core/place";
import { BUILTIN_DEFINITIONS } from "../../src/core/definitions";
import { chartRows } from "../../src/taskpane/components/ComparisonChart";
import {
  comparisonKey,
  groupBySheet,
  largeChangeKeys,
  toComparisonRows,
} from "../../src/taskpane/components/CompareTab";
import { formatChange, formatPct, formatValue } from "../../src/taskpane/components/format";
import { insertedMessage, parseYear } from "../../src/taskpane/components/TemplateTab";
import { groupIssues, nextStep, splitMessage } from "../../src/taskpane/components/ValidateBody";
import { splitDraft } from "../../src/taskpane/draftText";
import type { ComparisonView, ShownIssue } from "../../src/taskpane/engine";
import { engine } from "../../src/taskpane/engine-impl";
import { describeError, isAbort } from "../../src/taskpane/run";
import { foreignRequests } from "../e2e/chromium";
import { cspOf } from "../e2e/serve";

function shown(
  sheet: string,
  cell: string,
  severity: Issue["severity"],
  explained = false
): ShownIssue {
  const issue: Issue = { rule: "G-02", code: "x", severity, sheet, cell, explained };
  return {
    key: `${sheet}!${cell}`,
    issue,
    message: `${sheet} ${cell}`,
    place: { table: sheet },
    ruleHelp: "G-02",
  };
}

function comparison(sheet: string, id: string, pct: number | null): ComparisonView {
  return {
    id,
    tableId: "T1",
    sheet,
    indicator: id,
    label: id,
    kind: "count",
    unit: "人",
    current: 2,
    previous: 1,
    change: 1,
    pct,
    text: "比上年增加1人",
    unverified: false,
  };
}

describe("groupIssues", () => {
  const issues = [
    shown("表1", "C4", "warning", true),
    shown("表2", "D5", "error"),
    shown("表1", "E6", "error"),
    shown("表1", "F7", "warning"),
  ];

  it("groups by sheet in order of first appearance, errors first, with counts", () => {
    const groups = groupIssues(issues, "all");
    expect(groups.map((g) => g.sheet)).toEqual(["表1", "表2"]);
    expect(groups[0]!.issues.map((s) => s.issue.cell)).toEqual(["E6", "C4", "F7"]);
    expect([groups[0]!.errors, groups[0]!.warnings]).toEqual([1, 2]);
  });

  it("filters by severity and drops sheets left empty", () => {
    expect(groupIssues(issues, "error").flatMap((g) => g.issues.map((s) => s.issue.cell))).toEqual([
      "E6",
      "D5",
    ]);
    const warnings = groupIssues(issues, "warning");
    expect(warnings.map((g) => g.sheet)).toEqual(["表1"]);
    expect(warnings[0]!.errors).toBe(0);
  });

  it("keeps explained warnings (they are shown as 已说明, never hidden)", () => {
    expect(groupIssues(issues, "warning")[0]!.issues.some((s) => s.issue.explained)).toBe(true);
  });

  it("returns nothing for no issues", () => {
    expect(groupIssues([], "all")).toEqual([]);
  });
});

describe("同比 table helpers", () => {
  it("formats values by kind, with a true minus sign", () => {
    expect(formatValue(301370, "money")).toBe("301,370.00元");
    expect(formatValue(301370, "money", "", "万元")).toBe("30.14万元");
    expect(formatValue(5600, "money")).toBe("5,600.00元");
    expect(formatValue(98.5, "rate")).toBe("98.5%");
    expect(formatValue(-3, "count")).toBe("−3");
    expect(formatValue(-3, "count", "人")).toBe("−3人");
    expect(formatValue(0, "count", "件")).toBe("0件");
  });

  it("formats changes with their sign; rates in 个百分点", () => {
    expect(formatChange(6, "count")).toBe("+6");
    expect(formatChange(-27, "count")).toBe("−27");
    expect(formatChange(0, "money")).toBe("持平");
    expect(formatChange(0, "rate")).toBe("持平");
    expect(formatChange(6, "count", "人")).toBe("+6人");
    expect(formatChange(-1.2, "rate")).toBe("−1.2个百分点");
    expect(formatChange(1.25, "money")).toBe("+1.25元");
  });

  it("formats percentages, a dash when none applies", () => {
    expect(formatPct(14)).toBe("+14.0%");
    expect(formatPct(-18.4)).toBe("−18.4%");
    expect(formatPct(0)).toBe("持平");
    expect(formatPct(null)).toBe("—");
  });

  it("groups rows by sheet and charts only rows with a percentage", () => {
    const rows = [
      comparison("表1", "a", 10),
      comparison("表4", "b", null),
      comparison("表1", "c", -5),
    ];
    expect(groupBySheet(rows).map((g) => [g.sheet, g.rows.length])).toEqual([
      ["表1", 2],
      ["表4", 1],
    ]);
    expect(chartRows(rows).map((r) => r.id)).toEqual(["a", "c"]);
    expect(toComparisonRows(rows)[1]).toMatchObject({
      sheet: "表4",
      indicator: "b",
      pct: null,
      text: "比上年增加1人",
    });
  });
});

describe("the edited draft", () => {
  it("splits lines into paragraphs and recognises 一、 and （一） headings", () => {
    expect(
      splitDraft("一、党员发展\n\u3000\u3000发展预备党员49人。\n\n（二）培训\n  举办培训4期。\r\n")
    ).toEqual([
      { level: 1, text: "一、党员发展" },
      { level: 0, text: "发展预备党员49人。" },
      { level: 2, text: "（二）培训" },
      { level: 0, text: "举办培训4期。" },
    ]);
  });

  it("gives nothing for blank text", () => {
    expect(splitDraft(" \n\u3000\n")).toEqual([]);
  });

  it("typed into an empty draft, becomes a document: headings as headings, text as typed (escaped later), no table invented", () => {
    const draft = engine.edited({ paragraphs: [] }, "一、党员发展\n\u3000\u3000<b>49</b>人。");
    expect(draft.paragraphs).toEqual([
      { tableId: "", sheet: "", heading: "一、党员发展", headingLevel: 1, text: "" },
      { tableId: "", sheet: "", text: "<b>49</b>人。" },
    ]);
    expect(engine.draftHtml(draft)).toContain("&lt;b&gt;49&lt;/b&gt;");
  });
});

describe("模板 year field", () => {
  it("accepts four-digit years, also full-width digits", () => {
    expect(parseYear("2014")).toBe(2014);
    expect(parseYear(" ２０１４ ")).toBe(2014);
    expect(parseYear("1900")).toBe(1900);
    expect(parseYear("2099")).toBe(2099);
  });

  it("refuses anything else", () => {
    for (const bad of ["", "14", "20145", "2o14", "1899", "2100", "-2014"])
      expect(parseYear(bad)).toBeUndefined();
  });
});

describe("模板 inserted", () => {
  it("names the sheets, and says what a bureau's 报表定义 sheet among them is for", () => {
    expect(insertedMessage(["表1 党员发展 2014", "表2 培训 2014"])).toBe(
      "已插入2张工作表：表1 党员发展 2014、表2 培训 2014。原有工作表未作任何改动。"
    );
    expect(insertedMessage(["表1 学习实践活动 2014", "表2 创建工作 2014", "报表定义"])).toBe(
      "已插入3张工作表：表1 学习实践活动 2014、表2 创建工作 2014、报表定义。“报表定义”写明这些表的定义，单位填好交回后即按它校验。原有工作表未作任何改动。"
    );
  });
});

describe("cell preview", () => {
  it("shows a window around a cell, clamped at the sheet's start", () => {
    expect(gridWindow("C7")).toEqual({
      rows: [3, 4, 5, 6, 7, 8, 9],
      cols: [0, 1, 2, 3, 4],
      row: 6,
      col: 2,
    });
    expect(gridWindow("A1")).toMatchObject({ rows: [0, 1, 2, 3, 4, 5, 6], cols: [0, 1, 2, 3, 4] });
  });

  it("handles whole rows and columns, refuses nonsense", () => {
    expect(gridWindow("7:7")).toMatchObject({ row: 6, col: undefined });
    expect(gridWindow("C:C")).toMatchObject({ row: undefined, col: 2 });
    expect(gridWindow("表1!")).toBeUndefined();
  });

  it("shows every kind of cell value as text", () => {
    expect(cellText(null)).toBe("");
    expect(cellText(undefined)).toBe("");
    expect(cellText(49)).toBe("49");
    expect(cellText("<img src=x>")).toBe("<img src=x>");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText({ error: "#DIV/0!" })).toBe("#DIV/0!");
    expect(cellText({ date: 41275 })).toBe("2013-01-01");
    expect(cellText({ date: 1 })).toBe("1900-01-01");
  });
});

describe("errors and small helpers", () => {
  it("keeps Chinese messages, wraps others, explains chunk failures", () => {
    expect(describeError(new Error("文件已损坏"))).toBe("文件已损坏");
    expect(describeError(new TypeError("x is undefined"))).toBe(
      "出现意外错误（x is undefined），请重试。"
    );
    expect(describeError(undefined)).toBe("出现意外错误，请重试。");
    const chunk = Object.assign(new Error("Loading chunk 12 failed."), { name: "ChunkLoadError" });
    expect(describeError(chunk)).toMatch(/无法加载程序文件/);
  });

  it("recognises aborts", () => {
    expect(isAbort(new DOMException("已取消", "AbortError"))).toBe(true);
    expect(isAbort({ code: "aborted" })).toBe(true);
    expect(isAbort(new Error("x"))).toBe(false);
    expect(isAbort(null)).toBe(false);
  });

  it("opens only bundled samples from the address", () => {
    expect(sampleFromQuery("?sample=a.xlsx", ["a.xlsx"])).toBe("a.xlsx");
    expect(sampleFromQuery("?sample=../secret.xlsx", ["a.xlsx"])).toBeUndefined();
    expect(sampleFromQuery("", ["a.xlsx"])).toBeUndefined();
  });

  it("finds requests beyond the page's origin", () => {
    const origin = "http://127.0.0.1:4000";
    const requests = [
      `${origin}/index.html`,
      "blob:http://127.0.0.1:4000/1234",
      "data:,",
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "http://127.0.0.1:4001/x.js",
      "https://example.invalid/leak?d=1",
    ];
    expect(
      foreignRequests(requests, origin, [
        "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      ])
    ).toEqual(["http://127.0.0.1:4001/x.js", "https://example.invalid/leak?d=1"]);
  });

  it("reads a page's CSP from its meta tag (quoted or minified)", () => {
    expect(cspOf(`<meta http-equiv="Content-Security-Policy" content="default-src 'self'">`)).toBe(
      "default-src 'self'"
    );
    expect(cspOf(`<meta http-equiv=Content-Security-Policy content="script-src 'self'">`)).toBe(
      "script-src 'self'"
    );
    expect(cspOf("<meta charset=utf-8>")).toBeUndefined();
  });
});

describe("an issue's place, its two sentences, the next step, flagged comparisons", () => {
  it("splits a message into what is wrong and what to do", () => {
    expect(splitMessage("“单位类型”为必填项，现为空白。请填写这个单元格。")).toEqual([
      "“单位类型”为必填项，现为空白。",
      "请填写这个单元格。",
    ]);
    expect(splitMessage("没有句号")).toEqual(["没有句号", ""]);
  });

  it("says the next step: errors and warnings to fix first, then warnings in 备注, then 可以上报", () => {
    const verdict = {
      ok: false,
      missing: [],
      empty: [],
      errors: 0,
      toFix: 0,
      unexplained: 0,
      previousErrors: 0,
    };
    expect(nextStep({ verdict: { ...verdict, errors: 2, unexplained: 2 } })).toBe(
      "改正2项错误，再在备注中说明2项警告（在该行的“备注”列写明原因，即算已说明），然后重新校验。"
    );
    expect(nextStep({ verdict: { ...verdict, unexplained: 1 } })).toBe(
      "在备注中说明1项警告（在该行的“备注”列写明原因，即算已说明），然后重新校验。"
    );
    // a header, a format, a 合计: fixed, never "explain in 备注"
    expect(nextStep({ verdict: { ...verdict, toFix: 3 } })).toBe(
      "改正3项需改正的警告（表头、格式、合计或按宽松规则读取的单元格），然后重新校验。"
    );
    expect(nextStep({ verdict: { ...verdict, errors: 1, toFix: 1, unexplained: 1 } })).toBe(
      "改正1项错误和1项需改正的警告（表头、格式、合计或按宽松规则读取的单元格），再在备注中说明1项警告（在该行的“备注”列写明原因，即算已说明），然后重新校验。"
    );
    expect(nextStep({ verdict: { ...verdict, ok: true } })).toBe("可以上报。");
    // last year's errors: named, never a step for this year
    expect(nextStep({ verdict: { ...verdict, ok: true, previousErrors: 1 } })).toBe(
      "可以上报。上年的表有1项错误，不影响本年上报，请核对上年的表。"
    );
    // several earlier years read (a series over years): 往年
    expect(
      nextStep({
        verdict: { ...verdict, ok: true, previousErrors: 2, earlierYears: [2010, 2011, 2012] },
      })
    ).toBe("可以上报。往年的表有2项错误，不影响本年上报，请核对往年的表。");
    expect(nextStep({ verdict: { ...verdict, missing: ["表3 经费情况"] } })).toBe(
      "补齐表3 经费情况，然后重新校验。"
    );
  });

  it("marks a comparison flagged by G-05 (same sheet, indicator and category)", () => {
    const keys = largeChangeKeys([
      { rule: "G-05", sheet: "表4", column: "受理数", params: { group: "来电" } },
      { rule: "G-02", sheet: "表4", column: "办结数" },
    ]);
    expect(keys.has(comparisonKey({ sheet: "表4", indicator: "受理数", group: "来电" }))).toBe(
      true
    );
    expect(keys.has(comparisonKey({ sheet: "表4", indicator: "受理数", group: "来信" }))).toBe(
      false
    );
    expect(keys.has(comparisonKey({ sheet: "表4", indicator: "办结数", group: undefined }))).toBe(
      false
    );
  });

  it("names an issue's table, row, unit (the definition's first column), column and value", () => {
    const model = {
      sheets: [
        {
          name: "表1 2013",
          values: [
            ["表1 党员发展情况统计表"],
            [
              "单位名称",
              "单位类型",
              "年末党员数",
              "培训入党积极分子",
              "发展预备党员",
              "其中：教工",
              "其中：学生",
              "转正预备党员",
            ],
            ["葛江中学", "", 3, 1, 1, 1, 0, 1],
            ["合计", null, 3, 1, 1, 1, 0, 1],
          ],
        },
        {
          name: "表2",
          values: [
            ["培训项目", "培训类别", "期数", "培训人数", "开始日期", "结束日期"],
            ["新党员培训", "党员", 1, 20, 41535, 41536],
          ],
        },
      ],
    };
    expect(
      issuePlace({ sheet: "表1 2013", cell: "B3", column: "单位类型", value: null }, model)
    ).toMatchObject({
      table: "表1 党员发展情况（工作表“表1 2013”）",
      row: "第3行",
      unit: "单位名称“葛江中学”",
      column: "“单位类型”",
      value: "空白",
    });
    expect(issuePlace({ sheet: "表1 2013", cell: "C4", column: "年末党员数" }, model).unit).toBe(
      "合计行"
    );
    expect(issuePlace({ sheet: "表2", cell: "E2" }, model)).toMatchObject({
      table: "表2 培训情况（工作表“表2”）",
      unit: "培训项目“新党员培训”",
    });
    expect(issuePlace({ sheet: "其他", cell: "A1" }, model).table).toBe("工作表“其他”");
    expect(sheetLayout(model.sheets[1]!)?.dateCols).toEqual(new Set([4, 5]));
    expect(cellText(41535, true)).toBe("2013-09-18");
    expect(cellText(41535)).toBe("41535");
  });

  it("explains every rule code: generic ones in words, table rules by their check", () => {
    expect(ruleExplanation("G-03")).toBe(
      "G-03 合计行：每一列的合计等于各行之和（计量单位逐行填写的列不合计）"
    );
    expect(ruleExplanation("T1-01")).toBe(
      "T1-01 表1 党员发展情况：发展预备党员 = 其中：教工 + 其中：学生"
    );
    for (const t of BUILTIN_DEFINITIONS)
      for (const r of t.rules) expect(ruleExplanation(r.id)).not.toBe(r.id);
  });

  it("names the samples in Chinese", () => {
    expect(sampleLabel("bureau-stats-2013.xlsx")).toBe("示例：2013年统计表（无错误）");
    expect(sampleLabel("bureau-stats-2013-mistakes.xlsx")).toBe("示例：2013年统计表（含错误）");
  });
});
