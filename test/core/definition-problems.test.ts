/**
 * A wrong table definition is refused with a Chinese message naming the source
 * (file or sheet cell), the table and the exact entry — every problem of the file, not only the
 * first, each class with its own wording (the wording is in definition-messages.ts, apart from the
 * checks).
 */
import { describe, expect, it } from "vitest";
import {
  DefinitionsError,
  loadDefinitions,
  parseDefinitionsJson,
  BUILTIN_DEFINITIONS,
} from "../../src/core/definitions";
import { DEFINITION_MESSAGES } from "../../src/core/definitions/definition-messages";
import { jsonSyntaxMessage } from "../../src/core/definitions/problems";
import { definitionsSheetGrid, readDefinitionsSheet } from "../../src/core/definitions/sheet";
import type { CellValue } from "../../src/core/model";
import { FIVE, fiveGridWith, T5 } from "./bureau-fixtures";

/** The definitions sheet's header of each column, as its messages name the cell. */
const HEADER_OF: Readonly<Record<string, string>> = {
  A: "表",
  B: "类别",
  C: "名称",
  D: "内容",
  E: "必填/级别",
  F: "可选值/条件",
  G: "单位",
  H: "代码",
  I: "说明",
  J: "其他（JSON）",
};

// a definition broken on purpose (a string where a number goes, a field deleted …): no static
// type describes what these tests write into it, so its fields are `any`
type Mutable = Record<string, any>;

/** The problems `loadDefinitions` lists for a copy of 表1 changed by `change` (source `d.json`). */
function problemsOf(change: (t: Mutable) => void, tables?: (t1: Mutable) => unknown[]): string[] {
  const t1 = structuredClone(BUILTIN_DEFINITIONS[0]) as unknown as Mutable;
  change(t1);
  try {
    loadDefinitions(tables ? tables(t1) : [t1], "d.json");
  } catch (e) {
    if (e instanceof DefinitionsError) return [...e.problems];
    throw e;
  }
  return [];
}

const T1 = "d.json：表1（T1）";

/** The refusal of `count` tables that have only an id (7 problems each). */
function junkRefusal(count: number): DefinitionsError {
  try {
    loadDefinitions(
      Array.from({ length: count }, (_, i) => ({ id: `X${i}` })),
      "junk.json"
    );
  } catch (e) {
    if (e instanceof DefinitionsError) return e;
    throw e;
  }
  throw new Error("accepted");
}

