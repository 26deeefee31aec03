/**
 * The checks over years (历年, with `since`): each headline figure and rate of the report year's
 * tables over the years from `since` (`compare/figure-series.ts`), and each of its series' issues
 * as an issue of the report year's sheet at the figure's cell, as G-05 places a large change:
 * - G-09 (warning): a year missing, blank or given twice, so the series has no run or average;
 * - G-10 (error): a figure its definition declares `cumulative` that decreases;
 * - G-11 (warning): a yearly change out of scale with the other years' (at least 4 years).
 * The issue's `params.year` is the year it is about. Only one about the report year's value is
 * the report year's (a 备注 explains a jump; one not explained, or a decrease, marks the figure);
 * one about an earlier year is an earlier year's (`analyze.ts` never lets it block).
 */
import type { Issue } from "../issues";
import { explainable } from "../issues";
import { cumulativeFigures, type CompiledDefinition } from "../definitions";
import { figureSeries } from "../compare/figure-series";
import type { SeriesIssueCode } from "../compare/series-checks";
import { makeIssue } from "./sink";
import { markFigure } from "./unverified";
import type { TableResult } from "./table";

/** The generic rule of each code of the checks over years. */
export const SERIES_RULES: Readonly<Record<SeriesIssueCode, string>> = Object.freeze({
  "series-year-missing": "G-09",
  "series-year-blank": "G-09",
  "series-year-twice": "G-09",
  "series-decrease": "G-10",
  "series-jump": "G-11",
  "series-table-missing": "G-09",
});

/**
 * The first year of a series over years, when there is one: before the previous year (a series
 * from the previous year is the 同比 comparison, nothing more).
 * @example seriesStart(2009, 2013) // 2009
 * @example seriesStart(2012, 2013) // undefined
 */
export function seriesStart(
  since: number | undefined,
  currentYear: number | undefined
): number | undefined {
  return since !== undefined && currentYear !== undefined && since < currentYear - 1
    ? since
    : undefined;
}

/**
 * The year an issue of the checks over years is about (undefined for any other issue).
 * @example seriesIssueYear({ code: "series-jump", params: { year: 2011 } }) // 2011
 */
export function seriesIssueYear(issue: Pick<Issue, "code" | "params">): number | undefined {
  if (!Object.hasOwn(SERIES_RULES, issue.code)) return undefined;
  const year = issue.params?.year;
  return typeof year === "number" ? year : undefined;
}

/**
 * Appends the issues of every figure over the years from `since` to `currentYear` (the tables
 * validated: those of the years between are among them).
 */
export function checkOverYears(
  results: readonly TableResult[],
  since: number,
  currentYear: number,
  definitions: readonly CompiledDefinition[],
  issues: Issue[]
): void {
  const all = definitions.map((t) => t.def);
  const found = figureSeries(
    results.map((r) => r.table),
    since,
    currentYear,
    { order: all.map((d) => d.id), cumulative: cumulativeFigures(all) }
  );
  const has = (tableId: string, year: number) =>
    results.some((r) => r.table.tableId === tableId && r.table.year === year);
  // the years a table is absent from the workbook: one issue for the table, none for each figure
  const absent = new Map<string, { current: TableResult; years: Set<number> }>();
  for (const fs of found) {
    const current = results.find(
      (r) => r.table.tableId === fs.tableId && r.table.year === currentYear
    );
    if (!current) continue;
    const loc = current.locations.get(fs.id);
    for (const s of fs.issues) {
      if (s.code === "series-year-missing" && !has(fs.tableId, s.year)) {
        const entry = absent.get(fs.tableId) ?? { current, years: new Set<number>() };
        entry.years.add(s.year);
        absent.set(fs.tableId, entry);
        continue;
      }
      const mine = s.year === currentYear;
      const explained = mine && explainable({ code: s.code }) && (loc?.explained ?? false);
      const issue = makeIssue(
        SERIES_RULES[s.code],
        s.code,
        s.severity,
        fs.sheet,
        loc?.cell ?? "1:1",
        { column: fs.indicator, explained, params: { ...s.params, year: s.year } }
      );
      issues.push(issue);
      if (mine && !explained) markFigure(current.figures, fs.id, issue);
    }
  }
  for (const { current, years } of absent.values()) {
    const sorted = [...years].sort((a, b) => a - b);
    const header = `${current.detected.headerRow + 1}:${current.detected.headerRow + 1}`;
    const { label, name } = current.detected.definition.def;
    const table = name ? `${label}（${name}）` : label;
    issues.push(
      makeIssue("G-09", "series-table-missing", "warning", current.table.sheet, header, {
        params: { table, years: yearsPhrase(sorted), year: sorted[0]! },
      })
    );
  }
}

/**
 * Years in one phrase: a run as a range, else listed.
 * @example yearsPhrase([2009, 2010, 2011]) // "2009–2011年"
 * @example yearsPhrase([2009, 2011])       // "2009年、2011年"
 * @example yearsPhrase([2010])             // "2010年"
 */
export function yearsPhrase(years: readonly number[]): string {
  if (years.length === 1) return `${years[0]}年`;
  const run = years.every((y, i) => i === 0 || y === years[i - 1]! + 1);
  return run ? `${years[0]}–${years.at(-1)}年` : years.map((y) => `${y}年`).join("、");
}
