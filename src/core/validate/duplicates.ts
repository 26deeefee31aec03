/**
 * Duplicate rows (G-04) and repeated unique keys (G-02) of one sheet. A row's key is its unique
 * column (e.g. 单位名称), else its first text column, else its first column; rows are indexed by
 * key as they are read, and a repeated key (rare) is compared cell by cell with the earlier rows.
 */
import { a1, isDateValue, isErrorValue, type CellValue } from "../model";
import {
  displayValue,
  isBlankCell,
  newReading,
  READ_OK,
  TYPE_ENUM,
  type ColumnReader,
  type CellReading,
} from "../read/cell";
import { trimText } from "../read/normalise";
import { KeyIndex } from "./keys";
import { remarkFilled, type ColumnPlan, type RowValues } from "./plan";
import { rowAddress, type TableIssues } from "./sink";

const OK: number = READ_OK;
const K_ENUM: number = TYPE_ENUM;
const trimmed = trimText;

/** Whether two cells hold the same value (blanks alike, text trimmed). */
function sameCell(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (isBlankCell(a) && isBlankCell(b)) return true;
  if (typeof a === "string" && typeof b === "string") return trimText(a) === trimText(b);
  if (isErrorValue(a) && isErrorValue(b)) return a.error === b.error;
  if (isDateValue(a) && isDateValue(b)) return a.date === b.date;
  return false;
}

/** The text of a key cell that reads as OK (an enum by its allowed value, text trimmed). */
export function keyText(plan: ColumnPlan, k: number, raw: CellValue, enumIndex: number): string {
  return plan.kinds[k] === K_ENUM
    ? (plan.readers[k] as ColumnReader).allowedValue(enumIndex)
    : trimmed(typeof raw === "string" ? raw : String(displayValue(raw)));
}

export class DuplicateRows {
  /** Definition column of the key. */
  private readonly keyCol: number;
  /** Sheet column of the key, or -1 when the sheet has none. */
  private readonly keySheetCol: number;
  /** Whether the key column must be unique (a repeat is an error, not a warning). */
  private readonly unique: boolean;
  /** key → first row (sized once for the sheet). */
  private readonly keyIndex: KeyIndex;
  /** Later rows with a repeated key. */
  private readonly keyMore = new Map<string, number[]>();
  private readonly keyReading: CellReading = newReading();

  constructor(
    private readonly plan: ColumnPlan,
    private readonly sink: TableIssues
  ) {
    const cols = plan.cols;
    let keyCol = cols.findIndex((c) => c.unique === true);
    this.unique = keyCol >= 0;
    if (keyCol < 0)
      keyCol = Math.max(
        0,
        cols.findIndex((c) => c.type === "text")
      );
    this.keyCol = keyCol;
    this.keySheetCol = plan.colOf[keyCol] ?? -1;
    const d = plan.detected;
    this.keyIndex = new KeyIndex(Math.max(0, d.sheet.values.length - d.headerRow), (p) =>
      this.keyOfRow(p)
    );
  }

  /** Checks data row `r` (its values in `rv`) against the rows read before it. */
  check(rv: RowValues, r: number, row: readonly CellValue[]): void {
    if (this.keySheetCol < 0 || rv.status[this.keyCol] !== OK) return;
    const keySheetCol = this.keySheetCol;
    const key = this.keyText(row[keySheetCol], rv.vals[this.keyCol] as number);
    const first = this.keyIndex.add(key, r);
    if (first < 0) return;
    const rows = this.plan.detected.sheet.values;
    const mapped = this.plan.mapped;
    const others = [first, ...(this.keyMore.get(key) ?? [])];
    for (const p of others) {
      const prev = rows[p] ?? [];
      let same = true;
      for (let i = 0; i < mapped.length && same; i++)
        same = sameCell(prev[mapped[i] as number], row[mapped[i] as number]);
      if (same) {
        // counted twice unless its 备注 says why: every figure the row feeds is unverified
        this.sink.taint(
          this.sink.push("G-04", "duplicate-row", "warning", rowAddress(r), {
            value: key,
            explained: remarkFilled(this.plan, row),
            params: { other: rowAddress(p) },
          }),
          r,
          this.plan.allCols
        );
        return;
      }
    }
    if (this.unique) {
      const issue = this.sink.push("G-02", "duplicate-value", "error", a1(r, keySheetCol), {
        column: this.plan.cols[this.keyCol]?.header ?? "",
        value: key,
        params: { other: a1(first, keySheetCol) },
      });
      // the same unit twice: whether this row's figures belong in the totals is unknown
      this.sink.taint(issue, r, this.plan.allCols);
    }
    const more = this.keyMore.get(key);
    if (more === undefined) this.keyMore.set(key, [r]);
    else if (more.length < 50) more.push(r);
  }

  /** The duplicate key of a row whose key cell reads as OK. */
  private keyText(raw: CellValue, enumIndex: number): string {
    return keyText(this.plan, this.keyCol, raw, enumIndex);
  }

  /** The key of a data row already indexed (read again: only needed when two hashes are equal). */
  private keyOfRow(p: number): string {
    const sheet = this.plan.detected.sheet;
    const raw = sheet.values[p]?.[this.keySheetCol];
    (this.plan.readers[this.keyCol] as ColumnReader).read(
      raw,
      sheet.formats?.[p]?.[this.keySheetCol],
      sheet.formats !== undefined,
      this.keyReading
    );
    return this.keyText(raw, this.keyReading.value);
  }
}
