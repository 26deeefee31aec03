/**
 * Where a figure's value comes from (`Figure.origin`), recorded while the rows are summed: the
 * runs of data rows the row loop added (all of them for a column total, a group's own for a group
 * figure), less the cells it left out because they cannot be read, written as A1 ranges of the
 * figure's column; and, for a column total, the 合计 cell it was checked against.
 */
import type { FigureOrigin, OriginPart, TotalAgreement } from "../figures";
import { a1, columnLetters } from "../model";
import { TOTAL_AGREES, TOTAL_BLANK, TOTAL_DIFFERS, TOTAL_UNREADABLE } from "./plan";

/** What the row loop recorded that the origins are written from. */
export interface OriginRecord {
  readonly sheet: string;
  /** Sheet column of each definition column (-1 when missing). */
  readonly colOf: Int32Array;
  readonly headers: readonly string[];
  /** The data rows as runs: pairs (first, last) of 0-based sheet rows (blank rows inside). */
  readonly dataRuns: readonly number[];
  /** Each group's rows as runs (see `GroupSums.runs`). */
  readonly groupRuns: readonly (readonly number[])[];
  /** Cells left out of the sums: pairs (definition column, row), in row order. */
  readonly leftOut: readonly number[];
  /** 0-based row of the 合计 row, or -1. */
  readonly totalRow: number;
  /** TOTAL_* code of each column's 合计 cell. */
  readonly totalState: Int8Array;
}

const AGREEMENT: Readonly<Record<number, TotalAgreement>> = {
  [TOTAL_AGREES]: "agrees",
  [TOTAL_DIFFERS]: "differs",
  [TOTAL_BLANK]: "blank",
  [TOTAL_UNREADABLE]: "unreadable",
};

/**
 * Runs of rows as A1 ranges of one sheet column, split around the rows left out.
 * @example rangesOf(4, [3, 29], []) // ["E4:E30"]
 * @example rangesOf(4, [3, 29], [9]) // ["E4:E9", "E11:E30"]
 * @example rangesOf(2, [6, 6], []) // ["C7"]
 */
export function rangesOf(
  col: number,
  runs: readonly number[],
  leftOut: readonly number[]
): string[] {
  const letters = columnLetters(col);
  const out: string[] = [];
  const push = (from: number, to: number): void => {
    if (from > to) return;
    out.push(from === to ? `${letters}${from + 1}` : `${letters}${from + 1}:${letters}${to + 1}`);
  };
  let skip = 0;
  for (let i = 0; i + 1 < runs.length; i += 2) {
    let from = runs[i] as number;
    const to = runs[i + 1] as number;
    while (skip < leftOut.length && (leftOut[skip] as number) < from) skip++;
    while (skip < leftOut.length && (leftOut[skip] as number) <= to) {
      const row = leftOut[skip] as number;
      push(from, row - 1);
      from = row + 1;
      skip++;
    }
    push(from, to);
  }
  return out;
}

/** The rows of definition column `k` left out of the sums, in row order. */
function leftOutRows(rec: OriginRecord, k: number): number[] {
  const rows: number[] = [];
  for (let i = 0; i + 1 < rec.leftOut.length; i += 2)
    if (rec.leftOut[i] === k) rows.push(rec.leftOut[i + 1] as number);
  return rows;
}

/** The cells of column `k` in these runs, with the role they play. */
function part(
  rec: OriginRecord,
  k: number,
  runs: readonly number[],
  role: OriginPart["role"]
): OriginPart {
  const col = rec.colOf[k] as number;
  const skipped = leftOutRows(rec, k).filter((r) => {
    for (let i = 0; i + 1 < runs.length; i += 2)
      if (r >= (runs[i] as number) && r <= (runs[i + 1] as number)) return true;
    return false;
  });
  const column = rec.headers[k] ?? "";
  const ranges = rangesOf(col, runs, skipped);
  return skipped.length > 0
    ? { column, role, ranges, leftOut: skipped.map((r) => a1(r, col)) }
    : { column, role, ranges };
}

/** A column total: every data row of column `k`, checked against its 合计 cell. */
export function totalOrigin(rec: OriginRecord, k: number): FigureOrigin {
  const origin: FigureOrigin = { sheet: rec.sheet, parts: [part(rec, k, rec.dataRuns, "rows")] };
  const agreement = AGREEMENT[rec.totalState[k] ?? 0];
  if (rec.totalRow < 0 || agreement === undefined) return origin;
  return { ...origin, total: { cell: a1(rec.totalRow, rec.colOf[k] as number), agreement } };
}

/** A group figure: the rows of group `g` in column `k`. */
export function groupOrigin(rec: OriginRecord, k: number, g: number): FigureOrigin {
  return { sheet: rec.sheet, parts: [part(rec, k, rec.groupRuns[g] ?? [], "rows")] };
}

/**
 * A group's rate: the rate filled in on its row (`givenRow` ≥ 0, checked with the counts on that
 * row), else its counts, numerator over denominator.
 */
export function rateOrigin(
  rec: OriginRecord,
  at: { readonly k: number; readonly numK: number; readonly denK: number; readonly g: number },
  givenRow: number
): FigureOrigin {
  if (givenRow >= 0) {
    const counts = [at.numK, at.denK]
      .map((k) => (k >= 0 ? (rec.colOf[k] ?? -1) : -1))
      .filter((c) => c >= 0)
      .map((c) => a1(givenRow, c));
    return {
      sheet: rec.sheet,
      parts: [
        {
          column: rec.headers[at.k] ?? "",
          role: "given",
          ranges: [a1(givenRow, rec.colOf[at.k] as number)],
        },
      ],
      ...(counts.length > 0 ? { checkedWith: counts } : {}),
    };
  }
  const runs = rec.groupRuns[at.g] ?? [];
  return {
    sheet: rec.sheet,
    parts: [part(rec, at.numK, runs, "numerator"), part(rec, at.denK, runs, "denominator")],
  };
}
