/**
 * Which ExcelApi requirement sets this Excel has. The manifest asks only for what checking and
 * drafting need; every richer feature asks here at run time, with
 * `Office.context.requirements.isSetSupported`
 * (https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport), and is offered
 * or plainly explained as unavailable. Each member's set is the `[Api set: ExcelApi x.y]` of its
 * reference page (the same line is in the JSDoc of `@types/office-js`).
 */
import { officeErrorCode } from "./errors";

/**
 * Whether this Excel has ExcelApi `version`; false outside Office or when it cannot tell.
 * @example hasExcelApi("1.9") // true in Microsoft 365, false in Office 2019 (1.8)
 */
export function hasExcelApi(version: string): boolean {
  try {
    return (
      typeof Office !== "undefined" &&
      Office.context?.requirements?.isSetSupported("ExcelApi", version) === true
    );
  } catch {
    return false;
  }
}

/**
 * `Excel.run(batch)` as one undo step where this Excel groups an add-in's syncs (ExcelApi 1.20,
 * `mergeUndoGroup`); a host that cannot group them says so before doing anything
 * (`UndoNotSupported`), and the batch then runs ungrouped.
 */
export async function runAsOneUndoStep<T>(
  batch: (context: Excel.RequestContext) => Promise<T>
): Promise<T> {
  if (!hasExcelApi("1.20")) return Excel.run(batch);
  try {
    return await Excel.run({ mergeUndoGroup: true }, batch);
  } catch (e) {
    if (officeErrorCode(e) !== "UndoNotSupported") throw e;
    return Excel.run(batch);
  }
}
