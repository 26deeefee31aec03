/**
 * A workbook with several years (历年) made from the sample: its 2013 and 2012 sheets as they are,
 * and sheets for earlier years copied from 2012's with the year shifted (sheet name, title,
 * 统计年度, dates) and every count and amount scaled down a little each year back (the 合计 row
 * summed again), so that each figure has a line to draw. `leaveOut` drops one table of one year
 * (a gap of that table's figures).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readXlsx } from "../../src/hosts/xlsx/read";
import type { CellValue, SheetModel, WorkbookModel } from "../../src/core/model";

const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "bureau-stats-2013.xlsx");

/** Columns kept as they are: labels, dates (shifted instead), rates and 人均 values. */
const KEPT = /日期|率|人均|单位|类别|项目|渠道|名称|备注/;

function shiftSheet(sheet: SheetModel, year: number, back: number): SheetModel {
  const factor = 1 - 0.07 * back;
  const header = sheet.values[2] ?? [];
  const dates = header.map((h) => typeof h === "string" && h.includes("日期"));
  const scaled = header.map((h) => typeof h === "string" && !KEPT.test(h));
  const rows = sheet.values.map((row, r): CellValue[] => {
    if (r === 1) return row.map((v) => (v === 2012 ? year : v));
    if (r === 2) return [...row];
    return row.map((v, c) => {
      if (typeof v === "string") return v.replace("2012", String(year));
      if (typeof v !== "number") return v;
      if (dates[c]) return v - 365 * back;
      return scaled[c] ? Math.round(v * factor) : v;
    });
  });
  // 发展预备党员 is 教工 + 学生 (T1-01), as in the sample
  const developed = header.indexOf("发展预备党员");
  const parts = header.flatMap((h, c) =>
    typeof h === "string" && h.startsWith("其中：") ? [c] : []
  );
  if (developed >= 0 && parts.length > 0)
    for (const row of rows.slice(3))
      if (typeof row[developed] === "number")
        row[developed] = parts.reduce(
          (sum, c) => sum + (typeof row[c] === "number" ? (row[c] as number) : 0),
          0
        );
  // the 合计 row: the sum of the rows above it, column by column
  const total = rows.findIndex((row) => row[0] === "合计");
  if (total > 3)
    rows[total] = (rows[total] ?? []).map((v, c) =>
      typeof v === "number" && scaled[c]
        ? rows
            .slice(3, total)
            .reduce((sum, row) => sum + (typeof row[c] === "number" ? (row[c] as number) : 0), 0)
        : v
    );
  return { ...sheet, name: sheet.name.replace("2012", String(year)), values: rows };
}

/**
 * The sample with sheets for every year from `from` to 2011 added.
 * @example severalYears(2009).sheets.map((s) => s.name).filter((n) => n.startsWith("表1")) // 表1 党员发展 2013 … 2009
 */
export function severalYears(
  from: number,
  leaveOut?: { readonly table: string; readonly year: number }
): WorkbookModel {
  const model = readXlsx(new Uint8Array(readFileSync(SAMPLE)));
  const base = model.sheets.filter((s) => s.name.endsWith(" 2012"));
  const earlier: SheetModel[] = [];
  for (let year = 2011; year >= from; year--)
    for (const s of base) {
      if (leaveOut && year === leaveOut.year && s.name.startsWith(leaveOut.table)) continue;
      earlier.push(shiftSheet(s, year, 2012 - year));
    }
  return { ...model, sheets: [...model.sheets, ...earlier] };
}
