/**
 * Builds .xlsx packages from hand-written SpreadsheetML parts (for reader tests and the benchmark's
 * large workbook). Not used by the product.
 */
import { strToU8, zipSync, type Zippable } from "fflate";

export interface PartsSheet {
  readonly name: string;
  /** The whole worksheet XML, or just the `<sheetData>` children (wrapped for you). */
  readonly xml: string;
  readonly state?: "hidden" | "veryHidden";
}

export interface PartsWorkbook {
  readonly sheets: readonly PartsSheet[];
  /** Raw `<si>` items (without the `<sst>` wrapper), or plain strings (escaped for you). */
  readonly sharedStrings?: readonly string[];
  readonly sharedStringsXml?: string;
  /** The whole styles.xml; by default a sheet of styles: 0 General, 1 `0`, 2 `0.00`, 3 `0.0%`, 4 `yyyy-mm-dd`, 5 builtin 14. */
  readonly stylesXml?: string;
  readonly date1904?: boolean;
  /** Leave a part out, to test what the reader says. */
  readonly omit?: readonly string[];
  /** Compression level (0 = stored). */
  readonly level?: 0 | 1 | 6 | 9;
}

const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** XML-escapes text for element content and attribute values. */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

export const DEFAULT_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet ${NS}><numFmts count="3"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="166" formatCode="&quot;¥&quot;#,##0.00"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="center"/></xf><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
</styleSheet>`;

/**
 * Zips the parts of a workbook.
 * @example buildXlsx({ sheets: [{ name: "表1", xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] })
 */
export function buildXlsx(wb: PartsWorkbook): Uint8Array {
  const files: Record<string, string | Uint8Array> = {};
  const sheetEntries = wb.sheets
    .map(
      (s, i) =>
        `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`
    )
    .join("");
  files["[Content_Types].xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    wb.sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
      )
      .join("") +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`;
  files["_rels/.rels"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  files["xl/workbook.xml"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook ${NS}>${wb.date1904 ? '<workbookPr date1904="1"/>' : "<workbookPr/>"}<sheets>${sheetEntries}</sheets></workbook>`;
  const n = wb.sheets.length;
  files["xl/_rels/workbook.xml.rels"] =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    wb.sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`
      )
      .join("") +
    `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml"/></Relationships>`;
  wb.sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = /<(\w+:)?worksheet/.test(s.xml)
      ? s.xml
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${s.xml}</sheetData></worksheet>`;
  });
  const sst = wb.sharedStrings ?? [];
  files["xl/sharedStrings.xml"] =
    wb.sharedStringsXml ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst ${NS} count="${sst.length}" uniqueCount="${sst.length}">` +
      sst.map((s) => (s.startsWith("<") ? s : `<si><t>${escapeXml(s)}</t></si>`)).join("") +
      `</sst>`;
  files["xl/styles.xml"] = wb.stylesXml ?? DEFAULT_STYLES;
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(files)) {
    if (wb.omit?.includes(name)) continue;
    zippable[name] = typeof content === "string" ? strToU8(content) : content;
  }
  return zipSync(zippable, { level: wb.level ?? 6 });
}
