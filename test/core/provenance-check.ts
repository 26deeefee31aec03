/**
 * An independent check of the draft's provenance: every number the draft writes (`draft.figures`)
 * is read again from the workbook model by its A1 ranges — cells parsed here, blank as 0, lenient
 * text by its leading number, without any of the core's readers — and held to its value, its
 * place in the text, its 【待核】 mark (a series phrase: against the cells of each year it
 * names); and every ASCII digit of the text belongs to a number with an entry, to a phrase's own
 * words or to a cell's text.
 */
import type { Analysis } from "../../src/core/analyze";
import type { CellValue, WorkbookModel } from "../../src/core/model";
import type { TextFigure } from "../../src/core/render";
import type { FigureCells } from "../../src/core/draft/provenance";
import type { SheetPhrases } from "../../src/core/draft/phrases";
import { oneLine, toChinesePunctuation } from "../../src/core/punctuation";

const MARK = "【待核】";

/** 0-based row and column of an A1 cell (`E31`). */
export function parseCell(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(`not a cell: ${a1}`);
  let col = 0;
  for (const ch of m[1] ?? "") col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** Every cell of an A1 range (`E4:E30`, `E7`), top to bottom, left to right. */
export function cellsOfRange(range: string): { row: number; col: number }[] {
  const [a, b] = range.split(":");
  const from = parseCell(a ?? "");
  const to = b === undefined ? from : parseCell(b);
  const out: { row: number; col: number }[] = [];
  for (let r = from.row; r <= to.row; r++)
    for (let c = from.col; c <= to.col; c++) out.push({ row: r, col: c });
  return out;
}

/**
 * A cell as a number in hundredths (counts and 元 alike), blank as 0, text by its leading
 * number (`5人`, `1,234.50元`); undefined when it holds no number.
 */
export function hundredths(v: CellValue): number | undefined {
  if (v === null || v === undefined) return 0;
  if (typeof v === "number") return Number.isFinite(v) ? Math.round(v * 100) : undefined;
  if (typeof v !== "string") return undefined;
  const text = v.normalize("NFKC");
  if (text.trim() === "") return 0;
  const m = /^\s*([+-]?\d[\d,]*(?:\.\d+)?)\s*(万?)/.exec(text);
  if (!m) return undefined;
  const n = Number((m[1] ?? "").replace(/,/g, "")) * (m[2] ? 10000 : 1);
  return Math.round(n * 100);
}

/**
 * A rate cell in percent, each way it may read: `98.5%` as 98.5; a number (or a text without %)
 * at most 1 as a fraction or a percent, above 1 as a percent.
 */
function percentOf(v: CellValue): number[] {
  if (typeof v === "number") return v <= 1 ? [v * 100, v] : [v];
  if (typeof v === "string") {
    const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)/.exec(v.normalize("NFKC"));
    if (!m) return [];
    const n = Number(m[1]);
    // without a % sign a text reads as a number does: at most 1 may be a fraction
    return m[2] === "" ? percentOf(n) : [n];
  }
  return [];
}

type Sheets = ReadonlyMap<string, readonly (readonly CellValue[])[]>;

function cellAt(sheets: Sheets, sheet: string, a1: string): CellValue {
  const { row, col } = parseCell(a1);
  return sheets.get(sheet)?.[row]?.[col] ?? null;
}

/** The sum in hundredths of a set of cells (its ranges less the cells left out). */
function sumOf(sheets: Sheets, c: FigureCells, problems: string[], what: string): number {
  const left = new Set(c.leftOut ?? []);
  let sum = 0;
  for (const range of c.ranges)
    for (const at of cellsOfRange(range)) {
      const a1 = `${colName(at.col)}${at.row + 1}`;
      if (left.has(a1)) continue;
      const v = hundredths(cellAt(sheets, c.sheet, a1));
      if (v === undefined)
        problems.push(`${what}: ${c.sheet}!${a1} holds no number but is counted`);
      else sum += v;
    }
  // the ranges are split around the cells left out: none of them may be counted
  for (const a1 of left)
    if (c.ranges.some((r) => cellsOfRange(r).some((x) => `${colName(x.col)}${x.row + 1}` === a1)))
      problems.push(`${what}: left-out ${a1} is inside ${c.ranges.join("、")}`);
  return sum;
}

