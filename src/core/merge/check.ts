/**
 * The check of the merged tables, each issue pointed back at the units' own cells (and marked
 * when a unit's own check already reports it).
 */
import type { Issue } from "../issues";
import { issueMessage } from "../messages";
import { a1, parseA1, type WorkbookModel } from "../model";
import { resolveSettings } from "../settings";
import type { CompiledDefinition } from "../definitions";
import { validateWorkbook } from "../validate";
import type { ExtractedUnit } from "./extract";
import type { MergedRow, MergedTable, MergeOptions, SourceRef, SourcedIssue } from "./types";
import { baseName, unitColumn } from "./units";
import { rowPlace, sheetPlace } from "../place";

/** The merged row a cell of a merged sheet is on. */
function rowOf(m: MergedTable, cell: string): MergedRow | undefined {
  const at = parseA1(cell);
  const index = at?.row === undefined ? -1 : at.row - m.headerRow - 1;
  return index >= 0 ? m.rows[index] : undefined;
}

/**
 * In a table without a unit column, two rows of different units that read the same (the same
 * programme, the same amount) are no duplicate: a unit's own are reported by its own check.
 */
function acrossUnits(m: MergedTable, row: MergedRow, i: Issue): boolean {
  if (i.code !== "duplicate-row" || unitColumn(m.definition) >= 0) return false;
  if (typeof i.params?.other !== "string") return false;
  const other = rowOf(m, i.params.other);
  return other !== undefined && other.sources[0]?.unit !== row.sources[0]?.unit;
}

/** The units' cells of an issue at a merged row. */
function unitCells(row: MergedRow, cell: string): SourceRef[] {
  const whole = /^\d+:\d+$/.test(cell);
  const col = whole ? undefined : parseA1(cell)?.col;
  return row.sources.map((s) => {
    const c = col === undefined ? -1 : (s.colOf[col] ?? -1);
    return {
      file: s.file,
      unit: s.unit,
      sheet: s.sheet,
      cell: c >= 0 ? a1(s.row, c) : whole ? `${s.row + 1}:${s.row + 1}` : s.range,
    };
  });
}

/** Validates the merged tables and points each issue at the units' own cells. */
export function sourcedIssues(
  workbook: WorkbookModel,
  tables: readonly MergedTable[],
  units: readonly ExtractedUnit[],
  definitions: readonly CompiledDefinition[],
  year: number | undefined,
  opts: MergeOptions
): SourcedIssue[] {
  if (tables.length === 0) return [];
  const checked = validateWorkbook(workbook, {
    definitions,
    ...(year === undefined ? {} : { year }),
    settings: resolveSettings(opts.settings),
  });
  const key = (file: string, sheet: string, cell: string, i: Issue): string =>
    `${file}\u0000${sheet}\u0000${cell}\u0000${i.rule}\u0000${i.code}`;
  const own = new Set(units.flatMap((u) => u.issues.map((i) => key(u.file, i.sheet, i.cell, i))));
  const bySheet = new Map(tables.map((m) => [m.sheet, m]));
  const out: SourcedIssue[] = [];
  for (const i of checked.issues) {
    const m = bySheet.get(i.sheet);
    const row = m ? rowOf(m, i.cell) : undefined;
    if (m && row && acrossUnits(m, row, i)) continue;
    let sources = row ? unitCells(row, i.cell) : [];
    const known = (s: SourceRef): boolean => own.has(key(s.file, s.sheet, s.cell, i));
    // a row combined from several units: point at the units whose own rows break the same rule
    const owners = sources.filter(known);
    if (sources.length > 1 && owners.length > 0) sources = owners;
    out.push({
      ...i,
      place: sheetPlace(i, workbook, definitions),
      sources,
      alsoInUnit: sources.length > 0 && sources.every(known),
    });
  }
  return out;
}

/**
 * An issue of a merged table in words, with where it comes from: each unit's file and the row
 * in it, in words (the addresses are in `sources`).
 * @example sourcedMessage(issue) // "“发展预备党员”为2，…两者不等。请检查这三个数。（来源：05 昆山市葛江中学.xlsx，表1 党员发展 2013 第4行）"
 */
export function sourcedMessage(i: SourcedIssue): string {
  const where = i.sources
    .map((s) => `${baseName(s.file)}，${rowPlace(s.sheet, s.cell)}`)
    .join("；");
  return where === "" ? issueMessage(i) : `${issueMessage(i)}（来源：${where}）`;
}
