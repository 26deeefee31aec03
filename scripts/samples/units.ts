/**
 * The 汇总 sample set (assets/samples/units/): a unit list and the workbooks twelve units sent
 * back, built from the clean sample — each unit's 表1 row is its row of the sample; its 表2–表4
 * figures are an INVENTED split (the sample's 表4 channels spread over all 27 units by members,
 * programmes and funds made up per unit), marked as invented on every sheet. Among them: one
 * late unit (no file), one unit that sent twice, one with moved and extra columns, one with
 * errors, one whose 表1 also names another unit, and one unreadable (truncated) file.
 */
import type { CellInput, TemplateSheetInput } from "../../src/hosts/xlsx/template";
import { T1_2013, UNITS, spread, table1Rows, table4Rows } from "./figures";

export const UNIT_YEAR = 2013;
export const UNITS_DIR_NAME = "units";
export const UNIT_LIST_FILE = "单位名单.xlsx";
export const UNIT_NOTE =
  "说明：本文件为虚构示例——由示例工作簿按单位拆分，表2–表4 的各单位数字为编造的分配，仅用于演示汇总。";

/** The bureau's unit list (in its own order: not alphabetical). */
export const UNIT_LIST: readonly string[] = [
  "昆山市教育局机关党总支",
  "江苏省昆山中学",
  "昆山市第一中学",
  "江苏省昆山第一中等专业学校",
  "昆山市葛江中学",
  "昆山市青阳港学校",
  "昆山市实验小学",
  "昆山市玉峰实验学校",
  "昆山市机关幼儿园",
  "昆山市实验幼儿园",
  "昆山市教师发展中心",
  "昆山开放大学",
];

export const LATE_UNIT = "昆山市实验幼儿园";
export const DUPLICATE_UNIT = "昆山市实验小学";
export const MOVED_UNIT = "江苏省昆山第一中等专业学校";
export const ERRORS_UNIT = "昆山市葛江中学";
export const BROKEN_UNIT = "昆山市玉峰实验学校";
export const OTHER_ROW_UNIT = "昆山开放大学";
/** The unit the 开放大学's 表1 also lists (its affiliated 党支部, not on the list). */
export const OTHER_ROW_NAME = "昆山市青少年活动中心";

export interface UnitFileSpec {
  readonly file: string;
  readonly unit: string;
  /** Sheets to write (undefined for the unreadable file, which is made from another's bytes). */
  readonly sheets?: readonly TemplateSheetInput[];
  readonly broken?: boolean;
}

const day = (m: number, d: number): Date => new Date(Date.UTC(UNIT_YEAR, m - 1, d));

/** Money in 元 with fen, deterministic per unit. */
function yuan(fen: number): number {
  return fen / 100;
}

