/**
 * The templates, loaded from their definitions: validated with the zod schema and compiled once
 * (headers normalised, rule expressions parsed and compiled) when this module loads.
 */
import { SETTING_NAMES, type Settings } from "../settings";
import { ColumnReader } from "../read/cell";
import { normaliseHeader } from "../read/normalise";
import { FRAME_LABELS, TEMPLATE_DEFINITIONS, TOTAL_LABEL } from "./definitions";
import { compileExpression, type CompiledExpression, type ExpressionScope } from "./expression";
import {
  PHRASE_PLACEHOLDER,
  TemplateSchema,
  type ColumnDefinition,
  type RuleDefinition,
  type TemplateDefinition,
} from "./schema";

export type { ColumnDefinition, RuleDefinition, TemplateDefinition };
export type { ColumnType, NamedCheck } from "./schema";
export { FRAME_LABELS, TOTAL_LABEL };
export { ExpressionError, compileExpression } from "./expression";

export type RowRuleDefinition = Extract<RuleDefinition, { kind: "row" }>;
export type NamedRuleDefinition = Extract<RuleDefinition, { kind: "named" }>;

/** A row rule ready to run. */
export interface CompiledRowRule {
  readonly def: RowRuleDefinition;
  readonly check: CompiledExpression;
  readonly when: CompiledExpression | undefined;
  /** Template column index of the cell reported. */
  readonly cell: number;
  /** Columns read by `check` (must be present unless blank counts as zero). */
  readonly uses: readonly number[];
}

/** A template ready to run: its definition plus what the engine precomputes once. */
export interface CompiledTemplate {
  readonly def: TemplateDefinition;
  readonly columns: readonly ColumnDefinition[];
  /** Template column index by normalised header (and alias). */
  readonly headerIndex: ReadonlyMap<string, number>;
  /** Template column indexes of the required columns. */
  readonly required: readonly number[];
  /** Template column index of 备注, or -1. */
  readonly remark: number;
  readonly rowRules: readonly CompiledRowRule[];
  readonly namedRules: readonly NamedRuleDefinition[];
  /** Column index by canonical header. */
  readonly byHeader: ReadonlyMap<string, number>;
  /**
   * A reader for each column, built once with the template: sheets share them (their scratch
   * state lives only within one `read`), and one long-lived set keeps the readers' hidden class
   * alive, so the row loop's optimised code is not thrown away at every garbage collection.
   */
  readonly readers: readonly ColumnReader[];
}

/** Setting slots of rule expressions (`SETTING_NAMES` order). */
const SETTING_SLOTS = Object.keys(SETTING_NAMES);

/**
 * Setting values as rule expressions see them (money in fen).
 * @example settingValues(DEFAULT_SETTINGS)[0] // 500000 (慰问金人均上限 5000 元)
 */
export function settingValues(settings: Settings): Float64Array {
  const out = new Float64Array(SETTING_SLOTS.length);
  SETTING_SLOTS.forEach((name, slot) => {
    const s = SETTING_NAMES[name];
    if (s) out[slot] = s.kind === "money" ? Math.round(settings[s.key] * 100) : settings[s.key];
  });
  return out;
}

/**
 * The wording of every rule of every table compiled so far, by `<rule id> <code>` (messages.ts
 * reads it: a bureau's own rules get their own messages).
 */
export const RULE_MESSAGES = new Map<string, string>();

/** Compiles a validated template definition (throws on an expression that does not compile). */
export function compileTemplate(def: TemplateDefinition): CompiledTemplate {
  for (const r of def.rules) RULE_MESSAGES.set(`${r.id} ${r.code}`, r.message);
  const headerIndex = new Map<string, number>();
  const byHeader = new Map<string, number>();
  def.columns.forEach((c, i) => {
    byHeader.set(c.header, i);
    headerIndex.set(normaliseHeader(c.header), i);
    for (const a of c.aliases ?? []) {
      const key = normaliseHeader(a);
      if (!headerIndex.has(key)) headerIndex.set(key, i);
    }
  });
  const scope: ExpressionScope = {
    column: (name) => headerIndex.get(normaliseHeader(name)),
    allowed: (col) => def.columns[col]?.allowed,
    isMoney: (col) => def.columns[col]?.type === "money",
    setting: (name) => {
      const slot = SETTING_SLOTS.indexOf(name);
      return slot < 0 ? undefined : { slot, money: SETTING_NAMES[name]?.kind === "money" };
    },
    settingIsMoney: (slot) => SETTING_NAMES[SETTING_SLOTS[slot] ?? ""]?.kind === "money",
  };
  const rowRules: CompiledRowRule[] = [];
  const namedRules: NamedRuleDefinition[] = [];
  for (const rule of def.rules) {
    if (rule.kind === "named") {
      namedRules.push(rule);
      continue;
    }
    const compile = (what: "check" | "when", text: string) => {
      try {
        return compileExpression(text, scope);
      } catch (e) {
        throw new Error(
          `${def.id} 的规则 ${rule.id}（${what}）：${e instanceof Error ? e.message : String(e)}`
        );
      }
    };
    const check = compile("check", rule.check);
    const when = rule.when === undefined ? undefined : compile("when", rule.when);
    const cell = rule.cell === undefined ? check.columns[0] : byHeader.get(rule.cell);
    if (cell === undefined) throw new Error(`${def.id}/${rule.id}: 规则没有可报告的单元格`);
    rowRules.push({ def: rule, check, when, cell, uses: check.columns });
  }
  return {
    def,
    columns: def.columns,
    headerIndex,
    required: def.columns.flatMap((c, i) => (c.required ? [i] : [])),
    remark: def.columns.findIndex((c) => c.key === "remark"),
    rowRules,
    namedRules,
    byHeader,
    readers: def.columns.map((c) => new ColumnReader(c)),
  };
}

