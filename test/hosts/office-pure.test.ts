/** The Office host's pure helpers: cell mapping, chunk sizing, safe text, names, the mark store. */
import { describe, expect, it } from "vitest";
import {
  ChunkPlanner,
  FormatInterner,
  SheetAssembler,
  jsonBytes,
  toCellValue,
  trimBlankEdges,
} from "../../src/hosts/office/cells";
import { cellText, safeSheetName, uniqueSheetName } from "../../src/hosts/office/text";
import {
  isNoFill,
  markTargets,
  parseStoreXml,
  storeXml,
  type MarkEntry,
} from "../../src/hosts/office/marks";
import { selectableAddress } from "../../src/hosts/office/select";
import { EXCEL_ERROR_REASONS, describeOfficeError } from "../../src/hosts/office/errors";
import { columnFormat, rowKind, templateSheetBase } from "../../src/hosts/office/layout";
import { BUILTIN_DEFINITIONS } from "../../src/core/definitions";
import type { Issue } from "../../src/core/issues";

describe("trimBlankEdges (getUsedRange below ExcelApi 1.4 reads past the last value)", () => {
  it("drops the blank rows and columns after the last value, and their formats", () => {
    // a row of formats holds holes where a cell is General (as SheetAssembler builds it)
    const row = (...f: (string | undefined)[]) => f as string[];
    const formats = [row(undefined, "0", "@"), row("0"), row(undefined, undefined, "0")];
    expect(
      trimBlankEdges(
        [
          [null, 1, null],
          ["a", null, null],
          [null, null, null],
        ],
        formats
      )
    ).toEqual({
      values: [
        [null, 1],
        ["a", null],
      ],
      formats: [row(undefined, "0"), row("0")],
    });
  });

  it("makes a blank sheet's A1 (what getUsedRange answers for it) no rows at all", () => {
    expect(trimBlankEdges([[null]], undefined)).toEqual({ values: [], formats: undefined });
    expect(trimBlankEdges([[null]], [["0"]])).toEqual({ values: [], formats: undefined });
  });

  it("keeps blank rows and columns before a value, and a formats row only where one is left", () => {
    expect(
      trimBlankEdges(
        [
          [null, null],
          [null, 5],
        ],
        [["@"], []]
      )
    ).toEqual({
      values: [
        [null, null],
        [null, 5],
      ],
      formats: [["@"], undefined],
    });
  });
});

describe("toCellValue", () => {
  it.each([
    ["", "Empty", null],
    ["#N/A", "Error", { error: "#N/A" }],
    [true, "Boolean", true],
    ["FALSE", "Boolean", false],
    [42, "Double", 42],
    [0, "Integer", 0],
    ["=1+1", "String", "=1+1"],
    ["", "String", null],
    ["49人", "String", "49人"],
    ["", "Unknown", null],
    ["图片", "RichValue", "图片"],
  ])("%j typed %s → %j", (v, t, want) => {
    expect(toCellValue(v, t)).toEqual(want);
  });
});

describe("SheetAssembler", () => {
  it("interns formats, leaves General out and keeps rows without formats undefined", () => {
    const a = new SheetAssembler(new FormatInterner());
    a.append(
      [
        [1, "x"],
        [2, 3],
      ],
      [
        ["General", "General"],
        ["yyyy-mm-dd", "0.0%"],
      ],
      [
        ["Double", "String"],
        ["Double", "Double"],
      ]
    );
    expect(a.values).toEqual([
      [1, "x"],
      [2, 3],
    ]);
    expect(a.formats[0]).toBeUndefined();
    expect(a.formats[1]).toEqual(["yyyy-mm-dd", "0.0%"]);
    const b = new SheetAssembler(new FormatInterner());
    b.append([[1]], [["General"]], [["Double"]]);
    expect(b.formatsOrUndefined).toBeUndefined();
  });
});

