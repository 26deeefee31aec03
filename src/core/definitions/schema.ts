/**
 * The zod schema of a table definition. Definitions are data (see `builtins.ts`); this schema
 * checks them when they are loaded, so a mistyped header, rule or figure fails at start-up with a
 * clear message instead of silently checking nothing.
 */
// zod/mini: the same schemas, tree-shakable (≈5 KB gzip instead of ≈90 KB in the task pane bundle)
import * as z from "zod/mini";
import { COLUMN_TYPES } from "../read/column-types";
import type { DefinitionCode } from "./definition-messages";

export { COLUMN_TYPES, type ColumnType } from "../read/column-types";

/** Named checks: rules that are not a row expression. */
export const NAMED_CHECKS = [
  /** Each listed date column must lie in the table's 统计年度 (T2-02). */
  "datesInYear",
  /** A filled percent column must equal its ratio column's counts, within 0.1 pp; 0–100% (T4-03). */
  "rateMatchesCounts",
  /**
   * Older form of a `figures` rule `A ≤ 上年(B)`: a figure of this year must not be above a figure
   * of last year (`params.figure`, `params.previous`: figure ids such as `T1/转正预备党员`).
   */
  "notAbovePrevious",
  /**
   * Older form of a `figures` rule `A = 表1.B`: a figure must equal a figure of another table of the
   * same year (`params.figure`, `params.other`).
   */
  "equalsFigure",
] as const;

/**
 * A problem a refinement reports: a code of `definition-messages.ts` (the wording is made there,
 * from the code, the path and these params), e.g. `{ problem: "duplicate-header", first: "第2列" }`.
 */
export type ProblemTag = { readonly problem: DefinitionCode } & Readonly<Record<string, string>>;

const header = z.string().check(
  z.minLength(1),
  z.refine((s) => s.trim() === s, { params: { problem: "spaces" } satisfies ProblemTag })
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
    /** Unit of the column's figures (`人`, `名`, `期`, `人次`; `元` or `万元` for money, default 元). */
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
      path: ["allowed"],
      params: { problem: "enum-allowed" } satisfies ProblemTag,
    })
  );
export type ColumnDefinition = z.infer<typeof ColumnSchema>;

/**
 * How many fen one unit of a money column's figures is (its values are held in hundredths of
 * that unit): 1000000 for a column in 万元, else 100 (元); undefined for other columns.
 * @example moneyScale({ type: "money", unit: "万元" }) // 1000000
 */
export function moneyScale(column: Pick<ColumnDefinition, "type" | "unit">): number | undefined {
  if (column.type !== "money") return undefined;
  return column.unit === "万元" ? 1_000_000 : 100;
}

/**
 * Whether a column's 合计 is the sum of its rows: a count or money column whose unit is the
 * column's own. A column whose unit is on each row (`unitColumn`, 表4's 受理数 in 件, 所, 个 or
 * 人次) has none: figures of different units are not added up.
 * @example totalled({ type: "count", unitColumn: "计量单位" }) // false
 */
export function totalled(c: Pick<ColumnDefinition, "type" | "unitColumn">): boolean {
  return (c.type === "count" || c.type === "money") && c.unitColumn === undefined;
}

/**
 * Whether a table has a 合计 row: some column of it is totalled. 表4, all of whose counts carry
 * the unit of their row, has none.
 * @example hasTotalRow(表4) // false
 */
export function hasTotalRow(t: {
  readonly columns: readonly Pick<ColumnDefinition, "type" | "unitColumn">[];
}): boolean {
  return t.columns.some(totalled);
}

/**
 * A placeholder in a report sentence: `{T1/发展预备党员}`, `{+…}` (with its 同比 clause), `{…@名}`
 * (another unit), `{连续:…}` and the other series forms (`seriesPlaceholder`); in a programmes
 * phrase `{期数}` names the category's figure and `{项目}` the programmes.
 */
export const PHRASE_PLACEHOLDER = /\{(\+?)([^{}@]+?)(?:@([^{}]+))?\}/g;

