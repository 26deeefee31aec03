/**
 * 修改后自动重新校验 on the Office host's side, on the fake Excel: reading only the changed sheets,
 * and worksheets.onChanged added in one request context and removed in that same one (Office.js
 * requires it; the fake, like office.js, removes a handler only when its own context syncs).
 */
import { describe, expect, it, vi } from "vitest";
import { useFakeOffice } from "./office-fixture";
import { createOfficeHost } from "../../src/hosts/office";
import { OWN_WRITE_SETTLE_MS } from "../../src/hosts/office/watch";
import { generatedSheet } from "../fakes/fake-excel";
import { BUILTIN_DEFINITIONS } from "../../src/core/definitions";

const install = useFakeOffice();
const sheets = () => [
  generatedSheet("A", 20, 3),
  generatedSheet("B", 10, 2),
  generatedSheet("C", 5, 2),
];

describe("Office host: changes", () => {
  it("reads only the sheets asked for", async () => {
    const f = install({ sheets: sheets() });
    let names: readonly string[] = [];
    const wb = await createOfficeHost().readWorkbook({
      sheets: ["B", "gone"],
      onSheetNames: (n) => (names = n),
    });
    expect(names).toEqual(["A", "B", "C"]);
    expect(wb.sheets.map((s) => [s.name, s.values.length])).toEqual([["B", 10]]);
    expect(f.stats.valueReads).toEqual(["B"]);
  });

  it("reports the changed sheet by name, and stops listening with the context that added the handler", async () => {
    const f = install({ sheets: sheets() });
    const seen: string[][] = [];
    const stop = await createOfficeHost().watchChanges!((s) => seen.push([...s]));
    expect(f.state.changeHandlers).toHaveLength(1);
    await f.userEdit("B", "B3", 42);
    await f.userEdit("C", "A1", "x");
    expect(seen).toEqual([["B"], ["C"]]);
    expect(f.writes).toHaveLength(0);

    const runsBefore = f.stats.runs;
    await stop();
    expect(f.state.changeHandlers).toHaveLength(0);
    expect(f.stats.runs).toBe(runsBefore + 1);
    await f.userEdit("A", "A2", 1);
    expect(seen).toHaveLength(2);
    await stop(); // a second stop does nothing
    expect(f.stats.runs).toBe(runsBefore + 1);
  });

  it("the fake keeps a handler whose removal is synced in another context (as office.js does)", async () => {
    const f = install({ sheets: sheets() });
    const result = await Excel.run(async (context) => {
      const r = context.workbook.worksheets.onChanged.add(async () => undefined);
      await context.sync();
      return r;
    });
    await Excel.run(async (context) => {
      result.remove(); // queued on the context that added it, which this batch never syncs
      await context.sync();
    });
    expect(f.state.changeHandlers).toHaveLength(1);
    await Excel.run(result.context, async (context) => {
      await context.sync();
    });
    expect(f.state.changeHandlers).toHaveLength(0);
  });
});

describe("Office host: the add-in's own writes are not the user's changes", () => {
  // ExcelApi 1.14 says who caused a change (triggerSource); 1.9–1.13 does not
  for (const excelApi of ["1.20", "1.14", "1.9"]) {
    it(`inserting templates and 汇总 while watching asks for no re-check; a user's edit still does (ExcelApi ${excelApi})`, async () => {
      const f = install({ excelApi, sheets: sheets() });
      const seen: string[][] = [];
      const host = createOfficeHost();
      const stop = await host.watchChanges!((s) => seen.push([...s]));
      await host.insertTemplates!(2013);
      await host.insertSheets!([
        { sheet: { name: "表1 汇总", values: [["单位名称"], ["甲"]] }, boldRows: [0] },
      ]);
      await host.insertDefinitions!(BUILTIN_DEFINITIONS);
      await f.eventsDelivered();
      expect(seen).toEqual([]);
      await f.userEdit("B", "B3", 42);
      expect(seen).toEqual([["B"]]);
      await stop();
    });
  }

  it("where Excel names the trigger (ExcelApi 1.14), any change the add-in makes is its own", async () => {
    const writeB = () =>
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("B").getRange("A2").values = [["改"]];
        await context.sync();
      });
    for (const [excelApi, expected] of [
      ["1.14", []],
      ["1.9", [["B"]]], // no triggerSource: only the sheets a write holds are known as its own
    ] as const) {
      const f = install({ excelApi, sheets: sheets() });
      const seen: string[][] = [];
      const stop = await createOfficeHost().watchChanges!((s) => seen.push([...s]));
      await writeB();
      await f.eventsDelivered();
      expect(seen).toEqual(expected);
      await stop();
    }
  });

  for (const excelApi of ["1.20", "1.9"]) {
    it(`an edit of an inserted sheet counts once the write has settled (ExcelApi ${excelApi})`, async () => {
      vi.useFakeTimers({ toFake: ["Date"] });
      try {
        const f = install({ excelApi, sheets: sheets() });
        const seen: string[][] = [];
        const host = createOfficeHost();
        const stop = await host.watchChanges!((s) => seen.push([...s]));
        const [name] = await host.insertTemplates!(2013);
        await f.eventsDelivered();
        expect(seen).toEqual([]);
        vi.setSystemTime(Date.now() + OWN_WRITE_SETTLE_MS + 1);
        await f.userEdit(name!, "B4", "x");
        expect(seen).toEqual([[name]]);
        await stop();
      } finally {
        vi.useRealTimers();
      }
    });
  }
});