function unitSheets(
  unit: string,
  i: number,
  opts: { revised?: boolean; errors?: boolean; moved?: boolean; otherRow?: boolean } = {}
): TemplateSheetInput[] {
  const t1 = table1Rows(T1_2013);
  const idx = UNITS.findIndex(([n]) => n === unit);
  const row1 = { ...(t1[idx] as Record<string, CellInput>) };
  const members = UNITS[idx]?.[2] ?? 0;
  const frame = {
    填报单位: unit,
    填报人: `联系人${i + 1}`,
    填报日期: new Date(Date.UTC(UNIT_YEAR + 1, 0, 8 + (i % 5))),
  };
  const title = (t: string): string => `${t}（${UNIT_YEAR}年，${unit}，虚构示例）`;

  const rows1: Array<Record<string, CellInput>> = [row1];
  if (opts.errors) {
    // T1-01: 发展预备党员 one more than 教工 + 学生
    row1["发展预备党员"] = (row1["发展预备党员"] as number) + 1;
  }
  if (opts.otherRow) {
    const other = t1[UNITS.findIndex(([n]) => n === OTHER_ROW_NAME)] as Record<string, CellInput>;
    rows1.push({ ...other, 备注: "挂靠本单位党委" });
  }

  const rows2: Array<Record<string, CellInput>> = [];
  const acts = rows1.reduce((s, r) => s + (r["培训入党积极分子"] as number), 0);
  const news = rows1.reduce((s, r) => s + (r["新党员培训"] as number), 0);
  if (acts > 0)
    rows2.push({
      培训项目: "入党积极分子培训班",
      培训类别: "入党积极分子培训",
      期数: 1,
      培训人数: acts,
      人均学时: 24,
      开始日期: day(4, 8 + (i % 7)),
      结束日期: day(4, 19 + (i % 7)),
    });
  if (news > 0)
    rows2.push({
      培训项目: "新党员教育培训",
      培训类别: "新党员培训",
      期数: 1,
      培训人数: news,
      人均学时: 12,
      开始日期: day(9, 2 + i),
      结束日期: day(9, 6 + i),
    });
  rows2.push({
    培训项目: `${unit.replace(/^(江苏省)?昆山(市)?/, "")}教师校本培训`,
    培训类别: "教师培训",
    期数: 1 + (i % 3),
    培训人数: opts.errors ? "36人" : members * 2,
    人均学时: 16 + i,
    开始日期: day(8, 12 + i),
    结束日期: day(8, 16 + i),
  });

  const rows3: Array<Record<string, CellInput>> = [
    {
      项目名称: "党员关爱帮扶行动募集",
      经费类别: "募集善款",
      "金额（元）": yuan(members * 18850 + i * 37),
      日期: day(3, 1 + i),
    },
    {
      项目名称: "春节走访慰问困难教职工",
      经费类别: "慰问金",
      "金额（元）": yuan((2 + (i % 4)) * 120000 + i * 5000),
      受益人数: 2 + (i % 4),
      日期: day(2, 1 + i),
    },
    {
      项目名称: "基层党组织活动经费",
      经费类别: "党建活动经费",
      "金额（元）": yuan(members * 9950 + 50),
      日期: null,
    },
  ];

  // 表4: the sample's channel totals spread over all 27 units by members; this unit's share
  const weights = UNITS.map(([, , m]) => m);
  const rows4 = table4Rows(2013)
    .filter((r) => ["来电", "来访", "网上咨询", "来信"].includes(r["渠道"] as string))
    .map((r) => {
      const n = spread(r["受理数"] as number, weights)[idx] ?? 0;
      return {
        渠道: r["渠道"],
        计量单位: r["计量单位"],
        受理数: n,
        办结数: n,
        满意数: null,
        办结率: null,
        满意率: null,
      } as Record<string, CellInput>;
    });
  if (opts.revised) {
    const first = rows4[0] as Record<string, CellInput>;
    first["备注"] = "更正：补报漏登来电";
  } else if (unit === DUPLICATE_UNIT) {
    // the first copy: 来电 short by 20 (corrected in the second file)
    const first = rows4[0] as Record<string, CellInput>;
    first["受理数"] = (first["受理数"] as number) - 20;
    first["办结数"] = (first["办结数"] as number) - 20;
  }
  if (opts.errors) {
    // T4-01: 办结数 above 受理数
    const visit = rows4[1] as Record<string, CellInput>;
    visit["办结数"] = (visit["受理数"] as number) + 3;
  }

  const moved1 = [
    "单位名称",
    "单位类型",
    "发展预备党员",
    "其中：教工",
    "其中：学生",
    "年末党员数",
    "培训入党积极分子",
    "转正预备党员",
    "新党员培训",
    "评选优秀党员",
    "联系电话",
    "备注",
  ];
  const moved4 = ["渠道", "受理数", "办结数", "计量单位", "满意数", "办结率", "满意率", "备注"];
  if (opts.moved) row1["联系电话"] = "0512-5751xxxx";
  const note = UNIT_NOTE;
  return [
    {
      tableId: "T1",
      year: UNIT_YEAR,
      frame,
      title: title("表1 党员发展情况统计表"),
      rows: rows1,
      note,
      ...(opts.moved ? { headers: moved1 } : {}),
    },
    {
      tableId: "T2",
      year: UNIT_YEAR,
      frame,
      title: title("表2 培训情况统计表"),
      rows: rows2,
      note,
    },
    {
      tableId: "T3",
      year: UNIT_YEAR,
      frame,
      title: title("表3 经费情况统计表"),
      rows: rows3,
      note,
    },
    {
      tableId: "T4",
      year: UNIT_YEAR,
      frame,
      title: title("表4 信访咨询办理情况统计表"),
      rows: rows4,
      note,
      ...(opts.moved ? { headers: moved4 } : {}),
    },
  ];
}

/** The unit files of the sample set, in file-name order. */
export function unitFiles(): UnitFileSpec[] {
  const out: UnitFileSpec[] = [];
  UNIT_LIST.forEach((unit, i) => {
    const no = String(i + 1).padStart(2, "0");
    if (unit === LATE_UNIT) return;
    if (unit === BROKEN_UNIT) {
      out.push({ file: `${no} ${unit}.xlsx`, unit, broken: true });
      return;
    }
    out.push({
      file: `${no} ${unit}.xlsx`,
      unit,
      sheets: unitSheets(unit, i, {
        errors: unit === ERRORS_UNIT,
        moved: unit === MOVED_UNIT,
        otherRow: unit === OTHER_ROW_UNIT,
      }),
    });
    if (unit === DUPLICATE_UNIT)
      out.push({
        file: `${no} ${unit}（更正）.xlsx`,
        unit,
        sheets: unitSheets(unit, i, { revised: true }),
      });
  });
  return out;
}

/** The unit list sheet (序号, 单位名称, 单位类型). */
export function unitListSheet(): { name: string; rows: CellInput[][] } {
  return {
    name: "单位名单",
    rows: [
      ["序号", "单位名称", "单位类型"],
      ...UNIT_LIST.map((u, i) => [i + 1, u, UNITS.find(([n]) => n === u)?.[1] ?? ""]),
    ],
  };
}

/**
 * The bytes of every file of the sample set (unit list first), made reproducibly: `write` is the
 * template writer, `seal` fixes zip timestamps, `plain` writes the unit list sheet.
 */
export async function buildUnitSamples(
  write: (sheets: readonly TemplateSheetInput[]) => Promise<Uint8Array>,
  seal: (xlsx: Uint8Array) => Uint8Array,
  plain: (name: string, rows: CellInput[][]) => Uint8Array
): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  const list = unitListSheet();
  files.set(UNIT_LIST_FILE, plain(list.name, list.rows));
  for (const f of unitFiles()) {
    if (f.broken) {
      // a unit's workbook cut off in transit: the first 60% of its bytes
      const whole = seal(await write(unitSheets(f.unit, UNIT_LIST.indexOf(f.unit))));
      files.set(f.file, whole.subarray(0, Math.floor(whole.length * 0.6)));
    } else files.set(f.file, seal(await write(f.sheets ?? [])));
  }
  return files;
}
