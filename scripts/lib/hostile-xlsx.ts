/**
 * Hand-crafted hostile and malformed .xlsx files, made by generators so that tests, the
 * fuzz suite, the browser test and `npm run bench -- hostile` build them instead of storing blobs.
 * Each is small on disk (a few KB to ~3 MB) and attacks one budget or one reading rule: lying zip
 * sizes, sparse extents out to XFD, many references to one part, overlapping or duplicate zip
 * entries, merges × rows, millions of shared strings, megabyte sheet names, comments and CDATA,
 * damaged parts. Not used by the product.
 */
import { deflateRawSync, constants as zc } from "node:zlib";
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { crc32 } from "../../src/hosts/xlsx/crc32";
import { buildXlsx, escapeXml, type PartsSheet } from "./xlsx-parts";

/* ------------------------------------------------------------------ a zip writer that can lie */

export interface RawEntry {
  readonly name: string;
  /** The part's content (compressed here unless `raw` is given). */
  readonly data?: Uint8Array;
  /** Already compressed DEFLATE data (with `size`/`crc` to declare). */
  readonly raw?: Uint8Array;
  /** Stored (0) or DEFLATE (8, default). */
  readonly method?: 0 | 8;
  /** The uncompressed size written in both headers (default: the truth). */
  readonly size?: number;
  /** The CRC-32 written in both headers (default: the truth). */
  readonly crc?: number;
  /** The name in the local header (default: `name`). */
  readonly localName?: string;
  /** Point this central-directory entry at the local header of an earlier entry (overlap). */
  readonly sameDataAs?: string;
}

/**
 * A zip file whose headers say what the entries say, true or not.
 * @example rawZip([{ name: "a.xml", data: strToU8("<a/>"), size: 1 }])
 */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  const offsets = new Map<string, number>();
  let offset = 0;
  for (const e of entries) {
    const method = e.method ?? 8;
    const data = e.data ?? new Uint8Array(0);
    const body = e.raw ?? (method === 8 ? deflateRawSync(data) : data);
    const size = e.size ?? data.length;
    const crc = e.crc ?? crc32(data);
    const name = strToU8(e.name);
    let localOffset = e.sameDataAs === undefined ? offset : (offsets.get(e.sameDataAs) ?? 0);
    if (e.sameDataAs === undefined) {
      const localName = strToU8(e.localName ?? e.name);
      const h = new Uint8Array(30 + localName.length);
      const v = new DataView(h.buffer);
      v.setUint32(0, 0x04034b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, 0x0800, true); // UTF-8 names
      v.setUint16(8, method, true);
      v.setUint32(14, crc, true);
      v.setUint32(18, body.length, true);
      v.setUint32(22, size, true);
      v.setUint16(26, localName.length, true);
      h.set(localName, 30);
      offsets.set(e.name, offset);
      localOffset = offset;
      chunks.push(h, body);
      offset += h.length + body.length;
    }
    const c = new Uint8Array(46 + name.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, localOffset, true);
    c.set(name, 46);
    central.push(c);
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const c of [...chunks, ...central, eocd]) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** The entries of an ordinary .xlsx (from `buildXlsx`), to rewrap with `rawZip`. */
export function partsOf(xlsx: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(xlsx);
}

/** `rawZip` of parts in order, with per-part overrides. */
export function zipParts(
  parts: Record<string, Uint8Array>,
  override: Record<string, Partial<RawEntry>> = {}
): Uint8Array {
  return rawZip(
    Object.entries(parts).map(([name, data]) => ({ name, data, ...(override[name] ?? {}) }))
  );
}

/**
 * Raw DEFLATE of `prefix` + `repeat` × `chunk` + `suffix` without ever holding the whole text: a
 * full flush makes each compressed chunk independent, so the same bytes are repeated.
 */
