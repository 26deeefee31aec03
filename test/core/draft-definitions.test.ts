/**
 * A first definition drafted from a bureau's own sheets (`draftDefinitions`), on workbooks shaped
 * unlike the project's templates: written with the project's .xlsx writer and read back with its
 * reader (merged cells as Excel keeps them), then checked with the drafted definition — which must
 * pass `definitions check` and find no error in the workbook it was drafted from.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { cellAt, newSheet, writeXlsx, type XlsxValue } from "../../src/hosts/xlsx/writer";
import { analyzeWorkbook, type Analysis } from "../../src/core/analyze";
import {
  BUILTIN_DEFINITIONS,
  checkDefinitions,
  loadDefinitions,
  type TableDefinition,
} from "../../src/core/definitions";
import {
  draftDefinitions,
  draftReportLines,
  type DefinitionsDraft,
} from "../../src/core/definitions/draft";
import { noTablesLines } from "../../src/core/app/check-text";
import type { WorkbookModel } from "../../src/core/model";

const ROOT = path.join(__dirname, "..", "..");

/** A cell with its own number format. */
type In = XlsxValue | { readonly v: XlsxValue; readonly fmt: string };

interface SheetIn {
  readonly name: string;
  readonly rows: readonly (readonly In[])[];
  readonly merges?: readonly string[];
}

/** Writes the sheets with the project's writer and reads them back with its reader. */
function workbook(sheets: readonly SheetIn[]): WorkbookModel {
  const book = {
    creator: "test",
    created: new Date(Date.UTC(2015, 0, 5)),
    sheets: sheets.map((s) => {
      const sheet = newSheet(s.name);
      s.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined) return;
          const cell = cellAt(sheet, r + 1, c + 1);
          if (typeof v === "object" && !(v instanceof Date) && "fmt" in v) {
            cell.value = v.v;
            cell.style = { numFmt: v.fmt };
          } else cell.value = v;
        })
      );
      sheet.merges.push(...(s.merges ?? []));
      return sheet;
    }),
  };
  return readXlsx(writeXlsx(book));
}

const readFile = (p: string): WorkbookModel =>
  readXlsx(new Uint8Array(readFileSync(path.join(ROOT, p))));

/** The draft as a file would hold it, loaded as `--definitions` loads it, and the check with it. */
function checkWithDraft(wb: WorkbookModel): { draft: DefinitionsDraft; analysis: Analysis } {
  const draft = draftDefinitions(wb);
  const tables = JSON.parse(JSON.stringify(draft.definitions.tables)) as unknown[];
  expect(checkDefinitions(tables).problems).toEqual([]);
  // the current form: a number the bureau adds beside money is read in 元, and nothing in fen
  expect(draft.definitions.tables.every((t) => t.version === 2)).toBe(true);
  const definitions = loadDefinitions(tables, "draft.json");
  expect(definitions.filter((t) => t.readAsFen !== undefined)).toEqual([]);
  return { draft, analysis: analyzeWorkbook(wb, { definitions }) };
}

const errors = (a: Analysis) =>
  a.issues.filter((i) => i.severity === "error").map((i) => `${i.sheet}!${i.cell} ${i.code}`);

function table(draft: DefinitionsDraft, i = 0): TableDefinition {
  const t = draft.definitions.tables[i];
  if (!t) throw new Error(`no table ${i}`);
  return t;
}

const column = (t: TableDefinition, header: string) => t.columns.find((c) => c.header === header);

