/**
 * Command-line arguments of `bureau-stats`. Hand-rolled (no dependency): two commands, a few
 * flags, Chinese messages for every mistake.
 */

import { MERGE_USAGE } from "./merge-usage";

export const USAGE = `统计报表助手 bureau-stats — 校验党建统计表、同比比较、起草报告段落

用法：
  bureau-stats check <文件.xlsx>... [--json] [--docx <输出.docx>] [--approx] [--year <年度>]
      读取所有文件（今年和上年的表可在同一个或不同文件中），校验、同比、起草。
      --json        以 JSON 输出 { issues, comparisons, draft }
      --docx <文件>  另存报告段落为 Word 文档（.docx）
      --approx      报告中数字用约数（9200多个、7万多元）
      --year <年度>  指定本年度（默认取表中最新的年度）
  bureau-stats template <输出.xlsx> --year <年度> [--force]
      生成四张空白统计表模板（表1–表4）。已有同名文件时不覆盖，除非加 --force。
${MERGE_USAGE}

退出码：0 无错误（可有警告），1 有错误，2 用法错误或文件无法读取。`;

export type ParsedArgs =
  | { readonly command: "help" }
  | {
      readonly command: "check";
      readonly files: readonly string[];
      readonly json: boolean;
      readonly docx?: string;
      readonly approx: boolean;
      readonly year?: number;
    }
  | {
      readonly command: "template";
      readonly out: string;
      readonly year: number;
      readonly force: boolean;
    };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/**
 * A 4-digit statistical year.
 * @example parseYear("2013") // 2013
 */
export function parseYear(text: string | undefined): number {
  if (text === undefined || !/^(19|20)\d\d$/.test(text)) {
    throw new UsageError(
      `--year 需要四位年度（如 2013），收到：${text === undefined ? "（空）" : `“${text}”`}`
    );
  }
  return Number(text);
}

/**
 * Parses argv (without node and the script).
 * @example parseArgs(["check", "a.xlsx", "--json"]) // { command: "check", files: ["a.xlsx"], json: true, approx: false }
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command, ...rest] = argv;
  if (command === undefined) throw new UsageError("缺少命令：check、template 或 merge");
  if (command === "-h" || command === "--help" || command === "help") return { command: "help" };
  if (command !== "check" && command !== "template") {
    throw new UsageError(`未知命令“${command}”，可用：check、template、merge`);
  }
  const positional: string[] = [];
  let json = false;
  let approx = false;
  let force = false;
  let docx: string | undefined;
  let year: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    const [flag, inline] =
      a.startsWith("--") && a.includes("=")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
    const value = (): string => {
      const v = inline ?? rest[++i];
      if (v === undefined || (inline === undefined && v.startsWith("--")))
        throw new UsageError(`${flag} 后面缺少参数`);
      return v;
    };
    if (flag === "-h" || flag === "--help") return { command: "help" };
    if (flag === "--year") year = parseYear(value());
    else if (flag === "--json" && command === "check") json = true;
    else if (flag === "--approx" && command === "check") approx = true;
    else if (flag === "--docx" && command === "check") docx = value();
    else if (flag === "--force" && command === "template") force = true;
    else if (flag === "--") positional.push(...rest.slice(i + 1).splice(0));
    else if (flag.startsWith("-") && flag.length > 1)
      throw new UsageError(`${command} 不认识选项“${flag}”`);
    else positional.push(a);
    if (flag === "--") break;
  }
  if (command === "check") {
    if (positional.length === 0) throw new UsageError("check 需要至少一个 .xlsx 文件");
    return {
      command,
      files: positional,
      json,
      approx,
      ...(docx === undefined ? {} : { docx }),
      ...(year === undefined ? {} : { year }),
    };
  }
  if (positional.length !== 1)
    throw new UsageError(
      "template 需要一个输出文件名，例如：bureau-stats template 模板.xlsx --year 2014"
    );
  if (year === undefined)
    throw new UsageError("template 需要 --year 指定统计年度，例如 --year 2014");
  return { command, out: positional[0] as string, year, force };
}
