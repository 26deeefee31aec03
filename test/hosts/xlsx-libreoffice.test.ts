/**
 * A workbook written by another program is read the same as one we wrote: LibreOffice Calc
 * (headless) re-saves both samples as .xlsx — its own shared strings, styles, number formats,
 * cached formula results — and the check must find the same figures and the same issues.
 * Needs `soffice` (Debian libreoffice-calc; CI installs it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { convertWithLibreOffice } from "../libreoffice";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { analyzeWorkbook, definitionsInForce, type Analysis } from "../../src/core/analyze";
import { strFromU8, unzipSync } from "fflate";
import { loadDefinitions } from "../../src/core/definitions";
import { draftDefinitions } from "../../src/core/definitions/draft";
import { DEFINITIONS_SHEET, readDefinitionsSheet } from "../../src/core/definitions/sheet";
import { writeTemplates } from "../../src/hosts/xlsx/template";

const SAMPLES = path.join(__dirname, "..", "..", "assets", "samples");
let tmp = "";

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "bureau-stats-lo-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Re-saves `file` with LibreOffice as .xlsx. */
const resaveWithLibreOffice = (file: string): string =>
  convertWithLibreOffice(file, tmp, "xlsx:Calc MS Excel 2007 XML", "xlsx");

function analyse(file: string): Analysis {
  return analyzeWorkbook(readXlsx(new Uint8Array(readFileSync(file))));
}

const issueKeys = (a: Analysis): string[] =>
  a.issues
    .map((i) => `${i.sheet}!${i.cell} ${i.rule} ${i.code} ${i.severity} ${i.explained}`)
    .sort();
const figures = (a: Analysis): string[] =>
  a.tables.flatMap((t) => t.figures.map((f) => `${t.sheet} ${t.year} ${f.id}=${f.value}`)).sort();

describe("a workbook re-saved by LibreOffice reads the same as ours", () => {
  it.each([["bureau-stats-2013.xlsx"], ["bureau-stats-2013-mistakes.xlsx"]])(
    "%s",
    (name) => {
      const ours = path.join(SAMPLES, name);
      const theirs = resaveWithLibreOffice(ours);
      expect(readFileSync(theirs).equals(readFileSync(ours))).toBe(false); // really another writer's file
      const a = analyse(ours);
      const b = analyse(theirs);
      expect(b.tables.map((t) => t.sheet)).toEqual(a.tables.map((t) => t.sheet));
      expect(figures(b)).toEqual(figures(a));
      expect(issueKeys(b)).toEqual(issueKeys(a));
      expect(b.comparisons).toEqual(a.comparisons);
      expect(b.draft.text).toBe(a.draft.text);
    },
    240_000
  );
});

describe("a bureau's own workbook re-saved by LibreOffice", () => {
  it("drafts the same definitions, and checks with them without error", () => {
    const ours = path.join(SAMPLES, "other-bureau", "other-bureau-2013.xlsx");
    const theirs = resaveWithLibreOffice(ours);
    const read = (file: string) => readXlsx(new Uint8Array(readFileSync(file)));
    const draft = draftDefinitions(read(theirs));
    expect(draft.definitions).toEqual(draftDefinitions(read(ours)).definitions);
    const definitions = loadDefinitions(
      JSON.parse(JSON.stringify(draft.definitions.tables)),
      "d.json"
    );
    const a = analyzeWorkbook(read(theirs), { definitions });
    expect(a.tables).toHaveLength(4);
    expect(a.issues.filter((i) => i.severity === "error")).toEqual([]);
  }, 240_000);
});

/** The XML of the worksheet named `name`, found through the workbook's relationships. */
function worksheetXml(bytes: Uint8Array, name: string): string {
  const parts = unzipSync(bytes);
  const text = (p: string): string => strFromU8(parts[p] ?? new Uint8Array());
  const sheet = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(
    text("xl/workbook.xml")
  );
  const target = new RegExp(`Id="${sheet?.[1]}"[^>]*Target="([^"]+)"`).exec(
    text("xl/_rels/workbook.xml.rels")
  );
  return text(`xl/${target?.[1] ?? ""}`);
}

describe("a bureau's template re-saved by LibreOffice", () => {
  it("keeps its 报表定义 sheet protected, and the sheet still reads as the bureau's definitions", async () => {
    const file = path.join(SAMPLES, "other-bureau", "other-bureau-definitions.json");
    const defs = loadDefinitions(
      (JSON.parse(readFileSync(file, "utf8")) as { tables: unknown[] }).tables,
      "other-bureau-definitions.json"
    ).map((t) => t.def);
    const ours = path.join(tmp, "局模板2014.xlsx");
    writeFileSync(ours, await writeTemplates(2014, defs));
    const theirs = new Uint8Array(readFileSync(resaveWithLibreOffice(ours)));
    // LibreOffice writes the booleans as words: still protected, still without a password
    const xml = worksheetXml(theirs, DEFINITIONS_SHEET);
    expect(xml).toMatch(
      /<sheetProtection sheet="(1|true)" objects="(1|true)" scenarios="(1|true)"/
    );
    expect(xml).not.toMatch(/password|hashValue/);
    const wb = readXlsx(theirs);
    expect(wb.sheets.map((s) => s.name).at(-1)).toBe(DEFINITIONS_SHEET);
    const sheet = wb.sheets.find((s) => s.name === DEFINITIONS_SHEET);
    expect(sheet && readDefinitionsSheet(sheet).map((t) => t.def)).toEqual(defs);
    // and the check takes the bureau's tables from it, with no definitions given
    const inForce = definitionsInForce(wb);
    expect(inForce.source).toBe("workbook");
    const a = analyzeWorkbook(wb, { definitions: inForce.definitions });
    expect(a.tables.map((t) => t.tableId)).toEqual(["Q1", "Q2"]);
  }, 240_000);
});
