/**
 * The bundled sample workbooks through the Office host, on Office.js terms: read in 2 syncs,
 * nothing left queued. (That the issues are the very ones the .xlsx path finds, and that marking
 * every issue and clearing leaves every fill as it was, is checked for every host in
 * host-contract.test.ts.)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useFakeOffice } from "./office-fixture";
import { createOfficeHost } from "../../src/hosts/office";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { sheetsFromModel } from "../fakes/fake-excel";

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
  }
);
