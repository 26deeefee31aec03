/**
 * A figure over several years (历年变化; wording: docs/wording.md, Series over years), on exact
 * integers like the 同比 comparison (`yoy.ts`): counts as is, money in fen, rates in tenths of a
 * percent.
 *
 * Every year from the first given to the last is a year of the series. A year not given, given
 * blank (or with a value that is not an exact integer), or given twice with two different values
 * is a **gap**: a series with a gap computes no run, no average and no comparison with its first
 * year (its `gaps` say which years are missing instead), so nothing is ever averaged over a
 * missing year.
 *
 * The average growth (年均增长) is the compound one, `(last ÷ first)^(1 ÷ years) − 1` with
 * `years = last year − first year`, never the mean of the yearly rates; its displayed tenths of a
 * percent are rounded half up (away from zero) exactly, by comparing integer powers, so no
 * floating-point root decides a digit of the text.
 */
import type { FigureKind } from "../figures";
import { isExactInteger } from "./numbers";
import { yoyChange, type ChangeDirection, type YoyChange } from "./yoy";

/** One year's value as read: undefined (or not an exact integer) is blank. */
export interface SeriesPoint {
  readonly year: number;
  readonly value: number | undefined;
}

/** Why a year of the series has no value. */
export type SeriesGapReason = "missing" | "blank" | "twice";

export interface SeriesGap {
  readonly year: number;
  /** `missing`: the year is not given; `blank`: no exact integer; `twice`: two different values. */
  readonly reason: SeriesGapReason;
  /** For `twice`: the values given, in the order given. */
  readonly values?: readonly number[];
}

/** From one year to the next. */
export interface SeriesStep {
  readonly fromYear: number;
  readonly year: number;
  /** `year`'s value − `fromYear`'s, in the kind's scale; undefined when either is a gap. */
  readonly change: number | undefined;
  readonly direction: ChangeDirection | undefined;
  /**
   * Percentage change in tenths of a percent, rounded half up as the 同比 clause rounds it;
   * undefined when either year is a gap, the base is zero or negative, or for a rate.
   */
  readonly pctTenths: number | undefined;
}

/** The latest run of increases or decreases: the steps that end at the last year. */
export interface SeriesRun {
  readonly direction: "up" | "down";
  /** How many yearly steps (连续3年增长: 3), at least 2. */
  readonly steps: number;
  /** The year the run starts from (3 steps ending in 2013: 2010). */
  readonly fromYear: number;
}

/** The compound average growth per year. */
export interface SeriesAverage {
  /** `(last ÷ first)^(1 ÷ years) − 1`, as a fraction (0.082 = 8.2%), for calculation only. */
  readonly rate: number;
  /** The displayed rate in tenths of a percent (82 = 8.2%), rounded half up exactly. */
  readonly tenths: number;
  /** last year − first year. */
  readonly years: number;
}

export interface Series {
  readonly kind: FigureKind;
  /** The first and last years given (undefined for no points). */
  readonly firstYear: number | undefined;
  readonly lastYear: number | undefined;
  /** Every year from the first to the last, in order, with its value (undefined for a gap). */
  readonly values: readonly SeriesPoint[];
  /** One step per year after the first. */
  readonly steps: readonly SeriesStep[];
  /** The years with no value, in order; when any, none of the three below is computed. */
  readonly gaps: readonly SeriesGap[];
  /** The latest run of at least 2 increases (or decreases) ending at the last year. */
  readonly run: SeriesRun | undefined;
  /** The compound average growth; undefined for a rate, a zero or negative end, a span of 0. */
  readonly average: SeriesAverage | undefined;
  /** The last year compared with the first (`previous` is the first year's value). */
  readonly fromFirst: YoyChange | undefined;
}

/** The longest span of years a series covers (a guard against a mistyped year such as 20013). */
export const MAX_SERIES_YEARS = 200;

/**
 * Points for consecutive years from `firstYear` (undefined for a blank year).
 * @example yearPoints(2010, [3, undefined]) // [{ year: 2010, value: 3 }, { year: 2011, value: undefined }]
 */
export function yearPoints(
  firstYear: number,
  values: readonly (number | undefined)[]
): SeriesPoint[] {
  return values.map((value, i) => ({ year: firstYear + i, value }));
}

/**
 * The value of each year from the first to the last given, and the gaps.
 * @example seriesValues([{ year: 2012, value: 5 }, { year: 2010, value: 3 }]).values.map((p) => p.year) // [2010, 2011, 2012]
 * @example seriesValues([{ year: 2010, value: 3 }, { year: 2012, value: 5 }]).gaps // [{ year: 2011, reason: "missing" }]
 */
