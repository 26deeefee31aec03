/**
 * The named checks a definition's rules may call (`check: "datesInYear"`, `"rateMatchesCounts"`):
 * resolved to column indexes once per sheet, then run on each data row — and the rate check
 * on the 合计 row too.
 */
import type { RuleRef } from "../issues";
import { a1, type CellValue } from "../model";
import { READ_OK } from "../read/cell";
import { formatSerial, serialYear } from "../read/dates";
import { formatTenthsPct } from "../read/numbers";
import type { CompiledDefinition } from "../definitions";
import { ratioTenths } from "./figures";
import { remarkFilled, type ColumnPlan, type RowValues } from "./plan";
import type { TableIssues } from "./sink";

const OK: number = READ_OK;

/** A date-in-year check resolved to column indexes. */
export interface DateCheck {
  readonly def: RuleRef;
  readonly cols: readonly number[];
}

/** A rate check resolved to column indexes (numerator or denominator -1 when the table has none). */
export interface RateCheck {
  readonly def: RuleRef;
  readonly rate: number;
  readonly num: number;
  readonly den: number;
}

export interface NamedChecks {
  readonly dates: readonly DateCheck[];
  readonly rates: readonly RateCheck[];
}

/** The definition's named checks resolved to its column indexes. */
export function planNamedChecks(t: CompiledDefinition): NamedChecks {
  const dates: DateCheck[] = [];
  const rates: RateCheck[] = [];
  for (const rule of t.namedRules) {
    if (rule.check === "datesInYear") {
      const names = Array.isArray(rule.params.columns)
        ? rule.params.columns
        : [String(rule.params.columns)];
      const idx = names.map((h) => t.byHeader.get(h) ?? -1).filter((k) => k >= 0);
      dates.push({ def: rule, cols: idx });
    } else if (rule.check === "rateMatchesCounts") {
      const rate = t.byHeader.get(String(rule.params.rate)) ?? -1;
      const ratio = t.columns[rate]?.ratio;
      if (rate < 0 || !ratio) continue;
      rates.push({
        def: rule,
        rate,
        num: t.byHeader.get(ratio.numerator) ?? -1,
        den: t.byHeader.get(ratio.denominator) ?? -1,
      });
    }
  }
  return { dates, rates };
}

/** Runs the named checks on data row `r`. */
export function checkNamedRow(
  plan: ColumnPlan,
  checks: NamedChecks,
  rv: RowValues,
  sink: TableIssues,
  year: number | undefined,
  r: number,
  row: readonly CellValue[]
): void {
  if (checks.dates.length > 0 && year !== undefined) {
    for (const check of checks.dates) checkDates(plan, check, rv, sink, year, r, row);
  }
  const rates = checks.rates;
  for (let i = 0; i < rates.length; i++) checkRate(plan, rates[i] as RateCheck, rv, sink, r, row);
}

/** Dates that should lie in the table's year. */
function checkDates(
  plan: ColumnPlan,
  check: DateCheck,
  rv: RowValues,
  sink: TableIssues,
  year: number,
  r: number,
  row: readonly CellValue[]
): void {
  const { status, vals } = rv;
  for (const k of check.cols) {
    if (status[k] !== OK) continue;
    if (serialYear(vals[k] as number) === year) continue;
    sink.taint(
      sink.pushRule(check.def, a1(r, plan.colOf[k] as number), {
        column: plan.cols[k]?.header ?? "",
        value: formatSerial(vals[k] as number),
        explained: remarkFilled(plan, row),
        params: { year },
      }),
      r,
      [k]
    );
  }
}

/** A rate in 0–100% and, when its counts are read, equal to their ratio within rounding. */
export function checkRate(
  plan: ColumnPlan,
  check: RateCheck,
  rv: RowValues,
  sink: TableIssues,
  r: number,
  row: readonly CellValue[]
): void {
  const v = rv.vals;
  const st = rv.status;
  if (st[check.rate] !== OK) return;
  const pct = v[check.rate] as number;
  const cell = a1(r, plan.colOf[check.rate] as number);
  const column = plan.cols[check.rate]?.header ?? "";
  const severityExplained = check.def.severity === "warning" && remarkFilled(plan, row);
  const rateCols = [check.rate, check.num, check.den].filter((k) => k >= 0);
  if (!(pct >= 0 && pct <= 100)) {
    const issue = sink.push(check.def.id, "rate-out-of-range", check.def.severity, cell, {
      column,
      value: `${pct}%`,
      expected: "0%–100%",
      explained: severityExplained,
    });
    sink.taint(issue, r, [check.rate]);
    return;
  }
  if (check.num < 0 || check.den < 0 || st[check.num] !== OK || st[check.den] !== OK) return;
  const num = v[check.num] as number;
  const den = v[check.den] as number;
  if (den <= 0 || num > den) return;
  const ratio = (num / den) * 100;
  // within rounding to 0.1 point, except that 100% is only right when every case is closed
  if (Math.abs(pct - ratio) <= 0.05 + 1e-9 && !(pct >= 100 && num < den)) return;
  const issue = sink.pushRule(check.def, cell, {
    column,
    value: `${pct}%`,
    expected: formatTenthsPct(ratioTenths(num, den)),
    explained: severityExplained,
    params: { numerator: num, denominator: den },
  });
  sink.taint(issue, r, rateCols);
}
