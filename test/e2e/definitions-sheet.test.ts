/**
 * End to end: definitions kept in the workbook's 报表定义 sheet (docs/definitions.md). On the fake
 * Excel, 插入报表定义 inserts the definitions in force (never over the sheet there) and the next
 * 校验 uses it; a workbook whose sheet defines a 表5 gets 表5's issues, 同比, paragraph, templates
 * and "五张" wording. On the browser page, the same workbook as a file. axe and 320 px
 * screenshots of the screens changed.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { chromiumAvailable } from "./chromium";
import { fakeOfficeScript, fakeSheets } from "./fakeOffice";
import { builtPagesForSuite } from "./suite";
import { openPage, openTab, screenshot, axeViolations, waitForResults } from "./pane";
import { writeSheets } from "../../src/hosts/xlsx/write-sheets";
import { DEFINITIONS_SHEET } from "../../src/core/definitions/sheet";
import { fiveGridWith, sampleWithT5 } from "../core/bureau-fixtures";

/** The names of the fake workbook's sheets now. */
function fakeSheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (
      window as unknown as { __fakeOffice: { state: { sheets: Array<{ name: string }> } } }
    ).__fakeOffice.state.sheets.map((s) => s.name)
  );
}

const inForce = (page: Page, text: string) =>
  // the built-ins are named for screen readers only (no line of their own at 320 px): attached
  page.getByTestId("definitions-in-force").filter({ hasText: text }).waitFor({ state: "attached" });

describe.runIf(chromiumAvailable())("the 报表定义 sheet (fake Excel and the browser page)", () => {
  const env = builtPagesForSuite();

  async function pane(withDefinitions: boolean) {
    const officeJs = await fakeOfficeScript({
      sheets: fakeSheets({ sheets: sampleWithT5(withDefinitions) }),
      platform: "OfficeOnline",
    });
    return openPage(env.browser, env.server.url + "taskpane.html", { officeJs });
  }

  it("插入报表定义 inserts the built-ins as a sheet, never over it; the next 校验 uses it", async () => {
    const { context, page, dialogs } = await pane(false);
    await page.getByRole("button", { name: "运行校验" }).click();
    await waitForResults(page);
    await inForce(page, "内置（表1–表4）");
    // without definitions for it, 表5's sheet is no table
    expect(await page.locator('button[data-rule="T5-01"]').count()).toBe(0);

    await openTab(page, "模板");
    await page.getByText("四张统计表（党员发展情况、").waitFor();
    await page.getByRole("button", { name: "插入报表定义" }).click();
    await page.getByText("已插入工作表“报表定义”：内置（表1–表4）的四张表的定义").waitFor();
    expect(await fakeSheetNames(page)).toContain(DEFINITIONS_SHEET);
    await screenshot(page, "taskpane-模板-报表定义");
    expect(await axeViolations(page)).toEqual([]);
    const count = (await fakeSheetNames(page)).length;
    await page.getByRole("button", { name: "插入报表定义" }).click();
    await page.getByText(/已有“报表定义”工作表，未插入（不会覆盖）/).waitFor();
    expect((await fakeSheetNames(page)).length).toBe(count);

    await openTab(page, "校验");
    await page.getByRole("button", { name: "重新校验" }).click();
    await inForce(page, "工作簿中的“报表定义”（表1–表4）");
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it("a workbook whose 报表定义 defines a 表5: its issues, 同比, paragraph, templates and 五张", async () => {
    const { context, page, dialogs } = await pane(true);
    await page.getByRole("button", { name: "运行校验" }).click();
    await waitForResults(page);
    await inForce(page, "工作簿中的“报表定义”（表1–表5）");
    await page.locator('button[data-rule="T5-01"]').first().waitFor();
    await screenshot(page, "taskpane-校验-报表定义表5");
    expect(await axeViolations(page)).toEqual([]);

    await openTab(page, "同比");
    await page.getByText("宣讲场次").first().waitFor();
    await openTab(page, "报告");
    await page.waitForFunction(() =>
      (document.querySelector("textarea")?.value ?? "").includes("全年开展宣讲活动65场")
    );

    await openTab(page, "模板");
    await page.getByText("五张统计表（党员发展情况、").waitFor();
    await page.getByRole("textbox", { name: "统计年度" }).fill("2014");
    const before = (await fakeSheetNames(page)).length;
    await page.getByRole("button", { name: "插入模板" }).click();
    await page.getByText(/已插入5张工作表/).waitFor();
    const names = await fakeSheetNames(page);
    expect(names.length).toBe(before + 5);
    expect(names).toContain(`表5 宣传与政务公开 2014`);
    await screenshot(page, "taskpane-模板-表5");
    expect(await axeViolations(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it("on the browser page: the workbook's 报表定义 is used, and a wrong entry is named by its cell", async () => {
    const { context, page } = await openPage(env.browser, env.server.url + "index.html");
    const sheets = sampleWithT5(true);
    await page.locator('input[aria-label="选择 Excel 工作簿"]').setInputFiles({
      name: "带定义.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(writeSheets(sheets.map((sheet) => ({ sheet })))),
    });
    await inForce(page, "工作簿中的“报表定义”（表1–表5）");
    await page.locator('button[data-rule="T5-01"]').first().waitFor();
    await openTab(page, "报告");
    await page.waitForFunction(() =>
      (document.querySelector("textarea")?.value ?? "").includes("全年开展宣讲活动65场")
    );
    await screenshot(page, "browser-报表定义");
    expect(await axeViolations(page)).toEqual([]);

    const { grid: wrong, row } = fiveGridWith("T5", "列", "宣讲场次", 3, "数字");
    await page.locator('input[aria-label="选择 Excel 工作簿"]').setInputFiles({
      name: "错误定义.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(
        writeSheets(
          [...sheets.slice(0, -1), { name: DEFINITIONS_SHEET, values: wrong }].map((sheet) => ({
            sheet,
          }))
        )
      ),
    });
    await openTab(page, "校验");
    await page
      .getByText(
        `报表定义第${row}行“内容”（D${row}）：表5（T5）的列“宣讲场次”：类型“数字”无效，应为文本、选项、计数、小数、金额、日期、百分比之一`
      )
      .waitFor();
    await context.close();
  });
});
