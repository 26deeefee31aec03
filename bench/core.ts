/**
 * Core benchmark: the whole core path — `analyzeWorkbook`, i.e. validation,
 * year-on-year comparison, drafting and rendering the text and HTML — on generated workbooks of
 * 1,000, 10,000, 100,000 and 1,000,000 data rows of 表1, with cells per second, peak memory and
 * the cost ratio between successive sizes (linear growth: about 10× per 10× cells).
 *
 * The workbook is realistic: this year's 表1 of N generated rows (11 columns, consistent rows, a
 * right 合计 row, some 备注), this year's 表2…表4 and last year's four sheets as in the clean
 * sample (assets/samples/bureau-stats-2013.xlsx), so the cross-year rules, the comparison and
 * the drafted paragraphs all run.
 *
 * Each size runs in its own child process (`node --expose-gc --import tsx bench/core.ts --child N
 * R W`), so its peak memory (the child's max RSS: the workbook model + the analysis) is its own. A
 * child builds the workbook (not timed), warms the JIT up (a small workbook, then the measured one
 * for W ms — 1.5 s — and at least 3 runs), then analyses it R times (GC between runs); the parent
 * prints medians and minima. Validation alone is timed the same way, so the share of comparison +
 * drafting shows. Quick (`--quick`): 1,000 and 10,000 rows, 3 runs, 0.1 s of warm-up.
 *
 *   npx tsx bench/core.ts           (or `npm run bench -- core`, see bench/run.ts)
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { analyzeWorkbook } from "../src/core/analyze";
import type { CellValue, SheetModel, WorkbookModel } from "../src/core/model";
import { BUILTIN_DEFINITIONS } from "../src/core/definitions";
import { validateWorkbook } from "../src/core/validate";
import { readXlsx } from "../src/hosts/xlsx/read";
import { FULL, type BenchOptions } from "./options";
import { formatTable, loadLine, median, ms, type BenchReport, type Target } from "./report";

export { median };

const SIZES: ReadonlyArray<readonly [rows: number, runs: number]> = [
  [1_000, 21],
  [10_000, 15],
  [100_000, 11],
  [1_000_000, 7],
];

/** The quick run's sizes (`npm run bench -- --quick`): only that it still runs. */
const QUICK_SIZES: typeof SIZES = [
  [1_000, 3],
  [10_000, 3],
];
const QUICK_WARM_MS = 100;

/** Pause before each timed run (see `settle`), ms. */
const SETTLE_MS = 100;
/** Warm-up on the measured workbook (besides the small one), ms. */
const WARM_MS = 1500;
/** The target's size: the 100,000-row workbook holds about 1.1 M cells. */
const TARGET_ROWS = 100_000;
const TARGET_MS = 500;
const TARGET_MB = 400;
/** Linear growth: a size's cost per cell at most this many times the previous size's. */
const LINEAR_SLACK = 1.2;

const SAMPLE = path.join(__dirname, "..", "assets", "samples", "bureau-stats-2013.xlsx");
/** 表1 单位类型 choices, as the template defines them. */
const TYPES: readonly string[] =
  BUILTIN_DEFINITIONS.find((t) => t.id === "T1")?.columns.find((c) => c.header === "单位类型")
    ?.allowed ?? [];

/**
 * A 表1 sheet of `year` with `rows` consistent data rows and a right 合计 row (11 columns).
 * @example generateT1Sheet(10, 2013).values.length // 14 (title, labels, header, 10 rows, 合计)
 */
export function generateT1Sheet(rows: number, year: number): SheetModel {
  const t1 = BUILTIN_DEFINITIONS.find((t) => t.id === "T1");
  if (!t1) throw new Error("T1 missing");
  const values: CellValue[][] = [
    [`${t1.title}（${year}年）`],
    ["填报单位", "某市教育局", "统计年度", year, "填报人", "张三", "填报日期", "2014-01-10"],
    t1.columns.map((c) => c.header),
  ];
  const sums = new Array<number>(8).fill(0);
  for (let i = 0; i < rows; i++) {
    const type = TYPES[i % TYPES.length] ?? "其他";
    const minor = type === "初中" || type === "小学" || type === "幼儿园" || type === "机关";
    const staff = i % 4;
    const students = minor ? 0 : i % 3;
    const row = [
      20 + (i % 50),
      5 + (i % 20),
      staff + students,
      staff,
      students,
      i % 5,
      i % 7,
      i % 10,
    ];
    for (let k = 0; k < 8; k++) sums[k] = (sums[k] ?? 0) + (row[k] ?? 0);
    values.push([`单位${i}`, type, ...row, i % 100 === 0 ? "新成立" : null]);
  }
  values.push(["合计", null, ...sums, null]);
  return { name: `表1 党员发展 ${year}`, values };
}

