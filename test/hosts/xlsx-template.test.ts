import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { cli } from "../cli/harness";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { BUILTIN_DEFINITIONS, FRAME_LABELS } from "../../src/core/definitions";
import { analyzeWorkbook } from "../../src/core/analyze";
import { writeTemplates } from "../../src/hosts/xlsx/template";
import { compileDefinition } from "../../src/core/definitions";

let tmp = "";

/** A cell's value (ExcelJS, not Office.js: no load/sync involved). */
function cellValue(ws: ExcelJS.Worksheet, row: number, col: number): ExcelJS.CellValue {
  const { value } = ws.findCell(row, col) ?? { value: null };
  return value;
}

/** What Excel caches when it recalculates a SUM cell on saving: the formula with its result. */
function cacheResult(ws: ExcelJS.Worksheet, row: number, col: number, result: number): void {
  const formula = (cellValue(ws, row, col) as { formula?: string } | null)?.formula;
  expect(formula).toMatch(/^SUM\(/);
  ws.getCell(row, col).value = { formula: formula as string, result };
}
beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "bureau-stats-template-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("bureau-stats template", () => {
  it("writes the four blank templates: frame, headers, formats, lists, 合计 (none in 表4); never overwrites", async () => {
    const out = path.join(tmp, "模板2014.xlsx");
    const r = await cli("template", out, "--year", "2014");
    expect(r.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const again = await cli("template", out, "--year", "2014");
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("文件已存在，不覆盖");
    expect((await cli("template", out, "--year", "2014", "--force")).code).toBe(0);

    const wb = readXlsx(new Uint8Array(readFileSync(out)));
    expect(wb.sheets.map((s) => s.name)).toEqual([
      "表1 党员发展 2014",
      "表2 培训 2014",
      "表3 经费 2014",
      "表4 信访咨询办理 2014",
    ]);
    BUILTIN_DEFINITIONS.forEach((t, k) => {
      const s = wb.sheets[k];
      expect(s?.values[0]?.[0]).toBe(t.title);
      expect(s?.values[1]).toEqual([
        FRAME_LABELS[0],
        undefined,
        FRAME_LABELS[1],
        2014,
        FRAME_LABELS[2],
        undefined,
        FRAME_LABELS[3],
      ]);
      expect(s?.values[2]).toEqual(t.columns.map((c) => c.header));
      const labels = s?.values.map((row) => row[0]);
      // 表4's counts are in the unit of their row (件, 个, 人次): they add up to no 合计
      if (t.id === "T4") expect(labels).not.toContain("合计");
      else expect(labels?.[labels.length - 1]).toBe("合计");
    });
    // a blank template is no report: each empty table is an error of its own rule (G-06), exit 1
    const blank = await cli("check", out, "--json");
    expect(blank.code).toBe(1);
    const report = JSON.parse(blank.stdout) as {
      issues: Array<{
        rule: string;
        severity: string;
        sheet: string;
        cell: string;
        message: string;
      }>;
      verdict: { ok: boolean; text: string; empty: string[] };
    };
    expect(report.issues.map((i) => [i.rule, i.severity, i.sheet, i.cell])).toEqual(
      wb.sheets.map((s) => ["G-06", "error", s.name, "3:3"])
    );
    expect(report.issues[0]?.message).toContain("没有数据行");
    expect(report.verdict.ok).toBe(false);
    expect(report.verdict.empty).toEqual([
      "表1 党员发展情况",
      "表2 培训情况",
      "表3 经费情况",
      "表4 信访咨询办理情况",
    ]);
    expect(report.verdict.text).toBe(
      "暂不能上报（2014年）：表1 党员发展情况、表2 培训情况、表3 经费情况、表4 信访咨询办理情况 没有数据；4项错误未改正。"
    );
    const text = await cli("check", out);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain("G-06");
    expect(text.stdout).not.toContain("可以上报：");

    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(out);
    const t1 = excel.getWorksheet("表1 党员发展 2014");
    expect(t1?.getCell("B4").dataValidation).toMatchObject({
      type: "list",
      formulae: ['"机关,高中,中职,初中,小学,幼儿园,其他"'],
    });
    expect(t1?.getCell("C4").numFmt).toBe("0");
    expect(t1?.getCell("A3").font?.bold).toBe(true);
    const t3 = excel.getWorksheet("表3 经费 2014");
    expect(t3?.getCell("C4").numFmt).toBe("0.00");
    expect(t3?.getCell("E4").numFmt).toBe("yyyy-mm-dd");
    const t4 = excel.getWorksheet("表4 信访咨询办理 2014");
    expect(t4?.getCell("F4").numFmt).toBe("0.0%");
    expect(t4?.getCell("A4").dataValidation?.formulae?.[0]).toContain("人大代表建议");
  });

  it("round trip: template → filled by a user (in ExcelJS) → check reads the figures back", async () => {
    const out = path.join(tmp, "填报2014.xlsx");
    expect((await cli("template", out, "--year", "2014")).code).toBe(0);
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.readFile(out);
    const t1 = excel.getWorksheet("表1 党员发展 2014");
    if (!t1) throw new Error("no 表1");
    t1.getCell("B2").value = "昆山市教育局";
    const rows = [
      ["昆山市第一中学", "高中", 120, 20, 6, 2, 4, 3, 9, 5],
      ["昆山市实验小学", "小学", 60, 9, 2, 2, 0, 1, 4, 3],
      ["昆山市机关幼儿园", "幼儿园", 18, 3, 0, 0, 0, 0, 1, 1],
    ];
    rows.forEach((row, i) => row.forEach((v, k) => (t1.getCell(4 + i, k + 1).value = v)));
    // Excel recalculates the 合计 formulas when it saves; do what Excel would have cached
    expect(cellValue(t1, t1.rowCount, 1)).toBe("合计");
    for (let k = 3; k <= 10; k++) {
      cacheResult(
        t1,
        t1.rowCount,
        k,
        rows.reduce((s, r) => s + (r[k - 1] as number), 0)
      );
    }
    const t4 = excel.getWorksheet("表4 信访咨询办理 2014");
    if (!t4) throw new Error("no 表4");
    [
      ["来电", "个", 9236, 9236, null, null, null],
      ["人大代表建议", "件", 8, 8, 8, 1, 1],
    ].forEach((row, i) => row.forEach((v, k) => (t4.getCell(4 + i, k + 1).value = v)));
    // no 合计 in 表4 (9236个 and 8件 do not add up), and none asked for
    expect(cellValue(t4, t4.rowCount, 1)).not.toBe("合计");
    const filled = path.join(tmp, "填好的2014.xlsx");
    writeFileSync(filled, new Uint8Array((await excel.xlsx.writeBuffer()) as ArrayBuffer));

    const r = await cli("check", filled, "--json");
    const json = JSON.parse(r.stdout) as {
      issues: Array<{ rule: string; sheet: string }>;
      draft: { text: string };
    };
    // 表2 and 表3 were left blank: the only issues are their empty tables
    expect(json.issues.map((i) => [i.rule, i.sheet])).toEqual([
      ["G-06", "表2 培训 2014"],
      ["G-06", "表3 经费 2014"],
    ]);
    expect(r.code).toBe(1);
    expect(json.draft.text).toContain("发展预备党员8人，其中教工党员4人，学生党员4人");
    expect(json.draft.text).toContain("办理人大代表建议8件");
    const a = analyzeWorkbook(readXlsx(new Uint8Array(readFileSync(filled))));
    expect(a.tables.find((t) => t.tableId === "T1")?.records).toHaveLength(3);
  });
});

