/**
 * Where the task pane's first rendered tab spends its time (to find the cause before fixing it):
 * taskpane.html of the production build in headless Chromium with a performance trace,
 * from navigation to the first-tab mark, median of a few runs:
 * - the loading milestones (HTML received, office.js and the pane's script fetched, DOMContentLoaded,
 *   first paint, the mark), from the page's own Navigation and Resource Timing;
 * - the renderer's main thread: script evaluation (parse, compile and run of the bundle), other
 *   JavaScript tasks (React's first render, scheduled by React after the script ran), style +
 *   layout + paint, the rest of its busy time, and the time it waited (network, other processes).
 *
 *   npx tsx bench/pane-phases.ts      (also run by `npm run bench -- pane`)
 */
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureBuilt } from "../test/e2e/build";
import { OFFICE_JS_CDN, launchChromium } from "../test/e2e/chromium";
import { serveStatic } from "../test/e2e/serve";
import { MINIMAL_OFFICE_JS } from "./pane";
import { formatTable, median, ms } from "./report";

const FIRST_TAB_MARK = "bureau-stats:first-tab";
const CATEGORIES = [
  "devtools.timeline",
  "disabled-by-default-devtools.timeline",
  "blink.user_timing",
  "v8",
];

/** Trace events of style recalculation, layout and paint (devtools.timeline). */
const RENDERING = new Set(["UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize"]);

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  /** Thread (CPU) time of the event, µs. */
  readonly tdur?: number;
  readonly pid: number;
  readonly tid: number;
  readonly args?: { readonly data?: { readonly url?: string } };
}

/**
 * One run's figures: milestones (ms from navigation start) and main-thread times (ms): wall time,
 * and CPU (thread) time, which other processes on the machine do not inflate.
 */
export interface PhaseRun {
  readonly milestones: Record<string, number>;
  readonly thread: Record<string, number>;
  readonly threadCpu: Record<string, number>;
}

/** Milestones and main-thread time of one trace, up to the first-tab mark. */
function mainThreadPhases(
  events: readonly TraceEvent[],
  markMs: number
): { wall: Record<string, number>; cpu: Record<string, number> } | undefined {
  const mark = events.find((e) => e.name === FIRST_TAB_MARK);
  const script = events.find(
    (e) => e.name === "EvaluateScript" && e.args?.data?.url?.includes("/taskpane.") === true
  );
  if (!mark || !script) return undefined;
  const end = mark.ts;
  const start = end - markMs * 1000;
  const main = events.filter(
    (e) =>
      e.pid === script.pid &&
      e.tid === script.tid &&
      e.ph === "X" &&
      e.ts >= start &&
      e.ts < end &&
      e.dur !== undefined
  );
  const sum = (pick: (e: TraceEvent) => boolean, key: "dur" | "tdur" = "dur") =>
    main.filter(pick).reduce((n, e) => n + (e[key] ?? 0), 0) / 1000;
  const evaluations = main.filter((e) => e.name === "EvaluateScript");
  const inEvaluation = (e: TraceEvent) =>
    evaluations.some((s) => e.ts >= s.ts && e.ts < s.ts + (s.dur ?? 0));
  const isTask = (e: TraceEvent) => e.name === "RunTask";
  const isEvaluation = (e: TraceEvent) => e.name === "EvaluateScript";
  const isOtherJs = (e: TraceEvent) => e.name === "FunctionCall" && !inEvaluation(e);
  const isRendering = (e: TraceEvent) => RENDERING.has(e.name);
  const figures = (key: "dur" | "tdur"): Record<string, number> => {
    const busy = sum(isTask, key);
    const evaluate = sum(isEvaluation, key);
    const otherJs = sum(isOtherJs, key);
    const rendering = sum(isRendering, key);
    return {
      "main thread busy": busy,
      "  script evaluation (taskpane.js: parse, compile, run)": evaluate,
      "  other JavaScript tasks (React's first render, timers)": otherJs,
      "  style, layout, paint (forced ones also count in JavaScript)": rendering,
      "  the rest (navigation commit, HTML parsing …)": Math.max(
        0,
        busy - evaluate - otherJs - rendering
      ),
      ...(key === "dur"
        ? { "main thread idle (waiting for the network, other work)": Math.max(0, markMs - busy) }
        : {}),
    };
  };
  return { wall: figures("dur"), cpu: figures("tdur") };
}

