/**
 * A .docx of a draft (docs/wording.md), formatted per GB/T 9704: A4; margins top 37 mm, bottom 35 mm,
 * left 28 mm, right 26 mm; body 仿宋_GB2312 16 pt (w:sz 32); first-line indent 2 characters;
 * exact 28 pt line spacing; headings `一、` in 黑体 and `（一）` in 楷体_GB2312; a title (when the
 * draft has one) centred in 2号小标宋; page numbers `— 1 —` centred at the foot in 4号宋体; East
 * Asian text tagged zh-CN.
 *
 * Fonts: a run can name one font only, so each run names the GB/T 9704 face and the font table
 * (word/fontTable.xml) describes it for a machine that lacks it: the other names of the chain as
 * `w:altName` (仿宋_GB2312 → 仿宋, FangSong, STFangsong), its PANOSE number, the GB2312 character
 * set and the family, which are what a word processor uses to pick a substitute.
 *
 * The `docx` library is loaded on demand (dynamic import), so this module stays out of the core
 * bundle: hosts call `const { renderDocx } = await import("…/core/render/docx")`. It is not
 * re-exported from `src/core/index.ts`. Runs in Node and the browser.
 */
import type { Draft, DraftParagraph } from "../draft/draft";
import { toChinesePunctuation } from "./punctuation";
import { xmlSafeText } from "./xmlchars";
import { REPORT_STYLE, mmToTwips, ptToTwips } from "./style";
import { escapeHtml } from "./html";
import { sourceRows, type SourceRow } from "./sources";

type DocxModule = typeof import("docx");
type DocxParagraph = InstanceType<DocxModule["Paragraph"]>;
type DocxTable = InstanceType<DocxModule["Table"]>;
type DocxTableRow = InstanceType<DocxModule["TableRow"]>;

/** A draft, with the title it may carry (rendered above the paragraphs when present). */
export type DocxDraft = Draft & { readonly title?: string };

/** What the document holds besides the paragraphs. */
export interface DocxOptions {
  /**
   * Append 数据来源 on a page of its own: a table of every number still written in the
   * paragraphs, with its paragraph, its cells and its arithmetic (default false: no appendix).
   */
  readonly sources?: boolean;
}

