/**
 * A header of two rows: a group header merged over several columns (`党员人数` over `男` and
 * `女`), the other headers merged down both rows. Each column's header is the upper text, the
 * lower text, or both joined (`党员人数（男）`); finding a table and drafting a definition read
 * it the same way.
 */
import type { CellValue } from "../model";
import { isBlankText, normaliseHeader, trimText } from "./normalise";

/** A header cell's text, trimmed; undefined when the cell holds no text. */
function headerText(v: CellValue): string | undefined {
  return typeof v === "string" && !isBlankText(v) ? trimText(v) : undefined;
}

/**
 * A group header and the header under it, as one header.
 * @example joinHeader("党员人数", "男") // "党员人数（男）"
 */
export function joinHeader(upper: string, lower: string): string {
  return `${upper}（${lower}）`;
}

/**
 * The header of each column when rows `upper` and `lower` are one header: the lower text under a
 * group header (the nearest upper text to its left, when its own upper cell is blank: a merged
 * area keeps its text in its first cell) is joined to it; a blank lower cell, or one repeating
 * the upper text (a reader may copy a merged cell's text down), leaves the upper text alone.
 * @example twoRowHeaders(["单位名称", "党员人数", null], ["单位名称", "男", "女"]) // ["单位名称", "党员人数（男）", "党员人数（女）"]
 */
export function twoRowHeaders(
  upper: readonly CellValue[],
  lower: readonly CellValue[]
): (string | undefined)[] {
  const out: (string | undefined)[] = [];
  let group: string | undefined;
  const width = Math.max(upper.length, lower.length);
  for (let c = 0; c < width; c++) {
    const u = headerText(upper[c]);
    const l = headerText(lower[c]);
    if (u !== undefined) group = u;
    else if (l === undefined) group = undefined;
    if (l === undefined) out.push(u);
    else if (u !== undefined && normaliseHeader(u) === normaliseHeader(l)) out.push(u);
    else out.push(group === undefined ? l : joinHeader(group, l));
  }
  return out;
}
