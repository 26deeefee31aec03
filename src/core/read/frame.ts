/**
 * The frame around a table's figures, read from its cells: the year above the header row, the
 * 合计 row's label, a note under the table. Shared by finding a table and drafting a definition.
 */
import type { CellValue, SheetModel } from "../model";
import { isStatYear } from "../years";
import { FRAME_LABELS, TOTAL_LABEL } from "./labels";
import { normaliseHeader } from "./normalise";

// no lookbehind (`(?<!\d)`): EdgeHTML, the task pane's webview in Office 2016/2019 without
// WebView2, cannot compile it
const YEAR = /(?:^|\D)((?:19|20)\d{2})(?!\d)/;

/**
 * A 4-digit year (1900–2099) in a cell value, or undefined.
 * @example yearIn("2013年度") // 2013
 * @example yearIn(2013) // 2013
 * @example yearIn("20131") // undefined
 */
export function yearIn(v: CellValue): number | undefined {
  if (typeof v === "number") return isStatYear(v) ? v : undefined;
  if (typeof v !== "string") return undefined;
  const m = YEAR.exec(v);
  return m ? Number(m[1]) : undefined;
}

const LABEL_KEYS = new Set(FRAME_LABELS.map((l) => normaliseHeader(l)));
const YEAR_LABEL = normaliseHeader("统计年度");

/** A text cell above a table's header row, with its normalised form (see `normaliseHeader`). */
export interface TextAbove {
  readonly row: readonly CellValue[];
  readonly col: number;
  readonly text: string;
  readonly key: string;
}

/**
 * The text cells above a table's header row, top to bottom and left to right.
 * @example [...textsAbove({ name: "表1", values: [["表1", 3]] }, 1)].map((t) => t.key) // ["表1"]
 */
export function* textsAbove(sheet: SheetModel, headerRow: number): Generator<TextAbove> {
  for (let r = 0; r < headerRow; r++) {
    const row = sheet.values[r];
    if (!row) continue;
    for (let col = 0; col < row.length; col++) {
      const text = row[col];
      if (typeof text === "string") yield { row, col, text, key: normaliseHeader(text) };
    }
  }
}

/**
 * The year of a table: the 统计年度 value above the header row, else a year in the title, else in
 * the sheet name.
 */
export function detectYear(sheet: SheetModel, headerRow: number): number | undefined {
  let fromTitle: number | undefined;
  for (const { row, col: c, text: v, key } of textsAbove(sheet, headerRow)) {
    if (key.startsWith(YEAR_LABEL)) {
      const inLabel = yearIn(key.slice(YEAR_LABEL.length));
      if (inLabel !== undefined) return inLabel;
      for (let n = c + 1; n < row.length; n++) {
        const next = row[n];
        if (next === null || next === undefined || next === "") continue;
        const y = yearIn(next);
        if (y !== undefined) return y;
        break;
      }
      continue;
    }
    const previous = c > 0 ? row[c - 1] : undefined;
    const afterLabel = typeof previous === "string" && LABEL_KEYS.has(normaliseHeader(previous));
    if (fromTitle === undefined && !afterLabel && !LABEL_KEYS.has(key)) fromTitle = yearIn(v);
  }
  return fromTitle ?? yearIn(sheet.name);
}

/** A note under a table: `说明：…`, `注：…`, `注1：…`, `填表说明：…`. */
const NOTE_LABEL = /^\s*(?:填表)?(?:说明|注)\s*\d*\s*[:：]/;

/**
 * True when a cell begins a note (说明：, 注：), which ends the table above it as a 合计 row does
 * — a table with no 合计 row (表4) needs it.
 * @example isNoteLabel("说明：2012 年数据为虚构") // true
 * @example isNoteLabel("来电") // false
 */
export function isNoteLabel(v: CellValue): boolean {
  return typeof v === "string" && (v.includes("说明") || v.includes("注")) && NOTE_LABEL.test(v);
}

const TOTAL_KEYS = new Set([normaliseHeader(TOTAL_LABEL), "总计"]);

/**
 * True when a cell says 合计 (or 总计), spaces and width forms aside.
 * @example isTotalLabel("合 计") // true
 */
export function isTotalLabel(v: CellValue): boolean {
  return (
    typeof v === "string" &&
    v.length <= 12 &&
    v.includes("计") &&
    TOTAL_KEYS.has(normaliseHeader(v))
  );
}
