/**
 * The worksheet scanner: one pass over `sheetN.xml` with indexOf/charCodeAt, building the values
 * grid and the formats grid of the core's model. No object per cell: numbers are parsed in place,
 * shared strings are looked up, format strings are the style's interned string, Excel error values
 * are shared objects.
 *
 * Conventions (also in src/hosts/xlsx/README.md):
 * - a formula cell holds its cached result (the value Excel last computed); no cached value → blank;
 * - `t="d"` (ISO date) cells become dates (`{ date: serial }`, a DateValue) with a date format, so
 *   a date in a count column is a wrong type, as Excel shows it, not a number;
 * - in a 1904-system workbook, date-formatted numbers are shifted to the 1900 system;
 * - merged cells: the value stays in the area's top-left cell, as in Excel; a TEXT value is also
 *   copied down the area's first column (a 单位类型 merged over several rows applies to each row).
 *   Numbers are never copied (that would double a sum). The areas are listed in `merges`.
 * - blank cells (no value, or a formula with an empty text result) are left undefined.
 */
import { parseA1, type CellValue, type DateValue, type ErrorValue } from "../../core";
import type { ReadBudget } from "./budget";
import { XlsxReadError } from "./errors";
import type { CellStyles } from "./styles";
import { decodeXmlText, elementPrefix, findStartTag, richText, tagEnd, attr } from "./xml";

