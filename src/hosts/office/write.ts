/**
 * Writes that add sheets (templates, comparison, 汇总, 报表定义). Each user action is one Excel.run:
 * a read-only sync of the sheet names, then the writes. A host that records add-in edits on the
 * undo stack records one step per sync (per `Excel.RunOptions`), so an ordinary click is one undo
 * step there; a write too large for one request (Excel on the web refuses one over 5 MB) goes in
 * several syncs, each under `WRITE_CHUNK_BYTES`, grouped into one undo step where ExcelApi 1.20
 * allows (`mergeUndoGroup`). Nothing existing is overwritten: new sheets get
 * unused names.
 *
 * Only ExcelApi 1.1 is assumed; a richer member is used where the host has its set (features.ts):
 * autofit (1.2), frozen header rows (1.7), dropdown lists (1.8; the hidden lists sheet is set
 * hidden, 1.2), a protected 报表定义 sheet (1.2). Below, the sheets are written without them.
 */
import { columnLetters, LIST_SOURCE_MAX_CHARS, LISTS_SHEET } from "../../core";
import { hasExcelApi, runAsOneUndoStep } from "./api";
import { officeHasFeature } from "./features";
import { jsonBytes } from "./cells";
import { describeOfficeError } from "./errors";
import { splitBlockRows, type PlanBlock, type SheetPlan } from "./layout";
import { TEXT_FORMAT, cellText, uniqueSheetName } from "./text";
import { holdOwnWrite } from "./watch";

/** Bytes of queued writes after which they are synced: far under the 5 MB of Excel on the web. */
export const WRITE_CHUNK_BYTES = 1024 * 1024;
/** What one queued command adds besides its values (object path, names, JSON punctuation). */
const COMMAND_BYTES = 256;

/** Queued writes, synced whenever the next one would take the request past `WRITE_CHUNK_BYTES`. */
class Batch {
  private bytes = 0;
  constructor(private readonly context: Excel.RequestContext) {}
  async room(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > WRITE_CHUNK_BYTES) {
      await this.context.sync();
      this.bytes = 0;
    }
    this.bytes += bytes;
  }
}

function blockBytes(b: PlanBlock): number {
  return (
    COMMAND_BYTES * 4 +
    (b.values ? jsonBytes(b.values) : 0) +
    (b.formats ? jsonBytes(b.formats) : 0) +
    (b.formulas ? jsonBytes(b.formulas) : 0)
  );
}

function applyBlock(ws: Excel.Worksheet, b: PlanBlock): void {
  const range = ws.getRange(b.address);
  if (b.formats) range.numberFormat = b.formats; // first: text cells are text before values arrive
  if (b.values) range.values = b.values;
  if (b.formulas) {
    // Only the add-in's own =SUM formulas; blanks in the array leave the cells as they are.
    range.formulas = b.formulas.map((r) =>
      r.map((f) => (f.startsWith("=") ? f : null))
    ) as unknown as string[][];
  }
  if (b.bold) range.format.font.bold = true;
}

/** A reference formula to rows 1…n of `column` on `sheet`, as a list validation's source. */
function listReference(sheet: string, column: number, n: number): string {
  const col = columnLetters(column);
  return `='${sheet.replace(/'/g, "''")}'!$${col}$1:$${col}$${n}`;
}

/**
 * Allowed-value lists longer than a validation rule takes, kept in the columns of one hidden
 * sheet (the same list once); `source` gives each list's validation source.
 */
class LongLists {
  readonly lists: (readonly string[])[] = [];
  private readonly columns = new Map<string, number>();
  constructor(readonly sheet: string) {}
  source(allowed: readonly string[]): string {
    const typed = allowed.join(",");
    if (typed.length <= LIST_SOURCE_MAX_CHARS) return typed;
    let column = this.columns.get(typed);
    if (column === undefined) {
      column = this.lists.length;
      this.lists.push(allowed);
      this.columns.set(typed, column);
    }
    return listReference(this.sheet, column, allowed.length);
  }
}