/** Word's font slots, all set so digits and Latin letters use the same face as the Chinese. */
function fontSlots(name: string) {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

/** Simplified Chinese for the East Asian text (spelling, line breaking); Latin runs alike. */
const LANGUAGE = { value: "en-US", eastAsia: "zh-CN" } as const;

/**
 * What the font table says of each face a run names (values as Word writes them for these fonts):
 * PANOSE-1, pitch and family. All are GB2312 fonts (charset 86, code page bit 18 of csb0).
 */
const FACE_DATA: Readonly<Record<string, { panose: string; family: string; pitch: string }>> = {
  仿宋_GB2312: { panose: "02010609030101010101", family: "modern", pitch: "fixed" },
  黑体: { panose: "02010609060101010101", family: "modern", pitch: "fixed" },
  楷体_GB2312: { panose: "02010609030101010101", family: "modern", pitch: "fixed" },
  方正小标宋简体: { panose: "02000000000000000000", family: "auto", pitch: "variable" },
  宋体: { panose: "02010600030101010101", family: "auto", pitch: "variable" },
};

/** The font chains whose first face a run names; the rest become the face's `w:altName`. */
const FONT_CHAINS: readonly (readonly string[])[] = [
  REPORT_STYLE.bodyFonts,
  REPORT_STYLE.heading1Fonts,
  REPORT_STYLE.heading2Fonts,
  REPORT_STYLE.titleFonts,
  REPORT_STYLE.pageNumberFonts,
];

/**
 * word/fontTable.xml: one entry per face named in the document, with its fallbacks and the data a
 * word processor substitutes by.
 */
export function fontTableXml(): string {
  const entries = FONT_CHAINS.map(([name, ...alternatives]) => {
    const face = FACE_DATA[name!];
    if (!face) throw new Error(`no font table data for ${name}`);
    return (
      `<w:font w:name="${escapeHtml(name!)}">` +
      `<w:altName w:val="${escapeHtml(alternatives.join(","))}"/>` +
      `<w:panose1 w:val="${face.panose}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${face.family}"/><w:pitch w:val="${face.pitch}"/>` +
      `<w:sig w:usb0="00000001" w:usb1="080E0000" w:usb2="00000000" w:usb3="00000000" w:csb0="00040000" w:csb1="00000000"/>` +
      `</w:font>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
    entries.join("") +
    `</w:fonts>`
  );
}

/**
 * Exact line spacing, and GB/T 9704's grid of 22 lines a page kept: no line is moved to the next
 * page to avoid a widow or an orphan (Writer would otherwise leave some pages a line short).
 */
const onGrid = (docx: DocxModule, pt: number) => ({
  spacing: { line: ptToTwips(pt), lineRule: docx.LineRuleType.EXACT, before: 0, after: 0 },
  widowControl: false,
});

/** A paragraph of the text (or a heading, in `font`); `extra` e.g. starts it on a new page. */
function paragraphFor(
  docx: DocxModule,
  text: string,
  font: string,
  extra: { readonly pageBreakBefore?: boolean } = {}
): DocxParagraph {
  const s = REPORT_STYLE;
  return new docx.Paragraph({
    ...extra,
    indent: {
      firstLine: ptToTwips(s.fontSizePt * s.firstLineIndentChars),
      firstLineChars: s.firstLineIndentChars * 100,
    },
    ...onGrid(docx, s.lineSpacingPt),
    children: [
      new docx.TextRun({
        text: toChinesePunctuation(xmlSafeText(text).trim()),
        font: fontSlots(font),
        size: s.fontSizePt * 2,
        language: LANGUAGE,
      }),
    ],
  });
}

/** The title, centred in 2号小标宋, followed by an empty line (GB/T 9704 7.3.3). */
function titleFor(docx: DocxModule, title: string): DocxParagraph[] {
  const s = REPORT_STYLE;
  return [
    new docx.Paragraph({
      alignment: docx.AlignmentType.CENTER,
      ...onGrid(docx, 35),
      children: [
        new docx.TextRun({
          text: toChinesePunctuation(title.trim()),
          font: fontSlots(s.titleFonts[0]),
          size: s.titleSizePt * 2,
          language: LANGUAGE,
        }),
      ],
    }),
    new docx.Paragraph({ ...onGrid(docx, s.lineSpacingPt), children: [] }),
  ];
}

function paragraphsFor(docx: DocxModule, p: DraftParagraph): DocxParagraph[] {
  const s = REPORT_STYLE;
  const out: DocxParagraph[] = [];
  if (p.heading) {
    const font = p.headingLevel === 2 ? s.heading2Fonts[0] : s.heading1Fonts[0];
    out.push(paragraphFor(docx, p.heading, font));
  }
  if (p.text.trim() !== "") out.push(paragraphFor(docx, p.text, s.bodyFonts[0]));
  return out;
}

/** `— 1 —` centred: 宋体 4号, one em dash and a space either side of the page number field. */
function pageNumberFooter(docx: DocxModule) {
  const s = REPORT_STYLE;
  return new docx.Footer({
    children: [
      new docx.Paragraph({
        alignment: docx.AlignmentType.CENTER,
        children: [
          new docx.TextRun({
            children: ["— ", docx.PageNumber.CURRENT, " —"],
            font: fontSlots(s.pageNumberFonts[0]),
            size: s.pageNumberSizePt * 2,
            language: LANGUAGE,
          }),
        ],
      }),
    ],
  });
}

/** The appendix table: font size (五号), line spacing, and the columns' widths in mm (156 in all). */
const SOURCES_TABLE = {
  sizePt: 10.5,
  lineSpacingPt: 15,
  labelSizePt: 9,
  labelLineSpacingPt: 13,
  columns: [
    { header: "数字", widthMm: 24 },
    { header: "所在段落", widthMm: 22 },
    { header: "来源", widthMm: 48 },
    { header: "计算", widthMm: 62 },
  ],
} as const;

/** A table cell's line of text, in `font` at `sizePt`, on an exact line spacing. */
function cellLine(
  docx: DocxModule,
  text: string,
  font: string,
  sizePt: number,
  lineSpacingPt: number,
  centred = false
): DocxParagraph {
  return new docx.Paragraph({
    ...(centred ? { alignment: docx.AlignmentType.CENTER } : {}),
    ...onGrid(docx, lineSpacingPt),
    children: [
      new docx.TextRun({
        text: xmlSafeText(text),
        font: fontSlots(font),
        size: sizePt * 2,
        language: LANGUAGE,
      }),
    ],
  });
}

/**
 * A row of the appendix table: its cells' paragraphs (top-aligned, so a row reads across from its
 * first line), never split across pages; the header row repeated on every page.
 */
function tableRow(docx: DocxModule, cells: DocxParagraph[][], header: boolean): DocxTableRow {
  const margin = ptToTwips(2);
  return new docx.TableRow({
    ...(header ? { tableHeader: true } : {}),
    cantSplit: true,
    children: cells.map(
      (children, i) =>
        new docx.TableCell({
          children,
          width: { size: mmToTwips(SOURCES_TABLE.columns[i]!.widthMm), type: docx.WidthType.DXA },
          margins: { top: margin, bottom: margin, left: ptToTwips(4), right: ptToTwips(4) },
          ...(header ? { shading: { type: docx.ShadingType.CLEAR, fill: "E7E6E6" } } : {}),
        })
    ),
  });
}

/** The appendix table: a header row (黑体) and one row per number (仿宋), all borders single. */
function sourcesTable(docx: DocxModule, rows: readonly SourceRow[]): DocxTable {
  const s = REPORT_STYLE;
  const t = SOURCES_TABLE;
  const body = (text: string) => cellLine(docx, text, s.bodyFonts[0], t.sizePt, t.lineSpacingPt);
  const header = t.columns.map((c) => [
    cellLine(docx, c.header, s.heading1Fonts[0], t.sizePt, t.lineSpacingPt, true),
  ]);
  const line = { style: docx.BorderStyle.SINGLE, size: 4, color: "000000" };
  return new docx.Table({
    width: {
      size: mmToTwips(s.page.widthMm - s.marginsMm.left - s.marginsMm.right),
      type: docx.WidthType.DXA,
    },
    columnWidths: t.columns.map((c) => mmToTwips(c.widthMm)),
    layout: docx.TableLayoutType.FIXED,
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: [
      tableRow(docx, header, true),
      ...rows.map((r) =>
        tableRow(
          docx,
          [
            [
              body(r.number),
              cellLine(docx, r.label, s.bodyFonts[0], t.labelSizePt, t.labelLineSpacingPt),
            ],
            [body(r.paragraph)],
            [body(r.source)],
            [body(r.formula)],
          ],
          false
        )
      ),
    ],
  });
}

/**
 * 数据来源 after the paragraphs, on a page of its own: the heading as a level-1 heading (黑体), then
 * the table of the draft's numbers (`sourceRows`), or a sentence saying there is none.
 */
function sourcesAppendix(docx: DocxModule, draft: Draft): (DocxParagraph | DocxTable)[] {
  const heading = paragraphFor(docx, "数据来源", REPORT_STYLE.heading1Fonts[0], {
    pageBreakBefore: true,
  });
  const rows = sourceRows(draft);
  if (rows.length === 0)
    return [heading, paragraphFor(docx, "正文中没有可列出来源的数字。", REPORT_STYLE.bodyFonts[0])];
  return [heading, sourcesTable(docx, rows)];
}

/**
 * Builds the .docx file of a draft; with `{ sources: true }`, the 数据来源 appendix after it.
 * @example const bytes = await renderDocx(draftReport(tables, previous, {})); // Uint8Array (zip)
 * @example await renderDocx(draft, { sources: true }) // … and a table of every number's cells
 */
export async function renderDocx(draft: DocxDraft, options: DocxOptions = {}): Promise<Uint8Array> {
  const docx: DocxModule = await import("docx");
  const s = REPORT_STYLE;
  const body = s.bodyFonts[0];
  // The footer's lower edge: the number's line starts 7 mm below the text area (GB/T 9704 7.5).
  const footerMm = s.marginsMm.bottom - s.pageNumberBelowTextMm - (s.pageNumberSizePt * 25.4) / 72;
  const title = draft.title?.trim() ? titleFor(docx, draft.title) : [];
  const document = new docx.Document({
    creator: "统计报表助手",
    title: draft.title?.trim() || "报告段落",
    styles: {
      default: {
        document: {
          run: { font: fontSlots(body), size: s.fontSizePt * 2, language: LANGUAGE },
          paragraph: {
            spacing: { line: ptToTwips(s.lineSpacingPt), lineRule: docx.LineRuleType.EXACT },
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: mmToTwips(s.page.widthMm),
              height: mmToTwips(s.page.heightMm),
              orientation: docx.PageOrientation.PORTRAIT,
            },
            margin: {
              top: mmToTwips(s.marginsMm.top),
              bottom: mmToTwips(s.marginsMm.bottom),
              left: mmToTwips(s.marginsMm.left),
              right: mmToTwips(s.marginsMm.right),
              footer: mmToTwips(footerMm),
            },
          },
        },
        footers: { default: pageNumberFooter(docx) },
        children: [
          ...title,
          ...draft.paragraphs.flatMap((p) => paragraphsFor(docx, p)),
          ...(options.sources ? sourcesAppendix(docx, draft) : []),
        ],
      },
    ],
  });
  const overrides = [{ path: "word/fontTable.xml", data: fontTableXml() }];
  return new Uint8Array(await docx.Packer.toArrayBuffer(document, false, overrides));
}
