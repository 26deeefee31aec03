/**
 * Checks of a figure over years (docs/wording.md, Series over years), shaped like the validator's
 * issues (`issues.ts`): each tagged by a `code`, with the values its message needs in `params`;
 * the Chinese wording is apart, in `SERIES_MESSAGES`, filled by `seriesIssueMessage`. They are not
 * yet run by the validator.
 *
 * - `series-decrease` (error): a figure declared never decreasing (a cumulative figure) decreases
 *   from one year to the next.
 * - `series-jump` (warning): with 4 years or more and no gap, a yearly change more than 3 times
 *   the median size of the other years' changes (the plausibility warning over years, as G-05 is
 *   over one year). When the other changes' median is 0 there is no scale to compare with and no
 *   warning: a jump from a flat series is G-05's.
 * - `series-year-missing`, `series-year-blank`, `series-year-twice` (warning): a gap, which
 *   leaves the series without run, average or comparison with its first year.
 * - `series-table-missing` (warning): the validator's, once for a table the workbook lacks in
 *   some years, instead of a `series-year-missing` for each of its figures and years.
 */
import type { SeriesIssueCode, SeriesIssueParams, Severity } from "../issues";
import { formatValue, type MoneyUnit, roundHalfUp } from "./numbers";
import type { Series, SeriesGapReason, SeriesStep } from "./series";
import { changeAmount, yoyChange } from "./yoy";

/** The figure a series is of, as its messages name it. */
export interface SeriesFigure {
  /** `年末党员数`, `慰问金金额`. */
  readonly label: string;
  /** The count's unit (`人`); ignored for money and rates. */
  readonly unit: string;
  readonly moneyUnit?: MoneyUnit;
}

export type { SeriesIssueCode, SeriesIssueParams };

/** An issue about a figure over years: `year` is the year it is about, `params` typed by `code`. */
export type SeriesIssue = {
  readonly [C in SeriesIssueCode]: {
    readonly code: C;
    readonly severity: Severity;
    readonly year: number;
    readonly params: SeriesIssueParams[C];
  };
}[SeriesIssueCode];

/** The wording of each code: what is wrong, then what to check (docs/messages.md). */
export const SERIES_MESSAGES: Readonly<Record<SeriesIssueCode, string>> = Object.freeze({
  "series-decrease":
    "“{label}”是只增不减的累计数，{year}年为{value}，比{previousYear}年的{previous}减少{change}。请核实这两年的数。",
  "series-jump":
    "“{label}”{year}年为{value}，{previousYear}年为{previous}，{direction}{change}，超过其他年份变动中位数{median}的{factor}倍，变动较大。请核实，并在备注中说明原因。",
  "series-year-missing": "“{label}”缺少{year}年的数，无法计算历年变化。请补上{year}年的数。",
  "series-year-blank":
    "“{label}”{year}年的数为空白或无法读取，无法计算历年变化。请填写{year}年的数。",
  "series-year-twice":
    "“{label}”{year}年有两个不同的数（{values}），无法计算历年变化。请只保留正确的一个。",
  "series-table-missing":
    "工作簿中没有{years}的{table}，这几年的历年变化无法计算。请把这几年的表复制到本工作簿，或选择较晚的历年起始年度。",
});

/**
 * The Chinese message of a series issue.
 * @example seriesIssueMessage({ code: "series-year-missing", severity: "warning", year: 2011, params: { label: "年末党员数" } }) // "“年末党员数”缺少2011年的数，无法计算历年变化。请补上2011年的数。"
 */
