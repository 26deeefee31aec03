/**
 * Formulas the file holds without their result. Excel saves every formula with the value it last
 * computed; programs that write .xlsx files (openpyxl, many exporters) often save only the formula
 * (`<c r="C12"><f>SUM(C4:C11)</f></c>`, or with an empty `<v></v>`). The scanner (sheet.ts) puts
 * such a cell in the grid as a `FormulaValue` and lists it here; once every sheet of the workbook is
 * read, `computeFormulas` works out the plain arithmetic ones and puts the number in their place:
 *
 * - numbers, `+ - * /`, unary minus and plus, parentheses;
 * - cell references (`C4`, `$C$4`), ranges (`C4:C11`), other sheets (`Sheet1!C4`,
 *   `'表2 培训 2013'!C4:C9`);
 * - `SUM(…)` with any number of arguments;
 * - shared formulas (`<f t="shared" ref="C12:D12" si="0">` and `<f t="shared" si="0"/>`): a child is
 *   its master's formula with the relative references moved by the child's offset.
 *
 * As in Excel, a blank cell counts 0, SUM leaves text and TRUE/FALSE of references out, and
 * `+ - * /` take TRUE/FALSE as 1/0. What is not computed keeps its `FormulaValue` (the core reports
 * it as a formula without a result): any other function or operator, text in `+ - * /`, an error
 * value, a division by zero, a reference to a missing sheet, a cycle, a chain of formulas deeper than
 * `MAX_DEPTH`, or more work than `MAX_VISITS` cells for the whole workbook. A result is rounded to 15
 * significant digits, as Excel shows it.
 */
import {
  columnLetters,
  isDateValue,
  isErrorValue,
  isFormulaValue,
  type CellValue,
} from "../../core";

/** A formula cell read without its result; `text` is "" for a shared formula's child. */
export interface PendingFormula {
  readonly row: number;
  readonly col: number;
  readonly text: string;
  /** The `si` of a shared formula (master or child). */
  readonly si: string | undefined;
}

