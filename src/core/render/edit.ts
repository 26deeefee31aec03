/**
 * The statistician's edits of the draft text, applied to the draft document paragraph by
 * paragraph, so that the copy (HTML) and the .docx follow the edited text while every paragraph
 * left alone keeps its heading level, its table and its sheet.
 */
import { indentLine } from "./text";
import type { Draft, DraftParagraph } from "../draft/draft";
import { lineLevel, splitDraft } from "./lines";

/** One line of the document as the text box shows it, and where it came from. */
interface Slot {
  /** The line as shown, without its indent. */
  readonly line: string;
  readonly from: number;
  readonly part: "heading" | "text";
}

/** The lines of a document in the order `renderText` writes them. */
function slotsOf(draft: Draft): Slot[] {
  const slots: Slot[] = [];
  const shown = (text: string) => splitDraft(indentLine(text))[0]?.text ?? "";
  draft.paragraphs.forEach((p, from) => {
    if (p.heading) slots.push({ line: shown(p.heading), from, part: "heading" });
    if (p.text.trim() !== "") slots.push({ line: shown(p.text), from, part: "text" });
  });
  return slots.filter((s) => s.line !== "");
}

/** Above this many line pairs the lines are matched by position only (a pasted book). */
const MAX_PAIRS = 1_000_000;

/**
 * For each edited line, the index of the original line it is equal to (longest common
 * subsequence), or -1.
 * @example matchLines(["a", "b", "c"], ["a", "c", "d"]) // [0, 2, -1]
 */
export function matchLines(before: readonly string[], after: readonly string[]): number[] {
  const n = before.length;
  const m = after.length;
  const match = new Array<number>(m).fill(-1);
  if (n * m > MAX_PAIRS) {
    for (let j = 0; j < Math.min(n, m); j++) if (before[j] === after[j]) match[j] = j;
    return match;
  }
  // lengths of the common subsequences of the suffixes
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i]![j] =
        before[i] === after[j]
          ? lcs[i + 1]![j + 1]! + 1
          : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  for (let i = 0, j = 0; i < n && j < m;) {
    if (before[i] === after[j]) match[j++] = i++;
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  return match;
}

/** A kept line: the original paragraph's heading or its text, with its level and origin. */
function keptPart(p: DraftParagraph, part: Slot["part"]): DraftParagraph {
  const hasText = p.text.trim() !== "";
  if ((part === "text" && !p.heading) || (part === "heading" && !hasText)) return p;
  const { heading, headingLevel, ...rest } = p;
  if (part === "text") return { ...rest };
  return { ...rest, heading: heading ?? "", ...(headingLevel ? { headingLevel } : {}), text: "" };
}

/** A typed line: a heading when it is numbered like one (`一、`, `（一）`), else body text. */
function typedPart(line: string, origin: DraftParagraph | undefined): DraftParagraph {
  const base = { tableId: origin?.tableId ?? "", sheet: origin?.sheet ?? "" };
  const level = lineLevel(line);
  return level === 0
    ? { ...base, text: line }
    : { ...base, heading: line, headingLevel: level, text: "" };
}

/**
 * The document with the edited text applied: lines left as they were keep their paragraph (its
 * heading level, table and sheet; a heading and its text both untouched stay one paragraph); a
 * changed line takes the new text in place of the line it replaces; an added line joins the
 * table of the line before it; a deleted line is gone. Headings are recognised as `splitDraft`
 * does. The unverified figures are kept only when nothing changed.
 * @example applyEdits(draft, renderText(draft)) // the same paragraphs as draft
 */
export function applyEdits(draft: Draft, editedText: string): Draft {
  const slots = slotsOf(draft);
  const edited = splitDraft(editedText).map((l) => l.text);
  const match = matchLines(
    slots.map((s) => s.line),
    edited
  );
  const out: Array<{ p: DraftParagraph; from?: number; part?: Slot["part"] }> = [];
  let next = 0; // the first original line not yet passed
  edited.forEach((line, j) => {
    const i = match[j]!;
    if (i >= 0) {
      const s = slots[i]!;
      out.push({ p: keptPart(draft.paragraphs[s.from]!, s.part), from: s.from, part: s.part });
      next = i + 1;
      return;
    }
    // replaces the next original line not kept, if the edit is in its place; else an addition
    const replaced = next < slots.length && !match.includes(next) ? slots[next++] : undefined;
    const near = replaced ?? slots[next - 1] ?? slots[next];
    out.push({ p: typedPart(line, near && draft.paragraphs[near.from]) });
  });
  const paragraphs: DraftParagraph[] = [];
  for (let k = 0; k < out.length; k++) {
    const a = out[k]!;
    const b = out[k + 1];
    const whole = a.part === "heading" && b?.part === "text" && a.from === b.from;
    paragraphs.push(whole ? draft.paragraphs[a.from!]! : a.p);
    if (whole) k++;
  }
  const same =
    paragraphs.length === draft.paragraphs.length &&
    paragraphs.every((p, k) => p === draft.paragraphs[k]);
  return same && draft.unverified ? { paragraphs, unverified: draft.unverified } : { paragraphs };
}
