/**
 * The series sample set (assets/samples/series/): one workbook per year, 2009–2013, of the four
 * built-in tables, to show the comparison over years (历年, `--since 2009`). 2013 and 2012 are the
 * clean sample's sheets; 2009–2011 are INVENTED (titles and notes say so), chosen so that:
 * - a run: 表1 发展预备党员 31 → 36 → 40 → 43 → 49 rises 4 years (连续4年增长);
 * - a break: 表1 评选优秀党员 50 → 55 → 48 → 52 → 57 falls in 2011, then rises (连续2年增长);
 * - a gap: 表3 is missing in 2011 (each of its figures: G-09 naming 2011, and no series wording);
 * - a doubling: 表1 培训入党积极分子 132 → 264 (比2009年翻了一番), and 转正预备党员 14 → 35 (×2.5:
 *   比2009年增长1.5倍).
 * The real 2013 网上咨询 (3509件) against these years is a jump (G-11).
 * 表2 and 表4 of 2009–2011 are 2012's rows scaled down (by 0.85, 0.9, 0.95), dates moved into the year.
 */
import type { CellInput, TemplateSheetInput } from "../../src/hosts/xlsx/template";
import {
  BUREAU,
  REPORTER,
  T1_2012,
  table1Rows,
  table2Rows,
  table4Rows,
  yearSheets,
  type Table1Figures,
} from "./figures";

export const SERIES_DIR_NAME = "series";
export const SERIES_YEARS = [2009, 2010, 2011, 2012, 2013] as const;
/** The year 表3 is left out of (the gap of the set). */
export const SERIES_GAP_YEAR = 2011;

/** The file of one year: `bureau-stats-2009.xlsx`. */
export const seriesFile = (year: number): string => `bureau-stats-${year}.xlsx`;

export const SERIES_NOTE =
  "说明：2009–2011 年数据为虚构的示例数据，仅用于演示历年比较，并非真实统计。";

/** INVENTED 表1 totals of 2009–2011 (2012 and 2013 are the clean sample's). */
const T1_EARLIER: Readonly<Record<2009 | 2010 | 2011, Table1Figures>> = {
  2009: {
    activists: 132,
    staff: 12,
    students: 19,
    confirmed: 14,
    newMemberTraining: 88,
    outstanding: 50,
    membersDelta: -8,
  },
  2010: {
    activists: 170,
    staff: 14,
    students: 22,
    confirmed: 20,
    newMemberTraining: 94,
    outstanding: 55,
    membersDelta: -6,
  },
  2011: {
    activists: 210,
    staff: 15,
    students: 25,
    confirmed: 26,
    newMemberTraining: 99,
    outstanding: 48,
    membersDelta: T1_2012.membersDelta - 2,
  },
};

/** 2012's share in each earlier year for 表2 and 表4. */
const SCALE: Readonly<Record<2009 | 2010 | 2011, number>> = { 2009: 0.85, 2010: 0.9, 2011: 0.95 };

/** Columns that are not amounts (kept as they are). */
const KEPT = new Set(["人均学时", "办结率", "满意率"]);

/**
 * 2012's rows scaled by `factor` (counts rounded, at least 1), dates moved into `year`.
 * @example scaled([{ 期数: 17, 开始日期: new Date(Date.UTC(2012, 0, 9)) }], 0.85, 2009) // [{ 期数: 14, 开始日期: 2009-01-09 }]
 */
function scaled(
  rows: ReadonlyArray<Record<string, CellInput>>,
  factor: number,
  year: number
): Array<Record<string, CellInput>> {
  return rows.map((row) => {
    const out: Record<string, CellInput> = {};
    for (const [k, v] of Object.entries(row)) {
      if (v instanceof Date) out[k] = new Date(Date.UTC(year, v.getUTCMonth(), v.getUTCDate()));
      else if (typeof v === "number" && !KEPT.has(k)) out[k] = Math.max(1, Math.round(v * factor));
      else out[k] = v;
    }
    return out;
  });
}

/** The sheets of one INVENTED earlier year (no 表3 in the gap year). */
function earlierSheets(year: 2009 | 2010 | 2011): TemplateSheetInput[] {
  const frame = {
    填报单位: BUREAU,
    填报人: REPORTER,
    填报日期: new Date(Date.UTC(year + 1, 0, 15)),
  };
  const title = (t: string): string => `${t}（${year}年，虚构示例数据）`;
  const factor = SCALE[year];
  const sheets: TemplateSheetInput[] = [
    {
      tableId: "T1",
      year,
      frame,
      title: title("表1 党员发展情况统计表"),
      rows: table1Rows(T1_EARLIER[year]),
      note: SERIES_NOTE,
    },
    {
      tableId: "T2",
      year,
      frame,
      title: title("表2 培训情况统计表"),
      rows: scaled(table2Rows(2012), factor, year),
      note: SERIES_NOTE,
    },
  ];
  if (year !== SERIES_GAP_YEAR)
    sheets.push({
      tableId: "T3",
      year,
      frame,
      title: title("表3 经费情况统计表"),
      rows: scaled(earlierTable3(), factor, year),
      note: SERIES_NOTE,
    });
  sheets.push({
    tableId: "T4",
    year,
    frame,
    title: title("表4 信访咨询办理情况统计表"),
    rows: scaled(table4Rows(2012), factor, year),
    note: SERIES_NOTE,
  });
  return sheets;
}

/** 表3 of an earlier year: 2012's categories (amounts scaled by the caller), no dates. */
function earlierTable3(): Array<Record<string, CellInput>> {
  const rows: Array<[string, string, number, number | null]> = [
    ["党员关爱帮扶行动募集", "募集善款", 268540, null],
    ["春节走访慰问困难教职工", "慰问金", 65800, 58],
    ["基层党组织活动经费", "党建活动经费", 119300, null],
    ["党员教育培训经费", "培训经费", 80200, null],
    ["局机关公务接待及公车运行", "三公经费", 203880, null],
  ];
  return rows.map(([名称, 类别, 金额, 人数]) => ({
    项目名称: 名称,
    经费类别: 类别,
    "金额（元）": 金额,
    受益人数: 人数,
    日期: null,
  }));
}

/** The sheets of each year's workbook, by year. */
export function seriesSheets(): Map<number, TemplateSheetInput[]> {
  const out = new Map<number, TemplateSheetInput[]>();
  for (const year of SERIES_YEARS)
    out.set(year, year === 2012 || year === 2013 ? yearSheets(year) : earlierSheets(year));
  return out;
}
