import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  approximateWhole,
  changeWording,
  compareTables,
  comparisonText,
  figureLabel,
  formatCount,
  formatMoney,
  formatRate,
  formatScaled,
  naturalValue,
  roundHalfUp,
  yearLabel,
  yearNote,
  yoyChange,
  type MoneyUnit,
} from "../../src/core/compare";
import type { FigureKind } from "../../src/core/figures";
import { T1_2012, T1_2013, figure, t1, t3, t4, table } from "./figures-fixtures";

type Case = [
  current: number,
  previous: number,
  kind: FigureKind,
  unit: string,
  expected: string,
  moneyUnit?: MoneyUnit,
];

// money values are in fen, rates in tenths of a percent
const WORDING: Case[] = [
  // up / down / equal
  [49, 43, "count", "人", "比上年增加6人，增长14.0%"],
  [120, 147, "count", "件", "比上年减少27件，下降18.4%"],
  [8, 8, "count", "件", "与上年持平"],
  [0, 0, "count", "件", "与上年持平"],
  [57, 50, "count", "名", "比上年增加7名，增长14.0%"],
  // zero base and down to zero
  [12, 0, "count", "件", "比上年增加12件（上年为零）"],
  [0, 12, "count", "件", "比上年减少12件，下降100.0%"],
  // 倍 for increases of 100% or more, never for decreases
  [20, 10, "count", "件", "比上年增加10件，增长1倍"],
  [3, 1, "count", "人", "比上年增加2人，增长2倍"],
  [25, 10, "count", "件", "比上年增加15件，增长1.5倍"],
  [33, 10, "count", "件", "比上年增加23件，增长2.3倍"],
  [204, 100, "count", "件", "比上年增加104件，增长1.0倍"],
  [19996, 10000, "count", "件", "比上年增加9996件，增长1.0倍"], // 99.96% rounds to 100.0%
  [19994, 10000, "count", "件", "比上年增加9994件，增长99.9%"],
  [5, 10, "count", "件", "比上年减少5件，下降50.0%"],
  [1, 100, "count", "件", "比上年减少99件，下降99.0%"],
  [10, 25, "count", "件", "比上年减少15件，下降60.0%"],
  // rounding traps (0.05, 0.15, 1.005, 2.675 %), half-up, also for decreases
  [2001, 2000, "count", "人", "比上年增加1人，增长0.1%"],
  [2003, 2000, "count", "人", "比上年增加3人，增长0.2%"],
  [20201, 20000, "count", "人", "比上年增加201人，增长1.0%"],
  [41070, 40000, "count", "人", "比上年增加1070人，增长2.7%"],
  [1999, 2000, "count", "人", "比上年减少1人，下降0.1%"],
  [1997, 2000, "count", "人", "比上年减少3人，下降0.2%"],
  [100001, 100000, "count", "人", "比上年增加1人"], // 0.001% would read 增长0.0%: left out
  // rates in 百分点
  [985, 973, "rate", "%", "比上年提高1.2个百分点"],
  [973, 985, "rate", "%", "比上年降低1.2个百分点"],
  [1000, 1000, "rate", "%", "与上年持平"],
  [1000, 990, "rate", "%", "比上年提高1个百分点"],
  [500, 0, "rate", "%", "比上年提高50个百分点"],
  [0, 1000, "rate", "%", "比上年降低100个百分点"],
  // money in 元 and 万元, across the 万 boundary, with fen
  [3013700_0, 2800000_0, "money", "元", "比上年增加21370元，增长7.6%"],
  [100050, 100000, "money", "元", "比上年增加0.5元，增长0.1%"],
  [61325000, 58075000, "money", "元", "比上年增加3.25万元，增长5.6%", "万元"],
  [1005000, 0, "money", "元", "比上年增加1.01万元（上年为零）", "万元"], // 10050元: 1.005万 → 1.01
  [4275000, 1600000, "money", "元", "比上年增加2.68万元，增长1.7倍", "万元"], // 26750元: 2.675万 → 2.68
  [950000, 1050000, "money", "元", "比上年减少0.10万元，下降9.5%", "万元"], // 9500元 vs 10500元
  [1000030, 1000000, "money", "元", "比上年增加0.3元", "万元"], // 0.00万元 would hide it: 元
  [950000, 1050000, "money", "元", "比上年减少1000元，下降9.5%"],
  [7356000, 7356000, "money", "元", "与上年持平", "万元"],
  [0, 7356000, "money", "元", "比上年减少7.36万元，下降100.0%", "万元"],
];