describe("the other bureau's sample", () => {
  const wb = readFile("assets/samples/other-bureau/other-bureau-2013.xlsx");
  const { draft, analysis } = checkWithDraft(wb);

  it("drafts its two tables, each from its 2013 and 2012 sheets", () => {
    expect(
      draft.definitions.tables.map((t) => [t.id, t.label, t.title, t.name, t.rowLabel])
    ).toEqual([
      ["B1", "表1", "表1 学习实践活动情况统计表", "学习实践活动情况", "单位"],
      ["B2", "表2", "表2 创建工作情况统计表", "创建工作情况", "项目"],
    ]);
    expect(
      draft.report.tables[0]?.sheets.map((s) => [
        s.sheet,
        s.year,
        s.headerRows,
        s.dataRows,
        s.totalRow,
      ])
    ).toEqual([
      ["表1 学习实践活动 2013", 2013, [3], 4, 8],
      ["表1 学习实践活动 2012", 2012, [3], 4, 8],
    ]);
  });

  it("infers each column's type, unit and choices, and the 合计 columns as figures", () => {
    const q1 = table(draft);
    expect(q1.columns).toEqual([
      { header: "单位名称", key: "name", required: true, type: "text", unique: true },
      {
        header: "单位类型",
        key: "c2",
        required: true,
        type: "enum",
        allowed: ["机关", "学校", "其他"],
      },
      { header: "参加党员数", key: "c3", required: true, type: "count", unit: "人" },
      { header: "整改项目数", key: "c4", required: true, type: "count", unit: "项" },
      { header: "已完成整改数", key: "c5", required: true, type: "count", unit: "项" },
      { header: "备注", key: "remark", required: false, type: "text" },
    ]);
    expect(q1.figures.totals.map((f) => f.column)).toEqual([
      "参加党员数",
      "整改项目数",
      "已完成整改数",
    ]);
    expect(column(table(draft, 1), "创建类别")?.allowed).toEqual([
      "文明单位",
      "依法治校示范校",
      "党组织换届",
    ]);
  });

  it("suggests no rule the data break (2013 has more done than found, as the sample's Q1-01 says)", () => {
    expect(table(draft).rules).toEqual([]);
    expect(draftReportLines(draft)).toContain(
      "  请核对：“表1 学习实践活动 2013”第5行的“已完成整改数”多于“整改项目数”，其余各行都不多于：未列为规则，请核实后再决定是否加上"
    );
  });

  it("checks the workbook with no error, finding all four sheets and drafting a paragraph", () => {
    expect(analysis.tables.map((t) => `${t.sheet} ${t.year}`)).toEqual([
      "表1 学习实践活动 2013 2013",
      "表2 创建工作 2013 2013",
      "表1 学习实践活动 2012 2012",
      "表2 创建工作 2012 2012",
    ]);
    expect(errors(analysis)).toEqual([]);
    expect(analysis.draft.text).toContain("参加党员236人，比上年增加13人，增长5.8%");
    expect(analysis.draft.text).toContain("已完成整改23项，比上年增加1项");
  });

  it("reports what it found in Chinese, table by table", () => {
    const lines = draftReportLines(draft);
    expect(lines[0]).toBe("表1 学习实践活动情况（B1，行标签：单位）");
    expect(lines[1]).toBe(
      "  工作表：“表1 学习实践活动 2013”（2013年，表头第3行，数据4行，合计第8行）、“表1 学习实践活动 2012”（2012年，表头第3行，数据4行，合计第8行）"
    );
    expect(lines[2]).toBe(
      "  列：单位名称（文本，必填，不重复）、单位类型（选项：机关、学校、其他，必填）、参加党员数（计数，人，必填）、整改项目数（计数，项，必填）、已完成整改数（计数，项，必填）、备注（文本）"
    );
  });
});

/** 学生资助: a merged title over the header on row 2, money, a date and a 其中 column. */
function aidSheet(year: number, rows: readonly (readonly In[])[]): SheetIn {
  const date = (m: number, d: number) => ({
    v: new Date(Date.UTC(year, m - 1, d)),
    fmt: "yyyy-mm-dd",
  });
  const dated = rows.map((r, i) => [...r, date(3 + i, 10)]);
  const sum = (k: number) => rows.reduce((s, r) => s + Number(r[k]), 0);
  return {
    name: `学生资助 ${year}`,
    merges: ["A1:F1"],
    rows: [
      ["学生资助情况统计表"],
      ["学校名称", "学段", "资助人数", "其中：女生", "资助金额（元）", "发放日期"],
      ...dated,
      ["合计", null, sum(2), sum(3), sum(4)],
    ],
  };
}

