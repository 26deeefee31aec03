/**
 * Units that sent two or more files: the user's choice (a preferred file, or the first or last
 * given) — never a silent one. Without a choice none of the unit's files is merged.
 */
import type { Candidate, StatusBook } from "./triage";
import type { MergeOptions, MergeProblem } from "./types";
import { baseName, unitKey } from "./units";

/**
 * Whether two names are the same file (a path or a bare name).
 * @example sameFile("/a/甲校.xlsx", "甲校.xlsx") // true
 */
export function sameFile(a: string, b: string): boolean {
  return a === b || baseName(a) === baseName(b);
}

/** The candidates by unit, in the order their first file was given. */
export function byUnit(candidates: readonly Candidate[]): Map<string, Candidate[]> {
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    const key = unitKey(c.x.unit);
    const list = groups.get(key);
    if (list) list.push(c);
    else groups.set(key, [c]);
  }
  return groups;
}

/** The file of a unit's group that the choice names, if any. */
function picked(
  group: readonly Candidate[],
  opts: Pick<MergeOptions, "prefer" | "duplicates">
): Candidate | undefined {
  const preferred = group.filter((g) => opts.prefer?.some((p) => sameFile(p, g.x.file)));
  if (preferred.length === 1) return preferred[0];
  if (opts.duplicates === "first") return group[0];
  if (opts.duplicates === "last") return group[group.length - 1];
  return undefined;
}

/** One unit's files: the chosen one, or none (with the problem and each file's status). */
function chooseInGroup(
  group: readonly Candidate[],
  opts: Pick<MergeOptions, "prefer" | "duplicates">,
  problems: MergeProblem[],
  status: StatusBook
): Candidate | undefined {
  const unit = (group[0] as Candidate).x.unit;
  const files = group.map((g) => g.x.file);
  const names = files.map(baseName).join("、");
  const pick = picked(group, opts);
  if (!pick) {
    problems.push({
      code: "duplicate",
      severity: "error",
      unit,
      files,
      message: `${unit}上报了${group.length}份文件（${names}），未指定用哪一份，均未合并：请选择用哪一份`,
    });
    for (const g of group)
      status.set(g.x.file, {
        status: "duplicate-unchosen",
        text: "同一单位有多份文件，未选择，未合并",
      });
    return undefined;
  }
  const used = baseName(pick.x.file);
  problems.push({
    code: "duplicate",
    severity: "warning",
    unit,
    files,
    file: pick.x.file,
    message: `${unit}上报了${group.length}份文件（${names}），按选择合并 ${used}，其余未合并`,
  });
  for (const g of group)
    if (g !== pick)
      status.set(g.x.file, {
        status: "duplicate-unused",
        text: `同一单位的另一份文件，已选用 ${used}`,
      });
  return pick;
}

/** One candidate per unit: a unit's only file, or the chosen one of its files. */
export function chooseDuplicates(
  groups: ReadonlyMap<string, readonly Candidate[]>,
  opts: Pick<MergeOptions, "prefer" | "duplicates">,
  problems: MergeProblem[],
  status: StatusBook
): Candidate[] {
  const chosen: Candidate[] = [];
  for (const group of groups.values()) {
    const c = group.length === 1 ? group[0] : chooseInGroup(group, opts, problems, status);
    if (c) chosen.push(c);
  }
  return chosen;
}
