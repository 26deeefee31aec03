/**
 * Checks a list of table definitions and finds every problem at once: each entry's type
 * (the zod schema), what ties a table together (`tableStructure`), the rule expressions, the report
 * sentences and the ids across tables. Each check reads the definition as it is, so a wrong key in
 * one column does not hide an unknown header in a rule. Problems are codes with paths
 * (`problems.ts`); their wording is in `definition-messages.ts`.
 */
import { columnScope, type ScopeColumn } from "./scope";
import { compileExpression, ExpressionError } from "./expression";
import { compileFigureRule, namedFigureCheck } from "./figure-rules";
import { PROBLEM_LIMIT } from "./definition-messages";
import { fromZodIssue, type DefinitionProblem } from "./problems";
import { upgradeReading, type FenReading } from "./upgrade";
import {
  ColumnSchema,
  FigureSpecSchema,
  PHRASE_PLACEHOLDER,
  ReportSchema,
  DefinitionSchema,
  seriesPlaceholder,
  DEFINITIONS_VERSION,
  tableStructure,
  type ColumnDefinition,
  type TableDefinition,
} from "./schema";

export { SETTING_SLOTS, columnScope, type ColumnScope } from "./scope";

/**
 * The figure ids a table produces (what its report sentences may name): column totals
 * `T1/<header>`, per group `T4/<header>/<group>`, and the rates of each group.
 * @example figureIds(BUILTIN_DEFINITIONS[0]).has("T1/发展预备党员") // true
 */
export function figureIds(def: Pick<TableDefinition, "id" | "columns" | "figures">): Set<string> {
  const ids = new Set(def.figures.totals.map((f) => `${def.id}/${f.column}`));
  const groupBy = def.columns.find((c) => c.header === def.figures.groupBy);
  for (const g of groupBy?.allowed ?? []) {
    for (const f of def.figures.groups) ids.add(`${def.id}/${f.column}/${g}`);
    for (const c of def.columns)
      if (c.type === "percent" && c.ratio) ids.add(`${def.id}/${c.header}/${g}`);
  }
  return ids;
}

type Loose = Readonly<Record<string, unknown>>;
const loose = (x: unknown): Loose =>
  typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Loose) : {};
const items = (x: unknown): readonly unknown[] => (Array.isArray(x) ? x : []);
const strings = (x: unknown): string[] | undefined =>
  Array.isArray(x) ? x.filter((s): s is string => typeof s === "string") : undefined;

/** The columns of a definition that have a header, as far as they can be read. */
function readableColumns(t: Loose): ScopeColumn[] {
  return items(t.columns).flatMap((raw) => {
    const c = loose(raw);
    if (typeof c.header !== "string") return [];
    const allowed = strings(c.allowed);
    return [
      {
        header: c.header,
        unique: c.unique === true,
        type: (typeof c.type === "string" ? c.type : "text") as ColumnDefinition["type"],
        ...(typeof c.unit === "string" ? { unit: c.unit } : {}),
        aliases: strings(c.aliases) ?? [],
        ...(allowed ? { allowed } : {}),
      },
    ];
  });
}

/** jsep's words for what it does not support, and its parse errors, in Chinese. */
const EXPRESSION_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^不支持的写法 MemberExpression$/, "不支持 a.b 或 a[0] 的写法"],
  [/^不支持的写法 ConditionalExpression$/, "不支持条件运算（? :）"],
  [/^不支持的写法 ArrayExpression$/, "不支持列表 [ … ]"],
  [/^(.+) 不是可选值列$/, "“$1”不是选项列（enum），不能与文字比较"],
  [/^不支持的写法 Compound$/, "是多个表达式（中间缺少运算符？）"],
  [/^（Unclosed \( at character (\d+)）$/, "（第$1个字符处缺少右括号）"],
  [/^（Unclosed quote after "(.*)" at character (\d+)）$/, "（第$2个字符处引号没有配对）"],
  [/^（Expected expression after (.+) at character (\d+)）$/, "（第$2个字符处，“$1”后面缺少内容）"],
  [/^（Expected expression at character (\d+)）$/, "（第$1个字符处缺少内容）"],
  [/^（.* at character (\d+)）$/, "（第$1个字符附近写法不对）"],
];

