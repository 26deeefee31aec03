/**
 * Money and headers in rule expressions: a number beside money is in 元 (万元 beside a column in
 * 万元) in the current form (`version: 2`), in fen in the older one (read, and rewritten); a header
 * with punctuation is named in brackets (`[金额(元)]`), or bare when its brackets are ASCII.
 */
import { describe, expect, it } from "vitest";
import {
  checkDefinitions,
  compileExpression,
  loadDefinitions,
  type TableDefinition,
} from "../../src/core/definitions";
import { columnScope } from "../../src/core/definitions/check";
import { moneyInYuan } from "../../src/core/definitions/expression";
import { definitionsSheetGrid, readDefinitionsSheet } from "../../src/core/definitions/sheet";
import { issueMessage } from "../../src/core/messages";
import { fenNotices, noticeText } from "../../src/core/notices";
import type { CellValue, SheetModel } from "../../src/core/model";
import { validateWorkbook } from "../../src/core/validate";
import { activityFunds } from "./bureau-fixtures";

const table = activityFunds;

/** A filled 表6 sheet: rows of 单位名称, 活动经费, 参加人数, 办结率 (as a percent number). */
function sheet(
  rows: Array<[string, number, number, number?]>,
  header = "活动经费（元）"
): SheetModel {
  const values: CellValue[][] = [
    ["表6 活动经费统计表"],
    ["填报单位", "区教育局", "统计年度", 2013],
    ["单位名称", header, "参加人数", "办结率", "备注"],
    ...rows.map(([u, m, p, r]) => [u, m, p, r === undefined ? null : `${r}%`, null]),
  ];
  const sum = (k: 1 | 2) => rows.reduce((n, r) => n + Math.round(r[k] * 100), 0) / 100;
  values.push(["合计", sum(1), sum(2), null, null]);
  return { name: "表6 2013", values };
}

const ROWS: Array<[string, number, number, number?]> = [
  ["甲校", 10000, 10, 95],
  ["乙校", 10000.01, 10, 94.9],
  ["丙校", 9999.99, 10],
];

/** The issues of rules T6-… on the rows: [cell, message]. */
function ruleIssues(defs: readonly unknown[], rows = ROWS, header?: string): string[][] {
  const definitions = loadDefinitions(defs);
  return validateWorkbook({ sheets: [sheet(rows, header)] }, { definitions })
    .issues.filter((i) => i.rule.startsWith("T6-"))
    .map((i) => [i.cell, issueMessage(i)]);
}

