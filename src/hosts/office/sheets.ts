/**
 * Sheets of values (the merged tables of 汇总) as plans for `addPlannedSheets`: every cell's value
 * and number format in one block, text written as text (never a formula), header rows bold.
 * Pure: no Office.js.
 */
import {
  a1,
  isDateValue,
  isErrorValue,
  isFormulaValue,
  BUILTIN_DEFINITIONS,
  DEFINITIONS_SHEET,
  definitionsSheetGrid,
  isBuiltinSet,
  type CellValue,
  type TableDefinition,
} from "../../core";
import type { NewSheet } from "../host";
import { templatePlans, type PlanBlock, type PlanValue, type SheetPlan } from "./layout";
import { TEXT_FORMAT, cellText, uniqueSheetName } from "./text";

function planValue(v: CellValue): PlanValue {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return cellText(v);
  if (typeof v === "number" || typeof v === "boolean") return v;
  if (isErrorValue(v)) return v.error;
  if (isDateValue(v)) return v.date;
  // a formula read without its result: its text, not a formula computed over other cells
  if (isFormulaValue(v)) return cellText(`=${v.formula}`);
  return "";
}

function planFormat(v: CellValue, format: string | undefined): string {
  if (typeof v === "string" || isErrorValue(v) || isFormulaValue(v)) return TEXT_FORMAT;
  if (isDateValue(v)) return format && format !== "General" ? format : "yyyy-mm-dd";
  return format ?? "General";
}

/**
 * The plan of one sheet of values under a name not taken yet.
 * @example valuesPlan({ sheet: { name: "表1 汇总", values: [["单位名称"], ["甲"]] }, boldRows: [0] }, new Set()).name // "表1 汇总"
 */
function valuesPlan(s: NewSheet, taken: Set<string>): SheetPlan {
  const name = uniqueSheetName(s.sheet.name, taken);
  taken.add(name.toLowerCase());
  const rows = s.sheet.values;
  const width = Math.max(1, ...rows.map((r) => r?.length ?? 0));
  const values: PlanValue[][] = [];
  const formats: string[][] = [];
  rows.forEach((row, r) => {
    const vs: PlanValue[] = [];
    const fs: string[] = [];
    for (let c = 0; c < width; c++) {
      const v = row?.[c];
      vs.push(planValue(v));
      fs.push(planFormat(v, s.sheet.formats?.[r]?.[c]));
    }
    values.push(vs);
    formats.push(fs);
  });
  const blocks: PlanBlock[] = [];
  if (values.length > 0)
    blocks.push({ address: `A1:${a1(values.length - 1, width - 1)}`, values, formats });
  for (const r of s.boldRows) {
    if (r < values.length) blocks.push({ address: `A${r + 1}:${a1(r, width - 1)}`, bold: true });
  }
  return { name, blocks, freezeRows: s.boldRows.length > 1 ? (s.boldRows[1] ?? 0) + 1 : 0 };
}

/** Plans for several sheets, each under a name not taken (compared without case, as Excel does). */
export function valuesPlans(
  sheets: readonly NewSheet[],
  takenNames: Iterable<string>
): SheetPlan[] {
  const taken = new Set([...takenNames].map((n) => n.toLowerCase()));
  return sheets.map((s) => valuesPlan(s, taken));
}

/**
 * The `报表定义` sheet holding these definitions (header row bold and frozen). Never a second one
 * under another name — a renamed copy would not be read — and never over the one there: when the
 * workbook has a sheet of that name already, nothing is inserted.
 */
export function definitionsPlans(
  definitions: readonly TableDefinition[],
  takenNames: Iterable<string>
): SheetPlan[] {
  const taken = new Set([...takenNames].map((n) => n.trim().toLowerCase()));
  if (taken.has(DEFINITIONS_SHEET))
    throw new Error(
      `工作簿中已有“${DEFINITIONS_SHEET}”工作表，未插入（不会覆盖）。要重新插入，请先把原表改名或删除。`
    );
  const values = definitionsSheetGrid(definitions);
  const plan = valuesPlan({ sheet: { name: DEFINITIONS_SHEET, values }, boldRows: [0] }, taken);
  return [{ ...plan, freezeRows: 1 }];
}

/**
 * The blank templates of these tables, followed — when they are not the built-ins and the workbook
 * has no `报表定义` sheet — by that sheet holding them, protected without a password, as
 * `bureau-stats template` writes them: a unit's copy is then checked by the bureau's tables.
 */
export function templatesPlans(
  year: number,
  takenNames: Iterable<string>,
  definitions: readonly TableDefinition[] = BUILTIN_DEFINITIONS
): SheetPlan[] {
  const taken = [...takenNames];
  const plans = templatePlans(year, taken, definitions);
  if (isBuiltinSet(definitions) || taken.some((n) => n.trim() === DEFINITIONS_SHEET)) return plans;
  const own = definitionsPlans(definitions, [...taken, ...plans.map((p) => p.name)]);
  return [...plans, ...own.map((p) => ({ ...p, protect: true }))];
}