describe("a header on row 2 under a merged title", () => {
  const wb = workbook([
    aidSheet(2014, [
      ["城东小学", "小学", 30, 14, 15000.5],
      ["城西小学", "小学", 22, 12, 11000],
      ["第一中学", "初中", 41, 20, 20500],
    ]),
    aidSheet(2013, [
      ["城东小学", "小学", 28, 13, 14000],
      ["城西小学", "小学", 25, 11, 12500],
      ["第一中学", "初中", 40, 22, 20000],
    ]),
  ]);
  const { draft, analysis } = checkWithDraft(wb);
  const t = table(draft);

  it("finds the header on row 2, the years in the sheet names, and the title in row 1", () => {
    expect(draft.report.tables[0]?.sheets.map((s) => [s.year, s.headerRows, s.dataRows])).toEqual([
      [2014, [2], 3],
      [2013, [2], 3],
    ]);
    expect([t.label, t.title, t.name]).toEqual(["表1", "学生资助情况统计表", "学生资助情况"]);
  });

  it("reads money from the header's 元, a date column, and the 其中 column's unit from its total", () => {
    expect(t.columns.map((c) => [c.header, c.type, c.unit])).toEqual([
      ["学校名称", "text", undefined],
      ["学段", "enum", undefined],
      ["资助人数", "count", "人"],
      ["其中：女生", "count", "人"],
      ["资助金额（元）", "money", undefined],
      ["发放日期", "date", undefined],
    ]);
  });

  it("suggests 其中 ≤ its total as a warning, and no money rule", () => {
    expect(t.rules).toEqual([
      {
        id: "B1-01",
        code: "suggested-1",
        severity: "warning",
        kind: "row",
        check: "其中：女生 ≤ 资助人数",
        message: "“其中：女生”{value}人，多于“资助人数”{expected}人。请核实这两个数。",
      },
    ]);
  });

  it("checks with no error and drafts the money in 元", () => {
    expect(analysis.tables).toHaveLength(2);
    expect(errors(analysis)).toEqual([]);
    expect(analysis.draft.text).toContain("资助金额46500.5元");
  });
});

describe("a header on row 3, under a title and a 填报单位 line", () => {
  const sheet: SheetIn = {
    name: "Sheet1",
    merges: ["A1:D1"],
    rows: [
      ["表5 家访情况统计表（2014年）"],
      ["填报单位：某区教育局", null, "统计年度：2014"],
      ["学校", "家访户数", "参与教师数", "家访次数"],
      ["城东小学", 120, 18, 150],
      ["城西小学", 95, 12, 101],
      ["合计", 215, 30, 251],
    ],
  };
  const { draft, analysis } = checkWithDraft(workbook([sheet]));

  it("takes row 3 for the header, the year from 统计年度, the label and name from the title", () => {
    const t = table(draft);
    expect(draft.report.tables[0]?.sheets[0]).toMatchObject({ year: 2014, headerRows: [3] });
    expect([t.label, t.title, t.name]).toEqual(["表5", "表5 家访情况统计表", "家访情况"]);
    expect(t.columns.map((c) => c.unit)).toEqual([undefined, "户", "人", "次"]);
    expect(errors(analysis)).toEqual([]);
    expect(analysis.tables[0]?.figures.map((f) => `${f.id}=${f.value}`)).toEqual([
      "B1/家访户数=215",
      "B1/参与教师数=30",
      "B1/家访次数=251",
    ]);
  });
});

/** 教职工: two header rows — 教职工数 merged over 合计 and 其中：女, the others merged down. */
function staffSheet(year: number, rows: readonly (readonly In[])[]): SheetIn {
  const sum = (k: number) => rows.reduce((s, r) => s + Number(r[k]), 0);
  return {
    name: `${year}年`,
    merges: ["A1:E1", "A3:A4", "B3:C3", "D3:D4", "E3:E4"],
    rows: [
      [`${year}年教职工情况表`],
      [],
      ["单位名称", "教职工数", null, "培训经费（万元）", "备注"],
      [null, "合计", "其中：女"],
      ...rows,
      ["合计", sum(1), sum(2), Math.round(sum(3) * 10) / 10],
    ],
  };
}

