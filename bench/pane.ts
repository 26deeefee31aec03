/**
 * Task pane benchmark: first-load JavaScript of taskpane.html from the production build
 * (raw and gzip, office.js excluded) and the time from navigation to the first rendered tab in
 * headless Chromium (median of 10; the app marks it with performance.mark).
 *
 * Beside it, first contentful paint of taskpane.html and of Microsoft's official React task-pane
 * template, the two loaded alternately in the same runs, on the same minimal office.js. That
 * comparison runs only when PANE_PEER_DIR names the template's built `dist` folder (build
 * office-addin-taskpane-react with `npm run build`); otherwise the output says it was not run.
 *
 *   npx tsx bench/pane.ts            (builds into .cache/pane-dist when sources changed)
 *   import { benchPane } from "./pane"   (for bench/run.ts)
 */
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { ensureBuilt } from "../test/e2e/build";
import type { Browser } from "playwright-core";
import { OFFICE_JS_CDN, launchChromium } from "../test/e2e/chromium";
import { serveStatic } from "../test/e2e/serve";
import { FULL, type BenchOptions } from "./options";
import { ms, type BenchReport, type Target } from "./report";

/**
 * The official React template's built `dist` folder, from PANE_PEER_DIR; undefined when unset
 * (then the comparison with it is not run).
 */
export const PEER_DIR: string | undefined = process.env.PANE_PEER_DIR || undefined;

/** Must match src/taskpane/perf.ts. */
const FIRST_TAB_MARK = "bureau-stats:first-tab";

/** Just enough of office.js for the pane to start: Office.onReady reporting Excel. */
export const MINIMAL_OFFICE_JS = `window.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC" },
  onReady: function (cb) {
    var info = { host: "Excel", platform: "OfficeOnline" };
    return new Promise(function (resolve) { setTimeout(function () { if (cb) cb(info); resolve(info); }, 0); });
  },
};`;

const BLANK_PAGE = `<!doctype html><html><head><script defer src="blank.js"></script></head><body><div id="root"></div></body></html>`;
const BLANK_SCRIPT = `document.getElementById("root").textContent = "空白";
requestAnimationFrame(function () { performance.mark(${JSON.stringify(FIRST_TAB_MARK)}); });`;

export interface JsFile {
  readonly file: string;
  readonly raw: number;
  readonly gzip: number;
}

export interface FirstLoad {
  readonly page: string;
  readonly files: readonly JsFile[];
  readonly raw: number;
  readonly gzip: number;
}

export interface PaneBench {
  readonly taskpane: FirstLoad;
  readonly browserPage: FirstLoad;
  /** Navigation → first rendered tab, per run (ms). */
  readonly firstTabMs: readonly number[];
  readonly firstTabMedian: number;
  readonly browserFirstTabMedian: number;
  /**
   * The same harness on an empty page that only marks its first frame: what navigation costs on
   * this machine right now (it grows when the machine is busy), to read the figures against.
   */
  readonly blankPageMedian: number;
  /** Every chunk of the build (lazy ones included), for the record. */
  readonly chunks: readonly JsFile[];
  /** First contentful paint, ours and the official template's, same runs (undefined: no template). */
  readonly fcp?: FcpPair;
}

