/**
 * The bundled sample workbooks through the Office host, on Office.js terms: read in 2 syncs,
 * nothing left queued; read in Excel 2016 (ExcelApi 1.1), 1.2 and 1.4 — where the fake refuses
 * every newer member — to the same model and issues as in the latest Excel. (That the issues are the very ones the .xlsx path finds, and that marking
 * every issue and clearing leaves every fill as it was, is checked for every host in
 * host-contract.test.ts.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useFakeOffice } from "./office-fixture";
import { createOfficeHost } from "../../src/hosts/office";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { validateWorkbook } from "../../src/core/validate";
import { sheetsFromModel, type FakeSheetSpec } from "../fakes/fake-excel";

const install = useFakeOffice();

describe.each(["bureau-stats-2013.xlsx", "bureau-stats-2013-mistakes.xlsx"])(
  "%s through the Office host",
  (file) => {
    const xlsx = readXlsx(
      new Uint8Array(readFileSync(join(__dirname, "..", "..", "assets", "samples", file)))
    );

    it("is read in 2 syncs, writing nothing", async () => {
      const fake = install({ sheets: sheetsFromModel(xlsx) });
      await createOfficeHost().readWorkbook();
      expect(fake.stats.syncs).toBe(2);
      expect(fake.stats.leftoverActions).toBe(0);
      expect(fake.writes).toHaveLength(0);
    });

    it.each(["1.1", "1.2", "1.4"])(
      "is read at ExcelApi %s to the same model and issues as in the latest Excel",
      async (excelApi) => {
        install({ sheets: sheetsFromModel(xlsx) });
        const latest = await createOfficeHost().readWorkbook();
        const fake = install({ excelApi, sheets: sheetsFromModel(xlsx) });
        const old = await createOfficeHost().readWorkbook();
        expect(old).toEqual(latest);
        const issues = validateWorkbook(old).issues;
        expect(issues).toEqual(validateWorkbook(latest).issues);
        if (file.includes("mistakes")) expect(issues.length).toBeGreaterThan(10);
        expect(fake.stats.syncs).toBe(3); // names, used ranges, values
        expect(fake.writes).toHaveLength(0);
      }
    );
  }
);

describe("reading in Excel 2016 (ExcelApi 1.1)", () => {
  /** A blank sheet, and a sheet whose fills and formats reach past its last value. */
  const sheets: FakeSheetSpec[] = [
    { name: "空表" },
    {
      name: "表1",
      values: [
        ["单位名称", "人数"],
        ["甲", 3],
      ],
      formats: [[], [undefined, "0", "0"], [], ["0"]],
      fills: { E9: { color: "#FFFF00", pattern: "Solid" } },
    },
  ];

  it("drops what getUsedRange reads past the last value: A1 of a blank sheet, formatted cells", async () => {
    const fake = install({ excelApi: "1.1", sheets });
    const wb = await createOfficeHost().readWorkbook();
    expect(wb.sheets.map((s) => [s.name, s.values])).toEqual([
      ["空表", []],
      [
        "表1",
        [
          ["单位名称", "人数"],
          ["甲", 3],
        ],
      ],
    ]);
    expect(wb.sheets[0]?.formats).toBeUndefined();
    expect(wb.sheets[1]?.formats).toEqual([undefined, [undefined, "0"]]);
    // what Excel answers for a blank sheet's used range: A1 (the fake as the reference says)
    expect(fake.stats.valueReads).toEqual(["空表", "表1"]);
    install({ sheets });
    expect(await createOfficeHost().readWorkbook()).toEqual(wb);
  });

  it("would fail with ApiNotFound if it used the null-object used range there", async () => {
    install({ excelApi: "1.1", sheets });
    const run = (globalThis as unknown as { Excel: typeof Excel }).Excel.run;
    await expect(
      run(async (context) => {
        context.workbook.worksheets.getItem("表1").getUsedRangeOrNullObject(true).load("rowCount");
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
