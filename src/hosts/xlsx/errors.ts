/**
 * Why an .xlsx file could not be read. `reason` is the reader's own, technical account (which
 * part, which record); `code` says what kind of failure it is. What a user is told comes from
 * one table, `READ_FAILURES`: what happened and what to do, in the user's words, the same in the
 * command line, the pane, the browser page and its workers (`readFailure`).
 */
export type XlsxErrorCode =
  | "empty"
  | "not-zip"
  | "xls"
  | "encrypted"
  /** The file ends before its zip directory or a part's data: cut short (in transfer, a full disk). */
  | "truncated"
  | "corrupt"
  /** Another format Excel opens and can save as .xlsx (HTML, CSV, XML 2003, .ods, .xlsb). */
  | "other-format"
  /** Not a workbook at all (PDF, Word, PowerPoint, a plain zip). */
  | "not-xlsx"
  | "missing-part"
  | "too-large"
  | "aborted";

export class XlsxReadError extends Error {
  readonly code: XlsxErrorCode;
  readonly reason: string;
  /** What the file is instead, in words (`PDF文件`), for `other-format` and `not-xlsx`. */
  readonly found: string | undefined;

  constructor(code: XlsxErrorCode, reason: string, found?: string) {
    super(reason);
    this.name = "XlsxReadError";
    this.code = code;
    this.reason = reason;
    this.found = found;
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
 * Whose file it is, which decides what to do: a unit's file sent for 汇总 (ask the unit to send
 * it again) or a file the user opened to check.
 */
export type ReadAudience = "unit" | "file";

/** One kind of failure: what happened (`{found}` is what the file is instead) and what to do. */
export interface ReadFailureWords {
  readonly what: string;
  readonly unit: string;
  readonly file: string;
}

/** The words of every read failure, by code. */
export const READ_FAILURES: Readonly<Record<XlsxErrorCode | "unknown", ReadFailureWords>> = {
  empty: {
    what: "文件是空的（0字节），没有任何内容。",
    unit: "请让该单位重新发送。",
    file: "请重新保存或重新获取该文件。",
  },
  truncated: {
    what: "文件不完整，可能在传输中损坏。",
    unit: "请让该单位重新发送。",
    file: "请重新获取该文件（由单位发来的，请对方重新发送）。",
  },
  corrupt: {
    what: "文件已损坏，无法读取。",
    unit: "请让该单位在Excel中打开检查、另存为 .xlsx 后重新发送。",
    file: "请在Excel中打开检查，另存为 .xlsx 后再试。",
  },
  "missing-part": {
    what: "文件缺少工作簿的内容，无法读取。",
    unit: "请让该单位在Excel中打开检查、另存为 .xlsx 后重新发送。",
    file: "请在Excel中打开检查，另存为 .xlsx 后再试。",
  },
  xls: {
    what: "这是旧版Excel文件（.xls），本程序只读 .xlsx。",
    unit: "请在Excel中打开后另存为 .xlsx 再合并。",
    file: "请在Excel中打开后另存为 .xlsx 再试。",
  },
  "other-format": {
    what: "这是{found}，不是 .xlsx 工作簿。",
    unit: "请在Excel中打开后另存为 .xlsx 再合并。",
    file: "请在Excel中打开后另存为 .xlsx 再试。",
  },
  "not-xlsx": {
    what: "这是{found}，不是Excel工作簿。",
    unit: "请让该单位发送填好的 .xlsx 文件。",
    file: "请选择 .xlsx 工作簿。",
  },
  "not-zip": {
    what: "文件内容不是Excel工作簿，无法读取。",
    unit: "请让该单位发送填好的 .xlsx 文件。",
    file: "请选择 .xlsx 工作簿。",
  },
  encrypted: {
    what: "文件设有打开密码，无法读取。",
    unit: "请让该单位取消密码后重新发送。",
    file: "请在Excel中取消密码，另存为 .xlsx 后再试。",
  },
  "too-large": {
    what: "文件太大，超出本程序的读取上限。",
    unit: "请让该单位只保留统计表后重新发送。",
    file: "请只保留统计表，另存后再试。",
  },
  aborted: { what: "已取消读取。", unit: "", file: "" },
  unknown: {
    what: "文件无法读取。",
    unit: "请让该单位在Excel中打开检查、另存为 .xlsx 后重新发送。",
    file: "请在Excel中打开检查，另存为 .xlsx 后再试。",
  },
};

/** A read failure as told to the user: the sentence, and the technical account apart. */
export interface ReadFailure {
  readonly code: XlsxErrorCode | "unknown";
  /** What happened and what to do (one or two sentences). */
  readonly message: string;
  /** The reader's technical account (which part, which record), for a details line. */
  readonly detail: string;
}

/**
 * Why reading a workbook failed, for the user: the table's words for its kind, and the detail.
 * @example readFailure(new XlsxReadError("truncated", "找不到 zip 目录"), "unit").message
 *   // "文件不完整，可能在传输中损坏。请让该单位重新发送。"
 */
export function readFailure(e: unknown, audience: ReadAudience = "file"): ReadFailure {
  const code = isXlsxReadError(e) ? e.code : "unknown";
  const words = READ_FAILURES[code] ?? READ_FAILURES.unknown;
  const found = (isXlsxReadError(e) ? e.found : undefined) ?? "其他格式的文件";
  const detail = isXlsxReadError(e) ? e.reason : e instanceof Error ? e.message : String(e);
  return { code, message: words.what.replace("{found}", found) + words[audience], detail };
}

/**
 * Why reading a workbook failed, as the one sentence every entry point shows.
 * @example readFailureReason(new XlsxReadError("xls", "…")) // "这是旧版Excel文件（.xls），…"
 */
export function readFailureReason(e: unknown, audience: ReadAudience = "file"): string {
  return readFailure(e, audience).message;
}
