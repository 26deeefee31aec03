import { describe, expect, it } from "vitest";
import { mergeUnits, openMerge, type UnitFileInput } from "../../src/core/app/merge";
import type { SheetModel, WorkbookModel } from "../../src/core/model";
import { buildSheet, t1Row, type RowSpec } from "./fixtures";

/** A unit's workbook with one 表1 row (this unit as 填报单位). */
function t1Unit(unit: string, over: RowSpec = {}, year?: number): WorkbookModel {
  const s = buildSheet("T1", [t1Row(unit, over)], {
    name: "表1",
    ...(year === undefined ? {} : { year }),
  });
  const values = s.values.map((r) => [...r]);
  (values[1] as unknown[])[1] = unit;
  const sheet: SheetModel = { ...s, values };
  return { sheets: [sheet] };
}

const file = (name: string, workbook: WorkbookModel): UnitFileInput => ({ name, workbook });

describe("the merge use case: its outcomes", () => {
  it("refuses an unreadable unit list with one wording", () => {
    const o = openMerge({ unitList: { name: "名单.xlsx", unreadable: "文件已损坏" } });
    expect(o).toEqual({
      code: "unit-list-unreadable",
      message: "名单.xlsx：无法读取单位名单（文件已损坏）",
    });
  });

  it("refuses an empty unit list", () => {
    const o = openMerge({ unitList: { name: "名单.txt", names: [] } });
    expect(o.code).toBe("unit-list-empty");
    expect(o.code === "unit-list-empty" && o.message).toBe(
      "名单.txt：单位名单是空的（每行一个单位，或一列“单位名称”）"
    );
  });

  it("refuses a year outside the accepted range", () => {
    expect(openMerge({ year: 13 }).code).toBe("year-out-of-range");
    expect(openMerge({ year: 2100 }).code).toBe("year-out-of-range");
    expect(openMerge({ year: 2013 }).code).toBe("open");
  });

  it("says nothing-to-merge when every file is unreadable, naming how many and the year", async () => {
    const o = await mergeUnits({ year: 2013 }, [
      { name: "a.xlsx", unreadable: "文件已损坏" },
      { name: "b.xlsx", unreadable: "文件已加密" },
    ]);
    expect(o.code).toBe("nothing-to-merge");
    if (o.code !== "nothing-to-merge") return;
    expect(o.message).toBe("没有可合并的统计表（2个文件都没有2013年的统计表或无法读取）");
    expect(o.result.units.map((u) => u.status)).toEqual(["unreadable", "unreadable"]);
    expect(o.listed).toBeUndefined();
  });

  it("merges the files taken one at a time from an async source, telling each as it is added", async () => {
    const seen: string[] = [];
    async function* files(): AsyncGenerator<UnitFileInput> {
      yield file("a.xlsx", t1Unit("甲校"));
      yield file("b.xlsx", t1Unit("乙校"));
    }
    const o = await mergeUnits(
      { unitList: { name: "名单.txt", names: ["乙校", "甲校", "丙校"] } },
      files(),
      (p) => seen.push(`${p.file} ${p.unit ?? ""}`)
    );
    expect(seen).toEqual(["a.xlsx 甲校", "b.xlsx 乙校"]);
    expect(o.code).toBe("merged");
    if (o.code !== "merged") return;
    expect(o.listed).toBe(3);
    expect(o.result.unitOrder).toEqual(["乙校", "甲校"]);
    // 丙校 sent nothing: an error of the whole merge
    expect(o.hasErrors).toBe(true);
    expect(o.result.problems.map((p) => `${p.code} ${p.unit ?? ""}`)).toEqual(["missing 丙校"]);
  });

  it("a merge without an error says so", async () => {
    const o = await mergeUnits({}, [file("a.xlsx", t1Unit("甲校"))]);
    expect(o.code === "merged" && o.hasErrors).toBe(false);
  });

  it("merges again with another choice between a unit's files, reading nothing again", () => {
    const opened = openMerge({});
    if (opened.code !== "open") throw new Error(opened.code);
    const s = opened.session;
    s.add(file("甲校.xlsx", t1Unit("甲校", { 年末党员数: 10 })));
    s.add(file("甲校（更正）.xlsx", t1Unit("甲校", { 年末党员数: 12 })));
    const none = s.finish();
    expect(none.code).toBe("nothing-to-merge");
    expect(none.result.problems.map((p) => `${p.code} ${p.severity}`)).toEqual(["duplicate error"]);
    const chosen = s.finish(["甲校（更正）.xlsx"]);
    expect(chosen.code).toBe("merged");
    expect(chosen.result.tables[0]!.rows[0]!.sources[0]!.file).toBe("甲校（更正）.xlsx");
  });

  it("words a unit's own 报表定义 with the one notice wording", async () => {
    const wrong: SheetModel = { name: "报表定义", values: [["不是定义"]] };
    const wb = t1Unit("甲校");
    const o = await mergeUnits({}, [file("甲校.xlsx", { sheets: [...wb.sheets, wrong] })]);
    const own =
      o.code === "merged" ? o.result.problems.filter((p) => p.code === "own-definitions") : [];
    expect(own).toHaveLength(1);
    expect(own[0]!.message).toMatch(/^甲校\.xlsx 中的“报表定义”有误，未采用：/);
  });
});
