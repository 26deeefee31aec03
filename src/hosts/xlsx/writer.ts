/**
 * A small .xlsx writer (few dependencies, a small supply chain): exactly what the templates and the
 * sample workbooks need — shared strings, numbers, booleans, dates, error values, formulas with
 * their cached results, cell styles (font, fill, border, alignment, number format), merged cells,
 * column widths, row heights, a frozen header, hidden sheets and list data validation — written as
 * SpreadsheetML and zipped with fflate (already the reader's inflater). No other dependency: it
 * replaced ExcelJS, which brought about 170 packages (some deprecated) into the production tree.
 *
 * Text is written as Excel writes it: characters XML cannot hold (C0 controls, U+FFFE/U+FFFF,
 * unpaired surrogates) and carriage returns as `_xHHHH_` escapes, so every part is well-formed XML.
 * Runs in Node and the browser; the same input always gives the same bytes.
 */
import { zipSync, strToU8 } from "fflate";
import { columnLetters, LIST_SOURCE_MAX_CHARS, LISTS_SHEET } from "../../core";

export interface XlsxStyle {
  readonly bold?: boolean;
  readonly fontSize?: number;
  readonly fontName?: string;
  /** Solid fill colour, ARGB (`FFDDEBF7`). */
  readonly fill?: string;
  /** Thin border on all four sides in this ARGB colour. */
  readonly border?: string;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "middle" | "bottom";
  readonly wrapText?: boolean;
  /** Number format code (`0`, `0.00`, `0.0%`, `yyyy-mm-dd`). */
  readonly numFmt?: string;
}

export type XlsxValue =
  | number
  | string
  | boolean
  | Date
  | null
  | undefined
  | { readonly formula: string; readonly result?: number | string }
  | { readonly error: string };

export interface XlsxCell {
  value?: XlsxValue;
  style?: XlsxStyle;
}

export interface XlsxListValidation {
  /** Cells it applies to, e.g. `B4:B33`. */
  readonly sqref: string;
  /**
   * The allowed values: written as one quoted list (`"a,b,c"`), or, when that is longer than
   * Excel takes (`LIST_SOURCE_MAX_CHARS`), as a reference to a column of the hidden sheet
   * `下拉选项` that `writeXlsx` adds.
   */
  readonly values: readonly string[];
  readonly errorTitle?: string;
  readonly error?: string;
}

export interface XlsxSheet {
  readonly name: string;
  readonly state?: "visible" | "hidden";
  /** Rows kept in view at the top (a frozen pane). */
  readonly frozenRows?: number;
  /** Column widths in characters by 1-based column. */
  readonly widths: Map<number, number>;
  /** Row heights in points by 1-based row. */
  readonly heights: Map<number, number>;
  /** Cells by 1-based row, then 1-based column. */
  readonly rows: Map<number, Map<number, XlsxCell>>;
  readonly merges: string[];
  readonly validations: XlsxListValidation[];
  /**
   * Protected without a password (cells locked, objects and scenarios too): Review › Unprotect
   * Sheet lifts it. A guard against accidental edits, not a lock.
   */
  readonly protect?: boolean;
}

export interface XlsxBook {
  readonly sheets: readonly XlsxSheet[];
  readonly creator: string;
  /** Written as the creation and modification time (and the zip entries' time). */
  readonly created: Date;
  /** Ask Excel to recalculate every formula when it opens the file. */
  readonly fullCalcOnLoad?: boolean;
}

/** A new empty sheet. */
export function newSheet(name: string): XlsxSheet {
  return {
    name,
    widths: new Map(),
    heights: new Map(),
    rows: new Map(),
    merges: [],
    validations: [],
  };
}

/** The cell at (row, col), created when missing (1-based, like Excel). */
export function cellAt(sheet: XlsxSheet, row: number, col: number): XlsxCell {
  let r = sheet.rows.get(row);
  if (!r) sheet.rows.set(row, (r = new Map()));
  let c = r.get(col);
  if (!c) r.set(col, (c = {}));
  return c;
}

/** `A1` address from 1-based row and column. */
export function address(row: number, col: number): string {
  return columnLetters(col - 1) + String(row);
}

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * Text for XML element content or an attribute value: markup escaped, and every character XML
 * cannot hold (plus CR, which XML would turn into LF) as an OOXML `_xHHHH_` escape.
 * @example escapeText('a<b"\r') // "a&lt;b&quot;_x000D_"
 */
