/**
 * The built-in tables are data files (src/core/definitions/builtin/*.json), loaded by the
 * same zod-checked path as any definitions, with a JSON Schema next to them for editors.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { definitionsSchema, SCHEMA_FILE } from "../../scripts/definitions-schema";
import { loadDefinitions, BUILTIN_DEFINITIONS } from "../../src/core/definitions";
import { DEFAULT_PHRASES } from "../../src/core/draft";

const BUILTIN = path.join(__dirname, "../../src/core/definitions/builtin");
const files = readdirSync(BUILTIN)
  .filter((f) => f.endsWith(".json"))
  .sort();
const builtin = files.map(
  (f) => JSON.parse(readFileSync(path.join(BUILTIN, f), "utf8")) as Record<string, unknown>
);

describe("the built-in tables as data", () => {
  it("are the four JSON files, loaded as they are, in their order", () => {
    expect(files).toEqual(["T1.json", "T2.json", "T3.json", "T4.json"]);
    expect(BUILTIN_DEFINITIONS.map((t) => t.id)).toEqual(builtin.map((b) => b.id));
    expect(loadDefinitions(builtin).map((t) => t.def)).toEqual(BUILTIN_DEFINITIONS);
    for (const b of builtin) expect(b.$schema).toBe("../definitions.schema.json");
  });

  it("carry their blank rows and report sentences (the paragraphs come from them)", () => {
    expect(BUILTIN_DEFINITIONS.map((t) => t.blankRows)).toEqual([30, 15, 15, 9]);
    expect(DEFAULT_PHRASES.map((p) => [p.tableId, p.heading])).toEqual(
      BUILTIN_DEFINITIONS.map((t) => [t.id, t.report?.heading])
    );
    // 表2's categories follow the order of its 培训类别 choices when the file names none
    const t2 = DEFAULT_PHRASES[1]?.sentences[1]?.[0]?.programmes;
    expect(t2?.order).toEqual(
      BUILTIN_DEFINITIONS[1]?.columns.find((c) => c.header === "培训类别")?.allowed
    );
  });

  it("the JSON Schema next to them is generated from the zod schema and up to date", () => {
    expect(readFileSync(SCHEMA_FILE, "utf8")).toBe(definitionsSchema());
    const schema = JSON.parse(definitionsSchema()) as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["id", "columns", "rules", "figures", "blankRows", "report"])
    );
    expect(schema.required).toEqual(expect.arrayContaining(["id", "columns", "rules", "figures"]));
  });

  it("refuses a wrong definition with a message naming the table and the entry", () => {
    const t1 = builtin[0] as { rules: Array<Record<string, unknown>> };
    const badRuleId = { ...t1, rules: [{ ...t1.rules[0], id: "T9-01" }] };
    expect(() => loadDefinitions([badRuleId])).toThrow(
      "表1（T1）第1条规则的编号（id）“T9-01”：应以“T1-”开头（本表的编号和短横线，或 G-）"
    );
    const badClause = {
      ...t1,
      report: { heading: "x", sentences: [[{ text: "a", list: { items: ["b"], itemSep: "、" } }]] },
    };
    expect(() => loadDefinitions([badClause])).toThrow(
      "表1（T1）报告第1句第1个分句：每个分句只能是文字（text）、列举（list）、比率（rates）、项目（programmes）中的一种"
    );
  });

  it("refuses report sentences that name no figure of the table, in Chinese, at the exact clause", () => {
    const [t1, , , t4] = builtin as Array<Record<string, unknown>>;
    const withSentence = (t: Record<string, unknown>, clause: unknown) => ({
      ...t,
      report: {
        heading: "x",
        sentences: [[{ text: "全年培训入党积极分子{+T1/培训入党积极分子}" }, clause]],
      },
    });
    expect(() =>
      loadDefinitions([withSentence(t1!, { text: "发展{T1/发展党员}" })], "局.json")
    ).toThrow(
      "局.json：表1（T1）报告第1句第2个分句的文字（text）“发展{T1/发展党员}”：占位符“{T1/发展党员}”不是本表的指标"
    );
    expect(() => loadDefinitions([withSentence(t1!, { text: "来电{T4/受理数/来电}" })])).toThrow(
      "占位符“{T4/受理数/来电}”不是本表的指标"
    );
    const rates = {
      ...t4!,
      report: {
        heading: "x",
        sentences: [[{ rates: { indicators: ["办结率"], groups: ["来函"] } }]],
      },
    };
    expect(() => loadDefinitions([rates])).toThrow(
      "表4（T4）报告第1句第1个分句的比率（rates）：比率“办结率”没有“来函”这一项"
    );
    const programmes = structuredClone(builtin[1]) as {
      report: { sentences: Array<Array<{ programmes?: { byCategory: Record<string, string> } }>> };
    };
    programmes.report.sentences[1]![0]!.programmes!.byCategory["夜校"] = "举办{项目}{期数}";
    expect(() => loadDefinitions([programmes])).toThrow(
      "表2（T2）报告第2句第1个分句的项目（programmes）的各类别的句子（byCategory）：“夜校”不是“培训类别”的可选值"
    );
    const noHeadline = structuredClone(t1!) as {
      figures: { totals: Array<{ headline: boolean }> };
    };
    for (const f of noHeadline.figures.totals) f.headline = false;
    expect(() => loadDefinitions([noHeadline])).toThrow(
      "表1（T1）的报告（report）：有报告句子，但本表没有主要指标（headline 为 true 的指标）"
    );
  });
});
