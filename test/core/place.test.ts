/**
 * Places in words for lists that span sheets (汇总's units, a merged table's sources): the sheet
 * first, then the row with its unit and the column; a row alone when no workbook is at hand.
 */
import { describe, expect, it } from "vitest";
import { rowPlace, sheetPlace } from "../../src/core/place";
import { buildSheet, t1Row, workbook } from "./fixtures";

describe("sheetPlace", () => {
  const wb = workbook(
    buildSheet("T1", [t1Row("昆山市葛江中学"), t1Row("昆山中学")], { year: 2013 })
  );
  const sheet = wb.sheets[0]!.name;

  it("names the sheet, the row with its unit and the column", () => {
    expect(sheetPlace({ sheet, cell: "E5", column: "发展预备党员" }, wb)).toBe(
      `${sheet} 第5行（昆山中学）“发展预备党员”`
    );
  });

  it("names the header row as 表头, and a whole sheet by its name alone", () => {
    expect(sheetPlace({ sheet, cell: "C3", column: "联系电话" }, wb)).toBe(
      `${sheet} 表头“联系电话”`
    );
    expect(sheetPlace({ sheet, cell: "", column: undefined }, wb)).toBe(sheet);
  });

  it("without the workbook, still names the row", () => {
    expect(sheetPlace({ sheet: "表9", cell: "B7" }, undefined)).toBe("表9 第7行");
  });
});

describe("rowPlace", () => {
  it("names a cell's row, a range's first row, a whole row; a whole column by its sheet", () => {
    expect(rowPlace("表1 党员发展 2013", "E4")).toBe("表1 党员发展 2013 第4行");
    expect(rowPlace("表1 党员发展 2013", "A4:K4")).toBe("表1 党员发展 2013 第4行");
    expect(rowPlace("表1 党员发展 2013", "4:4")).toBe("表1 党员发展 2013 第4行");
    expect(rowPlace("表1 党员发展 2013", "E:E")).toBe("表1 党员发展 2013");
  });
});