describe("yoyChange and changeWording (the 同比 wording of docs/wording.md)", () => {
  it("has at least 30 cases", () => expect(WORDING.length).toBeGreaterThanOrEqual(30));
  it.each(WORDING)(
    "%i vs %i (%s %s) → %s",
    (current, previous, kind, unit, expected, moneyUnit) => {
      const change = yoyChange(current, previous, kind);
      expect(change).toBeDefined();
      expect(changeWording(change!, { unit, moneyUnit })).toBe(expected);
    }
  );

  it("gives no comparison without a usable last year", () => {
    expect(yoyChange(5, undefined, "count")).toBeUndefined();
    expect(yoyChange(5, Number.NaN, "count")).toBeUndefined();
    expect(yoyChange(Number.POSITIVE_INFINITY, 3, "count")).toBeUndefined();
    expect(yoyChange(5, 1.5, "count")).toBeUndefined();
  });

  it("reports the signed percentage and the 倍 parts", () => {
    expect(yoyChange(49, 43, "count")).toMatchObject({
      change: 6,
      direction: "up",
      pctTenths: 140,
      timesTenths: null,
    });
    expect(yoyChange(120, 147, "count")).toMatchObject({
      change: -27,
      direction: "down",
      pctTenths: -184,
    });
    expect(yoyChange(25, 10, "count")).toMatchObject({
      pctTenths: 1500,
      timesTenths: 15,
      timesExact: false,
    });
    expect(yoyChange(20, 10, "count")).toMatchObject({ timesTenths: 10, timesExact: true });
    expect(yoyChange(12, 0, "count")).toMatchObject({ pctTenths: null });
    expect(yoyChange(985, 973, "rate")).toMatchObject({
      change: 12,
      pctTenths: null,
      timesTenths: null,
    });
  });

  it("agrees with decimal.js half-up on random values, and never writes 倍 for a decrease", () => {
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 1, max: 0x7fffffff }), (c, p) => {
        const change = yoyChange(c, p, "count")!;
        const expected = new Decimal(c - p)
          .times(100)
          .dividedBy(p)
          .toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
        expect(change.pctTenths! / 10).toBe(expected.toNumber() + 0); // + 0: −0 is 0 here
        const text = changeWording(change, { unit: "件" });
        if (c < p) expect(text).not.toContain("倍");
        expect(text).not.toMatch(/undefined|NaN|-/);
      })
    );
  });
});

describe("number formatting", () => {
  it("rounds half away from zero exactly", () => {
    expect(roundHalfUp(BigInt(1005), BigInt(10))).toBe(BigInt(101));
    expect(roundHalfUp(BigInt(-15), BigInt(10))).toBe(BigInt(-2));
    expect(roundHalfUp(BigInt(14), BigInt(10))).toBe(BigInt(1));
    expect(() => roundHalfUp(BigInt(1), BigInt(0))).toThrow();
  });
  it("writes scaled integers", () => {
    expect(formatScaled(BigInt(140), 1)).toBe("14.0");
    expect(formatScaled(BigInt(-5), 2)).toBe("-0.05");
    expect(formatScaled(BigInt(1000), 1, true)).toBe("100");
    expect(formatScaled(BigInt(7), 0)).toBe("7");
  });
  it.each([
    [62, "62"],
    [99, "99"],
    [100, "100"],
    [264, "260多"],
    [736, "730多"],
    [999, "990多"],
    [1000, "1000"],
    [3509, "3500多"],
    [9236, "9200多"],
    [9200, "9200"],
    [9999, "9900多"],
    [10000, "1万"],
    [10591, "1万多"], // whole 万 from 1万 (never 1.0万多)
    [10999, "1万多"],
    [11000, "1万多"],
    [19999, "1万多"],
    [72400, "7万多"], // as the reference report writes 慰问金7万多元
    [73000, "7万多"],
    [70000, "7万"],
    [301370, "30万多"],
    [1234567, "120万多"],
    [12345678, "1200万多"],
    [99999999, "9900万多"],
    [100000000, "1亿"],
    [123450000, "1亿多"], // never 12345万多
    [1234567890, "12亿多"],
  ])("approximates %i as %s (floor, never more)", (value, expected) => {
    expect(approximateWhole(BigInt(value))).toBe(expected);
  });
  it("never overstates: the approximation is at most the figure, 多 exactly when something was cut", () => {
    fc.assert(
      fc.property(fc.nat({ max: 2_000_000_000 }), (v) => {
        const text = approximateWhole(BigInt(v));
        const m = /^(\d+)(万|亿)?(多)?$/.exec(text);
        expect(m).not.toBeNull();
        const unit = m![2] === "亿" ? 100000000 : m![2] === "万" ? 10000 : 1;
        const shown = Number(m![1]) * unit;
        expect(shown).toBeLessThanOrEqual(v);
        expect(m![3] === "多").toBe(shown < v);
        // below 1万 two significant figures; from 1万 whole 万 (亿), at most two significant
        // figures of them: what is cut off is less than one unit of the last figure written
        const whole = Math.floor(v / unit);
        const step =
          unit === 1
            ? v < 100
              ? 1
              : 10 ** (String(v).length - 2)
            : unit * (whole < 100 ? 1 : 10 ** (String(whole).length - 2));
        expect(v - shown).toBeLessThan(step);
        // 万 from 1万, 亿 from 1亿
        expect(m![2]).toBe(v >= 100000000 ? "亿" : v >= 10000 ? "万" : undefined);
      })
    );
  });

  it("marks a cut-off fraction with 多", () => {
    expect(approximateWhole(BigInt(56), true)).toBe("56多");
    expect(formatMoney(7000050, "元", "approximate")).toBe("7万多元");
    expect(formatMoney(123450000000, "元", "approximate")).toBe("12亿多元");
    expect(formatMoney(7000000, "元", "approximate")).toBe("7万元");
  });
  it("formats counts, money and rates", () => {
    expect(formatCount(9236, "个")).toBe("9236个");
    expect(formatCount(9236, "个", "approximate")).toBe("9200多个");
    expect(formatMoney(30137000)).toBe("301370元");
    expect(formatMoney(30137050)).toBe("301370.5元"); // no trailing zero of fen
    expect(formatMoney(30137005)).toBe("301370.05元");
    expect(formatMoney(30137000, "万元")).toBe("30.14万元");
    expect(formatMoney(7240000, "元", "approximate")).toBe("7万多元");
    expect(formatMoney(7356000, "万元")).toBe("7.36万元");
    expect(formatMoney(1005000, "万元")).toBe("1.01万元"); // 1.005 trap
    expect(formatMoney(2675000, "万元")).toBe("2.68万元"); // 2.675 trap
    expect(formatMoney(0, "万元")).toBe("0.00万元");
    expect(formatMoney(4000, "万元")).toBe("40元");
    expect(formatRate(985)).toBe("98.5%");
    expect(formatRate(1000)).toBe("100%");
    expect(formatRate(0)).toBe("0%");
  });
});

