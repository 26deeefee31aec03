/**
 * Series phrases in the drafted report (docs/definitions.md, 历年变化): the series placeholders of
 * the report sentences — `{连续:…}`, `{年均:…}`, `{比首年:…}`, `{比2010年:…}` — through the draft,
 * on tables made by hand: runs and what breaks them, gaps, a zero first year, doublings, decreases,
 * unverified years, a bureau's own sentences and the definitions check.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { reportFrom } from "../../src/core/analyze";
import { validateWorkbook } from "../../src/core/validate";
import { figureSeries } from "../../src/core/compare";
import type { TextFigure } from "../../src/core/render";
import { sourceRows } from "../../src/core/render/sources";
import { loadDefinitions } from "../../src/core/definitions";
import {
  DEFAULT_PHRASES,
  draftReport,
  phrasesOf,
  type Draft,
  type DraftOptions,
  type SheetPhrases,
} from "../../src/core/draft";
import type { Figure, FigureSource, TableData } from "../../src/core/figures";
import { definitionsSheetGrid, readDefinitionsSheet } from "../../src/core/definitions/sheet";
import { FIVE, T5, fiveGridWith } from "./bureau-fixtures";
import { checkProvenance } from "./provenance-check";
import { fiveYears } from "./series-workbook";

const YEARS = [2009, 2010, 2011, 2012, 2013];

/** A figure of a table, as the validation makes it (with where it was read from). */
function figure(id: string, value: number, year: number, extra: Partial<Figure> = {}): Figure {
  const [tableId = "", indicator = "", group] = id.split("/");
  return {
    id,
    tableId,
    indicator,
    ...(group === undefined ? {} : { group }),
    kind: "count",
    value,
    unit: "人",
    headline: true,
    origin: {
      sheet: sheetName(tableId, year),
      parts: [{ column: indicator, role: "rows", ranges: ["E4:E30"] }],
    },
    ...extra,
  };
}

const sheetName = (tableId: string, year: number): string => `${tableId} ${year}`;

/** One table per year, with the figures given for the year (`values[i]` is `YEARS[i]`'s). */
function tables(
  tableId: string,
  columns: Readonly<Record<string, readonly (number | undefined)[]>>,
  extra: (id: string, year: number) => Partial<Figure> = () => ({}),
  years: readonly number[] = YEARS
): TableData[] {
  return years.flatMap((year, i) => {
    const figures = Object.entries(columns).flatMap(([id, values]) => {
      const v = values[i];
      return v === undefined ? [] : [figure(id, v, year, extra(id, year))];
    });
    if (figures.length === 0) return [];
    return [{ tableId, title: "", sheet: sheetName(tableId, year), year, records: [], figures }];
  });
}

/** Drafts the last year's tables against the year before, with the series from `since`. */
function draft(all: readonly TableData[], since?: number, phrases?: readonly SheetPhrases[]) {
  const to = Math.max(...all.map((t) => t.year ?? 0));
  const series = since === undefined ? [] : figureSeries(all, since, to, { scope: "all" });
  return draftReport(
    all.filter((t) => t.year === to),
    all.filter((t) => t.year === to - 1),
    phrases ? { phrases } : {},
    series
  );
}

const textOf = (d: Draft, i = 0): string => d.paragraphs[i]?.text ?? "";

/** Only 表1's 发展预备党员, over 2009–2013. */
const developed = (values: readonly (number | undefined)[], extra?: Parameters<typeof tables>[2]) =>
  tables("T1", { "T1/发展预备党员": values }, extra);

/** A clean sentence: no doubled or dangling comma, no comma before 。 or ；. */
function expectClean(text: string): void {
  expect(text).not.toMatch(/，，|，。|，；|^，|；；|undefined|NaN|[{}]/);
}

