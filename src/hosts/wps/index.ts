/**
 * The WPS host: the task pane's `WorkbookHost` on the workbook open in WPS 表格, through its
 * JavaScript add-in API (the ET object model, `window.Application`). The same pane, the same
 * plans and the same guarantees as the Office host: reading never writes, a cell changes only
 * when the user clicks an action that says so, and — WPS having no undo for add-in edits — every
 * check runs before the first write.
 */
import type { ComparisonRow, ReadOptions, SeriesRow, WorkbookHost } from "../host";
import type { Issue, WorkbookModel, TableDefinition } from "../../core";
import { comparisonPlan, seriesSheetPlan, yearProblem } from "../office/layout";
import { uniqueSheetName } from "../office/text";
import { definitionsPlans, templatesPlans } from "../office/sheets";
import type { EtApplication } from "./et";
import { WpsHostError } from "./errors";
import { clearMarksInEt, markIssuesInEt } from "./marks";
import { ET_READ_LIMITS, readWorkbookFromEt, type EtReadLimits } from "./read";
import { selectCellInEt, selectRangesInEt } from "./select";
import { addPlannedSheetsInEt } from "./write";

export { ET_READ_LIMITS, type EtReadLimits } from "./read";
export { WpsHostError } from "./errors";
export { WPS_MARKS_NAMESPACE } from "./marks";
export { STORE_SHEET } from "./workbook";
export { findEtApplication, type EtApplication } from "./et";

export interface WpsHostOptions {
  readonly limits?: EtReadLimits;
}

function checkYear(year: number): void {
  const problem = yearProblem(year);
  if (problem) throw new WpsHostError(problem, "InvalidArgument");
}

/** Runs a synchronous ET action as the host's promise (a throw becomes a rejection). */
function later<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve) => resolve(work()));
}

/**
 * A `WorkbookHost` on WPS 表格's active workbook.
 * @example const host = createWpsHost(window.Application); await host.readWorkbook({ signal });
 */
export function createWpsHost(app: EtApplication, options: WpsHostOptions = {}): WorkbookHost {
  const limits = options.limits ?? ET_READ_LIMITS;
  return {
    kind: "wps",
    label: "当前工作簿（WPS 表格）",
    readWorkbook: (o?: ReadOptions): Promise<WorkbookModel> => readWorkbookFromEt(app, o, limits),
    selectCell: (sheet: string, cell: string) => later(() => selectCellInEt(app, sheet, cell)),
    selectRanges: (sheet: string, ranges: readonly string[]) =>
      later(() => selectRangesInEt(app, sheet, ranges)),
    insertTemplates: (year: number, definitions?: readonly TableDefinition[]) =>
      later(() => {
        checkYear(year);
        return addPlannedSheetsInEt(
          app,
          // the 报表定义 sheet a bureau's templates carry is left unprotected here (not asked of ET)
          (taken) => templatesPlans(year, taken, definitions),
          "插入模板"
        );
      }),
    insertDefinitions: (definitions: readonly TableDefinition[]) =>
      later(
        () =>
          addPlannedSheetsInEt(
            app,
            (taken) => definitionsPlans(definitions, taken),
            "插入报表定义"
          )[0] ?? ""
      ),
    markIssues: (issues: readonly Issue[]) =>
      later(() => ({ marked: markIssuesInEt(app, issues), unmarked: 0 })),
    clearMarks: () => later(() => clearMarksInEt(app)),
    insertComparison: (
      rows: readonly ComparisonRow[],
      years: { current: number; previous: number }
    ) =>
      later(() => {
        checkYear(years.current);
        checkYear(years.previous);
        const [name] = addPlannedSheetsInEt(
          app,
          (taken) => [
            comparisonPlan(
              rows,
              years,
              uniqueSheetName(
                `同比 ${years.current}-${years.previous}`,
                new Set(taken.map((t) => t.toLowerCase()))
              )
            ),
          ],
          "插入同比表"
        );
        return name ?? "";
      }),
    insertSeries: (rows: readonly SeriesRow[], years: { from: number; to: number }) =>
      later(() => {
        checkYear(years.from);
        checkYear(years.to);
        const plan = (taken: string[]) => [seriesSheetPlan(rows, years, taken)];
        return addPlannedSheetsInEt(app, plan, "插入历年表")[0] ?? "";
      }),
  };
}
