/**
 * What is wrong with a set of table definitions, zod-style: each problem is a code, the table it
 * is in, a path to the entry (`["columns", 3, "key"]`) and the values its message names. The
 * Chinese text is made apart from the checks (`definition-messages.ts` holds the wording): the
 * entry in the statistician's terms (`第4列“年末党员数”的键（key）“Bad key”`), then what is
 * wrong with it.
 */
import type * as z from "zod/mini";
import {
  DEFINITION_MESSAGES,
  FIELD_NAMES,
  SHOWN_PROBLEMS,
  TYPE_WORDS,
  VALUE_WORDS,
  moreProblems,
  tableWords,
  type DefinitionCode,
  type DefinitionParams,
} from "./definition-messages";

/** One problem of a definition; `table` is the index of the table in the list (none: the file). */
export type DefinitionProblem = {
  readonly [C in DefinitionCode]: {
    readonly code: C;
    readonly table?: number;
    readonly path: readonly PropertyKey[];
    readonly params: DefinitionParams[C];
  };
}[DefinitionCode];

/** A problem of the file as a whole (not of one table). */
export function fileProblem<C extends DefinitionCode>(
  code: C,
  params: DefinitionParams[C]
): DefinitionProblem {
  return { code, path: [], params } as DefinitionProblem;
}

type Loose = Readonly<Record<string, unknown>>;
const loose = (x: unknown): Loose =>
  typeof x === "object" && x !== null && !Array.isArray(x) ? (x as Loose) : {};

