/**
 * A minimal zip reader for .xlsx packages: reads the central directory, then inflates only the
 * parts asked for. Inflating is fflate's by default; a host may pass a faster native one (Node's
 * zlib) through `inflateRaw`.
 */
import { inflateSync } from "fflate";
import { XlsxReadError } from "./errors";

/** Inflates raw DEFLATE data whose inflated size is known. */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

export interface ZipArchive {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** The part's bytes, or undefined when the package has no such part. */
  read(name: string): Uint8Array | undefined;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/** Largest inflated part accepted (a JS string holds at most ~512 M characters). */
export const MAX_PART_BYTES = 480 * 1024 * 1024;

export const defaultInflateRaw: InflateRaw = (data, size) =>
  inflateSync(data, { out: new Uint8Array(size) });

function corrupt(detail: string): XlsxReadError {
  return new XlsxReadError(
    "corrupt",
    `文件已损坏（${detail}），请在 Excel 中打开后另存为 .xlsx 再试`
  );
}

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (
    ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24)) >>> 0
  );
}

function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

function findEndOfCentralDirectory(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && u32(b, i) === SIG_EOCD) return i;
  }
  return -1;
}

const nameDecoder = new TextDecoder("utf-8");

/**
 * Opens a zip archive (no data is inflated yet).
 * @example openZip(bytes).read("xl/workbook.xml")
 */
export function openZip(bytes: Uint8Array, inflateRaw: InflateRaw = defaultInflateRaw): ZipArchive {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw corrupt("找不到 zip 目录，文件可能不完整");
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(bytes, loc) === SIG_EOCD64_LOCATOR) {
      const e64 = u64(bytes, loc + 8);
      if (u32(bytes, e64) !== SIG_EOCD64) throw corrupt("zip64 目录损坏");
      count = u64(bytes, e64 + 32);
      cdSize = u64(bytes, e64 + 40);
      cdOffset = u64(bytes, e64 + 48);
    }
  }
  if (cdOffset + cdSize > bytes.length) throw corrupt("zip 目录超出文件末尾，文件可能不完整");
  const entries = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) throw corrupt("zip 目录项损坏");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const name = nameDecoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // zip64 extended information extra field
      let e = p + 46 + nameLen;
      const eEnd = e + extraLen;
      while (e + 4 <= eEnd) {
        const id = u16(bytes, e);
        const len = u16(bytes, e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (size === 0xffffffff) ((size = u64(bytes, q)), (q += 8));
          if (compressedSize === 0xffffffff) ((compressedSize = u64(bytes, q)), (q += 8));
          if (localOffset === 0xffffffff) localOffset = u64(bytes, q);
          break;
        }
        e += 4 + len;
      }
    }
    entries.set(name.replace(/\\/g, "/"), {
      name,
      method,
      flags,
      compressedSize,
      size,
      localOffset,
    });
    p += 46 + nameLen + extraLen + commentLen;
  }

  function read(name: string): Uint8Array | undefined {
    const entry = entries.get(name) ?? findCaseInsensitive(entries, name);
    if (!entry) return undefined;
    if (entry.flags & 1) {
      throw new XlsxReadError(
        "encrypted",
        "文件已加密（有密码保护），请在 Excel 中取消密码后另存为 .xlsx 再试"
      );
    }
    const lo = entry.localOffset;
    if (lo + 30 > bytes.length || u32(bytes, lo) !== SIG_LOCAL)
      throw corrupt(`部件 ${name} 的位置错误`);
    const start = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw corrupt(`部件 ${name} 不完整`);
    if (entry.size > MAX_PART_BYTES) {
      throw new XlsxReadError(
        "too-large",
        `文件过大：部件 ${name} 解压后超过 ${MAX_PART_BYTES >> 20} MB`
      );
    }
    const data = bytes.subarray(start, end);
    if (entry.method === 0) return data;
    // DEFLATE cannot expand more than ~1032:1: a larger claim is a damaged (or hostile) header
    if (entry.size > entry.compressedSize * 1032 + 1024)
      throw corrupt(`部件 ${name} 的大小记录不可信`);
    if (entry.method !== 8) throw corrupt(`部件 ${name} 使用了不支持的压缩方式 ${entry.method}`);
    let out: Uint8Array;
    try {
      out = inflateRaw(data, entry.size);
    } catch {
      throw corrupt(`部件 ${name} 无法解压`);
    }
    if (out.length !== entry.size) throw corrupt(`部件 ${name} 解压后长度不符`);
    return out;
  }

  return { entries, read };
}

function findCaseInsensitive(
  entries: ReadonlyMap<string, ZipEntry>,
  name: string
): ZipEntry | undefined {
  const lower = name.toLowerCase();
  for (const [k, v] of entries) if (k.toLowerCase() === lower) return v;
  return undefined;
}
