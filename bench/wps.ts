/**
 * WPS host on the fake ET: for workbooks of 1k, 100k and 1M cells and a realistic
 * 100,000-row 表1 (title, frame, headers, number formats, 合计 — scripts/lib/big-workbook), the
 * number of synchronous ET calls `readWorkbook` makes — in all, `Value2` reads and `NumberFormat`
 * reads — beside the Office host's `context.sync()` count for the same workbook, and the host's
 * own time (median of 3; the fake's calls cost nothing, so ET's time is estimated apart at the
 * 0.2 ms a call WPS developers report). Also marking 1,000 issue cells and clearing them. Quick
 * (`--quick`): 1k and 100k cells and a 10,000-row 表1, one run each.
 *
 *   npx tsx bench/wps.ts        (or through `npm run bench -- wps`)
 */
import { createWpsHost, findEtApplication, ET_READ_LIMITS } from "../src/hosts/wps";
import { createOfficeHost } from "../src/hosts/office";
import { readXlsx } from "../src/hosts/xlsx/read";
import { makeBigTable1 } from "../scripts/lib/big-workbook";
import { installFakeEt } from "../test/fakes/fake-et";
import {
  installFakeOffice,
  generatedSheet,
  sheetsFromModel,
  type FakeSheetSpec,
} from "../test/fakes/fake-excel";
import { benchIssues, cellCount } from "./office";
import { FULL, type BenchOptions } from "./options";
import { formatTable, median, ms, type BenchReport, type Target } from "./report";

/** What a WPS developer may expect one ET call to cost (the issue's figure, not measured here). */
const MS_PER_CALL = 0.2;
/** The bound the 100,000-row 表1 read is held to. */
const CALL_LIMIT = 1_000;

export interface WpsBenchRow {
  readonly label: string;
  readonly cells: number;
  readonly calls: number;
  readonly value2: number;
  readonly numberFormat: number;
  readonly officeSyncs: number | undefined;
  readonly medianMs: number;
}

async function officeSyncs(sheets: FakeSheetSpec[]): Promise<number> {
  const fake = installFakeOffice(globalThis, { sheets });
  try {
    await createOfficeHost().readWorkbook();
    return fake.stats.syncs;
  } finally {
    fake.uninstall();
  }
}

async function measure(
  label: string,
  sheets: FakeSheetSpec[],
  action: (host: ReturnType<typeof createWpsHost>) => Promise<unknown>,
  compareOffice: boolean,
  runs = 3
): Promise<WpsBenchRow> {
  const times: number[] = [];
  let calls = 0;
  let byName: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    const fake = installFakeEt(globalThis, { sheets });
    try {
      const host = createWpsHost(findEtApplication(globalThis)!);
      const t0 = performance.now();
      await action(host);
      times.push(performance.now() - t0);
      calls = fake.stats.calls;
      byName = fake.stats.byName;
    } finally {
      fake.uninstall();
    }
  }
  const cells = sheets.reduce(
    (n, s) => n + (s.values ?? []).reduce((m, r) => m + (r?.length ?? 0), 0),
    0
  );
  return {
    label,
    cells,
    calls,
    value2: byName["Range.Value2"] ?? 0,
    numberFormat: byName["Range.NumberFormat"] ?? 0,
    officeSyncs: compareOffice ? await officeSyncs(sheets) : undefined,
    medianMs: median(times),
  };
}

/** Rows of the generated 10-column sheets read (1k, 100k, 1M cells), of the realistic 表1. */
const READ_ROWS = [100, 10_000, 100_000];
const TABLE1_ROWS = 100_000;

export async function benchWps(options: BenchOptions = FULL): Promise<WpsBenchRow[]> {
  const runs = options.quick ? 1 : 3;
  const rows: WpsBenchRow[] = [];
  for (const r of options.quick ? READ_ROWS.slice(0, 2) : READ_ROWS)
    rows.push(
      await measure(
        `read ${cellCount(r * 10)} cells`,
        [generatedSheet("表1", r, 10)],
        (h) => h.readWorkbook(),
        true,
        runs
      )
    );
  const t1Rows = options.quick ? TABLE1_ROWS / 10 : TABLE1_ROWS;
  const table1 = sheetsFromModel(readXlsx(makeBigTable1(t1Rows, 2013)));
  rows.push(
    await measure(
      `read a ${t1Rows.toLocaleString("en-US")}-row 表1 (formats, 合计)`,
      table1,
      (h) => h.readWorkbook(),
      true,
      runs
    )
  );
  const issues = benchIssues(1_000);
  rows.push(
    await measure(
      "mark 1,000 cells + clear",
      [generatedSheet("表1", 200, 10)],
      async (h) => {
        await h.markIssues?.(issues);
        await h.clearMarks?.();
      },
      false,
      runs
    )
  );
  return rows;
}

export function formatWpsBench(rows: readonly WpsBenchRow[]): BenchReport {
  const body = rows.map((r) => [
    r.label,
    r.cells.toLocaleString("en-US"),
    r.calls.toLocaleString("en-US"),
    String(r.value2),
    String(r.numberFormat),
    ms(r.calls * MS_PER_CALL),
    r.officeSyncs === undefined ? "—" : String(r.officeSyncs),
    ms(r.medianMs),
  ]);
  const table1 = rows.find((r) => r.label.includes("表1"));
  const text = [
    `  readWorkbook on the fake ET: synchronous ET calls (Value2 in chunks of ≤ ${ET_READ_LIMITS.chunkCells.toLocaleString("en-US")} cells, NumberFormat per column, halved where the column's formats differ),`,
    `  ET time estimated at ${MS_PER_CALL} ms a call; the Office host's context.sync() count for the same workbook beside it; time of the read on the fake (host and fake together), median of 3`,
    "",
    formatTable(
      [
        "case",
        "cells",
        "ET calls",
        "Value2",
        "NumberFormat",
        "ET time est.",
        "Office syncs",
        "median",
      ],
      body
    ),
  ].join("\n");
  const targets: Target[] = [
    {
      part: "wps",
      what: `ET calls to read ${table1 ? table1.label.replace(/^read /, "") : "表1"} (Office host: ${table1?.officeSyncs ?? "?"} syncs)`,
      figure: table1 ? table1.calls.toLocaleString("en-US") : "—",
      limit: `≤ ${CALL_LIMIT.toLocaleString("en-US")}`,
      met: table1 ? table1.calls <= CALL_LIMIT : undefined,
    },
  ];
  return { text, targets };
}

/** For bench/run.ts. */
export async function runWpsBench(options: BenchOptions = FULL): Promise<BenchReport> {
  return formatWpsBench(await benchWps(options));
}

if (process.argv[1]?.endsWith("wps.ts")) {
  void runWpsBench().then((r) => console.log(r.text));
}
