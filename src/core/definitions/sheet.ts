/**
 * Table definitions kept in the workbook itself, in a sheet named `报表定义` (docs/definitions.md):
 * one row per table, column, rule, figure or report clause, so a statistician edits them in Excel
 * and they travel with the workbook. `definitionsSheetGrid` writes the definitions in force as
 * such a sheet's cells; `readDefinitionsSheet` reads one back into the same definition objects a
 * JSON file gives, checked by the same `loadDefinitions`, and refuses a wrong entry with a Chinese
 * message naming the sheet, the table and the cell.
 *
 * Layout (row 1 is the header row; blank rows are skipped; columns are found by their header):
 *
 * | 表 | 类别 | 名称 | 内容 | 必填/级别 | 可选值/条件 | 单位 | 代码 | 说明 | 其他（JSON） |
 *
 * - 表: 名称 = label (`表5`), 内容 = title, 说明 = what the table is about, 其他 = `rowLabel` …
 * - 列: 名称 = header, 内容 = type (文本/选项/计数/小数/金额/日期/百分比), 必填 = 是/否,
 *   可选值 = allowed values joined by `、`, 单位, 代码 = key, 其他 = the rest (`aliases` …)
 * - 规则: 名称 = rule id, 内容 = the expression (or a named check), 级别 = 错误/警告,
 *   条件 = `when`, 代码 = issue code, 说明 = message, 其他 = `cell`, `blank`, `params`
 * - 指标规则: a rule over the tables' figures (`kind: "figures"`), the same columns as 规则
 * - 指标: 名称 = column header, 内容 = 合计/分组, 必填/级别 = 是/否 (a headline figure)
 * - 报告: 名称 = the paragraph's heading
 * - 句子: 名称 = the sentence's number, 内容 = a text clause, 其他 = the rest of the clause
 */
import { a1, type CellValue, type SheetModel, type WorkbookModel } from "../model";
import { checkDefinitions } from "./check";
import { BUILTIN_DEFINITIONS, compileDefinition, withFen, type CompiledDefinition } from "./index";
import { COLUMN_TYPE_WORDS } from "./definition-messages";
import { DefinitionsError, jsonSyntaxMessage, problemLine, sortProblems } from "./problems";
import { COLUMN_TYPES, NAMED_CHECKS, type ColumnType, type TableDefinition } from "./schema";

/** The name of the sheet that holds a workbook's own table definitions. */
export const DEFINITIONS_SHEET = "报表定义";

/** The header row of the definitions sheet. */
const DEFINITIONS_HEADERS = [
  "表",
  "类别",
  "名称",
  "内容",
  "必填/级别",
  "可选值/条件",
  "单位",
  "代码",
  "说明",
  "其他（JSON）",
] as const;
type Field = (typeof DEFINITIONS_HEADERS)[number];

const KINDS = ["表", "列", "规则", "指标规则", "指标", "报告", "句子"] as const;
type Kind = (typeof KINDS)[number];

const TYPE_WORDS = COLUMN_TYPE_WORDS;
const TYPE_BY_WORD = new Map<string, ColumnType>(
  COLUMN_TYPES.map((t) => [TYPE_WORDS[t], t] as const)
);

const RULE_FIELDS: Partial<Record<string, Field>> = {
  id: "名称",
  check: "内容",
  severity: "必填/级别",
  when: "可选值/条件",
  code: "代码",
  message: "说明",
};

/** Which sheet column holds which definition field, per kind (the rest go to 其他（JSON）). */
const FIELDS: Record<Kind, Partial<Record<string, Field>>> = {
  表: { id: "表", label: "名称", title: "内容", name: "说明" },
  列: {
    header: "名称",
    type: "内容",
    required: "必填/级别",
    allowed: "可选值/条件",
    unit: "单位",
    key: "代码",
  },
  规则: RULE_FIELDS,
  指标规则: RULE_FIELDS,
  指标: { column: "名称", headline: "必填/级别" },
  报告: { heading: "名称" },
  句子: { text: "内容" },
};

/** A definitions sheet that cannot be used (every wrong entry, each naming its cell). */
export { DefinitionsError, DefinitionsError as DefinitionsSheetError };

type Row = Partial<Record<Field, string>>;

