/**
 * Validation of a whole workbook (docs/checks.md): finds the table sheets, validates each (last
 * year's first when a row rule reads `上年(列)`), then runs the rules over figures (across tables,
 * T2-04, and years, T1-04, T3-03: figure-checks.ts) and, when last year's sheets are present,
 * G-08 and G-05; with `since`, the earlier years' sheets too and the checks over years
 * (G-09 … G-11, over-years.ts).
 */
import type { Figure, TableData } from "../figures";
import type { Issue, TableId } from "../issues";
import type { WorkbookModel } from "../model";
import { isNoteLabel, isTotalLabel, type DetectedTable } from "../detect/table";
import { detectTableOnce } from "../detect/once";
import { isBlankRow } from "./records";
import { markFigure, sourceOf, withSources } from "./unverified";
import { resolveSettings, type Settings } from "../settings";
import {
  COMPILED_BUILTINS,
  settingValues,
  type CompiledDefinition,
  type FigureRef,
} from "../definitions";
import { makeIssue, quoteSheet, rowAddress } from "./sink";

export { quoteSheet };
import { validateTable, type TableContext, type TableResult } from "./table";
import { checkFigureRule, showFigure, type FoundFigure } from "./figure-checks";
import { LastYearRows } from "./last-year-rows";
import { checkOverYears, seriesStart } from "./over-years";

export { showFigure };

export { ratioTenths, pctTenths } from "./figures";

export interface ValidateOptions {
  /** The year under review (default: the largest year found). */
  readonly year?: number;
  readonly settings?: Partial<Settings>;
  /** The definitions of the tables to look for (default: the built-ins). */
  readonly definitions?: readonly CompiledDefinition[];
  /**
   * The first year of a series over years (历年): the sheets of every year from it to the report
   * year are validated too, and each headline figure is checked over those years (G-09 … G-11).
   * None, or not before the previous year: the report year and the previous one only.
   */
  readonly since?: number;
}

/** A year the workbook holds tables of. */
export interface YearSummary {
  readonly year: number;
  /** Table sheets of that year. */
  readonly tables: number;
  /** Of those, the ones with at least one data row. */
  readonly withData: number;
}