describe("money in rule expressions is in 元", () => {
  it("passes 10000元 exactly and fails 10000.01元 of `≤ 10000`", () => {
    expect(ruleIssues([table([{ check: "活动经费（元） ≤ 10000" }], { version: 2 })])).toEqual([
      ["B5", "“活动经费（元）”为10000.01，应不超过10000。请核实。"],
    ]);
  });

  it("takes decimals, and `≥` fails below the boundary only", () => {
    expect(
      ruleIssues([table([{ check: "活动经费（元） ≥ 9999.995 + 0.005" }], { version: 2 })])
    ).toEqual([["B6", "“活动经费（元）”为9999.99，应不超过10000。请核实。"]]);
  });

  it("scales a number in a product beside money, and money per head", () => {
    const per = [
      table([{ check: "活动经费（元） ≤ 参加人数 * 1000" }], { version: 2 }),
      table([{ check: "活动经费（元） / 参加人数 ≤ 1000" }], { version: 2 }),
    ];
    for (const t of per) expect(ruleIssues([t]).map(([cell]) => cell)).toEqual(["B5"]);
  });

  it("in a 万元 column, a number beside it is in 万元, and messages show 万元", () => {
    const t = table([{ check: "活动经费 ≤ 1" }], { version: 2, header: "活动经费", unit: "万元" });
    const rows: Array<[string, number, number]> = [
      ["甲校", 1, 10],
      ["乙校", 1.01, 10],
      ["丙校", 0.5, 10],
    ];
    expect(ruleIssues([t], rows, "活动经费")).toEqual([
      ["B5", "“活动经费”为1.01，应不超过1。请核实。"],
    ]);
  });

  it("a 万元 column and a 元 column compare as money", () => {
    const t = table([], { version: 2 });
    const columns = [
      ...t.columns,
      { header: "预算（万元）", key: "budget", type: "money", required: true, unit: "万元" },
    ];
    const [def] = loadDefinitions([{ ...t, columns }]);
    const { scope } = columnScope(def!.def.columns);
    // 活动经费 12000元 (1200000 fen) and 预算 1.2万元 (120 hundredths of 万元)
    const row = Float64Array.of(0, 1200000, 0, 0, 0, 120);
    const ok = (src: string) => compileExpression(src, scope).evaluate(row, new Float64Array(1));
    expect(ok("活动经费（元） = 预算（万元）")).toBe(1);
    expect(ok("预算（万元） ≥ 1.2")).toBe(1);
    expect(ok("预算（万元） > 1.2")).toBe(0);
    expect(ok("活动经费（元） + 预算（万元） = 24000")).toBe(1);
  });

  it("keeps percentages as written: `办结率 ≥ 95` passes 95% and fails 94.9%", () => {
    const t = table([{ check: "办结率 ≥ 95", message: "“办结率”{value}低于95%。请核实。" }], {
      version: 2,
    });
    expect(ruleIssues([t])).toEqual([["D5", "“办结率”94.9低于95%。请核实。"]]);
  });

  it("shows a money setting and the expected money in 元", () => {
    const t = table(
      [
        {
          check: "活动经费（元） ≤ 参加人数 * 慰问金人均上限 / 5",
          message: "“{column}”{value}元，超过{expected}元（人均上限{慰问金人均上限}元）。请核实。",
        },
      ],
      { version: 2 }
    );
    expect(ruleIssues([t])).toEqual([
      ["B5", "“活动经费（元）”10000.01元，超过10000元（人均上限5000元）。请核实。"],
    ]);
  });

  it("figure rules: the 合计 against a number in 元", () => {
    const t = table(
      [
        {
          kind: "figures",
          check: "活动经费（元） ≤ 29999.99",
          message: "活动经费合计{value}元，超过{expected}元。请核实。",
        },
      ],
      { version: 2 }
    );
    expect(ruleIssues([t])).toEqual([["B7", "活动经费合计30000元，超过29999.99元。请核实。"]]);
    const exact = table([{ kind: "figures", check: "活动经费（元） ≤ 30000" }], { version: 2 });
    expect(ruleIssues([exact])).toEqual([]);
  });
});

