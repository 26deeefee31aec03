/**
 * Year-on-year comparison of the tables of two years (wording: docs/wording.md): every figure
 * present in both years, paired by its id, with the change, the percentage and the Chinese wording.
 */
import type { Figure, FigureKind, FigureSource, TableData, TableId } from "../figures";
import type { MoneyUnit } from "./numbers";
import { changeWording, yoyChange } from "./yoy";
import { BUILTIN_DEFINITIONS } from "../definitions";

export interface Comparison {
  /** The figure id, e.g. `T1/发展预备党员`, `T4/办结率/来电`. */
  readonly id: string;
  readonly tableId: TableId;
  /** This year's sheet name. */
  readonly sheet: string;
  readonly indicator: string;
  readonly group?: string;
  /** A label for tables: the group then the indicator (`来电受理数`, `慰问金金额`), or the indicator. */
  readonly label: string;
  readonly kind: FigureKind;
  /** `人`, `件` …; `元` for money; `%` for rates. */
  readonly unit: string;
  /** Natural units: counts as is, money in 元 (2 decimals), rates in percent. */
  readonly current: number;
  readonly previous: number;
  /** current − previous in natural units (percentage points for rates). */
  readonly change: number;
  /** Percentage change rounded half-up to 0.1; null for rates and when last year is zero. */
  readonly pct: number | null;
  /**
   * The wording, e.g. `比上年增加6人，增长14.0%`, `与上年持平`, `比上年提高1.2个百分点`;
   * followed by `【待核】` when the comparison is unverified.
   */
  readonly text: string;
  /** True when either year's figure depends on a cell with an error (see `sources`). */
  readonly unverified: boolean;
  /** The errors it depends on (this year's first), when unverified. */
  readonly sources?: readonly FigureSource[];
}

/** The mark after an unverified figure (docs/wording.md, 【待核】), in every output. */
export const UNVERIFIED_MARK = "【待核】";

export interface CompareOptions {
  /** Money changes worded in 元 (default) or 万元. */
  readonly moneyUnit?: MoneyUnit;
  /**
   * Which figures: `headline` (default: the definitions' headline figures, plus the rates,
   * compared in 百分点) or `all` (also per-category 表2 figures, 表3 total and 受益人数, 表4
   * 办结数/满意数).
   */
  readonly scope?: "headline" | "all";
  /** The tables' order (default: the built-in definitions' order, 表1…表4). */
  readonly order?: readonly TableId[];
}

/** The built-in tables' ids, in their definitions' order. */
const BUILTIN_ORDER: readonly TableId[] = BUILTIN_DEFINITIONS.map((t) => t.id);

/**
 * A figure value in natural units: money fen → 元, rate tenths → percent.
 * @example naturalValue(30137050, "money") // 301370.5
 * @example naturalValue(985, "rate")       // 98.5
 */
export function naturalValue(value: number, kind: FigureKind): number {
  if (kind === "money") return value / 100;
  if (kind === "rate") return value / 10;
  return value;
}

/**
 * A comparison's wording with money in another unit (the pane's 万元 setting), the same clause
 * `compareTables` writes with that `moneyUnit`; other kinds keep their text.
 * @example comparisonText(c, "万元") // "比上年增加3.28万元，增长12.2%" where c.text is "比上年增加32,830.00元，增长12.2%"
 */
export function comparisonText(c: Comparison, moneyUnit: MoneyUnit): string {
  if (c.kind !== "money") return c.text;
  const change = yoyChange(Math.round(c.current * 100), Math.round(c.previous * 100), "money");
  if (!change) return c.text;
  return changeWording(change, { unit: c.unit, moneyUnit }) + (c.unverified ? UNVERIFIED_MARK : "");
}

/**
 * The label of a figure for tables and lists.
 * @example figureLabel({ indicator: "受理数", group: "来电" }) // "来电受理数"
 * @example figureLabel({ indicator: "金额（元）", group: "慰问金" }) // "慰问金金额"
 */
export function figureLabel(figure: Pick<Figure, "indicator" | "group">): string {
  const indicator = figure.indicator.replace(/[（(][^）)]*[）)]$/, "");
  return figure.group ? `${figure.group}${indicator}` : indicator;
}

/**
 * Tables in the definitions' order (表1…表4, then a bureau's own in the order defined; a table
 * not in `order` after them, in the order met). Stable for the same table.
 * @example orderTables([t4, t1, t2]).map((t) => t.tableId) // ["T1", "T2", "T4"]
 */
export function orderTables<T extends { readonly tableId: TableId }>(
  tables: readonly T[],
  order: readonly TableId[] = BUILTIN_ORDER
): T[] {
  const rank = (id: TableId) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length : i;
  };
  return tables
    .map((table, index) => ({ table, index }))
    .sort((a, b) => rank(a.table.tableId) - rank(b.table.tableId) || a.index - b.index)
    .map((x) => x.table);
}

/**
 * Last year's table of the same table, if any.
 * @example previousTableFor({ tableId: "T1" }, [t1of2012, t2of2012]) // t1of2012
 */
export function previousTableFor(
  table: Pick<TableData, "tableId">,
  previous: readonly TableData[]
): TableData | undefined {
  return previous.find((p) => p.tableId === table.tableId);
}

/**
 * Compares every headline figure and rate (or, with `scope: "all"`, every figure) present in both
 * years (same id, same kind and unit), in 表1…表4 order and the figures' own order. Figures
 * missing in either year, or whose value is not an exact integer, are left out: no comparison is
 * better than a wrong one.
 * @example compareTables([t1of2013], [t1of2012])[0].text // "比上年增加6人，增长14.0%"
 */
export function compareTables(
  current: readonly TableData[],
  previous: readonly TableData[],
  options: CompareOptions = {}
): Comparison[] {
  const out: Comparison[] = [];
  const all = options.scope === "all";
  for (const table of orderTables(current, options.order)) {
    const before = previousTableFor(table, previous);
    if (!before) continue;
    const lastYear = new Map(before.figures.map((f) => [f.id, f]));
    for (const figure of table.figures) {
      if (!all && !figure.headline && figure.kind !== "rate") continue;
      const old = lastYear.get(figure.id);
      if (!old || old.kind !== figure.kind || old.unit !== figure.unit) continue;
      // a rate above 100% is an error (T4-01/T4-03), never a figure to compare
      if (figure.kind === "rate" && (figure.value > 1000 || old.value > 1000)) continue;
      const change = yoyChange(figure.value, old.value, figure.kind);
      if (!change) continue;
      const sources = [...(figure.unverified ?? []), ...(old.unverified ?? [])];
      out.push({
        id: figure.id,
        tableId: figure.tableId,
        sheet: table.sheet,
        indicator: figure.indicator,
        ...(figure.group !== undefined ? { group: figure.group } : {}),
        label: figureLabel(figure),
        kind: figure.kind,
        unit: figure.unit,
        current: naturalValue(figure.value, figure.kind),
        previous: naturalValue(old.value, figure.kind),
        change: naturalValue(change.change, figure.kind),
        pct: change.pctTenths === null ? null : change.pctTenths / 10,
        text:
          changeWording(change, { unit: figure.unit, moneyUnit: options.moneyUnit }) +
          (sources.length > 0 ? UNVERIFIED_MARK : ""),
        unverified: sources.length > 0,
        ...(sources.length > 0 ? { sources } : {}),
      });
    }
  }
  return out;
}
