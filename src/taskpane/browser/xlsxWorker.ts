/**
 * Web worker that reads an .xlsx file off the main thread, so the page stays responsive on large
 * workbooks and 取消 stops the work at once (the page terminates the worker).
 *
 * in:  { bytes: Uint8Array }
 * out: { type: "progress", done, total } … then { type: "done", model } or { type: "error", message }
 */
// first: the built-ins older webviews lack (EdgeHTML in Office 2016/2019 without WebView2)
import "../legacy";
import { readFailureReason } from "../../hosts/xlsx/errors";
import { readXlsx } from "../../hosts/xlsx/read";
import type { WorkerReply, WorkerRequest } from "./workerProtocol";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerReply): void;
};

scope.onmessage = (e) => {
  try {
    let last = 0;
    const model = readXlsx(e.data.bytes, {
      onProgress: (p) => {
        const now = Date.now();
        if (now - last < 50) return;
        last = now;
        scope.postMessage({ type: "progress", done: p.done, total: p.total });
      },
    });
    scope.postMessage({ type: "done", model });
  } catch (err) {
    // the same sentence the command line gives for a file it cannot read
    scope.postMessage({ type: "error", message: readFailureReason(err) });
  }
};
