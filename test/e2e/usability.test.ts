/**
 * A statistician's use of the browser page, production build in headless Chromium, the mistakes
 * sample: axe (moderate and above) on every tab including 汇总; a keyboard-only walk through the
 * whole workflow (skip links, an issue, its rule code's explanation, the tabs, 同比, 报告 and its
 * Word download, a stale status cleared by an edit); text ≥ 12 px; the chart's labels at the
 * table's scale at 320 and 1280 px; the header's height at 320 px; the place and the
 * preview's header row, unit column and dates.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ensureBuilt } from "./build";
import { chromiumAvailable, launchChromium } from "./chromium";
import { axeViolations, openPage, openTab, screenshot, waitForResults } from "./pane";
import { serveStatic, type StaticServer } from "./serve";

const MISTAKES = "bureau-stats-2013-mistakes.xlsx";

/** Elements holding text whose computed font size is below 12 px (tag, size, text). */
function smallText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !(n.textContent ?? "").trim() || el.closest("svg")) continue;
      const style = getComputedStyle(el);
      if (
        style.display === "none" ||
        style.visibility === "hidden" ||
        el.getClientRects().length === 0
      )
        continue;
      if (el.closest('[aria-hidden="true"]')) continue; // the rich copy's source, never shown
      const size = parseFloat(style.fontSize);
      if (size < 12)
        out.push(`${el.tagName} ${size}px ${(n.textContent ?? "").trim().slice(0, 20)}`);
    }
    return out;
  });
}

/**
 * The rendered size in px of the charts' labels: the 同比 bar charts' names and figures (HTML
 * text), and an SVG chart's text (font size × the SVG's scale).
 */
function chartLabelSizes(page: Page): Promise<number[]> {
  return page.evaluate(() => [
    ...[...document.querySelectorAll('[data-testid="comparison-chart"] span')]
      .filter((s) => (s.textContent ?? "").trim() !== "")
      .map((s) => parseFloat(getComputedStyle(s).fontSize)),
    ...[...document.querySelectorAll('svg[role="img"]')].flatMap((svg) => {
      const view = (svg as SVGSVGElement).viewBox.baseVal.width;
      const scale = svg.getBoundingClientRect().width / view;
      return [...svg.querySelectorAll("text")].map(
        (t) => Number(t.getAttribute("font-size")) * scale
      );
    }),
  ]);
}

/** Presses Tab until `done` holds for the focused element (at most `max` presses). */
async function tabUntil(page: Page, test: string, max = 80): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press("Tab");
    const hit = await page.evaluate((t) => Boolean(document.activeElement?.matches(t)), test);
    if (hit) return i;
  }
  throw new Error(`no ${test} within ${max} Tab presses`);
}

