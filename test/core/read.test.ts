/**
 * Reading a sheet: header detection by normalised text wherever it is, year detection, the 合计
 * row, blank rows; and the exact number and date primitives behind lenient reading.
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/model";
import { COMPILED_BUILTINS } from "../../src/core/definitions";
import { detectTable, isTotalLabel, yearIn } from "../../src/core/detect/table";
import { isBlankText, normaliseHeader, toHalfWidth, trimText } from "../../src/core/read/normalise";
import {
  formatFen,
  formatTenthsPct,
  parseNumberText,
  scaleDecimal,
  LENIENT,
} from "../../src/core/read/numbers";
import {
  formatSerial,
  isDateFormat,
  isPercentFormat,
  parseDateText,
  serialToYmd,
  ymdToSerial,
} from "../../src/core/read/dates";
import { validateWorkbook } from "../../src/core/validate";
import { buildSheet, referenceT1, t1Row, definition, workbook } from "./fixtures";

describe("normalising headers", () => {
  it.each([
    ["其中：教工", "其中:教工"],
    [" 其中:\n教工 ", "其中：教工"],
    ["金额（元）", "金额(元)"],
    ["金 额\r\n（元）", "金额(元)"],
    ["\u3000单位名称\u00a0", "单位名称"],
  ])("%j matches %j", (a, b) => {
    expect(normaliseHeader(a)).toBe(normaliseHeader(b));
  });
  it("keeps different headers apart", () => {
    expect(normaliseHeader("其中：教工")).not.toBe(normaliseHeader("其中：学生"));
  });
  it("half-width, trim and blank helpers", () => {
    expect(toHalfWidth("（４９）")).toBe("(49)");
    expect(trimText("\u3000来电 ")).toBe("来电");
    expect(isBlankText(" \u3000\n")).toBe(true);
    expect(isBlankText(" x ")).toBe(false);
  });
});

describe("finding a table", () => {
  it("finds the header row anywhere in the first rows, with columns moved and the sheet renamed", () => {
    const base = referenceT1();
    const order = [3, 0, 10, 1, 2, 4, 5, 6, 7, 8, 9];
    const moved = base.values.map((row, r) =>
      r < 2 ? [...row] : order.map((c) => row[c] ?? null)
    );
    const values: CellValue[][] = [["说明：本表由各校填报"], [], ...moved];
    const r = validateWorkbook(workbook({ name: "Sheet1", values }));
    expect(r.tables.map((t) => t.tableId)).toEqual(["T1"]);
    expect(r.issues).toEqual([]);
    expect(r.tables[0]?.figures.find((f) => f.id === "T1/发展预备党员")?.value).toBe(49);
  });
  it("ignores sheets that hold no table (no issues)", () => {
    const r = validateWorkbook(
      workbook({ name: "说明", values: [["填表说明"], ["单位名称", "联系人"]] })
    );
    expect(r).toEqual({ issues: [], tables: [], years: [] });
  });
  it("recognises a header row missing some required headers (to report them)", () => {
    const d = detectTable(
      {
        name: "x",
        values: [
          ["单位名称", "单位类型", "年末党员数", "发展预备党员", "其中：教工", "其中：学生"],
        ],
      },
      COMPILED_BUILTINS
    );
    expect(d?.definition.def.id).toBe("T1");
    expect(d?.missing.map((i) => d.definition.columns[i]?.header)).toEqual([
      "培训入党积极分子",
      "转正预备党员",
    ]);
  });
  it("needs at least half of the required headers", () => {
    expect(
      detectTable({ name: "x", values: [["单位名称", "单位类型", "备注"]] }, COMPILED_BUILTINS)
    ).toBeUndefined();
  });
});

describe("the year", () => {
  const t1 = definition("T1");
  const headers = t1.columns.map((c) => c.header);
  const sheet = (name: string, top: CellValue[][]) => ({ name, values: [...top, headers] });
  it.each([
    [
      "统计年度 value",
      sheet("表1", [[t1.title], ["填报单位", "局", "统计年度", 2013, "填报日期", "2014-01-10"]]),
      2013,
    ],
    ["统计年度 as text", sheet("表1", [[t1.title], ["统计年度", "2012年"]]), 2012],
    ["统计年度：2011 in one cell", sheet("表1", [["统计年度：2011"]]), 2011],
    ["统计年度 beats the title", sheet("表1", [["2010年表1"], ["统计年度", 2013]]), 2013],
    [
      "the title",
      sheet("表1", [["2012年度 表1 党员发展情况统计表"], ["填报日期", "2014-01-10"]]),
      2012,
    ],
    ["the sheet name", sheet("2011年表1", [[t1.title], ["填报日期", "2014-01-10"]]), 2011],
    [
      "none (填报日期 is not the year)",
      sheet("表1", [[t1.title], ["填报日期", "2014-01-10"]]),
      undefined,
    ],
  ])("from %s", (_name, s, year) => {
    expect(validateWorkbook(workbook(s)).tables[0]?.year).toBe(year);
  });
  it("yearIn reads 4-digit years only", () => {
    expect([
      yearIn(2013),
      yearIn("2013年度"),
      yearIn("20131"),
      yearIn(13),
      yearIn(2013.5),
      yearIn(null),
    ]).toEqual([2013, 2013, undefined, undefined, undefined, undefined]);
  });
  it("current year = the largest found, or the one asked for; previous = current − 1 when present", () => {
    const wb = workbook(referenceT1(), referenceT1({ year: 2012 }), referenceT1({ year: 2010 }));
    expect(validateWorkbook(wb)).toMatchObject({ currentYear: 2013, previousYear: 2012 });
    expect(validateWorkbook(wb, { year: 2012 })).toMatchObject({ currentYear: 2012 });
    expect(validateWorkbook(wb, { year: 2012 }).previousYear).toBeUndefined();
    expect(validateWorkbook(workbook(referenceT1())).previousYear).toBeUndefined();
  });
});

describe("the 合计 row and blank rows", () => {
  it.each(["合计", "合 计", " 合计 ", "总计", "合　计"])("%j is a 合计 label", (s) =>
    expect(isTotalLabel(s)).toBe(true)
  );
  it.each(["合计数", "小计", "", 0, null])("%j is not", (s) => expect(isTotalLabel(s)).toBe(false));
  it("rows after 合计 (notes) are not data; blank rows in between are skipped", () => {
    const s = buildSheet("T1", [t1Row("一中"), t1Row("二中")]);
    const values = [
      ...s.values.slice(0, 4),
      [null, "", "  "],
      ...s.values.slice(4),
      ["注：本表数据截至12月31日"],
    ];
    const r = validateWorkbook(workbook({ name: s.name, values }));
    expect(r.issues).toEqual([]);
    expect(r.tables[0]?.rowCount).toBe(2);
  });
});

describe("exact decimals", () => {
  const s = { value: 0, inexact: false };
  it.each([
    ["0.1", 2, 10, false],
    ["0.3", 2, 30, false],
    ["1.005", 2, 101, true],
    ["1.004", 2, 100, true],
    ["-1.005", 2, -101, true],
    ["301370.15", 2, 30137015, false],
    ["3.5e4", 2, 3500000, false],
    ["1.23456e2", 2, 12346, true],
    ["0.300000000000000", 2, 30, false],
    [".5", 0, 1, true],
    ["49", 0, 49, false],
    ["1e-7", 2, 0, true],
  ])("%s × 10^%d = %d (inexact %s)", (text, scale, value, inexact) => {
    expect(scaleDecimal(text, scale, s)).toBe(true);
    expect([s.value, s.inexact]).toEqual([value, inexact]);
  });
  it.each(["", "-", "1.2.3", "1e", "abc", "12345678901234567"])("rejects %j", (text) => {
    expect(scaleDecimal(text, 2, s)).toBe(false);
  });
  it("parses what people type", () => {
    expect(parseNumberText("３.５万元")).toEqual({
      decimal: "3.5e4",
      lenient: LENIENT.fullwidth | LENIENT.unitSuffix | LENIENT.wan | LENIENT.textNumber,
      percent: false,
    });
    expect(parseNumberText("98.5%")).toEqual({
      decimal: "98.5",
      lenient: LENIENT.textNumber,
      percent: true,
    });
    expect(parseNumberText("1,2345")).toBeUndefined();
    expect(parseNumberText("")).toBeUndefined();
  });
  it.each([
    [30137015, "301370.15"],
    [700000, "7000"],
    [5, "0.05"],
    [50, "0.5"],
    [-5, "-0.05"],
    [0, "0"],
  ])("formatFen(%d) = %s", (fen, text) => expect(formatFen(fen)).toBe(text));
  it("formats tenths of a percent", () => {
    expect([
      formatTenthsPct(985),
      formatTenthsPct(1000),
      formatTenthsPct(0),
      formatTenthsPct(-15),
    ]).toEqual(["98.5%", "100%", "0%", "-1.5%"]);
  });
});

describe("dates", () => {
  it("serial numbers round-trip, with Excel's 1900-02-29", () => {
    expect(serialToYmd(41395)).toEqual([2013, 5, 1]);
    expect(serialToYmd(60)).toEqual([1900, 2, 29]);
    expect(serialToYmd(61)).toEqual([1900, 3, 1]);
    expect(serialToYmd(1)).toEqual([1900, 1, 1]);
    expect(serialToYmd(0)).toBeUndefined();
    expect(serialToYmd(Number.NaN)).toBeUndefined();
    expect(ymdToSerial(2013, 5, 1)).toBe(41395);
    expect(ymdToSerial(2013, 2, 29)).toBeUndefined();
    expect(formatSerial(41395.75)).toBe("2013-05-01");
  });
  it.each([
    ["2013-05-01", 41395],
    ["2013/5/1", 41395],
    ["2013.5.1", 41395],
    ["2013年5月1日", 41395],
    [" 2013 年 5 月 1 日 ", 41395],
    ["2013-13-01", undefined],
    ["13-5-1", undefined],
  ])("parseDateText(%j) = %s", (text, serial) => expect(parseDateText(text)).toBe(serial));
  it.each([
    ["yyyy-mm-dd", true, false],
    ["m/d/yy", true, false],
    ['yyyy"年"m"月"d"日"', true, false],
    ["[$-804]yyyy年m月d日", true, false],
    ["0.0%", false, true],
    ["0%", false, true],
    ['0"%"', false, false],
    ["General", false, false],
    ["#,##0.00", false, false],
    ['0"天"', false, false],
  ])("%s: date %s, percent %s", (format, date, percent) => {
    expect(isDateFormat(format)).toBe(date);
    expect(isPercentFormat(format)).toBe(percent);
  });
});
