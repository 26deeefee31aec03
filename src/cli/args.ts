/**
 * Command-line arguments of `bureau-stats`. Hand-rolled (no dependency): two commands, a few
 * flags, Chinese messages for every mistake.
 */

import { parseStatYear, tableRange, BUILTIN_DEFINITIONS, YEAR_RANGE_TEXT } from "../core";
import { MERGE_USAGE } from "./merge-usage";

export const USAGE = `统计报表助手 bureau-stats — 校验党建统计表、同比比较、起草报告段落

用法：
  bureau-stats check <文件.xlsx>... [--json] [--docx <输出.docx> [--force] [--sources]]
                     [--year <年度>] [--since <年度>] [--approx] [--wan] [--no-compare] [--name-year] [--headings 一、|（一）]
      读取所有文件（今年和上年的表可在同一个或不同文件中），校验、同比、起草。
      --json         以 JSON 输出 { verdict, issues, comparisons, draft }
      --docx <文件>   另存报告段落为 Word 文档（.docx）；已有同名文件时不覆盖，除非加 --force
      --sources      （与 --docx 同用）文档末尾另起一页附“数据来源”表：正文每个数字所在段落、
                     来源单元格和计算过程，便于纸面核对
      --year <年度>   报告年度（默认取有数据的最新年度），与上一年比较
      --since <年度>  另比较从该年度到报告年度的历年变化（连续几年增长、年均增长、比该年翻了一番），
                     读取这些年度的表（可在同一个或不同文件中），指出缺数、累计数减少和异常变动
      报告选项（与加载项“报告”页相同）：
      --approx       数字用约数（9200多个、7万多元）
      --wan          金额以万元表示（30.14万元）
      --no-compare   不写同比（比上年增加…）
      --name-year    注明上年数（来信43件（2012年51件））
      --headings <样式>  每表一个标题：一、（黑体）或（一）（楷体）
      --definitions <文件.json>  按本局的统计表定义校验（优先于工作簿中的“报表定义”工作表，
                     两者不同时会指出；都没有时用内置的 ${tableRange(BUILTIN_DEFINITIONS)}）
  bureau-stats template <输出.xlsx> --year <年度> [--force] [--definitions <文件.json>]
      生成空白统计表模板（默认${BUILTIN_DEFINITIONS.length}张：${tableRange(BUILTIN_DEFINITIONS)}）。已有同名文件时不覆盖，除非加 --force。
  bureau-stats definitions export <输出.json> [--definitions <文件.json>] [--force]
      写出当前使用的统计表定义（默认：内置的 ${tableRange(BUILTIN_DEFINITIONS)}），可修改后用 --definitions 使用。
  bureau-stats definitions check <文件.json>
      检查一个统计表定义文件，指出错在哪张表、哪一项。
  bureau-stats definitions draft <工作簿.xlsx> -o <输出.json> [--force]
      按工作簿中本局自己的表起草统计表定义（列的类型和单位、合计指标、建议规则、报告句子），
      核对修改后用 --definitions 使用。已有同名文件时不覆盖，除非加 --force。
${MERGE_USAGE}

退出码：0表示无错误（可有警告），1表示有错误或未找到统计表，2表示用法错误、文件无法读取或没有任何数据。`;

export type ParsedArgs =
  | { readonly command: "help" }
  | {
      readonly command: "check";
      readonly files: readonly string[];
      readonly json: boolean;
      readonly docx?: string;
      readonly approx: boolean;
      readonly year?: number;
      /** The first year of the series over years (历年), before the report year. */
      readonly since?: number;
      readonly wan: boolean;
      readonly compare: boolean;
      readonly nameYear: boolean;
      readonly headings: "none" | "一、" | "（一）";
      /** A bureau's table definitions (JSON); default the built-ins. */
      readonly definitions?: string;
      /** Write over an existing --docx file. */
      readonly force: boolean;
      /** Append the 数据来源 table to the --docx file (only with --docx). */
      readonly sources?: true;
    }
  | {
      readonly command: "template";
      readonly out: string;
      readonly year: number;
      readonly force: boolean;
      readonly definitions?: string;
    }
  | {
      readonly command: "definitions-export";
      readonly out: string;
      readonly force: boolean;
      readonly definitions?: string;
    }
  | { readonly command: "definitions-check"; readonly file: string }
  | {
      readonly command: "definitions-draft";
      /** The workbook whose sheets the definitions are drafted from. */
      readonly file: string;
      readonly out: string;
      readonly force: boolean;
    };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * A 4-digit statistical year (of `--year`, or of the flag named).
 * @example parseYear("2013") // 2013
 * @example parseYear("09", "--since") // throws “--since 需要1900–2099之间的四位年度（如2009），收到：“09”。请写出完整的四位年度。”
 */
