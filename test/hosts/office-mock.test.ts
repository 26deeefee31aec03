/**
 * The same host code on Microsoft's office-addin-mock (the documented way to unit-test add-ins),
 * to show that path works too: selectCell activates the sheet and selects the range.
 */
import { afterEach, describe, expect, it } from "vitest";
import { OfficeMockObject } from "office-addin-mock";
import { createOfficeHost } from "../../src/hosts/office";

const g = globalThis as Record<string, unknown>;

afterEach(() => {
  delete g.Excel;
});

function excelMock() {
  const calls: string[] = [];
  const data = {
    context: {
      workbook: {
        worksheets: {
          getItem(name: string) {
            if (name !== "表1 党员发展 2013")
              throw Object.assign(new Error("not found"), { code: "ItemNotFound" });
            return {
              activate: () => calls.push(`activate ${name}`),
              getRange: (address: string) => ({ select: () => calls.push(`select ${address}`) }),
            };
          },
        },
      },
    },
    run: async function (callback: (context: unknown) => Promise<unknown>) {
      return callback(this.context);
    },
  };
  return { mock: new OfficeMockObject(data), calls };
}

describe("selectCell on office-addin-mock", () => {
  it("activates the issue's sheet, then selects its cell, in one sync", async () => {
    const { mock, calls } = excelMock();
    g.Excel = mock;
    await createOfficeHost().selectCell?.("表1 党员发展 2013", "$D$7");
    expect(calls).toEqual(["activate 表1 党员发展 2013", "select D7"]);
  });

  it("turns Excel's ItemNotFound into a Chinese message", async () => {
    g.Excel = excelMock().mock;
    await expect(createOfficeHost().selectCell?.("表9", "A1")).rejects.toThrow(
      /定位到“表9”的 A1 失败：找不到相应的工作表或单元格/
    );
  });

  it("rejects an address that is not one, without calling Excel", async () => {
    const { mock, calls } = excelMock();
    g.Excel = mock;
    await expect(createOfficeHost().selectCell?.("表1 党员发展 2013", "表1!C7")).rejects.toThrow(
      /不是有效的单元格地址/
    );
    expect(calls).toEqual([]);
  });
});
