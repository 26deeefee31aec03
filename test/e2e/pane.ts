/** Steps and checks shared by the browser-page and task-pane tests. */
import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { unzipSync, strFromU8 } from "fflate";
import { promises as fs } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ROOT } from "./build";
import { OFFICE_JS_CDN, watchTraffic, type Traffic } from "./chromium";

export const SCREENSHOTS = path.join(ROOT, "test-results", "screenshots");

export type TabName = "校验" | "同比" | "报告" | "模板" | "汇总";

export async function openTab(page: Page, tab: TabName): Promise<void> {
  // the pointer may rest on an issue's rule code after a click: its tooltip would cover the tabs
  await page.mouse.move(0, 0);
  await page.getByRole("tab", { name: tab }).click();
  await page.waitForFunction(
    (t) => document.querySelector('[role="tab"][aria-selected="true"]')?.textContent === t,
    tab
  );
}

/** Waits until 校验 has finished (the error/warning counts are shown). */
export async function waitForResults(page: Page): Promise<void> {
  await page.getByRole("status").filter({ hasText: "错误" }).first().waitFor({ timeout: 60_000 });
}

/** Moderate, serious or critical axe violations on the page as it is now (rule: nodes). */
export async function axeViolations(page: Page): Promise<string[]> {
  // a colour measured in the middle of a transition (a tab's content fading in, a switch moving)
  // is neither the colour before nor after it: axe looks once every running animation has ended
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== "running"),
    undefined,
    { timeout: 10_000 }
  );
  // tabster (Fluent's focus manager) puts aria-hidden focus sentinels around arrow-key groups
  // such as the TabList; they pass focus on at once and are not content, so axe skips them
  const results = await new AxeBuilder({ page }).exclude("[data-tabster-dummy]").analyze();
  return results.violations
    .filter((v) => v.impact === "moderate" || v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Reads the clipboard back in the page: its text/html and text/plain. */
export async function readClipboard(
  page: Page
): Promise<{ html: string; text: string; types: string[] }> {
  return page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const out = { html: "", text: "", types: [] as string[] };
    for (const item of items) {
      out.types.push(...item.types);
      if (item.types.includes("text/html"))
        out.html = await (await item.getType("text/html")).text();
      if (item.types.includes("text/plain"))
        out.text = await (await item.getType("text/plain")).text();
    }
    return out;
  });
}

/** Clicks 下载 Word 文档 and returns the downloaded file's word/document.xml. */
export async function downloadDocx(page: Page): Promise<{ name: string; documentXml: string }> {
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "下载 Word 文档" }).click(),
  ]);
  const file = await download.path();
  const bytes = new Uint8Array(await fs.readFile(file));
  const parts = unzipSync(bytes);
  const xml = parts["word/document.xml"];
  if (!xml)
    throw new Error(
      `no word/document.xml in ${download.suggestedFilename()}: ${Object.keys(parts).join(", ")}`
    );
  return { name: download.suggestedFilename(), documentXml: strFromU8(xml) };
}

/** Records CSP violations the page reports (installed before its scripts run). */
export const CSP_WATCH = `window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});`;

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(
    () => (window as unknown as { __cspViolations: string[] }).__cspViolations ?? []
  );
}

export interface OpenedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly traffic: Traffic;
  /** Messages of any alert/confirm/prompt the page opened (dismissed at once). */
  readonly dialogs: string[];
}

export interface OpenPageOptions {
  /** Served for Microsoft's office.js URL (the task pane); omitted on the browser page. */
  readonly officeJs?: string;
  /** Runs before the page's own scripts (e.g. to block the Clipboard API). */
  readonly initScript?: string;
  readonly width?: number;
  readonly height?: number;
  /** The browser's user agent string (e.g. Internet Explorer's). */
  readonly userAgent?: string;
}

/**
 * A fresh context and page at 320 px: clipboard permissions for the page's origin, CSP violations
 * recorded, every request watched, dialogs recorded and dismissed; then navigates to `url`.
 */
export async function openPage(
  browser: Browser,
  url: string,
  options: OpenPageOptions = {}
): Promise<OpenedPage> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 320, height: options.height ?? 900 },
    acceptDownloads: true,
    ...(options.userAgent ? { userAgent: options.userAgent } : {}),
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], {
    origin: new URL(url).origin,
  });
  await context.addInitScript(CSP_WATCH);
  if (options.initScript) await context.addInitScript(options.initScript);
  const officeJs = options.officeJs;
  if (officeJs !== undefined) {
    await context.route(OFFICE_JS_CDN, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs })
    );
  }
  const traffic = watchTraffic(context);
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(url);
  return { context, page, traffic, dialogs };
}
