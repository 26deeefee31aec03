/** Messages between the page and the 汇总 worker (files are read there, never sent anywhere). */
import type { PlainOutcome, UnitPreview } from "../../core";

/** A file the user picked: its path inside a picked folder, or its name. */
export interface PickedUnitFile {
  readonly name: string;
  readonly file: Blob;
}

export type MergeRequest =
  | {
      readonly type: "start";
      readonly files: readonly PickedUnitFile[];
      readonly unitList?: PickedUnitFile;
      readonly year?: number;
      /** The bureau's own tables (a file loaded, or its workbook's 报表定义); none: the built-ins. */
      readonly definitions?: { readonly name: string; readonly tables: readonly unknown[] };
    }
  /** Merge again with this choice between a unit's files (nothing is read again). */
  | { readonly type: "choose"; readonly prefer: readonly string[] }
  /** The merged workbook as .xlsx bytes (browser page: download). */
  | { readonly type: "xlsx" };

export type MergeReply =
  | {
      readonly type: "progress";
      readonly done: number;
      readonly total: number;
      readonly file: string;
    }
  | { readonly type: "unit"; readonly preview: UnitPreview }
  | { readonly type: "result"; readonly outcome: PlainOutcome; readonly units: number | null }
  | { readonly type: "xlsx"; readonly bytes: Uint8Array }
  | { readonly type: "error"; readonly message: string };

/** Receives the merged workbook's bytes (the page waiting for a download). */
export type BytesReceiver = (bytes: Uint8Array) => void;

/** Handles the worker's replies. */
export type ReplyHandler = (reply: MergeReply) => void;
