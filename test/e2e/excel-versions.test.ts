/**
 * The pane in Excel 2016 (ExcelApi 1.1), Office 2019 (1.8) and the latest Excel (1.20), end to
 * end: the production taskpane.html in headless Chromium, 320 px wide, on the fake Excel, which
 * refuses every member above the set it declares (ApiNotFound, as real Excel). Checking finds
 * the same issues in each; the pane says which richer features this Excel lacks and why, hides
 * the 修改后自动重新校验 switch where Excel cannot report changes, warns beside 标记问题单元格
 * where 清除标记 cannot bring back the original fill, and says under 插入模板 what an inserted
 * template lacks there.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { officeFeatures } from "../../src/hosts/office/features";
import { chromiumAvailable } from "./chromium";
import { fakeOfficeScript } from "./fakeOffice";
import { usePaneEnvironment } from "./use-pane-environment";
import { axeViolations, openPage, openTab, screenshot, waitForResults } from "./pane";

/** The issues listed, as rule@cell, in order. */
const issuesShown = (page: Page): Promise<string[]> =>
  page
    .locator("button[data-rule]")
    .evaluateAll((els) =>
      els.map((e) => `${e.getAttribute("data-rule")}@${e.getAttribute("data-cell")}`)
    );

/** What the pane shows in one Excel. */
interface Seen {
  readonly issues: string[];
  /** The 此 Excel 支持的功能 line, and the features it lists as missing. */
  readonly summary: string;
  readonly unavailable: string[];
  /** 修改后自动重新校验 switches shown. */
  readonly switches: number;
  /** The note beside 标记问题单元格, if any. */
  readonly restoreNote: string | undefined;
  /** Notes under 插入模板 on what an inserted template lacks here. */
  readonly templateNotes: number;
  readonly main: string;
  /** Anything wider than the pane. */
  readonly overflow: boolean;
}

/** What each Excel shows (all but the text of the 校验 tab). */
const EXPECTED: Record<
  string,
  Omit<Seen, "issues" | "restoreNote" | "main" | "overflow"> & { note: boolean }
> = {
  // Excel 2016: every richer feature missing
  "1.1": {
    summary: "此 Excel 支持的功能：6项不可用",
    unavailable: officeFeatures(() => false).map((f) => f.id),
    switches: 0,
    note: true,
    templateNotes: 2,
  },
  // Office 2019: dropdowns and frozen headers
  "1.8": {
    summary: "此 Excel 支持的功能：4项不可用",
    unavailable: ["selectAreas", "exactRestore", "liveRecheck", "undo"],
    switches: 0,
    note: true,
    templateNotes: 0,
  },
  "1.20": {
    summary: "此 Excel 支持的功能：全部可用",
    unavailable: [],
    switches: 1,
    note: false,
    templateNotes: 0,
  },
};

describe.runIf(chromiumAvailable())(
  "the pane in Excel 2016, Office 2019 and the latest Excel",
  () => {
    const env = usePaneEnvironment();

    async function paneAt(excelApi: string): Promise<Seen> {
      const { browser, server, sheets } = env();
      const { context, page } = await openPage(browser, server.url + "taskpane.html", {
        officeJs: await fakeOfficeScript({ sheets, platform: "PC", excelApi }),
      });
      try {
        await page.getByRole("button", { name: "运行校验" }).click();
        await waitForResults(page);
        const features = page.getByTestId("host-features");
        await features.waitFor();
        await features.locator("summary").click();
        const note = page.getByTestId("marks-restore-note");
        const seen = {
          issues: await issuesShown(page),
          summary: await features.locator("summary").innerText(),
          unavailable: await features
            .locator('li[data-available="false"]')
            .evaluateAll((els) => els.map((e) => e.getAttribute("data-feature") ?? "")),
          switches: await page.getByRole("switch", { name: "修改后自动重新校验" }).count(),
          restoreNote: (await note.count()) > 0 ? await note.innerText() : undefined,
          main: await page.locator("main").innerText(),
          overflow: await page.evaluate(
            () => document.documentElement.scrollWidth > document.documentElement.clientWidth
          ),
        };
        await screenshot(page, `taskpane-excel-api-${excelApi}`);
        expect(await axeViolations(page), excelApi).toEqual([]);
        await openTab(page, "模板");
        await page.getByRole("button", { name: "插入模板" }).waitFor();
        // the notes come once the features are known (asked when the tab opens)
        if (EXPECTED[excelApi]!.templateNotes > 0)
          await page.getByTestId("template-left-out").first().waitFor();
        else await page.waitForTimeout(300);
        return { ...seen, templateNotes: await page.getByTestId("template-left-out").count() };
      } finally {
        await context.close();
      }
    }

    it("checks alike in each, and shows what each Excel can do beyond checking", async () => {
      const seen: Record<string, Seen> = {};
      for (const excelApi of Object.keys(EXPECTED)) seen[excelApi] = await paneAt(excelApi);
      const latest = seen["1.20"]!;
      expect(latest.issues).toContain("T1-01@E7");
      for (const [excelApi, { note, ...want }] of Object.entries(EXPECTED)) {
        const s = seen[excelApi]!;
        // the same issues everywhere, no refusal from Excel on the way, nothing wider than 320 px
        expect(s.issues, excelApi).toEqual(latest.issues);
        expect(s.main, excelApi).not.toContain("不支持所需的功能");
        expect(s.overflow, excelApi).toBe(false);
        const { summary, unavailable, switches, templateNotes } = s;
        expect({ summary, unavailable, switches, templateNotes }, excelApi).toEqual(want);
        if (note) expect(s.restoreNote).toContain("“清除标记”只恢复原来的填充颜色");
        else expect(s.restoreNote).toBeUndefined();
      }
      // each missing feature says why and what to do
      expect(seen["1.1"]!.main).toContain(
        "这个版本的 Excel 不能设置数据验证，插入的模板没有下拉选项"
      );
      expect(seen["1.1"]!.main).toContain("请在改完后点“重新校验”。");
      expect(seen["1.8"]!.main).toContain("不能撤销插件写入的内容");
      expect(seen["1.8"]!.main).not.toContain("不能设置数据验证");
    });
  }
);
