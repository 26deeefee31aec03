/**
 * One unit file: validated with the bureau's definitions, its template tables found, and the
 * rows kept (raw cells by definition column, plus the numbers as read) — so the file's model can be
 * released as soon as this returns.
 */
import { a1, type CellValue, type WorkbookModel } from "../model";
import { detectTableOnce } from "../detect/once";
import { validateWorkbook } from "../validate";
import type { CompiledDefinition } from "../definitions";
import { sheetPlace } from "../place";
import type { MergeOptions, MergeProblem, PlacedIssue, UnitTable } from "./types";
import { fileStem, frameUnit, unitColumn, unitKey } from "./units";

/** A data row of a unit's table, kept for the merge. */
export interface KeptRow {
  readonly row: number;
  readonly values: readonly CellValue[];
  readonly formats: ReadonlyArray<string | undefined>;
  /** Numbers as read, by definition column (counts as is, money in fen); NaN when blank/invalid. */
  readonly numbers: Float64Array;
  /** Text as read, by definition column ('' when blank). */
  readonly text: readonly string[];
  /** Cells written as text that were read as numbers (`36人`, `'36`, `３６`): kept as numbers. */
  readonly fromText: ReadonlyArray<{ readonly col: number; readonly text: string }>;
}

/** Column types whose text cells read as numbers are merged as numbers. */
const NUMERIC = new Set(["count", "money", "decimal"]);

/**
 * A number as read in its column's natural scale (money is read in fen).
 * @example naturalNumber("money", 12345) // 123.45
 */
export function naturalNumber(type: string | undefined, n: number): number {
  return type === "money" ? n / 100 : n;
}

export interface KeptTable {
  readonly definition: CompiledDefinition;
  readonly sheet: string;
  readonly year: number | undefined;
  readonly colOf: readonly number[];
  readonly range: readonly [first: number, last: number];
  readonly rows: readonly KeptRow[];
  /** Header cells that are no column of the bureau's template (not merged). */
  readonly extra: readonly string[];
}

export interface ExtractedUnit {
  readonly file: string;
  readonly unit: string;
  /** The unit's name was not written in the file: taken from its file name. */
  readonly unitFromFileName: boolean;
  readonly tables: readonly KeptTable[];
  readonly found: readonly UnitTable[];
  readonly issues: readonly PlacedIssue[];
  /** Problems about this file alone (columns, rows naming another unit …). */
  readonly problems: readonly MergeProblem[];
}

/**
 * A copy that shares no string with the workbook read: a cell's text may be a slice of its
 * sheet's XML, which would keep the whole file in memory while the merge goes on.
 */
