/**
 * G-03, the 合计 row: each count and money column's total against the sum of the data rows, and
 * the rates of the 合计 row against the totals of their counts (e.g. T4-03). Its absence is a
 * warning, and a sheet with no data rows at all is no report of its table (G-06).
 *
 * A column whose unit is on each row (表4's 受理数 in 件, 个 or 人次: `unitColumn`) has no 合计: a
 * 合计 row is not asked for when every summed column is such a column, and the 合计 cell of one
 * (an old 表4's, whose template summed 件 and 个) is neither asked for nor checked, whatever it
 * holds; nor are the rates of the 合计 row over such counts.
 */
import { a1, type CellValue } from "../model";
import {
  ColumnReader,
  displayValue,
  READ_BLANK,
  READ_INVALID,
  READ_OK,
  TYPE_MONEY,
  unreadableCode,
} from "../read/cell";
import { isNoteLabel, isTotalLabel } from "../detect/table";
import { formatFen } from "../read/numbers";
import { hasTotalRow, type ColumnDefinition } from "../definitions";
import { checkRate, type RateCheck } from "./named-checks";
import {
  TOTAL_AGREES,
  TOTAL_BLANK,
  TOTAL_DIFFERS,
  TOTAL_UNREADABLE,
  type ColumnPlan,
  type RowValues,
} from "./plan";
import { rowAddress, type TableIssues } from "./sink";

const OK: number = READ_OK;
const BLANK: number = READ_BLANK;
const INVALID: number = READ_INVALID;
const K_MONEY: number = TYPE_MONEY;
const totalLabel = isTotalLabel;

const noteLabel = isNoteLabel;

/**
 * Whether a row is a note under the table (说明：…, in one of the plan's label columns): the table
 * ends above it.
 */
export function isNoteRow(plan: ColumnPlan, row: readonly CellValue[]): boolean {
  const labelCols = plan.labelCols;
  for (let i = 0; i < labelCols.length; i++)
    if (noteLabel(row[labelCols[i] as number])) return true;
  return false;
}

/** Whether a row is the 合计 row (its label in one of the plan's label columns). */
export function isTotalRow(plan: ColumnPlan, row: readonly CellValue[]): boolean {
  const labelCols = plan.labelCols;
  for (let i = 0; i < labelCols.length; i++)
    if (totalLabel(row[labelCols[i] as number])) return true;
  return false;
}

/**
 * Checks the 合计 row (0-based sheet row `totalRow`, -1 when there is none) once every data row
 * is read: `rv` holds the column totals; its row values are overwritten.
 */
export function checkTotalsRow(
  plan: ColumnPlan,
  rv: RowValues,
  sink: TableIssues,
  rates: readonly RateCheck[],
  totalRow: number,
  dataRows: number
): void {
  const d = plan.detected;
  const headerAddress = rowAddress(d.headerRow);
  const totalRowCells = totalRow >= 0 ? (d.sheet.values[totalRow] ?? []) : undefined;
  if (totalRowCells !== undefined) {
    checkTotals(plan, rv, sink, totalRow, totalRowCells);
    checkTotalRates(plan, rv, sink, rates, totalRow, totalRowCells);
  } else if (dataRows > 0 && hasTotalRow(plan.definition.def)) {
    sink.push("G-03", "no-total-row", "warning", headerAddress, {});
  }
  // G-06: a template with no data rows is no report of that table (a blank template checks as this)
  if (dataRows === 0) sink.push("G-06", "empty-table", "error", headerAddress, {});
}

