/**
 * The worksheet scanner: one pass over `sheetN.xml` with indexOf/charCodeAt, building the values
 * grid and the formats grid of the core's model. No object per cell: numbers are parsed in place,
 * shared strings are looked up, format strings are the style's interned string, Excel error values
 * are shared objects.
 *
 * Conventions (also in src/hosts/xlsx/README.md):
 * - a formula cell holds its cached result (the value Excel last computed); a formula saved without
 *   one (no `<v>`, or an empty one where a number is expected — what openpyxl writes) is a
 *   `FormulaValue`, listed in `formulas`; formulas.ts computes the plain arithmetic ones once the
 *   whole workbook is read;
 * - `t="d"` (ISO date) cells become dates (`{ date: serial }`, a DateValue) with a date format, so
 *   a date in a count column is a wrong type, as Excel shows it, not a number;
 * - in a 1904-system workbook, date-formatted numbers are shifted to the 1900 system;
 * - merged cells: the value stays in the area's top-left cell, as in Excel; a TEXT value is also
 *   copied down the area's first column (a 单位类型 merged over several rows applies to each row).
 *   Numbers are never copied (that would double a sum). The areas are listed in `merges`.
 * - blank cells (no value, or a formula with an empty text result) are left undefined.
 */
import {
  parseA1,
  type CellValue,
  type DateValue,
  type ErrorValue,
  type FormulaValue,
} from "../../core";
import type { ReadBudget } from "./budget";
import { XlsxReadError } from "./errors";
import type { PendingFormula, SharedMaster, SheetFormulas } from "./formulas";
import type { CellStyles } from "./styles";
import {
  attr,
  decodeXmlText,
  elementPrefix,
  findStartTag,
  richText,
  tagEnd,
  XmlProblem,
  XmlRescan,
  type PhoneticCursor,
  type XmlChecker,
} from "./xml";

export interface ScannedSheet {
  readonly values: CellValue[][];
  readonly formats: Array<Array<string | undefined> | undefined>;
  /** Merged areas as A1 ranges (`A1:K1`). */
  readonly merges: string[];
  /** The formulas saved without their results (none: undefined). */
  readonly formulas: SheetFormulas | undefined;
}

export interface ScanContext {
  readonly sharedStrings: readonly string[];
  readonly styles: CellStyles;
  readonly date1904: boolean;
  /** What the run has used so far (cells, grid slots, merges) and its limits. */
  readonly budget: ReadBudget;
  /** Called at every row with the character offset reached in this sheet (keep it cheap). */
  readonly onRows?: (offset: number) => void;
}

const T_NUMBER = 0;
const T_SHARED = 1;
const T_STR = 2;
const T_INLINE = 3;
const T_BOOL = 4;
const T_ERROR = 5;
const T_DATE = 6;

const POW10 = [
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17,
  1e18, 1e19, 1e20, 1e21, 1e22,
];

const errorValues = new Map<string, ErrorValue>();

/** The shared, frozen error value for `#DIV/0!` etc. */
function errorValue(text: string): ErrorValue {
  let e = errorValues.get(text);
  if (!e) {
    e = Object.freeze({ error: text });
    if (errorValues.size < 64) errorValues.set(text, e);
  }
  return e;
}

/**
 * A decimal number written in `s[a, b)`, parsed without allocating: exact like `Number()` (up to
 * 15 significant digits and 22 decimals it is one correctly rounded division; otherwise it falls
 * back to `Number`). NaN when the text is not a number.
 * @example parseDecimal("x-12.50y", 1, 7) // -12.5
 */
export function parseDecimal(s: string, a: number, b: number): number {
  let i = a;
  let neg = false;
  const first = s.charCodeAt(i);
  if (first === 45) {
    neg = true;
    i++;
  } else if (first === 43) i++;
  if (i >= b) return NaN;
  let m = 0;
  let sig = 0;
  let frac = 0;
  let dot = false;
  for (; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (m !== 0 || c !== 48) sig++;
      if (sig > 15) return Number(s.slice(a, b));
      m = m * 10 + (c - 48);
      if (dot) frac++;
    } else if (c === 46 && !dot) {
      dot = true;
    } else {
      return Number(s.slice(a, b)); // exponent, spaces …
    }
  }
  if (frac > 22) return Number(s.slice(a, b));
  const v = frac === 0 ? m : m / (POW10[frac] as number);
  return neg ? -v : v;
}

