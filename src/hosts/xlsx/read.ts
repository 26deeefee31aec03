/**
 * The fast .xlsx reader: bytes in, the core's `WorkbookModel` out. Runs in Node and the browser
 * (no Node modules here; Node callers may pass zlib's native inflate through `inflateRaw`).
 *
 * It reads only what the checks need: workbook.xml (sheet names, visibility, 1904 dates), the
 * relationships, sharedStrings.xml, styles.xml (number formats per style) and the worksheets.
 * Formulas saved without their results are computed once every sheet is read (formulas.ts).
 */
import type { SheetModel, WorkbookModel } from "../../core";
import { XlsxReadError, isXlsxReadError } from "./errors";
import { scanSheet, type ScanContext, type ScannedSheet } from "./sheet";
import { computeFormulas, type SheetFormulas } from "./formulas";
import { NO_STYLES, parseStyles, type CellStyles } from "./styles";
import { ReadBudget, type ReadLimits } from "./budget";
import {
  attr,
  elementPrefix,
  findStartTag,
  inspectXml,
  normalizeMarkup,
  richText,
  tagEnd,
  XmlChecker,
  XmlProblem,
  XmlRescan,
} from "./xml";
import { openZip, type Crc32, type InflateRaw, type ZipArchive } from "./zip";

/** A sheet as read from a file: the core's model plus what only a file knows. */
export interface XlsxSheetModel extends SheetModel {
  /** Merged areas (`A1:K1`); see sheet.ts for how their values are placed. */
  readonly merges: readonly string[];
  /** `hidden` / `veryHidden` sheets are read too (last year's data is often hidden). */
  readonly state: "visible" | "hidden" | "veryHidden";
}

export interface XlsxWorkbookModel extends WorkbookModel {
  readonly sheets: readonly XlsxSheetModel[];
  /** The workbook counts dates from 1904 (Mac); serials in the model are already 1900-based. */
  readonly date1904: boolean;
}

export interface XlsxReadOptions {
  /** A faster raw-DEFLATE inflater (e.g. Node's zlib.inflateRawSync). */
  readonly inflateRaw?: InflateRaw;
  /** A faster CRC-32 (e.g. Node's zlib.crc32). */
  readonly crc32?: Crc32;
  /** Refuse workbooks with more non-blank cells than this (default 5,000,000). */
  readonly maxCells?: number;
  /** Other limits (see budget.ts); ignored when `budget` is given. */
  readonly limits?: Partial<ReadLimits>;
  /** What the run has used so far: pass one budget to every file of a run (default: a new one). */
  readonly budget?: ReadBudget;
  /** Progress: `done`/`total` in characters of worksheet XML. */
  readonly onProgress?: (p: { done: number; total: number }) => void;
  readonly signal?: AbortSignal;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function damaged(part: string, why: string): XlsxReadError {
  return new XlsxReadError(
    "corrupt",
    `文件已损坏（部件 ${part} 不是有效的 XML：${why}），请在 Excel 中打开后另存为 .xlsx 再试`
  );
}

/** Text of an XML part: UTF-8, or UTF-16 with a byte-order mark; refused when it is neither. */
function decodePart(bytes: Uint8Array, part: string): string {
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe)
      return new TextDecoder("utf-16le", { fatal: true }).decode(bytes);
    if (bytes[0] === 0xfe && bytes[1] === 0xff)
      return new TextDecoder("utf-16be", { fatal: true }).decode(bytes);
    return utf8.decode(bytes);
  } catch {
    throw damaged(part, "字符编码错误");
  }
}

/**
 * The part's text as the scanners read it, refused when it is not well-formed XML (Excel refuses
 * such a part too; reading it as empty would hide a whole sheet); comments and processing
 * instructions left out, CDATA as text. `found` is what `inspectXml` says of `text`.
 */
function checkedText(text: string, part: string, found = inspectXml(text)): string {
  if (found.problem !== undefined) throw damaged(part, found.problem);
  if (!found.special) return text;
  try {
    return normalizeMarkup(text);
  } catch (e) {
    throw damaged(part, (e as Error).message);
  }
}