/** Queues the writes of one plan on a new sheet, syncing as the batch fills. */
async function queuePlan(
  context: Excel.RequestContext,
  batch: Batch,
  plan: SheetPlan,
  lists: LongLists
): Promise<Excel.Worksheet> {
  const ws = context.workbook.worksheets.add(plan.name);
  for (const [i, b] of plan.blocks.entries()) {
    for (const part of splitBlockRows(b, WRITE_CHUNK_BYTES / 2, blockBytes)) {
      await batch.room(blockBytes(part));
      applyBlock(ws, part);
    }
    // not the title row: it may overflow
    if (i > 0 && hasExcelApi("1.2")) ws.getRange(b.address).format.autofitColumns();
  }
  if (officeHasFeature("templateDropdowns")) {
    for (const l of plan.lists ?? []) {
      const source = lists.source(l.allowed);
      await batch.room(COMMAND_BYTES + source.length * 3);
      ws.getRange(l.address).dataValidation.rule = { list: { inCellDropDown: true, source } };
    }
  }
  if (plan.freezeRows && officeHasFeature("freezePanes"))
    ws.freezePanes.freezeRows(plan.freezeRows);
  if (plan.chart) {
    // ChartCollection.add, Excel.ChartType.line and ChartSeriesBy.rows are ExcelApi 1.1
    // (@types/office-js; https://learn.microsoft.com/javascript/api/excel/excel.chartcollection#excel-excel-chartcollection-add-member(1))
    const chart = ws.charts.add(
      plan.chart.type ?? "ColumnClustered",
      ws.getRange(plan.chart.source),
      plan.chart.seriesBy ?? "Columns"
    );
    chart.title.text = plan.chart.title;
    chart.setPosition(plan.chart.position[0], plan.chart.position[1]);
  }
  // last, once every write to the sheet is queued. Worksheet.protection is ExcelApi 1.2
  // (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection): protect()
  // with no password, so Review › Unprotect Sheet lifts it; below 1.2 the sheet stays open
  if (plan.protect && hasExcelApi("1.2")) ws.protection.protect();
  return ws;
}

/** Writes the long lists into their hidden sheet, one list a column, as text. */
async function queueLists(
  context: Excel.RequestContext,
  batch: Batch,
  lists: LongLists
): Promise<void> {
  if (lists.lists.length === 0) return;
  const ws = context.workbook.worksheets.add(lists.sheet);
  for (const [column, allowed] of lists.lists.entries()) {
    const col = columnLetters(column);
    const block: PlanBlock = {
      address: `${col}1:${col}${allowed.length}`,
      values: allowed.map((v) => [cellText(v)]),
      formats: allowed.map(() => [TEXT_FORMAT]),
    };
    for (const part of splitBlockRows(block, WRITE_CHUNK_BYTES / 2, blockBytes)) {
      await batch.room(blockBytes(part));
      applyBlock(ws, part);
    }
  }
  ws.visibility = "Hidden"; // ExcelApi 1.2; lists exist only with dropdowns (1.8)
}

/**
 * Adds the sheets `makePlans` returns for the names already taken; activates the first one.
 * Two syncs (names, then every write) unless the writes are too large for one request.
 */
export async function addPlannedSheets(
  makePlans: (taken: string[]) => SheetPlan[],
  action: string
): Promise<string[]> {
  const batchRun = async (context: Excel.RequestContext): Promise<string[]> => {
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    const taken = sheets.items.map((s) => s.name);
    const plans = makePlans(taken);
    const names = plans.map((p) => p.name);
    const lists = new LongLists(
      uniqueSheetName(LISTS_SHEET, new Set([...taken, ...names].map((n) => n.toLowerCase())))
    );
    // the change events these writes raise are not the user's (watch.ts)
    const release = holdOwnWrite([...names, lists.sheet]);
    try {
      const batch = new Batch(context);
      const added: Excel.Worksheet[] = [];
      for (const p of plans) added.push(await queuePlan(context, batch, p, lists));
      await queueLists(context, batch, lists);
      added[0]?.activate();
      await context.sync();
    } finally {
      release();
    }
    return names;
  };
  try {
    // several syncs are still one undo step where Excel can group them (ExcelApi 1.20)
    return await runAsOneUndoStep(batchRun);
  } catch (e) {
    throw describeOfficeError(e, action);
  }
}