const yesNo = (b: boolean): string => (b ? "是" : "否");
const json = (rest: Record<string, unknown>): string =>
  Object.keys(rest).length === 0 ? "" : JSON.stringify(rest);

/** The fields of `obj` not in `taken`, for the 其他（JSON） cell. */
function rest(obj: object, taken: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(obj).filter(([k, v]) => !taken.includes(k) && v !== undefined)
  );
}

/**
 * The cells of a `报表定义` sheet holding these definitions (row 1 the header row).
 * @example definitionsSheetGrid(BUILTIN_DEFINITIONS)[1] // ["T1", "表", "表1", "表1 党员发展情况统计表", …]
 */
export function definitionsSheetGrid(defs: readonly TableDefinition[]): string[][] {
  const rows: string[][] = [[...DEFINITIONS_HEADERS]];
  const push = (id: string, kind: Kind, row: Row): void => {
    rows.push(
      DEFINITIONS_HEADERS.map((h) => (h === "表" ? id : h === "类别" ? kind : (row[h] ?? "")))
    );
  };
  for (const t of defs) {
    push(t.id, "表", {
      名称: t.label,
      内容: t.title,
      说明: t.name,
      "其他（JSON）": json({
        ...rest(t, ["id", "label", "title", "name", "columns", "rules", "figures", "report"]),
        ...(t.figures.groupBy === undefined ? {} : { groupBy: t.figures.groupBy }),
      }),
    });
    for (const c of t.columns) {
      const listable = c.allowed?.every((v) => !v.includes("、"));
      push(t.id, "列", {
        名称: c.header,
        内容: TYPE_WORDS[c.type],
        "必填/级别": yesNo(c.required),
        ...(listable ? { "可选值/条件": c.allowed?.join("、") ?? "" } : {}),
        单位: c.unit ?? "",
        代码: c.key,
        "其他（JSON）": json(
          rest(c, ["header", "type", "required", "unit", "key", ...(listable ? ["allowed"] : [])])
        ),
      });
    }
    for (const r of t.rules) {
      const kind = r.kind === "named" ? [] : ["kind"];
      push(t.id, r.kind === "figures" ? "指标规则" : "规则", {
        名称: r.id,
        内容: r.check,
        "必填/级别": r.severity === "error" ? "错误" : "警告",
        "可选值/条件": r.kind === "named" ? "" : (r.when ?? ""),
        代码: r.code,
        说明: r.message,
        "其他（JSON）": json(
          rest(r, ["id", "check", "severity", "when", "code", "message", ...kind])
        ),
      });
    }
    for (const [group, list] of [
      ["合计", t.figures.totals],
      ["分组", t.figures.groups],
    ] as const) {
      for (const f of list)
        push(t.id, "指标", { 名称: f.column, 内容: group, "必填/级别": yesNo(f.headline) });
    }
    if (t.report) {
      push(t.id, "报告", { 名称: t.report.heading });
      t.report.sentences.forEach((sentence, s) => {
        for (const clause of sentence) {
          push(t.id, "句子", {
            名称: String(s + 1),
            内容: clause.text ?? "",
            "其他（JSON）": json(rest(clause, ["text"])),
          });
        }
      });
    }
  }
  return rows;
}

const text = (v: CellValue): string =>
  v === null || v === undefined || typeof v === "object" ? "" : String(v).trim();

/** Where each entry of a table came from (sheet row, 0-based), for messages. */
interface Origins {
  table: number;
  columns: number[];
  rules: number[];
  totals: number[];
  groups: number[];
  report: number;
  sentences: number[][];
}

function emptyOrigins(): Origins {
  return { table: -1, columns: [], rules: [], totals: [], groups: [], report: -1, sentences: [] };
}

/** A definitions sheet with its header row found: which column holds which field. */
interface Layout {
  readonly sheet: SheetModel;
  readonly headerRow: number;
  readonly col: ReadonlyMap<Field, number>;
}

/** The definitions sheet in words, for messages: `工作表“报表定义”`. */
const sheetWords = (sheet: SheetModel): string => `工作表“${sheet.name}”`;

/**
 * The header row of a definitions sheet (its first row that is not blank) and the column of each
 * known header; throws when the sheet is blank or lacks one of 表, 类别, 名称, 内容.
 */
