/**
 * The browser page (index.html, production build) end to end in headless Chromium: pick a file →
 * 校验 → issues by sheet → click → the cell shown; 同比; 报告 → copy (read back as HTML) and
 * .docx download; 模板. On every tab: axe (no serious/critical violation), a screenshot at
 * 320 px, hostile cell text shown as text, no request beyond the page's origin, no CSP violation.
 */
import { existsSync, promises as fs, readdirSync } from "node:fs";
import path from "node:path";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { ROOT, ensureBuilt } from "./build";
import { chromiumAvailable, foreignRequests, launchChromium, type Traffic } from "./chromium";
import { HOSTILE_HTML, makeFixtureWorkbook } from "./fixture";
import { T5 } from "../core/bureau-fixtures";
import { BUILTIN_DEFINITIONS, type TableDefinition } from "../../src/core/definitions";
import { writeTemplateWorkbook } from "../../src/hosts/xlsx/template";
import {
  cspViolations,
  openPage,
  downloadDocx,
  openTab,
  readClipboard,
  screenshot,
  axeViolations,
  waitForResults,
} from "./pane";
import { serveStatic, type StaticServer } from "./serve";

const SAMPLES_DIR = path.join(ROOT, "assets", "samples");
const samples = existsSync(SAMPLES_DIR)
  ? readdirSync(SAMPLES_DIR)
      .filter((f) => f.endsWith(".xlsx"))
      .sort()
  : [];