/** The detail of an expression error, without the expression (the entry names it). */
function expressionProblem(
  e: unknown,
  source: string
):
  | { code: "unknown-name"; params: { name: string } }
  | { code: "bad-expression"; params: { detail: string } } {
  const message = e instanceof Error ? e.message : String(e);
  const unknown = /未知的列或设置 (.+)$/.exec(message);
  if (unknown) return { code: "unknown-name", params: { name: unknown[1] ?? "" } };
  let detail = message.startsWith(`表达式 ${source}：`)
    ? message.slice(`表达式 ${source}：`.length)
    : message.startsWith(`表达式无法解析：${source}`)
      ? message.slice(`表达式无法解析：${source}`.length)
      : message;
  for (const [pattern, words] of EXPRESSION_WORDS) detail = detail.replace(pattern, words);
  if (message.startsWith("表达式无法解析")) detail = `无法解析${detail}`;
  return { code: "bad-expression", params: { detail } };
}

/** Problems of a table's row rules: expressions that do not compile, a rule with no cell. */
function ruleProblems(t: Loose, table: number): DefinitionProblem[] {
  const readable = readableColumns(t);
  const { scope, byHeader } = columnScope(readable, t.version !== DEFINITIONS_VERSION);
  const out: DefinitionProblem[] = [];
  items(t.rules).forEach((raw, j) => {
    const r = loose(raw);
    if (r.kind !== "row") return;
    let columns: readonly number[] | undefined;
    for (const field of ["check", "when"] as const) {
      const source = r[field];
      if (typeof source !== "string" || source === "") continue;
      try {
        const compiled = compileExpression(source, scope);
        if (field === "check") columns = compiled.columns;
      } catch (e) {
        if (!(e instanceof ExpressionError)) throw e;
        out.push({ ...expressionProblem(e, source), table, path: ["rules", j, field] });
      }
    }
    // this year's columns only (a slot from n on is last year's value, `上年(列)`)
    const cell =
      typeof r.cell === "string" ? byHeader.get(r.cell) : columns?.find((k) => k < readable.length);
    if (columns && cell === undefined && r.cell === undefined)
      out.push({ code: "no-cell", table, path: ["rules", j, "check"], params: {} });
  });
  return out;
}

/**
 * Problems of a table's report sentences: a placeholder that names no figure of the table, a rate
 * or category that is not one, sentences for a table without a headline figure. Reads the parts of
 * the definition that are valid (the type check reports the rest).
 */
