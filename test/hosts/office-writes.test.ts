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