export function deflateRepeated(
  prefix: string,
  chunk: string,
  repeat: number,
  suffix: string,
  withCrc = true
): { raw: Uint8Array; size: number; crc: number } {
  const flush = { finishFlush: zc.Z_FULL_FLUSH, level: 9 };
  const head = deflateRawSync(strToU8(prefix), flush);
  const c = strToU8(chunk);
  const body = deflateRawSync(c, flush);
  const tail = deflateRawSync(strToU8(suffix));
  const raw = new Uint8Array(head.length + body.length * repeat + tail.length);
  raw.set(head, 0);
  for (let k = 0; k < repeat; k++) raw.set(body, head.length + k * body.length);
  raw.set(tail, head.length + body.length * repeat);
  let crc = crc32(strToU8(prefix));
  for (let k = 0; withCrc && k < repeat; k++) crc = crc32(c, crc);
  crc = crc32(strToU8(suffix), crc);
  return { raw, size: strToU8(prefix).length + c.length * repeat + strToU8(suffix).length, crc };
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const worksheet = (body: string, after = ""): string =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${body}</sheetData>${after}</worksheet>`;

/* ------------------------------------------------------------------ the sample, edited */

const ROOT = path.resolve(__dirname, "../..");
export const CLEAN_SAMPLE = path.join(ROOT, "assets", "samples", "bureau-stats-2013.xlsx");

/** The clean sample's parts (8 sheets, 2013 and 2012: checks clean, exit 0). */
export function sampleParts(): Record<string, Uint8Array> {
  return unzipSync(new Uint8Array(readFileSync(CLEAN_SAMPLE)));
}

function editPart(
  parts: Record<string, Uint8Array>,
  name: string,
  edit: (xml: string) => string
): Record<string, Uint8Array> {
  const xml = strFromU8(parts[name] as Uint8Array);
  const next = edit(xml);
  if (next === xml) throw new Error(`hostile-xlsx: edit of ${name} changed nothing`);
  return { ...parts, [name]: strToU8(next) };
}

/* ------------------------------------------------------------------ the classes */

export interface HostileFile {
  /** Short id (also the file name stem). */
  readonly id: string;
  readonly description: string;
  /** One file, or several checked together in one run. */
  readonly files: readonly Uint8Array[];
}

/** Sizes scale down for fast tests; `full` is what the issue describes (bench, fuzz). */
export type Scale = "full" | "small";

/** A sheet part whose declared size is 1 KB but which inflates to ~1.5 GB (full) of spaces. */
export function lyingSize(scale: Scale = "full"): HostileFile {
  const { raw } = deflateRepeated(
    `<?xml version="1.0"?><worksheet ${NS}><sheetData>`,
    " ".repeat(1 << 20),
    scale === "full" ? 1500 : 600,
    "</sheetData></worksheet>",
    false
  );
  const parts = partsOf(buildXlsx({ sheets: [{ name: "表1", xml: "" }] }));
  return {
    id: "lying-size",
    description: "a sheet part declared as 1,024 bytes that inflates to far more",
    files: [zipParts(parts, { "xl/worksheets/sheet1.xml": { raw, size: 1024, crc: 0 } })],
  };
}

/** A tall sheet with a value at column XFD in every row (and a merge out to XFD1048576). */
export function sparseXfd(scale: Scale = "full"): HostileFile {
  const rows = scale === "full" ? 100_000 : 20_000;
  let body = "";
  for (let r = 1; r <= rows; r++) body += `<row r="${r}"><c r="XFD${r}"><v>1</v></c></row>`;
  const xml = worksheet(
    body,
    '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'
  );
  return {
    id: "sparse-xfd",
    description: `${rows.toLocaleString("en-US")} rows, each with one value at column XFD`,
    files: [buildXlsx({ sheets: [{ name: "表1", xml }] })],
  };
}

/** Dozens of sheets, each with a single value in its last row (A1048576) and one at XFD1. */
export function sparseSheets(scale: Scale = "full"): HostileFile {
  const n = scale === "full" ? 60 : 25;
  const sheets: PartsSheet[] = Array.from({ length: n }, (_, i) => ({
    name: `S${i + 1}`,
    xml: '<row r="1"><c r="XFD1"><v>1</v></c></row><row r="1048576"><c r="A1048576"><v>1</v></c></row>',
  }));
  return {
    id: "sparse-sheets",
    description: `${n} sheets, each with a value at XFD1 and at A1048576`,
    files: [buildXlsx({ sheets })],
  };
}

/** Several files, each under the per-file cell limit, together far over it. */
export function manyFilesCells(scale: Scale = "full"): HostileFile {
  const files = scale === "full" ? 50 : 6;
  const cellsPerFile = 1_000_000;
  const { raw, size, crc } = deflateRepeated(
    `<?xml version="1.0"?><worksheet ${NS}><sheetData>`,
    "<row>" + "<c><v>1</v></c>".repeat(100) + "</row>",
    cellsPerFile / 100,
    "</sheetData></worksheet>"
  );
  const parts = partsOf(buildXlsx({ sheets: [{ name: "表1", xml: "" }] }));
  const one = zipParts(parts, {
    "xl/worksheets/sheet1.xml": { raw, size, crc },
  });
  return {
    id: "many-files-cells",
    description: `${files} files of 1,000,000 cells each, checked together`,
    files: Array.from({ length: files }, () => one),
  };
}

/** A worksheet part of 40 MB of blanks (compressed: about 40 KB). */
function blankSheet40Mb(): { raw: Uint8Array; size: number; crc: number } {
  return deflateRepeated(
    `<?xml version="1.0"?><worksheet ${NS}><sheetData>`,
    " ".repeat(1 << 20),
    40,
    "</sheetData></worksheet>"
  );
}

/** Hundreds of sheets whose relationships all point at one 40 MB part. */
export function manyRefsOnePart(scale: Scale = "full"): HostileFile {
  const n = scale === "full" ? 500 : 50;
  const { raw, size, crc } = blankSheet40Mb();
  const parts = partsOf(buildXlsx({ sheets: [{ name: "表1", xml: "" }] }));
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  parts["xl/workbook.xml"] = strToU8(
    `<?xml version="1.0"?><workbook ${NS} xmlns:r="${REL}"><sheets>` +
      Array.from(
        { length: n },
        (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId1"/>`
      ).join("") +
      "</sheets></workbook>"
  );
  return {
    id: "many-refs-one-part",
    description: `${n} sheets all pointing at one 40 MB sheet part`,
    files: [zipParts(parts, { "xl/worksheets/sheet1.xml": { raw, size, crc } })],
  };
}

