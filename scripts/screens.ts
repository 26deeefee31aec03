/**
 * `npm run screens`: the product as a user sees it, without running it — every tab at 320 px on
 * both sample workbooks, in the task pane (production taskpane.html on the fake Excel) and on the
 * browser page, saved as docs/screens/<page>-<sample>-<tab>.png (committed; shown in README and docs/pane.md).
 * Each screenshot is the top of the page, at most 1,400 px tall, so the files stay small.
 * Then the 同比 tab's 历年 section from 2009 on (the sample with earlier years made from its 2012
 * sheets, 表4 of 2010 left out: test/taskpane/series-fixture.ts) at 320 and 1280 px, and its 表4
 * (a gap) at 320 px: docs/screens/series-*.png. The 同比 cards with money in 万元 at 320 and
 * 1280 px (compare-*.png); and 汇总 on the browser page with the sample units' files
 * (assets/samples/units: a unit that sent two files, one that sent none, a file cut short) before
 * the duplicate is chosen, at 320 and 1280 px (merge-*.png).
 */
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { readXlsx } from "../src/hosts/xlsx/read";
import { fakeOfficeScript, fakeSheets, paneEnvironment } from "../test/e2e/fakeOffice";
import { openPage, openTab, waitForResults, type TabName } from "../test/e2e/pane";
import { severalYears } from "../test/taskpane/series-fixture";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "docs", "screens");
const SAMPLES = [
  { file: "bureau-stats-2013.xlsx", key: "sample" },
  { file: "bureau-stats-2013-mistakes.xlsx", key: "mistakes" },
] as const;
const TABS: ReadonlyArray<{ tab: TabName; key: string }> = [
  { tab: "校验", key: "1-validate" },
  { tab: "同比", key: "2-compare" },
  { tab: "报告", key: "3-report" },
  { tab: "模板", key: "4-template" },
];
const MAX_HEIGHT = 1400;

async function shoot(page: Page, name: string): Promise<string> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({
    path: file,
    fullPage: true,
    clip: { x: 0, y: 0, width: 320, height: Math.min(height, MAX_HEIGHT) },
  });
  return file;
}

async function everyTab(page: Page, prefix: string): Promise<string[]> {
  const files: string[] = [];
  for (const { tab, key } of TABS) {
    await openTab(page, tab);
    if (tab === "同比") await page.getByTestId("comparison").first().waitFor();
    if (tab === "报告")
      await page.waitForFunction(
        () =>
          (document.querySelector("textarea")?.value ?? "").length > 0 &&
          [...document.querySelectorAll("button")].some(
            (b) => b.textContent === "复制" && !b.disabled
          )
      );
    if (tab === "模板") await page.getByRole("textbox", { name: "统计年度" }).waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(400); // Fluent's transitions (tab indicator, buttons) finish
    files.push(await shoot(page, `${prefix}-${key}`));
  }
  return files;
}

/** The 历年 section from 2009 on, at 320 and 1280 px; 表4 with its gap at 320 px. */
async function seriesShots(browser: Browser, url: string): Promise<string[]> {
  const officeJs = await fakeOfficeScript({
    sheets: fakeSheets(severalYears(2009, { table: "表4", year: 2010 })),
    platform: "PC",
  });
  const files: string[] = [];
  const shot = async (page: Page, selector: string, width: number, name: string) => {
    files.push(await shotOf(page, selector, width, name));
  };
  for (const width of [320, 1280]) {
    const { page, context } = await openPage(browser, url + "taskpane.html", { officeJs, width });
    await page.getByRole("button", { name: "运行校验" }).click();
    await waitForResults(page);
    await openTab(page, "同比");
    await page.getByRole("combobox", { name: "历年起始年度" }).selectOption("2009");
    await page
      .getByRole("img", { name: /表1 党员发展 2013历年变化/ })
      .first()
      .waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(400);
    await shot(page, "#series", width, `series-${width}`);
    if (width === 320)
      await shot(page, 'section[aria-label="表4 信访咨询办理 2013历年"]', width, "series-320-gap");
    await context.close();
  }
  return files;
}

