/** Every figure of the report year's tables over a run of years (历年). */
import { describe, expect, it } from "vitest";
import { figureSeries } from "../../src/core/compare";
import type { Figure, TableData } from "../../src/core/figures";

const figure = (id: string, value: number, extra: Partial<Figure> = {}): Figure => ({
  id,
  tableId: "T1",
  indicator: id.split("/")[1] ?? id,
  kind: "count",
  value,
  unit: "人",
  headline: true,
  ...extra,
});

const t1 = (year: number, members: number, extra: Partial<Figure> = {}): TableData => ({
  tableId: "T1",
  title: "党员发展情况",
  sheet: `表1 党员发展 ${year}`,
  year,
  records: [],
  figures: [figure("T1/发展预备党员", members, extra)],
});

describe("figureSeries", () => {
  it("reads each year's figure, the steps, the run and the compound average", () => {
    const tables = [t1(2013, 80), t1(2012, 70), t1(2011, 60), t1(2010, 50), t1(2009, 40)];
    const [s, ...rest] = figureSeries(tables, 2009, 2013);
    expect(rest).toEqual([]);
    expect(s?.values).toEqual(
      [2009, 2010, 2011, 2012, 2013].map((year, i) => ({ year, value: 40 + 10 * i }))
    );
    expect(s?.series.run).toEqual({ direction: "up", steps: 4, fromYear: 2009 });
    // (80/40)^(1/4) − 1 = 18.9%, not the mean of the yearly rates (19.2%)
    expect(s?.text).toContain("年均增长18.9%");
    expect(s?.text).toContain("翻了一番");
    expect(s?.text).toContain("连续4年增长");
    expect(s?.issues).toEqual([]);
  });

  it("says which year is missing and writes no series phrase over the gap", () => {
    const [s] = figureSeries([t1(2013, 80), t1(2012, 70), t1(2010, 50)], 2009, 2013);
    expect(s?.series.gaps).toEqual([
      { year: 2009, reason: "missing" },
      { year: 2011, reason: "missing" },
    ]);
    expect(s?.text).toBe("");
    expect(s?.issues.map((i) => [i.code, i.year])).toEqual([
      ["series-year-missing", 2009],
      ["series-year-missing", 2011],
    ]);
  });

  it("marks the years whose figure depends on an error, and leaves out years outside the range", () => {
    const source = { sheet: "表1 党员发展 2011", cell: "C5", rule: "T1-01" };
    const tables = [
      t1(2013, 80),
      t1(2012, 70),
      t1(2011, 60, { unverified: [source] }),
      t1(2008, 1),
    ];
    const [s] = figureSeries(tables, 2011, 2013);
    expect(s?.values.map((v) => v.year)).toEqual([2011, 2012, 2013]);
    expect(s?.unverifiedYears).toEqual([2011]);
    expect(s?.sources).toEqual([source]);
  });

  it("a table twice in a year with two values is a gap of that year", () => {
    const [s] = figureSeries([t1(2013, 80), t1(2012, 70), t1(2012, 71), t1(2011, 60)], 2011, 2013);
    expect(s?.series.gaps).toEqual([{ year: 2012, reason: "twice", values: [70, 71] }]);
  });
});
