/**
 * The production taskpane.html in headless Chromium on the Office helper's fake Office/Excel,
 * served for Microsoft's office.js URL (so the page loads exactly as in Excel): 校验 → issues →
 * click selects the cell in "Excel"; validation writes nothing; marks and clear-marks; 同比 and
 * 插入同比工作表; 报告: copy through the Clipboard API, through the legacy fallback when the API
 * is blocked (as in Excel on the web), the message when nothing works, and the .docx download;
 * 模板 inserts the four sheets. axe and a 320 px screenshot on every tab; no request beyond the
 * page's origin and the office.js URL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { OFFICE_JS_CDN, chromiumAvailable, foreignRequests } from "./chromium";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { fakeOfficeScript, fakeSheets, paneEnvironment } from "./fakeOffice";
import { HOSTILE_HTML, makeFixtureWorkbook } from "./fixture";
import {
  cspViolations,
  openPage,
  type OpenedPage,
  downloadDocx,
  openTab,
  readClipboard,
  screenshot,
  axeViolations,
  waitForResults,
} from "./pane";
import type { StaticServer } from "./serve";
import { fakeEtScript } from "./wpsBuild";

interface FakeView {
  writes: number;
  sheets: string[];
  selection?: { sheet: string; address: string };
  fills: number;
  charts: number;
}

/** The part of the fake runtime (test/fakes/fake-excel.ts) the checks read, in the page. */
interface FakeInPage {
  readonly writes: readonly unknown[];
  readonly state: {
    readonly sheets: ReadonlyArray<{
      name: string;
      fills: Map<number, unknown>;
      charts: unknown[];
    }>;
    readonly selection?: { sheet: string; address: string };
  };
}

/** What the fake workbook looks like now (read in the page). */
function fakeView(page: Page): Promise<FakeView> {
  return page.evaluate(() => {
    const fake = (window as unknown as { __fakeOffice: FakeInPage }).__fakeOffice;
    const sheets = fake.state.sheets;
    return {
      writes: fake.writes.length,
      sheets: sheets.map((s) => s.name),
      selection: fake.state.selection,
      fills: sheets.reduce((n, s) => n + s.fills.size, 0),
      charts: sheets.reduce((n, s) => n + s.charts.length, 0),
    };
  });
}

