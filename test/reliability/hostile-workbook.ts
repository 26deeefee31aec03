/**
 * The clean 2013/2012 sample data with hostile cell text (HOSTILE_STRINGS: HTML/script and
 * formula injection) put where users type text: 填报单位, 单位名称, 培训项目, 项目名称, 备注, and
 * as an invalid 经费类别 (so each string is also the value of a reported issue). Written with the
 * product's own template writer (writer.ts), strings stored as text.
 */
import type { CellInput, TemplateSheetInput } from "../../src/hosts/xlsx/template";
import { writeTemplateWorkbook } from "../../src/hosts/xlsx/template";
import { yearSheets } from "../../scripts/samples/figures";
import { HOSTILE_STRINGS } from "./fuzz-cases";

type Row = Record<string, CellInput>;

/** Where each hostile string was put (a field name per placement), for counting. */
export const HOSTILE_FIELDS = [
  "填报单位",
  "单位名称",
  "培训项目",
  "项目名称",
  "经费类别",
  "备注",
] as const;

/** The sheets: 2013 with hostile text, 2012 clean (so 同比 and the draft have figures). */
export function hostileSheets(): TemplateSheetInput[] {
  const h = HOSTILE_STRINGS;
  const at = (i: number): string => h[i % h.length] as string;
  const sheets2013 = yearSheets(2013).map((s): TemplateSheetInput => {
    const rows = (s.rows ?? []) as Row[];
    const frame = { ...s.frame, 填报单位: at(0) };
    switch (s.tableId) {
      case "T1":
        return {
          ...s,
          frame,
          rows: rows.map((r, i) => (i < h.length ? { ...r, 单位名称: at(i), 备注: at(i + 1) } : r)),
        };
      case "T2":
        return {
          ...s,
          frame,
          rows: [
            ...rows,
            ...h.map((text, i): Row => ({
              培训项目: text,
              培训类别: "其他",
              期数: 1,
              培训人数: 1 + i,
              备注: text,
            })),
          ],
        };
      case "T3":
        return {
          ...s,
          frame,
          rows: [
            ...rows,
            ...h.map((text): Row => ({
              项目名称: text,
              经费类别: text,
              "金额（元）": 1,
              备注: text,
            })),
          ],
        };
      default:
        return { ...s, frame, rows: rows.map((r, i) => ({ ...r, 备注: at(i) })) };
    }
  });
  return [...sheets2013, ...yearSheets(2012)];
}

export function makeHostileWorkbook(): Promise<Uint8Array> {
  return writeTemplateWorkbook(hostileSheets());
}