describe("ChunkPlanner", () => {
  const limits = { firstChunkCells: 20_000, targetChunkBytes: 2_000_000, maxChunkCells: 200_000 };
  it("starts with the first chunk size, then sizes from the heaviest bytes per cell seen", () => {
    const p = new ChunkPlanner(limits);
    expect(p.rowsFor(10)).toBe(2_000);
    p.observe(20_000, 500_000); // 25 B/cell
    expect(p.rowsFor(10)).toBe(8_000);
    p.observe(80_000, 400_000); // lighter: the estimate stays at the heaviest
    expect(p.rowsFor(10)).toBe(8_000);
    p.observe(10, 0);
    expect(p.estimate).toBe(25);
  });
  it("never plans fewer than one row, nor more than maxChunkCells", () => {
    const p = new ChunkPlanner(limits);
    p.observe(1, 10_000_000);
    expect(p.rowsFor(16_384)).toBe(1);
    const q = new ChunkPlanner(limits);
    q.observe(1_000, 1);
    expect(q.rowsFor(1)).toBe(200_000);
  });
  it("after a refusal plans a quarter of the refused chunk, at most the first chunk, then measures again", () => {
    const p = new ChunkPlanner(limits);
    p.refused(40_000);
    expect(p.rowsFor(1)).toBe(10_000);
    p.refused(20_000);
    expect(p.rowsFor(1)).toBe(5_000);
    p.observe(5_000, 5_000_000); // 1000 B/cell
    expect(p.rowsFor(1)).toBe(2_000);
  });
  it("jsonBytes counts UTF-8", () => {
    expect(jsonBytes([["统计"]])).toBe(2 + 2 + 6 + 2);
    expect(jsonBytes([[1, null]])).toBe(10);
  });
});

