/**
 * The first step of a merge: each file is unreadable, has no tables, is for another year — or is
 * a candidate with the tables of the year merged. Also the year a merge is for when none is asked.
 */
import { noticeText } from "../notices";
import type { ExtractedUnit, KeptTable } from "./extract";
import type { Entry } from "./entries";
import type { MergeProblem, UnitStatus } from "./types";
import { baseName } from "./units";

/** A file's status so far, by file. */
export type StatusBook = Map<string, { status: UnitStatus; text: string }>;

/** A file whose tables of the year may be merged. */
export interface Candidate {
  readonly order: number;
  readonly x: ExtractedUnit;
  readonly tables: readonly KeptTable[];
}

/**
 * A year in words.
 * @example yearLabel(2013) // "2013年"
 * @example yearLabel(undefined) // "年度不明"
 */
export function yearLabel(y: number | undefined): string {
  return y === undefined ? "年度不明" : `${y}年`;
}

/**
 * The year most files are for (a file's year: its latest table's); on a tie the later year.
 * @example pickYear([]) // undefined
 */
export function pickYear(units: readonly ExtractedUnit[]): number | undefined {
  const votes = new Map<number, number>();
  for (const u of units) {
    const years = u.tables.map((t) => t.year).filter((y): y is number => y !== undefined);
    if (years.length === 0) continue;
    const y = Math.max(...years);
    votes.set(y, (votes.get(y) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [y, n] of votes) {
    const b = best === undefined ? 0 : (votes.get(best) ?? 0);
    if (best === undefined || n > b || (n === b && y > best)) best = y;
  }
  return best;
}

/** The tables of the year (or without a year) of a file, each template once. */
function tablesOfYear(
  x: ExtractedUnit,
  current: readonly KeptTable[],
  year: number | undefined,
  problems: MergeProblem[]
): KeptTable[] {
  const kept: KeptTable[] = [];
  for (const k of current) {
    const at = { file: x.file, unit: x.unit, sheet: k.sheet };
    if (k.year === undefined)
      problems.push({
        code: "no-year",
        severity: "warning",
        ...at,
        message: `${k.definition.def.label}（${k.sheet}）没有填统计年度，按${yearLabel(year)}合并`,
      });
    const twin = kept.find((o) => o.definition === k.definition);
    if (twin) {
      problems.push({
        code: "table-twice",
        severity: "warning",
        ...at,
        message: `${k.definition.def.label}在本文件中出现两次（${twin.sheet}、${k.sheet}），只合并 ${twin.sheet}`,
      });
      continue;
    }
    kept.push(k);
  }
  return kept;
}

/** One read file: a candidate, or the reason it is not merged (recorded in problems and status). */
function triageRead(
  e: Extract<Entry, { kind: "read" }>,
  year: number | undefined,
  problems: MergeProblem[],
  status: StatusBook
): Candidate | undefined {
  const x = e.x;
  const at = { file: x.file, unit: x.unit };
  if (e.ownDefinitions !== undefined)
    problems.push({
      code: "own-definitions",
      severity: "warning",
      ...at,
      message: noticeText(e.ownDefinitions),
    });
  if (x.tables.length === 0) {
    problems.push({
      code: "no-tables",
      severity: "error",
      ...at,
      message: `${baseName(x.file)}：没有找到统计表（按表头识别），未合并`,
    });
    status.set(x.file, { status: "no-tables", text: "没有找到统计表" });
    return undefined;
  }
  const current = x.tables.filter((k) => k.year === year || k.year === undefined);
  if (current.length === 0) {
    const years = [...new Set(x.tables.map((k) => k.year))].map(yearLabel).join("、");
    problems.push({
      code: "other-year",
      severity: "error",
      ...at,
      message: `${baseName(x.file)}（${x.unit}）是${years}的表，不是${yearLabel(year)}，未合并`,
    });
    status.set(x.file, { status: "other-year", text: `${years}的表，未合并` });
    return undefined;
  }
  return { order: e.order, x, tables: tablesOfYear(x, current, year, problems) };
}

/** Sorts the files into candidates and files not merged (with their problems and status). */
export function triage(
  entries: readonly Entry[],
  year: number | undefined,
  problems: MergeProblem[],
  status: StatusBook
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const e of entries) {
    if (e.kind === "unreadable") {
      problems.push({
        code: "unreadable",
        severity: "error",
        file: e.file,
        message: `${baseName(e.file)}：${e.reason}`,
      });
      status.set(e.file, { status: "unreadable", text: "无法读取，未合并" });
      continue;
    }
    const c = triageRead(e, year, problems, status);
    if (c) candidates.push(c);
  }
  return candidates;
}