export function seriesIssueMessage(issue: SeriesIssue): string {
  const params: Readonly<Record<string, string | number>> = { ...issue.params, year: issue.year };
  return SERIES_MESSAGES[issue.code].replace(/\{([^{}]+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole
  );
}

/**
 * A value of the series written with its unit.
 * @example written(series(yearPoints(2010, [9236]), "count"), 9236, { label: "", unit: "个" }) // "9236个"
 */
function written(s: Series, value: number, figure: SeriesFigure): string {
  return formatValue(value, { kind: s.kind, unit: figure.unit, moneyUnit: figure.moneyUnit });
}

/**
 * The values of a step as its messages write them: both years' values and the size of the change.
 * @example stepValues(s, s.steps[1], { label: "年末党员数", unit: "人" }) // with s = series(yearPoints(2011, [120, 131, 128]), "count"):
 * // { label: "年末党员数", previousYear: 2012, previous: "131人", value: "128人", change: "3人" }
 */
function stepValues(s: Series, step: SeriesStep, figure: SeriesFigure) {
  const value = s.values.find((p) => p.year === step.year)?.value;
  const previous = s.values.find((p) => p.year === step.fromYear)?.value;
  const change = value === undefined ? undefined : yoyChange(value, previous, s.kind);
  if (value === undefined || previous === undefined || !change) return undefined;
  return {
    label: figure.label,
    previousYear: step.fromYear,
    previous: written(s, previous, figure),
    value: written(s, value, figure),
    change: changeAmount(change, figure),
  };
}

/**
 * A never-decreasing (cumulative) figure that decreases: one error per decreasing step between
 * two years with values (a gap does not hide the other steps).
 * @example cumulativeDecreases(series(yearPoints(2011, [120, 131, 128]), "count"), { label: "累计培训人数", unit: "人" })[0].params.change // "3人"
 */
export function cumulativeDecreases(s: Series, figure: SeriesFigure): SeriesIssue[] {
  const out: SeriesIssue[] = [];
  for (const step of s.steps) {
    if (step.direction !== "down") continue;
    const params = stepValues(s, step, figure);
    if (params) out.push({ code: "series-decrease", severity: "error", year: step.year, params });
  }
  return out;
}

/**
 * The median of the sizes of changes, doubled (to stay in integers: the median of an even count is
 * the mean of the middle two), and as written in a message (half a unit rounded half up).
 * @example medianOfSizes([1n, 1n, 2n, 2n]) // { twice: 3n, shown: 2 }
 * @example medianOfSizes([10n, 8n, 30n])   // { twice: 20n, shown: 10 }
 */
function medianOfSizes(sizes: readonly bigint[]): { twice: bigint; shown: number } {
  const sorted = [...sizes].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? BigInt(0);
  const twice = sorted.length % 2 === 1 ? upper * BigInt(2) : upper + (sorted[mid - 1] ?? upper);
  return { twice, shown: Number(roundHalfUp(twice, BigInt(2))) };
}

/**
 * Yearly changes out of scale: with at least 4 years and no gap, a step whose size is more than
 * `factor` (default 3) times the median size of the OTHER steps; none when that median is 0.
 * @example seriesJumps(series(yearPoints(2010, [100, 110, 118, 190]), "count"), { label: "年末党员数", unit: "人" })[0].year // 2013 (72 > 3 × 9, the median of 10 and 8)
 */
export function seriesJumps(s: Series, figure: SeriesFigure, factor = 3): SeriesIssue[] {
  if (!Number.isSafeInteger(factor) || factor < 1)
    throw new RangeError(`seriesJumps: 倍数应为正整数（${factor}）`);
  if (s.gaps.length > 0 || s.values.length < 4) return [];
  const sizes = s.steps.map((step) => BigInt(Math.abs(step.change ?? 0)));
  const out: SeriesIssue[] = [];
  s.steps.forEach((step, i) => {
    const median = medianOfSizes(sizes.filter((_, j) => j !== i));
    const size = sizes[i] ?? BigInt(0);
    // size > factor × median, with the median doubled to stay in integers
    if (median.twice === BigInt(0) || size * BigInt(2) <= BigInt(factor) * median.twice) return;
    const params = stepValues(s, step, figure);
    if (!params) return;
    const up = step.direction === "up";
    // the median written as a change of its size is (changeAmount: 9人, 0.02元, 0.9个百分点)
    const medianChange = yoyChange(median.shown, 0, s.kind);
    out.push({
      code: "series-jump",
      severity: "warning",
      year: step.year,
      params: {
        ...params,
        direction: s.kind === "rate" ? (up ? "提高" : "降低") : up ? "增加" : "减少",
        median: medianChange ? changeAmount(medianChange, figure) : String(median.shown),
        factor,
      },
    });
  });
  return out;
}

const GAP_CODES = {
  missing: "series-year-missing",
  blank: "series-year-blank",
  twice: "series-year-twice",
} as const satisfies Readonly<Record<SeriesGapReason, SeriesIssueCode>>;

/**
 * One warning per gap, saying which year and why.
 * @example seriesGaps(series([{ year: 2010, value: 3 }, { year: 2012, value: 5 }], "count"), { label: "年末党员数", unit: "人" }) // [{ code: "series-year-missing", severity: "warning", year: 2011, params: { label: "年末党员数" } }]
 */
export function seriesGaps(s: Series, figure: SeriesFigure): SeriesIssue[] {
  return s.gaps.map((gap): SeriesIssue => {
    const code = GAP_CODES[gap.reason];
    const label = figure.label;
    if (code === "series-year-twice") {
      const values = (gap.values ?? []).map((v) => written(s, v, figure)).join("、");
      return { code, severity: "warning", year: gap.year, params: { label, values } };
    }
    return { code, severity: "warning", year: gap.year, params: { label } };
  });
}

/**
 * Every check of a series: its gaps, its decreases when the figure never decreases, its jumps.
 * @example checkSeries(series(yearPoints(2010, [5, 4]), "count"), { label: "累计培训人数", unit: "人", cumulative: true })[0].code // "series-decrease"
 */
export function checkSeries(
  s: Series,
  figure: SeriesFigure & { readonly cumulative?: boolean; readonly factor?: number }
): SeriesIssue[] {
  return [
    ...seriesGaps(s, figure),
    ...(figure.cumulative ? cumulativeDecreases(s, figure) : []),
    ...seriesJumps(s, figure, figure.factor),
  ];
}
