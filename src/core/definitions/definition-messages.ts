/**
 * The Chinese wording of what can be wrong in a table definition (docs/definitions.md). The checks
 * (`schema.ts`, `problems.ts`) only tag a problem with its code, a path and values; the text is
 * made here, apart from the checks, as `messages.ts` does for the issues of a workbook. The
 * compiler checks that every code has its wording.
 */

import type { ColumnType } from "../read/column-types";

/** The `params` each code's message names (all strings; `{value}` is the entry's value). */
export type DefinitionParams = {
  /** A file that is no JSON: where (`第3行第5列`) and the text there. */
  readonly "json-syntax": { readonly at: string; readonly near: string };
  /** The same, where the engine does not say where (Safari). */
  readonly "json-syntax-somewhere": Record<string, never>;
  readonly "not-definitions": { readonly found: string };
  readonly "no-tables": Record<string, never>;
  readonly "not-a-table": Record<string, never>;
  readonly missing: Record<string, never>;
  readonly "wrong-type": { readonly expected: string };
  readonly "not-one-of": { readonly expected: string };
  readonly empty: Record<string, never>;
  readonly "too-few": { readonly minimum: string };
  readonly "too-small": { readonly minimum: string };
  readonly "too-big": { readonly maximum: string };
  readonly "not-integer": Record<string, never>;
  readonly spaces: Record<string, never>;
  readonly "bad-key": Record<string, never>;
  readonly "bad-table-id": Record<string, never>;
  readonly "bad-rule-id": Record<string, never>;
  readonly "bad-code": Record<string, never>;
  readonly "bad-format": Record<string, never>;
  readonly "enum-allowed": Record<string, never>;
  readonly "clause-kind": Record<string, never>;
  readonly "duplicate-table-id": { readonly first: string };
  readonly "duplicate-header": { readonly first: string };
  readonly "duplicate-key": { readonly first: string };
  readonly "duplicate-rule-code": { readonly first: string };
  readonly "unknown-header": Record<string, never>;
  readonly "not-numeric-figure": Record<string, never>;
  readonly "per-row-unit-total": Record<string, never>;
  readonly "group-by-not-enum": Record<string, never>;
  readonly "groups-without-group-by": Record<string, never>;
  readonly "rule-id-prefix": { readonly prefix: string };
  readonly "unknown-name": { readonly name: string };
  readonly "bad-expression": { readonly detail: string };
  readonly "no-cell": Record<string, never>;
  readonly "unknown-figure": { readonly name: string };
  readonly "unknown-series-form": { readonly name: string; readonly words: string };
  readonly "series-with-compare": { readonly name: string };
  readonly "no-rate-group": { readonly rate: string; readonly group: string };
  readonly "not-a-category": { readonly category: string; readonly column: string };
  readonly "no-headline": Record<string, never>;
  /** A problem found by code this table does not know (the wording as given). */
  readonly other: { readonly detail: string };
};

export type DefinitionCode = keyof DefinitionParams;

/** The message of each code; `{name}` is filled from the problem's params. */
export const DEFINITION_MESSAGES = Object.freeze({
  "json-syntax": "不是有效的 JSON：{at}有语法错误（“{near}”附近）",
  "json-syntax-somewhere": "不是有效的 JSON：有语法错误（请用编辑器检查括号、引号和逗号）",
  "not-definitions": '不是表定义文件：应为 { "tables": [ 表定义, … ] }，这里是{found}',
  "no-tables": '没有任何表（"tables" 是空的），至少要定义一张表',
  "not-a-table": "应为一张表的定义 { … }",
  missing: "缺少这一项",
  "wrong-type": "应为{expected}",
  "not-one-of": "应为{expected}",
  empty: "不能为空",
  "too-few": "至少要有{minimum}项",
  "too-small": "不能小于{minimum}",
  "too-big": "不能大于{maximum}",
  "not-integer": "应为整数",
  spaces: "前后不能有空格",
  "bad-key": "只能用英文字母和数字，以小写字母开头",
  "bad-table-id": "只能用英文字母、数字和下划线，以字母开头，最多16个字符（如 T5）",
  "bad-rule-id": "应为表的编号、短横线和两位数字（如 T5-01）",
  "bad-code": "只能用小写英文字母、数字和短横线，以字母开头（如 posts-above-items）",
  "bad-format": "格式不对",
  "enum-allowed": "选项列（enum）要列出可选值（allowed），其他类型的列不能有可选值",
  "clause-kind":
    "每个分句只能是文字（text）、列举（list）、比率（rates）、项目（programmes）中的一种",
  "duplicate-table-id": "编号重复（{first}已用过）",
  "duplicate-header": "列名重复（{first}已用过）",
  "duplicate-key": "键重复（{first}已用过）",
  "duplicate-rule-code": "代码重复（{first}已用过）",
  "unknown-header": "不是本表的列",
  "not-numeric-figure": "不是计数或金额列",
  "per-row-unit-total":
    "各行的计量单位可以不同（unitColumn），不能加成合计，请改为分组指标（groups）",
  "group-by-not-enum": "不是选项列（enum），不能按它分组",
  "groups-without-group-by": "有分组指标，但没有写分组依据（groupBy）",
  "rule-id-prefix": "应以“{prefix}”开头（本表的编号和短横线，或 G-）",
  "unknown-name": "“{name}”不是本表的列，也不是设置",
  "bad-expression": "{detail}",
  "no-cell": "没有可报告的单元格（检查式中没有列，请写出 cell）",
  "unknown-figure": "占位符“{{name}}”不是本表的指标",
  "unknown-series-form":
    "占位符“{{name}}”中的“{words}”不是历年写法，请写连续、年均、比首年或比某年（如比2010年）",
  "series-with-compare": "占位符“{+{name}}”是历年写法，不带同比，请去掉“+”",
  "no-rate-group": "比率“{rate}”没有“{group}”这一项",
  "not-a-category": "“{category}”不是“{column}”的可选值",
  "no-headline": "有报告句子，但本表没有主要指标（headline 为 true 的指标）",
  other: "{detail}",
} satisfies Record<DefinitionCode, string>);

