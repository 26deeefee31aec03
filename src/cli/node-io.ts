/**
 * Real files and streams for `run` (Node only), with Node's native inflate for speed.
 */
import {
  existsSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { inflateRawSync } from "node:zlib";
import { FileAccessError, type CliIO } from "./main";

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
    default:
      return `无法访问（${code ?? String(e)}）`;
  }
}

export const nodeIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stderrIsTTY: process.stderr.isTTY === true,
  readFile(path) {
    try {
      if (statSync(path).isDirectory()) throw Object.assign(new Error("dir"), { code: "EISDIR" });
      const b = readFileSync(path);
      return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
    } catch (e) {
      throw new FileAccessError(accessReason(e));
    }
  },
  // Written beside the target, then renamed over it (issue 7, nothing lost): a link to another
  // file (e.g. an input workbook) is replaced, never written through, and an interrupted write
  // (disk full) leaves the old file whole.
  writeFile(path, data) {
    const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    try {
      writeFileSync(temp, data, { flag: "wx" });
      renameSync(temp, path);
    } catch (e) {
      rmSync(temp, { force: true });
      throw new FileAccessError(accessReason(e));
    }
  },
  exists: (path) => existsSync(path),
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
    // one output chunk of the known size: no concatenation of 16 KB pieces
    const out = inflateRawSync(data, { chunkSize: Math.max(64 * 1024, size) });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  },
};
