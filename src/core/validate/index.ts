/**
 * Validation of a whole workbook (SPEC §1): finds the template sheets, validates each, then runs
 * the cross-sheet rule (T2-04) and, when last year's sheets are present, the cross-year rules
 * (T1-04, T3-03, G-05).
 */
import type { Figure, TableData } from "../figures";
import type { Issue, TemplateId } from "../issues";
import type { WorkbookModel } from "../model";
import { detectTable, isTotalLabel, type DetectedTable } from "../read/sheet";
import { isBlankRow } from "./records";
import { sourceOf, withSources } from "./unverified";
import { formatFen, formatTenthsPct } from "../read/numbers";
import { resolveSettings, type Settings } from "../settings";
import { COMPILED_TEMPLATES, settingValues, type CompiledTemplate } from "../templates";
import { makeIssue, makeRuleIssue, quoteSheet, rowAddress } from "./sink";

export { quoteSheet };
import { validateTable, type TableResult } from "./table";

export { ratioTenths, pctTenths } from "./figures";

export interface ValidateOptions {
  /** The year under review (default: the largest year found). */
  readonly year?: number;
  readonly settings?: Partial<Settings>;
  /** Templates to look for (default: the four of SPEC §1). */
  readonly templates?: readonly CompiledTemplate[];
}

/** A year the workbook holds tables of. */
export interface YearSummary {
  readonly year: number;
  /** Template sheets of that year. */
  readonly tables: number;
  /** Of those, the ones with at least one data row. */
  readonly withData: number;
}

export interface ValidationResult {
  /** The issues of this year's and last year's sheets. */
  readonly issues: Issue[];
  /** The template sheets of this year and last year (a sheet without a year counts as this year's), in workbook order. */
  readonly tables: TableData[];
  /** Every year found in the workbook, newest first (sheets of other years are neither checked nor used). */
  readonly years: YearSummary[];
  /** The year reported: the one asked for, else the latest year with data (never an empty one when another has data). */
  readonly currentYear?: number;
  readonly previousYear?: number;
}

/** True when a detected table has a data row (a cheap look: stops at the first one). */
function hasDataRows(d: DetectedTable): boolean {
  const mapped = Int32Array.from(Array.from(d.colOf).filter((c) => c >= 0));
  const first = mapped.length > 0 ? Math.min(...mapped) : 0;
  const labels = [0, first, d.colOf[0] ?? -1].filter((c) => c >= 0);
  const rows = d.sheet.values;
  for (let r = d.headerRow + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row || row.length === 0 || isBlankRow(row, mapped)) continue;
    return !labels.some((c) => isTotalLabel(row[c]));
  }
  return false;
}

/**
 * The years found, newest first, with how many tables of each hold data.
 * @example yearSummaries([{ year: 2013, data: true }, { year: 2014, data: false }]) // [{ year: 2014, tables: 1, withData: 0 }, { year: 2013, tables: 1, withData: 1 }]
 */
function yearSummaries(
  found: ReadonlyArray<{ readonly year: number | undefined; readonly data: boolean }>
): YearSummary[] {
  const by = new Map<number, { tables: number; withData: number }>();
  for (const f of found) {
    if (f.year === undefined) continue;
    const s = by.get(f.year) ?? { tables: 0, withData: 0 };
    s.tables++;
    if (f.data) s.withData++;
    by.set(f.year, s);
  }
  return [...by]
    .sort((a, b) => b[0] - a[0])
    .map(([year, s]) => ({ year, tables: s.tables, withData: s.withData }));
}

/**
 * The years a workbook holds template sheets of, newest first — without validating them (the
 * pane asks before inserting templates for a year that exists).
 * @example workbookYears(model) // [{ year: 2013, tables: 4, withData: 4 }, { year: 2012, tables: 4, withData: 4 }]
 */
