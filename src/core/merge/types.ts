/**
 * What a merge (汇总) produces: the merged tables, each row knowing where it came from, a report
 * per unit file, the problems of the whole (units missing, sent twice, another year …) and the
 * issues of the merged tables pointed back at the units' own files and cells.
 */
import type { Issue, Severity } from "../issues";
import type { CellValue, WorkbookModel } from "../model";
import type { Settings } from "../settings";
import type { CompiledDefinition } from "../definitions";

export interface MergeOptions {
  /** The bureau's table definitions (default: the built-in ones). A unit's file never changes them. */
  readonly definitions?: readonly CompiledDefinition[];
  /** The year to merge (default: the year most unit files are for; on a tie the later one). */
  readonly year?: number;
  /** The bureau's unit list, in the order the merged rows should follow. */
  readonly units?: readonly string[];
  /**
   * A unit that sent two or more files: which one is used. `first` / `last`: in the order the files
   * were given; `prefer`: these files (by name or path) win. Without a choice none of the
   * unit's files is merged and the merge reports it as an error — never a silent pick.
   */
  readonly duplicates?: "first" | "last";
  readonly prefer?: readonly string[];
  /** 填报单位 written on the merged tables (default 汇总). */
  readonly bureau?: string;
  readonly settings?: Partial<Settings>;
}

/** A place in a unit's own file. */
export interface SourceRef {
  readonly file: string;
  readonly unit: string;
  readonly sheet: string;
  /** A1 cell (`D5`), a cell range (`A5:K5`) or a whole row (`5:5`). */
  readonly cell: string;
}

/** Where a merged row came from: a row of a unit's sheet, with its columns by definition column. */
export interface RowSource {
  readonly file: string;
  readonly unit: string;
  readonly sheet: string;
  /** 0-based row in the unit's sheet. */
  readonly row: number;
  /** The unit sheet's column (0-based) of each definition column; -1 when the column is missing. */
  readonly colOf: readonly number[];
  /** The row's cells in the unit's file, e.g. `A5:K5`. */
  readonly range: string;
}

export interface MergedRow {
  /** Values by definition column (the merged sheet has the definition's columns, in its order). */
  readonly values: readonly CellValue[];
  readonly formats: ReadonlyArray<string | undefined>;
  /** One source for a stacked row; every unit's row for a row combined by its key (e.g. a 渠道). */
  readonly sources: readonly RowSource[];
}

export interface MergedTable {
  readonly definition: CompiledDefinition;
  readonly year: number;
  /** Name of the merged sheet. */
  readonly sheet: string;
  /** 0-based row of the header row in the merged sheet (data rows follow, then 合计). */
  readonly headerRow: number;
  readonly rows: readonly MergedRow[];
  /**
   * The recomputed 合计 row (values by definition column; a column whose unit is on each row is
   * left blank), empty when the table has no 合计 row (表4: every count has its row's unit).
   */
  readonly total: readonly CellValue[];
  /** Header of the key column when rows of the same key were combined (a category table). */
  readonly combinedBy?: string;
}

export interface UnitTable {
  readonly template: string;
  readonly label: string;
  readonly sheet: string;
  readonly year: number | undefined;
  readonly rows: number;
}

export type UnitStatus =
  "merged" | "unreadable" | "no-tables" | "other-year" | "duplicate-unused" | "duplicate-unchosen";

export interface UnitReport {
  readonly file: string;
  /** Whose file it is (its 填报单位, else the name on its rows, else its file name). */
  readonly unit: string | undefined;
  readonly read: boolean;
  /** Why the file could not be read and what to do (Chinese). */
  readonly reason?: string;
  /** The reader's technical account of why, for a details line. */
  readonly detail?: string;
  readonly tables: readonly UnitTable[];
  readonly years: readonly number[];
  /** The unit's own issues, checked with the bureau's definitions, each with its place in words. */
  readonly issues: readonly PlacedIssue[];
  readonly errors: number;
  readonly warnings: number;
  readonly status: UnitStatus;
  /** The status in words, e.g. `已合并（4 张表，21 行）`. */
  readonly statusText: string;
}

export type ProblemCode =
  | "unreadable"
  | "no-tables"
  | "other-year"
  | "no-year"
  | "missing"
  | "duplicate"
  | "not-on-list"
  | "no-unit-name"
  | "column-order"
  | "extra-column"
  | "missing-column"
  | "table-twice"
  | "other-unit-row"
  | "value-conflict"
  /** A unit's number written as text (`36人`), read as 校验 reads it and merged as the number. */
  | "text-number"
  /** A unit's file carries its own 报表定义 that differs from the definitions the merge uses. */
  | "own-definitions";

/**
 * An issue with its place in words, sheet first (`表2 培训 2013 第6行（昆山市葛江中学）“培训人数”`),
 * read from the workbook it was found in while that workbook was at hand.
 */
export type PlacedIssue = Issue & { readonly place: string };

/** A problem of the merge as a whole (not a rule of a table). */
export interface MergeProblem {
  readonly code: ProblemCode;
  readonly severity: Severity;
  readonly message: string;
  readonly unit?: string;
  readonly file?: string;
  readonly files?: readonly string[];
  readonly sheet?: string;
  readonly cell?: string;
  /** The unit's own cell it is about, when `sheet`/`cell` are the merged table's. */
  readonly from?: { readonly sheet: string; readonly cell: string };
  /** Where, in words with the sheet first (`表2 汇总 2013 第18行（昆山市葛江中学）“培训人数”`). */
  readonly place?: string;
}

/** An issue of a merged table, with the unit cells it comes from. */
export type SourcedIssue = PlacedIssue & {
  /** The units' own cells (none for the 合计 row or a whole column). */
  readonly sources: readonly SourceRef[];
  /** True when the unit's own check already reports it (the same rule at the same cell). */
  readonly alsoInUnit: boolean;
};

export interface MergeResult {
  readonly year: number | undefined;
  /** The merged tables as a workbook (one sheet per table, then the 汇总来源 sheet). */
  readonly workbook: WorkbookModel;
  /** The header rows of `workbook` (to write them bold). */
  readonly boldRows: ReadonlyMap<string, readonly number[]>;
  readonly tables: readonly MergedTable[];
  readonly units: readonly UnitReport[];
  readonly problems: readonly MergeProblem[];
  readonly issues: readonly SourcedIssue[];
  /** Units in the order of the merged rows. */
  readonly unitOrder: readonly string[];
  /**
   * What the merged tables lack (`甲校重复上报未选定`) while a unit's files are not chosen
   * between; the merged sheets' titles say so. Undefined when nothing is left to choose.
   */
  readonly incomplete?: string;
}
