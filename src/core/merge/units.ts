/**
 * Unit names: how a unit file says whose it is (its 填报单位), how names are matched (normalised:
 * spaces, widths), the stable order of units, and the bureau's unit list (a sheet or a text file
 * with one unit per row).
 */
import type { CellValue, SheetModel } from "../model";
import { textsAbove } from "../read/frame";
import { normaliseHeader } from "../read/normalise";
import { FRAME_LABELS, type CompiledDefinition } from "../definitions";

/**
 * The key two spellings of a unit's name share (spaces, line breaks and widths aside).
 * @example unitKey(" 昆山市 实验小学 ") === unitKey("昆山市实验小学") // true
 */
export function unitKey(name: string): string {
  return normaliseHeader(name);
}

const collator = new Intl.Collator("zh-CN-u-co-pinyin", { numeric: true });

/**
 * Unit names in the stable order of a merge: by name (pinyin order, then code points).
 * @example compareUnitNames("昆山市第一中学", "江苏省昆山中学") > 0 // true (j before k)
 */
export function compareUnitNames(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The label of the reporting unit in row 2 of every table sheet (`填报单位`). */
export const UNIT_LABEL: string = FRAME_LABELS[0];
const UNIT_LABEL_KEY = normaliseHeader(UNIT_LABEL);

function text(v: CellValue): string | undefined {
  if (typeof v === "string") {
    const t = v.trim();
    return t === "" ? undefined : t;
  }
  if (typeof v === "number") return String(v);
  return undefined;
}

/**
 * The 填报单位 written above a table's header row: the cell after the label (or the text after
 * `填报单位：` in the label cell itself).
 * @example frameUnit({ name: "表1", values: [["表1"], ["填报单位", "昆山市实验小学"]] }, 2) // "昆山市实验小学"
 */
export function frameUnit(sheet: SheetModel, headerRow: number): string | undefined {
  for (const { row, col: c, key } of textsAbove(sheet, headerRow)) {
    if (!key.startsWith(UNIT_LABEL_KEY)) continue;
    const rest = key.slice(UNIT_LABEL_KEY.length).replace(/^:/, "");
    if (rest !== "") return rest;
    for (let n = c + 1; n < row.length; n++) {
      const next = text(row[n]);
      if (next === undefined) continue;
      // the next label (统计年度 …) means the value was left blank
      return FRAME_LABELS.some((l) => normaliseHeader(next).startsWith(normaliseHeader(l)))
        ? undefined
        : next;
    }
  }
  return undefined;
}

/**
 * The definition column that names the unit on each row, if the definition has one: a text column
 * keyed `unit` (by convention) or headed 单位名称. (A fixed-choice column such as 计量单位 never is.)
 */
export function unitColumn(t: CompiledDefinition): number {
  return t.columns.findIndex(
    (c) => c.type === "text" && (c.key === "unit" || normaliseHeader(c.header) === "单位名称")
  );
}

const LIST_HEADERS = new Set(
  ["单位名称", "单位", "基层党组织", "名称", "填报单位"].map(normaliseHeader)
);
const SKIP_HEADERS = new Set(["序号", "编号", "No.", "No"].map(normaliseHeader));

/**
 * The bureau's unit list from a sheet: the column headed 单位名称 (或 单位、填报单位 …) when there is
 * one, else the first column holding text; one unit per row, blanks and repeats dropped.
 * @example unitListFromSheet({ name: "名单", values: [["序号", "单位名称"], [1, "甲校"], [2, "乙校"]] }) // ["甲校", "乙校"]
 */
export function unitListFromSheet(sheet: SheetModel): string[] {
  const rows = sheet.values;
  let col = -1;
  let start = 0;
  for (let r = 0; r < Math.min(rows.length, 10) && col < 0; r++) {
    const row = rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (typeof v === "string" && LIST_HEADERS.has(normaliseHeader(v))) {
        col = c;
        start = r + 1;
        break;
      }
    }
  }
  if (col < 0) {
    // the first column with text in it (a 序号 column of numbers is skipped)
    const width = Math.max(0, ...rows.map((r) => r?.length ?? 0));
    for (let c = 0; c < width && col < 0; c++) {
      if (
        rows.some(
          (r) => typeof r?.[c] === "string" && !SKIP_HEADERS.has(normaliseHeader(String(r?.[c])))
        )
      )
        col = c;
    }
  }
  if (col < 0) return [];
  return dedupe(rows.slice(start).map((r) => text(r?.[col])));
}

/**
 * The bureau's unit list from text: one unit per line (a CSV line's first field that is not a
 * number); a header line 单位名称 is skipped.
 * @example unitListFromText("单位名称\n甲校\n\n乙校\n") // ["甲校", "乙校"]
 */
export function unitListFromText(content: string): string[] {
  const names = content
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .map((line) => {
      const fields = line.split(/[,\t，]/).map((f) =>
        f
          .trim()
          .replace(/^"(.*)"$/, "$1")
          .trim()
      );
      return fields.find((f) => f !== "" && !/^\d+$/.test(f));
    });
  const first = names.findIndex((n) => n !== undefined);
  if (first >= 0 && LIST_HEADERS.has(normaliseHeader(names[first] ?? ""))) names.splice(first, 1);
  return dedupe(names);
}

function dedupe(names: ReadonlyArray<string | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of names) {
    if (n === undefined) continue;
    const k = unitKey(n);
    if (k === "" || LIST_HEADERS.has(k) || seen.has(k)) continue;
    seen.add(k);
    out.push(n);
  }
  return out;
}

export { baseName, fileStem } from "./files";
