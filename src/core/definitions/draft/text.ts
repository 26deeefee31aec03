/**
 * What a drafted definition found, in Chinese lines (the command line prints them): each table,
 * the sheets it was read from, its columns with their types and units, its figures and suggested
 * rules, and what to look at before using it.
 */
import { COLUMN_TYPE_WORDS } from "../definition-messages";
import type { ColumnDefinition, TableDefinition } from "../schema";
import type { DefinitionsDraft, DraftedSheet } from "./report";

/** At most this many choices are named in a column's line. */
const CHOICES_SHOWN = 6;

function sheetText(s: DraftedSheet): string {
  const rows =
    s.headerRows.length === 2 ? `第${s.headerRows.join("–")}行` : `第${s.headerRows[0]}行`;
  const parts = [
    s.year === undefined ? "年度不明" : `${s.year}年`,
    `表头${rows}`,
    `数据${s.dataRows}行`,
    s.totalRow === undefined ? "无合计行" : `合计第${s.totalRow}行`,
  ];
  return `“${s.sheet}”（${parts.join("，")}）`;
}

/**
 * A column in words: `参加党员数（计数，人，必填）`.
 * @example columnText({ header: "单位类型", key: "c2", type: "enum", required: true, allowed: ["机关", "学校"] }) // "单位类型（选项：机关、学校，必填）"
 */
export function columnText(c: ColumnDefinition): string {
  const type = COLUMN_TYPE_WORDS[c.type];
  const parts: string[] = [];
  if (c.allowed) {
    const shown = c.allowed.slice(0, CHOICES_SHOWN).join("、");
    parts.push(
      `${type}：${shown}${c.allowed.length > CHOICES_SHOWN ? `等${c.allowed.length}项` : ""}`
    );
  } else parts.push(type);
  if (c.unit !== undefined) parts.push(c.unit);
  if (c.unitColumn !== undefined) parts.push(`单位见“${c.unitColumn}”`);
  if (c.type === "decimal") parts.push(`${c.decimals ?? 1}位小数`);
  if (c.ratio) parts.push(`=${c.ratio.numerator}÷${c.ratio.denominator}`);
  if (c.required) parts.push("必填");
  if (c.unique) parts.push("不重复");
  return `${c.header}（${parts.join("，")}）`;
}

function ruleText(t: TableDefinition): string[] {
  return t.rules.map((r) => {
    if (r.kind !== "named") return `${r.id} ${r.check}`;
    const rate = String(r.params.rate);
    const ratio = t.columns.find((c) => c.header === rate)?.ratio;
    const check = ratio ? `${rate} = ${ratio.numerator}÷${ratio.denominator}` : rate;
    return `${r.id} ${check}`;
  });
}

/**
 * The draft's report as lines: a heading line per table, then indented lines.
 * @example draftReportLines(draftDefinitions(workbook))[0] // "表1 学习实践活动情况（B1，行标签：单位）"
 */
export function draftReportLines(draft: DefinitionsDraft): string[] {
  const out: string[] = [];
  draft.report.tables.forEach((r, i) => {
    const t = draft.definitions.tables[i];
    if (!t) return;
    out.push(`${t.label} ${t.name}（${t.id}，行标签：${t.rowLabel}）`);
    out.push(`  工作表：${r.sheets.map(sheetText).join("、")}`);
    out.push(`  列：${t.columns.map(columnText).join("、")}`);
    if (r.figures.length > 0) out.push(`  指标：${r.figures.join("、")}`);
    const rules = ruleText(t);
    if (rules.length > 0)
      out.push(`  建议规则（按数据推断，均为警告，请确认或删除）：${rules.join("；")}`);
    for (const c of r.columns)
      for (const note of c.notes) out.push(`  请核对：“${c.column.header}”${note}`);
    for (const note of r.notes) out.push(`  请核对：${note}`);
  });
  if (draft.report.skipped.length > 0)
    out.push(
      `未起草：${draft.report.skipped.map((s) => `“${s.sheet}”（${s.reason}）`).join("、")}`
    );
  return out;
}
