/**
 * A merge's outcome as plain data (no compiled templates, messages already worded): what a
 * worker posts to the page and what the page shows, inserts or downloads.
 */
import type { Severity } from "../issues";
import { issueLocation, issueMessage } from "../messages";
import type { SheetModel } from "../model";
import { sourcedMessage } from "./check";
import type { MergeResult, MergeProblem, UnitStatus } from "./types";

export interface PlainIssue {
  readonly rule: string;
  readonly severity: Severity;
  readonly sheet: string;
  readonly cell: string;
  /** `'表1 汇总 2013'!E8` */
  readonly where: string;
  /** In words, sheet first: `表1 汇总 2013 第8行（昆山市葛江中学）“发展预备党员”`. */
  readonly place: string;
  readonly message: string;
  readonly explained: boolean;
}

export interface PlainUnit {
  readonly file: string;
  readonly unit: string | null;
  readonly read: boolean;
  /** Why it could not be read and what to do; the technical detail apart. */
  readonly reason: string | null;
  readonly detail: string | null;
  readonly status: UnitStatus;
  readonly statusText: string;
  readonly years: readonly number[];
  readonly tables: readonly string[];
  readonly errors: number;
  readonly warnings: number;
  readonly issues: readonly PlainIssue[];
  /** Problems about this file alone (columns, rows naming another unit …). */
  readonly notes: readonly MergeProblem[];
}

export interface PlainSheet {
  readonly sheet: SheetModel;
  readonly boldRows: readonly number[];
}

export interface PlainOutcome {
  readonly year: number | null;
  readonly units: readonly PlainUnit[];
  /** Problems of the whole: unreadable files, other years, units missing or sent twice. */
  readonly problems: readonly MergeProblem[];
  readonly issues: ReadonlyArray<PlainIssue & { readonly alsoInUnit: boolean }>;
  readonly tables: ReadonlyArray<{ readonly sheet: string; readonly rows: number }>;
  readonly sheets: readonly PlainSheet[];
  /** Units that sent two or more files and no choice was made: their files, to choose from. */
  readonly unchosen: ReadonlyArray<{ readonly unit: string; readonly files: readonly string[] }>;
  readonly errors: number;
  /** What the merged tables lack while a unit's files are not chosen between (else null). */
  readonly incomplete: string | null;
}

const WHOLE = new Set([
  "unreadable",
  "other-year",
  "no-tables",
  "duplicate",
  "missing",
  "not-on-list",
  "value-conflict",
  "own-definitions",
]);

/**
 * Plain data of a merge, for a page to show.
 * @example plainOutcome(mergeWorkbooks(files)).units[0].statusText // "已合并（4 张表，11 行）"
 */
export function plainOutcome(r: MergeResult): PlainOutcome {
  const units: PlainUnit[] = r.units.map((u) => ({
    file: u.file,
    unit: u.unit ?? null,
    read: u.read,
    reason: u.reason ?? null,
    detail: u.detail ?? null,
    status: u.status,
    statusText: u.statusText,
    years: u.years,
    tables: u.tables.map((t) => `${t.label}（${t.rows}行）`),
    errors: u.errors,
    warnings: u.warnings,
    issues: u.issues.map((i) => ({
      rule: i.rule,
      severity: i.severity,
      sheet: i.sheet,
      cell: i.cell,
      where: issueLocation(i),
      place: i.place,
      message: issueMessage(i),
      explained: i.explained,
    })),
    notes: r.problems.filter((p) => p.file === u.file && !WHOLE.has(p.code)),
  }));
  const issues = r.issues.map((i) => ({
    rule: i.rule,
    severity: i.severity,
    sheet: i.sheet,
    cell: i.cell,
    where: issueLocation(i),
    place: i.place,
    message: sourcedMessage(i),
    explained: i.explained,
    alsoInUnit: i.alsoInUnit,
  }));
  const problems = r.problems.filter((p) => p.file === undefined || WHOLE.has(p.code));
  const unchosen = r.problems
    .filter((p) => p.code === "duplicate" && p.severity === "error")
    .map((p) => ({ unit: p.unit ?? "", files: (p.files ?? []).map((f) => f) }));
  return {
    year: r.year ?? null,
    units,
    problems,
    issues,
    tables: r.tables.map((t) => ({ sheet: t.sheet, rows: t.rows.length })),
    sheets: r.workbook.sheets.map((sheet) => ({
      sheet,
      boldRows: r.boldRows.get(sheet.name) ?? [],
    })),
    unchosen,
    incomplete: r.incomplete ?? null,
    errors:
      r.problems.filter((p) => p.severity === "error").length +
      r.issues.filter((i) => i.severity === "error").length,
  };
}
