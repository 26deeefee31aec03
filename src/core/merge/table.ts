/**
 * One merged table: the units' rows stacked in the units' order, or — for a table of categories
 * (its unique key is a fixed choice, e.g. 渠道) — one row per category, the counts summed; then
 * the recomputed 合计 row (none over a column whose unit is on each row).
 */
import { a1, type CellValue } from "../model";
import { hasTotalRow, TOTAL_LABEL, totalled, type CompiledDefinition } from "../definitions";
import { naturalNumber, type ExtractedUnit, type KeptRow, type KeptTable } from "./extract";
import type { MergedRow, MergedTable, MergeProblem, RowSource } from "./types";

/** A unit's table taking part in a merged table. */
export interface TablePart {
  readonly x: ExtractedUnit;
  readonly k: KeptTable;
}

/** A unit's row taking part in a merged table. */
type RowPart = TablePart & { readonly r: KeptRow };

function sourceOf({ x, k, r }: RowPart): RowSource {
  return {
    file: x.file,
    unit: x.unit,
    sheet: k.sheet,
    row: r.row,
    colOf: k.colOf,
    range: `${a1(r.row, k.range[0])}:${a1(r.row, k.range[1])}`,
  };
}

function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  if (typeof a === "string" && typeof b === "string") return a.trim() === b.trim();
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Natural value of a number as read (money in fen → 元). */
function natural(t: CompiledDefinition, k: number, n: number): number {
  return naturalNumber(t.columns[k]?.type, n);
}

