/**
 * `bureau-stats merge <files or folders…> [--units FILE] [--year N] -o 汇总.xlsx`: reads the units'
 * workbooks one at a time (each released after it is merged), merges them with the bureau's
 * definitions, writes the merged workbook (a new file: never over an input, never over an existing
 * file without --force) and prints the per-unit report.
 *
 * Exit status as `check`: 0 no error, 1 errors (a unit missing, unreadable or unchosen, errors in
 * the tables), 2 bad usage or nothing that could be merged or written.
 */
import {
  Consolidator,
  sourcedMessage,
  baseName,
  issueLocation,
  issueMessage,
  quoteSheet,
  type Consolidation,
  type MergeProblem,
  type UnitReport,
  type Issue,
  type IssueValue,
} from "../core";
import { readXlsx } from "../hosts/xlsx/read";
import { DEFAULT_LIMITS, ReadBudget } from "../hosts/xlsx/budget";
import { isXlsxReadError } from "../hosts/xlsx/errors";
import { writeSheets } from "../hosts/xlsx/write-sheets";
import { isWorkbookName, readUnitList } from "../hosts/xlsx/unit-list";
import { parseYear, UsageError } from "./args";
import { EXIT_ERRORS, EXIT_OK, EXIT_UNUSABLE, FileAccessError, type CliIO } from "./io";
import { terminalSafe } from "./output";

export { MERGE_USAGE } from "./merge-usage";

export interface MergeArgs {
  readonly inputs: readonly string[];
  readonly out: string;
  readonly units?: string;
  readonly year?: number;
  readonly json: boolean;
  readonly force: boolean;
  readonly prefer: readonly string[];
  readonly duplicates?: "first" | "last";
  readonly bureau?: string;
}

/**
 * Parses `merge`'s arguments (after the word merge).
 * @example parseMergeArgs(["units/", "-o", "汇总.xlsx"]).out // "汇总.xlsx"
 */
function parseMergeArgs(argv: readonly string[]): MergeArgs {
  const inputs: string[] = [];
  const prefer: string[] = [];
  let out: string | undefined;
  let units: string | undefined;
  let year: number | undefined;
  let json = false;
  let force = false;
  let duplicates: "first" | "last" | undefined;
  let bureau: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const eq = a.startsWith("--") ? a.indexOf("=") : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const inline = eq > 0 ? a.slice(eq + 1) : undefined;
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith("-") && v.length > 1))
        throw new UsageError(`${flag} 后面缺少参数`);
      return v;
    };
    if (flag === "--") {
      inputs.push(...argv.slice(i + 1));
      break;
    }
    if (flag === "-o" || flag === "--out") out = value();
    else if (flag === "--units") units = value();
    else if (flag === "--year") year = parseYear(value());
    else if (flag === "--json") json = true;
    else if (flag === "--force") force = true;
    else if (flag === "--prefer") prefer.push(value());
    else if (flag === "--bureau") bureau = value();
    else if (flag === "--duplicates") {
      const v = value();
      if (v !== "first" && v !== "last")
        throw new UsageError(`--duplicates 只能是 first 或 last，收到“${v}”`);
      duplicates = v;
    } else if (flag.startsWith("-") && flag.length > 1)
      throw new UsageError(`merge 不认识选项“${flag}”`);
    else inputs.push(a);
  }
  if (inputs.length === 0) throw new UsageError("merge 需要至少一个单位文件或文件夹");
  if (out === undefined) throw new UsageError("merge 需要 -o <汇总.xlsx> 指定输出文件");
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`输出文件应是 .xlsx：${out}`);
  return {
    inputs,
    out,
    json,
    force,
    prefer,
    ...(units === undefined ? {} : { units }),
    ...(year === undefined ? {} : { year }),
    ...(duplicates === undefined ? {} : { duplicates }),
    ...(bureau === undefined ? {} : { bureau }),
  };
}

/** The unit files: files as given, folders' .xlsx files (not Excel's `~$` lock files) by name. */
function listInputs(inputs: readonly string[], io: CliIO, skip: ReadonlySet<string>): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    const entries = io.listDir?.(input);
    if (entries === undefined) {
      files.push(input);
      continue;
    }
    const sep = /[\\/]$/.test(input) ? "" : "/";
    for (const name of [...entries].sort()) {
      if (!isWorkbookName(name)) continue;
      files.push(input + sep + name);
    }
  }
  return files.filter((f) => !skip.has(io.resolve(f)));
}

function sev(s: "error" | "warning"): string {
  return s === "error" ? "错误" : "警告";
}

