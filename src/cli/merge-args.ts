/** `merge`'s command-line arguments. */
import { parseYear, UsageError } from "./args";

export interface MergeArgs {
  readonly inputs: readonly string[];
  readonly out: string;
  readonly units?: string;
  readonly year?: number;
  readonly json: boolean;
  readonly force: boolean;
  /** Write the merged workbook although a unit's files are not chosen between (titled incomplete). */
  readonly allowIncomplete: boolean;
  readonly prefer: readonly string[];
  readonly duplicates?: "first" | "last";
  readonly bureau?: string;
  /** The bureau's definitions file (default: the built-in tables). */
  readonly definitions?: string;
}

/**
 * Parses `merge`'s arguments (after the word merge).
 * @example parseMergeArgs(["units/", "-o", "汇总.xlsx"]).out // "汇总.xlsx"
 */
export function parseMergeArgs(argv: readonly string[]): MergeArgs {
  const inputs: string[] = [];
  const prefer: string[] = [];
  let out: string | undefined;
  let units: string | undefined;
  let year: number | undefined;
  let json = false;
  let force = false;
  let allowIncomplete = false;
  let duplicates: "first" | "last" | undefined;
  let bureau: string | undefined;
  let definitions: string | undefined;
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
    else if (flag === "--allow-incomplete") allowIncomplete = true;
    else if (flag === "--prefer") prefer.push(value());
    else if (flag === "--bureau") bureau = value();
    else if (flag === "--definitions") definitions = value();
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
    allowIncomplete,
    prefer,
    ...(units === undefined ? {} : { units }),
    ...(year === undefined ? {} : { year }),
    ...(duplicates === undefined ? {} : { duplicates }),
    ...(bureau === undefined ? {} : { bureau }),
    ...(definitions === undefined ? {} : { definitions }),
  };
}
