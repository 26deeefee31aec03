/**
 * What the command line touches outside itself (files, streams), and its exit statuses: tests run
 * the command line in-process with their own `CliIO`.
 *
 * Exit status: 0 no error (warnings allowed), 1 errors found, 2 bad usage or an unreadable file.
 */
import { fileName, inCheckOrder, type WorkbookInput } from "../core";
import { ReadBudget } from "../hosts/xlsx/budget";
import { readFailure } from "../hosts/xlsx/errors";
import { readXlsx } from "../hosts/xlsx/read";
import type { Crc32, InflateRaw } from "../hosts/xlsx/zip";

/** A file that cannot be read or written; `reason` is Chinese (找不到文件 …). */
export class FileAccessError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = "FileAccessError";
  }
}

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Progress goes to stderr only when it is a terminal. */
  readonly stderrIsTTY: boolean;
  /**
   * A regular file's bytes, refusing devices, pipes and files over `maxBytes`; throws
   * FileAccessError with a Chinese reason.
   */
  readFile(path: string, maxBytes: number): Uint8Array;
  writeFile(path: string, data: Uint8Array): void;
  exists(path: string): boolean;
  /** The absolute form of a path (to refuse writing over an input file). */
  resolve(path: string): string;
  /** The names in a folder, or undefined when the path is no folder (merge reads folders). */
  listDir?(path: string): string[] | undefined;
  /** A native raw-DEFLATE inflater, when the platform has one. */
  readonly inflateRaw?: InflateRaw;
  /** A native CRC-32, when the platform has one. */
  readonly crc32?: Crc32;
}

export const EXIT_OK = 0;
export const EXIT_ERRORS = 1;
export const EXIT_UNUSABLE = 2;

/**
 * Reads workbook files in check order with one budget for the whole run (fifty files under a
 * limit cannot pass it together), stopping at the first one that cannot be read: each file is a
 * workbook or the Chinese reason it is not.
 */
export function readWorkbookFiles(
  io: CliIO,
  files: readonly string[],
  progress?: (text: string) => void
): WorkbookInput[] {
  const budget = new ReadBudget();
  const inputs: WorkbookInput[] = [];
  for (const file of inCheckOrder(files)) {
    const input = readWorkbookFile(io, file, budget, progress);
    inputs.push(input);
    if ("unreadable" in input) break;
  }
  return inputs;
}

function readWorkbookFile(
  io: CliIO,
  file: string,
  budget: ReadBudget,
  progress?: (text: string) => void
): WorkbookInput {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(file, budget.limits.maxFileBytes);
  } catch (e) {
    return { name: file, unreadable: e instanceof FileAccessError ? e.reason : "无法读取文件" };
  }
  const label = `正在读取 ${fileName(file)} …`;
  progress?.(label);
  try {
    const workbook = readXlsx(bytes, {
      budget,
      ...(io.inflateRaw ? { inflateRaw: io.inflateRaw } : {}),
      ...(io.crc32 ? { crc32: io.crc32 } : {}),
      ...(progress
        ? {
            onProgress: (p: { done: number; total: number }) =>
              progress(`${label} ${p.total > 0 ? Math.floor((p.done / p.total) * 100) : 0}%`),
          }
        : {}),
    });
    return { name: file, workbook };
  } catch (e) {
    // the sentence, then which limit or which part (the command line's one line says both)
    const f = readFailure(e);
    const detail = f.detail && f.code !== "aborted" ? `（详情：${f.detail}）` : "";
    return { name: file, unreadable: f.message + detail };
  }
}
