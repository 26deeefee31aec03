import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { cli } from "./harness";
import { mistakeSheets } from "../../scripts/samples/mistakes";
import { buildSamples, mistakeLine } from "../../scripts/make-samples";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { analyzeWorkbook } from "../../src/core/analyze";
import { BUILTIN_DEFINITIONS } from "../../src/core/definitions";

const SAMPLES = path.join(__dirname, "..", "..", "assets", "samples");
const MISTAKES_FILE = path.join(SAMPLES, "bureau-stats-2013-mistakes.xlsx");

interface JsonIssue {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  message: string;
  explained: boolean;
}

describe("the mistakes sample", () => {
  const { mistakes } = mistakeSheets();
  const readme = readFileSync(path.join(SAMPLES, "README.md"), "utf8");

  it("lists every mistake in the samples README", () => {
    for (const m of mistakes) expect(readme).toContain(mistakeLine(m));
  });

  it("covers every rule of docs/rules.md (every built-in definition's rules and G-01…G-05)", () => {
    const rules = new Set(mistakes.map((m) => m.rule));
    const all = [
      ...new Set(BUILTIN_DEFINITIONS.flatMap((t) => t.rules.map((r) => r.id))),
      "G-01",
      "G-02",
      "G-03",
      "G-04",
      "G-05",
    ];
    expect(all.length).toBeGreaterThanOrEqual(19);
    expect(all.filter((r) => !rules.has(r))).toEqual([]);
  });

  it("bureau-stats check reports each listed mistake at its cell, and nothing else; exit 1", async () => {
    const r = await cli("check", MISTAKES_FILE, "--json");
    expect(r.code).toBe(1);
    const issues = (JSON.parse(r.stdout) as { issues: JsonIssue[] }).issues;
    const key = (x: {
      sheet: string;
      cell: string;
      rule: string;
      severity: string;
      explained?: boolean;
    }): string => `${x.sheet}!${x.cell} ${x.rule} ${x.severity}${x.explained ? " explained" : ""}`;
    const reported = issues.map(key).sort();
    const listed = mistakes.map(key).sort();
    expect(reported).toEqual(listed);
    for (const i of issues) expect(i.message.length).toBeGreaterThan(4);
  });

  it("the text report shows them by sheet: severity, the place in words, the message, then cell and rule", async () => {
    const r = await cli("check", MISTAKES_FILE);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/【表1 党员发展 2013】错误\d+项，警告\d+项/);
    expect(r.stdout).toMatch(
      /错误\s+第6行（昆山市第一中学）“发展预备党员”\s+“发展预备党员”为8，“其中：教工”2与“其中：学生”5之和为7，两者不等。请检查这三个数。\s+E6·T1-01\n/
    );
    expect(r.stdout).toMatch(
      /警告\s+第4行（昆山市教育局机关党总支）“其中：学生”\s+.*已在备注中说明）\s+G4·T1-03\n/
    );
    // the 合计 row and the header named in words; no sheet!cell notation anywhere in the issues
    expect(r.stdout).toMatch(/错误\s+合计行“年末党员数”\s+合计行“年末党员数”为1430/);
    expect(r.stdout).toMatch(/警告\s+表头“经办人”\s+“经办人”不是本表的列/);
    expect(r.stdout).not.toMatch(/'![A-Z]+\d|单元格重复/);
  });
});

describe("the committed samples", () => {
  it("are what scripts/make-samples.ts makes, byte for byte", async () => {
    const built = await buildSamples();
    expect(
      Buffer.from(built.clean).equals(readFileSync(path.join(SAMPLES, "bureau-stats-2013.xlsx")))
    ).toBe(true);
    expect(Buffer.from(built.mistakes).equals(readFileSync(MISTAKES_FILE))).toBe(true);
    expect(built.readme).toBe(readFileSync(path.join(SAMPLES, "README.md"), "utf8"));
    expect(
      Buffer.from(built.other).equals(
        readFileSync(path.join(SAMPLES, "other-bureau", "other-bureau-2013.xlsx"))
      )
    ).toBe(true);
    expect(built.otherDefinitions).toBe(
      readFileSync(path.join(SAMPLES, "other-bureau", "other-bureau-definitions.json"), "utf8")
    );
  });
});

describe("the clean sample", () => {
  it("holds the reference report's 2013 figures", () => {
    const a = analyzeWorkbook(
      readXlsx(new Uint8Array(readFileSync(path.join(SAMPLES, "bureau-stats-2013.xlsx"))))
    );
    expect(a.issues).toEqual([]);
    expect(a.currentYear).toBe(2013);
    expect(a.previousYear).toBe(2012);
    const t1 = a.tables.find((t) => t.tableId === "T1" && t.year === 2013);
    expect(t1?.records).toHaveLength(27);
    const fig = (id: string): number | undefined =>
      a.tables
        .filter((t) => t.year === 2013)
        .flatMap((t) => t.figures)
        .find((f) => f.id === id)?.value;
    expect(fig("T1/培训入党积极分子")).toBe(264);
    expect(fig("T1/发展预备党员")).toBe(49);
    expect(fig("T1/其中：教工")).toBe(18);
    expect(fig("T1/其中：学生")).toBe(31);
    expect(fig("T1/转正预备党员")).toBe(35);
    expect(fig("T1/新党员培训")).toBe(112);
    expect(fig("T1/评选优秀党员")).toBe(57);
    expect(fig("T3/金额（元）/募集善款")).toBe(30137000);
    expect(fig("T4/受理数/网上咨询")).toBe(3509);
    expect(fig("T4/受理数/行政服务中心")).toBe(10591);
    expect(a.draft.text).toContain(
      "发展预备党员49人，比上年增加6人，增长14.0%，其中教工党员18人，学生党员31人；转正预备党员35人"
    );
    expect(a.draft.text).toContain("办理人大代表建议8件、政协委员提案15件，办结率、满意率均达100%");
  });
});

