/**
 * The figures of a table (TableData.figures) from the sums the row loop accumulated: column totals
 * and, per group (a 培训类别, 经费类别 or 渠道), group totals and rates, each in its group's unit
 * (计量单位) — none over a group whose rows have different units. Values are exact integers:
 * counts as is, money in fen, rates in tenths of a percent.
 */
import type { Figure } from "../figures";
import { excelDigits, scaleDecimal } from "../read/numbers";
import type { CompiledDefinition } from "../definitions";
import { groupOrigin, rateOrigin, totalOrigin, type OriginRecord } from "./origin";

/** What the row loop accumulated, by column index in the definition (`g * columns + k` for groups). */
export interface Accumulated {
  readonly sums: Float64Array;
  readonly filled: Int32Array;
  /** 0-based sheet row of the 合计 row, or -1. */
  readonly totalRow: number;
  readonly groupSums: Float64Array;
  readonly groupFilled: Int32Array;
  /** Data rows per group. */
  readonly groupRows: Int32Array;
  /** First data row of each group, or -1. */
  readonly groupFirst: Int32Array;
  /** The rate filled on a group's (last) row, NaN when none. */
  readonly groupRate: Float64Array;
  /** The unit (计量单位) on a group's first row with one, or "". */
  readonly groupUnit: readonly string[];
  /** 1 for a group whose rows have different units (no figure of a column in their units). */
  readonly groupMixed: Uint8Array;
  /** The rows summed, for each figure's origin. */
  readonly origin: OriginRecord;
}

/** A figure and the cell it is reported at (row or col -1 when there is none). */
export interface PlacedFigure {
  readonly figure: Figure;
  readonly row: number;
  readonly col: number;
}

/**
 * Tenths of a percent of num/den, rounded half up, exact — except that a ratio below 1 never
 * rounds up to 100%.
 * @example ratioTenths(1999, 2000) // 999
 * @example ratioTenths(2, 3) // 667
 * @example ratioTenths(1, 8) // 125
 */
export function ratioTenths(num: number, den: number): number {
  const tenths = Math.floor((2000 * num + den) / (2 * den));
  // never overstate: 1999 of 2000 is 99.9%, not 100% (only a whole is 100%)
  return tenths >= 1000 && num < den ? 999 : tenths;
}

/**
 * A percent (natural, e.g. 98.46) in tenths, half up, exact to Excel's 15 digits; below 100 it
 * never rounds up to 100.
 * @example pctTenths(99.96) // 999
 * @example pctTenths(98.45) // 985
 */
export function pctTenths(pct: number): number {
  const s = { value: 0, inexact: false };
  const tenths = scaleDecimal(excelDigits(pct), 1, s) ? s.value : Math.round(pct * 10);
  // never overstate: 99.96% reads 99.9%, not 100%
  return tenths >= 1000 && pct < 100 ? 999 : tenths;
}

/** A definition column (its type and units say how a figure of it reads). */
type Column = CompiledDefinition["columns"][number];

/**
 * The kind, value and unit of a count or money figure of column `col` (money in 元 unless the
 * column says otherwise).
 * @example countOrMoney({ type: "money", … }, 1250, undefined) // { kind: "money", value: 1250, unit: "元" }
 */
function countOrMoney(
  col: Column | undefined,
  value: number,
  unit: string | undefined
): Pick<Figure, "kind" | "value" | "unit"> {
  const money = col?.type === "money";
  return { kind: money ? "money" : "count", value, unit: unit ?? (money ? "元" : "") };
}

/** The figures the definition's `figures` spec asks for, from the accumulated sums. */
export function tableFigures(
  t: CompiledDefinition,
  colOf: Int32Array,
  acc: Accumulated
): PlacedFigure[] {
  const out = totalFigures(t, colOf, acc);
  const groupBy = t.def.figures.groupBy;
  const allowed =
    groupBy === undefined ? [] : (t.columns[t.byHeader.get(groupBy) ?? -1]?.allowed ?? []);
  allowed.forEach((group, g) => {
    if (!acc.groupRows[g]) return;
    out.push(...groupFigures(t, colOf, acc, group, g));
    for (let k = 0; k < t.columns.length; k++) {
      const rate = groupRate(t, colOf, acc, { group, g, k });
      if (rate) out.push(rate);
    }
  });
  return out;
}

