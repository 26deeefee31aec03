/**
 * The issue model, shaped like zod's: a flat list of issues, each tagged by the rule that found
 * it (`rule`, e.g. `T1-01`, `G-02`) and a finer `code` (what exactly is wrong), with where it is
 * and the values involved. The Chinese message is NOT stored by the rules: `messages.ts` makes it
 * from the issue, so wording can change (or be localised) without touching a rule.
 */

export type Severity = "error" | "warning";

/** A table's id: `T1` … `T4` for the built-ins, or a bureau's own (table definitions are data). */
export type TableId = string;

/** A value as it can be shown to the user: what was found, or what was expected. */
export type IssueValue = string | number | boolean | null;

/** What every issue has, whatever its code. */
interface IssueBase {
  /** Rule code (docs/rules.md): `T1-01` … `T4-03`, `G-01` … `G-11`, or a bureau's own rule's id. */
  readonly rule: string;
  readonly severity: Severity;
  /** Sheet name as on its tab. */
  readonly sheet: string;
  /**
   * Where: an A1 cell (`C7`), a whole row (`7:7`) or a whole column (`C:C`), or, for issues about a
   * whole sheet or workbook, the header row of the sheet.
   */
  readonly cell: string;
  /** The header of the column concerned, when there is one (e.g. `发展预备党员`). */
  readonly column?: string;
  /** The value found (as shown to the user; for lenient reads, the raw text). */
  readonly value?: IssueValue;
  /** The value expected or suggested, when there is one. */
  readonly expected?: IssueValue;
  /**
   * A warning on a row whose 备注 is filled counts as explained (shown as such, never hidden),
   * when a 备注 can explain it (`explainable`).
   */
  readonly explained: boolean;
}

/** The extra named values of any issue, read without knowing its code. */
export type IssueParams = Readonly<Record<string, IssueValue>>;

/** No extra named values needed (the message names none). */
type NoParams = IssueParams;

/** The leniencies of a number cell (one message, its fixes from the `lenient` bits). */
export type LenientNumberCode =
  | "lenient-wan"
  | "lenient-unit-suffix"
  | "lenient-thousands"
  | "lenient-fullwidth"
  | "lenient-spaces"
  | "lenient-text-number";

/** The other leniencies (a listed value, a date, a rate read leniently). */
export type LenientOtherCode =
  | "lenient-enum"
  | "lenient-date-text"
  | "lenient-date-number"
  | "lenient-percent-number"
  | "lenient-percent-fraction";

/** Why a cell cannot be read (G-02). */
export type UnreadableCode =
  | "not-a-number"
  | "not-integer"
  | "below-min"
  | "too-many-decimals"
  | "too-large"
  | "wrong-type"
  | "excel-error"
  | "formula-without-value"
  | "not-in-list"
  | "not-a-date";

/** What a column's reader reports about a cell: a leniency (a warning) or why it is unreadable. */
export type ReadCode = LenientNumberCode | LenientOtherCode | UnreadableCode;

/** The `params` of each code of the checks over years (compare/series-checks.ts), values written with their unit. */
export type SeriesIssueParams = {
  readonly "series-decrease": {
    readonly label: string;
    readonly previousYear: number;
    readonly previous: string;
    readonly value: string;
    readonly change: string;
  };
  readonly "series-jump": {
    readonly label: string;
    readonly previousYear: number;
    readonly previous: string;
    readonly value: string;
    readonly direction: string;
    readonly change: string;
    readonly median: string;
    readonly factor: number;
  };
  readonly "series-year-missing": { readonly label: string };
  readonly "series-year-blank": { readonly label: string };
  readonly "series-year-twice": { readonly label: string; readonly values: string };
  /** A table absent from the workbook in some years of the series: one issue for all its figures. */
  readonly "series-table-missing": { readonly table: string; readonly years: string };
};

export type SeriesIssueCode = keyof SeriesIssueParams;