/** The value at a path of a definition (undefined where the path leads nowhere). */
export function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v = raw;
  for (const key of path) {
    if (typeof v !== "object" || v === null) return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** Allowed values in words: ` error（错误）或 warning（警告）` (a space before a Latin word). */
function choices(values: readonly unknown[]): string {
  const words = values.map((v) => {
    const s = String(v);
    const gloss = VALUE_WORDS[s];
    return gloss ? `${s}（${gloss}）` : `“${s}”`;
  });
  const last = words.pop() ?? "";
  return spaced(words.length > 0 ? `${words.join("、")}或${spaced(last)}` : last);
}

/** A space before a Latin word that follows Chinese text (`应为 true 或 false`). */
function spaced(s: string): string {
  return /^[A-Za-z]/.test(s) ? ` ${s}` : s;
}

/** The code of a zod issue of one table's definition, with the values its message names. */
export function fromZodIssue(
  issue: z.core.$ZodIssue,
  raw: unknown,
  table: number
): DefinitionProblem {
  const path = issue.path;
  const p = <C extends DefinitionCode>(code: C, params: DefinitionParams[C]): DefinitionProblem =>
    ({ code, table, path, params }) as DefinitionProblem;
  const value = valueAt(raw, path);
  const last = path[path.length - 1];
  const missing = ["invalid_type", "invalid_value", "invalid_union"].includes(issue.code);
  if (missing && value === undefined) return p("missing", {});
  switch (issue.code) {
    case "invalid_type":
      if (issue.expected === "int" && typeof value === "number") return p("not-integer", {});
      return p("wrong-type", { expected: spaced(TYPE_WORDS[issue.expected] ?? issue.expected) });
    case "invalid_value":
      return p("not-one-of", { expected: choices(issue.values) });
    case "invalid_union": {
      const options = (issue as { options?: readonly unknown[] }).options;
      if (options)
        return value === undefined
          ? p("missing", {})
          : p("not-one-of", { expected: choices(options) });
      break;
    }
    case "too_small":
      if (issue.origin === "string") return p("empty", {});
      if (issue.origin === "array") return p("too-few", { minimum: String(issue.minimum) });
      return p("too-small", { minimum: String(issue.minimum) });
    case "too_big":
      return p("too-big", { maximum: String(issue.maximum) });
    case "invalid_format":
      if (last === "key") return p("bad-key", {});
      if (last === "code") return p("bad-code", {});
      if (last === "id") return p(path.length === 1 ? "bad-table-id" : "bad-rule-id", {});
      return p("bad-format", {});
    case "custom": {
      const tag = issue.params as ({ problem?: string } & Record<string, string>) | undefined;
      if (tag?.problem && Object.hasOwn(DEFINITION_MESSAGES, tag.problem)) {
        const { problem, ...params } = tag;
        return { code: problem, table, path, params } as unknown as DefinitionProblem;
      }
      break;
    }
    default:
      break;
  }
  return p("other", { detail: issue.message });
}

/** A value quoted for a message (short; nothing for objects and lists). */
function quoted(v: unknown): string {
  if (typeof v === "string") return `“${v.length > 40 ? `${v.slice(0, 40)}…` : v}”`;
  if (typeof v === "number" || typeof v === "boolean") return `“${String(v)}”`;
  return "";
}

/** A step of a path in words: `的键（key）`, `第2项`, a record's own key as `中的夜校`. */
function fieldWords(key: PropertyKey): string {
  if (typeof key === "number") return `第${key + 1}项`;
  const name = FIELD_NAMES[String(key)];
  return name ? `的${name}（${String(key)}）` : `中的${String(key)}`;
}

/**
 * The entry a path leads to, in the statistician's terms, with its value.
 * @example entryWords({ columns: [{}, {}, {}, { header: "年末党员数", key: "Bad key" }] }, ["columns", 3, "key"]) // "第4列“年末党员数”的键（key）“Bad key”"
 */
export function entryWords(raw: unknown, path: readonly PropertyKey[]): string {
  const t = loose(raw);
  const [top, a, b, c] = path;
  let base = "";
  let rest = path;
  if (top === "columns" && typeof a === "number") {
    const h = loose((t.columns as unknown[] | undefined)?.[a]).header;
    rest = path.slice(2);
    base = `第${a + 1}列${typeof h === "string" && rest[0] !== "header" ? `“${h}”` : ""}`;
  } else if (top === "rules" && typeof a === "number") {
    const id = loose((t.rules as unknown[] | undefined)?.[a]).id;
    rest = path.slice(2);
    base =
      typeof id === "string" && id !== "" && rest[0] !== "id" ? `规则 ${id} ` : `第${a + 1}条规则`;
  } else if (top === "figures" && (a === "totals" || a === "groups") && typeof b === "number") {
    const column = loose(valueAt(t, ["figures", a, b])).column;
    rest = path.slice(3);
    const name = typeof column === "string" ? `“${column}”` : `第${b + 1}项`;
    base = `${a === "totals" ? "合计指标" : "分组指标"}${name}`;
    if (rest.length === 1 && rest[0] === "column") return base;
  } else if (
    top === "report" &&
    a === "sentences" &&
    typeof b === "number" &&
    typeof c === "number"
  ) {
    rest = path.slice(4);
    base = `报告第${b + 1}句第${c + 1}个分句`;
  }
  const value = rest.length > 0 ? quoted(valueAt(t, path)) : "";
  return `${base}${rest.map(fieldWords).join("")}${value}`.replace(/ 第/g, "第").trim();
}

/** The text of a problem's message (its params filled in). */
export function problemMessage(problem: DefinitionProblem): string {
  const params = problem.params as Readonly<Record<string, string>>;
  return DEFINITION_MESSAGES[problem.code].replace(/\{(\w+)\}/g, (m, name: string) =>
    Object.hasOwn(params, name) ? (params[name] ?? "") : m
  );
}

/** How the table of a problem is named: `表1（T1）`. */
export function tableOf(tables: readonly unknown[], index: number): string {
  const t = loose(tables[index]);
  const label = typeof t.label === "string" && t.label.trim() !== "" ? t.label : undefined;
  const id = typeof t.id === "string" && t.id.trim() !== "" ? t.id : undefined;
  return tableWords(index, label, id);
}

/**
 * A problem as one line: where (`d.json`, `报表定义第12行“代码”（H12）`), the table, the entry, what is wrong.
 * @example problemLine({ code: "not-numeric-figure", table: 0, path: ["figures", "totals", 0, "column"], params: {} }, [{ id: "T1", label: "表1", figures: { totals: [{ column: "单位名称" }] } }], "d.json") // "d.json：表1（T1）合计指标“单位名称”：不是计数或金额列"
 */
export function problemLine(
  problem: DefinitionProblem,
  tables: readonly unknown[],
  where: string
): string {
  const prefix = where ? `${where}：` : "";
  if (problem.table === undefined) return `${prefix}${problemMessage(problem)}`;
  const entry = entryWords(tables[problem.table], problem.path);
  return `${prefix}${tableOf(tables, problem.table)}${entry}：${problemMessage(problem)}`;
}

/** The order of a definition's top-level fields, for listing problems as the file reads. */
const FIELD_ORDER = [
  "id",
  "label",
  "title",
  "name",
  "rowLabel",
  "columns",
  "rules",
  "figures",
  "blankRows",
  "report",
];

/** Problems in the order of the file: by table, then by entry. */
export function sortProblems(problems: readonly DefinitionProblem[]): DefinitionProblem[] {
  const rank = (k: PropertyKey | undefined): number | string =>
    typeof k === "number"
      ? k
      : FIELD_ORDER.includes(String(k))
        ? FIELD_ORDER.indexOf(String(k))
        : String(k);
  return [...problems].sort((x, y) => {
    if ((x.table ?? -1) !== (y.table ?? -1)) return (x.table ?? -1) - (y.table ?? -1);
    for (let i = 0; i < Math.min(x.path.length, y.path.length); i++) {
      const [a, b] = [rank(x.path[i]), rank(y.path[i])];
      if (a === b) continue;
      if (typeof a === "number" && typeof b === "number") return a - b;
      return String(a) < String(b) ? -1 : 1;
    }
    return x.path.length - y.path.length;
  });
}

/**
 * Definitions that cannot be used: every problem as a line (the first `SHOWN_PROBLEMS`, then how
 * many more). `message` has them one a line (the pane keeps the breaks); the command line prints
 * `lines` under a line naming the file.
 */
export class DefinitionsError extends Error {
  /** The lines to show: the first problems, then `另有N处错误未列出` when there are more. */
  readonly lines: readonly string[];
  /**
   * @param problems every problem found, as lines
   * @param stopped the check stopped at `PROBLEM_LIMIT` (there are more than these)
   */
  constructor(
    readonly problems: readonly string[],
    readonly stopped = false
  ) {
    const shown = problems.slice(0, SHOWN_PROBLEMS);
    const lines =
      problems.length > SHOWN_PROBLEMS
        ? [...shown, moreProblems(problems.length - SHOWN_PROBLEMS, stopped)]
        : shown;
    super(lines.join("\n"));
    this.lines = lines;
    this.name = "DefinitionsError";
  }
}

/** `第3行第5列` of a position in a text. */
function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split("\n").length;
  const column = position - before.lastIndexOf("\n");
  return `第${line}行第${column}列`;
}

