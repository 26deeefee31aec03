/**
 * Validation of a whole workbook (SPEC §1): finds the template sheets, validates each, then runs
 * the cross-sheet rule (T2-04) and, when last year's sheets are present, the cross-year rules
 * (T1-04, T3-03, G-05).
 */
import type { Figure, TableData } from "../figures";
import type { Issue, TemplateId } from "../issues";
import type { WorkbookModel } from "../model";
import { detectTable, type DetectedTable } from "../read/sheet";
import { formatFen, formatTenthsPct } from "../read/numbers";
import { resolveSettings, type Settings } from "../settings";
import { COMPILED_TEMPLATES, settingValues, type CompiledTemplate } from "../templates";
import { makeIssue, quoteSheet } from "./sink";

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

export interface ValidationResult {
  readonly issues: Issue[];
  /** Every template sheet found (this year's and last year's), in workbook order. */
  readonly tables: TableData[];
  readonly currentYear?: number;
  readonly previousYear?: number;
}

/**
 * Validates every template sheet of a workbook.
 * @example validateWorkbook({ sheets: [] }) // { issues: [], tables: [] }
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
  const years = detected.map((d) => d.year).filter((y): y is number => y !== undefined);
  const currentYear = opts.year ?? (years.length > 0 ? Math.max(...years) : undefined);
  const previousYear =
    currentYear !== undefined && years.includes(currentYear - 1) ? currentYear - 1 : undefined;

  const issues: Issue[] = [];
  const values = settingValues(settings);
  const results: TableResult[] = detected.map((d) =>
    validateTable(d, { settings: values, year: d.year ?? currentYear }, issues)
  );

  const pick = (id: TemplateId, year: number | undefined): TableResult | undefined =>
    results.find((r) => r.table.template === id && (r.table.year ?? currentYear) === year) ??
    (year === currentYear
      ? results.find((r) => r.table.template === id && r.table.year === undefined)
      : undefined);
  const figureOf = (
    id: string,
    year: number | undefined
  ): { f: Figure; at: TableResult } | undefined => {
    const template = id.slice(0, 2) as TemplateId;
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
      issues.push(
        makeIssue(rule.id, rule.code, rule.severity, current.table.sheet, loc?.cell ?? "1:1", {
          column: mine.indicator,
          value: showFigure(mine),
          expected: showFigure(other.f),
          explained: loc?.explained ?? false,
          params: {
            other: `${quoteSheet(other.at.table.sheet)}!${otherLoc?.cell ?? ""}`,
            ...(mine.group === undefined ? {} : { group: mine.group }),
          },
        })
      );
    }
    if (previousYear === undefined) continue;
    const previous = pick(t.def.id, previousYear);
    if (!previous) continue;
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
  };
  if (currentYear !== undefined) result.currentYear = currentYear;
  if (previousYear !== undefined) result.previousYear = previousYear;
  return result;
}

/**
 * A figure's value as shown: money in 元, rates in %, counts as is.
 * @example showFigure({ kind: "money", value: 30137000 } as Figure) // "301370"
 */
export function showFigure(f: Pick<Figure, "kind" | "value">): string | number {
  if (f.kind === "money") return formatFen(f.value);
  if (f.kind === "rate") return formatTenthsPct(f.value);
  return f.value;
}
