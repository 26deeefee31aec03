/**
 * The Office host against the fake Excel (test/fakes/fake-excel.ts), which enforces
 * load-before-read and sync like the real one, counts syncs and measures every request and
 * response as JSON: sync counts, payload sizes, chunks, the survey's fallbacks and cancel. The
 * behaviour every host shares (types, formats, errors, selection, …) is in host-contract.test.ts.
 */
import { describe, expect, it } from "vitest";
import { useFakeOffice } from "./office-fixture";
import { createOfficeHost, READ_LIMITS } from "../../src/hosts/office";
import { generatedSheet } from "../fakes/fake-excel";
import type { WorkbookModel } from "../../src/core/model";

const MB4 = 4 * 1024 * 1024;
const install = useFakeOffice();

const cell = (wb: WorkbookModel, sheet: number, r: number, c: number) =>
  wb.sheets[sheet]?.values[r]?.[c];

describe("readWorkbook below the chunk threshold", () => {
  it("reads every sheet in 2 syncs and writes nothing", async () => {
    const f = install({
      sheets: [
        { ...generatedSheet("表1 党员发展 2013", 5, 5), formats: [[], [], [], ["@", "0", "0", "yyyy-mm-dd"]] },
        { name: "空表" },
        { name: "偏移", values: [[], [], [null, null, "x"], [null, 7]], visibility: "Hidden" },
      ],
    });
    const wb = await createOfficeHost().readWorkbook();
    expect(f.stats.syncs).toBe(2);
    expect(f.writes).toHaveLength(0);
    expect(f.stats.leftoverActions).toBe(0);
    expect(wb.sheets.map((s) => s.name)).toEqual(["表1 党员发展 2013", "空表", "偏移"]);
    // the values, types and formats read are checked for every host in host-contract.test.ts
    expect(wb.sheets[0]?.formats?.[3]?.[3]).toBe("yyyy-mm-dd");
  });

  it("falls back to names then used ranges when the host refuses methods on null objects", async () => {
    const f = install({
      nullChaining: "throw",
      sheets: [generatedSheet("A", 10, 3), generatedSheet("B", 5, 2)],
    });
    const wb = await createOfficeHost().readWorkbook();
    expect(wb.sheets.map((s) => [s.name, s.values.length, s.values[0]?.length])).toEqual([
      ["A", 10, 3],
      ["B", 5, 2],
    ]);
    expect(f.stats.syncs).toBe(4); // refused survey + names + used ranges + data
    expect(f.writes).toHaveLength(0);
  });

  it("reads workbooks with more sheets than the one-sync survey covers", async () => {
    const sheets = Array.from({ length: READ_LIMITS.surveySheets + 3 }, (_, i) =>
      generatedSheet(`S${i}`, 3, 2)
    );
    const f = install({ sheets });
    const wb = await createOfficeHost().readWorkbook();
    expect(wb.sheets).toHaveLength(sheets.length);
    expect(f.stats.syncs).toBe(4);
  });

  it("reads in chunks when Excel on the web refuses a small but heavy response (long texts)", async () => {
    const long = "长".repeat(300);
    const values = Array.from({ length: 4000 }, (_, r) =>
      Array.from({ length: 5 }, (_, c) => `${r}-${c}${long}`)
    );
    expect(4000 * 5).toBeLessThanOrEqual(READ_LIMITS.chunkThresholdCells);
    const f = install({ sheets: [{ name: "长文本", values }] });
    const progress: number[] = [];
    const wb = await createOfficeHost().readWorkbook({ onProgress: (p) => progress.push(p.done) });
    expect(f.stats.records.some((r) => r.failed === "ResponsePayloadSizeLimitExceeded")).toBe(true);
    expect(f.stats.maxResponseBytes).toBeLessThanOrEqual(MB4);
    expect(wb.sheets[0]?.values).toHaveLength(4000);
    expect(cell(wb, 0, 3999, 4)).toBe(`3999-4${long}`);
    expect(progress.at(-1)).toBe(20_000);
    expect(f.writes).toHaveLength(0);
  });
});

