/**
 * The Office host's writes on Office.js terms: each action in 2 syncs (names, then every write),
 * marks painted in one undo group where ExcelApi 1.20 is supported. What the writes produce
 * (templates, never overwriting, the 同比 sheet with its chart, text as text, marks restored
 * exactly) is the shared host suite's (host-contract.test.ts), run on this host and the WPS host.
 */
import { describe, expect, it } from "vitest";
import { useFakeOffice } from "./office-fixture";
import { createOfficeHost, MARK_COLORS } from "../../src/hosts/office";
import type { Issue } from "../../src/core/issues";
import { BUILTIN_DEFINITIONS } from "../../src/core/definitions";

const install = useFakeOffice();

const issue = (sheet: string, cell: string): Issue => ({
  rule: "G-02",
  code: "required-blank",
  severity: "error",
  sheet,
  cell,
  explained: false,
});

describe("Office host writes", () => {
  it("inserts the four templates in 2 syncs and leaves nothing queued", async () => {
    const f = install({ sheets: [{ name: "Sheet1", values: [["原有数据"]] }] });
    await createOfficeHost().insertTemplates?.(2013);
    expect(f.stats.syncs).toBe(2);
    expect(f.stats.leftoverActions).toBe(0);
    const t1 = f.sheet("表1 党员发展 2013");
    expect(t1.cell(0, 0)).toBe(BUILTIN_DEFINITIONS[0]?.title);
    expect(t1.values[2]).toEqual(BUILTIN_DEFINITIONS[0]?.columns.map((c) => c.header));
    expect(t1.cell(1, 2)).toBe("统计年度");
    expect(t1.cell(1, 3)).toBe(2013);
    // the blank rows the definition offers (表1: 30), then 合计
    const blank = BUILTIN_DEFINITIONS[0]?.blankRows ?? 0;
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
        BUILTIN_DEFINITIONS[3]!.columns.findIndex((c) => c.type === "percent")
      )
    ).toBe("0.0%");
    expect(f.sheet("Sheet1").values).toEqual([["原有数据"]]);
    expect(f.state.activeSheetId).toBe(t1.id);
  });

  it("inserts the comparison sheet with its chart in 2 syncs", async () => {
    const f = install({ sheets: [{ name: "Sheet1" }] });
    await createOfficeHost().insertComparison?.(
      [{ sheet: "表1 党员发展", indicator: "发展预备党员", unit: "人", current: 49, previous: 43, change: 6, pct: 14, text: "比上年增加6人，增长14.0%" }],
      { current: 2014, previous: 2013 }
    );
    expect(f.stats.syncs).toBe(2);
    expect(f.sheet("同比 2014-2013").charts[0]).toMatchObject({ type: "ColumnClustered", seriesBy: "Columns" });
  });

  it("paints in one sync and one undo group where ExcelApi 1.20 is supported", async () => {
    const f = install({ sheets: [{ name: "表1", values: [["a", "b"], [1, 2]] }] });
    await createOfficeHost().markIssues?.([issue("表1", "B2")]);
    expect(f.stats.runOptions).toContainEqual({ mergeUndoGroup: true });
    const older = install({ excelApi: "1.9", sheets: [{ name: "表1", values: [["a"]] }] });
    await createOfficeHost().markIssues?.([issue("表1", "A1")]);
    expect(older.stats.runOptions).toHaveLength(0);
    expect(older.sheet("表1").fill(0, 0).color).toBe(MARK_COLORS.error);
  });
});