function sheetLayout(sheet: SheetModel): Layout {
  const rows = sheet.values;
  const headerRow = rows.findIndex((r) => r.some((v) => text(v) !== ""));
  if (headerRow < 0) throw new DefinitionsError([`${sheetWords(sheet)}是空的，没有任何表定义`]);
  const col = new Map<Field, number>();
  (rows[headerRow] ?? []).forEach((v, c) => {
    const h = text(v) as Field;
    if ((DEFINITIONS_HEADERS as readonly string[]).includes(h) && !col.has(h)) col.set(h, c);
  });
  const missing = (["表", "类别", "名称", "内容"] as const).filter((h) => !col.has(h));
  if (missing.length > 0) {
    throw new DefinitionsError([
      `${sheetWords(sheet)}第${headerRow + 1}行应为表头（${DEFINITIONS_HEADERS.join("、")}），缺少“${missing.join("”“")}”`,
    ]);
  }
  return { sheet, headerRow, col };
}

/** The text of a field in a sheet row (`""` when the sheet has no such column). */
function fieldText(layout: Layout, r: number, f: Field): string {
  const c = layout.col.get(f);
  return c === undefined ? "" : text(layout.sheet.values[r]?.[c]);
}

/**
 * A cell of the sheet in words, its address after them: `报表定义第12行“类型”（D12）` (the 其他
 * column for a missing field).
 */
function cellOf(layout: Layout, r: number, f: Field): string {
  const field = layout.col.has(f) ? f : layout.col.has("其他（JSON）") ? "其他（JSON）" : undefined;
  const col = field === undefined ? 0 : (layout.col.get(field) ?? 0);
  const header = field === undefined ? "" : `“${field}”`;
  return `${layout.sheet.name}第${r + 1}行${header}（${a1(r, col)}）`;
}

/** What the rows read so far gave: the tables by id (in `order`), their rows, the problems. */
interface Reading {
  readonly layout: Layout;
  readonly problems: string[];
  readonly tables: Map<string, Record<string, unknown>>;
  readonly origins: Map<string, Origins>;
  readonly order: string[];
}

/** A problem of a row: the field whose cell is wrong, and what is wrong with it. */
type RowProblem = readonly [Field, string];

/** A row of a table's part (列, 规则 …) being read into the table it belongs to. */
interface PartRow {
  readonly r: number;
  readonly get: (f: Field) => string;
  /** The row's fields from their columns and its 其他（JSON） cell. */
  readonly entry: Record<string, unknown>;
  readonly table: Record<string, unknown>;
  readonly origin: Origins;
}

/**
 * The definitions written in a `报表定义` sheet, checked and compiled (the same `loadDefinitions` a
 * JSON file goes through); throws `DefinitionsSheetError` naming the sheet, table and cell of
 * every wrong entry.
 */
export function readDefinitionsSheet(sheet: SheetModel): CompiledDefinition[] {
  const layout = sheetLayout(sheet);
  const reading: Reading = {
    layout,
    problems: [],
    tables: new Map(),
    origins: new Map(),
    order: [],
  };
  for (let r = layout.headerRow + 1; r < sheet.values.length; r++) {
    if ((sheet.values[r] ?? []).some((v) => text(v) !== "")) readRow(reading, r);
  }
  if (reading.problems.length > 0) throw new DefinitionsError(reading.problems);
  if (reading.order.length === 0)
    throw new DefinitionsError([`${sheetWords(sheet)}没有任何表定义（没有类别为“表”的行）`]);
  return compileReading(reading);
}

/** Reads one non-blank row into its table, or adds its problem to `g.problems`. */
function readRow(g: Reading, r: number): void {
  const get = (f: Field): string => fieldText(g.layout, r, f);
  const id = get("表");
  const kind = get("类别") as Kind;
  const name = get("名称");
  const what = `${tableName(g, id)}的${kind || "?"}${name ? `“${name}”` : ""}`;
  const problem = readRowProblem(g, r, id, kind);
  if (problem) {
    const [f, detail] = problem;
    g.problems.push(`${cellOf(g.layout, r, f)}：${what}：${detail}`);
  }
}

