/**
 * A merge's report as one row per unit, for a page to show as a table: its name, its file(s),
 * its state in one word and its problems, each told once (a file's status, the list's word about
 * it and its own issues are one row's). The rows that need action come first.
 */
import type { Severity } from "../issues";
import type { PlainIssue, PlainOutcome, PlainUnit } from "./plain";
import { rowPlace } from "../place";
import type { MergeProblem } from "./types";
import { baseName, fileStem, unitKey } from "./units";

/** A unit's state: what the statistician has to do about it, if anything. */
export type UnitState = "duplicate" | "unreadable" | "errors" | "missing" | "merged";

/** The states in words, in the order the rows are shown (what needs action first). */
export const UNIT_STATE_TEXT: Readonly<Record<UnitState, string>> = {
  duplicate: "重复待选",
  unreadable: "无法读取",
  errors: "有错误",
  missing: "未上报",
  merged: "已合并",
};
const ORDER: readonly UnitState[] = ["duplicate", "unreadable", "errors", "missing", "merged"];

/** One problem of a unit, told once. */
export interface RowProblem {
  readonly severity: Severity;
  /** Where, in words with the sheet first (`表1 党员发展 2013 第4行（昆山市葛江中学）“发展预备党员”`). */
  readonly place: string | null;
  /** The cell and the rule, shown small after the words (`E4·T1-01`), when it is about a cell. */
  readonly address: string | null;
  readonly text: string;
  /** A technical detail (why a file could not be read), for whoever asks. */
  readonly detail: string | null;
}

export interface UnitRow {
  readonly unit: string;
  /** The unit's files (none when it sent nothing), by name. */
  readonly files: readonly string[];
  readonly state: UnitState;
  readonly problems: readonly RowProblem[];
}

/** A file's unit: its name, else the name a missing unit's word gives it, else its file name. */
function unitOf(u: PlainUnit, problems: readonly MergeProblem[]): string {
  if (u.unit) return u.unit;
  const named = problems.find((p) => p.code === "missing" && p.files?.includes(u.file));
  return named?.unit ?? fileStem(u.file);
}

function stateOf(files: readonly PlainUnit[], problems: readonly RowProblem[]): UnitState {
  if (files.some((f) => f.status === "duplicate-unchosen")) return "duplicate";
  if (files.every((f) => f.status === "unreadable")) return "unreadable";
  const merged = files.some((f) => f.status === "merged");
  return merged && !problems.some((p) => p.severity === "error") ? "merged" : "errors";
}

/**
 * Where a merge's problem is, in words: the place it was given, else its sheet's row, else none.
 * @example problemPlace({ sheet: "表1 党员发展 2013", cell: "A5" }) // "表1 党员发展 2013 第5行"
 */
export function problemPlace(p: Pick<MergeProblem, "place" | "sheet" | "cell">): string | null {
  return (
    p.place ?? (p.sheet !== undefined && p.cell !== undefined ? rowPlace(p.sheet, p.cell) : null)
  );
}

const problem = (p: MergeProblem): RowProblem => ({
  severity: p.severity,
  place: problemPlace(p),
  address: p.cell ?? null,
  text: p.message,
  detail: null,
});

/** An issue as a row's problem: its place in words, its cell and rule small. */
const finding = (i: PlainIssue, text: string): RowProblem => ({
  severity: i.severity,
  place: i.place,
  address: `${i.cell}·${i.rule}`,
  text,
  detail: null,
});

/**
 * A filter of a unit's issues that leaves out those the merge tells instead: a number written as
 * text is told once, by the merge's note naming the unit's cell, not again as the unit's own G-02
 * (that it was read leniently). Any other rule at that cell (a sum that does not add up) stays.
 * @example issues.filter(toldByMergeFilter(notes))
 */
export function toldByMergeFilter(
  notes: readonly Pick<MergeProblem, "from">[]
): (i: { readonly rule: string; readonly sheet: string; readonly cell: string }) => boolean {
  const merged = new Set(notes.flatMap((p) => (p.from ? [`${p.from.sheet}!${p.from.cell}`] : [])));
  return (i) => i.rule !== "G-02" || !merged.has(`${i.sheet}!${i.cell}`);
}

/** A file's own problems: why it is not read, its issues, the merge's words about it. */
function fileProblems(
  u: PlainUnit,
  several: boolean,
  problems: readonly MergeProblem[]
): RowProblem[] {
  const prefix = several ? `${baseName(u.file)}：` : "";
  if (!u.read)
    return [
      {
        severity: "error",
        place: null,
        address: null,
        text: prefix + (u.reason ?? ""),
        detail: u.detail,
      },
    ];
  if (u.status === "duplicate-unused") return [];
  const toldByMerge = toldByMergeFilter(u.notes);
  return [
    ...problems
      .filter((p) => p.file === u.file && (p.code === "other-year" || p.code === "no-tables"))
      .map(problem),
    ...u.issues.filter(toldByMerge).map((i) => finding(i, prefix + i.message)),
    ...u.notes.map(problem),
    ...problems
      .filter(
        (p) => p.file === u.file && (p.code === "not-on-list" || p.code === "own-definitions")
      )
      .map(problem),
  ];
}

/**
 * The units' rows, what needs action first (重复待选, 无法读取, 有错误, 未上报, then 已合并),
 * else in the order the files were given.
 * @example unitRows(plainOutcome(mergeWorkbooks([]))) // []
 */
export function unitRows(o: PlainOutcome): UnitRow[] {
  const groups = new Map<string, { unit: string; files: PlainUnit[] }>();
  for (const u of o.units) {
    const unit = unitOf(u, o.problems);
    const key = unitKey(unit);
    const g = groups.get(key);
    if (g) g.files.push(u);
    else groups.set(key, { unit, files: [u] });
  }
  const rows: UnitRow[] = [...groups.values()].map(({ unit, files }) => {
    const duplicate = o.problems.find(
      (p) => p.code === "duplicate" && p.unit !== undefined && unitKey(p.unit) === unitKey(unit)
    );
    const problems = [
      ...(duplicate ? [problem(duplicate)] : []),
      ...files.flatMap((f) => fileProblems(f, files.length > 1, o.problems)),
    ];
    return { unit, files: files.map((f) => f.file), state: stateOf(files, problems), problems };
  });
  for (const p of o.problems)
    if (p.code === "missing" && p.files === undefined)
      rows.push({ unit: p.unit ?? "", files: [], state: "missing", problems: [problem(p)] });
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => ORDER.indexOf(a.r.state) - ORDER.indexOf(b.r.state) || a.i - b.i)
    .map(({ r }) => r);
}

/**
 * The merge's problems that are no unit's: values that differ between units in a combined row,
 * and the merged tables' issues the units' own checks do not already report.
 */
export function wholeProblems(o: PlainOutcome): RowProblem[] {
  return [
    ...o.problems.filter((p) => p.code === "value-conflict").map(problem),
    ...o.issues.filter((i) => !i.alsoInUnit).map((i) => finding(i, i.message)),
  ];
}

/**
 * Why the merged tables cannot be inserted or downloaded yet, or undefined when they can.
 * @example deliverBlock({ sheets: [], unchosen: [] } as PlainOutcome) // "没有可合并的统计表。"
 */
export function deliverBlock(o: Pick<PlainOutcome, "sheets" | "unchosen">): string | undefined {
  if (o.unchosen.length > 0)
    return `${o.unchosen.map((u) => u.unit).join("、")}上报了多份文件：请先选定用哪一份，汇总才完整。`;
  if (o.sheets.length === 0) return "没有可合并的统计表。";
  return undefined;
}
