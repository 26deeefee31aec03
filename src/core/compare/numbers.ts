/**
 * Exact number formatting for the report: counts, money (held in fen) and rates (held in tenths of
 * a percent). Everything is integer/BigInt arithmetic, so no `1.005` or `2.675` float trap can
 * reach the text.
 *
 * Number styles (docs/wording.md, Figures and 约数):
 * - `exact`: the figure as is, no thousands separators, no trailing zero of fen (`9236个`,
 *   `301370元`, `186420.5元`).
 * - `approximate`: never overstates: the figure is floored, then `多` marks what was cut off.
 *   Below 100 the figure stays exact (`62人`); below 1万 it keeps two significant figures in
 *   digits (`9236` → `9200多`, `736` → `730多`); from 1万 it is written in whole 万, at most two
 *   significant figures (`10591` → `1万多`, `72400` → `7万多`, `301370` → `30万多`, `12345678` →
 *   `1200万多`), as reports write `发放慰问金7万多元`, and from 1亿 in whole 亿 (`1234567890` →
 *   `12亿多`). A figure the floor leaves whole gets no `多` (`9200`, `70000` → `7万`).
 * Money may also be shown in 万元 with 2 decimals, rounded half-up (`301370元` → `30.14万元`).
 */

export type NumberStyle = "exact" | "approximate";
export type MoneyUnit = "元" | "万元";

const TEN = BigInt(10);
const HUNDRED = BigInt(100);
const WAN = BigInt(10000);
const YI = BigInt(100000000);
const ZERO = BigInt(0);
const TWO = BigInt(2);

/**
 * `numerator / denominator` rounded half away from zero (the statistician's 四舍五入), exactly.
 * The denominator must be positive.
 * @example roundHalfUp(1005n, 10n) // 101n   (100.5 → 101)
 * @example roundHalfUp(-15n, 10n)  // -2n    (−1.5 → −2)
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= ZERO) throw new RangeError("roundHalfUp: 分母应为正数");
  const negative = numerator < ZERO;
  const n = negative ? -numerator : numerator;
  const q = (TWO * n + denominator) / (TWO * denominator);
  return negative ? -q : q;
}

/**
 * Writes an integer held in 10^-decimals units as a decimal string.
 * @example formatScaled(140n, 1)  // "14.0"
 * @example formatScaled(-5n, 2)   // "-0.05"
 * @example formatScaled(1000n, 1, true) // "100" (trailing zeros dropped)
 */
export function formatScaled(value: bigint, decimals: number, dropZeros = false): string {
  const negative = value < ZERO;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  let fraction = decimals > 0 ? digits.slice(digits.length - decimals) : "";
  if (dropZeros) fraction = fraction.replace(/0+$/, "");
  return (negative ? "-" : "") + whole + (fraction ? `.${fraction}` : "");
}

/**
 * True when `value` can be written: a safe integer (the contract of `Figure.value`).
 * @example isExactInteger(49)  // true
 * @example isExactInteger(NaN) // false
 */
export function isExactInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value);
}

/**
 * Approximates a non-negative whole amount the way reports do: floor, then `多` (see file notes).
 * Below 1万 two significant figures; from 1万 whole 万 (from 1亿 whole 亿), at most two
 * significant figures, as reports write `7万多元` and `6万多个`.
 * @example approximateWhole(9236n)   // "9200多"
 * @example approximateWhole(72400n)  // "7万多"
 * @example approximateWhole(10591n)  // "1万多"
 * @example approximateWhole(62n)     // "62"
 * @example approximateWhole(9200n)   // "9200"
 * @example approximateWhole(70000n)  // "7万"
 * @example approximateWhole(1234567n) // "120万多"
 */
export function approximateWhole(value: bigint, hasFraction = false): string {
  if (value < HUNDRED) return value.toString() + (hasFraction ? "多" : "");
  if (value < WAN) {
    // two significant figures, floored
    const step = TEN ** BigInt(value.toString().length - 2);
    const floored = (value / step) * step;
    return `${floored.toString()}${floored !== value || hasFraction ? "多" : ""}`;
  }
  const [unit, name] = value < YI ? [WAN, "万"] : [YI, "亿"];
  // whole 万 (亿), at most two significant figures: 123万 reads 120万多
  let whole = value / unit;
  if (whole >= HUNDRED) {
    const step = TEN ** BigInt(whole.toString().length - 2);
    whole = (whole / step) * step;
  }
  const more = whole * unit !== value || hasFraction ? "多" : "";
  return `${whole.toString()}${name}${more}`;
}

/**
 * A count with its unit.
 * @example formatCount(9236, "个", "exact")        // "9236个"
 * @example formatCount(9236, "个", "approximate")  // "9200多个"
 */
export function formatCount(value: number, unit: string, style: NumberStyle = "exact"): string {
  const v = BigInt(value);
  if (style === "approximate" && v >= ZERO) return approximateWhole(v) + unit;
  return v.toString() + unit;
}

/**
 * Money (given in fen) in 元, with fen only when there are some and no trailing zero
 * (`186420.5元`); `万元` gives 2 decimals rounded half-up, falling back to 元 when that would read
 * `0.00万元` for a non-zero sum.
 * @example formatMoney(30137000, "元")   // "301370元"
 * @example formatMoney(30137050, "元")   // "301370.5元"
 * @example formatMoney(30137005, "元")   // "301370.05元"
 * @example formatMoney(30137000, "万元") // "30.14万元"
 * @example formatMoney(7300000, "元", "approximate") // "7万多元"
 */
export function formatMoney(
  fen: number,
  moneyUnit: MoneyUnit = "元",
  style: NumberStyle = "exact"
): string {
  const v = BigInt(fen);
  if (style === "approximate" && v >= ZERO) {
    return `${approximateWhole(v / HUNDRED, v % HUNDRED !== ZERO)}元`;
  }
  if (moneyUnit === "万元") {
    const hundredthsOfWan = roundHalfUp(v, WAN); // 1 万元 = 1 000 000 fen; 0.01 万元 = 10 000 fen
    if (hundredthsOfWan !== ZERO || v === ZERO) return `${formatScaled(hundredthsOfWan, 2)}万元`;
  }
  return `${formatScaled(v, 2, true)}元`;
}

/**
 * A rate (given in tenths of a percent), without a useless `.0`.
 * @example formatRate(985)  // "98.5%"
 * @example formatRate(1000) // "100%"
 */
export function formatRate(tenths: number): string {
  return `${formatScaled(BigInt(tenths), 1, true)}%`;
}

/** Formatting of one figure: its kind, unit and style. */
export interface ValueFormat {
  readonly kind: "count" | "money" | "rate";
  /** Unit of a count (`人`, `件` …); ignored for money (元/万元) and rates (%). */
  readonly unit: string;
  readonly style?: NumberStyle;
  readonly moneyUnit?: MoneyUnit;
}

/**
 * A figure value in its kind's scale, written with its unit.
 * @example formatValue(49, { kind: "count", unit: "人" })            // "49人"
 * @example formatValue(7356000, { kind: "money", unit: "元", style: "approximate" }) // "7万多元"
 * @example formatValue(985, { kind: "rate", unit: "%" })             // "98.5%"
 */
export function formatValue(value: number, format: ValueFormat): string {
  switch (format.kind) {
    case "money":
      return formatMoney(value, format.moneyUnit, format.style);
    case "rate":
      return formatRate(value);
    default:
      return formatCount(value, format.unit, format.style);
  }
}
