/**
 * 汇总's connection to its worker: where no worker can start (a page opened from disk, WPS's
 * offline pane) the same work runs on the page, including what was sent before the worker failed.
 * A fake `Worker` global stands for each case (restored after each test).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { connectMerge } from "../../src/taskpane/merge/runner";
import type { MergeReply, MergeRequest } from "../../src/taskpane/merge/protocol";

const real = (globalThis as { Worker?: unknown }).Worker;
afterEach(() => {
  (globalThis as { Worker?: unknown }).Worker = real;
});

/** A worker whose script never loads: it reports an error and answers nothing. */
class UnloadableWorker {
  static made: UnloadableWorker[] = [];
  onmessage: ((e: MessageEvent) => void) | null = null;
  onerror: ((e: ErrorEvent) => void) | null = null;
  posted: MergeRequest[] = [];
  terminated = false;
  constructor() {
    UnloadableWorker.made.push(this);
  }
  postMessage(req: MergeRequest): void {
    this.posted.push(req);
  }
  terminate(): void {
    this.terminated = true;
  }
}

const replies = () => {
  const got: MergeReply[] = [];
  return { got, on: (r: MergeReply) => got.push(r) };
};

describe("connectMerge", () => {
  it("runs on the page when the Worker constructor throws (file://)", async () => {
    (globalThis as { Worker?: unknown }).Worker = class {
      constructor() {
        throw new DOMException("Failed to construct 'Worker'", "SecurityError");
      }
    };
    const r = replies();
    connectMerge(r.on).send({ type: "xlsx" });
    await vi.waitFor(
      () => expect(r.got).toEqual([{ type: "error", message: "还没有合并结果" }]),
      { timeout: 15_000 } // the first load of the merge code
    );
  });

  it("hands the requests already sent to the page when the worker fails before answering", async () => {
    UnloadableWorker.made = [];
    (globalThis as { Worker?: unknown }).Worker = UnloadableWorker;
    const r = replies();
    const c = connectMerge(r.on);
    c.send({ type: "xlsx" });
    const w = UnloadableWorker.made[0]!;
    expect(w.posted).toEqual([{ type: "xlsx" }]);
    w.onerror?.({ message: "" } as ErrorEvent);
    expect(w.terminated).toBe(true);
    await vi.waitFor(() => expect(r.got).toHaveLength(1), { timeout: 15_000 });
    c.send({ type: "xlsx" }); // later requests go to the page too
    await vi.waitFor(() => expect(r.got).toHaveLength(2), { timeout: 15_000 });
    expect(w.posted).toHaveLength(1);
    expect(r.got.every((x) => x.type === "error" && x.message === "还没有合并结果")).toBe(true);
  });

  it("an error after the worker has answered is the merge's error, said once", () => {
    UnloadableWorker.made = [];
    (globalThis as { Worker?: unknown }).Worker = UnloadableWorker;
    const r = replies();
    connectMerge(r.on);
    const w = UnloadableWorker.made[0]!;
    w.onmessage?.({ data: { type: "progress", done: 1, total: 2 } } as MessageEvent);
    w.onerror?.({ message: "内存不足" } as ErrorEvent);
    expect(r.got).toEqual([
      { type: "progress", done: 1, total: 2 },
      { type: "error", message: "合并出错（内存不足）" },
    ]);
  });
});
