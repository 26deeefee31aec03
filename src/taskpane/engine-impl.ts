/**
 * The core behind `Engine` (loaded on demand, see engine.ts). It holds no analysis of its own:
 * validation, comparison and drafting are the core's `analyzeWorkbook` — the same entry point the
 * command line calls — and a changed 报告 option re-drafts through the core's `reportFrom` from
 * the same validation.
 */
import "./cspSafeZod"; // before the core: see the file
import {
  analyzeWorkbook,
  definitionsInForce,
  reportFrom,
  loadTemplates,
  renderHtml,
  issueMessage,
  issuePlace,
  ruleExplanation,
  workbookYears,
  type CompiledTemplate,
  type Draft,
  type DraftOptions,
  type DraftParagraph,
  type WorkbookModel,
} from "../core";
import { splitDraft } from "./draftText";
import type { Analysis, DefinitionsFile, Engine, ReportOptions, ShownIssue } from "./engine";

const compiled = new WeakMap<DefinitionsFile, readonly CompiledTemplate[]>();

/** A bureau's definitions, checked and compiled once (throws a Chinese message naming the entry). */
function templatesOf(file: DefinitionsFile): readonly CompiledTemplate[] {
  let templates = compiled.get(file);
  if (!templates) {
    if (file.tables.length === 0) throw new Error(`${file.name}：没有表定义`);
    templates = loadTemplates(file.tables, file.name);
    compiled.set(file, templates);
  }
  return templates;
}

/** The explanation of a rule code (for its tooltip), once per set of tables in force. */
const helpCache = new WeakMap<readonly CompiledTemplate[], Map<string, string>>();
function help(rule: string, templates: readonly CompiledTemplate[]): string {
  let cache = helpCache.get(templates);
  if (!cache) helpCache.set(templates, (cache = new Map()));
  let text = cache.get(rule);
  if (text === undefined) cache.set(rule, (text = ruleExplanation(rule, templates)));
  return text;
}

function analyze(model: WorkbookModel, year?: number, definitions?: DefinitionsFile): Analysis {
  // a file loaded wins over the workbook's own 报表定义 sheet, which wins over the built-ins
  const inForce = definitionsInForce(
    model,
    definitions ? { name: definitions.name, templates: templatesOf(definitions) } : undefined
  );
  const core = analyzeWorkbook(model, {
    ...(year === undefined ? {} : { year }),
    templates: inForce.templates,
  });
  const issues: ShownIssue[] = core.issues.map((issue, i) => ({
    key: `${i}:${issue.rule}:${issue.sheet}!${issue.cell}`,
    issue,
    message: issueMessage(issue),
    place: issuePlace(issue, model, inForce.templates),
    ruleHelp: help(issue.rule, inForce.templates),
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
    definitionsLabel: inForce.label,
    ...(inForce.differences.length === 0
      ? {}
      : {
          definitionsNote: `工作簿中的“报表定义”与之不同，未采用：${inForce.differences.join("；")}`,
        }),
  };
}

/** The drafting options of the core for the 报告 tab's options. */
function draftOptions(options: ReportOptions): DraftOptions {
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
  inForce: (model, definitions) => {
    const f = definitionsInForce(
      model,
      definitions ? { name: definitions.name, templates: templatesOf(definitions) } : undefined
    );
    return { definitions: f.templates.map((t) => t.def), label: f.label };
  },
  years: (model) => workbookYears(model),
  draftHtml: (text) => renderHtml(draftFromText(text)),
  draftDocx: async (text) => {
    const { renderDocx } = await import(/* webpackChunkName: "docx" */ "../core/render/docx");
    return renderDocx(draftFromText(text));
  },
};
