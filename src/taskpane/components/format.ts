/** Number formatting for the pane's 同比 cards (display only; the drafted text is worded by the core). */

import { roundHalfUp, type MoneyUnit } from "../../core";

export type { MoneyUnit };

const MINUS = "−";

/** The pane's money setting, one for the 同比 and 报告 tabs (金额以万元表示). */
export interface MoneyChoice {
  readonly moneyInWan: boolean;
  readonly onMoneyInWan: (on: boolean) => void;
}

/**
 * A value in natural units with its unit: money with 2 decimals and thousands separators, in the
 * one unit given (never 万元 for one figure and 元 for the next), rates with 1 decimal, counts with
 * their unit.
 * @example formatValue(301370, "money") // "301,370.00元"
 * @example formatValue(301370, "money", "", "万元") // "30.14万元"
 * @example formatValue(5600, "money", "", "万元") // "0.56万元"
 * @example formatValue(98.5, "rate") // "98.5%"
 * @example formatValue(-3, "count", "人") // "−3人"
 */
export function formatValue(
  value: number,
  kind: "count" | "money" | "rate",
  unit = "",
  money: MoneyUnit = "元"
): string {
  const abs = Math.abs(value);
  let text: string;
  if (kind === "money") {
    // in 万元: hundredths rounded half-up on the fen, as the wording and the draft round them
    const shown =
      money === "万元"
        ? Number(roundHalfUp(BigInt(Math.round(abs * 100)), BigInt(10000))) / 100
        : abs;
    text = `${shown.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}${money}`;
  } else if (kind === "rate") text = `${abs.toFixed(1)}%`;
  else text = `${abs.toLocaleString("zh-CN")}${unit === "%" ? "" : unit}`;
  return (value < 0 ? MINUS : "") + text;
}

/**
 * A change with its sign and unit (money in the card's one unit); rates change in 个百分点; no
 * change reads 持平.
 * @example formatChange(6, "count", "人") // "+6人"
 * @example formatChange(-1.2, "rate") // "−1.2个百分点"
 * @example formatChange(0, "rate") // "持平"
 * @example formatChange(1200, "money") // "+1,200.00元"
 * @example formatChange(32830, "money", "", "万元") // "+3.28万元"
 */
export function formatChange(
  change: number,
  kind: "count" | "money" | "rate",
  unit = "",
  money: MoneyUnit = "元"
): string {
  if (change === 0) return "持平";
  const sign = change > 0 ? "+" : MINUS;
  if (kind === "rate") return `${sign}${Math.abs(change).toFixed(1)}个百分点`;
  return sign + formatValue(Math.abs(change), kind, unit, money);
}

/**
 * The unit a card's heading names: 元 or 万元 for money as the setting says, % for a rate, the
 * column's unit otherwise.
 * @example cardUnit("money", "元", "万元") // "万元"
 * @example cardUnit("count", "人", "万元") // "人"
 */
export function cardUnit(kind: "count" | "money" | "rate", unit: string, money: MoneyUnit): string {
  return kind === "rate" ? "%" : kind === "money" ? money : unit;
}

/**
 * A percentage change, or a dash when none applies (rates, a zero or missing base).
 * @example formatPct(14) // "+14.0%"
 * @example formatPct(0) // "持平"
 * @example formatPct(null) // "—"
 */
export function formatPct(pct: number | null): string {
  if (pct === null) return "—";
  if (pct === 0) return "持平";
  const sign = pct > 0 ? "+" : MINUS;
  return `${sign}${Math.abs(pct).toFixed(1)}%`;
}
