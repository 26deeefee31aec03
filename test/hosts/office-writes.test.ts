/**
 * The Office host's writes on Office.js terms: each action in 2 syncs (names, then every write),
 * marks painted in one undo group where ExcelApi 1.20 is supported. What the writes produce
 * (templates, never overwriting, the 同比 sheet with its chart, text as text, marks restored
 * exactly) is the shared host suite's (host-contract.test.ts), run on this host and the WPS host.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useFakeOffice } from "./office-fixture";
import { createOfficeHost, MARK_COLORS } from "../../src/hosts/office";
import { officeHasFeature } from "../../src/hosts/office/features";
import { watchChangesInExcel } from "../../src/hosts/office/watch";
import type { Issue } from "../../src/core/issues";
import { BUILTIN_DEFINITIONS } from "../../src/core/definitions";
import type { TableDefinition } from "../../src/core";
import type { ComparisonRow, NewSheet } from "../../src/hosts/host";
import { LIST_SOURCE_MAX_CHARS } from "../fakes/fake-excel";
import { loadDefinitions } from "../../src/core/definitions";
import { DEFINITIONS_SHEET, readDefinitionsSheet } from "../../src/core/definitions/sheet";

const install = useFakeOffice();

/** A 同比 row of people counted (人). */
const countRow = (indicator: string, current: number, previous: number): ComparisonRow => ({
  sheet: "表1 党员发展",
  indicator,
  unit: "人",
  current,
  previous,
  change: current - previous,
  pct: ((current - previous) / previous) * 100,
  text: "",
});

const issue = (sheet: string, cell: string): Issue => ({
  rule: "G-02",
  code: "required-blank",
  severity: "error",
  sheet,
  cell,
  explained: false,
});

describe("Office host writes", () => {
  it("inserts the four templates in 2 syncs and leaves nothing queued", async () => {
    const f = install({ sheets: [{ name: "Sheet1", values: [["原有数据"]] }] });
    await createOfficeHost().insertTemplates?.(2013);
    expect(f.stats.syncs).toBe(2);
    expect(f.stats.leftoverActions).toBe(0);
    const t1 = f.sheet("表1 党员发展 2013");
    expect(t1.cell(0, 0)).toBe(BUILTIN_DEFINITIONS[0]?.title);
    expect(t1.values[2]).toEqual(BUILTIN_DEFINITIONS[0]?.columns.map((c) => c.header));
    expect(t1.cell(1, 2)).toBe("统计年度");
    expect(t1.cell(1, 3)).toBe(2013);
    // the blank rows the definition offers (表1: 30), then 合计
    const blank = BUILTIN_DEFINITIONS[0]?.blankRows ?? 0;
    expect(blank).toBe(30);
    const last = 3 + blank; // 1-based row of the last blank data row
    expect(t1.cell(last, 0)).toBe("合计");
    expect(t1.formulas.size).toBeGreaterThan(0); // =SUM in the 合计 row
    expect(
      [...t1.formulas.values()].every((f) =>
        new RegExp(`^=SUM\\([A-Z]+4:[A-Z]+${last}\\)$`).test(f)
      )
    ).toBe(true);
    expect(t1.format(3, 0)).toBe("@");
    expect(t1.format(3, 2)).toBe("0");
    expect(t1.validations.some((v) => v.address === `B4:B${last}`)).toBe(true);
    const t4 = f.sheet("表4 信访咨询办理 2013");
    expect(
      t4.format(
        3,
        BUILTIN_DEFINITIONS[3]!.columns.findIndex((c) => c.type === "percent")
      )
    ).toBe("0.0%");
    expect(f.sheet("Sheet1").values).toEqual([["原有数据"]]);
    expect(f.state.activeSheetId).toBe(t1.id);
  });

  it("inserts the comparison sheet with its chart in 2 syncs", async () => {
    const f = install({ sheets: [{ name: "Sheet1" }] });
    await createOfficeHost().insertComparison?.([countRow("发展预备党员", 49, 43)], {
      current: 2014,
      previous: 2013,
    });
    expect(f.stats.syncs).toBe(2);
    expect(f.sheet("同比 2014-2013").charts[0]).toMatchObject({
      type: "ColumnClustered",
      seriesBy: "Columns",
    });
  });

  it("paints in one sync and one undo group where ExcelApi 1.20 is supported", async () => {
    const f = install({
      sheets: [
        {
          name: "表1",
          values: [
            ["a", "b"],
            [1, 2],
          ],
        },
      ],
    });
    await createOfficeHost().markIssues?.([issue("表1", "B2")]);
    expect(f.stats.runOptions).toContainEqual({ mergeUndoGroup: true });
    const older = install({ excelApi: "1.9", sheets: [{ name: "表1", values: [["a"]] }] });
    await createOfficeHost().markIssues?.([issue("表1", "A1")]);
    expect(older.stats.runOptions).toHaveLength(0);
    expect(older.sheet("表1").fill(0, 0).color).toBe(MARK_COLORS.error);
  });
});

