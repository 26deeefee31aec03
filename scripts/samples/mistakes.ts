/**
 * The sample workbook with deliberate mistakes: the clean 2013/2012 data with one mistake (or a
 * few) per rule of docs/rules.md. `MISTAKES` lists every issue the check must report, cell by cell;
 * the samples README is written from it and the tests check each entry against the real output.
 */
import type { CellInput, TemplateSheetInput } from "../../src/hosts/xlsx/template";
import { defaultSheetName } from "../../src/hosts/xlsx/template";
import { BUILTIN_DEFINITIONS, type TableDefinition } from "../../src/core/definitions";
import type { TableId } from "../../src/core/issues";
import { columnLetters } from "../../src/core/model";
import {
  T1_2012,
  table1Rows,
  T1_2013,
  table2Rows,
  table3Rows,
  table4Rows,
  yearSheets,
  MISTAKES_NOTE,
} from "./figures";

export interface Mistake {
  readonly sheet: string;
  /** A1 cell (or `7:7` row) where the issue is reported. */
  readonly cell: string;
  readonly rule: string;
  readonly severity: "error" | "warning";
  /** True when the row's 备注 explains the warning. */
  readonly explained?: boolean;
  /** What was done, in Chinese. */
  readonly what: string;
}

type Row = Record<string, CellInput>;

const FIRST_DATA_ROW = 4;

function def(id: TableId): TableDefinition {
  return BUILTIN_DEFINITIONS.find((t) => t.id === id) as TableDefinition;
}

/** The A1 address of `header` on data row `i` (0-based) of a sheet with `headers`. */
function cellOf(id: TableId, header: string, i: number, headers?: readonly string[]): string {
  const hs = headers ?? def(id).columns.map((c) => c.header);
  const col = hs.indexOf(header);
  if (col < 0) throw new Error(`no header ${header} in ${id}`);
  return columnLetters(col) + String(FIRST_DATA_ROW + i);
}

const day = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