describe("series phrases of the built-in sentences", () => {
  it("a run of 4 increases and a doubling follow the 同比 clause", () => {
    const d = draft(developed([40, 50, 60, 70, 80]), 2009);
    expect(textOf(d)).toBe(
      "发展预备党员80人，比上年增加10人，增长14.3%，连续4年增长，比2009年翻了一番。"
    );
  });

  it("without a series the sentence is the same as before", () => {
    expect(textOf(draft(developed([40, 50, 60, 70, 80])))).toBe(
      "发展预备党员80人，比上年增加10人，增长14.3%。"
    );
  });

  it("a shorter series: the run needs two steps the same way, the change is from its first year", () => {
    expect(textOf(draft(developed([40, 50, 75, 70, 80]), 2011))).toBe(
      "发展预备党员80人，比上年增加10人，增长14.3%，比2011年增长6.7%。"
    );
    expect(textOf(draft(developed([40, 50, 60, 70, 80]), 2011))).toBe(
      "发展预备党员80人，比上年增加10人，增长14.3%，连续2年增长，比2011年增长33.3%。"
    );
  });

  it.each<[string, number[], string]>([
    ["持平 breaks the run", [40, 50, 60, 80, 80], "与上年持平，比2009年翻了一番"],
    [
      "a 持平 before the last two steps leaves a run of 2",
      [40, 50, 50, 60, 80],
      "比上年增加20人，增长33.3%，连续2年增长，比2009年翻了一番",
    ],
    [
      "a reversal breaks the run",
      [40, 50, 60, 90, 80],
      "比上年减少10人，下降11.1%，比2009年翻了一番",
    ],
    [
      "from a zero first year: the run and the amount, never a rate",
      [0, 3, 7, 10, 12],
      "比上年增加2人，增长20.0%，连续4年增长，比2009年增加12人",
    ],
    [
      "×4 is 翻了两番",
      [20, 30, 40, 60, 80],
      "比上年增加20人，增长33.3%，连续4年增长，比2009年翻了两番",
    ],
    [
      "×2.5 is 增长1.5倍",
      [40, 50, 60, 90, 100],
      "比上年增加10人，增长11.1%，连续4年增长，比2009年增长1.5倍",
    ],
    [
      "a decrease is a percentage, never 倍",
      [200, 150, 120, 100, 80],
      "比上年减少20人，下降20.0%，连续4年下降，比2009年下降60.0%",
    ],
  ])("%s", (_, values, clause) => {
    expect(textOf(draft(developed(values), 2009))).toBe(
      `发展预备党员${values.at(-1)}人，${clause}。`
    );
  });

  it("a gap (a year missing, or blank) writes no series phrase and no stray punctuation", () => {
    const plain = "发展预备党员80人，比上年增加10人，增长14.3%。";
    const missing = developed([40, 50, undefined, 70, 80]);
    expect(textOf(draft(missing, 2009))).toBe(plain);
    const blank = developed([40, 50, 60, 70, 80], (_, year) =>
      year === 2010 ? { value: 50.5 } : {}
    );
    expect(textOf(draft(blank, 2009))).toBe(plain);
    // the first year missing altogether
    expect(textOf(draft(developed([undefined, 50, 60, 70, 80]), 2009))).toBe(plain);
  });

  it("a doubling within the rounding (99.95% shows 100.0%) but not outside it (99.94%)", () => {
    const money = (last: number) =>
      tables("T3", { "T3/金额（元）/募集善款": [8000, 10000, 12000, 14000, last] }, () => ({
        kind: "money",
        unit: "元",
      }));
    const within = textOf(draft(money(15996), 2009));
    expect(within).toBe(
      "募集善款159.96元，比上年增加19.96元，增长14.3%，连续4年增长，比2009年翻了一番。"
    );
    const outside = textOf(draft(money(15995), 2009));
    expect(outside).toContain("，连续4年增长，比2009年增长99.9%。");
  });

  it("the other built-in tables: 培训人数, 募集善款, 来电 get their phrases, and the clause after them its separator", () => {
    const t4 = tables(
      "T4",
      {
        "T4/受理数/来电": [100, 110, 120, 130, 140],
        "T4/受理数/来访": [10, 9, 8, 7, 8],
      },
      () => ({ unit: "个" })
    );
    expect(textOf(draft(t4, 2009))).toBe(
      "接听来电140个，比上年增加10个，增长7.7%，连续4年增长，比2009年增长40.0%；接待来访8个，比上年增加1个，增长14.3%。"
    );
    const t2 = tables(
      "T2",
      { "T2/期数": [5, 5, 5, 5, 6], "T2/培训人数": [50, 60, 70, 80, 90] },
      (id) => ({ unit: id === "T2/期数" ? "期" : "人次" })
    );
    expect(textOf(draft(t2, 2009))).toBe(
      "全年举办各类培训6期，比上年增加1期，增长20.0%，培训90人次，比上年增加10人次，增长12.5%，连续4年增长，比2009年增长80.0%。"
    );
  });

  it("a figure written 0 writes no series phrase either (its clause is left out)", () => {
    const d = draft(
      tables("T1", {
        "T1/培训入党积极分子": [10, 8, 6, 4, 0],
        "T1/发展预备党员": [40, 50, 60, 70, 80],
      }),
      2009
    );
    expect(textOf(d)).toBe(
      "发展预备党员80人，比上年增加10人，增长14.3%，连续4年增长，比2009年翻了一番。"
    );
  });
});

