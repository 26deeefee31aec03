/**
 * A growth of a whole multiple or more is written in 倍 to one decimal; the draft's number carries
 * the value as written (`3.3倍` is 330 percent), not the finer percentage behind it.
 */
import { describe, expect, it } from "vitest";
import { analyzeWorkbook } from "../../src/core/analyze";
import { buildSheet, t1Row, workbook } from "./fixtures";

describe("a growth written in 倍", () => {
  it("carries the value written, in percent", () => {
    const wb = workbook(
      buildSheet("T1", [t1Row("一中", { 转正预备党员: 26 })], { year: 2013 }),
      buildSheet("T1", [t1Row("一中", { 转正预备党员: 6 })], { year: 2012 })
    );
    const a = analyzeWorkbook(wb);
    const growth = a.draft.figures.find((f) => f.label === "转正预备党员增幅");
    // 20 more on 6 is 333.3%, written `3.3倍`
    expect(growth).toMatchObject({ kind: "percent", text: "3.3倍", value: 330 });
    expect(a.draft.text.slice(growth?.start, growth?.end)).toBe("3.3倍");
  });

  it("a whole multiple reads `1倍`, 100 percent; a growth below it keeps its decimal", () => {
    const wb = workbook(
      buildSheet("T1", [t1Row("一中", { 转正预备党员: 12, 新党员培训: 14 })], { year: 2013 }),
      buildSheet("T1", [t1Row("一中", { 转正预备党员: 6, 新党员培训: 8 })], { year: 2012 })
    );
    const figures = analyzeWorkbook(wb).draft.figures;
    expect(figures.find((f) => f.label === "转正预备党员增幅")).toMatchObject({
      text: "1倍",
      value: 100,
    });
    expect(figures.find((f) => f.label === "新党员培训增幅")).toMatchObject({
      text: "75.0%",
      value: 75,
    });
  });
});
