/**
 * The zod schema of a template definition. Templates are data (see `definitions.ts`); this schema
 * checks them when they are loaded, so a mistyped header, rule or figure fails at start-up with a
 * clear message instead of silently checking nothing.
 */
// zod/mini: the same schemas, tree-shakable (≈5 KB gzip instead of ≈90 KB in the task pane bundle)
import * as z from "zod/mini";

/** Column value types (SPEC §1). */
export const COLUMN_TYPES = [
  "text",
  "enum",
  "count",
  "decimal",
  "money",
  "date",
  "percent",
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** Named checks: rules that are not a row expression. */
export const NAMED_CHECKS = [
  /** Each listed date column must lie in the table's 统计年度 (T2-02). */
  "datesInYear",
  /** A filled percent column must equal its ratio column's counts, within 0.1 pp; 0–100% (T4-03). */
  "rateMatchesCounts",
  /** A figure of this year must not be above a figure of last year (T1-04, T3-03). */
  "notAbovePrevious",
  /** A figure must equal a figure of another template of the same year (T2-04). */
  "equalsFigure",
] as const;
export type NamedCheck = (typeof NAMED_CHECKS)[number];

const header = z.string().check(
  z.minLength(1),
  z.refine((s) => s.trim() === s, "no surrounding spaces")
);

export const ColumnSchema = z
  .object({
    /** The header as printed in the template (canonical). */
    header,
    /** A stable ASCII key for code (`developed`, `amount` …). */
    key: z.string().check(z.regex(/^[a-z][A-Za-z0-9]*$/)),
    type: z.enum(COLUMN_TYPES),
    required: z.boolean(),
    /** The allowed values of an `enum` column. */
    allowed: z.optional(z.array(header).check(z.minLength(1))),
    /** Values must not repeat between data rows. */
    unique: z.optional(z.boolean()),
    /** Smallest allowed value of a numeric column (natural units; default 0). */
    min: z.optional(z.number()),
    /** Most decimals a `decimal` column may have (default 1). */
    decimals: z.optional(z.int().check(z.minimum(0), z.maximum(6))),
    /** Unit of the column's figures (`人`, `名`, `期`, `人次`, `元`). */
    unit: z.optional(z.string()),
    /** Header of a column whose value on the row is the unit (表4 `计量单位`). */
    unitColumn: z.optional(header),
    /** For a percent column: the counts whose ratio it is (`办结率` = 办结数 / 受理数). */
    ratio: z.optional(z.object({ numerator: header, denominator: header })),
    /** Other spellings accepted in the header row (after normalising). */
    aliases: z.optional(z.array(header)),
  })
  .check(
    z.refine((c) => (c.type === "enum") === (c.allowed !== undefined), {
      message: "enum columns (and only they) list their allowed values",
    })
  );
export type ColumnDefinition = z.infer<typeof ColumnSchema>;

const ruleBase = {
  /** Rule id from SPEC §1 (`T1-01` …). */
  id: z.string().check(z.regex(/^(T[1-4]|G)-\d{2}$/)),
  /** The issue code it reports (unique per template). */
  code: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
  severity: z.enum(["error", "warning"]),
  /** Chinese message; `{name}` placeholders are filled from the issue (value, expected, headers). */
  message: z.string().check(z.minLength(1)),
};

export const RuleSchema = z.discriminatedUnion("kind", [
  z.object({
    ...ruleBase,
    kind: z.literal("row"),
    /** Expression over the row's headers that must hold, e.g. `发展预备党员 = 其中：教工 + 其中：学生`. */
    check: z.string().check(z.minLength(1)),
    /** Expression that selects the rows the rule applies to, e.g. `经费类别 = "慰问金"`. */
    when: z.optional(z.string().check(z.minLength(1))),
    /** Header of the cell to report (default: the first header in `check`). */
    cell: z.optional(header),
    /** `skip` (default): the rule is not checked when a cell it uses is blank; `zero`: blank is 0. */
    blank: z.optional(z.enum(["skip", "zero"])),
  }),
  z.object({
    ...ruleBase,
    kind: z.literal("named"),
    check: z.enum(NAMED_CHECKS),
    params: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  }),
]);
export type RuleDefinition = z.infer<typeof RuleSchema>;

export const FigureSpecSchema = z.object({
  /** Header of a numeric column. */
  column: header,
  /** A G-05 headline figure. */
  headline: z.boolean(),
});

export const TemplateSchema = z
  .object({
    id: z.enum(["T1", "T2", "T3", "T4"]),
    /** Short label, also the suggested sheet name: `表1`. */
    label: z.string().check(z.minLength(1)),
    /** Title printed in row 1: `表1 党员发展情况统计表`. */
    title: z.string().check(z.minLength(1)),
    /** What the table is about, used in texts: `党员发展情况`. */
    name: z.string().check(z.minLength(1)),
    /** What one data row is: `基层党组织`. */
    rowLabel: z.string().check(z.minLength(1)),
    columns: z.array(ColumnSchema).check(z.minLength(2)),
    rules: z.array(RuleSchema),
    figures: z.object({
      /** Column totals (ids `T1/<header>`). */
      totals: z.array(FigureSpecSchema),
      /** The enum column the group figures are summed over (ids `T2/<header>/<group>`). */
      groupBy: z.optional(header),
      groups: z.array(FigureSpecSchema),
    }),
  })
  .check(
    z.superRefine((t, ctx) => {
      const headers = new Set(t.columns.map((c) => c.header));
      const keys = new Set<string>();
      const seen = new Set<string>();
      for (const c of t.columns) {
        if (seen.has(c.header))
          ctx.addIssue({ code: "custom", message: `${t.id}: header ${c.header} twice` });
        if (keys.has(c.key))
          ctx.addIssue({ code: "custom", message: `${t.id}: key ${c.key} twice` });
        seen.add(c.header);
        keys.add(c.key);
        for (const h of [c.unitColumn, c.ratio?.numerator, c.ratio?.denominator]) {
          if (h !== undefined && !headers.has(h)) {
            ctx.addIssue({ code: "custom", message: `${t.id}/${c.header}: unknown header ${h}` });
          }
        }
      }
      const numeric = new Set(
        t.columns.filter((c) => c.type === "count" || c.type === "money").map((c) => c.header)
      );
      for (const f of [...t.figures.totals, ...t.figures.groups]) {
        if (!numeric.has(f.column)) {
          ctx.addIssue({
            code: "custom",
            message: `${t.id}: figure over ${f.column}, not a count or money column`,
          });
        }
      }
      const groupBy = t.figures.groupBy;
      if (groupBy !== undefined && t.columns.find((c) => c.header === groupBy)?.type !== "enum") {
        ctx.addIssue({
          code: "custom",
          message: `${t.id}: groupBy ${groupBy} is not an enum column`,
        });
      }
      if (t.figures.groups.length > 0 && groupBy === undefined) {
        ctx.addIssue({ code: "custom", message: `${t.id}: group figures without groupBy` });
      }
      const codes = new Set<string>();
      for (const r of t.rules) {
        if (codes.has(r.code))
          ctx.addIssue({ code: "custom", message: `${t.id}: rule code ${r.code} twice` });
        codes.add(r.code);
        if (r.kind === "row" && r.cell !== undefined && !headers.has(r.cell)) {
          ctx.addIssue({
            code: "custom",
            message: `${t.id}/${r.id}: unknown cell header ${r.cell}`,
          });
        }
      }
    })
  );
export type TemplateDefinition = z.infer<typeof TemplateSchema>;
/** A template definition as written (before validation). */
export type TemplateInput = z.input<typeof TemplateSchema>;