/** The names of the definition fields in the statistician's terms (`key` → `键`). */
export const FIELD_NAMES: Readonly<Record<string, string>> = Object.freeze({
  version: "格式版本",
  id: "编号",
  label: "简称",
  title: "标题",
  name: "名称",
  rowLabel: "每行的名称",
  columns: "列",
  rules: "规则",
  figures: "指标",
  blankRows: "空行数",
  report: "报告",
  header: "列名",
  key: "键",
  type: "类型",
  required: "必填",
  allowed: "可选值",
  unique: "不可重复",
  min: "最小值",
  decimals: "小数位数",
  unit: "单位",
  unitColumn: "单位列",
  ratio: "比率",
  numerator: "分子",
  denominator: "分母",
  aliases: "别名",
  code: "代码",
  severity: "严重程度",
  message: "提示文字",
  kind: "类别",
  check: "检查式",
  when: "条件",
  cell: "报告的单元格",
  blank: "空白处理",
  params: "参数",
  column: "列",
  headline: "主要指标",
  cumulative: "累计数",
  totals: "合计指标",
  groups: "分组",
  groupBy: "分组依据",
  heading: "段落标题",
  sentences: "句子",
  text: "文字",
  list: "列举",
  rates: "比率",
  programmes: "项目",
  lead: "引导语",
  items: "列举项",
  itemSep: "列举分隔符",
  sep: "分隔符",
  sepAfterChange: "同比后的分隔符",
  attached: "紧接上文",
  indicators: "比率指标",
  nameHeader: "项目名称列",
  categoryHeader: "类别列",
  order: "类别顺序",
  byCategory: "各类别的句子",
  fallback: "其他类别的句子",
  maxNames: "最多列出的项目数",
});

/** The column types in words (also what the 报表定义 sheet writes in its 内容 cell). */
export const COLUMN_TYPE_WORDS: Readonly<Record<ColumnType, string>> = Object.freeze({
  text: "文本",
  enum: "选项",
  count: "计数",
  decimal: "小数",
  money: "金额",
  date: "日期",
  percent: "百分比",
});

/** What an allowed value means, shown next to it (`error（错误）`). */
export const VALUE_WORDS: Readonly<Record<string, string>> = Object.freeze({
  error: "错误",
  warning: "警告",
  ...COLUMN_TYPE_WORDS,
  row: "行规则",
  figures: "指标规则",
  named: "内置检查",
  skip: "空白时不检查",
  zero: "空白按0计",
  // the definitions format (`version`)
  1: "旧格式，规则中的金额以分计",
  2: "规则中的金额以元计",
});

/** What a zod type is, in words (`应为文字`). */
export const TYPE_WORDS: Readonly<Record<string, string>> = Object.freeze({
  string: "文字（用引号括起）",
  number: "数字",
  int: "整数",
  boolean: "true 或 false",
  array: "列表 [ … ]",
  object: "对象 { … }",
  record: "对象 { … }",
});

/** How many problems a refusal lists (a file of junk would give one per entry). */
export const SHOWN_PROBLEMS = 20;

/**
 * How many problems are found before the check stops (the tables after that one are not checked:
 * a file of junk must not take seconds to refuse).
 */
export const PROBLEM_LIMIT = 1000;

/** The line after the listed problems: how many more there are (at least, if the check stopped). */
export const moreProblems = (n: number, stopped: boolean): string =>
  stopped ? `另有${n}处以上错误未列出（错误太多，后面的表未检查）` : `另有${n}处错误未列出`;

/** How many problems, for the line above the list: `3处`, `1000处以上`. */
export const problemCount = (n: number, stopped: boolean): string =>
  `${n}处${stopped ? "以上" : ""}`;

/** A table in texts: `表1（T1）`, or its place when it has no usable label/id. */
export const tableWords = (index: number, label?: string, id?: string): string =>
  label && id ? `${label}（${id}）` : id ? `表定义“${id}”` : `第${index + 1}张表`;
