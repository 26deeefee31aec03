/**
 * Chinese punctuation for report text (docs/wording.md): ASCII `, ; : ( ) ? !` become `，；：（）？！`
 * and ASCII quotation marks `"…"` become `“…”`.
 * The `.` is left alone: in report text it is a decimal point (`14.0%`).
 */

const FULL_WIDTH: Readonly<Record<string, string>> = {
  ",": "，",
  ";": "；",
  ":": "：",
  "(": "（",
  ")": "）",
  "?": "？",
  "!": "！",
};

const ASCII_PUNCTUATION = /[,;:()?!]/g;

/**
 * @example toChinesePunctuation("普通话培训班(暑期),共2期") // "普通话培训班（暑期），共2期"
 * @example toChinesePunctuation("alert(1)") // "alert（1）"
 */
export function toChinesePunctuation(text: string): string {
  return chineseQuotes(text.replace(ASCII_PUNCTUATION, (mark) => FULL_WIDTH[mark] ?? mark));
}

/**
 * ASCII quotation marks as Chinese ones: `"…"` → `“…”` (opening and closing in turn), and a
 * pair of `'…'` → `‘…’` (a lone apostrophe stays).
 * @example chineseQuotes('开展"校中校"活动') // "开展“校中校”活动"
 * @example chineseQuotes("St Mary's") // "St Mary's"
 */
function chineseQuotes(text: string): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  let open = true;
  return text
    .replace(/"/g, () => {
      const mark = open ? "“" : "”";
      open = !open;
      return mark;
    })
    .replace(/'([^'\n]*)'/g, "‘$1’");
}

/**
 * Cell text made fit for one line of report text: line breaks and runs of spaces become one
 * space, ends trimmed.
 * @example oneLine(" 普通话\n培训班 ") // "普通话 培训班"
 */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