/** A shared formula's master cell (read with or without its result). */
export interface SharedMaster {
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/** The formulas of one sheet that the scan found without their results. */
export interface SheetFormulas {
  readonly pending: PendingFormula[];
  readonly masters: Map<string, SharedMaster>;
}

/** A sheet whose grid `computeFormulas` completes. */
export interface FormulaSheet {
  readonly name: string;
  readonly values: ReadonlyArray<ReadonlyArray<CellValue>>;
}

/** Formulas deeper than this (a formula over a formula over …) are not computed. */
export const MAX_DEPTH = 200;
/** Cells looked at by all the formulas of a workbook, at most. */
export const MAX_VISITS = 10_000_000;

const MAX_ROW = 1048575;
const MAX_COL = 16383;

/** Why a formula is not computed (caught in `computeFormulas`; never leaves this module). */
class NotComputable extends Error {}

const fail = (): never => {
  throw new NotComputable();
};

// ---------------------------------------------------------------- tokens

/** Kinds of token. */
const Tok = { Num: 0, Ref: 1, Sheet: 2, Name: 3, Op: 4, Str: 5, Other: 6 } as const;
type TokenKind = (typeof Tok)[keyof typeof Tok];

interface Token {
  readonly kind: TokenKind;
  readonly start: number;
  readonly end: number;
  /** Op: the operator; Name: the name in capitals; Sheet: the sheet name. */
  readonly text: string;
  readonly num: number;
  /** Ref: 0-based row and column, and whether each is absolute (`$`). */
  readonly row: number;
  readonly col: number;
  readonly rowAbs: boolean;
  readonly colAbs: boolean;
}

const REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_.(!])/y;
const NUM = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_\\][A-Za-z0-9_.]*/y;
const UNQUOTED_SHEET = /[^\s'"!():,+\-*/^&=<>{};[\]#%]+!/y;
const ERROR = /#[A-Za-z0-9/]+[!?]?/y;

function token(kind: TokenKind, start: number, end: number, text = "", num = NaN): Token {
  return { kind, start, end, text, num, row: -1, col: -1, rowAbs: false, colAbs: false };
}

function colNumber(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

function match(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/** The token of `s` at `i` (not white space). */
function nextToken(s: string, i: number): Token {
  const c = s[i] as string;
  if (c === "'") {
    let j = i + 1;
    for (; j < s.length; j++) {
      if (s[j] !== "'") continue;
      if (s[j + 1] === "'") j++;
      else break;
    }
    if (s[j + 1] === "!") return token(Tok.Sheet, i, j + 2, s.slice(i + 1, j).replace(/''/g, "'"));
    return token(Tok.Other, i, Math.min(j + 1, s.length));
  }
  if (c === '"') {
    let j = i + 1;
    while (j < s.length && !(s[j] === '"' && s[j + 1] !== '"')) j += s[j] === '"' ? 2 : 1;
    return token(Tok.Str, i, Math.min(j + 1, s.length));
  }
  let m = match(REF, s, i);
  if (m) {
    const row = Number(m[4]) - 1;
    const col = colNumber(m[2] as string);
    if (row >= 0 && row <= MAX_ROW && col <= MAX_COL)
      return {
        ...token(Tok.Ref, i, REF.lastIndex),
        row,
        col,
        colAbs: m[1] === "$",
        rowAbs: m[3] === "$",
      };
  }
  m = match(UNQUOTED_SHEET, s, i);
  if (m && !/^\d/.test(m[0]))
    return token(Tok.Sheet, i, UNQUOTED_SHEET.lastIndex, m[0].slice(0, -1));
  m = match(NUM, s, i);
  if (m) return token(Tok.Num, i, NUM.lastIndex, "", Number(m[0]));
  m = match(NAME, s, i);
  if (m) return token(Tok.Name, i, NAME.lastIndex, m[0].toUpperCase());
  m = match(ERROR, s, i);
  if (m) return token(Tok.Other, i, ERROR.lastIndex);
  const two = s.slice(i, i + 2);
  if (two === "<=" || two === ">=" || two === "<>") return token(Tok.Op, i, i + 2, two);
  return token("+-*/^&=<>%(),:;{}".includes(c) ? Tok.Op : Tok.Other, i, i + 1, c);
}

/**
 * The tokens of a formula; never fails (what it does not know is an `Other` token).
 * @example tokens("SUM(C4:C11)").map((t) => t.kind)
 */
function tokens(s: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) {
      i++;
      continue;
    }
    const t = nextToken(s, i);
    out.push(t);
    i = t.end;
  }
  return out;
}

/**
 * A shared formula's text as it applies `rows` rows and `cols` columns from its master: relative
 * references moved, absolute ones (`$C$4`) kept; a reference moved off the sheet is `#REF!`.
 * @example shiftFormula("SUM(C4:C11)+$B$2", 0, 1) // "SUM(D4:D11)+$B$2"
 */
export function shiftFormula(text: string, rows: number, cols: number): string {
  let out = "";
  let at = 0;
  for (const t of tokens(text)) {
    if (t.kind !== Tok.Ref) continue;
    const row = t.rowAbs ? t.row : t.row + rows;
    const col = t.colAbs ? t.col : t.col + cols;
    const moved =
      row < 0 || row > MAX_ROW || col < 0 || col > MAX_COL
        ? "#REF!"
        : `${t.colAbs ? "$" : ""}${columnLetters(col)}${t.rowAbs ? "$" : ""}${row + 1}`;
    out += text.slice(at, t.start) + moved;
    at = t.end;
  }
  return out + text.slice(at);
}

// ---------------------------------------------------------------- evaluation

/** What a formula cell is while the workbook's formulas are computed. */
const WAITING = 0;
const RUNNING = 1;
const DONE = 2;
const FAILED = 3;

/** A formula cell without result: where it is, its text and how far its computing got. */
interface Entry {
  readonly sheet: number;
  readonly row: number;
  readonly col: number;
  readonly text: string;
  state: number;
}

/** The workbook's formula cells (by their `FormulaValue`, one object per cell) and the work done. */
class Book {
  readonly byName = new Map<string, number>();
  readonly entries = new Map<CellValue, Entry>();
  visits = 0;

  constructor(readonly sheets: readonly FormulaSheet[]) {
    sheets.forEach((s, i) => this.byName.set(s.name.toLowerCase(), i));
  }

  value(sheet: number, row: number, col: number): CellValue {
    if (++this.visits > MAX_VISITS) fail();
    return this.sheets[sheet]?.values[row]?.[col];
  }

  /** The cell's value, its formula computed first when it has one without a result. */
  resolved(sheet: number, row: number, col: number, depth: number): CellValue {
    const v = this.value(sheet, row, col);
    if (!isFormulaValue(v)) return v;
    const e = this.entries.get(v);
    if (e?.state === WAITING) return this.compute(e, depth + 1);
    return fail(); // running (a cycle) or failed
  }

  /** Computes one formula cell and puts its result in the grid (or marks it failed). */
  compute(e: Entry, depth: number): number {
    // too deep: left waiting (the loop over all formulas may still compute it from nearer the top)
    if (depth > MAX_DEPTH) fail();
    e.state = RUNNING;
    let n: number;
    try {
      n = Number(new Formula(this, e.sheet, e.text, depth).run().toPrecision(15));
    } catch (err) {
      e.state = FAILED;
      // RangeError: the stack ran out before MAX_DEPTH (a small stack)
      if (err instanceof NotComputable || err instanceof RangeError) fail();
      throw err;
    }
    (this.sheets[e.sheet]?.values[e.row] as CellValue[])[e.col] = n;
    e.state = DONE;
    return n;
  }
}

/** A number of a cell for `+ - * /`: blank 0, TRUE/FALSE 1/0, a date its serial; else not computable. */
function arithmetic(v: CellValue): number {
  if (typeof v === "number") return v;
  if (v === undefined || v === null) return 0;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (isDateValue(v)) return v.date;
  return fail(); // text, an error value
}

/** A cell in a SUM: numbers and dates count; blank, text and TRUE/FALSE are left out. */
function summed(v: CellValue): number {
  if (typeof v === "number") return v;
  if (isDateValue(v)) return v.date;
  if (isErrorValue(v)) fail();
  return 0;
}

interface Area {
  readonly sheet: number;
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

/** One formula's parse and evaluation (recursive descent; the grammar is in the module comment). */
class Formula {
  private readonly toks: Token[];
  private i = 0;

  constructor(
    private readonly book: Book,
    private readonly sheet: number,
    text: string,
    private readonly depth: number
  ) {
    this.toks = tokens(text);
  }

  run(): number {
    const n = this.expr();
    if (this.i !== this.toks.length || !Number.isFinite(n)) fail();
    return n;
  }

  private peekOp(): string {
    const t = this.toks[this.i];
    return t?.kind === Tok.Op ? t.text : "";
  }

  private expect(op: string): void {
    if (this.peekOp() !== op) fail();
    this.i++;
  }

  private expr(): number {
    let n = this.term();
    for (let op = this.peekOp(); op === "+" || op === "-"; op = this.peekOp()) {
      this.i++;
      const m = this.term();
      n = op === "+" ? n + m : n - m;
    }
    return n;
  }

  private term(): number {
    let n = this.unary();
    for (let op = this.peekOp(); op === "*" || op === "/"; op = this.peekOp()) {
      this.i++;
      const m = this.unary();
      if (op === "/" && m === 0) fail();
      n = op === "*" ? n * m : n / m;
    }
    return n;
  }

  private unary(): number {
    const op = this.peekOp();
    if (op === "-" || op === "+") {
      this.i++;
      const n = this.unary();
      return op === "-" ? -n : n;
    }
    return this.primary();
  }

  private primary(): number {
    const t = this.toks[this.i] ?? fail();
    if (t.kind === Tok.Num) {
      this.i++;
      return t.num;
    }
    if (t.kind === Tok.Op && t.text === "(") {
      this.i++;
      const n = this.expr();
      this.expect(")");
      return n;
    }
    if (t.kind === Tok.Name && t.text === "SUM" && this.toks[this.i + 1]?.text === "(") {
      this.i += 2;
      return this.sum();
    }
    const area = this.area();
    if (area === undefined || area.r1 !== area.r2 || area.c1 !== area.c2) return fail();
    return arithmetic(this.book.resolved(area.sheet, area.r1, area.c1, this.depth));
  }

  /** The arguments of SUM( … ) up to its `)`. */
  private sum(): number {
    let total = 0;
    if (this.peekOp() === ")") {
      this.i++;
      return 0;
    }
    for (;;) {
      total += this.sumArgument();
      const op = this.peekOp();
      this.i++;
      if (op === ")") return total;
      if (op !== ",") fail();
    }
  }

  /** A reference or range alone (what SUM reads as cells), else an expression. */
  private sumArgument(): number {
    const start = this.i;
    const area = this.area();
    const op = this.peekOp();
    if (area !== undefined && (op === "," || op === ")")) {
      let total = 0;
      for (let r = area.r1; r <= area.r2; r++)
        for (let c = area.c1; c <= area.c2; c++)
          total += summed(this.book.resolved(area.sheet, r, c, this.depth));
      return total;
    }
    this.i = start;
    return this.expr();
  }

  /** `A1`, `A1:B2`, with an optional sheet (`'表2 培训 2013'!C4:C9`); undefined if none here. */
  private area(): Area | undefined {
    let t = this.toks[this.i];
    let sheet = this.sheet;
    const named = t?.kind === Tok.Sheet;
    if (named) {
      sheet = this.book.byName.get((t as Token).text.toLowerCase()) ?? fail();
      t = this.toks[++this.i];
    }
    if (t?.kind !== Tok.Ref) return named ? fail() : undefined;
    this.i++;
    let end = t;
    if (this.peekOp() === ":" && this.toks[this.i + 1]?.kind === Tok.Ref) {
      end = this.toks[this.i + 1] as Token;
      this.i += 2;
    }
    return {
      sheet,
      r1: Math.min(t.row, end.row),
      c1: Math.min(t.col, end.col),
      r2: Math.max(t.row, end.row),
      c2: Math.max(t.col, end.col),
    };
  }
}

/**
 * Puts each formula's text in its cell (a shared formula's child gets its master's, moved), then
 * the result of each formula that can be computed (see the module comment) in its place; the rest
 * keep their `FormulaValue`. `formulas[i]` are the formulas of `sheets[i]`.
 */
export function computeFormulas(
  sheets: readonly FormulaSheet[],
  formulas: ReadonlyArray<SheetFormulas | undefined>
): void {
  const book = new Book(sheets);
  formulas.forEach((f, sheet) => {
    const grid = sheets[sheet]?.values;
    if (f === undefined || grid === undefined) return;
    for (const p of f.pending) {
      const row = grid[p.row] as CellValue[];
      const text = formulaText(p, f.masters);
      if (text !== p.text) row[p.col] = Object.freeze({ formula: text });
      book.entries.set(row[p.col], { sheet, row: p.row, col: p.col, text, state: WAITING });
    }
  });
  for (const e of book.entries.values()) {
    if (e.state !== WAITING) continue;
    try {
      book.compute(e, 0);
    } catch (err) {
      if (!(err instanceof NotComputable)) throw err;
    }
  }
}

/** The text of a pending formula: its own, or its shared master's moved to its cell. */
function formulaText(p: PendingFormula, masters: ReadonlyMap<string, SharedMaster>): string {
  if (p.text !== "" || p.si === undefined) return p.text;
  const m = masters.get(p.si);
  return m === undefined ? "" : shiftFormula(m.text, p.row - m.row, p.col - m.col);
}
