/**
 * The TextDecoder/TextEncoder src/taskpane/legacy.ts installs where the engine has none
 * (EdgeHTML): they decode and encode exactly as Node's native ones for UTF-8 (valid or not, fatal
 * or not) and UTF-16, and refuse other encodings in Chinese.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LegacyTextDecoder, LegacyTextEncoder } from "../../src/taskpane/legacyText";

function outcome(f: () => string): string {
  try {
    return f();
  } catch (e) {
    return `throws ${(e as Error).name}`;
  }
}

describe("legacy TextDecoder/TextEncoder", () => {
  it("decode arbitrary bytes as the native TextDecoder does (utf-8, utf-16le/be, fatal or not)", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 40 }),
        fc.constantFrom("utf-8", "utf-16le", "utf-16be"),
        fc.boolean(),
        (bytes, label, fatal) => {
          expect(outcome(() => new LegacyTextDecoder(label, { fatal }).decode(bytes))).toBe(
            outcome(() => new TextDecoder(label, { fatal }).decode(bytes))
          );
        }
      ),
      { numRuns: 3000 }
    );
  });

  it("decode UTF-8 text, a byte-order mark dropped, and its tricky edges as the native one", () => {
    const text = "统计报表 2013年度 😀 ü";
    const bytes = new TextEncoder().encode("\uFEFF" + text);
    expect(new LegacyTextDecoder("utf-8", { fatal: true }).decode(bytes)).toBe(text);
    expect(new LegacyTextDecoder("UTF8").decode(bytes.buffer)).toBe(text);
    for (const edge of [
      [0xe0, 0x80, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xf0, 0x9f, 0x98],
      [0xc0, 0xaf],
      [0xe2, 0x82],
    ])
      expect(new LegacyTextDecoder().decode(Uint8Array.from(edge))).toBe(
        new TextDecoder().decode(Uint8Array.from(edge))
      );
  });

  it("encode any string as the native TextEncoder does, lone surrogates included", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 30 }),
        fc.string({
          unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
          maxLength: 3,
        }),
        (a, b) => {
          expect(new LegacyTextEncoder().encode(a + b)).toEqual(new TextEncoder().encode(a + b));
        }
      ),
      { numRuns: 2000 }
    );
  });

  it("refuses an encoding it cannot decode (GBK) with a Chinese message saying what to do", () => {
    expect(() => new LegacyTextDecoder("gb18030")).toThrow(
      "此浏览器不能读取gb18030编码的文本。请把文件另存为UTF-8编码后再试，或改用新版 Microsoft Edge 或 Chrome。"
    );
  });
});
