/**
 * Collects the issues of one sheet. Issues are only allocated when something is wrong.
 */
import type { Issue, IssueValue, Severity } from "../issues";

export interface IssueExtras {
  readonly column?: string;
  readonly value?: IssueValue;
  readonly expected?: IssueValue;
  readonly explained?: boolean;
  readonly params?: Readonly<Record<string, IssueValue>>;
}

/**
 * Builds an issue with only the optional fields that have a value.
 * @example makeIssue("G-02", "required-blank", "error", "表1", "C5", { column: "年末党员数" })
 */
export function makeIssue(
  rule: string,
  code: string,
  severity: Severity,
  sheet: string,
  cell: string,
  extras: IssueExtras = {}
): Issue {
  const issue: {
    -readonly [K in keyof Issue]: Issue[K];
  } = {
    rule,
    code,
    severity,
    sheet,
    cell,
    explained: severity === "warning" && extras.explained === true,
  };
  if (extras.column !== undefined) issue.column = extras.column;
  if (extras.value !== undefined) issue.value = extras.value;
  if (extras.expected !== undefined) issue.expected = extras.expected;
  if (extras.params !== undefined) issue.params = extras.params;
  return issue;
}

/**
 * Whole-row address (`7:7`) of a 0-based row.
 * @example rowAddress(6) // "7:7"
 */
export function rowAddress(row: number): string {
  return `${row + 1}:${row + 1}`;
}
