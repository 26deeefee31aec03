/**
 * The blank templates of a bureau's own tables carry those definitions as a `报表定义` sheet (last,
 * protected without a password), so a unit's returned copy is checked by the bureau's tables with
 * no definitions file beside it; the built-in templates carry none.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import ExcelJS from "exceljs";
import { cli } from "../cli/harness";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeTemplates } from "../../src/hosts/xlsx/template";
import { BUILTIN_DEFINITIONS, loadDefinitions } from "../../src/core/definitions";
import {
  DEFINITIONS_SHEET,
  definitionsSheetGrid,
  readDefinitionsSheet,
} from "../../src/core/definitions/sheet";

const OTHER = path.join(__dirname, "..", "..", "assets", "samples", "other-bureau");
const OTHER_DEFINITIONS = path.join(OTHER, "other-bureau-definitions.json");
/** The other bureau's tables (表1 学习实践活动, 表2 创建工作), as the command line loads them. */
const other = loadDefinitions(
  (JSON.parse(readFileSync(OTHER_DEFINITIONS, "utf8")) as { tables: unknown[] }).tables,
  "other-bureau-definitions.json"
).map((t) => t.def);

let tmp = "";
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "bureau-stats-template-defs-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The XML of each worksheet part, by sheet name (workbook order). */
function sheetXml(bytes: Uint8Array): Map<string, string> {
  const parts = unzipSync(bytes);
  const names = [
    ...strFromU8(parts["xl/workbook.xml"] as Uint8Array).matchAll(/<sheet name="([^"]+)"/g),
  ].map((m) => m[1] as string);
  return new Map(
    names.map((n, i) => [n, strFromU8(parts[`xl/worksheets/sheet${i + 1}.xml`] as Uint8Array)])
  );
}

describe("the templates of a bureau's own tables", () => {
  it("end with a 报表定义 sheet that reads back as the same definitions", async () => {
    const wb = readXlsx(await writeTemplates(2014, other));
    expect(wb.sheets.map((s) => s.name)).toEqual([
      "表1 学习实践活动 2014",
      "表2 创建工作 2014",
      DEFINITIONS_SHEET,
    ]);
    const sheet = wb.sheets[2]!;
    // every cell as the pane's 插入报表定义 writes it (blank cells read as nothing)
    const texts = (rows: readonly (readonly unknown[] | undefined)[]) =>
      rows.map((row) =>
        (row ?? [])
          .map((v) => v ?? "")
          .join("\t")
          .replace(/\t+$/, "")
      );
    expect(texts(sheet.values)).toEqual(texts(definitionsSheetGrid(other)));
    expect(readDefinitionsSheet(sheet).map((t) => t.def)).toEqual(other);
  });

  it("protects that sheet without a password, in the place the schema gives; header bold and frozen", async () => {
    const bytes = await writeTemplates(2014, other);
    const xml = sheetXml(bytes);
    const own = xml.get(DEFINITIONS_SHEET) ?? "";
    // right after sheetData (CT_Worksheet: sheetData, sheetCalcPr, sheetProtection … mergeCells …)
    expect(own).toContain('</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>');
    expect(own).not.toMatch(/password|hashValue/);
    // the tables themselves stay open for the unit to fill
    expect(xml.get("表1 学习实践活动 2014")).not.toContain("sheetProtection");
    expect(xml.get("表1 学习实践活动 2014")).toMatch(/<\/sheetData><mergeCells/);

    const excel = new ExcelJS.Workbook();
    await excel.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    );
    const ws = excel.getWorksheet(DEFINITIONS_SHEET);
    expect(ws?.getCell("A1").font?.bold).toBe(true);
    expect(ws?.getCell("A2").font?.bold).not.toBe(true);
    expect(ws?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });

  it("the built-in templates carry no 报表定义 sheet, also when a file repeats the built-ins; one change and they do", async () => {
    const again = JSON.parse(JSON.stringify(BUILTIN_DEFINITIONS)) as typeof BUILTIN_DEFINITIONS;
    for (const defs of [undefined, again]) {
      const names = readXlsx(await writeTemplates(2014, defs)).sheets.map((s) => s.name);
      expect(names).toEqual([
        "表1 党员发展 2014",
        "表2 培训 2014",
        "表3 经费 2014",
        "表4 信访咨询办理 2014",
      ]);
    }
    // the command line's own round trip: a file exported from the built-ins
    const exported = path.join(tmp, "内置.json");
    expect((await cli("definitions", "export", exported)).code).toBe(0);
    const out = path.join(tmp, "内置模板.xlsx");
    const r = await cli("template", out, "--year", "2014", "--definitions", exported);
    expect(r.stdout).toContain("（表1–表4，4张工作表）");
    const exportedNames = readXlsx(new Uint8Array(readFileSync(out))).sheets.map((s) => s.name);
    expect(exportedNames).not.toContain(DEFINITIONS_SHEET);
    // one table changed is a bureau's own set: it travels with the templates
    const relaxed = BUILTIN_DEFINITIONS.map((t) =>
      t.id === "T1" ? { ...t, rules: t.rules.slice(1) } : t
    );
    const names = readXlsx(await writeTemplates(2014, relaxed)).sheets.map((s) => s.name);
    expect(names[names.length - 1]).toBe(DEFINITIONS_SHEET);
  });
});

