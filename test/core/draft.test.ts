import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_PHRASES,
  chineseNumeral,
  draftReport,
  hasUnfilled,
  parsePhrase,
  type DraftOptions,
  type SheetPhrases,
} from "../../src/core/draft";
import type { Figure, TableData } from "../../src/core/figures";
import {
  T1_2013,
  T2_2012,
  T2_2013,
  T3_2013,
  T4_2013,
  figure,
  sample2013,
  t1,
  t2,
  t3,
  t4,
  table,
  type Channel,
} from "./figures-fixtures";

const text = (tables: TableData[], previous?: TableData[], options: DraftOptions = {}) =>
  draftReport(tables, previous, options).paragraphs.map((p) => p.text);

const one = (tables: TableData[], previous?: TableData[], options: DraftOptions = {}) => {
  const paragraphs = text(tables, previous, options);
  expect(paragraphs).toHaveLength(1);
  return paragraphs[0];
};

/**
 * The reference report's 表1 sentence (《2014 年昆山市教育局党建工作会议工作报告》), character for
 * character.
 */
const REFERENCE_T1 =
  "全年培训入党积极分子264人。发展预备党员49人，其中教工党员18人，学生党员31人；转正预备党员35人。对112名入党不满3年的新党员进行教育培训。评选优秀共产党员57名。";

describe("the reference report's sentences from its 2013 figures", () => {
  it("表1, exact style: character for character", () => {
    expect(one([t1(2013, T1_2013)])).toBe(REFERENCE_T1);
  });

  it("表1 with last year's 43 发展预备党员", () => {
    expect(one([t1(2013, T1_2013)], [t1(2012, { 发展预备党员: 43 })])).toBe(
      "全年培训入党积极分子264人。发展预备党员49人，比上年增加6人，增长14.0%，其中教工党员18人，学生党员31人；转正预备党员35人。对112名入党不满3年的新党员进行教育培训。评选优秀共产党员57名。"
    );
  });

  it("表2: totals, then the programmes by 培训项目 grouped by 培训类别", () => {
    const paragraph = one([t2(2013, T2_2013)], undefined, {
      figureStyles: {
        "T2/培训人数/党员干部轮训": "approximate",
        "T2/培训人数/校长培训": "approximate",
      },
    });
    expect(paragraph).toBe(
      "全年举办各类培训26期，培训4525人次。其中，组织党员干部集中轮训900多名；举办入党积极分子培训班，培训264人；举办新党员培训班，培训新党员112人；举办校长任职资格培训班2期，培训校长320多名；举办后备干部培训班1期，培训69人；面向社会举办普通话培训班19期，培训学员2848人。"
    );
    expect(paragraph).toContain(
      "其中，组织党员干部集中轮训900多名；举办入党积极分子培训班，培训264人；"
    );
    expect(paragraph).toMatch(/；面向社会举办普通话培训班19期，培训学员2848人。$/);
  });

  it("表3: exact 善款, approximate 慰问金 (a per-figure style)", () => {
    expect(
      one([t3(2013, T3_2013)], undefined, {
        figureStyles: { "T3/金额（元）/慰问金": "approximate" },
      })
    ).toBe("募集善款301370元。走访慰问困难教职工62人，发放慰问金7万多元。");
  });

  it("表4: the reference report's sentence, rates merged as 均达100%", () => {
    const paragraph = one([t4(2013, T4_2013)], undefined, {
      figureStyles: { "T4/受理数/来电": "approximate", "T4/受理数/来访": "approximate" },
    });
    expect(paragraph).toBe(
      "接听来电9200多个，接待来访730多人次，办理网上咨询3509件。办理人大代表建议8件、政协委员提案15件，办结率、满意率均达100%。行政服务中心办件10591件，办结率100%。"
    );
  });

  it("all four paragraphs in 表1…表4 order whatever the input order", () => {
    const tables = sample2013().reverse();
    const paragraphs = draftReport(tables, undefined, {}).paragraphs;
    expect(paragraphs.map((p) => p.tableId)).toEqual(["T1", "T2", "T3", "T4"]);
    expect(paragraphs[0]?.text).toBe(REFERENCE_T1);
    expect(paragraphs.map((p) => p.sheet)).toEqual([
      "表1 2013",
      "表2 2013",
      "表3 2013",
      "表4 2013",
    ]);
  });
});

