/**
 * The 数据来源 appendix of a draft, as words (docs/wording.md): for every number written in the
 * paragraphs, the paragraph it stands in, the cells it was read from and the arithmetic — what a
 * reviewer checks the report against on paper. The .docx renderer lays these rows out as a table;
 * nothing here knows about Word.
 */
import type { Draft, DraftFigure, DraftParagraph, FigureCells } from "../draft/draft";
import type { FigureSource } from "../figures";
import { sheetName } from "../draft/provenance";

/** One row of the appendix: a number of the draft and where it comes from, in words. */
export interface SourceRow {
  /** The number as written (`49人`, `14.0%`). */
  readonly number: string;
  /** What it is (`发展预备党员同比`). */
  readonly label: string;
  /** The paragraph it stands in: its heading, or `第N段`. */
  readonly paragraph: string;
  /** The cells it was read from, and what stands in the way when it is written `【待核】`. */
  readonly source: string;
  /** The arithmetic. */
  readonly formula: string;
}

/**
 * The draft's numbers whose text still stands where they were placed: after the statistician's
 * edits a number may be gone or moved, and the appendix must never list one that is not there.
 * @example placedFigures({ paragraphs: [{ tableId: "T1", sheet: "表1", text: "发展预备党员40人。" }],
 *   figures: [{ paragraph: 0, from: 6, to: 9, text: "49人", … }] }) // []
 */
export function placedFigures(draft: Draft): DraftFigure[] {
  return (draft.figures ?? []).filter(
    (f) => draft.paragraphs[f.paragraph]?.text.slice(f.from, f.to) === f.text && f.text !== ""
  );
}

/**
 * Where a paragraph stands, as a reader finds it: its heading, else `第N段` counting the
 * paragraphs that have body text (from 1).
 * @example paragraphPlace([{ tableId: "T1", sheet: "表1", text: "甲" }, { tableId: "T2", sheet: "表2", text: "乙" }], 1) // "第2段"
 * @example paragraphPlace([{ tableId: "T1", sheet: "表1", heading: "一、党员发展情况", headingLevel: 1, text: "甲" }], 0) // "一、党员发展情况"
 */
export function paragraphPlace(paragraphs: readonly DraftParagraph[], index: number): string {
  const heading = paragraphs[index]?.heading?.trim();
  if (heading) return heading;
  const n = paragraphs.slice(0, index + 1).filter((p) => p.text.trim() !== "").length;
  return `第${Math.max(n, 1)}段`;
}

/** At most this many ranges of one column are listed, then how many there are. */
const MAX_RANGES = 10;

/** `D5:D6、D9`; beyond `MAX_RANGES`, the first ones and `等N段`. */
function rangeList(ranges: readonly string[]): string {
  const shown = ranges.slice(0, MAX_RANGES).join("、");
  return ranges.length > MAX_RANGES ? `${shown}等${ranges.length}段` : shown;
}

const PART_WORDS: Readonly<Record<NonNullable<FigureCells["part"]>, string>> = {
  numerator: "（分子）",
  denominator: "（分母）",
  given: "（所填）",
};

/** The cells of one column (or the 合计 cell) within one sheet. */
function columnText(c: FigureCells, ranges: readonly string[], leftOut: readonly string[]): string {
  if (c.role === "total") return `合计${rangeList(ranges)}`;
  const part = c.part ? PART_WORDS[c.part] : "";
  const left = leftOut.length
    ? `（其中${leftOut.slice(0, 3).join("、")}${leftOut.length > 3 ? `等${leftOut.length}格` : ""}无法识别，未计入）`
    : "";
  return `${c.column}列${rangeList(ranges)}${part}${left}`;
}

/** Items grouped by a key, in the order each key first appears. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups.values()];
}

/** One sheet's cells: `“表1 党员发展 2013”发展预备党员列E4:E30，合计E31`. */
function sheetText(cells: readonly FigureCells[]): string {
  const first = cells[0]!;
  const columns = groupBy(cells, (c) => `${c.role === "total"}\u0000${c.column}\u0000${c.part}`);
  const parts = columns.map((same) =>
    columnText(
      same[0]!,
      same.flatMap((c) => c.ranges),
      same.flatMap((c) => c.leftOut ?? [])
    )
  );
  const where = sheetName({ sheet: first.sheet, year: first.year });
  return `${first.role === "previous" ? "上年：" : ""}${where}${parts.join("，")}`;
}

/**
 * The cells a number was read from, in words: per sheet (with its year when the name lacks it),
 * each column's ranges, the 合计 cell it was checked against, last year's cells after `上年：`.
 * @example cellsText([
 *   { sheet: "表1 党员发展 2013", year: 2013, column: "发展预备党员", ranges: ["E4:E30"], role: "rows" },
 *   { sheet: "表1 党员发展 2013", year: 2013, column: "发展预备党员", ranges: ["E31"], role: "total" },
 *   { sheet: "表1", year: 2012, column: "发展预备党员", ranges: ["E4:E30"], role: "previous" },
 * ]) // "“表1 党员发展 2013”发展预备党员列E4:E30，合计E31；上年：2012年“表1”发展预备党员列E4:E30"
 */
export function cellsText(cells: readonly FigureCells[]): string {
  const sheets = groupBy(
    cells.filter((c) => c.ranges.length > 0),
    (c) => `${c.role === "previous"}\u0000${c.sheet}\u0000${c.year ?? ""}`
  );
  return sheets.map(sheetText).join("；");
}

/** At most this many cells in error are named, then how many there are. */
const MAX_ERROR_CELLS = 6;

/**
 * Why a number is written `【待核】`, in words: the cells with an error or an unexplained warning
 * it depends on; "" for none.
 * @example unverifiedText([{ sheet: "表1 党员发展 2013", cell: "E6", rule: "G-01" }])
 * // "（待核：所依据的“表1 党员发展 2013”E6有错误或未说明的警告）"
 */
export function unverifiedText(sources: readonly FigureSource[]): string {
  if (sources.length === 0) return "";
  const sheets = groupBy(sources, (s) => s.sheet).map((same) => ({
    sheet: same[0]!.sheet,
    cells: [...new Set(same.map((s) => s.cell))],
  }));
  const count = sheets.reduce((n, s) => n + s.cells.length, 0);
  let room = MAX_ERROR_CELLS;
  const named = sheets.flatMap((s) => {
    const cells = s.cells.slice(0, room);
    room -= cells.length;
    return cells.length ? [`“${s.sheet}”${cells.join("、")}`] : [];
  });
  const more = count > MAX_ERROR_CELLS ? `等${count}格` : "";
  return `（待核：所依据的${named.join("，")}${more}有错误或未说明的警告）`;
}

/**
 * The appendix rows of a draft: one per number still standing where it was written, in text order.
 * @example sourceRows(draftReport(tables, previous, {}))[0]
 * // { number: "264人", label: "培训入党积极分子", paragraph: "第1段",
 * //   source: "“表1 党员发展 2013”培训入党积极分子列D4:D30，合计D31", formula: "264 = …" }
 */
export function sourceRows(draft: Draft): SourceRow[] {
  return placedFigures(draft).map((f) => {
    const cells = cellsText(f.cells);
    return {
      number: f.text,
      label: f.label,
      paragraph: paragraphPlace(draft.paragraphs, f.paragraph),
      source: `${cells || "（未记录单元格）"}${unverifiedText(f.unverified ?? [])}`,
      formula: f.formula,
    };
  });
}
