/**
 * Year-on-year change (同比) and its Chinese statistical wording (docs/wording.md), on exact
 * integers.
 *
 * Values come in their figure kind's scale (counts as is, money in fen, rates in tenths of a
 * percent), so the percentage `(本年 − 上年) / 上年 × 100` is computed as a BigInt fraction and
 * rounded half-up to 0.1 once, at the end.
 */
import type { FigureKind } from "../figures";
import {
  formatCount,
  formatMoney,
  formatScaled,
  formatValue,
  isExactInteger,
  roundHalfUp,
  type MoneyUnit,
  type NumberStyle,
} from "./numbers";

export type ChangeDirection = "up" | "down" | "equal";

export interface YoyChange {
  readonly kind: FigureKind;
  /** This year, in the kind's scale. */
  readonly current: number;
  /** Last year, in the kind's scale. */
  readonly previous: number;
  /** current − previous, in the kind's scale. */
  readonly change: number;
  readonly direction: ChangeDirection;
  /**
   * Signed percentage change in tenths of a percent (140 = 14.0%), rounded half-up (away from
   * zero); null for rates (compared in 百分点) and when last year is zero.
   */
  readonly pctTenths: number | null;
  /**
   * When the rounded increase is 100% or more: the net increase in tenths of 倍 (10 → 25: 15 =
   * 1.5倍), else null. Never set for a decrease.
   */
  readonly timesTenths: number | null;
  /** True when this year is an exact multiple of last year (10 → 20: `增长1倍`, not `1.0倍`). */
  readonly timesExact: boolean;
}

/**
 * Compares two values of the same kind. Undefined when last year is missing (no clause at all) or
 * either value is not an exact integer.
 * @example yoyChange(49, 43, "count")  // { change: 6, direction: "up", pctTenths: 140, … }
 * @example yoyChange(25, 10, "count")  // { pctTenths: 1500, timesTenths: 15, timesExact: false, … }
 * @example yoyChange(12, 0, "count")   // { change: 12, pctTenths: null, … }
 * @example yoyChange(985, 973, "rate") // { change: 12, pctTenths: null, … } (1.2 个百分点)
 */
export function yoyChange(
  current: number,
  previous: number | undefined,
  kind: FigureKind
): YoyChange | undefined {
  if (!isExactInteger(current) || !isExactInteger(previous)) return undefined;
  const diff = BigInt(current) - BigInt(previous);
  const change = Number(diff);
  const direction: ChangeDirection = diff > 0 ? "up" : diff < 0 ? "down" : "equal";
  let pctTenths: number | null = null;
  let timesTenths: number | null = null;
  let timesExact = false;
  if (kind !== "rate" && previous > 0) {
    const base = BigInt(previous);
    pctTenths = Number(roundHalfUp(diff * BigInt(1000), base));
    if (pctTenths >= 1000) {
      timesTenths = Number(roundHalfUp(diff * BigInt(10), base));
      timesExact = diff % base === BigInt(0);
    }
  }
  return { kind, current, previous, change, direction, pctTenths, timesTenths, timesExact };
}

/** How a change is worded: the unit of a count, 元 or 万元 for money. */
export interface ChangeFormat {
  /** Unit of a count (`人`, `件` …); ignored for money and rates. */
  readonly unit: string;
  readonly moneyUnit?: MoneyUnit;
  /**
   * The figure's own number style: an approximate figure gets an approximate change of the same
   * magnitude (`7万多元，比上年增加5200多元`, never `…增加5234.5元`). Default exact.
   */
  readonly style?: NumberStyle;
  /** Say `（上年为零）` after an increase from zero (default true; off when the year note says it). */
  readonly zeroNote?: boolean;
  /**
   * Called with each number written (the amount of the change, the growth, last year's value) and
   * what it is; its result is written instead (the draft wraps each number to place it).
   */
  readonly tag?: (text: string, part: NumberPart) => string;
}

/** A number in a comparison clause: the change, the growth (`14.0%`, `1.5倍`), last year's value. */
export type NumberPart = "change" | "percent" | "previous";

const untagged = (text: string): string => text;

/**
 * The size of a change, without sign, with its unit.
 * @example changeAmount(yoyChange(35, 62, "count")!, { unit: "件" })            // "27件"
 * @example changeAmount(yoyChange(61325000, 58075000, "money")!, { unit: "元", moneyUnit: "万元" }) // "3.25万元"
 */
