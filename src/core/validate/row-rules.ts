/**
 * A table's own row rules (expressions over its headers, e.g. T1-01 `其中女性 <= 发展预备党员`),
 * checked on each data row once its cells are read. A rule is skipped when a cell it uses is
 * invalid, or blank unless the rule reads blanks as zero; a failed rule makes every figure read
 * from the cells it compares unverified.
 */
import type { IssueValue } from "../issues";
import { a1, type CellValue } from "../model";
import { READ_BLANK, READ_INVALID, READ_OK, type ColumnReader } from "../read/cell";
import { formatSerial } from "../read/dates";
import { formatFen } from "../read/numbers";
import { SETTING_NAMES } from "../settings";
import { PREVIOUS_YEAR, type CompiledRowRule } from "../definitions";
import { remarkFilled, type ColumnPlan, type RowValues } from "./plan";
import { rowAddress, type TableIssues } from "./sink";

const OK: number = READ_OK;
const BLANK: number = READ_BLANK;
const INVALID: number = READ_INVALID;

/** Checks the definition's row rules on data row `r` (its values already in `rv`). */
export function checkRowRules(
  plan: ColumnPlan,
  rv: RowValues,
  sink: TableIssues,
  settings: Float64Array,
  r: number,
  row: readonly CellValue[]
): void {
  const rowRules = plan.definition.rowRules;
  const { status, vals } = rv;
  for (let i = 0; i < rowRules.length; i++) {
    const rule = rowRules[i] as CompiledRowRule;
    const zero = rule.def.blank === "zero";
    let skip = false;
    const uses = rule.uses;
    for (let u = 0; u < uses.length; u++) {
      const s = status[uses[u] as number];
      if (s === INVALID || (s === BLANK && !zero)) {
        skip = true;
        break;
      }
    }
    if (skip) continue;
    if (rule.when !== undefined && !rule.when.evaluate(vals, settings)) continue;
    if (zero) {
      for (let u = 0; u < uses.length; u++)
        if (status[uses[u] as number] === BLANK) vals[uses[u] as number] = 0;
    }
    const ok = rule.check.evaluate(vals, settings);
    if (!ok) reportRowRule(plan, rv, sink, settings, rule, r, row);
    if (zero) {
      for (let u = 0; u < uses.length; u++)
        if (status[uses[u] as number] === BLANK) vals[uses[u] as number] = NaN;
    }
  }
}

/**
 * A column's value as the user reads it (null when it is not read, or is text); slot `n + k` is
 * last year's value of column k.
 */
function showColumn(plan: ColumnPlan, rv: RowValues, k: number): IssueValue {
  if (rv.status[k] !== OK) return null;
  const v = rv.vals[k] as number;
  const type = plan.cols[k % plan.n]?.type;
  if (type === "money") return formatFen(v);
  if (type === "date") return formatSerial(v);
  if (type === "enum") return (plan.readers[k % plan.n] as ColumnReader).allowedValue(v);
  if (type === "text") return null;
  return v;
}

/**
 * The right side of a failed comparison, as expected value (money, in fen in the expression, in
 * the unit of the side: 元, or 万元 beside a column in 万元).
 */
function showSide(
  rule: CompiledRowRule,
  rv: RowValues,
  settings: Float64Array,
  money: number | undefined
): IssueValue {
  const cmp = rule.check.comparison;
  if (!cmp) return null;
  const v = cmp.right(rv.vals, settings);
  if (!Number.isFinite(v)) return null;
  return money === undefined ? v : formatFen(Math.round(v / (money / 100)));
}

function reportRowRule(
  plan: ColumnPlan,
  rv: RowValues,
  sink: TableIssues,
  settings: Float64Array,
  rule: CompiledRowRule,
  r: number,
  row: readonly CellValue[]
): void {
  const cols = plan.cols;
  const params: Record<string, IssueValue> = {};
  const used = new Set([...rule.check.columns, ...(rule.when?.columns ?? [])]);
  const n = plan.n;
  for (const k of used) {
    const header = cols[k % n]?.header ?? "";
    params[k < n ? header : `${PREVIOUS_YEAR}(${header})`] = showColumn(plan, rv, k);
  }
  for (const slot of rule.check.settings) {
    const name = Object.keys(SETTING_NAMES)[slot] ?? "";
    const s = SETTING_NAMES[name];
    const v = settings[slot] as number;
    params[name] = s?.kind === "money" ? formatFen(v) : v;
  }
  const cmp = rule.check.comparison;
  const c = plan.colOf[rule.cell] as number;
  const cellValue = showColumn(plan, rv, rule.cell);
  const severity = rule.def.severity;
  // every cell the rule compares may be the wrong one (发展预备党员 or its 其中 parts)
  const issue = sink.pushRule(rule.def, c >= 0 ? a1(r, c) : rowAddress(r), {
    column: cols[rule.cell]?.header ?? "",
    value: cellValue,
    expected:
      cmp === undefined
        ? null
        : cmp.rightColumn !== undefined
          ? showColumn(plan, rv, cmp.rightColumn)
          : showSide(rule, rv, settings, cmp.rightMoney),
    explained: severity === "warning" && remarkFilled(plan, row),
    params,
  });
  // last year's cells are not this sheet's
  sink.taint(
    issue,
    r,
    rule.check.columns.filter((k) => k < n)
  );
}