describe("two header rows", () => {
  const wb = workbook([
    staffSheet(2014, [
      ["城东小学", 60, 41, 3.5],
      ["城西小学", 48, 30, 2.1],
    ]),
    staffSheet(2013, [
      ["城东小学", 58, 40, 3.2],
      ["城西小学", 50, 33, 2],
    ]),
  ]);
  const { draft, analysis } = checkWithDraft(wb);
  const t = table(draft);

  it("joins a group header to the headers under it", () => {
    expect(draft.report.tables[0]?.sheets.map((s) => s.headerRows)).toEqual([
      [3, 4],
      [3, 4],
    ]);
    expect(t.columns.map((c) => c.header)).toEqual([
      "单位名称",
      "教职工数（合计）",
      "教职工数（其中：女）",
      "培训经费（万元）",
      "备注",
    ]);
  });

  it("keeps 万元 amounts as decimals in 万元 (money is in 元), with no total figure", () => {
    expect(column(t, "培训经费（万元）")).toMatchObject({
      type: "decimal",
      unit: "万元",
      decimals: 1,
    });
    expect(t.figures.totals.map((f) => f.column)).toEqual([
      "教职工数（合计）",
      "教职工数（其中：女）",
    ]);
    expect(t.rules.map((r) => r.check)).toEqual(["教职工数（其中：女） ≤ 教职工数（合计）"]);
  });

  it("the check finds the table by both rows, with its data under the second, and no error", () => {
    expect(analysis.tables.map((t) => [t.sheet, t.year, t.rowCount])).toEqual([
      ["2014年", 2014, 2],
      ["2013年", 2013, 2],
    ]);
    expect(errors(analysis)).toEqual([]);
    expect(analysis.issues.filter((i) => i.code === "unknown-column")).toEqual([]);
    expect(analysis.tables[0]?.figures.find((f) => f.id === "B1/教职工数（合计）")?.value).toBe(
      108
    );
  });
});

describe("two header rows read without merged text copied down", () => {
  it("finds the same table when the lower row is blank under the merged headers", () => {
    const copied = workbook([
      staffSheet(2014, [
        ["城东小学", 60, 41, 3.5],
        ["城西小学", 48, 30, 2.1],
      ]),
    ]);
    // as a host that keeps a merged area's text in its first cell only: row 4 blank under A, D, E
    const [sheet] = copied.sheets;
    if (!sheet) throw new Error("no sheet");
    const values = sheet.values.map((row, r) =>
      r === 3 ? row.map((v, c) => (c === 1 || c === 2 ? v : null)) : row
    );
    expect(values[3]).toEqual([null, "合计", "其中：女", null, null]);
    const bare: WorkbookModel = { sheets: [{ name: sheet.name, values }] };
    const { draft, analysis } = checkWithDraft(bare);
    expect(table(draft).columns.map((c) => c.header)).toEqual([
      "单位名称",
      "教职工数（合计）",
      "教职工数（其中：女）",
      "培训经费（万元）",
      "备注",
    ]);
    expect(analysis.tables.map((t) => t.rowCount)).toEqual([2]);
    expect(errors(analysis)).toEqual([]);
  });
});

describe("a 计量单位 column and a rate", () => {
  const pct = (v: number) => ({ v, fmt: "0.0%" });
  const wb = workbook([
    {
      name: "咨询 2014",
      rows: [
        ["咨询办理情况表"],
        ["渠道", "计量单位", "受理数", "办结数", "办结率"],
        ["热线", "个", 200, 190, pct(0.95)],
        ["来访", "人次", 40, 40, pct(1)],
        ["网上", "件", 80, 72, pct(0.9)],
      ],
    },
  ]);
  const { draft, analysis } = checkWithDraft(wb);
  const t = table(draft);

  it("makes the 计量单位 column the unit of each row's counts, and groups the figures by row", () => {
    expect(column(t, "计量单位")).toMatchObject({
      key: "unit",
      type: "enum",
      allowed: ["个", "人次", "件"],
    });
    expect(column(t, "受理数")).toMatchObject({ type: "count", unitColumn: "计量单位" });
    expect(column(t, "受理数")?.unit).toBeUndefined();
    expect(t.figures).toEqual({
      totals: [],
      groupBy: "渠道",
      groups: [
        { column: "受理数", headline: true },
        { column: "办结数", headline: false },
      ],
    });
  });

  it("finds the rate's counts and suggests checking it, and 办结数 ≤ 受理数", () => {
    expect(column(t, "办结率")).toMatchObject({
      type: "percent",
      ratio: { numerator: "办结数", denominator: "受理数" },
    });
    expect(t.rules.map((r) => [r.kind, r.severity, r.check])).toEqual([
      ["named", "warning", "rateMatchesCounts"],
      ["row", "warning", "办结数 ≤ 受理数"],
    ]);
  });

  it("checks with no error, and writes each row's figure in its own unit", () => {
    expect(errors(analysis)).toEqual([]);
    expect(analysis.draft.text).toContain("受理热线200个，来访40人次，网上80件");
  });

  it("names the grouped figures and the suggested rules in the report", () => {
    const lines = draftReportLines(draft);
    expect(lines).toContain("  指标：受理数（按渠道分）、办结数（按渠道分）");
    expect(lines).toContain(
      "  建议规则（按数据推断，均为警告，请确认或删除）：B1-01 办结率 = 办结数÷受理数；B1-02 办结数 ≤ 受理数"
    );
  });
});

