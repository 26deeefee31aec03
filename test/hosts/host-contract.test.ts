/**
 * The host test suite every workbook host passes: the same cases run against the Office host on
 * the fake Excel and the WPS host on the fake ET (with its marks in a custom XML part, and in a
 * hidden sheet where WPS has no custom XML parts). What differs by host — sync counts, payload
 * chunks, undo groups (Office); call counts, error codes, BGR colours, no undo (WPS) — is tested
 * in office*.test.ts and wps*.test.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { hostDrivers } from "./host-drivers";
import { MARK_COLORS } from "../../src/hosts/office";
import { loadDefinitions, BUILTIN_DEFINITIONS } from "../../src/core/definitions";
import { DEFINITIONS_SHEET, readDefinitionsSheet } from "../../src/core/definitions/sheet";
import { T5 } from "../core/bureau-fixtures";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { validateWorkbook } from "../../src/core/validate";
import { sheetsFromModel, generatedSheet, NO_FILL } from "../fakes/fake-excel";
import type { Issue } from "../../src/core/issues";
import type { WorkbookModel } from "../../src/core/model";
import type { ComparisonRow, SeriesRow } from "../../src/hosts/host";

const cell = (wb: WorkbookModel, sheet: number, r: number, c: number) =>
  wb.sheets[sheet]?.values[r]?.[c];

const HOSTILE = [
  '=HYPERLINK("http://evil.example","点我")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-1+1",
  "=1+1",
  "'引号开头",
];

const samples = ["bureau-stats-2013.xlsx", "bureau-stats-2013-mistakes.xlsx"].map((file) => ({
  file,
  model: readXlsx(
    new Uint8Array(readFileSync(join(__dirname, "..", "..", "assets", "samples", file)))
  ),
}));

describe.each(hostDrivers())("$name", (driver) => {
  describe("readWorkbook", () => {
    it("reads every sheet, maps types and formats, keeps sheet indexes, and writes nothing", async () => {
      const w = driver.open([
        {
          name: "表1 党员发展 2013",
          values: [
            ["表1 党员发展情况统计表"],
            ["填报单位", "昆山市教育局", "统计年度", 2013],
            ["单位名称", "年末党员数", "发展预备党员", "日期", "标记"],
            ["实验小学", 45, { error: "#DIV/0!" }, 41640, true],
            ["  ", null, "49人", 41641.5, false],
            ["中学", { error: "#N/A" }, { error: "#REF!" }, -2146826281, null],
          ],
          formats: [
            [],
            [],
            [],
            [undefined, "0", "0", "yyyy-mm-dd", undefined],
            [undefined, "0", "0", "yyyy-mm-dd"],
          ],
        },
        { name: "空表" },
        { name: "偏移", values: [[], [], [null, null, "x"], [null, 7]], visibility: "Hidden" },
      ]);
      const wb = await w.host.readWorkbook();
      expect(w.writes()).toBe(0);
      expect(wb.sheets.map((s) => s.name)).toEqual(["表1 党员发展 2013", "空表", "偏移"]);
      expect(cell(wb, 0, 3, 0)).toBe("实验小学");
      expect(cell(wb, 0, 3, 1)).toBe(45);
      expect(cell(wb, 0, 3, 2)).toEqual({ error: "#DIV/0!" });
      expect(cell(wb, 0, 5, 1)).toEqual({ error: "#N/A" });
      expect(cell(wb, 0, 5, 2)).toEqual({ error: "#REF!" });
      expect(cell(wb, 0, 5, 3)).toBe(-2146826281); // a number that equals an error code stays a number
      expect(cell(wb, 0, 3, 3)).toBe(41640);
      expect(wb.sheets[0]?.formats?.[3]?.[3]).toBe("yyyy-mm-dd");
      expect(wb.sheets[0]?.formats?.[4]?.[1]).toBe("0");
      expect(wb.sheets[0]?.formats?.[3]?.[0]).toBeUndefined(); // General
      expect(cell(wb, 0, 3, 4)).toBe(true);
      expect(cell(wb, 0, 4, 4)).toBe(false);
      expect(cell(wb, 0, 4, 0)).toBe("  ");
      expect(cell(wb, 0, 4, 1)).toBeNull();
      expect(cell(wb, 0, 4, 2)).toBe("49人");
      expect(wb.sheets[1]?.values).toHaveLength(0);
      expect(cell(wb, 2, 2, 2)).toBe("x");
      expect(cell(wb, 2, 3, 1)).toBe(7);
      expect(wb.sheets[2]?.values).toHaveLength(4);
    });

    it("reports progress up to the total, and a cancelled read rejects before touching the workbook", async () => {
      const w = driver.open([
        generatedSheet("大表", 3000, 10),
        { name: "封面", values: [["说明"]] },
      ]);
      const progress: { done: number; total: number }[] = [];
      const wb = await w.host.readWorkbook({ onProgress: (p) => progress.push(p) });
      expect(wb.sheets[0]?.values).toHaveLength(3000);
      expect(cell(wb, 0, 2999, 9)).toBe((2999 * 7 + 9 * 13) % 1000);
      expect(progress.at(-1)).toEqual({ done: 30_001, total: 30_001 });
      for (let i = 1; i < progress.length; i++)
        expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);
      const controller = new AbortController();
      controller.abort();
      await expect(w.host.readWorkbook({ signal: controller.signal })).rejects.toMatchObject({
        name: "AbortError",
      });
      expect(w.writes()).toBe(0);
    });

    it("refuses a range over 5,000,000 cells with a clear message", async () => {
      const values: (string | null)[][] = [["单位名称"]];
      values[499_999] = [null, null, null, null, null, null, null, null, null, null, "x"];
      const w = driver.open([{ name: "超大", values }]);
      await expect(w.host.readWorkbook()).rejects.toThrow(
        /工作表“超大”的数据区域 A1:K500000 共 5,500,000 个单元格，超过 5,000,000 个单元格的上限/
      );
      expect(w.writes()).toBe(0);
    });
  });

  describe("selectCell", () => {
    it("activates the sheet and selects the cell or a row, writing nothing", async () => {
      const w = driver.open([{ name: "Sheet1" }, { name: "表2 培训 2013", values: [["a"]] }]);
      await w.host.selectCell?.("表2 培训 2013", "C7");
      expect(w.selection()).toEqual({ sheet: "表2 培训 2013", address: "C7" });
      expect(w.activeSheet()).toBe("表2 培训 2013");
      await w.host.selectCell?.("表2 培训 2013", "7:7");
      expect(w.selection()?.address).toBe("A7:XFD7");
      expect(w.writes()).toBe(0);
    });

    it("says in Chinese when the sheet is gone", async () => {
      const w = driver.open([{ name: "Sheet1" }]);
      await expect(w.host.selectCell?.("表9", "A1")).rejects.toThrow(/找不到.*工作表/);
    });
  });

  describe("selectRanges", () => {
    it("activates the sheet and selects one range, or several at once, writing nothing", async () => {
      const w = driver.open([{ name: "Sheet1" }, { name: "表1 党员发展 2013", values: [["a"]] }]);
      const one = await w.host.selectRanges?.("表1 党员发展 2013", ["E4:E30"]);
      expect(one).toEqual({ sheet: "表1 党员发展 2013", selected: ["E4:E30"], notSelected: [] });
      expect(w.selection()).toEqual({ sheet: "表1 党员发展 2013", address: "E4:E30" });
      expect(w.activeSheet()).toBe("表1 党员发展 2013");
      const two = await w.host.selectRanges?.("表1 党员发展 2013", ["$E$4:$E$9", "E11:E30"]);
      expect(two?.selected).toEqual(["E4:E9", "E11:E30"]);
      expect(w.selection()).toEqual({ sheet: "表1 党员发展 2013", address: "E4:E9,E11:E30" });
      expect(w.writes()).toBe(0);
    });

    it("says in Chinese when the sheet is gone or an address is not one", async () => {
      const w = driver.open([{ name: "Sheet1" }]);
      await expect(w.host.selectRanges?.("表9", ["A1"])).rejects.toThrow(/找不到.*工作表/);
      await expect(w.host.selectRanges?.("Sheet1", ["A1", "表1!C7"])).rejects.toThrow(
        /不是有效的单元格地址/
      );
      await expect(w.host.selectRanges?.("Sheet1", [])).rejects.toThrow(/定位单元格/);
    });
  });

  describe("insertTemplates", () => {
    it("adds the four templates as new sheets, headers from the core's BUILTIN_DEFINITIONS, lists, 合计 formulas", async () => {
      const w = driver.open([{ name: "Sheet1", values: [["原有数据"]] }]);
      const names = await w.host.insertTemplates?.(2013);
      expect(names).toEqual([
        "表1 党员发展 2013",
        "表2 培训 2013",
        "表3 经费 2013",
        "表4 信访咨询办理 2013",
      ]);
      const t1 = "表1 党员发展 2013";
      expect(w.cell(t1, 0, 0)).toBe(BUILTIN_DEFINITIONS[0]?.title);
      expect(w.values(t1)[2]).toEqual(BUILTIN_DEFINITIONS[0]?.columns.map((c) => c.header));
      expect(w.cell(t1, 1, 2)).toBe("统计年度");
      expect(w.cell(t1, 1, 3)).toBe(2013);
      // the blank rows the definition offers (表1: 30), then 合计
      const blank = BUILTIN_DEFINITIONS[0]?.blankRows ?? 0;
      expect(blank).toBe(30);
      const last = 3 + blank; // 1-based row of the last blank data row = 0-based row of 合计
      expect(w.cell(t1, last, 0)).toBe("合计");
      expect(w.formulas(t1).length).toBeGreaterThan(0);
      expect(
        w.formulas(t1).every((f) => new RegExp(`^=SUM\\([A-Z]+4:[A-Z]+${last}\\)$`).test(f))
      ).toBe(true);
      expect(w.format(t1, 3, 0)).toBe("@");
      expect(w.format(t1, 3, 2)).toBe("0");
      const list = w.lists(t1).find((l) => l.address === `B4:B${last}`);
      expect(list?.source).toBe(BUILTIN_DEFINITIONS[0]?.columns[1]?.allowed?.join(","));
      const t4 = "表4 信访咨询办理 2013";
      expect(
        w.format(
          t4,
          3,
          BUILTIN_DEFINITIONS[3]!.columns.findIndex((c) => c.type === "percent")
        )
      ).toBe("0.0%");
      expect(w.values("Sheet1")).toEqual([["原有数据"]]);
      expect(w.activeSheet()).toBe(t1);
    });

    it("inserts templates that read back as the four tables of that year", async () => {
      const w = driver.open([{ name: "Sheet1" }]);
      await w.host.insertTemplates?.(2013);
      const result = validateWorkbook(await w.host.readWorkbook());
      expect(result.tables.map((t) => [t.sheet, t.year])).toEqual([
        ["表1 党员发展 2013", 2013],
        ["表2 培训 2013", 2013],
        ["表3 经费 2013", 2013],
        ["表4 信访咨询办理 2013", 2013],
      ]);
    });

    it("never overwrites: a clashing name gets (2), (3) …", async () => {
      const w = driver.open([
        { name: "表1 党员发展 2013", values: [["我的数据"]] },
        { name: "表2 培训 2013 (2)" },
        { name: "表2 培训 2013" },
      ]);
      const names = await w.host.insertTemplates?.(2013);
      expect(names).toEqual([
        "表1 党员发展 2013 (2)",
        "表2 培训 2013 (3)",
        "表3 经费 2013",
        "表4 信访咨询办理 2013",
      ]);
      expect(w.values("表1 党员发展 2013")).toEqual([["我的数据"]]);
      const again = await w.host.insertTemplates?.(2013);
      expect(again?.[0]).toBe("表1 党员发展 2013 (3)");
      expect(w.sheetNames()).toHaveLength(11);
    });

    it("refuses an invalid year in Chinese without writing", async () => {
      const w = driver.open([{ name: "Sheet1" }]);
      await expect(w.host.insertTemplates?.(13)).rejects.toThrow(/统计年度“13”无效/);
      expect(w.writes()).toBe(0);
    });
  });

  describe("insertDefinitions and the templates of a bureau's tables", () => {
    const five = [...BUILTIN_DEFINITIONS, ...loadDefinitions([T5]).map((t) => t.def)];

    it("inserts the definitions as a 报表定义 sheet that reads back as the same definitions; never over one", async () => {
      const w = driver.open([{ name: "Sheet1", values: [["原有数据"]] }]);
      expect(await w.host.insertDefinitions?.(five)).toBe(DEFINITIONS_SHEET);
      const model = await w.host.readWorkbook();
      const sheet = model.sheets.find((x) => x.name === DEFINITIONS_SHEET);
      expect(sheet && readDefinitionsSheet(sheet).map((t) => t.def)).toEqual(five);
      expect(w.values("Sheet1")).toEqual([["原有数据"]]);
      const writes = w.writes();
      await expect(w.host.insertDefinitions?.(BUILTIN_DEFINITIONS)).rejects.toThrow(
        /已有“报表定义”工作表，未插入/
      );
      expect(w.writes()).toBe(writes);
      expect(w.sheetNames()).toHaveLength(2);
    });

    it("inserts blank templates for whatever tables are defined (a 表5 included), then their 报表定义", async () => {
      const w = driver.open([{ name: "Sheet1" }]);
      const names = await w.host.insertTemplates?.(2014, five);
      expect(names).toHaveLength(6);
      expect(names?.[4]).toBe("表5 宣传与政务公开 2014");
      // not the built-ins: the definitions travel with the templates, as a unit's copy is checked
      expect(names?.[5]).toBe(DEFINITIONS_SHEET);
      const model = await w.host.readWorkbook();
      const own = model.sheets.find((x) => x.name === DEFINITIONS_SHEET);
      expect(own && readDefinitionsSheet(own).map((t) => t.def)).toEqual(five);
      expect(w.values("表5 宣传与政务公开 2014")[2]).toEqual(T5.columns.map((c) => c.header));
      expect(w.cell("表5 宣传与政务公开 2014", 3 + T5.blankRows, 0)).toBe("合计");
    });
  });

  describe("insertComparison", () => {
    const rows: ComparisonRow[] = [
      {
        sheet: "表3 经费",
        indicator: "募集善款",
        unit: "元",
        current: 301370,
        previous: 250000.5,
        change: 51369.5,
        pct: 20.5,
        text: "比上年增加51369.5元，增长20.5%",
      },
      {
        sheet: "表1 党员发展",
        indicator: "发展预备党员",
        unit: "人",
        current: 49,
        previous: 43,
        change: 6,
        pct: 14,
        text: "比上年增加6人，增长14.0%",
      },
      {
        sheet: "表4 信访",
        indicator: "办结率",
        unit: "%",
        current: 98.5,
        previous: 97.3,
        change: 1.2,
        pct: null,
        text: "比上年提高1.2个百分点",
      },
      ...HOSTILE.map((h, i) => ({
        sheet: h,
        indicator: h,
        unit: "件",
        current: i,
        previous: i + 1,
        change: -1,
        pct: null,
        text: h,
      })),
    ];

    it("writes the table with text as text (never a formula) and a clustered column chart", async () => {
      const w = driver.open([{ name: "同比 2014-2013" }]);
      const name = await w.host.insertComparison?.(rows, { current: 2014, previous: 2013 });
      expect(name).toBe("同比 2014-2013 (2)");
      expect(w.formulas(name!)).toHaveLength(0);
      const v = w.values(name!);
      expect(v[1]).toEqual([
        "指标",
        "2014年",
        "2013年",
        "增减",
        "增减幅度",
        "单位",
        "来源表",
        "说明",
      ]);
      expect(v.slice(2).map((r) => r[0])).toEqual([
        "发展预备党员",
        ...HOSTILE,
        "募集善款",
        "办结率",
      ]);
      for (let r = 3; r < 3 + HOSTILE.length; r++) {
        const h = HOSTILE[r - 3]!;
        expect(v[r]?.[0]).toBe(h);
        expect(v[r]?.[6]).toBe(h);
        expect(v[r]?.[7]).toBe(h);
      }
      expect(v[2]?.[4]).toBeCloseTo(0.14, 10);
      expect(w.format(name!, 2, 4)).toBe("0.0%");
      expect(v[9]?.[1]).toBe(301370);
      expect(w.format(name!, 9, 1)).toBe("0.00");
      expect(w.charts(name!)).toEqual([{ clustered: true, source: "A2:C9" }]);
      expect(w.values("同比 2014-2013")).toEqual([]);
    });
  });

  describe("insertSeries", () => {
    const years = { from: 2009, to: 2013 };
    const rows: SeriesRow[] = [
      {
        sheet: "表3 经费 2013",
        indicator: "募集善款",
        unit: "元",
        values: [200000, 250000.5, null, 280000, 301370],
        text: "2011年：工作簿中没有该年的表",
      },
      {
        sheet: "表1 党员发展 2013",
        indicator: "发展预备党员",
        unit: "人",
        values: [40, 50, 60, 70, 80],
        text: "比2009年增长1.0倍，年均增长18.9%，连续4年增长",
      },
      {
        sheet: "表1 党员发展 2013",
        indicator: "年末党员数",
        unit: "人",
        values: [1300, 1350, 1400, 1454, 1517],
        text: "",
      },
      {
        sheet: "表4 信访 2013",
        indicator: "来信",
        unit: "件",
        values: [60, 58, 55, 51, 43],
        text: "",
      },
      ...HOSTILE.map((h) => ({
        sheet: h,
        indicator: h,
        unit: "件",
        values: [1, 2, 3, 4, 5],
        text: h,
      })),
    ];

    it("writes a year a column, text as text, and a line chart of the first unit's figures; never overwrites", async () => {
      const w = driver.open([{ name: "历年 2009–2013" }]);
      const name = await w.host.insertSeries?.(rows, years);
      expect(name).toBe("历年 2009–2013 (2)");
      expect(w.formulas(name!)).toHaveLength(0);
      const v = w.values(name!);
      expect(v[0]?.[0]).toBe("2009–2013年主要指标");
      expect(v[1]).toEqual([
        "指标",
        "2009年",
        "2010年",
        "2011年",
        "2012年",
        "2013年",
        "单位",
        "来源表",
        "说明",
      ]);
      // counts first (人 before 件, as given), money last
      expect(v.slice(2).map((r) => r[0])).toEqual([
        "发展预备党员",
        "年末党员数",
        "来信",
        ...HOSTILE,
        "募集善款",
      ]);
      expect(v[2]?.slice(1, 6)).toEqual([40, 50, 60, 70, 80]);
      const money = v[2 + 3 + HOSTILE.length];
      expect(money?.[3] ?? "").toBe(""); // the gap: left blank (WPS reads it back as null), the 说明 says why
      expect(money?.[8]).toBe("2011年：工作簿中没有该年的表");
      expect(w.format(name!, 2 + 3 + HOSTILE.length, 2)).toBe("0.00");
      for (const [i, h] of HOSTILE.entries()) {
        expect(v[5 + i]?.[0]).toBe(h);
        expect(v[5 + i]?.[7]).toBe(h);
        expect(v[5 + i]?.[8]).toBe(h);
      }
      // one scale: the two figures in 人 only (rows 3–4), not 来信 in 件 nor the money
      expect(w.charts(name!)).toEqual([{ clustered: false, source: "A2:F4" }]);
      expect(w.values("历年 2009–2013")).toEqual([]);
    });
  });

  describe("markIssues / clearMarks", () => {
    const issue = (sheet: string, c: string, severity: "error" | "warning"): Issue => ({
      rule: "G-02",
      code: "required-blank",
      severity,
      sheet,
      cell: c,
      explained: false,
    });
    const fills = {
      B2: { color: "#00B050", pattern: "Solid" },
      C3: {
        color: "#FFFF00",
        pattern: "Gray50",
        patternColor: "#FF0000",
        tintAndShade: 0.4,
        patternTintAndShade: -0.25,
      },
      D4: { color: "#4472C4", pattern: "LightUp", patternColor: "#000080" },
    };
    const open = () =>
      driver.open([
        {
          name: "表1",
          values: [
            ["a", "b", "c", "d"],
            [1, 2, 3, 4],
            [5, 6, 7, 8],
            [9, 10, 11, 12],
          ],
          fills,
        },
        { name: "其他", values: [["x"]] },
      ]);

    it("fills error cells red and warning cells yellow, then restores exactly (no fill, solid, patterns)", async () => {
      const w = open();
      const before = w.allFills();
      const result = await w.host.markIssues?.([
        issue("表1", "A1", "warning"),
        issue("表1", "B2", "error"),
        issue("表1", "C3", "warning"),
        issue("表1", "C3", "error"), // error wins
        issue("表1", "D4", "warning"),
        issue("表1", "7:7", "warning"), // a whole row: its first cell
        issue("表1", "C:C", "error"), // a whole column: not marked
        issue("不存在", "A1", "error"),
      ]);
      expect(result).toEqual({ marked: 5, unmarked: 0 });
      expect(w.fill("表1", 0, 0)).toMatchObject({ color: MARK_COLORS.warning, pattern: "Solid" });
      expect(w.fill("表1", 1, 1)).toMatchObject({ color: MARK_COLORS.error, pattern: "Solid" });
      expect(w.fill("表1", 2, 2)).toMatchObject({
        color: MARK_COLORS.error,
        pattern: "Solid",
        tintAndShade: 0,
      });
      expect(w.fill("表1", 6, 0).color).toBe(MARK_COLORS.warning);
      expect(w.stores()).toBe(1);
      expect(w.sheetNames()).toEqual(["表1", "其他"]);
      expect(w.values("表1")[0]).toEqual(["a", "b", "c", "d"]); // only fills change
      expect(await w.host.clearMarks?.()).toBe(5);
      expect(w.allFills()).toBe(before);
      expect(w.fill("表1", 0, 0)).toEqual(NO_FILL);
      expect(w.stores()).toBe(0);
      expect(await w.host.clearMarks?.()).toBe(0);
    });

    it("leaves a cell the user re-coloured after marking, and follows a renamed sheet", async () => {
      const w = open();
      await w.host.markIssues?.([issue("表1", "A1", "error"), issue("表1", "B2", "error")]);
      w.paint("表1", 0, 0, { color: "#7030A0", pattern: "Solid" }); // the user paints A1 purple
      w.rename("表1", "表1（改名）");
      expect(await w.host.clearMarks?.()).toBe(1);
      expect(w.fill("表1（改名）", 0, 0).color).toBe("#7030A0");
      expect(w.fill("表1（改名）", 1, 1)).toEqual({ ...NO_FILL, ...fills.B2 });
    });

    it("marking again restores marks no longer needed and keeps the first originals", async () => {
      const w = open();
      const before = w.allFills();
      await w.host.markIssues?.([issue("表1", "B2", "error"), issue("表1", "C3", "warning")]);
      await w.host.markIssues?.([issue("表1", "C3", "error"), issue("表1", "D4", "warning")]);
      expect(w.fill("表1", 1, 1)).toEqual({ ...NO_FILL, ...fills.B2 });
      expect(w.fill("表1", 2, 2).color).toBe(MARK_COLORS.error);
      expect(await w.host.clearMarks?.()).toBe(2);
      expect(w.allFills()).toBe(before);
    });

    it("never writes during a read", async () => {
      const w = open();
      await w.host.readWorkbook();
      expect(w.writes()).toBe(0);
    });
  });

  describe.each(samples)("the sample $file", ({ file, model }) => {
    it("finds the same issues as the .xlsx path, writing nothing", async () => {
      const w = driver.open(sheetsFromModel(model));
      const wb = await w.host.readWorkbook();
      expect(w.writes()).toBe(0);
      const viaHost = validateWorkbook(wb);
      const viaXlsx = validateWorkbook(model);
      expect(viaHost.issues).toEqual(viaXlsx.issues);
      expect(viaHost.tables.map((t) => t.figures)).toEqual(viaXlsx.tables.map((t) => t.figures));
    });

    it("marks every issue and clears back to the original fills", async () => {
      const w = driver.open(sheetsFromModel(model));
      const { issues } = validateWorkbook(await w.host.readWorkbook());
      const before = w.allFills();
      const marked = (await w.host.markIssues?.(issues))?.marked;
      expect(marked).toBeGreaterThanOrEqual(file.includes("mistakes") ? 10 : 0); // the mistakes sample has 36 issues
      expect(await w.host.clearMarks?.()).toBe(marked);
      expect(w.allFills()).toBe(before);
      expect(w.stores()).toBe(0);
    });
  });
});