/**
 * The figure ids a table produces (what its report sentences may name): column totals
 * `T1/<header>`, per group `T4/<header>/<group>`, and the rates of each group.
 * @example figureIds(TEMPLATES[0]).has("T1/发展预备党员") // true
 */
export function figureIds(def: TemplateDefinition): Set<string> {
  const ids = new Set(def.figures.totals.map((f) => `${def.id}/${f.column}`));
  const groupBy = def.columns.find((c) => c.header === def.figures.groupBy);
  for (const g of groupBy?.allowed ?? []) {
    for (const f of def.figures.groups) ids.add(`${def.id}/${f.column}/${g}`);
    for (const c of def.columns)
      if (c.type === "percent" && c.ratio) ids.add(`${def.id}/${c.header}/${g}`);
  }
  return ids;
}

/**
 * What is wrong with a table's report sentences, in Chinese, each naming the exact entry: a
 * placeholder that names no figure of the table, a rate or category that is not one, or sentences
 * for a table without a headline figure.
 */
export function reportProblems(def: TemplateDefinition): string[] {
  const report = def.report;
  if (!report) return [];
  const problems: string[] = [];
  const ids = figureIds(def);
  const allowed = (header: string) => def.columns.find((c) => c.header === header)?.allowed ?? [];
  if (![...def.figures.totals, ...def.figures.groups].some((f) => f.headline))
    problems.push(`${def.id}：有报告句子，但没有任何 headline 指标`);
  const names = (text: string) =>
    [...text.matchAll(PHRASE_PLACEHOLDER)].map((m) => (m[2] ?? "").trim());
  report.sentences.forEach((sentence, s) =>
    sentence.forEach((clause, c) => {
      const where = `${def.id} 的报告句子 第${s + 1}句第${c + 1}个分句`;
      const check = (text: string, resolve: (name: string) => string | undefined) => {
        for (const name of names(text)) {
          const id = resolve(name);
          if (id !== undefined && !ids.has(id))
            problems.push(`${where}：“{${name}}”不是本表的指标`);
        }
      };
      for (const text of [clause.text ?? "", ...(clause.list?.items ?? [])]) check(text, (n) => n);
      if (clause.rates) {
        for (const ind of clause.rates.indicators)
          for (const g of clause.rates.groups)
            if (!ids.has(`${def.id}/${ind}/${g}`))
              problems.push(`${where}：比率“${ind}”没有“${g}”这一项`);
      }
      const p = clause.programmes;
      if (p) {
        const categories = allowed(p.categoryHeader);
        for (const [category, phrase] of Object.entries(p.byCategory)) {
          if (!categories.includes(category))
            problems.push(`${where}：“${category}”不是“${p.categoryHeader}”的可选值`);
          check(phrase, (n) =>
            n === "项目" ? undefined : n.includes("/") ? n : `${def.id}/${n}/${category}`
          );
        }
        check(p.fallback, (n) =>
          n === "项目" ? undefined : n.includes("/") ? n : `${def.id}/${n}/${categories[0] ?? ""}`
        );
      }
    })
  );
  return problems;
}

/**
 * Validates template definitions (zod) and compiles them; throws a readable error at load.
 * @example loadTemplates(TEMPLATE_DEFINITIONS).map((t) => t.def.id) // ["T1", "T2", "T3", "T4"]
 */
export function loadTemplates(definitions: readonly unknown[], source = ""): CompiledTemplate[] {
  const ids = new Set<string>();
  return definitions.map((raw, i) => {
    const id = typeof raw === "object" && raw !== null && "id" in raw ? String(raw.id) : "";
    const where = `${source ? `${source}：` : ""}表定义 #${i + 1}${id ? `（${id}）` : ""}`;
    const parsed = TemplateSchema.safeParse(raw);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((e) => `${e.path.join(".")}: ${e.message}`).join("; ");
      throw new Error(`${where} 无效：${detail}`);
    }
    if (ids.has(parsed.data.id)) throw new Error(`${where} 无效：id ${parsed.data.id} 重复`);
    const problems = reportProblems(parsed.data);
    if (problems.length > 0) throw new Error(`${where} 无效：${problems.join("；")}`);
    ids.add(parsed.data.id);
    try {
      return compileTemplate(parsed.data);
    } catch (e) {
      throw new Error(`${where} 无效：${e instanceof Error ? e.message : String(e)}`);
    }
  });
}

/** The four templates, compiled. */
export const COMPILED_TEMPLATES: readonly CompiledTemplate[] = Object.freeze(
  loadTemplates(TEMPLATE_DEFINITIONS)
);

/** The four template definitions (T1…T4), e.g. for writing blank templates. */
export const TEMPLATES: readonly TemplateDefinition[] = Object.freeze(
  COMPILED_TEMPLATES.map((t) => t.def)
);

/** The template definition with this id. */
export function templateById(id: string): TemplateDefinition | undefined {
  return TEMPLATES.find((t) => t.id === id);
}
