/**
 * The rules over figures (`kind: "figures"`, and the older `notAbovePrevious`/`equalsFigure`),
 * checked once every sheet is: each figure a rule reads is looked up in its table of this year
 * or last (the rule is skipped when one is absent), the expression evaluated on their values
 * (money in fen, rates in %), and a failure reported at the 合计 cell of the rule's own figure,
 * the values shown in 元 and %. An error, or a warning not explained in 备注, leaves every figure
 * it read unverified (【待核】).
 */
import type { Figure } from "../figures";
import type { Issue, IssueValue } from "../issues";
import { formatFen, formatTenthsPct } from "../read/numbers";
import type { CompiledFigureRule, FigureRef } from "../definitions";
import { quoteSheet } from "../sheet-names";
import { makeRuleIssue } from "./sink";
import type { TableResult } from "./table";
import { markFigure } from "./unverified";

/** A figure found for a reference, and the checked sheet it is in. */
export interface FoundFigure {
  readonly f: Figure;
  readonly at: TableResult;
}

/**
 * A figure's value as shown: money in 元, rates in %, counts as is.
 * @example showFigure({ kind: "money", value: 30137000 } as Figure) // "301370"
 */
export function showFigure(f: Pick<Figure, "kind" | "value">): string | number {
  if (f.kind === "money") return formatFen(f.value);
  if (f.kind === "rate") return formatTenthsPct(f.value);
  return f.value;
}

/**
 * A side of a failed comparison as shown: money (in fen in the expression) in the unit of the side
 * (元, or 万元 beside a column in 万元), else in the kind of the first figure it reads (a side
 * without figures, `90`, in the kind of the other side's: 90%).
 */
function showSide(
  rule: CompiledFigureRule,
  v: number,
  money: number | undefined,
  slots: readonly number[],
  otherSlots: readonly number[]
): IssueValue {
  if (!Number.isFinite(v)) return null;
  if (money !== undefined) return formatFen(Math.round(v / (money / 100)));
  const kind = rule.refs[slots[0] ?? otherSlots[0] ?? -1]?.kind ?? "count";
  // a rate is in % inside the expression, in tenths of % as a figure
  return kind === "rate" ? formatTenthsPct(Math.round(v * 10)) : v;
}

/** Checks one figures rule, appending its issue when it fails. */
export function checkFigureRule(
  rule: CompiledFigureRule,
  find: (ref: FigureRef) => FoundFigure | undefined,
  settings: Float64Array,
  issues: Issue[]
): void {
  const refs = rule.refs;
  const found: FoundFigure[] = [];
  const values = new Float64Array(refs.length);
  for (let i = 0; i < refs.length; i++) {
    const x = find(refs[i] as FigureRef);
    // last year's table, or the other table, is not in the workbook: nothing to compare
    if (x === undefined) return;
    found.push(x);
    values[i] = x.f.kind === "rate" ? x.f.value / 10 : x.f.value;
  }
  if (rule.when !== undefined && !rule.when.evaluate(values, settings)) return;
  if (rule.check.evaluate(values, settings)) return;
  const mine = found[rule.mine] as FoundFigure;
  const other = rule.other === undefined ? undefined : found[rule.other];
  const cmp = rule.check.comparison;
  const loc = mine.at.locations.get(mine.f.id);
  const otherLoc = other?.at.locations.get(other.f.id);
  const issue = makeRuleIssue(rule.def, mine.at.table.sheet, loc?.cell ?? "1:1", {
    column: mine.f.indicator,
    value: cmp
      ? showSide(rule, cmp.left(values, settings), cmp.leftMoney, cmp.leftColumns, cmp.rightColumns)
      : showFigure(mine.f),
    expected: cmp
      ? showSide(
          rule,
          cmp.right(values, settings),
          cmp.rightMoney,
          cmp.rightColumns,
          cmp.leftColumns
        )
      : null,
    explained: loc?.explained ?? false,
    params: {
      ...(other === undefined
        ? {}
        : { other: `${quoteSheet(other.at.table.sheet)}!${otherLoc?.cell ?? ""}` }),
      ...(mine.f.group === undefined ? {} : { group: mine.f.group }),
    },
  });
  issues.push(issue);
  // an error, or a warning not explained in 备注, leaves every figure it compares unverified
  if (issue.severity === "warning" && issue.explained) return;
  // the figures the comparison reads (a name inside 上年(…) is read for last year only)
  const read = cmp ? new Set([...cmp.leftColumns, ...cmp.rightColumns]) : undefined;
  for (const [slot, { f, at }] of found.entries()) {
    if (read !== undefined && !read.has(slot)) continue;
    markFigure(at.figures, f.id, issue);
  }
}
