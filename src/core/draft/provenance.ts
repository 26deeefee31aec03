/**
 * Where each number of the draft comes from (docs/wording.md, 数据来源): the cells its value was
 * read from — as the validation recorded them while summing (`Figure.origin`), never worked out
 * again — and the arithmetic in words:
 * `49 = “表1 党员发展 2013”发展预备党员列E4:E30之和，与合计E31相符`.
 */
import type { Figure, FigureOrigin, FigureSource, OriginPart, TotalAgreement } from "../figures";
import { formatFen, formatTenthsPct } from "../read/numbers";

/** What a number of the draft is. */
export type DraftFigureKind = "sum" | "change" | "percent" | "rate" | "series";

/** Cells of one column of one sheet that a number of the draft depends on. */
export interface FigureCells {
  readonly sheet: string;
  /** The sheet's year, when known. */
  readonly year?: number;
  readonly column: string;
  /** A1 ranges of that sheet. */
  readonly ranges: readonly string[];
  /**
   * `rows`: cells that make this year's value; `total`: the 合计 cell it was checked against;
   * `previous`: last year's cells. A series phrase gives each year it uses as `rows` (and
   * `total`) with that year in `year`.
   */
  readonly role: "rows" | "total" | "previous";
  /** For a rate: the counts it divides (numerator, denominator) or the rate filled in (given). */
  readonly part?: "numerator" | "denominator" | "given";
  /**
   * Cells of those rows left out of the value because they cannot be read: the ranges go around
   * them, so none of them is inside `ranges`.
   */
  readonly leftOut?: readonly string[];
}

/** One number written in the draft and where it comes from. */
export interface DraftFigure {
  /** Index of the paragraph (in `Draft.paragraphs`) and place in its text: `text.slice(from, to)`. */
  readonly paragraph: number;
  readonly from: number;
  readonly to: number;
  /** As written (`49人`, `30.14万元`, `14.0%`), without any `【待核】`. */
  readonly text: string;
  readonly kind: DraftFigureKind;
  /**
   * The exact value in the natural unit: a count, 元 (also when written in 万元 or as a 约数), a
   * percent (98.5 for 98.5%); a change is signed; a growth reads in percent (150 for `1.5倍`).
   * A series phrase (`series`, written whole: `连续4年增长`, `年均增长8.2%`, `比2009年翻了一番`):
   * the years of the run, the average growth in percent, or the growth since that year in percent
   * (100 for `翻了一番`) — its change when no growth is written (`比2009年增加12人`: 12).
   */
  readonly value: number;
  /** What the number is (`发展预备党员`, `发展预备党员同比`, `来电办结率`). */
  readonly label: string;
  readonly cells: readonly FigureCells[];
  /** The arithmetic in words. */
  readonly formula: string;
  /** The errors it depends on (when it is written `【待核】`). */
  readonly unverified?: readonly FigureSource[];
}

/** A number being written, before its place in the paragraph is known. */
export type PendingFigure = Omit<DraftFigure, "paragraph" | "from" | "to">;

/** A table's sheet and year, as the figures of it are described. */
export interface TableAt {
  readonly sheet: string;
  readonly year: number | undefined;
}

/**
 * A figure's value in its natural unit (元, percent).
 * @example naturalValue({ kind: "money", value: 30137050 }) // 301370.5
 * @example naturalValue({ kind: "rate", value: 985 }) // 98.5
 */
export function naturalValue(f: Pick<Figure, "kind" | "value">): number {
  if (f.kind === "money") return f.value / 100;
  if (f.kind === "rate") return f.value / 10;
  return f.value;
}

/**
 * A value as the formula shows it (money in 元 to the fen, rates in %).
 * @example shownValue({ kind: "money", value: 30137050 }) // "301370.5"
 */
export function shownValue(f: Pick<Figure, "kind" | "value">): string {
  if (f.kind === "money") return formatFen(f.value);
  if (f.kind === "rate") return formatTenthsPct(f.value);
  return String(f.value);
}

