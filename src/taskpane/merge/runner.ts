/**
 * The page's side of the 汇总 work: a worker per merge (or the same work on the page where no
 * worker can start); `cancel` ends it at once.
 */
import type { MergeReply, MergeRequest } from "./protocol";

export interface MergeConnection {
  send(req: MergeRequest): void;
  cancel(): void;
}

/**
 * Starts the merge worker; replies go to `onReply`. Where no worker can start — a page opened
 * from disk (file://: Chromium throws `Failed to construct 'Worker'`, other browsers fail to load
 * its script) or WPS's offline pane — the same work runs on the page: the requests sent before
 * the worker failed are handed to it.
 */
export function connectMerge(onReply: (reply: MergeReply) => void): MergeConnection {
  let worker: Worker | undefined;
  try {
    worker = typeof Worker === "function" ? startWorker() : undefined;
  } catch {
    worker = undefined;
  }
  if (worker === undefined) return onPage(onReply);
  const w = worker;
  // a worker ended by cancel may still have a message or an error under way (a chunk it was
  // loading when terminated fails to load): nothing from it reaches the tab any more
  let ended = false;
  let answered = false;
  const sent: MergeRequest[] = [];
  let fallback: MergeConnection | undefined;
  w.onmessage = (e: MessageEvent<MergeReply>) => {
    answered = true;
    if (!ended) onReply(e.data);
  };
  w.onerror = (e) => {
    if (ended) return;
    if (!answered) {
      // its script never ran: the page does the work, from the requests already sent
      w.terminate();
      fallback = onPage(onReply);
      for (const req of sent.splice(0)) fallback.send(req);
      return;
    }
    onReply({ type: "error", message: `合并出错（${e.message || "读取程序出错"}）` });
  };
  return {
    send: (req) => {
      if (fallback) return fallback.send(req);
      if (!answered) sent.push(req);
      w.postMessage(req);
    },
    cancel: () => {
      ended = true;
      w.terminate();
      fallback?.cancel();
    },
  };
}

function startWorker(): Worker {
  return new Worker(
    /* webpackChunkName: "merge-worker" */ new URL("./mergeWorker.ts", import.meta.url),
    { name: "merge-worker" }
  );
}

/** The merge on the page itself (its code loaded on demand). */
function onPage(onReply: (reply: MergeReply) => void): MergeConnection {
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
