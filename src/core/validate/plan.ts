/**
 * The column plan of one detected sheet: everything the row loop needs about the definition's
 * columns, resolved once per sheet into typed arrays (kind, minimum, required, summed) and the
 * sheet columns they sit in. The per-row state (`RowValues`) is allocated here too.
 */
import type { CellValue } from "../model";
import {
  ColumnReader,
  isBlankCell,
  newReading,
  READ_INVALID,
  TYPE_CODE,
  type CellReading,
} from "../read/cell";
import type { DetectedTable } from "../detect/table";
import type { ColumnDefinition, CompiledDefinition } from "../definitions";

export interface ColumnPlan {
  readonly detected: DetectedTable;
  readonly definition: CompiledDefinition;
  readonly cols: readonly ColumnDefinition[];
  /** Number of definition columns. */
  readonly n: number;
  /** Sheet column of each definition column, -1 when missing. */
  readonly colOf: Int32Array;
  readonly readers: readonly ColumnReader[];
  /** TYPE_* code of each column. */
  readonly kinds: Int8Array;
  /** Row minimum of each column (0 when none). */
  readonly mins: Float64Array;
  readonly required: Uint8Array;
  /** 1 for the count and money columns (the ones a 合计 row sums). */
  readonly summed: Uint8Array;
  /** Sheet columns of the definition columns present. */
  readonly mapped: Int32Array;
  /** Every column index in the definition. */
  readonly allCols: readonly number[];
  /** Sheet columns the 合计 label may be in. */
  readonly labelCols: Int32Array;
  /** Sheet column of 备注, or -1. */
  readonly remarkCol: number;
}

/** The values of the row being read, and the running column totals. */
export interface RowValues {
  /**
   * Read value of each definition column (NaN when not OK); when a row rule reads `上年(列)`, then
   * last year's values of the same unit's row (slots n … 2n−1).
   */
  readonly vals: Float64Array;
  /** READ_* status of each slot of `vals` (last year's: invalid when there is no such row). */
  readonly status: Uint8Array;
  readonly sums: Float64Array;
  readonly filled: Int32Array;
  /** Cells of data rows left out of every sum because they cannot be read: pairs (column, row). */
  readonly leftOut: number[];
  /** What the 合计 cell of each column holds against its sum (TOTAL_* codes, TOTAL_NONE when unchecked). */
  readonly totalState: Int8Array;
  /** Scratch reading for the slow path. */
  readonly reading: CellReading;
}

/** Resolves the definition's columns for one detected sheet. */
export function planColumns(d: DetectedTable): ColumnPlan {
  const t = d.definition;
  const cols = t.columns;
  const n = cols.length;
  const colOf = d.colOf;
  const kinds = new Int8Array(n);
  const mins = new Float64Array(n);
  const required = new Uint8Array(n);
  const summed = new Uint8Array(n);
  const mappedList: number[] = [];
  cols.forEach((c, k) => {
    kinds[k] = TYPE_CODE[c.type];
    mins[k] = c.min ?? 0;
    required[k] = c.required ? 1 : 0;
    summed[k] = c.type === "count" || c.type === "money" ? 1 : 0;
    if ((colOf[k] ?? -1) >= 0) mappedList.push(colOf[k] ?? 0);
  });
  // the 合计 label: in the sheet's first column, the table's first column, or the definition's first column
  const labelCols = Int32Array.from(
    new Set(
      [0, mappedList.length > 0 ? Math.min(...mappedList) : 0, colOf[0] ?? -1].filter((c) => c >= 0)
    )
  );
  return {
    detected: d,
    definition: t,
    cols,
    n,
    colOf,
    readers: t.readers,
    kinds,
    mins,
    required,
    summed,
    mapped: Int32Array.from(mappedList),
    allCols: cols.map((_c, k) => k),
    labelCols,
    remarkCol: t.remark >= 0 ? (colOf[t.remark] ?? -1) : -1,
  };
}

/** `RowValues.totalState`: not checked, agrees, differs, blank, cannot be read. */
export const TOTAL_NONE = 0;
export const TOTAL_AGREES = 1;
export const TOTAL_DIFFERS = 2;
export const TOTAL_BLANK = 3;
export const TOTAL_UNREADABLE = 4;

/** Fresh per-row state for a plan. */
export function newRowValues(plan: ColumnPlan): RowValues {
  const n = plan.n;
  const slots = plan.definition.lastYearRows ? 2 * n : n;
  const status = new Uint8Array(slots);
  status.fill(READ_INVALID, n);
  return {
    vals: new Float64Array(slots),
    status,
    sums: new Float64Array(n),
    filled: new Int32Array(n),
    leftOut: [],
    totalState: new Int8Array(n),
    reading: newReading(),
  };
}

/** Whether a row's 备注 is filled (its warnings count as explained). */
export function remarkFilled(plan: ColumnPlan, row: readonly CellValue[] | undefined): boolean {
  return plan.remarkCol >= 0 && row !== undefined && !isBlankCell(row[plan.remarkCol]);
}
