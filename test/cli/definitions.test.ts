/**
 * A bureau's table definitions as a JSON file on the command line (docs/definitions.md) —
 * `definitions export`, `definitions check`, `check --definitions`, `template --definitions`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { BUILTIN_DEFINITIONS } from "../../src/core/definitions";
import { activityFunds, FIVE, fiveGridWith, sampleWithT5, T5 } from "../core/bureau-fixtures";
import { DEFINITIONS_SHEET } from "../../src/core/definitions/sheet";
import { writeSheets } from "../../src/hosts/xlsx/write-sheets";
import { cli } from "./harness";

const SAMPLES = path.join(__dirname, "../../assets/samples");
const tmp = mkdtempSync(path.join(os.tmpdir(), "bureau-stats-definitions-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const at = (name: string) => path.join(tmp, name);

describe("definitions on the command line", () => {
  it("export writes the built-ins; fed back with --definitions the output is identical", async () => {
    const out = at("内置定义.json");
    const r = await cli("definitions", "export", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已写出4张表的定义（表1–表4）");
    const file = JSON.parse(readFileSync(out, "utf8")) as { tables: Array<{ id: string }> };
    expect(file.tables).toEqual(JSON.parse(JSON.stringify(BUILTIN_DEFINITIONS)));
    expect((await cli("definitions", "export", out)).code).toBe(2); // never overwrites
    expect((await cli("definitions", "check", out)).stdout).toContain("定义有效，共4张表");
    for (const sample of ["bureau-stats-2013.xlsx", "bureau-stats-2013-mistakes.xlsx"]) {
      const file = path.join(SAMPLES, sample);
      for (const flags of [["--json"], [], ["--approx", "--name-year", "--headings", "一、"]]) {
        const plain = await cli("check", file, ...flags);
        const defined = await cli("check", file, ...flags, "--definitions", out);
        // the same output; the set in force is named on stderr
        expect(defined, `${sample} ${flags.join(" ")}`).toEqual({
          ...plain,
          stderr: "统计表定义：文件“内置定义.json”（表1–表4）\n",
        });
      }
    }
  });

  it("an older file (money in fen) is checked as before and exported in 元, version 2", async () => {
    const t3 = BUILTIN_DEFINITIONS.find((t) => t.id === "T3")!;
    const rule = (check: string) => ({
      id: "T3-09",
      code: "condolence-above-10000",
      kind: "row",
      severity: "error",
      when: '经费类别 = "慰问金"',
      message: "慰问金{value}元，超过{expected}元。请核实。",
      check,
    });
    // the older form: no version, the number in fen
    const older: Record<string, unknown> = { ...t3, rules: [rule("金额（元） ≤ 500000")] };
    delete older.version;
    const file = at("旧定义.json");
    writeFileSync(file, JSON.stringify({ tables: [older] }));
    const out = at("旧定义导出.json");
    expect((await cli("definitions", "export", out, "--definitions", file)).code).toBe(0);
    const exported = JSON.parse(readFileSync(out, "utf8")) as { tables: unknown[] };
    expect(exported.tables).toEqual([{ ...t3, rules: [rule("金额（元） ≤ 5000")] }]);
    // the same issues from the older file and its export
    const sample = path.join(SAMPLES, "bureau-stats-2013-mistakes.xlsx");
    const before = await cli("check", sample, "--json", "--definitions", file);
    const after = await cli("check", sample, "--json", "--definitions", out);
    const issues = (r: { stdout: string }) =>
      (JSON.parse(r.stdout) as { issues: Array<{ rule: string }> }).issues;
    expect(issues(before)).toEqual(issues(after));
    expect(issues(before).some((i) => i.rule === "T3-09")).toBe(true);
  });

  it("a fifth table from a file: templates written, checked, counted", async () => {
    const five = at("五张表.json");
    writeFileSync(five, JSON.stringify({ tables: [...BUILTIN_DEFINITIONS, T5] }));
    expect((await cli("definitions", "check", five)).stdout).toContain(
      "定义有效，共5张表（表1 党员发展情况、表2 培训情况、表3 经费情况、表4 信访咨询办理情况、表5 宣传与政务公开情况）"
    );
    const xlsx = at("模板.xlsx");
    const t = await cli("template", xlsx, "--year", "2014", "--definitions", five);
    expect(t.stdout).toContain("（表1–表5，5张工作表，另附“报表定义”工作表）");
    const sheets = readXlsx(new Uint8Array(readFileSync(xlsx))).sheets;
    expect(sheets.map((s) => s.name)).toContain("表5 宣传与政务公开 2014");
    const t5 = sheets.find((s) => s.name === "表5 宣传与政务公开 2014");
    expect(t5?.values[2]).toEqual(T5.columns.map((c) => c.header));
    expect(t5?.values[3 + T5.blankRows]?.[0]).toBe("合计"); // its 12 blank rows, then 合计
    const blank = JSON.parse(
      (await cli("check", xlsx, "--json", "--definitions", five)).stdout
    ) as {
      issues: Array<{ rule: string; sheet: string }>;
      verdict: { empty: string[] };
    };
    expect(blank.issues.filter((i) => i.rule === "G-06")).toHaveLength(5);
    expect(blank.verdict.empty).toContain("表5 宣传与政务公开情况");
    // without the file, the 报表定义 sheet the templates carry gives the same five tables
    const carried = await cli("check", xlsx, "--json");
    expect(carried.stderr).toContain("统计表定义：工作簿中的“报表定义”（表1–表5）");
    expect(JSON.parse(carried.stdout)).toEqual(blank);
  });

  it("a wrong file is refused naming the file, the table and the entry (exit 2, ends with a newline)", async () => {
    const bad = at("错误定义.json");
    writeFileSync(
      bad,
      JSON.stringify({
        tables: [
          BUILTIN_DEFINITIONS[0],
          { ...T5, rules: [{ ...T5.rules[0], check: "宣讲场次 ≤ 场地数" }] },
        ],
      })
    );
    const r = await cli(
      "check",
      path.join(SAMPLES, "bureau-stats-2013.xlsx"),
      "--definitions",
      bad
    );
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "错误定义.json：表5（T5）规则 T5-01 的检查式（check）“宣讲场次 ≤ 场地数”：“场地数”不是本表的列，也不是设置\n",
    });
    const refusal = async (text: string) => {
      writeFileSync(bad, text);
      const r = await cli("definitions", "check", bad);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      return r.stderr;
    };
    expect(await refusal('{\n  "tables": [\n    { "id": "T5", }\n  ]\n}')).toBe(
      '错误定义.json：不是有效的 JSON：第3行第19列有语法错误（“"id": "T5", } ] }”附近）\n'
    );
    expect(await refusal("")).toBe(
      '错误定义.json：不是表定义文件：应为 { "tables": [ 表定义, … ] }，这里是空文件\n'
    );
    expect(await refusal(JSON.stringify({ sheets: [] }))).toBe(
      '错误定义.json：不是表定义文件：应为 { "tables": [ 表定义, … ] }，这里是有 "sheets" 而没有 "tables" 的对象\n'
    );
    expect(await refusal(JSON.stringify({ tables: [] }))).toBe(
      '错误定义.json：没有任何表（"tables" 是空的），至少要定义一张表\n'
    );
    expect(await refusal(JSON.stringify([BUILTIN_DEFINITIONS[0], "T5"]))).toBe(
      "错误定义.json：第2张表：应为一张表的定义 { … }\n"
    );
    expect((await cli("definitions", "list")).code).toBe(2);
  });

  it("every problem of a file is listed, one per line, the file named once (definitions check and check --definitions)", async () => {
    const wrong = structuredClone([
      ...BUILTIN_DEFINITIONS,
      T5,
      structuredClone(T5),
    ]) as unknown as Array<Record<string, any>>;
    const [t1, , , , t5] = wrong;
    t1!.columns[3].key = "Bad key";
    t1!.figures.totals[0].column = "单位名称";
    t1!.rules[0].severity = "fatal";
    t1!.rules[1].check = "评选优秀党员 ≤ 年末党员总数";
    t1!.columns.push({ ...t1!.columns[2], key: "again" });
    t5!.report.sentences[0][0].text = "全年开展宣讲活动{+T5/宣讲次数}";
    t5!.figures.totals.forEach((f: { headline: boolean }) => (f.headline = false));
    t5!.rules[0].kind = "rows";
    t5!.blankRows = 2.5;
    const file = at("多处错误.json");
    writeFileSync(file, JSON.stringify({ tables: wrong }, null, 2));
    const expected = [
      "多处错误.json：表定义有10处错误，未使用：",
      "  表1（T1）第4列“培训入党积极分子”的键（key）“Bad key”：只能用英文字母和数字，以小写字母开头",
      "  表1（T1）第12列的列名（header）“年末党员数”：列名重复（第3列已用过）",
      "  表1（T1）规则 T1-01 的严重程度（severity）“fatal”：应为 error（错误）或 warning（警告）",
      "  表1（T1）规则 T1-02 的检查式（check）“评选优秀党员 ≤ 年末党员总数”：“年末党员总数”不是本表的列，也不是设置",
      "  表1（T1）合计指标“单位名称”：不是计数或金额列",
      "  表5（T5）规则 T5-01 的类别（kind）“rows”：应为 row（行规则）、figures（指标规则）或 named（内置检查）",
      "  表5（T5）的空行数（blankRows）“2.5”：应为整数",
      "  表5（T5）的报告（report）：有报告句子，但本表没有主要指标（headline 为 true 的指标）",
      "  表5（T5）报告第1句第1个分句的文字（text）“全年开展宣讲活动{+T5/宣讲次数}”：占位符“{T5/宣讲次数}”不是本表的指标",
      "  表5（T5）的编号（id）“T5”：编号重复（第5张表已用过）",
    ].join("\n");
    const checked = await cli("definitions", "check", file);
    expect(checked).toEqual({ code: 2, stdout: "", stderr: `${expected}\n` });
    const used = await cli(
      "check",
      path.join(SAMPLES, "bureau-stats-2013.xlsx"),
      "--definitions",
      file
    );
    expect(used).toEqual({ code: 2, stdout: "", stderr: `${expected}\n` });
    // a file of junk: the first twenty, then how many more
    writeFileSync(
      file,
      JSON.stringify({ tables: Array.from({ length: 30 }, (_, i) => ({ id: `X${i}` })) })
    );
    const junk = (await cli("definitions", "check", file)).stderr.split("\n");
    expect(junk[0]).toBe("多处错误.json：表定义有210处错误，未使用：");
    expect(junk[1]).toBe("  表定义“X0”的简称（label）：缺少这一项");
    expect(junk.slice(-2)).toEqual(["  另有190处错误未列出", ""]);
    expect(junk).toHaveLength(23);
  });

  it("a workbook carrying a 表5 in its 报表定义 sheet is checked by it (file given on top wins, differences reported)", async () => {
    const five = FIVE;
    const sheets = sampleWithT5(true);
    const book = at("带定义.xlsx");
    writeFileSync(book, writeSheets(sheets.map((sheet) => ({ sheet }))));
    const r = await cli("check", book, "--json");
    expect(r.stderr).toBe("统计表定义：工作簿中的“报表定义”（表1–表5）\n");
    const j = JSON.parse(r.stdout) as {
      issues: Array<{ rule: string; sheet: string; cell: string }>;
      comparisons: Array<{ sheet: string; indicator: string }>;
      draft: { text: string };
    };
    // detected, validated (T5-01), compared and drafted; the 报表定义 sheet is no table
    expect(j.issues).toContainEqual(
      expect.objectContaining({ rule: "T5-01", sheet: "表5 宣传 2013", cell: "D5" })
    );
    expect(j.issues.some((i) => i.sheet === DEFINITIONS_SHEET)).toBe(false);
    expect(
      j.comparisons.filter((c) => c.sheet === "表5 宣传 2013").map((c) => c.indicator)
    ).toContain("宣讲场次");
    expect(j.draft.text).toContain("全年开展宣讲活动65场");
    // the same as the same definitions given as a file
    const file = at("五张.json");
    writeFileSync(file, JSON.stringify({ tables: five }));
    const plain = (await cli("check", book)).stdout;
    expect(plain).toContain("找到统计表10张（2013年5张，2012年5张）");
    const withFile = await cli("check", book, "--definitions", file);
    expect(withFile.stdout).toBe(plain);
    expect(withFile.stderr).toBe("统计表定义：文件“五张.json”（表1–表5）\n");
    // the built-ins given on top win; the sheet's 表5 is reported, not applied
    const builtins = at("内置.json");
    await cli("definitions", "export", builtins);
    const over = await cli("check", book, "--json", "--definitions", builtins);
    expect(over.stderr).toContain("统计表定义：文件“内置.json”（表1–表4）");
    expect(over.stderr).toContain("中的“报表定义”与所用的统计表定义不同，未采用：多出 表5（T5）");
    expect(over.stdout).not.toContain("T5-01");
    // a wrong entry in the sheet: refused, naming the sheet, the table and the cell
    const { grid: wrong, row } = fiveGridWith("T5", "列", "宣讲场次", 3, "数字");
    writeFileSync(
      book,
      writeSheets(
        [...sheets.slice(0, -1), { name: DEFINITIONS_SHEET, values: wrong }].map((sheet) => ({
          sheet,
        }))
      )
    );
    const bad = await cli("check", book);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe(
      `带定义.xlsx：报表定义第${row}行“内容”（D${row}）：表5（T5）的列“宣讲场次”：类型“数字”无效，应为文本、选项、计数、小数、金额、日期、百分比之一\n`
    );
  });
});

describe("a table of the older form (no version) with money in a rule", () => {
  const t6 = activityFunds([{ check: "活动经费（元） ≤ 10000" }]);

  it("is valid, and definitions check and check both say its money is read in fen", async () => {
    const file = at("旧格式.json");
    writeFileSync(file, JSON.stringify({ tables: [t6] }));
    const said =
      '注意：表6（T6）的定义没有写版本（version），按旧格式读取：规则中金额旁的数字按“分”计，如T6-01“活动经费（元） ≤ 10000”即“活动经费（元） ≤ 100”（元）。如本意是元，请在这张表的定义中加上 "version": 2。\n';
    const r = await cli("definitions", "check", file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`定义有效，共1张表（表6 活动经费）。\n${said}`);
    const xlsx = at("表6.xlsx");
    expect((await cli("template", xlsx, "--year", "2014", "--definitions", file)).code).toBe(0);
    const checked = await cli("check", xlsx, "--definitions", file);
    expect(checked.stderr).toContain(said.slice("注意：".length));
    // with the version, nothing to say
    writeFileSync(
      file,
      JSON.stringify({
        tables: [activityFunds([{ check: "活动经费（元） ≤ 10000" }], { version: 2 })],
      })
    );
    expect((await cli("definitions", "check", file)).stdout).not.toContain("注意");
  });
});

describe("definitions draft", () => {
  const workbook = path.join(SAMPLES, "other-bureau", "other-bureau-2013.xlsx");

  it("drafts the other bureau's tables into a file that definitions check accepts and check uses without error", async () => {
    const out = at("起草.json");
    const r = await cli("definitions", "draft", workbook, "-o", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `已起草2张表的定义：${out}\n表1 学习实践活动情况（B1，行标签：单位）\n`
    );
    expect(r.stdout).toContain(
      "  列：项目名称（选项：区第一中学 市级文明单位、区实验小学 市级文明单位、依法治校示范校创建、基层党组织换届选举，必填，不重复）、创建类别（选项：文明单位、依法治校示范校、党组织换届，必填）、计量单位（选项：个、所，必填）、数量（计数，单位见“计量单位”，必填）、备注（文本）\n  指标：数量（按项目名称分）\n请核对"
    );
    // rows in their own units: no 合计 asked for, and none across 个 and 所
    expect(r.stdout).not.toContain("合计”行");
    const file = JSON.parse(readFileSync(out, "utf8")) as { tables: Array<{ id: string }> };
    expect(file.tables.map((t) => t.id)).toEqual(["B1", "B2"]);
    expect((await cli("definitions", "check", out)).stdout).toContain(
      "定义有效，共2张表（表1 学习实践活动情况、表2 创建工作情况）"
    );
    const checked = await cli("check", workbook, "--definitions", out);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain("校验结果：错误0项");
    expect(checked.stdout).toContain("依法治校示范校创建3所，基层党组织换届选举12个。");
  });

  it("never writes over a file unless --force", async () => {
    const out = at("已有.json");
    writeFileSync(out, "{}");
    const r = await cli("definitions", "draft", workbook, "-o", out);
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toContain(`${out}：文件已存在，不覆盖（换一个文件名，或加 --force）`);
    expect(readFileSync(out, "utf8")).toBe("{}");
    expect((await cli("definitions", "draft", workbook, "--out", out, "--force")).code).toBe(0);
    expect(readFileSync(out, "utf8")).toContain('"id": "B1"');
  });

  it("asks for -o, refuses an .xlsx output, and says when nothing can be drafted", async () => {
    expect((await cli("definitions", "draft", workbook)).stderr).toContain(
      "definitions draft 需要 -o 指定输出文件"
    );
    expect((await cli("definitions", "draft", workbook, "-o", at("x.xlsx"))).stderr).toContain(
      "不能写到表格文件上"
    );
    const blank = at("空表头.xlsx");
    writeFileSync(blank, writeSheets([{ sheet: { name: "封面", values: [["2014年统计报表"]] } }]));
    const r = await cli("definitions", "draft", blank, "-o", at("无.json"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("没有找到可起草定义的表");
    expect(r.stderr).toContain("“封面”（没有找到表头行（一行至少两个文字表头））");
  });

  it("check of a workbook that matches no table names its header rows and the way to a draft", async () => {
    const r = await cli("check", workbook);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "  “表2 创建工作 2013”第3行：项目名称、创建类别、计量单位、数量、备注\n"
    );
    expect(r.stdout).toContain(`  bureau-stats definitions draft ${workbook} -o 定义.json：`);
  });
});
