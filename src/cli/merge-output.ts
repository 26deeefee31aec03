/** `merge`'s report: the per-unit text, the `--json` object, the merged workbook's bytes. */
import {
  sourcedMessage,
  baseName,
  issueMessage,
  problemPlace,
  toldByMergeFilter,
  type MergeOutcome,
  type MergeResult,
  type MergeProblem,
  type UnitReport,
  type Issue,
  type IssueValue,
} from "../core";
import { terminalSafe as safe } from "./output";

function sev(s: "error" | "warning"): string {
  return s === "error" ? "错误" : "警告";
}

/** Problems whose words are the file's status line (told there, once). */
const TOLD_AS_STATUS = new Set(["unreadable", "other-year", "no-tables"]);

/** Problems told with the list (the others under the file they are about). */
function toldWithList(p: MergeProblem): boolean {
  // a listed unit whose file is unreadable or of another year: that file's line says so
  if (p.code === "missing" && p.files !== undefined) return false;
  return p.file === undefined || p.code === "duplicate";
}

/** The first lines: the year, how many files and units, what was written. */
function headText(r: MergeResult, out: string | undefined, listed: number | undefined): string[] {
  const merged = r.units.filter((u) => u.status === "merged").length;
  const lines = [
    `汇总${r.year ?? "（年度不明）"}年：读取文件${r.units.length}个，合并${merged}个单位${listed === undefined ? "" : `（名单${listed}个单位）`}。`,
  ];
  if (out !== undefined)
    lines.push(
      `已写入 ${safe(out)}：${r.tables.map((t) => `${safe(t.sheet)}（${t.rows.length}行）`).join("、")}，另有“汇总来源”表列出每行来自哪个文件、哪个单元格。`
    );
  return lines;
}

/** One unit file: its status, what was read, its own issues and problems. */
function unitText(u: UnitReport, problems: readonly MergeProblem[]): string[] {
  const mark = u.status === "merged" ? "✓" : "✗";
  const what = u.read
    ? `${safe(u.unit ?? "")}  ${u.years.map((y) => `${y}年`).join("、") || "年度不明"}  ${u.tables.map((t) => `${t.label}(${t.rows}行)`).join(" ")}  错误${u.errors}项，警告${u.warnings}项`
    : "";
  const status = u.read ? u.statusText : `无法读取：${u.reason ?? ""}`;
  const lines = [`  ${mark} ${safe(baseName(u.file))}  ${safe(status)}${what ? "  " + what : ""}`];
  const own = problems.filter(
    (p) => p.file === u.file && !toldWithList(p) && !TOLD_AS_STATUS.has(p.code)
  );
  // as check writes them: the place in words, the message, then the cell and the rule
  for (const i of u.issues.filter(toldByMergeFilter(own)))
    lines.push(
      `      ${sev(i.severity)}  ${safe(i.place)}  ${safe(issueMessage(i))}  ${i.cell}·${i.rule}`
    );
  for (const p of own) lines.push(`      ${problemLine(p)}`);
  return lines;
}

/** A problem about a file: its place in words (when it has one), the message, then its cell. */
function problemLine(p: MergeProblem): string {
  const place = problemPlace(p);
  return `${sev(p.severity)}  ${place ? `${safe(place)}  ` : ""}${safe(p.message)}${p.cell ? `  ${p.cell}` : ""}`;
}

/** The list and the files sent: units missing, sent twice, files unreadable or of another year. */
function wholeText(problems: readonly MergeProblem[]): string[] {
  const whole = problems.filter(toldWithList);
  const lines = [whole.length === 0 ? "名单与上报：没有问题。" : "名单与上报："];
  for (const p of whole) {
    const how =
      p.code === "duplicate" && p.severity === "error"
        ? "（--prefer <文件> 或 --duplicates first|last）"
        : "";
    lines.push(`  ${sev(p.severity)} ${safe(p.message)}${how}`);
  }
  return lines;
}

/** The check of the merged tables and the conclusion. */
function checkText(r: MergeResult): string[] {
  const fresh = r.issues.filter((i) => !i.alsoInUnit);
  const e = r.issues.filter((i) => i.severity === "error").length;
  const errors = r.problems.filter((p) => p.severity === "error").length + e;
  return [
    `汇总表校验：错误${e}项，警告${r.issues.length - e}项${r.issues.length > fresh.length ? `（其中${r.issues.length - fresh.length}项单位文件本身已报告）` : ""}。`,
    ...r.issues.map(
      (i) =>
        `  ${sev(i.severity)}  ${safe(i.place)}  ${safe(sourcedMessage(i))}  ${i.cell}·${i.rule}`
    ),
    "",
    errors === 0
      ? "结论：没有错误，汇总表可以使用。"
      : `结论：有${errors}项错误，请先处理（催报、更正或选择文件）再使用汇总表。`,
  ];
}

/** The per-unit report as text. */
function mergeText(r: MergeResult, out: string | undefined, listed: number | undefined): string {
  const lines = [
    ...headText(r, out, listed),
    "",
    "各单位文件：",
    ...r.units.flatMap((u) => unitText(u, r.problems)),
    "",
    ...wholeText(r.problems),
    "",
    ...checkText(r),
  ];
  return lines.join("\n") + "\n";
}

const showValue = (v: IssueValue | undefined): IssueValue => v ?? null;

function jsonIssue(i: Issue): Record<string, unknown> {
  return {
    rule: i.rule,
    severity: i.severity,
    sheet: i.sheet,
    cell: i.cell,
    message: issueMessage(i),
    value: showValue(i.value),
    expected: showValue(i.expected),
    explained: i.explained,
  };
}

/** A unit file in the `--json` object. */
function jsonUnit(u: UnitReport): Record<string, unknown> {
  return {
    file: u.file,
    unit: u.unit ?? null,
    read: u.read,
    reason: u.reason ?? null,
    detail: u.detail ?? null,
    status: u.status,
    statusText: u.statusText,
    years: u.years,
    tables: u.tables,
    errors: u.errors,
    warnings: u.warnings,
    issues: u.issues.map(jsonIssue),
  };
}

/** A merge's result in the `--json` object. */
function mergeJson(r: MergeResult, out: string | undefined): Record<string, unknown> {
  return {
    year: r.year ?? null,
    output: out ?? null,
    incomplete: r.incomplete ?? null,
    units: r.units.map(jsonUnit),
    problems: r.problems,
    issues: r.issues.map((i) => ({
      ...jsonIssue(i),
      sources: i.sources,
      alsoInUnit: i.alsoInUnit,
    })),
    tables: r.tables.map((t) => ({
      sheet: t.sheet,
      template: t.definition.def.id,
      rows: t.rows.length,
      total: t.total,
      sources: t.rows.map((row) =>
        row.sources.map((s) => ({ file: s.file, unit: s.unit, sheet: s.sheet, range: s.range }))
      ),
    })),
  };
}

/**
 * What `merge` prints on stdout for an outcome: under `--json` every outcome is a JSON object
 * (its `outcome` is the code; a refusal has its `message`), else the report as text (nothing for
 * a refusal: its message goes to stderr).
 */
export function outcomeStdout(o: MergeOutcome, out: string | undefined, json: boolean): string {
  if (!json) return "result" in o ? mergeText(o.result, out, o.listed) : "";
  const body =
    "result" in o
      ? {
          outcome: o.code,
          ...(o.code === "nothing-to-merge" ? { message: o.message } : {}),
          ...mergeJson(o.result, out),
        }
      : { outcome: o.code, message: o.message };
  return JSON.stringify(body, null, 2) + "\n";
}
