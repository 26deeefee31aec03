/**
 * The rates clause of the draft (docs/wording.md, “Rates”): two rates, one or none, for every
 * group or only some of them, each written as a report writes it — no dangling `、` or `，`, no
 * `均达` over a single rate, the group named when the others have no rate — and an unverified
 * rate keeps its 【待核】 and its place in `draft.figures`.
 */
import { describe, expect, it } from "vitest";
import { analyzeWorkbook } from "../../src/core/analyze";
import { COMPILED_BUILTINS } from "../../src/core/definitions";
import { draftReport, phrasesOf, type Draft, type SheetPhrases } from "../../src/core/draft";
import type { Figure, TableData } from "../../src/core/figures";
import type { WorkbookModel } from "../../src/core/model";
import { buildSheet, definition, t4Row, workbook } from "./fixtures";
import { figure, t4, table } from "./figures-fixtures";
import { checkProvenance } from "./provenance-check";

const 人大 = "人大代表建议";
const 政协 = "政协委员提案";
const 中心 = "行政服务中心";

/** 表4's 受理数 of the two groups, then the given rates (tenths of a percent) of either. */
function proposals(rates: Readonly<Record<string, number>>, unverified: string[] = []): TableData {
  const figures: Figure[] = [
    figure("T4", "受理数", 8, "件", { group: 人大 }),
    figure("T4", "受理数", 15, "件", { group: 政协 }),
  ];
  for (const [id, value] of Object.entries(rates)) {
    const [indicator = "", group = ""] = id.split("/");
    const f = figure("T4", indicator, value, "%", { group });
    figures.push(
      unverified.includes(id)
        ? { ...f, unverified: [{ sheet: "表4 2013", cell: "F9", rule: "T4-03" }] }
        : f
    );
  }
  return table("T4", 2013, figures);
}

const draftOf = (tables: TableData[], previous?: TableData[], phrases?: SheetPhrases[]) =>
  draftReport(tables, previous, phrases ? { phrases } : {});

const textOf = (d: Draft): string => {
  expect(d.paragraphs).toHaveLength(1);
  return d.paragraphs[0]?.text ?? "";
};

const LIST = "办理人大代表建议8件、政协委员提案15件";

describe("two rates", () => {
  it("equal for every group: 均达100%, or 均为 below 100%", () => {
    const all = (v: number) =>
      proposals({
        [`办结率/${人大}`]: v,
        [`办结率/${政协}`]: v,
        [`满意率/${人大}`]: v,
        [`满意率/${政协}`]: v,
      });
    expect(textOf(draftOf([all(1000)]))).toBe(`${LIST}，办结率、满意率均达100%。`);
    expect(textOf(draftOf([all(900)]))).toBe(`${LIST}，办结率、满意率均为90%。`);
  });

  it("different: per indicator, per group when the groups differ", () => {
    const d = draftOf([
      proposals({
        [`办结率/${人大}`]: 1000,
        [`办结率/${政协}`]: 1000,
        [`满意率/${人大}`]: 875,
        [`满意率/${政协}`]: 933,
      }),
    ]);
    expect(textOf(d)).toBe(`${LIST}，办结率均达100%，满意率分别为87.5%、93.3%。`);
  });

  it("one group: 办结率100%，满意率93.3%", () => {
    const channel = { 渠道: 中心, 计量单位: "件", 受理数: 15, 办结数: 15, 满意数: 14 };
    expect(textOf(draftOf([t4(2013, [channel])]))).toBe(
      "行政服务中心办件15件，办结率100%，满意率93.3%。"
    );
  });
});

