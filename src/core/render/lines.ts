/**
 * The draft as the user edits it — plain text, one paragraph per line, each indented by two
 * full-width spaces (U+3000) — split back into lines. Headings are recognised by their numbering,
 * as in 公文: `一、…` (level 1, 黑体) and `（一）…` (level 2, 楷体).
 */

export interface DraftLine {
  /** 0 = body paragraph, 1 = `一、` heading, 2 = `（一）` heading. */
  readonly level: 0 | 1 | 2;
  /** The paragraph's text without its leading indent (full-width or ASCII spaces). */
  readonly text: string;
}

const LEVEL1 = /^[一二三四五六七八九十]+、/;
const LEVEL2 = /^[（(][一二三四五六七八九十]+[）)]/;
const INDENT = /^[\s\u3000]+/;

/**
 * The heading level a typed line reads as: 1 for `一、…`, 2 for `（一）…`, else 0.
 * @example lineLevel("（二）培训") // 2
 */
export function lineLevel(line: string): 0 | 1 | 2 {
  return LEVEL1.test(line) ? 1 : LEVEL2.test(line) ? 2 : 0;
}

/**
 * Splits an edited draft into paragraphs; blank lines are dropped.
 * @example splitDraft("一、党员发展\n\u3000\u3000发展预备党员49人。") // [{ level: 1, text: "一、党员发展" }, { level: 0, text: "发展预备党员49人。" }]
 */
export function splitDraft(text: string): DraftLine[] {
  const lines: DraftLine[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(INDENT, "").trimEnd();
    if (!line) continue;
    // a heading line that goes on after its title (一、xxx。……) is still a heading in 公文
    lines.push({ level: lineLevel(line), text: line });
  }
  return lines;
}
