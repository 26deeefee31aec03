/**
 * What the merge keeps of each file it is given: the file's rows and report (its model is
 * released), or why it could not be read. A file is told about at once with a `UnitPreview`.
 */
import type { Notice } from "../notices";
import type { WorkbookModel } from "../model";
import type { CompiledDefinition } from "../definitions";
import {
  definitionDifferences,
  definitionsSheetOf,
  readDefinitionsSheet,
  withoutDefinitionsSheet,
} from "../definitions/sheet";
import { extractUnit, type ExtractedUnit } from "./extract";
import { SOURCES_SHEET } from "./sources";
import type { MergeOptions, UnitTable } from "./types";
import { baseName } from "./units";

/** A file as the merge keeps it, in the order it was added. */
export type Entry =
  | {
      readonly kind: "read";
      readonly order: number;
      readonly x: ExtractedUnit;
      /** How the unit's own 报表定义 differs from the definitions in force (never applied). */
      readonly ownDefinitions?: Notice;
    }
  | {
      readonly kind: "unreadable";
      readonly order: number;
      readonly file: string;
      readonly reason: string;
      readonly detail?: string;
    };

/** An entry that was read. */
export type ReadEntry = Extract<Entry, { kind: "read" }>;

/** What adding a file tells at once (the final status comes when the merge is finished). */
export interface UnitPreview {
  readonly file: string;
  readonly unit: string | undefined;
  readonly read: boolean;
  readonly reason?: string;
  /** The reader's technical account of why (which part, which record), for a details line. */
  readonly detail?: string;
  readonly tables: readonly UnitTable[];
  readonly errors: number;
  readonly warnings: number;
}

/**
 * What a unit's own `报表定义` sheet says against the definitions in force: undefined when it has
 * none or the same, else a notice naming the differences (or the sheet's wrong entry).
 */
function carriedDefinitions(
  file: string,
  wb: WorkbookModel,
  definitions: readonly CompiledDefinition[]
): Notice | undefined {
  const sheet = definitionsSheetOf(wb);
  if (!sheet) return undefined;
  const workbook = baseName(file);
  try {
    const differences = definitionDifferences(
      readDefinitionsSheet(sheet).map((t) => t.def),
      definitions.map((t) => t.def)
    );
    return differences.length === 0
      ? undefined
      : { code: "carried-definitions-differ", workbook, differences };
  } catch (e) {
    const problem = e instanceof Error ? e.message : String(e);
    return { code: "carried-definitions-wrong", workbook, problem };
  }
}

/**
 * The entry of a file that could not be read (corrupt, password-protected, not .xlsx …).
 * @example unreadableEntry(0, "a.xlsx", "文件已损坏").kind // "unreadable"
 */
export function unreadableEntry(
  order: number,
  file: string,
  reason: string,
  detail?: string
): Entry {
  return { kind: "unreadable", order, file, reason, ...(detail === undefined ? {} : { detail }) };
}

/**
 * The entry of a unit's workbook: its tables and rows kept, checked with the definitions in
 * force. A merged workbook given back as a unit's file is refused (it would count every unit
 * twice); a unit's own 报表定义 is compared, reported, never applied, and is no table.
 */
export function readEntry(
  order: number,
  file: string,
  wb: WorkbookModel,
  definitions: readonly CompiledDefinition[],
  opts: MergeOptions
): Entry {
  if (wb.sheets?.some((sh) => sh?.name === SOURCES_SHEET))
    return unreadableEntry(
      order,
      file,
      `这是汇总结果文件（有“${SOURCES_SHEET}”表），不是单位上报的文件。请只选各单位上报的文件。`
    );
  const ownDefinitions = carriedDefinitions(file, wb, definitions);
  const x = extractUnit(file, withoutDefinitionsSheet(wb), definitions, opts);
  return { kind: "read", order, x, ...(ownDefinitions === undefined ? {} : { ownDefinitions }) };
}

/** How many of the issues are errors. */
export function errorCount(issues: ReadonlyArray<{ readonly severity: string }>): number {
  return issues.filter((i) => i.severity === "error").length;
}

/** What an entry tells as soon as it is added. */
export function previewOf(e: Entry): UnitPreview {
  if (e.kind === "unreadable")
    return {
      file: e.file,
      unit: undefined,
      read: false,
      reason: e.reason,
      ...(e.detail === undefined ? {} : { detail: e.detail }),
      tables: [],
      errors: 0,
      warnings: 0,
    };
  const errors = errorCount(e.x.issues);
  return {
    file: e.x.file,
    unit: e.x.unit,
    read: true,
    tables: e.x.found,
    errors,
    warnings: e.x.issues.length - errors,
  };
}

/** The file an entry is for. */
export function entryFile(e: Entry): string {
  return e.kind === "read" ? e.x.file : e.file;
}
