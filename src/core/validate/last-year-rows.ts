/**
 * `上年(列)` in a row rule: last year's value of the same unit's row, the rows of the two years
 * matched by the table's unique key column (e.g. 单位名称). Last year's sheet, read first, keeps
 * each key's values (`LastYearRows.keep`); this year's row loop copies them into the second half
 * of its row values (`fill`), or marks them invalid for a unit absent last year, so the rule is
 * skipped there as for any unread cell. Nothing runs for a table whose rules do not read last year.
 */
import type { CellValue } from "../model";
import { READ_INVALID, READ_OK } from "../read/cell";
import { keyText } from "./duplicates";
import type { ColumnPlan, RowValues } from "./plan";

const OK: number = READ_OK;
const INVALID: number = READ_INVALID;

/** One unit's row of last year: values and statuses of the definition columns. */
interface KeptRow {
  readonly vals: Float64Array;
  readonly status: Uint8Array;
}

export class LastYearRows {
  private readonly rows = new Map<string, KeptRow>();

  /** The key of a data row, or undefined when the sheet has no key column or the cell is not read. */
  private static key(
    plan: ColumnPlan,
    rv: RowValues,
    row: readonly CellValue[]
  ): string | undefined {
    const k = plan.definition.keyColumn;
    const c = k < 0 ? -1 : (plan.colOf[k] ?? -1);
    if (c < 0 || rv.status[k] !== OK) return undefined;
    return keyText(plan, k, row[c], rv.vals[k] as number);
  }

  /** Keeps a row of last year's sheet (the first of a key: a repeated key is an error there). */
  keep(plan: ColumnPlan, rv: RowValues, row: readonly CellValue[]): void {
    const key = LastYearRows.key(plan, rv, row);
    if (key === undefined || this.rows.has(key)) return;
    const n = plan.n;
    this.rows.set(key, { vals: rv.vals.slice(0, n), status: rv.status.slice(0, n) });
  }

  /** Puts last year's values of this row's unit in slots n … 2n−1 (invalid when it has none). */
  fill(plan: ColumnPlan, rv: RowValues, row: readonly CellValue[]): void {
    const n = plan.n;
    const key = LastYearRows.key(plan, rv, row);
    const kept = key === undefined ? undefined : this.rows.get(key);
    if (kept === undefined) {
      rv.status.fill(INVALID, n);
      return;
    }
    rv.vals.set(kept.vals, n);
    rv.status.set(kept.status, n);
  }
}
