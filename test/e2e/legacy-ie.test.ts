/**
 * taskpane.html in Internet Explorer 11, the webview of Office on Windows without WebView2 and Edge
 * (retail Office 2016/2019; Microsoft 365 on Windows 7, 8.1, or 10 before 1903)
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins):
 * its first script (src/taskpane/legacy-ie.js) recognises Trident by the user agent, as
 * Microsoft suggests (https://learn.microsoft.com/office/dev/add-ins/develop/support-ie-11), and
 * replaces the page — the prerendered screen included — with a Chinese message saying how to go
 * on; the pane's own UI never appears. Chromium stands in for the engine, with IE11's user agent
 * string; with Chromium's own the notice stays away and the pane renders.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { chromiumAvailable } from "./chromium";
import { paneEnvironment } from "./fakeOffice";
import { cspViolations, openPage, screenshot } from "./pane";
import type { StaticServer } from "./serve";

/** Internet Explorer 11 on Windows 10, as its webview reports itself. */
const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko";

describe.runIf(chromiumAvailable())("taskpane.html in Internet Explorer 11", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ browser, server } = await paneEnvironment());
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // office.js (Microsoft's CDN) served empty: no Office here, and no request leaves the machine
  const open = (userAgent?: string) =>
    openPage(browser, server.url + "taskpane.html", { officeJs: "", userAgent });

  it("shows the Chinese notice instead of the pane: what is missing and how to go on", async () => {
    const { context, page } = await open(IE11);
    const notice = page.locator("#legacy-ie-notice");
    await notice.waitFor();
    await page.waitForLoadState("load");
    await page.waitForTimeout(500); // the pane's own script has had its chance to run
    const text = await notice.innerText();
    expect(text).toContain("统计报表助手不能在此 Excel 中运行");
    expect(text).toContain("内置的浏览器是 Internet Explorer，版本过旧");
    expect(text).toContain(`用 Microsoft Edge 或 Chrome 打开 ${server.url}index.html`);
    expect(text).toContain("npx bureau-stats check 文件.xlsx");
    expect(text).toContain("Microsoft Edge WebView2");
    expect(text).toContain("或升级到 Office 2021 及以上版本");
    // the browser page it names is there
    expect((await fetch(`${server.url}index.html`)).status).toBe(200);
    // neither the prerendered screen nor the App
    expect(await page.locator("#root").count()).toBe(0);
    expect(await page.getByRole("button", { name: "运行校验" }).count()).toBe(0);
    expect(await page.getByRole("tab").count()).toBe(0);
    expect(await cspViolations(page)).toEqual([]);
    await screenshot(page, "taskpane-internet-explorer");
    await context.close();
  });

  it("stays away in a current browser: the pane renders", async () => {
    const { context, page, traffic } = await open();
    await page.getByText("无法加载 Office 脚本").waitFor(); // rendered by the App (no Office here)
    expect(await page.locator("#root").isVisible()).toBe(true);
    expect(await page.locator("#legacy-ie-notice").count()).toBe(0);
    expect(await cspViolations(page)).toEqual([]);
    expect(traffic.problems).toEqual([]);
    await context.close();
  });
});
