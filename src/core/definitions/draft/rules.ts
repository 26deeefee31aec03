/**
 * Rules a draft suggests, inferred from the data and only where they are safe: a count that is no
 * row above a related count (`其中：…` under its total, two counts of one thing such as 整改项目数
 * and 已完成整改数), and a percentage equal to the ratio of two counts on every row and on the
 * 合计 row. Each is a warning: the bureau confirms it (and may make it an error) or deletes it.
 * Money columns get no rule (their expressions are in a unit being changed).
 */
import { ColumnReader, newReading, READ_OK } from "../../read/cell";
import type { ColumnDefinition, RuleDefinition } from "../schema";
import type { DraftCell, SheetColumn } from "./columns";

/** The most rules suggested for one table. */
const MAX_RULES = 3;

/** Rows (on all sheets) a rule must have been seen to hold on. */
const MIN_ROWS = 2;

/** Words too common to relate two headers. */
const COMMON = new Set(["人数", "数量", "合计", "其中", "本年", "上年", "年末", "年初", "总数"]);

/** The values of a column on each sheet's data rows (NaN where not read), and 合计 row sums. */
interface ReadColumn {
  readonly column: ColumnDefinition;
  /** Per sheet, per data row. */
  readonly rows: readonly (readonly number[])[];
  /** Per sheet: the 合计 cell as read (NaN when blank or absent). */
  readonly totals: readonly number[];
  /** Per sheet: the sum of the rows read. */
  readonly sums: readonly number[];
  /** Per sheet, per data row: where it is (`“2013”第5行`). */
  readonly places: readonly (readonly string[])[];
}

function readCells(column: ColumnDefinition, cells: readonly DraftCell[]): number[] {
  const reader = new ColumnReader({ ...column, min: -Infinity });
  const reading = newReading();
  return cells.map((c) => {
    reader.read(c.value, c.format, true, reading);
    return reading.status === READ_OK ? reading.value : NaN;
  });
}

function readColumn(column: ColumnDefinition, sheets: readonly SheetColumn[]): ReadColumn {
  const rows = sheets.map((s) => readCells(column, s.cells));
  return {
    column,
    rows,
    totals: sheets.map((s) => (s.total ? (readCells(column, [s.total])[0] ?? NaN) : NaN)),
    sums: rows.map((r) => r.reduce((a, v) => (Number.isNaN(v) ? a : a + v), 0)),
    places: sheets.map((s) => s.layout.dataRows.map((r) => `“${s.layout.sheet.name}”第${r + 1}行`)),
  };
}

/** The two-character runs of a header's Chinese text (its stems), common words left out. */
function stems(header: string): Set<string> {
  const chinese = header.replace(/[（(][^（()）]*[）)]/g, "").replace(/[^\u4e00-\u9fff]/g, "");
  const out = new Set<string>();
  for (let i = 0; i + 2 <= chinese.length; i++) {
    const s = chinese.slice(i, i + 2);
    if (!COMMON.has(s) && !/数$/.test(s)) out.add(s);
  }
  return out;
}

/**
 * True when two headers name counts of one thing (a shared stem).
 * @example related("已完成整改数", "整改项目数") // true
 */
export function related(a: string, b: string): boolean {
  const sb = stems(b);
  return [...stems(a)].some((s) => sb.has(s));
}

/** How `a ≤ b` fares on the rows where both are read: rows it holds on, where it fails, and
 * whether `a` is ever below `b` (two equal columns suggest nothing). */
function notAbove(
  a: ReadColumn,
  b: ReadColumn
): { held: number; broken: string[]; below: boolean } {
  let held = 0;
  let below = false;
  const broken: string[] = [];
  for (let s = 0; s < a.rows.length; s++) {
    const ra = a.rows[s] ?? [];
    const rb = b.rows[s] ?? [];
    for (let i = 0; i < ra.length; i++) {
      const x = ra[i] as number;
      const y = rb[i] as number;
      if (Number.isNaN(x) || Number.isNaN(y)) continue;
      if (x > y) broken.push(a.places[s]?.[i] ?? "");
      else held++;
      if (x < y) below = true;
    }
  }
  return { held, broken, below };
}

/** True when a rate equals `num ÷ den` within 0.05 point wherever the checker compares them. */
function isRatio(rate: ReadColumn, num: ReadColumn, den: ReadColumn): boolean {
  let seen = 0;
  const holds = (pct: number, n: number, d: number): boolean => {
    if (Number.isNaN(pct)) return true;
    if (!(pct >= 0 && pct <= 100)) return false;
    if (Number.isNaN(n) || Number.isNaN(d) || d <= 0 || n > d) return true;
    seen++;
    const ratio = (n / d) * 100;
    return Math.abs(pct - ratio) <= 0.05 + 1e-9 && !(pct >= 100 && n < d);
  };
  for (let s = 0; s < rate.rows.length; s++) {
    const rr = rate.rows[s] ?? [];
    for (let i = 0; i < rr.length; i++)
      if (!holds(rr[i] as number, num.rows[s]?.[i] ?? NaN, den.rows[s]?.[i] ?? NaN)) return false;
    if (!holds(rate.totals[s] ?? NaN, num.sums[s] ?? NaN, den.sums[s] ?? NaN)) return false;
  }
  return seen >= MIN_ROWS;
}