/** Each summed column's 合计 cell against the sum of the data rows. */
function checkTotals(
  plan: ColumnPlan,
  rv: RowValues,
  sink: TableIssues,
  totalRow: number,
  cells: readonly CellValue[]
): void {
  const { n, colOf, cols, summed, kinds } = plan;
  const { sums, filled, reading } = rv;
  const formats = plan.detected.sheet.formats;
  const hasFormats = formats !== undefined;
  for (let k = 0; k < n; k++) {
    const c = colOf[k] as number;
    if (!summed[k] || c < 0) continue;
    const v = cells[c];
    // an old 表4's 合计 adds up 件 and 个: no figure reads it, and it is left alone
    if (cols[k]?.unitColumn !== undefined) continue;
    // a total may be below a row minimum (期数 ≥ 1 per row, but no rows at all sum to 0)
    const reader = new ColumnReader({ ...(cols[k] as ColumnDefinition), min: 0 });
    reader.read(v, formats?.[totalRow]?.[c], hasFormats, reading);
    const column = cols[k]?.header ?? "";
    const sum = sums[k] as number;
    const expected = kinds[k] === K_MONEY ? formatFen(sum) : sum;
    if (reading.status === BLANK) {
      rv.totalState[k] = TOTAL_BLANK;
      if (filled[k])
        sink.push("G-03", "total-blank", "warning", a1(totalRow, c), {
          column,
          expected,
        });
      continue;
    }
    if (reading.status === INVALID) {
      rv.totalState[k] = TOTAL_UNREADABLE;
      sink.taint(
        sink.push("G-02", unreadableCode(reading), "error", a1(totalRow, c), {
          column,
          value: displayValue(v),
        }),
        totalRow,
        [k]
      );
      continue;
    }
    if (reading.code !== "") {
      sink.push("G-02", reading.code, "warning", a1(totalRow, c), {
        column,
        value: displayValue(v),
        expected: reading.expected ?? null,
        params: { lenient: reading.lenient },
      });
    }
    rv.totalState[k] = reading.value === sum ? TOTAL_AGREES : TOTAL_DIFFERS;
    if (reading.value !== sum) {
      // the 合计 and the rows disagree: the total drafted (the rows' sum) is unverified
      const issue = sink.push("G-03", "total-mismatch", "error", a1(totalRow, c), {
        column,
        value: displayValue(v),
        expected,
      });
      sink.taint(issue, totalRow, [k]);
    }
  }
}

/** Whether a rate's counts carry the unit of their row (its 合计 is then not checked). */
function perRowUnitRate(plan: ColumnPlan, check: RateCheck): boolean {
  const { cols } = plan;
  return cols[check.num]?.unitColumn !== undefined || cols[check.den]?.unitColumn !== undefined;
}

/** The rate checks (e.g. T4-03) on the 合计 row: its rates against the totals of the counts. */
function checkTotalRates(
  plan: ColumnPlan,
  rv: RowValues,
  sink: TableIssues,
  rates: readonly RateCheck[],
  totalRow: number,
  cells: readonly CellValue[]
): void {
  const checked = rates.filter((check) => !perRowUnitRate(plan, check));
  if (checked.length === 0) return;
  const { n, colOf, cols, summed, readers } = plan;
  const { status, vals, sums, filled, reading } = rv;
  const formats = plan.detected.sheet.formats;
  const hasFormats = formats !== undefined;
  for (let k = 0; k < n; k++) {
    status[k] = summed[k] && filled[k] ? OK : BLANK;
    vals[k] = summed[k] ? (sums[k] as number) : NaN;
  }
  for (const check of checked) {
    const c = colOf[check.rate] as number;
    if (c < 0) continue;
    const v = cells[c];
    (readers[check.rate] as ColumnReader).read(v, formats?.[totalRow]?.[c], hasFormats, reading);
    status[check.rate] = reading.status;
    vals[check.rate] = reading.value;
    if (reading.status === INVALID) {
      sink.push("G-02", unreadableCode(reading), "error", a1(totalRow, c), {
        column: cols[check.rate]?.header ?? "",
        value: displayValue(v),
      });
    } else if (reading.status === OK && reading.code !== "") {
      sink.push("G-02", reading.code, "warning", a1(totalRow, c), {
        column: cols[check.rate]?.header ?? "",
        value: displayValue(v),
        expected: reading.expected ?? null,
        params: { lenient: reading.lenient },
      });
    }
  }
  for (const check of checked) checkRate(plan, check, rv, sink, totalRow, cells);
}