describe("number styles", () => {
  it("approximate: floor then 多, never more than the figure", () => {
    const [p1, p2, p3, p4] = text(sample2013(), undefined, { numberStyle: "approximate" });
    expect(p1).toBe(
      "全年培训入党积极分子260多人。发展预备党员49人，其中教工党员18人，学生党员31人；转正预备党员35人。对110多名入党不满3年的新党员进行教育培训。评选优秀共产党员57名。"
    );
    expect(p2).toContain("全年举办各类培训26期，培训4500多人次。");
    expect(p3).toBe("募集善款30万多元。走访慰问困难教职工62人，发放慰问金7万多元。");
    expect(p4).toContain("接听来电9200多个，接待来访730多人次，办理网上咨询3500多件。");
    expect(p4).toContain("行政服务中心办件1万多件");
  });

  it("a per-figure style overrides the general one", () => {
    expect(
      one([t3(2013, T3_2013)], undefined, {
        numberStyle: "approximate",
        figureStyles: { "T3/金额（元）/募集善款": "exact" },
      })
    ).toBe("募集善款301370元。走访慰问困难教职工62人，发放慰问金7万多元。");
  });

  it("money in 万元 with 2 decimals, changes too", () => {
    const now = t3(2013, [...T3_2013, { 经费类别: "三公经费", 金额: "128000.5" }]);
    const before = t3(2012, [{ 经费类别: "三公经费", 金额: "160500" }]);
    expect(one([now], [before], { moneyUnit: "万元" })).toBe(
      "募集善款30.14万元。走访慰问困难教职工62人，发放慰问金7.36万元。三公经费支出12.80万元，比上年减少3.25万元，下降20.2%。"
    );
  });

  it("money with fen in 元", () => {
    const now = t3(2013, [{ 经费类别: "三公经费", 金额: "128000.5" }]);
    const before = t3(2012, [{ 经费类别: "三公经费", 金额: "135000" }]);
    expect(one([now], [before])).toBe("三公经费支出128000.5元，比上年减少6999.5元，下降5.2%。");
  });
});

describe("comparison clauses and the year-named form", () => {
  const previous = [t1(2012, { 培训入党积极分子: 264, 发展预备党员: 98, 转正预备党员: 0 })];
  const current = [t1(2013, { 培训入党积极分子: 264, 发展预备党员: 49, 转正预备党员: 35 })];

  it("adds the change after the figure's clause", () => {
    expect(one(current, previous)).toBe(
      "全年培训入党积极分子264人，与上年持平。发展预备党员49人，比上年减少49人，下降50.0%；转正预备党员35人，比上年增加35人（上年为零）。"
    );
  });

  it("leaves comparisons out when asked", () => {
    expect(one(current, previous, { includeComparison: false })).toBe(
      "全年培训入党积极分子264人。发展预备党员49人；转正预备党员35人。"
    );
  });

  it("names last year: （2012年98人）, zero as 为零", () => {
    expect(one(current, previous, { includeComparison: false, nameYear: true })).toBe(
      "全年培训入党积极分子264人（2012年264人）。发展预备党员49人（2012年98人）；转正预备党员35人（2012年为零）。"
    );
  });

  it("uses this year − 1, or 上年, when last year's sheet has no year", () => {
    const undated = [t1(undefined, { 发展预备党员: 43 })];
    expect(one([t1(2013, { 发展预备党员: 49 })], undated, { nameYear: true })).toBe(
      "发展预备党员49人（2012年43人），比上年增加6人，增长14.0%。"
    );
    expect(one([t1(undefined, { 发展预备党员: 49 })], undated, { nameYear: true })).toBe(
      "发展预备党员49人（上年43人），比上年增加6人，增长14.0%。"
    );
  });

  it("switches to ；between channel clauses after a comparison", () => {
    const now = t4(2013, [
      { 渠道: "来电", 计量单位: "个", 受理数: 9236, 办结数: 9236 },
      { 渠道: "来访", 计量单位: "人次", 受理数: 736, 办结数: 736 },
      { 渠道: "举报", 计量单位: "件", 受理数: 2, 办结数: 2 },
    ]);
    const before = t4(2012, [
      { 渠道: "来电", 计量单位: "个", 受理数: 8000, 办结数: 8000 },
      { 渠道: "举报", 计量单位: "件", 受理数: 5, 办结数: 5 },
    ]);
    expect(one([now], [before])).toBe(
      "接听来电9236个，比上年增加1236个，增长15.5%；接待来访736人次，受理举报2件，比上年减少3件，下降60.0%。"
    );
  });

  it("compares a single channel's rates in 百分点", () => {
    const channel = (done: number, satisfied: number): Channel[] => [
      { 渠道: "行政服务中心", 计量单位: "件", 受理数: 1000, 办结数: done, 满意数: satisfied },
    ];
    expect(one([t4(2013, channel(985, 985))], [t4(2012, channel(973, 973))])).toBe(
      "行政服务中心办件1000件，与上年持平，办结率98.5%，比上年提高1.2个百分点，满意率100%，与上年持平。"
    );
  });

  it("never compares a figure with another kind or unit", () => {
    const now = table("T1", 2013, [figure("T1", "发展预备党员", 49, "人")]);
    const before = table("T1", 2012, [figure("T1", "发展预备党员", 43, "名")]);
    expect(one([now], [before])).toBe("发展预备党员49人。");
  });
});

