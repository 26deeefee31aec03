/**
 * Unverified figures (docs/wording.md, 【待核】). A figure is verified only when every cell it is
 * computed from carries no error and no unexplained warning, and the column it comes from agrees
 * with its 合计. Otherwise it carries the issues it depends on (`Figure.unverified`), and the
 * comparison and the draft mark it `【待核】` instead of passing it on silently.
 *
 * One rule, for every table, built-in or a bureau's: what a figure depends on is read from its
 * recorded origin (`Figure.origin`: the ranges summed into it, the cells left out, the cells of a
 * rate and the counts a rate filled in was checked with), never from a second model of the table. The checks record each error or unexplained
 * warning with the sheet row and the definition columns it is about (a `Taint`); then each figure
 * collects the taints that touch it:
 * - a data-row taint touches a figure whose cells of one of its columns include the row;
 * - a taint on the grouping cell (培训类别, 渠道 …) touches the group figures whose rows include the
 *   row; an error of that cell alone (blank, not in the list), of a row in no group, touches every
 *   group figure (its group is unknown). A taint on the whole row (a row pasted twice) or a group
 *   read leniently does not: a row in no group figure only because none of its numbers can be read
 *   feeds no other group;
 * - a 合计-row taint (a 合计 that disagrees with its rows, or cannot be read) and a whole-column
 *   taint (the header) touch every figure with cells in the column: its total and each group and
 *   rate summed from it.
 */
import type { Figure, FigureSource } from "../figures";
import type { Issue } from "../issues";

/** At most this many sources are kept per figure (the flag is what matters; the list points the way). */
const MAX_SOURCES = 20;

/** Row of a taint that is about the whole column (a header issue). */
export const WHOLE_COLUMN = -1;

export interface Taint {
  readonly issue: Issue;
  /** 0-based sheet row, or WHOLE_COLUMN. */
  readonly row: number;
  /** The definition columns the issue is about. */
  readonly cols: readonly number[];
}

/**
 * The source of an issue as a figure shows it.
 * @example sourceOf(issue) // { sheet: "表1", cell: "E6", rule: "T1-01" }
 */
export function sourceOf(issue: Issue): FigureSource {
  return { sheet: issue.sheet, cell: issue.cell, rule: issue.rule };
}

/** Marks the figure `id` of a table's figures (in place) with an issue it depends on. */
export function markFigure(figures: Figure[], id: string, issue: Issue): void {
  const i = figures.findIndex((x) => x.id === id);
  if (i >= 0) figures[i] = withSources(figures[i] as Figure, [sourceOf(issue)]);
}

/** Adds sources to a figure (keeping at most MAX_SOURCES, no repeats). */
export function withSources(figure: Figure, sources: readonly FigureSource[]): Figure {
  if (sources.length === 0) return figure;
  const list = [...(figure.unverified ?? [])];
  for (const s of sources) {
    if (list.length >= MAX_SOURCES) break;
    if (!list.some((x) => x.sheet === s.sheet && x.cell === s.cell && x.rule === s.rule))
      list.push(s);
  }
  return { ...figure, unverified: list };
}

/** The cells a figure is computed from: per sheet column, its rows as sorted runs (from, to). */
type Footprint = Map<number, number[]>;

/**
 * A1 ranges (`E4:E30`, `E7`) added to a footprint as runs of their column.
 * @example footprintOf({ sheet: "表1", parts: [{ column: "x", role: "rows", ranges: ["E4:E9", "E11"] }] }) // Map { 4 => [3, 8, 10, 10] }
 */
export function footprintOf(origin: Figure["origin"]): Footprint {
  const out: Footprint = new Map();
  if (origin === undefined) return out;
  const at = { col: 0, row: 0 };
  const add = (range: string): void => {
    const colon = range.indexOf(":");
    if (!readCell(range, 0, colon < 0 ? range.length : colon, at)) return;
    const col = at.col;
    const from = at.row;
    if (colon >= 0 && !readCell(range, colon + 1, range.length, at)) return;
    let runs = out.get(col);
    if (runs === undefined) out.set(col, (runs = []));
    runs.push(from, at.row);
  };
  for (const part of origin.parts) {
    for (const r of part.ranges) add(r);
    for (const c of part.leftOut ?? []) add(c);
  }
  for (const c of origin.checkedWith ?? []) add(c);
  for (const [col, runs] of out) out.set(col, sortedRuns(runs));
  return out;
}