function escapeText(s: string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c === 38) rep = "&amp;";
    else if (c === 60) rep = "&lt;";
    else if (c === 62) rep = "&gt;";
    else if (c === 34) rep = "&quot;";
    else if ((c < 0x20 && c !== 9 && c !== 10) || c === 0xfffe || c === 0xffff)
      rep = `_x${c.toString(16).toUpperCase().padStart(4, "0")}_`;
    else if (c >= 0xd800 && c <= 0xdfff) {
      const next = s.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      rep = "\ufffd"; // an unpaired surrogate has no UTF-8 form
    }
    if (rep === undefined) continue;
    out += s.slice(from, i) + rep;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** Built-in number formats Excel knows by id (the others get ids from 164). */
const BUILTIN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "mm-dd-yy": 14,
  "@": 49,
};

/** Collects the distinct fonts, fills, borders, formats and cell formats of a workbook. */
class StyleTable {
  private readonly fonts = ['<font><sz val="11"/><name val="等线"/><family val="2"/></font>'];
  private readonly fills = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly borders = ["<border><left/><right/><top/><bottom/><diagonal/></border>"];
  private readonly formats = new Map<string, number>();
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly byKey = new Map<string, number>();

  private static index(list: string[], xml: string): number {
    const i = list.indexOf(xml);
    if (i >= 0) return i;
    list.push(xml);
    return list.length - 1;
  }

