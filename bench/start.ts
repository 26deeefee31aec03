/**
 * How fast the command line starts, called the ways docs/cli.md gives: `npx bureau-stats`
 * (npm reads the whole dependency tree to find the package's own bin before the program starts)
 * against `bureau-stats` installed once with `npm link` (a symlink to bin/bureau-stats.js: only
 * Node starts). Each is timed as a whole process — the usage line (start-up alone) and a check of
 * the bundled sample — median of 7 after one warm-up. `npm link` goes into a temporary npm prefix,
 * so the machine's global packages are not touched.
 *
 *   npm run bench -- start
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { FULL, type BenchOptions } from "./options";
import { formatTable, loadLine, median, ms, type BenchReport } from "./report";

const ROOT = path.resolve(__dirname, "..");
const SAMPLE = path.join(ROOT, "assets", "samples", "bureau-stats-2013.xlsx");
const RUNS = 7;
/** The quick run (`npm run bench -- --quick`): one run of each, no warm-up. */
const QUICK_RUNS = 1;
/** The linked command's start-up (usage line) must stay well under a second. */
export const START_LIMIT_MS = 500;

function timeRuns(
  cmd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  runs: number,
  warmUp: number
): number[] {
  const times: number[] = [];
  for (let i = 0; i < runs + warmUp; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd: ROOT, env, stdio: "ignore" });
    const t = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.error) throw r.error;
    if (r.status !== 0 && r.status !== 2)
      throw new Error(`${cmd} ${args.join(" ")}: exit ${r.status}`);
    if (i >= warmUp) times.push(t);
  }
  return times;
}

export async function runStartBench(options: BenchOptions = FULL): Promise<BenchReport> {
  const runs = options.quick ? QUICK_RUNS : RUNS;
  const prefix = mkdtempSync(path.join(os.tmpdir(), "bureau-stats-link-"));
  try {
    const env = { ...process.env, npm_config_prefix: prefix, npm_config_update_notifier: "false" };
    const link = spawnSync("npm", ["link", "--ignore-scripts", "--no-audit", "--no-fund"], {
      cwd: ROOT,
      env,
      encoding: "utf8",
    });
    if (link.status !== 0) throw new Error(`npm link failed: ${link.stderr}`);
    const linked = path.join(prefix, "bin", "bureau-stats");
    const rows = [
      ["npx bureau-stats", "npx", ["bureau-stats"]],
      ["bureau-stats (npm link)", linked, []],
      ["npx bureau-stats check <sample>", "npx", ["bureau-stats", "check", SAMPLE]],
      ["bureau-stats check <sample> (npm link)", linked, ["check", SAMPLE]],
    ] as const;
    const figures = rows.map(([name, cmd, args]) => {
      const t = timeRuns(cmd, args, env, runs, options.quick ? 0 : 1);
      return { name, median: median(t), min: Math.min(...t), runs: t };
    });
    const table = formatTable(
      ["command", "median", "min", "runs (ms)"],
      figures.map((f) => [
        f.name,
        ms(f.median),
        ms(f.min),
        f.runs.map((t) => t.toFixed(0)).join(", "),
      ])
    );
    const linkedStart = figures[1]!.median;
    return {
      text: `  whole process, median of ${runs}${options.quick ? "" : " after a warm-up"}; ${loadLine()}\n${table}\n  npx ÷ linked (start-up): ${(figures[0]!.median / linkedStart).toFixed(1)}×`,
      targets: [
        {
          part: "cli",
          what: `start-up of bureau-stats after npm link (usage line), median of ${runs}; npx: ${ms(figures[0]!.median)}`,
          figure: ms(linkedStart),
          limit: `≤ ${START_LIMIT_MS} ms`,
          met: linkedStart <= START_LIMIT_MS,
        },
      ],
    };
  } finally {
    rmSync(prefix, { recursive: true, force: true });
  }
}
