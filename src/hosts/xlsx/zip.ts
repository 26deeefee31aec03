/**
 * A minimal zip reader for .xlsx packages: reads the central directory, then inflates only the
 * parts asked for. Inflating is fflate's (streamed, so it can stop at a limit) by default; a host
 * may pass a faster native one (Node's zlib) through `inflateRaw`.
 *
 * Read as Excel reads: two entries with the same part name, an entry whose local header
 * names another part, entries whose data overlap, a part whose inflated length or CRC-32 differs
 * from the directory's — each is a damaged file, never a guess at which bytes were meant. No part
 * inflates past its declared size, and no declared size passes the run's `ReadBudget`.
 */
import { Inflate } from "fflate";
import { ReadBudget, count } from "./budget";
import { crc32 as jsCrc32 } from "./crc32";
import { XlsxReadError } from "./errors";

/**
 * Inflates raw DEFLATE data whose inflated size is said to be `size`, producing at most `size`
 * bytes: a stream that would produce more throws (or returns more than `size` bytes, which the
 * caller treats the same). The work stops there — a lying header cannot make it run on.
 */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;

/** CRC-32 of bytes (zip's checksum); Node's zlib has a native one. */
export type Crc32 = (data: Uint8Array) => number;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc: number;
  readonly localOffset: number;
}

export interface ZipArchive {
  readonly entries: ReadonlyMap<string, ZipEntry>;
  /** The part's bytes, or undefined when the package has no such part. */
  read(name: string): Uint8Array | undefined;
}