/** A table in texts: `表5（T5）` once its 表 row gave its label. */
function tableName(g: Reading, id: string): string {
  const label = g.tables.get(id)?.label;
  return typeof label === "string" && label !== "" ? `${label}（${id}）` : id || "?";
}

/** Reads one row of the given table and kind; what is wrong with it, if anything. */
function readRowProblem(g: Reading, r: number, id: string, kind: Kind): RowProblem | undefined {
  if (id === "") return ["表", "“表”一栏是空的（每行都要写表的编号，如 T5）"];
  if (!KINDS.includes(kind)) return ["类别", `类别“${kind}”无效，应为${KINDS.join("、")}之一`];
  const get = (f: Field): string => fieldText(g.layout, r, f);
  const extra = parseExtra(get("其他（JSON）"));
  if ("problem" in extra) return ["其他（JSON）", extra.problem];
  const fields: Record<string, unknown> = {};
  for (const [key, f] of Object.entries(FIELDS[kind])) {
    const v = f === undefined ? "" : get(f);
    if (v !== "" && !(kind === "表" && key === "id")) fields[key] = v;
  }
  if (kind === "表") return readTableRow(g, r, id, extra.extra, fields);
  const table = g.tables.get(id);
  const origin = g.origins.get(id);
  if (!table || !origin)
    return ["表", `表${id}还没有“表”行（先写一行“类别”为“表”的，给出名称和标题）`];
  return PART_READERS[kind]({ r, get, entry: { ...extra.extra, ...fields }, table, origin });
}

/**
 * A 其他（JSON） cell as an object (`{}` when blank), or why it is none.
 * @example parseExtra('{"aliases":["x"]}') // { extra: { aliases: ["x"] } }
 * @example parseExtra("[1]") // { problem: "应为 { … } 形式的 JSON 对象" }
 */
function parseExtra(
  raw: string
): { readonly extra: Record<string, unknown> } | { readonly problem: string } {
  if (raw === "") return { extra: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (e) {
    if (e instanceof SyntaxError) return { problem: jsonSyntaxMessage(raw, e) };
  }
  return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)
    ? { extra: parsed as Record<string, unknown> }
    : { problem: "应为 { … } 形式的 JSON 对象" };
}

/** A 表 row: starts the table `id` (its `groupBy` goes to the table's figures). */
function readTableRow(
  g: Reading,
  r: number,
  id: string,
  extra: Record<string, unknown>,
  fields: Record<string, unknown>
): RowProblem | undefined {
  const table = g.tables.get(id);
  const origin = g.origins.get(id);
  if (table?.id !== undefined)
    return ["表", `表${id}已在第${(origin?.table ?? 0) + 1}行定义过（编号重复）`];
  const { groupBy, ...own } = extra;
  const next: Record<string, unknown> = { ...(table ?? {}), ...own, ...fields, id };
  if (groupBy !== undefined) next.figures = { ...(next.figures as object), groupBy };
  g.tables.set(id, next);
  g.origins.set(id, { ...(origin ?? emptyOrigins()), table: r });
  if (!g.order.includes(id)) g.order.push(id);
  return undefined;
}

/** The list `key` of a table being read, made empty the first time. */
function list(table: Record<string, unknown>, key: string): unknown[] {
  return (table[key] ??= []) as unknown[];
}

/** A 列 row: a column, its type and 必填 in words. */
function readColumnRow({ r, get, entry, table, origin }: PartRow): RowProblem | undefined {
  const typeText = get("内容");
  const type =
    TYPE_BY_WORD.get(typeText) ?? (COLUMN_TYPES as readonly string[]).find((t) => t === typeText);
  if (type === undefined) {
    const words = COLUMN_TYPES.map((t) => TYPE_WORDS[t]).join("、");
    return ["内容", `类型“${typeText}”无效，应为${words}之一`];
  }
  entry.type = type;
  const required = get("必填/级别");
  if (required !== "是" && required !== "否")
    return ["必填/级别", `必填应写“是”或“否”，不是“${required}”`];
  entry.required = required === "是";
  const allowed = get("可选值/条件");
  if (allowed !== "") entry.allowed = allowed.split("、").map((s) => s.trim());
  list(table, "columns").push(entry);
  origin.columns.push(r);
  return undefined;
}

