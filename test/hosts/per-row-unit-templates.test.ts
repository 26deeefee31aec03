/**
 * The templates the add-in and the CLI write, for a table whose counts carry the unit of their row
 * (a 计量单位 column): no SUM over them, and no 合计 row at all when every count is one (表4).
 */
import { describe, expect, it } from "vitest";
import { BUILTIN_DEFINITIONS, type TableDefinition } from "../../src/core/definitions";
import { templatePlans } from "../../src/hosts/office/layout";
import { writeTemplateWorkbook } from "../../src/hosts/xlsx/template";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { otherDefinitions } from "../../scripts/samples/other-bureau";

const T4 = BUILTIN_DEFINITIONS.find((t) => t.id === "T4") as TableDefinition;
const T1 = BUILTIN_DEFINITIONS.find((t) => t.id === "T1") as TableDefinition;
/** The other bureau's 创建工作 (数量 in 个 or 所), with a 经费 column in 元 beside it. */
const Q2 = otherDefinitions()[1] as TableDefinition;
const WITH_MONEY: TableDefinition = {
  ...Q2,
  columns: [...Q2.columns, { header: "经费", key: "money", type: "money", required: false }],
};

/** The values of each row of a written template's first sheet. */
async function written(def: TableDefinition, total?: Record<string, number>) {
  const bytes = await writeTemplateWorkbook([
    { tableId: def.id, year: 2014, definition: def, ...(total ? { total } : {}) },
  ]);
  return readXlsx(bytes).sheets[0]?.values ?? [];
}

describe("the add-in's template plans", () => {
  it("write no 合计 row for 表4, and 表1's as before", () => {
    const plans = templatePlans(2014, [], [T1, T4]);
    const totalRows = plans.map(
      (p) => p.blocks.filter((b) => b.values?.[0]?.[0] === "合计").length
    );
    expect(totalRows).toEqual([1, 0]);
  });

  it("sum only the columns whose unit is their own", () => {
    const [plan] = templatePlans(2014, [], [WITH_MONEY]);
    const total = plan?.blocks.find((b) => b.values?.[0]?.[0] === "合计");
    const headers = WITH_MONEY.columns.map((c) => c.header);
    expect(headers).toEqual(["项目名称", "创建类别", "计量单位", "数量", "备注", "经费"]);
    expect(total?.formulas?.[0]).toEqual(["", "", "", "", "", "=SUM(F4:F13)"]);
  });
});

describe("the .xlsx templates", () => {
  it("write no 合计 row for 表4 or the other bureau's 创建工作", async () => {
    for (const def of [T4, Q2]) {
      const labels = (await written(def)).map((row) => row[0]);
      expect(labels, def.id).not.toContain("合计");
    }
    expect((await written(T1)).at(-1)?.[0]).toBe("合计");
  });

  it("leave 数量 blank in the 合计 row of a table that has one", async () => {
    const last = (await written(WITH_MONEY)).at(-1);
    expect(last?.[0]).toBe("合计");
    expect(last?.[3]).toBeUndefined();
    expect(last?.[5]).toBe(0);
  });

  it("still write a 合计 row given cell by cell (an old 表4's, for tests and samples)", async () => {
    const rows = await written(T4, { 受理数: 9244 });
    expect(rows.at(-1)?.slice(0, 3)).toEqual(["合计", undefined, 9244]);
  });
});
