/**
 * Robustness of the browser page: the page keeps working on anything it is given. Broken
 * files (empty, text, .xls, truncated, zeroed, a zip that is no workbook) and a set of fuzz cases
 * (test/reliability/fuzz-cases.ts: random workbooks and sample mutants) are picked one after the
 * other in index.html (production build): each ends, within a bound, in results or a plain
 * Chinese message — no uncaught page error, no dialog, no stack trace on screen — and a good file
 * still works afterwards.
 */
import { readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { SAMPLES, fuzzCases } from "../reliability/fuzz-cases";
import * as H from "../../scripts/lib/hostile-xlsx";
import { ensureBuilt } from "./build";
import {
  chromiumAvailable,
  foreignRequests,
  launchChromium,
  watchTraffic,
  type Traffic,
} from "./chromium";
import { waitForResults } from "./pane";
import { serveStatic, type StaticServer } from "./serve";

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20131231;
const FUZZ_IN_BROWSER = 16;
const BOUND_MS = 20_000;

/** What the page shows when a run has ended, one way or another. */
const ENDED = /校验结果|\d+项错误|校验未完成|没有找到统计表|未发现问题|无法读取文件/;

function brokenFiles(): Array<{ name: string; bytes: Uint8Array }> {
  const sample = new Uint8Array(readFileSync(SAMPLES[0] as string));
  const zeroed = sample.slice();
  zeroed.fill(0, 2_000, 6_000);
  const ole = new Uint8Array(4096);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  return [
    { name: "空文件.xlsx", bytes: new Uint8Array(0) },
    { name: "文本.xlsx", bytes: strToU8("单位名称,年末党员数\n实验小学,40\n") },
    { name: "旧格式.xlsx", bytes: ole },
    { name: "截断.xlsx", bytes: sample.slice(0, 5_000) },
    { name: "清零.xlsx", bytes: zeroed },
    {
      name: "不是工作簿.xlsx",
      bytes: zipSync({
        "readme.txt": strToU8("hello"),
        "word/document.xml": strToU8("<w:document/>"),
      }),
    },
  ];
}

describe.runIf(chromiumAvailable())(
  "the browser page on broken and random files (it keeps working)",
  () => {
    let server: StaticServer;
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;
    let traffic: Traffic;
    const dialogs: string[] = [];

    beforeAll(async () => {
      const [dir, b] = await Promise.all([ensureBuilt(), launchChromium()]);
      browser = b;
      server = await serveStatic(dir);
      context = await browser.newContext({ viewport: { width: 320, height: 900 } });
      traffic = watchTraffic(context);
      page = await context.newPage();
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
    }, 600_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    /** Opens a fresh page, picks the file, waits for the end; returns what the page says. */
    async function pick(name: string, bytes: Uint8Array): Promise<{ text: string; ms: number }> {
      await page.goto(server.url + "index.html");
      const t0 = performance.now();
      await page.locator('input[aria-label="选择 Excel 工作簿"]').setInputFiles({
        name,
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from(bytes),
      });
      await page.waitForFunction(
        (re) => new RegExp(re).test(document.body.innerText),
        ENDED.source,
        {
          timeout: BOUND_MS,
          polling: 50,
        }
      );
      return { text: await page.locator("body").innerText(), ms: performance.now() - t0 };
    }

    it("broken files end in a plain Chinese message; random and mutated workbooks in results or one", async () => {
      const cases = [
        ...brokenFiles().map((f) => ({ ...f, broken: true })),
        ...fuzzCases(SEED + 2, FUZZ_IN_BROWSER, "b").map((c) => ({
          name: `${c.id}.xlsx`,
          bytes: c.bytes,
          broken: false,
        })),
      ];
      const outcomes: Record<string, number> = {};
      let slowest = 0;
      for (const c of cases) {
        const { text, ms } = await pick(c.name, c.bytes);
        slowest = Math.max(slowest, ms);
        const outcome = /校验未完成|无法读取文件/.test(text)
          ? "message"
          : /没有找到统计表/.test(text)
            ? "no tables"
            : "results";
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
        if (c.broken) expect(outcome, c.name).toBe("message");
        expect(text, c.name).not.toMatch(
          /\bat \S+ \(|undefined|\[object Object\]|TypeError|RangeError/
        );
        if (outcome === "message") expect(text, c.name).toMatch(/文件|工作簿/);
      }
      const pageErrors = traffic.problems.filter((p) => p.startsWith("pageerror"));
      expect(pageErrors).toEqual([]);
      expect(dialogs).toEqual([]);

      // still works: a good file afterwards
      await page.goto(server.url + "index.html");
      await page.locator('input[aria-label="选择 Excel 工作簿"]').setInputFiles(SAMPLES[1] as string);
      await waitForResults(page);
      expect(foreignRequests(traffic.requests, server.origin)).toEqual([]);
      console.log(
        `[security-files] ${cases.length} files picked in the browser page (seed ${SEED + 2}): ${JSON.stringify(outcomes)}; slowest ${Math.round(slowest)} ms`
      );
    }, 300_000);

    it("the hostile files of scripts/lib/hostile-xlsx.ts: the worker stops at the same budgets, damaged parts are refused, the page stays usable", async () => {
      // full size where the file is small to make, the test size for the others
      const refused: H.HostileFile[] = [
        H.lyingSize("full"),
        H.sparseXfd("full"),
        H.sparseSheets("small"),
        H.manyRefsOnePart("small"),
        H.overlappingEntries("small"),
        H.manyMerges("full"),
        H.manySharedStrings("small"),
        H.hugeSheetName("full"),
        H.duplicateParts(),
        H.localNameMismatch(),
        H.badCrc(),
        H.notXmlSheet(),
        H.truncatedSheetXml(),
      ];
      const read: H.HostileFile[] = [H.commentedCells(), H.cdataText(), H.dateInCountColumn()];
      let slowest = 0;
      for (const h of [...refused, ...read]) {
        const { text, ms } = await pick(`${h.id}.xlsx`, h.files[0] as Uint8Array);
        slowest = Math.max(slowest, ms);
        if (refused.includes(h)) expect(text, h.id).toMatch(/校验未完成|无法读取文件/);
        else expect(text, h.id).not.toMatch(/校验未完成|无法读取文件|没有找到统计表/);
        expect(text, h.id).not.toMatch(
          /\bat \S+ \(|undefined|\[object Object\]|TypeError|RangeError/
        );
        // the main thread answers at once: the reading happened in the worker, which has ended
        const t0 = performance.now();
        expect(await page.evaluate(() => 1 + 1)).toBe(2);
        expect(performance.now() - t0).toBeLessThan(1_000);
      }
      const shown = await pick("lying-size.xlsx", H.lyingSize("small").files[0] as Uint8Array);
      expect(shown.text).toMatch(/文件已损坏/);
      expect(traffic.problems.filter((p) => p.startsWith("pageerror"))).toEqual([]);
      expect(dialogs).toEqual([]);
      await page.goto(server.url + "index.html");
      await page.locator('input[type="file"][accept*=".xlsx"]').setInputFiles(SAMPLES[0] as string);
      await waitForResults(page);
      console.log(
        `[security-files] ${refused.length + read.length} hostile files in the browser page; slowest ${Math.round(slowest)} ms`
      );
    }, 300_000);
  }
);