describe("a wrong definition, from a file: one Chinese message per problem", () => {
  it.each<[string, (t: Mutable) => void, string]>([
    [
      "a key that is not one",
      (t) => (t.columns[3].key = "Bad key"),
      "第4列“培训入党积极分子”的键（key）“Bad key”：只能用英文字母和数字，以小写字母开头",
    ],
    [
      "a severity that is not one",
      (t) => (t.rules[0].severity = "fatal"),
      "规则 T1-01 的严重程度（severity）“fatal”：应为 error（错误）或 warning（警告）",
    ],
    [
      "a figure over a text column",
      (t) => (t.figures.totals[0].column = "单位名称"),
      "合计指标“单位名称”：不是计数或金额列",
    ],
    [
      "a figure over no column",
      (t) => (t.figures.totals[0].column = "党员总数"),
      "合计指标“党员总数”：不是本表的列",
    ],
    [
      "an unknown header in a rule expression",
      (t) => (t.rules[1].check = "评选优秀党员 ≤ 年末党员总数"),
      "规则 T1-02 的检查式（check）“评选优秀党员 ≤ 年末党员总数”：“年末党员总数”不是本表的列，也不是设置",
    ],
    [
      "a value a choice column does not have",
      (t) => (t.rules[2].when = '单位类型 = "大学"'),
      '规则 T1-03 的条件（when）“单位类型 = "大学"”：“大学”不是“单位类型”的可选值',
    ],
    [
      "an expression that does not parse",
      (t) => (t.rules[0].check = "发展预备党员 = (其中：教工"),
      "规则 T1-01 的检查式（check）“发展预备党员 = (其中：教工”：无法解析（第15个字符处缺少右括号）",
    ],
    [
      "a function call",
      (t) => (t.rules[0].check = "max(发展预备党员) = 1"),
      "规则 T1-01 的检查式（check）“max(发展预备党员) = 1”：不支持的函数 max（只有 上年(…)，括号里写一个列或指标）",
    ],
    [
      // a hostile definition: 50,000 terms would overflow the stack while compiling
      "an expression too long to be a rule",
      (t) => (t.rules[0].check = `发展预备党员 = ${Array(50_000).fill("其中：教工").join(" + ")}`),
      `规则 T1-01 的检查式（check）“发展预备党员 = 其中：教工 + 其中：教工 + 其中：教工 + 其中：教工 +…”：太长（${9 + 50_000 * 5 + 49_999 * 3}个字符，最多1000个）`,
    ],
    [
      "a cell that is no column",
      (t) => (t.rules[0].cell = "教职工"),
      "规则 T1-01 的报告的单元格（cell）“教职工”：不是本表的列",
    ],
    [
      "a unit column that is no column",
      (t) => (t.columns[2].unitColumn = "计量单位"),
      "第3列“年末党员数”的单位列（unitColumn）“计量单位”：不是本表的列",
    ],
    [
      "a header twice",
      (t) => t.columns.push({ ...t.columns[2], key: "again" }),
      "第12列的列名（header）“年末党员数”：列名重复（第3列已用过）",
    ],
    [
      "a key twice",
      (t) => (t.columns[3].key = t.columns[2].key),
      "第4列“培训入党积极分子”的键（key）“members”：键重复（第3列已用过）",
    ],
    [
      "a rule code twice",
      (t) => (t.rules[1].code = t.rules[0].code),
      "规则 T1-02 的代码（code）“developed-split”：代码重复（规则 T1-01 已用过）",
    ],
    [
      "a rule id of another table",
      (t) => (t.rules[0].id = "T9-01"),
      "第1条规则的编号（id）“T9-01”：应以“T1-”开头（本表的编号和短横线，或 G-）",
    ],
    [
      "a rule id of the wrong form",
      (t) => (t.rules[0].id = "T1-1"),
      "第1条规则的编号（id）“T1-1”：应为表的编号、短横线和两位数字（如 T5-01）",
    ],
    [
      "a rule code of the wrong form",
      (t) => (t.rules[0].code = "Developed Split"),
      "规则 T1-01 的代码（code）“Developed Split”：只能用小写英文字母、数字和短横线，以字母开头（如 posts-above-items）",
    ],
    [
      "a placeholder that names no figure",
      (t) => (t.report.sentences[0][0].text = "全年培训入党积极分子{+T1/积极分子}"),
      "报告第1句第1个分句的文字（text）“全年培训入党积极分子{+T1/积极分子}”：占位符“{T1/积极分子}”不是本表的指标",
    ],
    [
      "sentences for a table without a headline figure",
      (t) => t.figures.totals.forEach((f: Mutable) => (f.headline = false)),
      "的报告（report）：有报告句子，但本表没有主要指标（headline 为 true 的指标）",
    ],
    [
      "a field left out",
      (t) => delete t.columns[0].type,
      "第1列“单位名称”的类型（type）：缺少这一项",
    ],
    [
      "a field of the wrong type",
      (t) => (t.columns[0].required = "是"),
      "第1列“单位名称”的必填（required）“是”：应为 true 或 false",
    ],
    [
      "a column type that is not one",
      (t) => (t.columns[0].type = "float"),
      "第1列“单位名称”的类型（type）“float”：应为 text（文本）、enum（选项）、count（计数）、decimal（小数）、money（金额）、date（日期）或 percent（百分比）",
    ],
    ["an empty title", (t) => (t.title = ""), "的标题（title）“”：不能为空"],
    [
      "a header with a space",
      (t) => (t.columns[0].header = "单位名称 "),
      "第1列的列名（header）“单位名称 ”：前后不能有空格",
    ],
    [
      "too many blank rows",
      (t) => (t.blankRows = 5000),
      "的空行数（blankRows）“5000”：不能大于1000",
    ],
    ["a fraction of a row", (t) => (t.blankRows = 2.5), "的空行数（blankRows）“2.5”：应为整数"],
    [
      "choices on a text column",
      (t) => (t.columns[0].allowed = ["甲"]),
      "第1列“单位名称”的可选值（allowed）：选项列（enum）要列出可选值（allowed），其他类型的列不能有可选值",
    ],
    [
      "a clause that is two things",
      (t) => (t.report.sentences[0][0] = { text: "a", list: { items: ["b"], itemSep: "、" } }),
      "报告第1句第1个分句：每个分句只能是文字（text）、列举（list）、比率（rates）、项目（programmes）中的一种",
    ],
  ])("%s", (_name, change, entry) => {
    expect(problemsOf(change)).toEqual([`${T1}${entry}`]);
  });

  it("names the table by its place when it has no id, and a duplicate id by the first table", () => {
    expect(
      problemsOf(
        () => undefined,
        (t1) => [t1, t1]
      )
    ).toEqual(["d.json：表1（T1）的编号（id）“T1”：编号重复（第1张表已用过）"]);
    expect(
      problemsOf(
        () => undefined,
        (t1) => [t1, 42]
      )
    ).toEqual(["d.json：第2张表：应为一张表的定义 { … }"]);
    const t4 = structuredClone(BUILTIN_DEFINITIONS[3]) as unknown as Mutable;
    delete t4.figures.groupBy;
    expect(
      problemsOf(
        () => undefined,
        () => [t4]
      )
    ).toEqual([
      "d.json：表4（T4）的指标（figures）的分组（groups）：有分组指标，但没有写分组依据（groupBy）",
    ]);
  });

  it("reports every problem of a file, in the order of the file, even after a type error", () => {
    expect(
      problemsOf((t) => {
        t.blankRows = 2.5; // zod stops its own refinements after this one
        t.figures.totals[0].column = "单位名称";
        t.columns[3].key = "Bad key";
        t.rules[0].severity = "fatal";
      })
    ).toEqual([
      `${T1}第4列“培训入党积极分子”的键（key）“Bad key”：只能用英文字母和数字，以小写字母开头`,
      `${T1}规则 T1-01 的严重程度（severity）“fatal”：应为 error（错误）或 warning（警告）`,
      `${T1}合计指标“单位名称”：不是计数或金额列`,
      `${T1}的空行数（blankRows）“2.5”：应为整数`,
    ]);
  });

  it("lists the first twenty, then how many more", () => {
    const { lines, problems, message, stopped } = junkRefusal(30);
    expect(stopped).toBe(false);
    expect(problems).toHaveLength(210);
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe("junk.json：表定义“X0”的简称（label）：缺少这一项");
    expect(lines[20]).toBe("另有190处错误未列出");
    expect(message).toBe(lines.join("\n"));
  });

  it("stops after a thousand problems (a file of junk is refused at once)", () => {
    const { lines, problems, stopped } = junkRefusal(20000);
    expect(stopped).toBe(true);
    expect(problems).toHaveLength(1001); // 7 a table: the 143rd table reaches the limit
    expect(lines[20]).toBe("另有981处以上错误未列出（错误太多，后面的表未检查）");
  });

  it("stops after a thousand problems of rules over figures too", () => {
    // 1,200 copies of 表2 whose T2-04 names a 表1 the file does not have: two problems each
    const copies = Array.from({ length: 1200 }, (_, i) => {
      const t2 = structuredClone(BUILTIN_DEFINITIONS[1]) as {
        id: string;
        label: string;
        rules: Array<{ id: string }>;
      };
      t2.id = `B${i}`;
      t2.label = `表B${i}`;
      t2.rules = t2.rules.map((r) => ({ ...r, id: `B${i}${r.id.slice(2)}` }));
      return { ...t2, report: undefined };
    });
    let refusal: DefinitionsError | undefined;
    try {
      loadDefinitions(copies, "many.json");
    } catch (e) {
      if (e instanceof DefinitionsError) refusal = e;
    }
    expect(refusal?.stopped).toBe(true);
    expect(refusal?.problems.length).toBeLessThanOrEqual(1001);
    expect(refusal?.lines[0]).toMatch(
      /^many\.json：表B0（B0）规则 B0-04 的检查式（check）.*没有“表1”这张表/
    );
  });

  it("a file that is no JSON, no definitions, or defines no table", () => {
    const refusal = (text: string) => {
      try {
        parseDefinitionsJson(text, "局.json");
      } catch (e) {
        return e instanceof DefinitionsError ? e.message : `other: ${String(e)}`;
      }
      return "accepted";
    };
    expect(refusal('{\n  "tables": [\n    { "id": "T5", }\n  ]\n}')).toBe(
      '局.json：不是有效的 JSON：第3行第19列有语法错误（“"id": "T5", } ] }”附近）'
    );
    expect(refusal("\uFEFF[1, 2")).toBe(
      "局.json：不是有效的 JSON：第1行第6列有语法错误（“[1, 2”附近）"
    );
    expect(refusal("  ")).toBe(
      '局.json：不是表定义文件：应为 { "tables": [ 表定义, … ] }，这里是空文件'
    );
    expect(refusal('{"sheets": 1}')).toBe(
      '局.json：不是表定义文件：应为 { "tables": [ 表定义, … ] }，这里是有 "sheets" 而没有 "tables" 的对象'
    );
    expect(refusal("{}")).toBe(
      '局.json：不是表定义文件：应为 { "tables": [ 表定义, … ] }，这里是空对象 {}'
    );
    expect(refusal('{"tables": []}')).toBe(
      '局.json：没有任何表（"tables" 是空的），至少要定义一张表'
    );
    // as other browsers word it: Firefox gives the line and column, Safari nothing
    const text = '{\n  "tables": [\n    { "id": "T5", }\n  ]\n}';
    const firefox = new SyntaxError(
      "JSON.parse: expected double-quoted property name at line 3 column 19 of the JSON data"
    );
    expect(jsonSyntaxMessage(text, firefox)).toBe(
      '不是有效的 JSON：第3行第19列有语法错误（“"id": "T5", } ] }”附近）'
    );
    expect(jsonSyntaxMessage(text, new SyntaxError("JSON Parse error: Expected '}'"))).toBe(
      "不是有效的 JSON：有语法错误（请用编辑器检查括号、引号和逗号）"
    );
    expect(parseDefinitionsJson(JSON.stringify({ tables: [T5] }), "局.json")).toEqual([T5]);
    expect(parseDefinitionsJson(JSON.stringify([T5]), "局.json")).toEqual([T5]);
  });

  it("every message is Chinese (no zod or engine English left)", () => {
    for (const [code, text] of Object.entries(DEFINITION_MESSAGES))
      if (code !== "bad-expression" && code !== "other")
        expect(text, code).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe("a wrong definition, from the 报表定义 sheet: the same messages, naming the cell", () => {
  const refusal = (values: CellValue[][]): string => {
    try {
      readDefinitionsSheet({ name: "报表定义", values });
    } catch (e) {
      return e instanceof DefinitionsError ? e.message : `other: ${String(e)}`;
    }
    return "accepted";
  };

  it.each<[string, [string, string, string, number, string], string, string]>([
    [
      "a key that is not one",
      ["T5", "列", "政务微博条数", 7, "Bad Key"],
      "H",
      "表5（T5）第4列“政务微博条数”的键（key）“Bad Key”：只能用英文字母和数字，以小写字母开头",
    ],
    [
      "an unknown header in a rule",
      ["T5", "规则", "T5-01", 3, "政务微博条数 ≤ 场地数"],
      "D",
      "表5（T5）规则 T5-01 的检查式（check）“政务微博条数 ≤ 场地数”：“场地数”不是本表的列，也不是设置",
    ],
    [
      "a figure over a text column",
      ["T5", "指标", "宣讲场次", 2, "备注"],
      "C",
      "表5（T5）合计指标“备注”：不是计数或金额列\n报表定义第115行“内容”（D115）：表5（T5）报告第1句第1个分句的文字（text）“全年开展宣讲活动{+T5/宣讲场次}”：占位符“{T5/宣讲场次}”不是本表的指标",
    ],
    [
      "a placeholder that names no figure",
      ["T5", "句子", "1", 3, "全年开展宣讲活动{+T5/宣讲次数}"],
      "D",
      "表5（T5）报告第1句第1个分句的文字（text）“全年开展宣讲活动{+T5/宣讲次数}”：占位符“{T5/宣讲次数}”不是本表的指标",
    ],
    [
      "a rule code of the wrong form",
      ["T5", "规则", "T5-01", 7, "Posts Above"],
      "H",
      "表5（T5）规则 T5-01 的代码（code）“Posts Above”：只能用小写英文字母、数字和短横线，以字母开头（如 posts-above-items）",
    ],
    [
      "a severity that is not one",
      ["T5", "规则", "T5-01", 4, "致命"],
      "E",
      "表5（T5）的规则“T5-01”：级别应写“错误”或“警告”，不是“致命”",
    ],
    [
      "a type that is not one",
      ["T5", "列", "宣讲场次", 3, "数字"],
      "D",
      "表5（T5）的列“宣讲场次”：类型“数字”无效，应为文本、选项、计数、小数、金额、日期、百分比之一",
    ],
  ])("%s", (_name, edit, column, text) => {
    const { grid, row } = fiveGridWith(...edit);
    expect(refusal(grid)).toBe(
      `报表定义第${row}行“${HEADER_OF[column]}”（${column}${row}）：${text}`
    );
  });

  it("sentences for a table without a headline figure: the 报告 row; several problems: all", () => {
    const grid = definitionsSheetGrid(FIVE).map((r) =>
      r[0] === "T5" && r[1] === "指标" ? r.map((v, i) => (i === 4 ? "否" : v)) : r
    );
    const report = grid.findIndex((r) => r[0] === "T5" && r[1] === "报告") + 1;
    expect(refusal(grid)).toBe(
      `报表定义第${report}行“名称”（C${report}）：表5（T5）的报告（report）：有报告句子，但本表没有主要指标（headline 为 true 的指标）`
    );
    const key = fiveGridWith("T5", "列", "政务微博条数", 7, "Bad Key");
    const both = key.grid.map((r) =>
      r[0] === "T5" && r[1] === "指标" ? r.map((v, i) => (i === 4 ? "否" : v)) : r
    );
    expect(refusal(both).split("\n")).toEqual([
      `报表定义第${key.row}行“代码”（H${key.row}）：表5（T5）第4列“政务微博条数”的键（key）“Bad Key”：只能用英文字母和数字，以小写字母开头`,
      `报表定义第${report}行“名称”（C${report}）：表5（T5）的报告（report）：有报告句子，但本表没有主要指标（headline 为 true 的指标）`,
    ]);
  });
});
