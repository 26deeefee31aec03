// 汇总: merging the units' workbooks into the bureau's tables.
export { UnitMerge, mergeWorkbooks } from "./merge";
export { sourcedMessage } from "./check";
export { SOURCES_SHEET } from "./sources";
export type { UnitPreview } from "./entries";
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
export {
  unitRows,
  wholeProblems,
  deliverBlock,
  toldByMergeFilter,
  problemPlace,
  UNIT_STATE_TEXT,
} from "./rows";
export type { UnitRow, RowProblem, UnitState } from "./rows";
