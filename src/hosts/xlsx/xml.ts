/**
 * Small, allocation-light helpers for scanning SpreadsheetML text with indexOf/charCodeAt (no DOM
 * parser, no regex per cell). Inputs are well-formed enough for Excel; anything else must not
 * throw worse than "not found".
 */

/**
 * Decodes XML entities (`&lt;` `&gt;` `&amp;` `&quot;` `&apos;` `&#NN;` `&#xHH;`) and the OOXML
 * `_xHHHH_` escapes (`_x000D_` is a carriage return, `_x005F_` escapes a literal underscore).
 * @example decodeXmlText("a &amp; b_x000D_") // "a & b\r"
 */
export function decodeXmlText(s: string): string {
  if (s.indexOf("&") < 0 && s.indexOf("_x") < 0) return s;
  return decodeOoxmlEscapes(decodeEntities(s));
}

/** XML entities only (attribute values carry no `_xHHHH_` escapes). */
function decodeEntities(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let last = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) break;
    const name = s.slice(amp + 1, semi);
    let rep: string | undefined;
    switch (name) {
      case "lt":
        rep = "<";
        break;
      case "gt":
        rep = ">";
        break;
      case "amp":
        rep = "&";
        break;
      case "quot":
        rep = '"';
        break;
      case "apos":
        rep = "'";
        break;
      default:
        if (name.charCodeAt(0) === 35 /* # */) {
          const hex = name.charCodeAt(1) === 120 || name.charCodeAt(1) === 88;
          const code = hex ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
          if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff)
            rep = String.fromCodePoint(code);
        }
    }
    if (rep !== undefined) {
      out += s.slice(last, amp) + rep;
      last = semi + 1;
    }
    amp = s.indexOf("&", rep !== undefined ? semi + 1 : amp + 1);
  }
  return out + s.slice(last);
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/**
 * `_xHHHH_` escapes of ECMA-376 (characters XML cannot hold, e.g. `_x000D_`); `_x005F_` before
 * such a pattern keeps it literal.
 * @example decodeOoxmlEscapes("a_x000D_b") // "a\rb"
 */
export function decodeOoxmlEscapes(s: string): string {
  let i = s.indexOf("_x");
  if (i < 0) return s;
  let out = "";
  let last = 0;
  while (i >= 0) {
    if (
      i + 6 < s.length &&
      s.charCodeAt(i + 6) === 95 &&
      isHex(s.charCodeAt(i + 2)) &&
      isHex(s.charCodeAt(i + 3)) &&
      isHex(s.charCodeAt(i + 4)) &&
      isHex(s.charCodeAt(i + 5))
    ) {
      const code = parseInt(s.slice(i + 2, i + 6), 16);
      out += s.slice(last, i) + String.fromCharCode(code);
      last = i + 7;
      i = s.indexOf("_x", last);
    } else {
      i = s.indexOf("_x", i + 1);
    }
  }
  return out + s.slice(last);
}

/**
 * The value of attribute `name` inside the tag text `xml[start, end)` (start at `<`, end at `>`),
 * entity-decoded; undefined when absent. Compares whole attribute names (`id` does not match
 * `r:id`) and never looks outside the tag.
 * @example attr('<sheet name="表1" r:id="rId1"/>', 0, 30, "name") // "表1"
 */
export function attr(xml: string, start: number, end: number, name: string): string | undefined {
  let i = start + 1;
  // skip the element name
  while (i < end) {
    const c = xml.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) break;
    i++;
  }
  while (i < end) {
    let c = xml.charCodeAt(i);
    while ((c === 32 || c === 9 || c === 10 || c === 13) && i < end) c = xml.charCodeAt(++i);
    const nameStart = i;
    while (
      c !== 61 &&
      c !== 32 &&
      c !== 9 &&
      c !== 10 &&
      c !== 13 &&
      c !== 62 &&
      c !== 47 &&
      i < end
    )
      c = xml.charCodeAt(++i);
    const nameEnd = i;
    while ((c === 32 || c === 9 || c === 10 || c === 13) && i < end) c = xml.charCodeAt(++i);
    if (c !== 61 /* = */) {
      i++;
      continue;
    }
    c = xml.charCodeAt(++i);
    while ((c === 32 || c === 9 || c === 10 || c === 13) && i < end) c = xml.charCodeAt(++i);
    if (c !== 34 && c !== 39) return undefined;
    const close = xml.indexOf(c === 34 ? '"' : "'", i + 1);
    if (close < 0 || close > end) return undefined;
    if (nameEnd - nameStart === name.length && xml.startsWith(name, nameStart))
      return decodeEntities(xml.slice(i + 1, close));
    i = close + 1;
  }
  return undefined;
}

