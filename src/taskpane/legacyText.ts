/**
 * TextDecoder and TextEncoder for engines without them — EdgeHTML (Edge 18), the task pane's
 * webview in Office 2016/2019 without WebView2, has neither (both came with Chromium-based Edge
 * 79). Only what the code uses: UTF-8 (with `fatal`) and UTF-16 LE/BE, decoded whole; another
 * encoding is refused with a RangeError, as the native constructor refuses an unknown label.
 * src/taskpane/legacy.ts installs them where missing.
 */

/** Code points (or UTF-16 code units) to a string, a slice at a time (no huge argument lists). */
function fromCodes(codes: number[], unit: (...codes: number[]) => string): string {
  let out = "";
  for (let i = 0; i < codes.length; i += 4096) out += unit(...codes.slice(i, i + 4096));
  return out;
}

function invalid(encoding: string): TypeError {
  return new TypeError(`The encoded data was not valid for encoding ${encoding}`);
}

/** WHATWG UTF-8 decoding: each maximal invalid subpart becomes one U+FFFD (or throws when fatal). */
function decodeUtf8(b: Uint8Array, fatal: boolean): string {
  const codes: number[] = [];
  let i = 0;
  while (i < b.length) {
    const x = b[i]!;
    const more =
      x < 0x80
        ? 0
        : x >= 0xc2 && x <= 0xdf
          ? 1
          : x >= 0xe0 && x <= 0xef
            ? 2
            : x >= 0xf0 && x <= 0xf4
              ? 3
              : -1;
    // the second byte's range excludes overlong forms, surrogates and code points above U+10FFFF
    const low = x === 0xe0 ? 0xa0 : x === 0xf0 ? 0x90 : 0x80;
    const high = x === 0xed ? 0x9f : x === 0xf4 ? 0x8f : 0xbf;
    let cp = more === 0 ? x : x & (0x3f >> more);
    let j = 1;
    for (; j <= more; j++) {
      const y = b[i + j];
      if (y === undefined || y < (j === 1 ? low : 0x80) || y > (j === 1 ? high : 0xbf)) break;
      cp = (cp << 6) | (y & 0x3f);
    }
    if (more < 0 || j <= more) {
      if (fatal) throw invalid("utf-8");
      codes.push(0xfffd);
      i += j; // the lead byte and the continuation bytes that were valid
    } else {
      codes.push(cp);
      i += more + 1;
    }
  }
  return fromCodes(codes, String.fromCodePoint);
}

function decodeUtf16(b: Uint8Array, bigEndian: boolean, fatal: boolean, encoding: string): string {
  const units: number[] = [];
  for (let i = 0; i + 1 < b.length; i += 2)
    units.push(bigEndian ? (b[i]! << 8) | b[i + 1]! : b[i]! | (b[i + 1]! << 8));
  if (b.length % 2) units.push(-1); // a last odd byte
  // a surrogate without its partner, or the odd byte, is an error: U+FFFD (or throw when fatal)
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const high = u >= 0xd800 && u <= 0xdbff;
    const next = units[i + 1] ?? -1;
    if (high && next >= 0xdc00 && next <= 0xdfff) i++;
    else if (u < 0 || high || (u >= 0xdc00 && u <= 0xdfff)) {
      if (fatal) throw invalid(encoding);
      if (high && next < 0) units.pop(); // a lead surrogate cut off at the end: one error in all
      units[i] = 0xfffd;
    }
  }
  return fromCodes(units, String.fromCharCode);
}

const LABELS: Record<string, "utf-8" | "utf-16le" | "utf-16be"> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "unicode-1-1-utf-8": "utf-8",
  "utf-16": "utf-16le",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
};

export class LegacyTextDecoder {
  readonly encoding: "utf-8" | "utf-16le" | "utf-16be";
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;

  constructor(label = "utf-8", options: { fatal?: boolean; ignoreBOM?: boolean } = {}) {
    const encoding = LABELS[String(label).trim().toLowerCase()];
    if (!encoding)
      throw new RangeError(
        `此浏览器不能读取${label}编码的文本。请把文件另存为UTF-8编码后再试，或改用新版 Microsoft Edge 或 Chrome。`
      );
    this.encoding = encoding;
    this.fatal = options.fatal === true;
    this.ignoreBOM = options.ignoreBOM === true;
  }

  decode(input?: ArrayBuffer | ArrayBufferView): string {
    const bytes =
      input === undefined
        ? new Uint8Array(0)
        : ArrayBuffer.isView(input)
          ? new Uint8Array(input.buffer, input.byteOffset, input.byteLength)
          : new Uint8Array(input);
    const text =
      this.encoding === "utf-8"
        ? decodeUtf8(bytes, this.fatal)
        : decodeUtf16(bytes, this.encoding === "utf-16be", this.fatal, this.encoding);
    return !this.ignoreBOM && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}

export class LegacyTextEncoder {
  readonly encoding = "utf-8";

  encode(text = ""): Uint8Array {
    const out: number[] = [];
    for (const ch of text) {
      let c = ch.codePointAt(0)!;
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd; // a lone surrogate
      if (c < 0x80) out.push(c);
      else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
      else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
      else
        out.push(
          0xf0 | (c >> 18),
          0x80 | ((c >> 12) & 0x3f),
          0x80 | ((c >> 6) & 0x3f),
          0x80 | (c & 0x3f)
        );
    }
    return new Uint8Array(out);
  }
}
