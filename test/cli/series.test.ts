/**
 * `bureau-stats check … --since`: the series over years (历年) on the five yearly sample workbooks
 * (assets/samples/series/), as text and JSON, and the refusals of a wrong `--since`.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildSeriesSamples } from "../../scripts/make-samples";
import { cli } from "./harness";
import { parseArgs, UsageError } from "../../src/cli/args";
import type { JsonReport, JsonSeries } from "../../src/cli/output";

const SERIES = path.join(__dirname, "..", "..", "assets", "samples", "series");
const FILES = [2009, 2010, 2011, 2012, 2013].map((y) =>
  path.join(SERIES, `bureau-stats-${y}.xlsx`)
);

/** The lines of the 历年 table (from its heading to the blank line after it). */
function seriesTable(stdout: string): string[] {
  const lines = stdout.split("\n");
  const start = lines.findIndex((l) => l.startsWith("历年（"));
  if (start < 0) return [];
  const end = lines.indexOf("", start);
  return lines.slice(start, end < 0 ? undefined : end);
}

describe("the series samples", () => {
  it("are what scripts/make-samples.ts makes, byte for byte", async () => {
    const built = await buildSeriesSamples();
    expect([...built.keys()].sort()).toEqual(readdirSync(SERIES).sort());
    for (const [f, bytes] of built)
      expect(Buffer.from(bytes).equals(readFileSync(path.join(SERIES, f))), f).toBe(true);
  });
});

describe("--since parsing", () => {
  it("reads a 4-digit year (also full-width) into the check's arguments", () => {
    const args = parseArgs(["check", "a.xlsx", "--since", "2009"]);
    expect(args).toMatchObject({ command: "check", since: 2009 });
    expect(parseArgs(["check", "a.xlsx", "--since=２０１０"])).toMatchObject({ since: 2010 });
    expect(parseArgs(["check", "a.xlsx"])).not.toHaveProperty("since");
  });

  it("refuses a year that is not 4 digits, or none, in Chinese", () => {
    expect(() => parseArgs(["check", "a.xlsx", "--since", "09"])).toThrow(
      new UsageError(
        "--since 需要1900–2099之间的四位年度（如2009），收到：“09”。请写出完整的四位年度。"
      )
    );
    expect(() => parseArgs(["check", "a.xlsx", "--since"])).toThrow("--since 后面缺少参数");
    expect(() => parseArgs(["template", "t.xlsx", "--year", "2013", "--since", "2009"])).toThrow(
      "template 不认识选项“--since”"
    );
  });

  it("stops when --since is not before the report year", async () => {
    const r = await cli("check", ...FILES, "--since", "2013");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "历年比较的起始年度2013年不在报告年度2013年之前，无法比较历年变化。请选择2013年之前的年度。\n"
    );
    const json = await cli("check", ...FILES, "--since", "2014", "--json");
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({
      outcome: "since-not-before-year",
      since: 2014,
      year: 2013,
    });
  });
});

