/**
 * Listening for the user's edits (worksheets.onChanged, ExcelApi 1.9) so that the pane can check
 * a changed table again. The handler is added in one request context and, as Office.js requires,
 * removed in that same context (`Excel.run(result.context, …)`), never in a new one.
 */
import { officeFeatures } from "./features";
import { OfficeHostError, describeOfficeError } from "./errors";

/**
 * How long after the add-in's own write its change events are still taken for its own where Excel
 * does not say who caused a change (no `triggerSource` before ExcelApi 1.14): events arrive after
 * the sync that caused them.
 */
export const OWN_WRITE_SETTLE_MS = 2000;

/** Sheets the add-in is writing (lower-case name → writes under way, and when the last settles). */
const ownWrites = new Map<string, { running: number; until: number }>();

/**
 * Marks these sheets as being written by the add-in until the returned `release` is called and
 * `OWN_WRITE_SETTLE_MS` more have passed: their change events are then not the user's.
 */
export function holdOwnWrite(names: readonly string[]): () => void {
  const now = Date.now();
  for (const [k, h] of ownWrites) if (h.running === 0 && h.until < now) ownWrites.delete(k);
  const keys = names.map((n) => n.toLowerCase());
  for (const k of keys) {
    const h = ownWrites.get(k) ?? { running: 0, until: 0 };
    h.running++;
    ownWrites.set(k, h);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const until = Date.now() + OWN_WRITE_SETTLE_MS;
    for (const k of keys) {
      const h = ownWrites.get(k);
      if (!h) continue;
      h.running--;
      h.until = Math.max(h.until, until);
    }
  };
}

/**
 * Whether a change of `name` is taken for the add-in's own write: Excel raises onChanged for
 * add-in writes as for the user's
 * (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#event-triggers).
 * Where it does not say who caused it — no `triggerSource` before ExcelApi 1.14, or `Unknown`
 * ("unknown or currently unsupported", https://learn.microsoft.com/javascript/api/excel/excel.eventtriggersource) —
 * a change of a sheet being written, or just written, is the add-in's.
 */
function beingWritten(name: string): boolean {
  const h = ownWrites.get(name.toLowerCase());
  return h !== undefined && (h.running > 0 || Date.now() <= h.until);
}

/** The name of the sheet with this id now, or undefined when it is gone. */
async function sheetName(id: string): Promise<string | undefined> {
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(id).load("name");
    await context.sync();
    return ws.isNullObject ? undefined : ws.name;
  });
}

/**
 * Calls `onChange` with the changed sheet's name after each edit; resolves to `stop`, which removes
 * the handler with the context that added it.
 */
export async function watchChangesInExcel(
  onChange: (sheets: readonly string[]) => void
): Promise<() => Promise<void>> {
  // WorksheetCollection.onChanged is ExcelApi 1.9; each sheet's own onChanged (1.7) would need a
  // handler per sheet and one more for sheets added later, and is not used
  const live = officeFeatures().find((f) => f.id === "liveRecheck");
  if (live && !live.available) throw new OfficeHostError(live.reason ?? "", "ApiNotFound");
  const handler = async (event: Excel.WorksheetChangedEventArgs) => {
    // ExcelApi 1.14 names the add-in's own changes (Excel.EventTriggerSource)
    if ((event.triggerSource as string | undefined) === "ThisLocalAddin") return;
    try {
      const name = await sheetName(event.worksheetId);
      if (name !== undefined && !beingWritten(name)) onChange([name]);
    } catch {
      // the sheet went away meanwhile: nothing to check again
    }
  };
  let result: OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;
  try {
    result = await Excel.run(async (context) => {
      const added = context.workbook.worksheets.onChanged.add(handler);
      await context.sync();
      return added;
    });
  } catch (e) {
    throw describeOfficeError(e, "开启自动重新校验");
  }
  let stopped = false;
  return async () => {
    if (stopped) return;
    stopped = true;
    await Excel.run(result.context, async (context) => {
      result.remove();
      await context.sync();
    });
  };
}