/**
 * End of the tag opened at `lt` (index of its `>`), honouring quoted attribute values.
 * @example tagEnd('<a b=">">', 0) // 8
 */
export function tagEnd(xml: string, lt: number): number {
  let i = lt + 1;
  const n = xml.length;
  while (i < n) {
    const c = xml.charCodeAt(i);
    if (c === 62) return i;
    if (c === 34 || c === 39) {
      const close = xml.indexOf(c === 34 ? '"' : "'", i + 1);
      if (close < 0) return -1;
      i = close + 1;
    } else i++;
  }
  return -1;
}

/**
 * Namespace prefix (with its colon) used for the root element `localName`, e.g. `x:` when a
 * writer spells `<x:worksheet>`; empty for the default namespace.
 * @example elementPrefix('<?xml?><x:worksheet>', "worksheet") // "x:"
 */
export function elementPrefix(xml: string, localName: string): string {
  let i = xml.indexOf(localName);
  while (i > 0) {
    const c = xml.charCodeAt(i - 1);
    const after = xml.charCodeAt(i + localName.length);
    if (
      (after === 32 ||
        after === 62 ||
        after === 47 ||
        after === 10 ||
        after === 13 ||
        after === 9) &&
      (c === 60 || c === 58)
    ) {
      if (c === 60) return "";
      const lt = xml.lastIndexOf("<", i);
      return xml.slice(lt + 1, i);
    }
    i = xml.indexOf(localName, i + 1);
  }
  return "";
}

/**
 * Index of the next start tag `<name` (followed by space, `>` or `/`) at or after `from`, or -1.
 * @example findStartTag("<rows><row r='1'>", "row", 0) // 6
 */
export function findStartTag(xml: string, name: string, from: number, limit = xml.length): number {
  const open = "<" + name;
  let i = xml.indexOf(open, from);
  while (i >= 0 && i < limit) {
    const c = xml.charCodeAt(i + open.length);
    if (c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13) return i;
    i = xml.indexOf(open, i + 1);
  }
  return -1;
}

/** Where the next phonetic run (`<rPh>`) is: -1 none left, -2 not looked for yet. */
export interface PhoneticCursor {
  next: number;
}

/**
 * Concatenated text of the `<t>` elements in `xml[start, end)` — a shared string item or an
 * inline string — skipping phonetic runs (`<rPh>`), decoded.
 * @example richText("<si><r><t>党</t></r><r><t xml:space='preserve'>员 </t></r></si>", 0, 60, "") // "党员 "
 */
export function richText(
  xml: string,
  start: number,
  end: number,
  prefix: string,
  phonetic: PhoneticCursor = { next: -2 }
): string {
  const tOpen = "<" + prefix + "t";
  const tClose = "</" + prefix + "t>";
  const phOpen = "<" + prefix + "rPh";
  const phClose = "</" + prefix + "rPh>";
  let out = "";
  // the next <rPh> at or after `start`, remembered across calls so that a document is searched once
  if (phonetic.next !== -1 && phonetic.next < start) phonetic.next = xml.indexOf(phOpen, start);
  let ph = phonetic.next >= end ? -1 : phonetic.next;
  let i = xml.indexOf(tOpen, start);
  scan: while (i >= 0 && i < end) {
    // skip a phonetic run (<rPh>…</rPh>) that holds this <t>
    while (ph >= 0 && ph < i) {
      const phEnd = xml.indexOf(phClose, ph);
      if (phEnd < 0) break scan;
      ph = xml.indexOf(phOpen, phEnd);
      phonetic.next = ph;
      if (ph >= end) ph = -1;
      if (phEnd > i) {
        i = xml.indexOf(tOpen, phEnd);
        continue scan;
      }
    }
    const c = xml.charCodeAt(i + tOpen.length);
    if (c !== 62 && c !== 32 && c !== 9 && c !== 10 && c !== 13) {
      i = xml.indexOf(tOpen, i + 1);
      continue;
    }
    const gt = xml.indexOf(">", i);
    if (gt < 0 || gt >= end) break;
    if (xml.charCodeAt(gt - 1) === 47) {
      i = xml.indexOf(tOpen, gt); // <t/>
      continue;
    }
    const close = xml.indexOf(tClose, gt);
    if (close < 0 || close > end) break;
    out += xml.slice(gt + 1, close);
    i = xml.indexOf(tOpen, close + tClose.length);
  }
  return decodeXmlText(out);
}