/** Hundreds of central-directory entries (sheets) that all point at the same local data. */
export function overlappingEntries(scale: Scale = "full"): HostileFile {
  const n = scale === "full" ? 500 : 50;
  const { raw, size, crc } = blankSheet40Mb();
  const sheets: PartsSheet[] = Array.from({ length: n }, (_, i) => ({ name: `S${i}`, xml: "" }));
  const parts = partsOf(buildXlsx({ sheets }));
  const entries: RawEntry[] = [];
  for (const [name, data] of Object.entries(parts)) {
    if (name === "xl/worksheets/sheet1.xml") entries.push({ name, raw, size, crc });
    else if (name.startsWith("xl/worksheets/"))
      entries.push({ name, raw, size, crc, sameDataAs: "xl/worksheets/sheet1.xml" });
    else entries.push({ name, data });
  }
  return {
    id: "overlapping-entries",
    description: `${n} zip entries sharing one 40 MB compressed stream`,
    files: [rawZip(entries)],
  };
}

/** A 100,000-row sheet with 20,000 merged ranges, each over the whole first column. */
export function manyMerges(scale: Scale = "full"): HostileFile {
  const rows = scale === "full" ? 100_000 : 20_000;
  const merges = scale === "full" ? 20_000 : 5_000;
  const { raw, size, crc } = deflateRepeated(
    `<?xml version="1.0"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>单位</t></is></c></row>`,
    "<row><c><v>1</v></c></row>".repeat(1000),
    rows / 1000,
    `</sheetData><mergeCells count="${merges}">` +
      `<mergeCell ref="A1:A${rows}"/>`.repeat(merges) +
      "</mergeCells></worksheet>"
  );
  const parts = partsOf(buildXlsx({ sheets: [{ name: "表1", xml: "" }] }));
  return {
    id: "many-merges",
    description: `${rows.toLocaleString("en-US")} rows and ${merges.toLocaleString("en-US")} merged ranges over them`,
    files: [zipParts(parts, { "xl/worksheets/sheet1.xml": { raw, size, crc } })],
  };
}

/** A shared-strings table of tens of millions of empty items. */
export function manySharedStrings(scale: Scale = "full"): HostileFile {
  const items = scale === "full" ? 40_000_000 : 6_000_000;
  const { raw, size, crc } = deflateRepeated(
    `<?xml version="1.0"?><sst ${NS}>`,
    "<si/>".repeat(100_000),
    items / 100_000,
    "</sst>"
  );
  const parts = partsOf(
    buildXlsx({ sheets: [{ name: "表1", xml: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }] })
  );
  return {
    id: "many-shared-strings",
    description: `${items.toLocaleString("en-US")} shared strings`,
    files: [zipParts(parts, { "xl/sharedStrings.xml": { raw, size, crc } })],
  };
}

/** The mistakes sample with every sheet renamed to a name of `chars` characters (Excel: 31). */
export function hugeSheetName(scale: Scale = "full"): HostileFile {
  const chars = scale === "full" ? 1 << 20 : 4096;
  const parts = unzipSync(
    new Uint8Array(
      readFileSync(path.join(ROOT, "assets", "samples", "bureau-stats-2013-mistakes.xlsx"))
    )
  );
  let k = 0;
  const edited = editPart(parts, "xl/workbook.xml", (xml) =>
    xml.replace(
      / name="([^"]*)"/g,
      (_m, n: string) => ` name="${escapeXml(n)}${String(k++)}${"长".repeat(chars)}"`
    )
  );
  return {
    id: "huge-sheet-name",
    description: `the mistakes sample with sheet names of ${chars.toLocaleString("en-US")} characters`,
    files: [zipParts(edited)],
  };
}

/* ------------------------------------------------------------------ reading what Excel reads */

/** The clean sample with one part edited. */
function editedSample(
  id: string,
  description: string,
  part: string,
  edit: (xml: string) => string
): HostileFile {
  return { id, description, files: [zipParts(editPart(sampleParts(), part, edit))] };
}