export interface ZipOptions {
  readonly inflateRaw?: InflateRaw;
  readonly crc32?: Crc32;
  readonly budget?: ReadBudget;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

/** More entries than any workbook has (Excel writes a few per sheet). */
const MAX_ENTRIES = 100_000;

/** Input fed to fflate's stream per push: bounds the output of one push (≤ ~1032 × this). */
const INFLATE_STEP = 16 * 1024;

class InflateLimit extends Error {}

/** fflate, streamed: stops as soon as the output would pass `size`. */
const defaultInflateRaw: InflateRaw = (data, size) => {
  const out = new Uint8Array(size);
  let n = 0;
  const inflate = new Inflate((chunk) => {
    if (n + chunk.length > size) throw new InflateLimit();
    out.set(chunk, n);
    n += chunk.length;
  });
  if (data.length === 0) inflate.push(data, true);
  for (let i = 0; i < data.length; i += INFLATE_STEP) {
    const end = Math.min(data.length, i + INFLATE_STEP);
    inflate.push(data.subarray(i, end), end === data.length);
  }
  return n === size ? out : out.subarray(0, n);
};

/** The file ends before its directory or a part's data: cut short, most likely in transfer. */
function truncated(detail: string): XlsxReadError {
  return new XlsxReadError("truncated", `文件不完整（${detail}）`);
}

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

/** The part name as compared: OPC part names are case-insensitive. */
function partKey(name: string): string {
  return name.replace(/\\/g, "/").toLowerCase();
}

/**
 * Opens a zip archive (no data is inflated yet). Throws for a damaged directory: duplicate part
 * names, entries whose data overlap or lie outside the file.
 * @example openZip(bytes).read("xl/workbook.xml")
 */
export function openZip(bytes: Uint8Array, options: ZipOptions = {}): ZipArchive {
  const inflateRaw = options.inflateRaw ?? defaultInflateRaw;
  const crc32 = options.crc32 ?? jsCrc32;
  const budget = options.budget ?? new ReadBudget();
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) throw truncated("找不到 zip 目录");
  let count_ = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (count_ === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc >= 0 && u32(bytes, loc) === SIG_EOCD64_LOCATOR) {
      const e64 = u64(bytes, loc + 8);
      if (u32(bytes, e64) !== SIG_EOCD64) throw corrupt("zip64 目录损坏");
      count_ = u64(bytes, e64 + 32);
      cdSize = u64(bytes, e64 + 40);
      cdOffset = u64(bytes, e64 + 48);
    }
  }
  if (cdOffset + cdSize > bytes.length) throw truncated("zip 目录超出文件末尾");
  if (count_ > MAX_ENTRIES)
    throw corrupt(`zip 目录有 ${count(count_)} 项，超过 ${count(MAX_ENTRIES)}`);
  const entries = new Map<string, ZipEntry>();
  const byKey = new Map<string, ZipEntry>();
  let p = cdOffset;
  for (let k = 0; k < count_; k++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL) throw corrupt("zip 目录项损坏");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
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
    const entry: ZipEntry = { name, method, flags, compressedSize, size, crc, localOffset };
    const key = partKey(name);
    if (byKey.has(key)) throw corrupt(`zip 中有两个同名部件 ${name}`);
    byKey.set(key, entry);
    entries.set(name.replace(/\\/g, "/"), entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  checkNoOverlap([...byKey.values()], bytes, cdOffset);

  function read(name: string): Uint8Array | undefined {
    const entry = entries.get(name) ?? byKey.get(partKey(name));
    if (!entry) return undefined;
    if (entry.flags & 1) {
      throw new XlsxReadError(
        "encrypted",
        "文件已加密（有密码保护），请在 Excel 中取消密码后另存为 .xlsx 再试"
      );
    }
    const lo = entry.localOffset;
    const localNameLen = u16(bytes, lo + 26);
    const start = lo + 30 + localNameLen + u16(bytes, lo + 28);
    const localName = nameDecoder.decode(bytes.subarray(lo + 30, lo + 30 + localNameLen));
    if (partKey(localName) !== partKey(entry.name))
      throw corrupt(`部件 ${entry.name} 的本地文件头写的是另一个名字 ${localName}`);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.size > budget.partAllowance()) throw budget.partTooLarge(entry.name);
    let out: Uint8Array;
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw corrupt(`部件 ${entry.name} 的大小记录不符`);
      out = data;
    } else if (entry.method === 8) {
      // DEFLATE cannot expand more than ~1032:1: a larger claim is a damaged (or hostile) header
      if (entry.size > entry.compressedSize * 1032 + 1024)
        throw corrupt(`部件 ${entry.name} 的大小记录不可信`);
      try {
        out = inflateRaw(data, entry.size);
      } catch {
        throw corrupt(`部件 ${entry.name} 无法解压，或解压后比记录的大小更长`);
      }
    } else throw corrupt(`部件 ${entry.name} 使用了不支持的压缩方式 ${entry.method}`);
    if (out.length !== entry.size) throw corrupt(`部件 ${entry.name} 解压后长度不符`);
    budget.inflatedBytes += out.length;
    if (crc32(out) !== entry.crc) throw corrupt(`部件 ${entry.name} 的校验和（CRC-32）不符`);
    return out;
  }

  return { entries, read };
}

/**
 * Every entry's local header lies inside the file, before the central directory, and no two
 * entries' bytes overlap (an overlapping zip is a known decompression bomb; no writer makes one).
 */
function checkNoOverlap(list: ZipEntry[], bytes: Uint8Array, cdOffset: number): void {
  const spans = list.map((e) => {
    const lo = e.localOffset;
    if (lo + 30 > cdOffset || u32(bytes, lo) !== SIG_LOCAL)
      throw corrupt(`部件 ${e.name} 的位置错误`);
    const end = lo + 30 + u16(bytes, lo + 26) + u16(bytes, lo + 28) + e.compressedSize;
    if (end > cdOffset) throw truncated(`部件 ${e.name} 不完整`);
    return { start: lo, end, name: e.name };
  });
  spans.sort((a, b) => a.start - b.start);
  for (let i = 1; i < spans.length; i++) {
    const prev = spans[i - 1] as { end: number; name: string };
    const cur = spans[i] as { start: number; name: string };
    if (cur.start < prev.end) throw corrupt(`部件 ${cur.name} 与 ${prev.name} 的数据重叠`);
  }
}
