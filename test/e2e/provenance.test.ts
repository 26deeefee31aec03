/**
 * 报告 → 查看来源 in the production taskpane.html on the fake Excel, with the sample workbook:
 * a number of the draft shows where it comes from when hovered or focused, and clicking it
 * selects its cells in "Excel" (this year's, then last year's from its card); an edit of the
 * draft drops the provenance of the number edited, visibly. axe and a 320 px screenshot.
 */
import { promises as fs } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { ROOT, ensureBuilt } from "./build";
import { chromiumAvailable, launchChromium } from "./chromium";
import { fakeOfficeScript, fakeSheets } from "./fakeOffice";
import {
  axeViolations,
  openPage,
  openTab,
  readClipboard,
  screenshot,
  waitForResults,
} from "./pane";
import { serveStatic, type StaticServer } from "./serve";

const SAMPLE = path.join(ROOT, "assets", "samples", "bureau-stats-2013.xlsx");

/** The fake's selection, read in the page. */
function selection(page: Page): Promise<{ sheet: string; address: string } | undefined> {
  return page.evaluate(
    () =>
      (
        window as unknown as {
          __fakeOffice: { state: { selection?: { sheet: string; address: string } } };
        }
      ).__fakeOffice.state.selection
  );
}

describe.runIf(chromiumAvailable())("报告 → 查看来源 (taskpane.html on a fake Excel)", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const [dir, b, bytes] = await Promise.all([
      ensureBuilt(),
      launchChromium(),
      fs.readFile(SAMPLE),
    ]);
    browser = b;
    server = await serveStatic(dir);
    officeJs = await fakeOfficeScript({ sheets: fakeSheets(readXlsx(new Uint8Array(bytes))) });
  }, 600_000);
  let officeJs: string;

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function openReport(): Promise<Page> {
    const { page } = await openPage(browser, server.url + "taskpane.html", { officeJs });
    await page.getByRole("button", { name: "运行校验" }).click();
    await waitForResults(page);
    await openTab(page, "报告");
    await page.waitForFunction(() => (document.querySelector("textarea")?.value ?? "").length > 0);
    return page;
  }

  it("shows a number's provenance on hover and on focus; a click selects its cells", async () => {
    const page = await openReport();
    await page.getByRole("button", { name: "查看来源" }).click();
    const number = page.locator('button[data-figure="49人"]').first();
    await number.hover();
    const card = page.getByTestId("figure-source");
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain("发展预备党员");
    expect(text).toContain("E4:E30");
    expect(text).toContain("表1 党员发展 2013");
    expect(text).toContain("合计");
    await screenshot(page, "taskpane-报告-来源");
    expect(await axeViolations(page)).toEqual([]);

    // keyboard: focus opens the card of the number focused (only that one)
    await page.mouse.move(0, 0);
    await page.keyboard.press("Escape");
    await page.locator('button[data-figure="264人"]').first().focus();
    await page.getByTestId("figure-source").filter({ hasText: "培训入党积极分子" }).waitFor();
    expect(await page.getByTestId("figure-source").count()).toBe(1);

    await number.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      () =>
        (window as unknown as { __fakeOffice: { state: { selection?: unknown } } }).__fakeOffice
          .state.selection
    );
    expect(await selection(page)).toEqual({ sheet: "表1 党员发展 2013", address: "E4:E30" });
    await page
      .getByTestId("source-selection")
      .filter({ hasText: "已选中“表1 党员发展 2013”的 E4:E30" })
      .waitFor();

    // last year's cells from the card (the change 比上年增加6人 has them)
    // Escape closes the card (it lies over the lines below the number)
    await page.keyboard.press("Escape");
    await page.getByTestId("figure-source").waitFor({ state: "detached" });
    const change = page.locator('button[data-figure="6人"]').first();
    await change.click();
    await page.getByRole("button", { name: "选中上年单元格" }).click();
    await page.waitForFunction(
      () =>
        (window as unknown as { __fakeOffice: { state: { selection?: { sheet: string } } } })
          .__fakeOffice.state.selection?.sheet === "表1 党员发展 2012"
    );
    expect(await selection(page)).toEqual({ sheet: "表1 党员发展 2012", address: "E4:E30" });
  });

  it("drops the provenance of a number edited, and says so; the copy is clean text", async () => {
    const page = await openReport();
    const box = page.locator("textarea");
    const text = await box.inputValue();
    await box.fill(text.replace("发展预备党员49人", "发展预备党员50人"));
    await page.getByText("1个数字已修改，不再显示来源：49人").waitFor();
    await page.getByRole("button", { name: "查看来源" }).click();
    expect(await page.locator('button[data-figure="49人"]').count()).toBe(0);
    expect(await page.locator('button[data-figure="264人"]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId("draft-sources").innerText()).toContain("发展预备党员50人");

    // 复制 from 查看来源 copies the text alone: no formula, no cells
    await page.getByRole("button", { name: "复制" }).click();
    await page
      .getByText(/已复制/)
      .first()
      .waitFor();
    const copied = await readClipboard(page);
    expect(copied.text).toContain("发展预备党员50人");
    expect(copied.text).not.toMatch(/E4:E30|之和|来源/);
    expect(copied.html).not.toMatch(/E4:E30|之和|figure/);
  });
});
