import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cli, cliWith } from "./harness";
import { fakeCfb } from "../hosts/xlsx-fixtures";
import { buildXlsx } from "../../scripts/lib/xlsx-parts";
import { writeTemplateWorkbook } from "../../src/hosts/xlsx/template";
import { yearSheets } from "../../scripts/samples/figures";
import { parseArgs, UsageError } from "../../src/cli/args";
import { displayWidth, showNumber, type JsonReport } from "../../src/cli/output";

const ROOT = path.join(__dirname, "..", "..");
const CLEAN = path.join(ROOT, "assets", "samples", "bureau-stats-2013.xlsx");
let tmp = "";

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "bureau-stats-cli-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sha = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("check on the clean sample", () => {
  it("prints the issues, the comparison and the draft, and exits 0", async () => {
    const before = sha(CLEAN);
    const r = await cli("check", CLEAN);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain(
      "找到统计表8张（2013年4张，2012年4张）。\n报告年度：2013年，与2012年比较。"
    );
    expect(r.stdout).toContain("校验结果：错误0项，警告0项");
    expect(r.stdout).toContain("可以上报：2013年 表1–表4 齐全，没有错误，没有警告。");
    expect(r.stdout).not.toContain("【待核】");
    expect(r.stdout).toContain("【表1 党员发展 2013】无问题");
    expect(r.stdout).toMatch(
      /表1\s+发展预备党员\s+49\s+43\s+\+6\s+14\.0%\s+比上年增加6人，增长14\.0%/
    );
    expect(r.stdout).toContain("　　全年培训入党积极分子264人");
    expect(r.stdout).toContain(
      "发展预备党员49人，比上年增加6人，增长14.0%，其中教工党员18人，学生党员31人"
    );
    expect(sha(CLEAN)).toBe(before); // the input is never modified
  });

  it("shows progress on stderr only when it is a terminal, and clears it", async () => {
    const tty = await cliWith({ tty: true }, "check", CLEAN, "--json");
    expect(tty.stderr).toContain("正在读取 bureau-stats-2013.xlsx");
    expect(tty.stderr).toContain("正在校验、比较、起草");
    expect(tty.stderr.endsWith("\r\x1b[K")).toBe(true);
    expect(() => JSON.parse(tty.stdout) as unknown).not.toThrow();
    const pipe = await cliWith({ tty: false }, "check", CLEAN, "--json");
    expect(pipe.stderr).toBe("");
  });

  it("--json prints exactly { outcome: checked, year, previousYear, verdict, issues, comparisons, draft: { text, html, unverified, figures } }", async () => {
    const r = await cli("check", CLEAN, "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(j.outcome).toBe("checked");
    expect(Object.keys(j)).toEqual([
      "outcome",
      "year",
      "previousYear",
      "verdict",
      "issues",
      "comparisons",
      "draft",
    ]);
    expect(j.year).toBe(2013);
    expect(j.previousYear).toBe(2012);
    expect(j.verdict).toEqual({
      ok: true,
      text: "可以上报：2013年 表1–表4 齐全，没有错误，没有警告。",
      missing: [],
      empty: [],
      errors: 0,
      warningsToFix: 0,
      unexplainedWarnings: 0,
      previousYearErrors: 0,
    });
    expect(j.issues).toEqual([]);
    const draft = j.draft as Record<string, unknown>;
    expect(Object.keys(draft)).toEqual(["text", "html", "unverified", "figures"]);
    expect(draft.unverified).toEqual([]);
    expect(draft.html).toContain("仿宋");
    const comparisons = j.comparisons as Array<Record<string, unknown>>;
    expect(Object.keys(comparisons[0] ?? {})).toEqual([
      "sheet",
      "indicator",
      "current",
      "previous",
      "change",
      "pct",
      "text",
      "unverified",
    ]);
    expect(comparisons).toContainEqual({
      sheet: "表1 党员发展 2013",
      indicator: "发展预备党员",
      current: 49,
      previous: 43,
      change: 6,
      pct: 14,
      text: "比上年增加6人，增长14.0%",
      unverified: false,
    });
    expect(comparisons).toContainEqual(
      expect.objectContaining({
        indicator: "三公经费金额",
        current: 186420.5,
        previous: 203880,
        change: -17459.5,
        pct: -8.6,
      })
    );
    expect(comparisons).toContainEqual(
      expect.objectContaining({
        indicator: "来电办结率",
        current: 100,
        previous: 100,
        change: 0,
        pct: null,
        text: "与上年持平",
      })
    );
  });

  it("--approx writes approximate figures in the draft", async () => {
    const r = await cli("check", CLEAN, "--json", "--approx");
    const text = (JSON.parse(r.stdout) as { draft: { text: string } }).draft.text;
    expect(text).toContain("接听来电9200多个，比上年增加520多个");
    // whole 万 as the reference report writes it, and the change in the figure's own style
    expect(text).toContain("发放慰问金7万多元，比上年增加6600元");
    expect(text).toContain("三公经费支出18万多元，比上年减少1万多元");
    expect(text).toContain("行政服务中心办件1万多件");
  });

  it("--wan writes the 同比 table's money in 万元 too, so a row never mixes 元 with 万元", async () => {
    const text = (await cli("check", CLEAN, "--wan")).stdout;
    expect(text).toContain("同比（2013年与2012年；金额单位：万元）");
    const row = text.split("\n").find((l) => l.includes("募集善款金额"))!;
    expect(row).toMatch(
      /募集善款金额\s+30\.14\s+26\.85\s+\+3\.28\s+12\.2%\s+比上年增加3\.28万元，增长12\.2%$/
    );
    const yuan = (await cli("check", CLEAN)).stdout;
    expect(yuan).toContain("同比（2013年与2012年）");
    expect(yuan.split("\n").find((l) => l.includes("募集善款金额"))).toMatch(
      /301370\.00\s+268540\.00\s+\+32830\.00/
    );
  });

  it("has the pane's 报告 options: --wan, --name-year, --headings, --no-compare", async () => {
    const draft = async (...flags: string[]) =>
      (
        JSON.parse((await cli("check", CLEAN, "--json", ...flags)).stdout) as {
          draft: { text: string };
        }
      ).draft.text;
    expect(await draft("--wan")).toContain("募集善款30.14万元，比上年增加3.28万元");
    expect(await draft("--name-year")).toContain("收到来信43件（2012年51件），比上年减少8件");
    const headed = await draft("--headings", "一、");
    expect(headed.split("\n").filter((l) => /^\s*[一二三四]、/.test(l))).toHaveLength(4);
    expect(headed).toContain("一、党员发展情况");
    expect(await draft("--headings=(一)")).toContain("（四）信访咨询办理情况");
    const plain = await draft("--no-compare");
    expect(plain).not.toContain("比上年");
    expect(plain).toContain("发展预备党员49人，其中教工党员18人");
    const bad = await cli("check", CLEAN, "--headings", "三");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--headings 应为 一、 或 （一）");
  });

  it("the mistakes sample: the verdict, the marks, and --json's draft.unverified and comparison flags", async () => {
    const file = path.join(ROOT, "assets", "samples", "bureau-stats-2013-mistakes.xlsx");
    const r = await cli("check", file);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      "暂不能上报（2013年）：19项错误未改正；6项警告需改正；8项警告未在备注中说明。上年（2012年）表有1项错误，本年报告未用到出错的单元格。"
    );
    expect(r.stdout).toContain(
      "报告段落中有33个数字所依据的单元格有错误或未说明的警告，已标注“【待核】”"
    );
    // under the draft: each marked number and why, in words
    const why = r.stdout.slice(r.stdout.indexOf("待核数字（33处，改正或说明后重新校验）"));
    expect(why).toContain(
      "  党员干部轮训培训人数：1852名\n    “表2 培训 2013”第12行：此行与第4行完全相同，未在备注中说明\n"
    );
    expect(why).toContain(
      "    “表3 经费 2013”第15行“金额（元）”：合计行“金额（元）”为701820，各行之和为819420，两者不符\n"
    );
    expect(r.stdout).toMatch(
      /发展预备党员\s+52\s+32\s+\+20\s+62\.5%\s+比上年增加20人，增长62\.5%【待核】/
    );
    expect(r.stdout).toContain("发展预备党员52人【待核】，比上年增加20人，增长62.5%【待核】");
    const j = JSON.parse((await cli("check", file, "--json")).stdout) as JsonReport;
    expect(j.draft.unverified[2]).toEqual({
      sheet: "表1 党员发展 2013",
      cell: "E6",
      text: "52人",
      figure: "发展预备党员",
      sources: ["表1 党员发展 2013!E6", "表1 党员发展 2013!A30", "表1 党员发展 2013!E31"],
      figures: [3],
    });
    expect(j.verdict).toMatchObject({
      errors: 19,
      warningsToFix: 6,
      unexplainedWarnings: 8,
      previousYearErrors: 1,
    });
    // the mark points at the number it marks, which names the same errors
    const marked = j.draft.figures[3];
    expect(marked?.text).toBe("52人");
    expect(j.draft.text.slice(marked?.start, marked?.end)).toBe("52人");
    expect(marked?.unverified).toEqual([
      "表1 党员发展 2013!E6",
      "表1 党员发展 2013!A30",
      "表1 党员发展 2013!E31",
    ]);
    expect(j.comparisons.find((c) => c.indicator === "发展预备党员")?.unverified).toBe(true);
    expect(j.comparisons.find((c) => c.indicator === "来电受理数")?.unverified).toBe(false);
  });

  it("--year picks the year under review (2012 alone has no last year to compare with)", async () => {
    const r = await cli("check", CLEAN, "--year", "2012");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("同比：没有上年的统计表，不作比较。");
    expect(r.stdout).toContain(
      "报告年度：2012年，没有2011年的表，不作同比（2013年的表未校验，可用 --year 选择）。"
    );
    expect(r.stdout).toContain("发展预备党员43人");
  });

  it("--year of a year the files do not hold is an unusable request (exit 2, one line)", async () => {
    const r = await cli("check", CLEAN, "--year", "2015");
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(`${CLEAN}：没有2015年的统计表（表中的年度：2013、2012）`);
  });

  it("--docx saves the draft as a Word document, never over an input", async () => {
    const out = path.join(tmp, "报告.docx");
    const r = await cli("check", CLEAN, "--docx", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已保存 Word 文档");
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const refused = await cli("check", CLEAN, "--docx", CLEAN);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("不能把报告写到表格文件上");
  });

  it("reads this year and last year from separate files, as from one", async () => {
    const y2013 = path.join(tmp, "2013.xlsx");
    const y2012 = path.join(tmp, "2012.xlsx");
    writeFileSync(y2013, await writeTemplateWorkbook(yearSheets(2013)));
    writeFileSync(y2012, await writeTemplateWorkbook(yearSheets(2012)));
    const both = JSON.parse((await cli("check", y2013, y2012, "--json")).stdout) as {
      comparisons: unknown[];
      draft: { text: string };
    };
    const one = JSON.parse((await cli("check", CLEAN, "--json")).stdout) as {
      comparisons: unknown[];
      draft: { text: string };
    };
    expect(both.comparisons).toEqual(one.comparisons);
    expect(both.draft.text).toBe(one.draft.text);
  });

  it("keeps sheets of the same name from two files apart, and reads a file given twice once", async () => {
    const copy = path.join(tmp, "a-copy.xlsx");
    writeFileSync(copy, readFileSync(CLEAN));
    const r = await cli("check", CLEAN, copy);
    expect(r.stdout).toContain("【表1 党员发展 2013】");
    expect(r.stdout).toContain("【表1 党员发展 2013（bureau-stats-2013.xlsx）】");
    // the order is the files' names, whatever folder each is in (/tmp sorts after some clones)
    const late = path.join(tmp, "z-copy.xlsx");
    writeFileSync(late, readFileSync(CLEAN));
    const r2 = await cli("check", late, CLEAN);
    expect(r2.stdout).toContain("【表1 党员发展 2013（z-copy.xlsx）】");
    expect(r2.stdout).not.toContain("（bureau-stats-2013.xlsx）】");
    const twice = await cli("check", CLEAN, CLEAN);
    expect(twice.stdout).toBe((await cli("check", CLEAN)).stdout);
  });
});

