/**
 * The whole job in one call, and the ONE path from a workbook to its paragraphs: validate a
 * workbook, compare this year with last year, draft the report paragraphs and give the verdict.
 * The lower layer of the check use case (`app/check.ts`, which every entry point calls): it
 * analyses one workbook with the definitions already chosen; when only a drafting option changes,
 * the pane calls `reportFrom` on the same validation. Nothing else makes a draft.
 */
import { explainable, type Issue } from "./issues";
import type { TableData } from "./figures";
import type { WorkbookModel } from "./model";
import type { Settings } from "./settings";
import {
  COMPILED_BUILTINS,
  cumulativeFigures,
  type CompiledDefinition,
  type TableDefinition,
} from "./definitions";
import { validateWorkbook, type ValidationResult, type YearSummary } from "./validate";
import { seriesIssueYear, seriesStart } from "./validate/over-years";
import {
  compareTables,
  figureSeries,
  orderTables,
  type Comparison,
  type FigureSeries,
} from "./compare";
import {
  draftReport,
  phrasesOf,
  type DraftOptions,
  type DraftParagraph,
  type UnverifiedFigure,
} from "./draft";
import { renderHtml, renderText, textFigures, type TextFigure } from "./render";
import {
  DEFINITIONS_SHEET,
  definitionDifferences,
  definitionsSheetOf,
  readDefinitionsSheet,
  withoutDefinitionsSheet,
} from "./definitions/sheet";

export interface AnalyzeOptions {
  /** The year under review (default: the latest year with data). */
  readonly year?: number;
  readonly settings?: Partial<Settings>;
  /** Drafting options: number style (`exact` / `approximate`), 万元, headings … */
  readonly draft?: DraftOptions;
  /**
   * The tables in force (default: the built-ins, 表1…表4): a bureau's own definitions, loaded
   * with `loadDefinitions`. Detection, rules, figures, order, verdict and paragraphs follow them.
   */
  readonly definitions?: readonly CompiledDefinition[];
}

/** Whether the reported year can be submitted (可以上报), and if not, exactly what stands in the way. */
export interface Verdict {
  /**
   * True only when every expected table of the year is present with data, and its sheets have no
   * error, no warning to fix and every other warning explained.
   */
  readonly ok: boolean;
  /** The verdict in one Chinese sentence. */
  readonly text: string;
  /** Expected tables with no sheet for the year (`表3 经费情况`). */
  readonly missing: readonly string[];
  /** Tables of the year without a data row. */
  readonly empty: readonly string[];
  /** Errors in the report year's sheets. */
  readonly errors: number;
  /** Warnings of the report year that a 备注 cannot explain (a header, a format, a 合计, a cell read leniently): to fix. */
  readonly toFix: number;
  /** Warnings of the report year that a 备注 can explain, whose row has none. */
  readonly unexplained: number;
  /**
   * Errors in earlier years' sheets (last year's, and with a series over years every earlier
   * year's) and of the checks over years about an earlier year's value: they do not block the
   * report year; the 同比 and series phrases that use them are marked.
   */
  readonly previousErrors: number;
  /** The earlier years whose sheets were read, oldest first, when more than one was (a series over years). */
  readonly earlierYears?: readonly number[];
}

export interface Analysis {
  /** The issues of this year's and last year's sheets (with `since`, of every earlier year's too). */
  readonly issues: Issue[];
  /** The table sheets of this year and last year (with `since`, of every year from it). */
  readonly tables: TableData[];
  /** Every year found in the workbook, newest first (the year choice). */
  readonly years: readonly YearSummary[];
  /** This year's figures against last year's (empty without last year's sheets). */
  readonly comparisons: Comparison[];
  /** Each figure over the years from `since` to the report year, when a series is asked for. */
  readonly series?: FigureSeries[];
  /** The first year of the series, when one is asked for. */
  readonly since?: number;
  readonly draft: {
    readonly text: string;
    readonly html: string;
    readonly paragraphs: DraftParagraph[];
    /** The figures marked `【待核】` in the draft (one per mark); `figures` index into `figures`. */
    readonly unverified: readonly UnverifiedFigure[];
    /** Every number of the draft, placed in `text`, and where it comes from. */
    readonly figures: readonly TextFigure[];
  };
  readonly verdict: Verdict;
  readonly currentYear?: number;
  readonly previousYear?: number;
  /** The validation the comparison and draft were made from (to re-draft with other options). */
  readonly validation: ValidationResult;
  /** The table definitions in force, in their order. */
  readonly definitions: readonly TableDefinition[];
}

