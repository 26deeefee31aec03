/**
 * 汇总 in both pages, production build in headless Chromium: the browser page (index.html) reads
 * the sample unit files in a worker, shows the per-unit report, lets the user choose between a
 * unit's two files and downloads the merged workbook; the task pane (taskpane.html on the fake
 * Excel) inserts the merged tables as new sheets. Cancel, axe, 320 px screenshots, no request
 * beyond the page's origin, no CSP violation.
 */
import { promises as fs, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { mergeWorkbooks, unitListFromSheet } from "../../src/core/merge";
import { isXlsxReadError } from "../../src/hosts/xlsx/errors";
import { OFFICE_JS_CDN, chromiumAvailable, foreignRequests } from "./chromium";
import { fakeOfficeScript } from "./fakeOffice";
import { builtPagesForSuite } from "./suite";
import { axeViolations, cspViolations, openPage, screenshot } from "./pane";
import { LIST, REVISED, UNITS, mergeSample, openMerge, unitFiles } from "./units";

/** What the core makes of the sample set with the revised file chosen (to compare the pages with). */
function expectedMerge() {
  const list = unitListFromSheet(readXlsx(readFileSync(LIST)).sheets[0]!);
  const files = unitFiles().map((p) => {
    const file = path.basename(p);
    try {
      return { file, workbook: readXlsx(readFileSync(p)) };
    } catch (e) {
      return { file, unreadable: isXlsxReadError(e) ? e.reason : String(e) };
    }
  });
  return mergeWorkbooks(files, { units: list, prefer: [REVISED] });
}

describe.runIf(chromiumAvailable())("汇总 tab", () => {
  const env = builtPagesForSuite();

  it("browser page: reads the unit files in a worker, reports each unit, downloads the merged workbook", async () => {
    const { context, page, traffic, dialogs } = await openPage(
      env.browser,
      env.server.url + "index.html"
    );
    await openMerge(page);
    await screenshot(page, "browser-汇总-空");
    expect(await axeViolations(page)).toEqual([]);
    await mergeSample(page);
    const text = await page.locator("main").innerText();
    expect(text).toContain("读取文件12个，合并10个单位（名单12个单位）");
    expect(text).toContain("错误 昆山市实验幼儿园：未上报，汇总中没有该单位的数据");
    // the truncated file once, in words that say what to do; rows needing action come first, open
    expect(text.split("文件不完整，可能在传输中损坏。请让该单位重新发送。")).toHaveLength(2);
    expect(text).toContain("“办结数”34多于“受理数”31");
    // places in words, the cell and rule small after them; no sheet!cell address anywhere
    expect(text).toContain("表1 党员发展 2013 第4行（昆山市葛江中学）“发展预备党员”");
    expect(await page.getByTestId("merge-address").first().innerText()).toMatch(
      /^[A-Z]{1,3}\d+(·[A-Z0-9-]+)?$/
    );
    expect(text).not.toMatch(/!\$?[A-Z]{1,3}\$?\d/);
    // a merged unit's warnings show when its row is opened
    await page.getByRole("button", { name: /江苏省昆山第一中等专业学校/ }).click();
    expect(await page.locator("main").innerText()).toContain("表1多出列 联系电话");
    const workers = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .map((e) => e.name)
        .filter((n) => n.includes("merge-worker"))
    );
    expect(workers.length).toBe(1);
    await screenshot(page, "browser-汇总");
    expect(await axeViolations(page)).toEqual([]);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载汇总工作簿" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("汇总2013.xlsx");
    const merged = readXlsx(new Uint8Array(await fs.readFile(await download.path())));
    const expected = expectedMerge();
    expect(merged.sheets.map((s) => s.name)).toEqual(expected.workbook.sheets.map((s) => s.name));
    for (const t of expected.tables) {
      const sheet = merged.sheets.find((s) => s.name === t.sheet)!;
      const total = sheet.values[t.headerRow + 1 + t.rows.length] ?? [];
      t.total.forEach((v, k) => expect(total[k] ?? null, `${t.sheet} ${k}`).toBe(v ?? null));
    }
    expect(foreignRequests(traffic.requests, env.server.origin, [])).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  });

  it("browser page: a folder picked at once, another year asked for, and 取消 stops the merge", async () => {
    const { context, page } = await openPage(env.browser, env.server.url + "index.html");
    await openMerge(page);
    // the folder holds the unit list too: it is no unit's file once picked as the list
    await page.getByTestId("merge-folder").setInputFiles(UNITS);
    await page.getByText("已选择13个文件。").waitFor();
    await page.getByTestId("merge-list").setInputFiles(LIST);
    await page.getByRole("button", { name: "开始合并" }).click();
    await page.getByText(/读取文件12个/).waitFor({ timeout: 60_000 });
    // another year asked for: every file is of 2013, none is merged, and each is said so
    await page.getByRole("textbox", { name: "统计年度（可选）" }).fill("2012");
    await page.getByRole("button", { name: "开始合并" }).click();
    await page.getByText(/读取文件12个，合并0个单位/).waitFor({ timeout: 60_000 });
    expect(await page.locator("main").innerText()).toContain("是2013年的表，不是2012年，未合并");
    expect(await page.getByRole("button", { name: "下载汇总工作簿" }).isDisabled()).toBe(true);
    await page.getByRole("textbox", { name: "统计年度（可选）" }).fill("13");
    expect(await page.getByRole("button", { name: "开始合并" }).isDisabled()).toBe(true);
    await page.getByRole("textbox", { name: "统计年度（可选）" }).fill("");
    // cancel: many files (a merge of several seconds, whatever the machine's load), cancelled at once
    const many = Array.from({ length: 400 }, (_, i) => ({
      name: `单位${i}.xlsx`,
      mimeType: "application/octet-stream",
      buffer: readFileSync(unitFiles()[0]!),
    }));
    await page.getByTestId("merge-files").setInputFiles(many);
    await page.getByRole("button", { name: "开始合并" }).click();
    await page.getByRole("button", { name: "取消" }).click();
    await page.getByText("已取消合并，没有生成汇总表。").waitFor();
    expect(await page.getByRole("button", { name: "开始合并" }).isEnabled()).toBe(true);
    await context.close();
  });

  it("task pane on the fake Excel: inserts the merged tables as new sheets", async () => {
    const officeJs = await fakeOfficeScript({
      sheets: [{ name: "Sheet1", values: [["原有数据"]] }],
      platform: "OfficeOnline",
    });
    const { context, page, traffic, dialogs } = await openPage(
      env.browser,
      env.server.url + "taskpane.html",
      { officeJs }
    );
    await openMerge(page);
    await mergeSample(page);
    await page.getByRole("button", { name: "插入汇总表（新工作表）" }).click();
    await page.getByText(/已插入5张工作表/).waitFor();
    const sheets = await page.evaluate(() =>
      (
        window as unknown as {
          __fakeOffice: { state: { sheets: Array<{ name: string; values: unknown[][] }> } };
        }
      ).__fakeOffice.state.sheets.map((s) => ({ name: s.name, first: s.values[3]?.[0] }))
    );
    expect(sheets).toEqual([
      { name: "Sheet1", first: undefined },
      { name: "表1 汇总 2013", first: "昆山市教育局机关党总支" },
      { name: "表2 汇总 2013", first: "入党积极分子培训班" },
      { name: "表3 汇总 2013", first: "党员关爱帮扶行动募集" },
      { name: "表4 汇总 2013", first: "来电" },
      { name: "汇总来源", first: "表1 汇总 2013" },
    ]);
    await screenshot(page, "taskpane-汇总");
    expect(await axeViolations(page)).toEqual([]);
    expect(foreignRequests(traffic.requests, env.server.origin, [OFFICE_JS_CDN])).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    await context.close();
  });
});
