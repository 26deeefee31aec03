/**
 * Headless Chromium for the browser tests and the pane benchmark (playwright-core with Debian's
 * chromium; no browser download).
 */
import { existsSync } from "node:fs";
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Page,
  type Request,
} from "playwright-core";
import { runsWith } from "../requires";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * Whether the browser suites run: yes when Chromium is at CHROMIUM_PATH (default
 * /usr/bin/chromium); when it is not, they are skipped — except under CI, where this throws so
 * the run fails with a message instead of passing without having run.
 * @example describe.runIf(chromiumAvailable())("task pane", () => { … })
 */
export function chromiumAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  const at = env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  return runsWith(
    {
      what: `Chromium (${at})`,
      present: existsSync(at),
      install: "apt-get install -y chromium, or set CHROMIUM_PATH to a Chromium executable",
    },
    env
  );
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Every request a context makes, and the console errors and CSP violations its pages report. */
export interface Traffic {
  readonly requests: string[];
  readonly problems: string[];
}

export function watchTraffic(context: BrowserContext): Traffic {
  const traffic: Traffic = { requests: [], problems: [] };
  context.on("request", (r: Request) => traffic.requests.push(r.url()));
  const watchPage = (page: Page) => {
    page.on("console", (m) => {
      if (m.type() === "error") traffic.problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => traffic.problems.push(`pageerror: ${e.message}`));
  };
  context.pages().forEach(watchPage);
  context.on("page", watchPage);
  return traffic;
}

/**
 * Requests that went beyond the page's own origin (blob:/data: URLs stay in the page; the
 * office.js CDN URL is allowed where given — the tests serve it locally by route).
 */
export function foreignRequests(
  requests: readonly string[],
  origin: string,
  allowed: readonly string[] = []
): string[] {
  return requests.filter((url) => {
    if (url.startsWith("blob:") || url.startsWith("data:")) return false;
    if (allowed.includes(url)) return false;
    try {
      return new URL(url).origin !== origin;
    } catch {
      return true;
    }
  });
}