describe.runIf(chromiumAvailable())("a statistician's pane at 320 px (browser page)", () => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    const [dir, b] = await Promise.all([ensureBuilt(), launchChromium()]);
    browser = b;
    server = await serveStatic(dir);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = (width = 320) =>
    openPage(browser, `${server.url}index.html?sample=${encodeURIComponent(MISTAKES)}`, {
      width,
    });

  it("names each issue's place, the two sentences and the rule code; the preview has the header row, unit column and dates", async () => {
    const { context, page } = await open();
    await waitForResults(page);
    // 0 is no red badge; a non-zero count is
    const item = page.locator('button[data-rule="G-02"][data-cell="B18"]');
    expect(await item.getByTestId("issue-where").innerText()).toBe(
      "第18行 · 单位名称“昆山市周庄中学”"
    );
    expect(await item.getByTestId("issue-message").innerText()).toBe(
      "“单位类型”为必填项，现为空白。"
    );
    expect(await item.getByTestId("issue-fix").innerText()).toBe("请填写这个单元格。");
    // the report year's: what to fix, what to explain; last year's error named, not a step
    const next = await page.getByTestId("next-step").innerText();
    expect(next).toMatch(
      /^下一步：改正19项错误和6项需改正的警告（表头、格式、合计或按宽松规则读取的单元格），再在备注中说明8项警告/
    );
    expect(next).toContain("上年的表有1项错误，不影响本年上报，请核对上年的表。");
    // a 表2 issue names its 培训项目; its preview shows the header row, the unit column and dates
    const t201 = page.locator('button[data-rule="T2-01"]').first();
    expect(await t201.getByTestId("issue-where").innerText()).toMatch(
      /^第\d+行 · 培训项目“[^”]+”$/
    );
    await t201.click();
    const preview = page.getByTestId("cell-preview");
    const grid = await preview.innerText();
    expect(grid).toContain("培训项目"); // the header row
    expect(grid).toContain("结束日期");
    expect(grid).toMatch(/2013-0\d-\d\d/); // dates as dates
    expect(grid).not.toMatch(/\b4\d{4}\b/); // never a serial such as 41535
    expect(await preview.locator("tbody td").first().innerText()).toBe("培训项目"); // the unit column, headed
    await screenshot(page, "usability-校验-320");
    expect(await smallText(page)).toEqual([]);
    await context.close();
  });

  it("axe finds nothing moderate or worse on any tab, 汇总 included; the header stays small at 320 px", async () => {
    const { context, page } = await open();
    await waitForResults(page);
    const header = await page.locator("header").boundingBox();
    expect(header?.height ?? 999).toBeLessThanOrEqual(100);
    expect(await axeViolations(page)).toEqual([]);
    for (const tab of ["同比", "报告", "模板", "汇总"] as const) {
      await openTab(page, tab);
      if (tab === "同比") await page.getByTestId("comparison").first().waitFor();
      if (tab === "报告") await page.getByTestId("report-heading").waitFor();
      expect(await axeViolations(page), tab).toEqual([]);
      expect(await smallText(page), tab).toEqual([]);
    }
    await context.close();
  });

  it("同比 at 320 px: cards with units, 持平 as 持平, flagged rows marked; chart labels at the table's scale at 320 and 1280 px", async () => {
    for (const width of [320, 1280]) {
      const { context, page } = await open(width);
      await waitForResults(page);
      await openTab(page, "同比");
      await page.getByTestId("comparison").first().waitFor();
      const sizes = await chartLabelSizes(page);
      expect(sizes.length).toBeGreaterThan(0);
      expect(Math.min(...sizes), `${width} px`).toBeGreaterThanOrEqual(12);
      expect(Math.max(...sizes), `${width} px`).toBeLessThanOrEqual(14);
      if (width === 320) {
        // no card is wider than the pane
        const widest = await page.evaluate(() =>
          Math.max(
            ...[...document.querySelectorAll('[data-testid="comparison"] li')].map(
              (li) => li.scrollWidth
            )
          )
        );
        expect(widest).toBeLessThanOrEqual(320);
        const text = await page.locator("main").innerText();
        expect(text).toMatch(/\d+\.\d\d万?元/); // money with its unit
        expect(text).not.toContain("0.0个百分点");
        expect(text).toContain("颜色不表示好坏");
        expect(await page.locator('li[data-large-change="true"]').count()).toBeGreaterThan(0);
        const large = page.locator('li[data-large-change="true"]').first();
        expect(await large.innerText()).toContain("变动较大，需在备注中说明");
        // the rule's code beside the mark, not inside its sentence
        expect(await large.getByTestId("rule-code").innerText()).toBe("G-05");
        await screenshot(page, "usability-同比-320");
      }
      await context.close();
    }
  });

  it("keyboard only: skip links, an issue, its rule code, the tabs, 报告 and its Word download; a stale status goes", async () => {
    const { context, page } = await open();
    await waitForResults(page);
    // the first Tab reaches the skip link to the main content
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("跳到主要内容");
    // past the page's controls to the link that skips the issue list
    const presses = await tabUntil(page, 'a[href="#issues-end"]');
    expect(presses).toBeLessThan(25);
    await page.keyboard.press("Tab"); // the first issue
    expect(
      await page.evaluate(() => document.activeElement?.getAttribute("data-rule"))
    ).toBeTruthy();
    await page.keyboard.press("Enter");
    await page.getByTestId("cell-preview").waitFor();
    await page.keyboard.press("Tab"); // its rule code: the explanation shows on focus
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "rule-code"
    );
    const tooltip = page.getByRole("tooltip");
    await tooltip.waitFor();
    expect(await tooltip.innerText()).toMatch(/^[GT]\d?-?\d+ /);
    // back to the skip link and past the whole list in one key
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("issues-end");
    // the tabs by arrow keys: 同比, then 报告
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press("Shift+Tab");
    await page.locator('[role="tab"][aria-selected="true"]').focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByTestId("comparison").first().waitFor();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByTestId("report-heading").waitFor();
    expect(await page.getByTestId("report-heading").innerText()).toBe(
      "2013年报告段落（与2012年比较）"
    );
    await page.waitForFunction(() => (document.querySelector("textarea")?.value ?? "").length > 0);
    await tabUntil(page, "textarea");
    await tabUntil(page, "button:not([disabled])"); // 复制
    await page.keyboard.press("Tab"); // 下载 Word 文档
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("下载 Word 文档");
    const download = page.waitForEvent("download");
    await page.keyboard.press("Enter");
    await download;
    await page.getByText(/^已下载“报告段落-2013\.docx”。$/).waitFor();
    // an edit makes “已下载…” stale: it goes
    await page.locator("textarea").focus();
    await page.keyboard.press("End");
    await page.keyboard.type("补充一句。");
    await page.getByText(/^已下载/).waitFor({ state: "detached" });
    await context.close();
  });
});
