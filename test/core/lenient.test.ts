/**
 * Lenient reading, strict reporting (the lenient-* warnings of G-02, docs/rules.md): what people
 * type is understood AND flagged.
 * Table: input → value read → warning code (or error code when it cannot be read).
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "../../src/core/model";
import { issueMessage } from "../../src/core/messages";
import { validateWorkbook } from "../../src/core/validate";
import {
  buildSheet,
  cellOf,
  t1Row,
  t2Row,
  t3Row,
  t4Row,
  workbook,
  type RowSpec,
  type TableId,
} from "./fixtures";

interface Read {
  readonly value: number | string | undefined;
  readonly codes: string[];
  readonly severity: string | undefined;
  readonly expected: unknown;
  readonly message: string | undefined;
}

const BASE: Record<TableId, () => RowSpec> = {
  T1: () => t1Row("一中"),
  T2: () => t2Row("培训班"),
  T3: () => t3Row("项目"),
  T4: () => t4Row("来电", { 办结率: null }),
};

function readVia(id: TableId, header: string, input: CellValue, format?: string): Read {
  const sheet = buildSheet(id, [{ ...BASE[id](), [header]: input }], {
    total: "none",
    ...(format === undefined ? {} : { formats: { [header]: format } }),
  });
  const r = validateWorkbook(workbook(sheet));
  const cell = cellOf(id, header, 0);
  const issues = r.issues.filter((i) => i.cell === cell && i.rule === "G-02");
  const record = r.tables[0]?.records[0];
  return {
    value: record?.numbers[header] ?? record?.text[header],
    codes: issues.map((i) => i.code),
    severity: issues[0]?.severity,
    expected: issues[0]?.expected,
    message: issues[0] ? issueMessage(issues[0]) : undefined,
  };
}

type Case = [
  input: CellValue,
  value: number | string | undefined,
  code: string | null,
  format?: string,
];

describe("counts (表1 年末党员数)", () => {
  const cases: Case[] = [
    [49, 49, null],
    ["49", 49, "lenient-text-number"],
    ["４９", 49, "lenient-fullwidth"],
    ["49人", 49, "lenient-unit-suffix"],
    ["49 人", 49, "lenient-unit-suffix"],
    [" 49 ", 49, "lenient-spaces"],
    ["\u300049", 49, "lenient-spaces"],
    ["1,234", 1234, "lenient-thousands"],
    ["1，234", 1234, "lenient-thousands"],
    ["7万", 70000, "lenient-wan"],
    ["４９人", 49, "lenient-unit-suffix"],
    [3.0000000000000004, 3, null],
    ["abc", undefined, "not-a-number"],
    ["1,23", undefined, "not-a-number"],
    ["49.5", undefined, "not-integer"],
    ["-3", undefined, "below-min"],
    ["49个人", undefined, "not-a-number"],
    [Number.NaN, undefined, "not-a-number"],
    [Number.POSITIVE_INFINITY, undefined, "not-a-number"],
    [1e300, undefined, "too-large"],
    [false, undefined, "wrong-type"],
    [{ error: "#N/A" }, undefined, "excel-error"],
    [{ formula: "IF(C4>0,C4,0)" }, undefined, "formula-without-value"],
  ];
  it.each(cases)("%j → %j (%s)", (input, value, code) => {
    const r = readVia("T1", "年末党员数", input);
    expect(r.value).toBe(value);
    expect(r.codes).toEqual(code === null ? [] : [code]);
    if (code?.startsWith("lenient-")) {
      expect(r.severity).toBe("warning");
      expect(r.expected).toBe(value);
    } else if (code) expect(r.severity).toBe("error");
  });
  it("says which formula has no saved result, and what to do", () => {
    expect(readVia("T1", "年末党员数", { formula: "IF(C4>0,C4,0)" }).message).toBe(
      "“年末党员数”是公式“=IF(C4>0,C4,0)”，但文件中没有保存计算结果。请在 Excel 中打开并保存后再校验。"
    );
  });
  it("says what it read and what to fix", () => {
    expect(readVia("T1", "年末党员数", "49人").message).toBe("“49人”已按49读取。请只填数字。");
    expect(readVia("T1", "年末党员数", "４９人").message).toBe(
      "“４９人”已按49读取。请只填数字，使用半角数字。"
    );
    expect(readVia("T1", "年末党员数", "49").message).toBe(
      "“49”已按49读取。请将单元格设为数值格式。"
    );
    expect(readVia("T1", "年末党员数", "1,234").message).toBe(
      "“1,234”已按1234读取。请去掉千位分隔符。"
    );
  });
});

describe("money (表3 金额（元）), exact to the fen", () => {
  const cases: Case[] = [
    [301370, 30137000, null],
    ["301370元", 30137000, "lenient-unit-suffix"],
    ["301,370", 30137000, "lenient-thousands"],
    ["301,370.50", 30137050, "lenient-thousands"],
    ["3.5万元", 3500000, "lenient-wan"],
    ["7万", 7000000, "lenient-wan"],
    ["1.2345万", 1234500, "lenient-wan"],
    [0.1 + 0.2, 30, null],
    [1.15, 115, null],
    [301370.15, 30137015, null],
    ["0.30000000000000004", undefined, "too-many-decimals"],
    [1.005, undefined, "too-many-decimals"],
    ["12.345", undefined, "too-many-decimals"],
    [-0.01, undefined, "below-min"],
  ];
  it.each(cases)("%j → %j fen (%s)", (input, value, code) => {
    const r = readVia("T3", "金额（元）", input);
    expect(r.value).toBe(value);
    expect(r.codes).toEqual(code === null ? [] : [code]);
  });
  it("the warning shows the value read in 元", () => {
    expect(readVia("T3", "金额（元）", "3.5万元").message).toBe(
      "“3.5万元”已按35000读取。请填写完整数字（不要用“万”）。"
    );
    expect(readVia("T3", "金额（元）", 1.005).expected).toBe("1.01");
  });
});

describe("dates (表2 开始日期)", () => {
  const cases: Case[] = [
    [{ date: 41395 }, "2013-05-01", null],
    [41395, "2013-05-01", null, "yyyy-mm-dd"],
    [41395, "2013-05-01", null, 'yyyy"年"m"月"d"日"'],
    [41395, "2013-05-01", "lenient-date-number", "General"],
    ["2013-05-01", "2013-05-01", "lenient-date-text"],
    ["2013年5月1日", "2013-05-01", "lenient-date-text"],
    ["2013/5/1", "2013-05-01", "lenient-date-text"],
    ["2013.5.1", "2013-05-01", "lenient-date-text"],
    ["2013-02-30", undefined, "not-a-date"],
    ["五月", undefined, "not-a-date"],
    [-5, undefined, "not-a-date", "yyyy-mm-dd"],
  ];
  it.each(cases)("%j → %j (%s, format %s)", (input, value, code, format) => {
    const r = readVia("T2", "开始日期", input, format);
    expect(r.value).toBe(value);
    expect(r.codes).toEqual(code === null ? [] : [code]);
  });
});

describe("percent (表4 办结率, counts 98/100)", () => {
  const cases: Case[] = [
    [0.98, 980, null, "0.0%"],
    ["98%", 980, null],
    ["98.0%", 980, null],
    [98, 980, "lenient-percent-number", "General"],
    [0.98, 980, "lenient-percent-fraction", "General"],
    ["98", 980, "lenient-percent-number"],
    [" 98% ", 980, "lenient-spaces"],
    ["９８％", 980, "lenient-fullwidth"],
    ["九成八", undefined, "not-a-number"],
  ];
  it.each(cases)("%j → %j tenths (%s, format %s)", (input, value, code, format) => {
    const r = readVia("T4", "办结率", input, format);
    expect(r.value).toBe(value);
    expect(r.codes).toEqual(code === null ? [] : [code]);
  });
  it("a fraction without percent format says it may be meant as percent", () => {
    expect(readVia("T4", "办结率", 0.98, "General").message).toBe(
      "“0.98”已按98%读取（未设百分比格式）。请确认不是0.98%，并使用百分比格式。"
    );
  });
});

describe("choices (表1 单位类型)", () => {
  it("accepts a choice with stray spaces or full-width forms, and says so", () => {
    const r = readVia("T1", "单位类型", " 高中 ");
    expect(r.value).toBe("高中");
    expect(r.codes).toEqual(["lenient-enum"]);
    expect(r.message).toBe("“ 高中 ”已按“高中”读取。请从下拉列表中选择。");
  });
  it("rejects a value outside the list, listing the choices", () => {
    const r = readVia("T1", "单位类型", "大学");
    expect(r.codes).toEqual(["not-in-list"]);
    expect(r.expected).toBe("机关、高中、中职、初中、小学、幼儿园、其他");
  });
});