describe.runIf(chromiumAvailable())("task pane (taskpane.html on a fake Excel)", () => {
  let server: StaticServer;
  let browser: Browser;
  let officeJs: string;

  beforeAll(async () => {
    const env = await paneEnvironment();
    browser = env.browser;
    server = env.server;
    officeJs = await fakeOfficeScript({
      sheets: env.sheets,
      platform: "OfficeOnline",
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** A fresh pane; `initScript` runs before the page's own scripts (e.g. to block the clipboard). */
  function openPane(initScript?: string): Promise<OpenedPage> {
    return openPage(browser, server.url + "taskpane.html", { officeJs, initScript });
  }

  /** Opens a pane with `initScript`, runs 校验 and clicks 复制 on the draft. */
  async function copyDraftIn(initScript: string): Promise<{ context: BrowserContext; page: Page }> {
    const { context, page } = await openPane(initScript);
    await page.getByRole("button", { name: "运行校验" }).click();
    await waitForResults(page);
    await openTab(page, "报告");
    await page.waitForFunction(() => (document.querySelector("textarea")?.value ?? "").length > 0);
    await page.getByRole("button", { name: "复制" }).click();
    return { context, page };
  }

  it("validates, selects the cell in Excel on click, marks and clears, never writes while validating", async () => {
    const { context, page, traffic, dialogs } = await openPane();
    await page.getByRole("button", { name: "运行校验" }).click();
    await waitForResults(page);
    expect((await fakeView(page)).writes).toBe(0);

    const item = page.locator('button[data-rule="T1-01"]').first();
    const cell = await item.getAttribute("data-cell");
    await item.click();
    await page.waitForFunction(() =>
      Boolean((window as unknown as { __fakeOffice: FakeInPage }).__fakeOffice.state.selection)
    );
    const view = await fakeView(page);
    expect(view.selection?.sheet).toBe("表1 2013");
    expect(view.selection?.address.replace(/\$/g, "")).toBe(cell);
    expect(view.writes).toBe(0);
    await screenshot(page, "taskpane-校验");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "标记问题单元格" }).click();
    await page.getByText(/已标记\d+个单元格/).waitFor();
    expect((await fakeView(page)).fills).toBeGreaterThan(0);
    await page.getByRole("button", { name: "清除标记" }).click();
    await page.getByText(/已清除\d+个单元格的标记/).waitFor();
    expect((await fakeView(page)).fills).toBe(0);

    expect(foreignRequests(traffic.requests, server.origin, [OFFICE_JS_CDN])).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it("同比, 报告 (copy + .docx) and 模板 on the fake Excel", async () => {
    const { context, page, traffic, dialogs } = await openPane();
    await page.getByRole("button", { name: "运行校验" }).click();
    await waitForResults(page);

    expect(await page.getByTestId("verdict").innerText()).toContain("暂不能上报");
    expect(await page.getByTestId("year-bar").innerText()).toMatch(/2013年[\s\S]*与2012年比较/);

    await openTab(page, "同比");
    await page.getByTestId("comparison").first().waitFor();
    expect(await page.locator("main").innerText()).toContain("发展预备党员");
    const flagged = await page.locator('li[data-unverified="true"]').count();
    expect(flagged).toBeGreaterThanOrEqual(2);
    expect(await page.getByTestId("unverified-banner").innerText()).toContain(
      `${flagged}个数字待核`
    );
    await screenshot(page, "taskpane-同比");
    expect(await axeViolations(page)).toEqual([]);
    const before = await fakeView(page);
    await page.getByRole("button", { name: "插入同比工作表" }).click();
    await page.getByText(/已插入工作表“.+”/).waitFor();
    const after = await fakeView(page);
    expect(after.sheets.length).toBe(before.sheets.length + 1);
    expect(after.charts).toBe(before.charts + 1);

    await openTab(page, "报告");
    await page.waitForFunction(() => (document.querySelector("textarea")?.value ?? "").length > 0);
    const text = await page.locator("textarea").inputValue();
    expect(text).toContain("发展预备党员");
    expect(text).toMatch(/发展预备党员\d+人【待核】/);
    const marks = text.split("【待核】").length - 1;
    expect(await page.getByTestId("unverified-banner").innerText()).toContain(`${marks}个数字待核`);
    await page.getByRole("button", { name: "复制" }).click();
    await page.getByText("已复制。").waitFor();
    const clip = await readClipboard(page);
    expect(clip.html).toContain("发展预备党员");
    expect(clip.html).not.toContain(HOSTILE_HTML);
    const docx = await downloadDocx(page);
    expect(docx.documentXml).toContain("发展预备党员");
    await screenshot(page, "taskpane-报告");
    expect(await axeViolations(page)).toEqual([]);

    await openTab(page, "模板");
    await page.getByRole("textbox", { name: "统计年度" }).fill("2014");
    const sheetsBefore = (await fakeView(page)).sheets.length;
    await page.getByRole("button", { name: "插入模板" }).click();
    await page.getByText(/已插入4张工作表/).waitFor();
    expect((await fakeView(page)).sheets.length).toBe(sheetsBefore + 4);
    await screenshot(page, "taskpane-模板");
    expect(await axeViolations(page)).toEqual([]);

    // a year the workbook already holds: asked first; 取消 inserts nothing, 仍然插入 does
    await page.getByRole("textbox", { name: "统计年度" }).fill("2013");
    await page.getByRole("button", { name: "插入模板" }).click();
    const ask = page.getByTestId("confirm-insert");
    await ask.waitFor();
    expect(await ask.innerText()).toContain("已有2013年的统计表");
    await screenshot(page, "taskpane-模板-确认");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "取消" }).click();
    expect(await ask.count()).toBe(0);
    expect((await fakeView(page)).sheets.length).toBe(sheetsBefore + 4);
    await page.getByRole("button", { name: "插入模板" }).click();
    await page.getByRole("button", { name: "仍然插入" }).click();
    await page.waitForFunction(
      (n) =>
        (window as unknown as { __fakeOffice: FakeInPage }).__fakeOffice.state.sheets.length === n,
      sheetsBefore + 8
    );

    // 重新校验: the empty 2014 sheets are not taken as the year reported; two sets of 2013 are an error
    await openTab(page, "校验");
    await page.getByRole("button", { name: "重新校验" }).click();
    await page.locator('button[data-rule="G-07"]').first().waitFor();
    expect(await page.getByTestId("year-bar").innerText()).toMatch(/2013年[\s\S]*与2012年比较/);
    expect(await page.locator("#report-year option").allInnerTexts()).toEqual([
      "2014年（无数据）",
      "2013年",
      "2012年",
    ]);
    await page.locator("#report-year").selectOption("2014");
    await page.locator('button[data-rule="G-06"]').first().waitFor();
    await screenshot(page, "taskpane-校验-2014");

    expect(foreignRequests(traffic.requests, server.origin, [OFFICE_JS_CDN])).toEqual([]);
    expect(traffic.requests).toContain(OFFICE_JS_CDN);
    expect(await cspViolations(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(traffic.problems).toEqual([]);
    await context.close();
  });

  it("copies through the legacy fallback when the Clipboard API is blocked (Excel on the web)", async () => {
    const blockApi = `navigator.clipboard.write = () => Promise.reject(new DOMException("blocked", "NotAllowedError"));`;
    const { context, page } = await copyDraftIn(blockApi);
    await page.getByText("已复制（兼容方式）").waitFor();
    const clip = await readClipboard(page);
    expect(clip.html).toContain("发展预备党员");
    expect(clip.text).toContain("发展预备党员");
    await context.close();
  });

  it("falls back in time when the Clipboard API never answers", async () => {
    const { context, page } = await copyDraftIn(
      `navigator.clipboard.write = () => new Promise(() => {});`
    );
    await page.getByText("已复制（兼容方式）").waitFor({ timeout: 10_000 });
    expect((await readClipboard(page)).html).toContain("发展预备党员");
    await context.close();
  });

  it("says to use 下载 Word 文档 when no way of copying works", async () => {
    const blockAll = `navigator.clipboard.write = () => Promise.reject(new DOMException("blocked", "NotAllowedError"));
document.execCommand = () => false;`;
    const { context, page } = await copyDraftIn(blockAll);
    await page.getByText("无法复制到剪贴板").waitFor();
    expect(await page.locator("main").innerText()).toContain("下载 Word 文档");
    await context.close();
  });

  it("explains itself in Chinese when opened outside Excel or without office.js", async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 600 } });
    await context.route(OFFICE_JS_CDN, (route) => route.fulfill({ status: 404, body: "" }));
    const page = await context.newPage();
    await page.goto(server.url + "taskpane.html");
    await page.getByText("无法加载 Office 脚本").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("opened inside WPS 表格, finds WPS's Application first and runs the same pane on the WPS host", async () => {
    const et = await fakeEtScript({ sheets: fakeSheets(readXlsx(await makeFixtureWorkbook())) });
    const { context, page, traffic } = await openPage(browser, server.url + "taskpane.html", {
      officeJs,
      initScript: et,
    });
    await page.getByText("当前工作簿（WPS 表格）").waitFor();
    await page.getByRole("button", { name: "运行校验" }).click();
    await waitForResults(page);
    const { calls, writes } = await page.evaluate(() => {
      const f = (window as unknown as { __fakeEt: { stats: { calls: number }; writes: unknown[] } })
        .__fakeEt;
      return { calls: f.stats.calls, writes: f.writes.length };
    });
    expect(calls).toBeGreaterThan(0);
    expect(writes).toBe(0);
    expect(traffic.problems).toEqual([]);
    await context.close();
  });
});
