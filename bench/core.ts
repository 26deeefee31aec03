/**
 * Core validation benchmark (issue 2): validates generated 表1 sheets of 10,000, 100,000 and
 * 1,000,000 data rows and prints cells per second, peak memory and the 1M/100k cost ratio.
 *
 * Each size runs in its own child process (`node --expose-gc --import tsx bench/core.ts --child N R`)
 * so peak memory (the child's max RSS) is that size's alone. A child generates the sheet (not
 * timed), then validates it R times and reports every run's time; the parent prints medians.
 *
 *   npx tsx bench/core.ts           (or through `npm run bench`, see bench/run.ts)
 */
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { CellValue, WorkbookModel } from "../src/core/model";
import { validateWorkbook } from "../src/core/validate";
import { TEMPLATES } from "../src/core/templates";

const SIZES: ReadonlyArray<readonly [rows: number, runs: number]> = [
  [10_000, 9],
  [100_000, 7],
  [1_000_000, 3],
];

const TYPES = ["机关", "高中", "中职", "初中", "小学", "幼儿园", "其他"] as const;

/**
 * A 表1 workbook with `rows` valid data rows and a correct 合计 row (11 columns per row).
 * @example generateT1(10).sheets[0]?.values.length // 14 (title, labels, header, 10 rows, 合计)
 */
export function generateT1(rows: number): WorkbookModel {
  const t1 = TEMPLATES.find((t) => t.id === "T1");
  if (!t1) throw new Error("T1 missing");
  const values: CellValue[][] = [
    [t1.title],
    ["填报单位", "某市教育局", "统计年度", 2013, "填报人", "张三", "填报日期", "2014-01-10"],
    t1.columns.map((c) => c.header),
  ];
  const sums = new Array<number>(8).fill(0);
  for (let i = 0; i < rows; i++) {
    const type = TYPES[i % TYPES.length] ?? "其他";
    const minor = type === "初中" || type === "小学" || type === "幼儿园" || type === "机关";
    const staff = i % 4;
    const students = minor ? 0 : i % 3;
    const members = 20 + (i % 50);
    const row = [members, 5 + (i % 20), staff + students, staff, students, i % 5, i % 7, i % 10];
    row.forEach((v, k) => (sums[k] = (sums[k] ?? 0) + v));
    values.push([`单位${i}`, type, ...row, i % 100 === 0 ? "新成立" : null]);
  }
  values.push(["合计", null, ...sums, null]);
  return { sheets: [{ name: "2013表1", values }] };
}

export interface SizeResult {
  readonly rows: number;
  readonly cells: number;
  readonly runsMs: readonly number[];
  readonly medianMs: number;
  readonly minMs: number;
  /** Median CPU time (user + system) of a run: less sensitive to other work on the machine. */
  readonly cpuMedianMs: number;
  /** Max RSS of the child process (generation + validation), MB. */
  readonly peakMb: number;
  /** RSS after generating the sheet, before validating, MB. */
  readonly modelMb: number;
  readonly issues: number;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

function child(rows: number, runs: number): void {
  // warm up the JIT on a small sheet first (not timed): the figures are for the steady state
  const warm = generateT1(2_000);
  for (let i = 0; i < 30; i++) validateWorkbook(warm);
  const wb = generateT1(rows);
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const modelMb = process.memoryUsage().rss / 2 ** 20;
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  let issues = 0;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const result = validateWorkbook(wb);
    runsMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
    issues = result.issues.length;
    gc?.();
  }
  const cells = (wb.sheets[0]?.values ?? []).reduce((n, r) => n + r.length, 0);
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const out: SizeResult = {
    rows,
    cells,
    runsMs,
    medianMs: median(runsMs),
    minMs: Math.min(...runsMs),
    cpuMedianMs: median(cpuMs),
    peakMb,
    modelMb,
    issues,
  };
  process.stdout.write(JSON.stringify(out));
}

/** Runs every size in its own process and returns the results. */
export function benchCore(sizes = SIZES): SizeResult[] {
  const self = fileURLToPath(import.meta.url);
  return sizes.map(([rows, runs]) => {
    const p = spawnSync(
      process.execPath,
      ["--expose-gc", "--import", "tsx", self, "--child", String(rows), String(runs)],
      {
        encoding: "utf8",
        maxBuffer: 1 << 20,
      }
    );
    if (p.status !== 0) throw new Error(`bench child ${rows} failed: ${p.stderr}`);
    return JSON.parse(p.stdout) as SizeResult;
  });
}

export function formatCoreBench(results: readonly SizeResult[]): string {
  const table = [
    ["rows", "cells", "median ms", "min ms", "CPU ms", "cells/s", "peak MB", "model MB"],
    ...results.map((r) => [
      String(r.rows),
      String(r.cells),
      r.medianMs.toFixed(1),
      r.minMs.toFixed(1),
      r.cpuMedianMs.toFixed(1),
      Math.round(r.cells / (r.medianMs / 1000)).toLocaleString("en-US"),
      r.peakMb.toFixed(0),
      r.modelMb.toFixed(0),
    ]),
  ];
  const widths = [9, 10, 10, 8, 8, 12, 8, 9];
  const line = (cells: string[]) =>
    "  " + cells.map((c, i) => c.padStart(widths[i] ?? 8)).join(" ");
  const lines = [
    "core: validateWorkbook on a generated 表1 (11 columns), each size in its own process, JIT warmed up",
    `  machine load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ")} on ${os.cpus().length} CPUs (other work on the machine slows the figures)`,
    ...table.map(line),
    ...results.map(
      (r) => `  runs of ${r.rows} rows (ms): ${r.runsMs.map((t) => t.toFixed(0)).join(", ")}`
    ),
  ];
  const k100 = results.find((r) => r.rows === 100_000);
  const m1 = results.find((r) => r.rows === 1_000_000);
  if (k100 && m1) {
    lines.push(
      `  1M/100k time ratio: ${(m1.medianMs / k100.medianMs).toFixed(2)}× (target ≤ 12×); ` +
        `100k rows: ${k100.medianMs.toFixed(0)} ms (target ≤ 1000 ms), peak ${k100.peakMb.toFixed(0)} MB (target ≤ 500 MB)`
    );
  }
  lines.push(
    "  median/min = wall time of a run; CPU ms = median CPU time of a run (user + system, GC included);",
    "  cells/s from the median; peak MB = the child's max RSS (sheet model + validation); " +
      "model MB = RSS with the sheet built, before validating"
  );
  return lines.join("\n");
}

/** For bench/run.ts. */
export async function runCoreBench(): Promise<string> {
  return formatCoreBench(benchCore());
}

const argv = process.argv;
if (argv[1] && import.meta.url === pathToFileURL(path.resolve(argv[1])).href) {
  if (argv[2] === "--child") child(Number(argv[3]), Number(argv[4]));
  else void runCoreBench().then((s) => console.log(s));
}
