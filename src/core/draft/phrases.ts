/**
 * The phrasing of the drafted report paragraphs, kept as DATA (SPEC §3): one entry per sheet, so
 * the bureau can change a sentence without touching the logic in `draft.ts`.
 *
 * A paragraph is a list of sentences; a sentence is a list of clauses, joined by each clause's
 * `sep` (the first written clause drops its own) and ended with `。`. A clause is written only
 * when every figure it names exists: nothing is ever filled in with a placeholder.
 *
 * Placeholders in a clause text: `{T1/发展预备党员}` writes a figure with its unit; `{+…}` also
 * appends the comparison with last year at the end of the clause (when asked for); `{…@名}`
 * writes the figure with another unit (`112名` instead of `112人`). In programme phrases (表2),
 * `{期数}` / `{培训人数@人}` name the category's figure and `{项目}` the programmes' names.
 */
import type { TemplateId } from "../figures";
import { templateById } from "../templates";

/** The allowed values of a template's fixed-choice column, in their defined order. */
function choicesOf(template: TemplateId, header: string): readonly string[] {
  const column = templateById(template)?.columns.find((c) => c.header === header);
  return column?.allowed ?? [];
}

/** A list: `lead` then the items that can be written, joined by `itemSep` (`其中教工党员18人，学生党员31人`). */
export interface PhraseList {
  readonly lead?: string;
  readonly items: readonly string[];
  readonly itemSep: string;
}

/** Rates of some groups (表4 channels), merged when equal: `办结率、满意率均达100%`. */
export interface RatesPhrase {
  /** Rate indicators, e.g. `办结率`, `满意率`: figure ids `<template>/<indicator>/<group>`. */
  readonly indicators: readonly string[];
  readonly groups: readonly string[];
}

/** 表2: one phrase per 培训类别, the programmes named by their 培训项目. */
export interface ProgrammePhrases {
  /** Text before the first category phrase (`其中，`). */
  readonly lead: string;
  /** Between category phrases (`；`). */
  readonly sep: string;
  /** Record headers naming the programme and its category. */
  readonly nameHeader: string;
  readonly categoryHeader: string;
  /** Category order; categories not listed follow in the order met. */
  readonly order: readonly string[];
  readonly byCategory: Readonly<Record<string, string>>;
  /** Phrase for a category without its own. */
  readonly fallback: string;
  /** At most this many programme names, then `等`. */
  readonly maxNames: number;
}

export interface PhraseClause {
  /** Written before this clause when another clause precedes it (default `，`). */
  readonly sep?: string;
  /** Used instead of `sep` when the preceding clause ends with a comparison (e.g. `；`). */
  readonly sepAfterChange?: string;
  /** Only written when the clause just before it was written (`其中…` after its total). */
  readonly attached?: boolean;
  readonly text?: string;
  readonly list?: PhraseList;
  readonly rates?: RatesPhrase;
  readonly programmes?: ProgrammePhrases;
}

export type PhraseSentence = readonly PhraseClause[];

export interface SheetPhrases {
  readonly template: TemplateId;
  /** Heading when headings are asked for (`一、党员发展情况`). */
  readonly heading: string;
  readonly sentences: readonly PhraseSentence[];
}

const T1: SheetPhrases = {
  template: "T1",
  heading: "党员发展情况",
  sentences: [
    [{ text: "全年培训入党积极分子{+T1/培训入党积极分子}" }],
    [
      { text: "发展预备党员{+T1/发展预备党员}" },
      {
        attached: true,
        list: {
          lead: "其中",
          items: ["教工党员{T1/其中：教工}", "学生党员{T1/其中：学生}"],
          itemSep: "，",
        },
      },
      { sep: "；", text: "转正预备党员{+T1/转正预备党员}" },
    ],
    [{ text: "对{+T1/新党员培训@名}入党不满3年的新党员进行教育培训" }],
    [{ text: "评选优秀共产党员{+T1/评选优秀党员}" }],
  ],
};

const T2: SheetPhrases = {
  template: "T2",
  heading: "培训情况",
  sentences: [
    [{ text: "全年举办各类培训{+T2/期数}" }, { text: "培训{+T2/培训人数}" }],
    [
      {
        programmes: {
          lead: "其中，",
          sep: "；",
          nameHeader: "培训项目",
          categoryHeader: "培训类别",
          // the order of the 培训类别 choices in 表2's definition
          order: choicesOf("T2", "培训类别"),
          byCategory: {
            党员干部轮训: "组织{项目}{培训人数@名}",
            入党积极分子培训: "举办{项目}，培训{培训人数@人}",
            新党员培训: "举办{项目}，培训新党员{培训人数@人}",
            校长培训: "举办{项目}{期数}，培训校长{培训人数@名}",
            后备干部培训: "举办{项目}{期数}，培训{培训人数@人}",
            教师培训: "举办{项目}{期数}，培训教师{培训人数}",
            社会培训: "面向社会举办{项目}{期数}，培训学员{培训人数@人}",
          },
          fallback: "举办{项目}{期数}，培训{培训人数}",
          maxNames: 3,
        },
      },
    ],
  ],
};

const T3: SheetPhrases = {
  template: "T3",
  heading: "经费情况",
  sentences: [
    [{ text: "募集善款{+T3/金额（元）/募集善款}" }],
    [
      { text: "走访慰问困难教职工{T3/受益人数/慰问金}" },
      { text: "发放慰问金{+T3/金额（元）/慰问金}" },
    ],
    [
      { text: "党建活动经费支出{+T3/金额（元）/党建活动经费}" },
      { sepAfterChange: "；", text: "培训经费支出{+T3/金额（元）/培训经费}" },
      { sepAfterChange: "；", text: "其他经费支出{+T3/金额（元）/其他}" },
    ],
    [{ text: "三公经费支出{+T3/金额（元）/三公经费}" }],
  ],
};

const T4: SheetPhrases = {
  template: "T4",
  heading: "信访咨询办理情况",
  sentences: [
    [
      { text: "接听来电{+T4/受理数/来电}" },
      { sepAfterChange: "；", text: "接待来访{+T4/受理数/来访}" },
      { sepAfterChange: "；", text: "办理网上咨询{+T4/受理数/网上咨询}" },
      { sepAfterChange: "；", text: "收到来信{+T4/受理数/来信}" },
      { sepAfterChange: "；", text: "受理举报{+T4/受理数/举报}" },
      { sepAfterChange: "；", text: "通过其他渠道受理{+T4/受理数/其他}" },
    ],
    [
      {
        list: {
          lead: "办理",
          items: ["人大代表建议{T4/受理数/人大代表建议}", "政协委员提案{T4/受理数/政协委员提案}"],
          itemSep: "、",
        },
      },
      {
        attached: true,
        rates: { indicators: ["办结率", "满意率"], groups: ["人大代表建议", "政协委员提案"] },
      },
    ],
    [
      { text: "行政服务中心办件{+T4/受理数/行政服务中心}" },
      { attached: true, rates: { indicators: ["办结率", "满意率"], groups: ["行政服务中心"] } },
    ],
  ],
};

/** The default phrasing, 表1…表4. */
export const DEFAULT_PHRASES: readonly SheetPhrases[] = [T1, T2, T3, T4];
