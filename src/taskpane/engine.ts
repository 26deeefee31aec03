/**
 * What the UI needs from the core, behind one lazily loaded chunk: validation, comparison and
 * drafting are not part of the first load (the pane shows its first tab without them); they are
 * fetched when the user first runs 校验, in parallel with reading the workbook.
 */
import type { WorkbookModel } from "../core/model";
import type { Comparison } from "../core/compare";
import type { Issue } from "../core/issues";
import type { TableData } from "../core/figures";
import type { Analysis as CoreAnalysis, Verdict } from "../core/analyze";
import type { UnverifiedFigure } from "../core/draft";
import type { YearSummary } from "../core/validate";
import type { IssuePlace } from "../core/place";

/** An issue with its Chinese message, ready to show. */
export interface ShownIssue {
  readonly key: string;
  readonly issue: Issue;
  readonly message: string;
  /** Where it is in the statistician's words: table, row, unit (the label column), column, value. */
  readonly place: IssuePlace;
  /** What the rule code checks (shown on hover/focus of the code). */
  readonly ruleHelp: string;
}

/** A comparison row as the 同比 tab shows it: the core's (natural units: 元, %, counts). */
export type ComparisonView = Comparison;

export interface Analysis {
  readonly model: WorkbookModel;
  /** The core's analysis (src/core/analyze.ts), the one path shared with the command line. */
  readonly core: CoreAnalysis;
  readonly issues: readonly ShownIssue[];
  readonly tables: readonly TableData[];
  readonly comparisons: readonly ComparisonView[];
  readonly currentYear?: number;
  readonly previousYear?: number;
  readonly errors: number;
  readonly warnings: number;
  /** Warnings on rows whose 备注 is filled (shown as 已说明, never hidden). */
  readonly explained: number;
  /** Every year the workbook holds tables of, newest first (the year choice). */
  readonly years: readonly YearSummary[];
  /** 可以上报, or what stands in the way. */
  readonly verdict: Verdict;
}

/** A drafted text and the figures marked `【待核】` in it. */
export interface DraftResult {
  readonly text: string;
  readonly unverified: readonly UnverifiedFigure[];
}

/** The 报告 tab's options (SPEC §3: number style and wording). */
export interface ReportOptions {
  readonly numberStyle: "exact" | "approximate";
  readonly moneyInWan: boolean;
  readonly includeComparison: boolean;
  readonly nameYear: boolean;
  /** Headings per sheet: none, `一、党员发展情况` (黑体) or `（一）党员发展情况` (楷体). */
  readonly headings: "none" | "一、" | "（一）";
}

export const DEFAULT_REPORT_OPTIONS: ReportOptions = {
  numberStyle: "exact",
  moneyInWan: false,
  includeComparison: true,
  nameYear: false,
  headings: "none",
};

export interface Engine {
  /** Validates, compares and drafts `year` (default: the latest year with data). */
  analyze(model: WorkbookModel, year?: number): Analysis;
  /** The drafted paragraphs as plain text (two full-width spaces before each paragraph), with the figures marked 【待核】. */
  draft(analysis: Analysis, options: ReportOptions): DraftResult;
  /** The years the workbook holds template sheets of (no validation). */
  years(model: WorkbookModel): readonly YearSummary[];
  /** Word-ready HTML (GB/T 9704 styles, every character escaped) of a — possibly edited — draft. */
  draftHtml(text: string): string;
  /** The same draft as a .docx file (loads the docx library on first use). */
  draftDocx(text: string): Promise<Uint8Array>;
}

let pending: Promise<Engine> | undefined;

/** Loads the core (once); later calls share the same promise. A failed load may be retried. */
export function loadEngine(): Promise<Engine> {
  pending ??= import(/* webpackChunkName: "engine" */ "./engine-impl").then(
    (m) => m.engine,
    (e: unknown) => {
      pending = undefined;
      throw e;
    }
  );
  return pending;
}
