/**
 * Writing user text into cells as text, never as a formula (so no cell text can run as one): the
 * cells get the text format `@` before the values are written, and a string Excel could still take
 * for a formula or a quote prefix (first character `=` `+` `-` `@` `'`, or a tab / line break) is
 * written with a leading apostrophe, which Excel keeps as the "text" marker and does not show.
 */

const FORMULA_START = /^[=+\-@'\t\r\n]/;

/**
 * The value to write for a user's string.
 * @example cellText("=HYPERLINK(\"http://x\")") // "'=HYPERLINK(\"http://x\")"
 * @example cellText("昆山市") // "昆山市"
 */
export function cellText(s: string): string {
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** The text number format. */
export const TEXT_FORMAT = "@";

/**
 * A sheet name Excel accepts: no `: \ / ? * [ ]`, no leading/trailing apostrophe, 1–31 characters.
 * @example safeSheetName("同比:2014/2013") // "同比 2014 2013"
 */
export function safeSheetName(s: string): string {
  const cleaned = s
    .replace(/[:\\/?*[\]]/g, " ")
    .replace(/^'+|'+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return (cleaned || "Sheet").slice(0, 31).trim();
}

/**
 * `base`, or `base (2)`, `base (3)` … — the first name not taken (compared without case, as
 * Excel does), cut so that the result fits Excel's 31 characters.
 * @example uniqueSheetName("表1 党员发展 2013", new Set(["表1 党员发展 2013"])) // "表1 党员发展 2013 (2)"
 */
export function uniqueSheetName(base: string, taken: ReadonlySet<string>): string {
  const safe = safeSheetName(base);
  if (!taken.has(safe.toLowerCase())) return safe;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const name = safe.slice(0, 31 - suffix.length).trimEnd() + suffix;
    if (!taken.has(name.toLowerCase())) return name;
  }
}
