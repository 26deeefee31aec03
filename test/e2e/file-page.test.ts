/**
 * The browser page opened from disk (double-clicking index.html: a file:// URL, the natural offline
 * use at a bureau). There a page cannot start a web worker from a script file (its origin is
 * opaque: Chromium throws `Failed to construct 'Worker'`), so reading a workbook and 汇总 must run
 * on the page itself. Production build in headless Chromium.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ensureBuilt } from "./build";
import { chromiumAvailable, launchChromium } from "./chromium";
import { makeFixtureWorkbook } from "./fixture";
import { openTab, waitForResults } from "./pane";
import { mergeSample, openMerge } from "./units";

describe.runIf(chromiumAvailable())("browser page opened from disk (file://)", () => {
  let browser: Browser;
  let url: string;

  beforeAll(async () => {
    const [dir, b] = await Promise.all([ensureBuilt(), launchChromium()]);
    browser = b;
    url = pathToFileURL(path.join(dir, "index.html")).href;
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
  });

  async function open(): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(url);
    return { page, errors };
  }

  it("cannot start a worker there (the reason for the fallback), and checks a picked workbook", async () => {
    const { page, errors } = await open();
    expect(page.url().startsWith("file://")).toBe(true);
    // what Chromium does with a worker script under file:// (an opaque origin)
    const refused = await page.evaluate(() => {
      try {
        new Worker(new URL("index.html", location.href));
        return "";
      } catch (e) {
        return String(e);
      }
    });
    expect(refused).toMatch(/Worker/);
    await page.locator('input[aria-label="选择 Excel 工作簿"]').setInputFiles({
      name: "工作簿.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await makeFixtureWorkbook()),
    });
    await waitForResults(page);
    const text = await page.locator("main").innerText();
    expect(text).not.toContain("意外错误");
    expect(text).toContain("T1-01");
    await openTab(page, "报告");
    await page.waitForFunction(() =>
      (document.querySelector("textarea")?.value ?? "").includes("发展预备党员")
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("merges the units' files (汇总) on the page", async () => {
    const { page, errors } = await open();
    await openMerge(page);
    await mergeSample(page);
    const text = await page.locator("main").innerText();
    expect(text).toContain("读取文件12个，合并10个单位（名单12个单位）");
    expect(text).not.toContain("合并出错");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载汇总工作簿" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("汇总2013.xlsx");
    expect(readFileSync((await download.path()) ?? "").length).toBeGreaterThan(1000);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