describe.runIf(chromiumAvailable())("browser page (index.html)", () => {
  let server: StaticServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let traffic: Traffic;
  let dialogs: string[];

  beforeAll(async () => {
    const [dir, b] = await Promise.all([ensureBuilt(), launchChromium()]);
    browser = b;
    server = await serveStatic(dir);
    ({ context, page, traffic, dialogs } = await openPage(browser, server.url + "index.html"));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the empty state in Chinese, with no workbook", async () => {
    expect(await page.getByText("尚未打开工作簿").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "选择 Excel 工作簿" }).isVisible()).toBe(true);
    // the steps name the controls this page has: no 运行校验 button before a file is chosen
    const steps = await page.getByTestId("three-steps").innerText();
    expect(steps).toContain("选择 Excel 工作簿");
    expect(steps).not.toContain("运行校验");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("validates a picked file: counts, issues grouped by sheet, severity filter, 已说明", async () => {
    await page.locator('input[aria-label="选择 Excel 工作簿"]').setInputFiles({
      name: "测试工作簿.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(await makeFixtureWorkbook()),
    });
    await waitForResults(page);
    const status = await page.getByRole("status").filter({ hasText: "错误" }).first().innerText();
    const errors = Number(/(\d+)项错误/.exec(status)?.[1]);
    const warnings = Number(/(\d+)项警告/.exec(status)?.[1]);
    expect(errors).toBeGreaterThanOrEqual(2); // T1-01 and T1-03 at least
    expect(warnings).toBeGreaterThanOrEqual(1);
    // the verdict says what stands in the way; the year reported and compared with is shown
    const verdict = await page.getByTestId("verdict").innerText();
    expect(verdict).toContain("暂不能上报");
    expect(verdict).toContain(`${errors}项错误未改正`);
    expect(verdict).toContain("缺少2013年的 表3 经费情况、表4 信访咨询办理情况");
    expect(await page.getByTestId("year-bar").innerText()).toMatch(
      /报告年度\s*2013年[\s\S]*与2012年比较/
    );
    expect(await page.locator("#report-year option").allInnerTexts()).toEqual(["2013年", "2012年"]);
    // grouped by sheet
    const groups = await page.locator("section h2").allInnerTexts();
    expect(groups.some((g) => g.startsWith("表1 党员发展情况（工作表“表1 2013”）"))).toBe(true);
    // the T1-01 issue is there, with its rule id and cell
    const t101 = page.locator('button[data-rule="T1-01"]').first();
    expect(await t101.getAttribute("data-cell")).toMatch(/^[A-Z]+\d+$/);
    // named in the statistician's words: the row and its unit, the column; the rule code beside it
    expect(await t101.innerText()).toMatch(/第\d+行 · 单位名称“[^”]+”/);
    expect(
      await page.getByTestId("rule-code").filter({ hasText: "T1-01" }).count()
    ).toBeGreaterThan(0);
    // an explained warning shows 已说明
    expect(await page.locator("li", { hasText: "已说明" }).count()).toBeGreaterThanOrEqual(1);
    // filter: errors only
    await page.getByRole("radio", { name: /^错误/ }).check();
    const items = await page.locator("section li").allInnerTexts();
    expect(items.length).toBe(errors);
    expect(items.every((t) => t.startsWith("错误"))).toBe(true);
    await page.getByRole("radio", { name: /^全部/ }).check();
    await screenshot(page, "browser-校验");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("clicking an issue shows its sheet and cell in a grid, highlighted", async () => {
    const item = page.locator('button[data-rule="T1-01"]').first();
    const cell = await item.getAttribute("data-cell");
    await item.click();
    const preview = page.getByTestId("cell-preview");
    await preview.waitFor();
    expect(await preview.locator("caption").innerText()).toContain(
      `工作表“表1 2013”，${cell}单元格`
    );
    const hit = preview.locator('td[aria-current="location"]');
    expect(await hit.count()).toBe(1);
    expect(await item.getAttribute("aria-current")).toBe("true");
    await screenshot(page, "browser-校验-定位");
  });

  it("shows hostile cell text as text (no markup, no script, no formula)", async () => {
    // the hostile names are in the preview grid of 表1 (column A) when visible; and in the draft below
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("同比: table and chart", async () => {
    await openTab(page, "同比");
    await page.getByTestId("comparison").first().waitFor();
    const text = await page.locator("main").innerText();
    expect(text).toContain("发展预备党员");
    expect(text).toMatch(/比上年(增加|减少)|与上年持平/);
    expect(await page.getByTestId("comparison-chart").count()).toBeGreaterThanOrEqual(1);
    // figures fed by the fixture's errors (T1-01, T1-03) are marked, with a banner above
    const banner = await page.getByTestId("unverified-banner").innerText();
    const flagged = await page.locator('li[data-unverified="true"]').count();
    expect(flagged).toBeGreaterThanOrEqual(2);
    expect(banner).toContain(`${flagged}个数字待核`);
    expect(await page.locator('li[data-unverified="true"]').first().innerText()).toContain(
      "【待核】"
    );
    await screenshot(page, "browser-同比");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("报告: options, editable draft, copy as HTML + text, .docx download", async () => {
    await openTab(page, "报告");
    const draft = page.getByRole("textbox", { name: "报告草稿（可直接修改）" });
    await page.waitForFunction(() => (document.querySelector("textarea")?.value ?? "").length > 0);
    const text = await draft.inputValue();
    expect(text).toContain("发展预备党员");
    expect(text).not.toContain("undefined");
    // 发展预备党员 includes the T1-01 row: marked, and counted in the banner above the draft
    expect(text).toMatch(/发展预备党员\d+人【待核】/);
    const marks = text.split("【待核】").length - 1;
    expect(await page.getByTestId("unverified-banner").innerText()).toContain(`${marks}个数字待核`);
    // under the draft: each marked number and why
    const doubts = page.getByTestId("unverified-list");
    expect(await doubts.locator("summary").innerText()).toBe(
      `待核数字（${marks}处，改正或说明后重新校验）`
    );
    expect(await doubts.locator("ol > li").count()).toBe(marks);
    await doubts.evaluate((d) => ((d as HTMLDetailsElement).open = true));
    expect(await doubts.innerText()).toMatch(/发展预备党员：\d+人\n“表1[^”]*”第\d+行/);
    // the user edits the draft; the edit is kept and copied
    await draft.fill(text + "\n　　人工补充的一段。" + HOSTILE_HTML);
    await page.getByRole("button", { name: "复制" }).click();
    await page.getByText("已复制").waitFor();
    const clip = await readClipboard(page);
    expect(clip.types).toEqual(expect.arrayContaining(["text/html", "text/plain"]));
    expect(clip.text).toContain("人工补充的一段。");
    expect(clip.html).toContain("人工补充的一段。");
    expect(clip.html).toMatch(/仿宋/);
    expect(clip.html).not.toContain(HOSTILE_HTML);
    expect(clip.html).toContain("&lt;img");
    const docx = await downloadDocx(page);
    expect(docx.name).toMatch(/\.docx$/);
    expect(docx.documentXml).toContain("人工补充的一段。");
    expect(docx.documentXml).toContain("&lt;img");
    // options re-draft without losing the edit
    const inWan = page.getByRole("switch", { name: /万元/ });
    await inWan.click();
    expect(await inWan.isChecked()).toBe(true);
    expect(await draft.inputValue()).toContain("人工补充的一段。");
    await page.getByRole("button", { name: "按当前选项重新生成" }).click();
    expect(await draft.inputValue()).not.toContain("人工补充的一段。");
    await screenshot(page, "browser-报告");
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
  });

  it("the year is chosen in the page: 2012 reported on choosing it; the banner leads to the issues", async () => {
    await openTab(page, "报告");
    await page.locator("#report-year").selectOption("2012");
    await page.getByTestId("year-bar").filter({ hasText: "没有2011年的表，不作同比" }).waitFor();
    await page.waitForFunction(() =>
      (document.querySelector("textarea")?.value ?? "").includes("发展预备党员17人")
    );
    // 2012 has no error: no mark, no banner
    expect(await page.locator("textarea").inputValue()).not.toContain("【待核】");
    expect(await page.getByTestId("unverified-banner").count()).toBe(0);
    await screenshot(page, "browser-报告-2012");
    await page.locator("#report-year").selectOption("2013");
    await page.getByTestId("unverified-banner").waitFor();
    await page.getByRole("button", { name: "查看问题" }).click();
    await page.waitForFunction(
      () => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent === "校验"
    );
    await page.locator('button[data-rule="T1-01"]').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("模板: downloads the blank templates for a year as .xlsx", async () => {
    await openTab(page, "模板");
    await page.getByRole("textbox", { name: "统计年度" }).fill("2014");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载空白模板工作簿" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("统计报表模板-2014.xlsx");
    const parts = unzipSync(new Uint8Array(await fs.readFile(await download.path())));
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining(["xl/workbook.xml", "[Content_Types].xml"])
    );
    const sheets = readXlsx(new Uint8Array(await fs.readFile(await download.path()))).sheets.map(
      (s) => s.name
    );
    expect(sheets.length).toBe(4);
    await page.getByText("已下载“统计报表模板-2014.xlsx”").waitFor();
    await screenshot(page, "browser-模板");
    expect(await axeViolations(page)).toEqual([]);
  });

  it("a bureau's own definitions loaded from a file: a fifth table checked, compared and drafted", async () => {
    const t5 = (year: number, talks: number) => ({
      tableId: "T5",
      definition: T5 as unknown as TableDefinition,
      year,
      rows: [{ 单位名称: "局机关", 宣讲场次: talks, 政务信息条数: 100, 政务微博条数: 40 }],
    });
    const workbook = await writeTemplateWorkbook([t5(2013, 90), t5(2012, 40)]);
    await page.locator('input[aria-label="载入表定义文件"]').setInputFiles({
      name: "五张表.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ tables: [...BUILTIN_DEFINITIONS, T5] })),
    });
    await page.locator('input[aria-label="选择 Excel 工作簿"]').setInputFiles({
      name: "宣传.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(workbook),
    });
    await page
      .getByTestId("definitions-in-force")
      .filter({ hasText: "文件“五张表.json”（表1–表5）" })
      .waitFor();
    await openTab(page, "报告");
    await page.waitForFunction(() =>
      (document.querySelector("textarea")?.value ?? "").includes(
        // 90 against 40 is a large change (G-05) with no 备注: in doubt until explained
        "全年开展宣讲活动90场【待核】，比上年增加50场"
      )
    );
    await screenshot(page, "browser-表定义");
    // a file that is no JSON: said when it is picked, with its line and column
    await page.locator('input[aria-label="载入表定义文件"]').setInputFiles({
      name: "错误.json",
      mimeType: "application/json",
      buffer: Buffer.from('{ "tables": [ { "id": "T5", } ] }'),
    });
    await page
      .getByText(
        '无法使用表定义：错误.json：不是有效的 JSON：第1行第29列有语法错误（“"id": "T5", } ] }”附近）'
      )
      .waitFor();
    // a wrong definitions file: the analysis lists every problem, one a line, saying what and where
    const bad = {
      ...T5,
      columns: T5.columns.map((c, i) => (i === 3 ? { ...c, key: "Bad key" } : c)),
      rules: [{ ...T5.rules[0], check: "宣讲场次 ≤ 场地数" }],
    };
    await page.locator('input[aria-label="载入表定义文件"]').setInputFiles({
      name: "错误.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify({ tables: [bad] })),
    });
    await openTab(page, "校验");
    const problems = page.getByText("错误.json：表定义有2处错误，未使用：");
    await problems.waitFor();
    // under the notice's title (校验未完成), the file named once, then one problem a line (the
    // same lines as the command line's)
    expect((await problems.innerText()).replace(/^校验未完成/, "").split("\n")).toEqual([
      "错误.json：表定义有2处错误，未使用：",
      "表5（T5）第4列“政务微博条数”的键（key）“Bad key”：只能用英文字母和数字，以小写字母开头",
      "表5（T5）规则 T5-01 的检查式（check）“宣讲场次 ≤ 场地数”：“场地数”不是本表的列，也不是设置",
      "下面仍是上一次校验的结果。",
    ]);
    await screenshot(page, "browser-表定义-错误");
    await page.getByRole("button", { name: "改用内置定义" }).click();
    await page
      .getByTestId("definitions-in-force")
      .filter({ hasText: "内置（表1–表4）" })
      .waitFor({ state: "attached" });
    // with the built-ins, the 表5 workbook holds no table (the run has ended: axe sees the result)
    await page.getByText("没有找到统计表").waitFor();
    expect(await axeViolations(page)).toEqual([]);
  });

  it("made no request beyond its own origin, and no CSP violation", async () => {
    expect(traffic.requests.length).toBeGreaterThan(1);
    expect(foreignRequests(traffic.requests, server.origin)).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(traffic.problems).toEqual([]);
  });

  it.runIf(samples.length > 0)("opens each bundled sample from the same origin", async () => {
    for (const sample of samples) {
      const p = await context.newPage();
      await p.goto(`${server.url}index.html?sample=${encodeURIComponent(sample)}`);
      await waitForResults(p);
      expect(await p.getByText("没有找到统计表").count()).toBe(0);
      const verdict = await p.getByTestId("verdict").innerText();
      expect(verdict).toContain(sample.includes("mistakes") ? "暂不能上报" : "可以上报");
      await screenshot(p, `browser-示例-${sample.replace(/\.xlsx$/, "")}`);
      await p.close();
    }
    expect(foreignRequests(traffic.requests, server.origin)).toEqual([]);
  });

  it("报告 → 查看来源: clicking a number highlights its cells in the sheet preview", async () => {
    const p = await context.newPage();
    await p.goto(`${server.url}index.html?sample=bureau-stats-2013.xlsx`);
    await waitForResults(p);
    await openTab(p, "报告");
    await p.getByRole("button", { name: "查看来源" }).click();
    await p.locator('button[data-figure="49人"]').first().click();
    const preview = p.getByTestId("cell-preview");
    await preview.waitFor();
    expect(await preview.locator("caption").innerText()).toBe("工作表“表1 党员发展 2013”，E4:E30");
    // E4:E30: 27 cells highlighted, E31 (合计) and D4 not
    expect(await preview.locator('td[data-selected="true"]').count()).toBe(27);
    const header = await preview.locator("thead th").allInnerTexts();
    const e = header.indexOf("E") + 1; // the first cell of a row is its number
    const row31 = preview.locator("tbody tr").filter({ has: p.locator("th", { hasText: /^31$/ }) });
    expect(
      await row31
        .locator("td")
        .nth(e - 1)
        .getAttribute("data-selected")
    ).toBeNull();
    expect(await p.getByTestId("source-selection").innerText()).toContain(
      "已选中“表1 党员发展 2013”的 E4:E30"
    );
    await screenshot(p, "browser-报告-来源");
    expect(await axeViolations(p)).toEqual([]);
    await p.close();
  });

  it("报告 → 查看来源: a 【待核】 number's card lists the issues that make it so, worded as in 校验", async () => {
    const p = await context.newPage();
    await p.goto(`${server.url}index.html?sample=bureau-stats-2013-mistakes.xlsx`);
    await waitForResults(p);
    const messages = await p.locator("button[data-rule]").allInnerTexts();
    await openTab(p, "报告");
    await p.getByRole("button", { name: "查看来源" }).click();
    const number = p.locator('button[data-figure="264人"]').first();
    await p.getByRole("button", { name: "查看来源" }).focus();
    await number.focus();
    const card = p.getByTestId("figure-source");
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain("待核（相关问题）");
    const items = await card.locator("li").allInnerTexts();
    const issues = items.filter((i) => !/^(本年|合计|上年)/.test(i));
    expect(issues.length).toBeGreaterThan(0);
    // each is the message of an issue of 校验 (there in two lines: what is wrong, what to do)
    const flat = (t: string) => t.replace(/\s/g, "");
    for (const issue of issues)
      expect(
        messages.map(flat).some((m) => m.includes(flat(issue))),
        `${issue}\n${messages.join("\n---\n")}`
      ).toBe(true);
    await screenshot(p, "browser-报告-来源-待核");
    await p.close();
  });
});