/**
 * Splits the tables found into this year's and last year's (a table without a year counts as this
 * year's); of two sheets of the same table and year (an error, G-07) only the first is used.
 * @example tablesByYear(tables, 2013, 2012).current.map((t) => t.sheet)
 */
function tablesByYear(
  tables: readonly TableData[],
  currentYear: number | undefined,
  previousYear: number | undefined
): { current: TableData[]; previous: TableData[] } {
  const firstOfEach = (list: TableData[]): TableData[] =>
    list.filter((t, i) => list.findIndex((x) => x.tableId === t.tableId) === i);
  const current = firstOfEach(tables.filter((t) => (t.year ?? currentYear) === currentYear));
  const previous =
    previousYear === undefined ? [] : firstOfEach(tables.filter((t) => t.year === previousYear));
  return { current, previous };
}

/** `表1 党员发展情况`: a table's label and name. */
function tableName(def: Pick<TableDefinition, "label" | "name">): string {
  return `${def.label} ${def.name}`;
}

/**
 * The tables in force as a range, for texts: `表1–表4`, `表1–表5`, `表1`, or `表1、表2、表4` (the
 * number of tables is never written into the code).
 * @example tableRange(BUILTIN_DEFINITIONS) // "表1–表4"
 */
export function tableRange(definitions: ReadonlyArray<Pick<TableDefinition, "label">>): string {
  const labels = definitions.map((d) => d.label);
  const numbers = labels.map((l) => /^表(\d+)$/.exec(l)?.[1]).map(Number);
  const contiguous =
    labels.length > 2 &&
    numbers.every((n, i) => Number.isInteger(n) && n === (numbers[0] ?? 0) + i);
  return contiguous ? `${labels[0]}–${labels[labels.length - 1]}` : labels.join("、");
}

/**
 * The verdict on the reported year, from its own sheets only: 可以上报 only with every table in
 * force, data in each, no error, no warning to fix and every other warning explained. Last year's
 * errors never block it: they are named, and the 同比 that use them are marked.
 * @example verdict(validation).text // "可以上报：2013年 表1–表4 齐全，没有错误，没有警告。"
 */
function verdict(
  v: ValidationResult,
  definitions: readonly TableDefinition[] = COMPILED_BUILTINS.map((t) => t.def),
  comparisons: readonly Comparison[] = [],
  series: readonly FigureSeries[] = []
): Verdict {
  const year = v.currentYear;
  const current = v.tables.filter((t) => (t.year ?? year) === year);
  const missing: string[] = [];
  const empty: string[] = [];
  for (const def of definitions) {
    const mine = current.filter((t) => t.tableId === def.id);
    if (mine.length === 0) missing.push(tableName(def));
    else if (mine.every((t) => (t.rowCount ?? t.records.length) === 0)) empty.push(tableName(def));
  }
  const count = countIssues(v);
  const { errors, toFix, unexplained, previousErrors } = count;
  const ok =
    v.tables.length > 0 &&
    missing.length === 0 &&
    empty.length === 0 &&
    errors === 0 &&
    toFix === 0 &&
    unexplained === 0;
  const label = year === undefined ? "" : `${year}年`;
  const spaced = label ? `${label} ` : "";
  let text: string;
  if (ok) {
    const warnings = count.warnings;
    text = `可以上报：${spaced}${tableRange(definitions)} 齐全，没有错误，${warnings > 0 ? `${warnings}项警告均已在备注中说明` : "没有警告"}。`;
  } else if (v.tables.length === 0) {
    text = "暂不能上报：没有找到统计表。";
  } else {
    const blocks: string[] = [];
    if (missing.length > 0) blocks.push(`缺少${label}的 ${missing.join("、")}`);
    if (empty.length > 0) blocks.push(`${empty.join("、")} 没有数据`);
    if (errors > 0) blocks.push(`${errors}项错误未改正`);
    if (toFix > 0) blocks.push(`${toFix}项警告需改正`);
    if (unexplained > 0) blocks.push(`${unexplained}项警告未在备注中说明`);
    text = `暂不能上报${label ? `（${label}）` : ""}：${blocks.join("；")}。`;
  }
  const { earlierYears } = count;
  if (previousErrors > 0 && earlierYears.length > 0) {
    const earlier = (s: { readonly sheet: string }) => count.previousSheets.has(s.sheet);
    const marked = comparisons.some((c) => c.sources?.some(earlier));
    const seriesMarked = series.some((f) => f.sources.some(earlier));
    const what = [marked ? "同比" : "", seriesMarked ? "历年变化" : ""].filter(Boolean).join("和");
    const first = earlierYears[0];
    const last = earlierYears.at(-1);
    const years =
      earlierYears.length === 1 ? `上年（${first}年）表` : `往年（${first}–${last}年）的表`;
    text += `${years}有${previousErrors}项错误，${what ? `相关${what}已标注“【待核】”` : "本年报告未用到出错的单元格"}。`;
  }
  // the warnings the count above leaves out, so that 没有警告 never stands beside a list of them
  if (count.previousWarnings > 0)
    text += `另有${count.previousWarnings}项警告是关于往年的表或历年变化的，不影响本年上报。`;
  return {
    ...{ ok, text, missing, empty, errors, toFix, unexplained, previousErrors },
    ...(earlierYears.length > 1 ? { earlierYears } : {}),
  };
}

