/**
 * The core behind `Engine` (loaded on demand, see engine.ts): validation once per run, then the
 * comparison and the draft re-made from the validated tables whenever an option changes.
 */
import "./cspSafeZod"; // before the core: see the file
import { compareTables } from "../core/compare";
import { draftReport, type Draft, type DraftOptions, type DraftParagraph } from "../core/draft";
import { renderHtml, renderText } from "../core/render";
import { issueMessage } from "../core/messages";
import type { WorkbookModel } from "../core/model";
import type { TableData } from "../core/figures";
import { validateWorkbook } from "../core/validate";
import { splitDraft } from "./draftText";
import type { Analysis, Engine, ReportOptions, ShownIssue } from "./engine";

function tablesOfYear(tables: readonly TableData[], year: number | undefined): TableData[] {
  return year === undefined ? [] : tables.filter((t) => t.year === year);
}

function analyze(model: WorkbookModel): Analysis {
  const result = validateWorkbook(model);
  const issues: ShownIssue[] = result.issues.map((issue, i) => ({
    key: `${i}:${issue.rule}:${issue.sheet}!${issue.cell}`,
    issue,
    message: issueMessage(issue),
  }));
  let errors = 0;
  let explained = 0;
  for (const { issue } of issues) {
    if (issue.severity === "error") errors++;
    else if (issue.explained) explained++;
  }
  const current = tablesOfYear(result.tables, result.currentYear);
  const previous = tablesOfYear(result.tables, result.previousYear);
  return {
    model,
    issues,
    tables: result.tables,
    comparisons: previous.length > 0 ? compareTables(current, previous) : [],
    currentYear: result.currentYear,
    previousYear: result.previousYear,
    errors,
    warnings: issues.length - errors,
    explained,
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

function draftText(analysis: Analysis, options: ReportOptions): string {
  const current = tablesOfYear(analysis.tables, analysis.currentYear);
  const previous = tablesOfYear(analysis.tables, analysis.previousYear);
  const draft = draftReport(
    current,
    previous.length > 0 ? previous : undefined,
    draftOptions(options)
  );
  return renderText(draft);
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
  draftText,
  draftHtml: (text) => renderHtml(draftFromText(text)),
  draftDocx: async (text) => {
    const { renderDocx } = await import(/* webpackChunkName: "docx" */ "../core/render/docx");
    return renderDocx(draftFromText(text));
  },
};
