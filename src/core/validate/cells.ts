/**
 * Reading the cells of one data row (G-02): each definition column's cell to a value and a status,
 * adding count and money values to the column totals. A plain number in a count or money column
 * and a plain text or listed value take a `typeof` fast path with no allocation; anything else is
 * read by the column's reader, and issues are allocated only when something is wrong.
 */
import { a1, type CellValue } from "../model";
import {
  displayValue,
  READ_BLANK,
  READ_INVALID,
  READ_OK,
  TYPE_COUNT,
  TYPE_ENUM,
  TYPE_MONEY,
  TYPE_TEXT,
  unreadableCode,
  type ColumnReader,
} from "../read/cell";
import { isBlankText } from "../read/normalise";
import type { ColumnPlan, RowValues } from "./plan";
import type { IssueExtras, TableIssues } from "./sink";

// Hot-loop aliases, bound once at load: with some module transforms every use of an imported
// binding is a property read (even a getter call), which costs per cell.
const OK: number = READ_OK;
const BLANK: number = READ_BLANK;
const INVALID: number = READ_INVALID;
const blankText = isBlankText;
const K_TEXT: number = TYPE_TEXT;
const K_ENUM: number = TYPE_ENUM;
const K_COUNT: number = TYPE_COUNT;
const K_MONEY: number = TYPE_MONEY;

/**
 * Reads data row `r` into `rv` (values, statuses, column totals), reporting cells that cannot be
 * read, are read leniently, or are required and blank.
 */
export function readRowCells(
  plan: ColumnPlan,
  rv: RowValues,
  sink: TableIssues,
  r: number,
  row: readonly CellValue[],
  formatRow: ReadonlyArray<string | undefined> | undefined,
  hasFormats: boolean
): void {
  const { n, colOf, kinds, mins, readers, summed, required, cols } = plan;
  const { status, vals, sums, filled, reading } = rv;
  for (let k = 0; k < n; k++) {
    const c = colOf[k] as number;
    if (c < 0) {
      status[k] = BLANK;
      vals[k] = NaN;
      continue;
    }
    const v = row[c];
    const kind = kinds[k];
    if (typeof v === "number") {
      if (
        kind === K_COUNT &&
        v >= (mins[k] as number) &&
        v <= 9007199254740991 &&
        Number.isInteger(v)
      ) {
        status[k] = OK;
        vals[k] = v;
        sums[k] = (sums[k] as number) + v;
        filled[k] = (filled[k] as number) + 1;
        continue;
      }
      if (kind === K_MONEY && v >= 0 && v < 9e13 && Number.isInteger(v)) {
        status[k] = OK;
        vals[k] = v * 100;
        sums[k] = (sums[k] as number) + v * 100;
        filled[k] = (filled[k] as number) + 1;
        continue;
      }
    } else if (typeof v === "string" && v.length > 0) {
      if (kind === K_TEXT) {
        if (!blankText(v)) {
          status[k] = OK;
          vals[k] = NaN;
          continue;
        }
      } else if (kind === K_ENUM) {
        const idx = (readers[k] as ColumnReader).enumIndex(v);
        if (idx >= 0) {
          status[k] = OK;
          vals[k] = idx;
          continue;
        }
      }
    }
    // slow path: anything else
    (readers[k] as ColumnReader).read(v, formatRow?.[c], hasFormats, reading);
    status[k] = reading.status;
    vals[k] = reading.status === OK ? reading.value : NaN;
    if (reading.status === OK) {
      if (summed[k]) {
        sums[k] = (sums[k] as number) + reading.value;
        filled[k] = (filled[k] as number) + 1;
      }
      if (reading.code !== "") {
        // read, but not as written: the figures it feeds stay unverified until the cell is fixed
        sink.taint(
          sink.push("G-02", reading.code, "warning", a1(r, c), {
            column: cols[k]?.header ?? "",
            value: displayValue(v),
            expected: reading.expected ?? null,
            params: { lenient: reading.lenient },
          }),
          r,
          [k]
        );
      }
    } else if (reading.status === INVALID) {
      rv.leftOut.push(k, r);
      const extras: IssueExtras = { column: cols[k]?.header ?? "", value: displayValue(v) };
      // the cell is left out of every sum: each figure that would include it is unverified
      sink.taint(
        sink.push(
          "G-02",
          unreadableCode(reading),
          "error",
          a1(r, c),
          reading.expected === undefined ? extras : { ...extras, expected: reading.expected }
        ),
        r,
        [k]
      );
    } else if (required[k]) {
      sink.taint(
        sink.push("G-02", "required-blank", "error", a1(r, c), { column: cols[k]?.header ?? "" }),
        r,
        [k]
      );
    }
  }
}
