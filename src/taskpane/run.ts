/**
 * The 校验 run as a small state machine, shared by the tabs: read the workbook through the host
 * (with progress and cancel), then analyse it with the lazily loaded core.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReadProgress, WorkbookHost } from "../hosts/host";
import { loadEngine, type Analysis, type DefinitionsFile } from "./engine";

export type RunStatus =
  | { readonly phase: "idle" }
  | { readonly phase: "reading"; readonly progress?: ReadProgress }
  | { readonly phase: "analyzing" }
  | { readonly phase: "done" }
  | { readonly phase: "cancelled" }
  | { readonly phase: "error"; readonly message: string };

export interface WorkbookRun {
  readonly status: RunStatus;
  /** The last finished analysis (kept while a new run is under way or after it was cancelled). */
  readonly analysis: Analysis | undefined;
  readonly busy: boolean;
  run(): void;
  cancel(): void;
  /**
   * Reports another year of the workbook read (no new read): the year the user chose is kept by
   * later runs while the workbook still holds it.
   */
  chooseYear(year: number): void;
}

const HAN = /[\u3400-\u9fff]/;

/**
 * A Chinese sentence for anything thrown while reading or analysing.
 * @example describeError(new Error("文件已损坏")) // "文件已损坏"
 * @example describeError(new TypeError("x is undefined")) // "出现意外错误（x is undefined），请重试。"
 */
export function describeError(e: unknown): string {
  const name = e instanceof Error ? e.name : "";
  const message = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  if (name === "ChunkLoadError" || /Loading chunk|dynamically imported module/i.test(message)) {
    return "无法加载程序文件，请检查网络后刷新页面再试。";
  }
  if (HAN.test(message)) return message;
  return message ? `出现意外错误（${message}），请重试。` : "出现意外错误，请重试。";
}

/** True for the rejection of an aborted operation (DOMException AbortError or a host's own). */
export function isAbort(e: unknown): boolean {
  if (typeof e !== "object" || e === null) return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return name === "AbortError" || code === "aborted";
}

const PROGRESS_INTERVAL_MS = 80;

function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === "function")
      requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

export function useWorkbookRun(
  host: WorkbookHost | undefined,
  definitions?: DefinitionsFile
): WorkbookRun {
  const [status, setStatus] = useState<RunStatus>({ phase: "idle" });
  const [analysis, setAnalysis] = useState<Analysis | undefined>(undefined);
  const controller = useRef<AbortController | undefined>(undefined);
  const runId = useRef(0);
  const chosenYear = useRef<number | undefined>(undefined);

  // a new workbook (browser page: another file) starts afresh
  useEffect(() => {
    setAnalysis(undefined);
    setStatus({ phase: "idle" });
    chosenYear.current = undefined;
    return () => {
      controller.current?.abort();
      runId.current++;
    };
  }, [host]);

  const run = useCallback(() => {
    if (!host) return;
    controller.current?.abort();
    const ctl = new AbortController();
    controller.current = ctl;
    const id = ++runId.current;
    const current = () => runId.current === id && !ctl.signal.aborted;
    setStatus({ phase: "reading" });
    const engine = loadEngine();
    engine.catch(() => undefined); // awaited below; avoids an unhandled rejection meanwhile
    let lastTick = 0;
    const onProgress = (progress: ReadProgress) => {
      const now = performance.now();
      if (now - lastTick < PROGRESS_INTERVAL_MS && progress.done < progress.total) return;
      lastTick = now;
      if (current()) setStatus({ phase: "reading", progress });
    };
    void (async () => {
      try {
        const model = await host.readWorkbook({ signal: ctl.signal, onProgress });
        if (!current()) return;
        setStatus({ phase: "analyzing" });
        const core = await engine;
        await nextFrame(); // let 正在分析 paint before the synchronous analysis
        if (!current()) return;
        let result = core.analyze(model, undefined, definitions);
        const chosen = chosenYear.current;
        if (
          chosen !== undefined &&
          chosen !== result.currentYear &&
          result.years.some((y) => y.year === chosen)
        )
          result = core.analyze(model, chosen, definitions);
        if (!current()) return;
        setAnalysis(result);
        setStatus({ phase: "done" });
      } catch (e) {
        if (runId.current !== id) return;
        if (ctl.signal.aborted || isAbort(e)) setStatus({ phase: "cancelled" });
        else setStatus({ phase: "error", message: describeError(e) });
      }
    })();
  }, [host, definitions]);

  const cancel = useCallback(() => {
    controller.current?.abort();
    runId.current++;
    setStatus({ phase: "cancelled" });
  }, []);

  const busy = status.phase === "reading" || status.phase === "analyzing";
  const chooseYear = useCallback(
    (year: number) => {
      const model = analysis?.model;
      if (!model || busy || year === analysis.currentYear) return;
      chosenYear.current = year;
      const id = ++runId.current;
      setStatus({ phase: "analyzing" });
      loadEngine().then(
        (core) => {
          if (runId.current !== id) return;
          setAnalysis(core.analyze(model, year, definitions));
          setStatus({ phase: "done" });
        },
        (e: unknown) => {
          if (runId.current === id) setStatus({ phase: "error", message: describeError(e) });
        }
      );
    },
    [analysis, busy, definitions]
  );

  return { status, analysis, busy, run, cancel, chooseYear };
}