describe("notes and signatures below the table", () => {
  const rows: In[][] = [
    ["社区服务统计表"],
    ["服务点", "服务人次", "志愿者人数"],
    ["东街", 300, 12],
    ["西街", 210, 9],
  ];
  const below: In[][] = [
    [],
    ["说明：服务人次按登记表统计。"],
    ["填表人：张三", null, "审核人：李四"],
  ];

  it("are not read as data after the 合计 row, and the check finds no error", () => {
    const wb = workbook([{ name: "2014", rows: [...rows, ["合计", 510, 21], ...below] }]);
    const { draft, analysis } = checkWithDraft(wb);
    expect(draft.report.tables[0]?.sheets[0]).toMatchObject({ dataRows: 2, totalRow: 5 });
    expect(column(table(draft), "服务点")).toMatchObject({ required: true, unique: true });
    expect(errors(analysis)).toEqual([]);
  });

  it("end the data without a 合计 row when they begin 说明：, and the check stops there too", () => {
    const wb = workbook([{ name: "2014", rows: [...rows, ...below] }]);
    const { draft, analysis } = checkWithDraft(wb);
    expect(draft.report.tables[0]?.sheets[0]).toMatchObject({ dataRows: 2, notesBelow: 2 });
    expect(column(table(draft), "服务人次")).toMatchObject({ type: "count", required: true });
    expect(draftReportLines(draft).join("\n")).not.toContain("合计”行");
    expect(errors(analysis)).toEqual([]);
  });

  it("a signature line with no 合计 row above it: the draft says how to end the table", () => {
    const wb = workbook([{ name: "2014", rows: [...rows, [], ...below.slice(2)] }]);
    const draft = draftDefinitions(wb);
    expect(draft.report.tables[0]?.sheets[0]).toMatchObject({ dataRows: 2, notesBelow: 1 });
    expect(draftReportLines(draft)).toContain(
      "  请核对：有的表没有“合计”行，表下的签字等行校验时会当作数据行：请在数据行下加“合计”行，或让表下第一行以“说明：”开头"
    );
  });
});

describe("a workbook saved by another program", () => {
  // no LibreOffice-saved workbook is kept in test/fixtures; this one was written by openpyxl
  const wb = readFile("test/fixtures/openpyxl/bureau-stats-2013-openpyxl.xlsx");
  const { draft, analysis } = checkWithDraft(wb);

  it("drafts its four tables and checks them with no error", () => {
    expect(draft.definitions.tables.map((t) => t.name)).toEqual([
      "党员发展情况",
      "培训情况",
      "经费情况",
      "信访咨询办理情况",
    ]);
    expect(analysis.tables).toHaveLength(8);
    expect(errors(analysis)).toEqual([]);
  });

  it("finds each rate's counts as the built-in 表4 has them", () => {
    const t4 = table(draft, 3);
    expect(column(t4, "办结率")?.ratio).toEqual({ numerator: "办结数", denominator: "受理数" });
    expect(column(t4, "满意率")?.ratio).toEqual({ numerator: "满意数", denominator: "办结数" });
  });
});

describe("a header with ASCII punctuation", () => {
  it("is named in square brackets in a suggested rule, which the check then runs", () => {
    const wb = workbook([
      {
        name: "2014",
        rows: [
          ["学校", "教师数", "其中-女", "班级数", "其中：大班"],
          ["一小", 50, 30, 20, 5],
          ["二小", 40, 22, 16, 4],
          ["合计", 90, 52, 36, 9],
        ],
      },
    ]);
    const { draft, analysis } = checkWithDraft(wb);
    const t = table(draft);
    expect(t.rules.map((r) => r.check)).toEqual(["[其中-女] ≤ 教师数", "其中：大班 ≤ 班级数"]);
    expect(t.report?.sentences[0]?.length).toBe(4);
    expect(errors(analysis)).toEqual([]);
    // the rule is live: a row with more 女 than 教师 is warned of
    const wrong = workbook([
      {
        name: "2014",
        rows: [
          ["学校", "教师数", "其中-女"],
          ["一小", 50, 51],
          ["二小", 40, 22],
        ],
      },
    ]);
    const defs = loadDefinitions(
      JSON.parse(JSON.stringify(draftDefinitions(wb).definitions.tables))
    );
    const warned = analyzeWorkbook(wrong, { definitions: defs }).issues.filter(
      (i) => i.rule === "B1-01"
    );
    expect(warned.map((i) => i.cell)).toEqual(["C2"]);
  });
});

