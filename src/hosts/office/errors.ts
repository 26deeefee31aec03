/**
 * Errors the Office host raises, in Chinese for the task pane, and how Excel's own errors map to
 * them. A cancelled read rejects with an `AbortError` (name), which the UI treats as "stopped".
 */

/** Rejection of a read cancelled through its AbortSignal. */
export class ReadCancelledError extends Error {
  override readonly name = "AbortError";
  constructor() {
    super("已取消读取，工作簿未作任何改动。");
  }
}

/** A failure the user can act on; `message` is shown as is. */
export class OfficeHostError extends Error {
  override readonly name = "OfficeHostError";
  constructor(
    message: string,
    readonly code?: string
  ) {
    super(message);
  }
}

/** The `code` of an Office.js error (`ItemNotFound`, `InvalidArgument` …), if any. */
export function officeErrorCode(e: unknown): string | undefined {
  if (typeof e !== "object" || e === null) return undefined;
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Excel answered a load of `values` with `null` instead of the grid (seen in the field for very
 * large ranges): treated like a response refused as too large — read again in smaller chunks.
 */
export class ValuesNotReturnedError extends Error {
  readonly code = "ValuesNotReturned";
  constructor() {
    super("Excel returned no values for the range (null).");
  }
}

/** True for Excel on the web's 5 MB request/response limit errors and for `null` values. */
export function isPayloadLimitError(e: unknown): boolean {
  const code = officeErrorCode(e) ?? "";
  return /PayloadSizeLimitExceeded|RequestPayloadSizeLimitExceeded|ResponsePayloadSizeLimitExceeded|ValuesNotReturned/.test(
    code
  );
}

/** Throws the cancellation error when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ReadCancelledError();
}

/**
 * Waits for `work`, but rejects at once when `signal` fires (Excel cannot stop a request already
 * sent; its result is then ignored: reads only).
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  throwIfAborted(signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new ReadCancelledError());
    signal.addEventListener("abort", onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    );
  });
}

/** Turns an Excel error into a message for the user (`action`: what we were doing). */
export function describeOfficeError(e: unknown, action: string): Error {
  if (e instanceof ReadCancelledError || e instanceof OfficeHostError) return e;
  const code = officeErrorCode(e);
  const detail = e instanceof Error ? e.message : String(e);
  switch (code) {
    case "ItemNotFound":
      return new OfficeHostError(
        `${action}失败：找不到相应的工作表或单元格（可能已改名或删除），请重新校验后再试。`,
        code
      );
    case "InvalidOperation":
    case "AccessDenied":
      return new OfficeHostError(
        `${action}失败：工作簿或工作表可能处于保护状态或正在编辑单元格，请按 Esc 退出编辑、取消保护后再试。（${detail}）`,
        code
      );
    case "InvalidArgument":
      return new OfficeHostError(`${action}失败：参数无效（${detail}）。`, code);
    default:
      if (isPayloadLimitError(e))
        return new OfficeHostError(
          `${action}失败：一次传输的数据超过 Excel 的上限，请缩小数据范围后再试。`,
          code
        );
      return new OfficeHostError(`${action}失败：${detail}`, code);
  }
}
