/**
 * Chinese messages, made from an issue (every issue's message is Chinese; style: docs/messages.md).
 * Rules never hold the final text: a definition's rule carries its wording (`message`, with
 * `{placeholders}`), the generic checks' wording is here, and this module fills the placeholders
 * from the issue.
 */
import type { GenericCode, Issue, IssueParams, IssueValue, LenientNumberCode } from "./issues";
import { LENIENT } from "./read/numbers";
import { quoteSheet } from "./sheet-names";
import { SERIES_MESSAGES } from "./compare/series-checks";

/**
 * A code with a message of its own here: every generic code, except that the leniencies of a
 * number share `lenient-number` (its fixes named from the issue's `lenient` bits).
 */
export type MessageCode = Exclude<GenericCode, LenientNumberCode> | "lenient-number";

/**
 * Wording of the generic codes (G-01…G-11, lenient reading, named checks' extra codes). The
 * compiler checks that every code has its wording (and that no wording is for a code no check has).
 */
export const GENERIC_MESSAGES: Readonly<Record<string, string>> = Object.freeze({
  "missing-header": "缺少必填列“{column}”。请在表头行补上这一列。",
  "unknown-column": "“{value}”不是本表的列，已忽略。请检查列名是否写错，或删除这一列。",
  "duplicate-header": "列“{column}”重复出现（另见{other}），此列已忽略。请删除重复的列。",
  "required-blank": "“{column}”为必填项，现为空白。请填写这个单元格。",
  "not-a-number": "“{column}”应填数字，“{value}”无法读作数字。请改为数字。",
  "not-integer": "“{column}”应为整数，“{value}”不是整数。请检查，四舍五入为{expected}。",
  "below-min": "“{column}”不能小于{expected}，现为{value}。请检查这个数。",
  "too-many-decimals": "“{column}”小数位数过多。请检查“{value}”，四舍五入为{expected}。",
  "too-large": "“{column}”中的“{value}”数值过大，无法精确计算。请检查这个数。",
  "wrong-type": "“{column}”中的“{value}”类型不对。请填写正确的值。",
  "excel-error": "“{column}”为Excel错误值{value}。请修正公式或数据。",
  "formula-without-value":
    "“{column}”是公式“{value}”，但文件中没有保存计算结果。请在 Excel 中打开并保存后再校验。",
  "not-in-list": "“{value}”不是“{column}”的可选值。请从下拉列表中选择：{expected}。",
  "not-a-date": "“{value}”不是有效日期。请按2013-05-01的格式填写。",
  "duplicate-value": "“{column}”“{value}”与{other}重复。请检查是否重复填报。",
  "lenient-number": "“{value}”已按{expected}读取。请{fixes}。",
  "lenient-enum": "“{value}”已按“{expected}”读取。请从下拉列表中选择。",
  "lenient-date-text": "“{value}”已按{expected}读取。请填写为日期格式的单元格。",
  "lenient-date-number": "“{value}”已按日期{expected}读取。请将单元格设为日期格式。",
  "lenient-percent-number": "“{value}”已按{expected}读取。请使用百分比格式。",
  "lenient-percent-fraction":
    "“{value}”已按{expected}读取（未设百分比格式）。请确认不是{value}%，并使用百分比格式。",
  "total-mismatch":
    "合计行“{column}”为{value}，各行之和为{expected}，两者不符。请检查合计行和各行的数。",
  "total-blank": "合计行“{column}”为空，各行之和为{expected}。请填写合计。",
  "no-total-row": "没有“合计”行，已按各行之和计算合计。请检查是否漏了合计行。",
  "sum-too-large": "“{column}”的合计数值过大，无法精确计算。请检查各行的数。",
  "duplicate-row": "此行与{other}完全相同。请检查是否重复填报。",
  "duplicate-table-files":
    "与{other}是{year}年的同一张表（本表来自{file}），{same}。请只保留一个版本（同比和报告按文件名在前的一份计算）。",
  "large-change":
    "“{column}”{group}本年{value}，上年{expected}，{direction}{pct}%，超过{threshold}%，变动较大。请核实，并在备注中说明原因。",
  "rate-out-of-range": "“{column}”{value}超出0–100%的范围。请检查这个比率。",
  "empty-table": "表中没有数据行（空白模板）。请填写数据，或删除这张表。",
  "duplicate-table":
    "与工作表“{other}”是{year}年的同一张表（{value}），无法判断哪一张是要上报的。请只保留一张。",
  "unit-changed":
    "{group}“计量单位”本年为“{value}”，{previousYear}年为“{expected}”，单位不同，不作同比比较。请核实哪一年的单位正确。",
  // the checks over years word their issues in compare/series-checks.ts
  ...SERIES_MESSAGES,
} satisfies Record<MessageCode, string>);

/** The fix each leniency asks for, in the order they are listed. */
const FIXES: ReadonlyArray<readonly [number, string]> = [
  [LENIENT.wan, "填写完整数字（不要用“万”）"],
  [LENIENT.unitSuffix, "只填数字"],
  [LENIENT.thousands, "去掉千位分隔符"],
  [LENIENT.fullwidth, "使用半角数字"],
  [LENIENT.spaces, "去掉多余的空格"],
];

/**
 * The fixes for a set of leniency bits.
 * @example lenientFixes(LENIENT.unitSuffix | LENIENT.textNumber) // "只填数字"
 * @example lenientFixes(LENIENT.textNumber) // "将单元格设为数值格式"
 */
