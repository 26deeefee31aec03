/**
 * Office host on the fake Excel: for workbooks of 1k, 100k and 1M cells, the number of
 * `context.sync()` calls of `readWorkbook` and the largest request and response (JSON, UTF-8
 * bytes, as measured by test/fakes/fake-excel.ts), plus the time (median of 3; fake latency 0, so
 * this is the host's own cost, not Excel's). Also marking 1,000 issue cells. Quick (`--quick`):
 * 1k and 100k cells (one chunked read), 20k cells of text, one run each.
 *
 *   npx tsx bench/office.ts        (or through `npm run bench -- office`)
 */
import { createOfficeHost, READ_LIMITS } from "../src/hosts/office";
import { installFakeOffice, generatedSheet, type FakeSheetSpec } from "../test/fakes/fake-excel";
import type { Issue } from "../src/core/issues";
import { a1 } from "../src/core/model";
import { FULL, type BenchOptions } from "./options";
import { formatTable, median, ms, type BenchReport, type Target } from "./report";

export interface OfficeBenchRow {
  readonly label: string;
  readonly cells: number;
  readonly syncs: number;
  readonly maxRequestBytes: number;
  readonly maxResponseBytes: number;
  readonly medianMs: number;
}

const LIMIT = 4 * 1024 * 1024;

async function measure(
  label: string,
  cells: number,
  sheets: FakeSheetSpec[],
  action: (host: ReturnType<typeof createOfficeHost>) => Promise<unknown>,
  runs = 3
): Promise<OfficeBenchRow> {
  const times: number[] = [];
  let row: OfficeBenchRow | undefined;
  for (let i = 0; i < runs; i++) {
    const fake = installFakeOffice(globalThis, { sheets });
    try {
      const host = createOfficeHost();
      const t0 = performance.now();
      await action(host);
      times.push(performance.now() - t0);
      row = {
        label,
        cells,
        syncs: fake.stats.syncs,
        maxRequestBytes: fake.stats.maxRequestBytes,
        maxResponseBytes: fake.stats.maxResponseBytes,
        medianMs: 0,
      };
    } finally {
      fake.uninstall();
    }
  }
  return { ...row!, medianMs: median(times) };
}

/** `n` issues on 表1 (a third errors), 8 cells a row from row 4: what the mark benches paint. */
export function benchIssues(n: number): Issue[] {
  return Array.from({ length: n }, (_, i) => ({
    rule: "G-02",
    code: "bench",
    severity: i % 3 ? "warning" : "error",
    sheet: "表1",
    cell: a1(3 + (i >> 3), i & 7),
    explained: false,
  }));
}

/** Rows of the generated 10-column sheets read (1k, 100k, 1M cells), of the text sheets. */
const READ_ROWS = [100, 10_000, 100_000];
const TEXT_ROWS = [2_000, 20_000];

/** The figures; each workbook is one sheet of 10 columns (text first, integers after). */
export async function benchOffice(options: BenchOptions = FULL): Promise<OfficeBenchRow[]> {
  const runs = options.quick ? 1 : 3;
  const rows: OfficeBenchRow[] = [];
  for (const r of options.quick ? READ_ROWS.slice(0, 2) : READ_ROWS) {
    const sheets = [generatedSheet("表1", r, 10)];
    rows.push(
      await measure(
        `read ${cellCount(r * 10)} cells`,
        r * 10,
        sheets,
        (h) => h.readWorkbook(),
        runs
      )
    );
  }
  const text = "某某市某某区某某街道第一中心小学党支部".repeat(2); // 40 CJK characters per cell
  for (const r of options.quick ? TEXT_ROWS.slice(0, 1) : TEXT_ROWS) {
    const heavy: FakeSheetSpec = {
      name: "长文本",
      values: Array.from({ length: r }, (_, i) =>
        Array.from({ length: 10 }, (_, c) => `${i}${c}${text}`)
      ),
    };
    const cells = r * 10;
    rows.push(
      await measure(
        `read ${cells / 1000}k cells of 40-char text`,
        cells,
        [heavy],
        (h) => h.readWorkbook(),
        runs
      )
    );
  }
  const issues = benchIssues(1_000);
  rows.push(
    await measure(
      "mark 1,000 cells + clear",
      1_000,
      [generatedSheet("表1", 200, 10)],
      async (h) => {
        await h.markIssues?.(issues);
        await h.clearMarks?.();
      },
      runs
    )
  );
  return rows;
}

/**
 * A cell count as the labels print it.
 * @example cellCount(1_000) // "1k"
 * @example cellCount(1_000_000) // "1M"
 */
export function cellCount(n: number): string {
  return n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1000}k`;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The printed table and the targets it measures. */
export function formatOfficeBench(rows: readonly OfficeBenchRow[]): BenchReport {
  const body = rows.map((r) => [
    r.label,
    r.cells.toLocaleString("en-US"),
    String(r.syncs),
    kb(r.maxRequestBytes),
    kb(r.maxResponseBytes),
    ms(r.medianMs),
  ]);
  const worst = Math.max(...rows.map((r) => Math.max(r.maxRequestBytes, r.maxResponseBytes)));
  const small = rows.filter(
    (r) => r.label.startsWith("read") && r.cells <= READ_LIMITS.chunkThresholdCells
  );
  const threshold = READ_LIMITS.chunkThresholdCells.toLocaleString("en-US");
  const text = [
    `  readWorkbook on the fake Excel (latency 0: the time is the host's own cost, median of 3); chunk threshold ${threshold} cells`,
    "",
    formatTable(["case", "cells", "syncs", "largest request", "largest response", "median"], body),
  ].join("\n");
  const targets: Target[] = [
    {
      part: "office",
      what: `context.sync() calls below the chunk threshold (${threshold} cells), most`,
      figure: String(Math.max(0, ...small.map((r) => r.syncs))),
      limit: "≤ 2",
      met: small.length > 0 ? small.every((r) => r.syncs <= 2) : undefined,
    },
    {
      part: "office",
      what: "largest request or response at any size (1k…1M cells)",
      figure: kb(worst),
      limit: "≤ 4096.0 KB",
      met: worst <= LIMIT,
    },
  ];
  return { text, targets };
}

/** For bench/run.ts. */
export async function runOfficeBench(options: BenchOptions = FULL): Promise<BenchReport> {
  return formatOfficeBench(await benchOffice(options));
}

if (process.argv[1]?.endsWith("office.ts")) {
  void runOfficeBench().then((r) => console.log(r.text));
}