export function reportProblems(raw: unknown, table: number): DefinitionProblem[] {
  const t = loose(raw);
  const parsed = ReportSchema.safeParse(t.report);
  if (t.report === undefined || !parsed.success) return [];
  const report = parsed.data;
  const figures = loose(t.figures);
  const specs = (group: string) => items(figures[group]).map((f) => FigureSpecSchema.safeParse(f));
  const [totals, groups] = [specs("totals"), specs("groups")];
  const valid = [...totals, ...groups].flatMap((s) => (s.success ? [s.data] : []));
  const columns = items(t.columns).flatMap((c) => {
    const s = ColumnSchema.safeParse(c);
    return s.success ? [s.data] : [];
  });
  const id = typeof t.id === "string" ? t.id : "";
  const ids = figureIds({
    id,
    columns,
    figures: {
      totals: totals.flatMap((s) => (s.success ? [s.data] : [])),
      groups: groups.flatMap((s) => (s.success ? [s.data] : [])),
      ...(typeof figures.groupBy === "string" ? { groupBy: figures.groupBy } : {}),
    },
  });
  const problems: DefinitionProblem[] = [];
  const allFiguresRead = valid.length === totals.length + groups.length;
  if (allFiguresRead && !valid.some((f) => f.headline))
    problems.push({ code: "no-headline", table, path: ["report"], params: {} });
  const allowed = (header: string) => columns.find((c) => c.header === header)?.allowed ?? [];
  const placeholders = (text: string) =>
    [...text.matchAll(PHRASE_PLACEHOLDER)].map((m) => ({
      name: (m[2] ?? "").trim(),
      compare: m[1] === "+",
    }));
  report.sentences.forEach((sentence, s) =>
    sentence.forEach((clause, c) => {
      const at = ["report", "sentences", s, c];
      const check = (
        path: readonly PropertyKey[],
        text: string,
        resolve: (name: string) => string | undefined
      ) => {
        for (const { name, compare } of placeholders(text)) {
          const where = { table, path: [...at, ...path] };
          const series = seriesPlaceholder(name);
          // `连读:T1/…` names a figure with words that are no series form; `X:Y` naming no
          // figure is an unknown figure as any other
          const named = series ? resolve(series.figure) : undefined;
          if (series && "words" in series && named !== undefined && ids.has(named)) {
            problems.push({
              code: "unknown-series-form",
              ...where,
              params: { name, words: series.words },
            });
            continue;
          }
          if (series && "form" in series && compare)
            problems.push({ code: "series-with-compare", ...where, params: { name } });
          // a series is of a figure: `{连续:项目}` names none
          const figure = series && "form" in series ? (named ?? "") : resolve(name);
          if (figure !== undefined && !ids.has(figure))
            problems.push({ code: "unknown-figure", ...where, params: { name } });
        }
      };
      if (clause.text !== undefined) check(["text"], clause.text, (n) => n);
      clause.list?.items.forEach((item, k) => check(["list", "items", k], item, (n) => n));
      if (clause.rates) {
        for (const rate of clause.rates.indicators)
          for (const group of clause.rates.groups)
            if (!ids.has(`${id}/${rate}/${group}`))
              problems.push({
                code: "no-rate-group",
                table,
                path: [...at, "rates"],
                params: { rate, group },
              });
      }
      const p = clause.programmes;
      if (p) {
        const categories = allowed(p.categoryHeader);
        for (const [category, phrase] of Object.entries(p.byCategory)) {
          const path = ["programmes", "byCategory", category];
          if (!categories.includes(category))
            problems.push({
              code: "not-a-category",
              table,
              path: [...at, "programmes", "byCategory"],
              params: { category, column: p.categoryHeader },
            });
          check(path, phrase, (n) =>
            n === "项目" ? undefined : n.includes("/") ? n : `${id}/${n}/${category}`
          );
        }
        check(["programmes", "fallback"], p.fallback, (n) =>
          n === "项目" ? undefined : n.includes("/") ? n : `${id}/${n}/${categories[0] ?? ""}`
        );
      }
    })
  );
  return problems;
}

/** The result of checking a list of definitions: every problem, and the tables that parsed. */
export interface DefinitionsCheck {
  readonly problems: readonly DefinitionProblem[];
  /** The check stopped after `PROBLEM_LIMIT` problems (the tables after were not checked). */
  readonly stopped: boolean;
  /**
   * The validated definition of each table (undefined for a table with a problem), in the current
   * form (`DEFINITIONS_VERSION`) when there is none.
   */
  readonly defs: ReadonlyArray<TableDefinition | undefined>;
  /** For each table of the older form, its rules whose money numbers are read in fen. */
  readonly fen?: ReadonlyArray<readonly FenReading[]>;
}

