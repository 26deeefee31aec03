/**
 * taskpane.html paints its first screen from its HTML (prerendered at build time with Fluent's
 * CSS), before its script runs; the script then renders the same App over it without anything
 * moving: the screen with the script blocked and after the App has rendered are the same pixels,
 * the page records no layout shift, and the prerendered 运行校验 works once the script is in.
 * (The CPU is throttled 4×: a build whose prerendered page lacked the page's own CSS — the body
 * margin — passed this check unthrottled in isolation and failed it in the loaded full run; with
 * 8× throttling it failed every time.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { promises as fs } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { BUILD_DIR } from "./build";
import { OFFICE_JS_CDN, chromiumAvailable } from "./chromium";
import { fakeOfficeScript, paneEnvironment } from "./fakeOffice";
import { screenshot, waitForResults } from "./pane";
import type { StaticServer } from "./serve";

const FIRST_TAB_MARK = "bureau-stats:first-tab";

describe.runIf(chromiumAvailable())("prerendered first screen of taskpane.html", () => {
  let server: StaticServer;
  let browser: Browser;
  let officeJs: string;

  beforeAll(async () => {
    const env = await paneEnvironment();
    ({ browser, server } = env);
    officeJs = await fakeOfficeScript({ sheets: env.sheets, platform: "OfficeOnline" });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(blockScript: boolean): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 320, height: 600 } });
    await context.route(OFFICE_JS_CDN, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs })
    );
    if (blockScript) await context.route(/\/taskpane\.[0-9a-f]+\.js$/, (route) => route.abort());
    await context.addInitScript(() => {
      (window as unknown as { __shifts: number }).__shifts = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries())
          (window as unknown as { __shifts: number }).__shifts += (
            e as unknown as { value: number }
          ).value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    const page = await context.newPage();
    // a slow machine (CPU 4× slower): the App takes over well after the first paint
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
    await page.goto(server.url + "taskpane.html");
    return page;
  }

  it("the HTML holds the first screen and its CSS", async () => {
    const html = await fs.readFile(path.join(BUILD_DIR, "taskpane.html"), "utf8");
    const root = html.slice(html.search(/<div id="?root"?>/));
    expect(root).toContain("运行校验");
    expect(root).toContain("修改后自动重新校验");
    expect(root).toContain("统计报表助手");
    expect(html.slice(0, html.indexOf("</head>"))).toMatch(/<style[^>]*data-make-styles-bucket/);
    // the CSS comes before office.js, so the screen can paint as soon as office.js has run
    expect(html.indexOf("data-make-styles-bucket")).toBeLessThan(html.indexOf(OFFICE_JS_CDN));
  });

  it("paints the first screen without the script, the same pixels once the App has rendered, no layout shift", async () => {
    const bare = await open(true);
    const button = bare.getByRole("button", { name: "运行校验" });
    await button.waitFor();
    expect(await button.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(
      "rgb(15, 108, 189)"
    );
    await bare.waitForFunction(
      () => performance.getEntriesByName("first-contentful-paint").length > 0
    );
    expect(await bare.evaluate((m) => performance.getEntriesByName(m).length, FIRST_TAB_MARK)).toBe(
      0
    );
    const before = await bare.screenshot();
    await screenshot(bare, "taskpane-prerendered-no-script");
    await bare.context().close();

    const full = await open(false);
    await full.waitForFunction((m) => performance.getEntriesByName(m).length > 0, FIRST_TAB_MARK);
    await full.waitForTimeout(300);
    const after = await full.screenshot();
    await screenshot(full, "taskpane-prerendered-then-app");
    expect(Buffer.compare(before, after)).toBe(0);
    expect(await full.evaluate(() => (window as unknown as { __shifts: number }).__shifts)).toBe(0);

    await full.getByRole("button", { name: "运行校验" }).click();
    await waitForResults(full);
    expect(await full.locator("main").innerText()).toContain("T1-01");
    await full.context().close();
  });
});