describe("readWorkbook when Excel returns null values (very large ranges in the field)", () => {
  const sheets = () => [generatedSheet("表A", 3000, 5), generatedSheet("表B", 40, 3)];

  it("below the chunk threshold: treats null as too large and reads the same cells in chunks", async () => {
    install({ sheets: sheets() });
    const expected = await createOfficeHost().readWorkbook();
    const f = install({ sheets: sheets(), nullValuesAboveCells: 5000 });
    const progress: number[] = [];
    const wb = await createOfficeHost().readWorkbook({ onProgress: (p) => progress.push(p.done) });
    expect(wb).toEqual(expected);
    expect(f.stats.syncs).toBeGreaterThan(3); // survey + refused whole + chunks
    expect(progress.at(-1)).toBe(3000 * 5 + 40 * 3);
    expect(f.writes).toHaveLength(0);
  });

  it("above it: a chunk that comes back null is read again smaller", async () => {
    const big = () => [generatedSheet("大表", 30_000, 2)];
    install({ sheets: big() });
    const expected = await createOfficeHost().readWorkbook();
    const f = install({ sheets: big(), nullValuesAboveCells: 1500 });
    const wb = await createOfficeHost().readWorkbook();
    expect(wb).toEqual(expected);
    expect(f.stats.syncs).toBeGreaterThan(40); // chunks of at most 1,500 cells
  });

  it("says so in Chinese when even one row comes back null", async () => {
    install({ sheets: [generatedSheet("宽表", 3, 8)], nullValuesAboveCells: 4 });
    await expect(createOfficeHost().readWorkbook()).rejects.toThrow(
      "读取工作簿失败：一次传输的数据超过 Excel 的上限。请缩小数据范围后再试。"
    );
  });
});

describe("readWorkbook above the chunk threshold", () => {
  it("reads 1,000,000 cells in chunks of at most 4 MB each way, with progress, writing nothing", async () => {
    const f = install({
      sheets: [generatedSheet("大表", 100_000, 10), { name: "封面", values: [["说明"]] }],
    });
    const progress: { done: number; total: number }[] = [];
    const wb = await createOfficeHost().readWorkbook({ onProgress: (p) => progress.push(p) });
    expect(wb.sheets[0]?.values).toHaveLength(100_000);
    expect(cell(wb, 0, 99_999, 0)).toBe("单位99999");
    expect(cell(wb, 0, 99_999, 9)).toBe((99_999 * 7 + 9 * 13) % 1000);
    expect(cell(wb, 1, 0, 0)).toBe("说明");
    expect(f.stats.maxResponseBytes).toBeLessThanOrEqual(MB4);
    expect(f.stats.maxRequestBytes).toBeLessThanOrEqual(MB4);
    expect(f.stats.records.every((r) => !r.failed)).toBe(true);
    expect(f.stats.syncs).toBeGreaterThan(2);
    expect(f.writes).toHaveLength(0);
    expect(progress.at(-1)).toEqual({ done: 1_000_001, total: 1_000_001 });
    for (let i = 1; i < progress.length; i++)
      expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);
  }, 120_000);

  it("refuses a range over 5,000,000 cells with a clear message, before reading any value", async () => {
    const values: (string | null)[][] = [["单位名称"]];
    values[499_999] = [null, null, null, null, null, null, null, null, null, null, "x"]; // A1:K500000 = 5.5M cells
    const f = install({ sheets: [{ name: "超大", values }] });
    await expect(createOfficeHost().readWorkbook()).rejects.toThrow(
      /工作表“超大”的数据区域 A1:K500000 共 5,500,000 个单元格，超过 5,000,000 个单元格的上限/
    );
    expect(f.stats.syncs).toBe(1);
    expect(f.stats.maxResponseBytes).toBeLessThan(20_000); // sizes only, no values
  });

  it("stops within one second when cancelled, and the host stays usable", async () => {
    const f = install({ latencyMs: 150, sheets: [generatedSheet("大表", 100_000, 10)] });
    const host = createOfficeHost();
    const controller = new AbortController();
    let abortedAt = 0;
    const read = host.readWorkbook({
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done > 0 && !abortedAt) {
          abortedAt = Date.now();
          controller.abort();
        }
      },
    });
    await expect(read).rejects.toMatchObject({ name: "AbortError" });
    expect(Date.now() - abortedAt).toBeLessThan(1000);
    const syncsAtAbort = f.stats.syncs;
    await new Promise((r) => setTimeout(r, 400));
    expect(f.stats.syncs).toBe(syncsAtAbort); // no chunk requested after the abort
    expect(f.writes).toHaveLength(0);
    // already aborted: rejects at once without touching Excel
    await expect(host.readWorkbook({ signal: controller.signal })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(f.stats.syncs).toBe(syncsAtAbort);
  }, 60_000);
});

describe("selectCell", () => {
  it("activates the sheet and selects in one sync per click", async () => {
    const f = install({ sheets: [{ name: "Sheet1" }, { name: "表2 培训 2013", values: [["a"]] }] });
    const host = createOfficeHost();
    await host.selectCell?.("表2 培训 2013", "C7");
    await host.selectCell?.("表2 培训 2013", "7:7");
    expect(f.stats.syncs).toBe(2);
    expect(f.state.activeSheetId).toBe(f.sheet("表2 培训 2013").id);
  });
});