describe("one rate (the other blank for every group)", () => {
  it("two groups: the one rate, merged or 分别为, with nothing dangling", () => {
    const same = proposals({ [`办结率/${人大}`]: 1000, [`办结率/${政协}`]: 1000 });
    expect(textOf(draftOf([same]))).toBe(`${LIST}，办结率均达100%。`);
    const apart = proposals({ [`满意率/${人大}`]: 875, [`满意率/${政协}`]: 1000 });
    expect(textOf(draftOf([apart]))).toBe(`${LIST}，满意率分别为87.5%、100%。`);
  });

  it("one group: no 均达 over a single rate", () => {
    const channel = { 渠道: 中心, 计量单位: "件", 受理数: 15, 办结数: 15 };
    expect(textOf(draftOf([t4(2013, [channel])]))).toBe("行政服务中心办件15件，办结率100%。");
  });
});

describe("only one of the groups has rates: it is named", () => {
  it("two rates equal: 政协委员提案办结率、满意率均达100%", () => {
    const d = draftOf([proposals({ [`办结率/${政协}`]: 1000, [`满意率/${政协}`]: 1000 })]);
    expect(textOf(d)).toBe(`${LIST}，政协委员提案办结率、满意率均达100%。`);
  });

  it("two rates different: 政协委员提案办结率100%，满意率93.3%", () => {
    const d = draftOf([proposals({ [`办结率/${政协}`]: 1000, [`满意率/${政协}`]: 933 })]);
    expect(textOf(d)).toBe(`${LIST}，政协委员提案办结率100%，满意率93.3%。`);
  });

  it("one rate: 人大代表建议满意率87.5%", () => {
    const d = draftOf([proposals({ [`满意率/${人大}`]: 875 })]);
    expect(textOf(d)).toBe(`${LIST}，人大代表建议满意率87.5%。`);
  });

  it("with last year: each rate of the group with its comparison", () => {
    const before = proposals({ [`办结率/${政协}`]: 1000, [`满意率/${政协}`]: 900 });
    const now = proposals({ [`办结率/${政协}`]: 1000, [`满意率/${政协}`]: 933 });
    expect(textOf(draftOf([now], [before]))).toBe(
      `${LIST}，政协委员提案办结率100%，与上年持平，满意率93.3%，比上年提高3.3个百分点。`
    );
  });

  it("several of three groups: named together, once", () => {
    const phrases: SheetPhrases[] = [
      {
        tableId: "T4",
        heading: "信访咨询办理情况",
        sentences: [
          [
            { text: "办件{T4/受理数/人大代表建议}" },
            { rates: { indicators: ["办结率", "满意率"], groups: [人大, 政协, 中心] } },
          ],
        ],
      },
    ];
    const rates = {
      [`办结率/${人大}`]: 875,
      [`办结率/${政协}`]: 933,
      [`满意率/${人大}`]: 1000,
      [`满意率/${政协}`]: 1000,
    };
    expect(textOf(draftOf([proposals(rates)], undefined, phrases))).toBe(
      "办件8件，人大代表建议、政协委员提案办结率分别为87.5%、93.3%，满意率均达100%。"
    );
    const equal = { ...rates, [`办结率/${人大}`]: 1000, [`办结率/${政协}`]: 1000 };
    expect(textOf(draftOf([proposals(equal)], undefined, phrases))).toBe(
      "办件8件，人大代表建议、政协委员提案办结率、满意率均达100%。"
    );
  });
});

describe("no rates", () => {
  it("the clause writes nothing, and the sentence has no stray punctuation", () => {
    expect(textOf(draftOf([proposals({})]))).toBe(`${LIST}。`);
    const rates = { indicators: ["办结率", "满意率"], groups: [人大, 政协] };
    const phrases: SheetPhrases[] = [
      {
        tableId: "T4",
        heading: "信访咨询办理情况",
        sentences: [
          [{ rates }, { text: "收到建议{T4/受理数/人大代表建议}" }, { rates }],
          [{ text: "收到提案{T4/受理数/政协委员提案}" }, { rates }, { text: "已全部答复" }],
        ],
      },
    ];
    expect(textOf(draftOf([proposals({})], undefined, phrases))).toBe(
      "收到建议8件。收到提案15件，已全部答复。"
    );
  });
});