describe("rates merged", () => {
  const pair = (a: Partial<Channel>, b: Partial<Channel>): TableData =>
    t4(2013, [
      { 渠道: "人大代表建议", 计量单位: "件", 受理数: 8, 办结数: 8, 满意数: 8, ...a },
      { 渠道: "政协委员提案", 计量单位: "件", 受理数: 15, 办结数: 15, 满意数: 15, ...b },
    ]);

  it.each([
    [{}, {}, "办理人大代表建议8件、政协委员提案15件，办结率、满意率均达100%。"],
    [
      { 满意数: 7 },
      {},
      "办理人大代表建议8件、政协委员提案15件，办结率均达100%，满意率分别为87.5%、100%。",
    ],
    [
      { 办结数: 7, 满意数: 7 },
      { 办结数: 14, 满意数: 14 },
      "办理人大代表建议8件、政协委员提案15件，办结率分别为87.5%、93.3%，满意率均达100%。",
    ],
    [
      { 受理数: 10, 办结数: 9, 满意数: 9 },
      { 受理数: 20, 办结数: 18, 满意数: 18 },
      "办理人大代表建议10件、政协委员提案20件，办结率均为90%，满意率均达100%。",
    ],
    [
      { 满意数: undefined },
      {},
      "办理人大代表建议8件、政协委员提案15件，办结率均达100%，政协委员提案满意率100%。",
    ],
  ])("%o %o → %s", (a, b, expected) => {
    expect(one([pair(a, b)])).toBe(expected);
  });

  it("merges equal rates below 100% with 均为", () => {
    const t = t4(2013, [
      { 渠道: "人大代表建议", 计量单位: "件", 受理数: 10, 办结数: 9, 满意数: 8 },
      { 渠道: "政协委员提案", 计量单位: "件", 受理数: 20, 办结数: 18, 满意数: 16 },
    ]);
    expect(one([t])).toBe(
      "办理人大代表建议10件、政协委员提案20件，办结率均为90%，满意率均为88.9%。"
    );
  });

  it("writes no rates without the counts they follow", () => {
    const t = table("T4", 2013, [figure("T4", "办结率", 1000, "%", { group: "人大代表建议" })]);
    expect(text([t])).toEqual([]);
  });
});

