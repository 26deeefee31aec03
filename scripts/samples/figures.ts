/**
 * The sample workbooks' data: the real 2013 figures of the source report (`SOURCE`: 昆山市教育局, 27
 * 基层党组织) spread over plausible units, and INVENTED 2012 figures (marked as such in the sheets and
 * the README) so the year-on-year comparison has something to compare. Every total is asserted, so
 * the samples cannot drift from the report's figures unnoticed.
 */
import type { CellInput, TemplateSheetInput } from "../../src/hosts/xlsx/template";

export const BUREAU = "昆山市教育局";
export const REPORTER = "张敏";

/** The 27 基层党组织 with their 单位类型 and 2013 年末党员数. */
export const UNITS: ReadonlyArray<readonly [name: string, type: string, members: number]> = [
  ["昆山市教育局机关党总支", "机关", 46],
  ["江苏省昆山中学", "高中", 132],
  ["昆山市第一中学", "高中", 118],
  ["昆山市第二中学", "高中", 96],
  ["昆山市震川高级中学", "高中", 88],
  ["昆山市周市高级中学", "高中", 74],
  ["昆山市陆家高级中学", "高中", 69],
  ["江苏省昆山第一中等专业学校", "中职", 104],
  ["江苏省昆山第二中等专业学校", "中职", 81],
  ["昆山市葛江中学", "初中", 63],
  ["昆山市青阳港学校", "初中", 58],
  ["昆山市柏庐实验学校", "初中", 55],
  ["昆山市城北中学", "初中", 47],
  ["昆山市千灯中学", "初中", 42],
  ["昆山市周庄中学", "初中", 31],
  ["昆山市实验小学", "小学", 57],
  ["昆山市玉峰实验学校", "小学", 52],
  ["昆山市培本实验小学", "小学", 44],
  ["昆山市城北中心小学", "小学", 39],
  ["昆山市千灯中心小学", "小学", 33],
  ["昆山市花桥中心小学", "小学", 36],
  ["昆山市机关幼儿园", "幼儿园", 18],
  ["昆山市实验幼儿园", "幼儿园", 16],
  ["昆山市城北幼儿园", "幼儿园", 12],
  ["昆山市教师发展中心", "其他", 41],
  ["昆山开放大学", "其他", 37],
  ["昆山市青少年活动中心", "其他", 19],
];

/**
 * Splits `total` over `weights` by largest remainder (deterministic; ties go to the earlier unit).
 * @example spread(10, [1, 1, 2]) // [3, 2, 5]
 */
export function spread(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, r: x - Math.floor(x) }))
    .sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    out[i] = (out[i] as number) + 1;
    left--;
  }
  return out;
}

function assertTotal(what: string, values: readonly number[], total: number): void {
  const sum = values.reduce((a, b) => a + b, 0);
  if (sum !== total) throw new Error(`${what}: sum ${sum} ≠ ${total}`);
}

export interface Table1Figures {
  readonly activists: number;
  readonly staff: number;
  readonly students: number;
  readonly confirmed: number;
  readonly newMemberTraining: number;
  readonly outstanding: number;
  /** Added to every unit's 年末党员数 (2012 had fewer members). */
  readonly membersDelta: number;
}

export const T1_2013: Table1Figures = {
  activists: 264,
  staff: 18,
  students: 31,
  confirmed: 35,
  newMemberTraining: 112,
  outstanding: 57,
  membersDelta: 0,
};
/** INVENTED: 发展预备党员 43 (so 2013's 49 reads 比上年增加6人，增长14.0%). */
export const T1_2012: Table1Figures = {
  activists: 248,
  staff: 16,
  students: 27,
  confirmed: 38,
  newMemberTraining: 105,
  outstanding: 52,
  membersDelta: -2,
};

