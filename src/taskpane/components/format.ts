/** Number formatting for the pane's 同比 cards (display only; the drafted text is worded by the core). */

const MINUS = "−";

/**
 * A value in natural units with its unit: money in 元 with 2 decimals and thousands separators
 * (万元 from 100,000元 up, so the figure fits 320 px), rates with 1 decimal, counts with their unit.
 * @example formatValue(301370, "money") // "30.14万元"
 * @example formatValue(5600, "money") // "5,600.00元"
 * @example formatValue(98.5, "rate") // "98.5%"
 * @example formatValue(-3, "count", "人") // "−3人"
 */
export function formatValue(value: number, kind: "count" | "money" | "rate", unit = ""): string {
  const abs = Math.abs(value);
  let text: string;
  if (kind === "money")
    text =
      abs >= 100000
        ? `${(abs / 10000).toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}万元`
        : `${abs.toLocaleString("zh-CN", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;
  else if (kind === "rate") text = `${abs.toFixed(1)}%`;
  else text = `${abs.toLocaleString("zh-CN")}${unit === "%" ? "" : unit}`;
  return (value < 0 ? MINUS : "") + text;
}

/**
 * A change with its sign and unit; rates change in 个百分点; no change reads 持平.
 * @example formatChange(6, "count", "人") // "+6人"
 * @example formatChange(-1.2, "rate") // "−1.2个百分点"
 * @example formatChange(0, "rate") // "持平"
 * @example formatChange(1200, "money") // "+1,200.00元"
 */
export function formatChange(change: number, kind: "count" | "money" | "rate", unit = ""): string {
  if (change === 0) return "持平";
  const sign = change > 0 ? "+" : MINUS;
  if (kind === "rate") return `${sign}${Math.abs(change).toFixed(1)}个百分点`;
  return sign + formatValue(Math.abs(change), kind, unit);
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