describe("year-named form", () => {
  it("names last year with its value", () => {
    expect(yearNote(51, "count", { unit: "件", yearLabel: "2012年" })).toBe("（2012年51件）");
    expect(yearNote(0, "count", { unit: "件", yearLabel: "2012年" })).toBe("（2012年为零）");
    expect(
      yearNote(28000000, "money", { unit: "元", yearLabel: "2012年", moneyUnit: "万元" })
    ).toBe("（2012年28.00万元）");
    expect(yearNote(973, "rate", { unit: "%", yearLabel: "上年" })).toBe("（上年97.3%）");
    expect(yearNote(9012, "count", { unit: "个", yearLabel: "2012年", style: "approximate" })).toBe(
      "（2012年9000多个）"
    );
    expect(yearNote(Number.NaN, "count", { unit: "件", yearLabel: "2012年" })).toBe("");
  });
  it("labels the year", () => {
    expect(yearLabel(2012)).toBe("2012年");
    expect(yearLabel(undefined)).toBe("上年");
  });
});

describe("compareTables", () => {
  it("pairs figures by id, in natural units, with the wording", () => {
    const result = compareTables([t1(2013, T1_2013)], [t1(2012, T1_2012)]);
    const developed = result.find((c) => c.id === "T1/发展预备党员");
    expect(developed).toEqual({
      id: "T1/发展预备党员",
      tableId: "T1",
      sheet: "表1 2013",
      indicator: "发展预备党员",
      label: "发展预备党员",
      kind: "count",
      unit: "人",
      current: 49,
      previous: 43,
      change: 6,
      pct: 14,
      text: "比上年增加6人，增长14.0%",
      unverified: false,
    });
    expect(result.find((c) => c.id === "T1/转正预备党员")).toMatchObject({
      change: 0,
      pct: 0,
      text: "与上年持平",
    });
    expect(result.map((c) => c.id)).toEqual(Object.keys(T1_2013).map((h) => `T1/${h}`));
  });

  it("converts money to 元 and rates to percent, rates without pct", () => {
    const now = [
      t3(2013, [{ 经费类别: "三公经费", 金额: "128000.5" }]),
      t4(2013, [{ 渠道: "来电", 计量单位: "个", 受理数: 200, 办结数: 197 }]),
    ];
    const before = [
      t4(2012, [{ 渠道: "来电", 计量单位: "个", 受理数: 160, 办结数: 154 }]),
      t3(2012, [{ 经费类别: "三公经费", 金额: "135000" }]),
    ];
    expect(compareTables(now, before).map((c) => c.id)).toEqual([
      "T3/金额（元）/三公经费",
      "T4/受理数/来电",
      "T4/办结率/来电",
    ]);
    const result = compareTables(now, before, { scope: "all" });
    expect(result.map((c) => c.id)).toEqual([
      "T3/金额（元）/三公经费",
      "T3/金额（元）",
      "T4/受理数/来电",
      "T4/办结数/来电",
      "T4/办结率/来电",
    ]);
    expect(result.find((c) => c.id === "T3/金额（元）/三公经费")).toMatchObject({
      group: "三公经费",
      label: "三公经费金额",
      current: 128000.5,
      previous: 135000,
      change: -6999.5,
      pct: -5.2,
      text: "比上年减少6999.5元，下降5.2%",
    });
    expect(result.find((c) => c.id === "T4/办结率/来电")).toMatchObject({
      kind: "rate",
      current: 98.5,
      previous: 96.3,
      change: 2.2,
      pct: null,
      text: "比上年提高2.2个百分点",
    });
    expect(result.find((c) => c.id === "T4/受理数/来电")).toMatchObject({
      pct: 25,
      text: "比上年增加40个，增长25.0%",
    });
  });

  it("words money changes in 万元 when asked", () => {
    const result = compareTables(
      [t3(2013, [{ 经费类别: "慰问金", 金额: "73560" }])],
      [t3(2012, [{ 经费类别: "慰问金", 金额: "41060" }])],
      { moneyUnit: "万元" }
    );
    expect(result[0]?.text).toBe("比上年增加3.25万元，增长79.2%");
  });

  it("rewords a comparison made in 元 exactly as if it had been made in 万元 (the pane's switch)", () => {
    const fen = fc.integer({ min: 0, max: 9_000_000_000_000 });
    fc.assert(
      fc.property(fen, fen, fc.boolean(), (now, before, rate) => {
        const unit = rate ? "%" : "元";
        const value = rate ? now % 1001 : now;
        const old = rate ? before % 1001 : before;
        const make = (moneyUnit: MoneyUnit) =>
          compareTables(
            [table("T3", 2013, [figure("T3", "金额（元）", value, unit, { headline: true })])],
            [table("T3", 2012, [figure("T3", "金额（元）", old, unit, { headline: true })])],
            { moneyUnit }
          )[0]!;
        expect(comparisonText(make("元"), "万元")).toBe(make("万元").text);
        expect(comparisonText(make("元"), "元")).toBe(make("元").text);
      })
    );
    const unverified = {
      ...compareTables(
        [t3(2013, [{ 经费类别: "慰问金", 金额: "73560" }])],
        [t3(2012, [{ 经费类别: "慰问金", 金额: "41060" }])]
      )[0]!,
      unverified: true,
    };
    expect(comparisonText(unverified, "万元")).toBe("比上年增加3.25万元，增长79.2%【待核】");
  });

  it("leaves out figures missing in a year, of another kind or unit, or not exact", () => {
    const now = table("T4", 2013, [
      figure("T4", "受理数", 10, "件", { group: "来信" }),
      figure("T4", "受理数", 10, "件", { group: "举报" }),
      figure("T4", "受理数", 10, "件", { group: "来访" }),
      figure("T4", "受理数", Number.NaN, "件", { group: "其他" }),
      figure("T4", "受理数", 3, "件", { group: "来电" }),
    ]);
    const before = table("T4", 2012, [
      figure("T4", "受理数", 8, "条", { group: "来信" }),
      figure("T4", "受理数", 8, "件", { group: "举报", kind: "money" }),
      figure("T4", "受理数", 8, "件", { group: "其他" }),
      figure("T4", "受理数", 0, "件", { group: "来电" }),
    ]);
    const result = compareTables([now], [before]);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      id: "T4/受理数/来电",
      pct: null,
      text: "比上年增加3件（上年为零）",
    });
    expect(compareTables([now], [])).toEqual([]);
    expect(compareTables([], [before])).toEqual([]);
  });

  it("labels and converts", () => {
    expect(figureLabel({ indicator: "受理数", group: "来电" })).toBe("来电受理数");
    expect(figureLabel({ indicator: "金额（元）", group: "慰问金" })).toBe("慰问金金额");
    expect(figureLabel({ indicator: "发展预备党员" })).toBe("发展预备党员");
    expect(naturalValue(30137050, "money")).toBe(301370.5);
    expect(naturalValue(985, "rate")).toBe(98.5);
    expect(naturalValue(49, "count")).toBe(49);
  });
});
