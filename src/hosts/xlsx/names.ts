/** Which picked files are workbooks (no dependencies: the pane's tab uses it too). */

/** True for the workbook names the merge reads (not Excel's `~$` lock files or hidden files). */
export function isWorkbookName(name: string): boolean {
  const base = name.split(/[\\/]/).pop() ?? name;
  return /\.xls[xm]$/i.test(base) && !base.startsWith("~$") && !base.startsWith(".");
}
