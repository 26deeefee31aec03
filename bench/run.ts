/**
 * `npm run bench`: runs every benchmark module of the list below, one after the other, prints each
 * one's table of figures, then a summary of the targets (figure, limit, met or missed).
 * `npm run bench -- core pane` runs only the named ones; `npm run bench -- --quick` (or
 * BENCH_QUICK=1) runs them at small sizes, to show that each still runs: figures printed, no target
 * judged. A part that throws is reported and the others still run; the run then exits 1.
 *
 * To add a benchmark: write `bench/<name>.ts` exporting a function that takes the `BenchOptions`
 * (small sizes when `quick`) and returns a `BenchReport` (its printed table and the targets it
 * measured, see bench/report.ts), and add one entry here.
 * Modules are imported only when their entry runs.
 */
import { benchOptions, type BenchOptions } from "./options";
import { formatTargets, loadLine, type BenchReport, type Target } from "./report";

interface BenchEntry {
  readonly name: string;
  readonly title: string;
  readonly run: (options: BenchOptions) => Promise<BenchReport>;
}

const BENCHES: readonly BenchEntry[] = [
  {
    name: "core",
    title: "validation + comparison + drafting",
    run: async (o) => (await import("./core")).runCoreBench(o),
  },
  {
    name: "cli",
    title: "command line: bureau-stats check on a large .xlsx",
    run: async (o) => (await import("./cli")).runCliBench(o),
  },
  {
    name: "hostile",
    title: "command line: hostile and malformed workbooks, devices",
    run: async (o) => (await import("./hostile")).runHostileBench(o),
  },
  {
    name: "start",
    title: "command line start-up: npx against npm link",
    run: async (o) => (await import("./start")).runStartBench(o),
  },
  {
    name: "office",
    title: "Office host on the fake Excel",
    run: async (o) => (await import("./office")).runOfficeBench(o),
  },
  {
    name: "merge",
    title: "汇总: bureau-stats merge on many unit files, the browser page",
    run: async (o) => (await import("./merge")).runMergeBench(o),
  },
  {
    name: "wps",
    title: "WPS host on the fake ET: ET calls beside the Office host's syncs",
    run: async (o) => (await import("./wps")).runWpsBench(o),
  },
  {
    name: "pane",
    title: "task pane",
    run: async (o) => (await import("./pane")).runPaneBench(o),
  },
];

const OPTIONS = ["--quick"];

/** The first lines of an error's stack (where a part failed), indented. */
function describeFailure(e: unknown): string {
  const text = e instanceof Error ? (e.stack ?? e.message) : String(e);
  return text
    .split("\n")
    .slice(0, 6)
    .map((l) => `    ${l}`)
    .join("\n");
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const options = benchOptions(args, process.env);
  const wanted = args.filter((a) => !a.startsWith("-"));
  const unknown = [
    ...wanted.filter((w) => !BENCHES.some((b) => b.name === w)),
    ...args.filter((a) => a.startsWith("-") && !OPTIONS.includes(a)),
  ];
  if (unknown.length > 0) {
    console.error(
      `unknown benchmark(s) or option(s): ${unknown.join(", ")}; known: ${BENCHES.map((b) => b.name).join(", ")}, ${OPTIONS.join(", ")}`
    );
    process.exitCode = 2;
    return;
  }
  const targets: Target[] = [];
  const failed: string[] = [];
  const started = Date.now();
  if (options.quick)
    console.log("quick run: every part at small sizes; figures printed, no target judged");
  for (const b of BENCHES) {
    if (wanted.length > 0 && !wanted.includes(b.name)) continue;
    console.log(`\n== ${b.name}: ${b.title} ==`);
    const t0 = Date.now();
    try {
      const report = await b.run(options);
      console.log(report.text);
      targets.push(...report.targets);
    } catch (e) {
      console.log(`  FAILED to run:\n${describeFailure(e)}`);
      failed.push(b.name);
    }
    console.log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
  const met = targets.filter((t) => t.met === true).length;
  console.log(`\n== targets ==`);
  console.log(formatTargets(targets, options));
  console.log(
    "\n  " +
      (options.quick
        ? `${targets.length} targets, not judged (quick run at small sizes)`
        : `${met} of ${targets.length} met`) +
      `; ${loadLine()} at the end, ${((Date.now() - started) / 1000).toFixed(0)} s in all.\n` +
      "  The machine is shared: times are medians of several runs (minima and CPU times in the tables" +
      " above are less disturbed by other work)."
  );
  if (failed.length > 0) {
    // a missed target is a figure to read; a part that could not run is a broken benchmark
    console.log(`\n  FAILED to run: ${failed.join(", ")} (see above)`);
    process.exitCode = 1;
  }
}

void main();