describe("series phrases under the other drafting options", () => {
  const t4 = tables(
    "T4",
    { "T4/受理数/来电": [100, 110, 120, 130, 140], "T4/受理数/来访": [10, 9, 8, 7, 8] },
    () => ({ unit: "个" })
  );
  const withOptions = (options: DraftOptions) =>
    textOf(
      draftReport(
        t4.filter((t) => t.year === 2013),
        t4.filter((t) => t.year === 2012),
        options,
        figureSeries(t4, 2009, 2013, { scope: "all" })
      )
    );

  it("without comparisons the series phrases still follow the figure, and the next clause its separator", () => {
    expect(withOptions({ includeComparison: false })).toBe(
      "接听来电140个，连续4年增长，比2009年增长40.0%；接待来访8个。"
    );
  });

  it("after last year's figure named in brackets", () => {
    expect(withOptions({ nameYear: true })).toBe(
      "接听来电140个（2012年130个），比上年增加10个，增长7.7%，连续4年增长，比2009年增长40.0%；" +
        "接待来访8个（2012年7个），比上年增加1个，增长14.3%。"
    );
  });

  it("approximate numbers: an amount from a zero first year in the figure's style", () => {
    const funds = tables(
      "T3",
      { "T3/金额（元）/募集善款": [0, 2000000, 4000000, 6000000, 7523400] },
      () => ({ kind: "money", unit: "元" })
    );
    const d = draftReport(
      funds.filter((t) => t.year === 2013),
      funds.filter((t) => t.year === 2012),
      { numberStyle: "approximate" },
      figureSeries(funds, 2009, 2013)
    );
    expect(textOf(d)).toBe(
      "募集善款7万多元，比上年增加1万多元，增长25.4%，连续4年增长，比2009年增加7万多元。"
    );
  });
});

describe("unverified years and where a series phrase comes from", () => {
  const source: FigureSource = { sheet: "T1 2009", cell: "E7", rule: "T1-01" };
  const earlyError = () =>
    developed([45, 40, 50, 60, 80], (_, year) => (year === 2009 ? { unverified: [source] } : {}));

  it("a phrase using an unverified year is marked 【待核】 and listed; one that does not is not", () => {
    const d = draft(earlyError(), 2009);
    // the run starts in 2010: it does not use 2009
    expect(textOf(d)).toBe(
      "发展预备党员80人，比上年增加20人，增长33.3%，连续3年增长，比2009年增长77.8%【待核】。"
    );
    expect(d.unverified).toHaveLength(1);
    const [mark] = d.unverified ?? [];
    expect(mark).toMatchObject({
      sheet: "T1 2009",
      cell: "E7",
      text: "比2009年增长77.8%",
      figure: "发展预备党员比2009年",
      sources: [source],
    });
    const entry = d.figures?.[mark?.figures?.[0] ?? -1];
    expect(entry?.text).toBe("比2009年增长77.8%");
    expect(entry?.unverified).toEqual([source]);
  });

  it("a run through an unverified year is marked too", () => {
    const d = draft(
      developed([40, 50, 60, 70, 80], (_, year) => (year === 2011 ? { unverified: [source] } : {})),
      2009
    );
    expect(textOf(d)).toBe(
      "发展预备党员80人，比上年增加10人，增长14.3%，连续4年增长【待核】，比2009年翻了一番。"
    );
    expect(d.unverified?.map((u) => u.text)).toEqual(["连续4年增长"]);
  });

  it("each phrase is a number of the draft with the cells of the years it uses and its arithmetic", () => {
    const d = draft(developed([40, 50, 60, 70, 80]), 2009);
    const series = (d.figures ?? []).filter((f) => f.kind === "series");
    expect(series.map((f) => [f.text, f.label, f.value, f.formula])).toEqual([
      [
        "连续4年增长",
        "发展预备党员连续增长年数",
        4,
        "2009年40 < 2010年50 < 2011年60 < 2012年70 < 2013年80",
      ],
      [
        "比2009年翻了一番",
        "发展预备党员比2009年",
        100,
        "(2013年80 − 2009年40) ÷ 2009年40 = 100.0%",
      ],
    ]);
    expect(series[0]?.cells.map((c) => [c.sheet, c.year, c.ranges])).toEqual(
      [...YEARS].reverse().map((y) => [`T1 ${y}`, y, ["E4:E30"]])
    );
    expect(series[1]?.cells.map((c) => c.year)).toEqual([2013, 2009]);
    // placed where it is written
    for (const f of series) expect(textOf(d).slice(f.from, f.to)).toBe(f.text);
    // the 数据来源 appendix names every year's cells
    const row = sourceRows(d).find((r) => r.number === "比2009年翻了一番");
    expect(row?.source).toBe("“T1 2013”发展预备党员列E4:E30；“T1 2009”发展预备党员列E4:E30");
  });
});

