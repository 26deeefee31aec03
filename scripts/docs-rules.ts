/**
 * Writes `docs/rules.md`, the list of every rule the checks report, from the code and the
 * definitions themselves: the generic rules (G-01 … G-11) with each issue code's wording
 * (`GENERIC_MESSAGES`) and explanation (`GENERIC_RULES`), then each built-in table's rules as
 * their definitions state them and as the pane explains them (`ruleExplanation`). Nothing in the
 * page is written by hand, so it cannot drift from what the checks say.
 * Run: `npm run docs:rules` (a test fails when the committed page is out of date).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { GENERIC_MESSAGES, type MessageCode } from "../src/core/messages";
import { GENERIC_RULES, ruleExplanation } from "../src/core/place";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import {
  BUILTIN_DEFINITIONS,
  hasTotalRow,
  type RuleDefinition,
  type TableDefinition,
} from "../src/core/definitions";

export const RULES_FILE = join(__dirname, "..", "docs", "rules.md");

type Severity = "error" | "warning";

/**
 * The generic rule and severity of each generic issue code. `satisfies` makes the compiler refuse
 * this list when a code is added to the messages without being listed here.
 */
export const GENERIC_CODES = {
  "missing-header": ["G-01", "error"],
  "unknown-column": ["G-01", "warning"],
  "duplicate-header": ["G-01", "error"],
  "required-blank": ["G-02", "error"],
  "not-a-number": ["G-02", "error"],
  "not-integer": ["G-02", "error"],
  "below-min": ["G-02", "error"],
  "too-many-decimals": ["G-02", "error"],
  "too-large": ["G-02", "error"],
  "wrong-type": ["G-02", "error"],
  "excel-error": ["G-02", "error"],
  "formula-without-value": ["G-02", "error"],
  "not-in-list": ["G-02", "error"],
  "not-a-date": ["G-02", "error"],
  "duplicate-value": ["G-02", "error"],
  "lenient-number": ["G-02", "warning"],
  "lenient-enum": ["G-02", "warning"],
  "lenient-date-text": ["G-02", "warning"],
  "lenient-date-number": ["G-02", "warning"],
  "lenient-percent-number": ["G-02", "warning"],
  "lenient-percent-fraction": ["G-02", "warning"],
  "total-mismatch": ["G-03", "error"],
  "total-blank": ["G-03", "warning"],
  "no-total-row": ["G-03", "warning"],
  "sum-too-large": ["G-03", "error"],
  "duplicate-row": ["G-04", "warning"],
  "large-change": ["G-05", "warning"],
  "empty-table": ["G-06", "error"],
  "duplicate-table": ["G-07", "error"],
  "duplicate-table-files": ["G-07", "error"],
  "unit-changed": ["G-08", "warning"],
  "series-year-missing": ["G-09", "warning"],
  "series-year-blank": ["G-09", "warning"],
  "series-year-twice": ["G-09", "warning"],
  "series-table-missing": ["G-09", "warning"],
  "series-decrease": ["G-10", "error"],
  "series-jump": ["G-11", "warning"],
  // reported under the rule id of the rateMatchesCounts check that finds it (T4-03)
  "rate-out-of-range": ["", "error"],
} as const satisfies Record<MessageCode, readonly [string, Severity]>;

const SEVERITY: Readonly<Record<Severity, string>> = { error: "错误", warning: "警告" };
const KIND: Readonly<Record<RuleDefinition["kind"], string>> = {
  row: "行规则",
  figures: "指标规则",
  named: "固定检查",
};

/**
 * Text fit for one cell of a Markdown table: `|` escaped, line breaks joined.
 * @example cell('单位类型 = "初中" || 单位类型 = "小学"') // '单位类型 = "初中" \\|\\| 单位类型 = "小学"'
 */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
}

/** A code span for a table cell (its `|` escaped too). */
function code(text: string): string {
  return `\`${cell(text)}\``;
}

