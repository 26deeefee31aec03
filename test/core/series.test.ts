/**
 * A figure over several years: values, steps and gaps, the latest run, the compound average growth,
 * the comparison with the first year and its multiples (翻了一番 only when the shown percentage is
 * 100.0%), and the checks over years (a cumulative figure decreasing, a jump, a gap).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  averageTenths,
  averageWording,
  checkSeries,
  cumulativeDecreases,
  doublings,
  multipleWording,
  runWording,
  SERIES_MESSAGES,
  series,
  seriesGaps,
  seriesIssueMessage,
  seriesJumps,
  seriesValues,
  seriesWording,
  sinceWording,
  yearPoints,
  yoyChange,
} from "../../src/core/compare";

const counts = (values: readonly (number | undefined)[], first = 2010) =>
  series(yearPoints(first, values), "count");
const since = (values: readonly (number | undefined)[], unit = "人") =>
  sinceWording(counts(values), { unit });
const money = (fen: readonly (number | undefined)[]) => series(yearPoints(2010, fen), "money");
const PEOPLE = { label: "年末党员数", unit: "人" };

describe("series: values, steps and gaps", () => {
  it("sorts the years and gives every step its change and rate", () => {
    const s = series(
      [
        { year: 2012, value: 121 },
        { year: 2010, value: 100 },
        { year: 2011, value: 110 },
      ],
      "count"
    );
    expect(s.values.map((p) => p.year)).toEqual([2010, 2011, 2012]);
    expect([s.firstYear, s.lastYear]).toEqual([2010, 2012]);
    expect(s.steps).toEqual([
      { fromYear: 2010, year: 2011, change: 10, direction: "up", pctTenths: 100 },
      { fromYear: 2011, year: 2012, change: 11, direction: "up", pctTenths: 100 },
    ]);
    expect(s.gaps).toEqual([]);
  });

  it("has no rate from a zero base, but has the change", () => {
    expect(counts([0, 12]).steps[0]).toMatchObject({ change: 12, pctTenths: undefined });
  });

  it("names a missing year, a blank value, a value that is not an integer and a year given twice", () => {
    const { values, gaps } = seriesValues([
      { year: 2010, value: 5 },
      { year: 2012, value: undefined },
      { year: 2013, value: 1.5 },
      { year: 2014, value: 7 },
      { year: 2014, value: 8 },
      { year: 2015, value: 9 },
      { year: 2015, value: 9 },
    ]);
    expect(gaps).toEqual([
      { year: 2011, reason: "missing" },
      { year: 2012, reason: "blank" },
      { year: 2013, reason: "blank" },
      { year: 2014, reason: "twice", values: [7, 8] },
    ]);
    // the same value given twice is one value
    expect(values.at(-1)).toEqual({ year: 2015, value: 9 });
    expect(values.map((p) => p.value)).toEqual([5, undefined, undefined, undefined, undefined, 9]);
  });

  it("computes no run, average or comparison with the first year over a gap", () => {
    for (const s of [counts([100, undefined, 121, 130]), counts([100, 110, 121, undefined])]) {
      expect(s.gaps).toHaveLength(1);
      expect([s.run, s.average, s.fromFirst]).toEqual([undefined, undefined, undefined]);
      expect(seriesWording(s, { unit: "人" })).toBe("");
    }
    const missing = series(
      [
        { year: 2010, value: 100 },
        { year: 2011, value: 110 },
        { year: 2012, value: 121 },
        { year: 2014, value: 150 },
      ],
      "count"
    );
    expect(missing.gaps).toEqual([{ year: 2013, reason: "missing" }]);
    expect(missing.steps[2]).toMatchObject({ year: 2013, change: undefined, direction: undefined });
    expect(missing.run).toBeUndefined();
  });

  it("has nothing to say about no year or a single year", () => {
    const none = series([], "count");
    expect([none.firstYear, none.values, none.steps, none.fromFirst]).toEqual([
      undefined,
      [],
      [],
      undefined,
    ]);
    const one = counts([100]);
    expect([one.steps, one.run, one.average, one.fromFirst]).toEqual([
      [],
      undefined,
      undefined,
      undefined,
    ]);
    expect(seriesWording(one, { unit: "人" })).toBe("");
  });

  it("refuses a year that is not an integer and a span of centuries", () => {
    expect(() => series([{ year: 2010.5, value: 1 }], "count")).toThrow(RangeError);
    expect(() =>
      series(
        [
          { year: 2013, value: 1 },
          { year: 20013, value: 2 },
        ],
        "count"
      )
    ).toThrow(RangeError);
  });
});

describe("the latest run", () => {
  it("counts the consecutive increases (decreases) ending at the last year", () => {
    expect(counts([5, 6, 7, 8]).run).toEqual({ direction: "up", steps: 3, fromYear: 2010 });
    expect(runWording(counts([5, 6, 7, 8]))).toBe("连续3年增长");
    expect(runWording(counts([9, 10, 8, 7]))).toBe("连续2年下降");
    expect(counts([9, 10, 8, 7]).run?.fromYear).toBe(2011);
  });

  it("needs at least 2 steps", () => {
    expect(counts([5, 6]).run).toBeUndefined();
    expect(runWording(counts([5, 6]))).toBe("");
  });

  it("is broken by 持平 and by a reversal", () => {
    expect(runWording(counts([5, 6, 6, 8]))).toBe("");
    expect(runWording(counts([5, 6, 7, 7]))).toBe("");
    expect(runWording(counts([5, 6, 7, 6]))).toBe("");
    expect(runWording(counts([8, 6, 7, 8]))).toBe("连续2年增长");
    expect(runWording(counts([5, 5, 6, 7]))).toBe("连续2年增长");
  });

  it("of a rate is 提高/降低", () => {
    const rates = series(yearPoints(2010, [973, 980, 985]), "rate");
    expect(runWording(rates)).toBe("连续2年提高");
    expect(runWording(series(yearPoints(2010, [990, 985, 973]), "rate"))).toBe("连续2年降低");
  });
});

describe("the compound average growth", () => {
  it("is (last ÷ first)^(1 ÷ years) − 1, not the mean of the yearly rates", () => {
    expect(counts([100, 110, 121]).average?.tenths).toBe(100);
    expect(averageWording(counts([100, 110, 121]))).toBe("年均增长10.0%");
    expect(averageWording(counts([100, 90, 81]))).toBe("年均下降10.0%");
    // +100% then −50%: the mean of the rates would be 25%, the compound growth is none
    const back = counts([100, 200, 100]);
    expect(back.average?.tenths).toBe(0);
    expect(averageWording(back)).toBe("");
    // 150 → 218 over 3 years: (218/150)^(1/3) − 1 = 13.27%
    expect(averageWording(counts([150, 160, 190, 218]))).toBe("年均增长13.3%");
    expect(counts([150, 160, 190, 218]).average?.years).toBe(3);
  });

  it("over one year is the 同比 rate", () => {
    expect(counts([43, 49]).average?.tenths).toBe(140);
    expect(averageWording(counts([147, 120]))).toBe("年均下降18.4%");
  });

  it("rounds a tie half up, away from zero, exactly (no float root decides)", () => {
    // 1.1005² = 1.21110025: exactly 10.05% a year
    expect(averageTenths(100000000, 121110025, 2)).toBe(101);
    // 0.9985² = 0.99700225: exactly −0.15% a year
    expect(averageTenths(100000000, 99700225, 2)).toBe(-2);
    // just below the tie
    expect(averageTenths(100000000, 121110024, 2)).toBe(100);
  });

  it("is undefined from a zero or blank first year, to a zero or negative end, over no span, for a rate", () => {
    expect(counts([0, 3, 7]).average).toBeUndefined();
    expect(counts([10, 3, 0]).average).toBeUndefined();
    expect(counts([-10, 3, 7]).average).toBeUndefined();
    expect(counts([10, 3, -7]).average).toBeUndefined();
    expect(averageTenths(100, 121, 0)).toBeUndefined();
    expect(averageTenths(100, Number.NaN, 2)).toBeUndefined();
    expect(series(yearPoints(2010, [973, 980, 985]), "rate").average).toBeUndefined();
    expect(averageWording(series(yearPoints(2010, [973, 980, 985]), "rate"))).toBe("");
  });

  it("raised to the years gives back last ÷ first (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 40 }),
        (first, last, years) => {
          const values: (number | undefined)[] = Array.from({ length: years + 1 }, () => first);
          values[years] = last;
          const average = counts(values).average;
          expect(average).toBeDefined();
          if (!average) return;
          expect(average.years).toBe(years);
          const back = Math.pow(1 + average.rate, years);
          expect(Math.abs(back - last / first)).toBeLessThanOrEqual(1e-9 * (last / first));
        }
      )
    );
  });

  it("shows the exact rate rounded half up to 0.1% (property, against 40-digit decimals)", () => {
    const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 1, max: 100_000_000 }),
        fc.integer({ min: 1, max: 60 }),
        (first, last, years) => {
          const exact = new D(last)
            .div(first)
            .pow(new D(1).div(years))
            .minus(1)
            .times(1000)
            .toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
          expect(averageTenths(first, last, years)).toBe(exact.toNumber() + 0); // −0 is 0
        }
      )
    );
  });

  it("rounds every exact tie away from zero (property: last ÷ first = ((2000 ± (2t + 1)) ÷ 2000)^years)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 998 }),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (t, years, up) => {
          const base = up ? 2000 + 2 * t + 1 : 2000 - 2 * t - 1;
          // exactly ±(t + 0.5) tenths a year
          const first = 2000 ** years;
          const last = base ** years;
          expect(averageTenths(first, last, years)).toBe(up ? t + 1 : -(t + 1));
        }
      )
    );
  });

  it("over one year equals the 同比 percentage (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 1_000_000_000 }),
        (first, last) => {
          expect(averageTenths(first, last, 1)).toBe(yoyChange(last, first, "count")?.pctTenths);
        }
      )
    );
  });
});

describe("the comparison with the first year", () => {
  it("writes the growth, the decrease or 持平", () => {
    expect(since([150, 160, 190, 218])).toBe("比2010年增长45.3%");
    expect(since([100, 95, 90, 88])).toBe("比2010年下降12.0%");
    expect(since([100, 95, 90, 100])).toBe("与2010年持平");
  });

  it("doubles exactly: 翻了一番 (and the amount on request)", () => {
    expect(since([80, 120, 160])).toBe("比2010年翻了一番");
    expect(sinceWording(counts([80, 120, 160]), { unit: "人", amount: true })).toBe(
      "比2010年增加80人，翻了一番"
    );
    expect(multipleWording(yoyChange(160, 80, "count")!)).toBe("翻了一番");
  });

  it("doubles within the rounding shown: 80元 → 159.96元 shows 100.0%, 159.95元 shows 99.9%", () => {
    expect(yoyChange(15996, 8000, "money")?.pctTenths).toBe(1000);
    expect(sinceWording(money([8000, 15996]), { unit: "元" })).toBe("比2010年翻了一番");
    expect(yoyChange(15995, 8000, "money")?.pctTenths).toBe(999);
    expect(sinceWording(money([8000, 15995]), { unit: "元" })).toBe("比2010年增长99.9%");
    // above 2: 160.03元 is 100.0375%, shown 100.0%; 160.04元 is 100.05%, shown 100.1%
    expect(sinceWording(money([8000, 16003]), { unit: "元" })).toBe("比2010年翻了一番");
    expect(sinceWording(money([8000, 16004]), { unit: "元" })).toBe("比2010年增长1.0倍");
  });

  it("outside the rounding is a percentage: 80 → 158 is 增长97.5%", () => {
    expect(since([80, 158])).toBe("比2010年增长97.5%");
  });

  it("writes ×4 翻了两番, ×8 翻了三番, also within the rounding shown", () => {
    expect(since([25, 50, 100])).toBe("比2010年翻了两番");
    expect(sinceWording(money([10000, 39996]), { unit: "元" })).toBe("比2010年翻了两番");
    expect(since([10, 80])).toBe("比2010年翻了三番");
    expect(since([1, 16])).toBe("比2010年翻了四番");
    expect(since([1, 1024])).toBe("比2010年翻了十番");
    // beyond 十番 the net increase in 倍
    expect(since([1, 2048])).toBe("比2010年增长2047倍");
    expect(doublings(1000)).toBe(1);
    expect(doublings(3000)).toBe(2);
    expect(doublings(7000)).toBe(3);
    expect(doublings(2000)).toBeUndefined();
    expect(doublings(null)).toBeUndefined();
  });

  it("writes other multiples from ×2 as the net increase in 倍", () => {
    expect(since([100, 250])).toBe("比2010年增长1.5倍");
    expect(since([100, 300])).toBe("比2010年增长2倍");
    expect(since([100, 204])).toBe("比2010年增长1.0倍");
  });

  it("never writes 倍 for a decrease", () => {
    expect(since([250, 100])).toBe("比2010年下降60.0%");
    expect(since([800, 100])).toBe("比2010年下降87.5%");
    expect(since([100, 1])).toBe("比2010年下降99.0%");
    expect(multipleWording(yoyChange(25, 100, "count")!)).toBe("下降75.0%");
  });

  it("from a zero first year writes the amount only, in the figure's unit", () => {
    expect(since([0, 3, 7, 12])).toBe("比2010年增加12人");
    expect(since([0, 3, 7, 12], "件")).toBe("比2010年增加12件");
    expect(sinceWording(money([0, 32500]), { unit: "元" })).toBe("比2010年增加325元");
    expect(sinceWording(money([0, 3250000]), { unit: "元", moneyUnit: "万元" })).toBe(
      "比2010年增加3.25万元"
    );
    expect(
      sinceWording(money([0, 7356000]), { unit: "元", style: "approximate" }) // 73560元
    ).toBe("比2010年增加7万多元");
    expect(counts([0, 3, 7, 12]).fromFirst?.pctTenths).toBeNull();
  });

  it("writes money from fen as the 同比 clause does (元 with its fen, or 万元)", () => {
    expect(sinceWording(money([20388000, 18642050]), { unit: "元", amount: true })).toBe(
      "比2010年减少17459.5元，下降8.6%"
    );
    expect(
      sinceWording(money([20388000, 18642050]), { unit: "元", moneyUnit: "万元", amount: true })
    ).toBe("比2010年减少1.75万元，下降8.6%");
  });

  it("writes the amount when the change is too small to show at 0.1%", () => {
    expect(since([10000, 10004])).toBe("比2010年增加4人");
  });

  it("with a negative value: no average; a negative first year has no rate", () => {
    const up = money([-5000, 3000]);
    expect(up.average).toBeUndefined();
    expect(sinceWording(up, { unit: "元" })).toBe("比2010年增加80元");
    const down = money([10000, -5000]);
    expect(down.average).toBeUndefined();
    // as the 同比 clause: a percentage from a positive base, never 倍 for a decrease
    expect(sinceWording(down, { unit: "元" })).toBe("比2010年下降150.0%");
  });

  it("of a rate in percentage points", () => {
    expect(sinceWording(series(yearPoints(2010, [973, 980, 985]), "rate"), { unit: "%" })).toBe(
      "比2010年提高1.2个百分点"
    );
    expect(sinceWording(series(yearPoints(2010, [1000, 985]), "rate"), { unit: "%" })).toBe(
      "比2010年降低1.5个百分点"
    );
  });

  it("tags each number it writes (for the draft to place it)", () => {
    const tag = (text: string, part: string) => `[${part}:${text}]`;
    expect(sinceWording(counts([80, 160]), { unit: "人", tag, amount: true })).toBe(
      "比2010年增加[change:80人]，翻了[percent:一番]"
    );
    expect(seriesWording(counts([100, 110, 121]), { unit: "人", tag })).toBe(
      "比2010年增长[percent:21.0%]，年均增长[percent:10.0%]，连续2年增长"
    );
  });

  it("a span of one year: the 同比 rate, no run", () => {
    expect(seriesWording(counts([43, 49]), { unit: "人" })).toBe(
      "比2010年增长14.0%，年均增长14.0%"
    );
  });

  it("says it all in one clause", () => {
    expect(seriesWording(counts([150, 160, 190, 218]), { unit: "人" })).toBe(
      "比2010年增长45.3%，年均增长13.3%，连续3年增长"
    );
    expect(seriesWording(counts([100, 90, 81]), { unit: "人" })).toBe(
      "比2010年下降19.0%，年均下降10.0%，连续2年下降"
    );
  });
});

describe("checks over years", () => {
  const TRAINED = { label: "累计培训人数", unit: "人", cumulative: true };

  it("a cumulative figure that decreases: an error naming both years and values", () => {
    const issues = cumulativeDecreases(counts([120, 131, 128, 140], 2011), TRAINED);
    expect(issues).toEqual([
      {
        code: "series-decrease",
        severity: "error",
        year: 2013,
        params: {
          label: "累计培训人数",
          previousYear: 2012,
          previous: "131人",
          value: "128人",
          change: "3人",
        },
      },
    ]);
    expect(seriesIssueMessage(issues[0]!)).toBe(
      "“累计培训人数”是只增不减的累计数，2013年为128人，比2012年的131人减少3人。请核实这两年的数。"
    );
    // only when declared cumulative, and 持平 is no decrease
    expect(checkSeries(counts([120, 131, 128]), PEOPLE)).toEqual([]);
    expect(checkSeries(counts([120, 120, 130]), TRAINED)).toEqual([]);
  });

  it("finds a decrease between two known years beside a gap", () => {
    const s = counts([120, undefined, 131, 128]);
    expect(checkSeries(s, TRAINED).map((i) => [i.code, i.year])).toEqual([
      ["series-year-blank", 2011],
      ["series-decrease", 2013],
    ]);
  });

  it("a step more than 3 times the median of the other steps: a warning with 4 years or more", () => {
    // other steps 10 and 8: median 9; 28 > 27
    const issues = seriesJumps(counts([100, 110, 118, 90]), PEOPLE);
    expect(issues.map((i) => [i.code, i.severity, i.year])).toEqual([
      ["series-jump", "warning", 2013],
    ]);
    expect(seriesIssueMessage(issues[0]!)).toBe(
      "“年末党员数”2013年为90人，2012年为118人，减少28人，超过其他年份变动中位数9人的3倍，变动较大。请核实，并在备注中说明原因。"
    );
    // exactly 3 times is no warning
    expect(seriesJumps(counts([100, 110, 118, 91]), PEOPLE)).toEqual([]);
    // 3 years are not enough
    expect(seriesJumps(counts([100, 110, 200]), PEOPLE)).toEqual([]);
    // a first step out of scale
    expect(seriesJumps(counts([10, 100, 105, 110]), PEOPLE).map((i) => i.year)).toEqual([2011]);
  });

  it("takes the median of an even number of other steps (the mean of the middle two)", () => {
    // steps 10, 20, 30, 40, 151: for the last, the others' median is 25 and 151 > 75
    const s = counts([0, 10, 30, 60, 100, 251]);
    expect(seriesJumps(s, PEOPLE).map((i) => [i.year, i.params])).toEqual([
      [
        2015,
        expect.objectContaining({ median: "25人", change: "151人", direction: "增加", factor: 3 }),
      ],
    ]);
    // half a fen is rounded half up in the message
    // steps 1, 1, 2, 2 fen beside 94: their median 1.5 fen is written 0.02元
    const fen = seriesJumps(money([0, 1, 2, 4, 6, 100]), { label: "金额", unit: "元" });
    expect(fen.map((i) => i.params)).toEqual([expect.objectContaining({ median: "0.02元" })]);
  });

  it("no warning when the other steps do not change, or over a gap; another factor on request", () => {
    expect(seriesJumps(counts([100, 100, 100, 500]), PEOPLE)).toEqual([]);
    expect(seriesJumps(counts([100, 110, undefined, 118, 190]), PEOPLE)).toEqual([]);
    expect(seriesJumps(counts([100, 110, 118, 140]), PEOPLE, 2).map((i) => i.year)).toEqual([2013]);
    expect(seriesJumps(counts([100, 110, 118, 140]), PEOPLE)).toEqual([]);
    expect(() => seriesJumps(counts([1, 2, 3, 4]), PEOPLE, 0)).toThrow(RangeError);
  });

  it("a rate's jump in percentage points", () => {
    const s = series(yearPoints(2010, [900, 910, 918, 990]), "rate");
    const [jump] = seriesJumps(s, { label: "办结率", unit: "%" });
    expect(jump && seriesIssueMessage(jump)).toBe(
      "“办结率”2013年为99%，2012年为91.8%，提高7.2个百分点，超过其他年份变动中位数0.9个百分点的3倍，变动较大。请核实，并在备注中说明原因。"
    );
  });

  it("a gap: which year, and why", () => {
    const s = series(
      [
        { year: 2010, value: 5 },
        { year: 2012, value: undefined },
        { year: 2013, value: 700 },
        { year: 2013, value: 750 },
      ],
      "money"
    );
    const issues = seriesGaps(s, { label: "慰问金金额", unit: "元" });
    expect(issues.map((i) => [i.code, i.severity, i.year])).toEqual([
      ["series-year-missing", "warning", 2011],
      ["series-year-blank", "warning", 2012],
      ["series-year-twice", "warning", 2013],
    ]);
    expect(issues.map(seriesIssueMessage)).toEqual([
      "“慰问金金额”缺少2011年的数，无法计算历年变化。请补上2011年的数。",
      "“慰问金金额”2012年的数为空白或无法读取，无法计算历年变化。请填写2012年的数。",
      "“慰问金金额”2013年有两个不同的数（7元、7.5元），无法计算历年变化。请只保留正确的一个。",
    ]);
  });

  it("messages: two sentences, every placeholder filled, no space beside a number, no 须", () => {
    for (const [code, text] of Object.entries(SERIES_MESSAGES)) {
      expect(text, code).toMatch(/^[^。]+。[^。]+。$/);
      expect(text, code).not.toMatch(/须|[\u3400-\u9fff] +[\d{]|[\d}] +[\u3400-\u9fff]/);
    }
    const all = [
      ...checkSeries(counts([120, 131, 128, 200]), { ...TRAINED }),
      ...checkSeries(counts([1, undefined, 3]), PEOPLE),
    ];
    expect(new Set(all.map((i) => i.code)).size).toBe(3);
    for (const i of all) expect(seriesIssueMessage(i)).not.toMatch(/\{|\}|undefined|NaN/);
  });
});

describe("docs/wording.md, Series over years", () => {
  const page = readFileSync(join(__dirname, "../../docs/wording.md"), "utf8");
  const section = page.slice(
    page.indexOf("## Series over years"),
    page.indexOf("### Checks over years")
  );
  /** The rows of the section's table: `2010–2013: 150, 160 人` and its wording. */
  const rows = [...section.matchAll(/^\| (\d{4})–\d{4}: ([^|]+?) \| ([^|]+?) \|$/gm)].map((m) => {
    const tokens = (m[2] ?? "").split(/,? /);
    const values: (number | undefined)[] = [];
    while (/^(\d+|blank)$/.test(tokens[0] ?? "")) {
      const t = tokens.shift() ?? "";
      values.push(t === "blank" ? undefined : Number(t));
    }
    const unit = tokens[0] ?? "";
    const kind = unit === "fen" ? "money" : unit === "tenths" ? "rate" : "count";
    const wording = /^`(.*)`$/.exec(m[3] ?? "")?.[1] ?? "";
    return { first: Number(m[1]), values, kind, unit, wording } as const;
  });

  it("shows what the code writes", () => {
    // every row of the table is read
    expect(rows.length).toBe(section.match(/^\| \d{4}–/gm)?.length);
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const r of rows) {
      const s = series(yearPoints(r.first, r.values), r.kind);
      expect(seriesWording(s, { unit: r.unit }), r.values.join(", ")).toBe(r.wording);
    }
  });

  it("shows every series message as the code writes it", () => {
    const checks = page.slice(page.indexOf("### Checks over years"));
    const shown = [...checks.matchAll(/^\| `(series-[a-z-]+)` \| (\w+) \|.*\| `([^`]+)` \|$/gm)];
    expect(shown.map((m) => m[1]).sort()).toEqual(Object.keys(SERIES_MESSAGES).sort());
    const written = [
      ...checkSeries(counts([120, 131, 128], 2011), {
        label: "累计培训人数",
        unit: "人",
        cumulative: true,
      }),
      ...seriesJumps(counts([100, 110, 118, 90]), PEOPLE),
      ...seriesGaps(
        series(
          [
            { year: 2010, value: 5 },
            { year: 2012, value: undefined },
            { year: 2013, value: 700 },
            { year: 2013, value: 750 },
          ],
          "money"
        ),
        { label: "慰问金金额", unit: "元" }
      ),
      // the validator's own, once for a table the workbook lacks (validate/over-years.ts)
      {
        code: "series-table-missing",
        severity: "warning",
        year: 2009,
        params: { table: "表1（党员发展情况）", years: "2009–2011年" },
      } as const,
    ];
    for (const m of shown) {
      const issue = written.find((i) => i.code === m[1]);
      expect(issue && [issue.severity, seriesIssueMessage(issue)], m[1]).toEqual([m[2], m[3]]);
    }
  });
});
