/**
 * What the 报告 tab's 查看来源 view shows, without its layout: the draft's text cut into lines
 * and pieces with the numbers apart, the cells of a number in words, the ranges clicking it
 * selects, and the issues that make it 【待核】.
 */
import type { FigureCells, TextFigure } from "../core";
import type { RangesSelected } from "../hosts/host";
import type { ShownIssue } from "./engine";

/** A piece of a line: plain text, or the number `figure` (an index into the figures given). */
export interface DraftPiece {
  readonly text: string;
  readonly figure?: number;
}

/**
 * The lines of a text, each cut into plain pieces and numbers (figures overlapping one placed
 * before them, or crossing a line end, are left as plain text).
 * @example draftPieces("发展49人。", [{ start: 2, end: 5 }])
 * // [[{ text: "发展" }, { text: "49人", figure: 0 }, { text: "。" }]]
 */
export function draftPieces(
  text: string,
  figures: readonly { readonly start: number; readonly end: number }[]
): DraftPiece[][] {
  const order = figures
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.start >= 0 && f.end > f.start && f.end <= text.length)
    .sort((a, b) => a.f.start - b.f.start);
  const lines: DraftPiece[][] = [];
  let line: DraftPiece[] = [];
  let at = 0;
  const plain = (to: number) => {
    const parts = text.slice(at, to).split("\n");
    parts.forEach((part, k) => {
      if (k > 0) {
        lines.push(line);
        line = [];
      }
      if (part) line.push({ text: part });
    });
    at = to;
  };
  for (const { f, i } of order) {
    if (f.start < at || text.slice(f.start, f.end).includes("\n")) continue;
    plain(f.start);
    line.push({ text: text.slice(f.start, f.end), figure: i });
    at = f.end;
  }
  plain(text.length);
  lines.push(line);
  return lines;
}

/** Selects a number's cells: this year's or last year's. */
export type SelectCells = (which: "current" | "previous") => void;
/** Opens or closes a number's card. */
export type SetOpen = (open: boolean) => void;

/** The ranges of one sheet to select for a number. */
export interface CellsTarget {
  readonly sheet: string;
  readonly ranges: readonly string[];
}

/**
 * What clicking a number selects: this year's cells it was added up from (of the first sheet
 * they are on; the 合计 cell when there are none), or last year's.
 * @example cellsToSelect(figure49, "current") // { sheet: "表1 党员发展 2013", ranges: ["E4:E30"] }
 */
export function cellsToSelect(
  figure: Pick<TextFigure, "cells">,
  which: "current" | "previous"
): CellsTarget | undefined {
  const roles: readonly FigureCells["role"][] =
    which === "previous" ? ["previous"] : ["rows", "total"];
  for (const role of roles) {
    const cells = figure.cells.filter((c) => c.role === role && c.ranges.length > 0);
    const sheet = cells[0]?.sheet;
    if (sheet === undefined) continue;
    const ranges = cells.filter((c) => c.sheet === sheet).flatMap((c) => c.ranges);
    return { sheet, ranges: [...new Set(ranges)] };
  }
  return undefined;
}

const ROLE: Readonly<Record<FigureCells["role"], string>> = {
  rows: "本年",
  total: "合计",
  previous: "上年",
};
const PART: Readonly<Record<NonNullable<FigureCells["part"]>, string>> = {
  numerator: "分子",
  denominator: "分母",
  given: "填报值",
};

/** One line of a number's cells, in words. */
export interface CellsLine {
  /** `本年`, `合计`, `上年`, `本年分子` … */
  readonly role: string;
  readonly sheet: string;
  /** `发展预备党员列 E4:E30`, `D5:D6、D9`. */
  readonly where: string;
  /** `E7、E9 无法识别，未计入` when cells were left out. */
  readonly leftOut?: string;
}

/**
 * A number's cells in words, this year's first.
 * @example cellsLines(figure49)[0] // { role: "本年", sheet: "表1 党员发展 2013", where: "发展预备党员列 E4:E30" }
 */
export function cellsLines(figure: Pick<TextFigure, "cells">): CellsLine[] {
  return figure.cells.map((c) => ({
    role: `${ROLE[c.role]}${c.part ? PART[c.part] : ""}`,
    sheet: c.sheet,
    where: `${c.role === "total" ? "" : `${c.column}列 `}${c.ranges.join("、") || "（无数据行）"}`,
    ...(c.leftOut?.length ? { leftOut: `${c.leftOut.join("、")} 无法识别，未计入` } : {}),
  }));
}

/**
 * The messages of the issues that make a number 【待核】, as the 校验 tab words them (an issue
 * no longer in the list is named by its sheet, cell and rule).
 */
export function unverifiedMessages(
  figure: Pick<TextFigure, "unverified">,
  issues: readonly ShownIssue[]
): string[] {
  return (figure.unverified ?? []).map((s) => {
    const shown = issues.find(
      ({ issue }) => issue.sheet === s.sheet && issue.cell === s.cell && issue.rule === s.rule
    );
    return shown?.message ?? `“${s.sheet}”${s.cell}（${s.rule}）`;
  });
}

/**
 * The notice for the numbers whose provenance is no longer shown (their text was edited).
 * @example droppedNotice(["52人", "20人"]) // "2个数字已修改，不再显示来源：52人、20人"
 */
export function droppedNotice(texts: readonly string[], shown = 5): string {
  const list = texts.slice(0, shown).join("、");
  return `${texts.length}个数字已修改，不再显示来源：${list}${texts.length > shown ? "…" : ""}`;
}

/**
 * What was selected, in words; where the host selects one rectangle at a time, which are left.
 * @example selectedText({ sheet: "表1", selected: ["E4:E9"], notSelected: ["E11:E30"] })
 * // "已选中“表1”的 E4:E9。此版本一次只能选中一个区域，其余区域：E11:E30"
 */
export function selectedText(r: RangesSelected): string {
  const done = `已选中“${r.sheet}”的 ${r.selected.join("、")}。`;
  return r.notSelected.length > 0
    ? `${done}此版本一次只能选中一个区域，其余区域：${r.notSelected.join("、")}`
    : done;
}
