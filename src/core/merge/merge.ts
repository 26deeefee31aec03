/**
 * 汇总: merges the units' workbooks into the bureau's tables. Generic over the table definitions
 * it is given: nothing here knows a table, a column or how many tables there are.
 *
 * Files are added one at a time (`add`), so a caller can read, add and release them one by one:
 * what is kept of a file is its rows (cells of the definitions' columns) and its report, not its
 * model.
 */
import type { WorkbookModel } from "../model";
import { COMPILED_BUILTINS, type CompiledDefinition } from "../definitions";
import { sourcedIssues } from "./check";
import { byUnit, chooseDuplicates } from "./duplicates";
import { previewOf, readEntry, unreadableEntry, type Entry, type UnitPreview } from "./entries";
import { chosenProblems, listProblems, sortByList } from "./order";
import { unitReport } from "./report";
import { mergedWorkbook } from "./sources";
import { mergeTable } from "./table";
import { pickYear, triage, type Candidate, type StatusBook } from "./triage";
import type { MergedTable, MergeOptions, MergeProblem, MergeResult } from "./types";

/** The files of a merge, added one at a time; `finish` merges them (again with another choice). */
export class UnitMerge {
  private readonly definitions: readonly CompiledDefinition[];
  private readonly entries: Entry[] = [];

  constructor(private readonly opts: MergeOptions = {}) {
    this.definitions = opts.definitions ?? COMPILED_BUILTINS;
  }

  /** Adds a unit workbook (the model is not kept: release it after this returns). */
  add(file: string, wb: WorkbookModel): UnitPreview {
    const e = readEntry(this.entries.length, file, wb, this.definitions, this.opts);
    this.entries.push(e);
    return previewOf(e);
  }

  /** Records a file that could not be read (corrupt, password-protected, not .xlsx …). */
  addUnreadable(file: string, reason: string, detail?: string): UnitPreview {
    const e = unreadableEntry(this.entries.length, file, reason, detail);
    this.entries.push(e);
    return previewOf(e);
  }

  get count(): number {
    return this.entries.length;
  }

  /**
   * Merges what was added; may be called again with another choice between a unit's files
   * (the files are not read again).
   */
  finish(choice: Pick<MergeOptions, "prefer" | "duplicates"> = {}): MergeResult {
    return mergeEntries(this.entries, this.definitions, { ...this.opts, ...choice });
  }
}

/**
 * Merges unit workbooks in one call (see `UnitMerge` to add them one at a time).
 * @example mergeWorkbooks([{ file: "a.xlsx", workbook: wbA }], { units: ["甲校"] }).problems
 */
export function mergeWorkbooks(
  files: ReadonlyArray<{
    readonly file: string;
    readonly workbook?: WorkbookModel;
    readonly unreadable?: string;
  }>,
  opts: MergeOptions = {}
): MergeResult {
  const m = new UnitMerge(opts);
  for (const f of files) {
    if (f.workbook) m.add(f.file, f.workbook);
    else m.addUnreadable(f.file, f.unreadable ?? "无法读取");
  }
  return m.finish();
}

/** The merged tables, in the definitions' order (a table no unit sent is left out). */
function mergedTables(
  definitions: readonly CompiledDefinition[],
  chosen: readonly Candidate[],
  year: number | undefined,
  problems: MergeProblem[]
): MergedTable[] {
  return definitions.flatMap((t) => {
    const parts = chosen.flatMap((c) =>
      c.tables.filter((k) => k.definition === t).map((k) => ({ x: c.x, k }))
    );
    return parts.length === 0 ? [] : [mergeTable(t, year, parts, problems)];
  });
}

/** The one file per unit merged, in the list's order, with the problems of the whole. */
function chooseUnits(
  entries: readonly Entry[],
  year: number | undefined,
  opts: MergeOptions,
  problems: MergeProblem[],
  status: StatusBook
): Candidate[] {
  const groups = byUnit(triage(entries, year, problems, status));
  const chosen = chooseDuplicates(groups, opts, problems, status);
  sortByList(chosen, opts.units);
  if (opts.units !== undefined) {
    const unchosen = new Set([...groups].filter(([, g]) => g.length > 1).map(([k]) => k));
    problems.push(...listProblems(opts.units, chosen, unchosen, entries, status));
  }
  problems.push(...chosenProblems(chosen));
  return chosen;
}

/**
 * What the merged tables lack while a unit's files are not chosen between, or undefined.
 * @example incompleteText([{ code: "duplicate", severity: "error", unit: "甲校", message: "" }])
 *   // "甲校重复上报未选定"
 */
export function incompleteText(problems: readonly MergeProblem[]): string | undefined {
  const units = problems
    .filter((p) => p.code === "duplicate" && p.severity === "error")
    .map((p) => p.unit ?? "");
  return units.length === 0 ? undefined : `${units.join("、")}重复上报未选定`;
}

function mergeEntries(
  entries: readonly Entry[],
  definitions: readonly CompiledDefinition[],
  opts: MergeOptions
): MergeResult {
  const problems: MergeProblem[] = [];
  const status: StatusBook = new Map();
  const read = entries.flatMap((e) => (e.kind === "read" ? [e.x] : []));
  const year = opts.year ?? pickYear(read);
  const chosen = chooseUnits(entries, year, opts, problems, status);
  const tables = mergedTables(definitions, chosen, year, problems);
  for (const c of chosen) {
    const rows = c.tables.reduce((n, k) => n + k.rows.length, 0);
    status.set(c.x.file, { status: "merged", text: `已合并（${c.tables.length}张表，${rows}行）` });
  }
  const incomplete = incompleteText(problems);
  const { workbook, boldRows } = mergedWorkbook(tables, year, opts.bureau ?? "汇总", incomplete);
  const units = chosen.map((c) => c.x);
  const issues = sourcedIssues(workbook, tables, units, definitions, year, opts);
  return {
    year,
    workbook,
    boldRows,
    tables,
    units: entries.map((e) => unitReport(e, status)),
    problems,
    issues,
    unitOrder: units.map((x) => x.unit),
    ...(incomplete === undefined ? {} : { incomplete }),
  };
}