  /** The cell format index (`s`) of a style; 0 for none. */
  id(style: XlsxStyle | undefined): number {
    if (!style) return 0;
    const key = JSON.stringify(style);
    const known = this.byKey.get(key);
    if (known !== undefined) return known;
    const font =
      style.bold || style.fontSize || style.fontName
        ? StyleTable.index(
            this.fonts,
            `<font>${style.bold ? "<b/>" : ""}<sz val="${style.fontSize ?? 11}"/><name val="${escapeText(style.fontName ?? "等线")}"/><family val="2"/></font>`
          )
        : 0;
    const fill = style.fill
      ? StyleTable.index(
          this.fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="${style.fill}"/><bgColor indexed="64"/></patternFill></fill>`
        )
      : 0;
    const side = (n: string): string =>
      `<${n} style="thin"><color rgb="${style.border ?? ""}"/></${n}>`;
    const border = style.border
      ? StyleTable.index(
          this.borders,
          `<border>${side("left")}${side("right")}${side("top")}${side("bottom")}<diagonal/></border>`
        )
      : 0;
    let numFmt = 0;
    if (style.numFmt !== undefined) {
      numFmt = BUILTIN_FORMATS[style.numFmt] ?? this.formats.get(style.numFmt) ?? -1;
      if (numFmt < 0) {
        numFmt = 164 + this.formats.size;
        this.formats.set(style.numFmt, numFmt);
      }
    }
    const align =
      style.horizontal || style.vertical || style.wrapText
        ? `<alignment${style.horizontal ? ` horizontal="${style.horizontal}"` : ""}${
            style.vertical
              ? ` vertical="${style.vertical === "middle" ? "center" : style.vertical}"`
              : ""
          }${style.wrapText ? ' wrapText="1"' : ""}/>`
        : "";
    const xf =
      `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"` +
      `${numFmt ? ' applyNumberFormat="1"' : ""}${font ? ' applyFont="1"' : ""}${fill ? ' applyFill="1"' : ""}` +
      `${border ? ' applyBorder="1"' : ""}${align ? ' applyAlignment="1"' : ""}` +
      (align ? `>${align}</xf>` : "/>");
    const id = StyleTable.index(this.xfs, xf);
    this.byKey.set(key, id);
    return id;
  }

  xml(): string {
    const numFmts = [...this.formats]
      .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeText(code)}"/>`)
      .join("");
    return (
      XML_DECL +
      `<styleSheet xmlns="${NS_MAIN}">` +
      (this.formats.size ? `<numFmts count="${this.formats.size}">${numFmts}</numFmts>` : "") +
      `<fonts count="${this.fonts.length}">${this.fonts.join("")}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join("")}</fills>` +
      `<borders count="${this.borders.length}">${this.borders.join("")}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>"
    );
  }
}

/** Shared strings in order of first use. */
class StringTable {
  private readonly index = new Map<string, number>();
  private readonly list: string[] = [];
  uses = 0;

  id(s: string): number {
    this.uses++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.index.set(s, i);
      this.list.push(s);
    }
    return i;
  }

  xml(): string {
    const items = this.list
      .map((s) => {
        const space = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : "";
        return `<si><t${space}>${escapeText(s)}</t></si>`;
      })
      .join("");
    return (
      XML_DECL +
      `<sst xmlns="${NS_MAIN}" count="${this.uses}" uniqueCount="${this.list.length}">${items}</sst>`
    );
  }
}

const DAY_MS = 86_400_000;

/** A Date as an Excel serial day (1900 system, as ExcelJS wrote it: from 1970-01-01 = 25569). */
function serial(d: Date): number {
  return 25569 + d.getTime() / DAY_MS;
}

function cellXml(ref: string, cell: XlsxCell, styles: StyleTable, strings: StringTable): string {
  let v = cell.value;
  let style = cell.style;
  if (v instanceof Date && style?.numFmt === undefined) style = { ...style, numFmt: "mm-dd-yy" };
  const s = styles.id(style);
  const sAttr = s ? ` s="${s}"` : "";
  if (v === undefined || v === null) return `<c r="${ref}"${sAttr}/>`;
  if (v instanceof Date) v = serial(v);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return `<c r="${ref}"${sAttr} t="e"><v>#NUM!</v></c>`;
    return `<c r="${ref}"${sAttr}><v>${String(v)}</v></c>`;
  }
  if (typeof v === "string") return `<c r="${ref}"${sAttr} t="s"><v>${strings.id(v)}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${sAttr} t="b"><v>${v ? 1 : 0}</v></c>`;
  if ("error" in v) return `<c r="${ref}"${sAttr} t="e"><v>${escapeText(v.error)}</v></c>`;
  const f = `<f>${escapeText(v.formula)}</f>`;
  if (v.result === undefined) return `<c r="${ref}"${sAttr}>${f}</c>`;
  if (typeof v.result === "string")
    return `<c r="${ref}"${sAttr} t="str">${f}<v>${escapeText(v.result)}</v></c>`;
  return `<c r="${ref}"${sAttr}>${f}<v>${Number.isFinite(v.result) ? String(v.result) : 0}</v></c>`;
}

function sheetXml(
  sheet: XlsxSheet,
  styles: StyleTable,
  strings: StringTable,
  first: boolean
): string {
  const frozen = sheet.frozenRows ?? 0;
  const view =
    frozen > 0
      ? `<pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/>`
      : "";
  const cols = [...sheet.widths]
    .sort((a, b) => a[0] - b[0])
    .map(([c, w]) => `<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`)
    .join("");
  const rows = [...sheet.rows.keys()].sort((a, b) => a - b);
  for (const r of sheet.heights.keys()) if (!sheet.rows.has(r)) rows.push(r);
  rows.sort((a, b) => a - b);
  const rowXml = rows
    .map((r) => {
      const cells = sheet.rows.get(r) ?? new Map<number, XlsxCell>();
      const h = sheet.heights.get(r);
      const body = [...cells.keys()]
        .sort((a, b) => a - b)
        .map((c) => cellXml(address(r, c), cells.get(c) as XlsxCell, styles, strings))
        .join("");
      return `<row r="${r}"${h === undefined ? "" : ` ht="${h}" customHeight="1"`}>${body}</row>`;
    })
    .join("");
  const merges = sheet.merges.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`
    : "";
  const validations = sheet.validations.length
    ? `<dataValidations count="${sheet.validations.length}">` +
      (sheet.validations as readonly WrittenValidation[])
        .map(
          (d) =>
            `<dataValidation type="list" errorStyle="stop" allowBlank="1" showErrorMessage="1"` +
            `${d.errorTitle ? ` errorTitle="${escapeText(d.errorTitle)}"` : ""}${d.error ? ` error="${escapeText(d.error)}"` : ""}` +
            ` sqref="${d.sqref}"><formula1>${escapeText(d.source ?? `"${d.values.join(",")}"`)}</formula1></dataValidation>`
        )
        .join("") +
      "</dataValidations>"
    : "";
  return (
    XML_DECL +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<sheetViews><sheetView${first ? ' tabSelected="1"' : ""} workbookViewId="0">${view}</sheetView></sheetViews>` +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rowXml}</sheetData>` +
    // ECMA-376 Part 1 (ISO/IEC 29500-1) §18.3.1.85 sheetProtection; its place in CT_Worksheet's
    // sequence (sml.xsd): sheetData, sheetCalcPr, sheetProtection, protectedRanges, scenarios,
    // autoFilter, sortState, dataConsolidate, customSheetViews, mergeCells … dataValidations
    // (http://www.datypic.com/sc/ooxml/e-ssml_sheetProtection-2.html,
    // https://c-rex.net/samples/ooxml/e1/part4/OOXML_P4_DOCX_sheetProtection_topic_ID0ENIH5.html)
    (sheet.protect ? '<sheetProtection sheet="1" objects="1" scenarios="1"/>' : "") +
    merges +
    validations +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    "</worksheet>"
  );
}

/** `2000-01-01T00:00:00Z` */
function w3cdtf(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * The workbook as .xlsx bytes.
 * @example writeXlsx({ sheets: [newSheet("表1")], creator: "统计报表助手", created: new Date(0) })
 */
/** A validation as written: its list typed in, or `source`, a reference to cells. */
type WrittenValidation = XlsxListValidation & { readonly source?: string };

/**
 * The book with every list too long to type in moved into a hidden `下拉选项` sheet (a new name
 * if the book has one), each distinct list once, and its validations referring to that column.
 * @example withLongLists({ sheets: [s], ... }).sheets.length // s.length + 1 when s has a 300-character list
 */
export function withLongLists(book: XlsxBook): XlsxBook {
  const long = (v: XlsxListValidation) => v.values.join(",").length > LIST_SOURCE_MAX_CHARS;
  if (!book.sheets.some((s) => s.validations.some(long))) return book;
  const taken = new Set(book.sheets.map((s) => s.name.toLowerCase()));
  let name = LISTS_SHEET;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${LISTS_SHEET} (${i})`;
  const lists = newSheet(name);
  const columns = new Map<string, number>();
  const quoted = `'${name.replace(/'/g, "''")}'`;
  const sheets = book.sheets.map((s) => ({
    ...s,
    validations: s.validations.map((v): WrittenValidation => {
      if (!long(v)) return v;
      const key = v.values.join("\u0000");
      let column = columns.get(key);
      if (column === undefined) {
        column = columns.size + 1;
        columns.set(key, column);
        v.values.forEach((value, i) => (cellAt(lists, i + 1, column!).value = value));
      }
      const letters = columnLetters(column - 1); // 0-based
      return { ...v, source: `${quoted}!$${letters}$1:$${letters}$${v.values.length}` };
    }),
  }));
  return { ...book, sheets: [...sheets, { ...lists, state: "hidden" }] };
}