function colName(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Tenths of a percent of num/den, half up, a ratio below 1 never 100%. */
function ratioTenths(num: number, den: number): number {
  const t = Math.floor((1000 * num) / den + 0.5 + 1e-9);
  return t >= 1000 && num < den ? 999 : t;
}

/**
 * The value(s) the cells of one role make, in hundredths for a sum, in tenths of a percent for a
 * rate (one per rate when several equal rates share a number).
 */
function valuesOf(
  sheets: Sheets,
  cells: readonly FigureCells[],
  problems: string[],
  what: string
): { sum?: number; rates: number[][] } {
  const rows = cells.filter((c) => c.part === undefined);
  const rates: number[][] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i] as FigureCells;
    if (c.part === "given") {
      const [a1] = c.ranges;
      rates.push(percentOf(cellAt(sheets, c.sheet, a1 ?? "")).map((p) => pct10(p)));
    } else if (c.part === "numerator") {
      const d = cells[i + 1];
      if (d?.part !== "denominator") {
        problems.push(`${what}: a numerator without its denominator`);
        continue;
      }
      const num = sumOf(sheets, c, problems, what);
      const den = sumOf(sheets, d, problems, what);
      rates.push(den > 0 ? [ratioTenths(num, den)] : []);
    }
  }
  if (rows.length === 0) return { rates };
  return { sum: rows.reduce((s, c) => s + sumOf(sheets, c, problems, what), 0), rates };
}

function pct10(p: number): number {
  const t = Math.floor(p * 10 + 0.5 + 1e-9);
  return t >= 1000 && p < 100 ? 999 : t;
}

/** The entry's number as this year's / last year's value: a sum in hundredths or a rate in tenths. */
function sideValue(
  sheets: Sheets,
  e: TextFigure,
  role: "rows" | "previous",
  problems: string[],
  what: string
): { hundredths?: number; tenths?: number } | undefined {
  const cells = e.cells.filter((c) => c.role === role);
  if (cells.length === 0) return undefined;
  const v = valuesOf(sheets, cells, problems, what);
  if (v.rates.length > 0) {
    const first = v.rates[0] ?? [];
    return first.length > 0 ? { tenths: first[0] } : {};
  }
  return { hundredths: v.sum };
}

/** Checks one `sum` or `rate` entry (this year's value or last year's). */
function checkValue(sheets: Sheets, e: TextFigure, problems: string[], what: string): void {
  const role = e.cells.some((c) => c.role === "rows") ? "rows" : "previous";
  const cells = e.cells.filter((c) => c.role === role);
  if (cells.length === 0) return void problems.push(`${what}: no cells`);
  const v = valuesOf(sheets, cells, problems, what);
  if (e.kind === "rate") {
    if (v.rates.length === 0) problems.push(`${what}: a rate without its parts`);
    for (const options of v.rates)
      if (!options.some((t) => t === Math.round(e.value * 10)))
        problems.push(
          `${what}: rate ${e.value}% but the cells give ${options.map((t) => t / 10).join(" or ")}%`
        );
    return;
  }
  if (v.sum !== Math.round(e.value * 100))
    problems.push(`${what}: value ${e.value} but the cells add up to ${(v.sum ?? NaN) / 100}`);
  checkTotal(sheets, e, v.sum ?? NaN, problems, what);
  checkWritten(e, problems, what);
  const shown = Number(/^[\d.]+/.exec(e.formula)?.[0] ?? NaN);
  if (Math.round(shown * 100) !== Math.round(e.value * 100))
    problems.push(`${what}: the formula ${e.formula} does not start with the value`);
}

/** The formula of a change or growth names this year's and last year's values as they are. */
function checkFormulaYears(e: TextFigure, problems: string[], what: string): void {
  const m = /(本年|上年)([\d.]+) − (本年|上年)([\d.]+)/.exec(e.formula);
  if (!m) return void problems.push(`${what}: the formula ${e.formula} names no years`);
  const diff = Math.abs(Number(m[2]) - Number(m[4]));
  const rates = e.text.endsWith("个百分点");
  if (e.kind === "change" && !rates && Math.abs(diff - Math.abs(e.value)) > 0.005)
    problems.push(`${what}: the formula ${e.formula} does not make ${e.value}`);
}