/** A small part (relationships, workbook, shared strings, styles): decoded, checked, normalised. */
function partText(bytes: Uint8Array, part: string): string {
  return checkedText(decodePart(bytes, part), part);
}

/**
 * Scans a worksheet part in one pass: its well-formedness is checked as its cells are read. When
 * that scan stops — not well-formed, comments or CDATA to normalise, any other error — the part is
 * inspected whole, so that the reason given is the one a separate check would give; a part that
 * is well-formed after all is normalised and scanned again (the run's budget as it was before).
 */
function scanSheetPart(xml: string, ctx: ScanContext, part: string): ScannedSheet {
  const { budget } = ctx;
  const { cells, gridSlots, merges } = budget;
  try {
    return scanSheet(xml, ctx, part, new XmlChecker(xml, true));
  } catch (e) {
    if (isXlsxReadError(e) && e.code === "aborted") throw e;
    const found = inspectXml(xml);
    if (found.problem === undefined && !(e instanceof XmlProblem || e instanceof XmlRescan))
      throw e;
    const text = checkedText(xml, part, found);
    budget.cells = cells;
    budget.gridSlots = gridSlots;
    budget.merges = merges;
    return scanSheet(text, ctx, part);
  }
}

function startsWith(bytes: Uint8Array, sig: readonly number[]): boolean {
  for (let i = 0; i < sig.length; i++) if (bytes[i] !== sig[i]) return false;
  return true;
}

/** Searches bytes for an ASCII name stored as UTF-16LE (how CFB directory entries are named). */
function hasUtf16Name(bytes: Uint8Array, name: string): boolean {
  const first = name.charCodeAt(0);
  const limit = bytes.length - name.length * 2;
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= limit; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < name.length; k++) {
      if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    }
    if (bytes[i + 1] === 0) return true;
  }
  return false;
}

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Says what a file that is not a readable .xlsx is, from its first bytes; undefined for a zip.
 * @example sniffNonXlsx(new Uint8Array()) // XlsxReadError("empty", …)
 */
export function sniffNonXlsx(bytes: Uint8Array): XlsxReadError | undefined {
  if (bytes.length === 0) return new XlsxReadError("empty", "文件为空（0 字节）");
  if (startsWith(bytes, CFB_MAGIC)) {
    if (hasUtf16Name(bytes, "EncryptionInfo") || hasUtf16Name(bytes, "EncryptedPackage")) {
      return new XlsxReadError(
        "encrypted",
        "文件已加密（有密码保护），请在 Excel 中取消密码后另存为 .xlsx 再试"
      );
    }
    return new XlsxReadError(
      "xls",
      "这是旧版 Excel 97-2003 文件（.xls），请在 Excel 中另存为 .xlsx 后再试"
    );
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return undefined;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]))
    return new XlsxReadError("not-xlsx", "不是 .xlsx 文件（这是 PDF 文件）", "PDF文件");
  let text = "";
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, 512));
  } catch {
    /* binary */
  }
  const head = text.trimStart().slice(0, 200).toLowerCase();
  if (head.startsWith("<html") || head.startsWith("<!doctype html") || head.includes("<table")) {
    return new XlsxReadError(
      "other-format",
      "不是 .xlsx 文件（这是网页/HTML 文件，只是扩展名为表格）",
      "网页（HTML）文件"
    );
  }
  if (head.startsWith("<?xml")) {
    return new XlsxReadError(
      "other-format",
      "不是 .xlsx 文件（这是 XML 文件，可能是 Excel 2003 XML 表格）",
      "XML表格文件"
    );
  }
  if (text && (head.includes(",") || head.includes("\t"))) {
    return new XlsxReadError(
      "other-format",
      "不是 .xlsx 文件（这是文本/CSV 文件）",
      "文本（CSV）文件"
    );
  }
  return new XlsxReadError("not-zip", "不是 .xlsx 文件（文件内容不是 Excel 工作簿格式）");
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** `Id → {type, target}` of a .rels part; targets resolved against `baseDir` (`xl/`). */
function parseRels(xml: string, baseDir: string): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  const p = elementPrefix(xml, "Relationships");
  let i = findStartTag(xml, p + "Relationship", 0);
  while (i >= 0) {
    const gt = tagEnd(xml, i);
    if (gt < 0) break;
    const id = attr(xml, i, gt, "Id");
    const type = attr(xml, i, gt, "Type") ?? "";
    const target = attr(xml, i, gt, "Target");
    const external = attr(xml, i, gt, "TargetMode") === "External";
    if (id && target && !external) rels.set(id, { type, target: resolvePart(baseDir, target) });
    i = findStartTag(xml, p + "Relationship", gt);
  }
  return rels;
}

