/**
 * The core behind `Engine` (loaded on demand, see engine.ts). It holds no analysis of its own:
 * validation, comparison and drafting are the core's `analyzeWorkbook` — the same entry point the
 * command line calls — and a changed 报告 option re-drafts through the core's `reportFrom` from
 * the same validation.
 */
import "./cspSafeZod"; // before the core: see the file
import { analyzeWorkbook, reportFrom } from "../core/analyze";
import type { Draft, DraftOptions, DraftParagraph } from "../core/draft";
import { renderHtml } from "../core/render";
import { issueMessage } from "../core/messages";
import { issuePlace, ruleExplanation } from "../core/place";
import type { WorkbookModel } from "../core/model";
import { workbookYears } from "../core/validate";
import { splitDraft } from "./draftText";
import type { Analysis, Engine, ReportOptions, ShownIssue } from "./engine";

const helpCache = new Map<string, string>();
function help(rule: string): string {
  let text = helpCache.get(rule);
  if (text === undefined) helpCache.set(rule, (text = ruleExplanation(rule)));
  return text;
}

function analyze(model: WorkbookModel, year?: number): Analysis {
  const core = analyzeWorkbook(model, year === undefined ? {} : { year });
  const issues: ShownIssue[] = core.issues.map((issue, i) => ({
    key: `${i}:${issue.rule}:${issue.sheet}!${issue.cell}`,
    issue,
    message: issueMessage(issue),
    place: issuePlace(issue, model),
    ruleHelp: help(issue.rule),
  }));
  let errors = 0;
  let explained = 0;
  for (const { issue } of issues) {
    if (issue.severity === "error") errors++;
    else if (issue.explained) explained++;
  }
  return {
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
  };
}

/** The drafting options of the core for the 报告 tab's options. */
export function draftOptions(options: ReportOptions): DraftOptions {
  return {
    numberStyle: options.numberStyle,
    moneyUnit: options.moneyInWan ? "万元" : "元",
    includeComparison: options.includeComparison,
    nameYear: options.nameYear,
    headings: options.headings,
  };
}

/**
 * The (possibly edited) text as a draft for the renderers: one paragraph per line, `一、` and
 * `（一）` lines as headings.
 */
export function draftFromText(text: string): Draft {
  const paragraphs: DraftParagraph[] = splitDraft(text).map((line) =>
    line.level === 0
      ? { template: "T1", sheet: "", text: line.text }
      : { template: "T1", sheet: "", heading: line.text, headingLevel: line.level, text: "" }
  );
  return { paragraphs };
}

export const engine: Engine = {
  analyze,
  draft: (analysis, options) => {
    const { validation, definitions } = analysis.core;
    const { draft } = reportFrom(validation, draftOptions(options), definitions);
    return { text: draft.text, unverified: draft.unverified };
  },
  years: (model) => workbookYears(model),
  draftHtml: (text) => renderHtml(draftFromText(text)),
  draftDocx: async (text) => {
    const { renderDocx } = await import(/* webpackChunkName: "docx" */ "../core/render/docx");
    return renderDocx(draftFromText(text));
  },
};