/** The 合计 cell named in the formula holds the value when it says it agrees, not when it differs. */
function checkTotal(sheets: Sheets, e: TextFigure, sum: number, problems: string[], what: string) {
  const total = e.cells.find((c) => c.role === "total");
  if (!total) return;
  const cell = total.ranges[0] ?? "";
  const held = hundredths(cellAt(sheets, total.sheet, cell));
  if (e.formula.includes(`与合计${cell}相符`) && held !== sum)
    problems.push(`${what}: 合计 ${cell} said to agree but holds ${String(held)}`);
  if (e.formula.includes(`与合计${cell}不符`) && held === sum)
    problems.push(`${what}: 合计 ${cell} said to differ but holds the sum`);
  if (e.formula.includes(`合计${cell}未填`) && cellAt(sheets, total.sheet, cell) !== null)
    if (String(cellAt(sheets, total.sheet, cell)).trim() !== "")
      problems.push(
        `${what}: 合计 ${cell} said blank but holds ${String(cellAt(sheets, total.sheet, cell))}`
      );
}

/** The written number reads as the value: exactly, or within the rounding of 万元 or a 约数. */
function checkWritten(e: TextFigure, problems: string[], what: string): void {
  const m = /^(\d+(?:\.\d+)?)(万)?/.exec(e.text);
  if (!m) return void problems.push(`${what}: written ${e.text} has no number`);
  const n = Number(m[1]) * (m[2] ? 10000 : 1);
  const approximate = /[多余近约]/.test(e.text);
  const decimals = (m[1] ?? "").split(".")[1]?.length ?? 0;
  const step = (m[2] ? 10000 : 1) * 10 ** -decimals;
  const v = Math.abs(e.value);
  if (approximate) {
    if (!(n <= v + 1e-6 && v < n * 2 + step)) problems.push(`${what}: ${e.text} is not about ${v}`);
  } else if (Math.abs(n - v) > step / 2 + 1e-6) problems.push(`${what}: ${e.text} is not ${v}`);
}

/** Checks a `change` or `percent` entry against this year's and last year's cells. */
function checkComparison(sheets: Sheets, e: TextFigure, problems: string[], what: string): void {
  const now = sideValue(sheets, e, "rows", problems, what);
  const then = sideValue(sheets, e, "previous", problems, what);
  if (!now || !then) return void problems.push(`${what}: a comparison without both years' cells`);
  if (now.tenths !== undefined || then.tenths !== undefined) {
    if (e.kind === "change" && now.tenths !== undefined && then.tenths !== undefined)
      if (Math.round(e.value * 10) !== now.tenths - then.tenths)
        problems.push(
          `${what}: change ${e.value} but the rates give ${(now.tenths - then.tenths) / 10}`
        );
    return;
  }
  checkFormulaYears(e, problems, what);
  const a = now.hundredths ?? NaN;
  const b = then.hundredths ?? NaN;
  if (e.kind === "change") {
    if (Math.round(e.value * 100) !== a - b)
      problems.push(`${what}: change ${e.value} but the cells give ${(a - b) / 100}`);
    return;
  }
  const growth = (100 * (a - b)) / b;
  const times = e.text.endsWith("倍");
  const tolerance = times ? 5 : 0.05;
  if (!(Math.abs(e.value - growth) <= tolerance + 1e-9))
    problems.push(`${what}: growth ${e.value}% but the cells give ${growth.toFixed(3)}%`);
  const written = Number(/^[\d.]+/.exec(e.text)?.[0] ?? NaN) * (times ? 100 : 1);
  if (Math.abs(written - Math.abs(e.value)) > 1e-9 * Math.max(1, written))
    problems.push(`${what}: written ${e.text} but value ${e.value}`);
}

/**
 * Checks a `series` entry (`连续4年增长`, `年均增长8.2%`, `比2009年翻了一番`) against the cells of
 * each year it names: the run's years go the way it says, one step a year; the average and the
 * growth are what the first and last years' cells make.
 */
