/** Messages between the page and the .xlsx reading worker. */
import type { WorkbookModel } from "../../core";

export interface WorkerRequest {
  readonly bytes: Uint8Array;
}

export type WorkerReply =
  | { readonly type: "progress"; readonly done: number; readonly total: number }
  | { readonly type: "done"; readonly model: WorkbookModel }
  | { readonly type: "error"; readonly message: string };
