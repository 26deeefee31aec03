/**
 * The production WPS page (pane.html of `npm run build:wps`) in headless Chromium at the width
 * the ribbon gives the docked pane (320 px), with the fake ET (test/fakes/fake-et.ts) injected as
 * WPS's `window.Application` before the page's scripts run: 校验 → issues → click selects the
 * cell, validation writes nothing, marks and clear-marks; 同比 and 插入同比工作表 (a native
 * chart); 模板; the pane's own 关闭窗格 button hides the task pane the ribbon page created; the
 * ribbon page's button creates that pane; 取消 during a large read; the page again with the
 * built-ins older engines lack removed. No request beyond the page's own origin.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { makeBigTable1 } from "../../scripts/lib/big-workbook";
import { PANE_ID_KEY, PANE_WIDTH } from "../../src/hosts/wps/addin/pane";
import { chromiumAvailable, foreignRequests, launchChromium } from "./chromium";
import { fakeSheets } from "./fakeOffice";
import { makeFixtureWorkbook } from "./fixture";
import {
  cspViolations,
  openPage,
  openTab,
  screenshot,
  axeViolations,
  waitForResults,
} from "./pane";
import { serveStatic, type StaticServer } from "./serve";
import { ensureWpsBuilt, fakeEtScript } from "./wpsBuild";

interface EtView {
  writes: number;
  calls: number;
  sheets: string[];
  selection?: { sheet: string; address: string };
  fills: number;
  charts: number;
  panes: { url: string; visible: boolean; width: number }[];
}

/** The fake ET's state, read in the page. */
function etView(page: Page): Promise<EtView> {
  return page.evaluate(() => {
    interface Fake {
      writes: unknown[];
      stats: { calls: number };
      sheets: { name: string; fills: Map<number, unknown>; charts: unknown[] }[];
      selection?: { sheet: string; address: string };
      taskPanes: { url: string; visible: boolean; width: number }[];
    }
    const f = (window as unknown as { __fakeEt: Fake }).__fakeEt;
    return {
      writes: f.writes.length,
      calls: f.stats.calls,
      sheets: f.sheets.map((s) => s.name),
      selection: f.selection,
      fills: f.sheets.reduce((n, s) => n + s.fills.size, 0),
      charts: f.sheets.reduce((n, s) => n + s.charts.length, 0),
      panes: f.taskPanes.map((p) => ({ url: p.url, visible: p.visible, width: p.width })),
    };
  });
}

/** What the ribbon page does before the pane opens: a pane created, its ID kept. */
const PANE_CREATED = `window.__fakeEt.Application.CreateTaskPane(location.href);
window.__fakeEt.Application.PluginStorage.setItem(${JSON.stringify(PANE_ID_KEY)}, 1);
window.__fakeEt.taskPanes[0].visible = true;`;

/** Records in the page when 取消 is clicked and when the pane says it stopped. */
const CANCEL_TIMER = `document.addEventListener("click", function (e) {
  var b = e.target && e.target.closest && e.target.closest("button");
  if (b && b.textContent === "取消" && !window.__cancelAt) window.__cancelAt = performance.now();
}, true);
new MutationObserver(function () {
  if (window.__cancelAt && !window.__stoppedAt && document.body.innerText.indexOf("已取消校验") >= 0)
    window.__stoppedAt = performance.now();
}).observe(document, { subtree: true, childList: true, characterData: true });`;

/** Built-ins an older embedded engine lacks, removed before the page runs. */
const OLD_ENGINE = `(function () {
  var gone = [[Array.prototype, "at"], [String.prototype, "at"], [Array.prototype, "flat"], [Array.prototype, "flatMap"],
    [Array.prototype, "findLast"], [Object, "fromEntries"], [Object, "hasOwn"], [String.prototype, "replaceAll"],
    [Promise, "allSettled"], [window, "structuredClone"], [Crypto.prototype, "randomUUID"]];
  gone.forEach(function (g) { delete g[0][g[1]]; });
  window.__oldEngine = gone.every(function (g) { return !(g[1] in g[0]); });
})();`;

