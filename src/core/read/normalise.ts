/**
 * Text normalisation for matching headers and labels (how a table is found in a sheet): trim, remove
 * line breaks and spaces, full-width ↔ half-width forms (brackets, colons, digits, letters).
 */

/**
 * Full-width ASCII forms (U+FF01…U+FF5E) to half-width, the ideographic space to a space.
 * @example toHalfWidth("（元）４９") // "(元)49"
 */
export function toHalfWidth(s: string): string {
  let out = "";
  let changed = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out += String.fromCharCode(c - 0xfee0);
      changed = true;
    } else if (c === 0x3000) {
      out += " ";
      changed = true;
    } else {
      out += s[i];
    }
  }
  return changed ? out : s;
}

/** True for the white space people type or paste: ASCII, no-break, ideographic, zero-width. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f
  );
}

/**
 * The key a header (or label) is matched by: half-width, without any white space, `（：）` → `(:)`,
 * Latin letters lower-cased.
 * @example normaliseHeader(" 其中：\n教工 ") === normaliseHeader("其中:教工") // true
 * @example normaliseHeader("金额（元）") // "金额(元)"
 */
export function normaliseHeader(s: string): string {
  const half = toHalfWidth(s);
  let out = "";
  for (let i = 0; i < half.length; i++) {
    const c = half.charCodeAt(i);
    if (!isSpaceCode(c)) out += half[i];
  }
  return out.toLowerCase();
}

/**
 * Text with surrounding white space (of any kind) removed.
 * @example trimText("\u3000来电 ") // "来电"
 */
export function trimText(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isSpaceCode(s.charCodeAt(a))) a++;
  while (b > a && isSpaceCode(s.charCodeAt(b - 1))) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** True when the text is empty or only white space. */
export function isBlankText(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpaceCode(s.charCodeAt(i))) return false;
  return true;
}
