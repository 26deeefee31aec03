/**
 * Definitions as data: the four built-in definitions match docs/rules.md, the zod schema rejects
 * broken ones, rule expressions compile once into closures (no eval), and a new rule or column
 * needs nothing but its definition.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  COMPILED_BUILTINS,
  ExpressionError,
  BUILTIN_DEFINITIONS,
  compileExpression,
  loadDefinitions,
  type TableDefinition,
} from "../../src/core/definitions";
import { BUILTIN_DEFINITION_DATA } from "../../src/core/definitions/builtins";
import type { ExpressionScope } from "../../src/core/definitions/expression";
import { validateWorkbook } from "../../src/core/validate";
import { buildSheet, t1Row, workbook } from "./fixtures";

describe("the four built-in definitions", () => {
  it("have their fixed ids, titles and headers, in order", () => {
    expect(BUILTIN_DEFINITIONS.map((t) => [t.id, t.title])).toEqual([
      ["T1", "表1 党员发展情况统计表"],
      ["T2", "表2 培训情况统计表"],
      ["T3", "表3 经费情况统计表"],
      ["T4", "表4 信访咨询办理情况统计表"],
    ]);
    const headers = (id: string) =>
      BUILTIN_DEFINITIONS.find((t) => t.id === id)?.columns.map(
        (c) => `${c.header}${c.required ? "*" : ""}`
      );
    expect(headers("T1")).toEqual([
      "单位名称*",
      "单位类型*",
      "年末党员数*",
      "培训入党积极分子*",
      "发展预备党员*",
      "其中：教工*",
      "其中：学生*",
      "转正预备党员*",
      "新党员培训",
      "评选优秀党员",
      "备注",
    ]);
    expect(headers("T2")).toEqual([
      "培训项目*",
      "培训类别*",
      "期数*",
      "培训人数*",
      "人均学时",
      "开始日期",
      "结束日期",
      "备注",
    ]);
    expect(headers("T3")).toEqual([
      "项目名称*",
      "经费类别*",
      "金额（元）*",
      "受益人数",
      "日期",
      "备注",
    ]);
    expect(headers("T4")).toEqual([
      "渠道*",
      "计量单位*",
      "受理数*",
      "办结数*",
      "满意数",
      "办结率",
      "满意率",
      "备注",
    ]);
  });
  it("list their allowed values", () => {
    const allowed = (id: string, header: string) =>
      BUILTIN_DEFINITIONS.find((t) => t.id === id)?.columns.find((c) => c.header === header)
        ?.allowed;
    expect(allowed("T1", "单位类型")).toEqual([
      "机关",
      "高中",
      "中职",
      "初中",
      "小学",
      "幼儿园",
      "其他",
    ]);
    expect(allowed("T3", "经费类别")).toEqual([
      "募集善款",
      "慰问金",
      "党建活动经费",
      "培训经费",
      "三公经费",
      "其他",
    ]);
    expect(allowed("T4", "计量单位")).toEqual(["个", "人次", "件", "条"]);
    expect(allowed("T4", "渠道")).toHaveLength(9);
    expect(allowed("T2", "培训类别")).toHaveLength(8);
  });
  it("carry every built-in rule id (docs/rules.md)", () => {
    const ids = [...new Set(BUILTIN_DEFINITIONS.flatMap((t) => t.rules.map((r) => r.id)))].sort();
    expect(ids).toEqual([
      "T1-01",
      "T1-02",
      "T1-03",
      "T1-04",
      "T2-01",
      "T2-02",
      "T2-03",
      "T2-04",
      "T3-01",
      "T3-02",
      "T3-03",
      "T4-01",
      "T4-02",
      "T4-03",
    ]);
  });
  it("compile every rule expression once, at load", () => {
    const rowRules = COMPILED_BUILTINS.flatMap((t) => t.rowRules);
    expect(rowRules.length).toBe(10);
    for (const r of rowRules) expect(typeof r.check.evaluate).toBe("function");
  });
});

function withT1(change: (t: Record<string, unknown>) => void): unknown[] {
  const copy = structuredClone(BUILTIN_DEFINITION_DATA[0]) as unknown as Record<string, unknown>;
  change(copy);
  return [copy];
}
const t1Columns = (t: Record<string, unknown>) => t.columns as Record<string, unknown>[];
const t1Rules = (t: Record<string, unknown>) => t.rules as Record<string, unknown>[];

describe("the zod schema rejects broken definitions at load", () => {
  it.each([
    [
      "an enum without choices",
      (t: Record<string, unknown>) => delete t1Columns(t)[1]?.allowed,
      "allowed",
    ],
    [
      "a header twice",
      (t: Record<string, unknown>) => t1Columns(t).push({ ...t1Columns(t)[2], key: "again" }),
      "表1（T1）第12列的列名（header）“年末党员数”：列名重复（第3列已用过）",
    ],
    [
      "a bad column type",
      (t: Record<string, unknown>) => ((t1Columns(t)[2] as Record<string, unknown>).type = "float"),
      "type",
    ],
    [
      "a bad rule id",
      (t: Record<string, unknown>) => ((t1Rules(t)[0] as Record<string, unknown>).id = "T9-1"),
      "id",
    ],
    [
      "a figure over a text column",
      (t: Record<string, unknown>) =>
        (t.figures as { totals: unknown[] }).totals.push({ column: "单位名称", headline: false }),
      "表1（T1）合计指标“单位名称”：不是计数或金额列",
    ],
    [
      "an unknown header in a rule",
      (t: Record<string, unknown>) =>
        ((t1Rules(t)[0] as Record<string, unknown>).check = "发展预备党员 = 教职工"),
      "表1（T1）规则 T1-01 的检查式（check）“发展预备党员 = 教职工”：“教职工”不是本表的列，也不是设置",
    ],
    [
      "a choice that is not allowed",
      (t: Record<string, unknown>) =>
        ((t1Rules(t)[2] as Record<string, unknown>).when = '单位类型 = "大学"'),
      "可选值",
    ],
    [
      "an expression that does not parse",
      (t: Record<string, unknown>) =>
        ((t1Rules(t)[0] as Record<string, unknown>).check = "发展预备党员 = (其中：教工"),
      "无法解析",
    ],
    [
      "a function call",
      (t: Record<string, unknown>) =>
        ((t1Rules(t)[0] as Record<string, unknown>).check = "max(发展预备党员) = 1"),
      "不支持",
    ],
  ])("%s", (_name, change, message) => {
    expect(() => loadDefinitions(withT1(change))).toThrow(message);
  });
  it("accepts the shipped definitions", () => {
    expect(loadDefinitions(BUILTIN_DEFINITION_DATA).map((t) => t.def.id)).toEqual([
      "T1",
      "T2",
      "T3",
      "T4",
    ]);
  });
});

describe("a new column and rule need nothing but the definition", () => {
  it("checks a rule added to a copy of 表1", () => {
    const defs = withT1((t) => {
      t1Columns(t).splice(10, 0, {
        header: "党费（元）",
        key: "dues",
        type: "money",
        required: false,
        unit: "元",
      });
      t1Rules(t).push({
        id: "T1-05",
        code: "dues-without-members",
        severity: "warning",
        kind: "row",
        check: "年末党员数 > 0 || 党费（元） = 0",
        cell: "党费（元）",
        message: "没有党员却收取党费 {value} 元",
      });
      (t.figures as { totals: unknown[] }).totals.push({ column: "党费（元）", headline: false });
    });
    const definitions = loadDefinitions(defs);
    const def = definitions[0]?.def as TableDefinition;
    const sheet = buildSheet(
      "T1",
      [t1Row("一中", { 年末党员数: 0, 评选优秀党员: 0, "党费（元）": 12.5 })],
      {
        headers: def.columns.map((c) => c.header),
      }
    );
    const r = validateWorkbook(workbook(sheet), { definitions });
    expect(r.issues.filter((i) => i.rule === "T1-05")).toMatchObject([
      { cell: "K4", value: "12.5", severity: "warning" },
    ]);
    expect(r.tables[0]?.figures.find((f) => f.id === "T1/党费（元）")).toMatchObject({
      kind: "money",
      value: 1250,
      unit: "元",
    });
  });
});

describe("rule expressions", () => {
  const headers = ["a", "b", "c", "类型", "金额"];
  const scope: ExpressionScope = {
    column: (name) => (headers.includes(name) ? headers.indexOf(name) : undefined),
    allowed: (col) => (col === 3 ? ["甲", "乙"] : undefined),
    moneyScale: (col) => (col === 4 ? 100 : undefined),
    setting: (name) => (name === "上限" ? { slot: 0, money: true } : undefined),
  };
  const ev = (src: string, row: number[], settings: number[] = [500]) =>
    compileExpression(src, scope).evaluate(Float64Array.from(row), Float64Array.from(settings));
  it.each([
    ["a = b + c", [3, 1, 2, 0, 0], 1],
    ["a = b + c", [4, 1, 2, 0, 0], 0],
    ["a ≤ b", [2, 2, 0, 0, 0], 1],
    ["a <= b", [3, 2, 0, 0, 0], 0],
    ["a == b + c", [3, 1, 2, 0, 0], 1],
    ["a != b", [2, 2, 0, 0, 0], 0],
    ["a ≥ b * 2", [4, 2, 0, 0, 0], 1],
    ["a ≠ b", [1, 2, 0, 0, 0], 1],
    ["a - b * c", [10, 2, 3, 0, 0], 4],
    ["(a - b) * c", [10, 2, 3, 0, 0], 24],
    ["-a + 5", [2, 0, 0, 0, 0], 3],
    ["!(a > 1)", [2, 0, 0, 0, 0], 0],
    ['类型 = "乙"', [0, 0, 0, 1, 0], 1],
    ['类型 = "乙"', [0, 0, 0, Number.NaN, 0], 0],
    ['类型 ≠ "乙"', [0, 0, 0, Number.NaN, 0], 0],
    ["金额 ≤ a * 上限", [2, 0, 0, 0, 1000], 1],
    ["金额 ≤ a * 上限", [2, 0, 0, 0, 1001], 0],
    ["a > 0 && b > 0 || c > 0", [0, 0, 1, 0, 0], 1],
    ["a = b", [Number.NaN, Number.NaN, 0, 0, 0], 0],
  ])("%s over %j → %d", (src, row, expected) => {
    expect(ev(src, row)).toBe(expected);
  });
  it("knows which columns and settings it reads, and the sides of a comparison", () => {
    const e = compileExpression("金额 ≤ a * 上限", scope);
    expect(e.columns).toEqual([4, 0]);
    expect(e.settings).toEqual([0]);
    expect(e.comparison).toMatchObject({
      operator: "≤",
      leftMoney: 100,
      rightMoney: 100,
      rightColumn: undefined,
    });
    expect(compileExpression("a ≤ b", scope).comparison).toMatchObject({
      leftMoney: undefined,
      rightColumn: 1,
    });
  });
  it.each(["a.b = 1", "a[0] = 1", "f(a)", "a ? b : c", '"x" = a', "unknown = 1", "a = "])(
    "rejects %s",
    (src) => {
      expect(() => compileExpression(src, scope)).toThrow(ExpressionError);
    }
  );
});

describe("no eval anywhere in the core", () => {
  it("has no eval( or new Function in src/core", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = path.join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith(".ts")) files.push(p);
      }
    };
    walk(path.resolve(__dirname, "../../src/core"));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files)
      expect(readFileSync(f, "utf8"), f).not.toMatch(/\beval\s*\(|new\s+Function\s*\(/);
  });
});

describe("the built-ins, compiled at start without the check", () => {
  it("are what the full check of a bureau's file makes of the same files", () => {
    const checked = loadDefinitions(BUILTIN_DEFINITION_DATA);
    expect(COMPILED_BUILTINS.map((t) => t.def)).toEqual(checked.map((t) => t.def));
    const shape = (t: (typeof checked)[number]) => ({
      required: t.required,
      remark: t.remark,
      keyColumn: t.keyColumn,
      lastYearRows: t.lastYearRows,
      headers: [...t.headerIndex.entries()],
      rowRules: t.rowRules.length,
      namedRules: t.namedRules.length,
      figureRules: t.figureRules.length,
    });
    expect(COMPILED_BUILTINS.map(shape)).toEqual(checked.map(shape));
  });

  it("drop the editor's $schema key, as the check does", () => {
    expect(BUILTIN_DEFINITION_DATA.every((d) => "$schema" in (d as object))).toBe(true);
    expect(COMPILED_BUILTINS.some((t) => "$schema" in t.def)).toBe(false);
  });
});
