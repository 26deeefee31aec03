/**
 * The text of a file a statistician saved by hand (a definitions file, a unit list): Windows
 * Notepad writes UTF-8 with or without a byte-order mark, "Unicode" (UTF-16 with its mark), or, on
 * a Chinese Windows, "ANSI" — GBK. Read as UTF-8 only, a GBK file turns every Chinese header into
 * replacement characters and the error then names columns nobody can read.
 */

/**
 * Decodes a text file: a UTF-8 or UTF-16 byte-order mark wins; otherwise UTF-8 when the bytes are
 * valid UTF-8, else GB18030 (a superset of GBK and GB2312).
 * @example decodeTextFile(Uint8Array.of(0xb1, 0xed)) // "表"
 * @example decodeTextFile(new TextEncoder().encode("\uFEFF表")) // "表"
 */
export function decodeTextFile(bytes: Uint8Array): string {
  const [a, b, c] = [bytes[0], bytes[1], bytes[2]];
  if (a === 0xef && b === 0xbb && c === 0xbf)
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (a === 0xff && b === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (a === 0xfe && b === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}