describe("check the five yearly samples --since 2009", () => {
  it("reads every year, keeps 2013 as the report year and prints the 历年 table", async () => {
    const r = await cli("check", ...FILES, "--since", "2009");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "找到统计表19张（2013年4张，2012年4张，2011年3张，2010年4张，2009年4张）。\n" +
        "报告年度：2013年，与2012年比较，历年变化自2009年起。"
    );
    const table = seriesTable(r.stdout);
    expect(table[0]).toBe("历年（2009–2013年）");
    expect(table[1]).toMatch(
      /^ {2}表\s+指标\s+2009年\s+2010年\s+2011年\s+2012年\s+2013年\s+比首年\s+年均\s+连续\s+说明$/
    );
    const row = (label: string) =>
      table.find((l) => new RegExp(`^ {2}表\\d\\s+${label}\\s`).test(l));
    // a run of 4 increases
    expect(row("发展预备党员")).toMatch(
      /31\s+36\s+40\s+43\s+49\s+\+58\.1%\s+12\.1%\s+连续4年增长\s+比2009年增长58\.1%，年均增长12\.1%，连续4年增长$/
    );
    // a doubling, and ×2.5
    expect(row("培训入党积极分子")).toMatch(/132\s+170\s+210\s+248\s+264\s+\+100\.0%\s+18\.9%/);
    expect(row("培训入党积极分子")).toContain("比2009年翻了一番");
    expect(row("转正预备党员")).toMatch(
      /\+150\.0%\s+25\.7%\s+—\s+比2009年增长1\.5倍，年均增长25\.7%$/
    );
    // a break: falls in 2011, rises since
    expect(row("评选优秀党员")).toMatch(/50\s+55\s+48\s+52\s+57\s.*连续2年增长\s+比2009年/);
    // a gap: 表3 is missing in 2011
    expect(row("慰问金金额")).toMatch(
      /55930\.00\s+59220\.00\s+—\s+65800\.00\s+72400\.00\s+—\s+—\s+—\s+缺少2011年的数$/
    );
    // a jump in 2013: its value and wording are 【待核】 until a 备注 explains it
    expect(row("网上咨询受理数")).toMatch(/2964\s+3509【待核】\s.*连续4年增长【待核】$/);
  });

  it("lists the checks over years under the report year's sheet, naming the year", async () => {
    const r = await cli("check", ...FILES, "--since", "2009");
    // 表3 is missing in 2011: one line for the table, at its header, not one for each figure
    expect(r.stdout).toMatch(
      /警告 {2}表头 +工作簿中没有2011年的表3（经费情况），这几年的历年变化无法计算。请把这几年的表复制到本工作簿，或选择较晚的历年起始年度。 {2}3:3·G-09\n/
    );
    expect(r.stdout.match(/G-09/g)).toHaveLength(1);
    expect(r.stdout).toMatch(
      /警告 {2}第6行（网上咨询）“受理数” +“网上咨询受理数”2013年为3509件，2012年为2964件，增加545件，超过其他年份变动中位数148件的3倍.*C6·G-11\n/
    );
    // the G-09 is about 2011: only the jump holds up the report year, and the verdict says so
    expect(r.stdout).toContain(
      "暂不能上报（2013年）：1项警告未在备注中说明。另有1项警告是关于往年的表或历年变化的，不影响本年上报。"
    );
  });

  it("gives the series in JSON, the other fields unchanged", async () => {
    const r = await cli("check", ...FILES, "--since", "2009", "--json");
    const j = JSON.parse(r.stdout) as JsonReport;
    // the fields without --since, in their order, with since and series before the draft
    expect(Object.keys(j).join(" ")).toBe(
      "outcome year previousYear verdict issues comparisons since series draft"
    );
    expect(j.year).toBe(2013);
    expect(j.since).toBe(2009);
    const find = (id: string): JsonSeries | undefined => j.series?.find((s) => s.id === id);
    expect(find("T1/发展预备党员")).toEqual({
      id: "T1/发展预备党员",
      table: "表1",
      label: "发展预备党员",
      unit: "人",
      kind: "count",
      values: [31, 36, 40, 43, 49].map((value, i) => ({ year: 2009 + i, value })),
      steps: [
        { fromYear: 2009, year: 2010, change: 5, pct: 16.1 },
        { fromYear: 2010, year: 2011, change: 4, pct: 11.1 },
        { fromYear: 2011, year: 2012, change: 3, pct: 7.5 },
        { fromYear: 2012, year: 2013, change: 6, pct: 14 },
      ],
      gaps: [],
      run: { direction: "up", steps: 4, fromYear: 2009 },
      average: 12.1,
      fromFirst: { year: 2009, change: 18, pct: 58.1 },
      text: "比2009年增长58.1%，年均增长12.1%，连续4年增长",
      unverifiedYears: [],
    });
    const money = find("T3/金额（元）/慰问金");
    expect(money?.values.map((v) => v.value)).toEqual([55930, 59220, null, 65800, 72400]);
    expect(money?.gaps).toEqual([{ year: 2011, reason: "missing" }]);
    expect([money?.run, money?.average, money?.fromFirst, money?.text]).toEqual([
      null,
      null,
      null,
      "",
    ]);
    expect(find("T4/受理数/网上咨询")?.unverifiedYears).toEqual([2013]);
    expect(j.issues.filter((i) => i.rule === "G-09").map((i) => i.message)).toEqual([
      "工作簿中没有2011年的表3（经费情况），这几年的历年变化无法计算。请把这几年的表复制到本工作簿，或选择较晚的历年起始年度。",
    ]);
    expect(j.verdict.unexplainedWarnings).toBe(1);
  });

  it("without --since, prints no 历年 table and leaves the earlier years unread", async () => {
    const r = await cli("check", ...FILES);
    expect(seriesTable(r.stdout)).toEqual([]);
    expect(r.stdout).toContain(
      "报告年度：2013年，与2012年比较（2011年、2010年、2009年的表未校验，可用 --year 选择）。"
    );
    expect(r.stdout).not.toContain("G-09");
    const j = JSON.parse((await cli("check", ...FILES, "--json")).stdout) as JsonReport;
    expect(j).not.toHaveProperty("series");
    expect(j).not.toHaveProperty("since");
  });

  it("names several missing years in one phrase, and compares nothing without 2012", async () => {
    const two = [FILES[0] ?? "", FILES[4] ?? ""];
    const r = await cli("check", ...two, "--since", "2009");
    expect(r.stdout).toContain("报告年度：2013年，没有2012年的表，不作同比，历年变化自2009年起。");
    const row = seriesTable(r.stdout).find((l) => /^ {2}表1\s+发展预备党员\s/.test(l));
    expect(row).toMatch(/31\s+—\s+—\s+—\s+49\s+—\s+—\s+—\s+缺少2010、2011、2012年的数$/);
  });

  it("with --year 2012, the series ends in 2012", async () => {
    const r = await cli("check", ...FILES, "--since", "2009", "--year", "2012");
    expect(seriesTable(r.stdout)[0]).toBe("历年（2009–2012年）");
    expect(r.stdout).toContain("（2013年的表未校验，可用 --year 选择）");
  });
});