export function workbookYears(
  wb: WorkbookModel,
  templates: readonly CompiledTemplate[] = COMPILED_TEMPLATES
): YearSummary[] {
  const found: { year: number | undefined; data: boolean }[] = [];
  for (const sheet of wb.sheets ?? []) {
    if (!sheet || !Array.isArray(sheet.values)) continue;
    const d = detectTable(sheet, templates);
    if (d) found.push({ year: d.year, data: hasDataRows(d) });
  }
  return yearSummaries(found);
}

/**
 * Validates every template sheet of a workbook.
 * @example validateWorkbook({ sheets: [] }) // { issues: [], tables: [], years: [] }
 */
export function validateWorkbook(wb: WorkbookModel, opts: ValidateOptions = {}): ValidationResult {
  const settings = resolveSettings(opts.settings);
  const templates = opts.templates ?? COMPILED_TEMPLATES;
  const detected: DetectedTable[] = [];
  for (const sheet of wb.sheets ?? []) {
    // a host may hand over anything: a sheet without a grid holds no template
    if (!sheet || !Array.isArray(sheet.values)) continue;
    const d = detectTable(sheet, templates);
    if (d) detected.push(d);
  }
  const summaries = yearSummaries(detected.map((d) => ({ year: d.year, data: hasDataRows(d) })));
  const years = summaries.map((s) => s.year);
  const currentYear =
    opts.year ?? summaries.find((s) => s.withData > 0)?.year ?? summaries[0]?.year;
  const previousYear =
    currentYear !== undefined && years.includes(currentYear - 1) ? currentYear - 1 : undefined;
  const inScope = (year: number | undefined): boolean =>
    (year ?? currentYear) === currentYear || (previousYear !== undefined && year === previousYear);

  const issues: Issue[] = [];
  const values = settingValues(settings);
  const results: TableResult[] = detected
    .filter((d) => inScope(d.year))
    .map((d) => validateTable(d, { settings: values, year: d.year ?? currentYear }, issues));

  // G-07: the same template twice for one year — which of the two is the report is unknown
  const firstOf = new Map<string, TableResult>();
  for (const r of results) {
    const key = `${r.table.template}/${r.table.year ?? currentYear ?? ""}`;
    const first = firstOf.get(key);
    if (!first) {
      firstOf.set(key, r);
      continue;
    }
    const year = r.table.year ?? currentYear;
    const issue = makeIssue(
      "G-07",
      "duplicate-table",
      "error",
      r.table.sheet,
      rowAddress(r.detected.headerRow),
      {
        value: r.table.title,
        params: { other: first.table.sheet, year: year === undefined ? "同一" : `${year}` },
      }
    );
    issues.push(issue);
    for (const t of [first, r])
      t.figures.splice(
        0,
        t.figures.length,
        ...t.figures.map((f) => withSources(f, [sourceOf(issue)]))
      );
  }

  const pick = (id: TemplateId, year: number | undefined): TableResult | undefined =>
    results.find((r) => r.table.template === id && (r.table.year ?? currentYear) === year) ??
    (year === currentYear
      ? results.find((r) => r.table.template === id && r.table.year === undefined)
      : undefined);
  const figureOf = (
    id: string,
    year: number | undefined
  ): { f: Figure; at: TableResult } | undefined => {
    const template: TemplateId = id.slice(0, id.indexOf("/"));
    const at = pick(template, year);
    const f = at?.table.figures.find((x) => x.id === id);
    return f && at ? { f, at } : undefined;
  };

  for (const t of templates) {
    const current = pick(t.def.id, currentYear);
    if (!current) continue;
    for (const rule of t.namedRules) {
      if (rule.check !== "equalsFigure" && rule.check !== "notAbovePrevious") continue;
      const figure = String(rule.params.figure);
      const mine = current.table.figures.find((f) => f.id === figure);
      if (!mine) continue;
      const otherId = String(
        rule.check === "equalsFigure" ? rule.params.other : rule.params.previous
      );
      const other = figureOf(otherId, rule.check === "equalsFigure" ? currentYear : previousYear);
      if (!other || (rule.check === "notAbovePrevious" && previousYear === undefined)) continue;
      const fails =
        rule.check === "equalsFigure" ? mine.value !== other.f.value : mine.value > other.f.value;
      if (!fails) continue;
      const loc = current.locations.get(mine.id);
      const otherLoc = other.at.locations.get(other.f.id);
      const issue = makeRuleIssue(
        rule.id,
        rule.code,
        rule.severity,
        current.table.sheet,
        loc?.cell ?? "1:1",
        {
          column: mine.indicator,
          value: showFigure(mine),
          expected: showFigure(other.f),
          explained: loc?.explained ?? false,
          params: {
            other: `${quoteSheet(other.at.table.sheet)}!${otherLoc?.cell ?? ""}`,
            ...(mine.group === undefined ? {} : { group: mine.group }),
          },
        }
      );
      issues.push(issue);
      // a cross-sheet error leaves both figures unverified
      if (issue.severity === "error")
        for (const [at, id] of [
          [current, mine.id],
          [other.at, other.f.id],
        ] as const) {
          const i = at.figures.findIndex((f) => f.id === id);
          if (i >= 0) at.figures[i] = withSources(at.figures[i] as Figure, [sourceOf(issue)]);
        }
    }
    if (previousYear === undefined) continue;
    const previous = pick(t.def.id, previousYear);
    if (!previous) continue;
    // G-08: a unit (计量单位) changed between the years: no comparison can be made of it
    const unitsSeen = new Set<string>();
    for (const f of current.table.figures) {
      if (f.kind !== "count") continue;
      const last = previous.table.figures.find((x) => x.id === f.id);
      if (!last || last.unit === f.unit || unitsSeen.has(f.group ?? "")) continue;
      unitsSeen.add(f.group ?? "");
      const loc = current.locations.get(f.id);
      issues.push(
        makeIssue("G-08", "unit-changed", "warning", current.table.sheet, loc?.cell ?? "1:1", {
          column: f.indicator,
          value: f.unit,
          expected: last.unit,
          explained: loc?.explained ?? false,
          params: { previousYear, group: f.group ?? "" },
        })
      );
    }
    for (const f of current.table.figures) {
      if (!f.headline) continue;
      const last = previous.table.figures.find((x) => x.id === f.id);
      if (!last) continue;
      const base = f.kind === "money" ? settings.changeMinBase * 100 : settings.changeMinBase;
      if (last.value < base || last.value <= 0) continue;
      const change = Math.abs(f.value - last.value);
      if (change * 100 <= settings.changeThresholdPct * last.value) continue;
      const loc = current.locations.get(f.id);
      // shown only (the comparison module computes the exact percentage for texts)
      const pct = Math.round((change / last.value) * 1000) / 10;
      issues.push(
        makeIssue("G-05", "large-change", "warning", current.table.sheet, loc?.cell ?? "1:1", {
          column: f.indicator,
          value: showFigure(f),
          expected: showFigure(last),
          explained: loc?.explained ?? false,
          params: {
            pct,
            direction: f.value > last.value ? "增长" : "下降",
            threshold: settings.changeThresholdPct,
            previousYear,
            ...(f.group === undefined ? {} : { group: f.group }),
          },
        })
      );
    }
  }

  const result: { -readonly [K in keyof ValidationResult]: ValidationResult[K] } = {
    issues,
    tables: results.map((r) => r.table),
    years: summaries,
  };
  if (currentYear !== undefined) result.currentYear = currentYear;
  if (previousYear !== undefined) result.previousYear = previousYear;
  return result;
}

/**
 * A figure's value as shown: money in 元, rates in %, counts as is.
 * @example showFigure({ kind: "money", value: 30137000 } as Figure) // "301370"
 */
function showFigure(f: Pick<Figure, "kind" | "value">): string | number {
  if (f.kind === "money") return formatFen(f.value);
  if (f.kind === "rate") return formatTenthsPct(f.value);
  return f.value;
}
