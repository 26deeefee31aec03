/**
 * Office host hardening, end to end: the production taskpane.html in headless Chromium with the
 * fake Excel served for office.js, the fake made to reproduce each field failure —
 * office.js whose Office.onReady never settles (helper files blocked), Range.values coming back
 * null, Office's dark theme (and Excel on the web without officeTheme, where the system's
 * prefers-color-scheme decides) checked by axe on every tab, and 修改后自动重新校验 re-reading only
 * the sheet the user changed, its handler removed when switched off.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { FakeOfficeOptions } from "../fakes/fake-excel";
import { OFFICE_JS_CDN, chromiumAvailable } from "./chromium";
import { fakeOfficeScript, paneEnvironment } from "./fakeOffice";
import { openPage, openTab, screenshot, axeViolations, waitForResults, type TabName } from "./pane";
import type { StaticServer } from "./serve";

/** The part of the fake runtime read or driven in the page. */
interface FakeInPage {
  readonly stats: { valueReads: string[] };
  readonly state: { readonly changeHandlers: readonly unknown[] };
  userEdit(sheet: string, address: string, value: unknown): Promise<void>;
  resetStats(): void;
}

const fake = <T>(page: Page, read: (f: FakeInPage) => T | Promise<T>): Promise<T> =>
  page.evaluate(`(${read.toString()})(window.__fakeOffice)`) as Promise<T>;

/** Waits until the fake has `n` worksheets.onChanged handlers registered. */
const handlersBecome = (page: Page, n: number) =>
  page.waitForFunction(
    (count) =>
      (window as unknown as { __fakeOffice: FakeInPage }).__fakeOffice.state.changeHandlers
        .length === count,
    n
  );

const DARK_THEME = {
  bodyBackgroundColor: "#262626",
  bodyForegroundColor: "#ffffff",
  controlBackgroundColor: "#404040",
  controlForegroundColor: "#ffffff",
};