/**
 * A relationship target as a zip entry name.
 * @example resolvePart("xl/", "worksheets/sheet1.xml") // "xl/worksheets/sheet1.xml"
 * @example resolvePart("xl/", "/xl/styles.xml") // "xl/styles.xml"
 */
export function resolvePart(baseDir: string, target: string): string {
  const raw = target.startsWith("/") ? target.slice(1) : baseDir + target;
  const out: string[] = [];
  for (const seg of raw.split("/")) {
    if (seg === "..") out.pop();
    else if (seg !== "." && seg !== "") out.push(seg);
  }
  return out.join("/");
}

function typeIs(rel: Relationship, kind: string): boolean {
  return rel.type.endsWith("/" + kind);
}

function readText(zip: ZipArchive, name: string): string | undefined {
  const bytes = zip.read(name);
  return bytes === undefined ? undefined : partText(bytes, name);
}

function whatElse(zip: ZipArchive): XlsxReadError {
  const has = (n: string): boolean => zip.entries.has(n);
  if (has("mimetype") && has("content.xml")) {
    return new XlsxReadError(
      "other-format",
      "不是 .xlsx 文件（这是 OpenDocument 表格 .ods）",
      "OpenDocument表格（.ods）"
    );
  }
  if (has("xl/workbook.bin")) {
    return new XlsxReadError(
      "other-format",
      "不是 .xlsx 文件（这是二进制工作簿 .xlsb）",
      "二进制工作簿（.xlsb）"
    );
  }
  if (has("word/document.xml"))
    return new XlsxReadError("not-xlsx", "不是 .xlsx 文件（这是 Word 文档）", "Word文档");
  if (has("ppt/presentation.xml"))
    return new XlsxReadError(
      "not-xlsx",
      "不是 .xlsx 文件（这是 PowerPoint 文档）",
      "PowerPoint文档"
    );
  if (!has("[Content_Types].xml")) {
    return new XlsxReadError(
      "not-xlsx",
      "不是 .xlsx 文件（这是普通 zip 压缩包，不是 Excel 工作簿）",
      "普通zip压缩包"
    );
  }
  return new XlsxReadError("missing-part", "文件不完整：缺少工作簿部件（xl/workbook.xml）");
}

/** All `<si>` items of sharedStrings.xml, rich text runs joined, phonetic runs left out. */
export function parseSharedStrings(xml: string, budget = new ReadBudget()): string[] {
  const out: string[] = [];
  const p = elementPrefix(xml, "sst");
  const siClose = "</" + p + "si>";
  const phonetic = { next: -2 };
  let i = findStartTag(xml, p + "si", 0);
  while (i >= 0) {
    const gt = xml.indexOf(">", i);
    if (gt < 0) break;
    budget.addSharedString();
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push("");
      i = findStartTag(xml, p + "si", gt);
      continue;
    }
    let end = xml.indexOf(siClose, gt);
    if (end < 0) end = xml.length;
    out.push(richText(xml, gt, end, p, phonetic));
    i = findStartTag(xml, p + "si", end);
  }
  return out;
}

interface SheetEntry {
  readonly name: string;
  readonly state: "visible" | "hidden" | "veryHidden";
  readonly part: string;
}

