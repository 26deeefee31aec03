/**
 * The whole job in one call: validate a workbook (issue 2), compare this year with last year and
 * draft the report paragraphs (issue 3). Used by the command line, the browser page and the pane.
 */
import type { Issue } from "./issues";
import type { TableData } from "./figures";
import type { WorkbookModel } from "./model";
import type { Settings } from "./settings";
import { validateWorkbook } from "./validate";
import { compareTables, type Comparison } from "./compare";
import { draftReport, type DraftOptions, type DraftParagraph } from "./draft";
import { renderHtml, renderText } from "./render";

export interface AnalyzeOptions {
  /** The year under review (default: the latest year found). */
  readonly year?: number;
  readonly settings?: Partial<Settings>;
  /** Drafting options: number style (`exact` / `approximate`), 万元, headings … */
  readonly draft?: DraftOptions;
}

export interface Analysis {
  readonly issues: Issue[];
  /** Every template sheet found, this year's and last year's. */
  readonly tables: TableData[];
  /** This year's figures against last year's (empty without last year's sheets). */
  readonly comparisons: Comparison[];
  readonly draft: {
    readonly text: string;
    readonly html: string;
    readonly paragraphs: DraftParagraph[];
  };
  readonly currentYear?: number;
  readonly previousYear?: number;
}

/**
 * Splits the tables found into this year's and last year's (a table without a year counts as this
 * year's).
 * @example tablesByYear(tables, 2013, 2012).current.map((t) => t.sheet)
 */
export function tablesByYear(
  tables: readonly TableData[],
  currentYear: number | undefined,
  previousYear: number | undefined
): { current: TableData[]; previous: TableData[] } {
  const current = tables.filter((t) => (t.year ?? currentYear) === currentYear);
  const previous = previousYear === undefined ? [] : tables.filter((t) => t.year === previousYear);
  return { current, previous };
}

/**
 * Validates, compares and drafts.
 * @example analyzeWorkbook(readXlsx(bytes), { draft: { numberStyle: "approximate" } }).draft.text
 */
export function analyzeWorkbook(wb: WorkbookModel, opts: AnalyzeOptions = {}): Analysis {
  const result = validateWorkbook(wb, {
    ...(opts.year === undefined ? {} : { year: opts.year }),
    ...(opts.settings === undefined ? {} : { settings: opts.settings }),
  });
  const { currentYear, previousYear } = result;
  const { current, previous } = tablesByYear(result.tables, currentYear, previousYear);
  const draftOptions = opts.draft ?? {};
  const comparisons = compareTables(current, previous, {
    ...(draftOptions.moneyUnit === undefined ? {} : { moneyUnit: draftOptions.moneyUnit }),
  });
  const draft = draftReport(current, previous.length > 0 ? previous : undefined, draftOptions);
  return {
    issues: result.issues,
    tables: result.tables,
    comparisons,
    draft: { text: renderText(draft), html: renderHtml(draft), paragraphs: draft.paragraphs },
    ...(currentYear === undefined ? {} : { currentYear }),
    ...(previousYear === undefined ? {} : { previousYear }),
  };
}