/** A 规则 or 指标规则 row: a rule, its 级别 in words (a named check when 内容 names one). */
function ruleReader(figures: boolean): (row: PartRow) => RowProblem | undefined {
  return ({ r, get, entry, table, origin }) => {
    const severity = get("必填/级别");
    if (severity !== "错误" && severity !== "警告")
      return ["必填/级别", `级别应写“错误”或“警告”，不是“${severity}”`];
    entry.severity = severity === "错误" ? "error" : "warning";
    const named = (NAMED_CHECKS as readonly string[]).includes(get("内容"));
    entry.kind = figures ? "figures" : named ? "named" : "row";
    list(table, "rules").push(entry);
    origin.rules.push(r);
    return undefined;
  };
}

/** A 指标 row: a total or grouped figure, and whether it is a headline figure. */
function readFigureRow({ r, get, table, origin }: PartRow): RowProblem | undefined {
  const group = get("内容");
  const headline = get("必填/级别");
  if (group !== "合计" && group !== "分组")
    return ["内容", `指标应写“合计”或“分组”，不是“${group}”`];
  if (headline !== "是" && headline !== "否")
    return ["必填/级别", `是否主要指标应写“是”或“否”，不是“${headline}”`];
  const figures = (table.figures ??= {}) as Record<string, unknown>;
  const key = group === "合计" ? "totals" : "groups";
  list(figures, key).push({ column: get("名称"), headline: headline === "是" });
  origin[key].push(r);
  return undefined;
}

/** A 报告 row: the table's report paragraph, its heading (the sentences follow). */
function readReportRow({ r, get, table, origin }: PartRow): RowProblem | undefined {
  table.report = { ...(table.report as object), heading: get("名称"), sentences: [] };
  origin.report = r;
  return undefined;
}

/** A 句子 row: a clause of the report's sentence numbered in 名称. */
function readSentenceRow({ r, get, entry, table, origin }: PartRow): RowProblem | undefined {
  const name = get("名称");
  const n = Number(name);
  const report = table.report as { sentences: unknown[][] } | undefined;
  if (!report) return ["类别", "句子之前要先有一行“报告”（写出段落标题）"];
  if (!Number.isInteger(n) || n < 1 || n > report.sentences.length + 1)
    return ["名称", `句子的编号应为1、2……依次排列，不是“${name}”`];
  delete entry.text;
  const clauseText = get("内容");
  (report.sentences[n - 1] ??= []).push(clauseText === "" ? entry : { ...entry, text: clauseText });
  (origin.sentences[n - 1] ??= []).push(r);
  return undefined;
}

/** How a row of each kind but 表 is read into its table. */
const PART_READERS: Record<Exclude<Kind, "表">, (row: PartRow) => RowProblem | undefined> = {
  列: readColumnRow,
  规则: ruleReader(false),
  指标规则: ruleReader(true),
  指标: readFigureRow,
  报告: readReportRow,
  句子: readSentenceRow,
};

/**
 * The tables read, checked as a JSON file is (each problem named by its cell) and compiled once
 * all are read (a figures rule may name any table of the set).
 */
function compileReading(g: Reading): CompiledDefinition[] {
  const defs = g.order.map((id) => {
    const t = g.tables.get(id) ?? {};
    const figures = (t.figures ?? {}) as Record<string, unknown>;
    // a table with no 规则 rows has no rules (the other bureau's 表2): not a missing entry
    return { ...t, rules: t.rules ?? [], figures: { totals: [], groups: [], ...figures } };
  });
  const checked = checkDefinitions(defs);
  if (checked.problems.length > 0) {
    throw new DefinitionsError(
      sortProblems(checked.problems).map((p) => {
        const o = g.origins.get(g.order[p.table ?? 0] ?? "") ?? emptyOrigins();
        const [row, field] = locate(o, p.path);
        return problemLine(p, defs, cellOf(g.layout, row, field ?? "其他（JSON）"));
      }),
      checked.stopped
    );
  }
  const all = checked.defs.flatMap((d) => (d ? [d] : []));
  return checked.defs.map((def, i) => {
    if (!def) throw new DefinitionsError([`${sheetWords(g.layout.sheet)}的表定义无效`]);
    return withFen(compileDefinition(def, all), checked.fen?.[i]);
  });
}

