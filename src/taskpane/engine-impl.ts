/**
 * The core behind `Engine` (loaded on demand, see engine.ts): validation once per run, then the
 * comparison and the draft re-made from the validated tables whenever an option changes.
 */
import "./cspSafeZod"; // before the core: see the file
import { compareTables } from "../core/compare";
import { issueMessage } from "../core/messages";
import type { WorkbookModel } from "../core/model";
import type { TableData } from "../core/figures";
import { validateWorkbook } from "../core/validate";
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

function draftText(analysis: Analysis, options: ReportOptions): string {
  void analysis;
  void options;
  return "";
}

export const engine: Engine = {
  analyze,
  draftText,
  draftHtml: (text) => text,
  draftDocx: () => Promise.reject(new Error("未实现")),
};
