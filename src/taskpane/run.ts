/**
 * The 校验 run as a small state machine, shared by the tabs: read the workbook through the host
 * (with progress and cancel), then analyse it with the lazily loaded core.
 */
import { useCallback, useEffect, useState } from "react";
import type { ReadOptions, WorkbookHost } from "../hosts/host";
import type { WorkbookModel } from "../core";
import { loadEngine, type Analysis, type DefinitionsFile } from "./engine";
import {
  describeError,
  isAbort,
  readAndAnalyze,
  useChooseYear,
  useRecheck,
  useRunRefs,
  type RunStatus,
} from "./runSteps";

export { describeError, isAbort, withSheets, type RunStatus } from "./runSteps";

export interface WorkbookRun {
  readonly status: RunStatus;
  /** The last finished analysis (kept while a new run is under way or after it was cancelled). */
  readonly analysis: Analysis | undefined;
  readonly busy: boolean;
  run(): void;
  /**
   * Checks again after these sheets changed: reads only them, puts them in place of their old
   * contents in the last workbook read, and analyses that (a full run when nothing was read yet).
   */
  recheck(sheets: readonly string[]): void;
  cancel(): void;
  /**
   * Reports another year of the workbook read (no new read): the year the user chose is kept by
   * later runs while the workbook still holds it.
   */
  chooseYear(year: number): void;
}

export function useWorkbookRun(
  host: WorkbookHost | undefined,
  definitions?: DefinitionsFile
): WorkbookRun {
  const [status, setStatus] = useState<RunStatus>({ phase: "idle" });
  const [analysis, setAnalysis] = useState<Analysis | undefined>(undefined);
  const refs = useRunRefs();
  const { controller, runId, chosenYear, lastModel, unapplied, fullRun } = refs;

  // a new workbook (browser page: another file) starts afresh
  useEffect(() => {
    setAnalysis(undefined);
    setStatus({ phase: "idle" });
    chosenYear.current = undefined;
    unapplied.current.clear();
    fullRun.current = undefined;
    lastModel.current = undefined;
    return () => {
      controller.current?.abort();
      runId.current++;
    };
  }, [host, chosenYear, unapplied, fullRun, lastModel, controller, runId]);

  /**
   * Starts a run that reads with `read`; `done` is called when its analysis is shown, `settled`
   * when it ends in any way. Returns the run's id.
   */
  const start = useCallback(
    (
      read: (options: ReadOptions) => Promise<WorkbookModel>,
      hooks: { done?: () => void; settled?: () => void } = {}
    ): number => {
      controller.current?.abort();
      const ctl = new AbortController();
      controller.current = ctl;
      const id = ++runId.current;
      setStatus({ phase: "reading" });
      const engine = loadEngine();
      engine.catch(() => undefined); // awaited later; avoids an unhandled rejection meanwhile
      readAndAnalyze({
        read,
        engine,
        signal: ctl.signal,
        current: () => runId.current === id && !ctl.signal.aborted,
        setStatus,
        // the year the user chose stays chosen across runs while the workbook still has it
        analyze: (core, model) => core.analyze(model, undefined, definitions, chosenYear.current),
        shown: (model, result) => {
          lastModel.current = model;
          setAnalysis(result);
          setStatus({ phase: "done" });
          hooks.done?.();
        },
      })
        .catch((e: unknown) => {
          if (runId.current !== id) return;
          if (ctl.signal.aborted || isAbort(e)) setStatus({ phase: "cancelled" });
          else setStatus({ phase: "error", message: describeError(e) });
        })
        .finally(() => hooks.settled?.());
      return id;
    },
    [definitions, controller, runId, chosenYear, lastModel]
  );

  const run = useCallback(() => {
    if (!host) return;
    unapplied.current.clear(); // every sheet is read now; edits from here on are re-checked after
    let succeeded = false;
    const id = start((options) => host.readWorkbook(options), {
      done: () => (succeeded = true),
      settled: () => {
        if (fullRun.current !== id) return;
        fullRun.current = undefined;
        // edits made while it read: checked now (not after a cancel or an error)
        if (succeeded && unapplied.current.size > 0) refs.recheck.current([]);
      },
    });
    fullRun.current = id;
  }, [host, start, unapplied, fullRun, refs.recheck]);

  const recheck = useRecheck(host, start, run, refs);
  refs.recheck.current = recheck;

  const cancel = useCallback(() => {
    controller.current?.abort();
    runId.current++;
    setStatus({ phase: "cancelled" });
  }, [controller, runId]);

  const busy = status.phase === "reading" || status.phase === "analyzing";
  const chooseYear = useChooseYear(analysis, busy, definitions, refs, setAnalysis, setStatus);
  return { status, analysis, busy, run, recheck, cancel, chooseYear };
}
