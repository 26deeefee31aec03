/**
 * One path from sheet to paragraph: every sample and test workbook goes
 * through the pane's engine (src/taskpane/engine-impl.ts, what the pane and the browser page run)
 * and through `bureau-stats check --json`; both must give the same issues, comparisons and draft
 * (with the same 【待核】 marks), for every year the workbook holds.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeTemplates } from "../../src/hosts/xlsx/template";
import { engine } from "../../src/taskpane/engine-impl";
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from "../../src/taskpane/engine";
import type { JsonReport } from "../../src/cli/output";
import { makeFixtureWorkbook } from "../e2e/fixture";
import { fuzzCases } from "../reliability/fuzz-cases";
import { cli } from "./harness";

const SAMPLES = path.join(__dirname, "../../assets/samples");
const tmp = mkdtempSync(path.join(os.tmpdir(), "bureau-stats-parity-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** What the pane shows, in the CLI's JSON terms. */
function paneReport(bytes: Uint8Array, year: number | undefined, options: ReportOptions) {
  const analysis = engine.analyze(readXlsx(bytes), year);
  const draft = engine.draft(analysis, options);
  return {
    year: analysis.currentYear ?? null,
    previousYear: analysis.previousYear ?? null,
    verdict: analysis.verdict.text,
    issues: analysis.issues.map(({ issue, message }) => ({
      rule: issue.rule,
      severity: issue.severity,
      sheet: issue.sheet,
      cell: issue.cell,
      message,
    })),
    comparisons: analysis.comparisons.map((c) => ({
      sheet: c.sheet,
      indicator: c.label,
      current: c.current,
      previous: c.previous,
      text: c.text,
      unverified: c.unverified,
    })),
    draft: draft.text,
    unverified: draft.unverified.map((u) => `${u.sheet}!${u.cell} ${u.text}`),
    years: analysis.years.map((y) => y.year),
  };
}

async function cliReport(file: string, year: number | undefined, flags: string[]) {
  const r = await cli("check", file, "--json", ...flags, ...(year ? ["--year", String(year)] : []));
  expect(r.code, r.stderr).toBeLessThan(2);
  const j = JSON.parse(r.stdout) as JsonReport;
  return {
    year: j.year,
    previousYear: j.previousYear,
    verdict: j.verdict.text,
    issues: j.issues.map((i) => ({
      rule: i.rule,
      severity: i.severity,
      sheet: i.sheet,
      cell: i.cell,
      message: i.message,
    })),
    comparisons: j.comparisons.map((c) => ({
      sheet: c.sheet,
      indicator: c.indicator,
      current: c.current,
      previous: c.previous,
      text: c.text,
      unverified: c.unverified,
    })),
    draft: j.draft.text,
    unverified: j.draft.unverified.map((u) => `${u.sheet}!${u.cell} ${u.text}`),
  };
}

async function workbooks(): Promise<Array<[string, Uint8Array]>> {
  const list: Array<[string, Uint8Array]> = [
    [
      "bureau-stats-2013.xlsx",
      new Uint8Array(readFileSync(path.join(SAMPLES, "bureau-stats-2013.xlsx"))),
    ],
    [
      "bureau-stats-2013-mistakes.xlsx",
      new Uint8Array(readFileSync(path.join(SAMPLES, "bureau-stats-2013-mistakes.xlsx"))),
    ],
    ["e2e-fixture.xlsx", await makeFixtureWorkbook()],
    ["blank-template-2014.xlsx", await writeTemplates(2014)],
  ];
  // random workbooks of the reliability suite that read (the rest are unreadable files: exit 2)
  for (const c of fuzzCases(20261130, 40, "p")) {
    if (c.kind !== "random") continue;
    try {
      readXlsx(c.bytes);
    } catch {
      continue;
    }
    list.push([`${c.id}.xlsx`, c.bytes]);
  }
  return list;
}

const OPTION_SETS: Array<[string, ReportOptions, string[]]> = [
  ["default", DEFAULT_REPORT_OPTIONS, []],
  [
    "约数, 万元, 注明上年, 一、",
    {
      numberStyle: "approximate",
      moneyInWan: true,
      includeComparison: true,
      nameYear: true,
      headings: "一、",
    },
    ["--approx", "--wan", "--name-year", "--headings", "一、"],
  ],
  [
    "no comparison, （一）",
    { ...DEFAULT_REPORT_OPTIONS, includeComparison: false, headings: "（一）" },
    ["--no-compare", "--headings", "（一）"],
  ],
];

describe("the pane's engine and the command line agree", () => {
  it("on every sample and test workbook, every year, every drafting option", async () => {
    const books = await workbooks();
    expect(books.length).toBeGreaterThan(10);
    let compared = 0;
    for (const [name, bytes] of books) {
      const file = path.join(tmp, name);
      writeFileSync(file, bytes);
      const years = paneReport(bytes, undefined, DEFAULT_REPORT_OPTIONS).years;
      for (const year of [undefined, ...years]) {
        // every option set on the samples and fixtures, the default one on the random workbooks
        const sets = /^p\d+\.xlsx$/.test(name) ? OPTION_SETS.slice(0, 1) : OPTION_SETS;
        for (const [label, options, flags] of sets) {
          const { years: _years, ...pane } = paneReport(bytes, year, options);
          const fromCli = await cliReport(file, year, flags);
          // money comparisons are worded in the unit the drafting option asks for on the CLI;
          // the pane's 同比 tab words them in 元 whatever the 报告 option: compare the rest
          const same = options.moneyInWan ? { ...pane, comparisons: undefined } : pane;
          expect(
            options.moneyInWan ? { ...fromCli, comparisons: undefined } : fromCli,
            `${name} ${year ?? "default"} ${label}`
          ).toEqual(same);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(30);
  }, 240_000);

  it("the mistakes sample really differs from the clean one (the comparison can fail)", async () => {
    const clean = paneReport(
      new Uint8Array(readFileSync(path.join(SAMPLES, "bureau-stats-2013.xlsx"))),
      undefined,
      DEFAULT_REPORT_OPTIONS
    );
    const mistakes = await cliReport(
      path.join(SAMPLES, "bureau-stats-2013-mistakes.xlsx"),
      undefined,
      []
    );
    expect(mistakes.draft).not.toBe(clean.draft);
    expect(mistakes.issues.length).toBe(36);
    expect(mistakes.unverified.length).toBeGreaterThan(0);
  });
});
