/**
 * Writes that add sheets (templates, comparison). Each user action is one Excel.run whose writes
 * all go in ONE `context.sync()` after a read-only sync of the sheet names: a host that records
 * add-in edits on the undo stack records one step per sync (per `Excel.RunOptions`), so one click
 * is one undo step there. Nothing existing is overwritten: new sheets get unused names.
 */
import type { PlanBlock, SheetPlan } from "./layout";
import { describeOfficeError } from "./errors";

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

/** Queues the writes of one plan on a new sheet (no sync). */
function queuePlan(context: Excel.RequestContext, plan: SheetPlan): Excel.Worksheet {
  const ws = context.workbook.worksheets.add(plan.name);
  plan.blocks.forEach((b, i) => {
    applyBlock(ws, b);
    if (i > 0) ws.getRange(b.address).format.autofitColumns(); // not the title row: it may overflow
  });
  for (const l of plan.lists ?? []) {
    ws.getRange(l.address).dataValidation.rule = {
      list: { inCellDropDown: true, source: l.allowed.join(",") },
    };
  }
  if (plan.freezeRows) ws.freezePanes.freezeRows(plan.freezeRows);
  if (plan.chart) {
    const chart = ws.charts.add("ColumnClustered", ws.getRange(plan.chart.source), "Columns");
    chart.title.text = plan.chart.title;
    chart.setPosition(plan.chart.position[0], plan.chart.position[1]);
  }
  return ws;
}

/**
 * Adds the sheets `makePlans` returns for the names already taken; activates the first one.
 * Two syncs: names (read), then every write at once.
 */
export async function addPlannedSheets(
  makePlans: (taken: string[]) => SheetPlan[],
  action: string
): Promise<string[]> {
  try {
    return await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.load("items/name");
      await context.sync();
      const plans = makePlans(sheets.items.map((s) => s.name));
      const added = plans.map((p) => queuePlan(context, p));
      added[0]?.activate();
      await context.sync();
      return plans.map((p) => p.name);
    });
  } catch (e) {
    throw describeOfficeError(e, action);
  }
}
