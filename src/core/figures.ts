/**
 * The contract between reading/validation and comparison/drafting.
 *
 * Validation reads each table sheet into a `TableData`: its data rows (records) and its
 * headline figures. Every figure value is an exact integer in a fixed scale, so sums and
 * comparisons never drift:
 * - `count`: the count itself (人, 期, 件 …)
 * - `money`: fen (分, 1/100 元)
 * - `rate`:  tenths of a percent (985 = 98.5%)
 */
import type { TableId } from "./issues";

export type { TableId };

export type FigureKind = "count" | "money" | "rate";

export interface Figure {
  /**
   * Stable id made of table, indicator and group, e.g. `T1/发展预备党员`,
   * `T2/培训人数/入党积极分子培训`, `T3/金额（元）/慰问金`, `T4/受理数/来电`, `T4/办结率/来电`.
   * The same id in two years is the same figure: that is how the comparison pairs them.
   */
  readonly id: string;
  readonly tableId: TableId;
  /** The indicator (normally the column header), e.g. `发展预备党员`, `受理数`, `办结率`. */
  readonly indicator: string;
  /** The category the figure is summed over (a 培训类别, 经费类别 or 渠道), if any. */
  readonly group?: string;
  readonly kind: FigureKind;
  /** Exact integer in the kind's scale (see above). */
  readonly value: number;
  /** Unit for counts (`人`, `期`, `人次`, `件`, `个`, `名` …); `元` for money; `%` for rates. */
  readonly unit: string;
  /** True for a headline figure: compared with last year, watched by G-05 (large changes). */
  readonly headline: boolean;
  /**
   * The errors this figure depends on (a cell with an error that it includes, a 合计 that
   * disagrees …): an unverified figure, marked `【待核】` wherever it is written. Absent when none.
   */
  readonly unverified?: readonly FigureSource[];
  /**
   * Where the value was read from, recorded by the code that summed it (absent on a figure made
   * by hand, e.g. in a test).
   */
  readonly origin?: FigureOrigin;
}

/** The cells of one column that a figure's value was read from. */
export interface OriginPart {
  /** The column's header, e.g. `发展预备党员`. */
  readonly column: string;
  /**
   * What the cells are to the value: summed into it (`rows`), the numerator or denominator of a
   * rate computed from counts, or the rate as filled in (`given`).
   */
  readonly role: "rows" | "numerator" | "denominator" | "given";
  /** A1 ranges (`E4:E30`, `E7`), several for a group's rows or around a cell left out. */
  readonly ranges: readonly string[];
  /** Cells in those rows left out because they cannot be read (an error marks the figure). */
  readonly leftOut?: readonly string[];
}

/** How a column total compares with the 合计 cell of its column. */
export type TotalAgreement = "agrees" | "differs" | "blank" | "unreadable";

/** Where a figure's value comes from. */
export interface FigureOrigin {
  readonly sheet: string;
  readonly parts: readonly OriginPart[];
  /** The 合计 cell a column total was checked against, and what the check found. */
  readonly total?: { readonly cell: string; readonly agreement: TotalAgreement };
  /**
   * Cells a rate filled in was checked against: the counts on its row (its numerator and
   * denominator). A rate whose counts are in doubt is in doubt too.
   */
  readonly checkedWith?: readonly string[];
}

/** An error a figure depends on: where it is and its rule id. */
export interface FigureSource {
  readonly sheet: string;
  readonly cell: string;
  readonly rule: string;
}

/** One data row of a table sheet, as read (after lenient reading). */
export interface TableRecord {
  /** 0-based sheet row. */
  readonly row: number;
  /** Text values by canonical header (e.g. `培训项目`, `培训类别`, `备注`). */
  readonly text: Readonly<Record<string, string>>;
  /** Numbers by canonical header, in their kind's scale (counts as is, money in fen, rates in tenths of %). */
  readonly numbers: Readonly<Record<string, number>>;
}

export interface TableData {
  readonly tableId: TableId;
  /** The table's title, e.g. `党员发展情况`. */
  readonly title: string;
  readonly sheet: string;
  /** The 统计年度 (or year found in the title / sheet name); undefined when none was found. */
  readonly year: number | undefined;
  readonly records: readonly TableRecord[];
  /**
   * Number of data rows (= `records.length`), known without reading the records: validation builds
   * `records` only when they are first read, so counting them this way costs nothing.
   */
  readonly rowCount?: number;
  /** Figures of the table (totals and per-category totals); the totals row's values are NOT used when they disagree with the data: the sum of the data rows is. */
  readonly figures: readonly Figure[];
}
