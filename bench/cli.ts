/**
 * Command-line benchmark: `bureau-stats check` on a 100,000-row 表1 .xlsx as a
 * whole process (time and peak memory), and the same file read alone, so the share of parsing
 * is visible. Targets: whole process ≤ 900 ms, ≤ 600 MB. Quick (`--quick`): 10,000 rows, one
 * run of each.
 *
 * The workbook is generated like Excel writes one (shared strings, styles, a SUM 合计 row) by
 * scripts/lib/big-workbook.ts. Every process runs under /usr/bin/time (max RSS, CPU):
 * - the whole `bureau-stats check` runs the built bundle (dist/cli.js, rebuilt when older than
 *   its sources);
 * - staged processes (bench/cli-stages.ts bundled by esbuild, so they start like dist/cli.js) stop
 *   after Node's start, after the read, after the analysis: the differences are each stage's
 *   share of the whole process, the read's first of all.
 * A child process also times warm reads (Node's zlib as the CLI, fflate as the browser page) and
 * warm analyses of the same file: the steady state, beside the cold figures of one process.
 *
 *   npx tsx bench/cli.ts        (or `npm run bench -- cli`)
 */
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { unzipSync, zipSync } from "fflate";
import { makeBigTable1 } from "../scripts/lib/big-workbook";
import { readXlsx } from "../src/hosts/xlsx/read";
import { analyzeWorkbook } from "../src/core/analyze";
import { FULL, type BenchOptions } from "./options";
import { formatTable, loadLine, median, ms, type BenchReport } from "./report";

const ROOT = path.join(__dirname, "..");
/**
 * Rows of the file; runs of the whole process, of each staged process, of the warm read in one
 * process, and of `check` on the file with an error in every row.
 */
const SIZES = { rows: 100_000, processRuns: 7, stageRuns: 5, warmRuns: 5, errorRuns: 3 };
/** The quick run's (`npm run bench -- --quick`): only that it still runs. */
const QUICK_SIZES: typeof SIZES = {
  rows: 10_000,
  processRuns: 1,
  stageRuns: 1,
  warmRuns: 1,
  errorRuns: 1,
};
const STAGES_BUNDLE = path.join(ROOT, ".cache", "bench", "cli-stages.js");

interface ChildFigures {
  readonly readMs: number[];
  readonly readFflateMs: number[];
  readonly analyzeMs: number[];
  readonly cells: number;
}

const nativeInflate = (d: Uint8Array): Uint8Array => {
  const out = inflateRawSync(d);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

function childMain(file: string, warmRuns: number): void {
  const bytes = new Uint8Array(readFileSync(file));
  // one read and analysis to warm up (not timed): the cold figures come from the staged processes
  const first = readXlsx(bytes, { inflateRaw: nativeInflate });
  analyzeWorkbook(first);
  let cells = 0;
  for (const s of first.sheets)
    for (const r of s.values) for (const v of r) if (v !== undefined && v !== null) cells++;
  const readMs: number[] = [];
  const readFflateMs: number[] = [];
  const analyzeMs: number[] = [];
  for (let i = 0; i < warmRuns; i++) {
    let t = performance.now();
    const wb = readXlsx(bytes, { inflateRaw: nativeInflate });
    readMs.push(performance.now() - t);
    t = performance.now();
    readXlsx(bytes);
    readFflateMs.push(performance.now() - t);
    t = performance.now();
    analyzeWorkbook(wb);
    analyzeMs.push(performance.now() - t);
  }
  const figures: ChildFigures = { readMs, readFflateMs, analyzeMs, cells };
  process.stdout.write(JSON.stringify(figures));
}

/** The newest modification time (ms) of the files under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) newest = Math.max(newest, statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}

/** Builds dist/cli.js when it is missing or older than the sources it bundles (never a stale figure). */
export function ensureBundle(): void {
  const bundle = path.join(ROOT, "dist", "cli.js");
  const sources = ["src/cli", "src/core", "src/hosts/xlsx"].map((d) =>
    newestMtime(path.join(ROOT, d))
  );
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= Math.max(...sources)) return;
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "-c", "webpack.cli.js"],
    { cwd: ROOT, encoding: "utf8" }
  );
  if (r.status !== 0) throw new Error(`CLI build failed: ${r.stderr || r.stdout}`);
}

/**
 * The same workbook with an error in every data row (发展预备党员 one more than 教工 + 学生, T1-01):
 * `check` then prints a report of 100,000 issues, the text output path at its largest.
 */