/** 表5 with the given sentences. */
function t5Phrases(sentences: unknown): readonly SheetPhrases[] {
  return phrasesOf(
    loadDefinitions([{ ...T5, report: { heading: "宣传", sentences } }]).map((t) => t.def)
  );
}

const t5 = (talks: readonly (number | undefined)[], items: readonly (number | undefined)[]) =>
  tables("T5", { "T5/宣讲场次": talks, "T5/政务信息条数": items }, (id) => ({
    unit: id === "T5/宣讲场次" ? "场" : "条",
  }));

describe("a bureau's own sentences with series placeholders", () => {
  const phrases = t5Phrases([
    [{ text: "全年开展宣讲活动{+T5/宣讲场次}{年均:T5/宣讲场次}{比2011年:T5/宣讲场次}" }],
    [
      { text: "发布政务信息{T5/政务信息条数}" },
      { text: "近年来{连续:T5/政务信息条数}" },
      { sep: "；", text: "总量{比首年:T5/政务信息条数@件}" },
    ],
  ]);

  it("writes each form where the sentence puts it", () => {
    const d = draft(t5([100, 110, 121, 133, 146], [30, 20, 25, 30, 40]), 2009, phrases);
    expect(textOf(d)).toBe(
      "全年开展宣讲活动146场，比上年增加13场，增长9.8%，年均增长9.9%，比2011年增长20.7%。" +
        "发布政务信息40条，近年来连续3年增长；总量比2009年增长33.3%。"
    );
  });

  it("a phrase in the words that writes nothing leaves its clause out, with its separator", () => {
    const d = draft(t5([100, 110, 121, 133, 146], [30, 35, 25, 30, 30]), 2009, phrases);
    // no run (持平 in 2013): 近年来… is left out; the next clause keeps its own separator
    expect(textOf(d)).toBe(
      "全年开展宣讲活动146场，比上年增加13场，增长9.8%，年均增长9.9%，比2011年增长20.7%。" +
        "发布政务信息30条；总量与2009年持平。"
    );
    expectClean(textOf(d));
  });

  it("with a gap every series phrase writes nothing and the sentences still read well", () => {
    const d = draft(
      t5([100, undefined, 121, 133, 146], [30, 20, undefined, 30, 40]),
      2009,
      phrases
    );
    expect(textOf(d)).toBe("全年开展宣讲活动146场，比上年增加13场，增长9.8%。发布政务信息40条。");
    expectClean(textOf(d));
  });

  it("without since nothing of a series is written", () => {
    const d = draft(t5([100, 110, 121, 133, 146], [30, 20, 25, 30, 40]), undefined, phrases);
    expect(textOf(d)).toBe("全年开展宣讲活动146场，比上年增加13场，增长9.8%。发布政务信息40条。");
  });

  it("a named year outside the series writes nothing", () => {
    const named = t5Phrases([[{ text: "宣讲{T5/宣讲场次}" }, { text: "{比2005年:T5/宣讲场次}" }]]);
    const d = draft(t5([100, 110, 121, 133, 146], [1, 1, 1, 1, 1]), 2009, named);
    expect(textOf(d)).toBe("宣讲146场。");
  });
});

