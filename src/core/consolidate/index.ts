// 汇总 (issue 14, SPEC §6): merging the units' workbooks into the bureau's tables.
export { Consolidator, consolidate, sourcedMessage, SOURCES_SHEET } from "./consolidate";
export type { UnitPreview } from "./consolidate";
export {
  unitListFromSheet,
  unitListFromText,
  unitKey,
  compareUnitNames,
  frameUnit,
  unitColumn,
  fileStem,
  baseName,
} from "./units";
export type * from "./types";
export { plainOutcome } from "./plain";
export type { PlainOutcome, PlainUnit, PlainIssue, PlainSheet } from "./plain";
