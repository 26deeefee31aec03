/**
 * Suite set-up shared by the e2e tests (kept apart from fakeOffice.ts, which scripts such as
 * `npm run screens` import outside vitest).
 */
import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { ensureBuilt } from "./build";
import { launchChromium } from "./chromium";
import { serveStatic, type StaticServer } from "./serve";

/**
 * Inside a `describe`: the built pages served and Chromium launched before its tests, closed
 * after them. Read `env.browser` / `env.server` in the tests.
 */
export function builtPagesForSuite(): { browser: Browser; server: StaticServer } {
  const env = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    const [dir, browser] = await Promise.all([ensureBuilt(), launchChromium()]);
    env.browser = browser;
    env.server = await serveStatic(dir);
  }, 600_000);
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
