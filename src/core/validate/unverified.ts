/**
 * Unverified figures (docs/wording.md, 【待核】): a figure that depends on a cell with an error — the
 * cell itself, or a total that includes it — carries the errors it depends on
 * (`Figure.unverified`), so the comparison and the draft can mark it `【待核】` instead of passing it
 * on silently.
 *
 * The row loop records, for each error, the sheet row and the definition columns the error is about
 * (a `Taint`); once the figures are made, each figure collects the taints it depends on:
 * - a data-row taint feeds the column total of each column it names, and the group figures (and
 *   group rates) of the row's group; an error in the grouping cell itself (培训类别, 渠道 …) feeds
 *   every group figure, since the row's group is unknown;
 * - a 合计-row taint feeds the column total;
 * - a whole-column taint (the header) feeds every figure of the column.
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
  /** Column index (in the definition)es the error is about. */
  readonly cols: readonly number[];
}

/** What a figure is made of, in the definition's terms. */
export interface FigureShape {
  /** Column index (in the definition)es the figure's value is read from. */
  readonly cols: readonly number[];
  /** The group index (a value of the groupBy column), or -1 for a column total. */
  readonly group: number;
}

/**
 * The source of an issue as a figure shows it.
 * @example sourceOf(issue) // { sheet: "表1", cell: "E6", rule: "T1-01" }
 */
export function sourceOf(issue: Issue): FigureSource {
  return { sheet: issue.sheet, cell: issue.cell, rule: issue.rule };
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

/**
 * The figures with the taints they depend on attached.
 * @param rowGroup the group index of a data row (-1 when it has none or it cannot be read)
 */
export function attachTaints(
  figures: readonly Figure[],
  shapes: readonly FigureShape[],
  taints: readonly Taint[],
  ctx: { readonly totalRow: number; readonly groupCol: number; rowGroup(row: number): number }
): Figure[] {
  if (taints.length === 0) return [...figures];
  const sources: FigureSource[][] = figures.map(() => []);
  const groupOf = new Map<number, number>();
  for (const taint of taints) {
    const whole = taint.row === WHOLE_COLUMN;
    const total = !whole && taint.row === ctx.totalRow;
    let group = -2; // not read yet
    const touchesGroup = ctx.groupCol >= 0 && taint.cols.includes(ctx.groupCol);
    for (let i = 0; i < figures.length; i++) {
      const shape = shapes[i] as FigureShape;
      const list = sources[i] as FigureSource[];
      if (list.length >= MAX_SOURCES) continue;
      let hit = shape.cols.some((k) => taint.cols.includes(k));
      if (!whole && shape.group >= 0) {
        if (total) hit = false;
        else if (touchesGroup) hit = true;
        else if (hit) {
          if (group === -2) {
            const known = groupOf.get(taint.row);
            group = known ?? ctx.rowGroup(taint.row);
            if (known === undefined) groupOf.set(taint.row, group);
          }
          hit = group < 0 || group === shape.group;
        }
      }
      if (hit) list.push(sourceOf(taint.issue));
    }
  }
  return figures.map((f, i) => withSources(f, sources[i] as FigureSource[]));
}