/** A suggested rule before its id, code and severity. */
type RuleBody =
  | { kind: "row"; check: string; message: string }
  | { kind: "named"; check: "rateMatchesCounts"; params: Record<string, string>; message: string };

/** A suggested rule and the column change it needs (a rate's `ratio`). */
export interface SuggestedRules {
  readonly rules: RuleDefinition[];
  /** `ratio` of percent columns, by header. */
  readonly ratios: ReadonlyMap<string, { numerator: string; denominator: string }>;
  /** Relations that hold on most rows but not all (not suggested: the rows may be wrong), in Chinese. */
  readonly nearly: readonly string[];
}

/**
 * A header as a rule names it: bare when it has no ASCII punctuation or space and starts with no
 * digit (full-width `（）：` are part of a name), else in square brackets (`[其中:党员]`, `[金额(元)]`).
 * @example inRule("其中：女生") // "其中：女生"
 * @example inRule("其中:党员") // "[其中:党员]"
 */
export function inRule(header: string): string {
  return /^[^\s\d!-/:-@[-^`{-~][^\s!-/:-@[-^`{-~]*$/.test(header) ? header : `[${header}]`;
}

const unitText = (c: ColumnDefinition): string =>
  c.unitColumn === undefined ? (c.unit ?? "") : "";

/**
 * The rules suggested for a table (at most three, all warnings), from its drafted columns and their
 * cells on every sheet.
 * @example suggestRules("B1", columns, cellsByHeader).rules[0]?.check // "其中：女生 ≤ 资助人数"
 */
export function suggestRules(
  id: string,
  columns: readonly ColumnDefinition[],
  cells: ReadonlyMap<string, readonly SheetColumn[]>
): SuggestedRules {
  const read = (c: ColumnDefinition) => readColumn(c, cells.get(c.header) ?? []);
  const counts = columns.filter((c) => c.type === "count").map(read);
  const rates = columns.filter((c) => c.type === "percent").map(read);
  const rules: RuleDefinition[] = [];
  const ratios = new Map<string, { numerator: string; denominator: string }>();
  const pairs: [ReadColumn, ReadColumn][] = [];
  const nearly: string[] = [];
  const add = (rule: RuleBody) => {
    if (rules.length >= MAX_RULES) return;
    const n = rules.length + 1;
    const head = { id: `${id}-${String(n).padStart(2, "0")}`, code: `suggested-${n}` };
    rules.push({ ...head, severity: "warning", ...rule });
  };
  for (const rate of rates) {
    const header = rate.column.header;
    // the numerator named like the rate (办结率: 办结数), over the count just before it
    const near = (num: ReadColumn, den: ReadColumn): number => {
      const gap = counts.indexOf(num) - counts.indexOf(den);
      return (related(num.column.header, header) ? 0 : 1000) + (gap > 0 ? gap : 100 - gap);
    };
    const candidates = counts
      .flatMap((num) => counts.map((den) => [num, den] as const))
      .filter(([num, den]) => num !== den && isRatio(rate, num, den))
      .sort((a, b) => near(...a) - near(...b));
    const [found] = candidates;
    if (!found) continue;
    const [num, den] = found;
    ratios.set(header, { numerator: num.column.header, denominator: den.column.header });
    add({
      kind: "named",
      check: "rateMatchesCounts",
      params: { rate: header },
      message: `“${header}”{value}与${num.column.header}÷${den.column.header}={expected}不符。请检查${header}或这两个数。`,
    });
    pairs.push([num, den]);
  }
  // a 其中 count under the nearest total to its left, then counts of one thing
  counts.forEach((a, i) => {
    const h = a.column.header;
    if (!/^其中/.test(h)) return;
    const total = counts
      .slice(0, i)
      .reverse()
      .find((b) => !/^其中/.test(b.column.header));
    if (total) pairs.push([a, total]);
  });
  for (const a of counts)
    for (const b of counts)
      if (a !== b && related(a.column.header, b.column.header)) pairs.push([a, b]);
  const done = new Set<string>();
  for (const [a, b] of pairs) {
    const key = `${a.column.header}\u0000${b.column.header}`;
    const [ua, ub] = [unitText(a.column), unitText(b.column)];
    if (done.has(key) || (ua !== "" && ub !== "" && ua !== ub)) continue;
    done.add(key);
    const { held, broken, below } = notAbove(a, b);
    if (broken.length > 0 && held >= MIN_ROWS && broken.length * 5 <= held + broken.length) {
      const rows = broken.slice(0, 3).join("、") + (broken.length > 3 ? "等" : "");
      nearly.push(
        `${rows}的“${a.column.header}”多于“${b.column.header}”，其余各行都不多于：未列为规则，请核实后再决定是否加上`
      );
    }
    if (broken.length > 0 || !below || held < MIN_ROWS) continue;
    const unit = ua || ub;
    add({
      kind: "row",
      check: `${inRule(a.column.header)} ≤ ${inRule(b.column.header)}`,
      message: `“${a.column.header}”{value}${unit}，多于“${b.column.header}”{expected}${unit}。请核实这两个数。`,
    });
  }
  return { rules, ratios, nearly };
}