describe("only what exists is written", () => {
  it("drops a clause whose figure is missing, zero or not writable", () => {
    expect(one([t1(2013, { ...T1_2013, "其中：学生": 0 })])).toContain(
      "发展预备党员49人，其中教工党员18人；转正预备党员35人。"
    );
    expect(one([t1(2013, { 转正预备党员: 35, "其中：教工": 18 })])).toBe("转正预备党员35人。");
    expect(one([t1(2013, { 发展预备党员: 49, 评选优秀党员: 57 })])).toBe(
      "发展预备党员49人。评选优秀共产党员57名。"
    );
  });

  it("never writes undefined, NaN, Infinity, negatives or fractions", () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -3, 1.5, Number.MAX_VALUE]) {
      expect(one([t1(2013, { ...T1_2013, 培训入党积极分子: bad })])).toBe(REFERENCE_T1.slice(15));
    }
    const noUnit = {
      ...figure("T1", "评选优秀党员", 57, "名"),
      unit: undefined,
    } as unknown as Figure;
    expect(one([table("T1", 2013, [figure("T1", "发展预备党员", 49, "人"), noUnit])])).toBe(
      "发展预备党员49人。"
    );
  });

  it("a rate above 100% is not written", () => {
    const t = table("T4", 2013, [
      figure("T4", "受理数", 10, "件", { group: "行政服务中心" }),
      figure("T4", "办结率", 1200, "%", { group: "行政服务中心" }),
    ]);
    expect(one([t])).toBe("行政服务中心办件10件。");
  });

  it("guards against broken phrase data: unknown figure, unclosed brace", () => {
    const phrases: SheetPhrases[] = [
      {
        tableId: "T1",
        heading: "党员发展情况",
        sentences: [
          [{ text: "共有党员{T1/年末党员数}" }],
          [{ text: "发展预备党员{T1/发展预备党员" }],
          [{ text: "培训{T1/培训入党积极分子}，另有{T1/不存在}" }],
          [{ text: "评选{+T1/评选优秀党员}" }],
          [{}],
        ],
      },
    ];
    expect(draftReport([t1(2013, T1_2013)], undefined, { phrases }).paragraphs[0]?.text).toBe(
      "评选57名。"
    );
  });

  it("no random figures can put a non-value into the text", () => {
    const value = fc.oneof(
      fc.nat({ max: 20000 }),
      fc.integer({ min: -5, max: 5 }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, 0.5, 1e300, 1000, 1001)
    );
    const ids = DEFAULT_PHRASES.flatMap((p) =>
      p.sentences.flatMap((s) =>
        s.flatMap((c) => [
          ...[c.text ?? "", ...(c.list?.items ?? [])].flatMap((t) =>
            parsePhrase(t).flatMap((tok) => ("name" in tok ? [tok.name] : []))
          ),
          ...(c.rates?.indicators ?? []).flatMap((r) =>
            (c.rates?.groups ?? []).map((g) => `${p.tableId}/${r}/${g}`)
          ),
        ])
      )
    );
    expect(ids).toContain("T4/满意率/政协委员提案");
    fc.assert(
      fc.property(
        fc.array(value, { minLength: ids.length, maxLength: ids.length }),
        fc.array(value, { minLength: ids.length, maxLength: ids.length }),
        fc.record({
          numberStyle: fc.constantFrom("exact" as const, "approximate" as const),
          moneyUnit: fc.constantFrom("元" as const, "万元" as const),
          nameYear: fc.boolean(),
          includeComparison: fc.boolean(),
        }),
        (now, before, options) => {
          const build = (values: number[], year: number) =>
            (["T1", "T2", "T3", "T4"] as const).map((tableId) =>
              table(
                tableId,
                year,
                ids
                  .map((id, i) => ({ id, v: values[i] ?? 0 }))
                  .filter((x) => x.id.startsWith(tableId))
                  .map(({ id, v }) => {
                    const [, indicator = "", group] = id.split("/");
                    const unit = indicator.includes("率")
                      ? "%"
                      : indicator.includes("金额")
                        ? "元"
                        : "件";
                    return figure(tableId, indicator, v, unit, group ? { group } : {});
                  })
              )
            );
          for (const p of draftReport(build(now, 2013), build(before, 2012), options).paragraphs) {
            expect(p.text).not.toMatch(/undefined|NaN|Infinity|null|[{}]|-\d|e\+/);
            expect(p.text.endsWith("。")).toBe(true);
          }
        }
      ),
      { numRuns: 300 }
    );
  });

  it("gives no paragraph for a sheet with nothing to say", () => {
    expect(draftReport([], undefined, {})).toEqual({ paragraphs: [], unverified: [], figures: [] });
    expect(text([table("T2", 2013, [])])).toEqual([]);
  });
});

