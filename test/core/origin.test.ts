/**
 * Where a figure comes from: `rangesOf` (runs of rows as A1 ranges, split around the cells left
 * out) and the wording of a figure's origin in the draft (`originText`, `sheetName`).
 */
import { describe, expect, it } from "vitest";
import { rangesOf } from "../../src/core/validate/origin";
import { originText, sheetName } from "../../src/core/draft/provenance";
import type { Figure, FigureOrigin } from "../../src/core/figures";

describe("rangesOf", () => {
  it("writes one run as one range, a run of one row as one cell", () => {
    expect(rangesOf(4, [3, 29], [])).toEqual(["E4:E30"]);
    expect(rangesOf(2, [6, 6], [])).toEqual(["C7"]);
    expect(rangesOf(0, [], [])).toEqual([]);
  });

  it("splits a run around a row left out inside it", () => {
    expect(rangesOf(4, [3, 29], [9])).toEqual(["E4:E9", "E11:E30"]);
    expect(rangesOf(4, [3, 29], [9, 10])).toEqual(["E4:E9", "E12:E30"]);
    expect(rangesOf(4, [3, 29], [9, 11])).toEqual(["E4:E9", "E11", "E13:E30"]);
  });

  it("shortens a run whose first or last row is left out", () => {
    expect(rangesOf(3, [3, 9], [3])).toEqual(["D5:D10"]);
    expect(rangesOf(3, [3, 9], [9])).toEqual(["D4:D9"]);
    expect(rangesOf(3, [3, 9], [3, 9])).toEqual(["D5:D9"]);
    expect(rangesOf(3, [3, 4], [3])).toEqual(["D5"]);
  });

  it("writes nothing for a run all left out", () => {
    expect(rangesOf(3, [5, 5], [5])).toEqual([]);
    expect(rangesOf(3, [5, 6], [5, 6])).toEqual([]);
    expect(rangesOf(3, [2, 2, 5, 5], [5])).toEqual(["D3"]);
  });

  it("keeps adjacent runs apart, and leaves out rows of each", () => {
    expect(rangesOf(2, [3, 4, 5, 6], [])).toEqual(["C4:C5", "C6:C7"]);
    expect(rangesOf(2, [3, 4, 5, 6], [4, 5])).toEqual(["C4", "C7"]);
    expect(rangesOf(2, [3, 3, 8, 8, 11, 13], [12])).toEqual(["C4", "C9", "C12", "C14"]);
  });

  it("ignores rows left out outside the runs", () => {
    expect(rangesOf(2, [5, 7], [1, 3, 9])).toEqual(["C6:C8"]);
    expect(rangesOf(2, [1, 1, 5, 7], [3])).toEqual(["C2", "C6:C8"]);
  });

  it("writes columns past Z", () => {
    expect(rangesOf(26, [0, 1], [])).toEqual(["AA1:AA2"]);
  });
});

function figure(over: Partial<Figure> & { origin?: FigureOrigin }): Figure {
  return {
    id: "T1/发展预备党员",
    tableId: "T1",
    indicator: "发展预备党员",
    kind: "count",
    value: 49,
    unit: "人",
    headline: true,
    ...over,
  };
}

const AT = { sheet: "表1 党员发展 2013", year: 2013 };

