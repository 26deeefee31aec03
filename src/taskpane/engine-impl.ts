/**
 * The core behind `Engine` (loaded on demand, see engine.ts). It holds no analysis of its own: a
 * check is the core's `checkWorkbooks` — the use case the command line calls — and a changed 报告
 * option re-drafts through the core's `reportFrom` from the same validation. The copy and the
 * .docx are made from the drafted document, with the user's edits applied to it.
 */
import "./cspSafeZod"; // before the core: see the file
import {
  applyEdits,
  checkProblemText,
  checkWorkbooks,
  chooseDefinitions,
  doubtReasons,
  DEFINITIONS_SHEET,
  headerRowText,
  noticeText,
  placeFigures,
  relocateFigures,
  reportFrom,
  renderHtml,
  renderText,
  textFigures,
  issueMessage,
  issuePlace,
  ruleExplanation,
  workbookYears,
  validateWorkbook,
  withoutDefinitionsSheet,
  type CompiledDefinition,
  type Draft,
  type DraftOptions,
  type TableData,
  type WorkbookModel,
} from "../core";
import type {
  Analysis,
  DefinitionsFile,
  DocxOptions,
  Engine,
  ReportOptions,
  SeriesView,
  ShownIssue,
} from "./engine-types";

/** The explanation of a rule code (for its tooltip), once per set of tables in force. */
const helpCache = new WeakMap<readonly CompiledDefinition[], Map<string, string>>();
function help(rule: string, definitions: readonly CompiledDefinition[]): string {
  let cache = helpCache.get(definitions);
  if (!cache) helpCache.set(definitions, (cache = new Map()));
  let text = cache.get(rule);
  if (text === undefined) cache.set(rule, (text = ruleExplanation(rule, definitions)));
  return text;
}

/** The open workbook as the use case's input (it has no file name: notices say 工作簿中的). */
const opened = (model: WorkbookModel) => [{ name: "", workbook: model }];

function analyze(
  model: WorkbookModel,
  year?: number,
  definitions?: DefinitionsFile,
  preferredYear?: number
): Analysis {
  const outcome = checkWorkbooks(opened(model), {
    ...(year === undefined ? {} : { year }),
    ...(preferredYear === undefined ? {} : { preferredYear }),
    ...(definitions === undefined ? {} : { definitions }),
  });
  // a workbook with no data is shown as one where no table was found, in place
  if (outcome.code !== "checked" && outcome.code !== "no-data")
    throw new Error(checkProblemText(outcome));
  const { analysis: core, inForce, notices } = outcome;
  const compiled = inForce.definitions;
  const issues: ShownIssue[] = core.issues.map((issue, i) => ({
    key: `${i}:${issue.rule}:${issue.sheet}!${issue.cell}`,
    issue,
    message: issueMessage(issue),
    place: issuePlace(issue, model, inForce.definitions),
    ruleHelp: help(issue.rule, inForce.definitions),
  }));
  let errors = 0;
  let explained = 0;
  for (const { issue } of issues) {
    if (issue.severity === "error") errors++;
    else if (issue.explained) explained++;
  }
  // what the pane says beside the definitions in force: a differing 报表定义, money read in fen
  const note = notices
    .filter((n) => n.code === "carried-definitions-differ" || n.code === "money-read-as-fen")
    .map(noticeText)
    .join("");
  const headerRows = core.tables.length === 0 ? headerRowsOf(model) : undefined;
  const analysis: Analysis = {
    model,
    core,
    issues,
    tables: core.tables,
    comparisons: core.comparisons,
    currentYear: core.currentYear,
    previousYear: core.previousYear,
    errors,
    warnings: issues.length - errors,
    explained,
    years: core.years,
    verdict: core.verdict,
    definitionsLabel: inForce.label,
    ...(note ? { definitionsNote: note } : {}),
    ...(headerRows ? { headerRows } : {}),
  };
  inForceOfAnalysis.set(analysis, compiled);
  return analysis;
}

/** The definitions in force of each analysis made here (to read the earlier years' tables by). */
const inForceOfAnalysis = new WeakMap<Analysis, readonly CompiledDefinition[]>();
/** The tables of each earlier year, read once per analysis. */
const earlierTables = new WeakMap<Analysis, Map<number, readonly TableData[]>>();

/**
 * The validation with the tables of the years from `since` to the one before the previous year
 * added: the check validates the report year and the previous one only, a series needs every year
 * of its run. Each earlier year's tables are those of the core's validation of that year (with
 * its own previous year, so a figure resting on an error there is marked as in that year's check).
 * The issues stay the report year's: the earlier years never change the verdict or the 校验 list.
 */