describe.runIf(chromiumAvailable())(
  "Office host hardening (taskpane.html on the fake Excel)",
  () => {
    let server: StaticServer;
    let browser: Browser;
    let sheets: FakeOfficeOptions["sheets"];

    beforeAll(async () => {
      ({ browser, server, sheets } = await paneEnvironment());
    }, 600_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    const officeJs = (options: Omit<FakeOfficeOptions, "sheets">) =>
      fakeOfficeScript({ sheets, platform: "OfficeOnline", ...options });

    it("says in Chinese what to check when Office.onReady never settles (10 s)", async () => {
      const context = await browser.newContext({ viewport: { width: 320, height: 700 } });
      const body = await officeJs({ onReady: "never" });
      await context.route(OFFICE_JS_CDN, (route) =>
        route.fulfill({ status: 200, contentType: "text/javascript", body })
      );
      const page = await context.newPage();
      await page.clock.install();
      await page.goto(server.url + "taskpane.html");
      await page.getByRole("button", { name: "运行校验" }).waitFor();
      await page.clock.runFor(9_000);
      expect(await page.locator("main").innerText()).not.toContain("未能就绪");
      await page.clock.runFor(1_100);
      const message = page.getByText("Office 脚本（office.js）在10秒内未能就绪");
      await message.waitFor();
      const text = await message.innerText();
      expect(text).toContain("内网版（npm run build:intranet");
      expect(text).toContain("代理服务器");
      expect(await page.getByRole("button", { name: "运行校验" }).count()).toBe(0);
      await screenshot(page, "taskpane-office-not-ready");
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    });

    it("validates when Range.values comes back null (read again in chunks)", async () => {
      const [plain, nulls] = await Promise.all([
        officeJs({}),
        officeJs({ nullValuesAboveCells: 40 }),
      ]);
      const summaries: string[] = [];
      for (const body of [plain, nulls]) {
        const { context, page } = await openPage(browser, server.url + "taskpane.html", {
          officeJs: body,
        });
        await page.getByRole("button", { name: "运行校验" }).click();
        await waitForResults(page);
        summaries.push(await page.locator("main").innerText());
        if (body === nulls)
          expect(await fake(page, (f) => f.stats.valueReads.length)).toBeGreaterThan(3);
        await context.close();
      }
      expect(summaries[1]).toContain("T1-01");
      expect(summaries[1]).toBe(summaries[0]);
    });

    async function expectDarkOnEveryTab(page: Page, name: string): Promise<void> {
      await page.getByRole("button", { name: "运行校验" }).click();
      await waitForResults(page);
      expect(await page.evaluate(() => document.documentElement.dataset.colorScheme)).toBe("dark");
      const background = await page.evaluate(
        () =>
          getComputedStyle(document.querySelector("main")!.closest(".fui-FluentProvider")!)
            .backgroundColor
      );
      expect(background).toBe("rgb(41, 41, 41)"); // webDarkTheme's colorNeutralBackground1
      for (const tab of ["校验", "同比", "报告", "模板"] as TabName[]) {
        await openTab(page, tab);
        if (tab === "同比") await page.getByTestId("comparison").first().waitFor();
        if (tab === "报告")
          await page.waitForFunction(
            () => (document.querySelector("textarea")?.value ?? "").length > 0
          );
        await screenshot(page, `${name}-${tab}`);
        expect(await axeViolations(page), tab).toEqual([]);
      }
    }

    it("takes the dark theme from Office.context.officeTheme; axe finds no contrast problem on any tab", async () => {
      const { context, page } = await openPage(browser, server.url + "taskpane.html", {
        officeJs: await officeJs({ officeTheme: DARK_THEME }),
      });
      await expectDarkOnEveryTab(page, "taskpane-dark");
      await context.close();
    });

    it("without officeTheme (Excel on the web) follows prefers-color-scheme; light otherwise", async () => {
      const body = await officeJs({});
      for (const colorScheme of ["dark", "light"] as const) {
        const context = await browser.newContext({
          viewport: { width: 320, height: 900 },
          colorScheme,
        });
        await context.route(OFFICE_JS_CDN, (route) =>
          route.fulfill({ status: 200, contentType: "text/javascript", body })
        );
        const page = await context.newPage();
        await page.goto(server.url + "taskpane.html");
        await page.getByRole("button", { name: "运行校验" }).waitFor();
        if (colorScheme === "dark") await expectDarkOnEveryTab(page, "taskpane-web-dark");
        else
          expect(await page.evaluate(() => document.documentElement.dataset.colorScheme)).toBe(
            "light"
          );
        await context.close();
      }
    });

    it("修改后自动重新校验: an edit made while a re-check reads is not lost (both sheets end up checked)", async () => {
      const { context, page } = await openPage(browser, server.url + "taskpane.html", {
        officeJs: await officeJs({ latencyMs: 1_000 }),
      });
      await page.getByRole("button", { name: "运行校验" }).click();
      await waitForResults(page);
      await page.getByRole("switch", { name: "修改后自动重新校验" }).click();
      await handlersBecome(page, 1);
      await fake(page, (f) => f.userEdit("表1 2013", "F7", 2)); // fixes T1-01 at E7
      // 0.8 s later the re-check of 表1 starts and reads for 2 s (each sync takes 1 s); 表2 is
      // edited meanwhile, so its re-check starts (0.8 s later) while 表1's is still reading
      await page.waitForTimeout(1_000);
      await fake(page, (f) => f.userEdit("表2 2013", "C5", "两期")); // a G-02 (not a number)
      await page.locator('button[data-rule="G-02"][data-cell="C5"]').waitFor({ timeout: 15_000 });
      await page.getByRole("status").filter({ hasText: "错误" }).first().waitFor();
      expect(await page.locator('button[data-rule="T1-01"][data-cell="E7"]').count()).toBe(0);
      await context.close();
    });

    it("修改后自动重新校验: re-reads only the changed sheet after the edits settle; off removes the handler", async () => {
      const { context, page } = await openPage(browser, server.url + "taskpane.html", {
        officeJs: await officeJs({}),
      });
      await page.getByRole("button", { name: "运行校验" }).click();
      await waitForResults(page);
      const t101 = page.locator('button[data-rule="T1-01"][data-cell="E7"]');
      expect(await t101.count()).toBe(1);

      const toggle = page.getByRole("switch", { name: "修改后自动重新校验" });
      expect(await toggle.isChecked()).toBe(false);
      expect(await fake(page, (f) => f.state.changeHandlers.length)).toBe(0);
      await toggle.click();
      await handlersBecome(page, 1);

      // the user fixes 其中：教工 (F7: 1 → 2, so 3 = 2 + 1) in two quick edits
      await fake(page, (f) => {
        f.resetStats();
        return Promise.all([f.userEdit("表1 2013", "F7", 5), f.userEdit("表1 2013", "F7", 2)]).then(
          () => undefined
        );
      });
      await t101.waitFor({ state: "detached", timeout: 10_000 });
      await page.getByText("已自动重新校验：“表1 2013”").waitFor();
      expect(await fake(page, (f) => f.stats.valueReads)).toEqual(["表1 2013"]); // one re-check, one sheet
      await screenshot(page, "taskpane-自动重新校验");
      expect(await axeViolations(page)).toEqual([]);

      await toggle.click();
      await handlersBecome(page, 0);
      await fake(page, (f) => {
        f.resetStats();
        return f.userEdit("表1 2013", "F7", 1);
      });
      await page.waitForTimeout(1_500);
      expect(await fake(page, (f) => f.stats.valueReads)).toEqual([]);
      expect(await t101.count()).toBe(0); // not re-checked: still the last result
      await context.close();
    });
  }
);
