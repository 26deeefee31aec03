/**
 * The browser page on a large workbook: reading runs in a web worker, so the page stays
 * responsive and shows progress; 取消 terminates the worker at once, the page says so, and the
 * next run finishes with results.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { makeBigTable1 } from "../../scripts/lib/big-workbook";
import { ensureBuilt } from "./build";
import { chromiumAvailable, foreignRequests, launchChromium } from "./chromium";
import { openPage, waitForResults } from "./pane";
import { serveStatic, type StaticServer } from "./serve";

const ROWS = 150_000; // × 11 columns ≈ 1,650,000 cells: long enough to cancel while it is read

describe.runIf(chromiumAvailable())("browser page: cancel while reading a large workbook", () => {
  let server: StaticServer;
  let browser: Browser;
  let bytes: Uint8Array;

  beforeAll(async () => {
    const [dir, b] = await Promise.all([ensureBuilt(), launchChromium()]);
    browser = b;
    server = await serveStatic(dir);
    bytes = makeBigTable1(ROWS, 2013, 1);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("取消 stops at once, the page stays usable, a new run completes", async () => {
    const { context, page, traffic, dialogs } = await openPage(browser, server.url + "index.html");
    await page.locator('input[aria-label="选择 Excel 工作簿"]').setInputFiles({
      name: "大表.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(bytes),
    });
    // the run starts by itself on the browser page; cancel while it is under way
    const cancel = page.getByRole("button", { name: "取消" });
    await cancel.waitFor({ timeout: 30_000 });
    // timed inside the page, from the click to the notice (the test driver's latency left out)
    await page.evaluate(() => {
      const w = window as unknown as { __cancel: { clicked?: number; shown?: number } };
      w.__cancel = {};
      document.addEventListener("click", () => (w.__cancel.clicked ??= performance.now()), true);
      new MutationObserver(() => {
        if (document.body.textContent?.includes("已取消校验"))
          w.__cancel.shown ??= performance.now();
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await cancel.click();
    await page.getByText("已取消校验").waitFor({ timeout: 5_000 });
    const { clicked, shown } = await page.evaluate(
      () => (window as unknown as { __cancel: { clicked: number; shown: number } }).__cancel
    );
    expect(shown - clicked).toBeLessThan(1_000);
    // the page answers at once (the reading worker was terminated, nothing blocks the main thread)
    const started = Date.now();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(Date.now() - started).toBeLessThan(1_000);
    // and it still works
    await page.getByRole("button", { name: "运行校验" }).click();
    await waitForResults(page);
    expect(await page.getByText("没有找到统计表").count()).toBe(0);
    expect(foreignRequests(traffic.requests, server.origin)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(traffic.problems).toEqual([]);
    await context.close();
  });
});