function withEarlierYears(analysis: Analysis, since: number | undefined) {
  const { validation } = analysis.core;
  const to = analysis.currentYear;
  if (since === undefined || to === undefined || since >= to - 1) return validation;
  const definitions = inForceOfAnalysis.get(analysis);
  let cache = earlierTables.get(analysis);
  if (!cache) earlierTables.set(analysis, (cache = new Map()));
  const tables: TableData[] = [];
  for (const { year } of analysis.years) {
    if (year < since || year >= to - 1) continue;
    let found = cache.get(year);
    if (!found) {
      const checked = validateWorkbook(withoutDefinitionsSheet(analysis.model), {
        year,
        ...(definitions === undefined ? {} : { definitions }),
      });
      cache.set(year, (found = checked.tables.filter((t) => t.year === year)));
    }
    tables.push(...found);
  }
  return tables.length === 0
    ? validation
    : { ...validation, tables: [...validation.tables, ...tables] };
}

/** Each sheet's header row, for the notice that no table was found (not the 报表定义 sheet's). */
function headerRowsOf(model: WorkbookModel): string[] {
  return model.sheets.flatMap((sheet) =>
    sheet.name.trim() === DEFINITIONS_SHEET ? [] : (headerRowText(sheet) ?? [])
  );
}

/** The definitions in force for the open workbook; throws the Chinese message when they are wrong. */
function inForceOf(model: WorkbookModel, definitions?: DefinitionsFile) {
  const chosen = chooseDefinitions([["", model]], definitions);
  if ("code" in chosen) throw new Error(checkProblemText(chosen));
  return chosen.inForce;
}

/** The drafting options of the core for the 报告 tab's options. */
function draftOptions(options: ReportOptions): DraftOptions {
  return {
    numberStyle: options.numberStyle,
    moneyUnit: options.moneyInWan ? "万元" : "元",
    includeComparison: options.includeComparison,
    nameYear: options.nameYear,
    headings: options.headings,
    ...(options.since === undefined ? {} : { since: options.since }),
  };
}

/**
 * The edited document with the numbers whose text the edit left alone (for the .docx's table of
 * sources): followed from the drafted text into the user's, then into the edited document's own.
 */
function withFigures(drafted: Draft, edited: Draft, text: string): Draft {
  if (!drafted.figures?.length) return edited;
  const original = renderText(drafted);
  const inEdit = relocateFigures(textFigures(drafted, original), original, text).kept;
  const own = renderText(edited);
  const figures = placeFigures(edited, relocateFigures(inEdit, text, own).kept, own);
  return { ...edited, figures };
}

export const engine: Engine = {
  analyze,
  draft: (analysis, options) => {
    const { definitions } = analysis.core;
    const validation = withEarlierYears(analysis, options.since);
    const { draft, issues, series } = reportFrom(validation, draftOptions(options), definitions);
    return {
      text: draft.text,
      document: {
        paragraphs: draft.paragraphs,
        unverified: draft.unverified,
        figures: draft.figures,
      },
      unverified: draft.unverified,
      reasons: draft.unverified.map((u) => doubtReasons(u.sources, issues)),
      figures: draft.figures,
      ...(series === undefined ? {} : { series }),
    };
  },
  series: (analysis, since, moneyUnit = "元"): SeriesView | undefined => {
    const to = analysis.currentYear;
    if (to === undefined || since >= to - 1) return undefined;
    const validation = withEarlierYears(analysis, since);
    const core = reportFrom(validation, { since, moneyUnit }, analysis.core.definitions);
    return core.series === undefined ? undefined : { since, to, series: core.series };
  },
  inForce: (model, definitions) => {
    const f = inForceOf(model, definitions);
    return { definitions: f.definitions.map((t) => t.def), label: f.label };
  },
  years: (model) => workbookYears(model),
  draftDefinitions: async (model) => {
    const { draftDefinitions, draftReportLines } = await import(
      /* webpackChunkName: "definitions-draft" */ "../core/definitions/draft"
    );
    const draft = draftDefinitions(model);
    const { tables } = draft.definitions;
    return {
      tables,
      lines: draftReportLines(draft),
      // the command line's `definitions draft -o` file, byte for byte
      json: JSON.stringify({ tables }, null, 2) + "\n",
    };
  },
  edited: (document, text) => withFigures(document, applyEdits(document, text), text),
  draftHtml: (document) => renderHtml(document),
  draftDocx: async (document, options: DocxOptions = {}) => {
    const { renderDocx } = await import(/* webpackChunkName: "docx" */ "../core/render/docx");
    // `sources`: the 数据来源 table of where each number comes from, after the report
    return renderDocx(document, { sources: options.sources === true });
  },
  relocate: (figures, original, edited) => relocateFigures(figures, original, edited),
};
