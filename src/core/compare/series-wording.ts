/**
 * The Chinese wording of a series over years (docs/wording.md, Series over years), in the style of
 * the statistical communiqués: `连续3年增长`, `年均增长8.2%`, `比2010年增长45.3%`, `比2010年翻了一番`,
 * `比2010年增长1.5倍`. Percentages are the 同比 clause's (one decimal, always written, rounded half
 * up); amounts are written as the 同比 clause writes them (`changeAmount`: the count's unit, money in
 * 元 or 万元, the figure's number style). A series with a gap gets no wording at all.
 */
import { formatScaled } from "./numbers";
import type { Series } from "./series";
import {
  changeAmount,
  growthWording,
  yearLabel,
  type ChangeFormat,
  type NumberPart,
  type YoyChange,
} from "./yoy";

/** How a series is worded: the 同比 clause's format, and whether to write the amount too. */
export interface SeriesFormat extends ChangeFormat {
  /**
   * Also write the amount before the growth, as the 同比 clause does (`比2010年增加80人，翻了一番`).
   * Default false: the growth only (`比2010年翻了一番`); the amount is written anyway when there is
   * no growth to write (a zero first year, a change too small to show, a rate).
   */
  readonly amount?: boolean;
}

const untagged = (text: string): string => text;

/** 翻了一番 … 翻了十番: the number of doublings in words. */
const DOUBLINGS = ["一", "两", "三", "四", "五", "六", "七", "八", "九", "十"];

/**
 * How many times a figure doubled, as shown: the displayed percentage is exactly
 * `(2^k − 1) × 100.0%` (100.0% → 1, 300.0% → 2, 700.0% → 3); else undefined.
 * @example doublings(1000) // 1   (增长100.0%: 翻了一番)
 * @example doublings(3000) // 2   (×4: 翻了两番)
 * @example doublings(1500) // undefined (×2.5: 增长1.5倍)
 */
export function doublings(pctTenths: number | null | undefined): number | undefined {
  if (typeof pctTenths !== "number" || pctTenths < 1000 || pctTenths % 1000 !== 0) return undefined;
  const ratio = pctTenths / 1000 + 1;
  const k = Math.log2(ratio);
  return Number.isInteger(k) && k <= DOUBLINGS.length ? k : undefined;
}

/**
 * The growth between two years, with multiples: `翻了一番` when the shown percentage is 100.0%
 * (`翻了两番` ×4, `翻了三番` ×8); otherwise the 同比 clause's growth: `增长1.5倍` from ×2,
 * `增长45.3%` below, `下降12.0%` for a decrease (never 倍). Empty when there is no growth to
 * write (a zero or negative base, a rate, no change, or a change too small to show).
 * @example multipleWording(yoyChange(160, 80, "count")!)   // "翻了一番"
 * @example multipleWording(yoyChange(15996, 8000, "money")!) // "翻了一番" (99.95% shows 100.0%)
 * @example multipleWording(yoyChange(158, 80, "count")!)   // "增长97.5%"
 * @example multipleWording(yoyChange(250, 100, "count")!)  // "增长1.5倍"
 * @example multipleWording(yoyChange(88, 100, "count")!)   // "下降12.0%"
 */
export function multipleWording(
  change: YoyChange,
  tag: (text: string, part: NumberPart) => string = untagged
): string {
  const k = change.direction === "up" ? doublings(change.pctTenths) : undefined;
  if (k !== undefined) return `翻了${tag(`${DOUBLINGS[k - 1] ?? ""}番`, "percent")}`;
  return growthWording(change, tag);
}

/**
 * The comparison of the last year with the first: the growth (`比2010年增长45.3%`,
 * `比2010年翻了一番`), or, with no growth to write, the amount (`比2010年增加12人`); a rate in
 * percentage points (`比2010年提高1.2个百分点`); `与2010年持平`. Empty for a series with a gap.
 * @example sinceWording(series([{ year: 2010, value: 150 }, { year: 2013, value: 218 }], "count"), { unit: "人" }) // "" (2011 and 2012 are missing)
 * @example sinceWording(series(yearPoints(2010, [150, 160, 190, 218]), "count"), { unit: "人" }) // "比2010年增长45.3%"
 * @example sinceWording(series(yearPoints(2010, [0, 3, 7, 12]), "count"), { unit: "人" })        // "比2010年增加12人"
 * @example sinceWording(series(yearPoints(2010, [80, 100, 160]), "count"), { unit: "人", amount: true }) // "比2010年增加80人，翻了一番"
 */
export function sinceWording(s: Series, format: SeriesFormat): string {
  const change = s.fromFirst;
  if (!change) return "";
  const than = yearLabel(s.firstYear);
  if (change.direction === "equal") return `与${than}持平`;
  const tag = format.tag ?? untagged;
  const up = change.direction === "up";
  const amount = tag(changeAmount(change, format), "change");
  if (change.kind === "rate") return `比${than}${up ? "提高" : "降低"}${amount}`;
  const growth = multipleWording(change, tag);
  const parts = [growth && !format.amount ? "" : `${up ? "增加" : "减少"}${amount}`, growth];
  return `比${than}${parts.filter((p) => p !== "").join("，")}`;
}

/**
 * The latest run: `连续3年增长`, `连续2年下降` (a rate: `连续3年提高`, `连续2年降低`); empty with no
 * run of at least 2 steps (持平 breaks a run) or with a gap.
 * @example runWording(series(yearPoints(2010, [5, 6, 7, 8]), "count")) // "连续3年增长"
 * @example runWording(series(yearPoints(2010, [5, 6, 6, 8]), "count")) // ""
 */
export function runWording(s: Series): string {
  if (!s.run) return "";
  const up = s.run.direction === "up";
  const verb = s.kind === "rate" ? (up ? "提高" : "降低") : up ? "增长" : "下降";
  return `连续${s.run.steps}年${verb}`;
}

/**
 * The compound average growth: `年均增长8.2%`, `年均下降3.1%` (one decimal, always written); empty
 * when there is none (a gap, a rate, a zero or negative end, one year) or it shows as 0.0%.
 * @example averageWording(series(yearPoints(2010, [100, 110, 121]), "count")) // "年均增长10.0%"
 * @example averageWording(series(yearPoints(2010, [100, 90, 81]), "count"))   // "年均下降10.0%"
 */
export function averageWording(
  s: Series,
  tag: (text: string, part: NumberPart) => string = untagged
): string {
  const tenths = s.average?.tenths;
  if (tenths === undefined || tenths === 0) return "";
  const pct = tag(`${formatScaled(BigInt(Math.abs(tenths)), 1)}%`, "percent");
  return `年均${tenths > 0 ? "增长" : "下降"}${pct}`;
}

/**
 * The series in one clause: since the first year, the average, the run, joined by `，`.
 * @example seriesWording(series(yearPoints(2010, [150, 160, 190, 218]), "count"), { unit: "人" }) // "比2010年增长45.3%，年均增长13.3%，连续3年增长"
 */
export function seriesWording(s: Series, format: SeriesFormat): string {
  return [sinceWording(s, format), averageWording(s, format.tag), runWording(s)]
    .filter((p) => p !== "")
    .join("，");
}
