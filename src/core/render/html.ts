/**
 * Rich text of a draft for pasting into Word, styled per GB/T 9704 (docs/wording.md) with inline styles
 * (Word keeps those when pasting). Every piece of text is escaped: cell text never becomes markup.
 */
import type { Draft, DraftParagraph } from "../draft/draft";
import { toChinesePunctuation } from "./punctuation";
import { xmlSafeText } from "./xmlchars";
import { REPORT_STYLE } from "./style";

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escaped for HTML (and XML): markup characters as entities, characters XML 1.0 cannot hold
 * removed (so the fragment also parses as XHTML and pastes into Word).
 * @example escapeHtml("<img src=x>") // "&lt;img src=x&gt;"
 */
export function escapeHtml(text: string): string {
  return xmlSafeText(text).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/**
 * A CSS font-family list, non-ASCII names quoted.
 * @example cssFontFamily(["黑体", "SimHei"], "sans-serif") // "'黑体',SimHei,sans-serif"
 */
export function cssFontFamily(fonts: readonly string[], generic: string): string {
  return [...fonts.map((f) => (/^[A-Za-z]+$/.test(f) ? f : `'${f}'`)), generic].join(",");
}

function paragraphStyle(fonts: readonly string[], generic: string): string {
  const s = REPORT_STYLE;
  return [
    "margin:0",
    `text-indent:${s.firstLineIndentChars}em`,
    `font-family:${cssFontFamily(fonts, generic)}`,
    `mso-fareast-font-family:'${fonts[0] ?? ""}'`,
    `font-size:${s.fontSizePt}pt`,
    `line-height:${s.lineSpacingPt}pt`,
    "mso-line-height-rule:exactly",
  ].join(";");
}

const BODY = paragraphStyle(REPORT_STYLE.bodyFonts, "serif");
const HEADING_1 = paragraphStyle(REPORT_STYLE.heading1Fonts, "sans-serif");
const HEADING_2 = paragraphStyle(REPORT_STYLE.heading2Fonts, "serif");

function line(text: string, style: string): string {
  return `<p style="${style}">${escapeHtml(toChinesePunctuation(text.trim()))}</p>`;
}

function renderParagraph(p: DraftParagraph): string {
  const parts: string[] = [];
  if (p.heading) parts.push(line(p.heading, p.headingLevel === 2 ? HEADING_2 : HEADING_1));
  if (p.text.trim() !== "") parts.push(line(p.text, BODY));
  return parts.join("\n");
}

/**
 * An HTML fragment (a `<div>` of `<p>`s), one `<p>` per heading and paragraph.
 * @example renderHtml({ paragraphs: [{ tableId: "T1", sheet: "表1", text: "a<b" }] })
 * // '<div class="bureau-stats-draft">\n<p style="margin:0;text-indent:2em;…">a&lt;b</p>\n</div>'
 */
export function renderHtml(draft: Draft): string {
  const body = draft.paragraphs.map(renderParagraph).filter((x) => x !== "");
  return ['<div class="bureau-stats-draft">', ...body, "</div>"].join("\n");
}
