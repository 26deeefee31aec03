/**
 * Characters XML 1.0 cannot hold: C0 controls other than tab, line feed and carriage
 * return, U+FFFE/U+FFFF and unpaired surrogates. Cell text can carry them (Excel stores them as
 * `_x0001_` escapes); written raw into word/document.xml or HTML they make a file Word refuses.
 */

// With the u flag a surrogate range matches only unpaired surrogates (a pair is one code point);
// no lookbehind, which EdgeHTML (the task pane's webview in Office 2016/2019 without WebView2)
// cannot compile.
const NOT_XML =
  // matching control characters is the point here (they are what XML cannot hold)
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\ud800-\udfff]/gu;

/**
 * Text with every character XML 1.0 does not allow removed (a line tab and form feed become a
 * space, so words they separated stay apart).
 * @example xmlSafeText("a\u0001b\uffffc\u000bd") // "abc d"
 */
export function xmlSafeText(text: string): string {
  NOT_XML.lastIndex = 0;
  if (!NOT_XML.test(text)) return text;
  return text.replace(NOT_XML, (c) => (c === "\u000b" || c === "\u000c" ? " " : ""));
}