function checkSeries(sheets: Sheets, e: TextFigure, problems: string[], what: string): void {
  const years = [...new Set(e.cells.map((c) => c.year ?? NaN))].sort((a, b) => a - b);
  const sums = years.map((y) => {
    const cells = e.cells.filter((c) => c.year === y && c.role === "rows");
    const v = valuesOf(sheets, cells, problems, what);
    return v.rates.length > 0 ? (v.rates[0]?.[0] ?? NaN) * 10 : (v.sum ?? NaN);
  });
  const first = sums[0] ?? NaN;
  const last = sums[sums.length - 1] ?? NaN;
  const span = (years[years.length - 1] ?? NaN) - (years[0] ?? NaN);
  if (years.some((y) => !Number.isInteger(y)))
    return void problems.push(`${what}: a cell without its year`);
  const run = /^连续(\d+)年(增长|下降|提高|降低)$/.exec(e.text);
  if (run) {
    const up = run[2] === "增长" || run[2] === "提高";
    const steps = sums.slice(1).map((v, i) => v - (sums[i] ?? NaN));
    if (Number(run[1]) !== e.value || years.length !== e.value + 1 || span !== e.value)
      problems.push(`${what}: ${e.value} steps over the years ${years.join("、")}`);
    if (!steps.every((d) => (up ? d > 0 : d < 0)))
      problems.push(`${what}: the cells give ${sums.map((v) => v / 100).join("、")}`);
    return;
  }
  if (years.length !== 2) return void problems.push(`${what}: ${years.length} years`);
  if (e.text.startsWith("年均")) {
    const average = (Math.pow(last / first, 1 / span) - 1) * 100;
    if (!(Math.abs(average - e.value) <= 0.05 + 1e-9))
      problems.push(`${what}: average ${e.value}% but the cells give ${average.toFixed(3)}%`);
    return;
  }
  if (!e.text.startsWith(`比${years[0]}年`) && !e.text.startsWith(`与${years[0]}年`))
    problems.push(`${what}: the text names another year than ${years[0]}`);
  const growth = /[%倍番]$/.test(e.text);
  const expected = growth ? (100 * (last - first)) / first : (last - first) / 100;
  if (!(Math.abs(expected - e.value) <= (growth ? 0.05 : 0.005) + 1e-9))
    problems.push(`${what}: ${e.value} but the cells give ${expected.toFixed(3)}`);
}

/** The ranges of `text` where `piece` occurs. */
function occurrences(text: string, piece: string): [number, number][] {
  const out: [number, number][] = [];
  if (piece === "") return out;
  for (let at = text.indexOf(piece); at >= 0; at = text.indexOf(piece, at + 1))
    out.push([at, at + piece.length]);
  return out;
}

/** The literal words of the phrases in force, as they read in the text. */
export function phraseLiterals(phrases: readonly SheetPhrases[]): string[] {
  const strings: string[] = [];
  const walk = (x: unknown): void => {
    if (typeof x === "string") strings.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === "object") Object.values(x).forEach(walk);
  };
  walk(phrases);
  return strings
    .flatMap((s) => s.split(/\{[^}]*\}/))
    .filter((s) => /\d/.test(s))
    .map((s) => toChinesePunctuation(s));
}

/** Cell texts that may be written into the draft (programme names and the like). */
export function cellTexts(wb: WorkbookModel): string[] {
  const out = new Set<string>();
  for (const s of wb.sheets)
    for (const row of s.values ?? [])
      for (const v of row ?? [])
        if (typeof v === "string" && /\d/.test(v))
          // as the draft writes a cell's text: one line, Chinese punctuation, no private-use marks
          out.add(toChinesePunctuation(oneLine(v).replace(/[\uE000-\uE003]/g, "")));
  return [...out];
}