export function writeXlsx(input: XlsxBook): Uint8Array {
  const book = withLongLists(input);
  const styles = new StyleTable();
  const strings = new StringTable();
  const sheets = book.sheets.map((s, i) => sheetXml(s, styles, strings, i === 0));
  const n = sheets.length;
  const files: Record<string, string> = {
    "[Content_Types].xml":
      XML_DECL +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
        )
        .join("") +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      "</Types>",
    "_rels/.rels":
      XML_DECL +
      `<Relationships xmlns="${NS_PKG_REL}">` +
      `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/>` +
      "</Relationships>",
    "docProps/core.xml":
      XML_DECL +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:creator>${escapeText(book.creator)}</dc:creator>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf(book.created)}</dcterms:created>` +
      `<dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf(book.created)}</dcterms:modified>` +
      "</cp:coreProperties>",
    "docProps/app.xml":
      XML_DECL +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>',
    "xl/workbook.xml":
      XML_DECL +
      `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>` +
      book.sheets
        .map(
          (s, i) =>
            `<sheet name="${escapeText(s.name)}" sheetId="${i + 1}"${s.state === "hidden" ? ' state="hidden"' : ""} r:id="rId${i + 1}"/>`
        )
        .join("") +
      `</sheets><calcPr calcId="191029"${book.fullCalcOnLoad ? ' fullCalcOnLoad="1"' : ""}/></workbook>`,
    "xl/_rels/workbook.xml.rels":
      XML_DECL +
      `<Relationships xmlns="${NS_PKG_REL}">` +
      sheets
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
        )
        .join("") +
      `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      "</Relationships>",
  };
  sheets.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = xml));
  files["xl/styles.xml"] = styles.xml();
  files["xl/sharedStrings.xml"] = strings.xml();
  const mtime = book.created.getTime() < Date.UTC(1980, 1, 1) ? new Date(1980, 1, 1) : book.created;
  const zippable: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(files)) zippable[name] = strToU8(text);
  return zipSync(zippable, { level: 6, mtime });
}
