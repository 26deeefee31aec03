/**
 * The issue model, shaped like zod's: a flat list of issues, each tagged by the rule that found
 * it (`rule`, e.g. `T1-01`, `G-02`) and a finer `code` (what exactly is wrong), with where it is
 * and the values involved. The Chinese message is NOT stored by the rules: `messages.ts` makes it
 * from the issue, so wording can change (or be localised) without touching a rule.
 */

export type Severity = "error" | "warning";

/** A table's id: `T1` … `T4` for the built-ins, or a bureau's own (template definitions are data). */
export type TemplateId = string;

/** A value as it can be shown to the user: what was found, or what was expected. */
export type IssueValue = string | number | boolean | null;

export interface Issue {
  /** Rule id from SPEC §1: `T1-01` … `T4-03`, `G-01` … `G-05`. */
  readonly rule: string;
  /** What exactly is wrong, e.g. `required-blank`, `not-a-number`, `lenient-unit-suffix`, `sum-mismatch`. */
  readonly code: string;
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
  /** A warning on a row whose 备注 is filled counts as explained (shown as such, never hidden). */
  readonly explained: boolean;
  /** Extra named values the message needs (e.g. `{ other: 'D12', threshold: 50 }`). */
  readonly params?: Readonly<Record<string, IssueValue>>;
}