describe("the definitions check on series placeholders", () => {
  const refusal = (text: string): string => {
    try {
      loadDefinitions([{ ...T5, report: { heading: "x", sentences: [[{ text }]] } }], "局.json");
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
    return "accepted";
  };
  const at = (text: string) => `局.json：表5（T5）报告第1句第1个分句的文字（text）“${text}”：`;

  it("accepts every form, with a full-width colon too", () => {
    for (const text of [
      "宣讲{T5/宣讲场次}{连续:T5/宣讲场次}",
      "{年均:T5/宣讲场次}",
      "{比首年:T5/宣讲场次@次}",
      "{比2010年：T5/宣讲场次}",
    ])
      expect(refusal(text), text).toBe("accepted");
  });

  it("refuses an unknown form, a + on a series and a series of no figure, naming the sentence", () => {
    expect(refusal("{连读:T5/宣讲场次}")).toBe(
      `${at("{连读:T5/宣讲场次}")}占位符“{连读:T5/宣讲场次}”中的“连读”不是历年写法，请写连续、年均、比首年或比某年（如比2010年）`
    );
    expect(refusal("{比上年:T5/宣讲场次}")).toContain("中的“比上年”不是历年写法");
    expect(refusal("{+连续:T5/宣讲场次}")).toBe(
      `${at("{+连续:T5/宣讲场次}")}占位符“{+连续:T5/宣讲场次}”是历年写法，不带同比，请去掉“+”`
    );
    expect(refusal("{连续:T5/宣讲次数}")).toBe(
      `${at("{连续:T5/宣讲次数}")}占位符“{连续:T5/宣讲次数}”不是本表的指标`
    );
  });

  it("the 报表定义 sheet refuses them too, naming the cell; the built-ins' go through it as they are", () => {
    const { grid, row } = fiveGridWith("T5", "句子", "1", 3, "{连读:T5/宣讲场次}");
    expect(() => readDefinitionsSheet({ name: "报表定义", values: grid })).toThrow(
      `报表定义第${row}行“内容”（D${row}）：表5（T5）报告第1句第1个分句的文字（text）“{连读:T5/宣讲场次}”：占位符“{连读:T5/宣讲场次}”中的“连读”不是历年写法`
    );
    const sheet = { name: "报表定义", values: definitionsSheetGrid(FIVE) };
    expect(readDefinitionsSheet(sheet).map((t) => t.def)).toEqual(FIVE);
    expect(JSON.stringify(FIVE[0]?.report)).toContain("{连续:T1/发展预备党员}");
  });
});

describe("docs/definitions.md, Series over years: the 表5 example", () => {
  const file = JSON.parse(readFileSync("docs/examples/volunteer-definitions.json", "utf8")) as {
    tables: Array<Record<string, unknown>>;
  };
  const t5 = file.tables.find((t) => t.id === "T5") ?? {};
  const sentences = [
    [
      {
        text: "注册志愿者{+T5/注册志愿者人数}{年均:T5/注册志愿者人数}{比2010年:T5/注册志愿者人数}",
      },
      { sep: "；", text: "近年来{连续:T5/服务活动次数}" },
    ],
  ];
  const phrases = phrasesOf(
    loadDefinitions([{ ...t5, report: { heading: "志愿服务", sentences } }]).map((t) => t.def)
  );
  const volunteers = tables(
    "T5",
    { "T5/注册志愿者人数": [100, 110, 121, 133, 146], "T5/服务活动次数": [50, 48, 52, 60, 70] },
    (id) => ({ unit: id === "T5/服务活动次数" ? "次" : "人" })
  );

  it("reads as the docs say, with and without a series", () => {
    expect(textOf(draft(volunteers, 2009, phrases))).toBe(
      "注册志愿者146人，比上年增加13人，增长9.8%，年均增长9.9%，比2010年增长32.7%；近年来连续3年增长。"
    );
    expect(textOf(draft(volunteers, undefined, phrases))).toBe(
      "注册志愿者146人，比上年增加13人，增长9.8%。"
    );
  });
});

describe("the sample with 2009–2011 sheets: the built-in paragraphs", () => {
  it("without since they are those of the two years, byte for byte", () => {
    const { wb, validation } = fiveYears();
    // the workbook validated as it is: the report year and the one before
    const two = validateWorkbook(wb);
    expect(two.tables.map((t) => t.year)).toEqual([2013, 2013, 2013, 2013, 2012, 2012, 2012, 2012]);
    const today = reportFrom(two).draft;
    const withYears = reportFrom(validation).draft;
    expect(withYears.text).toBe(today.text);
    expect(withYears.figures).toEqual(today.figures);
    expect(today.text).not.toMatch(/连续|比20\d\d年/);
    // a first year with no earlier sheet: gaps, and nothing written either
    expect(reportFrom(two, { since: 2009 }).draft.text).toBe(today.text);
  });

  it("with since every series phrase adds up to its cells, is placed and is covered", () => {
    const { wb, validation } = fiveYears();
    const a = reportFrom(validation, { since: 2009 });
    expect(a.since).toBe(2009);
    expect(checkProvenance(wb, a, DEFAULT_PHRASES)).toEqual([]);
    for (const text of a.draft.paragraphs.map((p) => p.text)) expectClean(text);
    // the analysis lists the headline figures' and rates' series only
    expect(a.series?.every((s) => s.headline || s.kind === "rate")).toBe(true);
    expect(a.draft.paragraphs[0]?.text).toMatch(
      /^全年培训入党积极分子264人，比上年增加16人，增长6\.5%，连续4年增长，比2009年增长10\.5%。发展预备党员49人，比上年增加6人，增长14\.0%，连续4年增长，比2009年增长22\.5%，其中教工党员18人，学生党员31人；/
    );
    expect(a.draft.figures.filter((f) => f.kind === "series").map((f) => f.text)).toEqual([
      "连续4年增长",
      "比2009年增长10.5%",
      "连续4年增长",
      "比2009年增长22.5%",
      "连续4年增长",
      "比2009年增长8.2%",
      "连续4年增长",
      "比2009年增长26.3%",
      "比2009年增长6.0%",
    ]);
    expect(a.draft.unverified).toEqual([]);
    // the check itself: a wrong growth, or a run short of a year's cells, is found
    const tampered = (change: (f: TextFigure) => TextFigure) => {
      const figures = a.draft.figures.map((f) => (f.kind === "series" ? change(f) : f));
      return checkProvenance(wb, { ...a, draft: { ...a.draft, figures } }, DEFAULT_PHRASES);
    };
    expect(
      tampered((f) => (f.text === "比2009年增长22.5%" ? { ...f, value: 25 } : f)).join()
    ).toContain("比2009年增长22.5% (发展预备党员比2009年, series): 25 but the cells give 22.5");
    const short = tampered((f) =>
      f.label === "发展预备党员连续增长年数"
        ? { ...f, cells: f.cells.filter((c) => c.year !== 2011) }
        : f
    );
    expect(short.join()).toContain("4 steps over the years 2009、2010、2012、2013");
  });

  it("an error in an earlier year's sheet marks the phrases that use that year", () => {
    const { wb, validation } = fiveYears(false);
    const a = reportFrom(validation, { since: 2009 });
    expect(checkProvenance(wb, a, DEFAULT_PHRASES)).toEqual([]);
    expect(a.draft.paragraphs[0]?.text).toContain(
      "全年培训入党积极分子264人，比上年增加16人，增长6.5%，连续4年增长【待核】，比2009年增长10.5%【待核】。"
    );
    expect(a.draft.unverified.map((u) => [u.text, u.sheet, u.cell])).toEqual([
      // the latest year's error first
      ["连续4年增长", "表2 培训 2011", "D5"],
      ["比2009年增长10.5%", "表2 培训 2009", "D5"],
    ]);
    // 2012 agrees with 2013: the 同比 clause is not marked
    expect(a.draft.paragraphs[0]?.text).not.toContain("增长6.5%【待核】");
  });
});