/** The per-unit report as text. */
function mergeText(r: Consolidation, out: string | undefined, listed: number | undefined): string {
  const lines: string[] = [];
  const safe = (s: string): string => terminalSafe(s);
  const merged = r.units.filter((u) => u.status === "merged").length;
  const errors =
    r.problems.filter((p) => p.severity === "error").length +
    r.issues.filter((i) => i.severity === "error").length;
  lines.push(
    `汇总${r.year ?? "（年度不明）"}年：读取文件${r.units.length}个，合并${merged}个单位${listed === undefined ? "" : `（名单${listed}个单位）`}。`
  );
  if (out !== undefined)
    lines.push(
      `已写入 ${safe(out)}：${r.tables.map((t) => `${safe(t.sheet)}（${t.rows.length}行）`).join("、")}，另有“汇总来源”表列出每行来自哪个文件、哪个单元格。`
    );
  lines.push("", "各单位文件：");
  const problemsOf = (u: UnitReport): MergeProblem[] =>
    r.problems.filter(
      (p) =>
        p.file === u.file &&
        p.code !== "unreadable" &&
        p.code !== "other-year" &&
        p.code !== "no-tables"
    );
  for (const u of r.units) {
    const mark = u.status === "merged" ? "✓" : "✗";
    const what = u.read
      ? `${safe(u.unit ?? "")}  ${u.years.map((y) => `${y}年`).join("、") || "年度不明"}  ${u.tables.map((t) => `${t.label}(${t.rows}行)`).join(" ")}  错误${u.errors}项，警告${u.warnings}项`
      : "";
    lines.push(
      `  ${mark} ${safe(baseName(u.file))}  ${safe(u.statusText)}${what ? "  " + what : ""}`
    );
    for (const i of u.issues)
      lines.push(
        `      ${sev(i.severity)} ${i.rule} ${safe(issueLocation(i))} ${safe(issueMessage(i))}`
      );
    for (const p of problemsOf(u))
      lines.push(
        `      ${sev(p.severity)} ${p.cell ? `${safe(quoteSheet(p.sheet ?? ""))}!${p.cell} ` : ""}${safe(p.message)}`
      );
  }
  const whole = r.problems.filter(
    (p) =>
      p.file === undefined ||
      ["unreadable", "other-year", "no-tables", "duplicate"].includes(p.code)
  );
  lines.push("", whole.length === 0 ? "名单与上报：没有问题。" : "名单与上报：");
  for (const p of whole) {
    const how =
      p.code === "duplicate" && p.severity === "error"
        ? "（--prefer <文件> 或 --duplicates first|last）"
        : "";
    lines.push(`  ${sev(p.severity)} ${safe(p.message)}${how}`);
  }
  const fresh = r.issues.filter((i) => !i.alsoInUnit);
  const e = r.issues.filter((i) => i.severity === "error").length;
  lines.push(
    "",
    `汇总表校验：错误${e}项，警告${r.issues.length - e}项${r.issues.length > fresh.length ? `（其中${r.issues.length - fresh.length}项单位文件本身已报告）` : ""}。`
  );
  for (const i of r.issues)
    lines.push(
      `  ${sev(i.severity)} ${i.rule} ${safe(issueLocation(i))} ${safe(sourcedMessage(i))}`
    );
  lines.push(
    "",
    errors === 0
      ? "结论：没有错误，汇总表可以使用。"
      : `结论：有${errors}项错误，请先处理（催报、更正或选择文件）再使用汇总表。`
  );
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

/** The `--json` object. */
function mergeJson(r: Consolidation, out: string | undefined): Record<string, unknown> {
  return {
    year: r.year ?? null,
    output: out ?? null,
    units: r.units.map((u) => ({
      file: u.file,
      unit: u.unit ?? null,
      read: u.read,
      reason: u.reason ?? null,
      status: u.status,
      statusText: u.statusText,
      years: u.years,
      tables: u.tables,
      errors: u.errors,
      warnings: u.warnings,
      issues: u.issues.map(jsonIssue),
    })),
    problems: r.problems,
    issues: r.issues.map((i) => ({
      ...jsonIssue(i),
      sources: i.sources,
      alsoInUnit: i.alsoInUnit,
    })),
    tables: r.tables.map((t) => ({
      sheet: t.sheet,
      template: t.template.def.id,
      rows: t.rows.length,
      total: t.total,
      sources: t.rows.map((row) =>
        row.sources.map((s) => ({ file: s.file, unit: s.unit, sheet: s.sheet, range: s.range }))
      ),
    })),
  };
}

/** The merged workbook as .xlsx bytes (headers and 合计 bold). */
function mergedXlsx(r: Consolidation): Uint8Array {
  return writeSheets(
    r.workbook.sheets.map((sheet) => ({ sheet, boldRows: r.boldRows.get(sheet.name) ?? [] })),
    new Date()
  );
}

/** Runs `merge` (argv after the word merge); resolves to the exit status. */
export async function runMerge(argv: readonly string[], io: CliIO): Promise<number> {
  const fail = (line: string): number => {
    io.stderr(terminalSafe(line.replace(/\s*\n\s*/g, " ")) + "\n");
    return EXIT_UNUSABLE;
  };
  let args: MergeArgs;
  try {
    args = parseMergeArgs(argv);
  } catch (e) {
    if (e instanceof UsageError)
      return fail(`用法错误：${e.message}（bureau-stats --help 查看用法）`);
    throw e;
  }
  let units: string[] | undefined;
  if (args.units !== undefined) {
    try {
      units = readUnitList(
        args.units,
        io.readFile(args.units, DEFAULT_LIMITS.maxFileBytes),
        io.inflateRaw
      );
    } catch (e) {
      const why =
        e instanceof FileAccessError ? e.reason : isXlsxReadError(e) ? e.reason : String(e);
      return fail(`${args.units}：无法读取单位名单（${why}）`);
    }
    if (units.length === 0)
      return fail(`${args.units}：单位名单是空的（每行一个单位，或一列“单位名称”）`);
  }
  const skip = new Set(args.units === undefined ? [] : [io.resolve(args.units)]);
  const files = listInputs(args.inputs, io, skip);
  if (files.length === 0) return fail(`${args.inputs.join("、")}：没有找到 .xlsx 文件`);
  const target = io.resolve(args.out);
  if (files.some((f) => io.resolve(f) === target) || skip.has(target))
    return fail(`${args.out}：这是要合并的文件之一，不能把汇总写到它上面（请换一个文件名）`);
  if (io.exists(args.out) && !args.force)
    return fail(`${args.out}：文件已存在，不覆盖（换一个文件名，或加 --force）`);

  const progress = io.stderrIsTTY
    ? (t: string): void => io.stderr(`\r\x1b[K${terminalSafe(t)}`)
    : undefined;
  const c = new Consolidator({
    ...(units === undefined ? {} : { units }),
    ...(args.year === undefined ? {} : { year: args.year }),
    ...(args.duplicates === undefined ? {} : { duplicates: args.duplicates }),
    ...(args.bureau === undefined ? {} : { bureau: args.bureau }),
    prefer: args.prefer,
  });
  files.forEach((file, n) => {
    progress?.(`正在读取 ${n + 1}/${files.length} ${baseName(file)} …`);
    // one file at a time: its bytes and model are released once its rows are kept
    try {
      // the limits of issue 11 hold for each unit's file (files are read one at a time and
      // released, so memory is bounded by the largest file, not by the sum)
      const bytes = io.readFile(file, DEFAULT_LIMITS.maxFileBytes);
      c.add(
        file,
        readXlsx(bytes, {
          budget: new ReadBudget(),
          ...(io.inflateRaw ? { inflateRaw: io.inflateRaw } : {}),
          ...(io.crc32 ? { crc32: io.crc32 } : {}),
        })
      );
    } catch (e) {
      c.addUnreadable(
        file,
        e instanceof FileAccessError
          ? e.reason
          : isXlsxReadError(e)
            ? e.reason
            : `文件无法解析（${e instanceof Error ? e.message : String(e)}）`
      );
    }
  });
  progress?.("正在合并 …");
  const result = c.finish();
  if (progress) io.stderr("\r\x1b[K");
  if (result.tables.length === 0) {
    io.stdout(
      args.json
        ? JSON.stringify(mergeJson(result, undefined), null, 2) + "\n"
        : mergeText(result, undefined, units?.length)
    );
    return fail(
      `没有可合并的统计表（${files.length}个文件都没有${args.year ?? ""}${args.year === undefined ? "" : "年的"}统计表或无法读取），未写入 ${args.out}`
    );
  }
  try {
    io.writeFile(args.out, mergedXlsx(result));
  } catch (e) {
    return fail(`${args.out}：无法写入（${e instanceof FileAccessError ? e.reason : String(e)}）`);
  }
  io.stdout(
    args.json
      ? JSON.stringify(mergeJson(result, args.out), null, 2) + "\n"
      : mergeText(result, args.out, units?.length)
  );
  const errors =
    result.problems.some((p) => p.severity === "error") ||
    result.issues.some((i) => i.severity === "error") ||
    result.units.some((u) => u.errors > 0);
  return errors ? EXIT_ERRORS : EXIT_OK;
}