/** A number with at most 2 decimals, as shown in a message. */
function shown(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * One warning per unit cell written as text (`36人`) and merged as its number: the merged cell,
 * the unit and its own cell, the text and the number.
 */
function fromTextProblems(
  t: CompiledDefinition,
  sheet: string,
  headerRow: number,
  made: ReadonlyArray<{ row: MergedRow; parts: readonly RowPart[] }>
): MergeProblem[] {
  const out: MergeProblem[] = [];
  made.forEach(({ parts }, i) => {
    for (const { x, k, r } of parts)
      for (const { col, text } of r.fromText) {
        const c = t.columns[col];
        const n = natural(t, col, r.numbers[col] as number);
        const from = { sheet: k.sheet, cell: a1(r.row, k.colOf[col] as number) };
        const header = c?.header ?? "";
        out.push({
          code: "text-number",
          severity: "warning",
          unit: x.unit,
          file: x.file,
          sheet,
          cell: a1(headerRow + 1 + i, col),
          from,
          place: `${sheet} 第${headerRow + 2 + i}行（${x.unit}）“${header}”`,
          message: `${x.unit}填的是文字“${text.trim()}”（其文件“${from.sheet}”第${r.row + 1}行），已按数字${shown(n)}合并`,
        });
      }
  });
  return out;
}

/** The columns summed into the 合计 (and into a category's row). */
function summedColumns(t: CompiledDefinition): boolean[] {
  return t.columns.map((c) => c.type === "count" || c.type === "money");
}

/** A unit's row as it is. */
function stacked(p: RowPart): MergedRow {
  return { values: p.r.values, formats: p.r.formats, sources: [sourceOf(p)] };
}

/** The sum of a column over rows, or NaN when every one is blank. */
function columnSum(g: readonly RowPart[], c: number): number {
  let s = 0;
  let any = false;
  for (const { r } of g) {
    const v = r.numbers[c] as number;
    if (!Number.isNaN(v)) {
      s += v;
      any = true;
    }
  }
  return any ? s : NaN;
}

/** A column that is neither summed nor a remark: the first unit's value (a conflict is reported). */
function firstValue(
  t: CompiledDefinition,
  key: string,
  g: readonly RowPart[],
  c: number,
  problems: MergeProblem[]
): { value: CellValue; format: string | undefined } {
  const first = g.find(({ r }) => !isBlank(r.values[c]));
  const differ = g.filter(
    ({ r }) => !isBlank(r.values[c]) && !sameValue(r.values[c], first?.r.values[c])
  );
  if (first && differ.length > 0) {
    const each = [first, ...differ].map(({ x, r }) => `${x.unit}：${String(r.values[c])}`);
    problems.push({
      code: "value-conflict",
      severity: "warning",
      message: `${t.def.label}“${key}”的${t.columns[c]?.header ?? ""}各单位不同（${each.join("；")}），汇总取 ${String(first.r.values[c])}`,
    });
  }
  return { value: first ? first.r.values[c] : null, format: first?.r.formats[c] };
}

/** The one row of a category: counts summed, remarks joined, rates left to the check. */
function combinedRow(
  t: CompiledDefinition,
  key: string,
  g: readonly RowPart[],
  problems: MergeProblem[]
): { row: MergedRow; numbers: Float64Array } {
  const summed = summedColumns(t);
  const values: CellValue[] = [];
  const formats: Array<string | undefined> = [];
  const numbers = new Float64Array(t.columns.length).fill(NaN);
  for (let c = 0; c < t.columns.length; c++) {
    if (summed[c]) {
      numbers[c] = columnSum(g, c);
      values.push(Number.isNaN(numbers[c]) ? null : natural(t, c, numbers[c] as number));
      formats.push(g.find(({ r }) => r.formats[c] !== undefined)?.r.formats[c]);
    } else if (c === t.remark) {
      const notes = g
        .filter(({ r }) => !isBlank(r.values[c]))
        .map(({ x, r }) => `${x.unit}：${String(r.values[c]).trim()}`);
      values.push(notes.length > 0 ? notes.join("；") : null);
      formats.push(undefined);
    } else if (t.columns[c]?.type === "percent") {
      // rates are not summed: the 合计 of the counts gives them (a blank rate is computed)
      values.push(null);
      formats.push(undefined);
    } else {
      const v = firstValue(t, key, g, c, problems);
      values.push(v.value);
      formats.push(v.format);
    }
  }
  return { row: { values, formats, sources: g.map(sourceOf) }, numbers };
}

/** The rows of a category table: one per allowed key, then rows of no allowed key as they are. */
function categoryRows(
  t: CompiledDefinition,
  keyCol: number,
  parts: readonly TablePart[],
  problems: MergeProblem[]
): Array<{ row: MergedRow; numbers: Float64Array; parts: readonly RowPart[] }> {
  const allowed = t.columns[keyCol]?.allowed ?? [];
  const groups = new Map<string, RowPart[]>();
  const loose: RowPart[] = [];
  for (const { x, k } of parts)
    for (const r of k.rows) {
      const key = r.text[keyCol] ?? "";
      if (!allowed.includes(key)) loose.push({ x, k, r });
      else groups.set(key, [...(groups.get(key) ?? []), { x, k, r }]);
    }
  const out = allowed.flatMap((key) => {
    const g = groups.get(key);
    return g ? [{ ...combinedRow(t, key, g, problems), parts: g }] : [];
  });
  // rows whose key is no allowed value are kept as they are: the check reports them
  return [...out, ...loose.map((p) => ({ row: stacked(p), numbers: p.r.numbers, parts: [p] }))];
}

/**
 * The 合计 row of rows' numbers: none of a column whose unit is on each row (件 and 个 are not
 * added up), and no row at all when every count is one.
 */
function totalRow(t: CompiledDefinition, numbers: readonly Float64Array[]): CellValue[] {
  if (!hasTotalRow(t)) return [];
  const total: CellValue[] = t.columns.map((c, k) => {
    if (!totalled(c)) return null;
    const present = numbers.map((n) => n[k] as number).filter((v) => !Number.isNaN(v));
    return present.length > 0
      ? natural(
          t,
          k,
          present.reduce((a, b) => a + b, 0)
        )
      : null;
  });
  total[0] = TOTAL_LABEL;
  return total;
}

/** Merges the units' tables of one template. */
export function mergeTable(
  t: CompiledDefinition,
  year: number | undefined,
  parts: readonly TablePart[],
  problems: MergeProblem[]
): MergedTable {
  const keyCol = t.columns.findIndex((c) => c.unique === true);
  const combine = keyCol >= 0 && t.columns[keyCol]?.type === "enum";
  const made = combine
    ? categoryRows(t, keyCol, parts, problems)
    : parts.flatMap(({ x, k }) =>
        k.rows.map((r) => ({ row: stacked({ x, k, r }), numbers: r.numbers, parts: [{ x, k, r }] }))
      );
  const label = t.def.label;
  const sheet = year === undefined ? `${label} 汇总` : `${label} 汇总 ${year}`;
  const headerRow = 2;
  problems.push(...fromTextProblems(t, sheet, headerRow, made));
  return {
    definition: t,
    year: year ?? 0,
    sheet,
    headerRow,
    rows: made.map((m) => m.row),
    total: totalRow(
      t,
      made.map((m) => m.numbers)
    ),
    ...(combine ? { combinedBy: t.columns[keyCol]?.header ?? "" } : {}),
  };
}
