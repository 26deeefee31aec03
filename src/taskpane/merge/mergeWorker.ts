/**
 * Web worker of the 汇总 tab: reads the unit files the user picked and merges them, off the page's
 * thread (取消 terminates it). The files never leave the machine.
 */
// first: the built-ins older webviews lack (EdgeHTML in Office 2016/2019 without WebView2)
import "../legacy";
import { MergeJob } from "./job";
import type { MergeReply, MergeRequest } from "./protocol";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<MergeRequest>) => void) | null;
  postMessage(message: MergeReply, transfer?: Transferable[]): void;
};

const job = new MergeJob((reply, transfer) => scope.postMessage(reply, transfer ?? []));
let queue: Promise<void> = Promise.resolve();
scope.onmessage = (e) => {
  queue = queue.then(() => job.handle(e.data));
};