function detach<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** Reads what the merge needs from one unit workbook. */
export function extractUnit(
  file: string,
  wb: WorkbookModel,
  definitions: readonly CompiledDefinition[],
  opts: Pick<MergeOptions, "year" | "settings">
): ExtractedUnit {
  // A file holding none of the chosen year's tables is still read for what it holds (so that it is
  // reported as another year's, not as holding no table): the year is asked for only when present.
  const detected = (wb.sheets ?? []).map((sheet) =>
    sheet && Array.isArray(sheet.values) ? detectTableOnce(sheet, definitions) : undefined
  );
  const years = new Set(detected.flatMap((d) => (d ? [d.year] : [])));
  const askYear = opts.year !== undefined && (years.has(opts.year) || years.has(undefined));
  const checked = validateWorkbook(wb, {
    definitions,
    ...(askYear ? { year: opts.year } : {}),
    ...(opts.settings === undefined ? {} : { settings: opts.settings }),
  });
  const tables: KeptTable[] = [];
  const found: UnitTable[] = [];
  const problems: MergeProblem[] = [];
  let unit: string | undefined;
  const rowNames: string[] = [];
  for (const [i, sheet] of (wb.sheets ?? []).entries()) {
    const d = detected[i];
    if (!d) continue;
    const data = checked.tables.find((t) => t.sheet === sheet.name);
    if (!data) continue;
    const t = d.definition;
    unit ??= frameUnit(sheet, d.headerRow);
    const colOf = Array.from(d.colOf);
    const mapped = colOf.filter((c) => c >= 0);
    const first = mapped.length > 0 ? Math.min(...mapped) : 0;
    const last = mapped.length > 0 ? Math.max(...mapped) : 0;
    const rows: KeptRow[] = [];
    const uc = unitColumn(t);
    for (const rec of data.records) {
      const src = sheet.values[rec.row] ?? [];
      const fmts = sheet.formats?.[rec.row];
      const values: CellValue[] = [];
      const formats: Array<string | undefined> = [];
      const numbers = new Float64Array(t.columns.length).fill(NaN);
      const text: string[] = [];
      const fromText: Array<{ col: number; text: string }> = [];
      t.columns.forEach((c, k) => {
        const col = colOf[k] ?? -1;
        const raw = col >= 0 ? src[col] : null;
        const n = rec.numbers[c.header];
        // a number written as text, read leniently as 校验 reads it: merged as the number
        if (typeof raw === "string" && n !== undefined && NUMERIC.has(c.type)) {
          values.push(naturalNumber(c.type, n));
          fromText.push({ col: k, text: raw });
        } else values.push(raw);
        formats.push(col >= 0 ? fmts?.[col] : undefined);
        if (n !== undefined) numbers[k] = n;
        text.push(rec.text[c.header] ?? "");
      });
      if (uc >= 0 && text[uc]) rowNames.push(text[uc] as string);
      rows.push({
        row: rec.row,
        values: detach(values),
        formats: formats.map((f) => (f === undefined ? f : detach(f))),
        numbers,
        text: detach(text),
        fromText: detach(fromText),
      });
    }
    tables.push({
      definition: t,
      sheet: detach(sheet.name),
      year: d.year,
      colOf,
      range: [first, last],
      rows,
      extra: detach(d.unknown.map((u) => u.text.trim())),
    });
    found.push({
      template: t.def.id,
      label: t.def.label,
      sheet: sheet.name,
      year: d.year,
      rows: rows.length,
    });
  }

  // whose file: its 填报单位, else the one name its rows carry, else its file name
  const names = new Set(rowNames.map(unitKey));
  const fromRows = names.size === 1 ? rowNames[0] : undefined;
  const name = unit ?? fromRows ?? fileStem(file);
  const unitFromFileName = unit === undefined && fromRows === undefined;

  for (const k of tables) problems.push(...tableProblems(file, name, k));
  return {
    file,
    unit: detach(name),
    unitFromFileName,
    tables,
    found: detach(found),
    issues: detach(checked.issues.map((i) => ({ ...i, place: sheetPlace(i, wb, definitions) }))),
    problems: detach(problems),
  };
}

/** Columns in another order, extra or missing columns, rows naming another unit. */
function tableProblems(file: string, unit: string, k: KeptTable): MergeProblem[] {
  const out: MergeProblem[] = [];
  const t = k.definition;
  const at = { unit, file, sheet: k.sheet, place: k.sheet };
  const present = t.columns.flatMap((c, i) =>
    (k.colOf[i] ?? -1) >= 0 ? [{ c, col: k.colOf[i] as number }] : []
  );
  const inSheetOrder = [...present].sort((a, b) => a.col - b.col);
  if (inSheetOrder.some((p, i) => p !== present[i])) {
    out.push({
      code: "column-order",
      severity: "warning",
      ...at,
      message: `${t.def.label}的列顺序与模板不同（${inSheetOrder.map((p) => p.c.header).join("、")}），已按表头合并`,
    });
  }
  if (k.extra.length > 0) {
    out.push({
      code: "extra-column",
      severity: "warning",
      ...at,
      message: `${t.def.label}多出列 ${k.extra.join("、")}（局里的模板没有），未合并`,
    });
  }
  const missingOptional = t.columns.filter((c, i) => !c.required && (k.colOf[i] ?? -1) < 0);
  if (missingOptional.length > 0) {
    out.push({
      code: "missing-column",
      severity: "warning",
      ...at,
      message: `${t.def.label}缺少列 ${missingOptional.map((c) => c.header).join("、")}（与局里的模板不同），汇总时按空白处理`,
    });
  }
  const uc = unitColumn(t);
  if (uc >= 0) {
    const own = unitKey(unit);
    for (const r of k.rows) {
      const name = r.text[uc];
      if (!name || unitKey(name) === own) continue;
      out.push({
        code: "other-unit-row",
        severity: "warning",
        ...at,
        cell: a1(r.row, k.colOf[uc] as number),
        place: `${k.sheet} 第${r.row + 1}行（${name}）`,
        message: `${t.def.label}第${r.row + 1}行的${t.columns[uc]?.header ?? ""}是“${name}”，不是本单位（${unit}）：请核实是否填错或重复上报`,
      });
    }
  }
  return out;
}
