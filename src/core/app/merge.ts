/**
 * The "merge these units' files" (汇总) use case, whichever entry point runs it (the command
 * line, the pane's worker): it decides about the unit list, the year and a merge with nothing to
 * merge, and words each outcome once. It takes neutral inputs — the unit list already decoded (or
 * why it could not be), the units' workbooks one at a time (so memory stays bounded by the
 * largest file) — and returns an outcome tagged by `code`.
 */
import type { WorkbookModel } from "../model";
import { UnitMerge } from "../merge/merge";
import type { UnitPreview } from "../merge/entries";
import type { MergeOptions, MergeResult } from "../merge/types";
import { isStatYear, YEAR_RANGE_TEXT } from "../years";

/** The bureau's unit list as the entry point read it: its names, or why it could not be read. */
export type UnitListInput =
  | { readonly name: string; readonly names: readonly string[] }
  | { readonly name: string; readonly unreadable: string };

/**
 * A unit's file: its workbook, or why it could not be read (Chinese: what happened and what to
 * do; the reader's technical account apart in `detail`).
 */
export type UnitFileInput =
  | { readonly name: string; readonly workbook: WorkbookModel }
  | { readonly name: string; readonly unreadable: string; readonly detail?: string };

/** What to merge with: the unit list, the year (default: most files'), the choice of duplicates. */
export interface MergeInput extends Pick<
  MergeOptions,
  "definitions" | "settings" | "bureau" | "duplicates" | "prefer"
> {
  readonly unitList?: UnitListInput;
  readonly year?: number;
}

/** Why a merge does not start. */
export type MergeRefusal =
  | { readonly code: "unit-list-unreadable"; readonly message: string }
  | { readonly code: "unit-list-empty"; readonly message: string }
  | { readonly code: "year-out-of-range"; readonly message: string };

/** A merge done: tables merged, or none (every file unreadable, of another year, without tables). */
export type MergeFinished =
  | {
      readonly code: "merged";
      readonly result: MergeResult;
      /** How many units the unit list names (undefined without a list). */
      readonly listed: number | undefined;
      /** Whether anything is an error: a unit missing, unreadable or unchosen, an error in a table. */
      readonly hasErrors: boolean;
    }
  | {
      readonly code: "nothing-to-merge";
      readonly result: MergeResult;
      readonly listed: number | undefined;
      readonly message: string;
    };

export type MergeOutcome = MergeRefusal | MergeFinished;
export type MergeOutcomeCode = MergeOutcome["code"];

/** Whether a merge's result holds an error. */
function hasErrors(r: MergeResult): boolean {
  return (
    r.problems.some((p) => p.severity === "error") ||
    r.issues.some((i) => i.severity === "error") ||
    r.units.some((u) => u.errors > 0)
  );
}

/** The files of a started merge, added one at a time, then merged (again with another choice). */
export class MergeSession {
  private readonly merge: UnitMerge;

  constructor(
    private readonly request: MergeInput,
    /** The unit list's names, when there is one. */
    readonly units: readonly string[] | undefined
  ) {
    // the request's other entries (the unit list as read) are no option of the merge: ignored
    this.merge = new UnitMerge({ ...request, ...(units === undefined ? {} : { units }) });
  }

  /** Adds a unit's file (release its workbook after this returns); tells what was read of it. */
  add(file: UnitFileInput): UnitPreview {
    return "workbook" in file
      ? this.merge.add(file.name, file.workbook)
      : this.merge.addUnreadable(file.name, file.unreadable, file.detail);
  }

  /** Merges the files added; `prefer` (files chosen by name) replaces the request's. */
  finish(prefer?: readonly string[]): MergeFinished {
    const result = this.merge.finish(prefer === undefined ? {} : { prefer });
    const listed = this.units?.length;
    if (result.tables.length > 0)
      return { code: "merged", result, listed, hasErrors: hasErrors(result) };
    const y = this.request.year;
    return {
      code: "nothing-to-merge",
      result,
      listed,
      message: `没有可合并的统计表（${this.merge.count}个文件都没有${y === undefined ? "" : `${y}年的`}统计表或无法读取）`,
    };
  }
}

/**
 * Starts a merge: refused when the unit list cannot be read or is empty, or the year is out of
 * range; else a session to add the files to.
 * @example openMerge({ unitList: { name: "名单.txt", names: [] } }).code // "unit-list-empty"
 */
export function openMerge(
  request: MergeInput
): MergeRefusal | { readonly code: "open"; readonly session: MergeSession } {
  const list = request.unitList;
  if (list && "unreadable" in list)
    return {
      code: "unit-list-unreadable",
      message: `${list.name}：无法读取单位名单（${list.unreadable}）`,
    };
  if (list && list.names.length === 0)
    return {
      code: "unit-list-empty",
      message: `${list.name}：单位名单是空的（每行一个单位，或一列“单位名称”）`,
    };
  if (request.year !== undefined && !isStatYear(request.year))
    return {
      code: "year-out-of-range",
      message: `统计年度应是${YEAR_RANGE_TEXT}之间的四位年度（如2013），收到：${request.year}`,
    };
  return { code: "open", session: new MergeSession(request, list?.names) };
}

/**
 * The whole use case in one call: the files are taken one at a time from `files` (a generator
 * may read each only when asked), each told to `onUnit` as it is read.
 * @example (await mergeUnits({}, [])).code // "nothing-to-merge"
 */
export async function mergeUnits(
  request: MergeInput,
  files: Iterable<UnitFileInput> | AsyncIterable<UnitFileInput>,
  onUnit?: (preview: UnitPreview) => void
): Promise<MergeOutcome> {
  const opened = openMerge(request);
  if (opened.code !== "open") return opened;
  for await (const file of files) {
    const preview = opened.session.add(file);
    onUnit?.(preview);
  }
  return opened.session.finish();
}
