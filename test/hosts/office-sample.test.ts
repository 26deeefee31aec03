/**
 * The bundled sample workbooks through the Office host: the fake Excel is filled from the .xlsx
 * (as Excel would hold it), read back by the host and validated. The issues must be the very
 * ones the .xlsx path finds; reading takes 2 syncs and writes nothing; marking every issue and
 * clearing leaves every fill as it was.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useFakeOffice } from "./office-fixture";
import { createOfficeHost } from "../../src/hosts/office";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { validateWorkbook } from "../../src/core/validate";
import { sheetsFromModel } from "../fakes/fake-excel";

const install = useFakeOffice();

describe.each(["bureau-stats-2013.xlsx", "bureau-stats-2013-mistakes.xlsx"])(
  "%s through the Office host",
  (file) => {
    const xlsx = readXlsx(
      new Uint8Array(readFileSync(join(__dirname, "..", "..", "assets", "samples", file)))
    );

    it("finds the same issues as the .xlsx path, in 2 syncs, writing nothing", async () => {
      const fake = install({ sheets: sheetsFromModel(xlsx) });
      const wb = await createOfficeHost().readWorkbook();
      expect(fake.stats.syncs).toBe(2);
      expect(fake.writes).toHaveLength(0);
      const viaOffice = validateWorkbook(wb);
      const viaXlsx = validateWorkbook(xlsx);
      expect(viaOffice.issues).toEqual(viaXlsx.issues);
      expect(viaOffice.tables.map((t) => t.figures)).toEqual(viaXlsx.tables.map((t) => t.figures));
    });

    it("marks every issue and clears back to the original fills", async () => {
      const fake = install({ sheets: sheetsFromModel(xlsx) });
      const host = createOfficeHost();
      const { issues } = validateWorkbook(await host.readWorkbook());
      const before = fake.state.sheets.map((s) => [...s.fills.entries()]);
      const marked = await host.markIssues?.(issues);
      expect(marked).toBeGreaterThanOrEqual(file.includes("mistakes") ? 10 : 0); // the mistakes sample has 37 issues
      const restored = await host.clearMarks?.();
      expect(restored).toBe(marked);
      expect(fake.state.sheets.map((s) => [...s.fills.entries()])).toEqual(before);
      expect(fake.state.customXmlParts).toHaveLength(0);
    });
  }
);
