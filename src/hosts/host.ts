/**
 * The host interface: what the task pane (and the browser page) asks of a workbook. The UI only
 * talks to this; `office/` implements it with Excel.run, `wps/` with WPS 表格's ET object model,
 * `xlsx/` with a file read in the browser.
 * Capabilities a host lacks are absent (`undefined`), and the UI hides the matching actions.
 */
import type { SheetModel, WorkbookModel, Issue, Comparison, TableDefinition } from "../core";

export interface ReadProgress {
  /** Cells read so far and in all (all = the sum of the used ranges to read). */
  readonly done: number;
  readonly total: number;
}

export interface ReadOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: ReadProgress) => void;
  /** Read only these sheets (by name), e.g. the ones just changed; all sheets when absent. */
  readonly sheets?: readonly string[];
  /** Told the names of every sheet the workbook has now (read or not), before reading. */
  readonly onSheetNames?: (names: readonly string[]) => void;
}

/** A row of the comparison sheet the host writes (already worded by the core). */
export type ComparisonRow = Pick<
  Comparison,
  "sheet" | "indicator" | "unit" | "current" | "previous" | "change" | "pct" | "text"
>;

/** 历年: one figure over the years, as a host writes it into its 历年 sheet. */
export interface SeriesRow {
  readonly sheet: string;
  readonly indicator: string;
  /** `人`, `元`, `%`: the unit of the values. */
  readonly unit: string;
  /** One value a year from `years.from` to `years.to` (natural units: 元, %); null for a gap. */
  readonly values: readonly (number | null)[];
  /** The wording, or why it has none (a gap), and the years marked 【待核】. */
  readonly text: string;
}

/** A sheet of values to add (汇总: the merged tables), with the rows to write bold. */
export interface NewSheet {
  readonly sheet: SheetModel;
  readonly boldRows: readonly number[];
}

/** What `selectRanges` selected: every range asked for, or only the first where the host cannot select several. */
export interface RangesSelected {
  readonly sheet: string;
  readonly selected: readonly string[];
  /** The ranges asked for that are not selected (the host selects one rectangle at a time). */
  readonly notSelected: readonly string[];
}

/** What 标记问题单元格 did. */
export interface MarksResult {
  /** Cells that now carry a mark. */
  readonly marked: number;
  /** Cells left unmarked because their fill could not be put back (a gradient, for one). */
  readonly unmarked: number;
  /** For the user, in Chinese: why cells were left out, or that only the colour is restored. */
  readonly note?: string;
}

/** A richer feature of the host and whether this copy of the application has it. */
export interface HostFeature {
  readonly id: string;
  /** What it does, in Chinese (`修改后自动重新校验`). */
  readonly label: string;
  readonly available: boolean;
  /** When unavailable: what is lost, then 请… what to do (Chinese). */
  readonly reason?: string;
}

export interface WorkbookHost {
  readonly kind: "office" | "wps" | "xlsx";
  /** A name for the workbook shown in the UI (file name, or 当前工作簿). */
  readonly label: string;
  /** Reads every sheet that may hold a template. Never writes. Rejects with a Chinese message. */
  readWorkbook(options?: ReadOptions): Promise<WorkbookModel>;
  /** Activates the sheet and selects the cell (A1, `7:7` or `C:C`). */
  selectCell?(sheet: string, cell: string): Promise<void>;
  /**
   * Activates the sheet and selects these ranges of it (A1: `E4:E30`, `D9`) at once — or, where
   * the host cannot select several rectangles, the first one (`notSelected` says which are left).
   */
  selectRanges?(sheet: string, ranges: readonly string[]): Promise<RangesSelected>;
  /**
   * Inserts the blank templates of the tables in force (default: the built-ins) as new sheets for
   * `year`; never overwrites. Returns the new sheet names.
   */
  insertTemplates?(year: number, definitions?: readonly TableDefinition[]): Promise<string[]>;
  /**
   * Inserts these definitions as a new `报表定义` sheet (one row per table, column, rule, figure or
   * clause); refuses when the workbook has that sheet already (never overwrites). Returns its name.
   */
  insertDefinitions?(definitions: readonly TableDefinition[]): Promise<string>;
  /** Adds these sheets of values as new sheets (a name clash gets a new name); returns their names. */
  insertSheets?(sheets: readonly NewSheet[]): Promise<string[]>;
  /** Marks the cells of these issues (fill colour); remembers what was there. */
  markIssues?(issues: readonly Issue[]): Promise<MarksResult>;
  /** Restores exactly what was there before `markIssues`. */
  clearMarks?(): Promise<number>;
  /**
   * Listens for the user's changes to cells: `onChange` gets the names of the sheets changed.
   * Resolves, once listening, to the function that stops it.
   */
  watchChanges?(onChange: (sheets: readonly string[]) => void): Promise<() => Promise<void>>;
  /**
   * The richer features and whether this copy of the application has them (Office: by ExcelApi
   * set), for the pane to show and to hide what cannot run; absent where every feature is there.
   */
  features?(): Promise<readonly HostFeature[]>;
  /** Inserts the comparison as a new sheet with a native chart; returns the sheet name. */
  insertComparison?(
    rows: readonly ComparisonRow[],
    years: { current: number; previous: number }
  ): Promise<string>;
  /** 历年: inserts the figures over the years as a new sheet with a native line chart; returns its name. */
  insertSeries?(rows: readonly SeriesRow[], years: { from: number; to: number }): Promise<string>;
}