/** 表1 rows (by header) for one year. */
export function table1Rows(f: Table1Figures): Array<Record<string, CellInput>> {
  const members = UNITS.map(([, , m]) => m + f.membersDelta);
  const canHaveStudents = UNITS.map(([, t]) => t === "高中" || t === "中职");
  const activists = spread(f.activists, members);
  const students = spread(
    f.students,
    members.map((m, i) => (canHaveStudents[i] ? m : 0))
  );
  // 教工 members developed: the larger units, one or two each
  const staff = spread(
    f.staff,
    members.map((m) => (m >= 40 ? m : 0))
  );
  const confirmed = spread(f.confirmed, members);
  const training = spread(f.newMemberTraining, members);
  const outstanding = spread(f.outstanding, members);
  assertTotal("培训入党积极分子", activists, f.activists);
  assertTotal("其中：学生", students, f.students);
  assertTotal("其中：教工", staff, f.staff);
  return UNITS.map(([name, type], i) => ({
    单位名称: name,
    单位类型: type,
    年末党员数: members[i],
    培训入党积极分子: activists[i],
    发展预备党员: (staff[i] as number) + (students[i] as number),
    "其中：教工": staff[i],
    "其中：学生": students[i],
    转正预备党员: confirmed[i],
    新党员培训: training[i],
    评选优秀党员: outstanding[i],
  }));
}

const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** 表2 rows: programmes by 培训类别 (2013 from the source report; 2012 invented). */
export function table2Rows(year: 2012 | 2013): Array<Record<string, CellInput>> {
  const y = year;
  const rows: Array<[string, string, number, number, number, Date, Date]> =
    year === 2013
      ? [
          ["暑期党员干部集中轮训", "党员干部轮训", 2, 926, 16, day(y, 7, 8), day(y, 7, 19)],
          ["入党积极分子培训班", "入党积极分子培训", 2, 150, 24, day(y, 4, 8), day(y, 4, 19)],
          [
            "“校中校”普通高中青年共产主义学校",
            "入党积极分子培训",
            1,
            114,
            32,
            day(y, 3, 4),
            day(y, 6, 28),
          ],
          ["新党员教育培训", "新党员培训", 2, 112, 12, day(y, 9, 9), day(y, 9, 13)],
          ["校长培训进修（选派）", "校长培训", 6, 326, 40, day(y, 2, 25), day(y, 12, 20)],
          ["第二期校级后备干部培训班", "后备干部培训", 1, 69, 80, day(y, 5, 6), day(y, 11, 29)],
          ["中青年骨干教师培训班", "教师培训", 3, 240, 48, day(y, 8, 19), day(y, 8, 30)],
          ["普通话培训班", "社会培训", 19, 2848, 30, day(y, 1, 7), day(y, 12, 27)],
        ]
      : [
          ["暑期党员干部集中轮训", "党员干部轮训", 2, 884, 16, day(y, 7, 9), day(y, 7, 20)],
          ["入党积极分子培训班", "入党积极分子培训", 2, 140, 24, day(y, 4, 9), day(y, 4, 20)],
          [
            "“校中校”普通高中青年共产主义学校",
            "入党积极分子培训",
            1,
            108,
            32,
            day(y, 3, 5),
            day(y, 6, 29),
          ],
          ["新党员教育培训", "新党员培训", 2, 105, 12, day(y, 9, 10), day(y, 9, 14)],
          ["校长培训进修（选派）", "校长培训", 5, 301, 40, day(y, 2, 27), day(y, 12, 21)],
          ["第一期校级后备干部培训班", "后备干部培训", 1, 63, 80, day(y, 5, 7), day(y, 11, 30)],
          ["中青年骨干教师培训班", "教师培训", 3, 221, 48, day(y, 8, 20), day(y, 8, 31)],
          ["普通话培训班", "社会培训", 17, 2610, 30, day(y, 1, 9), day(y, 12, 28)],
        ];
  return rows.map(([项目, 类别, 期数, 人数, 学时, 开始, 结束]) => ({
    培训项目: 项目,
    培训类别: 类别,
    期数,
    培训人数: 人数,
    人均学时: 学时,
    开始日期: 开始,
    结束日期: 结束,
  }));
}

