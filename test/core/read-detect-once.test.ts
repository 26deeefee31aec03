/**
 * A workbook check detects each sheet's table once: validation, the years of the workbook, every
 * issue's place and the merge's extraction reuse that answer.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { analyzeWorkbook } from "../../src/core/analyze";
import { workbookYears } from "../../src/core/validate";
import { issuePlace } from "../../src/core/place";
import { COMPILED_BUILTINS } from "../../src/core/definitions";
import * as sheet from "../../src/core/detect/table";
import { detectTableOnce } from "../../src/core/detect/once";

vi.mock("../../src/core/detect/table", async (importOriginal) => {
  const real = await importOriginal<typeof sheet>();
  return { ...real, detectTable: vi.fn(real.detectTable) };
});

const detect = vi.mocked(sheet.detectTable);
const MISTAKES = path.join(__dirname, "../../assets/samples/bureau-stats-2013-mistakes.xlsx");

describe("table detection once per sheet", () => {
  beforeEach(() => {
    detect.mockClear();
  });

  it("a check (analysis, years, the place of every issue) detects each sheet once", () => {
    const wb = readXlsx(new Uint8Array(readFileSync(MISTAKES)));
    const analysis = analyzeWorkbook(wb);
    expect(analysis.validation.issues.length).toBeGreaterThan(10);
    workbookYears(wb);
    for (const issue of analysis.validation.issues) issuePlace(issue, wb, COMPILED_BUILTINS);
    const sheets = wb.sheets.filter((s) => s.name !== "报表定义").length;
    expect(detect).toHaveBeenCalledTimes(sheets);
    expect(new Set(detect.mock.calls.map(([s]) => s)).size).toBe(sheets);
  });

  it("another set of definitions, or a sheet whose grid was replaced, is detected again", () => {
    const model = { name: "表1", values: [["单位名称", "单位类型", "年末党员数", "发展预备党员"]] };
    const first = detectTableOnce(model, COMPILED_BUILTINS);
    expect(first?.definition.def.id).toBe("T1");
    expect(detectTableOnce(model, COMPILED_BUILTINS)).toBe(first);
    expect(detect).toHaveBeenCalledTimes(1);
    detectTableOnce(model, COMPILED_BUILTINS.slice(0, 1));
    expect(detect).toHaveBeenCalledTimes(2);
    const replaced = Object.assign(model, { values: [["培训项目"]] });
    expect(detectTableOnce(replaced, COMPILED_BUILTINS)).toBeUndefined();
    expect(detect).toHaveBeenCalledTimes(3);
  });
});