/** A 汇总 sheet of `rows` units × `cols` columns of text (about 40 bytes a cell as JSON). */
function bigSheet(name: string, rows: number, cols: number): NewSheet {
  const values = Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) =>
      c === 0 ? `昆山市第${r}单位党总支` : `说明文字${r}-${c}号`
    )
  );
  return { sheet: { name, values }, boldRows: [0] };
}

describe("Office host writes: Excel on the web's 5 MB limit", () => {
  it("inserts a 汇总 of more than 5 MB in several syncs, each under the limit", async () => {
    const f = install({ sheets: [{ name: "Sheet1" }] });
    const sheets = [bigSheet("表1 汇总", 12000, 8), bigSheet("表2 汇总", 12000, 8)];
    const names = await createOfficeHost().insertSheets?.(sheets);
    expect(names).toEqual(["表1 汇总", "表2 汇总"]);
    const limit = f.limit ?? 0;
    expect(f.stats.records.every((r) => r.failed === undefined)).toBe(true);
    expect(Math.max(...f.stats.records.map((r) => r.requestBytes))).toBeLessThan(limit);
    const total = f.stats.records.reduce((n, r) => n + r.requestBytes, 0);
    expect(total).toBeGreaterThan(limit); // one sync could not have carried it
    const t1 = f.sheet("表1 汇总");
    expect(t1.values).toHaveLength(12000);
    expect(t1.cell(11999, 0)).toBe("昆山市第11999单位党总支");
    expect(t1.cell(11999, 7)).toBe("说明文字11999-7号");
    expect(t1.format(11999, 7)).toBe("@");
    expect(f.sheet("表2 汇总").cell(6000, 3)).toBe("说明文字6000-3号");
    expect(f.stats.leftoverActions).toBe(0);
    expect(f.stats.runOptions).toContainEqual({ mergeUndoGroup: true }); // still one undo step
  });
});

/** 表1 with its first enum column offered `n` allowed values (far more than 255 characters). */
function longListDefinition(n: number): {
  def: TableDefinition;
  column: number;
  allowed: string[];
} {
  const base = BUILTIN_DEFINITIONS[0]!;
  const column = base.columns.findIndex((c) => c.type === "enum");
  const allowed = Array.from({ length: n }, (_, i) => `第${i + 1}类发展对象（含预备党员）`);
  const columns = base.columns.map((c, i) => (i === column ? { ...c, allowed } : c));
  return { def: { ...base, columns }, column, allowed };
}

