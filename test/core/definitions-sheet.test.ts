/**
 * Definitions kept in the workbook, in a `报表定义` sheet — written from the
 * definitions in force, read back into the same objects, wrong entries refused naming their cell.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDefinitions, BUILTIN_DEFINITIONS } from "../../src/core/definitions";
import {
  DEFINITIONS_SHEET,
  definitionDifferences,
  definitionsSheetGrid,
  readDefinitionsSheet,
} from "../../src/core/definitions/sheet";
import type { CellValue } from "../../src/core/model";
import { FIVE, fiveGridWith } from "./bureau-fixtures";

const OTHER_BUREAU = path.join(
  __dirname,
  "../../assets/samples/other-bureau/other-bureau-definitions.json"
);
const sheet = (values: CellValue[][]) => ({ name: DEFINITIONS_SHEET, values });
const read = (values: CellValue[][]) => readDefinitionsSheet(sheet(values)).map((t) => t.def);

const edited = fiveGridWith;
const refusal = (values: CellValue[][]) => {
  try {
    read(values);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return "accepted";
};

describe("the 报表定义 sheet", () => {
  it("round trip: definitions → sheet grid → the same definitions (built-ins and a 表5)", () => {
    expect(read(definitionsSheetGrid(BUILTIN_DEFINITIONS))).toEqual(BUILTIN_DEFINITIONS);
    expect(read(definitionsSheetGrid(FIVE))).toEqual(FIVE);
    const grid = definitionsSheetGrid(FIVE);
    expect(grid[0]).toEqual(
      "表 类别 名称 内容 必填/级别 可选值/条件 单位 代码 说明 其他（JSON）".split(" ")
    );
    // readable: one row per column, rule, figure, clause, with Chinese words for types and levels
    expect(grid).toContainEqual(["T5", "列", "宣讲场次", "计数", "是", "", "场", "talks", "", ""]);
    expect(grid).toContainEqual([
      "T5",
      "规则",
      "T5-01",
      "政务微博条数 ≤ 政务信息条数",
      "警告",
      "",
      "",
      "posts-above-items",
      "政务微博 {value} 条，多于政务信息 {expected} 条，请核实",
      "",
    ]);
    const padded = (...cells: string[]) => [...cells, ...Array<string>(10 - cells.length).fill("")];
    expect(grid).toContainEqual(padded("T5", "句子", "1", "全年开展宣讲活动{+T5/宣讲场次}"));
  });

  it("round trip of a table without rules (the other bureau's 表2): no rule rows, no rules", () => {
    const other = loadDefinitions(
      (JSON.parse(readFileSync(OTHER_BUREAU, "utf8")) as { tables: unknown[] }).tables
    ).map((t) => t.def);
    expect(other.map((t) => t.rules.length)).toEqual([1, 0]);
    expect(read(definitionsSheetGrid(other))).toEqual(other);
  });

  it("as Excel gives it back: numbers for numbers, blank rows between tables, columns reordered", () => {
    const grid: CellValue[][] = definitionsSheetGrid(FIVE).map((r) =>
      r.map((v) => (/^\d+$/.test(v) ? Number(v) : v === "" ? null : v))
    );
    const spaced = grid.flatMap((r, i) => (i > 0 && r[1] === "表" ? [[], r] : [r]));
    expect(read(spaced)).toEqual(FIVE);
    const swapped = grid.map((r) => [r[1], r[0], ...r.slice(2)]);
    expect(read(swapped)).toEqual(FIVE);
  });

  it("a wrong entry is refused naming the sheet, the table and the cell", () => {
    const cases: Array<[ReturnType<typeof edited>, string, string]> = [
      [
        edited("T5", "列", "宣讲场次", 3, "数字"),
        "D",
        "：表5（T5）的列“宣讲场次”：类型“数字”无效，应为文本、选项、计数、小数、金额、日期、百分比之一",
      ],
      [edited("T5", "列", "宣讲场次", 4, "要"), "E", "必填应写“是”或“否”"],
      [
        edited("T5", "规则", "T5-01", 4, "严重"),
        "E",
        "：表5（T5）的规则“T5-01”：级别应写“错误”或“警告”，不是“严重”",
      ],
      [
        edited("T5", "规则", "T5-01", 3, "政务微博条数 ≤ 不存在的列"),
        "D",
        "表5（T5）规则 T5-01 的检查式（check）“政务微博条数 ≤ 不存在的列”：“不存在的列”不是本表的列，也不是设置",
      ],
      [edited("T5", "指标", "宣讲场次", 3, "平均"), "D", "指标应写“合计”或“分组”"],
      [
        edited("T5", "指标", "宣讲场次", 2, "备注"),
        "C",
        "表5（T5）合计指标“备注”：不是计数或金额列",
      ],
      [
        edited("T5", "列", "政务微博条数", 7, "Bad Key"),
        "H",
        "表5（T5）第4列“政务微博条数”的键（key）“Bad Key”：只能用英文字母和数字，以小写字母开头",
      ],
      [
        edited("T5", "列", "宣讲场次", 9, "{oops"),
        "J",
        "：表5（T5）的列“宣讲场次”：不是有效的 JSON：第1行第2列有语法错误（“{oops”附近）",
      ],
      [edited("T5", "列", "宣讲场次", 1, "栏"), "B", "类别“栏”无效"],
      [
        edited("T5", "句子", "1", 3, "全年开展宣讲活动{T5/不存在}"),
        "D",
        "表5（T5）报告第1句第1个分句的文字（text）“全年开展宣讲活动{T5/不存在}”：占位符“{T5/不存在}”不是本表的指标",
      ],
      [edited("T5", "句子", "1", 2, "7"), "C", "句子的编号应为1、2"],
      [edited("T5", "列", "宣讲场次", 0, ""), "A", "“表”一栏是空的"],
      [edited("T5", "表", "表5", 0, "T4"), "A", "表T4已在第"],
    ];
    for (const [{ grid, row }, col, text] of cases) {
      const message = refusal(grid);
      // the cell in words (row and header, its address after), then the table and the entry
      expect(message, text).toMatch(new RegExp(`^报表定义第${row}行“[^”]+”（${col}${row}）：`));
      expect(message, text).toContain(text);
    }
    // a clause of a table without a 表 row, and a header row that is not one
    expect(
      refusal([[...(definitionsSheetGrid([])[0] ?? [])], ["T9", "列", "x", "文本", "是"]])
    ).toBe(
      "报表定义第2行“表”（A2）：T9的列“x”：表T9还没有“表”行（先写一行“类别”为“表”的，给出名称和标题）"
    );
    expect(refusal([["项目", "数值"]])).toContain("第1行应为表头");
    // a sheet of junk: the first twenty wrong rows, then how many more
    const junk = [
      [...(definitionsSheetGrid([])[0] ?? [])],
      ...Array.from({ length: 5000 }, () => ["T1", "栏"]),
    ];
    const message = refusal(junk);
    expect(message.split("类别“栏”无效")).toHaveLength(21);
    expect(message).toMatch(/\n另有4980处错误未列出$/);
    expect(refusal([])).toContain("是空的");
  });

  it("differences between two sets are listed per table (nothing when equal)", () => {
    expect(definitionDifferences(FIVE, FIVE)).toEqual([]);
    const relaxed = read(edited("T5", "规则", "T5-01", 4, "警告").grid).map((t) =>
      t.id === "T1" ? { ...t, rules: t.rules.slice(1) } : t
    );
    const diff = definitionDifferences(relaxed, BUILTIN_DEFINITIONS);
    expect(diff).toContain("多出 表5（T5）");
    expect(diff.find((d) => d.startsWith("表1"))).toMatch(/缺少规则T1-01/);
  });
});
