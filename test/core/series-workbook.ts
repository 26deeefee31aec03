/**
 * The sample workbook with three earlier years (2009–2011), for the series over years: each is a
 * copy of the 2012 sheets, its 统计年度, title and name of that year, with fewer 入党积极分子,
 * 发展预备党员 (学生) and 募集善款 the earlier the year — the rows and their 合计 changed alike, so
 * every rule still holds.
 */
import { readFileSync } from "node:fs";
import type { CellValue, SheetModel, WorkbookModel } from "../../src/core/model";
import { validateWorkbook, type ValidationResult } from "../../src/core/validate";
import { readXlsx } from "../../src/hosts/xlsx/read";

const SAMPLE = "assets/samples/bureau-stats-2013.xlsx";

/** Adds `by` to the number at `row`/`col` and to the 合计 of that column. */
function add(values: CellValue[][], row: number, col: number, by: number): void {
  const total = values.findIndex((r) => r[0] === "合计");
  for (const r of [row, total]) {
    const cells = values[r];
    if (cells && typeof cells[col] === "number") cells[col] = cells[col] + by;
  }
}

/**
 * A 2012 sheet as the sheet of `year`, `k` years earlier than 2012; with `agree`, 表2's
 * 入党积极分子培训 follows 表1's 培训入党积极分子 (else T2-04 finds them apart: an error).
 */
function earlierSheet(sheet: SheetModel, year: number, agree: boolean): SheetModel {
  const k = 2012 - year;
  const values = (sheet.values ?? []).map((r) => [...(r ?? [])]);
  const title = values[0]?.[0];
  if (typeof title === "string" && values[0]) values[0][0] = title.replace("2012", String(year));
  if (values[1]) values[1][3] = year;
  if (sheet.name.startsWith("表1")) {
    // 江苏省昆山中学: 22 积极分子, 7 发展 (2 教工, 5 学生)
    add(values, 4, 3, -3 * k);
    add(values, 4, 4, -k);
    add(values, 4, 6, -k);
  }
  // 入党积极分子培训班
  if (sheet.name.startsWith("表2") && agree) add(values, 4, 3, -3 * k);
  // 党员关爱帮扶行动募集
  if (sheet.name.startsWith("表3")) add(values, 3, 2, -10000 * k);
  return { ...sheet, name: sheet.name.replace("2012", String(year)), values };
}

/**
 * The sample with 2009–2011 added, and its tables of every year validated; `agree: false` leaves
 * 表2 of the earlier years apart from 表1 (T2-04 errors in 2009–2011).
 */
export function fiveYears(agree = true): { wb: WorkbookModel; validation: ValidationResult } {
  const sample = readXlsx(new Uint8Array(readFileSync(SAMPLE)));
  const of2012 = sample.sheets.filter((s) => s.name.endsWith("2012"));
  const wb: WorkbookModel = {
    ...sample,
    sheets: [
      ...sample.sheets,
      ...[2011, 2010, 2009].flatMap((y) => of2012.map((s) => earlierSheet(s, y, agree))),
    ],
  };
  // the validation keeps the report year and the one before: each pair of years on its own
  const [latest, ...earlier] = [2013, 2011, 2009].map((year) => validateWorkbook(wb, { year }));
  if (!latest) throw new Error("no validation");
  const validation: ValidationResult = {
    ...latest,
    tables: [...latest.tables, ...earlier.flatMap((v) => v.tables)],
    issues: [...latest.issues, ...earlier.flatMap((v) => v.issues)],
  };
  return { wb, validation };
}
