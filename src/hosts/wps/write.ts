/**
 * Adding sheets from the Office host's plans (`../office/layout`: the templates and the 同比
 * sheet, host-neutral data) through ET. WPS has no undo grouping for add-in edits, so:
 * the plans, names and checks (workbook structure not protected) are all done before the first
 * write; only new sheets are written; and if a write fails half way, the sheets this action
 * added are deleted again, so the workbook is as it was.
 */
import { a1, parseA1 } from "../../core";
import type { PlanBlock, SheetPlan } from "../office/layout";
import { ET, type EtApplication, type EtWorksheet } from "./et";
import { describeEtError, WpsHostError } from "./errors";
import { activeWorkbook, listSheets } from "./workbook";

interface Box {
  readonly r0: number;
  readonly c0: number;
  readonly rows: number;
  readonly cols: number;
}

function box(address: string): Box {
  const [a, b = a] = address.split(":");
  const p = parseA1(a!);
  const q = parseA1(b!);
  const r0 = p?.row ?? 0;
  const c0 = p?.col ?? 0;
  return { r0, c0, rows: (q?.row ?? r0) - r0 + 1, cols: (q?.col ?? c0) - c0 + 1 };
}

/** Number formats by runs down each column (one call per run, not per cell). */
function writeFormats(ws: EtWorksheet, b: Box, formats: readonly (readonly string[])[]): void {
  for (let c = 0; c < b.cols; c++) {
    let start = 0;
    for (let r = 1; r <= b.rows; r++) {
      const f = formats[start]?.[c];
      if (r < b.rows && formats[r]?.[c] === f) continue;
      if (f !== undefined)
        ws.Range(`${a1(b.r0 + start, b.c0 + c)}:${a1(b.r0 + r - 1, b.c0 + c)}`).NumberFormat = f;
      start = r;
    }
  }
}

function applyBlock(ws: EtWorksheet, block: PlanBlock, autofit: boolean): void {
  const b = box(block.address);
  if (block.formats) writeFormats(ws, b, block.formats); // first: text cells are text before values arrive
  if (block.values) ws.Range(block.address).Value2 = block.values;
  block.formulas?.forEach((row, r) =>
    row.forEach((f, c) => {
      // only the add-in's own =SUM formulas
      if (f.startsWith("=")) ws.Range(a1(b.r0 + r, b.c0 + c)).Formula = f;
    })
  );
  if (block.bold) ws.Range(block.address).Font.Bold = true;
  if (autofit) ws.Range(block.address).Columns.AutoFit();
}

function applyPlan(app: EtApplication, ws: EtWorksheet, plan: SheetPlan): void {
  plan.blocks.forEach((b, i) => applyBlock(ws, b, i > 0)); // not the title row: it may overflow
  for (const l of plan.lists ?? []) {
    ws.Range(l.address).Validation.Add(
      ET.xlValidateList,
      ET.xlValidAlertStop,
      ET.xlBetween,
      l.allowed.join(",")
    );
  }
  if (plan.freezeRows) {
    ws.Activate(); // panes freeze in the active window
    const win = app.ActiveWindow;
    if (win) {
      win.SplitColumn = 0;
      win.SplitRow = plan.freezeRows;
      win.FreezePanes = true;
    }
  }
  if (plan.chart) {
    const place = ws.Range(`${plan.chart.position[0]}:${plan.chart.position[1]}`);
    const shape = ws.Shapes.AddChart2(
      -1,
      plan.chart.type === "Line" ? ET.xlLine : ET.xlColumnClustered,
      Number(place.Left),
      Number(place.Top),
      Number(place.Width),
      Number(place.Height)
    );
    const chart = shape.Chart;
    chart.SetSourceData(
      ws.Range(plan.chart.source),
      plan.chart.seriesBy === "Rows" ? ET.xlRows : ET.xlColumns
    );
    chart.HasTitle = true;
    chart.ChartTitle.Text = plan.chart.title;
  }
}

/**
 * Adds the sheets `makePlans` returns for the names already taken (after the last sheet) and
 * activates the first one; returns their names.
 */
export function addPlannedSheetsInEt(
  app: EtApplication,
  makePlans: (taken: string[]) => SheetPlan[],
  action: string
): string[] {
  const added: EtWorksheet[] = [];
  try {
    const wb = activeWorkbook(app);
    if (wb.ProtectStructure === true)
      throw new WpsHostError(
        `${action}失败：工作簿结构受保护，不能添加工作表。请先撤销工作簿保护（审阅 › 保护工作簿）后再试；工作簿未作任何改动。`,
        "Protected"
      );
    const plans = makePlans(listSheets(wb).map((s) => s.name));
    const sheets = wb.Worksheets;
    for (const plan of plans) {
      const ws = sheets.Add(undefined, sheets.Item(sheets.Count));
      added.push(ws);
      ws.Name = plan.name;
      applyPlan(app, ws, plan);
    }
    added[0]?.Activate();
    return plans.map((p) => p.name);
  } catch (e) {
    if (added.length > 0) {
      // no undo in WPS: take back the sheets this action added, nothing else was touched
      const alerts = app.DisplayAlerts;
      try {
        app.DisplayAlerts = false;
        for (const ws of added.reverse()) ws.Delete();
      } catch {
        /* the message below says what happened */
      } finally {
        app.DisplayAlerts = alerts;
      }
      const err = describeEtError(e, action);
      throw new WpsHostError(`${err.message}（已删除本次添加的工作表，原有内容未改动。）`);
    }
    throw describeEtError(e, action);
  }
}
