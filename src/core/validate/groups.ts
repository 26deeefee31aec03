/**
 * Group totals of a table whose rows are programmes (表2/表4 style): per allowed value of the
 * template's `figures.groupBy` column, the sums of its count and money columns, its rows, its
 * first row, the rate filled on its (last) row, the unit (计量单位) of its first row with one, and
 * whether its rows have different units (their sums would add 件 to 个: no figure is made of them).
 */
import { READ_OK, TYPE_PERCENT, type ColumnReader } from "../read/cell";
import type { ColumnPlan, RowValues } from "./plan";

const OK: number = READ_OK;
const K_PERCENT: number = TYPE_PERCENT;

export class GroupSums {
  /** Definition column of the groupBy column, or -1 when the table has no groups. */
  readonly groupCol: number;
  readonly sums: Float64Array;
  readonly filled: Int32Array;
  readonly rows: Int32Array;
  readonly first: Int32Array;
  readonly rate: Float64Array;
  readonly unit: string[];
  /** 1 for a group whose rows have different units (计量单位). */
  readonly mixed: Uint8Array;
  /**
   * The rows of each group, as runs of data rows: pairs (first, last) of 0-based sheet rows. A
   * run goes on over blank rows; a row of another group (or one whose group cannot be read) ends it.
   */
  readonly runs: number[][];
  /** Definition column of the 计量单位 column, or -1. */
  private readonly unitOf: number;
  /** The unit (its allowed index) of each group's first row with one, NaN when none yet. */
  private readonly unitValue: Float64Array;
  /** The data row added last, or -1. */
  private lastRow = -1;

  constructor(private readonly plan: ColumnPlan) {
    const t = plan.definition;
    const cols = plan.cols;
    const n = plan.n;
    this.groupCol =
      t.def.figures.groupBy === undefined ? -1 : (t.byHeader.get(t.def.figures.groupBy) ?? -1);
    const count = this.groupCol >= 0 ? (cols[this.groupCol]?.allowed?.length ?? 0) : 0;
    this.sums = new Float64Array(count * n);
    this.filled = new Int32Array(count * n);
    this.rows = new Int32Array(count);
    this.first = new Int32Array(count).fill(-1);
    this.rate = new Float64Array(count * n).fill(NaN);
    const unitK = cols.findIndex((c) => c.unitColumn !== undefined);
    this.unitOf = unitK >= 0 ? (t.byHeader.get(cols[unitK]?.unitColumn ?? "") ?? -1) : -1;
    this.unit = new Array<string>(count).fill("");
    this.mixed = new Uint8Array(count);
    this.unitValue = new Float64Array(count).fill(NaN);
    this.runs = Array.from({ length: count }, () => []);
  }

  /** Adds data row `r` (its values in `rv`) to its group's totals. */
  add(rv: RowValues, r: number): void {
    const groupK = this.groupCol;
    const { status, vals } = rv;
    const previousRow = this.lastRow;
    this.lastRow = r;
    if (groupK < 0 || status[groupK] !== OK) return;
    const { n, summed, kinds, readers } = this.plan;
    const g = vals[groupK] as number;
    const runs = this.runs[g] as number[];
    if (runs.length > 0 && runs[runs.length - 1] === previousRow) runs[runs.length - 1] = r;
    else runs.push(r, r);
    this.rows[g] = (this.rows[g] as number) + 1;
    if (this.first[g] === -1) this.first[g] = r;
    const unitOf = this.unitOf;
    if (unitOf >= 0 && status[unitOf] === OK) {
      const seen = this.unitValue[g] as number;
      if (seen !== seen) {
        this.unitValue[g] = vals[unitOf] as number;
        this.unit[g] = (readers[unitOf] as ColumnReader).allowedValue(vals[unitOf] as number);
      } else if (seen !== vals[unitOf]) this.mixed[g] = 1;
    }
    const base = g * n;
    const sums = this.sums;
    const filled = this.filled;
    for (let k = 0; k < n; k++) {
      if (status[k] !== OK) continue;
      if (summed[k]) {
        sums[base + k] = (sums[base + k] as number) + (vals[k] as number);
        filled[base + k] = (filled[base + k] as number) + 1;
      } else if (kinds[k] === K_PERCENT) {
        this.rate[base + k] = vals[k] as number;
      }
    }
  }
}
