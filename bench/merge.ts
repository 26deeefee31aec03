/**
 * 汇总 benchmark: `bureau-stats merge` on 500 unit workbooks of four tables each, as a
 * whole process (time, peak RSS), beside the same on 50 files — memory bounded by the largest
 * file rather than the sum shows as the same peak for 50 and 500 files. Then the browser page
 * merging 50 files in its worker: the time, and the largest gap between two progress updates the
 * user sees (target ≤ 200 ms), measured in the page with a MutationObserver.
 *
 * The unit files are the sample set's 02 江苏省昆山中学.xlsx with the unit renamed (`单位0001` …),
 * written by the merge's own .xlsx writer. The page's report is waited for by its test id
 * (`merge-outcome`), not by its wording. Quick (`--quick`): 20 and 5 files, the page on 5, one run.
 *
 *   npm run bench -- merge
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { CellValue, SheetModel } from "../src/core/model";
import { readXlsx } from "../src/hosts/xlsx/read";
import { UnitMerge } from "../src/core/merge";
import { writeSheets } from "../src/hosts/xlsx/write-sheets";
import { ensureBundle, timeProcess } from "./cli";
import { FULL, type BenchOptions } from "./options";
import { formatTable, loadLine, median, ms, type BenchReport, type Target } from "./report";

const ROOT = path.join(__dirname, "..");
const SAMPLE_UNIT = path.join(ROOT, "assets", "samples", "units", "02 江苏省昆山中学.xlsx");
const SAMPLE_NAME = "江苏省昆山中学";
/** Unit files merged by the command line (and the smaller set beside it), by the browser page; runs. */
const SIZES = { cli: 500, small: 50, browser: 50, runs: 3 };
/** The quick run's (`npm run bench -- --quick`): only that it still runs. */
const QUICK_SIZES: typeof SIZES = { cli: 20, small: 5, browser: 5, runs: 1 };
const TARGET_MS = 5000;
const TARGET_GAP_MS = 200;

/** The sample unit's workbook renamed for unit `name`. */
function unitFile(sheets: readonly SheetModel[], name: string): Uint8Array {
  const rename = (v: CellValue): CellValue =>
    typeof v === "string" ? v.split(SAMPLE_NAME).join(name) : v;
  return writeSheets(
    sheets.map((s) => ({
      sheet: { ...s, values: s.values.map((r) => r.map(rename)) },
      boldRows: [2],
    })),
    new Date(2014, 0, 15)
  );
}

/** Writes `n` unit files and the unit list into a fresh folder; returns the folder. */
function makeUnits(dir: string, n: number): { folder: string; list: string; bytes: number } {
  const sheets = readXlsx(new Uint8Array(readFileSync(SAMPLE_UNIT))).sheets;
  const folder = path.join(dir, `units-${n}`);
  mkdirSync(folder, { recursive: true });
  const names: string[] = [];
  let bytes = 0;
  for (let i = 1; i <= n; i++) {
    const name = `单位${String(i).padStart(4, "0")}`;
    names.push(name);
    const b = unitFile(sheets, name);
    bytes += b.length;
    writeFileSync(path.join(folder, `${name}.xlsx`), b);
  }
  const list = path.join(dir, `名单-${n}.txt`);
  writeFileSync(list, ["单位名称", ...names].join("\n"));
  return { folder, list, bytes };
}

/**
 * In a child with --expose-gc: the files of `folder` merged one at a time as the CLI does; the heap
 * still used after a full GC (what the merge keeps: the merged rows) and the largest file's size.
 */
function retainedChild(folder: string): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with --expose-gc");
  gc();
  const before = process.memoryUsage().heapUsed;
  const c = new UnitMerge();
  let largest = 0;
  for (const f of readdirSync(folder).sort()) {
    const bytes = new Uint8Array(readFileSync(path.join(folder, f)));
    largest = Math.max(largest, bytes.length);
    c.add(f, readXlsx(bytes));
  }
  gc();
  gc();
  const kept = process.memoryUsage().heapUsed - before;
  process.stdout.write(
    JSON.stringify({
      kept,
      largest,
      rows: c.finish().tables.reduce((n, t) => n + t.rows.length, 0),
    })
  );
}

