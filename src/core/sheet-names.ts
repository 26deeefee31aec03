/**
 * How a sheet's name is written in a cell reference (`'2013 表1'!B4`). A leaf module: the checks,
 * the messages and the 报表定义 sheet's reader all name cells this way.
 */

const PLAIN_SHEET = /^[\p{L}\p{N}_]+$/u;
const quotedSheets = new Map<string, string>();

/**
 * Sheet name as written in a reference (quoted when it has spaces or symbols).
 * @example quoteSheet("表1") // "表1"
 * @example quoteSheet("2013 表1") // "'2013 表1'"
 */
export function quoteSheet(name: string): string {
  let quoted = quotedSheets.get(name);
  if (quoted === undefined) {
    quoted = PLAIN_SHEET.test(name) ? name : `'${name.replaceAll("'", "''")}'`;
    // a workbook has few sheets, an issue list up to millions of lines: quote each name once
    if (quotedSheets.size >= 256) quotedSheets.clear();
    quotedSheets.set(name, quoted);
  }
  return quoted;
}

/**
 * The longest list a list validation takes typed in: Excel refuses more than 255 characters,
 * commas included (github.com/jmcnamara/XlsxWriter/issues/562,
 * github.com/ClosedXML/ClosedXML/issues/1016), and reports a file holding one as damaged. Longer
 * lists are kept in cells of the hidden sheet `LISTS_SHEET` and referred to.
 */
export const LIST_SOURCE_MAX_CHARS = 255;
/** The hidden sheet holding allowed-value lists too long to type into a validation, one a column. */
export const LISTS_SHEET = "下拉选项";
