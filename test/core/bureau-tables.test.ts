/**
 * A bureau's own tables, in the core: a fifth table defined purely as data — detection, its rule
 * and its message, G-05, 同比 in its place after 表4, its own paragraph, the verdict counting five
 * tables — and a bureau that drops a built-in table.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeWorkbook, tableRange } from "../../src/core/analyze";
import { issueMessage } from "../../src/core/messages";
import type { WorkbookModel } from "../../src/core/model";
import { COMPILED_BUILTINS, loadDefinitions, BUILTIN_DEFINITIONS } from "../../src/core/definitions";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { T5, t5Sheet } from "./bureau-fixtures";

const SAMPLE = path.join(__dirname, "../../assets/samples/bureau-stats-2013.xlsx");
const BUILTIN = path.join(__dirname, "../../src/core/definitions/builtin");
const builtin = ["T1", "T2", "T3", "T4"].map(
  (id) => JSON.parse(readFileSync(path.join(BUILTIN, `${id}.json`), "utf8")) as unknown
);

function workbook(withT5: boolean): WorkbookModel {
  const sample = readXlsx(new Uint8Array(readFileSync(SAMPLE)));
  if (!withT5) return sample;
  return {
    sheets: [
      ...sample.sheets,
      t5Sheet(2013, [
        ["局机关", 30, 120, 40],
        ["昆山中学", 35, 80, 90], // T5-01: 90 posts, 80 items
        ["实验小学", 25, 60, 20],
      ]),
      t5Sheet(2012, [
        ["局机关", 20, 110, 30],
        ["昆山中学", 10, 70, 40],
        ["实验小学", 10, 50, 10],
      ]),
    ],
  };
}

describe("a fifth table, defined as data only", () => {
  const definitions = loadDefinitions([...builtin, T5]);

  it("is detected, checked by its own rule with its own message, and G-05 applies", () => {
    const a = analyzeWorkbook(workbook(true), { definitions });
    expect(a.tables.filter((t) => t.tableId === "T5").map((t) => t.year)).toEqual([2013, 2012]);
    const rule = a.issues.find((i) => i.rule === "T5-01");
    expect(rule).toMatchObject({ sheet: "表5 宣传 2013", cell: "D5", severity: "warning" });
    expect(issueMessage(rule!)).toBe("政务微博 90 条，多于政务信息 80 条，请核实");
    const large = a.issues.find((i) => i.rule === "G-05" && i.sheet === "表5 宣传 2013");
    expect(large).toMatchObject({ column: "宣讲场次", cell: "B7", value: 90, expected: 40 });
    expect(a.issues.filter((i) => i.sheet.startsWith("表5")).map((i) => i.rule)).toEqual([
      "T5-01",
      "G-05",
      "G-05",
    ]);
  });

  it("has its 同比 after 表4's, and its own paragraph last, with its heading", () => {
    const a = analyzeWorkbook(workbook(true), { definitions, draft: { headings: "一、" } });
    const sheets = [...new Set(a.comparisons.map((c) => c.tableId))];
    expect(sheets).toEqual(["T1", "T2", "T3", "T4", "T5"]);
    expect(a.comparisons.filter((c) => c.tableId === "T5").map((c) => [c.label, c.text])).toEqual([
      // its warnings (G-05 twice, T5-01 on 政务微博) are not explained in 备注: all three in doubt
      ["宣讲场次", "比上年增加50场，增长1.3倍【待核】"],
      ["政务信息条数", "比上年增加30条，增长13.0%【待核】"],
      ["政务微博条数", "比上年增加70条，增长87.5%【待核】"],
    ]);
    const last = a.draft.paragraphs[a.draft.paragraphs.length - 1];
    expect(a.draft.paragraphs).toHaveLength(5);
    expect(last).toMatchObject({ tableId: "T5", heading: "五、宣传与政务公开" });
    expect(last?.text).toBe(
      "全年开展宣讲活动90场【待核】，比上年增加50场，增长1.3倍【待核】。发布政务信息260条【待核】，比上年增加30条，增长13.0%【待核】，其中政务微博150条【待核】。"
    );
  });

  it("counts five tables in the verdict, and asks for 表5 when it is missing", () => {
    expect(tableRange(definitions.map((t) => t.def))).toBe("表1–表5");
    const without = analyzeWorkbook(workbook(false), { definitions });
    expect(without.verdict).toMatchObject({ ok: false, missing: ["表5 宣传与政务公开情况"] });
    expect(without.verdict.text).toBe(
      "暂不能上报（2013年）：缺少2013年的 表5 宣传与政务公开情况。"
    );
    // the built-ins alone: the clean sample can be submitted, and 表5's sheets are no table
    const builtIns = analyzeWorkbook(workbook(true));
    expect(builtIns.verdict.ok).toBe(true);
    expect(builtIns.tables.some((t) => t.tableId === "T5")).toBe(false);
  });

  it("a definition that is wrong is refused with the table and the entry named", () => {
    const badRule = { ...T5, rules: [{ ...T5.rules[0], check: "政务微博条数 ≤ 未知列" }] };
    expect(() => loadDefinitions([badRule], "bureau.json")).toThrow(
      "bureau.json：表5（T5）规则 T5-01 的检查式（check）“政务微博条数 ≤ 未知列”：“未知列”不是本表的列，也不是设置"
    );
    expect(() => loadDefinitions([T5, T5])).toThrow(
      "表5（T5）的编号（id）“T5”：编号重复（第1张表已用过）"
    );
    expect(() => loadDefinitions([{ ...T5, rules: [{ ...T5.rules[0], id: "T1-09" }] }])).toThrow(
      "表5（T5）第1条规则的编号（id）“T1-09”：应以“T5-”开头（本表的编号和短横线，或 G-）"
    );
  });
});

describe("a bureau that drops a built-in table", () => {
  const definitions = COMPILED_BUILTINS.filter((t) => t.def.id !== "T3");

  it("neither asks for it nor checks, compares or drafts it", () => {
    const a = analyzeWorkbook(workbook(false), { definitions });
    expect(a.tables.map((t) => t.tableId)).not.toContain("T3");
    expect(a.comparisons.map((c) => c.tableId)).not.toContain("T3");
    expect(a.draft.paragraphs.map((p) => p.tableId)).toEqual(["T1", "T2", "T4"]);
    expect(a.verdict).toMatchObject({ ok: true, missing: [] });
    expect(a.verdict.text).toBe("可以上报：2013年 表1、表2、表4 齐全，没有错误，没有警告。");
    expect(BUILTIN_DEFINITIONS).toHaveLength(4); // the built-ins themselves are untouched
  });
});

describe("a bureau that rewords a built-in rule", () => {
  it("gets its wording, and the built-ins keep theirs in the same process (no shared registry)", () => {
    const mistakes = readXlsx(
      new Uint8Array(
        readFileSync(path.join(__dirname, "../../assets/samples/bureau-stats-2013-mistakes.xlsx"))
      )
    );
    const reworded = structuredClone(builtin) as Array<{
      rules: Array<{ id: string; message: string }>;
    }>;
    const rule = reworded[0]?.rules.find((r) => r.id === "T1-01");
    if (!rule) throw new Error("T1-01 not in T1.json");
    rule.message = "本局口径：发展预备党员{value}人，两项之和{expected}人。";
    const bureau = loadDefinitions(reworded, "局.json");
    const t101 = (definitions?: typeof bureau) =>
      analyzeWorkbook(mistakes, definitions ? { definitions } : {})
        .issues.filter((i) => i.rule === "T1-01")
        .map(issueMessage);
    const theirs = t101(bureau);
    expect(theirs.length).toBeGreaterThan(0);
    for (const m of theirs) expect(m).toMatch(/^本局口径：发展预备党员\d+人，两项之和\d+人。$/);
    // loaded after the bureau's file, the built-ins still read as they are written
    const ours = t101();
    expect(ours).toHaveLength(theirs.length);
    for (const m of ours) expect(m).toMatch(/^“发展预备党员”为\d+，“其中：教工”/);
  });
});
