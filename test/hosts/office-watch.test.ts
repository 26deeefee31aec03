/**
 * 修改后自动重新校验 on the Office host's side, on the fake Excel: reading only the changed sheets,
 * and worksheets.onChanged added in one request context and removed in that same one (Office.js
 * requires it; the fake, like office.js, removes a handler only when its own context syncs).
 */
import { describe, expect, it } from "vitest";
import { useFakeOffice } from "./office-fixture";
import { createOfficeHost } from "../../src/hosts/office";
import { generatedSheet } from "../fakes/fake-excel";

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