/** The cells of a figure's origin, with the role they play for the number written. */
export function cellsOf(f: Figure, at: TableAt, role: "rows" | "previous"): FigureCells[] {
  const origin = f.origin;
  if (!origin) return [];
  const year = at.year === undefined ? {} : { year: at.year };
  const out: FigureCells[] = origin.parts.map((p) => ({
    sheet: origin.sheet,
    ...year,
    column: p.column,
    ranges: p.ranges,
    role,
    ...(p.role === "rows" ? {} : { part: p.role }),
    ...(p.leftOut ? { leftOut: p.leftOut } : {}),
  }));
  if (role === "rows" && origin.total)
    out.push({
      sheet: origin.sheet,
      ...year,
      column: origin.parts[0]?.column ?? "",
      ranges: [origin.total.cell],
      role: "total",
    });
  return out;
}

/**
 * The sheet as a formula names it: its name, with the year when the name does not hold it.
 * @example sheetName({ sheet: "表1", year: 2013 }) // "2013年“表1”"
 * @example sheetName({ sheet: "表1 党员发展 2013", year: 2013 }) // "“表1 党员发展 2013”"
 */
export function sheetName(at: TableAt): string {
  if (at.year === undefined || at.sheet.includes(String(at.year))) return `“${at.sheet}”`;
  return `${at.year}年“${at.sheet}”`;
}

const AGREEMENT_TEXT: Readonly<Record<TotalAgreement, (cell: string) => string>> = {
  agrees: (cell) => `，与合计${cell}相符`,
  differs: (cell) => `，与合计${cell}不符（按各行之和计）`,
  blank: (cell) => `，合计${cell}未填`,
  unreadable: (cell) => `，合计${cell}无法识别`,
};

/** `E4:E30`, `D5:D6、D9` (at most a few ranges, then how many more). */
function rangesText(ranges: readonly string[]): string {
  const MAX = 6;
  if (ranges.length === 0) return "（无数据行）";
  const shown = ranges.slice(0, MAX).join("、");
  return ranges.length > MAX ? `${shown}等${ranges.length}段` : shown;
}

function partText(p: OriginPart): string {
  const left = p.leftOut?.length
    ? `（${p.leftOut.slice(0, 3).join("、")}${p.leftOut.length > 3 ? "等" : ""}无法识别，未计入）`
    : "";
  return `${p.column}列${rangesText(p.ranges)}${left}`;
}

/**
 * Where a figure's value comes from, in words (without its value).
 * @example originText(figure, { sheet: "表1 党员发展 2013", year: 2013 })
 * // "“表1 党员发展 2013”发展预备党员列E4:E30之和，与合计E31相符"
 */
export function originText(f: Figure, at: TableAt, others?: ReadonlyMap<string, Figure>): string {
  const origin: FigureOrigin | undefined = f.origin;
  if (!origin) return `${sheetName(at)}${f.indicator}`;
  const where = sheetName(at);
  const [first, second] = origin.parts;
  // one cell per part: a group of one row (also a rate computed from the counts of one row)
  const single =
    origin.parts.length > 0 &&
    origin.parts.every((p) => p.ranges.length === 1 && !p.ranges[0]?.includes(":"));
  const group = f.group === undefined ? "" : `中“${f.group}”${single ? "行" : "各行"}`;
  if (first?.role === "given") return `${where}${group}${partText(first)}所填`;
  if (first?.role === "numerator" && second) {
    const value = (p: OriginPart): string => {
      const count = others?.get(`${f.tableId}/${p.column}/${f.group ?? ""}`);
      return count ? `${count.value}` : "";
    };
    const num = value(first);
    const den = value(second);
    const numbers = num !== "" && den !== "" ? `${num} ÷ ${den}，` : "";
    return `${numbers}${where}${group}${partText(first)} ÷ ${partText(second)}`;
  }
  const total = origin.total ? AGREEMENT_TEXT[origin.total.agreement](origin.total.cell) : "";
  return `${where}${group}${first ? partText(first) : f.indicator}${single ? "" : "之和"}${total}`;
}
