/**
 * Command-line benchmark (issues 4 and 6): `bureau-stats check` on a 100,000-row 表1 .xlsx as a
 * whole process (time and peak memory), and the same file read alone, so the share of parsing
 * is visible. Targets: whole process ≤ 1.5 s, ≤ 600 MB.
 *
 * The workbook is generated like Excel writes one (shared strings, styles, a SUM 合计 row) by
 * scripts/lib/big-workbook.ts. The whole process runs the built bundle (dist/cli.js, built first
 * when missing) under /usr/bin/time for its max RSS. "Read alone" runs in a child process: the
 * first (cold) read is what the command line pays; warm reads are the steady state.
 *
 *   npx tsx bench/cli.ts        (or `npm run bench -- cli`)
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { makeBigTable1 } from "../scripts/lib/big-workbook";
import { readXlsx } from "../src/hosts/xlsx/read";
import { analyzeWorkbook } from "../src/core/analyze";
import { median } from "./core";

const ROOT = path.join(__dirname, "..");
const ROWS = 100_000;
const PROCESS_RUNS = 7;
const READ_RUNS = 7;

interface ChildFigures {
  readonly coldReadMs: number;
  readonly coldReadCpuMs: number;
  readonly readMs: number[];
  readonly readFflateMs: number[];
  readonly coldAnalyzeMs: number;
  readonly analyzeMs: number[];
  readonly peakMb: number;
  readonly cells: number;
}

const nativeInflate = (d: Uint8Array): Uint8Array => {
  const out = inflateRawSync(d);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

function childMain(file: string): void {
  const bytes = new Uint8Array(readFileSync(file));
  const cpu0 = process.cpuUsage();
  let t = performance.now();
  const first = readXlsx(bytes, { inflateRaw: nativeInflate });
  const coldReadMs = performance.now() - t;
  const cpu = process.cpuUsage(cpu0);
  const coldReadCpuMs = (cpu.user + cpu.system) / 1000;
  t = performance.now();
  analyzeWorkbook(first);
  const coldAnalyzeMs = performance.now() - t;
  let cells = 0;
  for (const s of first.sheets)
    for (const r of s.values) for (const v of r) if (v !== undefined && v !== null) cells++;
  const readMs: number[] = [];
  const readFflateMs: number[] = [];
  const analyzeMs: number[] = [];
  for (let i = 0; i < READ_RUNS; i++) {
    t = performance.now();
    const wb = readXlsx(bytes, { inflateRaw: nativeInflate });
    readMs.push(performance.now() - t);
    t = performance.now();
    readXlsx(bytes);
    readFflateMs.push(performance.now() - t);
    t = performance.now();
    analyzeWorkbook(wb);
    analyzeMs.push(performance.now() - t);
  }
  const figures: ChildFigures = {
    coldReadMs,
    coldReadCpuMs,
    readMs,
    readFflateMs,
    coldAnalyzeMs,
    analyzeMs,
    peakMb: process.resourceUsage().maxRSS / 1024,
    cells,
  };
  process.stdout.write(JSON.stringify(figures));
}

function ensureBundle(): void {
  if (existsSync(path.join(ROOT, "dist", "cli.js"))) return;
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "webpack", "bin", "webpack.js"), "-c", "webpack.cli.js"],
    { cwd: ROOT, encoding: "utf8" }
  );
  if (r.status !== 0) throw new Error(`CLI build failed: ${r.stderr || r.stdout}`);
}

/** One whole `bureau-stats check` process: wall time (ms), CPU time (ms), max RSS (MB), exit status. */
function timeProcess(file: string): {
  ms: number;
  cpuMs: number | undefined;
  mb: number | undefined;
  status: number | null;
} {
  const bin = path.join(ROOT, "bin", "bureau-stats.js");
  const haveTime = existsSync("/usr/bin/time");
  const cmd = haveTime ? "/usr/bin/time" : process.execPath;
  const args = haveTime
    ? ["-f", "MAXRSS %M CPU %U %S", process.execPath, bin, "check", file]
    : [bin, "check", file];
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  const m = /MAXRSS (\d+) CPU ([\d.]+) ([\d.]+)/.exec(r.stderr ?? "");
  return {
    ms,
    cpuMs: m ? (Number(m[2]) + Number(m[3])) * 1000 : undefined,
    mb: m ? Number(m[1]) / 1024 : undefined,
    status: r.status,
  };
}

