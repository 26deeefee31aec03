/**
 * Definitions of the older form (no `version`: a number beside money in a rule is in fen,
 * `金额（元） ≤ 1000000`) read into the current one (`version: 2`, the number in the money's unit:
 * `金额（元） ≤ 10000`), so that what is exported or written as a 报表定义 sheet is in the current
 * form. A table whose rule has a number beside money that cannot be rewritten alone (`金额（元） ≤
 * 受益人数`) is kept in the older form, which the engine still reads as it always did.
 */
import { columnScope } from "./scope";
import { moneyInYuan, type ExpressionScope } from "./expression";
import { figureScope } from "./figure-rules";
import { DEFINITIONS_VERSION, type RuleDefinition, type TableDefinition } from "./schema";

/** A rule of an older-form table whose number beside money is read in fen. */
export interface FenReading {
  /** The rule's id. */
  readonly rule: string;
  /** The expression as written (`金额（元） ≤ 1000000`). */
  readonly written: string;
  /** The same in 元 (`金额（元） ≤ 10000`), or undefined when it cannot be rewritten alone. */
  readonly inYuan: string | undefined;
}

/**
 * The definition in the current form (itself when it is in it, or cannot be rewritten), and the
 * rules whose money numbers were read in fen on the way (none for a table of the current form);
 * `all` is the set it belongs to (the tables its figures rules may name).
 * @example upgradeReading({ …, rules: [{ id: "T5-R1", kind: "row", check: "金额（元） ≤ 1000000", … }] }, all).fen // [{ rule: "T5-R1", written: "金额（元） ≤ 1000000", inYuan: "金额（元） ≤ 10000" }]
 */
export function upgradeReading(
  def: TableDefinition,
  all: readonly TableDefinition[]
): { def: TableDefinition; fen: FenReading[] } {
  if (def.version === DEFINITIONS_VERSION) return { def, fen: [] };
  const rowScope = columnScope(def.columns, true).scope;
  const fen: FenReading[] = [];
  let whole = true;
  const rewrite = (rule: string, source: string, scope: ExpressionScope): string => {
    const out = moneyInYuan(source, scope);
    if (out !== source) fen.push({ rule, written: source, inYuan: out });
    if (out === undefined) whole = false;
    return out ?? source;
  };
  const rules = def.rules.map((rule): RuleDefinition => {
    if (rule.kind === "named") return rule;
    const scope = () => (rule.kind === "row" ? rowScope : figureScope(def, all).scope);
    const check = rewrite(rule.id, rule.check, scope());
    const when = rule.when === undefined ? undefined : rewrite(rule.id, rule.when, scope());
    return { ...rule, check, ...(when === undefined ? {} : { when }) };
  });
  // a rule that cannot be rewritten alone keeps the whole table in the older form
  if (!whole) return { def, fen };
  // the version first, as a file of the current form has it (`version: 1` replaced)
  const upgraded: TableDefinition = { version: DEFINITIONS_VERSION, ...def, rules };
  upgraded.version = DEFINITIONS_VERSION;
  return { def: upgraded, fen };
}

/**
 * The definition in the current form (itself when it is in it, or cannot be rewritten).
 * @example upgradeDefinition({ …, rules: [{ kind: "row", check: "金额（元） ≤ 1000000", … }] }, all).rules[0].check // "金额（元） ≤ 10000"
 */
export function upgradeDefinition(
  def: TableDefinition,
  all: readonly TableDefinition[]
): TableDefinition {
  return upgradeReading(def, all).def;
}
