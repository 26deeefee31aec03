/**
 * A .docx of a draft (SPEC §4), formatted per GB/T 9704: A4; margins top 37 mm, bottom 35 mm,
 * left 28 mm, right 26 mm; body 仿宋_GB2312 16 pt (w:sz 32); first-line indent 2 characters;
 * exact 28 pt line spacing; headings `一、` in 黑体 and `（一）` in 楷体_GB2312.
 *
 * The `docx` library is loaded on demand (dynamic import), so this module stays out of the core
 * bundle: hosts call `const { renderDocx } = await import("…/core/render/docx")`. It is not
 * re-exported from `src/core/index.ts`. Runs in Node and the browser.
 */
import type { Draft, DraftParagraph } from "../draft/draft";
import { toChinesePunctuation } from "./punctuation";
import { xmlSafeText } from "./xmlchars";
import { REPORT_STYLE, mmToTwips, ptToTwips } from "./style";

type DocxModule = typeof import("docx");
type DocxParagraph = InstanceType<DocxModule["Paragraph"]>;

/** Word's font slots, all set so digits and Latin letters use the same face as the Chinese. */
function fontSlots(name: string) {
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

function paragraphFor(docx: DocxModule, text: string, font: string): DocxParagraph {
  const s = REPORT_STYLE;
  return new docx.Paragraph({
    indent: {
      firstLine: ptToTwips(s.fontSizePt * s.firstLineIndentChars),
      firstLineChars: s.firstLineIndentChars * 100,
    },
    spacing: {
      line: ptToTwips(s.lineSpacingPt),
      lineRule: docx.LineRuleType.EXACT,
      before: 0,
      after: 0,
    },
    children: [
      new docx.TextRun({
        text: toChinesePunctuation(xmlSafeText(text).trim()),
        font: fontSlots(font),
        size: s.fontSizePt * 2,
      }),
    ],
  });
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

/**
 * Builds the .docx file of a draft.
 * @example const bytes = await renderDocx(draftReport(tables, previous, {})); // Uint8Array (zip)
 */
export async function renderDocx(draft: Draft): Promise<Uint8Array> {
  const docx: DocxModule = await import("docx");
  const s = REPORT_STYLE;
  const body = s.bodyFonts[0];
  const document = new docx.Document({
    creator: "统计报表助手",
    title: "报告段落",
    styles: {
      default: {
        document: {
          run: { font: fontSlots(body), size: s.fontSizePt * 2 },
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
            },
          },
        },
        children: draft.paragraphs.flatMap((p) => paragraphsFor(docx, p)),
      },
    ],
  });
  return new Uint8Array(await docx.Packer.toArrayBuffer(document));
}