describe("an unverified rate", () => {
  /** Every number of the draft sits where `draft.figures` says, and reads as it says. */
  const placed = (d: Draft) =>
    (d.figures ?? []).map((f) => {
      expect(d.paragraphs[f.paragraph]?.text.slice(f.from, f.to)).toBe(f.text);
      return { text: f.text, label: f.label, unverified: f.unverified !== undefined };
    });

  it("merged for the one group with rates: the mark after the clause, the number placed", () => {
    const d = draftOf([
      proposals({ [`办结率/${政协}`]: 1000, [`满意率/${政协}`]: 1000 }, [`满意率/${政协}`]),
    ]);
    expect(textOf(d)).toBe(`${LIST}，政协委员提案办结率、满意率均达100%【待核】。`);
    expect(placed(d)).toEqual([
      { text: "8件", label: "人大代表建议受理数", unverified: false },
      { text: "15件", label: "政协委员提案受理数", unverified: false },
      { text: "100%", label: "政协委员提案办结率、满意率", unverified: true },
    ]);
    expect(d.unverified).toMatchObject([
      { text: "政协委员提案办结率、满意率均达100%", figures: [2], cell: "F9" },
    ]);
  });

  it("one of two different rates: the mark after that rate only", () => {
    const d = draftOf([
      proposals({ [`办结率/${政协}`]: 1000, [`满意率/${政协}`]: 933 }, [`满意率/${政协}`]),
    ]);
    expect(textOf(d)).toBe(`${LIST}，政协委员提案办结率100%，满意率93.3%【待核】。`);
    expect(placed(d).slice(2)).toEqual([
      { text: "100%", label: "政协委员提案办结率", unverified: false },
      { text: "93.3%", label: "政协委员提案满意率", unverified: true },
    ]);
    expect(d.unverified).toMatchObject([{ text: "93.3%", figures: [3] }]);
  });

  it("one rate of two groups, merged: 办结率均达100%【待核】", () => {
    const d = draftOf([
      proposals({ [`办结率/${人大}`]: 1000, [`办结率/${政协}`]: 1000 }, [`办结率/${人大}`]),
    ]);
    expect(textOf(d)).toBe(`${LIST}，办结率均达100%【待核】。`);
    expect(placed(d)[2]).toEqual({ text: "100%", label: "办结率", unverified: true });
    expect(d.unverified).toMatchObject([{ text: "办结率均达100%", figures: [2] }]);
  });
});

describe("from a workbook", () => {
  const phrases = phrasesOf(COMPILED_BUILTINS.map((d) => d.def));
  const analyzed = (wb: WorkbookModel) => {
    const a = analyzeWorkbook(wb);
    expect(checkProvenance(wb, a, phrases)).toEqual([]);
    return a.draft.text;
  };

  it("满意数 and 满意率 blank on every row: only 办结率, numbers in place", () => {
    const rows = [
      t4Row(人大, { 受理数: 8, 办结数: 8, 满意数: null, 满意率: null }),
      t4Row(政协, { 受理数: 15, 办结数: 14, 满意数: null, 满意率: null }),
    ];
    expect(analyzed(workbook(buildSheet("T4", rows)))).toBe(
      `\u3000\u3000${LIST}，办结率分别为100%、93.3%。`
    );
  });

  it("no 满意 columns at all, and only 政协委员提案 with 办结数: it is named", () => {
    const headers = definition("T4")
      .columns.map((c) => c.header)
      .filter((h) => !h.startsWith("满意"));
    const rows = [
      t4Row(人大, { 受理数: 8, 办结数: null, 办结率: null }),
      t4Row(政协, { 受理数: 15, 办结数: 15 }),
    ];
    expect(analyzed(workbook(buildSheet("T4", rows, { headers })))).toBe(
      `\u3000\u3000${LIST}，政协委员提案办结率100%。`
    );
  });
});