export function lenientFixes(bits: number): string {
  // "填写完整数字" already covers the unit of `3.5万元`
  const wanted = bits & LENIENT.wan ? bits & ~LENIENT.unitSuffix : bits;
  const fixes = FIXES.filter(([bit]) => wanted & bit).map(([, text]) => text);
  return fixes.length > 0 ? fixes.join("，") : "将单元格设为数值格式";
}

/**
 * An address in words, for messages (no Excel notation in prose: the issue's own cell is shown
 * beside the message, as a link where the screen allows): `7:7` and `C12` → `第7行`, `第12行`,
 * `C:C` → `C列`, `'表1 党员发展 2013'!I31` → `“表1 党员发展 2013”第31行`, anything else as is.
 * @example describeAddress("7:7") // "第7行"
 * @example describeAddress("A16") // "第16行"
 * @example describeAddress("'表1 党员发展 2013'!I31") // "“表1 党员发展 2013”第31行"
 */
export function describeAddress(address: string): string {
  const qualified = /^(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(address);
  if (qualified) {
    const sheet = (qualified[1] ?? "").replace(/''/g, "'") || (qualified[2] ?? "");
    return `“${sheet}”${describeAddress(qualified[3] ?? "")}`;
  }
  const row = /^(\d+):\1$/.exec(address);
  if (row) return `第${row[1]}行`;
  const col = /^([A-Z]+):\1$/.exec(address);
  if (col) return `${col[1]}列`;
  const cell = /^[A-Z]{1,3}(\d+)$/.exec(address);
  if (cell) return `第${cell[1]}行`;
  return address;
}

function show(v: IssueValue | undefined): string {
  if (v === undefined || v === null) return "（空）";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

/** A message template split at its `{placeholders}`: literal, name, literal, …, literal. */
type MessageParts = readonly string[];

const PLACEHOLDER = /\{([^{}]+)\}/g;
const partsCache = new Map<string, MessageParts>();

/**
 * A message template split once at its placeholders (issue lists can hold 100,000 issues: no
 * regex per issue).
 * @example messageParts("“{column}”为空") // ["“", "column", "”为空"]
 */
function messageParts(template: string): MessageParts {
  let parts = partsCache.get(template);
  if (parts) return parts;
  const out: string[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    out.push(template.slice(last, m.index), m[1] ?? "");
    last = m.index + m[0].length;
  }
  out.push(template.slice(last));
  parts = out;
  partsCache.set(template, parts);
  return parts;
}

/** The text of one placeholder, or undefined to leave `{name}` as written. */
function placeholderText(issue: Issue, name: string, lenientNumber: boolean): string | undefined {
  const params: IssueParams | undefined = issue.params;
  if (name === "fixes" && lenientNumber) {
    const bits = typeof params?.lenient === "number" ? params.lenient : 0;
    return lenientFixes(bits);
  }
  if (name === "group" && issue.code === "large-change")
    return params?.group ? `（${show(params.group)}）` : "";
  if (name === "group" && issue.code === "unit-changed") return show(params?.group ?? "");
  if (params && Object.hasOwn(params, name)) {
    const v = params[name];
    if (name !== "other" || typeof v !== "string") return show(v);
    // the other header of a repeated column is on the same row: its column says where
    const header = issue.code === "duplicate-header" ? /^([A-Z]{1,3})\d+$/.exec(v) : null;
    return header ? `${header[1]}列` : describeAddress(v);
  }
  switch (name) {
    case "value":
      return show(issue.value);
    case "expected":
      return show(issue.expected);
    case "column":
      return issue.column ?? "";
    case "cell":
      return issue.cell;
    case "sheet":
      return issue.sheet;
    default:
      return undefined;
  }
}

/**
 * The Chinese message of an issue.
 * @example issueMessage({ rule: "G-02", code: "lenient-unit-suffix", severity: "warning", sheet: "表1", cell: "C5", value: "49人", expected: 49, explained: false, params: { lenient: 40 } }) // "“49人”已按49读取。请只填数字。"
 */
export function issueMessage(issue: Issue): string {
  const code = issue.code;
  const template =
    ("messageWording" in issue ? issue.messageWording : undefined) ??
    GENERIC_MESSAGES[code] ??
    (code.startsWith("lenient-") ? GENERIC_MESSAGES["lenient-number"] : undefined) ??
    `${issue.rule} ${code}`;
  const lenientNumber =
    code.startsWith("lenient-") && template === GENERIC_MESSAGES["lenient-number"];
  const parts = messageParts(template);
  let text = parts[0] ?? "";
  for (let k = 1; k < parts.length; k += 2) {
    const name = parts[k] ?? "";
    text += (placeholderText(issue, name, lenientNumber) ?? `{${name}}`) + (parts[k + 1] ?? "");
  }
  return issue.explained ? `${text}（已在备注中说明）` : text;
}

/**
 * Where an issue is, for lists: `表1!C5`, `'2013 表1'!7:7`.
 * @example issueLocation({ sheet: "表1", cell: "C5" } as Issue) // "表1!C5"
 */
export function issueLocation(issue: Pick<Issue, "sheet" | "cell">): string {
  return `${quoteSheet(issue.sheet)}!${issue.cell}`;
}

/**
 * A message's two sentences: what is wrong, and how to fix it or what to check (the style guide
 * in docs/messages.md: every message is `what is wrong。what to do。`).
 * @example splitMessage("“单位类型”为必填项，现为空白。请填写这个单元格。") // ["“单位类型”为必填项，现为空白。", "请填写这个单元格。"]
 */
export function splitMessage(message: string): [string, string] {
  const end = message.indexOf("。");
  if (end < 0 || end === message.length - 1) return [message, ""];
  return [message.slice(0, end + 1), message.slice(end + 1)];
}
