/**
 * A small workbook for the browser tests, written with ExcelJS: 表1 and 表2 for 2013 and 表1 for
 * 2012 (so 同比 has figures), with deliberate mistakes (T1-01 sum, T1-03 students in a 初中, an
 * explained T1-03 warning in a 机关) and hostile cell text (HTML/script and formula-injection
 * strings, stored as text) that must be shown as text everywhere.
 */
import ExcelJS from "exceljs";

export const HOSTILE_HTML = "<img src=x onerror=alert(1)>";
export const HOSTILE_FORMULA = '=HYPERLINK("http://evil.example","点我")';

type Row = Array<string | number | null>;

const T1_HEADERS = [
  "单位名称",
  "单位类型",
  "年末党员数",
  "培训入党积极分子",
  "发展预备党员",
  "其中：教工",
  "其中：学生",
  "转正预备党员",
  "新党员培训",
  "评选优秀党员",
  "备注",
];

const T2_HEADERS = [
  "培训项目",
  "培训类别",
  "期数",
  "培训人数",
  "人均学时",
  "开始日期",
  "结束日期",
  "备注",
];

function totals(rows: Row[], from: number, to: number): Row {
  const out: Row = ["合计"];
  for (let c = 1; c < rows[0]!.length; c++) {
    if (c < from || c > to) {
      out.push(null);
      continue;
    }
    out.push(rows.reduce((n, r) => n + (typeof r[c] === "number" ? (r[c] as number) : 0), 0));
  }
  return out;
}

function addTemplateSheet(
  wb: ExcelJS.Workbook,
  name: string,
  title: string,
  year: number,
  headers: string[],
  rows: Row[],
  total: Row | undefined
): void {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]);
  ws.addRow([
    "填报单位",
    "示例市教育局",
    "统计年度",
    year,
    "填报人",
    "测试",
    "填报日期",
    `${year + 1}-01-10`,
  ]);
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  if (total) ws.addRow(total);
}

/** The workbook's bytes. */
export async function makeFixtureWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const t1of2013: Row[] = [
    ["实验小学", "小学", 40, 10, 5, 5, 0, 3, 4, 6, null],
    ["第一中学", "高中", 60, 20, 10, 6, 4, 8, 9, 10, null],
    [HOSTILE_HTML, "初中", 30, 8, 4, 3, 1, 2, 3, 5, null], // T1-03 (E): students in a 初中
    [HOSTILE_FORMULA, "中职", 20, 5, 3, 1, 1, 1, 2, 2, null], // T1-01 (E): 3 ≠ 1 + 1
    ["教育局机关", "机关", 25, 4, 2, 1, 1, 2, 2, 3, "在职研究生"], // T1-03 (W), explained
  ];
  addTemplateSheet(
    wb,
    "表1 2013",
    "表1 党员发展情况统计表",
    2013,
    T1_HEADERS,
    t1of2013,
    totals(t1of2013, 2, 9)
  );
  const t2of2013: Row[] = [
    [`${HOSTILE_HTML}党员轮训`, "党员干部轮训", 2, 120, 16, null, null, null],
    ["积极分子培训班", "入党积极分子培训", 1, 47, 24, null, null, null],
    ["新党员培训班", "新党员培训", 1, 20, 12, null, null, null],
  ];
  addTemplateSheet(
    wb,
    "表2 2013",
    "表2 培训情况统计表",
    2013,
    T2_HEADERS,
    t2of2013,
    totals(t2of2013, 2, 3)
  );
  const t1of2012: Row[] = [
    ["实验小学", "小学", 38, 9, 4, 4, 0, 3, 3, 5, null],
    ["第一中学", "高中", 58, 18, 8, 5, 3, 6, 8, 9, null],
    ["第二中学", "初中", 28, 7, 3, 3, 0, 2, 3, 4, null],
    ["职业学校", "中职", 19, 4, 2, 1, 1, 1, 1, 2, null],
  ];
  addTemplateSheet(
    wb,
    "表1 2012",
    "表1 党员发展情况统计表",
    2012,
    T1_HEADERS,
    t1of2012,
    totals(t1of2012, 2, 9)
  );
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
