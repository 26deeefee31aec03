/**
 * Draws the add-in's icons (assets/icon-16/32/64/80/128.png): a green sheet — Excel's green, with
 * a light grid — and a white check mark: "the sheet is checked". Pure Node (zlib), no image
 * library: each pixel is supersampled 4×4 over a few shapes and written as an RGBA PNG.
 *
 *   npx tsx scripts/make-icons.ts
 */
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { join } from "node:path";

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

type RGBA = [number, number, number, number];
const GREEN: RGBA = [33, 115, 70, 255]; // #217346
const GRID: RGBA = [76, 150, 104, 255];
const WHITE: RGBA = [255, 255, 255, 255];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** An RGBA PNG from `size`×`size` pixels. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(
      raw,
      y * (size * 4 + 1) + 1
    );
  }
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    signature,
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Distance from (px,py) to the segment (ax,ay)–(bx,by). */
function segmentDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The colour at (x,y) in unit coordinates (0..1), or undefined (transparent). */
function shade(x: number, y: number, size: number): RGBA | undefined {
  const m = 0.06; // margin
  const r = 0.14; // corner radius
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  if (Math.hypot(x - cx, y - cy) > r) return undefined;
  const stroke = size <= 16 ? 0.085 : 0.07;
  const check = Math.min(
    segmentDistance(x, y, 0.24, 0.53, 0.43, 0.72),
    segmentDistance(x, y, 0.43, 0.72, 0.78, 0.3)
  );
  if (check < stroke) return WHITE;
  if (size >= 32) {
    const line = 1.2 / size;
    for (const g of [0.35, 0.64]) {
      if (Math.abs(x - g) < line / 2 || Math.abs(y - g) < line / 2) return GRID;
    }
  }
  return GREEN;
}

/** The icon at `size` px, 4×4 supersampled. */
export function drawIcon(size: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shade((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, size);
          if (!c) continue;
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
        out[o + 3] = Math.round(a / (n * n));
      }
    }
  }
  return out;
}

function main(): void {
  const dir = join(process.cwd(), "assets");
  mkdirSync(dir, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = join(dir, `icon-${size}.png`);
    writeFileSync(file, encodePng(size, drawIcon(size)));
    console.log(`wrote ${file}`);
  }
}

if (process.argv[1]?.endsWith("make-icons.ts")) main();
