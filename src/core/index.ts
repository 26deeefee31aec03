// Public API of the core (pure TypeScript: runs in Node and the browser).
export * from "./model";
export * from "./issues";
export * from "./figures";
export * from "./settings";
export { FIRST_YEAR, LAST_YEAR, YEAR_RANGE_TEXT, isStatYear, parseStatYear } from "./years";
export { validateWorkbook, workbookYears, quoteSheet } from "./validate";
export { LIST_SOURCE_MAX_CHARS, LISTS_SHEET } from "./sheet-names";
export type { ValidationResult, ValidateOptions, YearSummary } from "./validate";
export { issueMessage, issueLocation, describeAddress, splitMessage } from "./messages";
export {
  BUILTIN_DEFINITIONS,
  FRAME_LABELS,
  TOTAL_LABEL,
  hasTotalRow,
  totalled,
  definitionById,
  loadDefinitions,
  COMPILED_BUILTINS,
} from "./definitions";
export type {
  TableDefinition,
  ColumnDefinition,
  RuleDefinition,
  ColumnType,
  CompiledDefinition,
} from "./definitions";
export { normaliseHeader } from "./read/normalise";
export {
  isDateFormat,
  isPercentFormat,
  formatSerial,
  ymdToSerial,
  serialToYmd,
} from "./read/dates";
export { formatFen, formatTenthsPct } from "./read/numbers";
// Year-on-year comparison (同比; wording in docs/wording.md)
export {
  compareTables,
  comparisonText,
  UNVERIFIED_MARK,
  figureLabel,
  naturalValue,
  orderTables,
  yoyChange,
  changeWording,
  yearNote,
  yearLabel,
  formatValue,
  formatCount,
  formatMoney,
  formatRate,
  approximateWhole,
  roundHalfUp,
  formatScaled,
  runWording,
  seriesIssueMessage,
} from "./compare";
export { SERIES_RULES } from "./validate/over-years";
export type {
  Comparison,
  CompareOptions,
  FigureSeries,
  SeriesGapReason,
  YoyChange,
  ChangeDirection,
  ChangeFormat,
  YearNoteFormat,
  NumberStyle,
  MoneyUnit,
  ValueFormat,
} from "./compare";
// Drafted report paragraphs (docs/wording.md)
export { draftReport, chineseNumeral, hasUnfilled, parsePhrase, DEFAULT_PHRASES } from "./draft";
export { applyEdits, splitDraft, lineLevel } from "./render";
export type { DraftLine, TextFigure } from "./render";
// The 数据来源 appendix in words (the .docx table; the pane may show the same)
export {
  cellsText,
  unverifiedText,
  paragraphPlace,
  placedFigures,
  sourceRows,
} from "./render/sources";
export type { SourceRow } from "./render/sources";
export { doubtReasons, doubtReason, placeWords } from "./render/doubts";
export { relocateFigures, placeFigures } from "./render/relocate";
export type { PlacedFigure, RelocatedFigures } from "./render/relocate";
export type {
  Draft,
  DraftOptions,
  UnverifiedFigure,
  DraftParagraph,
  HeadingStyle,
  SheetPhrases,
  PhraseSentence,
  PhraseClause,
  PhraseList,
  RatesPhrase,
  ProgrammePhrases,
  DraftFigure,
  DraftFigureKind,
  FigureCells,
} from "./draft";
// Word-ready output (HTML and .docx, docs/wording.md); the .docx renderer is a separate entry
// loaded on demand: `const { renderDocx } = await import("./render/docx")`.
export {
  renderText,
  textFigures,
  renderHtml,
  escapeHtml,
  toChinesePunctuation,
  indentLine,
  REPORT_STYLE,
  TEXT_INDENT,
} from "./render";
// The whole core path: validate → compare → draft (what the command line and the pane run)
export { analyzeWorkbook, definitionsInForce, reportFrom, tableRange } from "./analyze";
export { fenNotices, noticeText } from "./notices";
export { checkWorkbooks, chooseDefinitions, definitionsInvalid } from "./app/check";
export type {
  CheckOutcome,
  CheckCode,
  CheckOptions,
  WorkbookInput,
  DefinitionsInput,
} from "./app/check";
export {
  checkProblemLines,
  checkProblemText,
  headerRowText,
  noTablesLines,
} from "./app/check-text";
// A first definition drafted from a bureau's own sheets (`bureau-stats definitions draft`)
export { draftDefinitions, draftReportLines } from "./definitions/draft";
export type {
  DefinitionsDraft,
  DefinitionsDraftReport,
  DraftedTableReport,
  DraftedSheet,
} from "./definitions/draft";
export { fileName, inCheckOrder } from "./app/files";
export type { Notice, NoticeCode } from "./notices";
export type { Analysis, AnalyzeOptions, DefinitionsInForce, Verdict } from "./analyze";
export {
  DEFINITIONS_SHEET,
  DefinitionsError,
  DefinitionsSheetError,
  definitionDifferences,
  definitionsSheetGrid,
  definitionsSheetOf,
  isBuiltinSet,
  readDefinitionsSheet,
  withoutDefinitionsSheet,
} from "./definitions/sheet";
export { parseDefinitionsJson, problemCount } from "./definitions";
// Where an issue is, in words and on the sheet (the pane's list, the browser page's preview, the CLI)
export {
  issuePlace,
  placeInWords,
  sheetPlace,
  rowPlace,
  ruleExplanation,
  recordUnit,
} from "./place";
export type { IssuePlace, SheetLayout } from "./place";
// Merging the units' workbooks into the bureau's (汇总; the pane runs it in a worker)
export {
  UnitMerge,
  sourcedMessage,
  plainOutcome,
  baseName,
  unitListFromSheet,
  unitListFromText,
  unitRows,
  wholeProblems,
  toldByMergeFilter,
  problemPlace,
  deliverBlock,
  UNIT_STATE_TEXT,
} from "./merge";
export type {
  MergeResult,
  MergeProblem,
  UnitReport,
  UnitPreview,
  PlainOutcome,
  UnitRow,
  RowProblem,
  UnitState,
} from "./merge";
// The 汇总 use case, the same for the command line and the pane
export { openMerge, mergeUnits, MergeSession } from "./app/merge";
export type {
  MergeOutcome,
  MergeFinished,
  MergeRefusal,
  MergeInput,
  UnitListInput,
  UnitFileInput,
} from "./app/merge";