function genericSection(): string[] {
  const lines = [
    "## 通用规则（每张表都检查）",
    "",
    "| 规则 | 检查什么 |",
    "| --- | --- |",
    ...Object.entries(GENERIC_RULES).map(([rule, text]) => `| ${rule} | ${cell(text)} |`),
    "",
    "每条通用规则报告的问题代码、级别和提示语（`{…}` 处填入问题的单元格、数值等）：",
    "",
    "| 规则 | 问题代码 | 级别 | 提示语 |",
    "| --- | --- | --- | --- |",
  ];
  const entries = Object.entries(GENERIC_CODES) as [MessageCode, readonly [string, Severity]][];
  for (const [c, [rule, severity]] of entries) {
    const shown = rule || "比率检查所属的规则（如 T4-03）";
    lines.push(
      `| ${shown} | ${code(c)} | ${SEVERITY[severity]} | ${cell(GENERIC_MESSAGES[c] ?? "")} |`
    );
  }
  lines.push(
    "",
    "`lenient-number` 代表六种宽松读取的数字（`lenient-wan`、`lenient-unit-suffix`、" +
      "`lenient-thousands`、`lenient-fullwidth`、`lenient-spaces`、`lenient-text-number`），" +
      "`{fixes}` 按读取时发现的写法列出改法（如“只填数字”“去掉千位分隔符”）。",
    "",
    `设置项（默认值）：G-05 变动幅度超过 ${DEFAULT_SETTINGS.changeThresholdPct}% 且上年数不小于 ` +
      `${DEFAULT_SETTINGS.changeMinBase} 时提示；规则中的“慰问金人均上限”为 ` +
      `${DEFAULT_SETTINGS.condolencePerPersonLimit} 元。`,
    "",
    "下面各表规则的检查式中，金额以元计（单位为万元的列以万元计），比率以%计（`办结率 ≥ 95` 即95%）；" +
      "列名带括号等符号时写在方括号里，如 `[金额(元)] ≤ 10000`（见 definitions.md）。",
    ""
  );
  return lines;
}

/** How a rule is written in its definition: its expression (with `when`) or its named check. */
function ruleSource(r: RuleDefinition): string {
  if (r.kind === "named") {
    const params = Object.entries(r.params)
      .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("、") : v}`)
      .join("；");
    return `${code(r.check)}（${cell(params)}）`;
  }
  const when = r.when ? `当 ${code(r.when)} 时，` : "";
  return `${when}${code(r.check)}`;
}

/** What a table whose counts have the unit of their row says of its 合计 (none for other tables). */
function perRowUnits(t: TableDefinition): string[] {
  const cols = t.columns.filter((c) => c.unitColumn !== undefined);
  const unitCol = t.columns.find((c) => c.header === cols[0]?.unitColumn);
  if (cols.length === 0 || !unitCol) return [];
  const units = unitCol.allowed ? `（${unitCol.allowed.join("、")}）` : "";
  const where = hasTotalRow(t) ? "合计行中这几列留空" : "本表没有合计行";
  return [
    `${cols.map((c) => c.header).join("、")}按各行的“${unitCol.header}”${units}计数，` +
      `单位不同的数不相加：${where}，G-03 不要求也不检查这几列的合计；同比和报告中每个数保留所在行的单位。`,
    "",
  ];
}

function tableSection(t: TableDefinition): string[] {
  const ids = [...new Set(t.rules.map((r) => r.id))];
  const lines = [
    `### ${t.label} ${t.name}（${t.id}）`,
    "",
    ...perRowUnits(t),
    "任务窗格在规则代码旁的说明：",
    "",
    ...ids.map((id) => `- ${cell(ruleExplanation(id))}`),
    "",
    "| 规则 | 问题代码 | 级别 | 类型 | 定义中的写法 | 提示语 |",
    "| --- | --- | --- | --- | --- | --- |",
    ...t.rules.map(
      (r) =>
        `| ${r.id} | ${code(r.code)} | ${SEVERITY[r.severity]} | ${KIND[r.kind]} | ` +
        `${ruleSource(r)} | ${cell(r.message)} |`
    ),
    "",
  ];
  return lines;
}

/** The whole page (what `docs/rules.md` must hold). */
export function rulesPage(definitions: readonly TableDefinition[] = BUILTIN_DEFINITIONS): string {
  const lines = [
    "# 校验规则一览",
    "",
    "<!-- 本页由 `npm run docs:rules`（scripts/docs-rules.ts）从代码和内置表定义生成，请勿手改。 -->",
    "",
    "本页列出校验报告的每一条规则：先是每张表都检查的通用规则（G-01…G-11），再是内置表1–表4各自的规则。",
    "规则代码出现在每一个问题旁；“错误”改正后才能上报，“警告”可以在该行“备注”中说明原因" +
      "（见 [checks.md](checks.md)）。提示语由 `src/core/messages.ts`（通用规则）和各表定义的 " +
      "`message`（表规则）给出；表定义的格式见 [definitions.md](definitions.md)。",
    "",
    "局里自己定义的表（`--definitions` 或工作簿中的“报表定义”）带有自己的规则代码，任务窗格以同样方式说明。",
    "",
    ...genericSection(),
    "## 内置表的规则",
    "",
  ];
  for (const t of definitions) lines.push(...tableSection(t));
  return lines.join("\n").replace(/\n+$/, "\n");
}

if (require.main === module) {
  writeFileSync(RULES_FILE, rulesPage());
  console.log(`wrote ${RULES_FILE}`);
}