function parseWorkbook(
  xml: string,
  rels: Map<string, Relationship>
): { sheets: SheetEntry[]; date1904: boolean } {
  const p = elementPrefix(xml, "workbook");
  let date1904 = false;
  const pr = findStartTag(xml, p + "workbookPr", 0);
  if (pr >= 0) {
    const v = attr(xml, pr, tagEnd(xml, pr), "date1904");
    date1904 = v === "1" || v === "true";
  }
  const sheets: SheetEntry[] = [];
  let i = findStartTag(xml, p + "sheet", 0);
  while (i >= 0) {
    const gt = tagEnd(xml, i);
    if (gt < 0) break;
    const name = attr(xml, i, gt, "name") ?? `Sheet${sheets.length + 1}`;
    const stateAttr = attr(xml, i, gt, "state");
    const state = stateAttr === "hidden" || stateAttr === "veryHidden" ? stateAttr : "visible";
    const rid = relationshipIdAttr(xml, i, gt);
    const rel = rid === undefined ? undefined : rels.get(rid);
    if (rel && typeIs(rel, "worksheet")) sheets.push({ name, state, part: rel.target });
    i = findStartTag(xml, p + "sheet", gt);
  }
  return { sheets, date1904 };
}

/** The `r:id` attribute whatever its prefix is called. */
function relationshipIdAttr(xml: string, start: number, end: number): string | undefined {
  const direct = attr(xml, start, end, "r:id");
  if (direct !== undefined) return direct;
  let i = xml.indexOf(":id=", start);
  while (i >= 0 && i < end) {
    const q = xml.charCodeAt(i + 4);
    if (q === 34 || q === 39) {
      const close = xml.indexOf(q === 34 ? '"' : "'", i + 5);
      if (close > 0 && close < end) return xml.slice(i + 5, close);
    }
    i = xml.indexOf(":id=", i + 1);
  }
  return undefined;
}

/**
 * Reads an .xlsx file into the core's model. Throws `XlsxReadError` (with a Chinese `reason`) for
 * anything that is not a readable .xlsx: empty, not a zip, .xls, password-protected, corrupt,
 * missing parts, too large.
 * @example readXlsx(await file.bytes()).sheets.map(s => s.name)
 */
export function readXlsx(bytes: Uint8Array, options: XlsxReadOptions = {}): XlsxWorkbookModel {
  try {
    return readXlsxUnchecked(bytes, options);
  } catch (e) {
    if (isXlsxReadError(e)) throw e;
    if (e instanceof RangeError) {
      throw new XlsxReadError("too-large", "文件过大，内存不足以读取，请只保留统计表后再试");
    }
    throw new XlsxReadError(
      "corrupt",
      "文件已损坏（无法解析其内容），请在 Excel 中打开后另存为 .xlsx 再试"
    );
  }
}

function readXlsxUnchecked(bytes: Uint8Array, options: XlsxReadOptions): XlsxWorkbookModel {
  const notXlsx = sniffNonXlsx(bytes);
  if (notXlsx) throw notXlsx;
  const budget =
    options.budget ??
    new ReadBudget({
      ...options.limits,
      ...(options.maxCells === undefined ? {} : { maxCells: options.maxCells }),
    });
  const zip = openZip(bytes, {
    budget,
    ...(options.inflateRaw ? { inflateRaw: options.inflateRaw } : {}),
    ...(options.crc32 ? { crc32: options.crc32 } : {}),
  });
  const { rels, sheets, date1904 } = readWorkbookPart(zip);
  checkSheetEntries(sheets, budget);
  const { sharedStrings, styles } = readSharedParts(zip, rels, budget);
  const ctx = { sharedStrings, styles, date1904, budget };
  return { sheets: readSheets(zip, sheets, ctx, options), date1904 };
}

/** The workbook part (found through the package relationships), its relationships and sheets. */
function readWorkbookPart(zip: ZipArchive): {
  rels: Map<string, Relationship>;
  sheets: SheetEntry[];
  date1904: boolean;
} {
  const rootRelsXml = readText(zip, "_rels/.rels");
  let workbookPart = "xl/workbook.xml";
  if (rootRelsXml !== undefined) {
    for (const rel of parseRels(rootRelsXml, "").values()) {
      if (typeIs(rel, "officeDocument")) workbookPart = rel.target;
    }
  }
  const workbookXml =
    readText(zip, workbookPart) ??
    (workbookPart !== "xl/workbook.xml" ? readText(zip, "xl/workbook.xml") : undefined);
  if (workbookXml === undefined) throw whatElse(zip);
  const baseDir = workbookPart.includes("/")
    ? workbookPart.slice(0, workbookPart.lastIndexOf("/") + 1)
    : "";
  const relsPart = baseDir + "_rels/" + workbookPart.slice(baseDir.length) + ".rels";
  const relsXml = readText(zip, relsPart);
  if (relsXml === undefined)
    throw new XlsxReadError("missing-part", `文件不完整：缺少工作簿关系部件（${relsPart}）`);
  const rels = parseRels(relsXml, baseDir);
  return { rels, ...parseWorkbook(workbookXml, rels) };
}

