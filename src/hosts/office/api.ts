/**
 * Which ExcelApi requirement sets this Excel has. The manifest asks only for what checking and
 * drafting need; every richer feature asks here at run time, with
 * `Office.context.requirements.isSetSupported`
 * (https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport), and is offered
 * or plainly explained as unavailable. Each member's set is the `[Api set: ExcelApi x.y]` of its
 * reference page (the same line is in the JSDoc of `@types/office-js`).
 */

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