describe("Office host writes: list validation longer than 255 characters", () => {
  it("puts a long allowed-value list in cells of a hidden sheet and refers to them", async () => {
    const { def, column, allowed } = longListDefinition(40);
    expect(allowed.join(",").length).toBeGreaterThan(LIST_SOURCE_MAX_CHARS);
    const f = install({ sheets: [{ name: "Sheet1" }] });
    const names = await createOfficeHost().insertTemplates?.(2013, [def, BUILTIN_DEFINITIONS[1]!]);
    // the hidden lists sheet is not among them (a set of its own: its 报表定义 comes last)
    expect(names).toEqual([expect.any(String), expect.any(String), DEFINITIONS_SHEET]);
    const t1 = f.sheet(names![0]!);
    const letter = String.fromCharCode(65 + column);
    const v = t1.validations.find((x) => x.address.startsWith(`${letter}4:`));
    const source = (v?.rule as { list: { source: string } }).list.source;
    const m = /^='?([^'!]+)'?!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(source);
    expect(m).not.toBeNull();
    const lists = f.sheet(m![1]!);
    expect(lists.visibility).not.toBe("Visible");
    const col = m![2]!.charCodeAt(0) - 65;
    const rows = Array.from({ length: Number(m![5]) - Number(m![3]) + 1 }, (_, i) =>
      lists.cell(Number(m![3]) - 1 + i, col)
    );
    expect(rows).toEqual(allowed);
    // a short list stays typed in the rule
    const t2 = f.sheet(names![1]!);
    expect(t2.validations.length).toBeGreaterThan(0);
    for (const x of t2.validations) {
      const s = (x.rule as { list: { source: string } }).list.source;
      expect(s.startsWith("=")).toBe(false);
    }
    expect(f.state.activeSheetId).toBe(t1.id); // the hidden sheet is never the one shown
  });
});

describe("Office host writes: requirement sets", () => {
  it("at ExcelApi 1.1 inserts templates without dropdowns, frozen panes or autofit", async () => {
    const f = install({ excelApi: "1.1", sheets: [{ name: "Sheet1" }] });
    expect(officeHasFeature("templateDropdowns")).toBe(false);
    expect(officeHasFeature("freezePanes")).toBe(false);
    const names = await createOfficeHost().insertTemplates?.(2013);
    expect(names).toHaveLength(BUILTIN_DEFINITIONS.length);
    const t1 = f.sheet("表1 党员发展 2013");
    expect(t1.cell(2, 0)).toBe(BUILTIN_DEFINITIONS[0]?.columns[0]?.header);
    expect(t1.validations).toHaveLength(0);
    expect(t1.frozenRows).toBe(0);
    expect(f.writes.some((w) => w.kind === "format.autofitColumns")).toBe(false);
    const cmp = await createOfficeHost().insertComparison?.([countRow("发展党员", 2, 1)], {
      current: 2014,
      previous: 2013,
    });
    expect(f.sheet(cmp!).charts).toHaveLength(1); // charts are ExcelApi 1.1
    // 历年: ChartCollection.add with ChartType.line and ChartSeriesBy.rows, all ExcelApi 1.1
    const series = await createOfficeHost().insertSeries?.(
      [
        {
          sheet: "表1 党员发展 2013",
          indicator: "发展党员",
          unit: "人",
          values: [1, 2, 3],
          text: "",
        },
      ],
      { from: 2011, to: 2013 }
    );
    expect(series).toBe("历年 2011–2013");
    expect(f.sheet(series!).charts).toEqual([
      {
        type: "Line",
        source: "A2:D3",
        seriesBy: "Rows",
        title: "2011–2013年主要指标（单位：人）",
        position: "A5:H25",
      },
    ]);
    expect(f.sheet(series!).frozenRows).toBe(0); // freezePanes is ExcelApi 1.7
  });

  it("at ExcelApi 1.8 and by default inserts dropdowns and freezes the header rows", async () => {
    for (const excelApi of ["1.8", undefined]) {
      const f = install({ ...(excelApi ? { excelApi } : {}), sheets: [{ name: "Sheet1" }] });
      expect(officeHasFeature("templateDropdowns")).toBe(true);
      expect(officeHasFeature("freezePanes")).toBe(true);
      await createOfficeHost().insertTemplates?.(2013);
      const t1 = f.sheet("表1 党员发展 2013");
      expect(t1.validations.length).toBeGreaterThan(0);
      expect(t1.frozenRows).toBe(3);
      expect(f.writes.some((w) => w.kind === "format.autofitColumns")).toBe(true);
    }
  });

  it("below ExcelApi 1.9 offers no live re-check and refuses it with a reason in Chinese", async () => {
    install({ excelApi: "1.8", sheets: [{ name: "Sheet1" }] });
    expect(createOfficeHost().watchChanges).toBeUndefined();
    await expect(watchChangesInExcel(() => undefined)).rejects.toThrow(/无法自动重新校验/);
    install({ excelApi: "1.9", sheets: [{ name: "Sheet1" }] });
    expect(createOfficeHost().watchChanges).toBeDefined();
  });
});

