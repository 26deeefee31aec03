// A workbook written by openpyxl (scripts/make-openpyxl-fixture.py): its formulas have no saved
// results. The 合计 SUM formulas are computed by the reader, so the file checks as the sample does;
// a formula the reader does not compute is reported where it is, never read as blank.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { cli } from "./harness";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeTemplateWorkbook } from "../../src/hosts/xlsx/template";
import { validateWorkbook } from "../../src/core/validate";
import { issueMessage } from "../../src/core/messages";
import type { JsonReport } from "../../src/cli/output";
import { runsWith } from "../requires";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "assets", "samples", "bureau-stats-2013.xlsx");
const FIXTURES = path.join(ROOT, "test", "fixtures", "openpyxl");
const OPENPYXL = path.join(FIXTURES, "bureau-stats-2013-openpyxl.xlsx");
const OPENPYXL_IF = path.join(FIXTURES, "bureau-stats-2013-openpyxl-if.xlsx");

/** Debian's python3-openpyxl for the system Python (the script's interpreter). */
const PYTHON = "/usr/bin/python3";
const openpyxlAvailable = runsWith({
  what: "python3-openpyxl",
  present: spawnSync(PYTHON, ["-c", "import openpyxl"]).status === 0,
  install: "apt-get install -y python3-openpyxl",
});

const readFile = (file: string): ReturnType<typeof readXlsx> =>
  readXlsx(new Uint8Array(readFileSync(file)));

async function report(file: string): Promise<{ code: number; json: JsonReport }> {
  const r = await cli("check", file, "--json");
  return { code: r.code, json: JSON.parse(r.stdout) as JsonReport };
}

describe("the sample written again by openpyxl (合计 as SUM formulas without results)", () => {
  it("holds the 合计 formulas without results (what the reader has to compute)", () => {
    const parts = unzipSync(new Uint8Array(readFileSync(OPENPYXL)));
    const sheet = strFromU8(parts["xl/worksheets/sheet2.xml"] ?? new Uint8Array());
    expect(sheet).toContain('<c r="C12" s="9"><f>SUM(C4:C11)</f><v></v></c>');
    expect(sheet).not.toMatch(/<f>[^<]*<\/f><v>[^<]/);
  });

  it("reads to the same values as the sample, sheet by sheet", () => {
    const original = readFile(SAMPLE);
    const written = readFile(OPENPYXL);
    expect(written.sheets.map((s) => s.name)).toEqual(original.sheets.map((s) => s.name));
    original.sheets.forEach((s, i) => {
      const values = written.sheets[i]?.values ?? [];
      // openpyxl writes a row's empty styled cells; a blank is a blank however it is written
      const trimmed = (rows: ReadonlyArray<ReadonlyArray<unknown>>): unknown[][] =>
        rows.map((r) => {
          const out = [...r];
          while (out.length > 0 && (out[out.length - 1] ?? undefined) === undefined) out.pop();
          return out;
        });
      expect([s.name, trimmed(values)]).toEqual([s.name, trimmed(s.values)]);
    });
  });

  it("bureau-stats check finds no issues, and drafts the sample's report", async () => {
    const written = await report(OPENPYXL);
    const original = await report(SAMPLE);
    expect(written.code).toBe(0);
    expect(written.json.issues).toEqual([]);
    expect(written.json.verdict.ok).toBe(true);
    expect(written.json.draft.text.length).toBeGreaterThan(100);
    expect(written.json.draft.text).toBe(original.json.draft.text);
    expect(written.json.comparisons).toEqual(original.json.comparisons);
  });
});

describe("a formula the reader does not compute (=IF(…) without result)", () => {
  it("is G-02 formula-without-value at its cell, with the formula in the message", async () => {
    const { code, json } = await report(OPENPYXL_IF);
    expect(code).toBe(1);
    expect(json.issues.map((i) => [i.rule, i.severity, i.sheet, i.cell, i.message])).toEqual([
      [
        "G-02",
        "error",
        "表2 培训 2013",
        "E4",
        "“人均学时”是公式“=IF(D4>0,16,0)”，但文件中没有保存计算结果。请在 Excel 中打开并保存后再校验。",
      ],
    ]);
  });

  it("in a 合计 row written by our own template writer: reported at the 合计 cell", async () => {
    const bytes = await writeTemplateWorkbook([
      {
        tableId: "T2",
        year: 2013,
        rows: [
          { 培训项目: "甲班", 培训类别: "教师培训", 期数: 1, 培训人数: 20, 人均学时: 8 },
          { 培训项目: "乙班", 培训类别: "教师培训", 期数: 2, 培训人数: 30, 人均学时: 8 },
        ],
        total: { 期数: { formula: "SUM(C4:C5)" }, 培训人数: { formula: "MAX(D4:D5)*2" } },
      },
    ]);
    const wb = readXlsx(bytes);
    expect(wb.sheets[0]?.values[5]?.slice(0, 4)).toEqual([
      "合计",
      undefined,
      3,
      { formula: "MAX(D4:D5)*2" },
    ]);
    const issues = validateWorkbook(wb).issues;
    expect(issues.map((i) => [i.rule, i.code, i.cell, issueMessage(i)])).toEqual([
      [
        "G-02",
        "formula-without-value",
        "D6",
        "“培训人数”是公式“=MAX(D4:D5)*2”，但文件中没有保存计算结果。请在 Excel 中打开并保存后再校验。",
      ],
    ]);
  });
});

describe.runIf(openpyxlAvailable)("scripts/make-openpyxl-fixture.py", () => {
  it("writes the committed fixtures (the same sheets and values; only the times differ)", () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), "bureau-stats-openpyxl-"));
    try {
      const script = path.join(ROOT, "scripts", "make-openpyxl-fixture.py");
      const r = spawnSync(PYTHON, [script, tmp], { encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      for (const file of [OPENPYXL, OPENPYXL_IF]) {
        const made = readFile(path.join(tmp, path.basename(file)));
        const committed = readFile(file);
        expect(made.sheets.map((s) => [s.name, s.values])).toEqual(
          committed.sheets.map((s) => [s.name, s.values])
        );
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});
