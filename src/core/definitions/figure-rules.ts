/**
 * Rules over the tables' figures (`kind: "figures"`): an expression in the row rules' language
 * whose names are figures — a header is this table's 合计 of that column, `培训人数["新党员培训"]`
 * the figure of one group, `表1.培训入党积极分子` (label or id) another table's, and `上年(…)` last
 * year's value of whatever it encloses. Compiled once against the whole set of definitions (an
 * unknown table, header or group is refused at load); each reference gets a slot, and the
 * workbook check fills the slots with the figures found (money in hundredths of its unit, rates
 * in %; a number beside money is in the money's unit) or skips the
 * rule when one is absent. The older named checks `notAbovePrevious` and `equalsFigure` are
 * compiled into the same rules.
 */
import type { FigureKind } from "../figures";
import { normaliseHeader } from "../read/normalise";
import {
  compileExpression,
  ExpressionError,
  type CompiledExpression,
  type ExpressionScope,
  type MemberPart,
} from "./expression";
import {
  DEFINITIONS_VERSION,
  moneyScale,
  type RuleDefinition,
  type TableDefinition,
} from "./schema";

export type FigureRuleDefinition = Extract<RuleDefinition, { kind: "figures" }>;
type NamedRuleDefinition = Extract<RuleDefinition, { kind: "named" }>;

/** A figure a rule reads: its id, its table, the year (this one or last) and its kind. */
export interface FigureRef {
  readonly tableId: string;
  /** Figure id (`T2/培训人数/新党员培训`). */
  readonly id: string;
  readonly previous: boolean;
  readonly kind: FigureKind;
  /** For money: how many fen one unit of the column's figures is (see `moneyScale`). */
  readonly moneyScale?: number | undefined;
}

/** A figures rule ready to run. */
export interface CompiledFigureRule {
  /** The rule as written (a `figures` rule, or an older named check). */
  readonly def: FigureRuleDefinition | NamedRuleDefinition;
  readonly check: CompiledExpression;
  readonly when: CompiledExpression | undefined;
  /** The figures read, by slot (the values array the expressions read). */
  readonly refs: readonly FigureRef[];
  /** Slot of the figure reported: the first of this table and year the check reads. */
  readonly mine: number;
  /** Slot shown as `{other}`: the first figure of the comparison's right side, if any. */
  readonly other: number | undefined;
}

/** The figure kind of a column, and for money the fen in one unit of it. */
function kindOf(def: TableDefinition, header: string): Pick<FigureRef, "kind" | "moneyScale"> {
  const column = def.columns.find((c) => c.header === header);
  const type = column?.type;
  const kind = type === "money" ? "money" : type === "percent" ? "rate" : "count";
  return { kind, moneyScale: column && moneyScale(column) };
}

/**
 * Compiles one figures rule of `def` against every table of the set.
 * @example compileFigureRule(T1, { …, check: "转正预备党员 ≤ 上年(发展预备党员)" }, [T1]).refs.length // 2
 */
export function compileFigureRule(
  def: TableDefinition,
  rule: FigureRuleDefinition | NamedRuleDefinition,
  check: string,
  when: string | undefined,
  all: readonly TableDefinition[]
): CompiledFigureRule {
  const { scope, refs } = figureScope(def, all);
  const compiled = compileExpression(check, scope);
  const whenCompiled = when === undefined ? undefined : compileExpression(when, scope);
  const mine = compiled.columns.find((s) => refs[s]?.tableId === def.id && !refs[s]?.previous);
  if (mine === undefined)
    throw new ExpressionError(`表达式 ${check}：要读本表本年的至少一个指标（问题报在它的合计格）`);
  return {
    def: rule,
    check: compiled,
    when: whenCompiled,
    refs,
    mine,
    other: compiled.comparison?.rightColumns[0],
  };
}

/**
 * What a figures expression of `def` may name (any table of `all`), and the figures it has named
 * so far, by slot (each name gets its slot as the expression is compiled).
 */
