/**
 * The Office host's writes against the fake Excel: templates (never overwriting), the comparison
 * sheet with a native chart (text written as text), and marks that restore fills exactly.
 */
import { describe, expect, it } from "vitest";
import { useFakeOffice } from "./office-fixture";
import { createOfficeHost, MARKS_NAMESPACE, MARK_COLORS } from "../../src/hosts/office";
import { NO_FILL } from "../fakes/fake-excel";
import { TEMPLATES } from "../../src/core/templates";
import type { Issue } from "../../src/core/issues";
import type { ComparisonRow } from "../../src/hosts/host";

const install = useFakeOffice();

const HOSTILE = [
  '=HYPERLINK("http://evil.example","点我")',
  "+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "-1+1",
  "=1+1",
  "'引号开头",
];

describe("insertTemplates", () => {
  it("adds the four templates as new sheets in 2 syncs, headers from the core's TEMPLATES", async () => {
    const f = install({ sheets: [{ name: "Sheet1", values: [["原有数据"]] }] });
    const names = await createOfficeHost().insertTemplates?.(2013);
    expect(names).toEqual([
      "表1 党员发展 2013",
      "表2 培训 2013",
      "表3 经费 2013",
      "表4 信访咨询办理 2013",
    ]);
    expect(f.stats.syncs).toBe(2);
    const t1 = f.sheet("表1 党员发展 2013");
    expect(t1.cell(0, 0)).toBe(TEMPLATES[0]?.title);
    expect(t1.values[2]).toEqual(TEMPLATES[0]?.columns.map((c) => c.header));
    expect(t1.cell(1, 2)).toBe("统计年度");
    expect(t1.cell(1, 3)).toBe(2013);
    // the blank rows the definition offers (表1: 30), then 合计
    const blank = TEMPLATES[0]?.blankRows ?? 0;
    expect(blank).toBe(30);
    const last = 3 + blank; // 1-based row of the last blank data row
    expect(t1.cell(last, 0)).toBe("合计");
    expect(t1.formulas.size).toBeGreaterThan(0); // =SUM in the 合计 row
    expect(
      [...t1.formulas.values()].every((f) =>
        new RegExp(`^=SUM\\([A-Z]+4:[A-Z]+${last}\\)$`).test(f)
      )
    ).toBe(true);
    expect(t1.format(3, 0)).toBe("@");
    expect(t1.format(3, 2)).toBe("0");
    expect(t1.validations.some((v) => v.address === `B4:B${last}`)).toBe(true);
    const t4 = f.sheet("表4 信访咨询办理 2013");
    expect(
      t4.format(
        3,
        TEMPLATES[3]!.columns.findIndex((c) => c.type === "percent")
      )
    ).toBe("0.0%");
    expect(f.sheet("Sheet1").values).toEqual([["原有数据"]]);
    expect(f.state.activeSheetId).toBe(t1.id);
  });

  it("never overwrites: a clashing name gets (2), (3) …", async () => {
    const f = install({
      sheets: [
        { name: "表1 党员发展 2013", values: [["我的数据"]] },
        { name: "表2 培训 2013 (2)" },
        { name: "表2 培训 2013" },
      ],
    });
    const names = await createOfficeHost().insertTemplates?.(2013);
    expect(names).toEqual([
      "表1 党员发展 2013 (2)",
      "表2 培训 2013 (3)",
      "表3 经费 2013",
      "表4 信访咨询办理 2013",
    ]);
    expect(f.sheet("表1 党员发展 2013").values).toEqual([["我的数据"]]);
    const again = await createOfficeHost().insertTemplates?.(2013);
    expect(again?.[0]).toBe("表1 党员发展 2013 (3)");
    expect(f.state.sheets).toHaveLength(11);
  });

  it("refuses an invalid year in Chinese without writing", async () => {
    const f = install({});
    await expect(createOfficeHost().insertTemplates?.(13)).rejects.toThrow(/统计年度“13”无效/);
    expect(f.writes).toHaveLength(0);
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

  it("writes the table with text as text (never a formula) and a ColumnClustered chart", async () => {
    const f = install({ sheets: [{ name: "同比 2014-2013" }] });
    const name = await createOfficeHost().insertComparison?.(rows, {
      current: 2014,
      previous: 2013,
    });
    expect(name).toBe("同比 2014-2013 (2)");
    expect(f.stats.syncs).toBe(2);
    const s = f.sheet(name!);
    expect(s.formulas.size).toBe(0);
    expect(s.values[1]).toEqual([
      "指标",
      "2014年",
      "2013年",
      "增减",
      "增减幅度",
      "单位",
      "来源表",
      "说明",
    ]);
    // counts first (they make the chart), then money, then rates
    expect(s.values.slice(2).map((r) => r[0])).toEqual([
      "发展预备党员",
      ...HOSTILE,
      "募集善款",
      "办结率",
    ]);
    for (let r = 3; r < 3 + HOSTILE.length; r++) {
      const h = HOSTILE[r - 3]!;
      expect(s.values[r]?.[0]).toBe(h);
      expect(s.values[r]?.[6]).toBe(h);
      expect(s.values[r]?.[7]).toBe(h);
    }
    expect(s.values[2]?.[4]).toBeCloseTo(0.14, 10);
    expect(s.format(2, 4)).toBe("0.0%");
    expect(s.values[9]?.[1]).toBe(301370);
    expect(s.format(9, 1)).toBe("0.00");
    expect(s.charts).toHaveLength(1);
    expect(s.charts[0]).toMatchObject({
      type: "ColumnClustered",
      source: "A2:C9",
      seriesBy: "Columns",
    });
    expect(f.sheet("同比 2014-2013").values).toEqual([]);
  });
});

describe("markIssues / clearMarks", () => {
  const issue = (sheet: string, cell: string, severity: "error" | "warning"): Issue => ({
    rule: "G-02",
    code: "required-blank",
    severity,
    sheet,
    cell,
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
  const setup = () =>
    install({
      sheets: [
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
      ],
    });
  const snapshot = (f: ReturnType<typeof setup>) =>
    ["A1", "B2", "C3", "D4", "A4", "A7"].map((a) => {
      const m = /^([A-Z])(\d+)$/.exec(a)!;
      return f.sheet("表1").fill(Number(m[2]) - 1, m[1]!.charCodeAt(0) - 65);
    });

  it("fills error cells red and warning cells yellow, then restores exactly (no fill, solid, patterns)", async () => {
    const f = setup();
    const before = snapshot(f);
    const host = createOfficeHost();
    const n = await host.markIssues?.([
      issue("表1", "A1", "warning"),
      issue("表1", "B2", "error"),
      issue("表1", "C3", "warning"),
      issue("表1", "C3", "error"), // error wins
      issue("表1", "D4", "warning"),
      issue("表1", "7:7", "warning"), // a whole row: its first cell
      issue("表1", "C:C", "error"), // a whole column: not marked
      issue("不存在", "A1", "error"),
    ]);
    expect(n).toBe(5);
    const s = f.sheet("表1");
    expect(s.fill(0, 0)).toMatchObject({ color: MARK_COLORS.warning, pattern: "Solid" });
    expect(s.fill(1, 1)).toMatchObject({ color: MARK_COLORS.error, pattern: "Solid" });
    expect(s.fill(2, 2)).toMatchObject({
      color: MARK_COLORS.error,
      pattern: "Solid",
      tintAndShade: 0,
    });
    expect(s.fill(6, 0).color).toBe(MARK_COLORS.warning);
    expect(f.state.customXmlParts.map((p) => p.ns)).toEqual([MARKS_NAMESPACE]);
    expect(s.values[0]).toEqual(["a", "b", "c", "d"]); // only fills change
    const restored = await host.clearMarks?.();
    expect(restored).toBe(5);
    expect(snapshot(f)).toEqual(before);
    expect(s.fill(0, 0)).toEqual(NO_FILL);
    expect(f.state.customXmlParts).toHaveLength(0);
    expect(await host.clearMarks?.()).toBe(0);
  });

  it("leaves a cell the user re-coloured after marking, and follows a renamed sheet", async () => {
    const f = setup();
    const host = createOfficeHost();
    await host.markIssues?.([issue("表1", "A1", "error"), issue("表1", "B2", "error")]);
    f.sheet("表1").fills.set(0, { ...NO_FILL, color: "#7030A0", pattern: "Solid" }); // user paints A1 purple
    f.sheet("表1").name = "表1（改名）";
    expect(await host.clearMarks?.()).toBe(1);
    expect(f.sheet("表1（改名）").fill(0, 0).color).toBe("#7030A0");
    expect(f.sheet("表1（改名）").fill(1, 1)).toEqual({ ...NO_FILL, ...fills.B2 });
  });

  it("marking again restores marks no longer needed and keeps the first originals", async () => {
    const f = setup();
    const before = snapshot(f);
    const host = createOfficeHost();
    await host.markIssues?.([issue("表1", "B2", "error"), issue("表1", "C3", "warning")]);
    await host.markIssues?.([issue("表1", "C3", "error"), issue("表1", "D4", "warning")]);
    const s = f.sheet("表1");
    expect(s.fill(1, 1)).toEqual({ ...NO_FILL, ...fills.B2 }); // B2 no longer an issue: restored
    expect(s.fill(2, 2).color).toBe(MARK_COLORS.error);
    expect(await host.clearMarks?.()).toBe(2);
    expect(snapshot(f)).toEqual(before);
  });

  it("paints in one sync and one undo group where ExcelApi 1.20 is supported; never during a read", async () => {
    const f = setup();
    const host = createOfficeHost();
    await host.readWorkbook();
    expect(f.writes).toHaveLength(0);
    await host.markIssues?.([issue("表1", "B2", "error")]);
    expect(f.stats.runOptions).toContainEqual({ mergeUndoGroup: true });
    const older = install({ excelApi: "1.9", sheets: [{ name: "表1", values: [["a"]] }] });
    await createOfficeHost().markIssues?.([issue("表1", "A1", "error")]);
    expect(older.stats.runOptions).toHaveLength(0);
    expect(older.sheet("表1").fill(0, 0).color).toBe(MARK_COLORS.error);
  });
});
