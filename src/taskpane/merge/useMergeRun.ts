/**
 * The pane's state of a 汇总 run: the worker (one started when the tab opens, so its code loads
 * while the user picks the files), the progress, the units as they are read, the outcome and the
 * choice between a unit's files.
 */
import { useEffect, useRef, useState } from "react";
import { baseName, type PlainOutcome, type UnitPreview } from "../../core";
import type {
  BytesReceiver,
  MergeReply,
  MergeRequest,
  PickedUnitFile,
  ReplyHandler,
} from "./protocol";
import { connectMerge, type MergeConnection } from "./runner";

export type MergePhase =
  | { readonly kind: "idle" }
  | {
      readonly kind: "reading";
      readonly done: number;
      readonly total: number;
      readonly file: string;
    }
  | { readonly kind: "done" }
  | { readonly kind: "cancelled" }
  | { readonly kind: "failed"; readonly message: string };

/** What the run shows: its phase, the units read so far, the outcome and the choice made. */
export interface MergeView {
  readonly phase: MergePhase;
  readonly previews: readonly UnitPreview[];
  readonly outcome: PlainOutcome | undefined;
  readonly listed: number | null;
  readonly choice: Readonly<Record<string, string>>;
  /** The units that sent two or more files, as first found: the choice stays open to change. */
  readonly twice: PlainOutcome["unchosen"];
}

const IDLE: MergeView = {
  phase: { kind: "idle" },
  previews: [],
  outcome: undefined,
  listed: null,
  choice: {},
  twice: [],
};

/** The view after a reply of the worker (bytes go to whoever waits for them). */
function replied(v: MergeView, reply: MergeReply): MergeView {
  if (reply.type === "progress")
    return {
      ...v,
      phase: { kind: "reading", done: reply.done, total: reply.total, file: reply.file },
    };
  if (reply.type === "unit") return { ...v, previews: [...v.previews, reply.preview] };
  if (reply.type === "result")
    return {
      ...v,
      outcome: reply.outcome,
      twice: v.twice.length > 0 ? v.twice : reply.outcome.unchosen,
      listed: reply.units,
      phase: { kind: "done" },
    };
  if (reply.type === "error") return { ...v, phase: { kind: "failed", message: reply.message } };
  return v;
}

/** Runs merges in a worker; `start` a new one, `cancel`, `choose` a unit's file, get the `bytes`. */
export function useMergeRun() {
  const [view, setView] = useState<MergeView>(IDLE);
  const conn = useRef<MergeConnection | undefined>(undefined);
  const waitingBytes = useRef<BytesReceiver | undefined>(undefined);
  const spare = useRef<MergeConnection | undefined>(undefined);
  const relay = useRef<ReplyHandler>(() => undefined);
  relay.current = (reply) => {
    if (reply.type === "xlsx") waitingBytes.current?.(reply.bytes);
    else setView((v) => replied(v, reply));
  };
  useEffect(() => {
    spare.current = connectMerge((reply) => relay.current(reply));
    return () => {
      spare.current?.cancel();
      conn.current?.cancel();
    };
  }, []);

  const start = (
    files: readonly PickedUnitFile[],
    unitList: PickedUnitFile | undefined,
    year: number | undefined,
    definitions?: Extract<MergeRequest, { type: "start" }>["definitions"]
  ): void => {
    conn.current?.cancel();
    setView({ ...IDLE, phase: { kind: "reading", done: 0, total: files.length, file: "" } });
    const c = spare.current ?? connectMerge((reply) => relay.current(reply));
    spare.current = undefined;
    conn.current = c;
    // the unit list picked from the same folder is no unit's file
    const units = unitList
      ? files.filter(
          (f) => !(baseName(f.name) === unitList.name && f.file.size === unitList.file.size)
        )
      : files;
    c.send({
      type: "start",
      files: units,
      ...(unitList ? { unitList } : {}),
      ...(year ? { year } : {}),
      ...(definitions ? { definitions } : {}),
    });
  };
  /** Shows why a merge could not start (the definitions could not be read). */
  const fail = (message: string): void => setView({ ...IDLE, phase: { kind: "failed", message } });
  const cancel = (): void => {
    conn.current?.cancel();
    conn.current = undefined;
    setView((v) => ({ ...v, phase: { kind: "cancelled" } }));
  };
  const choose = (unit: string, file: string): void => {
    const next = { ...view.choice, [unit]: file };
    setView((v) => ({ ...v, choice: next }));
    conn.current?.send({ type: "choose", prefer: Object.values(next) });
  };
  /** Forgets the outcome (new files were picked). */
  const reset = (): void =>
    setView((v) => ({ ...v, outcome: undefined, previews: [], phase: { kind: "idle" } }));
  const bytes = (): Promise<Uint8Array> =>
    new Promise((resolve) => {
      waitingBytes.current = resolve;
      conn.current?.send({ type: "xlsx" });
    });
  return { view, start, fail, cancel, choose, reset, bytes };
}
