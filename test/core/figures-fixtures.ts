/**
 * Hand-made `TableData` for the comparison/drafting tests, built from the reference report's 2013
 * figures (《2014 年昆山市教育局党建工作会议工作报告》). Last year's (2012) figures are INVENTED for the tests and
 * marked so. Built only on the contract of src/core/figures.ts, not on the validation code.
 */
import type {
  Figure,
  FigureKind,
  TableData,
  TableRecord,
  TableId,
} from "../../src/core/figures";

export function figure(
  tableId: TableId,
  indicator: string,
  value: number,
  unit: string,
  options: { group?: string; kind?: FigureKind; headline?: boolean } = {}
): Figure {
  const kind = options.kind ?? (unit === "元" ? "money" : unit === "%" ? "rate" : "count");
  return {
    id: [tableId, indicator, options.group].filter((x) => x !== undefined).join("/"),
    tableId,
    indicator,
    ...(options.group !== undefined ? { group: options.group } : {}),
    kind,
    value,
    unit,
    headline: options.headline ?? kind !== "rate",
  };
}

export function table(
  tableId: TableId,
  year: number | undefined,
  figures: Figure[],
  records: TableRecord[] = []
): TableData {
  const titles: Readonly<Record<string, string>> = {
    T1: "党员发展情况",
    T2: "培训情况",
    T3: "经费情况",
    T4: "信访咨询办理情况",
  };
  const n = tableId.slice(1);
  return {
    tableId,
    title: titles[tableId] ?? tableId,
    sheet: `表${n} ${year ?? ""}`.trim(),
    year,
    records,
    figures,
  };
}

export interface T1Totals {
  年末党员数?: number;
  培训入党积极分子?: number;
  发展预备党员?: number;
  "其中：教工"?: number;
  "其中：学生"?: number;
  转正预备党员?: number;
  新党员培训?: number;
  评选优秀党员?: number;
}

export function t1(year: number | undefined, totals: T1Totals): TableData {
  const figures = Object.entries(totals)
    .filter((e): e is [string, number] => e[1] !== undefined)
    .map(([header, value]) => figure("T1", header, value, header === "评选优秀党员" ? "名" : "人"));
  return table("T1", year, figures);
}

/** The reference report's 表1 figures (2013); no 年末党员数 there. */
export const T1_2013: T1Totals = {
  培训入党积极分子: 264,
  发展预备党员: 49,
  "其中：教工": 18,
  "其中：学生": 31,
  转正预备党员: 35,
  新党员培训: 112,
  评选优秀党员: 57,
};

/** INVENTED 2012 figures (last year 43 发展预备党员, as in docs/wording.md's examples). */
export const T1_2012: T1Totals = {
  培训入党积极分子: 250,
  发展预备党员: 43,
  "其中：教工": 20,
  "其中：学生": 23,
  转正预备党员: 35,
  新党员培训: 100,
  评选优秀党员: 57,
};

export interface Programme {
  培训项目: string;
  培训类别: string;
  期数: number;
  培训人数: number;
}

/** Builds 表2 as validation would: records, totals and per-category totals. */
export function t2(year: number | undefined, programmes: Programme[]): TableData {
  const records: TableRecord[] = programmes.map((p, i) => ({
    row: 3 + i,
    text: { 培训项目: p.培训项目, 培训类别: p.培训类别 },
    numbers: { 期数: p.期数, 培训人数: p.培训人数 },
  }));
  const sum = (ps: Programme[], key: "期数" | "培训人数") => ps.reduce((s, p) => s + p[key], 0);
  const figures: Figure[] = [
    figure("T2", "培训人数", sum(programmes, "培训人数"), "人次"),
    figure("T2", "期数", sum(programmes, "期数"), "期"),
  ];
  const categories = [...new Set(programmes.map((p) => p.培训类别))];
  for (const c of categories) {
    const ps = programmes.filter((p) => p.培训类别 === c);
    figures.push(
      figure("T2", "培训人数", sum(ps, "培训人数"), "人次", { group: c, headline: false })
    );
    figures.push(figure("T2", "期数", sum(ps, "期数"), "期", { group: c, headline: false }));
  }
  return table("T2", year, figures, records);
}

/**
 * The reference report's programmes (2013); 900多/320多 spread as 906 and 326, the 期数 of the first
 * five invented.
 */
export const T2_2013: Programme[] = [
  { 培训项目: "党员干部集中轮训", 培训类别: "党员干部轮训", 期数: 1, 培训人数: 906 },
  { 培训项目: "入党积极分子培训班", 培训类别: "入党积极分子培训", 期数: 2, 培训人数: 264 },
  { 培训项目: "新党员培训班", 培训类别: "新党员培训", 期数: 1, 培训人数: 112 },
  { 培训项目: "校长任职资格培训班", 培训类别: "校长培训", 期数: 2, 培训人数: 326 },
  { 培训项目: "后备干部培训班", 培训类别: "后备干部培训", 期数: 1, 培训人数: 69 },
  { 培训项目: "普通话培训班", 培训类别: "社会培训", 期数: 19, 培训人数: 2848 },
];