function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * The part as the scanners expect it (read what Excel reads): comments and processing
 * instructions removed, CDATA sections turned into escaped text. Returns the text unchanged (no
 * copy) when it has none; called when `inspectXml` found some. Throws a message for a document
 * type declaration (Excel refuses one) or an unclosed comment/CDATA.
 * @example normalizeMarkup("<t><![CDATA[a<b]]></t><!-- x -->") // "<t>a&lt;b</t>"
 */
export function normalizeMarkup(xml: string): string {
  let bang = xml.indexOf("<!");
  let pi = xml.indexOf("<?", 1);
  if (bang < 0 && pi < 0) return xml;
  let out = "";
  let last = 0;
  for (;;) {
    if (bang >= 0 && bang < last) bang = xml.indexOf("<!", last);
    if (pi >= 0 && pi < last) pi = xml.indexOf("<?", last);
    const at = bang < 0 ? pi : pi < 0 ? bang : Math.min(bang, pi);
    if (at < 0) break;
    out += xml.slice(last, at);
    if (at === pi) {
      const end = xml.indexOf("?>", at + 2);
      if (end < 0) throw new Error("处理指令没有结束");
      last = end + 2;
    } else if (xml.startsWith("<!--", at)) {
      const end = xml.indexOf("-->", at + 4);
      if (end < 0) throw new Error("注释没有结束");
      last = end + 3;
    } else if (xml.startsWith("<![CDATA[", at)) {
      const end = xml.indexOf("]]>", at + 9);
      if (end < 0) throw new Error("CDATA 段没有结束");
      out += escapeText(xml.slice(at + 9, end));
      last = end + 3;
    } else throw new Error("含有文档类型声明（DOCTYPE）或无法识别的标记");
  }
  return out + xml.slice(last);
}

function isNameStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58 || c > 127;
}

function isXmlSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** What `inspectXml` found: why the text is not well-formed XML, and whether it holds comments, CDATA or processing instructions. */
export interface XmlInspection {
  readonly problem?: string;
  /** Comments, CDATA or processing instructions are present: `normalizeMarkup` before scanning. */
  readonly special: boolean;
}

/** Why a part is not well-formed XML (the reader names the part). */
export class XmlProblem extends Error {}

/**
 * Thrown by a checker that was told to stop at markup the scanners do not read in place (a
 * comment, CDATA, a processing instruction) or at a layout it does not follow: the part is then
 * inspected whole, normalised and scanned again.
 */
export class XmlRescan extends Error {}

/**
 * The well-formedness state of one part, carried through a scan so that the part is read once:
 * the open elements (offset and length of each name, no string per tag), how many root elements
 * were seen, and whether comments, CDATA or processing instructions were met. A scanner hands it
 * the tags it does not read itself (`tag`, `walk`) and says which elements it opens (`open`).
 * Entity and attribute syntax are left to the scanners.
 */
export class XmlChecker {
  private starts = new Int32Array(64);
  private lengths = new Int32Array(64);
  depth = 0;
  private roots = 0;
  special = false;

  /** `stopAtSpecial`: throw `XmlRescan` at a comment, CDATA or processing instruction. */
  constructor(
    private readonly xml: string,
    private readonly stopAtSpecial: boolean
  ) {}

  /** Where the content starts: after a byte-order mark and the XML declaration. */
  begin(): number {
    const xml = this.xml;
    const i = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (!xml.startsWith("<?xml", i)) return i;
    const end = xml.indexOf("?>", i);
    if (end < 0) throw new XmlProblem("XML 声明没有结束");
    return end + 2;
  }

  /** An element whose name is xml[nameStart, nameStart + len) is opened (its start tag is not self-closing). */
  open(nameStart: number, len: number): void {
    if (this.depth === 0 && ++this.roots > 1) throw new XmlProblem("有多个根元素");
    const depth = this.depth;
    if (depth === this.starts.length) {
      const starts = new Int32Array(depth * 2);
      starts.set(this.starts);
      this.starts = starts;
      const lengths = new Int32Array(depth * 2);
      lengths.set(this.lengths);
      this.lengths = lengths;
    }
    this.starts[depth] = nameStart;
    this.lengths[depth] = len;
    this.depth = depth + 1;
  }

