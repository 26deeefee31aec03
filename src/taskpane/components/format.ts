/** Number formatting for the pane's tables (display only; the drafted text is worded by the core). */

const MINUS = "−";

/**
 * A value in natural units for a table cell: money with 2 decimals, rates with 1, counts as is.
 * @example formatValue(301370, "money") // "301370.00"
 * @example formatValue(98.5, "rate") // "98.5%"
 * @example formatValue(-3, "count") // "−3"
 */
export function formatValue(value: number, kind: "count" | "money" | "rate"): string {
  const text =
    kind === "money"
      ? Math.abs(value).toFixed(2)
      : kind === "rate"
        ? Math.abs(value).toFixed(1)
        : String(Math.abs(value));
  return (value < 0 ? MINUS : "") + text + (kind === "rate" ? "%" : "");
}

/**
 * A change with its sign; rates change in 个百分点.
 * @example formatChange(6, "count") // "+6"
 * @example formatChange(-1.2, "rate") // "−1.2个百分点"
 * @example formatChange(0, "money") // "0.00"
 */
export function formatChange(change: number, kind: "count" | "money" | "rate"): string {
  const sign = change > 0 ? "+" : change < 0 ? MINUS : "";
  const abs = Math.abs(change);
  if (kind === "rate") return `${sign}${abs.toFixed(1)}个百分点`;
  return sign + (kind === "money" ? abs.toFixed(2) : String(abs));
}

/**
 * A percentage change, or a dash when none applies (rates, a zero or missing base).
 * @example formatPct(14) // "+14.0%"
 * @example formatPct(null) // "—"
 */
export function formatPct(pct: number | null): string {
  if (pct === null) return "—";
  const sign = pct > 0 ? "+" : pct < 0 ? MINUS : "";
  return `${sign}${Math.abs(pct).toFixed(1)}%`;
}
