/**
 * The statistical years the product accepts, everywhere: a year typed on the command line or in
 * the pane, a year read from a sheet's title or name, a year asked for a blank template.
 */

/** The first year accepted. */
export const FIRST_YEAR = 1900;
/** The last year accepted. */
export const LAST_YEAR = 2099;

/**
 * Whether `n` is a statistical year the product accepts (a whole number, 1900–2099).
 * @example isStatYear(2013) // true
 * @example isStatYear(13) // false
 * @example isStatYear(2013.5) // false
 */
export function isStatYear(n: number): boolean {
  return Number.isInteger(n) && n >= FIRST_YEAR && n <= LAST_YEAR;
}

/**
 * A year typed by a person (four digits, full-width too, 1900–2099, spaces around allowed), or
 * undefined.
 * @example parseStatYear(" 2013 ") // 2013
 * @example parseStatYear("２０１３") // 2013
 * @example parseStatYear("13") // undefined
 * @example parseStatYear("2013年") // undefined
 */
export function parseStatYear(text: string): number | undefined {
  const t = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/^\d{4}$/.test(t)) return undefined;
  const n = Number(t);
  return isStatYear(n) ? n : undefined;
}

/** How a message names the accepted range: `1900–2099`. */
export const YEAR_RANGE_TEXT = `${FIRST_YEAR}–${LAST_YEAR}`;
