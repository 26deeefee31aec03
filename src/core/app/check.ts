/**
 * The use case “check these workbooks”: from workbooks already read (or the reason one could not
 * be) to the verdict, the issues, the comparison with last year and the draft. Every entry point —
 * the command line, the pane, the browser page — calls `checkWorkbooks` and only shows its
 * outcome; what is decided (file order, merging, which definitions win, notices, duplicate tables
 * across files, the year) is decided here.
 */
import type { Issue } from "../issues";
import type { WorkbookModel } from "../model";
import type { Settings } from "../settings";
import type { DraftOptions } from "../draft";
import type { CompiledDefinition } from "../definitions";
import { loadDefinitions } from "../definitions";
import { DefinitionsError } from "../definitions/problems";
import { definitionsSheetOf, withoutDefinitionsSheet } from "../definitions/sheet";
import { isStatYear } from "../years";
import { workbookYears } from "../validate";
import {
  analyzeWorkbook,
  definitionsInForce,
  type Analysis,
  type DefinitionsInForce,
} from "../analyze";
import { fileName, hasAnyCell, inCheckOrder, combineWithOrigins } from "./files";
import { fenNotices, type Notice } from "../notices";

/** A workbook to check: read, or the Chinese reason it could not be. */
export type WorkbookInput =
  | { readonly name: string; readonly workbook: WorkbookModel }
  | { readonly name: string; readonly unreadable: string };

/** A bureau's definitions: the tables of a file (checked here), or already compiled. */
export type DefinitionsInput =
  | { readonly name: string; readonly tables: readonly unknown[] }
  | { readonly name: string; readonly compiled: readonly CompiledDefinition[] };

export interface CheckOptions {
  /** A definitions file: wins over a workbook's own 报表定义 sheet, which wins over the built-ins. */
  readonly definitions?: DefinitionsInput;
  /** The year under review (default: the latest year with data); a year not there stops the check. */
  readonly year?: number;
  /**
   * A year chosen earlier (the pane keeps the user's choice across checks): under review when the
   * workbooks still hold it, else the default. Ignored when `year` is given.
   */
  readonly preferredYear?: number;
  readonly draft?: DraftOptions;
  readonly settings?: Partial<Settings>;
}

/** What a check found, and what it decided on the way. */
export interface Checked {
  readonly analysis: Analysis;
  /** What to tell beside the issues: the definitions in force, carried sheets passed over. */
  readonly notices: readonly Notice[];
  readonly inForce: DefinitionsInForce;
  /** The files in the order they were counted. */
  readonly files: readonly string[];
  /** The combined workbook the issues are about (sheet names as in the issues). */
  readonly workbook: WorkbookModel;
}

/** What a check comes to, tagged by `code`. */
export type CheckOutcome =
  | ({ readonly code: "checked" } & Checked)
  | { readonly code: "unreadable-file"; readonly file: string; readonly reason: string }
  | {
      readonly code: "definitions-invalid";
      /** The definitions file's or workbook's name. */
      readonly where: string;
      /** Every problem found, as lines (each may start with `where：`). */
      readonly problems: readonly string[];
      /** The lines to show (the first problems, then how many more). */
      readonly lines: readonly string[];
      readonly stopped: boolean;
    }
  /** No workbook holds any data (the analysis is there, empty, for an entry point to show). */
  | ({ readonly code: "no-data" } & Checked)
  | {
      readonly code: "year-not-found";
      readonly year: number;
      readonly found: readonly number[];
      readonly files: readonly string[];
    }
  | { readonly code: "year-out-of-range"; readonly year: number }
  /** The first year of a series over years (`draft.since`) is not before the report year. */
  | { readonly code: "since-not-before-year"; readonly since: number; readonly year: number };

export type CheckCode = CheckOutcome["code"];

const compiledCache = new WeakMap<object, readonly CompiledDefinition[]>();

/** The definitions of a file, checked and compiled once per input object. */
function compiledOf(d: DefinitionsInput): readonly CompiledDefinition[] {
  if ("compiled" in d) return d.compiled;
  let t = compiledCache.get(d);
  if (!t) {
    if (d.tables.length === 0) throw new DefinitionsError([`${d.name}：没有表定义`]);
    t = loadDefinitions(d.tables, d.name);
    compiledCache.set(d, t);
  }
  return t;
}

/**
 * Definitions that cannot be used, as an outcome (also for a definitions file refused before the
 * check: unreadable JSON, an empty list).
 * @example definitionsInvalid(new DefinitionsError(["局.json：没有表定义"]), "局.json").code // "definitions-invalid"
 */
export function definitionsInvalid(
  e: DefinitionsError,
  where: string
): Extract<CheckOutcome, { code: "definitions-invalid" }> {
  return {
    code: "definitions-invalid",
    where,
    problems: e.problems,
    lines: e.lines,
    stopped: e.stopped,
  };
}

/**
 * The definitions in force for these workbooks and what was passed over: a file given wins, else
 * the first workbook (in check order) carrying a 报表定义 sheet, else the built-ins; every other
 * carried sheet that differs gives a notice. A wrong sheet is refused even when a file wins.
 * @example chooseDefinitions([["a.xlsx", workbook]], undefined) // { inForce: { source: "builtin", … }, notices: [] }
 */