/**
 * The benchmark workbook: the clean sample with this year's 表1 replaced by `rows` generated rows.
 * @example generateWorkbook(1000).sheets.length // 8 (表1…表4 of 2013 and of 2012)
 */
export function generateWorkbook(rows: number, sample = readSample()): WorkbookModel {
  const sheets = sample.sheets.map((s) =>
    s.name.startsWith("表1") && s.name.endsWith("2013") ? generateT1Sheet(rows, 2013) : s
  );
  return { sheets };
}

function readSample(): WorkbookModel {
  return readXlsx(new Uint8Array(readFileSync(SAMPLE)));
}

function countCells(wb: WorkbookModel): number {
  let n = 0;
  for (const s of wb.sheets) for (const r of s.values) n += r.length;
  return n;
}

export interface SizeResult {
  readonly rows: number;
  /** Cells of the whole workbook (every sheet, as the model holds them). */
  readonly cells: number;
  /** analyzeWorkbook: wall time of each run, ms. */
  readonly runsMs: readonly number[];
  /** analyzeWorkbook: CPU time (user + system) of each run, ms. */
  readonly cpuMs: readonly number[];
  /** validateWorkbook alone: wall time of each run, ms. */
  readonly validateMs: readonly number[];
  /** Max RSS of the child process (workbook model + analysis), MB. */
  readonly peakMb: number;
  /** RSS before the timed runs (workbook built, warm-up done, after a GC), MB. */
  readonly modelMb: number;
  readonly issues: number;
  readonly comparisons: number;
  readonly draftChars: number;
}

/**
 * Lets the engine's background threads (concurrent sweeping after a GC, optimising compiles)
 * finish before a timed run, so they do not run during it: the main thread sleeps briefly.
 */
function settle(ms = SETTLE_MS): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function child(rows: number, runs: number, warmMs: number): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  const sample = readSample();
  // warm the JIT up on a small workbook first (not timed): the figures are for the steady state
  const warm = generateWorkbook(2_000, sample);
  for (let i = 0; i < (warmMs < WARM_MS ? 3 : 30); i++) analyzeWorkbook(warm);
  const wb = generateWorkbook(rows, sample);
  // then on the workbook itself for a while: the optimising compiler tiers up over the first
  // hundreds of runs of the small sizes (their first runs are 5× slower than the steady state)
  const until = performance.now() + warmMs;
  for (let n = 0; n < 3 || performance.now() < until; n++) analyzeWorkbook(wb);
  gc?.();
  settle();
  const modelMb = process.memoryUsage().rss / 2 ** 20;
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  const validateMs: number[] = [];
  let last: ReturnType<typeof analyzeWorkbook> | undefined;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    last = analyzeWorkbook(wb);
    runsMs.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
    gc?.();
    settle();
    const t1 = performance.now();
    validateWorkbook(wb);
    validateMs.push(performance.now() - t1);
    gc?.();
    settle();
  }
  const out: SizeResult = {
    rows,
    cells: countCells(wb),
    runsMs,
    cpuMs,
    validateMs,
    peakMb: process.resourceUsage().maxRSS / 1024,
    modelMb,
    issues: last?.issues.length ?? 0,
    comparisons: last?.comparisons.length ?? 0,
    draftChars: last?.draft.text.length ?? 0,
  };
  process.stdout.write(JSON.stringify(out));
}

/** Runs every size in its own process and returns the results. */
export function benchCore(sizes = SIZES, warmMs = WARM_MS): SizeResult[] {
  const self = fileURLToPath(import.meta.url);
  return sizes.map(([rows, runs]) => {
    const p = spawnSync(
      process.execPath,
      [
        "--expose-gc",
        "--import",
        "tsx",
        self,
        "--child",
        String(rows),
        String(runs),
        String(warmMs),
      ],
      { encoding: "utf8", maxBuffer: 1 << 20 }
    );
    if (p.status !== 0) throw new Error(`bench child ${rows} failed: ${p.stderr}`);
    return JSON.parse(p.stdout) as SizeResult;
  });
}

const perSecond = (cells: number, msValue: number) =>
  Math.round(cells / (msValue / 1000)).toLocaleString("en-US");