/** The `params` of each generic code (the checks built into the core, G-01 … G-11). */
export type GenericParams = {
  readonly "missing-header": NoParams;
  readonly "unknown-column": NoParams;
  readonly "duplicate-header": { readonly other: string };
  readonly "required-blank": NoParams;
  readonly "duplicate-value": { readonly other: string };
  readonly "total-mismatch": NoParams;
  readonly "total-blank": NoParams;
  readonly "no-total-row": NoParams;
  readonly "sum-too-large": NoParams;
  readonly "rate-out-of-range": NoParams;
  readonly "duplicate-row": { readonly other: string };
  readonly "empty-table": NoParams;
  readonly "duplicate-table": { readonly other: string; readonly year: string };
  /** `duplicate-table` of the command line's several files (the files named). */
  readonly "duplicate-table-files": {
    readonly other: string;
    readonly year: string;
    readonly file: string;
    readonly same: string;
  };
  readonly "large-change": {
    readonly pct: number;
    readonly direction: string;
    readonly threshold: number;
    readonly previousYear: number;
    readonly group?: string;
  };
  readonly "unit-changed": { readonly previousYear: number; readonly group: string };
} & {
  /** The checks over years (G-09 … G-11, with `since`): `year` is the year the issue is about. */
  readonly [C in SeriesIssueCode]: SeriesIssueParams[C] & { readonly year: number };
} & { readonly [C in UnreadableCode]: NoParams } & {
  readonly [C in LenientNumberCode | LenientOtherCode]: { readonly lenient: number };
};

/** A code of the checks built into the core: its params are known, its message is in messages.ts. */
export type GenericCode = keyof GenericParams;

/**
 * An issue of a generic check, its `params` typed by its `code`: the values its message needs
 * are required and typed; any other name reads as an `IssueValue` (so code that does not know the
 * code, like a list of issues, reads params by name).
 */
export type GenericIssue = {
  readonly [C in GenericCode]: IssueBase & {
    readonly code: C;
    readonly params?: GenericParams[C] & IssueParams;
  };
}[GenericCode];

/**
 * An issue of a table's own rule (`T1-01`, a bureau's `X-03` …). Rule codes and their messages are
 * data (the table definitions), so the code is any string at run time; the params are the values
 * the rule's message may name: the cells it compares by header, the settings it uses, or those
 * of its named check (`year` of datesInYear, `numerator`/`denominator` of rateMatchesCounts,
 * `other`/`group` of the checks across tables).
 */
export interface RuleIssue extends IssueBase {
  readonly code: string;
  readonly params?: Readonly<Record<string, IssueValue>>;
  /**
   * The rule's message as its definition words it (`{value}` … filled by `issueMessage`): carried
   * by the issue, so two sets of definitions in one process (the built-ins, then a bureau's file
   * that rewords T1-01) or an issue made in a worker never read another set's wording.
   */
  readonly messageWording?: string;
}

/** What an issue of a table's own rule is made from: the rule's definition. */
export interface RuleRef {
  readonly id: string;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
}

/**
 * One issue. `code` says what exactly is wrong, e.g. `required-blank`, `not-a-number`,
 * `lenient-unit-suffix`, or a rule's own code such as `developed-split`.
 */
export type Issue = GenericIssue | RuleIssue;

/** The generic checks whose warnings are about a data row's values, which a 备注 can explain. */
const EXPLAINABLE_CODES: ReadonlySet<string> = new Set([
  "duplicate-row",
  "large-change",
  "unit-changed",
  "series-jump",
]);

/**
 * Whether a 备注 can explain a warning: one of a table's own rules (a plausibility rule, built-in
 * or a bureau's: its issue carries the rule's wording) or a generic check about a data row's
 * values (a duplicate row, a large change, a unit changed, a jump over the years). A header, a number format, a 合计 or a
 * cell read leniently is fixed, not explained.
 * @example explainable({ code: "duplicate-row" }) // true
 * @example explainable({ code: "hours-high", messageWording: "“人均学时”{value}超过200。请核实学时数。" }) // true
 * @example explainable({ code: "lenient-unit-suffix" }) // false
 */
export function explainable(issue: {
  readonly code: string;
  readonly messageWording?: string;
}): boolean {
  return issue.messageWording !== undefined || EXPLAINABLE_CODES.has(issue.code);
}
