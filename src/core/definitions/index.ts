/**
 * The definitions, loaded: validated with the zod schema and compiled once
 * (headers normalised, rule expressions parsed and compiled) when this module loads.
 */
import { SETTING_NAMES, type Settings } from "../settings";
import { ColumnReader } from "../read/cell";
import { checkDefinitions, columnScope, SETTING_SLOTS } from "./check";
import { BUILTIN_DEFINITION_DATA } from "./builtins";
import { compileExpression, type CompiledExpression } from "./expression";
import { compileFigureRule, namedFigureCheck, type CompiledFigureRule } from "./figure-rules";
import { DefinitionsError, problemLine, sortProblems } from "./problems";
import type { FenReading } from "./upgrade";
import {
  DEFINITIONS_VERSION,
  type ColumnDefinition,
  type RuleDefinition,
  type TableDefinition,
} from "./schema";

export type { ColumnDefinition, RuleDefinition, TableDefinition };
export type { ColumnType } from "./schema";
export { FRAME_LABELS, TOTAL_LABEL } from "../read/labels";
export { hasTotalRow, totalled } from "./schema";
export { ExpressionError, PREVIOUS_YEAR, compileExpression } from "./expression";
export type { CompiledFigureRule, FigureRef } from "./figure-rules";
export { checkDefinitions, figureIds, reportProblems } from "./check";
export { DefinitionsError, parseDefinitionsJson } from "./problems";
export { problemCount } from "./definition-messages";

export type RowRuleDefinition = Extract<RuleDefinition, { kind: "row" }>;
export type NamedRuleDefinition = Extract<RuleDefinition, { kind: "named" }>;
export type FigureRuleDefinition = Extract<RuleDefinition, { kind: "figures" }>;

/** A row rule ready to run. */
export interface CompiledRowRule {
  readonly def: RowRuleDefinition;
  readonly check: CompiledExpression;
  readonly when: CompiledExpression | undefined;
  /** Column index (in the definition) of the cell reported. */
  readonly cell: number;
  /**
   * Columns read by `check` (must be present unless blank counts as zero); `上年(列)` is the
   * slot `columns.length + 列`.
   */
  readonly uses: readonly number[];
}

/** A definition ready to run: its definition plus what the engine precomputes once. */
export interface CompiledDefinition {
  readonly def: TableDefinition;
  readonly columns: readonly ColumnDefinition[];
  /** Column index (in the definition) by normalised header (and alias). */
  readonly headerIndex: ReadonlyMap<string, number>;
  /** Column index (in the definition)es of the required columns. */
  readonly required: readonly number[];
  /** Column index (in the definition) of 备注, or -1. */
  readonly remark: number;
  readonly rowRules: readonly CompiledRowRule[];
  /** The named row checks (`datesInYear`, `rateMatchesCounts`). */
  readonly namedRules: readonly NamedRuleDefinition[];
  /** The rules over figures (and the older named checks that compare figures), in rule order. */
  readonly figureRules: readonly CompiledFigureRule[];
  /** Column index of the unique key column (rows of two years are matched by it), or -1. */
  readonly keyColumn: number;
  /** True when a row rule reads `上年(列)` (the row values then have a second, last-year half). */
  readonly lastYearRows: boolean;
  /** Column index by canonical header. */
  readonly byHeader: ReadonlyMap<string, number>;
  /**
   * A reader for each column, built once with the definition: sheets share them (their scratch
   * state lives only within one `read`), and one long-lived set keeps the readers' hidden class
   * alive, so the row loop's optimised code is not thrown away at every garbage collection.
   */
  readonly readers: readonly ColumnReader[];
  /** A table of the older form: its rules whose money numbers are read in fen (see `upgrade.ts`). */
  readonly readAsFen?: readonly FenReading[];
}

/**
 * Setting values as rule expressions hold them (money in fen; written in 元, see `expression.ts`).
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
 * Compiles a validated table definition (throws on an expression that does not compile);
 * `all` is the set it belongs to (the tables its figures rules may name).
 */
