/**
 * 汇总 in Excel (fake): the merged tables inserted as new sheets — every write in one sync after
 * the read of the names (one undo step), nothing overwritten, text written as text, formats kept —
 * and the inserted sheets read back and checked as the merged tables they are.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mergeWorkbooks, plainOutcome, unitListFromSheet } from "../../src/core/merge";
import { validateWorkbook } from "../../src/core/validate";
import { createOfficeHost } from "../../src/hosts/office";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { isXlsxReadError } from "../../src/hosts/xlsx/errors";
import { useFakeOffice } from "./office-fixture";

const install = useFakeOffice();
const UNITS = path.join(__dirname, "..", "..", "assets", "samples", "units");

function sampleMerge() {
  const list = unitListFromSheet(
    readXlsx(readFileSync(path.join(UNITS, "单位名单.xlsx"))).sheets[0]!
  );
  const files = readdirSync(UNITS)
    .filter((f) => /^\d\d /.test(f))
    .sort()
    .map((file) => {
      try {
        return { file, workbook: readXlsx(readFileSync(path.join(UNITS, file))) };
      } catch (e) {
        return { file, unreadable: isXlsxReadError(e) ? e.reason : String(e) };
      }
    });
  return plainOutcome(mergeWorkbooks(files, { units: list, duplicates: "last" }));
}

describe("insertSheets (汇总)", () => {
  it("inserts the merged tables as new sheets in 2 syncs, never over a sheet, and they check as merged", async () => {
    const outcome = sampleMerge();
    const f = install({ sheets: [{ name: "表1 汇总 2013", values: [["我的数据"]] }] });
    const names = await createOfficeHost().insertSheets?.(outcome.sheets);
    expect(names).toEqual([
      "表1 汇总 2013 (2)",
      "表2 汇总 2013",
      "表3 汇总 2013",
      "表4 汇总 2013",
      "汇总来源",
    ]);
    expect(f.stats.syncs).toBe(2);
    expect(f.sheet("表1 汇总 2013").values).toEqual([["我的数据"]]);
    const t1 = f.sheet("表1 汇总 2013 (2)");
    expect(t1.cell(2, 0)).toBe("单位名称");
    expect(t1.cell(3, 0)).toBe("昆山市教育局机关党总支");
    expect(t1.format(3, 0)).toBe("@");
    // the unit's “36人” is merged as the number 36 (listed in the merge's report), no text left
    const t2 = f.sheet("表2 汇总 2013");
    expect(t2.values.flat()).not.toContain("36人");
    expect(t2.values.flat()).toContain(36);
    // read back from "Excel": the same issues as the merge found on its merged tables
    const wb = await createOfficeHost().readWorkbook();
    const merged = wb.sheets.filter(
      (s) => names?.slice(1).includes(s.name) || s.name === "表1 汇总 2013 (2)"
    );
    const checked = validateWorkbook({ sheets: merged });
    expect(checked.tables).toHaveLength(4);
    expect(checked.issues.map((i) => i.rule)).toEqual(outcome.issues.map((i) => i.rule));
  });
});
