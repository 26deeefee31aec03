/**
 * Table detection done once per sheet: validation, the years of a workbook, an issue's place and
 * the merge all ask which table a sheet holds; the first asks `detectTable`, the others get the
 * same answer. Models are read-only once a host has built them (a new read builds new ones), so
 * the answer is kept beside the sheet (a WeakMap: it goes with the sheet) for each set of
 * definitions, and recomputed if the sheet's grid was replaced.
 */
import type { SheetModel } from "../model";
import type { CompiledDefinition } from "../definitions";
import { detectTable, type DetectedTable } from "./table";

interface Detection {
  /** The grid the answers were computed from. */
  readonly values: SheetModel["values"];
  readonly byDefinitions: WeakMap<readonly CompiledDefinition[], DetectedTable | null>;
}

const detections = new WeakMap<SheetModel, Detection>();

/**
 * The table a sheet holds among `definitions` (see `detectTable`), computed once per sheet and set
 * of definitions.
 * @example detectTableOnce(sheet, COMPILED_BUILTINS) === detectTableOnce(sheet, COMPILED_BUILTINS) // true
 */
export function detectTableOnce(
  sheet: SheetModel,
  definitions: readonly CompiledDefinition[]
): DetectedTable | undefined {
  let known = detections.get(sheet);
  if (known?.values !== sheet.values) {
    known = { values: sheet.values, byDefinitions: new WeakMap() };
    detections.set(sheet, known);
  }
  const found = known.byDefinitions.get(definitions);
  if (found !== undefined) return found ?? undefined;
  const d = detectTable(sheet, definitions);
  known.byDefinitions.set(definitions, d ?? null);
  return d;
}
