/**
 * What the UI gets from the core (the lazily loaded engine, see engine.ts): the types only, so
 * that the engine's implementation and its loader both depend on this file and not on each other.
 */
import type {
  WorkbookModel,
  Comparison,
  Issue,
  TableData,
  Analysis as CoreAnalysis,
  Draft,
  Verdict,
  UnverifiedFigure,
  YearSummary,
  TableDefinition,
  IssuePlace,
  TextFigure,
  RelocatedFigures,
  FigureSeries,
  MoneyUnit,
} from "../core";

/**
 * A number of tables in words, for texts: the count comes from the definitions in force.
 * @example tablesInWords(5) // "五张"
 * @example tablesInWords(12) // "12 张"
 */
export function tablesInWords(n: number): string {
  const words = "零一两三四五六七八九十";
  return n >= 0 && n <= 10 ? `${words[n] ?? ""}张` : `${n} 张`;
}

/** The definitions in force for a workbook, and how texts name them. */
export interface DefinitionsInForceView {
  readonly definitions: readonly TableDefinition[];
  /** `内置（表1–表4）`, `工作簿中的“报表定义”（表1–表5）`, `文件“局.json”（表1–表5）`. */
  readonly label: string;
}

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
  /** The core's analysis (the check use case's, the one path shared with the command line). */
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
  /** Which table definitions are in force: `内置（表1–表4）` or `文件“局.json”（表1–表5）`. */
  readonly definitionsLabel: string;
  /** When a loaded file wins over a workbook's own 报表定义 that differs: the notice saying so. */
  readonly definitionsNote?: string;
  /**
   * When no table was found: each sheet's header row (`“表2 创建工作 2013”第3行：项目名称、…`),
   * for the sheets that have one (the 报表定义 sheet left out).
   */
  readonly headerRows?: readonly string[];
}

/** A first definition drafted from the workbook's own sheets (起草报表定义). */
export interface DefinitionsDraftView {
  /** The drafted tables: what a 报表定义 sheet or a definitions file is made of. */
  readonly tables: readonly TableDefinition[];
  /** What was drafted, in Chinese lines (the command line's), to check before use. */
  readonly lines: readonly string[];
  /** The same tables as a definitions file (`{ "tables": [...] }`, what the command line writes). */
  readonly json: string;
}

/** A bureau's table definitions, as read from a JSON file (checked when the core loads them). */
export interface DefinitionsFile {
  /** The file name, for messages. */
  readonly name: string;
  /** The `tables` of the file (`{ "tables": [...] }`, what `bureau-stats definitions export` writes). */
  readonly tables: readonly unknown[];
}

/** A drafted text, the document it is the text of, and the figures marked `【待核】` in it. */
export interface DraftResult {
  readonly text: string;
  /** The paragraphs with their heading levels and tables: what the copy and the .docx are made of. */
  readonly document: Draft;
  readonly unverified: readonly UnverifiedFigure[];
  /** Why each of `unverified` is marked, in words (`“表2 培训 2013”第12行：此行与第4行完全相同，未在备注中说明`). */
  readonly reasons: readonly (readonly string[])[];
  /** Every number of the text (`text.slice(start, end)`) and where it comes from. */
  readonly figures: readonly TextFigure[];
  /** 历年: each figure over the years from `options.since`, when a first year is chosen. */
  readonly series?: readonly FigureSeries[];
}

/** 历年: each figure of the report year over the years from `since` (the core's series). */
export interface SeriesView {
  readonly since: number;
  readonly to: number;
  readonly series: readonly FigureSeries[];
}

/** How the .docx is made: `sources` adds a table of where each number comes from. */
export interface DocxOptions {
  readonly sources?: boolean;
}

/** The 报告 tab's options: number style and wording. */
export interface ReportOptions {
  readonly numberStyle: "exact" | "approximate";
  readonly moneyInWan: boolean;
  readonly includeComparison: boolean;
  readonly nameYear: boolean;
  /** Headings per sheet: none, `一、党员发展情况` (黑体) or `（一）党员发展情况` (楷体). */
  readonly headings: "none" | "一、" | "（一）";
  /**
   * 历年: the first year of the series over years (起始年度); none (the default): the report year
   * and the previous year only. Only a year the workbook holds before the previous year.
   */
  readonly since?: number;
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
  analyze(
    model: WorkbookModel,
    year?: number,
    definitions?: DefinitionsFile,
    /** A year chosen earlier: under review while the workbook still holds it. */
    preferredYear?: number
  ): Analysis;
  /** The drafted paragraphs as plain text (two full-width spaces before each paragraph), with the figures marked 【待核】. */
  draft(analysis: Analysis, options: ReportOptions): DraftResult;
  /**
   * 历年: each figure of the report year from `since` on, money changes worded in `moneyUnit`
   * (元 by default; the values stay in 元); undefined when `since` is not a year before the
   * previous one.
   */
  series(analysis: Analysis, since: number, moneyUnit?: MoneyUnit): SeriesView | undefined;
  /**
   * The definitions in force for this workbook (a file loaded, else its 报表定义 sheet, else the
   * built-ins); throws a Chinese message naming the cell of a wrong entry in the sheet.
   */
  inForce(model: WorkbookModel, definitions?: DefinitionsFile): DefinitionsInForceView;
  /** The years the workbook holds table sheets of (no validation). */
  years(model: WorkbookModel): readonly YearSummary[];
  /**
   * A first definition of the workbook's own tables, drafted from its sheets (loads the drafting
   * code on first use); no table when no sheet has a header row with data below it.
   */
  draftDefinitions(model: WorkbookModel): Promise<DefinitionsDraftView>;
  /** A drafted document with the user's edits of its text applied, paragraph by paragraph. */
  edited(document: Draft, text: string): Draft;
  /** Word-ready HTML (GB/T 9704 styles, every character escaped) of a document. */
  draftHtml(document: Draft): string;
  /** The same document as a .docx file (loads the docx library on first use). */
  draftDocx(document: Draft, options?: DocxOptions): Promise<Uint8Array>;
  /**
   * The numbers of `original` followed into the user's `edited` text: the ones left as they were
   * at their new place, the others dropped.
   */
  relocate(
    figures: readonly TextFigure[],
    original: string,
    edited: string
  ): RelocatedFigures<TextFigure>;
}