const SHEET1 = "xl/worksheets/sheet1.xml";

/** The clean sample with a row of wrong figures inside an XML comment in 表1 (Excel ignores it). */
export function commentedCells(): HostileFile {
  return editedSample(
    "commented-cells",
    "the clean sample with a row of wrong figures for 表1 row 5 inside an XML comment",
    SHEET1,
    (xml) =>
      xml.replace(
        '<row r="6"',
        '<!-- <row r="5"><c r="C5"><v>999999</v></c><c r="D5"><v>-5</v></c></row> --><row r="6"'
      )
  );
}

/** The clean sample with every shared string and every number of 表1 written as CDATA. */
export function cdataText(): HostileFile {
  let parts = editPart(sampleParts(), "xl/sharedStrings.xml", (xml) =>
    xml.replace(
      /<t( [^>]*)?>([^<]*)<\/t>/g,
      (_m, a: string | undefined, t: string) =>
        `<t${a ?? ""}><![CDATA[${t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")}]]></t>`
    )
  );
  parts = editPart(parts, "xl/worksheets/sheet1.xml", (xml) =>
    xml.replace(/<v>(-?[0-9.]+)<\/v>/g, (_m, v: string) => `<v><![CDATA[${v}]]></v>`)
  );
  return {
    id: "cdata-text",
    description: "the clean sample with its strings and 表1's numbers in CDATA sections",
    files: [zipParts(parts)],
  };
}

/** Two zip entries named xl/worksheets/sheet1.xml: the first the real 表1, the second empty. */
export function duplicateParts(): HostileFile {
  const parts = sampleParts();
  const entries: RawEntry[] = Object.entries(parts).map(([name, data]) => ({ name, data }));
  entries.push({ name: "xl/worksheets/sheet1.xml", data: strToU8(worksheet("")) });
  return {
    id: "duplicate-parts",
    description: "two zip entries with the same part name (表1 and an empty sheet)",
    files: [rawZip(entries)],
  };
}

/** 表1's entry whose local header names another part. */
export function localNameMismatch(): HostileFile {
  return {
    id: "local-name-mismatch",
    description: "a zip entry whose local header names another part",
    files: [
      zipParts(sampleParts(), {
        "xl/worksheets/sheet1.xml": { localName: "xl/worksheets/sheet9.xml" },
      }),
    ],
  };
}

/** 表1's part with a wrong CRC-32 and one figure changed (a damaged part). */
export function badCrc(): HostileFile {
  const parts = sampleParts();
  const good = parts["xl/worksheets/sheet1.xml"] as Uint8Array;
  const crc = crc32(good);
  const damaged = editPart(parts, "xl/worksheets/sheet1.xml", (xml) =>
    xml.replace('<c r="C5" s="7"><v>132</v></c>', '<c r="C5" s="7"><v>231</v></c>')
  );
  return {
    id: "bad-crc",
    description: "表1's part changed after its CRC-32 was written",
    files: [zipParts(damaged, { "xl/worksheets/sheet1.xml": { crc } })],
  };
}

/** 表1's part replaced by text that is not XML. */
export function notXmlSheet(): HostileFile {
  return editedSample(
    "not-xml-sheet",
    "表1's part is plain text",
    SHEET1,
    () => "这不是 XML，只是一段文字。\n"
  );
}

/** 表1's part cut off in the middle (not well-formed XML). */
export function truncatedSheetXml(): HostileFile {
  return editedSample("truncated-sheet-xml", "表1's XML cut off after row 5", SHEET1, (xml) =>
    xml.slice(0, xml.indexOf('<row r="6"'))
  );
}

/** A `t="d"` ISO date written into a count column of 表1 (Excel shows a date there). */
export function dateInCountColumn(): HostileFile {
  return editedSample("date-in-count", 'a t="d" date in 表1!C5 (a count column)', SHEET1, (xml) =>
    xml.replace(
      /<c r="C5"( s="\d+")?>\s*<v>132<\/v>\s*<\/c>/,
      '<c r="C5"$1 t="d"><v>1900-05-11</v></c>'
    )
  );
}

/** All classes at the given scale. */
export function hostileFiles(scale: Scale = "small"): HostileFile[] {
  return [
    lyingSize(scale),
    sparseXfd(scale),
    sparseSheets(scale),
    manyFilesCells(scale),
    manyRefsOnePart(scale),
    overlappingEntries(scale),
    manyMerges(scale),
    manySharedStrings(scale),
    hugeSheetName(scale),
    commentedCells(),
    cdataText(),
    duplicateParts(),
    localNameMismatch(),
    badCrc(),
    notXmlSheet(),
    truncatedSheetXml(),
    dateInCountColumn(),
  ];
}
