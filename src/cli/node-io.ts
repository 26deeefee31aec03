/**
 * Real files and streams for `run` (Node only), with Node's native inflate and CRC-32 for speed.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  constants as fsc,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import * as zlib from "node:zlib";
import { FileAccessError, type CliIO } from "./io";
import { megabytes } from "../hosts/xlsx/budget";

function accessReason(e: unknown): string {
  const code = (e as { code?: string }).code;
  switch (code) {
    case "ENOENT":
      return "找不到文件";
    case "EISDIR":
      return "这是文件夹，不是文件";
    case "EACCES":
    case "EPERM":
      return "没有读取/写入权限";
    case "ENOSPC":
      return "磁盘已满";
    case "ENAMETOOLONG":
      return "文件名或路径太长";
    case "EROFS":
      return "磁盘只读";
    case "ENOTDIR":
      return "路径中的某一级不是文件夹";
    default:
      return `无法访问（${code ?? String(e)}）`;
  }
}

/**
 * A regular file's bytes, at most `maxBytes`: a device (/dev/zero), a pipe (FIFO) or a socket is
 * refused before anything is read (opened without blocking, so a FIFO nobody writes to cannot hang
 * the run), and a file that is or grows larger than `maxBytes` is refused while reading.
 */
function readRegularFile(path: string, maxBytes: number): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, fsc.O_RDONLY | (fsc.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new FileAccessError(accessReason(e));
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new FileAccessError("这是文件夹，不是文件");
    if (!st.isFile())
      throw new FileAccessError(
        "不是普通文件（设备、管道或套接字），请给出保存在磁盘上的 .xlsx 文件"
      );
    const tooLarge = (): FileAccessError =>
      new FileAccessError(
        `文件过大（超过 ${megabytes(maxBytes)}），超出本程序的读取上限，请只保留统计表后再试`
      );
    if (st.size > maxBytes) throw tooLarge();
    // the size said by stat is only a start (a file under /proc says 0): read until the end
    let buf = Buffer.allocUnsafe(Math.max(st.size, 64 * 1024) + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > maxBytes) throw tooLarge();
        const next = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
        buf.copy(next, 0, 0, n);
        buf = next;
      }
      const got = readSync(fd, buf, n, buf.length - n, null);
      if (got === 0) break;
      n += got;
      if (n > maxBytes) throw tooLarge();
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, n);
  } catch (e) {
    if (e instanceof FileAccessError) throw e;
    throw new FileAccessError(accessReason(e));
  } finally {
    closeSync(fd);
  }
}

let tempCount = 0;

/** Node 20.15+ has a native CRC-32; older ones use the reader's own. */
const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;

export const nodeIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  readFile: readRegularFile,
  // Written beside the target, then renamed over it (so nothing is lost): a link to another
  // file (e.g. an input workbook) is replaced, never written through, and an interrupted write
  // (disk full) leaves the old file whole. The temporary name is short whatever the target's name
  // (an 80-character Chinese name is 240 bytes: with a suffix it would pass the 255-byte limit).
  writeFile(path, data) {
    const temp = join(dirname(path), `.bureau-stats-${process.pid}-${++tempCount}.tmp`);
    try {
      writeFileSync(temp, data, { flag: "wx" });
      renameSync(temp, path);
    } catch (e) {
      try {
        rmSync(temp, { force: true });
      } catch {
        /* nothing was created */
      }
      throw new FileAccessError(accessReason(e));
    }
  },
  exists: (path) => {
    try {
      return existsSync(path);
    } catch {
      return false;
    }
  },
  listDir: (path) => {
    try {
      return statSync(path).isDirectory() ? readdirSync(path) : undefined;
    } catch {
      return undefined;
    }
  },
  // the real path when the file exists, so a symbolic link to an input counts as that input
  resolve: (path) => {
    try {
      return realpathSync(path);
    } catch {
      return resolve(path);
    }
  },
  inflateRaw: (data, size) => {
    // one output chunk of the declared size, and zlib stops as soon as the output would pass it
    const out = zlib.inflateRawSync(data, {
      chunkSize: Math.max(64 * 1024, Math.min(size, 64 * 1024 * 1024)),
      maxOutputLength: Math.max(1, size),
    });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
  ...(nativeCrc32 ? { crc32: (data: Uint8Array) => nativeCrc32(data) >>> 0 } : {}),
};