/**
 * An ISO 8601 date/time (`2013-05-06`, `2013-05-06T08:30:00`, `T08:30:00`) as an Excel serial
 * day number (1900 system); NaN when unreadable.
 * @example isoToSerial("2013-01-01") // 41275
 */
export function isoToSerial(s: string): number {
  const t = s.trim();
  let ms: number;
  if (t.charCodeAt(0) === 84 /* T */) {
    const [h = "0", mi = "0", se = "0"] = t.slice(1).split(":");
    return (Number(h) * 3600 + Number(mi) * 60 + Number(se)) / 86400;
  }
  const d = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(t);
  if (!d) return NaN;
  ms = Date.UTC(
    Number(d[1]),
    Number(d[2]) - 1,
    Number(d[3]),
    Number(d[4] ?? 0),
    Number(d[5] ?? 0),
    0
  );
  ms += Number(d[6] ?? 0) * 1000;
  const serial = ms / 86400000 + 25569;
  // Excel's 1900 system counts the non-existent 1900-02-29: serials before 1900-03-01 are one less
  return serial < 61 ? serial - 1 : serial;
}

/**
 * Rows skipped by the sheet (no cells) all share this one empty array: a value at row 1,048,576
 * costs one pointer per row above it, not an array (the rows are charged to the budget).
 */
const GAP_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

/** Empty, with the generic elements kind (it once held `undefined`). */
const EMPTY_ROW: CellValue[] = [undefined];
EMPTY_ROW.length = 0;

/**
 * An empty row array that already has the generic elements kind, so pushing text, numbers and
 * objects never changes its kind; copied by `slice` (no array literal's allocation site, whose
 * pretenuring decision would throw the optimised scan loop away midway).
 */
function newRow(): CellValue[] {
  return EMPTY_ROW.slice();
}

function pushAt<T>(row: T[], col: number, v: T, budget: ReadBudget): void {
  const len = row.length;
  if (col === len) row.push(v);
  else if (col > len) {
    budget.addSlots(col - len);
    for (let k = len; k < col; k++) row.push(undefined as T);
    row.push(v);
  } else row[col] = v;
}