export interface ValidationResult {
  /** The issues of this year's and last year's sheets. */
  readonly issues: Issue[];
  /** The table sheets of this year and last year (a sheet without a year counts as this year's), in workbook order. */
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
    return !labels.some((c) => isTotalLabel(row[c]) || isNoteLabel(row[c]));
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
 * The years a workbook holds table sheets of, newest first — without validating them (the
 * pane asks before inserting templates for a year that exists).
 * @example workbookYears(model) // [{ year: 2013, tables: 4, withData: 4 }, { year: 2012, tables: 4, withData: 4 }]
 */
export function workbookYears(
  wb: WorkbookModel,
  definitions: readonly CompiledDefinition[] = COMPILED_BUILTINS
): YearSummary[] {
  return yearSummaries(
    detectedTables(wb, definitions).map((d) => ({ year: d.year, data: hasDataRows(d) }))
  );
}

/** The table sheets of a workbook (each detected once: later asks reuse the answer). */
function detectedTables(
  wb: WorkbookModel,
  definitions: readonly CompiledDefinition[]
): DetectedTable[] {
  const detected: DetectedTable[] = [];
  for (const sheet of wb.sheets ?? []) {
    // a host may hand over anything: a sheet without a grid holds no table
    if (!sheet || !Array.isArray(sheet.values)) continue;
    const d = detectTableOnce(sheet, definitions);
    if (d) detected.push(d);
  }
  return detected;
}

/**
 * Validates every table sheet of a workbook.
 * @example validateWorkbook({ sheets: [] }) // { issues: [], tables: [], years: [] }
 */
export function validateWorkbook(wb: WorkbookModel, opts: ValidateOptions = {}): ValidationResult {
  const settings = resolveSettings(opts.settings);
  const definitions = opts.definitions ?? COMPILED_BUILTINS;
  const detected = detectedTables(wb, definitions);
  const summaries = yearSummaries(detected.map((d) => ({ year: d.year, data: hasDataRows(d) })));
  const years = summaries.map((s) => s.year);
  const currentYear =
    opts.year ?? summaries.find((s) => s.withData > 0)?.year ?? summaries[0]?.year;
  const previousYear =
    currentYear !== undefined && years.includes(currentYear - 1) ? currentYear - 1 : undefined;
  const since = seriesStart(opts.since, currentYear);
  const inScope = (year: number | undefined): boolean =>
    (year ?? currentYear) === currentYear ||
    (previousYear !== undefined && year === previousYear) ||
    (since !== undefined &&
      year !== undefined &&
      currentYear !== undefined &&
      year >= since &&
      year < currentYear);

  const issues: Issue[] = [];
  const values = settingValues(settings);
  const results = validateTables(
    detected.filter((d) => inScope(d.year)),
    values,
    currentYear,
    previousYear,
    issues
  );
  duplicateTables(results, currentYear, issues);

  const pick = (id: TableId, year: number | undefined): TableResult | undefined =>
    results.find((r) => r.table.tableId === id && (r.table.year ?? currentYear) === year) ??
    (year === currentYear
      ? results.find((r) => r.table.tableId === id && r.table.year === undefined)
      : undefined);
  const find = (ref: FigureRef): FoundFigure | undefined => {
    const year = ref.previous ? previousYear : currentYear;
    if (year === undefined) return undefined;
    const at = pick(ref.tableId, year);
    const f = at?.table.figures.find((x) => x.id === ref.id);
    return f && at ? { f, at } : undefined;
  };

  for (const t of definitions) {
    const current = pick(t.def.id, currentYear);
    if (!current) continue;
    for (const rule of t.figureRules) checkFigureRule(rule, find, values, issues);
    const previous = previousYear === undefined ? undefined : pick(t.def.id, previousYear);
    if (previous && previousYear !== undefined)
      compareYears(current, previous, previousYear, settings, issues);
  }
  if (since !== undefined && currentYear !== undefined)
    checkOverYears(results, since, currentYear, definitions, issues);

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
 * G-07: the same table twice for one year — which of the two is the report is unknown. The
 * figures of both tables are marked as depending on that issue.
 */
function duplicateTables(
  results: readonly TableResult[],
  currentYear: number | undefined,
  issues: Issue[]
): void {
  const firstOf = new Map<string, TableResult>();
  for (const r of results) {
    const key = `${r.table.tableId}/${r.table.year ?? currentYear ?? ""}`;
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
}

/**
 * One table of this year beside the same table of last year: G-08 (a unit changed, so no
 * comparison can be made of it) and G-05 (a headline figure changed more than the threshold).
 */
function compareYears(
  current: TableResult,
  previous: TableResult,
  previousYear: number,
  settings: Settings,
  issues: Issue[]
): void {
  const unitsSeen = new Set<string>();
  for (const f of current.table.figures) {
    if (f.kind !== "count") continue;
    const last = previous.table.figures.find((x) => x.id === f.id);
    if (!last || last.unit === f.unit || unitsSeen.has(f.group ?? "")) continue;
    unitsSeen.add(f.group ?? "");
    const loc = current.locations.get(f.id);
    markUnlessExplained(
      current,
      f,
      makeIssue("G-08", "unit-changed", "warning", current.table.sheet, loc?.cell ?? "1:1", {
        column: f.indicator,
        value: f.unit,
        expected: last.unit,
        explained: loc?.explained ?? false,
        params: { previousYear, group: f.group ?? "" },
      }),
      issues
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
    markUnlessExplained(
      current,
      f,
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
      }),
      issues
    );
  }
}

/** Appends a warning about figure `f`, which leaves it unverified until 备注 explains it. */
function markUnlessExplained(current: TableResult, f: Figure, issue: Issue, issues: Issue[]): void {
  issues.push(issue);
  if (issue.explained) return;
  markFigure(current.figures, f.id, issue);
}

/**
 * Validates the sheets in scope, appending their issues in workbook order. When a table's row
 * rules read `上年(列)`, last year's sheets are read first and keep their rows for this year's.
 */
function validateTables(
  scoped: readonly DetectedTable[],
  settings: Float64Array,
  currentYear: number | undefined,
  previousYear: number | undefined,
  issues: Issue[]
): TableResult[] {
  const ctx = (d: DetectedTable): TableContext => ({ settings, year: d.year ?? currentYear });
  if (previousYear === undefined || !scoped.some((d) => d.definition.lastYearRows))
    return scoped.map((d) => validateTable(d, ctx(d), issues));
  const isLast = (d: DetectedTable): boolean => d.year === previousYear;
  const kept = new Map<string, LastYearRows>();
  const own: Issue[][] = scoped.map(() => []);
  const results: TableResult[] = new Array<TableResult>(scoped.length);
  const run = (d: DetectedTable, i: number): void => {
    const id = d.definition.def.id;
    let c = ctx(d);
    if (isLast(d) && d.definition.lastYearRows && !kept.has(id)) {
      const keep = new LastYearRows();
      kept.set(id, keep);
      c = { ...c, keep };
    }
    // an earlier year's sheet (a series over years) has no last year's rows to read
    const lastYear = (d.year ?? currentYear) === currentYear ? kept.get(id) : undefined;
    if (lastYear !== undefined) c = { ...c, lastYear };
    results[i] = validateTable(d, c, own[i] as Issue[]);
  };
  for (const lastFirst of [true, false])
    scoped.forEach((d, i) => {
      if (isLast(d) === lastFirst) run(d, i);
    });
  for (const list of own) for (const issue of list) issues.push(issue);
  return results;
}
