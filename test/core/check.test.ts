/**
 * The check use case on workbooks already read: what it decides (file order, duplicate tables
 * across files, definitions, notices, the year) and every way it stops, as outcomes.
 */
import { describe, expect, it } from "vitest";
import {
  checkProblemText,
  checkWorkbooks,
  definitionsSheetGrid,
  noticeText,
  DEFINITIONS_SHEET,
  BUILTIN_DEFINITIONS,
  type WorkbookModel,
} from "../../src/core";
import { referenceT1, workbook } from "./fixtures";

const t1 = workbook(referenceT1({ name: "表1" }));

describe("checkWorkbooks", () => {
  it("checks one workbook with the built-ins and no notice", () => {
    const o = checkWorkbooks([{ name: "a.xlsx", workbook: t1 }]);
    expect(o.code).toBe("checked");
    if (o.code !== "checked") return;
    expect(o.analysis.currentYear).toBe(2013);
    expect(o.inForce.source).toBe("builtin");
    expect(o.notices).toEqual([]);
  });

  it("counts files in name order whatever order they are given; a duplicate table names both files", () => {
    const given = [
      { name: "z/b.xlsx", workbook: t1 },
      { name: "y/a.xlsx", workbook: t1 },
    ];
    const o = checkWorkbooks(given);
    if (o.code !== "checked") throw new Error(o.code);
    expect(o.files).toEqual(["y/a.xlsx", "z/b.xlsx"]);
    expect(o.workbook.sheets.map((s) => s.name)).toEqual(["表1", "表1（b.xlsx）"]);
    const dup = o.analysis.issues.find((i) => i.code === "duplicate-table-files");
    expect(dup?.params).toMatchObject({ file: "b.xlsx", same: "两个版本的数字相同" });
    const reversed = checkWorkbooks([...given].reverse());
    if (reversed.code !== "checked") throw new Error(reversed.code);
    expect(reversed.analysis.draft.text).toBe(o.analysis.draft.text);
  });

  it("stops at an unreadable file, naming it", () => {
    const o = checkWorkbooks([
      { name: "a.xlsx", workbook: t1 },
      { name: "b.xlsx", unreadable: "文件已损坏" },
    ]);
    expect(o).toEqual({ code: "unreadable-file", file: "b.xlsx", reason: "文件已损坏" });
    if (o.code === "unreadable-file") expect(checkProblemText(o)).toBe("b.xlsx：文件已损坏");
  });

  it("no data at all, a year not there, a year out of range", () => {
    const blank: WorkbookModel = { sheets: [{ name: "Sheet1", values: [[null]] }] };
    expect(checkWorkbooks([{ name: "空.xlsx", workbook: blank }]).code).toBe("no-data");
    const missing = checkWorkbooks([{ name: "a.xlsx", workbook: t1 }], { year: 2015 });
    expect(missing).toMatchObject({ code: "year-not-found", year: 2015, found: [2013] });
    if (missing.code === "year-not-found")
      expect(checkProblemText(missing)).toBe("a.xlsx：没有2015年的统计表（表中的年度：2013）");
    expect(checkWorkbooks([{ name: "a.xlsx", workbook: t1 }], { year: 1899 }).code).toBe(
      "year-out-of-range"
    );
    // a year chosen earlier and no longer there: the default year, no stop
    const kept = checkWorkbooks([{ name: "a.xlsx", workbook: t1 }], { preferredYear: 2015 });
    expect(kept.code === "checked" && kept.analysis.currentYear).toBe(2013);
  });

  it("a definitions file wins over a carried 报表定义 sheet, which differs: one notice, one wording", () => {
    const fewer = definitionsSheetGrid(BUILTIN_DEFINITIONS.slice(0, 3));
    const carried: WorkbookModel = {
      sheets: [...t1.sheets, { name: DEFINITIONS_SHEET, values: fewer }],
    };
    const o = checkWorkbooks([{ name: "一中.xlsx", workbook: carried }], {
      definitions: { name: "局.json", tables: BUILTIN_DEFINITIONS },
    });
    if (o.code !== "checked") throw new Error(o.code);
    expect(o.notices.map((n) => n.code)).toEqual([
      "definitions-in-force",
      "carried-definitions-differ",
    ]);
    expect(noticeText(o.notices[1]!)).toMatch(
      /^一中\.xlsx 中的“报表定义”与所用的统计表定义不同，未采用：/
    );
    // the 报表定义 sheet is no table
    expect(o.workbook.sheets.map((s) => s.name)).toEqual(["表1"]);
  });

  it("refuses definitions that cannot be used, naming where", () => {
    const o = checkWorkbooks([{ name: "a.xlsx", workbook: t1 }], {
      definitions: { name: "局.json", tables: [] },
    });
    expect(o).toMatchObject({ code: "definitions-invalid", where: "局.json" });
    if (o.code === "definitions-invalid") expect(checkProblemText(o)).toBe("局.json：没有表定义");
  });
});
