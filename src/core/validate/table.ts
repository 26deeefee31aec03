/**
 * Validation of one table sheet, in the order a reader follows it:
 * 1. the column plan (plan.ts): the definition's columns resolved once for this sheet;
 * 2. the header row's issues (G-01, sink.ts);
 * 3. the data rows, up to the 合计 row (or a note, 说明：…): each row's cells read (cells.ts,
 *    G-02), its rules (row-rules.ts) and named checks (named-checks.ts), duplicates
 *    (duplicates.ts, G-04) and group totals (groups.ts);
 * 4. the 合计 row against the sums (totals.ts, G-03) and an empty sheet (G-06);
 * 5. the figures, located and marked unverified by the errors they depend on (table-figures.ts).
 * Issues are allocated only when something is wrong; records are built only when someone reads
 * `TableData.records`.
 */
import type { Figure, TableData, TableRecord } from "../figures";
import type { Issue } from "../issues";
import { a1 } from "../model";
import type { DetectedTable } from "../detect/table";
import type { CompiledDefinition } from "../definitions";
import { readRowCells } from "./cells";
import { DuplicateRows } from "./duplicates";
import { GroupSums } from "./groups";
import { checkNamedRow, planNamedChecks } from "./named-checks";
import { newRowValues, planColumns, type ColumnPlan } from "./plan";
import { buildRecords, isBlankRow } from "./records";
import { checkRowRules } from "./row-rules";
import type { LastYearRows } from "./last-year-rows";
import { headerIssues, TableIssues } from "./sink";
import { locateFigures, type FigureLocation } from "./table-figures";
import { checkTotalsRow, isNoteRow, isTotalRow } from "./totals";
import { WHOLE_COLUMN } from "./unverified";

export type { FigureLocation } from "./table-figures";

// The steps run on every row, bound once at load: with some module transforms every use of an
// imported binding is a property read (even a getter call), which costs per row.
const blankRow = isBlankRow;
const isTotal = isTotalRow;
const isNote = isNoteRow;
const readRow = readRowCells;
const rowRules = checkRowRules;
const namedRow = checkNamedRow;

export interface TableResult {
  readonly detected: DetectedTable;
  readonly table: TableData;
  /** The table's figures (the same array as `table.figures`, replaceable in place by the workbook checks). */
  readonly figures: Figure[];
  readonly locations: ReadonlyMap<string, FigureLocation>;
}

export interface TableContext {
  /** Setting values as rule expressions see them. */
  readonly settings: Float64Array;
  /** Year the dates should lie in (the table's year, else the year asked for). */
  readonly year: number | undefined;
  /** Last year's rows of this table, for row rules that read `上年(列)`. */
  readonly lastYear?: LastYearRows;
  /** Where to keep this sheet's rows for next year's sheet (when its rules read `上年(列)`). */
  readonly keep?: LastYearRows;
}

/**
 * One idle set of the per-sheet helpers (their classes' instances), kept while the module lives.
 * V8 keeps a class's hidden classes only while an instance of it is alive: without this set, a
 * garbage collection between two validations collected them, and with them the row loop's
 * optimised code, which then ran unoptimised until compiled again (`npm run bench -- core`,
 * 10,000 rows: median 16 ms instead of 5 ms).
 */
let idleHelpers: readonly object[] | undefined;

function keepHelperClasses(definition: CompiledDefinition): readonly object[] {
  const n = definition.columns.length;
  const plan = planColumns({
    definition,
    sheet: { name: "", values: [] },
    headerRow: 0,
    colOf: new Int32Array(n).fill(-1),
    missing: [],
    unknown: [],
    repeated: [],
    year: undefined,
  });
  const sink = new TableIssues([], "");
  return [sink, new DuplicateRows(plan, sink), new GroupSums(plan)];
}

/** Validates one detected table sheet, appending its issues. */
export function validateTable(d: DetectedTable, ctx: TableContext, issues: Issue[]): TableResult {
  idleHelpers ??= keepHelperClasses(d.definition);
  const sink = new TableIssues(issues, d.sheet.name);
  const plan = planColumns(d);
  reportHeader(plan, sink);

  const rows = d.sheet.values;
  const formats = d.sheet.formats;
  const hasFormats = formats !== undefined;
  const rv = newRowValues(plan);
  const named = planNamedChecks(d.definition);
  const duplicates = new DuplicateRows(plan, sink);
  const groups = new GroupSums(plan);
  const settings = ctx.settings;
  const year = ctx.year;
  const keep = ctx.keep;
  // 上年(列) needs last year's row of the unit; without last year's sheet the rule is skipped
  const lastYear = d.definition.lastYearRows ? ctx.lastYear : undefined;
  let totalRow = -1;
  let dataRows = 0;
  let firstData = -1;
  let lastData = -1;
  let end = rows.length;
  for (let r = d.headerRow + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row || row.length === 0 || blankRow(row, plan.mapped)) continue;
    if (isTotal(plan, row)) {
      totalRow = r;
      end = r;
      break;
    }
    // a note (说明：…) ends a table that has no 合计 row
    if (isNote(plan, row)) {
      end = r;
      break;
    }
    dataRows++;
    if (firstData < 0) firstData = r;
    lastData = r;
    readRow(plan, rv, sink, r, row, formats?.[r], hasFormats);
    if (keep !== undefined) keep.keep(plan, rv, row);
    if (lastYear !== undefined) lastYear.fill(plan, rv, row);
    rowRules(plan, rv, sink, settings, r, row);
    namedRow(plan, named, rv, sink, year, r, row);
    duplicates.check(rv, r, row);
    groups.add(rv, r);
  }

  checkTotalsRow(plan, rv, sink, named.rates, totalRow, dataRows);
  const { figures, locations } = locateFigures(
    plan,
    rv,
    groups,
    sink,
    totalRow,
    firstData < 0 ? [] : [firstData, lastData]
  );
  return { detected: d, table: tableData(plan, figures, dataRows, end), figures, locations };
}

/** G-01: the header row's issues; a header twice leaves unknown which column holds the figures. */
function reportHeader(plan: ColumnPlan, sink: TableIssues): void {
  const d = plan.detected;
  for (const issue of headerIssues(d)) {
    sink.append(issue);
    if (issue.code === "duplicate-header") {
      const first = d.repeated.find((u) => a1(d.headerRow, u.col) === issue.cell)?.first;
      const k = first === undefined ? -1 : Array.prototype.indexOf.call(plan.colOf, first);
      if (k >= 0) sink.taint(issue, WHOLE_COLUMN, [k]);
    }
  }
}

/** The table's data, its records built on first read (rows `headerRow+1` … `end-1`). */
function tableData(plan: ColumnPlan, figures: Figure[], dataRows: number, end: number): TableData {
  const d = plan.detected;
  const t = plan.definition;
  let records: TableRecord[] | undefined;
  const table: Omit<TableData, "records"> = {
    tableId: t.def.id,
    title: t.def.name,
    sheet: d.sheet.name,
    year: d.year,
    figures,
    rowCount: dataRows,
  };
  Object.defineProperty(table, "records", {
    enumerable: true,
    get(): readonly TableRecord[] {
      records ??= buildRecords(t, d, end, plan.mapped);
      return records;
    },
  });
  return table as TableData;
}
