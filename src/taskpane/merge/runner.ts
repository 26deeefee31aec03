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
    // a worker ended by cancel may still have a message or an error under way (a chunk it was
    // loading when terminated fails to load): nothing from it reaches the tab any more
    let ended = false;
    worker.onmessage = (e: MessageEvent<MergeReply>) => {
      if (!ended) onReply(e.data);
    };
    worker.onerror = (e) => {
      if (!ended) onReply({ type: "error", message: `合并出错（${e.message || "读取程序出错"}）` });
    };
    return {
      send: (req) => worker.postMessage(req),
      cancel: () => {
        ended = true;
        worker.terminate();
      },
    };
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