describe("definitions of the older form (money in fen)", () => {
  const older = table([
    { check: "活动经费（元） ≤ 1000000" },
    { check: "活动经费（元） ≤ 参加人数 * 100000", when: "活动经费（元） > 0" },
    { kind: "figures", check: "活动经费（元） ≤ 2999999" },
  ]);
  const current = table(
    [
      { check: "活动经费（元） ≤ 10000" },
      { check: "活动经费（元） ≤ 参加人数 * 1000", when: "活动经费（元） > 0" },
      { kind: "figures", check: "活动经费（元） ≤ 29999.99" },
    ],
    { version: 2 }
  );

  it("are read and rewritten in 元, with the version of the current form", () => {
    const [def] = checkDefinitions([older]).defs;
    expect(def?.version).toBe(2);
    expect(def?.rules.map((r) => [r.check, r.kind === "named" ? undefined : r.when])).toEqual([
      ["活动经费（元） ≤ 10000", undefined],
      ["活动经费（元） ≤ 参加人数 * 1000", "活动经费（元） > 0"],
      ["活动经费（元） ≤ 29999.99", undefined],
    ]);
    expect(def).toEqual(checkDefinitions([current]).defs[0]);
  });

  it("give the same issues as the same rules in 元", () => {
    const issues = ruleIssues([current]);
    expect(issues.map(([cell]) => cell)).toEqual(["B5", "B5", "B7"]);
    expect(ruleIssues([older])).toEqual(issues);
  });

  it("in a 万元 column wrote hundredths of a 万元, and give the same issues as 万元", () => {
    const wan = { header: "活动经费", unit: "万元" };
    const rows: Array<[string, number, number]> = [
      ["甲校", 1.5, 10],
      ["乙校", 1.51, 10],
    ];
    const old = table([{ check: "活动经费 ≤ 150" }], wan);
    const now = table([{ check: "活动经费 ≤ 1.5" }], { ...wan, version: 2 });
    expect(checkDefinitions([old]).defs[0]?.rules[0]?.check).toBe("活动经费 ≤ 1.5");
    const issues = ruleIssues([now], rows, "活动经费");
    expect(issues).toEqual([["B5", "“活动经费”为1.51，应不超过1.5。请核实。"]]);
    expect(ruleIssues([old], rows, "活动经费")).toEqual(issues);
  });

  it("may say `version: 1`; another version is refused in words", () => {
    const one = { ...table([{ check: "活动经费（元） ≤ 1000000" }]), version: 1 };
    expect(checkDefinitions([one]).defs[0]?.rules[0]?.check).toBe("活动经费（元） ≤ 10000");
    expect(() => loadDefinitions([{ ...one, version: 3 }], "局.json")).toThrow(
      "局.json：表6（T6）的格式版本（version）“3”：应为1（旧格式，规则中的金额以分计）或2（规则中的金额以元计）"
    );
  });

  it("keep a rule that cannot be rewritten in fen, and still check it as before", () => {
    // 参加人数 (10) beside money: 10 fen in the older form, so the limit is 1000000 fen, 10000元
    const kept = table([{ check: "活动经费（元） ≤ 参加人数 + 999990" }]);
    const [def] = checkDefinitions([kept]).defs;
    expect(def?.version).toBeUndefined();
    expect(def?.rules[0]?.check).toBe("活动经费（元） ≤ 参加人数 + 999990");
    expect(ruleIssues([kept]).map(([cell]) => cell)).toEqual(["B5"]);
    const alone = table([{ check: "活动经费（元） ≤ 参加人数" }]);
    expect(checkDefinitions([alone]).defs[0]?.version).toBeUndefined();
  });

  it("in a 报表定义 sheet are read the same way, and written back in the current form", () => {
    const grid = definitionsSheetGrid([older as unknown as TableDefinition]);
    expect(grid[1]?.[9]).not.toContain("version");
    const [read] = readDefinitionsSheet({ name: "报表定义", values: grid });
    expect(read?.def.rules.map((r) => r.check)).toEqual(current.rules.map((r) => r.check));
    expect(definitionsSheetGrid([read!.def])[1]?.[9]).toContain('"version":2');
  });

  it("are named in a notice: which table, a rule as written and in 元, and the version to add", () => {
    const [notice, ...rest] = fenNotices(loadDefinitions([older]));
    expect(rest).toEqual([]);
    expect(noticeText(notice!)).toBe(
      '表6（T6）的定义没有写版本（version），按旧格式读取：规则中金额旁的数字按“分”计，如T6-01“活动经费（元） ≤ 1000000”即“活动经费（元） ≤ 10000”（元），共3处。如本意是元，请在这张表的定义中加上 "version": 2。'
    );
    // the same from a 报表定义 sheet, and none for the current form or a table with no money rule
    const grid = definitionsSheetGrid([older as unknown as TableDefinition]);
    expect(fenNotices(readDefinitionsSheet({ name: "报表定义", values: grid }))).toHaveLength(1);
    expect(fenNotices(loadDefinitions([current]))).toEqual([]);
    expect(fenNotices(loadDefinitions([table([{ check: "参加人数 ≥ 1" }])]))).toEqual([]);
    // a rule kept in fen is named as written, with no 元 form
    const kept = fenNotices(loadDefinitions([table([{ check: "活动经费（元） ≤ 参加人数" }])]));
    expect(kept.map(noticeText)).toEqual([
      '表6（T6）的定义没有写版本（version），按旧格式读取：规则中金额旁的数字按“分”计，如T6-01“活动经费（元） ≤ 参加人数”。如本意是元，请在这张表的定义中加上 "version": 2。',
    ]);
  });

  it("rewrite each number beside money exactly, and leave the rest", () => {
    const { scope } = columnScope(loadDefinitions([current])[0]!.def.columns, true);
    expect(moneyInYuan("活动经费（元） - 150 ≥ 5 + 参加人数 * 2", scope)).toBe(
      "活动经费（元） - 1.5 ≥ 0.05 + 参加人数 * 0.02"
    );
    expect(moneyInYuan("-活动经费（元） ≤ 1e2", scope)).toBe("-活动经费（元） ≤ 1");
    expect(moneyInYuan("参加人数 * 2 ≥ 10 && 办结率 ≥ 95", scope)).toBe(
      "参加人数 * 2 ≥ 10 && 办结率 ≥ 95"
    );
  });
});