/** The sheet row and column of a zod issue's path. */
function locate(o: Origins, path: readonly PropertyKey[]): [number, Field | undefined] {
  const [top, a, b, c] = path;
  const field = (kind: Kind, key: PropertyKey | undefined): Field | undefined =>
    FIELDS[kind][String(key)];
  if (top === "columns" && typeof a === "number") return [o.columns[a] ?? o.table, field("列", b)];
  if (top === "rules" && typeof a === "number") return [o.rules[a] ?? o.table, field("规则", b)];
  if (top === "figures" && (a === "totals" || a === "groups") && typeof b === "number")
    return [o[a][b] ?? o.table, field("指标", c)];
  if (top === "report" && a === "sentences" && typeof b === "number" && typeof c === "number")
    return [o.sentences[b]?.[c] ?? o.report, field("句子", path[4])];
  if (top === "report") return [o.report >= 0 ? o.report : o.table, "名称"];
  return [o.table, field("表", top)];
}

/** The workbook's `报表定义` sheet, if it has one (the name as typed, spaces around ignored). */
export function definitionsSheetOf(wb: WorkbookModel): SheetModel | undefined {
  return wb.sheets.find((s) => s.name.trim() === DEFINITIONS_SHEET);
}

/** The workbook without its `报表定义` sheet (never taken for a statistical table). */
export function withoutDefinitionsSheet(wb: WorkbookModel): WorkbookModel {
  const sheet = definitionsSheetOf(wb);
  return sheet ? { ...wb, sheets: wb.sheets.filter((s) => s !== sheet) } : wb;
}

/**
 * How two sets of definitions differ, in Chinese, one line per table (empty when they are the
 * same): tables only in one set, and per shared table which of its columns, rules, figures and
 * sentences differ.
 */
export function definitionDifferences(
  mine: readonly TableDefinition[],
  theirs: readonly TableDefinition[]
): string[] {
  const out: string[] = [];
  const byId = new Map(theirs.map((t) => [t.id, t]));
  const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);
  for (const t of mine) {
    const o = byId.get(t.id);
    if (!o) {
      out.push(`多出 ${t.label}（${t.id}）`);
      continue;
    }
    const parts: string[] = [];
    const cols = (d: TableDefinition) => new Map(d.columns.map((c) => [c.header, c]));
    const [mc, oc] = [cols(t), cols(o)];
    for (const [h, c] of mc)
      if (!same(c, oc.get(h))) parts.push(oc.has(h) ? `列“${h}”不同` : `多出列“${h}”`);
    for (const h of oc.keys()) if (!mc.has(h)) parts.push(`缺少列“${h}”`);
    const rules = (d: TableDefinition) => new Map(d.rules.map((r) => [r.id, r]));
    const [mr, or] = [rules(t), rules(o)];
    for (const [id, r] of mr)
      if (!same(r, or.get(id))) parts.push(or.has(id) ? `规则${id}不同` : `多出规则${id}`);
    for (const id of or.keys()) if (!mr.has(id)) parts.push(`缺少规则${id}`);
    if (!same(t.figures, o.figures)) parts.push("指标不同");
    if (!same(t.report, o.report)) parts.push("报告句子不同");
    const head = (d: TableDefinition) => rest(d, ["columns", "rules", "figures", "report"]);
    if (!same(head(t), head(o))) parts.push("表头信息（标题、名称、空行数等）不同");
    if (parts.length > 0) out.push(`${t.label}（${t.id}）：${parts.join("，")}`);
  }
  const mine_ = new Set(mine.map((t) => t.id));
  for (const t of theirs) if (!mine_.has(t.id)) out.push(`缺少 ${t.label}（${t.id}）`);
  return out;
}

/**
 * Whether these are the built-in tables, compared by content (a bureau's file that repeats them
 * is): a template of any other set carries its definitions as a `报表定义` sheet.
 * @example isBuiltinSet(BUILTIN_DEFINITIONS) // true
 */
export function isBuiltinSet(defs: readonly TableDefinition[]): boolean {
  return definitionDifferences(defs, BUILTIN_DEFINITIONS).length === 0;
}

/** JSON with sorted keys (so key order does not make two definitions differ). */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === "object" && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0
          )
        )
      : x
  );
}
