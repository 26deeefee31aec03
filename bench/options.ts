/**
 * How bench/run.ts runs the parts: in full, or quick — every part at small sizes and few runs, to
 * show that each still runs (`npm run bench -- --quick` or BENCH_QUICK=1; CI runs it). A quick run
 * prints its figures but judges no target (bench/report.ts prints `not judged (quick)`).
 */

/** `quick`: at small sizes and few runs; its figures are printed but no target is judged. */
export interface BenchOptions {
  readonly quick: boolean;
}

/** The full run: every part at its measured sizes, targets judged. */
export const FULL: BenchOptions = { quick: false };

/**
 * The options of `npm run bench`: quick with `--quick` among its arguments or BENCH_QUICK=1.
 * @example benchOptions(["core", "--quick"], {}) // { quick: true }
 * @example benchOptions([], { BENCH_QUICK: "1" }) // { quick: true }
 */
export function benchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  return { quick: argv.includes("--quick") || env.BENCH_QUICK === "1" };
}