/**
 * What is wrong with a text `JSON.parse` refused, in Chinese: where (line and column) and the text
 * there (the engine's own words are English and differ between browsers).
 * @example jsonSyntaxMessage("{ oops", new SyntaxError("… at position 2")) // "不是有效的 JSON：第1行第3列有语法错误（“{ oops”附近）"
 */
export function jsonSyntaxMessage(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : "";
  // V8 (Node, Chrome, Edge) gives the position, Firefox the line and column, Safari neither
  const m = /position (\d+)/.exec(message);
  const lc = /line (\d+) column (\d+)/.exec(message);
  const lineStart = (line: number): number => {
    let at = 0;
    for (let l = 1; l < line && at >= 0; l++) at = text.indexOf("\n", at) + 1 || -1;
    return Math.max(0, at);
  };
  const position = m
    ? Number(m[1])
    : lc
      ? lineStart(Number(lc[1])) + Number(lc[2]) - 1
      : /end of/i.test(message)
        ? text.length
        : undefined;
  if (position === undefined) return problemMessage(fileProblem("json-syntax-somewhere", {}));
  const near = text
    .slice(Math.max(0, position - 12), position + 12)
    .replace(/\s+/g, " ")
    .trim();
  return problemMessage(
    fileProblem("json-syntax", { at: lineAndColumn(text, position), near: near || "文件末尾" })
  );
}

/**
 * The tables of a definitions file's text — `{ "tables": [...] }` (what `definitions export`
 * writes) or a bare list; throws `DefinitionsError` naming the file: a JSON syntax error with
 * its line and column, a file that is no definitions, an empty list.
 * @example parseDefinitionsJson('{"tables":[{"id":"T5"}]}', "局.json") // [{ id: "T5" }]
 */
export function parseDefinitionsJson(source: string, name: string): unknown[] {
  const text = source.replace(/^\uFEFF/, "");
  if (text.trim() === "")
    throw new DefinitionsError([
      `${name}：${problemMessage(fileProblem("not-definitions", { found: "空文件" }))}`,
    ]);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new DefinitionsError([`${name}：${jsonSyntaxMessage(text, e)}`]);
  }
  const list = Array.isArray(data) ? data : loose(data).tables;
  if (!Array.isArray(list)) {
    const found =
      typeof data === "object" && data !== null
        ? Object.keys(data).length > 0
          ? `有 ${Object.keys(data)
              .slice(0, 3)
              .map((k) => `"${k}"`)
              .join("、")} 而没有 "tables" 的对象`
          : "空对象 {}"
        : `${JSON.stringify(data)?.slice(0, 20) ?? "空"}`;
    throw new DefinitionsError([
      `${name}：${problemMessage(fileProblem("not-definitions", { found }))}`,
    ]);
  }
  if (list.length === 0)
    throw new DefinitionsError([`${name}：${problemMessage(fileProblem("no-tables", {}))}`]);
  return list;
}