/** Sheets counted against the budget; two of one name, or two on one part, are damage. */
function checkSheetEntries(sheets: readonly SheetEntry[], budget: ReadBudget): void {
  const parts = new Set<string>();
  const names = new Set<string>();
  for (const s of sheets) {
    budget.addSheet(s.name);
    // Excel refuses two sheets of one name (compared without case): the workbook is damaged
    if (names.has(s.name.toLowerCase()))
      throw new XlsxReadError(
        "corrupt",
        `文件已损坏（两张工作表同名“${s.name}”），请在 Excel 中打开后另存为 .xlsx 再试`
      );
    names.add(s.name.toLowerCase());
    // one part read as several sheets: Excel refuses it (and it would multiply the work)
    if (parts.has(s.part.toLowerCase()))
      throw new XlsxReadError(
        "corrupt",
        `文件已损坏（多张工作表指向同一个部件 ${s.part}），请在 Excel 中打开后另存为 .xlsx 再试`
      );
    parts.add(s.part.toLowerCase());
  }
}

/** The shared strings and the cell styles the workbook's relationships name. */
function readSharedParts(
  zip: ZipArchive,
  rels: Map<string, Relationship>,
  budget: ReadBudget
): { sharedStrings: string[]; styles: CellStyles } {
  let sharedStrings: string[] = [];
  let styles = NO_STYLES;
  for (const rel of rels.values()) {
    if (typeIs(rel, "sharedStrings")) {
      const xml = readText(zip, rel.target);
      if (xml !== undefined) sharedStrings = parseSharedStrings(xml, budget);
    } else if (typeIs(rel, "styles")) {
      const xml = readText(zip, rel.target);
      if (xml !== undefined) styles = parseStyles(xml);
    }
  }
  return { sharedStrings, styles };
}

/** Every worksheet, in workbook order, with progress and the abort signal looked at as it goes. */
function readSheets(
  zip: ZipArchive,
  sheets: readonly SheetEntry[],
  shared: Omit<ScanContext, "onRows">,
  options: XlsxReadOptions
): XlsxSheetModel[] {
  const total = sheets.reduce((n, s) => n + (zip.entries.get(s.part)?.size ?? 0), 0);
  let doneBefore = 0;
  const out: XlsxSheetModel[] = [];
  const formulas: Array<SheetFormulas | undefined> = [];
  for (const entry of sheets) {
    if (options.signal?.aborted) throw new XlsxReadError("aborted", "已取消读取");
    const bytes = zip.read(entry.part);
    if (bytes === undefined) {
      throw new XlsxReadError(
        "missing-part",
        `文件不完整：缺少工作表「${entry.name}」的内容（${entry.part}）`
      );
    }
    const xml = decodePart(bytes, entry.part);
    const before = doneBefore;
    // report (and look at the abort signal) about every 1/64 of the sheet
    const step = Math.max(1 << 16, xml.length >> 6);
    let next = step;
    const ctx: ScanContext = {
      ...shared,
      onRows: (offset) => {
        if (offset < next) return;
        next = offset + step;
        if (options.signal?.aborted) throw new XlsxReadError("aborted", "已取消读取");
        options.onProgress?.({ done: before + Math.min(offset, xml.length), total });
      },
    };
    const scanned = scanSheetPart(xml, ctx, entry.part);
    doneBefore += zip.entries.get(entry.part)?.size ?? 0;
    options.onProgress?.({ done: doneBefore, total });
    formulas.push(scanned.formulas);
    out.push({
      name: entry.name,
      state: entry.state,
      values: scanned.values,
      formats: scanned.formats,
      merges: scanned.merges,
    });
  }
  if (formulas.some((f) => f !== undefined)) computeFormulas(out, formulas);
  return out;
}