/** The printed table and the targets it measures. */
export function formatCoreBench(results: readonly SizeResult[]): BenchReport {
  const rows = results.map((r, i) => {
    const prev = i > 0 ? results[i - 1] : undefined;
    const m = median(r.runsMs);
    const ratio = prev ? m / median(prev.runsMs) : undefined;
    const cpuRatio = prev ? Math.min(...r.cpuMs) / Math.min(...prev.cpuMs) : undefined;
    const cellRatio = prev ? r.cells / prev.cells : undefined;
    return [
      r.rows.toLocaleString("en-US"),
      r.cells.toLocaleString("en-US"),
      ms(m),
      ms(Math.min(...r.runsMs)),
      ms(median(r.cpuMs)),
      ms(median(r.validateMs)),
      perSecond(r.cells, m),
      ratio === undefined || cpuRatio === undefined || cellRatio === undefined
        ? "—"
        : `${ratio.toFixed(1)}×, ${cpuRatio.toFixed(1)}× / ${cellRatio.toFixed(1)}×`,
      `${r.peakMb.toFixed(0)} MB`,
      `${r.modelMb.toFixed(0)} MB`,
    ];
  });
  const text = [
    "core: analyzeWorkbook (validate + compare + draft + render text/HTML) on a generated workbook:",
    "  this year's 表1 of N rows × 11 columns, 表2…表4 and last year's four sheets as in the clean sample;",
    `  each size in its own process, JIT warmed up; ${loadLine()}`,
    "",
    formatTable(
      [
        "表1 rows",
        "cells",
        "median",
        "min",
        "CPU",
        "validate only",
        "cells/s",
        "× time (median, min CPU) / × cells",
        "peak RSS",
        "model RSS",
      ],
      rows
    ),
    "",
    ...results.map(
      (r) =>
        `  ${r.rows.toLocaleString("en-US")} rows, runs (ms): ${r.runsMs.map((t) => t.toFixed(0)).join(", ")}` +
        `; ${r.issues} issues, ${r.comparisons} comparisons, ${r.draftChars} characters drafted`
    ),
    "  median/min: wall time of a whole analysis; CPU: its median CPU time (user + system, GC included),",
    "  less sensitive to other work on the machine; validate only: validateWorkbook alone (median);",
    "  × time / × cells: cost ratio to the previous size (of wall medians, of minimum CPU times) next to",
    "  its cell ratio (linear: equal; the minimum CPU time is the least disturbed by other work, the",
    "  target uses it);",
    "  peak RSS: the child's max RSS (model + analysis); model RSS: RSS before the timed runs (workbook built, GC done).",
  ].join("\n");
  return { text, targets: coreTargets(results) };
}

function coreTargets(results: readonly SizeResult[]): Target[] {
  const at = results.find((r) => r.rows === TARGET_ROWS);
  const targets: Target[] = [];
  if (at) {
    const m = median(at.runsMs);
    targets.push(
      {
        part: "core",
        what: `${(at.cells / 1e6).toFixed(2)}M cells validated+compared+drafted, median (min ${ms(Math.min(...at.runsMs))})`,
        figure: ms(m),
        limit: `≤ ${TARGET_MS} ms`,
        met: m <= TARGET_MS,
      },
      {
        part: "core",
        what: `${(at.cells / 1e6).toFixed(2)}M cells, peak memory (max RSS)`,
        figure: `${at.peakMb.toFixed(0)} MB`,
        limit: `≤ ${TARGET_MB} MB`,
        met: at.peakMb <= TARGET_MB,
      }
    );
  }
  const big = results.filter((r) => r.rows >= 10_000);
  const worst = big.slice(1).reduce<{ k: number; r?: SizeResult }>(
    (w, r, i) => {
      const prev = big[i];
      if (!prev) return w;
      const k = Math.min(...r.cpuMs) / Math.min(...prev.cpuMs) / (r.cells / prev.cells);
      return k > w.k ? { k, r } : w;
    },
    { k: 0 }
  );
  if (worst.r) {
    targets.push({
      part: "core",
      what: "linear growth from 10k rows: worst (min-CPU-time ratio ÷ cell ratio)",
      figure: `${worst.k.toFixed(2)} (at ${worst.r.rows.toLocaleString("en-US")} rows)`,
      limit: `≤ ${LINEAR_SLACK}`,
      met: worst.k <= LINEAR_SLACK,
    });
  }
  return targets;
}

/** For bench/run.ts. */
export async function runCoreBench(options: BenchOptions = FULL): Promise<BenchReport> {
  return formatCoreBench(
    options.quick ? benchCore(QUICK_SIZES, QUICK_WARM_MS) : benchCore(SIZES, WARM_MS)
  );
}

const argv = process.argv;
if (argv[1] && import.meta.url === pathToFileURL(path.resolve(argv[1])).href) {
  if (argv[2] === "--child") child(Number(argv[3]), Number(argv[4]), Number(argv[5]));
  else void runCoreBench().then((r) => console.log(r.text));
}