describe.runIf(chromiumAvailable())("WPS task pane (pane.html on the fake ET)", () => {
  let server: StaticServer;
  let browser: Browser;
  let fixture: string;

  beforeAll(async () => {
    const [dir, b, bytes] = await Promise.all([
      ensureWpsBuilt(),
      launchChromium(),
      makeFixtureWorkbook(),
    ]);
    browser = b;
    server = await serveStatic(path.join(dir, "online"));
    fixture = await fakeEtScript({ sheets: fakeSheets(readXlsx(bytes)) });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const openPane = (initScript: string) =>
    openPage(browser, server.url + "pane.html", { initScript, width: PANE_WIDTH });

  it("validates, selects the cell in WPS, marks and clears, inserts 同比 and templates, closes itself", async () => {
    const { context, page, traffic, dialogs } = await openPane(`${fixture}\n${PANE_CREATED}`);
    await page.getByText("当前工作簿（WPS 表格）").waitFor();
    await page.getByRole("button", { name: "运行校验" }).click();
    await waitForResults(page);
    expect((await etView(page)).writes).toBe(0);

    const item = page.locator('button[data-rule="T1-01"]').first();
    const cell = (await item.getAttribute("data-cell")) ?? undefined;
    await item.click();
    await page.waitForFunction(() =>
      Boolean((window as unknown as { __fakeEt: { selection?: unknown } }).__fakeEt.selection)
    );
    const view = await etView(page);
    expect(view.selection).toEqual({ sheet: "表1 2013", address: cell });
    expect(view.writes).toBe(0);
    await screenshot(page, "wps-校验");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "标记问题单元格" }).click();
    await page.getByText(/已标记\d+个单元格/).waitFor();
    expect((await etView(page)).fills).toBeGreaterThan(0);
    await page.getByRole("button", { name: "清除标记" }).click();
    await page.getByText(/已清除\d+个单元格的标记/).waitFor();
    expect((await etView(page)).fills).toBe(0);

    await openTab(page, "同比");
    await page.getByTestId("comparison").first().waitFor();
    const before = await etView(page);
    await page.getByRole("button", { name: "插入同比工作表" }).click();
    await page.getByText(/已插入工作表“.+”/).waitFor();
    const after = await etView(page);
    expect(after.sheets.length).toBe(before.sheets.length + 1);
    expect(after.charts).toBe(before.charts + 1);
    await screenshot(page, "wps-同比");

    await openTab(page, "模板");
    await page.getByRole("textbox", { name: "统计年度" }).fill("2014");
    await page.getByRole("button", { name: "插入模板" }).click();
    await page.getByText(/已插入4张工作表/).waitFor();
    expect((await etView(page)).sheets.length).toBe(after.sheets.length + 4);
    await screenshot(page, "wps-模板");

    expect((await etView(page)).panes[0]?.visible).toBe(true);
    await page.getByRole("button", { name: "关闭窗格" }).click();
    await expect.poll(async () => (await etView(page)).panes[0]?.visible).toBe(false);

    expect(foreignRequests(traffic.requests, server.origin)).toEqual([]);
    expect(traffic.problems).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  }, 180_000);

  it("the ribbon page's button opens the pane (pane.html beside it, docked right, 320 px) and toggles it", async () => {
    const { context, page, traffic } = await openPage(browser, server.url + "index.html", {
      initScript: fixture,
    });
    await page.waitForFunction(
      () => typeof (window as unknown as { OnAction?: unknown }).OnAction === "function"
    );
    const call = () =>
      page.evaluate(() =>
        (window as unknown as { OnAction: (c: { Id: string }) => boolean }).OnAction({
          Id: "bureauStatsPane",
        })
      );
    expect(await call()).toBe(true);
    let v = await etView(page);
    expect(v.panes).toEqual([{ url: server.url + "pane.html", visible: true, width: PANE_WIDTH }]);
    await call();
    v = await etView(page);
    expect(v.panes.map((p) => p.visible)).toEqual([false]);
    expect(
      await page.evaluate(() => (window as unknown as { GetImage: () => string }).GetImage())
    ).toBe("assets/icon-32.png");
    expect(foreignRequests(traffic.requests, server.origin)).toEqual([]);
    expect(traffic.problems).toEqual([]);
    await context.close();
  }, 60_000);

  it("finds WPS's Application when it arrives only after the page's scripts ran", async () => {
    const late = `window.addEventListener("load", function () {\n${fixture}\n});`;
    const { context, page, traffic } = await openPane(late);
    await page.getByText("当前工作簿（WPS 表格）").waitFor();
    await page.getByRole("button", { name: "运行校验" }).click();
    await waitForResults(page);
    expect(traffic.problems).toEqual([]);
    await context.close();
  }, 60_000);

  it("outside WPS the page says where it belongs", async () => {
    const { context, page } = await openPage(browser, server.url + "pane.html", {
      width: PANE_WIDTH,
    });
    await page.getByText(/此页面是 WPS 表格加载项的任务窗格/).waitFor();
    await context.close();
  }, 60_000);

  it("runs on an engine without the newer built-ins (Array.prototype.at, crypto.randomUUID …)", async () => {
    const { context, page, traffic } = await openPane(`${OLD_ENGINE}\n${fixture}`);
    expect(
      await page.evaluate(() => (window as unknown as { __oldEngine: boolean }).__oldEngine)
    ).toBe(true);
    await page.getByRole("button", { name: "运行校验" }).click();
    await waitForResults(page);
    await openTab(page, "报告");
    await page.waitForFunction(() => (document.querySelector("textarea")?.value ?? "").length > 0);
    expect(traffic.problems).toEqual([]);
    await context.close();
  }, 120_000);

  it("取消 during a large read (blocking ET calls) stops within a second and writes nothing", async () => {
    const sheets = fakeSheets(readXlsx(makeBigTable1(60_000, 2013)));
    const script = await fakeEtScript({ sheets, costMsPerKiloCell: 6 });
    const { context, page } = await openPane(`${script}\n${CANCEL_TIMER}`);
    await page.getByRole("button", { name: "运行校验" }).click();
    await page.waitForFunction(
      () => /已读取[1-9][\d,]*\/[\d,]+个单元格/.test(document.body.innerText),
      undefined,
      {
        timeout: 60_000,
        polling: 20,
      }
    );
    // force: the page is busy in ET calls most of the time, so it is never "stable" for long; the
    // click is an input event the page handles between two calls, as in WPS
    await page.getByRole("button", { name: "取消" }).click({ force: true });
    await page.getByText("已取消校验").waitFor({ timeout: 5_000 });
    // timed inside the page: the click event (handled between two ET calls) → the notice shown
    const stoppedMs = await page.evaluate(() => {
      const w = window as unknown as { __cancelAt: number; __stoppedAt: number };
      return w.__stoppedAt - w.__cancelAt;
    });
    expect(stoppedMs).toBeGreaterThan(0);
    expect(stoppedMs).toBeLessThan(1_000);
    const at = await etView(page);
    await page.waitForTimeout(800);
    const later = await etView(page);
    expect(later.calls).toBe(at.calls);
    expect(later.writes).toBe(0);
    console.log(
      `[wps cancel] pane stopped ${Math.round(stoppedMs)} ms after the click event (which waits for the ET call under way: up to 300 ms here); ${at.calls} ET calls, then none`
    );
    await context.close();
  }, 180_000);
});