/**
 * What a series placeholder writes (docs/definitions.md, 历年变化): the latest run (`连续4年增长`),
 * the compound average growth (`年均增长8.2%`), or the change from the first year of the series
 * (`比2009年翻了一番`) or from a named year (`year`).
 */
export type SeriesForm =
  | { readonly kind: "run" }
  | { readonly kind: "average" }
  | { readonly kind: "since"; readonly year?: number };

/** The words before the colon of a series placeholder (`连续`, `年均`, `比首年`, `比2010年`). */
const SERIES_WORDS = /^(?:(连续)|(年均)|(比首年)|比(\d{4})年)$/;

/**
 * A placeholder's name read as a series placeholder — `连续:T1/发展预备党员` (a full-width `：`
 * too): its form and the figure it names. `words` is the part before the colon when it is no
 * series form (`连读:T1/…`: the check names it); undefined when the name has no colon before its
 * first `/` (a plain figure, also `T1/其中：教工`).
 * @example seriesPlaceholder("比2010年:T1/发展预备党员") // { form: { kind: "since", year: 2010 }, figure: "T1/发展预备党员" }
 * @example seriesPlaceholder("连读:T1/发展预备党员")     // { words: "连读", figure: "T1/发展预备党员" }
 * @example seriesPlaceholder("T1/其中：教工")            // undefined
 */
export function seriesPlaceholder(
  name: string
):
  | { readonly form: SeriesForm; readonly figure: string }
  | { readonly words: string; readonly figure: string }
  | undefined {
  const m = /^([^/:：]+)[:：](.+)$/.exec(name);
  if (!m) return undefined;
  const words = (m[1] ?? "").trim();
  const figure = (m[2] ?? "").trim();
  const w = SERIES_WORDS.exec(words);
  if (!w) return { words, figure };
  if (w[1]) return { form: { kind: "run" }, figure };
  if (w[2]) return { form: { kind: "average" }, figure };
  if (w[3]) return { form: { kind: "since" }, figure };
  return { form: { kind: "since", year: Number(w[4]) }, figure };
}

/** A table id: `T1` … for the built-ins, any short ASCII name for a bureau's own table. */
const tableId = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,15}$/));

const ruleBase = {
  /** Rule id: the table's id or `G`, a dash and two digits (`T1-01`, `T5-01`). */
  id: z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,15}-\d{2}$/)),
  /** The issue code it reports (unique per table). */
  code: z.string().check(z.regex(/^[a-z][a-z0-9-]*$/)),
  severity: z.enum(["error", "warning"]),
  /** Chinese message; `{name}` placeholders are filled from the issue (value, expected, headers). */
  message: z.string().check(z.minLength(1)),
};