  /** Checks the tag (or comment, CDATA, processing instruction) at `lt`; returns the index after it. */
  tag(lt: number): number {
    const xml = this.xml;
    const c = xml.charCodeAt(lt + 1);
    if (c === 33 /* ! */ || c === 63 /* ? */) return this.skipSpecial(lt, c);
    if (c === 47 /* / */) return this.close(lt);
    if (!isNameStart(c)) throw new XmlProblem("标记名称无效");
    const n = xml.length;
    let e = lt + 2;
    let d = xml.charCodeAt(e);
    while (d !== 62 && d !== 47 && !isXmlSpace(d) && e < n) d = xml.charCodeAt(++e);
    const nameEnd = e;
    // to the tag's end, skipping quoted attribute values
    while (d !== 62) {
      if (e >= n) throw new XmlProblem("标记不完整");
      if (d === 34 || d === 39) {
        const close = xml.indexOf(d === 34 ? '"' : "'", e + 1);
        if (close < 0) throw new XmlProblem("标记不完整");
        e = close;
      }
      d = xml.charCodeAt(++e);
    }
    if (xml.charCodeAt(e - 1) !== 47) this.open(lt + 1, nameEnd - lt - 1);
    else if (this.depth === 0 && ++this.roots > 1) throw new XmlProblem("有多个根元素");
    return e + 1;
  }

  private skipSpecial(lt: number, c: number): number {
    const xml = this.xml;
    this.special = true;
    if (this.stopAtSpecial) throw new XmlRescan();
    let close: string;
    if (c === 63) close = "?>";
    else if (xml.startsWith("<!--", lt)) close = "-->";
    else if (xml.startsWith("<![CDATA[", lt) && this.depth > 0) close = "]]>";
    else throw new XmlProblem("含有文档类型声明（DOCTYPE）或无法识别的标记");
    const end = xml.indexOf(close, lt + 2);
    if (end < 0) throw new XmlProblem("注释、CDATA 段或处理指令没有结束");
    return end + close.length;
  }

  /** The end tag at `lt` closes the innermost open element. */
  private close(lt: number): number {
    const xml = this.xml;
    if (this.depth === 0) throw new XmlProblem("多余的结束标记");
    const s = this.starts[this.depth - 1] as number;
    const len = this.lengths[this.depth - 1] as number;
    let e = lt + 2;
    for (let k = 0; k < len; k++, e++)
      if (xml.charCodeAt(e) !== xml.charCodeAt(s + k)) throw new XmlProblem("开始和结束标记不配对");
    let c = xml.charCodeAt(e);
    while (isXmlSpace(c)) c = xml.charCodeAt(++e);
    if (c !== 62) throw new XmlProblem(e >= xml.length ? "结束标记不完整" : "开始和结束标记不配对");
    this.depth--;
    return e + 1;
  }

  /**
   * Checks every tag that starts in xml[from, to), and the text between them outside the root;
   * returns the index after the last tag checked (at least `from`).
   */
  walk(from: number, to: number): number {
    const xml = this.xml;
    let i = from;
    for (;;) {
      let lt = xml.indexOf("<", i);
      if (lt >= to) lt = -1;
      if (this.depth === 0) {
        const textEnd = lt < 0 ? to : lt;
        for (let k = i; k < textEnd; k++)
          if (!isXmlSpace(xml.charCodeAt(k))) throw new XmlProblem("根元素之外有文字");
      }
      if (lt < 0) return Math.max(i, from);
      i = this.tag(lt);
    }
  }

  /** The document ended: every element closed, one root seen. */
  finish(): void {
    if (this.depth > 0) throw new XmlProblem("元素没有结束（内容不完整）");
    if (this.roots === 0) throw new XmlProblem("没有根元素");
  }
}

/**
 * Checks that `xml` is a well-formed XML document — one root element, every start tag closed by
 * its own end tag in order, tags complete (quoted attribute values closed), no text outside the
 * root, comments/CDATA/processing instructions closed, no DOCTYPE — in one pass of
 * indexOf/charCodeAt over the tags with no allocation per tag. Entity and attribute syntax are left
 * to the scanners. The worksheet scanner does the same checks as it reads (`XmlChecker`).
 * @example inspectXml("<a><b></a>").problem // "开始和结束标记不配对"
 */
export function inspectXml(xml: string): XmlInspection {
  const check = new XmlChecker(xml, false);
  try {
    check.walk(check.begin(), xml.length);
    check.finish();
    return { special: check.special };
  } catch (e) {
    if (e instanceof XmlProblem) return { problem: e.message, special: check.special };
    throw e;
  }
}
