/**
 * `npm run bench`: runs every benchmark module of the list below, one after the other, prints each
 * one's table of figures, then a summary of the targets (figure, limit, met or missed).
 * `npm run bench -- core pane` runs only the named ones.
 *
 * To add a benchmark: write `bench/<name>.ts` exporting a function that returns a `BenchReport`
 * (its printed table and the targets it measured, see bench/report.ts), and add one entry here.
 * Modules are imported only when their entry runs.
 */
import { formatTargets, loadLine, median, ms, type BenchReport, type Target } from "./report";

interface BenchEntry {
  readonly name: string;
  readonly title: string;
  readonly run: () => Promise<BenchReport>;
}

const PANE_GZIP_LIMIT = 167 * 1024;
const PANE_FIRST_TAB_MS = 300;
/** Our first contentful paint against the official React template's, same runs. */
const PANE_FCP_RATIO = 0.6;

const BENCHES: readonly BenchEntry[] = [
  {
    name: "core",
    title: "validation + comparison + drafting",
    run: async () => (await import("./core")).runCoreBench(),
  },
  {
    name: "cli",
    title: "command line: bureau-stats check on a 100,000-row .xlsx",
    run: async () => (await import("./cli")).runCliBench(),
  },
  {
    name: "hostile",
    title: "command line: hostile and malformed workbooks, devices",
    run: async () => (await import("./hostile")).runHostileBench(),
  },
  {
    name: "start",
    title: "command line start-up: npx against npm link",
    run: async () => (await import("./start")).runStartBench(),
  },
  {
    name: "office",
    title: "Office host on the fake Excel",
    run: async () => (await import("./office")).runOfficeBench(),
  },
  {
    name: "merge",
    title: "汇总: bureau-stats merge on 500 unit files, the browser page on 50",
    run: async () => (await import("./merge")).runMergeBench(),
  },
  {
    name: "wps",
    title: "WPS host on the fake ET: ET calls beside the Office host's syncs",
    run: async () => (await import("./wps")).runWpsBench(),
  },
  {
    name: "pane",
    title: "task pane",
    run: async () => {
      const m = await import("./pane");
      const b = await m.benchPane();
      const targets: Target[] = [
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
          figure: ms(median(b.firstTabMs)),
          limit: `≤ ${PANE_FIRST_TAB_MS} ms`,
          met: median(b.firstTabMs) <= PANE_FIRST_TAB_MS,
        },
        b.fcp
          ? {
              part: "pane",
              what: `first contentful paint ÷ official React template's (${ms(b.fcp.oursMedian)} ÷ ${ms(b.fcp.peerMedian)}, medians of the same ${b.fcp.oursMs.length} runs)`,
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
      // where the first tab's time goes: the trace that says what to fix when it is too slow
      const phases = await import("./pane-phases");
      const breakdown = phases.formatPanePhases(await phases.tracePane());
      return { text: m.formatPaneBench(b) + "\n" + breakdown, targets };
    },
  },
];

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = wanted.filter((w) => !BENCHES.some((b) => b.name === w));
  if (unknown.length > 0) {
    console.error(
      `unknown benchmark(s): ${unknown.join(", ")}; known: ${BENCHES.map((b) => b.name).join(", ")}`
    );
    process.exitCode = 2;
    return;
  }
  const targets: Target[] = [];
  const started = Date.now();
  for (const b of BENCHES) {
    if (wanted.length > 0 && !wanted.includes(b.name)) continue;
    console.log(`\n== ${b.name}: ${b.title} ==`);
    const t0 = Date.now();
    try {
      const report = await b.run();
      console.log(report.text);
      targets.push(...report.targets);
    } catch (e) {
      console.log(`  failed: ${e instanceof Error ? e.message : String(e)}`);
      targets.push({
        part: b.name,
        what: "benchmark ran",
        figure: "failed",
        limit: "—",
        met: false,
      });
      process.exitCode = 1;
    }
    console.log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  const missed = targets.filter((t) => t.met !== true).length;
  console.log(`\n== targets ==`);
  console.log(formatTargets(targets));
  console.log(
    `\n  ${targets.length - missed} of ${targets.length} met; ${loadLine()} at the end, ` +
      `${((Date.now() - started) / 1000).toFixed(0)} s in all.\n` +
      "  The machine is shared: times are medians of several runs (minima and CPU times in the tables" +
      " above are less disturbed by other work)."
  );
}

void main();
