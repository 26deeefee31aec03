/** Test inputs for the .xlsx host that are not workbooks we can write with a library. */

/** A CFB (OLE2) container header followed by directory names in UTF-16LE. */
export function fakeCfb(names: readonly string[]): Uint8Array {
  const header = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  const out = new Uint8Array(1536);
  out.set(header, 0);
  let p = 512;
  for (const n of names) {
    for (let i = 0; i < n.length; i++) {
      out[p + 2 * i] = n.charCodeAt(i);
      out[p + 2 * i + 1] = 0;
    }
    p += 128;
  }
  return out;
}