/** INVENTED 2012 programmes. */
export const T2_2012: Programme[] = [
  { 培训项目: "党员干部集中轮训", 培训类别: "党员干部轮训", 期数: 1, 培训人数: 880 },
  { 培训项目: "入党积极分子培训班", 培训类别: "入党积极分子培训", 期数: 2, 培训人数: 250 },
  { 培训项目: "普通话培训班", 培训类别: "社会培训", 期数: 17, 培训人数: 2600 },
];

export interface Fund {
  经费类别: string;
  /** 元, as a decimal string (exactly to the fen). */
  金额: string;
  受益人数?: number;
}

/** Converts `"301370.5"` 元 to fen exactly (test helper; no float arithmetic). */
export function fen(yuan: string): number {
  const [whole = "0", fraction = ""] = yuan.split(".");
  return Number(whole) * 100 + Number((fraction + "00").slice(0, 2));
}

export function t3(year: number | undefined, funds: Fund[]): TableData {
  const records: TableRecord[] = funds.map((f, i) => ({
    row: 3 + i,
    text: { 项目名称: `${f.经费类别}项目`, 经费类别: f.经费类别 },
    numbers: {
      "金额（元）": fen(f.金额),
      ...(f.受益人数 !== undefined ? { 受益人数: f.受益人数 } : {}),
    },
  }));
  const figures: Figure[] = [];
  for (const f of funds) {
    figures.push(figure("T3", "金额（元）", fen(f.金额), "元", { group: f.经费类别 }));
  }
  figures.push(
    figure(
      "T3",
      "金额（元）",
      funds.reduce((s, f) => s + fen(f.金额), 0),
      "元",
      { headline: false }
    )
  );
  for (const f of funds) {
    if (f.受益人数 !== undefined) {
      figures.push(
        figure("T3", "受益人数", f.受益人数, "人", { group: f.经费类别, headline: false })
      );
    }
  }
  return table("T3", year, figures, records);
}

/** The reference report's funds (2013); 慰问金 7万多元 spread as 73560 元. */
export const T3_2013: Fund[] = [
  { 经费类别: "募集善款", 金额: "301370" },
  { 经费类别: "慰问金", 金额: "73560", 受益人数: 62 },
];

export interface Channel {
  渠道: string;
  计量单位: string;
  受理数: number;
  办结数: number;
  满意数?: number;
}

/** Tenths of a percent, half-up, exact (as validation computes a blank rate). */
export function rateTenths(part: number, whole: number): number {
  return Math.floor((part * 2000 + whole) / (2 * whole));
}

export function t4(year: number | undefined, channels: Channel[]): TableData {
  const records: TableRecord[] = channels.map((c, i) => ({
    row: 3 + i,
    text: { 渠道: c.渠道, 计量单位: c.计量单位 },
    numbers: {
      受理数: c.受理数,
      办结数: c.办结数,
      ...(c.满意数 !== undefined ? { 满意数: c.满意数 } : {}),
    },
  }));
  const figures: Figure[] = [];
  for (const c of channels) {
    const group = { group: c.渠道 };
    figures.push(figure("T4", "受理数", c.受理数, c.计量单位, group));
    figures.push(figure("T4", "办结数", c.办结数, c.计量单位, { ...group, headline: false }));
    if (c.满意数 !== undefined) {
      figures.push(figure("T4", "满意数", c.满意数, c.计量单位, { ...group, headline: false }));
    }
    if (c.受理数 > 0)
      figures.push(figure("T4", "办结率", rateTenths(c.办结数, c.受理数), "%", group));
    if (c.满意数 !== undefined && c.办结数 > 0) {
      figures.push(figure("T4", "满意率", rateTenths(c.满意数, c.办结数), "%", group));
    }
  }
  return table("T4", year, figures, records);
}

/** The reference report's channels (2013); 9200多/730多 spread as 9236 and 736. */
export const T4_2013: Channel[] = [
  { 渠道: "来电", 计量单位: "个", 受理数: 9236, 办结数: 9236 },
  { 渠道: "来访", 计量单位: "人次", 受理数: 736, 办结数: 736 },
  { 渠道: "网上咨询", 计量单位: "件", 受理数: 3509, 办结数: 3509 },
  { 渠道: "人大代表建议", 计量单位: "件", 受理数: 8, 办结数: 8, 满意数: 8 },
  { 渠道: "政协委员提案", 计量单位: "件", 受理数: 15, 办结数: 15, 满意数: 15 },
  { 渠道: "行政服务中心", 计量单位: "件", 受理数: 10591, 办结数: 10591 },
];

/** All four tables of 2013 from the reference report. */
export function sample2013(): TableData[] {
  return [t1(2013, T1_2013), t2(2013, T2_2013), t3(2013, T3_2013), t4(2013, T4_2013)];
}
