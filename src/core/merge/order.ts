/**
 * The order of the merged units (the unit list's, then the others by name) and what the list
 * says of them: units not on it, units on it that sent nothing usable, files without a unit name.
 */
import type { ReadEntry, Entry } from "./entries";
import type { Candidate, StatusBook } from "./triage";
import type { MergeProblem } from "./types";
import { baseName, compareUnitNames, fileStem, UNIT_LABEL, unitKey } from "./units";

/** Sorts the chosen files in the order of the unit list, then the others by name. */
export function sortByList(chosen: Candidate[], units: readonly string[] | undefined): void {
  const listIndex = new Map((units ?? []).map((name, i) => [unitKey(name), i]));
  chosen.sort((a, b) => {
    const ia = listIndex.get(unitKey(a.x.unit)) ?? Infinity;
    const ib = listIndex.get(unitKey(b.x.unit)) ?? Infinity;
    return ia !== ib ? ia - ib : compareUnitNames(a.x.unit, b.x.unit) || a.order - b.order;
  });
}

/** An unreadable file whose name looks like the unit's (to say why the unit is missing). */
function brokenFileOf(entries: readonly Entry[], key: string): string | undefined {
  for (const e of entries) {
    if (e.kind !== "unreadable") continue;
    const stem = unitKey(fileStem(e.file));
    if (stem.includes(key) || (stem.length >= 2 && key.includes(stem))) return e.file;
  }
  return undefined;
}

/** Why a listed unit has no data in the merge, in words, and the file it sent if any. */
function whyMissing(
  key: string,
  entries: readonly Entry[],
  status: StatusBook
): { text: string; file?: string } {
  const other = entries.find((e): e is ReadEntry => e.kind === "read" && unitKey(e.x.unit) === key);
  if (other)
    return {
      text: `只上报了 ${baseName(other.x.file)}（${status.get(other.x.file)?.text ?? "未合并"}）`,
      file: other.x.file,
    };
  const broken = brokenFileOf(entries, key);
  return broken !== undefined
    ? { text: `其文件“${baseName(broken)}”无法读取`, file: broken }
    : { text: "未上报" };
}

/**
 * The list's problems: chosen units not on it, listed units missing (those with unchosen files
 * are reported as duplicates already).
 */
export function listProblems(
  units: readonly string[],
  chosen: readonly Candidate[],
  unchosen: ReadonlySet<string>,
  entries: readonly Entry[],
  status: StatusBook
): MergeProblem[] {
  const listed = new Set(units.map(unitKey));
  const problems: MergeProblem[] = [];
  for (const c of chosen)
    if (!listed.has(unitKey(c.x.unit)))
      problems.push({
        code: "not-on-list",
        severity: "warning",
        unit: c.x.unit,
        file: c.x.file,
        message: `${c.x.unit}（${baseName(c.x.file)}）不在单位名单上，已合并在名单单位之后`,
      });
  const sent = new Set(chosen.map((c) => unitKey(c.x.unit)));
  for (const name of units) {
    const key = unitKey(name);
    if (sent.has(key) || unchosen.has(key)) continue;
    const why = whyMissing(key, entries, status);
    problems.push({
      code: "missing",
      severity: "error",
      unit: name,
      // the file it sent (unreadable, another year's): the unit's report is that file's
      ...(why.file === undefined ? {} : { files: [why.file] }),
      message: `${name}：${why.text}，汇总中没有该单位的数据`,
    });
  }
  return problems;
}

/** The chosen files' own problems, after a note when the unit's name came from the file name. */
export function chosenProblems(chosen: readonly Candidate[]): MergeProblem[] {
  return chosen.flatMap((c) => [
    ...(c.x.unitFromFileName
      ? [
          {
            code: "no-unit-name" as const,
            severity: "warning" as const,
            unit: c.x.unit,
            file: c.x.file,
            message: `${baseName(c.x.file)} 没有写${UNIT_LABEL}，按文件名当作“${c.x.unit}”`,
          },
        ]
      : []),
    ...c.x.problems,
  ]);
}
