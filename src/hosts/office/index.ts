/**
 * The Office host: the task pane's `WorkbookHost` on the workbook open in Excel (Excel.run).
 * Requires ExcelApi 1.1 (Excel 2016; see manifest.xml): reading and checking use nothing newer.
 * Each richer feature asks for its set at run time (features.ts lists them for the pane).
 */
import type { ComparisonRow, NewSheet, ReadOptions, SeriesRow, WorkbookHost } from "../host";
import type { Issue, WorkbookModel, TableDefinition } from "../../core";
import { readWorkbookFromExcel, READ_LIMITS, type ReadLimits } from "./read";
import { selectCellInExcel, selectRangesInExcel } from "./select";
import { clearMarksInExcel, markIssuesInExcel } from "./marks";
import { addPlannedSheets } from "./write";
import { comparisonPlan, seriesSheetPlan, yearProblem } from "./layout";
import { uniqueSheetName } from "./text";
import { definitionsPlans, templatesPlans, valuesPlans } from "./sheets";
import { OfficeHostError } from "./errors";
import { watchChangesInExcel } from "./watch";
import { officeFeatures, officeHasFeature } from "./features";

export { READ_LIMITS, type ReadLimits } from "./read";
export { ReadCancelledError, OfficeHostError } from "./errors";
export { MARKS_NAMESPACE, MARK_COLORS } from "./marks";

/** The ExcelApi version the add-in needs (keep in step with manifest.xml): Excel 2016's. */
export const REQUIRED_EXCEL_API = "1.1";

export interface OfficeHostOptions {
  /** Read limits (tests and benches shrink the threshold); defaults to READ_LIMITS. */
  readonly limits?: ReadLimits;
}

function checkYear(year: number): void {
  const problem = yearProblem(year);
  if (problem) throw new OfficeHostError(problem, "InvalidArgument");
}

/**
 * A `WorkbookHost` on the workbook open in Excel. Call after `Office.onReady`.
 * @example const host = createOfficeHost(); const wb = await host.readWorkbook({ signal });
 */
export function createOfficeHost(options: OfficeHostOptions = {}): WorkbookHost {
  const limits = options.limits ?? READ_LIMITS;
  return {
    kind: "office",
    label: "当前工作簿",
    readWorkbook: (o?: ReadOptions): Promise<WorkbookModel> => readWorkbookFromExcel(o, limits),
    selectCell: (sheet: string, cell: string) => selectCellInExcel(sheet, cell),
    selectRanges: (sheet: string, ranges: readonly string[]) => selectRangesInExcel(sheet, ranges),
    insertTemplates: async (year: number, definitions?: readonly TableDefinition[]) => {
      checkYear(year);
      return addPlannedSheets((taken) => templatesPlans(year, taken, definitions), "插入模板");
    },
    insertDefinitions: async (definitions: readonly TableDefinition[]) => {
      const [name] = await addPlannedSheets(
        (taken) => definitionsPlans(definitions, taken),
        "插入报表定义"
      );
      return name ?? "";
    },
    insertSheets: (sheets: readonly NewSheet[]) =>
      addPlannedSheets((taken) => valuesPlans(sheets, taken), "插入汇总表"),
    markIssues: (issues: readonly Issue[]) => markIssuesInExcel(issues),
    clearMarks: () => clearMarksInExcel(),
    // worksheets.onChanged is ExcelApi 1.9: without it there is nothing to listen to
    ...(officeHasFeature("liveRecheck")
      ? {
          watchChanges: (onChange: (sheets: readonly string[]) => void) =>
            watchChangesInExcel(onChange),
        }
      : {}),
    features: () => Promise.resolve(officeFeatures()),
    insertComparison: async (
      rows: readonly ComparisonRow[],
      years: { current: number; previous: number }
    ) => {
      checkYear(years.current);
      checkYear(years.previous);
      const [name] = await addPlannedSheets((taken) => {
        const name = uniqueSheetName(
          `同比 ${years.current}-${years.previous}`,
          new Set(taken.map((t) => t.toLowerCase()))
        );
        return [comparisonPlan(rows, years, name)];
      }, "插入同比表");
      return name ?? "";
    },
    // 历年: a new sheet named for the years (never an existing one)
    insertSeries: async (rows: readonly SeriesRow[], years: { from: number; to: number }) => {
      checkYear(years.from);
      checkYear(years.to);
      const plan = (taken: string[]) => [seriesSheetPlan(rows, years, taken)];
      const [name] = await addPlannedSheets(plan, "插入历年表");
      return name ?? "";
    },
  };
}
