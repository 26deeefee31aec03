/**
 * The page's side of the 汇总 work: a worker per merge (or the same work on the page where
 * workers are missing); `cancel` ends it at once.
 */
import type { MergeReply, MergeRequest } from "./protocol";

export interface MergeConnection {
  send(req: MergeRequest): void;
  cancel(): void;
}

/** Starts the merge worker; replies go to `onReply`. */
export function connectMerge(onReply: (reply: MergeReply) => void): MergeConnection {
  if (typeof Worker === "function") {
    const worker = new Worker(
      /* webpackChunkName: "merge-worker" */ new URL("./mergeWorker.ts", import.meta.url),
      { name: "merge-worker" }
    );
    worker.onmessage = (e: MessageEvent<MergeReply>) => onReply(e.data);
    worker.onerror = (e) =>
      onReply({ type: "error", message: `合并出错（${e.message || "读取程序出错"}）` });
    return { send: (req) => worker.postMessage(req), cancel: () => worker.terminate() };
  }
  let cancelled = false;
  const job = import(/* webpackChunkName: "merge-job" */ "./job").then(
    (m) =>
      new m.MergeJob((reply) => {
        if (!cancelled) onReply(reply);
      })
  );
  return {
    send: (req) => void job.then((j) => j.handle(req)),
    cancel: () => {
      cancelled = true;
    },
  };
}