describe("headers with punctuation", () => {
  const ascii = "活动经费(元)";

  it("are named in brackets, whatever the brackets of the header", () => {
    for (const header of [ascii, "活动经费（元）"]) {
      const t = table([{ check: "[活动经费(元)] ≤ 10000" }], { version: 2, header });
      expect(ruleIssues([t], ROWS, header).map(([cell]) => cell)).toEqual(["B5"]);
    }
  });

  it("with ASCII brackets are also named bare", () => {
    for (const header of [ascii, "活动经费（元）"]) {
      const t = table([{ check: "活动经费(元) ≤ 10000" }], { version: 2, header });
      expect(ruleIssues([t], ROWS, header)).toEqual([
        ["B5", `“${header}”为10000.01，应不超过10000。请核实。`],
      ]);
    }
  });

  it("in brackets may take a group, and a table's name, in figure rules", () => {
    const t = table([{ kind: "figures", check: "表6.[活动经费(元)] ≤ 29999.99" }], { version: 2 });
    expect(ruleIssues([t]).map(([cell]) => cell)).toEqual(["B7"]);
  });

  it("do not clash with a group in brackets after a name", () => {
    const { scope } = columnScope(loadDefinitions([table([], { version: 2 })])[0]!.def.columns);
    expect(() => compileExpression('参加人数["甲"] = 1', scope)).toThrow(
      /不支持 a\.b|MemberExpression/
    );
    expect(compileExpression("[参加人数] * 2 = [ 参加人数 ] + 参加人数", scope).columns).toEqual([
      2,
    ]);
    // inside 上年(…): last year's slot of the column (the table's 5 columns, then last year's)
    expect(compileExpression("[参加人数] ≥ 上年([参加人数])", scope).columns).toEqual([2, 7]);
  });

  it("unknown with ASCII brackets: the message suggests brackets", () => {
    const t = table([{ check: "经费(元) ≤ 10000" }], { version: 2 });
    expect(checkDefinitions([t]).problems).toMatchObject([
      {
        code: "bad-expression",
        params: {
          detail: "“经费(元)”不是本表的列；列名中有括号等符号时，请写在方括号里，如 [经费(元)]",
        },
      },
    ]);
    const quoted = table([{ check: "[经费(元)] ≤ 10000" }], { version: 2 });
    expect(checkDefinitions([quoted]).problems).toMatchObject([
      { code: "unknown-name", params: { name: "经费(元)" } },
    ]);
  });

  it("keep jsep's positions in parse errors", () => {
    // jsep counts from 0: the end of these 14 characters is its 14th
    const t = table([{ check: "[活动经费(元)] ≤ (1" }], { version: 2 });
    expect(checkDefinitions([t]).problems[0]?.params).toEqual({
      detail: "无法解析（第14个字符处缺少右括号）",
    });
    const plain = table([{ check: "活动经费（元） ≤ (1" }], { version: 2 });
    expect(checkDefinitions([plain]).problems[0]?.params).toEqual({
      detail: "无法解析（第12个字符处缺少右括号）",
    });
  });
});
