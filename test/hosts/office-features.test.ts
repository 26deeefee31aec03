/**
 * What the Office host tells the pane about this Excel: each richer feature, whether its ExcelApi
 * set is there, and, where not, what is lost and what to do — in Excel 2016 (1.1), Office 2019
 * (1.8) and the latest Excel (1.20).
 */
import { describe, expect, it } from "vitest";
import { useFakeOffice } from "./office-fixture";
import { createOfficeHost } from "../../src/hosts/office";
import { officeFeatures } from "../../src/hosts/office/features";

const install = useFakeOffice();

const IDS = [
  "selectAreas",
  "exactRestore",
  "templateDropdowns",
  "freezePanes",
  "liveRecheck",
  "undo",
];

/** The ids available in the Excel of `excelApi`, through the host as the pane asks. */
async function availableAt(excelApi: string): Promise<string[]> {
  install({ excelApi });
  const features = (await createOfficeHost().features?.()) ?? [];
  expect(features.map((f) => f.id)).toEqual(IDS);
  for (const f of features) {
    if (f.available) expect(f.reason).toBeUndefined();
    else expect(f.reason).toMatch(/^这个版本的 Excel .+。请.+。$/);
  }
  return features.filter((f) => f.available).map((f) => f.id);
}

describe("the features of this Excel", () => {
  it("Excel 2016 (ExcelApi 1.1): none of them", async () => {
    expect(await availableAt("1.1")).toEqual([]);
  });

  it("Office 2019 (ExcelApi 1.8): dropdowns and frozen headers", async () => {
    expect(await availableAt("1.8")).toEqual(["templateDropdowns", "freezePanes"]);
  });

  it("Office 2021 (ExcelApi 1.14): also exact restore and the live re-check", async () => {
    expect(await availableAt("1.14")).toEqual([
      "exactRestore",
      "templateDropdowns",
      "freezePanes",
      "liveRecheck",
    ]);
  });

  it("the latest Excel (ExcelApi 1.20): every one", async () => {
    expect(await availableAt("1.20")).toEqual(IDS);
  });

  it("says why and what to do, in plain Chinese", () => {
    const at = (max: string) => {
      const [, m] = max.split(".").map(Number);
      return officeFeatures((v) => Number(v.split(".")[1]) <= m!);
    };
    const reason = (max: string, id: string) => at(max).find((f) => f.id === id)?.reason;
    expect(reason("1.8", "exactRestore")).toBe(
      "这个版本的 Excel 读不出单元格的填充图案和深浅，“清除标记”只恢复原来的填充颜色，白色底色会恢复为无填充。请升级到 Office 2021 或更新的版本（含 Microsoft 365）。"
    );
    expect(reason("1.8", "liveRecheck")).toMatch(/无法自动重新校验。请在改完后点“重新校验”。$/);
    expect(reason("1.17", "undo")).toMatch(/^这个版本的 Excel 不能撤销插件写入的内容/);
    expect(reason("1.17", "selectAreas")).toMatch(/请改用 Microsoft 365 或网页版 Excel。$/);
    expect(reason("1.1", "templateDropdowns")).toMatch(/请升级到 Office 2019 或更新的版本/);
    // house style: no space between Chinese and a number (a product's name, Office 2019, is a word)
    for (const f of at("1.1")) {
      const text = f.reason?.replace(/(Office|Microsoft) \d+/g, "Office") ?? "";
      expect(text, f.id).not.toMatch(/[\u4e00-\u9fff] \d|\d [\u4e00-\u9fff]|须/);
    }
  });

  it("the host has no live re-check where worksheets.onChanged is missing (below ExcelApi 1.9)", () => {
    install({ excelApi: "1.8" });
    expect(createOfficeHost().watchChanges).toBeUndefined();
    install({ excelApi: "1.9" });
    expect(createOfficeHost().watchChanges).toBeTypeOf("function");
  });
});
