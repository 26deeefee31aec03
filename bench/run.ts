/**
 * `npm run bench`: runs every benchmark module of the list below, one after the other, and prints
 * each one's table of figures. `npm run bench -- core pane` runs only the named ones.
 *
 * To add a benchmark: write `bench/<name>.ts` exporting a function that returns its printed table
 * (a string), and add one entry here. Modules are imported only when their entry runs.
 */

interface BenchEntry {
  readonly name: string;
  readonly title: string;
  readonly run: () => Promise<string>;
}

const BENCHES: readonly BenchEntry[] = [
  {
    name: "core",
    title: "validation (issue 2)",
    run: async () => (await import("./core")).runCoreBench(),
  },
  {
    name: "cli",
    title: "command line: bureau-stats check on a 100,000-row .xlsx (issues 4, 6)",
    run: async () => (await import("./cli")).runCliBench(),
  },
  {
    name: "pane",
    title: "task pane (issue 6)",
    run: async () => {
      const m = await import("./pane");
      return m.formatPaneBench(await m.benchPane());
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
  for (const b of BENCHES) {
    if (wanted.length > 0 && !wanted.includes(b.name)) continue;
    console.log(`\n== ${b.name}: ${b.title} ==`);
    const t0 = Date.now();
    try {
      console.log(await b.run());
    } catch (e) {
      console.log(`  failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exitCode = 1;
    }
    console.log(`  (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
}

void main();