describe("honest samples (the reference report's figures are the only real ones)", () => {
  /**
   * Every number the reference report (《2014 年昆山市教育局党建工作会议工作报告》) gives for
   * 2013: its figures, its year and its 27 units.
   */
  const REFERENCE_REPORT = new Set([
    2013, 27, 264, 49, 18, 31, 35, 112, 57, 900, 320, 69, 19, 2848, 301370, 62, 7, 9200, 730, 3509,
    8, 15, 100, 10591, 2014,
  ]);
  // the figures of a text (a table name such as 表1 is no figure)
  const numbers = (text: string) =>
    (text.replace(/表\d/g, "").match(/\d+(?:\.\d+)?/g) ?? []).map(Number);
  const notes = (file: string) =>
    readXlsx(new Uint8Array(readFileSync(path.join(SAMPLES, file)))).sheets.map((s) => ({
      sheet: s.name,
      note: s.values.flat().find((v): v is string => typeof v === "string" && v.includes("说明：")),
    }));

  it("each 2013 sheet's note says which figures are real, and every one of them is in the reference report", () => {
    for (const { sheet, note } of notes("bureau-stats-2013.xlsx")) {
      if (!sheet.endsWith("2013")) {
        expect(note).toContain("2012 年数据为虚构的示例数据");
        continue;
      }
      const m = /真实数字：(.*)。其余均为虚构的示例数据：(.*)。$/.exec(note ?? "");
      expect(m, sheet).not.toBeNull();
      for (const n of numbers(m![1] as string))
        expect(REFERENCE_REPORT, `${sheet}: ${n}`).toContain(n);
      expect(m![2]!.length).toBeGreaterThan(5);
    }
    const t4 = notes("bureau-stats-2013.xlsx").find((n) => n.sheet === "表4 信访咨询办理 2013");
    expect(t4?.note).toMatch(/虚构的示例数据：.*来信 43 件/); // not a reference figure
  });

  it("the README says the same, table by table, and never calls an invented figure real", () => {
    const readme = readFileSync(path.join(SAMPLES, "README.md"), "utf8");
    const real = [...readme.matchAll(/— real: (.*?)\. \*\*Invented:\*\* (.*?)\.$/gm)];
    expect(real.map((r) => r[0].slice(0, 4))).toHaveLength(4);
    for (const r of real)
      for (const n of numbers(r[1] as string)) expect(REFERENCE_REPORT).toContain(n);
    expect(readme).toMatch(/Invented:\*\*.*来信 43 件/);
  });

  it("every sheet of the mistakes sample says its figures are not statistics", () => {
    const noted = notes("bureau-stats-2013-mistakes.xlsx");
    expect(noted).toHaveLength(8);
    for (const { sheet, note } of noted) expect(note, sheet).toMatch(/^说明：本文件故意填错/);
  });
});

describe("another bureau's sample (its own tables, as data)", () => {
  const file = path.join(SAMPLES, "other-bureau", "other-bureau-2013.xlsx");
  const definitions = path.join(SAMPLES, "other-bureau", "other-bureau-definitions.json");

  it("checks, compares and drafts with its definitions file", async () => {
    const r = await cli("check", file, "--definitions", definitions);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("暂不能上报（2013年）：1项错误未改正。");
    expect(r.stdout).toContain(
      "错误  第5行（区第一中学）“已完成整改数”  已完成整改10项，多于整改项目9项。请核实这两个数。  E5·Q1-01"
    );
    expect(r.stdout).toMatch(
      /表2\s+党组织换届数量\s+12\s+9\s+\+3\s+33\.3%\s+比上年增加3个，增长33\.3%/
    );
    expect(r.stdout).toContain(
      "　　全区参加学习实践活动的党员236人，比上年增加13人，增长5.8%。查找整改项目23项【待核】，与上年持平【待核】，已完成整改23项【待核】。"
    );
    expect(r.stdout).toContain(
      "　　新创建文明单位2个、依法治校示范校3所，完成党组织换届12个，比上年增加3个，增长33.3%。"
    );
    // with the built-in tables, none of its sheets is a table
    expect((await cli("check", file)).stdout).toContain("未找到统计表");
  });

  it("says on every sheet that its figures are invented", () => {
    for (const s of readXlsx(new Uint8Array(readFileSync(file))).sheets) {
      expect(String(s.values[0]?.[0])).toContain("虚构示例数据");
      expect(s.values.flat()).toContain(
        "说明：本表全部数字为虚构的示例数据（另一区教育局的统计表示例），并非真实统计。"
      );
    }
  });
});
