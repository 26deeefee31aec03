/**
 * Selecting the cells of a number of the draft in Excel: several rectangles at once where the
 * host has `getRanges` (ExcelApi 1.9) and `RangeAreas.select` (ExcelApi 1.18), else the first
 * one — and the fake Excel refusing those calls, at sync, on a host without them.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createOfficeHost } from "../../src/hosts/office";
import { canSelectSeveralRanges } from "../../src/hosts/office/select";
import { installFakeOffice } from "../fakes/fake-excel";

const SHEET = "表1 党员发展 2013";
let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  uninstall = undefined;
});

function open(excelApi?: string) {
  const f = installFakeOffice(globalThis, {
    sheets: [{ name: "Sheet1" }, { name: SHEET, values: [["a"]] }],
    ...(excelApi ? { excelApi } : {}),
  });
  uninstall = f.uninstall;
  return f;
}

describe("selectRanges in Excel", () => {
  it("selects several ranges in one sync where RangeAreas.select is supported", async () => {
    const f = open("1.18");
    expect(canSelectSeveralRanges()).toBe(true);
    const r = await createOfficeHost().selectRanges?.(SHEET, ["D5:D6", "D9"]);
    expect(r).toEqual({ sheet: SHEET, selected: ["D5:D6", "D9"], notSelected: [] });
    expect(f.state.selection).toEqual({ sheet: SHEET, address: "D5:D6,D9" });
    expect(f.stats.syncs).toBe(1);
  });

  it("selects the first range and says which are left where Excel is older", async () => {
    const f = open("1.17");
    expect(canSelectSeveralRanges()).toBe(false);
    const r = await createOfficeHost().selectRanges?.(SHEET, ["E4:E9", "E11:E30"]);
    expect(r).toEqual({ sheet: SHEET, selected: ["E4:E9"], notSelected: ["E11:E30"] });
    expect(f.state.selection).toEqual({ sheet: SHEET, address: "E4:E9" });
  });

  it("in Excel 2016 (ExcelApi 1.1) goes to an issue's cell, and selects the first of several ranges", async () => {
    const f = open("1.1");
    const host = createOfficeHost();
    await host.selectCell?.(SHEET, "$C$7");
    expect(f.state.selection).toEqual({ sheet: SHEET, address: "C7" });
    const r = await host.selectRanges?.(SHEET, ["E4:E9", "E11:E30"]);
    expect(r).toEqual({ sheet: SHEET, selected: ["E4:E9"], notSelected: ["E11:E30"] });
  });

  it("selects a single range with getRange on any version", async () => {
    const f = open("1.1");
    await createOfficeHost().selectRanges?.(SHEET, ["E4:E30"]);
    expect(f.state.selection).toEqual({ sheet: SHEET, address: "E4:E30" });
    expect(f.state.uiActions.map((a) => a.kind)).toEqual(["activate", "select"]);
  });
});

describe("the fake Excel's getRanges", () => {
  it("fails the sync on a host without ExcelApi 1.9, and select without 1.18", async () => {
    open("1.8");
    const run = Excel.run as (b: (c: Excel.RequestContext) => Promise<void>) => Promise<void>;
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem(SHEET).getRanges("A1,B2").load("address");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    uninstall?.();
    const f = open("1.9");
    await expect(
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem(SHEET);
        ws.activate();
        ws.getRanges("A1,B2").select();
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(f.state.selection).toBeUndefined();
  });

  it("loads the areas' address only after a sync", async () => {
    open();
    const run = Excel.run as (b: (c: Excel.RequestContext) => Promise<string>) => Promise<string>;
    const address = await run(async (context) => {
      const areas = context.workbook.worksheets
        .getItem(SHEET)
        .getRanges("A1:A2, C3")
        .load("address");
      expect(() => areas.address).toThrow(/not available/);
      await context.sync();
      return areas.address;
    });
    expect(address).toBe("'表1 党员发展 2013'!A1:A2,'表1 党员发展 2013'!C3");
  });
});
