/** Errors of the WPS host, in Chinese for the pane. A cancelled read rejects as the Office host's. */
export { ReadCancelledError, throwIfAborted } from "../office/errors";
import { ReadCancelledError } from "../office/errors";

/** A failure the user can act on; `message` is shown as is. */
export class WpsHostError extends Error {
  override readonly name = "WpsHostError";
  constructor(
    message: string,
    readonly code?: string
  ) {
    super(message);
  }
}

/** Turns what ET threw into a message for the user (`action`: what we were doing). */
export function describeEtError(e: unknown, action: string): Error {
  if (e instanceof ReadCancelledError || e instanceof WpsHostError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  if (/protect|保护/i.test(detail))
    return new WpsHostError(
      `${action}失败：工作簿或工作表处于保护状态，请先撤销保护后再试。（${detail}）`,
      "Protected"
    );
  return new WpsHostError(`${action}失败：${detail}`);
}

/** Lets the page paint and take clicks between synchronous ET calls (progress, 取消). */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