/**
 * 表3 rows (元, exact to the fen). 2013: 募集善款 301370 元 and 62 人 慰问 are real (from the report); the
 * 72400 元 of 慰问金 is one exact figure for the report's 7万多元; the other rows are invented.
 */
export function table3Rows(year: 2012 | 2013): Array<Record<string, CellInput>> {
  const y = year;
  const rows: Array<[string, string, number, number | null, Date | null]> =
    year === 2013
      ? [
          ["党员关爱帮扶行动募集（局机关）", "募集善款", 45200, null, day(y, 3, 5)],
          ["党员关爱帮扶行动募集（高中、中职）", "募集善款", 98650, null, day(y, 3, 12)],
          ["党员关爱帮扶行动募集（初中）", "募集善款", 76320, null, day(y, 3, 12)],
          ["党员关爱帮扶行动募集（小学）", "募集善款", 61800, null, day(y, 3, 19)],
          ["党员关爱帮扶行动募集（幼儿园及其他）", "募集善款", 19400, null, day(y, 3, 19)],
          ["春节走访慰问困难教职工", "慰问金", 72400, 62, day(y, 2, 4)],
          ["基层党组织活动经费", "党建活动经费", 128600, null, null],
          ["党员教育培训经费", "培训经费", 86450, null, null],
          ["局机关公务接待及公车运行", "三公经费", 186420.5, null, null],
        ]
      : [
          ["党员关爱帮扶行动募集", "募集善款", 268540, null, day(y, 3, 14)],
          ["春节走访慰问困难教职工", "慰问金", 65800, 58, day(y, 1, 16)],
          ["基层党组织活动经费", "党建活动经费", 119300, null, null],
          ["党员教育培训经费", "培训经费", 80200, null, null],
          ["局机关公务接待及公车运行", "三公经费", 203880, null, null],
        ];
  return rows.map(([名称, 类别, 金额, 人数, 日期]) => ({
    项目名称: 名称,
    经费类别: 类别,
    "金额（元）": 金额,
    受益人数: 人数,
    日期,
  }));
}

/**
 * 表4 rows by channel: [渠道, 计量单位, 受理数, 办结数, 满意数, rates filled]. 2013: 网上咨询 3509,
 * 人大代表建议 8, 政协委员提案 15 (100%), 行政服务中心 10591 are real; 9236 and 738 are exact
 * figures for the report's 9200多 and 730多; 来信 43 is invented (not in the report).
 */
export function table4Rows(year: 2012 | 2013): Array<Record<string, CellInput>> {
  const rows: Array<[string, string, number, number, number | null, boolean]> =
    year === 2013
      ? [
          ["来电", "个", 9236, 9236, null, false],
          ["来访", "人次", 738, 738, null, false],
          ["网上咨询", "件", 3509, 3509, null, false],
          ["来信", "件", 43, 43, null, false],
          ["人大代表建议", "件", 8, 8, 8, true],
          ["政协委员提案", "件", 15, 15, 15, true],
          ["行政服务中心", "件", 10591, 10591, null, false],
        ]
      : [
          ["来电", "个", 8710, 8710, null, false],
          ["来访", "人次", 702, 702, null, false],
          ["网上咨询", "件", 2964, 2964, null, false],
          ["来信", "件", 51, 51, null, false],
          ["人大代表建议", "件", 7, 7, 7, true],
          ["政协委员提案", "件", 13, 13, 13, true],
          ["行政服务中心", "件", 9807, 9807, null, false],
        ];
  return rows.map(([渠道, 单位, 受理, 办结, 满意, rates]) => ({
    渠道,
    计量单位: 单位,
    受理数: 受理,
    办结数: 办结,
    满意数: 满意,
    办结率: rates ? 1 : null,
    满意率: rates ? 1 : null,
  }));
}

export const INVENTED_NOTE =
  "说明：2012 年数据为虚构的示例数据，仅用于演示同比比较，并非真实统计。";