/** Checks table definitions: every problem of every table, none hiding another. */
export function checkDefinitions(tables: readonly unknown[]): DefinitionsCheck {
  const problems: DefinitionProblem[] = [];
  const defs: Array<TableDefinition | undefined> = [];
  const firstId = new Map<string, number>();
  for (const [table, raw] of tables.entries()) {
    if (problems.length >= PROBLEM_LIMIT) return { problems, stopped: true, defs };
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      problems.push({ code: "not-a-table", table, path: [], params: {} });
      defs.push(undefined);
      continue;
    }
    const own: DefinitionProblem[] = [];
    const parsed = DefinitionSchema.safeParse(raw);
    if (!parsed.success) own.push(...parsed.error.issues.map((i) => fromZodIssue(i, raw, table)));
    // after a type error the structure is checked here too: zod skips its refinement after some
    // (a non-integer)
    if (!parsed.success)
      tableStructure(raw, (path, tag) => {
        const { problem, ...params } = tag;
        own.push({ code: problem, table, path, params } as DefinitionProblem);
      });
    // the sentences of a table whose id or grouping is wrong would only repeat it (figures are
    // named by the id and the groups): checked once those are right
    const repeats = own.some(
      (p) =>
        (p.path.length === 1 && p.path[0] === "id") ||
        (p.path[0] === "figures" && p.path.length <= 2)
    );
    own.push(...ruleProblems(loose(raw), table), ...(repeats ? [] : reportProblems(raw, table)));
    const id = loose(raw).id;
    if (typeof id === "string") {
      const first = firstId.get(id);
      if (first !== undefined)
        own.push({
          code: "duplicate-table-id",
          table,
          path: ["id"],
          params: { first: `第${first + 1}张表` },
        });
      else firstId.set(id, table);
    }
    // one problem per entry: the structure may be reported twice (by zod's refinement and by the
    // call above), and a rule id of the wrong form need not also be told its prefix
    const seen = new Set<string>();
    for (const p of own) {
      const key = p.path.map(String).join("/");
      if (!seen.has(key)) problems.push(p);
      seen.add(key);
    }
    defs.push(parsed.success && own.length === 0 ? parsed.data : undefined);
  }
  // a figures rule may name another table: with a table of the set wrong, what it names may be
  // missing only for that reason, so these rules are checked once the rest is right
  if (problems.length === 0) figureRuleProblems(defs, problems);
  if (problems.length > 0) return { problems, stopped: problems.length >= PROBLEM_LIMIT, defs };
  // the older form (money in fen) read into the current one
  const all = defs.flatMap((d) => (d ? [d] : []));
  const read = defs.map((d) => d && upgradeReading(d, all));
  return {
    problems,
    stopped: false,
    defs: read.map((r) => r?.def),
    fen: read.map((r) => r?.fen ?? []),
  };
}

/**
 * Problems of the rules over figures (`kind: "figures"`, and the older named checks that compile
 * into them) of the tables that are otherwise valid: they may name any table of the set, so they
 * are checked once all are read. A table with such a problem is left out of `defs`.
 */
function figureRuleProblems(
  defs: Array<TableDefinition | undefined>,
  problems: DefinitionProblem[]
): void {
  const all = defs.flatMap((d) => (d ? [d] : []));
  defs.forEach((def, table) => {
    if (!def || problems.length >= PROBLEM_LIMIT) return;
    let bad = false;
    def.rules.forEach((rule, j) => {
      const parts: Array<["check" | "when" | "params", string, string | undefined]> = [];
      if (rule.kind === "figures") {
        parts.push(["check", rule.check, undefined]);
        if (rule.when !== undefined) parts.push(["when", rule.when, rule.when]);
      } else if (rule.kind === "named") {
        const expression = namedFigureCheck(rule);
        if (expression !== undefined) parts.push(["params", expression, undefined]);
      }
      if (rule.kind === "row") return;
      for (const [field, source, when] of parts) {
        try {
          // a `when` is checked with its check, as the engine compiles them
          const check = rule.kind === "figures" ? rule.check : source;
          compileFigureRule(def, rule, check, when, all);
        } catch (e) {
          if (!(e instanceof ExpressionError)) throw e;
          problems.push({ ...expressionProblem(e, source), table, path: ["rules", j, field] });
          bad = true;
          break;
        }
      }
    });
    if (bad) defs[table] = undefined;
  });
}