describe("表2 programmes", () => {
  it("names several programmes of a category with 共, more than three with 等", () => {
    const p = one([
      t2(2013, [
        { 培训项目: "普通话培训班", 培训类别: "社会培训", 期数: 19, 培训人数: 2848 },
        { 培训项目: "计算机培训班", 培训类别: "社会培训", 期数: 2, 培训人数: 100 },
        { 培训项目: "普通话培训班", 培训类别: "社会培训", 期数: 1, 培训人数: 52 },
      ]),
    ]);
    expect(p).toBe(
      "全年举办各类培训22期，培训3000人次。其中，面向社会举办普通话培训班、计算机培训班共22期，培训学员3000人。"
    );
    const many = one([
      t2(
        2013,
        ["A班", "B班", "C班", "D班"].map((n) => ({
          培训项目: n,
          培训类别: "教师培训",
          期数: 1,
          培训人数: 10,
        }))
      ),
    ]);
    expect(many).toContain("其中，举办A班、B班、C班等共4期，培训教师40人次。");
  });

  it("orders categories as the phrases say, unknown ones last with the fallback phrase", () => {
    const p = one([
      t2(2013, [
        { 培训项目: "心理健康讲座", 培训类别: "专题讲座", 期数: 3, 培训人数: 300 },
        { 培训项目: "普通话培训班", 培训类别: "社会培训", 期数: 19, 培训人数: 2848 },
        { 培训项目: "青年教师研修班", 培训类别: "教师培训", 期数: 2, 培训人数: 80 },
      ]),
    ]);
    expect(p).toBe(
      "全年举办各类培训24期，培训3228人次。其中，举办青年教师研修班2期，培训教师80人次；面向社会举办普通话培训班19期，培训学员2848人；举办心理健康讲座3期，培训300人次。"
    );
  });

  it("keeps cell text as text: braces and words are not phrase syntax, ASCII punctuation becomes Chinese", () => {
    const p = one([
      t2(2013, [
        { 培训项目: "{T2/期数} undefined (暑期)", 培训类别: "教师培训", 期数: 2, 培训人数: 80 },
        { 培训项目: "<img src=x onerror=alert(1)>", 培训类别: "社会培训", 期数: 1, 培训人数: 10 },
      ]),
    ]);
    expect(p).toContain("举办{T2/期数} undefined （暑期）2期，培训教师80人次");
    expect(p).toContain("面向社会举办<img src=x onerror=alert（1）>1期，培训学员10人");
  });

  it("compares the totals with last year", () => {
    expect(one([t2(2013, T2_2013)], [t2(2012, T2_2012)], {})).toMatch(
      /^全年举办各类培训26期，比上年增加6期，增长30.0%，培训4525人次，比上年增加795人次，增长21.3%。其中，/
    );
  });
});

describe("headings", () => {
  it("numbers the paragraphs written: 一、 level 1, （一） level 2", () => {
    const tables = [t1(2013, T1_2013), t3(2013, T3_2013)];
    expect(
      draftReport(tables, undefined, { headings: "一、" }).paragraphs.map((p) => [
        p.heading,
        p.headingLevel,
      ])
    ).toEqual([
      ["一、党员发展情况", 1],
      ["二、经费情况", 1],
    ]);
    expect(draftReport(tables, undefined, { headings: "（一）" }).paragraphs[1]).toMatchObject({
      heading: "（二）经费情况",
      headingLevel: 2,
    });
    expect(draftReport(tables, undefined, {}).paragraphs[0]).not.toHaveProperty("heading");
  });

  it.each([
    [1, "一"],
    [4, "四"],
    [10, "十"],
    [12, "十二"],
    [20, "二十"],
    [99, "九十九"],
    [0, "0"],
    [100, "100"],
  ])("chineseNumeral(%i) = %s", (n, expected) => expect(chineseNumeral(n)).toBe(expected));
});

describe("helpers", () => {
  it("finds unfilled text", () => {
    expect(hasUnfilled("发展预备党员undefined人。")).toBe(true);
    expect(hasUnfilled("发展预备党员NaN人。")).toBe(true);
    expect(hasUnfilled("发展预备党员{T1/x}。")).toBe(true);
    expect(hasUnfilled("发展预备党员49人。")).toBe(false);
  });
  it("parses phrases", () => {
    expect(parsePhrase("对{+T1/新党员培训@名}进行培训")).toEqual([
      { literal: "对" },
      { name: "T1/新党员培训", compare: true, unit: "名" },
      { literal: "进行培训" },
    ]);
    expect(parsePhrase("无占位")).toEqual([{ literal: "无占位" }]);
  });
});
