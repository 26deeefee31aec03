/**
 * The figures of one checked sheet and where each is reported: the sums the row loop accumulated
 * turned into figures (a sum too large to be exact is an error instead), each located at its
 * cell (or column), and marked unverified by the issues of the cells it is read from.
 */
import type { Figure } from "../figures";
import { a1, columnLetters } from "../model";
import { tableFigures } from "./figures";
import type { GroupSums } from "./groups";
import { remarkFilled, type ColumnPlan, type RowValues } from "./plan";
import { rowAddress, type TableIssues } from "./sink";
import { attachTaints } from "./unverified";

/** Where a figure is reported: a cell (or column) and whether its row is explained by 备注. */
export interface FigureLocation {
  readonly cell: string;
  readonly explained: boolean;
}

export interface LocatedFigures {
  readonly figures: Figure[];
  readonly locations: Map<string, FigureLocation>;
}

/** The table's figures from the accumulated sums (call once every row and the 合计 row are checked). */
export function locateFigures(
  plan: ColumnPlan,
  rv: RowValues,
  groups: GroupSums,
  sink: TableIssues,
  totalRow: number,
  dataRuns: readonly number[]
): LocatedFigures {
  const d = plan.detected;
  const rows = d.sheet.values;
  const headerAddress = rowAddress(d.headerRow);
  const figures: Figure[] = [];
  const locations = new Map<string, FigureLocation>();
  const addFigure = (f: Figure, row: number, col: number): void => {
    if (!Number.isSafeInteger(f.value)) {
      sink.push(
        "G-03",
        "sum-too-large",
        "error",
        col >= 0 ? columnLetters(col) + ":" + columnLetters(col) : headerAddress,
        {
          column: f.indicator,
        }
      );
      return;
    }
    figures.push(f);
    const cell =
      row >= 0 && col >= 0
        ? a1(row, col)
        : col >= 0
          ? `${columnLetters(col)}:${columnLetters(col)}`
          : headerAddress;
    locations.set(f.id, { cell, explained: row >= 0 && remarkFilled(plan, rows[row]) });
  };
  const placed = tableFigures(plan.definition, plan.colOf, {
    sums: rv.sums,
    filled: rv.filled,
    totalRow,
    groupSums: groups.sums,
    groupFilled: groups.filled,
    groupRows: groups.rows,
    groupFirst: groups.first,
    groupRate: groups.rate,
    groupUnit: groups.unit,
    groupMixed: groups.mixed,
    origin: {
      sheet: d.sheet.name,
      colOf: plan.colOf,
      headers: plan.cols.map((c) => c.header),
      dataRuns,
      groupRuns: groups.runs,
      leftOut: rv.leftOut,
      totalRow,
      totalState: rv.totalState,
    },
  });
  for (const p of placed) addFigure(p.figure, p.row, p.col);
  if (sink.taints.length > 0) {
    const tainted = attachTaints(figures, sink.taints, {
      totalRow,
      groupCol: groups.groupCol,
      colOf: plan.colOf,
    });
    figures.splice(0, figures.length, ...tainted);
  }
  return { figures, locations };
}