/**
 * The issues the verdict counts: the report year's errors, its warnings to fix (a 备注 cannot
 * explain them: a header, a format, a 合计, a cell read leniently) and its warnings not yet
 * explained in 备注; and earlier years' errors (every sheet of a year before the report year's,
 * and a check over years about an earlier year's value), which only mark the 同比 and series
 * phrases that use them. A warning over years about an earlier year's value is not counted.
 */
function countIssues(v: ValidationResult): {
  errors: number;
  warnings: number;
  toFix: number;
  unexplained: number;
  previousErrors: number;
  previousWarnings: number;
  previousSheets: ReadonlySet<string>;
  earlierYears: readonly number[];
} {
  const earlier = v.tables.filter(
    (t) => t.year !== undefined && v.currentYear !== undefined && t.year !== v.currentYear
  );
  const previousSheets = new Set(earlier.map((t) => t.sheet));
  const earlierYears = [...new Set(earlier.map((t) => t.year as number))].sort((a, b) => a - b);
  const n = {
    ...{ errors: 0, warnings: 0, toFix: 0, unexplained: 0, previousErrors: 0, previousWarnings: 0 },
    ...{ previousSheets, earlierYears },
  };
  for (const i of v.issues) {
    const about = seriesIssueYear(i);
    if (previousSheets.has(i.sheet) || (about !== undefined && about !== v.currentYear)) {
      if (i.severity === "error") n.previousErrors++;
      else n.previousWarnings++;
    } else if (i.severity === "error") n.errors++;
    else {
      n.warnings++;
      if (!explainable(i)) n.toFix++;
      else if (!i.explained) n.unexplained++;
    }
  }
  return n;
}

/**
 * Compares and drafts from a validation (the second half of `analyzeWorkbook`): the pane calls it
 * again when a drafting option changes, without validating again.
 * @example reportFrom(analysis.validation, { numberStyle: "approximate" }).draft.text
 */
