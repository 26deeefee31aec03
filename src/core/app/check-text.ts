/**
 * The one Chinese wording of each outcome of a check that stops it (an unreadable file, wrong
 * definitions, no data, a year not there), whichever entry point shows it.
 */
import { problemCount, type TableDefinition } from "../definitions";
import { sheetLayout } from "../definitions/draft/layout";
import type { SheetModel, WorkbookModel } from "../model";
import { tableRange } from "../analyze";
import { YEAR_RANGE_TEXT } from "../years";
import type { CheckOutcome } from "./check";

type Stopped = Exclude<CheckOutcome, { code: "checked" }>;

/**
 * An outcome that stops a check as lines: the first says what happened (naming the file); wrong
 * definitions add one line per problem shown (without the repeated `文件名：`).
 * @example checkProblemLines({ code: "unreadable-file", file: "a.xlsx", reason: "找不到文件" }) // ["a.xlsx：找不到文件"]
 */
export function checkProblemLines(o: Stopped): string[] {
  switch (o.code) {
    case "unreadable-file":
      return [`${o.file}：${o.reason}`];
    case "no-data":
      return [
        `${o.files.join("、")}：工作簿中没有任何数据（所有工作表都是空的），没有可校验的统计表`,
      ];
    case "year-not-found":
      return [
        `${o.files.join("、")}：没有${o.year}年的统计表（表中的年度：${o.found.join("、") || "不明"}）`,
      ];
    case "year-out-of-range":
      return [`年度应在${YEAR_RANGE_TEXT}之间，收到：${o.year}`];
    case "since-not-before-year":
      return [
        `历年比较的起始年度${o.since}年不在报告年度${o.year}年之前，无法比较历年变化。请选择${o.year}年之前的年度。`,
      ];
    case "definitions-invalid": {
      const prefix = o.where ? `${o.where}：` : "";
      const bare = (l: string) => (prefix && l.startsWith(prefix) ? l.slice(prefix.length) : l);
      if (o.problems.length === 1) return [`${prefix}${bare(o.lines[0] ?? "")}`];
      return [
        `${prefix}表定义有${problemCount(o.problems.length, o.stopped)}错误，未使用：`,
        ...o.lines.map(bare),
      ];
    }
  }
}

/**
 * The same as one text, a line each (the pane shows it in one notice).
 * @example checkProblemText({ code: "unreadable-file", file: "a.xlsx", reason: "文件已损坏" }) // "a.xlsx：文件已损坏"
 */
export function checkProblemText(o: Stopped): string {
  return checkProblemLines(o).join("\n");
}

/** At most this many sheets, and headers of each, are named when no table is found. */
const SHEETS_NAMED = 10;
const HEADERS_NAMED = 8;

/**
 * A sheet's header row in words (at most eight headers), or undefined when it has none (a row of
 * at least two text headers).
 * @example headerRowText({ name: "学习", values: [["单位名称", "参加人数"], ["一中", 3]] }) // "“学习”第1行：单位名称、参加人数"
 */
export function headerRowText(sheet: SheetModel): string | undefined {
  const layout = sheetLayout(sheet);
  if (!layout || layout.columns.length < 2) return undefined;
  const rows = layout.headerRows.map((r) => r + 1).join("–");
  const headers = layout.columns.map((c) => c.header);
  const shown = headers.slice(0, HEADERS_NAMED).join("、");
  const more = headers.length > HEADERS_NAMED ? `…（共${headers.length}列）` : "";
  return `“${sheet.name}”第${rows}行：${shown}${more}`;
}

/**
 * A check that found no table, as lines: what is wrong (no header row matches the tables in
 * force), the header row each sheet does have, and the three ways on — a definitions file, a
 * 报表定义 sheet, or a definition drafted from these sheets (`file` names the workbook in the
 * command shown).
 * @example noTablesLines(BUILTIN_DEFINITIONS, { sheets: [{ name: "学习", values: [["单位名称", "参加人数"], ["一中", 3]] }] }, "a.xlsx")[2] // "  “学习”第1行：单位名称、参加人数"
 */
export function noTablesLines(
  definitions: readonly TableDefinition[],
  workbook: WorkbookModel,
  file = "工作簿.xlsx"
): string[] {
  const sheets = workbook.sheets
    .slice(0, SHEETS_NAMED)
    .map((sheet) => `  ${headerRowText(sheet) ?? `“${sheet.name}”：没有表头行`}`);
  const others = workbook.sheets.length - sheets.length;
  const command = /\s/.test(file) ? `"${file}"` : file;
  return [
    `未找到统计表：没有一张工作表的表头与${tableRange(definitions)}相符（按表头识别，与表名无关）。`,
    "工作簿中的表头：",
    ...sheets,
    ...(others > 0 ? [`  另有${others}张工作表未列出`] : []),
    "如果这些是本局自己的表，请给出它们的定义，任选一种：",
    "  --definitions 定义.json：按本局的定义文件校验；",
    "  在工作簿中加入“报表定义”工作表，写明本局的表；",
    `  bureau-stats definitions draft ${command} -o 定义.json：按这些表起草定义，核对后用 --definitions 使用。`,
  ];
}