export function compileDefinition(
  def: TableDefinition,
  all: readonly TableDefinition[] = [def]
): CompiledDefinition {
  // a table kept in the older form (a number beside money in fen) is checked as it always was
  const older = def.version !== DEFINITIONS_VERSION;
  const { scope, headerIndex, byHeader } = columnScope(def.columns, older);
  const n = def.columns.length;
  const keyColumn = def.columns.findIndex((c) => c.unique === true);
  const rowRules: CompiledRowRule[] = [];
  const namedRules: NamedRuleDefinition[] = [];
  const figureRules: CompiledFigureRule[] = [];
  for (const rule of def.rules) {
    const compile = <T>(what: "check" | "when", run: () => T): T => {
      try {
        return run();
      } catch (e) {
        throw new Error(
          `${def.id} 的规则 ${rule.id}（${what}）：${e instanceof Error ? e.message : String(e)}`
        );
      }
    };
    if (rule.kind === "named") {
      const expression = namedFigureCheck(rule);
      if (expression === undefined) namedRules.push(rule);
      else
        figureRules.push(
          compile("check", () => compileFigureRule(def, rule, expression, undefined, all))
        );
      continue;
    }
    if (rule.kind === "figures") {
      const { check, when } = rule;
      // the check alone first, so that an error is reported against the part it is in
      const alone = compile("check", () => compileFigureRule(def, rule, check, undefined, all));
      figureRules.push(
        when === undefined
          ? alone
          : compile("when", () => compileFigureRule(def, rule, check, when, all))
      );
      continue;
    }
    const check = compile("check", () => compileExpression(rule.check, scope));
    const text = rule.when;
    const when =
      text === undefined ? undefined : compile("when", () => compileExpression(text, scope));
    const cell =
      rule.cell === undefined ? check.columns.find((k) => k < n) : byHeader.get(rule.cell);
    if (cell === undefined) throw new Error(`${def.id} 的规则 ${rule.id}：规则没有可报告的单元格`);
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
    figureRules,
    keyColumn,
    lastYearRows: rowRules.some((r) =>
      [...r.check.columns, ...(r.when?.columns ?? [])].some((k) => k >= n)
    ),
    byHeader,
    readers: def.columns.map((c) => new ColumnReader(c)),
  };
}

/** A compiled table with the rules its older form reads in fen, when there are any. */
export function withFen(
  compiled: CompiledDefinition,
  fen: readonly FenReading[] | undefined
): CompiledDefinition {
  return fen && fen.length > 0 ? { ...compiled, readAsFen: fen } : compiled;
}

/**
 * Validates table definitions and compiles them; throws `DefinitionsError` listing every problem
 * in Chinese, each naming the source (`source`, e.g. the file), the table and the entry.
 * @example loadDefinitions(BUILTIN_DEFINITION_DATA).map((t) => t.def.id) // ["T1", "T2", "T3", "T4"]
 */
export function loadDefinitions(
  definitions: readonly unknown[],
  source = ""
): CompiledDefinition[] {
  const { problems, stopped, defs, fen } = checkDefinitions(definitions);
  if (problems.length > 0)
    throw new DefinitionsError(
      sortProblems(problems).map((p) => problemLine(p, definitions, source)),
      stopped
    );
  // compiled once all are read: a figures rule may name any table of the set
  const all = defs.flatMap((d) => (d ? [d] : []));
  return defs.map((def, i) => {
    if (!def) throw new Error(`表定义 #${i + 1} 无效`); // checkDefinitions gives a problem for it
    return withFen(compileDefinition(def, all), fen?.[i]);
  });
}

/**
 * The built-in definitions compiled without checking them again at every start: they are the
 * project's own files, and a test holds them to the same check a bureau's file goes through
 * (`loadDefinitions`), with the same result. Only the editor's `$schema` key is dropped, as the
 * check drops it.
 * @example compileBuiltins(BUILTIN_DEFINITION_DATA).map((t) => t.def.id) // ["T1", "T2", "T3", "T4"]
 */
export function compileBuiltins(data: readonly unknown[]): CompiledDefinition[] {
  const defs = data.map((d) => {
    const def: Record<string, unknown> = { ...(d as Record<string, unknown>) };
    delete def.$schema;
    return def as unknown as TableDefinition;
  });
  return defs.map((def) => compileDefinition(def, defs));
}

/** The built-in tables (表1–表4), compiled. */
export const COMPILED_BUILTINS: readonly CompiledDefinition[] = Object.freeze(
  compileBuiltins(BUILTIN_DEFINITION_DATA)
);

/** The built-in table definitions (T1…T4), e.g. for writing blank templates. */
export const BUILTIN_DEFINITIONS: readonly TableDefinition[] = Object.freeze(
  COMPILED_BUILTINS.map((t) => t.def)
);

/** The table definition with this id. */
export function definitionById(id: string): TableDefinition | undefined {
  return BUILTIN_DEFINITIONS.find((t) => t.id === id);
}

/**
 * The ids of the figures that never decrease over the years (`cumulative: true` totals).
 * @example cumulativeFigures([{ id: "T9", figures: { totals: [{ column: "累计培训人数", headline: true, cumulative: true }], groups: [] } }]) // Set { "T9/累计培训人数" }
 */
export function cumulativeFigures(
  definitions: ReadonlyArray<Pick<TableDefinition, "id" | "figures">>
): Set<string> {
  const out = new Set<string>();
  for (const t of definitions)
    for (const spec of t.figures.totals) if (spec.cumulative) out.add(`${t.id}/${spec.column}`);
  return out;
}
