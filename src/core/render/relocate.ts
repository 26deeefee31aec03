/**
 * The numbers of a draft followed through the statistician's edits of its text: a number whose
 * characters, and the characters just around it, are left as they were keeps its provenance at
 * its new place; any other is dropped (its text may say something else now).
 */
import type { Draft, DraftFigure } from "../draft/draft";
import { TEXT_INDENT } from "./style";
import { indentLine, renderText } from "./text";

/** A number placed in a text: `text.slice(start, end)`. */
export interface PlacedFigure {
  readonly start: number;
  readonly end: number;
}

/** The numbers still standing after an edit (at their new place) and the ones dropped. */
export interface RelocatedFigures<F extends PlacedFigure> {
  readonly kept: F[];
  readonly dropped: F[];
}

/** Above this many character pairs in the changed middle, the middle is not diffed (a paste). */
const MAX_PAIRS = 4_000_000;

/**
 * Where each character of `before` is in `after` (-1: deleted or changed): the common prefix and
 * suffix map directly, the changed middle by the longest common subsequence of its characters
 * (left unmapped when it is too large to diff).
 * @example characterMap("ab", "aXb") // Int32Array [0, 2]
 */
export function characterMap(before: string, after: string): Int32Array {
  const n = before.length;
  const m = after.length;
  const map = new Int32Array(n).fill(-1);
  let prefix = 0;
  while (prefix < n && prefix < m && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (
    suffix < n - prefix &&
    suffix < m - prefix &&
    before[n - 1 - suffix] === after[m - 1 - suffix]
  )
    suffix++;
  for (let i = 0; i < prefix; i++) map[i] = i;
  for (let i = n - suffix; i < n; i++) map[i] = i + (m - n);
  const a = before.slice(prefix, n - suffix);
  const b = after.slice(prefix, m - suffix);
  if (a.length > 0 && b.length > 0 && (a.length + 1) * (b.length + 1) <= MAX_PAIRS)
    diffMiddle(a, b).forEach((j, i) => {
      if (j >= 0) map[prefix + i] = prefix + j;
    });
  return map;
}

/**
 * For each character of `a`, its index in `b` along a longest common subsequence, or -1.
 * @example diffMiddle("49", "50") // [-1, -1]
 */
function diffMiddle(a: string, b: string): number[] {
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  // lengths of the common subsequences of the suffixes a[i..], b[j..]
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * w + j] =
        a[i] === b[j]
          ? lcs[(i + 1) * w + j + 1]! + 1
          : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
  const out = new Array<number>(n).fill(-1);
  for (let i = 0, j = 0; i < n && j < m;) {
    if (a[i] === b[j]) out[i++] = j++;
    else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) i++;
    else j++;
  }
  return out;
}

/**
 * Whether the characters `start..end` and their immediate neighbours are all kept, side by side:
 * nothing deleted, changed or inserted among them, nor added at a text edge they touch.
 */
function standsStill(map: Int32Array, start: number, end: number, after: number): boolean {
  const n = map.length;
  if (start < 0 || end > n || start >= end) return false;
  const first = Math.max(0, start - 1);
  const last = Math.min(n - 1, end);
  for (let i = first; i <= last; i++) {
    if (map[i]! < 0) return false;
    if (i > first && map[i]! !== map[i - 1]! + 1) return false;
  }
  if (start === 0 && map[0] !== 0) return false;
  if (end === n && map[n - 1] !== after - 1) return false;
  return true;
}

/**
 * The numbers of `originalText` followed into `editedText`: `kept` at their new `start`/`end`
 * (in their original order), `dropped` the ones whose text or whose immediate neighbours changed
 * (`49人` → `50人` or `149人`), or that were deleted. A number without a place (`start` -1) is in
 * neither.
 * @example relocateFigures([{ start: 4, end: 7 }], "发展党员49人。", "全年发展党员49人。").kept
 * // [{ start: 6, end: 9 }]
 */
export function relocateFigures<F extends PlacedFigure>(
  figures: readonly F[],
  originalText: string,
  editedText: string
): RelocatedFigures<F> {
  const placed = figures.filter((f) => f.start >= 0 && f.end > f.start);
  if (originalText === editedText) return { kept: [...placed], dropped: [] };
  const map = characterMap(originalText, editedText);
  const kept: F[] = [];
  const dropped: F[] = [];
  for (const f of placed) {
    if (standsStill(map, f.start, f.end, editedText.length)) {
      const start = map[f.start]!;
      kept.push({ ...f, start, end: start + (f.end - f.start) });
    } else dropped.push(f);
  }
  return { kept, dropped };
}

/**
 * The figures placed in `renderText(draft)` given back their paragraph and place in it (the
 * inverse of `textFigures`), for a draft whose text was edited: a figure whose text is not found
 * where it falls is left out.
 * @example placeFigures(draft, textFigures(draft)) // draft.figures (each with its start/end too)
 */
export function placeFigures<F extends DraftFigure & PlacedFigure>(
  draft: Draft,
  figures: readonly F[],
  text = renderText(draft)
): DraftFigure[] {
  const spans: { paragraph: number; base: number; from: number; to: number }[] = [];
  let at = 0;
  draft.paragraphs.forEach((p, paragraph) => {
    if (p.heading) at += indentLine(p.heading).length + 1;
    if (p.text.trim() === "") return;
    const lead = /^[\s\u3000]*/.exec(p.text)?.[0].length ?? 0;
    const base = at + TEXT_INDENT.length - lead;
    spans.push({ paragraph, base, from: base + lead, to: base + p.text.length });
    at += indentLine(p.text).length + 1;
  });
  const out: DraftFigure[] = [];
  for (const f of figures) {
    const span = spans.find((s) => f.start >= s.from && f.end <= s.to);
    if (!span || text.slice(f.start, f.end) !== f.text) continue;
    const from = f.start - span.base;
    const to = f.end - span.base;
    if (draft.paragraphs[span.paragraph]!.text.slice(from, to) !== f.text) continue;
    out.push({ ...f, paragraph: span.paragraph, from, to });
  }
  return out;
}