export function chooseDefinitions(
  books: ReadonlyArray<readonly [string, WorkbookModel]>,
  file: DefinitionsInput | undefined
):
  | { inForce: DefinitionsInForce; notices: Notice[] }
  | Extract<CheckOutcome, { code: "definitions-invalid" }> {
  let reading = file?.name ?? "";
  try {
    const given = file ? { name: fileName(file.name), definitions: compiledOf(file) } : undefined;
    const carried = books.filter(([, wb]) => definitionsSheetOf(wb) !== undefined);
    const [first] = carried;
    reading = first?.[0] ?? "";
    const inForce = definitionsInForce(first ? first[1] : { sheets: [] }, given);
    const notices: Notice[] = [];
    if (inForce.source !== "builtin")
      notices.push({ code: "definitions-in-force", label: inForce.label });
    notices.push(...fenNotices(inForce.definitions));
    const differing = (workbook: string, differences: readonly string[]) => {
      if (differences.length > 0)
        notices.push({ code: "carried-definitions-differ", workbook, differences });
    };
    if (first) differing(first[0], inForce.differences);
    for (const [name, wb] of carried.slice(1)) {
      reading = name;
      differing(
        name,
        definitionsInForce(wb, { name: "", definitions: inForce.definitions }).differences
      );
    }
    return { inForce, notices };
  } catch (e) {
    if (e instanceof DefinitionsError) return definitionsInvalid(e, fileName(reading));
    throw e;
  }
}

/**
 * G-07 (the same table twice for one year) between two files: the issue names both files and says
 * whether the two versions' figures differ (the validation only knows the sheets).
 */
function withDuplicateFiles(a: Analysis, origin: ReadonlyMap<string, string>): Issue[] {
  const tableOf = new Map(a.tables.map((t) => [t.sheet, t]));
  const values = (sheet: string): string =>
    JSON.stringify(tableOf.get(sheet)?.figures.map((f) => [f.id, f.value]) ?? null);
  return a.issues.map((issue) => {
    if (issue.code !== "duplicate-table") return issue;
    const other = String(issue.params?.other ?? "");
    const file = origin.get(issue.sheet);
    const otherFile = origin.get(other);
    if (file === undefined || otherFile === undefined || file === otherFile) return issue;
    return {
      ...issue,
      code: "duplicate-table-files",
      params: {
        ...issue.params,
        file: fileName(file),
        other: `${fileName(otherFile)} 的“${other}”`,
        same: values(issue.sheet) === values(other) ? "两个版本的数字相同" : "两个版本的数字不同",
      },
    };
  });
}

/**
 * Checks workbooks: validates, compares with last year and drafts, after deciding the order, the
 * definitions and the year; anything that stops the check is an outcome, never an exception.
 * @example checkWorkbooks([{ name: "2013.xlsx", workbook }], { draft: { numberStyle: "approximate" } })
 * // { code: "checked", analysis: { verdict: { ok: true, … }, … }, notices: [], … }
 */
export function checkWorkbooks(
  inputs: readonly WorkbookInput[],
  options: CheckOptions = {}
): CheckOutcome {
  const { year } = options;
  if (year !== undefined && !isStatYear(year)) return { code: "year-out-of-range", year };
  const since = options.draft?.since;
  if (since !== undefined && !isStatYear(since)) return { code: "year-out-of-range", year: since };
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const files = inCheckOrder(inputs.map((i) => i.name));
  const books: Array<readonly [string, WorkbookModel]> = [];
  for (const name of files) {
    const input = byName.get(name)!;
    if ("unreadable" in input)
      return { code: "unreadable-file", file: name, reason: input.unreadable };
    books.push([name, input.workbook]);
  }
  const chosen = chooseDefinitions(books, options.definitions);
  if ("code" in chosen) return chosen;
  const combined = combineWithOrigins(
    books.map(([f, wb]) => [f, withoutDefinitionsSheet(wb)] as const)
  );
  const definitions = chosen.inForce.definitions;
  // the year asked for, else the one the pane had chosen while the workbook still holds it (the
  // years come from the tables' detection, which the validation then reuses: one validation)
  const { preferredYear } = options;
  const chosenYear =
    year ??
    (preferredYear !== undefined &&
    workbookYears(combined.workbook, definitions).some((y) => y.year === preferredYear)
      ? preferredYear
      : undefined);
  const analyzed = analyzeWorkbook(combined.workbook, {
    definitions,
    ...(chosenYear === undefined ? {} : { year: chosenYear }),
    ...(options.draft === undefined ? {} : { draft: options.draft }),
    ...(options.settings === undefined ? {} : { settings: options.settings }),
  });
  const analysis: Analysis = { ...analyzed, issues: withDuplicateFiles(analyzed, combined.origin) };
  const checked: Checked = {
    analysis,
    notices: chosen.notices,
    inForce: chosen.inForce,
    files,
    workbook: combined.workbook,
  };
  if (analysis.tables.length === 0 && !books.some(([, wb]) => hasAnyCell(wb)))
    return { code: "no-data", ...checked };
  if (
    year !== undefined &&
    analysis.years.length > 0 &&
    !analysis.years.some((y) => y.year === year)
  )
    return { code: "year-not-found", year, found: analysis.years.map((y) => y.year), files };
  const reported = analysis.currentYear;
  if (since !== undefined && reported !== undefined && since >= reported)
    return { code: "since-not-before-year", since, year: reported };
  return { code: "checked", ...checked };
}