describe("a list longer than Excel takes typed into a validation", () => {
  // a bureau's list of 60 school names: far over the 255 characters of a typed list source
  const names = Array.from({ length: 60 }, (_, i) => `昆山市第${i + 1}实验小学附属幼儿园`);
  const t1 = BUILTIN_DEFINITIONS[0]!;
  const longT1 = {
    ...t1,
    columns: t1.columns.map((c) =>
      c.header === "单位类型" ? { ...c, allowed: [...(c.allowed ?? []), ...names] } : c
    ),
  };
  const all = [longT1, ...BUILTIN_DEFINITIONS.slice(1)];

  it("goes into a hidden 下拉选项 sheet, once, and the rule refers to its column", async () => {
    expect(names.join(",").length).toBeGreaterThan(255);
    const bytes = await writeTemplates(2014, all);
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.load(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    );
    const lists = excel.getWorksheet("下拉选项");
    expect(lists?.state).toBe("hidden");
    const allowed = longT1.columns.find((c) => c.header === "单位类型")!.allowed!;
    expect(lists?.getColumn(1).values.slice(1)).toEqual(allowed);
    expect(lists?.getColumn(2).values.length ?? 0).toBe(0);
    const sheet = excel.getWorksheet("表1 党员发展 2014");
    expect(sheet?.getCell("B4").dataValidation).toMatchObject({
      type: "list",
      formulae: [`'下拉选项'!$A$1:$A$${allowed.length}`],
      // the values no longer fit the message Excel keeps (255 characters)
      error: "单位类型 只能填下拉列表中的值，请点单元格右侧的箭头选择。",
    });
    // short lists stay typed in
    expect(
      excel.getWorksheet("表4 信访咨询办理 2014")?.getCell("A4").dataValidation?.formulae?.[0]
    ).toMatch(/^"来电,/);

    // the checker reads the template as before: the lists sheet is no table and raises nothing
    const wb = readXlsx(bytes);
    const analysis = analyzeWorkbook(wb, {
      definitions: all.map((d) => compileDefinition(d, all)),
    });
    expect(analysis.issues.filter((i) => i.sheet === "下拉选项")).toEqual([]);
  });
});
