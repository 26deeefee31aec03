/**
 * A small .xlsx writer for plain sheets of values (fflate only, no ExcelJS): inline strings,
 * numbers, booleans, error values, dates as serial numbers, a number format per cell and bold
 * rows. Used for the merged workbook of 汇总; it writes values, never formulas (a text that starts
 * with `=` stays text).
 */
import { zipSync, strToU8 } from "fflate";
import { a1, isDateValue, isErrorValue, type CellValue, type SheetModel } from "../../core/model";

export interface SheetToWrite {
  readonly sheet: SheetModel;
  /** 0-based rows written bold (headers, 合计). */
  readonly boldRows?: readonly number[];
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// characters XML 1.0 cannot carry: C0 controls but tab/LF/CR, U+FFFE/U+FFFF
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/**
 * Text as XML character data: escaped, and characters XML 1.0 cannot carry dropped.
 * @example xmlText('a<b & "c"') // "a&lt;b &amp; &quot;c&quot;"
 */
export function xmlText(s: string): string {
  return s
    .replace(XML_INVALID, "")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * A legal, unique sheet name (≤ 31 characters, none of `[]:*?/\`).
 * @example safeSheetName("a/b", new Set()) // "a_b"
 */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, "_")
      .replace(/^'+|'+$/g, "")
      .slice(0, 31) || "Sheet";
  let out = base;
  for (let k = 2; taken.has(out.toLowerCase()); k++)
    out = `${base.slice(0, 31 - String(k).length - 1)} ${k}`;
  taken.add(out.toLowerCase());
  return out;
}

const ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
]);

/** Display width of a value (CJK counts double), for the column widths. */
function width(v: CellValue): number {
  if (v === null || v === undefined) return 0;
  const s = typeof v === "object" ? (isErrorValue(v) ? v.error : "0000-00-00") : String(v);
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1;
  return w;
}

class Styles {
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>([["0|0", 0]]);
  private readonly list: Array<{ fmt: number; bold: boolean }> = [{ fmt: 0, bold: false }];

  /** The cellXfs index of a number format (undefined/General → 0) and weight. */
  index(format: string | undefined, bold: boolean): number {
    let fmt = 0;
    if (format !== undefined && format !== "" && format !== "General") {
      fmt = this.formats.get(format) ?? 164 + this.formats.size;
      this.formats.set(format, fmt);
    }
    const key = `${fmt}|${bold ? 1 : 0}`;
    let i = this.xfs.get(key);
    if (i === undefined) {
      i = this.list.length;
      this.list.push({ fmt, bold });
      this.xfs.set(key, i);
    }
    return i;
  }

  xml(): string {
    const numFmts = [...this.formats]
      .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`)
      .join("");
    const xfs = this.list
      .map(
        (x) =>
          `<xf numFmtId="${x.fmt}" fontId="${x.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"${x.fmt ? ' applyNumberFormat="1"' : ""}${x.bold ? ' applyFont="1"' : ""}/>`
      )
      .join("");
    return (
      XML_HEAD +
      `<styleSheet xmlns="${NS}">` +
      (this.formats.size > 0 ? `<numFmts count="${this.formats.size}">${numFmts}</numFmts>` : "") +
      `<fonts count="2"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font><font><b/><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/></font></fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.list.length}">${xfs}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>` +
      `</styleSheet>`
    );
  }
}

function cellXml(ref: string, v: CellValue, style: number): string {
  const s = style ? ` s="${style}"` : "";
  if (v === null || v === undefined || v === "") return style ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "number") return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : "";
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "string")
    return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(v)}</t></is></c>`;
  if (isErrorValue(v)) {
    return ERRORS.has(v.error)
      ? `<c r="${ref}"${s} t="e"><v>${xmlText(v.error)}</v></c>`
      : `<c r="${ref}"${s} t="inlineStr"><is><t>${xmlText(v.error)}</t></is></c>`;
  }
  if (isDateValue(v)) return `<c r="${ref}"${s}><v>${v.date}</v></c>`;
  return "";
}

function sheetXml(input: SheetToWrite, styles: Styles): string {
  const { values, formats } = input.sheet;
  const bold = new Set(input.boldRows ?? []);
  const widths: number[] = [];
  const rows: string[] = [];
  for (let r = 0; r < values.length; r++) {
    const row = values[r] ?? [];
    const cells: string[] = [];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      let format = formats?.[r]?.[c];
      if (isDateValue(v) && (format === undefined || format === "General")) format = "yyyy-mm-dd";
      cells.push(cellXml(a1(r, c), v, styles.index(format, bold.has(r))));
      // the title (row 1) may run across: it does not widen its column
      if (r > 0) widths[c] = Math.max(widths[c] ?? 0, width(v));
    }
    const body = cells.join("");
    if (body !== "") rows.push(`<row r="${r + 1}">${body}</row>`);
  }
  const cols = widths
    .map(
      (w, c) =>
        `<col min="${c + 1}" max="${c + 1}" width="${Math.min(60, Math.max(8, w + 2))}" customWidth="1"/>`
    )
    .join("");
  return (
    XML_HEAD +
    `<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">` +
    (cols ? `<cols>${cols}</cols>` : "") +
    `<sheetData>${rows.join("")}</sheetData>` +
    `</worksheet>`
  );
}

/**
 * Writes sheets of values as an .xlsx package.
 * @example writeSheets([{ sheet: { name: "表1", values: [["单位名称"], ["甲校"]] }, boldRows: [0] }])
 */
export function writeSheets(
  sheets: readonly SheetToWrite[],
  mtime = new Date(2020, 0, 1)
): Uint8Array {
  const styles = new Styles();
  const taken = new Set<string>();
  const names = sheets.map((s) => safeSheetName(s.sheet.name, taken));
  const files: Record<string, Uint8Array> = {};
  const text = (path: string, xml: string): void => {
    files[path] = strToU8(xml);
  };
  text(
    "[Content_Types].xml",
    XML_HEAD +
      `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
      names
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
        )
        .join("") +
      `</Types>`
  );
  text(
    "_rels/.rels",
    XML_HEAD +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
  text(
    "xl/workbook.xml",
    XML_HEAD +
      `<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>` +
      names
        .map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join("") +
      `</sheets></workbook>`
  );
  text(
    "xl/_rels/workbook.xml.rels",
    XML_HEAD +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      names
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
        )
        .join("") +
      `<Relationship Id="rId${names.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
      `</Relationships>`
  );
  sheets.forEach((s, i) => text(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s, styles)));
  text("xl/styles.xml", styles.xml());
  return zipSync(files, { level: 6, mtime });
}
