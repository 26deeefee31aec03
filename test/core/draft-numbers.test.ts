/**
 * The numbers of the draft and their places: what the drafting writes into `Draft.figures`, for
 * the cases a random workbook rarely makes — a cell text holding the private-use characters the
 * draft marks numbers with, the approximate style and 万元 (the value stays exact), a cell that
 * cannot be read inside a column (the ranges split around it), and the year-named form.
 */
import { describe, expect, it } from "vitest";
import { analyzeWorkbook } from "../../src/core";
import { unmarkNumbers } from "../../src/core/draft/draft";
import { buildSheet, t1Row, t2Row, t3Row, workbook } from "./fixtures";

describe("numbers of the draft", () => {
  it("takes the marks out and keeps each number's place", () => {
    expect(
      unmarkNumbers("发展\uE0010\uE00249人\uE003，比上年增加\uE0011\uE0026人\uE003。")
    ).toEqual({
      text: "发展49人，比上年增加6人。",
      spans: [
        { id: 0, from: 2, to: 5 },
        { id: 1, from: 11, to: 13 },
      ],
    });
  });

  it("a programme name holding the mark characters cannot pass for a number", () => {
    const name = "\uE0017\uE002暑期\uE003培训\uE000班";
    const a = analyzeWorkbook(
      workbook(buildSheet("T2", [t2Row(name, { 培训类别: "教师培训", 期数: 3, 培训人数: 240 })]))
    );
    const text = a.draft.text;
    expect(text).not.toMatch(/[\uE000-\uE003]/);
    expect(text).toContain("暑期培训班");
    for (const f of a.draft.figures) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(text.slice(f.start, f.end)).toBe(f.text);
    }
    expect(a.draft.figures.map((f) => f.text)).toEqual(["3期", "240人次", "3期", "240人次"]);
  });

  it("an approximate figure and one in 万元 keep their exact value", () => {
    const sheet = (year: number, yuan: number) =>
      buildSheet("T3", [t3Row("慰问", { 经费类别: "慰问金", "金额（元）": yuan, 受益人数: 62 })], {
        year,
      });
    const wb = workbook(sheet(2013, 72400.5), sheet(2012, 65800));
    const approx = analyzeWorkbook(wb, { draft: { numberStyle: "approximate" } });
    const money = approx.draft.figures.find((f) => f.label === "慰问金金额");
    expect(money).toMatchObject({ text: "7万多元", kind: "sum", value: 72400.5 });
    const change = approx.draft.figures.find((f) => f.kind === "change");
    expect(change).toMatchObject({ text: "6600多元", value: 6600.5 });
    const wan = analyzeWorkbook(wb, { draft: { moneyUnit: "万元" } });
    expect(wan.draft.figures.find((f) => f.label === "慰问金金额")).toMatchObject({
      text: "7.24万元",
      value: 72400.5,
    });
  });

  it("a cell that cannot be read splits the ranges and is named in the formula", () => {
    const rows = [t1Row("一中"), t1Row("二中", { 发展预备党员: "三人" }), t1Row("三中")];
    const a = analyzeWorkbook(workbook(buildSheet("T1", rows, { total: "none" })));
    const f = a.draft.figures.find((x) => x.label === "发展预备党员");
    expect(f?.value).toBe(6);
    expect(f?.cells[0]).toMatchObject({ ranges: ["E4", "E6"], leftOut: ["E5"], role: "rows" });
    expect(f?.formula).toContain("E5无法识别，未计入");
    expect(f?.unverified?.[0]).toMatchObject({ cell: "E5" });
  });

  it("the year-named form: last year's value has its own entry with last year's cells", () => {
    const wb = workbook(
      buildSheet("T1", [t1Row("一中", { 发展预备党员: 5, "其中：教工": 2, "其中：学生": 3 })], {
        year: 2013,
      }),
      buildSheet("T1", [t1Row("一中", { 发展预备党员: 4, "其中：教工": 1, "其中：学生": 3 })], {
        year: 2012,
      })
    );
    const a = analyzeWorkbook(wb, { draft: { nameYear: true } });
    const last = a.draft.figures.find((f) => f.label === "发展预备党员上年数");
    expect(last).toMatchObject({ text: "4人", value: 4, kind: "sum" });
    expect(last?.cells.every((c) => c.role === "previous" && c.year === 2012)).toBe(true);
    expect(a.draft.text.slice(last?.start, last?.end)).toBe("4人");
    expect(a.draft.text).toContain("发展预备党员5人（2012年4人）");
  });
});