describe("cellText (user text never becomes a formula)", () => {
  it.each(['=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1)", "'x", "\t=1"])(
    "%j gets a text prefix",
    (s) => {
      expect(cellText(s)).toBe(`'${s}`);
    }
  );
  it.each(["昆山市教育局", "1+1", "a=b", ""])("%j is written as is", (s) => {
    expect(cellText(s)).toBe(s);
  });
});

describe("sheet names", () => {
  it("removes characters Excel refuses and cuts at 31", () => {
    expect(safeSheetName("同比:2014/2013")).toBe("同比 2014 2013");
    expect(safeSheetName("'[x]'")).toBe("x");
    expect(safeSheetName("")).toBe("Sheet");
    expect(safeSheetName("长".repeat(40))).toHaveLength(31);
  });
  it("adds (2), (3) … ignoring case, within 31 characters", () => {
    expect(uniqueSheetName("Sheet", new Set(["sheet", "sheet (2)"]))).toBe("Sheet (3)");
    expect(uniqueSheetName("表1", new Set())).toBe("表1");
    const long = "长".repeat(31);
    const n = uniqueSheetName(long, new Set([long]));
    expect(n).toBe(`${"长".repeat(27)} (2)`);
  });
  it("names templates like 表1 党员发展 2013", () => {
    expect(BUILTIN_DEFINITIONS.map((t) => templateSheetBase(t, 2013))).toEqual([
      "表1 党员发展 2013",
      "表2 培训 2013",
      "表3 经费 2013",
      "表4 信访咨询办理 2013",
    ]);
  });
});

describe("formats and kinds", () => {
  it.each([
    [{ type: "count" as const }, "0"],
    [{ type: "decimal" as const }, "0.0"],
    [{ type: "decimal" as const, decimals: 2 }, "0.00"],
    [{ type: "decimal" as const, decimals: 0 }, "0"],
    [{ type: "money" as const }, "0.00"],
    [{ type: "date" as const }, "yyyy-mm-dd"],
    [{ type: "percent" as const }, "0.0%"],
    [{ type: "enum" as const }, "@"],
    [{ type: "text" as const }, "@"],
  ])("%j → %s", (c, f) => expect(columnFormat(c)).toBe(f));
  it("classifies comparison rows by unit", () => {
    expect([rowKind("元"), rowKind("万元"), rowKind("%"), rowKind("人"), rowKind("件")]).toEqual([
      "money",
      "money",
      "rate",
      "count",
      "count",
    ]);
  });
});

describe("selectableAddress", () => {
  it.each([
    ["C7", "C7"],
    ["$c$7", "C7"],
    ["7:7", "7:7"],
    ["C:C", "C:C"],
    ["A1:B2", "A1:B2"],
    ["表1!A1", undefined],
    ["", undefined],
    ["7", undefined],
  ])("%j → %j", (a, want) => expect(selectableAddress(a)).toBe(want));
});

describe("the mark store", () => {
  const entries: MarkEntry[] = [
    {
      sheetId: "{1}",
      address: "C3",
      mark: "error",
      original: {
        color: "#FFFFFF",
        pattern: "None",
        patternColor: "#000000",
        tintAndShade: 0,
        patternTintAndShade: 0,
      },
    },
    {
      sheetId: "{2}<&>",
      address: "A1",
      mark: "warning",
      original: {
        color: "#FFFF00",
        pattern: "Gray50",
        patternColor: "#FF0000",
        tintAndShade: 0.4,
        patternTintAndShade: -0.25,
      },
    },
  ];
  it("round-trips through XML, also with a declaration and entities Excel may add", () => {
    const xml = storeXml(entries);
    expect(xml).not.toMatch(/<&>/);
    expect(parseStoreXml(xml)).toEqual(entries);
    expect(
      parseStoreXml(
        `<?xml version="1.0" encoding="utf-8"?>\n${xml.replace(/"/g, (q, i: number) => (i > 40 ? "&quot;" : q))}`
      )
    ).toEqual(entries);
  });
  it("reads nothing from a part it cannot understand", () => {
    expect(parseStoreXml("<marks>not json</marks>")).toEqual([]);
    expect(parseStoreXml('<marks xmlns="x">{"v":2,"cells":[]}</marks>')).toEqual([]);
    expect(parseStoreXml("<other/>")).toEqual([]);
  });
  it("targets cells, rows by their first cell, errors first, at most `max` cells", () => {
    const issue = (cell: string, severity: "error" | "warning"): Issue => ({
      rule: "G-02",
      code: "x",
      severity,
      sheet: "S",
      cell,
      explained: false,
    });
    const t = markTargets(
      [
        issue("A1", "warning"),
        issue("B2", "error"),
        issue("9:9", "warning"),
        issue("C:C", "error"),
        issue("A1", "error"),
      ],
      2
    );
    expect([...(t.get("S") ?? [])]).toEqual([
      ["B2", "error"],
      ["A1", "error"],
    ]);
  });
});

describe("isNoFill: a fill as Excel reads it", () => {
  const white = { color: "#FFFFFF", pattern: null, patternColor: null };
  it("No Fill reads #FFFFFF like white, with null pattern and shade (github.com/OfficeDev/office-js/issues/4900 and /6218)", () => {
    expect(isNoFill({ ...white, tintAndShade: null, patternTintAndShade: null })).toBe(true);
    expect(isNoFill({ ...white, pattern: "None", tintAndShade: 0, patternTintAndShade: 0 })).toBe(
      true
    );
  });
  it("white, or any colour, filled on purpose reads a number for its shade, and is kept", () => {
    expect(isNoFill({ ...white, tintAndShade: 0, patternTintAndShade: 0 })).toBe(false);
    expect(
      isNoFill({ ...white, pattern: "Solid", tintAndShade: null, patternTintAndShade: null })
    ).toBe(false);
    expect(
      isNoFill({ ...white, color: "#DDEBF7", tintAndShade: 0.5, patternTintAndShade: 0 })
    ).toBe(false);
  });
});

describe("describeOfficeError: every Excel error code in Chinese", () => {
  it("says what happened and what to do, for each code Excel can raise", () => {
    for (const code of Object.keys(EXCEL_ERROR_REASONS)) {
      const e = Object.assign(new Error("The argument is invalid or missing."), { code });
      const message = describeOfficeError(e, "标记问题单元格").message;
      expect(message, code).toMatch(/^标记问题单元格失败：.*。请.+。$/);
      expect(message, code).not.toContain("{detail}");
    }
  });

  it("a range too large (RangeExceedsLimit) and an unknown code", () => {
    const big = Object.assign(new Error("RangeExceedsLimit"), { code: "RangeExceedsLimit" });
    expect(describeOfficeError(big, "读取工作簿").message).toBe(
      "读取工作簿失败：区域的单元格太多，超过 Excel 的上限。请缩小数据范围，或删除工作表末尾多余的空行空列后再试。"
    );
    const odd = Object.assign(new Error("Something new"), { code: "BrandNewCode" });
    expect(describeOfficeError(odd, "读取工作簿").message).toBe("读取工作簿失败：Something new");
  });
});