export interface FcpPair {
  readonly oursMs: readonly number[];
  /** Navigation → our first rendered tab, in the same loads as `oursMs`. */
  readonly oursFirstTabMs: readonly number[];
  readonly oursFirstTabMedian: number;
  readonly peerMs: readonly number[];
  readonly oursMedian: number;
  readonly peerMedian: number;
  /** oursMedian ÷ peerMedian. */
  readonly ratio: number;
  readonly peerFirstLoad: FirstLoad;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function jsFile(dir: string, file: string): Promise<JsFile> {
  const bytes = await fs.readFile(path.join(dir, file));
  return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

/** The scripts a page loads up front (its <script src> tags of this origin: office.js excluded). */
export async function firstLoad(dir: string, page: string): Promise<FirstLoad> {
  const html = await fs.readFile(path.join(dir, page), "utf8");
  const srcs = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)]
    .map((m) => m[1]!)
    .filter((s) => !/^https?:/.test(s));
  const files = await Promise.all(srcs.map((s) => jsFile(dir, s.replace(/^\.?\//, ""))));
  return {
    page,
    files,
    raw: files.reduce((n, f) => n + f.raw, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
  };
}

async function timeFirstTab(url: string, runs: number, officeJs?: string): Promise<number[]> {
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
      if (officeJs) {
        await context.route(OFFICE_JS_CDN, (route) =>
          route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs })
        );
      }
      const page = await context.newPage();
      await page.goto(url);
      const t = await page.waitForFunction(
        (mark) => performance.getEntriesByName(mark)[0]?.startTime,
        FIRST_TAB_MARK,
        { timeout: 30_000 }
      );
      const ms = (await t.jsonValue()) as number;
      if (i > 0) times.push(ms); // the first run warms up the browser process itself
      await context.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

/**
 * Navigation → first contentful paint of a page (ms), in a fresh context; with `mark`, also
 * navigation → that performance mark (our first rendered tab) in the same load.
 */
async function fcpOnce(
  browser: Browser,
  url: string,
  officeJs: string,
  mark?: string
): Promise<{ fcp: number; mark?: number }> {
  const context = await browser.newContext({ viewport: { width: 320, height: 720 } });
  try {
    await context.route(OFFICE_JS_CDN, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs })
    );
    const page = await context.newPage();
    await page.goto(url);
    const t = await page.waitForFunction(
      () => performance.getEntriesByName("first-contentful-paint")[0]?.startTime,
      undefined,
      { timeout: 30_000 }
    );
    const fcp = (await t.jsonValue()) as number;
    if (mark === undefined) return { fcp };
    const m = await page.waitForFunction(
      (name) => performance.getEntriesByName(name)[0]?.startTime,
      mark,
      { timeout: 30_000 }
    );
    return { fcp, mark: (await m.jsonValue()) as number };
  } finally {
    await context.close();
  }
}

/**
 * First contentful paint of two pages, loaded alternately (A, B, B, A, …) in one browser so that
 * both see the same machine; one warm-up pair first. Of A (ours), also its first rendered tab.
 */
async function fcpPair(a: string, b: string, runs: number, officeJs: string) {
  const browser = await launchChromium();
  try {
    const ours: number[] = [];
    const oursFirstTab: number[] = [];
    const peer: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const oursFirst = i % 2 === 0;
      const load = (isOurs: boolean) =>
        isOurs ? fcpOnce(browser, a, officeJs, FIRST_TAB_MARK) : fcpOnce(browser, b, officeJs);
      const first = await load(oursFirst);
      const second = await load(!oursFirst);
      if (i === 0) continue; // warm-up
      const o = oursFirst ? first : second;
      ours.push(o.fcp);
      oursFirstTab.push(o.mark ?? NaN);
      peer.push((oursFirst ? second : first).fcp);
    }
    return { ours, oursFirstTab, peer };
  } finally {
    await browser.close();
  }
}

export async function benchPane(options: { runs?: number; dir?: string } = {}): Promise<PaneBench> {
  const runs = options.runs ?? 10;
  const dir = options.dir ?? (await ensureBuilt());
  const taskpane = await firstLoad(dir, "taskpane.html");
  const browserPage = await firstLoad(dir, "index.html");
  const chunks = await Promise.all(
    (await fs.readdir(dir))
      .filter((f) => f.endsWith(".js"))
      .sort()
      .map((f) => jsFile(dir, f))
  );
  const blankDir = await fs.mkdtemp(path.join(os.tmpdir(), "pane-bench-"));
  await fs.writeFile(path.join(blankDir, "index.html"), BLANK_PAGE);
  await fs.writeFile(path.join(blankDir, "blank.js"), BLANK_SCRIPT);
  const server = await serveStatic(dir);
  const blank = await serveStatic(blankDir);
  try {
    const blankMs = await timeFirstTab(blank.url + "index.html", runs);
    const firstTabMs = await timeFirstTab(server.url + "taskpane.html", runs, MINIMAL_OFFICE_JS);
    const browserMs = await timeFirstTab(server.url + "index.html", runs);
    const fcp = await peerFcp(server.url + "taskpane.html", runs);
    return {
      ...(fcp ? { fcp } : {}),
      blankPageMedian: median(blankMs),
      taskpane,
      browserPage,
      firstTabMs,
      firstTabMedian: median(firstTabMs),
      browserFirstTabMedian: median(browserMs),
      chunks,
    };
  } finally {
    await server.close();
    await blank.close();
    await fs.rm(blankDir, { recursive: true, force: true });
  }
}

/** Our FCP against the official template's (undefined when the template is not built here). */
async function peerFcp(ours: string, runs: number): Promise<FcpPair | undefined> {
  if (PEER_DIR === undefined) return undefined;
  const page = path.join(PEER_DIR, "taskpane.html");
  if (!(await fs.stat(page).catch(() => undefined))) {
    throw new Error(`PANE_PEER_DIR=${PEER_DIR}: no taskpane.html there (build the template first)`);
  }
  const peerServer = await serveStatic(PEER_DIR);
  try {
    const {
      ours: o,
      oursFirstTab,
      peer: p,
    } = await fcpPair(ours, peerServer.url + "taskpane.html", runs, MINIMAL_OFFICE_JS);
    const oursMedian = median(o);
    const peerMedian = median(p);
    return {
      oursMs: o,
      oursFirstTabMs: oursFirstTab,
      oursFirstTabMedian: median(oursFirstTab),
      peerMs: p,
      oursMedian,
      peerMedian,
      ratio: oursMedian / peerMedian,
      peerFirstLoad: await firstLoad(PEER_DIR, "taskpane.html"),
    };
  } finally {
    await peerServer.close();
  }
}

const PANE_GZIP_LIMIT = 167 * 1024;
const PANE_FIRST_TAB_MS = 300;
/** Our first contentful paint against the official React template's, same runs. */
const PANE_FCP_RATIO = 0.6;

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

export function formatPaneBench(b: PaneBench): string {
  const lines = [
    "task pane (production build, office.js excluded)",
    `  first-load JS of taskpane.html: ${b.taskpane.raw} B raw (${kb(b.taskpane.raw)}), ${b.taskpane.gzip} B gzip (${kb(b.taskpane.gzip)})  target ≤ ${PANE_GZIP_LIMIT / 1024} KB gzip`,
    ...b.taskpane.files.map((f) => `    ${f.file}: ${f.raw} B raw, ${f.gzip} B gzip`),
    `  first-load JS of index.html (browser page): ${b.browserPage.raw} B raw, ${b.browserPage.gzip} B gzip`,
    `  navigation → first rendered tab (taskpane.html, headless Chromium, median of ${b.firstTabMs.length}): ${b.firstTabMedian.toFixed(0)} ms  target ≤ ${PANE_FIRST_TAB_MS} ms`,
    `    runs: ${b.firstTabMs.map((t) => t.toFixed(0)).join(", ")}`,
    `  navigation → first rendered tab (index.html, median): ${b.browserFirstTabMedian.toFixed(0)} ms`,
    `  same harness, empty page (machine baseline, median): ${b.blankPageMedian.toFixed(0)} ms; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" ")}`,
    ...(b.fcp
      ? [
          `  taskpane.html and the official React template loaded alternately, same ${b.fcp.oursMs.length} runs (medians):`,
          `    navigation → our first rendered tab ${b.fcp.oursFirstTabMedian.toFixed(0)} ms beside the template's first contentful paint ${b.fcp.peerMedian.toFixed(0)} ms`,
          `    first contentful paint: taskpane.html ${b.fcp.oursMedian.toFixed(0)} ms, template ${b.fcp.peerMedian.toFixed(0)} ms, ratio ${b.fcp.ratio.toFixed(2)}  target ≤ ${PANE_FCP_RATIO}`,
          `    ours, FCP: ${b.fcp.oursMs.map((t) => t.toFixed(0)).join(", ")}`,
          `    ours, first rendered tab: ${b.fcp.oursFirstTabMs.map((t) => t.toFixed(0)).join(", ")}`,
          `    template: ${b.fcp.peerMs.map((t) => t.toFixed(0)).join(", ")} (first-load JS ${b.fcp.peerFirstLoad.raw} B raw, ${b.fcp.peerFirstLoad.gzip} B gzip)`,
        ]
      : [
          "  first contentful paint against the official React template: NOT RUN (set PANE_PEER_DIR to its built dist folder)",
        ]),
    "  chunks loaded on demand:",
    ...b.chunks
      .filter(
        (c) =>
          !b.taskpane.files.some((f) => f.file === c.file) &&
          !b.browserPage.files.some((f) => f.file === c.file)
      )
      .map((c) => `    ${c.file}: ${c.raw} B raw, ${c.gzip} B gzip`),
  ];
  return lines.join("\n");
}

/** The pane's targets. */
function paneTargets(b: PaneBench): Target[] {
  return [
    {
      part: "pane",
      what: "first-load JS of taskpane.html, gzip (office.js excluded)",
      figure: `${(b.taskpane.gzip / 1024).toFixed(1)} KB`,
      limit: `≤ ${PANE_GZIP_LIMIT / 1024} KB`,
      met: b.taskpane.gzip <= PANE_GZIP_LIMIT,
    },
    {
      part: "pane",
      what: `navigation → first rendered tab, median of ${b.firstTabMs.length} (min ${ms(Math.min(...b.firstTabMs))})`,
      figure: ms(b.firstTabMedian),
      limit: `≤ ${PANE_FIRST_TAB_MS} ms`,
      met: b.firstTabMedian <= PANE_FIRST_TAB_MS,
    },
    b.fcp
      ? {
          part: "pane",
          what: `first contentful paint ÷ official React template's (${ms(b.fcp.oursMedian)} ÷ ${ms(b.fcp.peerMedian)}, medians of the same ${b.fcp.oursMs.length} runs; our first tab ${ms(b.fcp.oursFirstTabMedian)})`,
          figure: b.fcp.ratio.toFixed(2),
          limit: `≤ ${PANE_FCP_RATIO}`,
          met: b.fcp.ratio <= PANE_FCP_RATIO,
        }
      : {
          part: "pane",
          what: "first contentful paint ÷ official React template's: not run (PANE_PEER_DIR unset)",
          figure: "—",
          limit: `≤ ${PANE_FCP_RATIO}`,
          met: undefined,
        },
  ];
}

/**
 * For bench/run.ts: the figures, then where the first tab's time goes (the trace that says what
 * to fix when it is too slow). Quick: 2 timed loads of each page and 1 trace.
 */
export async function runPaneBench(options: BenchOptions = FULL): Promise<BenchReport> {
  const b = await benchPane({ runs: options.quick ? 2 : 10 });
  const phases = await import("./pane-phases"); // it imports this module's minimal office.js
  const breakdown = phases.formatPanePhases(await phases.tracePane(options.quick ? 1 : 5));
  return { text: formatPaneBench(b) + "\n" + breakdown, targets: paneTargets(b) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  void runPaneBench().then(
    (r) => console.log(r.text),
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    }
  );
}
