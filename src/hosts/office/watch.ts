/**
 * Listening for the user's edits (worksheets.onChanged, ExcelApi 1.9) so that the pane can check
 * a changed table again. The handler is added in one request context and, as Office.js requires,
 * removed in that same context (`Excel.run(result.context, …)`), never in a new one.
 */
import { describeOfficeError } from "./errors";

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
  const handler = async (event: Excel.WorksheetChangedEventArgs) => {
    try {
      const name = await sheetName(event.worksheetId);
      if (name !== undefined) onChange([name]);
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
