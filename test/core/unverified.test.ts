/**
 * The one rule for marks (src/core/validate/unverified.ts), case by case on hand-made figures: what
 * a figure is computed from is read from its origin, and each kind of taint touches what it should.
 */
import { describe, expect, it } from "vitest";
import type { Figure, FigureOrigin } from "../../src/core/figures";
import { explainable, type Issue } from "../../src/core/issues";
import {
  WHOLE_COLUMN,
  attachTaints,
  footprintOf,
  inRuns,
  type Taint,
} from "../../src/core/validate/unverified";

const SHEET = "表2 培训 2013";

/** A figure of column C (期数, definition column 2) or D (培训人数, 3) over these ranges. */
function figure(id: string, origin: Omit<FigureOrigin, "sheet">, group?: string): Figure {
  return {
    id,
    tableId: "T2",
    indicator: id,
    ...(group === undefined ? {} : { group }),
    kind: "count",
    value: 1,
    unit: "人",
    headline: true,
    origin: { sheet: SHEET, ...origin },
  };
}

const rows = (column: string, ranges: string[], leftOut?: string[]) => ({
  column,
  role: "rows" as const,
  ranges,
  ...(leftOut ? { leftOut } : {}),
});

function taint(cell: string, row: number, cols: number[], rule = "G-02"): Taint {
  const issue = { rule, code: "x", severity: "error", sheet: SHEET, cell, explained: false };
  return { issue: issue as Issue, row, cols };
}

// definition columns: 0 培训项目 (A), 1 培训类别 (B, the groups), 2 期数 (C), 3 培训人数 (D)
const colOf = Int32Array.from([0, 1, 2, 3]);
const ctx = { totalRow: 11, groupCol: 1, colOf };
// rows 4–11 (0-based 3–10): 轮训 on rows 4, 6, 8; 校长 on rows 5, 7; row 9 has no readable group
const FIGURES = [
  figure("T2/培训人数", { parts: [rows("培训人数", ["D4:D11"])] }),
  figure("T2/期数", { parts: [rows("期数", ["C4:C11"])] }),
  figure("T2/培训人数/轮训", { parts: [rows("培训人数", ["D4", "D6", "D8"])] }, "轮训"),
  figure("T2/培训人数/校长", { parts: [rows("培训人数", ["D5", "D7"])] }, "校长"),
];
const marked = (taints: Taint[]) =>
  attachTaints(FIGURES, taints, ctx)
    .filter((f) => f.unverified)
    .map((f) => f.id);

describe("footprintOf and inRuns", () => {
  it("reads ranges, single cells, cells left out and a rate's counts, per column, sorted", () => {
    const fp = footprintOf({
      sheet: SHEET,
      parts: [rows("培训人数", ["D12:D20", "D4:D9"], ["D10"])],
      checkedWith: ["E7", "F7"],
    });
    expect([...fp.entries()]).toEqual([
      [3, [3, 8, 9, 9, 11, 19]],
      [4, [6, 6]],
      [5, [6, 6]],
    ]);
    expect(footprintOf(undefined).size).toBe(0);
    // a whole row or column is no cell of a figure
    expect(footprintOf({ sheet: SHEET, parts: [rows("x", ["7:7", "C:C", "AB27"])] })).toEqual(
      new Map([[27, [26, 26]]])
    );
  });

  it("finds a row at either end of a run, and not between runs", () => {
    const runs = [3, 8, 10, 10, 12, 19];
    expect([2, 3, 8, 9, 10, 11, 12, 19, 20].map((r) => inRuns(runs, r))).toEqual([
      false,
      true,
      true,
      false,
      true,
      false,
      true,
      true,
      false,
    ]);
    expect(inRuns([], 0)).toBe(false);
  });
});

describe("attachTaints: one rule, from each figure's origin", () => {
  it("a data cell touches the total of its column and its own group, nothing else", () => {
    expect(marked([taint("D6", 5, [3])])).toEqual(["T2/培训人数", "T2/培训人数/轮训"]);
    expect(marked([taint("C5", 4, [2])])).toEqual(["T2/期数"]);
  });

  it("a whole row (a duplicate) touches every figure summing it", () => {
    expect(marked([taint("7:7", 6, [0, 1, 2, 3], "G-04")])).toEqual([
      "T2/培训人数",
      "T2/期数",
      "T2/培训人数/校长",
    ]);
  });

  it("a 合计 that disagrees, or a header, touches the column's total and every group of it", () => {
    const all = ["T2/培训人数", "T2/培训人数/轮训", "T2/培训人数/校长"];
    expect(marked([taint("D12", 11, [3], "G-03")])).toEqual(all);
    expect(marked([taint("D3", WHOLE_COLUMN, [3], "G-01")])).toEqual(all);
  });

  it("a grouping cell: its group's figures; when the row is in no group, every group figure", () => {
    expect(marked([taint("B8", 7, [1])])).toEqual(["T2/培训人数/轮训"]);
    expect(marked([taint("B9", 8, [1])])).toEqual(["T2/培训人数/轮训", "T2/培训人数/校长"]);
  });

  it("keeps each source once, and nothing changes without taints", () => {
    const t = taint("D6", 5, [3]);
    const [total] = attachTaints(FIGURES, [t, t], ctx);
    expect(total?.unverified).toEqual([{ sheet: SHEET, cell: "D6", rule: "G-02" }]);
    expect(attachTaints(FIGURES, [], ctx)).toEqual(FIGURES);
  });
});

describe("explainable: what a 备注 can explain", () => {
  it("a table's own rule, whatever its id (a bureau may name one G-09), and a row's values", () => {
    expect(explainable({ code: "posts-above-items", messageWording: "…。请核实。" })).toBe(true);
    expect(explainable({ code: "duplicate-row" })).toBe(true);
    expect(explainable({ code: "large-change" })).toBe(true);
    expect(explainable({ code: "unit-changed" })).toBe(true);
  });

  it("not a header, a format, a 合计, a cell read leniently: those are fixed", () => {
    for (const code of [
      "unknown-column",
      "lenient-unit-suffix",
      "lenient-enum",
      "total-blank",
      "no-total-row",
    ])
      expect(explainable({ code }), code).toBe(false);
  });
});
