/**
 * Collects the issues of one sheet. Issues are only allocated when something is wrong.
 */
import {
  explainable,
  type GenericCode,
  type GenericParams,
  type Issue,
  type IssueParams,
  type IssueValue,
  type RuleRef,
  type Severity,
} from "../issues";
import { a1 } from "../model";
import type { DetectedTable } from "../detect/table";
import type { Taint } from "./unverified";

export { quoteSheet } from "../sheet-names";

export interface IssueExtras<P extends IssueParams = IssueParams> {
  readonly column?: string;
  readonly value?: IssueValue;
  readonly expected?: IssueValue;
  readonly explained?: boolean;
  readonly params?: P;
}

/**
 * The extras a generic code takes: its params required when its message needs any.
 * (`{}` is assignable to the params of a code that needs none.)
 */
export type ExtrasOf<C extends GenericCode> =
  Record<never, never> extends GenericParams[C]
    ? [extras?: IssueExtras<GenericParams[C] & IssueParams>]
    : [extras: IssueExtras<GenericParams[C] & IssueParams> & { readonly params: GenericParams[C] }];

/**
 * Builds an issue of a generic check (its params checked against its code by the compiler), with
 * only the optional fields that have a value.
 * @example makeIssue("G-02", "required-blank", "error", "表1", "C5", { column: "年末党员数" })
 */
export function makeIssue<C extends GenericCode>(
  rule: string,
  code: C,
  severity: Severity,
  sheet: string,
  cell: string,
  ...[extras]: ExtrasOf<C>
): Issue {
  return buildIssue(rule, code, severity, sheet, cell, extras);
}

/**
 * Builds an issue of a table's own rule (its code and message are data: any string).
 * @example makeRuleIssue(BUILTIN_DEFINITIONS[0].rules[0], "表1", "C5", { column: "发展预备党员" }).messageWording // "“发展预备党员”为{value}，…"
 */
export function makeRuleIssue(
  rule: RuleRef,
  sheet: string,
  cell: string,
  extras?: IssueExtras
): Issue {
  return buildIssue(rule.id, rule.code, rule.severity, sheet, cell, extras, rule.message);
}

function buildIssue(
  rule: string,
  code: string,
  severity: Severity,
  sheet: string,
  cell: string,
  extras: IssueExtras = {},
  messageWording?: string
): Issue {
  const issue: {
    rule: string;
    code: string;
    severity: Severity;
    sheet: string;
    cell: string;
    explained: boolean;
    column?: string;
    value?: IssueValue;
    expected?: IssueValue;
    params?: IssueParams;
    messageWording?: string;
  } = {
    rule,
    code,
    severity,
    sheet,
    cell,
    explained:
      severity === "warning" &&
      extras.explained === true &&
      explainable(messageWording === undefined ? { code } : { code, messageWording }),
  };
  if (extras.column !== undefined) issue.column = extras.column;
  if (extras.value !== undefined) issue.value = extras.value;
  if (extras.expected !== undefined) issue.expected = extras.expected;
  if (extras.params !== undefined) issue.params = extras.params;
  if (messageWording !== undefined) issue.messageWording = messageWording;
  return issue;
}

/**
 * Whole-row address (`7:7`) of a 0-based row.
 * @example rowAddress(6) // "7:7"
 */
export function rowAddress(row: number): string {
  return `${row + 1}:${row + 1}`;
}

/**
 * G-01: the header row's issues (a required header missing, an unknown column, a header twice).
 * @example headerIssues(detectTable(sheet, COMPILED_BUILTINS)!) // [{ rule: "G-01", code: "missing-header", cell: "3:3", … }]
 */
export function headerIssues(d: DetectedTable): Issue[] {
  const sheet = d.sheet.name;
  const out: Issue[] = [];
  for (const i of d.missing) {
    const column = d.definition.columns[i]?.header ?? "";
    out.push(
      makeIssue("G-01", "missing-header", "error", sheet, rowAddress(d.headerRow), { column })
    );
  }
  for (const u of d.unknown) {
    out.push(
      makeIssue("G-01", "unknown-column", "warning", sheet, a1(d.headerRow, u.col), {
        column: u.text,
        value: u.text,
      })
    );
  }
  for (const u of d.repeated) {
    out.push(
      makeIssue("G-01", "duplicate-header", "error", sheet, a1(d.headerRow, u.col), {
        column: u.text,
        value: u.text,
        params: { other: a1(d.headerRow, u.first) },
      })
    );
  }
  return out;
}

/**
 * The issues of one table as its checks find them, and the issues each figure depends on
 * (`taints`, for unverified figures).
 */
export class TableIssues {
  /** Errors and unexplained warnings by the row and definition columns they are about. */
  readonly taints: Taint[] = [];

  constructor(
    private readonly issues: Issue[],
    readonly sheet: string
  ) {}

  /** Appends an issue of a generic check. */
  push<C extends GenericCode>(
    rule: string,
    code: C,
    severity: Severity,
    cell: string,
    ...extras: ExtrasOf<C>
  ): Issue {
    return this.append(makeIssue(rule, code, severity, this.sheet, cell, ...extras));
  }

  /** Appends an issue of a table's own rule. */
  pushRule(rule: RuleRef, cell: string, extras?: IssueExtras): Issue {
    return this.append(makeRuleIssue(rule, this.sheet, cell, extras));
  }

  /** Appends an issue already made. */
  append(issue: Issue): Issue {
    this.issues.push(issue);
    return issue;
  }

  /**
   * Records that an issue makes the figures read from `cols` of `row` unverified: an error, or a
   * warning not explained in its row's 备注 (see unverified.ts).
   */
  taint(issue: Issue, row: number, cols: readonly number[]): void {
    if (issue.severity === "error" || !issue.explained) this.taints.push({ issue, row, cols });
  }
}
