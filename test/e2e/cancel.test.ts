/**
 * Cancelling a check, in headless Chromium: the production taskpane.html on the fake Excel
 * (test/fakes/fake-excel.ts through the e2e helpers, read-only) holding a large 表1 (~100,000
 * cells, read in chunks) behind a slow host (every sync delayed). 校验 is started, 取消 clicked
 * while the workbook is being read: the pane says it stopped within one second, Excel sees no
 * further request, nothing was written, and the pane is usable again — a second run finishes with
 * results.
 *
 * (The host side — 1,000,000 cells in chunks with progress, the 5,000,000-cell refusal, abort
 * between chunks — is tested without a browser in test/hosts/office.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { makeBigTable1 } from "../../scripts/lib/big-workbook";
import { ensureBuilt } from "./build";
import { OFFICE_JS_CDN, chromiumAvailable, foreignRequests, launchChromium } from "./chromium";
import { fakeOfficeScript, fakeSheets } from "./fakeOffice";
import { openPage, waitForResults } from "./pane";
import { serveStatic, type StaticServer } from "./serve";

const ROWS = 9_000; // × 11 columns ≈ 99,000 cells: above the host's chunk threshold
const LATENCY_MS = 800;

interface FakeStatsInPage {
  readonly stats: { syncs: number };
  readonly writes: readonly unknown[];
}

function fakeStats(page: Page): Promise<{ syncs: number; writes: number }> {
  return page.evaluate(() => {
    const f = (window as unknown as { __fakeOffice: FakeStatsInPage }).__fakeOffice;
    return { syncs: f.stats.syncs, writes: f.writes.length };
  });
}

describe.runIf(chromiumAvailable())("cancel in the task pane", () => {
  let server: StaticServer;
  let browser: Browser;
  let officeJs: string;
  let cells = 0;

  beforeAll(async () => {
    const [dir, b] = await Promise.all([ensureBuilt(), launchChromium()]);
    browser = b;
    server = await serveStatic(dir);
    const sheets = fakeSheets(readXlsx(makeBigTable1(ROWS, 2013)));
    cells = sheets.reduce((n, s) => n + (s.values ?? []).reduce((m, r) => m + r.length, 0), 0);
    officeJs = await fakeOfficeScript({ sheets, latencyMs: LATENCY_MS, platform: "OfficeOnline" });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("取消 stops a slow read of a large workbook within one second; the pane stays usable", async () => {
    const { context, page, traffic, dialogs } = await openPage(
      browser,
      server.url + "taskpane.html",
      { officeJs }
    );

    // 1. start, and wait until the read is under way (progress shown)
    const started = performance.now();
    await page.getByRole("button", { name: "运行校验" }).click();
    // some cells already read (after the first chunk), more to come
    await page.waitForFunction(
      () => /已读取[1-9][\d,]*\/[\d,]+个单元格/.test(document.body.innerText),
      undefined,
      { timeout: 30_000, polling: 20 }
    );
    const progress = await page.getByText(/已读取[\d,]+\/[\d,]+个单元格/).innerText();
    const [done, total] = (progress.match(/[\d,]+/g) ?? []).map((n) => Number(n.replace(/,/g, "")));
    expect(total).toBeGreaterThanOrEqual(cells * 0.9);
    expect(done).toBeGreaterThan(0);
    expect(done).toBeLessThan(total as number); // really in the middle

    // 2. cancel: the pane says so within one second
    const clicked = performance.now();
    await page.getByRole("button", { name: "取消" }).click();
    await page.getByText("已取消校验").waitFor({ timeout: 1_000 });
    const stoppedMs = performance.now() - clicked;
    expect(stoppedMs).toBeLessThan(1_000);
    await expect.poll(() => page.getByRole("button", { name: "运行校验" }).isEnabled()).toBe(true);
    expect(await page.getByRole("button", { name: "取消" }).count()).toBe(0);

    // 3. the work really stopped: Excel sees no further request; nothing was written
    const atCancel = await fakeStats(page);
    await page.waitForTimeout(3 * LATENCY_MS + 300);
    const later = await fakeStats(page);
    expect(later.syncs).toBe(atCancel.syncs);
    expect(later.writes).toBe(0);
    expect(await page.getByText(/\d+项错误/).count()).toBe(0); // no stale results appeared

    // 4. usable again: a second run finishes with results
    const second = performance.now();
    await page.getByRole("button", { name: "运行校验" }).click();
    await waitForResults(page);
    const secondMs = performance.now() - second;
    expect(await page.getByText("已取消校验").count()).toBe(0);
    expect((await fakeStats(page)).syncs).toBeGreaterThan(later.syncs);
    expect((await fakeStats(page)).writes).toBe(0);

    expect(foreignRequests(traffic.requests, server.origin, [OFFICE_JS_CDN])).toEqual([]);
    expect(dialogs).toEqual([]);
    console.log(
      `[cancel] ${cells.toLocaleString("en")} cells, ${LATENCY_MS} ms per sync: cancelled at ${done}/${total} cells ${Math.round(clicked - started)} ms after start, pane stopped in ${Math.round(stoppedMs)} ms, ${atCancel.syncs} syncs then none; second run finished in ${Math.round(secondMs)} ms`
    );
    await context.close();
  }, 120_000);
});
