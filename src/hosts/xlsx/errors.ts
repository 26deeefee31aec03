/**
 * Why an .xlsx file could not be read. `reason` is the Chinese sentence shown to the user (the
 * command line prints `文件名：reason`); `code` is for programs and tests.
 */
export type XlsxErrorCode =
  | "empty"
  | "not-zip"
  | "xls"
  | "encrypted"
  | "corrupt"
  | "not-xlsx"
  | "missing-part"
  | "too-large"
  | "aborted";

export class XlsxReadError extends Error {
  readonly code: XlsxErrorCode;
  readonly reason: string;

  constructor(code: XlsxErrorCode, reason: string) {
    super(reason);
    this.name = "XlsxReadError";
    this.code = code;
    this.reason = reason;
  }
}

/** True when `e` is a read error of this module (also across bundles: checks the shape). */
export function isXlsxReadError(e: unknown): e is XlsxReadError {
  return (
    e instanceof XlsxReadError ||
    (typeof e === "object" && e !== null && (e as { name?: unknown }).name === "XlsxReadError")
  );
}

/**
 * Why reading a workbook failed, as the one Chinese sentence every entry point shows: the read
 * error's own reason, else a sentence naming the unexpected error.
 * @example readFailureReason(new XlsxReadError("xls", "…")) // "…"
 * @example readFailureReason(new Error("boom")) // "文件无法解析（boom）"
 */
export function readFailureReason(e: unknown): string {
  if (isXlsxReadError(e)) return e.reason;
  return `文件无法解析（${e instanceof Error ? e.message : String(e)}）`;
}