/** Traces `runs` loads of taskpane.html (after one untimed load) and returns each run's figures. */
export async function tracePane(runs = 5, dir?: string): Promise<PhaseRun[]> {
  const root = dir ?? (await ensureBuilt());
  const server = await serveStatic(root);
  const browser = await launchChromium();
  const out: PhaseRun[] = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
      await context.route(OFFICE_JS_CDN, (route) =>
        route.fulfill({ status: 200, contentType: "text/javascript", body: MINIMAL_OFFICE_JS })
      );
      const page = await context.newPage();
      await browser.startTracing(page, { categories: CATEGORIES });
      await page.goto(server.url + "taskpane.html");
      await page.waitForFunction(
        (mark) => performance.getEntriesByName(mark).length > 0,
        FIRST_TAB_MARK,
        { timeout: 30_000 }
      );
      const timing = await page.evaluate((mark) => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const res = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
        const js = res.find((r) => r.name.includes("/taskpane."));
        const office = res.find((r) => r.name.includes("office.js"));
        return {
          "HTML received": nav.responseEnd,
          "office.js received": office?.responseEnd ?? NaN,
          "taskpane.js requested": js?.startTime ?? NaN,
          "taskpane.js received": js?.responseEnd ?? NaN,
          "DOMContentLoaded (script ran)": nav.domContentLoadedEventEnd,
          "first paint": performance.getEntriesByType("paint")[0]?.startTime ?? NaN,
          "first rendered tab (mark)": performance.getEntriesByName(mark)[0]?.startTime ?? NaN,
        };
      }, FIRST_TAB_MARK);
      const trace = JSON.parse((await browser.stopTracing()).toString()) as {
        traceEvents: TraceEvent[];
      };
      await context.close();
      if (i === 0) continue; // warms the browser process up
      const phases = mainThreadPhases(trace.traceEvents, timing["first rendered tab (mark)"]);
      out.push({ milestones: timing, thread: phases?.wall ?? {}, threadCpu: phases?.cpu ?? {} });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

const medianOf = (records: readonly Record<string, number>[], name: string): number[] =>
  records.map((r) => r[name]).filter((x): x is number => x !== undefined && x === x);

function medianRows(records: readonly Record<string, number>[]): string[][] {
  const names = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return names.map((name) => {
    const xs = medianOf(records, name);
    return [name, xs.length ? ms(median(xs)) : "n/a", xs.map((x) => x.toFixed(0)).join(", ")];
  });
}

/** The printed breakdown (medians of the runs). */
export function formatPanePhases(runs: readonly PhaseRun[]): string {
  const load = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" / ");
  const wall = runs.map((r) => r.thread);
  const cpu = runs.map((r) => r.threadCpu);
  const names = [...new Set(wall.flatMap((r) => Object.keys(r)))];
  const threadRows = names.map((name) => {
    const w = medianOf(wall, name);
    const c = medianOf(cpu, name);
    return [
      name,
      w.length ? ms(median(w)) : "n/a",
      c.length ? ms(median(c)) : "—",
      w.map((x) => x.toFixed(0)).join(", "),
    ];
  });
  return [
    `  where the time to the first rendered tab goes (taskpane.html, performance trace, median of ${runs.length}; load ${load}):`,
    formatTable(
      ["milestone", "at (median)", "runs (ms)"],
      medianRows(runs.map((r) => r.milestones)),
      "lrl"
    ),
    formatTable(
      ["renderer main thread, navigation → mark", "wall", "CPU", "runs, wall (ms)"],
      threadRows,
      "lrrl"
    ),
    "  CPU: the main thread's own time (trace tdur); wall − CPU is time other processes took from it.",
  ].join("\n");
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  void tracePane().then(
    (runs) => console.log(formatPanePhases(runs)),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    }
  );
}
