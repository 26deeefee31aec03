/**
 * Text files saved by hand on a bureau computer (definitions files, unit lists): Notepad's UTF-8,
 * UTF-8 with a byte-order mark, "Unicode" (UTF-16) and, on a Chinese Windows, "ANSI" (GBK).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { decodeTextFile } from "../../src/hosts/xlsx/text-file";
import { BUILTIN_DEFINITIONS } from "../../src/core/definitions";
import { cli } from "../cli/harness";

/** GBK bytes of a text, by inverting the platform's GBK decoder over every two-byte code. */
function encodeGbk(text: string): Uint8Array {
  const table = new Map<string, [number, number]>();
  const gbk = new TextDecoder("gbk");
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = gbk.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== "\uFFFD" && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x80) out.push(code);
    else {
      const pair = table.get(ch);
      if (!pair) throw new Error(`no GBK code for ${ch}`);
      out.push(...pair);
    }
  }
  return Uint8Array.from(out);
}

const utf16 = (text: string, bigEndian: boolean): Uint8Array => {
  const out = [bigEndian ? 0xfe : 0xff, bigEndian ? 0xff : 0xfe];
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    out.push(...(bigEndian ? [u >> 8, u & 0xff] : [u & 0xff, u >> 8]));
  }
  return Uint8Array.from(out);
};

describe("decodeTextFile", () => {
  const text = "单位名称\n昆山市实验幼儿园\n“校中校”\n";
  it("reads UTF-8 with and without a byte-order mark", () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeTextFile(utf8)).toBe(text);
    expect(decodeTextFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
  });
  it("reads UTF-16 little- and big-endian by their byte-order marks", () => {
    expect(decodeTextFile(utf16(text, false))).toBe(text);
    expect(decodeTextFile(utf16(text, true))).toBe(text);
  });
  it("reads GBK (Notepad's ANSI on a Chinese Windows) when the bytes are not UTF-8", () => {
    const gbk = encodeGbk(text);
    expect(gbk.length).toBeLessThan(new TextEncoder().encode(text).length);
    expect(decodeTextFile(gbk)).toBe(text);
    // the example of the doc comment: 表 is B1 ED in GBK
    expect(decodeTextFile(Uint8Array.of(0xb1, 0xed))).toBe("表");
  });
  it("an empty file is empty text; plain ASCII is itself", () => {
    expect(decodeTextFile(new Uint8Array())).toBe("");
    expect(decodeTextFile(new TextEncoder().encode('{"tables":[]}'))).toBe('{"tables":[]}');
  });
});

describe("a definitions file saved as GBK or UTF-16 on the command line", () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "bureau-stats-text-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const json = JSON.stringify({ tables: BUILTIN_DEFINITIONS }, null, 2).replace(/\n/g, "\r\n");
  it.each([
    ["GBK", () => encodeGbk(json)],
    ["UTF-16", () => utf16(json, false)],
  ])("%s: checked as the same definitions, with their Chinese names", async (_name, bytes) => {
    const file = path.join(tmp, `定义-${_name}.json`);
    writeFileSync(file, bytes());
    const r = await cli("definitions", "check", file);
    expect(r).toEqual({
      code: 0,
      stdout: `${file}：定义有效，共4张表（表1 党员发展情况、表2 培训情况、表3 经费情况、表4 信访咨询办理情况）。\n`,
      stderr: "",
    });
  });
});
