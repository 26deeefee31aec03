/**
 * Every figure of the report year's tables over a run of years (历年): the tables of each year
 * from `from` to `to`, paired by figure id as the 同比 comparison pairs two years, each figure's
 * series (`series.ts`) and its wording. The comparison of the report year with the previous one
 * is left as it is; this is extra.
 */
import type { Figure, FigureSource, TableData } from "../figures";
import {
  figureLabel,
  naturalValue,
  orderTables,
  type CompareOptions,
  type Comparison,
} from "./compare";
import { series, type Series, type SeriesPoint } from "./series";
import { checkSeries, type SeriesIssue } from "./series-checks";
import { seriesWording } from "./series-wording";

/** One figure over the years. */
export interface FigureSeries extends Pick<
  Comparison,
  "id" | "tableId" | "sheet" | "indicator" | "group" | "label" | "kind" | "unit"
> {
  readonly headline: boolean;
  /** The series on the kind's integer scale (money in fen, rates in tenths). */
  readonly series: Series;
  /** Each year's value in natural units (money in 元, rates in percent); undefined for a gap. */
  readonly values: readonly { readonly year: number; readonly value: number | undefined }[];
  /** `比2009年增长45.3%，年均增长9.8%，连续3年增长`; empty when the series has a gap. */
  readonly text: string;
  /** The years whose figure depends on a cell with an error (its series phrases are 【待核】). */
  readonly unverifiedYears: readonly number[];
  /** The errors those figures depend on, the latest year's first. */
  readonly sources: readonly FigureSource[];
  /** Gaps, jumps and (for a cumulative figure) decreases. */
  readonly issues: readonly SeriesIssue[];
  /**
   * Each year's figure as read, with its sheet, oldest first (a year with the table twice lists
   * both): where a drafted series phrase comes from.
   */
  readonly figures?: readonly SeriesYearFigure[];
}

/** One year's figure of a series and the sheet it was read from. */
export interface SeriesYearFigure {
  readonly year: number;
  readonly sheet: string;
  readonly figure: Figure;
}

export interface SeriesOptions extends CompareOptions {
  /** Figure ids that never decrease (a 累计 count): a decrease over the years is an error. */
  readonly cumulative?: ReadonlySet<string>;
}

/** The figure of a table of one year, when it is the same kind and unit as the report year's. */
function sameFigure(table: TableData | undefined, like: Figure): Figure | undefined {
  const f = table?.figures.find((x) => x.id === like.id);
  return f && f.kind === like.kind && f.unit === like.unit ? f : undefined;
}

/**
 * The series of every headline figure and rate (or, with `scope: "all"`, every figure) of the
 * report year's (`to`) tables, from `from` to `to`, in the tables' order. A year with no table,
 * or with the figure missing, is a gap of that figure's series; a year with the table twice and
 * two different values is one too.
 * @example figureSeries(tables, 2009, 2013)[0].text // "比2009年增长60.0%，年均增长12.5%，连续4年增长"
 */
export function figureSeries(
  tables: readonly TableData[],
  from: number,
  to: number,
  options: SeriesOptions = {}
): FigureSeries[] {
  const all = options.scope === "all";
  const out: FigureSeries[] = [];
  const current = orderTables(
    tables.filter((t) => t.year === to),
    options.order
  );
  const seen = new Set<string>();
  for (const table of current) {
    // the table twice in the report year is reported (G-07); its series is read once
    if (seen.has(table.tableId)) continue;
    seen.add(table.tableId);
    const byYear = new Map<number, TableData[]>();
    for (const t of tables) {
      if (t.tableId !== table.tableId || t.year === undefined || t.year < from || t.year > to)
        continue;
      byYear.set(t.year, [...(byYear.get(t.year) ?? []), t]);
    }
    for (const figure of table.figures) {
      if (!all && !figure.headline && figure.kind !== "rate") continue;
      const points: SeriesPoint[] = [];
      const unverifiedYears: number[] = [];
      const sources: FigureSource[] = [];
      const yearFigures: SeriesYearFigure[] = [];
      for (let year = to; year >= from; year--) {
        const tablesOfYear = byYear.get(year) ?? [];
        for (const t of tablesOfYear) {
          const f = sameFigure(t, figure);
          if (f) yearFigures.unshift({ year, sheet: t.sheet, figure: f });
        }
        const found = tablesOfYear.map((t) => sameFigure(t, figure));
        if (found.length === 0) continue;
        for (const f of found) {
          // a rate above 100% is an error, never a value of the series
          const rateOk = f === undefined || f.kind !== "rate" || f.value <= 1000;
          points.push({ year, value: f && rateOk ? f.value : undefined });
          if (f?.unverified && f.unverified.length > 0) {
            if (!unverifiedYears.includes(year)) unverifiedYears.push(year);
            sources.push(...f.unverified);
          }
        }
      }
      // every year from `from` is one of the series: a year before the first found is missing
      if (!points.some((p) => p.year === from)) points.push({ year: from, value: undefined });
      const read = series(points, figure.kind);
      // a first year with no table at all is missing (not a blank value)
      const s: Series = byYear.has(from)
        ? read
        : {
            ...read,
            gaps: read.gaps.map((g) => (g.year === from ? { year: from, reason: "missing" } : g)),
          };
      const label = figureLabel(figure);
      const moneyUnit = options.moneyUnit;
      out.push({
        id: figure.id,
        tableId: figure.tableId,
        sheet: table.sheet,
        indicator: figure.indicator,
        ...(figure.group !== undefined ? { group: figure.group } : {}),
        label,
        kind: figure.kind,
        unit: figure.unit,
        headline: figure.headline,
        series: s,
        values: s.values.map((p) => ({
          year: p.year,
          value: p.value === undefined ? undefined : naturalValue(p.value, figure.kind),
        })),
        text: s.gaps.length > 0 ? "" : seriesWording(s, { unit: figure.unit, moneyUnit }),
        unverifiedYears: unverifiedYears.sort((a, b) => a - b),
        sources,
        issues: checkSeries(s, {
          label,
          unit: figure.unit,
          ...(moneyUnit === undefined ? {} : { moneyUnit }),
          cumulative: options.cumulative?.has(figure.id) ?? false,
        }),
        figures: yearFigures,
      });
    }
  }
  return out;
}
