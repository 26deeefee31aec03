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

type DocxModule = typeof import("docx");
type DocxParagraph = InstanceType<DocxModule["Paragraph"]>;

/** A draft, with the title it may carry (rendered above the paragraphs when present). */
export type DocxDraft = Draft & { readonly title?: string };

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

function paragraphFor(docx: DocxModule, text: string, font: string): DocxParagraph {
  const s = REPORT_STYLE;
  return new docx.Paragraph({
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

/**
 * Builds the .docx file of a draft.
 * @example const bytes = await renderDocx(draftReport(tables, previous, {})); // Uint8Array (zip)
 */
export async function renderDocx(draft: DocxDraft): Promise<Uint8Array> {
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
        children: [...title, ...draft.paragraphs.flatMap((p) => paragraphsFor(docx, p))],
      },
    ],
  });
  const overrides = [{ path: "word/fontTable.xml", data: fontTableXml() }];
  return new Uint8Array(await docx.Packer.toArrayBuffer(document, false, overrides));
}