export function figureScope(
  def: TableDefinition,
  all: readonly TableDefinition[]
): { scope: ExpressionScope; refs: readonly FigureRef[] } {
  const refs: FigureRef[] = [];
  const slotOf = (ref: FigureRef): number => {
    const i = refs.findIndex((r) => r.id === ref.id && r.previous === ref.previous);
    if (i >= 0) return i;
    refs.push(ref);
    return refs.length - 1;
  };
  const tableNamed = (name: string): TableDefinition => {
    const t = all.find((d) => d.id === name || d.label === name);
    if (!t) throw new ExpressionError(`没有“${name}”这张表（写表的名称如“表1”，或编号如“T1”）`);
    return t;
  };
  const header = (t: TableDefinition, name: string): string => {
    const key = normaliseHeader(name);
    const c = t.columns.find((x) => normaliseHeader(x.header) === key);
    if (!c) throw new ExpressionError(`${t.label}没有“${name}”这一列`);
    return c.header;
  };
  const total = (t: TableDefinition, name: string): number => {
    const h = header(t, name);
    if (!t.figures.totals.some((f) => f.column === h))
      throw new ExpressionError(`${t.label}的“${h}”没有合计指标（见 figures.totals）`);
    return slotOf({ tableId: t.id, id: `${t.id}/${h}`, previous: false, ...kindOf(t, h) });
  };
  const group = (t: TableDefinition, name: string, g: string): number => {
    const h = header(t, name);
    const by = t.columns.find((c) => c.header === t.figures.groupBy);
    const rate = t.columns.find((c) => c.header === h && c.type === "percent" && c.ratio);
    if (!by || !(t.figures.groups.some((f) => f.column === h) || rate))
      throw new ExpressionError(`${t.label}的“${h}”没有分组指标（见 figures.groups）`);
    if (!(by.allowed ?? []).includes(g))
      throw new ExpressionError(`“${g}”不是${t.label}“${by.header}”的可选值`);
    return slotOf({ tableId: t.id, id: `${t.id}/${h}/${g}`, previous: false, ...kindOf(t, h) });
  };
  const scope: ExpressionScope = {
    column: (name) =>
      def.columns.some((c) => normaliseHeader(c.header) === normaliseHeader(name))
        ? total(def, name)
        : undefined,
    allowed: () => undefined,
    moneyScale: (slot) => refs[slot]?.moneyScale,
    setting: () => undefined,
    moneyInFen: def.version !== DEFINITIONS_VERSION,
    previous: (slot) => {
      const r = refs[slot] as FigureRef;
      return slotOf({ ...r, previous: true });
    },
    member: (parts: readonly MemberPart[]) => {
      const [a, b, c] = parts;
      if (a && b && !b.computed && parts.length <= 3) {
        const t = tableNamed(a.name);
        return c ? group(t, b.name, c.name) : total(t, b.name);
      }
      if (a && b && b.computed && parts.length === 2) return group(def, a.name, b.name);
      throw new ExpressionError(
        `“${parts.map((p) => p.name).join(".")}”不是指标（写“列”、“列["分组"]”或“表1.列”）`
      );
    },
  };
  return { scope, refs };
}

/**
 * A figure id as a figures expression (`T2/培训人数/新党员培训` → `T2.培训人数["新党员培训"]`), for
 * the older named checks.
 * @example figureIdExpression("T1/发展预备党员") // "T1.发展预备党员"
 */
export function figureIdExpression(id: string): string {
  const [table, header, group] = id.split("/");
  return `${table ?? ""}.${header ?? ""}${group === undefined ? "" : `[${JSON.stringify(group)}]`}`;
}

/**
 * The expression an older named cross-table or cross-year check stands for, or undefined for the
 * other named checks.
 * @example namedFigureCheck({ check: "notAbovePrevious", params: { figure: "T1/转正预备党员", previous: "T1/发展预备党员" } }) // "T1.转正预备党员 ≤ 上年(T1.发展预备党员)"
 */
export function namedFigureCheck(
  rule: Pick<NamedRuleDefinition, "check" | "params">
): string | undefined {
  const figure = figureIdExpression(String(rule.params.figure));
  if (rule.check === "notAbovePrevious")
    return `${figure} ≤ 上年(${figureIdExpression(String(rule.params.previous))})`;
  if (rule.check === "equalsFigure")
    return `${figure} = ${figureIdExpression(String(rule.params.other))}`;
  return undefined;
}
