/**
 * What the command line touches outside itself (files, streams), and its exit statuses: tests run
 * the command line in-process with their own `CliIO`.
 *
 * Exit status: 0 no error (warnings allowed), 1 errors found, 2 bad usage or an unreadable file.
 */
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