export function changeAmount(change: YoyChange, format: ChangeFormat): string {
  const size = Math.abs(change.change);
  const style = format.style ?? "exact";
  if (change.kind === "money") return formatMoney(size, format.moneyUnit ?? "元", style);
  if (change.kind === "rate") return `${formatScaled(BigInt(size), 1, true)}个百分点`;
  return formatCount(size, format.unit, style);
}

/**
 * The percentage part of a change: `增长14.0%`, `增长1.5倍`, `增长1倍`, `下降18.4%` (never 倍
 * for a decrease); empty when there is none (zero base, rates, no change, or a change too small
 * to show at 0.1%).
 * @example growthWording(yoyChange(20, 10, "count")!) // "增长1倍"
 */
export function growthWording(
  change: YoyChange,
  tag: (text: string, part: NumberPart) => string = untagged
): string {
  // no percentage for a zero base, and none that would read `增长0.0%`
  if (change.pctTenths === null || change.pctTenths === 0) return "";
  if (change.direction === "down")
    return `下降${tag(`${formatScaled(BigInt(-change.pctTenths), 1)}%`, "percent")}`;
  if (change.timesTenths !== null) {
    const times = change.timesExact
      ? String(change.timesTenths / 10)
      : formatScaled(BigInt(change.timesTenths), 1);
    return `增长${tag(`${times}倍`, "percent")}`;
  }
  return `增长${tag(`${formatScaled(BigInt(change.pctTenths), 1)}%`, "percent")}`;
}

/**
 * The 同比 comparison clause (docs/wording.md, The 同比 clause).
 * @example changeWording(yoyChange(49, 43, "count")!, { unit: "人" })  // "比上年增加6人，增长14.0%"
 * @example changeWording(yoyChange(120, 147, "count")!, { unit: "件" }) // "比上年减少27件，下降18.4%"
 * @example changeWording(yoyChange(12, 0, "count")!, { unit: "件" })    // "比上年增加12件（上年为零）"
 * @example changeWording(yoyChange(985, 973, "rate")!, { unit: "%" })   // "比上年提高1.2个百分点"
 * @example changeWording(yoyChange(8, 8, "count")!, { unit: "件" })     // "与上年持平"
 */
export function changeWording(change: YoyChange, format: ChangeFormat): string {
  if (change.direction === "equal") return "与上年持平";
  const up = change.direction === "up";
  const tag = format.tag ?? untagged;
  const amount = tag(changeAmount(change, format), "change");
  if (change.kind === "rate") return `比上年${up ? "提高" : "降低"}${amount}`;
  const growth = growthWording(change, tag);
  // last year 0: no percentage, and say so
  const zero = change.previous === 0 && up && format.zeroNote !== false ? "（上年为零）" : "";
  return `比上年${up ? "增加" : "减少"}${amount}${zero}${growth ? `，${growth}` : ""}`;
}

/** How last year's value is named in the `（2012年51件）` form. */
export interface YearNoteFormat extends ChangeFormat {
  /** `2012年`, or `上年` when the year is unknown. */
  readonly yearLabel: string;
  readonly style?: NumberStyle;
}

/**
 * The form that names last year, as reports write it: `来信43件（2012年51件）`; a zero last year
 * reads `（2012年为零）`. Empty when last year's value cannot be written.
 * @example yearNote(51, "count", { unit: "件", yearLabel: "2012年" }) // "（2012年51件）"
 * @example yearNote(0, "count", { unit: "件", yearLabel: "2012年" })  // "（2012年为零）"
 */
export function yearNote(previous: number, kind: FigureKind, format: YearNoteFormat): string {
  if (!isExactInteger(previous) || previous < 0) return "";
  if (previous === 0) return `（${format.yearLabel}为零）`;
  const value = formatValue(previous, {
    kind,
    unit: format.unit,
    style: format.style,
    moneyUnit: format.moneyUnit,
  });
  return `（${format.yearLabel}${(format.tag ?? untagged)(value, "previous")}）`;
}

/**
 * The year label used by `yearNote`: `2012年`, or `上年` when the year is not known.
 * @example yearLabel(2012) // "2012年"
 * @example yearLabel(undefined) // "上年"
 */
export function yearLabel(year: number | undefined): string {
  return isExactInteger(year) && year > 0 ? `${year}年` : "上年";
}
