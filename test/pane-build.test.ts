/**
 * The production build of the pages (webpack.config.js, built once by test/e2e/build.ts): the task
 * pane also runs in the older webviews of Office on Windows — EdgeHTML (Edge 18), which knows
 * JavaScript up to ES2017, in retail Office 2016/2019 and Microsoft 365 builds without WebView2,
 * and Internet Explorer 11 (ES5) where Edge is missing too
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins).
 * So every script of the task pane and the browser page, libraries and workers included, parses
 * as ES2017, and the script taskpane.html runs first (the notice for Internet Explorer) as ES5.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt } from "./e2e/build";
import { parseError, scriptsNotParsing } from "./parse-scripts";

describe("npm run build (the task pane and the browser page)", () => {
  let dist: string;
  beforeAll(async () => {
    dist = await ensureBuilt();
  }, 600_000);

  it("every script parses as ES2017 (EdgeHTML, Office 2016/2019 without WebView2)", () => {
    const { scripts, failures } = scriptsNotParsing(dist, 2017);
    // the workers under their own names: webpack recognised `new Worker(new URL(…, import.meta.url))`
    // after the lowering (esbuild would otherwise empty import.meta, and the pages read on their
    // main thread)
    const entries = [/^taskpane\./, /^browser\./, /^xlsx-reader\./, /^merge-worker\./];
    for (const entry of entries)
      expect(
        scripts.some((f) => entry.test(f)),
        String(entry)
      ).toBe(true);
    expect(failures).toEqual([]);
  });

  it("builds no RegExp Edge 18 refuses: property escapes (\\p{…}) only with a fallback, no s flag", () => {
    const refused = scriptsNotParsing(dist, 2017).scripts.flatMap((f) => {
      const code = readFileSync(path.join(dist, f), "utf8");
      const escapes = [...code.matchAll(/(.{0,11})new RegExp\("(?:[^"\\]|\\.)*\\\\[pP]\{/g)].filter(
        (m) => m[1] !== "try{return "
      );
      const dotAll = [...code.matchAll(/new RegExp\("(?:[^"\\]|\\.)*",\s*"[a-z]*s[a-z]*"\)/g)];
      return [...escapes, ...dotAll].map((m) => `${f}: ${m[0]}`);
    });
    expect(refused).toEqual([]);
  });

  it("taskpane.html runs the Internet Explorer notice first, a same-origin ES5 script", () => {
    const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"' >]+)/g)].map((m) => m[1]!);
    expect(scripts[0]).toMatch(/^legacy-ie\.[0-9a-f]{8}\.js$/);
    const notice = readFileSync(path.join(dist, scripts[0]!), "utf8");
    expect(parseError(notice, 5)).toBeUndefined();
    expect(notice).toContain("Trident");
    // and ES5 really is checked: an arrow function does not parse
    expect(parseError("var f = () => 1;", 5)).toBeDefined();
  });
});