/** The report the real 2013 figures come from. */
export const SOURCE = "《2014 年昆山市教育局党建工作会议工作报告》";

/**
 * What is real and what is invented in each 2013 sheet, figure by figure (the figures of the report
 * are the only real ones). Written under each 2013 table and in assets/samples/README.md.
 */
export const SOURCE_NOTES: Readonly<
  Record<"T1" | "T2" | "T3" | "T4", { real: string; invented: string }>
> = {
  T1: {
    real: "合计 培训入党积极分子 264 人、发展预备党员 49 人（其中教工 18 人、学生 31 人）、转正预备党员 35 人、新党员培训 112 人、评选优秀党员 57 名",
    invented: "合计 年末党员数；各单位的全部分项（按单位拆分合计）",
  },
  T2: {
    real: "后备干部培训班 69 人；普通话培训班 19 期、2848 人；入党积极分子培训 合计 264 人、新党员培训 112 人（与表1一致）",
    invented:
      "党员干部轮训 926 人（报告为“900多名”）、校长培训 326 人（报告为“320多名”）这两个确切数；普通话培训班以外的全部期数；合计期数和合计培训人数（含虚构的项）；入党积极分子培训 264 人拆成 150 和 114 两个班；中青年骨干教师培训班 240 人次；全部人均学时和起止日期",
  },
  T3: {
    real: "募集善款 合计 301370 元；慰问困难教职工 62 人",
    invented:
      "慰问金 72400 元这个确切数（报告为“7万多元”）；募集善款的分项拆分；党建活动经费 128600 元、培训经费 86450 元、三公经费 186420.50 元三行；金额合计；全部日期",
  },
  T4: {
    real: "网上咨询 3509 件；人大代表建议 8 件、政协委员提案 15 件（办结率、满意率 100%）；行政服务中心 10591 件",
    invented:
      "来电 9236 个（报告为“9200多个”）、来访 738 人次（报告为“730多人次”）这两个确切数；来信 43 件；来电、来访、网上咨询、来信、行政服务中心的办结数；计量单位的选择",
  },
};

/** The note under a 2013 sheet: which of its figures are real and which invented. */
export function sourceNote(tableId: "T1" | "T2" | "T3" | "T4"): string {
  const n = SOURCE_NOTES[tableId];
  return `说明：本表中取自${SOURCE}（2013 年）的真实数字：${n.real}。其余均为虚构的示例数据：${n.invented}。`;
}

/** Before the note of every sheet of the mistakes sample. */
export const MISTAKES_NOTE = "说明：本文件故意填错，用于演示校验，其中数字不能作为统计使用。";

/** The sheets of one year, clean (no mistakes). */
export function yearSheets(year: 2012 | 2013): TemplateSheetInput[] {
  const invented = year === 2012;
  const frame = { 填报单位: BUREAU, 填报人: REPORTER, 填报日期: day(year + 1, 1, 15) };
  const title = (t: string): string =>
    invented ? `${t}（${year}年，虚构示例数据）` : `${t}（${year}年）`;
  const note = (t: "T1" | "T2" | "T3" | "T4") => (invented ? INVENTED_NOTE : sourceNote(t));
  return [
    {
      tableId: "T1",
      year,
      frame,
      title: title("表1 党员发展情况统计表"),
      rows: table1Rows(invented ? T1_2012 : T1_2013),
      note: note("T1"),
    },
    {
      tableId: "T2",
      year,
      frame,
      title: title("表2 培训情况统计表"),
      rows: table2Rows(year),
      note: note("T2"),
    },
    {
      tableId: "T3",
      year,
      frame,
      title: title("表3 经费情况统计表"),
      rows: table3Rows(year),
      note: note("T3"),
    },
    {
      tableId: "T4",
      year,
      frame,
      title: title("表4 信访咨询办理情况统计表"),
      rows: table4Rows(year),
      note: note("T4"),
    },
  ];
}