/** Builds the mistakes workbook's sheets and the list of what must be reported. */
export function mistakeSheets(): { sheets: TemplateSheetInput[]; mistakes: Mistake[] } {
  const mistakes: Mistake[] = [];
  const clean = [...yearSheets(2013), ...yearSheets(2012)];
  const byKey = (id: TableId, year: number): TemplateSheetInput =>
    clean.find((s) => s.tableId === id && s.year === year) as TemplateSheetInput;
  const S = (id: TableId, year: number): string => defaultSheetName(id, year);
  const add = (
    id: TableId,
    year: number,
    cell: string,
    rule: string,
    severity: "error" | "warning",
    what: string,
    explained?: boolean
  ): void => {
    mistakes.push({
      sheet: S(id, year),
      cell,
      rule,
      severity,
      what,
      ...(explained ? { explained } : {}),
    });
  };

  // ---------- 表1 2013 ----------
  const t1 = table1Rows(T1_2013);
  const n1 = t1.length;
  const t1Total = (h: string): string => cellOf("T1", h, n1);
  const r = (i: number): Row => t1[i] as Row;
  r(2)["发展预备党员"] = 8; // 教工 2 + 学生 5 = 7
  add(
    "T1",
    2013,
    cellOf("T1", "发展预备党员", 2),
    "T1-01",
    "error",
    "昆山市第一中学 发展预备党员 填 8，而 其中：教工 2 + 其中：学生 5 = 7"
  );
  r(23)["评选优秀党员"] = 15;
  add(
    "T1",
    2013,
    cellOf("T1", "评选优秀党员", 23),
    "T1-02",
    "error",
    "昆山市城北幼儿园 评选优秀党员 15 名，多于年末党员数 12 人"
  );
  r(9)["其中：学生"] = 1;
  r(9)["发展预备党员"] = (r(9)["其中：教工"] as number) + 1;
  add(
    "T1",
    2013,
    cellOf("T1", "其中：学生", 9),
    "T1-03",
    "error",
    "初中（昆山市葛江中学）填报学生党员 1 人（初中学生未满 18 岁）"
  );
  r(0)["其中：学生"] = 1;
  r(0)["发展预备党员"] = (r(0)["其中：教工"] as number) + 1;
  r(0)["备注"] = "机关挂职的在职研究生 1 人";
  add(
    "T1",
    2013,
    cellOf("T1", "其中：学生", 0),
    "T1-03",
    "warning",
    "机关单位填报学生党员 1 人（备注已说明）",
    true
  );
  r(14)["单位类型"] = null;
  add(
    "T1",
    2013,
    cellOf("T1", "单位类型", 14),
    "G-02",
    "error",
    "昆山市周庄中学 单位类型 空白（必填）"
  );
  r(16)["单位类型"] = "九年一贯制";
  add(
    "T1",
    2013,
    cellOf("T1", "单位类型", 16),
    "G-02",
    "error",
    "单位类型 填 “九年一贯制”，不在可选列表中"
  );
  r(24)["年末党员数"] = "四十一";
  add(
    "T1",
    2013,
    cellOf("T1", "年末党员数", 24),
    "G-02",
    "error",
    "年末党员数 填汉字 “四十一”，不能读成数字"
  );
  r(25)["年末党员数"] = "37人";
  add(
    "T1",
    2013,
    cellOf("T1", "年末党员数", 25),
    "G-02",
    "warning",
    "年末党员数 “37人” 带单位，按 37 读取"
  );
  r(1)["培训入党积极分子"] = "２３";
  add(
    "T1",
    2013,
    cellOf("T1", "培训入党积极分子", 1),
    "G-02",
    "warning",
    "培训入党积极分子 “２３” 是全角数字，按 23 读取"
  );
  r(26)["单位名称"] = "昆山市城北中学";
  add(
    "T1",
    2013,
    cellOf("T1", "单位名称", 26),
    "G-02",
    "error",
    "单位名称 “昆山市城北中学” 与第 16 行重复（单位名称须唯一）"
  );
  // Excel's SUM skips text: the 合计 of these columns is short by the text-typed values
  add(
    "T1",
    2013,
    t1Total("年末党员数"),
    "G-03",
    "error",
    "合计 年末党员数 由 SUM 公式算出，Excel 的 SUM 不计文本 “37人”，比各行之和少 37"
  );
  add(
    "T1",
    2013,
    t1Total("培训入党积极分子"),
    "G-03",
    "error",
    "合计 培训入党积极分子 由 SUM 公式算出，不计文本 “２３”，比各行之和少 23"
  );
  const t1Sheet: TemplateSheetInput = {
    ...byKey("T1", 2013),
    rows: t1,
    total: { 评选优秀党员: 60 },
  };
  add(
    "T1",
    2013,
    t1Total("评选优秀党员"),
    "G-03",
    "error",
    "合计 评选优秀党员 手填 60，各行之和为 72（含第 27 行的 15）"
  );
  // cross-year (last year's 发展预备党员 32 < this year's 转正预备党员 35)
  add(
    "T1",
    2013,
    t1Total("转正预备党员"),
    "T1-04",
    "warning",
    "转正预备党员合计 35 人，多于 2012 年发展预备党员 32 人"
  );
  add(
    "T1",
    2013,
    t1Total("发展预备党员"),
    "G-05",
    "warning",
    "发展预备党员合计 52 人，比 2012 年 32 人增长 62.5%（超过 50%）"
  );
  add(
    "T1",
    2013,
    t1Total("其中：学生"),
    "G-05",
    "warning",
    "其中：学生 合计 33 人，比 2012 年 20 人增长 65.0%"
  );

  // ---------- 表2 2013 ----------
  const t2 = table2Rows(2013) as Row[];
  const q = (i: number): Row => t2[i] as Row;
  q(5)["结束日期"] = day(2013, 4, 30);
  add(
    "T2",
    2013,
    cellOf("T2", "结束日期", 5),
    "T2-01",
    "error",
    "后备干部培训班 结束日期 2013-04-30 早于开始日期 2013-05-06"
  );
  q(4)["开始日期"] = day(2012, 12, 17);
  add(
    "T2",
    2013,
    cellOf("T2", "开始日期", 4),
    "T2-02",
    "warning",
    "校长培训 开始日期 2012-12-17 不在统计年度 2013 年内"
  );
  q(6)["人均学时"] = 240;
  q(6)["备注"] = "含跟岗实践学时";
  add(
    "T2",
    2013,
    cellOf("T2", "人均学时", 6),
    "T2-03",
    "warning",
    "教师培训 人均学时 240，超过 200（备注已说明）",
    true
  );
  q(3)["培训人数"] = 110;
  add(
    "T2",
    2013,
    cellOf("T2", "培训人数", 3),
    "T2-04",
    "warning",
    "新党员培训 培训人数 110，与表1 合计 新党员培训 112 不一致"
  );
  q(1)["人均学时"] = { error: "#DIV/0!" };
  add("T2", 2013, cellOf("T2", "人均学时", 1), "G-02", "error", "人均学时 是 Excel 错误值 #DIV/0!");
  t2.push({ ...q(0) });
  add(
    "T2",
    2013,
    `${FIRST_DATA_ROW + t2.length - 1}:${FIRST_DATA_ROW + t2.length - 1}`,
    "G-04",
    "warning",
    "第 12 行与第 4 行（暑期党员干部集中轮训）完全相同，重复填报"
  );
  const t2Sheet: TemplateSheetInput = { ...byKey("T2", 2013), rows: t2 };

  // ---------- 表3 2013 ----------
  const t3Headers = [...def("T3").columns.map((c) => c.header), "经办人"];
  const t3 = table3Rows(2013) as Row[];
  const m = (i: number): Row => t3[i] as Row;
  t3.forEach((row) => (row["经办人"] = "李华"));
  m(0)["金额（元）"] = "45,200.00";
  add(
    "T3",
    2013,
    cellOf("T3", "金额（元）", 0, t3Headers),
    "G-02",
    "warning",
    "金额 “45,200.00” 带千位分隔符（文本），按 45200 读取"
  );
  m(5)["金额（元）"] = "7.24万";
  add(
    "T3",
    2013,
    cellOf("T3", "金额（元）", 5, t3Headers),
    "G-02",
    "warning",
    "慰问金 金额 “7.24万”，按 72400 元读取"
  );
  m(8)["金额（元）"] = 215600;
  add(
    "T3",
    2013,
    cellOf("T3", "金额（元）", 8, t3Headers),
    "T3-03",
    "warning",
    "三公经费 215600 元，高于 2012 年 203880 元"
  );
  t3.push({
    项目名称: "退休老党员节日慰问",
    经费类别: "慰问金",
    "金额（元）": 3000,
    受益人数: null,
    日期: day(2013, 9, 18),
    经办人: "李华",
  });
  add(
    "T3",
    2013,
    cellOf("T3", "受益人数", t3.length - 1, t3Headers),
    "T3-01",
    "error",
    "慰问金 行未填受益人数"
  );
  t3.push({
    项目名称: "重病教职工专项慰问",
    经费类别: "慰问金",
    "金额（元）": 12000,
    受益人数: 2,
    日期: day(2013, 11, 6),
    经办人: "李华",
  });
  add(
    "T3",
    2013,
    cellOf("T3", "金额（元）", t3.length - 1, t3Headers),
    "T3-02",
    "warning",
    "慰问金 12000 元发给 2 人，人均 6000 元，超过 5000 元"
  );
  add("T3", 2013, "G3", "G-01", "warning", "多出一列 “经办人”（不是模板的列，忽略）");
  add(
    "T3",
    2013,
    cellOf("T3", "金额（元）", t3.length, t3Headers),
    "G-03",
    "error",
    "合计 金额 由 SUM 公式算出，不计文本 “45,200.00” 和 “7.24万”，比各行之和少 117600.00 元"
  );
  const t3Sheet: TemplateSheetInput = { ...byKey("T3", 2013), headers: t3Headers, rows: t3 };

  // ---------- 表4 2013 ----------
  const t4Headers = [...def("T4").columns.map((c) => c.header), "备注"];
  const t4 = table4Rows(2013) as Row[];
  const c = (i: number): Row => t4[i] as Row;
  c(3)["办结数"] = 45;
  add(
    "T4",
    2013,
    cellOf("T4", "办结数", 3, t4Headers),
    "T4-01",
    "error",
    "来信 办结数 45，多于受理数 43"
  );
  c(4)["满意数"] = 9;
  c(4)["满意率"] = null;
  add(
    "T4",
    2013,
    cellOf("T4", "满意数", 4, t4Headers),
    "T4-02",
    "error",
    "人大代表建议 满意数 9，多于办结数 8"
  );
  c(5)["办结率"] = 1.2;
  add(
    "T4",
    2013,
    cellOf("T4", "办结率", 5, t4Headers),
    "T4-03",
    "error",
    "政协委员提案 办结率 120.0%，超出 0–100%"
  );
  c(2)["办结数"] = 3400;
  c(2)["办结率"] = 0.985;
  add(
    "T4",
    2013,
    cellOf("T4", "办结率", 2, t4Headers),
    "T4-03",
    "error",
    "网上咨询 办结率 98.5%，而 办结数/受理数 = 3400/3509 = 96.9%"
  );
  c(0)["办结率"] = { value: 100, numFmt: "0" };
  add(
    "T4",
    2013,
    cellOf("T4", "办结率", 0, t4Headers),
    "G-02",
    "warning",
    "来电 办结率 填 100（常规数字格式），按 100% 读取，请用百分比格式"
  );
  add("T4", 2013, "I3", "G-01", "error", "表头 “备注” 出现两次");
  const t4Sheet: TemplateSheetInput = { ...byKey("T4", 2013), headers: t4Headers, rows: t4 };

  // ---------- 2012 (invented) ----------
  const t1Last: TemplateSheetInput = {
    ...byKey("T1", 2012),
    rows: table1Rows({ ...T1_2012, staff: 12, students: 20 }),
  };
  const t2LastHeaders = def("T2")
    .columns.map((x) => x.header)
    .filter((h) => h !== "期数");
  const t2Last: TemplateSheetInput = { ...byKey("T2", 2012), headers: t2LastHeaders };
  add("T2", 2012, "3:3", "G-01", "error", "2012 年表2 缺少必填列 “期数”");

  const sheets = [
    t1Sheet,
    t2Sheet,
    t3Sheet,
    t4Sheet,
    t1Last,
    t2Last,
    byKey("T3", 2012),
    byKey("T4", 2012),
    // one 说明： (a note row ends 表4, which has no 合计 row)
  ].map((s) => (s.note ? { ...s, note: `${MISTAKES_NOTE}${s.note.replace(/^说明：/, "")}` } : s));
  return { sheets, mistakes };
}