describe("a 序号 column first, the 合计 in the second column, and a note and signatures below", () => {
  const sheet = (year: number, extra: number): SheetIn => ({
    name: `志愿服务${year}`,
    merges: ["A1:F1"],
    rows: [
      [`${year}年度 教育系统志愿服务活动统计表`],
      ["填报单位：市教育局机关党委", null, null, null, "单位：人、次"],
      ["序号", "学校", "志愿者人数", "其中:党员", "服务次数", "备注"],
      [1, "市一中", 120 + extra, 45, 36],
      [2, "市二中", 98, 30, 28 + extra],
      [3, "实验小学", 76, 22, 40],
      [null, "合计", 294 + extra, 97, 104 + extra],
      [],
      ["注：志愿者人数含在职教师和学生。"],
      ["填表人：王芳", null, null, "审核：李明"],
    ],
  });
  const wb = workbook([sheet(2014, 6), sheet(2013, 0)]);
  const { draft, analysis } = checkWithDraft(wb);
  const t = table(draft);

  it("ends the data at the 合计 row and asks no unit for a 序号", () => {
    expect(draft.report.tables[0]?.sheets.map((s) => [s.year, s.dataRows, s.totalRow])).toEqual([
      [2014, 3, 7],
      [2013, 3, 7],
    ]);
    expect(column(t, "序号")).toMatchObject({ type: "text", required: false });
    expect(errors(analysis)).toEqual([]);
  });

  it("writes the sentence without saying the unit twice", () => {
    expect(analysis.draft.text).toContain(
      "志愿者300人，比上年增加6人，增长2.0%，其中：党员97人，与上年持平，服务110次，比上年增加6次，增长5.8%。"
    );
  });
});

describe("sheets that are no table", () => {
  it("are left out with the reason", () => {
    const wb = workbook([
      { name: "封面", rows: [["2014年统计报表"]] },
      { name: "空白", rows: [] },
      { name: "只有表头", rows: [["单位", "人数"]] },
    ]);
    const draft = draftDefinitions(wb);
    expect(draft.definitions.tables).toEqual([]);
    expect(draft.report.skipped).toEqual([
      { sheet: "封面", reason: "没有找到表头行（一行至少两个文字表头）" },
      { sheet: "空白", reason: "空白工作表" },
      { sheet: "只有表头", reason: "只有表头，没有数据行，看不出各列填什么" },
    ]);
  });
});

describe("no table found with the definitions in force", () => {
  it("names each sheet's header row and the three ways on", () => {
    const wb = readFile("assets/samples/other-bureau/other-bureau-2013.xlsx");
    expect(noTablesLines(BUILTIN_DEFINITIONS, wb, "other-bureau-2013.xlsx")).toEqual([
      "未找到统计表：没有一张工作表的表头与表1–表4相符（按表头识别，与表名无关）。",
      "工作簿中的表头：",
      "  “表1 学习实践活动 2013”第3行：单位名称、单位类型、参加党员数、整改项目数、已完成整改数、备注",
      "  “表2 创建工作 2013”第3行：项目名称、创建类别、计量单位、数量、备注",
      "  “表1 学习实践活动 2012”第3行：单位名称、单位类型、参加党员数、整改项目数、已完成整改数、备注",
      "  “表2 创建工作 2012”第3行：项目名称、创建类别、计量单位、数量、备注",
      "如果这些是本局自己的表，请给出它们的定义，任选一种：",
      "  --definitions 定义.json：按本局的定义文件校验；",
      "  在工作簿中加入“报表定义”工作表，写明本局的表；",
      "  bureau-stats definitions draft other-bureau-2013.xlsx -o 定义.json：按这些表起草定义，核对后用 --definitions 使用。",
    ]);
  });

  it("says when a sheet has no header row, and quotes a file name with spaces", () => {
    const wb = workbook([{ name: "封面", rows: [["2014年统计报表"]] }]);
    const lines = noTablesLines(BUILTIN_DEFINITIONS, wb, "my book.xlsx");
    expect(lines[2]).toBe("  “封面”：没有表头行");
    expect(lines.at(-1)).toContain('definitions draft "my book.xlsx" -o');
  });
});