/** Every ASCII digit of the text lies in an entry, a phrase's words, a cell's text or a year label. */
function checkCoverage(a: Analysis, allowed: readonly string[], problems: string[]): void {
  const text = a.draft.text;
  const covered = new Uint8Array(text.length);
  const cover = (from: number, to: number) => covered.fill(1, Math.max(0, from), to);
  for (const f of a.draft.figures) cover(f.start, f.end);
  for (const piece of allowed) for (const [from, to] of occurrences(text, piece)) cover(from, to);
  // a year named in the draft: last year's label in `（2012年51件）`
  const years = new Set(a.tables.map((t) => t.year).filter((y) => y !== undefined));
  for (const m of text.matchAll(/（(\d{4})年/g))
    if (years.has(Number(m[1])) || Number(m[1]) === (a.currentYear ?? 0) - 1)
      cover(m.index + 1, m.index + 5);
  for (const m of text.matchAll(/\d+/g))
    for (let i = m.index; i < m.index + m[0].length; i++)
      if (!covered[i]) {
        const around = text.slice(Math.max(0, m.index - 12), m.index + m[0].length + 6);
        problems.push(`digits "${m[0]}" at ${m.index} have no entry: …${around}…`);
        break;
      }
}

/**
 * Where the k-th mark's text lies: just before the mark, or — for last year's value in
 * `（2012年248人【待核】）` — before the mark with the closing bracket after it.
 */
function markedSpan(text: string, at: number, marked: string): [number, number] | undefined {
  if (text.slice(at - marked.length, at) === marked) return [at - marked.length, at];
  const open = marked.replace(/）$/, "");
  if (
    open !== marked &&
    text.slice(at - open.length, at) === open &&
    text[at + MARK.length] === "）"
  )
    return [at - open.length, at];
  return undefined;
}

/**
 * One mark per unverified figure, in text order, right after its text; the numbers it lists are
 * exactly the numbers inside that text, each unverified; every unverified number is in a mark's text.
 */
function checkMarks(a: Analysis, problems: string[]): void {
  const { text, figures, unverified } = a.draft;
  const marks = occurrences(text, MARK);
  if (marks.length !== unverified.length)
    return void problems.push(
      `${marks.length} marks in the text but ${unverified.length} unverified figures`
    );
  const inMark = new Set<number>();
  marks.forEach(([at], k) => {
    const u = unverified[k];
    if (!u) return;
    const span = markedSpan(text, at, u.text);
    if (!span) return void problems.push(`mark ${k} at ${at}: not after its text ${u.text}`);
    const inside = figures.flatMap((f, i) => (f.start >= span[0] && f.end <= span[1] ? [i] : []));
    inside.forEach((i) => inMark.add(i));
    if (JSON.stringify(inside) !== JSON.stringify(u.figures ?? []))
      problems.push(
        `mark ${k} (${u.text}) lists ${JSON.stringify(u.figures)} but holds ${JSON.stringify(inside)}`
      );
    for (const i of inside)
      if (!figures[i]?.unverified?.length)
        problems.push(
          `mark ${k} (${u.text}) holds ${figures[i]?.text ?? i}, which is not unverified`
        );
  });
  figures.forEach((f, i) => {
    if (f.unverified?.length && !inMark.has(i))
      problems.push(`entry ${i} ${f.text} (${f.label}) is unverified but no mark follows it`);
  });
}

/** Everything the draft says about its numbers, checked against the workbook. */
export function checkProvenance(
  wb: WorkbookModel,
  a: Analysis,
  phrases: readonly SheetPhrases[]
): string[] {
  const problems: string[] = [];
  const sheets: Sheets = new Map(
    [...wb.sheets].reverse().map((s) => [s.name, (s.values ?? []) as CellValue[][]])
  );
  a.draft.figures.forEach((e, i) => {
    const what = `entry ${i} ${e.text} (${e.label}, ${e.kind})`;
    if (e.start < 0) problems.push(`${what}: not placed in the text`);
    else if (a.draft.text.slice(e.start, e.end) !== e.text)
      problems.push(`${what}: text at ${e.start} reads ${a.draft.text.slice(e.start, e.end)}`);
    if (e.kind === "sum" || e.kind === "rate") checkValue(sheets, e, problems, what);
    else if (e.kind === "change" || e.kind === "percent")
      checkComparison(sheets, e, problems, what);
    else if (e.kind === "series") checkSeries(sheets, e, problems, what);
  });
  checkCoverage(a, [...phraseLiterals(phrases), ...cellTexts(wb)], problems);
  checkMarks(a, problems);
  return problems;
}