export function parseYear(text: string | undefined, flag = "--year"): number {
  const year = text === undefined ? undefined : parseStatYear(text);
  if (year === undefined) {
    const example = flag === "--since" ? 2009 : 2013;
    const got = text === undefined ? "（空）" : `“${text}”`;
    throw new UsageError(
      flag === "--since"
        ? `${flag} 需要${YEAR_RANGE_TEXT}之间的四位年度（如${example}），收到：${got}。请写出完整的四位年度。`
        : `${flag} 需要${YEAR_RANGE_TEXT}之间的四位年度（如${example}），收到：${got}`
    );
  }
  return year;
}

/**
 * The heading style: `一、` (also `1`) or `（一）` (also `(一)`, `2`), or `none`.
 * @example parseHeadings("(一)") // "（一）"
 */
function parseHeadings(text: string): "none" | "一、" | "（一）" {
  const t = text.trim();
  if (t === "一、" || t === "一" || t === "1") return "一、";
  if (t === "（一）" || t === "(一)" || t === "2") return "（一）";
  if (t === "none" || t === "无") return "none";
  throw new UsageError(`--headings 应为 一、 或 （一）（也可写1或2），收到：“${t}”`);
}

type Command =
  "check" | "template" | "definitions-export" | "definitions-check" | "definitions-draft";

/** The command and the arguments after it. */
function commandOf(
  argv: readonly string[]
): { command: Command; rest: readonly string[] } | "help" {
  const [first, ...afterFirst] = argv;
  if (first === undefined) throw new UsageError("缺少命令：check、template、merge 或 definitions");
  if (first === "-h" || first === "--help" || first === "help") return "help";
  if (first === "check" || first === "template") return { command: first, rest: afterFirst };
  if (first !== "definitions")
    throw new UsageError(`未知命令“${first}”，可用：check、template、merge、definitions`);
  const sub = afterFirst[0];
  if (sub !== "export" && sub !== "check" && sub !== "draft")
    throw new UsageError(
      "definitions 需要 export、check 或 draft，例如：bureau-stats definitions export 定义.json"
    );
  return { command: `definitions-${sub}`, rest: afterFirst.slice(1) };
}

/** The flags and file names given, before the command's own checks. */
interface Given {
  positional: string[];
  json: boolean;
  approx: boolean;
  force: boolean;
  sources: boolean;
  docx?: string;
  year?: number;
  since?: number;
  wan: boolean;
  compare: boolean;
  nameYear: boolean;
  headings: "none" | "一、" | "（一）";
  definitions?: string;
  /** `-o`: the output file of `definitions draft`. */
  out?: string;
}

