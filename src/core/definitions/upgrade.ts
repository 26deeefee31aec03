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

/**
 * The definition in the current form (itself when it is in it, or cannot be rewritten); `all` is
 * the set it belongs to (the tables its figures rules may name).
 * @example upgradeDefinition({ …, rules: [{ kind: "row", check: "金额（元） ≤ 1000000", … }] }, all).rules[0].check // "金额（元） ≤ 10000"
 */
export function upgradeDefinition(
  def: TableDefinition,
  all: readonly TableDefinition[]
): TableDefinition {
  if (def.version === DEFINITIONS_VERSION) return def;
  const rowScope = columnScope(def.columns, true).scope;
  const rewrite = (source: string, scope: ExpressionScope): string => {
    const out = moneyInYuan(source, scope);
    if (out === undefined) throw new KeepOlderForm();
    return out;
  };
  let rules: RuleDefinition[];
  try {
    rules = def.rules.map((rule): RuleDefinition => {
      if (rule.kind === "named") return rule;
      const scope = () => (rule.kind === "row" ? rowScope : figureScope(def, all).scope);
      const check = rewrite(rule.check, scope());
      const when = rule.when === undefined ? undefined : rewrite(rule.when, scope());
      return { ...rule, check, ...(when === undefined ? {} : { when }) };
    });
  } catch (e) {
    if (e instanceof KeepOlderForm) return def;
    throw e;
  }
  // the version first, as a file of the current form has it (`version: 1` replaced)
  const upgraded: TableDefinition = { version: DEFINITIONS_VERSION, ...def, rules };
  upgraded.version = DEFINITIONS_VERSION;
  return upgraded;
}

/** A rule that cannot be rewritten: the table stays in the older form. */
class KeepOlderForm extends Error {}