export function seriesValues(points: readonly SeriesPoint[]): {
  values: SeriesPoint[];
  gaps: SeriesGap[];
} {
  const byYear = new Map<number, (number | undefined)[]>();
  for (const p of points) {
    if (!Number.isSafeInteger(p.year)) throw new RangeError(`series: 年份应为整数（${p.year}）`);
    const list = byYear.get(p.year) ?? [];
    list.push(isExactInteger(p.value) ? p.value : undefined);
    byYear.set(p.year, list);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const first = years[0];
  const last = years.at(-1);
  const values: SeriesPoint[] = [];
  const gaps: SeriesGap[] = [];
  if (first === undefined || last === undefined) return { values, gaps };
  if (last - first >= MAX_SERIES_YEARS)
    throw new RangeError(`series: 年份跨度过大（${first}–${last}）`);
  for (let year = first; year <= last; year++) {
    const given = byYear.get(year);
    const distinct = [...new Set((given ?? []).filter((v) => v !== undefined))];
    if (!given) gaps.push({ year, reason: "missing" });
    else if (distinct.length > 1) gaps.push({ year, reason: "twice", values: distinct });
    else if (distinct.length === 0) gaps.push({ year, reason: "blank" });
    values.push({ year, value: distinct.length === 1 ? distinct[0] : undefined });
  }
  return { values, gaps };
}

/**
 * The latest run: the steps ending at the last one that go the same way (持平 breaks it).
 * @example latestRun(series(yearPoints(2010, [9, 8, 9, 10]), "count").steps) // { direction: "up", steps: 2, fromYear: 2011 }
 * @example latestRun(series(yearPoints(2010, [8, 9, 9, 10]), "count").steps) // undefined (持平 in 2012)
 */
export function latestRun(steps: readonly SeriesStep[]): SeriesRun | undefined {
  const direction = steps.at(-1)?.direction;
  if (direction !== "up" && direction !== "down") return undefined;
  let count = 0;
  while (count < steps.length && steps[steps.length - 1 - count]?.direction === direction) count++;
  const start = steps[steps.length - count];
  return count >= 2 && start ? { direction, steps: count, fromYear: start.fromYear } : undefined;
}

const ZERO = BigInt(0);
const ONE = BigInt(1);
const TWO = BigInt(2);
const LOW = BigInt(1999);
const HIGH = BigInt(2001);
const SCALE = BigInt(2000);
const FLOOR = BigInt(-1000);

/**
 * The compound average growth `(last ÷ first)^(1 ÷ years) − 1` in tenths of a percent, rounded
 * half up (away from zero) exactly: the float estimate is checked against the rounding bounds
 * with integer powers (`(1999 + 2t)^years × first ≤ last × 2000^years` means the rate is at least
 * `t − 0.5` tenths). Undefined when either end is not a positive integer or `years` is not ≥ 1.
 * @example averageTenths(100, 121, 2)  // 100   (10.0%: 100 → 110 → 121)
 * @example averageTenths(43, 49, 1)    // 140   (14.0%, the 同比 rate)
 * @example averageTenths(100, 81, 2)   // -100  (−10.0%)
 * @example averageTenths(0, 12, 3)     // undefined
 */
export function averageTenths(first: number, last: number, years: number): number | undefined {
  if (!isExactInteger(first) || !isExactInteger(last) || !Number.isSafeInteger(years))
    return undefined;
  if (first <= 0 || last <= 0 || years < 1) return undefined;
  const n = BigInt(years);
  const f = BigInt(first);
  const target = BigInt(last) * SCALE ** n;
  /** base^years × first, the left side of the bounds. */
  const side = (base: bigint): bigint => base ** n * f;
  const estimate = Math.round((Math.pow(last / first, 1 / years) - 1) * 1000);
  if (last >= first) {
    // the largest t ≥ 0 with rate ≥ (t − 0.5) tenths (t = 0 always is: last ≥ first)
    let t = BigInt(Math.max(estimate, 0));
    while (t > ZERO && side(LOW + TWO * t) > target) t -= ONE;
    while (side(HIGH + TWO * t) <= target) t += ONE;
    return Number(t);
  }
  // the smallest t ≤ 0 with rate ≤ (t + 0.5) tenths: a tie goes away from zero
  let t = BigInt(Math.min(Math.max(estimate, -1000), 0));
  while (t < ZERO && side(HIGH + TWO * t) < target) t += ONE;
  while (t > FLOOR && side(LOW + TWO * t) >= target) t -= ONE;
  return Number(t);
}

/**
 * A figure over the years: its values, steps and gaps, and (with no gap) its latest run, its
 * compound average growth and its change since the first year.
 * @example series([{ year: 2010, value: 100 }, { year: 2011, value: 110 }, { year: 2012, value: 121 }], "count").average?.tenths // 100 (年均增长10.0%)
 * @example series([{ year: 2010, value: 100 }, { year: 2011, value: 110 }, { year: 2012, value: 121 }], "count").run // { direction: "up", steps: 2, fromYear: 2010 }
 * @example series([{ year: 2010, value: 3 }, { year: 2012, value: 5 }], "count").run // undefined (2011 is missing)
 */
export function series(points: readonly SeriesPoint[], kind: FigureKind): Series {
  const { values, gaps } = seriesValues(points);
  const steps: SeriesStep[] = [];
  for (let i = 1; i < values.length; i++) {
    const from = values[i - 1];
    const to = values[i];
    if (!from || !to) continue;
    const change = to.value === undefined ? undefined : yoyChange(to.value, from.value, kind);
    steps.push({
      fromYear: from.year,
      year: to.year,
      change: change?.change,
      direction: change?.direction,
      pctTenths: change?.pctTenths ?? undefined,
    });
  }
  const first = values[0];
  const last = values.at(-1);
  const whole = gaps.length === 0 && first !== undefined && last !== undefined && steps.length > 0;
  let average: SeriesAverage | undefined;
  let fromFirst: YoyChange | undefined;
  if (whole && first.value !== undefined && last.value !== undefined) {
    fromFirst = yoyChange(last.value, first.value, kind);
    const years = last.year - first.year;
    const tenths = kind === "rate" ? undefined : averageTenths(first.value, last.value, years);
    if (tenths !== undefined)
      average = { rate: Math.pow(last.value / first.value, 1 / years) - 1, tenths, years };
  }
  return {
    kind,
    firstYear: first?.year,
    lastYear: last?.year,
    values,
    steps,
    gaps,
    run: whole ? latestRun(steps) : undefined,
    average,
    fromFirst,
  };
}