const fmt = (ms: number): string => `${Math.round(ms)} ms`;

/** Runs the benchmark and returns its printed table. */
export async function runCliBench(): Promise<string> {
  ensureBundle();
  const dir = mkdtempSync(path.join(os.tmpdir(), "bureau-stats-bench-"));
  try {
    const file = path.join(dir, `表1-${ROWS}.xlsx`);
    const bytes = makeBigTable1(ROWS, 2013);
    writeFileSync(file, bytes);
    timeProcess(file); // warm the file cache
    const runs = Array.from({ length: PROCESS_RUNS }, () => timeProcess(file));
    const statuses = [...new Set(runs.map((r) => r.status))];
    const mbs = runs.map((r) => r.mb).filter((x): x is number => x !== undefined);
    const cpus = runs.map((r) => r.cpuMs).filter((x): x is number => x !== undefined);
    const child = spawnSync(process.execPath, ["--import", "tsx", __filename, "--child", file], {
      cwd: ROOT,
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    if (child.status !== 0) throw new Error(`read child failed: ${child.stderr}`);
    const c = JSON.parse(child.stdout) as ChildFigures;
    const load = os.loadavg()[0]?.toFixed(2) ?? "?";
    const lines = [
      `  file: ${ROWS.toLocaleString("en-US")} data rows of 表1 (${c.cells.toLocaleString("en-US")} non-blank cells), ${(bytes.length / 1048576).toFixed(1)} MB .xlsx; machine load ${load} on ${os.cpus().length} CPUs`,
      "",
      "  measure                                          median      min        peak memory",
      `  bureau-stats check, whole process (${PROCESS_RUNS} runs)      ${fmt(median(runs.map((r) => r.ms))).padEnd(10)}  ${fmt(Math.min(...runs.map((r) => r.ms))).padEnd(10)} ${mbs.length ? `${Math.round(median(mbs))} MB (max ${Math.round(Math.max(...mbs))} MB)` : "n/a (no /usr/bin/time)"}   exit ${statuses.join("/")}`,
      `  bureau-stats check, CPU time (user + system)      ${cpus.length ? fmt(median(cpus)).padEnd(10) + "  " + fmt(Math.min(...cpus)) : "n/a"}   (what the process costs; wall time also waits for other work on the machine)`,
      `  read alone, first read in a fresh process        ${fmt(c.coldReadMs).padEnd(10)}  ${"".padEnd(10)} ${Math.round(c.peakMb)} MB (child, all runs); CPU ${fmt(c.coldReadCpuMs)}`,
      `  read alone, warm (zlib inflate, as the CLI)      ${fmt(median(c.readMs)).padEnd(10)}  ${fmt(Math.min(...c.readMs))}`,
      `  read alone, warm (fflate inflate, as the browser) ${fmt(median(c.readFflateMs)).padEnd(10)} ${fmt(Math.min(...c.readFflateMs))}`,
      `  validate + compare + draft, first run            ${fmt(c.coldAnalyzeMs)}`,
      `  validate + compare + draft, warm                 ${fmt(median(c.analyzeMs)).padEnd(10)}  ${fmt(Math.min(...c.analyzeMs))}`,
      "",
      `  targets: whole process ≤ 1500 ms and ≤ 600 MB → ${median(runs.map((r) => r.ms)) <= 1500 ? "met" : "MISSED"} / ${mbs.length && Math.max(...mbs) <= 600 ? "met" : mbs.length ? "MISSED" : "n/a"}`,
    ];
    return lines.join("\n");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === "--child" && process.argv[3]) childMain(process.argv[3]);
else if (require.main === module) void runCliBench().then((t) => console.log(t));
