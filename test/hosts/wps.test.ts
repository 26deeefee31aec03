/**
 * The WPS host on WPS's own terms, against the fake ET (test/fakes/fake-et.ts): the number of
 * synchronous ET calls a read costs, formats of mixed columns (`null` from ET), error codes,
 * BGR colours, the marks store (custom XML part or very hidden sheet), and — WPS having no undo —
 * every check before the first write, and a failed action taken back. The behaviour shared with
 * the Office host is in host-contract.test.ts.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createWpsHost, findEtApplication, STORE_SHEET, WPS_MARKS_NAMESPACE, type EtApplication } from "../../src/hosts/wps";
import { ET_READ_LIMITS } from "../../src/hosts/wps/read";
import { areaGroups } from "../../src/hosts/wps/marks";
import { PANE_ID_KEY, PANE_WIDTH, togglePane } from "../../src/hosts/wps/addin/pane";
import { bgrToHex, etCellValue, etErrorName, hexToBgr, patternName, patternNumber, valueRows } from "../../src/hosts/wps/values";
import { MARK_COLORS } from "../../src/hosts/office";
import { etFillOf, installFakeEt, neutralFillOf, type FakeEtOptions } from "../fakes/fake-et";
import { generatedSheet, sheetsFromModel } from "../fakes/fake-excel";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { makeBigTable1 } from "../../scripts/lib/big-workbook";
import type { Issue } from "../../src/core/issues";

let current: ReturnType<typeof installFakeEt> | undefined;
afterEach(() => {
  current?.uninstall();
  current = undefined;
});

function install(options: FakeEtOptions) {
  current?.uninstall();
  current = installFakeEt(globalThis, options);
  const app = findEtApplication(globalThis);
  if (!app) throw new Error("no ET application");
  return { fake: current, host: createWpsHost(app), app };
}

const issue = (sheet: string, cell: string, severity: "error" | "warning" = "error"): Issue => ({
  rule: "G-02",
  code: "required-blank",
  severity,
  sheet,
  cell,
  explained: false,
});

describe("values, colours and patterns", () => {
  it("maps ET error codes to Excel error strings and only those", () => {
    expect(etErrorName(-2146826281)).toBe("#DIV/0!");
    expect(etErrorName(-2146826246)).toBe("#N/A");
    expect(etErrorName(-2146826259)).toBe("#NAME?");
    expect(etErrorName(-2146826265)).toBe("#REF!");
    expect(etErrorName(2007)).toBeUndefined();
    expect(etErrorName(-2146826273)).toBe("#VALUE!");
    expect(etCellValue(-2146826281, () => "-2146826281")).toBe(-2146826281);
    expect(etCellValue(-2146826281, () => "########")).toBe(-2146826281); // a narrow column
    expect(etCellValue(-2146826281, () => "#DIV/0!")).toEqual({ error: "#DIV/0!" });
    expect(etCellValue("#N/A")).toEqual({ error: "#N/A" });
    expect(etCellValue("#合计")).toBe("#合计");
    expect(etCellValue({}, () => "#REF!")).toEqual({ error: "#REF!" });
    expect(etCellValue({}, () => "12")).toBe("12");
    expect(etCellValue(undefined)).toBeNull();
    expect(etCellValue("")).toBeNull();
  });

  it("converts BGR numbers and XlPattern constants both ways", () => {
    expect(hexToBgr("#FF0000")).toBe(0x0000ff);
    expect(hexToBgr("#FFC7CE")).toBe(0xcec7ff);
    expect(bgrToHex(0xcec7ff)).toBe("#FFC7CE");
    expect(bgrToHex(0x9ceb_ff)).toBe("#FFEB9C");
    expect(patternName(-4142)).toBe("None");
    expect(patternName(-4105)).toBe("Solid");
    expect(patternNumber("Gray50")).toBe(-4125);
    expect(patternNumber(patternName(14))).toBe(14);
  });

  it("reads Value2 of one cell (a scalar) and of a row (a flat array) as rows", () => {
    expect(valueRows(5, 1, 1)).toEqual([[5]]);
    expect(valueRows([1, 2, 3], 1, 3)).toEqual([[1, 2, 3]]);
    expect(valueRows([[1], [2]], 2, 1)).toEqual([[1], [2]]);
  });

  it("joins addresses into multi-area ranges under Excel's 255-character limit", () => {
    const groups = areaGroups(Array.from({ length: 200 }, (_, i) => `AB${1000 + i}`));
    expect(groups.every((g) => g.length <= 255)).toBe(true);
    expect(groups.join(",").split(",")).toHaveLength(200);
  });
});

describe("host detection", () => {
  it("finds window.Application, or wps.EtApplication() on older builds, and nothing in a browser", () => {
    const app = { ActiveWorkbook: null };
    expect(findEtApplication({ Application: app })).toBe(app);
    expect(findEtApplication({ wps: { EtApplication: () => app } })).toBe(app);
    expect(findEtApplication({})).toBeUndefined();
    expect(findEtApplication({ Application: "x" })).toBeUndefined();
  });
});

describe("reading on ET terms", () => {
  it("reads a 100,000-row 表1 in a bounded number of calls: Value2 in chunks, one NumberFormat per uniform column and three cells checking it", async () => {
    const { fake, host } = install({ sheets: [generatedSheet("表1", 100_000, 10), { name: "封面", values: [["说明"]] }] });
    const wb = await host.readWorkbook();
    expect(wb.sheets[0]?.values).toHaveLength(100_000);
    expect(wb.sheets[0]?.values[99_999]?.[0]).toBe("单位99999");
    const value2 = fake.stats.byName["Range.Value2"] ?? 0;
    expect(value2).toBe(Math.ceil(1_000_000 / ET_READ_LIMITS.chunkCells) + 1);
    // one per column and sheet, and three single cells checking each column's answer: no range
    // has answered null yet in this read (see FormatTrust in src/hosts/wps/read.ts)
    expect(fake.stats.byName["Range.NumberFormat"]).toBe(11 + 3 * 10);
    expect(fake.stats.calls).toBeLessThan(220);
    expect(fake.writes).toHaveLength(0);
  }, 60_000);

  it("reads a realistic 100,000-row 表1 (title, frame, header rows, formats, 合计) in a few hundred calls at most", async () => {
    const sheets = sheetsFromModel(readXlsx(makeBigTable1(100_000, 2013)));
    const { fake, host } = install({ sheets });
    const wb = await host.readWorkbook();
    expect(wb.sheets[0]?.values.length).toBe(sheets[0]?.values?.length);
    expect(wb.sheets[0]?.formats?.[5]?.[2]).toBe("0");
    expect(fake.stats.calls).toBeLessThan(300);
  }, 60_000);

  it("reads formats of a column whose cells differ (ET answers null) by halving the range", async () => {
    const formats: (string | undefined)[][] = [["@"], ["@"], ["@"]];
    for (let r = 3; r < 1003; r++) formats[r] = [r === 500 ? "yyyy-mm-dd" : "0"];
    const values = formats.map((_, r) => [r < 3 ? `h${r}` : r]);
    const { fake, host } = install({ sheets: [{ name: "S", values, formats }] });
    const wb = await host.readWorkbook();
    const f = wb.sheets[0]?.formats;
    expect(f?.[0]?.[0]).toBe("@");
    expect(f?.[3]?.[0]).toBe("0");
    expect(f?.[500]?.[0]).toBe("yyyy-mm-dd");
    expect(f?.[1002]?.[0]).toBe("0");
    // log₂(1003) ≈ 10 levels, two changes of format: far fewer calls than cells
    expect(fake.stats.byName["Range.NumberFormat"]).toBeLessThan(60);
  });

  it("reads only up to the last cell with a value, as Office's valuesOnly used range (a formatted column is no data)", async () => {
    const formats: (string | undefined)[][] = [];
    formats[199_999] = ["0", "0", "0"]; // formatting far below the data: ET's UsedRange reaches it
    const values = [["单位名称", "年末党员数"], ["实验小学", 45]];
    const { fake, host } = install({ sheets: [{ name: "S", values, formats }] });
    const wb = await host.readWorkbook();
    expect(wb.sheets[0]?.values).toEqual([["单位名称", "年末党员数"], ["实验小学", 45]]);
    expect(fake.stats.byName["Range.Value2"]).toBe(1);
    // a WPS without Range.Find: the whole used range, still correct
    const without = install({ find: false, sheets: [{ name: "S", values, formats }] });
    const all = await without.host.readWorkbook();
    expect(all.sheets[0]?.values).toHaveLength(200_000);
    expect(all.sheets[0]?.values[1]).toEqual(["实验小学", 45, null]);
  }, 60_000);

  it.each(["code", "string"] as const)(
    "reads formula errors whether Value2 gives them as %s",
    async (errorValue2) => {
      const values = [[{ error: "#DIV/0!" }, { error: "#N/A" }, 5, "文字"]];
      const { host } = install({ errorValue2, sheets: [{ name: "S", values }] });
      const wb = await host.readWorkbook();
      expect(wb.sheets[0]?.values[0]).toEqual([{ error: "#DIV/0!" }, { error: "#N/A" }, 5, "文字"]);
    }
  );

  it.each(["null", "general", "first"] as const)(
    "reads formats of mixed columns when ET answers a mixed range with %s",
    async (mixedNumberFormat) => {
      // column A: 3 text header rows, a body of "0", the last 10 rows dates; column B: all "0.00"
      const formats: (string | undefined)[][] = [];
      for (let r = 0; r < 1003; r++)
        formats[r] = [r < 3 ? "@" : r >= 993 ? "yyyy-mm-dd" : "0", "0.00"];
      const values = formats.map((_, r) => [r < 3 ? `h${r}` : r, r]);
      const { fake, host } = install({
        mixedNumberFormat,
        sheets: [{ name: "S", values, formats }],
      });
      const f = (await host.readWorkbook()).sheets[0]?.formats;
      const column = (c: number) => (f ?? []).map((row) => row?.[c]);
      expect(column(0)).toEqual(formats.map((row) => row[0]));
      expect(column(1)).toEqual(formats.map((row) => row[1]));
      expect(fake.stats.byName["Range.NumberFormat"]).toBeLessThan(
        mixedNumberFormat === "null" ? 60 : 200
      );
    }
  );

  it("confirms an error code by the cell's text, one call per such cell", async () => {
    const { fake, host } = install({ sheets: [{ name: "S", values: [[{ error: "#DIV/0!" }, -2146826281, 5]] }] });
    const wb = await host.readWorkbook();
    expect(wb.sheets[0]?.values[0]).toEqual([{ error: "#DIV/0!" }, -2146826281, 5]);
    expect(fake.stats.byName["Range.Text"]).toBe(2);
  });

  it("gives the page the event loop back between chunks and stops when cancelled", async () => {
    const { fake, host } = install({ costMsPerKiloCell: 2, sheets: [generatedSheet("大表", 100_000, 10)] });
    const controller = new AbortController();
    let firstProgress = 0;
    const read = host.readWorkbook({
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done > 0 && !firstProgress) {
          firstProgress = p.done;
          setTimeout(() => controller.abort(), 0); // a click arriving while the read runs
        }
      },
    });
    await expect(read).rejects.toMatchObject({ name: "AbortError" });
    expect(fake.stats.byName["Range.Value2"]).toBeLessThanOrEqual(3); // stopped after a chunk or two of 20
    expect(fake.writes).toHaveLength(0);
  }, 60_000);

  it("leaves the very hidden marks sheet out of the workbook it reads", async () => {
    const { host } = install({ customXmlParts: false, sheets: [{ name: "表1", values: [["a"], [1]] }] });
    await host.markIssues?.([issue("表1", "A2")]);
    const wb = await host.readWorkbook();
    expect(wb.sheets.map((s) => s.name)).toEqual(["表1"]);
  });
});

describe("marks on ET terms", () => {
  it("writes BGR colours and keeps the store in a custom XML part of its own namespace", async () => {
    const { fake, host } = install({ sheets: [{ name: "表1", values: [["a", "b"], [1, 2]] }] });
    await host.markIssues?.([issue("表1", "A1"), issue("表1", "B2", "warning")]);
    expect(fake.sheet("表1").fill(0, 0)).toMatchObject({ color: 0xcec7ff, pattern: 1 });
    expect(fake.sheet("表1").fill(1, 1)).toMatchObject({ color: 0x9cebff, pattern: 1 });
    expect(MARK_COLORS).toEqual({ error: "#FFC7CE", warning: "#FFEB9C" });
    expect(fake.customXmlParts.map((p) => p.ns)).toEqual([WPS_MARKS_NAMESPACE]);
  });

  it("without custom XML parts, keeps the store in a very hidden sheet and gives the active sheet back", async () => {
    const { fake, host } = install({ customXmlParts: false, sheets: [{ name: "表1", values: [["a"]] }, { name: "表2" }] });
    await host.markIssues?.([issue("表1", "A1")]);
    const store = fake.sheet(STORE_SHEET);
    expect(store.visible).toBe(2);
    expect(String(store.cell(0, 0))).toContain(WPS_MARKS_NAMESPACE);
    expect(fake.activeSheet?.name).toBe("表1");
    expect(await host.clearMarks?.()).toBe(1);
    expect(fake.sheets.map((s) => s.name)).toEqual(["表1", "表2"]);
  });

  it("marks and clears many cells in few calls (multi-area ranges)", async () => {
    const values = Array.from({ length: 300 }, (_, r) => [r]);
    const { fake, host } = install({ sheets: [{ name: "表1", values }] });
    fake.stats.byName = {};
    fake.stats.calls = 0;
    await host.markIssues?.(values.map((_, r) => issue("表1", `A${r + 1}`)));
    expect(fake.stats.byName["Interior.Color="]).toBeLessThan(20);
    expect(await host.clearMarks?.()).toBe(300);
    // reading the original fills, painting, checking and restoring by groups, not cell by cell
    expect(fake.stats.calls).toBeLessThan(150);
    expect(fake.sheet("表1").fills.size).toBe(0);
  });

  it.each(["all", "first"] as const)(
    "keeps each cell's own fill when a multi-area Interior answers for %s area(s)",
    async (multiAreaInterior) => {
      const green = { color: "#C6EFCE", pattern: "Solid" };
      const values = Array.from({ length: 8 }, (_, r) => [r, r]);
      const fills = { A5: green, B2: green, B7: { color: "#FFC7CE", pattern: "Solid" } };
      const { fake, host } = install({
        multiAreaInterior,
        sheets: [{ name: "表1", values, fills }],
      });
      const cells = ["A1", "A5", "B2", "B4", "B7"];
      await host.markIssues?.(cells.map((c) => issue("表1", c)));
      // the user repaints B4 blue and clears the mark of A1: those two stay as the user left them
      fake.sheet("表1").fills.set(3 * 16384 + 1, etFillOf({ color: "#0000FF", pattern: "Solid" }));
      fake.sheet("表1").fills.delete(0);
      expect(await host.clearMarks?.()).toBe(3);
      const fill = (r: number, c: number) => neutralFillOf(fake.sheet("表1").fill(r, c)).color;
      expect([fill(0, 0), fill(4, 0), fill(1, 1), fill(3, 1), fill(6, 1)]).toEqual([
        "#FFFFFF",
        "#C6EFCE",
        "#C6EFCE",
        "#0000FF",
        "#FFC7CE",
      ]);
    }
  );

  it("never takes a user's own sheet called like the store for it, nor deletes it", async () => {
    const { fake, host } = install({
      customXmlParts: false,
      sheets: [{ name: "表1", values: [["a"]] }, { name: STORE_SHEET, values: [["我的数据"]] }],
    });
    expect((await host.readWorkbook()).sheets.map((s) => s.name)).toEqual(["表1", STORE_SHEET]);
    await host.markIssues?.([issue("表1", "A1")]);
    expect(fake.sheets.map((s) => [s.name, s.visible])).toEqual([
      ["表1", -1],
      [STORE_SHEET, -1],
      [`${STORE_SHEET} (2)`, 2],
    ]);
    expect((await host.readWorkbook()).sheets.map((s) => s.name)).toEqual(["表1", STORE_SHEET]);
    expect(await host.clearMarks?.()).toBe(1);
    expect(fake.sheets.map((s) => s.name)).toEqual(["表1", STORE_SHEET]);
    expect(fake.sheet(STORE_SHEET).values).toEqual([["我的数据"]]);
  });

  it("refuses to clear before restoring anything when the store sheet cannot be deleted (workbook protected)", async () => {
    const { fake, host } = install({ customXmlParts: false, sheets: [{ name: "表1", values: [["a"]] }] });
    await host.markIssues?.([issue("表1", "A1")]);
    (fake.options as { protectStructure?: boolean }).protectStructure = true;
    const writes = fake.writes.length;
    await expect(host.clearMarks?.()).rejects.toThrow(/工作簿结构受保护.*工作簿未作任何改动/);
    expect(fake.writes).toHaveLength(writes);
    expect(fake.sheet("表1").fill(0, 0).color).toBe(0xcec7ff);
  });

  it("refuses a protected sheet before the first write (WPS has no undo)", async () => {
    const { fake, host } = install({ protectedSheets: ["表2"], sheets: [{ name: "表1", values: [["a"]] }, { name: "表2", values: [["b"]] }] });
    await expect(host.markIssues?.([issue("表1", "A1"), issue("表2", "A1")])).rejects.toThrow(/工作表“表2”受保护.*工作簿未作任何改动/);
    expect(fake.writes).toHaveLength(0);
  });
});

describe("adding sheets without undo", () => {
  it("refuses when the workbook structure is protected, before writing", async () => {
    const { fake, host } = install({ protectStructure: true, sheets: [{ name: "Sheet1" }] });
    await expect(host.insertTemplates?.(2013)).rejects.toThrow(/工作簿结构受保护.*工作簿未作任何改动/);
    expect(fake.writes).toHaveLength(0);
  });

  it("takes back the sheets it added when a write fails half way", async () => {
    const { fake, host } = install({ failOnWrite: 40, sheets: [{ name: "Sheet1", values: [["原有数据"]] }] });
    await expect(host.insertTemplates?.(2013)).rejects.toThrow(/已删除本次添加的工作表/);
    expect(fake.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(fake.sheet("Sheet1").values).toEqual([["原有数据"]]);
    expect(fake.displayAlerts).toBe(true);
  });

  it("adds the 同比 sheet after the last sheet with a chart placed from the layout", async () => {
    const { fake, host } = install({ sheets: [{ name: "A" }, { name: "B" }] });
    await host.insertComparison?.(
      [{ sheet: "表1", indicator: "发展预备党员", unit: "人", current: 49, previous: 43, change: 6, pct: 14, text: "比上年增加6人，增长14.0%" }],
      { current: 2014, previous: 2013 }
    );
    expect(fake.sheets.map((s) => s.name)).toEqual(["A", "B", "同比 2014-2013"]);
    const s = fake.sheet("同比 2014-2013");
    expect(s.charts[0]).toMatchObject({ type: 51, source: "A2:C3", plotBy: 2, title: "2014年与2013年对比" });
    expect(s.frozenRows).toBe(2);
  });

  it("adds the 历年 sheet with a line chart, a series per row (xlLine, xlRows)", async () => {
    const { fake, host } = install({ sheets: [{ name: "A" }] });
    const name = await host.insertSeries?.(
      [{ sheet: "表1", indicator: "发展预备党员", unit: "人", values: [40, 43, 49], text: "" }],
      { from: 2011, to: 2013 }
    );
    expect(fake.sheets.map((s) => s.name)).toEqual(["A", "历年 2011–2013"]);
    expect(fake.sheet(name!).charts[0]).toMatchObject({ type: 4, source: "A2:D3", plotBy: 1 });
  });
});

describe("ET application", () => {
  it("says in Chinese when no workbook is open", async () => {
    const app = { ActiveWorkbook: null } as unknown as EtApplication;
    await expect(createWpsHost(app).readWorkbook()).rejects.toThrow(/没有打开的工作簿/);
  });
});

describe("the task pane", () => {
  // the offline folder under a Chinese user name with a space: the page's location.href is percent-encoded
  const JSADDONS = "file:///C:/Users/%E5%BC%A0%20%E4%B8%89/AppData/Roaming/kingsoft/wps/jsaddons";

  it("gives CreateTaskPane the page's folder decoded, as the wpsjs templates do (decodeURI)", () => {
    const { fake, app } = install({});
    togglePane(app, `${JSADDONS}/bureau-stats_0.1.0/index.html?x=1#top`);
    expect(fake.taskPanes.map((p) => p.url)).toEqual([
      "file:///C:/Users/张 三/AppData/Roaming/kingsoft/wps/jsaddons/bureau-stats_0.1.0/pane.html",
    ]);
    expect(fake.taskPanes[0]).toMatchObject({ visible: true, dock: 2, width: PANE_WIDTH });
    expect(fake.storage.get(PANE_ID_KEY)).toBe("1");
    togglePane(app, `${JSADDONS}/bureau-stats_0.1.0/index.html`); // the same pane, hidden
    expect(fake.taskPanes).toHaveLength(1);
    expect(fake.taskPanes[0]?.visible).toBe(false);
  });

  it("keeps an online address as it is, and a path decodeURI cannot decode undecoded", () => {
    const { fake, app } = install({});
    togglePane(app, "https://intranet.example/bureau-stats/index.html");
    expect(fake.taskPanes[0]?.url).toBe("https://intranet.example/bureau-stats/pane.html");
    const other = install({});
    togglePane(other.app, "file:///C:/jsaddons/50%25%E5/index.html");
    expect(other.fake.taskPanes[0]?.url).toBe("file:///C:/jsaddons/50%25%E5/pane.html");
  });
});
