/**
 * Plain text of a draft (docs/wording.md): each paragraph (and heading) starts with two full-width
 * spaces, Chinese punctuation only, paragraphs on their own lines.
 */
import type { Draft, DraftFigure } from "../draft/draft";
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

/** A number of the draft placed in its plain text: `text.slice(start, end)`. */
export interface TextFigure extends DraftFigure {
  readonly start: number;
  readonly end: number;
}

/**
 * The draft's numbers placed in `renderText(draft)`, in the same order (so `UnverifiedFigure.figures`
 * index them too). A number whose text is not found where it should be gets `start` and `end`
 * -1: no place rather than a wrong one.
 * @example textFigures(draft)[0] // { text: "49人", start: 8, end: 11, … }
 */
export function textFigures(draft: Draft, text = renderText(draft)): TextFigure[] {
  const starts: number[] = [];
  let at = 0;
  for (const p of draft.paragraphs) {
    if (p.heading) at += indentLine(p.heading).length + 1;
    if (p.text.trim() === "") {
      starts.push(-1);
      continue;
    }
    const lead = /^[\s\u3000]*/.exec(p.text)?.[0].length ?? 0;
    starts.push(at + TEXT_INDENT.length - lead);
    at += indentLine(p.text).length + 1;
  }
  return (draft.figures ?? []).map((f) => {
    const base = starts[f.paragraph] ?? -1;
    const start = base + f.from;
    const end = base + f.to;
    return base >= 0 && text.slice(start, end) === f.text
      ? { ...f, start, end }
      : { ...f, start: -1, end: -1 };
  });
}