/** Reads an A1 range `A1:K2` into 0-based corners. */
function parseRange(ref: string): { r1: number; c1: number; r2: number; c2: number } | undefined {
  const [a = "", b = a] = ref.toUpperCase().split(":");
  const p = parseA1(a);
  const q = parseA1(b);
  if (p?.row === undefined || p.col === undefined || q?.row === undefined || q.col === undefined)
    return undefined;
  return {
    r1: Math.min(p.row, q.row),
    c1: Math.min(p.col, q.col),
    r2: Math.max(p.row, q.row),
    c2: Math.max(p.col, q.col),
  };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Stores the current row's formats: rows formatted alike share one array (most rows of a table).
 * Returns the array now last stored. Module-level (not a closure) so the scan loop's variables
 * stay in registers.
 */
function storeRowFormats(
  formats: Array<Array<string | undefined> | undefined>,
  rowIdx: number,
  scratch: Array<string | undefined>,
  len: number,
  last: Array<string | undefined> | undefined
): Array<string | undefined> | undefined {
  if (rowIdx < 0 || len === 0) return last;
  let same = last !== undefined && last.length === len;
  for (let k = 0; same && k < len; k++)
    same = (last as Array<string | undefined>)[k] === scratch[k];
  const stored = same ? last : scratch.slice(0, len);
  formats[rowIdx] = stored;
  return stored;
}

/** The value of a cell of `type` whose `<v>` text is xml[vs, ve). */
function cellValue(
  xml: string,
  type: number,
  vs: number,
  ve: number,
  sharedStrings: readonly string[],
  shift1904: boolean
): CellValue {
  switch (type) {
    case T_NUMBER: {
      if (ve <= vs) return undefined;
      const n = parseDecimal(xml, vs, ve);
      if (n === n) return shift1904 ? n + 1462 : n;
      return decodeXmlText(xml.slice(vs, ve));
    }
    case T_SHARED: {
      let idx = 0;
      for (let m = vs; m < ve; m++) idx = idx * 10 + (xml.charCodeAt(m) - 48);
      const s = sharedStrings[idx];
      return s === "" ? undefined : s;
    }
    case T_STR: {
      const s = decodeXmlText(xml.slice(vs, ve));
      return s === "" ? undefined : s;
    }
    case T_BOOL:
      return xml.charCodeAt(vs) === 49 || xml.startsWith("true", vs);
    case T_ERROR:
      return errorValue(decodeXmlText(xml.slice(vs, ve)).trim());
    default: {
      const text = xml.slice(vs, ve);
      const serial = isoToSerial(text);
      if (serial !== serial) return decodeXmlText(text);
      const date: DateValue = Object.freeze({ date: serial });
      return date;
    }
  }
}

const corruptCell = (): XlsxReadError =>
  new XlsxReadError("corrupt", "文件已损坏（工作表单元格标记不完整）");

/** The attributes of the cell tag being read (one object for the whole scan, no object per cell). */
interface CellTag {
  /** 0-based row and column from `r`; -1 when absent or unreadable. */
  row: number;
  col: number;
  type: number;
  style: number;
  selfClosing: boolean;
}

/**
 * Reads the attributes `r`, `t`, `s` of the cell tag whose name ends before `j` (others skipped)
 * into `cell`; returns the index of the tag's `>`.
 */
function readCellTag(xml: string, j: number, end: number, cell: CellTag): number {
  cell.row = -1;
  cell.col = -1;
  cell.type = T_NUMBER;
  cell.style = 0;
  cell.selfClosing = false;
  for (;;) {
    let c = xml.charCodeAt(j);
    while (isSpace(c)) c = xml.charCodeAt(++j);
    if (c === 62) return j;
    if (c === 47) {
      cell.selfClosing = true;
      return j + 1;
    }
    if (j >= end) throw corruptCell();
    const nameStart = j;
    while (c !== 61 && !isSpace(c) && c !== 62 && j < end) c = xml.charCodeAt(++j);
    const nameLen = j - nameStart;
    while (c !== 61 && j < end) {
      if (!isSpace(c)) throw corruptCell(); // a name without `=` and a value
      c = xml.charCodeAt(++j);
    }
    c = xml.charCodeAt(++j);
    while (isSpace(c)) c = xml.charCodeAt(++j);
    if (c !== 34 && c !== 39) throw corruptCell();
    const vs = j + 1;
    let ve = vs;
    while (xml.charCodeAt(ve) !== c && ve < end) ve++;
    if (ve >= end) throw corruptCell();
    if (nameLen === 1) cellAttribute(xml, xml.charCodeAt(nameStart), vs, ve, cell);
    j = ve + 1;
  }
}

/** One of the cell attributes `r` (A1 reference), `t` (type) and `s` (style), valued xml[vs, ve). */
function cellAttribute(xml: string, name: number, vs: number, ve: number, cell: CellTag): void {
  if (name === 114 /* r */) {
    let cc = 0;
    let m = vs;
    for (; m < ve; m++) {
      const ch = xml.charCodeAt(m) & ~32;
      if (ch < 65 || ch > 90) break;
      cc = cc * 26 + (ch - 64);
    }
    let rr = 0;
    for (; m < ve; m++) {
      const ch = xml.charCodeAt(m);
      if (ch < 48 || ch > 57) break;
      rr = rr * 10 + (ch - 48);
    }
    if (cc > 0 && cc <= 16384) cell.col = cc - 1;
    if (rr > 0 && rr <= 1048576) cell.row = rr - 1;
  } else if (name === 116 /* t */) {
    const t0 = xml.charCodeAt(vs);
    if (t0 === 115) cell.type = ve - vs === 1 ? T_SHARED : T_STR;
    else if (t0 === 105) cell.type = T_INLINE;
    else if (t0 === 98) cell.type = T_BOOL;
    else if (t0 === 101) cell.type = T_ERROR;
    else if (t0 === 100) cell.type = T_DATE;
  } else if (name === 115 /* s */) {
    let sv = 0;
    for (let m = vs; m < ve; m++) sv = sv * 10 + (xml.charCodeAt(m) - 48);
    cell.style = sv;
  }
}

/**
 * End of the value text when the cell is `…><v>text</v></c>` (most cells Excel writes): the index
 * of `</v></c>`, or -1 for any other content.
 */
function plainValueEnd(xml: string, gt: number, end: number): number {
  if (
    xml.charCodeAt(gt + 1) !== 60 ||
    xml.charCodeAt(gt + 2) !== 118 ||
    xml.charCodeAt(gt + 3) !== 62
  )
    return -1;
  let e = gt + 4;
  while (xml.charCodeAt(e) !== 60 && e < end) e++;
  if (
    xml.charCodeAt(e + 1) !== 47 ||
    xml.charCodeAt(e + 2) !== 118 ||
    xml.charCodeAt(e + 3) !== 62 ||
    xml.charCodeAt(e + 4) !== 60 ||
    xml.charCodeAt(e + 5) !== 47 ||
    xml.charCodeAt(e + 6) !== 99 ||
    xml.charCodeAt(e + 7) !== 62
  )
    return -1; // not `</v></c>`
  return e;
}

/** Where the sheet's rows are: the `<sheetData>` start tag, the end of that tag and its end tag. */
interface SheetDataBounds {
  readonly start: number;
  readonly openEnd: number;
  readonly end: number;
}

function sheetDataBounds(xml: string, p: string, part: string): SheetDataBounds {
  const notSheet = (what: string): XlsxReadError =>
    new XlsxReadError(
      "corrupt",
      `文件已损坏（部件 ${part} ${what}），请在 Excel 中打开后另存为 .xlsx 再试`
    );
  if (findStartTag(xml, p + "worksheet", 0) < 0) throw notSheet("不是工作表");
  const start = findStartTag(xml, p + "sheetData", 0);
  if (start < 0) throw notSheet("没有 sheetData 部分");
  const openEnd = tagEnd(xml, start);
  if (openEnd < 0) throw new XlsxReadError("corrupt", "文件已损坏（工作表内容不完整）");
  // the closing tag is near the end: search backwards
  let end = xml.charCodeAt(openEnd - 1) === 47 ? openEnd : xml.lastIndexOf("</" + p + "sheetData>");
  if (end < openEnd) end = xml.length;
  return { start, openEnd, end };
}

/**
 * The grids being built: the row cells go to, and the formats of that row, collected in a scratch
 * array so that rows formatted alike share one array.
 */
class Grids {
  readonly values: CellValue[][] = [];
  readonly formats: Array<Array<string | undefined> | undefined> = [];
  row: CellValue[] = [];
  rowIdx = -1;
  private readonly fmtScratch: Array<string | undefined> = [];
  private fmtLen = 0;
  private lastFmtRow: Array<string | undefined> | undefined;

  constructor(private readonly budget: ReadBudget) {}

  /** Cells now go to row `want` (a new row, or cells out of order). */
  enter(want: number): void {
    const values = this.values;
    this.lastFmtRow = storeRowFormats(
      this.formats,
      this.rowIdx,
      this.fmtScratch,
      this.fmtLen,
      this.lastFmtRow
    );
    this.fmtLen = 0;
    this.rowIdx = want;
    if (values.length < want) {
      this.budget.addSlots(want - values.length);
      while (values.length < want) values.push(GAP_ROW);
    }
    if (values.length === want) values.push(newRow());
    let row = values[want] as CellValue[];
    if (row === GAP_ROW) values[want] = row = newRow();
    this.row = row;
    const again = this.formats[want];
    if (again !== undefined) {
      for (let k = 0; k < again.length; k++) this.fmtScratch[k] = again[k];
      this.fmtLen = again.length;
    }
  }

  /** A non-blank value (and its format) at `col` of the current row. */
  put(col: number, value: CellValue, fmt: string | undefined): void {
    const budget = this.budget;
    if (++budget.cells > budget.limits.maxCells)
      throw new XlsxReadError("too-large", budget.cellLimitMessage());
    pushAt(this.row, col, value, budget);
    if (fmt === undefined) return;
    const scratch = this.fmtScratch;
    for (; this.fmtLen < col; this.fmtLen++) scratch[this.fmtLen] = undefined;
    scratch[col] = fmt;
    if (col >= this.fmtLen) this.fmtLen = col + 1;
  }

  /** The scan is over: the last row's formats are stored. */
  done(): void {
    storeRowFormats(this.formats, this.rowIdx, this.fmtScratch, this.fmtLen, this.lastFmtRow);
  }
}

/** True when the tag name at `k` is `row` (followed by a space, `>` or `/`). */
function isRowTag(xml: string, k: number): boolean {
  if (
    xml.charCodeAt(k) !== 114 /* r */ ||
    xml.charCodeAt(k + 1) !== 111 ||
    xml.charCodeAt(k + 2) !== 119
  )
    return false;
  const c = xml.charCodeAt(k + 3);
  return isSpace(c) || c === 62 || c === 47;
}

/** What a scan knows beyond the grids: the part's prefix, its bounds and the optional checker. */
interface ScanState {
  readonly xml: string;
  readonly p: string;
  readonly end: number;
  readonly check: XmlChecker | undefined;
  readonly shared: readonly string[];
  readonly date1904: boolean;
  readonly isDate: readonly boolean[];
  readonly phonetic: PhoneticCursor;
  readonly formulas: FormulaCells;
  /** The formula element's name with the part's prefix (`f`, `x:f`). */
  readonly fName: string;
}

/**
 * The formula cells of a scan that formulas.ts needs: those saved without a result, and the
 * masters of shared formulas (a child saved without a result is computed from its master's text).
 */
class FormulaCells {
  readonly pending: PendingFormula[] = [];
  readonly masters = new Map<string, SharedMaster>();
  /** Set by `otherCell` for the cell it read: 1 a formula without result, 2 a shared master. */
  found = 0;
  text = "";
  si: string | undefined = undefined;

  /** Lists the formula `otherCell` found, at its place in the grid. */
  note(row: number, col: number): void {
    const { text, si } = this;
    if (this.found === 1) this.pending.push({ row, col, text, si });
    if (si !== undefined && text !== "" && !this.masters.has(si))
      this.masters.set(si, { row, col, text });
    this.found = 0;
  }

  result(): SheetFormulas | undefined {
    return this.pending.length === 0 ? undefined : { pending: this.pending, masters: this.masters };
  }
}

/**
 * The cell's `<f>` element, when its content (from `gt`, the start tag's `>`) begins with one: its
 * text and shared index go to `s.formulas` (`found` = `found`); returns whether there was one.
 */
function readFormula(s: ScanState, gt: number, close: number, found: number): boolean {
  const { xml, p } = s;
  let i = gt + 1;
  while (isSpace(xml.charCodeAt(i))) i++;
  if (xml.charCodeAt(i) !== 60 || !xml.startsWith(s.fName, i + 1)) return false;
  const c = xml.charCodeAt(i + 2 + p.length);
  if (!(isSpace(c) || c === 62 || c === 47)) return false;
  if (found === 2 && !isSpace(c)) return false; // no attributes: not shared
  const fgt = tagEnd(xml, i);
  if (fgt < 0 || fgt > close) return false;
  const f = s.formulas;
  f.si = undefined;
  f.text = "";
  if (isSpace(c) && attr(xml, i, fgt, "t") === "shared") f.si = attr(xml, i, fgt, "si");
  if (found === 2 && f.si === undefined) return false;
  if (xml.charCodeAt(fgt - 1) !== 47) {
    let fe = xml.indexOf("</" + p + "f>", fgt);
    if (fe < 0 || fe > close) fe = close;
    f.text = decodeXmlText(xml.slice(fgt + 1, fe)).trim();
  }
  f.found = found;
  return true;
}

/** A formula cell saved without its result (see the module comment); undefined when no formula. */
function withoutResult(s: ScanState, gt: number, close: number): CellValue {
  if (!readFormula(s, gt, close, 1)) return undefined;
  const value: FormulaValue = Object.freeze({ formula: s.formulas.text });
  return value;
}

/**
 * The value of a cell written other than `<v>text</v></c>` (inline strings, prefixes, formulas,
 * spaces …), whose start tag ends at `gt` and is not self-closing; `next` receives the index after
 * the cell (its content checked when a checker is given).
 */
function otherCell(s: ScanState, gt: number, cell: CellTag, next: { at: number }): CellValue {
  const { xml, p, end } = s;
  const cellClose = "</" + p + "c>";
  let close = xml.indexOf(cellClose, gt);
  if (close < 0 || close > end) close = end;
  const after = close === end ? end : close + cellClose.length;
  next.at = s.check === undefined ? after : s.check.walk(gt + 1, after);
  let type = cell.type;
  if (type === T_INLINE) {
    const is = xml.indexOf("<" + p + "is", gt);
    if (is >= 0 && is < close) {
      const text = richText(xml, is, close, p, s.phonetic);
      return text === "" ? undefined : text;
    }
    type = T_STR;
  }
  const vOpen = "<" + p + "v";
  const v = xml.indexOf(vOpen, gt);
  if (v < 0 || v >= close) return withoutResult(s, gt, close);
  const vgt = xml.indexOf(">", v);
  const vc = xml.charCodeAt(v + vOpen.length);
  if (!(vc === 62 || vc === 47 || isSpace(vc))) return undefined;
  let ve = xml.charCodeAt(vgt - 1) === 47 ? vgt + 1 : xml.indexOf("</" + p + "v>", vgt + 1);
  if (ve < 0 || ve > close) ve = close;
  // an empty result is a formula's empty text (t="str"); of any other type it is no result
  if (ve <= vgt + 1 && type !== T_STR) return withoutResult(s, gt, close);
  readFormula(s, gt, close, 2); // a shared formula's master: its text is its children's
  const shift = s.date1904 && s.isDate[cell.style] === true;
  return cellValue(xml, type, vgt + 1, ve, s.shared, shift);
}

/**
 * Scans one worksheet part. With a `check`er, the part's well-formedness is checked in the same
 * pass (the tags the scan reads itself are balanced by construction; every other tag goes through
 * the checker), so the part is read once.
 * @example scanSheet('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>', ctx).values // [[1]]
 */
export function scanSheet(
  xml: string,
  ctx: ScanContext,
  part = "worksheet",
  check?: XmlChecker
): ScannedSheet {
  const p = elementPrefix(xml, "worksheet");
  const bounds = sheetDataBounds(xml, p, part);
  const sdEnd = bounds.end;
  if (check && check.walk(check.begin(), bounds.start + 1) !== bounds.openEnd + 1)
    throw new XmlRescan();
  const s: ScanState = {
    xml,
    p,
    end: sdEnd,
    check,
    shared: ctx.sharedStrings,
    date1904: ctx.date1904,
    isDate: ctx.styles.isDate,
    phonetic: { next: -2 },
    formulas: new FormulaCells(),
    fName: p + "f",
  };
  const grids = new Grids(ctx.budget);
  const last = scanRows(s, bounds.openEnd + 1, grids, ctx);
  grids.done();
  if (check) {
    check.walk(Math.max(last, sdEnd, bounds.openEnd + 1), xml.length);
    check.finish();
  }
  const merges = scanMerges(xml, p, sdEnd, grids.values, ctx.budget);
  return { values: grids.values, formats: grids.formats, merges, formulas: s.formulas.result() };
}

/** The rows of xml[from, s.end): cells into `grids`; returns the index the scan stopped at. */
function scanRows(s: ScanState, from: number, grids: Grids, ctx: ScanContext): number {
  const { xml, end, check } = s;
  const pl = s.p.length;
  const styleFormats = ctx.styles.formats;
  const styleIsDate = s.isDate;
  const cell: CellTag = { row: -1, col: -1, type: T_NUMBER, style: 0, selfClosing: false };
  const next = { at: 0 };
  const onRows = ctx.onRows ?? ((): void => undefined);
  let rowTarget = -1; // the row the cells belong to (from `<row r>`)
  let col = -1;
  let i = from;
  while (i < end) {
    const lt = xml.charCodeAt(i) === 60 ? i : xml.indexOf("<", i);
    if (lt < 0 || lt >= end) break;
    const k = lt + 1 + pl;
    if (pl > 0 && xml.charCodeAt(k - 1) !== 58 /* : */) {
      i = otherTag(check, lt);
      continue;
    }
    if (isRowTag(xml, k)) {
      const gt = tagEnd(xml, lt);
      if (gt < 0) {
        if (check) throw new XmlProblem("标记不完整");
        break;
      }
      if (check && xml.charCodeAt(gt - 1) !== 47) check.open(lt + 1, pl + 3);
      const rAttr = attr(xml, lt, gt, "r");
      const r = rAttr === undefined ? rowTarget + 1 : Number(rAttr) - 1;
      rowTarget = Number.isInteger(r) && r >= 0 && r < 1048576 ? r : rowTarget + 1;
      col = -1;
      i = gt + 1;
      onRows(i); // every row: a call the optimised loop has always seen (the callee throttles)
      continue;
    }
    const d1 = xml.charCodeAt(k + 1);
    if (xml.charCodeAt(k) !== 99 /* c */ || !(isSpace(d1) || d1 === 62 || d1 === 47)) {
      i = check ? otherTag(check, lt) : k;
      continue;
    }
    const gt = readCellTag(xml, k + 1, end, cell);
    const want = cell.row >= 0 ? cell.row : rowTarget < 0 ? 0 : rowTarget;
    if (want !== grids.rowIdx) {
      rowTarget = want;
      grids.enter(want);
    }
    col = cell.col >= 0 ? cell.col : col + 1;
    if (cell.selfClosing) {
      i = gt + 1;
      continue;
    }
    let value: CellValue;
    const plainEnd = pl === 0 && cell.type !== T_INLINE ? plainValueEnd(xml, gt, end) : -1;
    if (plainEnd >= 0) {
      const shift = s.date1904 && styleIsDate[cell.style] === true;
      value = cellValue(xml, cell.type, gt + 4, plainEnd, s.shared, shift);
      i = plainEnd + 8;
    } else {
      if (check) check.open(lt + 1, pl + 1);
      value = otherCell(s, gt, cell, next);
      i = next.at;
      if (s.formulas.found !== 0) s.formulas.note(want, col);
    }
    if (value === undefined) continue;
    const fmt =
      cell.type === T_DATE && styleIsDate[cell.style] !== true
        ? "yyyy-mm-dd"
        : styleFormats[cell.style];
    grids.put(col, value, fmt);
  }
  return i;
}

/**
 * A tag inside the rows that the scan does not read (`</row>`, any other element): checked when
 * a checker is given; returns the index to go on from.
 */
function otherTag(check: XmlChecker | undefined, lt: number): number {
  if (check === undefined) return lt + 1;
  const after = check.tag(lt);
  // the rows' own element was closed before its end tag: let the whole part be inspected
  if (check.depth === 0) throw new XmlRescan();
  return after;
}

/** The merged areas listed after the rows; TEXT copied down each area's first column. */
function scanMerges(
  xml: string,
  p: string,
  from: number,
  values: CellValue[][],
  budget: ReadBudget
): string[] {
  const merges: string[] = [];
  const mcStart = findStartTag(xml, p + "mergeCells", from);
  if (mcStart < 0) return merges;
  let m = findStartTag(xml, p + "mergeCell", mcStart + 1);
  while (m >= 0) {
    const gt = tagEnd(xml, m);
    if (gt < 0) break;
    const ref = attr(xml, m, gt, "ref");
    if (ref) {
      budget.addMerge();
      merges.push(ref);
    }
    m = findStartTag(xml, p + "mergeCell", gt);
  }
  for (const ref of merges) fillMergedText(values, ref, budget);
  return merges;
}

/** Copies a merged area's top-left TEXT down its first column (see the module comment). */
function fillMergedText(values: CellValue[][], ref: string, budget: ReadBudget): void {
  const area = parseRange(ref);
  if (!area || area.r2 === area.r1) return;
  const top = values[area.r1]?.[area.c1];
  if (typeof top !== "string") return;
  const last = Math.min(area.r2, values.length - 1);
  // every row the area covers is work (and may become a cell): charged, so that thousands of
  // merges over a tall sheet stop at the budget instead of costing merges × rows
  if (last > area.r1) budget.addSlots(last - area.r1);
  for (let r = area.r1 + 1; r <= last; r++) {
    let row = values[r] as CellValue[];
    if (row === GAP_ROW) values[r] = row = newRow();
    if (row[area.c1] === undefined || row[area.c1] === null) pushAt(row, area.c1, top, budget);
  }
}
