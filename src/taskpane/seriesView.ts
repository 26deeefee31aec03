/**
 * 历年 without the layout: which first years (起始年度) the pane offers, the series grouped for
 * the 同比 tab's 历年 section (a table, then a chart per unit: one scale each), why a year has no
 * value, and the rows the host writes into its 历年 sheet. Pure: no React, no core code.
 */
import type { SeriesRow } from "../hosts/host";
import type { Analysis, SeriesView } from "./engine-types";
import type { FigureSeries } from "../core";

type SeriesGap = FigureSeries["series"]["gaps"][number];

/**
 * The first years the workbook allows: the years it holds tables of before the previous year,
 * oldest first (a series needs at least three years; the previous year alone is the 同比).
 * @example sinceChoices({ currentYear: 2013, years: [{ year: 2013 }, { year: 2012 }, { year: 2010 }] }) // [2010]
 */
export function sinceChoices(
  analysis: Pick<Analysis, "currentYear"> & { readonly years: readonly { readonly year: number }[] }
): number[] {
  const to = analysis.currentYear;
  if (to === undefined) return [];
  return analysis.years
    .map((y) => y.year)
    .filter((y) => y < to - 1)
    .sort((a, b) => a - b);
}

/** The first year chosen, when the workbook still allows it; else none (the 同比 only). */
export function sinceInForce(
  since: number | undefined,
  analysis: Parameters<typeof sinceChoices>[0] | undefined
): number | undefined {
  return since !== undefined && analysis && sinceChoices(analysis).includes(since)
    ? since
    : undefined;
}

/** The unit shown: 元 for money, % for a rate, else the figure's own. */
export function shownUnit(s: Pick<FigureSeries, "kind" | "unit">): string {
  return s.kind === "rate" ? "%" : s.kind === "money" ? "元" : s.unit;
}

/** One chart: the figures of a table in one unit (one scale). */
export interface SeriesChartGroup {
  readonly unit: string;
  readonly kind: FigureSeries["kind"];
  readonly series: readonly FigureSeries[];
}

/** A table's figures over the years: its charts, a unit each, in the order of first appearance. */
export interface SeriesTableGroup {
  readonly sheet: string;
  readonly charts: readonly SeriesChartGroup[];
}

/** The largest value of a figure over the years (0 when it has none). */
function largest(s: FigureSeries): number {
  return Math.max(0, ...s.values.map((v) => v.value ?? 0));
}

/**
 * The figures of one unit cut into charts of like size: largest first, a figure joins the chart
 * whose largest figure is at most ten times its own (年末党员数 1508 and 发展预备党员 49 are not
 * drawn on one scale, where the small one would lie flat on the axis); each chart keeps the
 * figures in the order given.
 */
function bySize(list: readonly FigureSeries[]): FigureSeries[][] {
  const charts: { top: number; series: FigureSeries[] }[] = [];
  for (const s of [...list].sort((a, b) => largest(b) - largest(a))) {
    const max = largest(s);
    const chart = charts.find((c) => max * 10 >= c.top) ?? (max === 0 ? charts.at(-1) : undefined);
    if (chart) chart.series.push(s);
    else charts.push({ top: max, series: [s] });
  }
  return charts.map((c) => list.filter((s) => c.series.includes(s)));
}

/**
 * The series by table (sheet of the report year), then by unit in the order given, then by size
 * (one scale a chart: a chart's figures are within a factor of ten of each other).
 */
export function groupSeries(series: readonly FigureSeries[]): SeriesTableGroup[] {
  const tables = new Map<string, Map<string, FigureSeries[]>>();
  for (const s of series) {
    let units = tables.get(s.sheet);
    if (!units) tables.set(s.sheet, (units = new Map()));
    const key = `${s.kind}/${shownUnit(s)}`;
    const list = units.get(key);
    if (list) list.push(s);
    else units.set(key, [s]);
  }
  return [...tables].map(([sheet, units]) => ({
    sheet,
    charts: [...units.values()].flatMap((list) =>
      bySize(list).map((part) => ({ unit: shownUnit(part[0]!), kind: part[0]!.kind, series: part }))
    ),
  }));
}

/**
 * Why a year has no value, in words.
 * @example gapText({ year: 2010, reason: "missing" }, "count") // "2010年没有这张表"
 * @example gapText({ year: 2012, reason: "twice", values: [70, 71] }, "count") // "2012年有两张这张表，数值不同（70、71）"
 */
export function gapText(gap: SeriesGap, kind: FigureSeries["kind"]): string {
  switch (gap.reason) {
    case "missing":
      return `${gap.year}年没有这张表`;
    case "blank":
      return `${gap.year}年此项未填`;
    case "twice": {
      // the series' scale: money in fen, rates in tenths of a percent
      const scale = kind === "money" ? 100 : kind === "rate" ? 10 : 1;
      const values = (gap.values ?? []).map((v) => String(v / scale)).join("、");
      return `${gap.year}年有两张这张表，数值不同（${values}）`;
    }
  }
}

/**
 * What a figure's wording says, or why there is none: its gaps, and that no growth over the
 * years is worked out across them.
 */
export function seriesNote(s: FigureSeries): string {
  const gaps = s.series.gaps;
  if (gaps.length === 0) return s.text;
  return `${gaps.map((g) => gapText(g, s.kind)).join("；")}，不计算历年增幅。`;
}

/** The rows of the host's 历年 sheet: gaps blank, the note saying why, 【待核】 years named. */
export function toSeriesRows(view: SeriesView): SeriesRow[] {
  return view.series.map((s) => ({
    sheet: s.sheet,
    indicator: s.label,
    unit: shownUnit(s),
    values: s.values.map((v) => v.value ?? null),
    text:
      seriesNote(s) +
      (s.unverifiedYears.length > 0
        ? `【待核】${s.unverifiedYears.map((y) => `${y}年`).join("、")}的数所依据的单元格有错误或未说明的警告`
        : ""),
  }));
}
