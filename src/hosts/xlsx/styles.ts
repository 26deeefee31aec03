/**
 * Number formats: the built-in ids of SpreadsheetML and the workbook's own (`styles.xml`), turned
 * into one format string per cell style (cellXfs index). Format strings are shared: every cell of a
 * style gets the same string object, no per-cell allocation.
 */
import { isDateFormat } from "../../core";
import { attr, findStartTag, elementPrefix, tagEnd } from "./xml";

/**
 * Built-in number formats (ECMA-376 §18.8.30) as Chinese (zh-CN) Excel shows them; ids 14 and
 * 27–36, 50–58 are dates in a Chinese workbook. Ids not listed display as General.
 */
const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"¥"#,##0;"¥"\\-#,##0',
  6: '"¥"#,##0;[Red]"¥"\\-#,##0',
  7: '"¥"#,##0.00;"¥"\\-#,##0.00',
  8: '"¥"#,##0.00;[Red]"¥"\\-#,##0.00',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "yyyy/m/d",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "yyyy/m/d h:mm",
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: "m-d-yy",
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午h"时"mm"分"',
  35: '上午/下午h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  41: '_-* #,##0_-;\\-* #,##0_-;_-* "-"_-;_-@_-',
  42: '_-"¥"* #,##0_-;\\-"¥"* #,##0_-;_-"¥"* "-"_-;_-@_-',
  43: '_-* #,##0.00_-;\\-* #,##0.00_-;_-* "-"??_-;_-@_-',
  44: '_-"¥"* #,##0.00_-;\\-"¥"* #,##0.00_-;_-"¥"* "-"??_-;_-@_-',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mm:ss.0",
  48: "##0.0E+0",
  49: "@",
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午h"时"mm"分"',
  56: '上午/下午h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

export interface CellStyles {
  /** Number format per cellXfs index; undefined for General. Strings are shared (interned). */
  readonly formats: ReadonlyArray<string | undefined>;
  /** Whether each cellXfs index shows a date (the core's `isDateFormat`). */
  readonly isDate: readonly boolean[];
}

export const NO_STYLES: CellStyles = { formats: [], isDate: [] };

/**
 * Reads `styles.xml`: custom `numFmts` and the `cellXfs` list (cellStyleXfs are not cell styles).
 * @example parseStyles('<styleSheet><cellXfs><xf numFmtId="9"/></cellXfs></styleSheet>').formats // ["0%"]
 */
export function parseStyles(xml: string): CellStyles {
  const p = elementPrefix(xml, "styleSheet");
  const custom = new Map<number, string>();
  const numFmtsStart = findStartTag(xml, p + "numFmts", 0);
  if (numFmtsStart >= 0) {
    const numFmtsEnd = xml.indexOf("</" + p + "numFmts>", numFmtsStart);
    const limit = numFmtsEnd < 0 ? xml.length : numFmtsEnd;
    let i = findStartTag(xml, p + "numFmt", numFmtsStart + 1, limit);
    while (i >= 0) {
      const gt = tagEnd(xml, i);
      if (gt < 0) break;
      const id = Number(attr(xml, i, gt, "numFmtId"));
      const code = attr(xml, i, gt, "formatCode");
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      i = findStartTag(xml, p + "numFmt", gt, limit);
    }
  }
  const formats: Array<string | undefined> = [];
  const isDate: boolean[] = [];
  const interned = new Map<number, { format: string | undefined; date: boolean }>();
  const xfsStart = findStartTag(xml, p + "cellXfs", 0);
  if (xfsStart >= 0) {
    const xfsEndTag = xml.indexOf("</" + p + "cellXfs>", xfsStart);
    const limit = xfsEndTag < 0 ? xml.length : xfsEndTag;
    let i = findStartTag(xml, p + "xf", xfsStart + 1, limit);
    while (i >= 0) {
      const gt = tagEnd(xml, i);
      if (gt < 0) break;
      const id = Number(attr(xml, i, gt, "numFmtId") ?? "0");
      let style = interned.get(id);
      if (!style) {
        const code = custom.get(id) ?? BUILTIN_FORMATS[id] ?? "General";
        const general = code === "General" || code === "general" || code === "";
        style = { format: general ? undefined : code, date: !general && isDateFormat(code) };
        interned.set(id, style);
      }
      formats.push(style.format);
      isDate.push(style.date);
      // skip the xf's children (<alignment/>, <protection/>)
      const selfClosing = xml.charCodeAt(gt - 1) === 47;
      const next = selfClosing ? gt : xml.indexOf("</" + p + "xf>", gt);
      i = findStartTag(xml, p + "xf", next < 0 ? gt : next, limit);
    }
  }
  return { formats, isDate };
}