describe("Office host writes: the templates of a bureau's own tables", () => {
  const file = path.join(__dirname, "..", "..", "assets", "samples", "other-bureau");
  const other = loadDefinitions(
    (
      JSON.parse(readFileSync(path.join(file, "other-bureau-definitions.json"), "utf8")) as {
        tables: unknown[];
      }
    ).tables,
    "other-bureau-definitions.json"
  ).map((t) => t.def);

  it("are followed by a 报表定义 sheet holding them, protected without a password once written", async () => {
    const f = install({ sheets: [{ name: "Sheet1", values: [["原有数据"]] }] });
    const host = createOfficeHost();
    const names = await host.insertTemplates?.(2014, other);
    expect(names).toEqual(["表1 学习实践活动 2014", "表2 创建工作 2014", DEFINITIONS_SHEET]);
    expect(f.stats.syncs).toBe(2);
    const own = f.sheet(DEFINITIONS_SHEET);
    expect(own.protectedWith).toBe("");
    expect(own.frozenRows).toBe(1);
    // protected after every write to it (a protected sheet's cells are locked)
    const onIt = f.writes.map((w, i) => [w, i] as const).filter(([w]) => w.sheet === own.name);
    expect(onIt.at(-1)?.[0].kind).toBe("protect");
    expect(onIt.filter(([w]) => w.kind === "protect")).toHaveLength(1);
    // the tables stay open for the unit to fill
    expect(f.sheet(names![0]!).protectedWith).toBeUndefined();
    const model = await host.readWorkbook();
    const sheet = model.sheets.find((s) => s.name === DEFINITIONS_SHEET);
    expect(sheet && readDefinitionsSheet(sheet).map((t) => t.def)).toEqual(other);
  });

  it("never over a 报表定义 sheet the workbook has; never for the built-ins", async () => {
    const mine = [
      ["表", "类别"],
      ["自己的", "定义"],
    ];
    const f = install({ sheets: [{ name: " 报表定义 ", values: mine }] });
    const names = await createOfficeHost().insertTemplates?.(2014, other);
    expect(names).toEqual(["表1 学习实践活动 2014", "表2 创建工作 2014"]);
    expect(f.sheet(" 报表定义 ").values).toEqual(mine);
    expect(f.writes.some((w) => w.kind === "protect")).toBe(false);
    const g = install({ sheets: [{ name: "Sheet1" }] });
    const again = JSON.parse(JSON.stringify(BUILTIN_DEFINITIONS)) as TableDefinition[];
    expect(await createOfficeHost().insertTemplates?.(2014, again)).toHaveLength(4);
    expect(g.writes.some((w) => w.kind === "protect")).toBe(false);
  });

  it("below ExcelApi 1.2 inserts the 报表定义 sheet unprotected (the fake refuses protection there)", async () => {
    const f = install({ excelApi: "1.1", sheets: [{ name: "Sheet1" }] });
    const names = await createOfficeHost().insertTemplates?.(2014, other);
    expect(names?.at(-1)).toBe(DEFINITIONS_SHEET);
    expect(f.sheet(DEFINITIONS_SHEET).protectedWith).toBeUndefined();
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").protection.protect();
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