/** The element's box from its top (at most 1,600 px tall), at the page's width. */
async function shotOf(page: Page, selector: string, width: number, name: string): Promise<string> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`screens: ${selector} is not shown`);
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({
    path: file,
    fullPage: true,
    clip: { x: 0, y: box.y, width, height: Math.min(box.height, 1600) },
  });
  return file;
}

/** The 同比 cards with money in 万元, at 320 and 1280 px (the sample in the task pane). */
async function compareShots(browser: Browser, url: string, officeJs: string): Promise<string[]> {
  const files: string[] = [];
  for (const width of [320, 1280]) {
    const { page, context } = await openPage(browser, url + "taskpane.html", { officeJs, width });
    await page.getByRole("button", { name: "运行校验" }).click();
    await waitForResults(page);
    await openTab(page, "同比");
    await page.getByRole("switch", { name: /金额以万元表示/ }).check();
    await page.getByTestId("comparison").first().waitFor();
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(400);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const file = path.join(OUT, `compare-${width}.png`);
    await page.screenshot({
      path: file,
      fullPage: true,
      clip: { x: 0, y: 0, width, height: Math.min(height, width === 320 ? 2400 : 1400) },
    });
    files.push(file);
    await context.close();
  }
  return files;
}

/**
 * 汇总 on the browser page with the sample units' files and their list: the report as it first
 * comes, a duplicate still to choose (so the download is held back, with its reason).
 */
async function mergeShots(browser: Browser, url: string): Promise<string[]> {
  const units = path.join(ROOT, "assets", "samples", "units");
  const unitFiles = readdirSync(units)
    .filter((f) => /^\d\d /.test(f))
    .sort()
    .map((f) => path.join(units, f));
  const files: string[] = [];
  for (const width of [320, 1280]) {
    const { page, context } = await openPage(browser, url + "index.html", { width });
    await page.getByRole("tab", { name: "汇总" }).click();
    await page.getByTestId("merge-files").setInputFiles(unitFiles);
    await page.getByTestId("merge-list").setInputFiles(path.join(units, "单位名单.xlsx"));
    await page.getByRole("button", { name: "开始合并" }).click();
    await page.getByTestId("merge-outcome").waitFor({ timeout: 60_000 });
    await page.evaluate(() => document.fonts.ready);
    await page.waitForTimeout(400);
    files.push(await shotOf(page, "main", width, `merge-${width}`));
    await context.close();
  }
  return files;
}

async function main(): Promise<void> {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  const { browser, server } = await paneEnvironment();
  const files: string[] = [];
  try {
    for (const sample of SAMPLES) {
      const bytes = new Uint8Array(readFileSync(path.join(ROOT, "assets", "samples", sample.file)));
      const officeJs = await fakeOfficeScript({
        sheets: fakeSheets(readXlsx(bytes)),
        platform: "PC",
      });
      const pane = await openPage(browser, server.url + "taskpane.html", { officeJs });
      await pane.page.getByRole("button", { name: "运行校验" }).click();
      await waitForResults(pane.page);
      files.push(...(await everyTab(pane.page, `taskpane-${sample.key}`)));
      await pane.context.close();

      const web = await openPage(
        browser,
        `${server.url}index.html?sample=${encodeURIComponent(sample.file)}`
      );
      await waitForResults(web.page);
      files.push(...(await everyTab(web.page, `browser-${sample.key}`)));
      await web.context.close();
      if (sample.key === "sample")
        files.push(...(await compareShots(browser, server.url, officeJs)));
    }
    files.push(...(await seriesShots(browser, server.url)));
    files.push(...(await mergeShots(browser, server.url)));
  } finally {
    await browser.close();
    await server.close();
  }
  const total = files.reduce((n, f) => n + statSync(f).size, 0);
  for (const f of files)
    console.log(`${path.relative(ROOT, f)}  ${(statSync(f).size / 1024).toFixed(0)} KB`);
  console.log(`${files.length} screens, ${(total / 1024).toFixed(0)} KB in all`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
