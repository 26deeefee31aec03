/**
 * The pane's side of the Office host hardening (no browser): the colour scheme from Office's theme
 * (isDarkTheme, else the body background's luminance; none in Excel on the web), and the workbook
 * after an automatic re-check (the changed sheets replaced, added or dropped; the rest untouched).
 */
import { describe, expect, it } from "vitest";
import type { SheetModel, WorkbookModel } from "../../src/core/model";
import { withSheets } from "../../src/taskpane/run";
import { luminance, officeColorScheme } from "../../src/taskpane/theme";

describe("colour scheme from Office's theme", () => {
  it.each([
    [{ isDarkTheme: true, bodyBackgroundColor: "#ffffff" }, "dark"],
    [{ isDarkTheme: false, bodyBackgroundColor: "#000000" }, "light"],
    [{ bodyBackgroundColor: "#262626" }, "dark"], // Excel's 黑色 theme, no isDarkTheme
    [{ bodyBackgroundColor: "#6a6a6a" }, "dark"], // 深灰色
    [{ bodyBackgroundColor: "#e6e6e6" }, "light"], // 彩色 / 白色
    [{ bodyBackgroundColor: "#ffffff" }, "light"],
    [{ bodyBackgroundColor: "not a colour" }, undefined],
    [undefined, undefined], // Excel on the web: officeTheme undefined → prefers-color-scheme
    [null, undefined],
  ] as const)("%j → %s", (theme, expected) => expect(officeColorScheme(theme)).toBe(expected));

  it("computes WCAG luminance", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1, 6);
    expect(luminance("#000000")).toBe(0);
    expect(luminance("808080")).toBeCloseTo(0.2159, 3);
    expect(luminance("#fff")).toBeUndefined();
  });
});

describe("the workbook after an automatic re-check", () => {
  const sheet = (name: string, v: number): SheetModel => ({ name, values: [[v]] });
  const base: WorkbookModel = { sheets: [sheet("表1", 1), sheet("表2", 2), sheet("表3", 3)] };

  it("replaces the changed sheet in place and keeps the others as they were", () => {
    const out = withSheets(base, { sheets: [sheet("表2", 20)] }, ["表2"]);
    expect(out.sheets.map((s) => [s.name, s.values[0]![0]])).toEqual([
      ["表1", 1],
      ["表2", 20],
      ["表3", 3],
    ]);
    expect(out.sheets[0]).toBe(base.sheets[0]);
  });

  it("drops a changed sheet that is gone and adds a new one at the end", () => {
    const out = withSheets(base, { sheets: [sheet("新表", 9)] }, ["表3", "新表"]);
    expect(out.sheets.map((s) => s.name)).toEqual(["表1", "表2", "新表"]);
  });

  it("drops sheets the workbook no longer has (renamed or deleted since the last read)", () => {
    const out = withSheets(
      base,
      { sheets: [sheet("表2 新名", 5)] },
      ["表2 新名"],
      ["表1", "表2 新名", "表3"]
    );
    expect(out.sheets.map((s) => s.name)).toEqual(["表1", "表3", "表2 新名"]);
  });
});