/** Reads the flags of a command (with `--flag value` or `--flag=value`); "help" for -h. */
function readFlags(command: Command, rest: readonly string[]): Given | "help" {
  const g: Given = {
    positional: [],
    json: false,
    approx: false,
    force: false,
    sources: false,
    wan: false,
    compare: true,
    nameYear: false,
    headings: "none",
  };
  const check = command === "check";
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    const at = a.startsWith("--") ? a.indexOf("=") : -1;
    const [flag, inline] = at > 0 ? [a.slice(0, at), a.slice(at + 1)] : [a, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--")))
        throw new UsageError(`${flag} 后面缺少参数`);
      return v;
    };
    if (flag === "-h" || flag === "--help") return "help";
    if (flag === "--") {
      g.positional.push(...rest.slice(i + 1));
      break;
    }
    if (flag === "--year") g.year = parseYear(value());
    else if (flag === "--since" && check) g.since = parseYear(value(), "--since");
    else if (flag === "--json" && check) g.json = true;
    else if (flag === "--approx" && check) g.approx = true;
    else if (flag === "--docx" && check) g.docx = value();
    else if (flag === "--sources" && check) g.sources = true;
    else if (flag === "--wan" && check) g.wan = true;
    else if (flag === "--no-compare" && check) g.compare = false;
    else if (flag === "--name-year" && check) g.nameYear = true;
    else if (flag === "--headings" && check) g.headings = parseHeadings(value());
    else if (flag === "--force" && command !== "definitions-check") g.force = true;
    else if ((flag === "-o" || flag === "--out") && command === "definitions-draft")
      g.out = value();
    else if (
      flag === "--definitions" &&
      command !== "definitions-check" &&
      command !== "definitions-draft"
    )
      g.definitions = value();
    else if (flag.startsWith("-") && flag.length > 1)
      throw new UsageError(`${command} 不认识选项“${flag}”`);
    else g.positional.push(a);
  }
  return g;
}

/** The one name a command takes, or a usage error with an example. */
function onlyName(g: Given, example: string): string {
  if (g.positional.length !== 1) throw new UsageError(example);
  return g.positional[0] as string;
}

/**
 * Parses argv (without node and the script).
 * @example parseArgs(["check", "a.xlsx", "--json"]) // { command: "check", files: ["a.xlsx"], json: true, approx: false, wan: false, … }
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const c = commandOf(argv);
  if (c === "help") return { command: "help" };
  const { command } = c;
  const g = readFlags(command, c.rest);
  if (g === "help") return { command: "help" };
  const definitions = g.definitions === undefined ? {} : { definitions: g.definitions };
  if (command === "check") {
    if (g.positional.length === 0) throw new UsageError("check 需要至少一个 .xlsx 文件");
    if (g.sources && g.docx === undefined)
      throw new UsageError(
        "--sources 把数据来源附在 Word 文档末尾，请与 --docx <输出.docx> 一起使用"
      );
    const { positional: files, json, approx, wan, compare, nameYear, headings, force } = g;
    return {
      ...{ command, files, json, approx, wan, compare, nameYear, headings, force },
      ...(g.docx === undefined ? {} : { docx: g.docx }),
      ...(g.sources ? { sources: true as const } : {}),
      ...(g.year === undefined ? {} : { year: g.year }),
      ...(g.since === undefined ? {} : { since: g.since }),
      ...definitions,
    };
  }
  if (command === "definitions-check") {
    const file = onlyName(
      g,
      "definitions check 需要一个定义文件，例如：bureau-stats definitions check 定义.json"
    );
    return { command, file };
  }
  if (command === "definitions-draft") {
    const example = "例如：bureau-stats definitions draft 工作簿.xlsx -o 定义.json";
    const file = onlyName(g, `definitions draft 需要一个工作簿，${example}`);
    if (g.out === undefined)
      throw new UsageError(`definitions draft 需要 -o 指定输出文件，${example}`);
    if (/\.xls[xmb]?$/i.test(g.out))
      throw new UsageError(`-o 是定义文件（.json），不能写到表格文件上，${example}`);
    return { command, file, out: g.out, force: g.force };
  }
  if (command === "definitions-export") {
    const out = onlyName(
      g,
      "definitions export 需要一个输出文件名，例如：bureau-stats definitions export 定义.json"
    );
    return { command, out, force: g.force, ...definitions };
  }
  const out = onlyName(
    g,
    "template 需要一个输出文件名，例如：bureau-stats template 模板.xlsx --year 2014"
  );
  if (g.year === undefined)
    throw new UsageError("template 需要 --year 指定统计年度，例如 --year 2014");
  return { command: "template", out, year: g.year, force: g.force, ...definitions };
}