function withErrorInEveryRow(xlsx: Uint8Array, rows: number): Uint8Array {
  const files = unzipSync(xlsx);
  const name = Object.keys(files).find((k) => k.startsWith("xl/worksheets/"));
  if (!name || !files[name]) throw new Error("no worksheet in the generated workbook");
  const xml = new TextDecoder()
    .decode(files[name])
    .replace(/<c r="E(\d+)" s="1"><v>(\d+)<\/v>/g, (cell, row: string, v: string) =>
      Number(row) < rows + 4 ? `<c r="E${row}" s="1"><v>${Number(v) + 1}</v>` : cell
    );
  files[name] = new TextEncoder().encode(xml);
  return zipSync(files, { level: 6 });
}

/** Bundles bench/cli-stages.ts with esbuild (target Node, like dist/cli.js). */
function bundleStages(): void {
  // esbuild comes with tsx; required here only, so the benchmark alone depends on it
  const esbuild = require("esbuild") as typeof import("esbuild");
  esbuild.buildSync({
    entryPoints: [path.join(__dirname, "cli-stages.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    minify: true,
    outfile: STAGES_BUNDLE,
    logLevel: "error",
  });
}

export interface ProcessFigures {
  readonly ms: number;
  readonly cpuMs: number | undefined;
  readonly mb: number | undefined;
  readonly status: number | null;
}

/** One whole process `node <args>`: wall time, CPU time and max RSS (from /usr/bin/time), exit status. */
export function timeProcess(
  args: readonly string[],
  timeoutMs?: number
): ProcessFigures & { stdoutBytes: number; stderr: string } {
  const haveTime = existsSync("/usr/bin/time");
  const cmd = haveTime ? "/usr/bin/time" : process.execPath;
  const all = haveTime ? ["-f", "MAXRSS %M CPU %U %S", process.execPath, ...args] : [...args];
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, all, {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    ...(timeoutMs === undefined ? {} : { timeout: timeoutMs, killSignal: "SIGKILL" as const }),
  });
  const wall = Number(process.hrtime.bigint() - t) / 1e6;
  const m = /MAXRSS (\d+) CPU ([\d.]+) ([\d.]+)/.exec(r.stderr ?? "");
  return {
    ms: wall,
    cpuMs: m ? (Number(m[2]) + Number(m[3])) * 1000 : undefined,
    mb: m ? Number(m[1]) / 1024 : undefined,
    status: r.status,
    stdoutBytes: Buffer.byteLength(r.stdout ?? ""),
    stderr: (r.stderr ?? "")
      .replace(/^MAXRSS .*$/m, "")
      .replace(/^Command exited with non-zero status \d+$/m, "")
      .trim(),
  };
}

interface Series {
  readonly wall: number[];
  readonly cpu: number[];
  readonly mb: number[];
  readonly statuses: (number | null)[];
}

/** An empty series of process figures (filled by `record`). */
function series(): Series {
  return { wall: [], cpu: [], mb: [], statuses: [] };
}

function record(into: Series, f: ProcessFigures): void {
  into.wall.push(f.ms);
  if (f.cpuMs !== undefined) into.cpu.push(f.cpuMs);
  if (f.mb !== undefined) into.mb.push(f.mb);
  into.statuses.push(f.status);
}

const TARGET_MS = 900;
const TARGET_MB = 600;
const mb = (x: number | undefined) => (x === undefined ? "n/a" : `${Math.round(x)} MB`);
const maxOf = (xs: readonly number[]) => (xs.length ? Math.max(...xs) : undefined);

/** Runs the benchmark and returns its printed table and targets. */
export async function runCliBench(options: BenchOptions = FULL): Promise<BenchReport> {
  const { rows, processRuns, stageRuns, warmRuns, errorRuns } = options.quick ? QUICK_SIZES : SIZES;
  ensureBundle();
  bundleStages();
  const dir = mkdtempSync(path.join(os.tmpdir(), "bureau-stats-bench-"));
  try {
    const file = path.join(dir, `表1-${rows}.xlsx`);
    const bytes = makeBigTable1(rows, 2013);
    writeFileSync(file, bytes);
    const badFile = path.join(dir, `表1-${rows}-errors.xlsx`);
    writeFileSync(badFile, withErrorInEveryRow(bytes, rows));
    const check = [path.join(ROOT, "bin", "bureau-stats.js"), "check", file];
    const checkBad = [path.join(ROOT, "bin", "bureau-stats.js"), "check", badFile];
    const stage = (name: string) => [STAGES_BUNDLE, name, file];
    timeProcess(check); // warm the file cache
    const whole = series();
    const bad = series();
    const stages = { start: series(), read: series(), analyze: series() };
    // interleaved, so a burst of other work on the machine hits every series alike
    for (let i = 0; i < Math.max(processRuns, stageRuns); i++) {
      if (i < processRuns) record(whole, timeProcess(check));
      if (i < errorRuns) record(bad, timeProcess(checkBad));
      if (i < stageRuns)
        for (const [name, into] of Object.entries(stages)) record(into, timeProcess(stage(name)));
    }
    for (const [name, s] of Object.entries(stages))
      if (s.statuses.some((x) => x !== 0)) throw new Error(`stage process "${name}" failed`);
    const child = spawnSync(
      process.execPath,
      ["--import", "tsx", __filename, "--child", file, String(warmRuns)],
      {
        cwd: ROOT,
        encoding: "utf8",
        maxBuffer: 64 << 20,
      }
    );
    if (child.status !== 0) throw new Error(`warm child failed: ${child.stderr}`);
    const c = JSON.parse(child.stdout) as ChildFigures;

    const wallMedian = median(whole.wall);
    const peak = maxOf(whole.mb);
    const row = (label: string, s: Series): string[] => [
      label,
      ms(median(s.wall)),
      ms(Math.min(...s.wall)),
      s.cpu.length ? ms(median(s.cpu)) : "n/a",
      s.mb.length ? `${mb(median(s.mb))} (max ${mb(maxOf(s.mb))})` : "n/a",
    ];
    const warm = (label: string, xs: readonly number[]): string[] => [
      label,
      ms(median(xs)),
      ms(Math.min(...xs)),
      "",
      "",
    ];
    const table = formatTable(
      ["process / measure", "median", "min", "CPU", "peak memory (max RSS)"],
      [
        row(
          `bureau-stats check, whole process (${processRuns} runs, exit ${[...new Set(whole.statuses)].join("/")})`,
          whole
        ),
        row(`  stage process: Node start + bundle loaded (${stageRuns} runs)`, stages.start),
        row("  stage process: … + .xlsx read", stages.read),
        row("  stage process: … + validate, compare, draft", stages.analyze),
        row(
          `bureau-stats check, an error in every row: report of ${rows.toLocaleString("en-US")} issues (${errorRuns} runs, exit ${[...new Set(bad.statuses)].join("/")})`,
          bad
        ),
        warm(`read alone, warm, in one process (${warmRuns} runs; zlib, as the CLI)`, c.readMs),
        warm("read alone, warm (fflate inflate, as the browser page)", c.readFflateMs),
        warm("validate + compare + draft, warm", c.analyzeMs),
      ]
    );
    const share = (a: Series, b: Series) =>
      Math.round((100 * Math.max(0, median(a.cpu) - median(b.cpu))) / median(whole.cpu));
    const text = [
      `  file: ${rows.toLocaleString("en-US")} data rows of 表1 (${c.cells.toLocaleString("en-US")} non-blank cells), ` +
        `${(bytes.length / 1048576).toFixed(1)} MB .xlsx; ${loadLine()}`,
      "",
      table,
      "",
      whole.cpu.length && stages.start.cpu.length
        ? `  share of the whole process's CPU time (stage differences, medians): Node start + bundle ${Math.round((100 * median(stages.start.cpu)) / median(whole.cpu))}%, ` +
          `reading the .xlsx ${share(stages.read, stages.start)}%, validate + compare + draft ${share(stages.analyze, stages.read)}%, ` +
          `printing the report ${share(whole, stages.analyze)}%`
        : "  (no /usr/bin/time: no CPU times, no shares)",
    ].join("\n");
    return {
      text,
      targets: [
        {
          part: "cli",
          what: `bureau-stats check, ${rows / 1000}k-row .xlsx, whole process median (min ${ms(Math.min(...whole.wall))})`,
          figure: ms(wallMedian),
          limit: `≤ ${TARGET_MS} ms`,
          met: wallMedian <= TARGET_MS,
        },
        {
          part: "cli",
          what: `bureau-stats check, ${rows / 1000}k-row .xlsx, peak memory (max RSS, worst run)`,
          figure: mb(peak),
          limit: `≤ ${TARGET_MB} MB`,
          met: peak === undefined ? undefined : peak <= TARGET_MB,
        },
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child" && process.argv[3])
  childMain(process.argv[3], Number(process.argv[4] ?? SIZES.warmRuns));
else if (require.main === module) void runCliBench().then((r) => console.log(r.text));