describe("bureau-stats template --definitions, filled by a unit, checked with no definitions file", () => {
  it("is checked by the 报表定义 sheet it carries: the bureau's tables found, its rules applied", async () => {
    const out = path.join(tmp, "局模板2014.xlsx");
    const made = await cli("template", out, "--year", "2014", "--definitions", OTHER_DEFINITIONS);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain("另附“报表定义”工作表");

    // a unit fills 表1 in Excel (here ExcelJS), which recalculates the 合计 row as it saves
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(out);
    const t1 = excel.getWorksheet("表1 学习实践活动 2014");
    if (!t1) throw new Error("no 表1");
    const rows = [
      ["昆山市第一中学", "学校", 40, 5, 7],
      ["昆山市教育局机关", "机关", 12, 3, 3],
    ];
    rows.forEach((row, i) => row.forEach((v, k) => (t1.getCell(4 + i, k + 1).value = v)));
    const total = t1.rowCount;
    expect(t1.getCell(total, 1).value).toBe("合计");
    for (let k = 3; k <= 5; k++) {
      const formula = (t1.getCell(total, k).value as { formula: string }).formula;
      const result = rows.reduce((s, r) => s + (r[k - 1] as number), 0);
      t1.getCell(total, k).value = { formula, result } as ExcelJS.CellFormulaValue;
    }
    const filled = path.join(tmp, "一中填好的2014.xlsx");
    writeFileSync(filled, new Uint8Array((await excel.xlsx.writeBuffer()) as ArrayBuffer));

    const r = await cli("check", filled, "--json");
    expect(r.stderr).toContain("统计表定义：工作簿中的“报表定义”（表1、表2）");
    const json = JSON.parse(r.stdout) as {
      verdict: { empty: string[] };
      issues: Array<{ rule: string; sheet: string; cell: string }>;
      draft: { text: string };
    };
    // both of the bureau's tables found: 表1's figures in the paragraph, 表2 empty
    expect(json.verdict.empty).toEqual(["表2 创建工作情况"]);
    expect(json.draft.text).toContain("参加学习实践活动的党员52人");
    // the bureau's own rule (已完成整改数 ≤ 整改项目数) on 一中's row; 表2 left blank
    expect(json.issues.map((i) => [i.rule, i.sheet, i.cell])).toEqual([
      ["Q1-01", "表1 学习实践活动 2014", "E4"],
      ["G-06", "表2 创建工作 2014", "3:3"],
    ]);
  });
});