/**
 * Reads the cell `C7` of `text[from, to)` into `at` (0-based); false when it is not one (a whole
 * row or column). A group spread over the sheet has thousands of ranges: they are read by char
 * codes, without a regular expression.
 */
function readCell(
  text: string,
  from: number,
  to: number,
  at: { col: number; row: number }
): boolean {
  let i = from;
  let col = 0;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (col === 0 || i === to) return false;
  let row = 0;
  for (; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
    row = row * 10 + (c - 48);
  }
  at.col = col - 1;
  at.row = row - 1;
  return true;
}

/** Runs (pairs) sorted by their first row (as recorded, they mostly are already). */
function sortedRuns(runs: number[]): number[] {
  let sorted = true;
  for (let i = 2; i < runs.length && sorted; i += 2)
    sorted = (runs[i] as number) >= (runs[i - 2] as number);
  if (sorted) return runs;
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < runs.length; i += 2)
    pairs.push([runs[i] as number, runs[i + 1] as number]);
  pairs.sort((x, y) => x[0] - y[0]);
  return pairs.flat();
}

/**
 * Whether a row is inside one of the sorted runs (binary search).
 * @example inRuns([3, 8, 10, 10], 10) // true
 * @example inRuns([3, 8, 10, 10], 9) // false
 */
export function inRuns(runs: readonly number[], row: number): boolean {
  let lo = 0;
  let hi = runs.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (row < (runs[2 * mid] as number)) hi = mid - 1;
    else if (row > (runs[2 * mid + 1] as number)) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Whether any column of a footprint holds the row. */
function holdsRow(fp: Footprint, row: number): boolean {
  for (const runs of fp.values()) if (inRuns(runs, row)) return true;
  return false;
}

/**
 * The figures with the taints they depend on attached.
 * @param ctx `totalRow`: 0-based row of the 合计 row (-1 when none); `groupCol`: the definition
 *   column the groups are read from (-1 when none); `colOf`: sheet column of each definition column.
 */
export function attachTaints(
  figures: readonly Figure[],
  taints: readonly Taint[],
  ctx: { readonly totalRow: number; readonly groupCol: number; readonly colOf: Int32Array }
): Figure[] {
  if (taints.length === 0) return [...figures];
  const prints = figures.map((f) => footprintOf(f.origin));
  const sources: FigureSource[][] = figures.map(() => []);
  const grouped = figures.map((f) => f.group !== undefined);
  let full = 0; // figures with MAX_SOURCES already: once all are, the rest changes nothing
  for (const taint of taints) {
    if (full === figures.length) break;
    const columns = taint.cols.map((k) => ctx.colOf[k] ?? -1).filter((c) => c >= 0);
    const wholeColumn = taint.row === WHOLE_COLUMN || taint.row === ctx.totalRow;
    const onGroupCell = !wholeColumn && ctx.groupCol >= 0 && taint.cols.includes(ctx.groupCol);
    // the group cell alone cannot be read, and the row is in no group's rows: its group is
    // unknown, so every group figure may be short of it
    const groupUnknown =
      onGroupCell &&
      taint.cols.length === 1 &&
      taint.issue.severity === "error" &&
      !prints.some((fp, i) => grouped[i] === true && holdsRow(fp, taint.row));
    const source = sourceOf(taint.issue);
    for (let i = 0; i < figures.length; i++) {
      const list = sources[i] as FigureSource[];
      if (list.length >= MAX_SOURCES) continue;
      const fp = prints[i] as Footprint;
      let hit = false;
      for (const c of columns) {
        const runs = fp.get(c);
        if (runs !== undefined && (wholeColumn || inRuns(runs, taint.row))) {
          hit = true;
          break;
        }
      }
      if (!hit && onGroupCell && grouped[i] === true) hit = groupUnknown || holdsRow(fp, taint.row);
      if (hit && list.push(source) === MAX_SOURCES) full++;
    }
  }
  return figures.map((f, i) => withSources(f, sources[i] as FigureSource[]));
}