export const RuleSchema = z.discriminatedUnion("kind", [
  z.object({
    ...ruleBase,
    kind: z.literal("row"),
    /**
     * Expression over the row's headers that must hold, e.g. `发展预备党员 = 其中：教工 + 其中：学生`;
     * `上年(列)` is last year's value of the same unit's row (matched by the `unique` column).
     */
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
    kind: z.literal("figures"),
    /**
     * Expression over the tables' figures that must hold: a header is this table's 合计 of that
     * column, `培训人数["新党员培训"]` a group's figure, `表1.培训入党积极分子` (or `T1.…`) another
     * table's, `上年(…)` last year's, e.g. `转正预备党员 ≤ 上年(发展预备党员)`. Money in 元, rates in %.
     */
    check: z.string().check(z.minLength(1)),
    /** Expression over figures that selects when the rule applies. */
    when: z.optional(z.string().check(z.minLength(1))),
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

/** A column total, which may never decrease over the years (a 累计 count). */
export const TotalSpecSchema = z.object({
  ...FigureSpecSchema.shape,
  /** The total never decreases from one year to the next (累计培训人数): a decrease is an error (G-10). */
  cumulative: z.optional(z.boolean()),
});

/** `A、B等` lists: the items that can be written, joined (`其中教工党员18人，学生党员31人`). */
const PhraseListSchema = z.object({
  lead: z.optional(z.string()),
  items: z.array(z.string()).check(z.minLength(1)),
  itemSep: z.string(),
});

/** Rates of several groups, merged when equal (`办结率、满意率均达100%`). */
const RatesPhraseSchema = z.object({
  indicators: z.array(header).check(z.minLength(1)),
  groups: z.array(header).check(z.minLength(1)),
});

/** Rows that are programmes (表2): one phrase per category, programmes named by a text column. */
const ProgrammePhrasesSchema = z.object({
  lead: z.string(),
  sep: z.string(),
  nameHeader: header,
  categoryHeader: header,
  /** Category order (default: the order of the category column's allowed values). */
  order: z.optional(z.array(header)),
  byCategory: z.record(z.string(), z.string()),
  fallback: z.string(),
  maxNames: z.int().check(z.minimum(1)),
});

/** One clause of a report sentence (exactly one of text, list, rates, programmes). */
const PhraseClauseSchema = z
  .object({
    sep: z.optional(z.string()),
    sepAfterChange: z.optional(z.string()),
    attached: z.optional(z.boolean()),
    text: z.optional(z.string().check(z.minLength(1))),
    list: z.optional(PhraseListSchema),
    rates: z.optional(RatesPhraseSchema),
    programmes: z.optional(ProgrammePhrasesSchema),
  })
  .check(
    z.refine(
      (c) => [c.text, c.list, c.rates, c.programmes].filter((x) => x !== undefined).length === 1,
      { params: { problem: "clause-kind" } satisfies ProblemTag }
    )
  );

/** The table's paragraph in the drafted report: a heading and sentences of clauses. */
export const ReportSchema = z.object({
  heading: z.string().check(z.minLength(1)),
  sentences: z.array(z.array(PhraseClauseSchema).check(z.minLength(1))),
});

/**
 * The definitions format this program writes: a number beside money in a rule is in the money's
 * unit (`金额（元） ≤ 10000` is 10000 元; 万元 for a column in 万元). Without `version`, a table is of
 * the first form, where such a number is in fen (`金额（元） ≤ 1000000`); it is read, and its rules
 * rewritten in the current form (`upgrade.ts`).
 */
export const DEFINITIONS_VERSION = 2;

export const DefinitionSchema = z
  .object({
    /** Format version: 2 (money in rules in 元); absent in the older form (money in fen). */
    version: z.optional(z.literal([1, DEFINITIONS_VERSION])),
    id: tableId,
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
      totals: z.array(TotalSpecSchema),
      /** The enum column the group figures are summed over (ids `T2/<header>/<group>`). */
      groupBy: z.optional(header),
      groups: z.array(FigureSpecSchema),
    }),
    /** Empty data rows a new blank template offers. */
    blankRows: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
    /** The table's paragraph in the drafted report (no paragraph without it). */
    report: z.optional(ReportSchema),
  })
  .check(
    // also when a field failed its type (a wrong key should not hide a duplicate header)
    z.superRefine(
      (t: unknown, ctx) =>
        tableStructure(t, (path, tag) =>
          ctx.addIssue({ code: "custom", path: [...path], params: tag, input: undefined })
        ),
      { when: (payload) => typeof payload.value === "object" && payload.value !== null }
    )
  );
export type TableDefinition = z.infer<typeof DefinitionSchema>;

type Loose = Readonly<Record<string, unknown>>;
const loose = (x: unknown): Loose =>
  typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Loose) : {};
const items = (x: unknown): readonly unknown[] => (Array.isArray(x) ? x : []);
const text = (x: unknown): string | undefined => (typeof x === "string" ? x : undefined);

/**
 * What ties a table's entries together, beyond each entry's own type: unique headers, keys, rule
 * ids and codes; every header a column, figure or rule names is one of the table's; figures over
 * count or money columns, and no total of a column whose unit is on each row; rule ids starting
 * with the table's id. Reads the definition as it is (an entry of the wrong type is skipped: the
 * type check reports it), so it runs whatever else is wrong; `add` gets each problem's path and
 * tag.
 */
export function tableStructure(
  raw: unknown,
  add: (path: readonly PropertyKey[], tag: ProblemTag) => void
): void {
  const t = loose(raw);
  const id = text(t.id) ?? "";
  const columns = items(t.columns).map(loose);
  const headers = new Set(columns.map((c) => text(c.header)));
  const known = (h: unknown) => typeof h !== "string" || headers.has(h);
  const place = (i: number) => `第${i + 1}列`;
  const seenHeader = new Map<string, number>();
  const seenKey = new Map<string, number>();
  columns.forEach((c, i) => {
    const path = ["columns", i];
    const [h, key] = [text(c.header), text(c.key)];
    const sameHeader = h === undefined ? undefined : seenHeader.get(h);
    if (sameHeader !== undefined)
      add([...path, "header"], { problem: "duplicate-header", first: place(sameHeader) });
    const sameKey = key === undefined ? undefined : seenKey.get(key);
    if (sameKey !== undefined)
      add([...path, "key"], { problem: "duplicate-key", first: place(sameKey) });
    if (h !== undefined && sameHeader === undefined) seenHeader.set(h, i);
    if (key !== undefined && sameKey === undefined) seenKey.set(key, i);
    if (!known(c.unitColumn)) add([...path, "unitColumn"], { problem: "unknown-header" });
    const ratio = loose(c.ratio);
    for (const part of ["numerator", "denominator"] as const)
      if (!known(ratio[part])) add([...path, "ratio", part], { problem: "unknown-header" });
  });
  const numeric = new Set(
    columns.filter((c) => c.type === "count" || c.type === "money").map((c) => text(c.header))
  );
  // a column whose unit is on each row has no total: 件 and 所 are not added up
  const perRow = new Set(
    columns
      .filter((c) => typeof c.unitColumn === "string" && headers.has(c.unitColumn))
      .map((c) => text(c.header))
  );
  const figures = loose(t.figures);
  for (const group of ["totals", "groups"] as const) {
    items(figures[group]).forEach((f, j) => {
      const column = loose(f).column;
      if (typeof column !== "string") return;
      const path = ["figures", group, j, "column"];
      if (!headers.has(column)) add(path, { problem: "unknown-header" });
      else if (!numeric.has(column)) add(path, { problem: "not-numeric-figure" });
      else if (group === "totals" && perRow.has(column))
        add(path, { problem: "per-row-unit-total" });
    });
  }
  const groupBy = text(figures.groupBy);
  if (groupBy !== undefined) {
    const column = columns.find((c) => c.header === groupBy);
    if (!column) add(["figures", "groupBy"], { problem: "unknown-header" });
    else if (column.type !== "enum") add(["figures", "groupBy"], { problem: "group-by-not-enum" });
  } else if (items(figures.groups).length > 0) {
    add(["figures", "groups"], { problem: "groups-without-group-by" });
  }
  const codes = new Map<string, string>();
  items(t.rules).forEach((raw, j) => {
    const r = loose(raw);
    const [ruleId, code] = [text(r.id), text(r.code)];
    // one id may have several codes (T1-03: two checks of the same kind)
    if (
      ruleId !== undefined &&
      tableId.safeParse(id).success &&
      !ruleId.startsWith(`${id}-`) &&
      !ruleId.startsWith("G-")
    )
      add(["rules", j, "id"], { problem: "rule-id-prefix", prefix: `${id}-` });
    const first = code === undefined ? undefined : codes.get(code);
    if (first !== undefined) add(["rules", j, "code"], { problem: "duplicate-rule-code", first });
    else if (code !== undefined) codes.set(code, ruleId ? `规则 ${ruleId} ` : `第${j + 1}条规则`);
    if (r.kind === "row" && !known(r.cell))
      add(["rules", j, "cell"], { problem: "unknown-header" });
  });
}