function retained(folder: string): { kept: number; largest: number; rows: number } {
  const r = spawnSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", __filename, "--retained", folder],
    {
      cwd: ROOT,
      encoding: "utf8",
    }
  );
  if (r.status !== 0) throw new Error(`retained-heap child failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as { kept: number; largest: number; rows: number };
}

interface CliFigures {
  readonly files: number;
  readonly wall: number[];
  readonly cpu: number[];
  readonly mb: number[];
  readonly statuses: (number | null)[];
  readonly bytes: number;
  readonly kept: { kept: number; largest: number; rows: number };
}

function benchCli(dir: string, n: number, runs: number): CliFigures {
  const { folder, list, bytes } = makeUnits(dir, n);
  const out: CliFigures = {
    files: n,
    wall: [],
    cpu: [],
    mb: [],
    statuses: [],
    bytes,
    kept: retained(folder),
  };
  for (let r = 0; r < runs; r++) {
    const target = path.join(dir, `汇总-${n}-${r}.xlsx`);
    const f = timeProcess([
      path.join(ROOT, "dist", "cli.js"),
      "merge",
      folder,
      "--units",
      list,
      "-o",
      target,
    ]);
    out.wall.push(f.ms);
    if (f.cpuMs !== undefined) out.cpu.push(f.cpuMs);
    if (f.mb !== undefined) out.mb.push(f.mb);
    out.statuses.push(f.status);
  }
  return out;
}

interface BrowserFigures {
  readonly ms: number;
  readonly updates: number;
  readonly maxGap: number;
}

/** The browser page merging `n` files: time to the report and the largest gap between progress updates. */
async function benchBrowser(dir: string, n: number): Promise<BrowserFigures | string> {
  const { chromiumAvailable, launchChromium } = await import("../test/e2e/chromium");
  if (!chromiumAvailable()) return "chromium not available";
  const { ensureBuilt } = await import("../test/e2e/build");
  const { serveStatic } = await import("../test/e2e/serve");
  const { folder } = makeUnits(dir, n);
  const files = Array.from({ length: n }, (_, i) =>
    path.join(folder, `单位${String(i + 1).padStart(4, "0")}.xlsx`)
  );
  const built = await ensureBuilt();
  const server = await serveStatic(built);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
    await page.goto(server.url + "index.html");
    await page.getByRole("tab", { name: "汇总" }).click();
    await page.getByTestId("merge-files").setInputFiles(files);
    // every change the user sees: the progress bar's value, then the report (its outcome notice)
    await page.evaluate(() => {
      const w = window as unknown as { __ticks: number[] };
      w.__ticks = [];
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="merge-progress"]');
        const v =
          bar?.getAttribute("data-done") ??
          (document.querySelector('[data-testid="merge-outcome"]') ? "done" : "");
        const last = (window as unknown as { __last?: string }).__last;
        if (v !== last) {
          (window as unknown as { __last?: string }).__last = v;
          w.__ticks.push(performance.now());
        }
      }).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
    const start = await page.evaluate(() => performance.now());
    await page.getByRole("button", { name: "开始合并" }).click();
    await page
      .getByTestId("merge-outcome")
      .waitFor({ timeout: 120_000 })
      .catch(async (e: unknown) => {
        // say what the page showed instead of the report: the cause is usually there
        const shown = (await page.locator("body").innerText()).replace(/\s+/g, " ").slice(0, 400);
        const what = e instanceof Error ? (e.message.split("\n")[0] ?? "") : String(e);
        throw new Error(`${what}; the page shows: ${shown}`);
      });
    const ticks = await page.evaluate(() => (window as unknown as { __ticks: number[] }).__ticks);
    const times = [start, ...ticks];
    let maxGap = 0;
    for (let i = 1; i < times.length; i++)
      maxGap = Math.max(maxGap, (times[i] ?? 0) - (times[i - 1] ?? 0));
    return { ms: (ticks[ticks.length - 1] ?? start) - start, updates: ticks.length, maxGap };
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function runMergeBench(options: BenchOptions = FULL): Promise<BenchReport> {
  const sizes = options.quick ? QUICK_SIZES : SIZES;
  ensureBundle();
  const dir = path.join(os.tmpdir(), `bureau-stats-merge-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  try {
    const big = benchCli(dir, sizes.cli, sizes.runs);
    const small = benchCli(dir, sizes.small, sizes.runs);
    const browser = await benchBrowser(dir, sizes.browser);
    const row = (f: CliFigures): string[] => [
      `${f.files} files (${(f.bytes / 1024 / 1024).toFixed(1)} MB)`,
      ms(median(f.wall)),
      ms(Math.min(...f.wall)),
      f.cpu.length ? ms(median(f.cpu)) : "n/a",
      f.mb.length ? `${Math.round(Math.max(...f.mb))} MB` : "n/a",
      `${(f.kept.kept / 1024 / 1024).toFixed(1)} MB (${f.kept.rows} rows)`,
      [...new Set(f.statuses)].join(","),
    ];
    const text = [
      loadLine(),
      "bureau-stats merge <folder> --units <list> -o <new file> (whole process, median of " +
        sizes.runs +
        ")",
      formatTable(
        ["unit files", "median", "min", "CPU", "peak RSS", "heap kept after GC", "exit"],
        [row(big), row(small)]
      ),
      "  heap kept: what stays in memory once every file is merged (the merged rows); each file's bytes and model are released after it is merged",
      typeof browser === "string"
        ? `browser page: ${browser}`
        : `browser page, ${sizes.browser} files in the worker: ${ms(browser.ms)} to the report, ${browser.updates} updates, largest gap between progress updates ${ms(browser.maxGap)}`,
    ].join("\n");
    const peak = (f: CliFigures) => (f.mb.length ? Math.max(...f.mb) : undefined);
    const targets: Target[] = [
      {
        part: "merge",
        what: `merge ${sizes.cli} unit files, whole process median (min ${ms(Math.min(...big.wall))})`,
        figure: ms(median(big.wall)),
        limit: `≤ ${TARGET_MS} ms`,
        met: median(big.wall) <= TARGET_MS,
      },
      {
        part: "merge",
        what: `heap kept after merging ${sizes.cli} files (peak RSS ${Math.round(peak(big) ?? 0)} MB)`,
        figure: `${(big.kept.kept / 1024 / 1024).toFixed(1)} MB`,
        limit: `≤ 2 KB × ${big.kept.rows} rows`,
        met: big.kept.kept <= big.kept.rows * 2048,
      },
      {
        part: "merge",
        what: `browser page, ${sizes.browser} files: largest gap between progress updates`,
        figure: typeof browser === "string" ? "n/a" : ms(browser.maxGap),
        limit: `≤ ${TARGET_GAP_MS} ms`,
        met: typeof browser === "string" ? undefined : browser.maxGap <= TARGET_GAP_MS,
      },
    ];
    return { text, targets };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const at = process.argv.indexOf("--retained");
  if (at >= 0) retainedChild(process.argv[at + 1] ?? "");
  else void runMergeBench().then((r) => console.log(r.text));
}