/** The column totals the spec asks for (those of a column with a filled cell), at the 合计 row. */
function totalFigures(t: CompiledDefinition, colOf: Int32Array, acc: Accumulated): PlacedFigure[] {
  const tableId = t.def.id;
  const out: PlacedFigure[] = [];
  for (const spec of t.def.figures.totals) {
    const k = t.byHeader.get(spec.column) ?? -1;
    if (k < 0 || !acc.filled[k]) continue;
    out.push({
      figure: {
        id: `${tableId}/${spec.column}`,
        tableId,
        indicator: spec.column,
        ...countOrMoney(t.columns[k], acc.sums[k] as number, t.columns[k]?.unit),
        headline: spec.headline,
        origin: totalOrigin(acc.origin, k),
      },
      row: acc.totalRow,
      col: colOf[k] as number,
    });
  }
  return out;
}

/** The group totals the spec asks for, of group `g` (named `group`), at its first row. */
function groupFigures(
  t: CompiledDefinition,
  colOf: Int32Array,
  acc: Accumulated,
  group: string,
  g: number
): PlacedFigure[] {
  const tableId = t.def.id;
  const base = g * t.columns.length;
  const out: PlacedFigure[] = [];
  for (const spec of t.def.figures.groups) {
    const k = t.byHeader.get(spec.column) ?? -1;
    if (k < 0 || !acc.groupFilled[base + k]) continue;
    const col = t.columns[k];
    // rows of different units add up to no figure (件 and 个 are not summed)
    if (col?.unitColumn !== undefined && acc.groupMixed[g]) continue;
    const unit = col?.unitColumn !== undefined ? acc.groupUnit[g] || "件" : col?.unit;
    out.push({
      figure: {
        id: `${tableId}/${spec.column}/${group}`,
        tableId,
        indicator: spec.column,
        group,
        ...countOrMoney(col, acc.groupSums[base + k] as number, unit),
        headline: spec.headline,
        origin: groupOrigin(acc.origin, k, g),
      },
      row: acc.groupFirst[g] as number,
      col: colOf[k] as number,
    });
  }
  return out;
}

/** Whether column `k` has the unit of its row (`unitColumn`). */
function perRowUnit(t: CompiledDefinition, k: number): boolean {
  return t.columns[k]?.unitColumn !== undefined;
}

/**
 * The rate of percent column `k` for group `g` (named `group`), when the column has a ratio and
 * the group a rate filled on its only row or counts to compute it from.
 */
function groupRate(
  t: CompiledDefinition,
  colOf: Int32Array,
  acc: Accumulated,
  at: { readonly group: string; readonly g: number; readonly k: number }
): PlacedFigure | undefined {
  const { group, g, k } = at;
  const col = t.columns[k];
  if (col?.type !== "percent" || !col.ratio) return undefined;
  const numK = t.byHeader.get(col.ratio.numerator) ?? -1;
  const denK = t.byHeader.get(col.ratio.denominator) ?? -1;
  if (acc.groupMixed[g] && (perRowUnit(t, numK) || perRowUnit(t, denK))) return undefined;
  const rate = groupRateTenths(acc, g * t.columns.length, { k, numK, denK, g });
  if (rate === undefined) return undefined;
  return {
    figure: {
      id: `${t.def.id}/${col.header}/${group}`,
      tableId: t.def.id,
      indicator: col.header,
      group,
      kind: "rate",
      value: rate.tenths,
      unit: "%",
      headline: false,
      origin: rateOrigin(
        acc.origin,
        { k, numK, denK, g },
        rate.given ? (acc.groupFirst[g] as number) : -1
      ),
    },
    row: acc.groupFirst[g] as number,
    col: (colOf[k] as number) >= 0 ? (colOf[k] as number) : (colOf[numK] ?? -1),
  };
}

/**
 * A group's rate in tenths of a percent: the rate filled on its only row (read as the counts say
 * when it reads 100% while they do not), else the ratio of its counts; undefined when neither.
 * `given` says which it is.
 */
function groupRateTenths(
  acc: Accumulated,
  base: number,
  at: { readonly k: number; readonly numK: number; readonly denK: number; readonly g: number }
): { tenths: number; given: boolean } | undefined {
  const { k, numK, denK, g } = at;
  const given = acc.groupRate[base + k] as number;
  const hasCounts =
    numK >= 0 && denK >= 0 && !!acc.groupFilled[base + numK] && !!acc.groupFilled[base + denK];
  const num = acc.groupSums[base + numK] as number;
  const den = acc.groupSums[base + denK] as number;
  if (acc.groupRows[g] === 1 && given === given) {
    const tenths = pctTenths(given);
    // a filled 100% while a case is still open reads as the counts say (T4-03 reports it)
    return hasCounts && tenths >= 1000 && num < den
      ? { tenths: ratioTenths(num, den), given: false }
      : { tenths, given: true };
  }
  return hasCounts && den > 0 ? { tenths: ratioTenths(num, den), given: false } : undefined;
}