export function reportFrom(
  result: ValidationResult,
  draftOptions: DraftOptions = {},
  definitions: readonly TableDefinition[] = COMPILED_BUILTINS.map((t) => t.def)
): Analysis {
  const { currentYear, previousYear } = result;
  const { current, previous } = tablesByYear(result.tables, currentYear, previousYear);
  const order = definitions.map((d) => d.id);
  const comparisons = compareTables(current, previous, {
    order,
    ...(draftOptions.moneyUnit === undefined ? {} : { moneyUnit: draftOptions.moneyUnit }),
  });
  const since = seriesStart(draftOptions.since, currentYear);
  // every figure's series for the draft (a sentence may name any figure), the headline figures'
  // and rates' in the analysis
  const everySeries =
    since !== undefined && currentYear !== undefined
      ? figureSeries(result.tables, since, currentYear, {
          order,
          scope: "all",
          cumulative: cumulativeFigures(definitions),
          ...(draftOptions.moneyUnit === undefined ? {} : { moneyUnit: draftOptions.moneyUnit }),
        })
      : undefined;
  const series = everySeries?.filter((s) => s.headline || s.kind === "rate");
  const draft = draftReport(
    orderTables(current, order),
    previous.length > 0 ? previous : undefined,
    { ...draftOptions, phrases: draftOptions.phrases ?? phrasesOf(definitions) },
    everySeries
  );
  const text = renderText(draft);
  return {
    issues: result.issues,
    tables: result.tables,
    years: result.years,
    comparisons,
    ...(series === undefined ? {} : { series, since }),
    draft: {
      text,
      html: renderHtml(draft),
      paragraphs: draft.paragraphs,
      unverified: draft.unverified ?? [],
      figures: textFigures(draft, text),
    },
    verdict: verdict(result, definitions, comparisons, series),
    ...(currentYear === undefined ? {} : { currentYear }),
    ...(previousYear === undefined ? {} : { previousYear }),
    validation: result,
    definitions,
  };
}

/**
 * Validates, compares and drafts.
 * @example analyzeWorkbook(readXlsx(bytes), { draft: { numberStyle: "approximate" } }).draft.text
 */
export function analyzeWorkbook(wb: WorkbookModel, opts: AnalyzeOptions = {}): Analysis {
  const definitions = opts.definitions ?? COMPILED_BUILTINS;
  // the 报表定义 sheet holds definitions, never a statistical table
  const since = opts.draft?.since;
  const result = validateWorkbook(withoutDefinitionsSheet(wb), {
    definitions,
    ...(opts.year === undefined ? {} : { year: opts.year }),
    ...(since === undefined ? {} : { since }),
    ...(opts.settings === undefined ? {} : { settings: opts.settings }),
  });
  return reportFrom(
    result,
    opts.draft ?? {},
    definitions.map((t) => t.def)
  );
}

/** Which table definitions are in force, and what that choice passed over (docs/definitions.md). */
export interface DefinitionsInForce {
  readonly definitions: readonly CompiledDefinition[];
  readonly source: "builtin" | "workbook" | "file";
  /** For texts: `内置（表1–表4）`, `工作簿中的“报表定义”（表1–表5）`, `文件“局.json”（表1–表5）`. */
  readonly label: string;
  /**
   * When a file is given and the workbook carries its own 报表定义 too: how the workbook's differ
   * from the file's (one line per table; empty when they are the same). The file wins; the
   * differences are reported, never applied silently.
   */
  readonly differences: readonly string[];
}

/**
 * The tables in force for a workbook: a definitions file given explicitly wins; else the
 * workbook's own `报表定义` sheet; else the built-ins. Throws a Chinese message naming the sheet,
 * table and cell when the workbook's sheet is wrong (also when a file wins: a wrong sheet is
 * reported, not ignored).
 */
export function definitionsInForce(
  wb: WorkbookModel,
  file?: { readonly name: string; readonly definitions: readonly CompiledDefinition[] }
): DefinitionsInForce {
  const sheet = definitionsSheetOf(wb);
  const own = sheet ? readDefinitionsSheet(sheet) : undefined;
  const range = (t: readonly CompiledDefinition[]) => tableRange(t.map((x) => x.def));
  if (file) {
    return {
      definitions: file.definitions,
      source: "file",
      label: `文件“${file.name}”（${range(file.definitions)}）`,
      differences: own
        ? definitionDifferences(
            own.map((t) => t.def),
            file.definitions.map((t) => t.def)
          )
        : [],
    };
  }
  if (own) {
    return {
      definitions: own,
      source: "workbook",
      label: `工作簿中的“${DEFINITIONS_SHEET}”（${range(own)}）`,
      differences: [],
    };
  }
  return {
    definitions: COMPILED_BUILTINS,
    source: "builtin",
    label: `内置（${range(COMPILED_BUILTINS)}）`,
    differences: [],
  };
}