describe("originText", () => {
  const column = (agreement?: "agrees" | "differs" | "blank" | "unreadable") =>
    figure({
      origin: {
        sheet: AT.sheet,
        parts: [{ column: "发展预备党员", role: "rows", ranges: ["E4:E30"] }],
        ...(agreement ? { total: { cell: "E31", agreement } } : {}),
      },
    });

  it("a column total, and what its 合计 cell says", () => {
    expect(originText(column("agrees"), AT)).toBe(
      "“表1 党员发展 2013”发展预备党员列E4:E30之和，与合计E31相符"
    );
    expect(originText(column("differs"), AT)).toBe(
      "“表1 党员发展 2013”发展预备党员列E4:E30之和，与合计E31不符（按各行之和计）"
    );
    expect(originText(column("blank"), AT)).toBe(
      "“表1 党员发展 2013”发展预备党员列E4:E30之和，合计E31未填"
    );
    expect(originText(column("unreadable"), AT)).toBe(
      "“表1 党员发展 2013”发展预备党员列E4:E30之和，合计E31无法识别"
    );
    expect(originText(column(), AT)).toBe("“表1 党员发展 2013”发展预备党员列E4:E30之和");
  });

  it("names the cells left out", () => {
    const f = figure({
      origin: {
        sheet: AT.sheet,
        parts: [
          {
            column: "发展预备党员",
            role: "rows",
            ranges: ["E4:E9", "E11:E30"],
            leftOut: ["E10"],
          },
        ],
      },
    });
    expect(originText(f, AT)).toBe(
      "“表1 党员发展 2013”发展预备党员列E4:E9、E11:E30（E10无法识别，未计入）之和"
    );
  });

  const group = (ranges: string[]) =>
    figure({
      id: "T2/培训人数/教师培训",
      tableId: "T2",
      indicator: "培训人数",
      group: "教师培训",
      value: 240,
      origin: { sheet: "表2 培训 2013", parts: [{ column: "培训人数", role: "rows", ranges }] },
    });
  const T2 = { sheet: "表2 培训 2013", year: 2013 };

  it("a group of one row reads `行` and no sum; several rows `各行…之和`", () => {
    expect(originText(group(["D10"]), T2)).toBe("“表2 培训 2013”中“教师培训”行培训人数列D10");
    expect(originText(group(["D4", "D12"]), T2)).toBe(
      "“表2 培训 2013”中“教师培训”各行培训人数列D4、D12之和"
    );
    expect(originText(group(["D5:D6"]), T2)).toBe(
      "“表2 培训 2013”中“教师培训”各行培训人数列D5:D6之和"
    );
  });

  const T4 = { sheet: "表4 信访 2013", year: 2013 };
  const rate = (origin: FigureOrigin) =>
    figure({
      id: "T4/办结率/来电",
      tableId: "T4",
      indicator: "办结率",
      group: "来电",
      kind: "rate",
      value: 985,
      unit: "%",
      origin,
    });

  it("a rate filled in reads `所填`", () => {
    const f = rate({
      sheet: T4.sheet,
      parts: [{ column: "办结率", role: "given", ranges: ["F4"] }],
    });
    expect(originText(f, T4)).toBe("“表4 信访 2013”中“来电”行办结率列F4所填");
  });

  it("a rate computed from its counts: numerator ÷ denominator, with their values when known", () => {
    const f = rate({
      sheet: T4.sheet,
      parts: [
        { column: "办结数", role: "numerator", ranges: ["D4"] },
        { column: "受理数", role: "denominator", ranges: ["C4"] },
      ],
    });
    // a group of one row reads `行`, though the rate is made of two cells
    expect(originText(f, T4)).toBe("“表4 信访 2013”中“来电”行办结数列D4 ÷ 受理数列C4");
    const counts = new Map<string, Figure>([
      ["T4/办结数/来电", figure({ id: "T4/办结数/来电", value: 197 })],
      ["T4/受理数/来电", figure({ id: "T4/受理数/来电", value: 200 })],
    ]);
    expect(originText(f, T4, counts)).toBe(
      "197 ÷ 200，“表4 信访 2013”中“来电”行办结数列D4 ÷ 受理数列C4"
    );
    const rows = rate({
      sheet: T4.sheet,
      parts: [
        { column: "办结数", role: "numerator", ranges: ["D4", "D9"] },
        { column: "受理数", role: "denominator", ranges: ["C4", "C9"] },
      ],
    });
    expect(originText(rows, T4)).toBe("“表4 信访 2013”中“来电”各行办结数列D4、D9 ÷ 受理数列C4、C9");
  });

  it("a sheet whose name does not hold the year is named with it", () => {
    expect(sheetName({ sheet: "表1", year: 2013 })).toBe("2013年“表1”");
    expect(sheetName({ sheet: "表1 党员发展 2013", year: 2013 })).toBe("“表1 党员发展 2013”");
    expect(sheetName({ sheet: "表1", year: undefined })).toBe("“表1”");
    expect(originText(group(["D10"]), { sheet: "表2", year: 2012 })).toBe(
      "2012年“表2”中“教师培训”行培训人数列D10"
    );
  });

  it("a figure without an origin is named by its sheet and indicator", () => {
    expect(originText(figure({}), AT)).toBe("“表1 党员发展 2013”发展预备党员");
  });
});
