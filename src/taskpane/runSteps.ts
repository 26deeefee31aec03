/**
 * The steps of a 校验 run without its state: the run status, reading then analysing, the
 * bookkeeping refs, re-checking changed sheets and choosing another year (see run.ts).
 */
import { useCallback, useRef } from "react";
import type { ReadOptions, ReadProgress, WorkbookHost } from "../hosts/host";
import type { WorkbookModel } from "../core";
import { loadEngine, type Analysis, type DefinitionsFile, type Engine } from "./engine";

export type RunStatus =
  | { readonly phase: "idle" }
  | { readonly phase: "reading"; readonly progress?: ReadProgress }
  | { readonly phase: "analyzing" }
  | { readonly phase: "done" }
  | { readonly phase: "cancelled" }
  | { readonly phase: "error"; readonly message: string };

/**
 * The workbook with `sheets` taken from `fresh`: replaced where they were, added at the end when
 * new, dropped when `fresh` no longer has them (deleted); with `present` (every sheet the workbook
 * has now), sheets no longer there — deleted or renamed — are dropped too.
 * @example withSheets({ sheets: [a, b] }, { sheets: [b2] }, ["表2"]) // { sheets: [a, b2] }
 */
export function withSheets(
  base: WorkbookModel,
  fresh: WorkbookModel,
  sheets: readonly string[],
  present?: readonly string[]
): WorkbookModel {
  const changed = new Set(sheets);
  const exists = present ? new Set(present) : undefined;
  const byName = new Map(fresh.sheets.map((s) => [s.name, s]));
  const kept = base.sheets.flatMap((s) => {
    if (exists && !exists.has(s.name)) return []; // deleted or renamed since the last read
    if (!changed.has(s.name)) return [s];
    const f = byName.get(s.name);
    return f ? [f] : [];
  });
  const known = new Set(base.sheets.map((s) => s.name));
  return { sheets: [...kept, ...fresh.sheets.filter((s) => !known.has(s.name))] };
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

/** One run: what it reads with, and how it tells its progress and result. */
interface RunSteps {
  read(options: ReadOptions): Promise<WorkbookModel>;
  readonly engine: Promise<Engine>;
  readonly signal: AbortSignal;
  /** Whether the run is still the one to show. */
  current(): boolean;
  setStatus(status: RunStatus): void;
  analyze(engine: Engine, model: WorkbookModel): Analysis;
  shown(model: WorkbookModel, analysis: Analysis): void;
}

/**
 * Reads (progress at most every 80 ms), then analyses; resolves true when the analysis was shown.
 * Rejects with the error of the read or the analysis.
 */
export async function readAndAnalyze(steps: RunSteps): Promise<boolean> {
  let lastTick = 0;
  const onProgress = (progress: ReadProgress) => {
    const now = performance.now();
    if (now - lastTick < PROGRESS_INTERVAL_MS && progress.done < progress.total) return;
    lastTick = now;
    if (steps.current()) steps.setStatus({ phase: "reading", progress });
  };
  const model = await steps.read({ signal: steps.signal, onProgress });
  if (!steps.current()) return false;
  steps.setStatus({ phase: "analyzing" });
  const engine = await steps.engine;
  await nextFrame(); // let 正在分析 paint before the synchronous analysis
  if (!steps.current()) return false;
  const result = steps.analyze(engine, model);
  if (!steps.current()) return false;
  steps.shown(model, result);
  return true;
}

/** The bookkeeping of the runs of one workbook (refs: they change without a new render). */
export function useRunRefs() {
  return {
    controller: useRef<AbortController | undefined>(undefined),
    runId: useRef(0),
    chosenYear: useRef<number | undefined>(undefined),
    /** The workbook of the analysis shown (set with it, so that a re-check right after sees it). */
    lastModel: useRef<WorkbookModel | undefined>(undefined),
    /** Sheets changed whose re-check has not finished (an aborted re-check leaves them here). */
    unapplied: useRef(new Set<string>()),
    /** The id of the full run under way, if any: re-checks wait for it. */
    fullRun: useRef<number | undefined>(undefined),
    recheck: useRef<(sheets: readonly string[]) => void>(() => undefined),
  };
}

export type RunRefs = ReturnType<typeof useRunRefs>;

/** Re-checks changed sheets: reads only them into the last workbook read (waits for a full run). */
export function useRecheck(
  host: WorkbookHost | undefined,
  start: (
    read: (options: ReadOptions) => Promise<WorkbookModel>,
    hooks?: { done?: () => void }
  ) => number,
  run: () => void,
  { unapplied, fullRun, lastModel }: RunRefs
) {
  return useCallback(
    (sheets: readonly string[]) => {
      if (!host) return;
      for (const s of sheets) unapplied.current.add(s);
      if (fullRun.current !== undefined) return; // taken up when the full run has ended
      const base = lastModel.current;
      if (!base) return run();
      const names = [...unapplied.current];
      start(
        async (options) => {
          let present: readonly string[] | undefined;
          const fresh = await host.readWorkbook({
            ...options,
            sheets: names,
            onSheetNames: (all) => (present = all),
          });
          return withSheets(base, fresh, names, present);
        },
        { done: () => names.forEach((n) => unapplied.current.delete(n)) }
      );
    },
    [host, start, run, unapplied, fullRun, lastModel]
  );
}

/** Reports another year of the workbook read (no new read); later runs keep it while they can. */
export function useChooseYear(
  analysis: Analysis | undefined,
  busy: boolean,
  definitions: DefinitionsFile | undefined,
  { runId, chosenYear }: RunRefs,
  setAnalysis: (a: Analysis) => void,
  setStatus: (s: RunStatus) => void
) {
  return useCallback(
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
    [analysis, busy, definitions, runId, chosenYear, setAnalysis, setStatus]
  );
}