export interface ScannedSheet {
  readonly values: CellValue[][];
  readonly formats: Array<Array<string | undefined> | undefined>;
  /** Merged areas as A1 ranges (`A1:K1`). */
  readonly merges: string[];
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

/**
 * Scans one worksheet part.
 * @example scanSheet('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>', ctx).values // [[1]]
 */
export function scanSheet(xml: string, ctx: ScanContext, part = "worksheet"): ScannedSheet {
  const values: CellValue[][] = [];
  const formats: Array<Array<string | undefined> | undefined> = [];
  const merges: string[] = [];
  const p = elementPrefix(xml, "worksheet");
  const notSheet = (what: string): XlsxReadError =>
    new XlsxReadError(
      "corrupt",
      `文件已损坏（部件 ${part} ${what}），请在 Excel 中打开后另存为 .xlsx 再试`
    );
  if (findStartTag(xml, p + "worksheet", 0) < 0) throw notSheet("不是工作表");
  const sdStart = findStartTag(xml, p + "sheetData", 0);
  if (sdStart < 0) throw notSheet("没有 sheetData 部分");
  const sdOpenEnd = tagEnd(xml, sdStart);
  if (sdOpenEnd < 0) throw new XlsxReadError("corrupt", "文件已损坏（工作表内容不完整）");
  // the closing tag is near the end: search backwards
  let sdEnd =
    xml.charCodeAt(sdOpenEnd - 1) === 47 ? sdOpenEnd : xml.lastIndexOf("</" + p + "sheetData>");
  if (sdEnd < sdOpenEnd) sdEnd = xml.length;

  const { sharedStrings, date1904 } = ctx;
  const styleFormats = ctx.styles.formats;
  const styleIsDate = ctx.styles.isDate;
  const budget = ctx.budget;
  const pl = p.length;
  const cellClose = "</" + p + "c>";
  const vOpen = "<" + p + "v";
  const vClose = "</" + p + "v>";
  const isOpen = "<" + p + "is";
  const phonetic = { next: -2 };

  /** The row the cells belong to (from `<row r>`), and the row `row`/`fmtScratch` hold now. */
  let rowTarget = -1;
  let rowIdx = -1;
  let row: CellValue[] = [];
  // formats of the current row are collected here; rows with the same formats share one array
  const fmtScratch: Array<string | undefined> = [];
  let fmtLen = 0;
  let lastFmtRow: Array<string | undefined> | undefined;
  let col = -1;
  const onRows = ctx.onRows ?? ((): void => undefined);
  let i = sdOpenEnd + 1;

  while (i < sdEnd) {
    const lt = xml.charCodeAt(i) === 60 ? i : xml.indexOf("<", i);
    if (lt < 0 || lt >= sdEnd) break;
    if (pl > 0 && xml.charCodeAt(lt + pl) !== 58 /* : */) {
      i = lt + 1;
      continue;
    }
    const k = lt + 1 + pl;
    const c0 = xml.charCodeAt(k);
    if (
      c0 === 114 /* r */ &&
      xml.charCodeAt(k + 1) === 111 &&
      xml.charCodeAt(k + 2) === 119 &&
      (isSpace(xml.charCodeAt(k + 3)) ||
        xml.charCodeAt(k + 3) === 62 ||
        xml.charCodeAt(k + 3) === 47)
    ) {
      const gt = tagEnd(xml, lt);
      if (gt < 0) break;
      const rAttr = attr(xml, lt, gt, "r");
      const r = rAttr === undefined ? rowTarget + 1 : Number(rAttr) - 1;
      rowTarget = Number.isInteger(r) && r >= 0 && r < 1048576 ? r : rowTarget + 1;
      col = -1;
      i = gt + 1;
      onRows(i); // every row: a call the optimised loop has always seen (the callee throttles)
      continue;
    }
    const d1 = xml.charCodeAt(k + 1);
    if (c0 !== 99 /* c */ || !(isSpace(d1) || d1 === 62 || d1 === 47)) {
      i = k;
      continue;
    }
    // <c …> attributes: r, t, s (others skipped)
    let j = k + 1;
    let cellRow = -1;
    let cellCol = -1;
    let type = T_NUMBER;
    let style = 0;
    let selfClosing = false;
    for (;;) {
      let c = xml.charCodeAt(j);
      while (isSpace(c)) c = xml.charCodeAt(++j);
      if (c === 62) break;
      if (c === 47) {
        selfClosing = true;
        j++;
        break;
      }
      if (j >= sdEnd) throw corruptCell();
      const nameStart = j;
      while (c !== 61 && !isSpace(c) && c !== 62 && j < sdEnd) c = xml.charCodeAt(++j);
      const nameLen = j - nameStart;
      while (c !== 61 && j < sdEnd) c = xml.charCodeAt(++j);
      c = xml.charCodeAt(++j);
      while (isSpace(c)) c = xml.charCodeAt(++j);
      if (c !== 34 && c !== 39) throw corruptCell();
      const quote = c;
      const vs = j + 1;
      let ve = vs;
      while (xml.charCodeAt(ve) !== quote && ve < sdEnd) ve++;
      if (ve >= sdEnd) throw corruptCell();
      if (nameLen === 1) {
        const n = xml.charCodeAt(nameStart);
        if (n === 114 /* r */) {
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
          if (cc > 0 && cc <= 16384) cellCol = cc - 1;
          if (rr > 0 && rr <= 1048576) cellRow = rr - 1;
        } else if (n === 116 /* t */) {
          const t0 = xml.charCodeAt(vs);
          if (t0 === 115) type = ve - vs === 1 ? T_SHARED : T_STR;
          else if (t0 === 105) type = T_INLINE;
          else if (t0 === 98) type = T_BOOL;
          else if (t0 === 101) type = T_ERROR;
          else if (t0 === 100) type = T_DATE;
        } else if (n === 115 /* s */) {
          let sv = 0;
          for (let m = vs; m < ve; m++) sv = sv * 10 + (xml.charCodeAt(m) - 48);
          style = sv;
        }
      }
      j = ve + 1;
    }
    const gt = j; // index of '>'
    const want = cellRow >= 0 ? cellRow : rowTarget < 0 ? 0 : rowTarget;
    if (want !== rowIdx) {
      // a new row (or cells out of order): store the last row's formats, take up this one
      rowTarget = want;
      lastFmtRow = storeRowFormats(formats, rowIdx, fmtScratch, fmtLen, lastFmtRow);
      fmtLen = 0;
      rowIdx = want;
      if (values.length < rowIdx) {
        budget.addSlots(rowIdx - values.length);
        while (values.length < rowIdx) values.push(GAP_ROW);
      }
      if (values.length === rowIdx) values.push(newRow());
      row = values[rowIdx] as CellValue[];
      if (row === GAP_ROW) values[rowIdx] = row = newRow();
      const again = formats[rowIdx];
      if (again !== undefined) {
        for (let k = 0; k < again.length; k++) fmtScratch[k] = again[k];
        fmtLen = again.length;
      }
    }
    col = cellCol >= 0 ? cellCol : col + 1;
    if (selfClosing) {
      i = gt + 1;
      continue;
    }

    let value: CellValue = undefined;
    // fast path: <v>…</v></c> right after the tag (most cells Excel writes)
    let fastEnd = -1;
    if (
      pl === 0 &&
      type !== T_INLINE &&
      xml.charCodeAt(gt + 1) === 60 &&
      xml.charCodeAt(gt + 2) === 118 &&
      xml.charCodeAt(gt + 3) === 62
    ) {
      fastEnd = gt + 4;
      while (xml.charCodeAt(fastEnd) !== 60 && fastEnd < sdEnd) fastEnd++;
      if (
        xml.charCodeAt(fastEnd + 1) !== 47 ||
        xml.charCodeAt(fastEnd + 2) !== 118 ||
        xml.charCodeAt(fastEnd + 3) !== 62 ||
        xml.charCodeAt(fastEnd + 4) !== 60 ||
        xml.charCodeAt(fastEnd + 5) !== 47 ||
        xml.charCodeAt(fastEnd + 6) !== 99 ||
        xml.charCodeAt(fastEnd + 7) !== 62
      )
        fastEnd = -1; // not `</v></c>`
    }
    if (fastEnd >= 0) {
      value = cellValue(
        xml,
        type,
        gt + 4,
        fastEnd,
        sharedStrings,
        date1904 && styleIsDate[style] === true
      );
      i = fastEnd + 8;
    } else {
      let close = xml.indexOf(cellClose, gt);
      if (close < 0 || close > sdEnd) close = sdEnd;
      i = close + cellClose.length;
      if (type === T_INLINE) {
        const is = xml.indexOf(isOpen, gt);
        if (is >= 0 && is < close) {
          const s = richText(xml, is, close, p, phonetic);
          value = s === "" ? undefined : s;
        } else type = T_STR;
      }
      if (type !== T_INLINE) {
        const v = xml.indexOf(vOpen, gt);
        if (v >= 0 && v < close) {
          const vgt = xml.indexOf(">", v);
          const vc = xml.charCodeAt(v + vOpen.length);
          if ((vc === 62 || isSpace(vc)) && xml.charCodeAt(vgt - 1) !== 47) {
            let ve = xml.indexOf(vClose, vgt + 1);
            if (ve < 0 || ve > close) ve = close;
            value = cellValue(
              xml,
              type,
              vgt + 1,
              ve,
              sharedStrings,
              date1904 && styleIsDate[style] === true
            );
          }
        }
      }
    }
    if (value === undefined) continue;
    if (++budget.cells > budget.limits.maxCells)
      throw new XlsxReadError("too-large", budget.cellLimitMessage());
    pushAt(row, col, value, budget);
    const fmt = type === T_DATE && styleIsDate[style] !== true ? "yyyy-mm-dd" : styleFormats[style];
    if (fmt !== undefined) {
      for (; fmtLen < col; fmtLen++) fmtScratch[fmtLen] = undefined;
      fmtScratch[col] = fmt;
      if (col >= fmtLen) fmtLen = col + 1;
    }
  }
  storeRowFormats(formats, rowIdx, fmtScratch, fmtLen, lastFmtRow);

  // merged areas
  const mcStart = findStartTag(xml, p + "mergeCells", sdEnd);
  if (mcStart >= 0) {
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
  }
  return { values, formats, merges };
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
