/**
 * Plain text of a draft (docs/wording.md): each paragraph (and heading) starts with two full-width
 * spaces, Chinese punctuation only, paragraphs on their own lines.
 */
import type { Draft } from "../draft/draft";
import { toChinesePunctuation } from "./punctuation";
import { TEXT_INDENT } from "./style";

/**
 * One paragraph line: leading blanks (also full-width ones) replaced by the two-space indent,
 * line breaks inside joined.
 * @example indentLine(" 发展预备党员49人。") // "\u3000\u3000发展预备党员49人。"
 */
export function indentLine(text: string): string {
  const flat = text
    .replace(/[\r\n]+/g, "")
    .replace(/^[\s\u3000]+/, "")
    .trimEnd();
  return TEXT_INDENT + toChinesePunctuation(flat);
}

/**
 * @example renderText({ paragraphs: [{ tableId: "T1", sheet: "表1", text: "发展预备党员49人。" }] })
 * // "\u3000\u3000发展预备党员49人。"
 */
export function renderText(draft: Draft): string {
  const lines: string[] = [];
  for (const p of draft.paragraphs) {
    if (p.heading) lines.push(indentLine(p.heading));
    if (p.text.trim() !== "") lines.push(indentLine(p.text));
  }
  return lines.join("\n");
}