describe("unreadable files and bad usage: exit 2 with one line naming the file and the reason", () => {
  const cases: Array<[string, () => string, string]> = [
    ["missing", () => path.join(tmp, "没有这个文件.xlsx"), "找不到文件"],
    ["empty", () => write("empty.xlsx", new Uint8Array()), "文件是空的"],
    [
      "corrupt",
      () => write("corrupt.xlsx", readFileSync(CLEAN).subarray(0, 5000)),
      "文件不完整，可能在传输中损坏",
    ],
    [
      "not .xlsx (text)",
      () => write("notes.xlsx", Buffer.from("单位名称,年末党员数\n昆山中学,132\n")),
      "这是文本（CSV）文件",
    ],
    [
      "old .xls",
      () => write("old.xls", fakeCfb(["Root Entry", "Workbook"])),
      "旧版Excel文件（.xls）",
    ],
    [
      "password-protected",
      () => write("locked.xlsx", fakeCfb(["Root Entry", "EncryptionInfo", "EncryptedPackage"])),
      "文件设有打开密码",
    ],
    ["a folder", () => tmp, "这是文件夹"],
  ];
  function write(name: string, bytes: Uint8Array): string {
    const file = path.join(tmp, name);
    writeFileSync(file, bytes);
    return file;
  }
  it.each(cases)("%s", async (_name, make, reason) => {
    const file = make();
    const r = await cli("check", CLEAN, file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(file);
    expect(lines[0]).toContain(reason);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.each(cases)(
    "%s under --json: a JSON object on stdout too, the same line on stderr",
    async (_name, make, reason) => {
      const file = make();
      const r = await cli("check", CLEAN, file, "--json");
      expect(r.code).toBe(2);
      const out = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(out).toMatchObject({ outcome: "unreadable-file", file });
      expect(out.message).toBe(r.stderr.trimEnd());
      expect(String(out.message)).toContain(reason);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    }
  );

  it("--json: a year not there, an existing .docx, invalid definitions are JSON too", async () => {
    const year = await cli("check", CLEAN, "--year", "2015", "--json");
    expect(year.code).toBe(2);
    expect(JSON.parse(year.stdout)).toEqual({
      outcome: "year-not-found",
      year: 2015,
      found: [2013, 2012],
      files: [CLEAN],
      message: `${CLEAN}：没有2015年的统计表（表中的年度：2013、2012）`,
    });
    const docx = write("exists.docx", new Uint8Array([1]));
    const exists = await cli("check", CLEAN, "--docx", docx, "--json");
    expect(exists.code).toBe(2);
    expect(JSON.parse(exists.stdout)).toMatchObject({
      outcome: "output-exists",
      file: docx,
    });
    const defs = write("坏.json", Buffer.from('{"tables": [{"id": "T5"}]}'));
    const bad = await cli("check", CLEAN, "--definitions", defs, "--json");
    expect(bad.code).toBe(2);
    const out = JSON.parse(bad.stdout) as {
      ok: boolean;
      code: string;
      where: string;
      message: string;
    };
    expect(out).toMatchObject({ outcome: "definitions-invalid", where: "坏.json" });
    expect(out.message.split("\n")[0]).toBe(bad.stderr.split("\n")[0]);
    const missing = await cli("check", CLEAN, "--definitions", path.join(tmp, "无.json"), "--json");
    expect(JSON.parse(missing.stdout)).toMatchObject({ outcome: "unreadable-file" });
  });

  it("--json on a workbook with no data at all: code no-data", async () => {
    const empty = path.join(tmp, "空白.xlsx");
    writeFileSync(empty, buildXlsx({ sheets: [{ name: "S1", xml: "" }] }));
    const r = await cli("check", empty, "--json");
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ outcome: "no-data", files: [empty] });
    expect(r.stderr).toContain("工作簿中没有任何数据");
  });

  it.each([
    [[], "缺少命令"],
    [["check"], "至少一个 .xlsx 文件"],
    [["check", "a.xlsx", "--year", "13"], "四位年度"],
    [["check", "a.xlsx", "--frobnicate"], "不认识选项“--frobnicate”"],
    [["check", "a.xlsx", "--docx"], "--docx 后面缺少参数"],
    [["export", "a.xlsx"], "未知命令“export”"],
    [["template", "out.xlsx"], "--year"],
  ])("usage %j", async (argv, text) => {
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(text);
  });

  it("--help prints the usage and exits 0", async () => {
    const r = await cli("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("bureau-stats check <文件.xlsx>...");
  });
});

describe("arguments", () => {
  it("parses flags in any order, with = too", () => {
    expect(
      parseArgs(["check", "--approx", "a.xlsx", "--year=2013", "b.xlsx", "--docx", "r.docx"])
    ).toEqual({
      command: "check",
      files: ["a.xlsx", "b.xlsx"],
      json: false,
      approx: true,
      wan: false,
      compare: true,
      nameYear: false,
      headings: "none",
      force: false,
      year: 2013,
      docx: "r.docx",
    });
    expect(parseArgs(["template", "t.xlsx", "--year", "2014", "--force"])).toEqual({
      command: "template",
      out: "t.xlsx",
      year: 2014,
      force: true,
    });
    expect(parseArgs(["check", "--", "--odd-name.xlsx"])).toMatchObject({
      files: ["--odd-name.xlsx"],
    });
    expect(() => parseArgs(["template", "a", "b", "--year", "2014"])).toThrow(UsageError);
  });
  it("measures terminal width of Chinese text and shows numbers without float noise", () => {
    expect(displayWidth("表1 ab")).toBe(6);
    expect(displayWidth("（）")).toBe(4);
    expect(showNumber(0.1 + 0.2)).toBe("0.3");
    expect(showNumber(301370.5, { kind: "money" })).toBe("301370.50");
    expect(showNumber(98.5, { kind: "rate" })).toBe("98.5%");
  });
});
