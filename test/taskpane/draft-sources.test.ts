/**
 * The 查看来源 view's pure parts: the text cut into lines and numbers, what a click selects,
 * a number's cells and 【待核】 issues in words, the notices; and the browser preview's window
 * around several ranges.
 */
import { describe, expect, it } from "vitest";
import type { Issue, TextFigure } from "../../src/core";
import {
  cellsLines,
  cellsToSelect,
  draftPieces,
  droppedNotice,
  selectedText,
  unverifiedMessages,
} from "../../src/taskpane/draftSources";
import { boxesWindow, rangeBoxes } from "../../src/taskpane/browser/CellPreview";
import type { ShownIssue } from "../../src/taskpane/engine";

const SHEET = "表1 党员发展 2013";
const FIGURE: TextFigure = {
  paragraph: 0,
  from: 6,
  to: 9,
  start: 8,
  end: 11,
  text: "49人",
  kind: "change",
  value: 49,
  label: "发展预备党员同比",
  formula: "49 = …",
  cells: [
    {
      sheet: SHEET,
      year: 2013,
      column: "发展预备党员",
      ranges: ["E4:E9", "E11:E30"],
      role: "rows",
      leftOut: ["E7"],
    },
    { sheet: SHEET, year: 2013, column: "发展预备党员", ranges: ["E31"], role: "total" },
    {
      sheet: "表1 党员发展 2012",
      year: 2012,
      column: "发展预备党员",
      ranges: ["E4:E30"],
      role: "previous",
    },
  ],
  unverified: [{ sheet: SHEET, cell: "E7", rule: "T1-01" }],
};

describe("draftPieces", () => {
  it("cuts each line into plain text and numbers", () => {
    const text = "\u3000\u3000发展预备党员49人，增加6人。\n\u3000\u3000举办36期。";
    const at = (t: string) => ({ start: text.indexOf(t), end: text.indexOf(t) + t.length });
    const lines = draftPieces(text, [at("36期"), at("49人"), at("6人。")]);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toEqual([
      { text: "\u3000\u3000发展预备党员" },
      { text: "49人", figure: 1 },
      { text: "，增加" },
      { text: "6人。", figure: 2 },
    ]);
    expect(lines[1]).toEqual([
      { text: "\u3000\u3000举办" },
      { text: "36期", figure: 0 },
      { text: "。" },
    ]);
    expect(
      lines
        .flat()
        .map((p) => p.text)
        .join("")
    ).toBe(text.replace("\n", ""));
  });

  it("leaves unplaced and overlapping figures as text, and keeps blank lines", () => {
    const lines = draftPieces("a12b\n\nc", [
      { start: -1, end: -1 },
      { start: 1, end: 3 },
      { start: 2, end: 4 },
    ]);
    expect(lines).toEqual([
      [{ text: "a" }, { text: "12", figure: 1 }, { text: "b" }],
      [],
      [{ text: "c" }],
    ]);
  });
});

describe("cellsToSelect", () => {
  it("selects this year's rows first, last year's on asking", () => {
    expect(cellsToSelect(FIGURE, "current")).toEqual({
      sheet: SHEET,
      ranges: ["E4:E9", "E11:E30"],
    });
    expect(cellsToSelect(FIGURE, "previous")).toEqual({
      sheet: "表1 党员发展 2012",
      ranges: ["E4:E30"],
    });
  });

  it("falls back to the 合计 cell, and to nothing", () => {
    const total = { cells: FIGURE.cells.filter((c) => c.role === "total") };
    expect(cellsToSelect(total, "current")).toEqual({ sheet: SHEET, ranges: ["E31"] });
    expect(cellsToSelect(total, "previous")).toBeUndefined();
    expect(cellsToSelect({ cells: [] }, "current")).toBeUndefined();
  });
});

describe("a number's provenance in words", () => {
  it("lists its cells by role, sheet and range, with the cells left out", () => {
    expect(cellsLines(FIGURE)).toEqual([
      {
        role: "本年",
        sheet: SHEET,
        where: "发展预备党员列 E4:E9、E11:E30",
        leftOut: "E7 无法识别，未计入",
      },
      { role: "合计", sheet: SHEET, where: "E31" },
      { role: "上年", sheet: "表1 党员发展 2012", where: "发展预备党员列 E4:E30" },
    ]);
  });

  it("gives the 校验 tab's message of each issue that makes it 【待核】", () => {
    const issue = { sheet: SHEET, cell: "E7", rule: "T1-01", severity: "error" } as Issue;
    const shown: ShownIssue[] = [
      {
        key: "a",
        issue: { ...issue, cell: "E8" },
        message: "别的问题",
        place: {} as ShownIssue["place"],
        ruleHelp: "",
      },
      { key: "b", issue, message: "E7 应为整数", place: {} as ShownIssue["place"], ruleHelp: "" },
    ];
    expect(unverifiedMessages(FIGURE, shown)).toEqual(["E7 应为整数"]);
    expect(unverifiedMessages(FIGURE, [])).toEqual([`“${SHEET}”E7（T1-01）`]);
    expect(unverifiedMessages({}, shown)).toEqual([]);
  });

  it("says which numbers lost their provenance, and what was selected", () => {
    expect(droppedNotice(["52人", "20人", "3期"])).toBe(
      "3个数字已修改，不再显示来源：52人、20人、3期"
    );
    expect(droppedNotice(["1", "2", "3"], 2)).toBe("3个数字已修改，不再显示来源：1、2…");
    expect(selectedText({ sheet: SHEET, selected: ["E4:E30"], notSelected: [] })).toBe(
      `已选中“${SHEET}”的 E4:E30。`
    );
    expect(selectedText({ sheet: SHEET, selected: ["E4:E9"], notSelected: ["E11:E30"] })).toContain(
      "一次只能选中一个区域，其余区域：E11:E30"
    );
  });
});

describe("the browser preview of several ranges", () => {
  it("reads cells and cell ranges, and shows them with a row and a column around", () => {
    const boxes = rangeBoxes(["E4:E30", "$D$9", "7:7", "表1!C3"]);
    expect(boxes).toEqual([
      { r0: 3, c0: 4, r1: 29, c1: 4 },
      { r0: 8, c0: 3, r1: 8, c1: 3 },
    ]);
    const win = boxesWindow(boxes);
    expect(win.rows[0]).toBe(2);
    expect(win.rows.at(-1)).toBe(30);
    expect(win.cols).toEqual([2, 3, 4, 5]);
    expect(boxesWindow(rangeBoxes(["A1:A100"])).rows).toHaveLength(40);
  });
});
