/**
 * `bureau-stats check`: reads the files, hands them to the core's `checkWorkbooks` and shows its
 * outcome — the text report or the JSON object, the .docx, or one line saying why it stopped
 * (under `--json`, a JSON object on stdout too).
 */
import {
  checkProblemLines,
  checkWorkbooks,
  noticeText,
  type Analysis,
  type CheckOutcome,
  type DefinitionsInput,
  type DraftOptions,
} from "../core";
import type { ParsedArgs } from "./args";
import {
  EXIT_ERRORS,
  EXIT_OK,
  EXIT_UNUSABLE,
  FileAccessError,
  readWorkbookFiles,
  type CliIO,
} from "./io";
import {
  failureText,
  jsonFailure,
  jsonReport,
  terminalSafe,
  textReport,
  type CliFailure,
} from "./output";

type CheckArgs = Extract<ParsedArgs, { command: "check" }>;

/**
 * Shows why a command stopped (stderr, and stdout under `--json`); resolves to exit status 2.
 * @example stop(io, true, { code: "no-data", lines: ["a.xlsx：…"] }) // 2
 */
export function stop(io: CliIO, json: boolean, f: CliFailure): number {
  io.stderr(failureText(f));
  if (json) io.stdout(JSON.stringify(jsonFailure(f), null, 2) + "\n");
  return EXIT_UNUSABLE;
}

/** An outcome that stopped the check, as a failure to show. */
export function outcomeFailure(o: Exclude<CheckOutcome, { code: "checked" }>): CliFailure {
  // the JSON of a stop holds no analysis
  const { code, ...fields } = o.code === "no-data" ? { code: o.code, files: o.files } : o;
  return { code, fields, lines: checkProblemLines(o) };
}

/** The drafting options of the command line's flags. */
function draftOptions(args: CheckArgs): DraftOptions {
  return {
    numberStyle: args.approx ? "approximate" : "exact",
    moneyUnit: args.wan ? "万元" : "元",
    includeComparison: args.compare,
    nameYear: args.nameYear,
    headings: args.headings,
    ...(args.since === undefined ? {} : { since: args.since }),
  };
}

/**
 * Writes the draft as .docx (with --sources, the 数据来源 table after it), never over an input or
 * an existing file (unless --force).
 */
async function writeDocx(io: CliIO, args: CheckArgs, a: Analysis): Promise<CliFailure | undefined> {
  const out = args.docx;
  if (out === undefined) return undefined;
  const target = io.resolve(out);
  if (args.files.some((f) => io.resolve(f) === target) || /\.xls[xmb]?$/i.test(out))
    return {
      code: "output-is-input",
      fields: { file: out },
      lines: [`${out}：不能把报告写到表格文件上（请用 .docx 文件名）`],
    };
  if (io.exists(out) && !args.force)
    return {
      code: "output-exists",
      fields: { file: out },
      lines: [`${out}：文件已存在，不覆盖（换一个文件名，或加 --force）`],
    };
  const { renderDocx } = await import("../core/render/docx");
  const { paragraphs, figures } = a.draft;
  const bytes = await renderDocx({ paragraphs, figures }, { sources: args.sources === true });
  try {
    io.writeFile(out, bytes);
    return undefined;
  } catch (e) {
    const reason = e instanceof FileAccessError ? e.reason : String(e);
    return {
      code: "output-unwritable",
      fields: { file: out },
      lines: [`${out}：无法写入（${reason}）`],
    };
  }
}

/**
 * Runs `check`; resolves to the exit status: 0 no error, 1 errors (or no table found), 2 stopped.
 * @example await runCheck(args, io) // 0
 */
export async function runCheck(
  io: CliIO,
  args: CheckArgs,
  definitions?: DefinitionsInput
): Promise<number> {
  const progress = io.stderrIsTTY
    ? (text: string): void => io.stderr(`\r\x1b[K${text}`)
    : undefined;
  const inputs = readWorkbookFiles(io, args.files, progress);
  progress?.("正在校验、比较、起草 …");
  const outcome = checkWorkbooks(inputs, {
    ...(definitions === undefined ? {} : { definitions }),
    ...(args.year === undefined ? {} : { year: args.year }),
    draft: draftOptions(args),
  });
  if (progress) io.stderr("\r\x1b[K");
  if (outcome.code !== "checked") return stop(io, args.json, outcomeFailure(outcome));
  if (outcome.notices.length > 0)
    io.stderr(outcome.notices.map((n) => terminalSafe(noticeText(n)) + "\n").join(""));
  const { analysis } = outcome;
  const failed = await writeDocx(io, args, analysis);
  if (failed) return stop(io, args.json, failed);
  if (args.json) io.stdout(JSON.stringify(jsonReport(analysis), null, 2) + "\n");
  else {
    io.stdout(
      textReport(analysis, {
        workbook: outcome.workbook,
        file: args.files[0] ?? "",
        definitions: outcome.inForce.definitions,
        moneyUnit: args.wan ? "万元" : "元",
      })
    );
    if (args.docx !== undefined) io.stdout(`\n已保存 Word 文档：${args.docx}\n`);
  }
  // a run that found no table checked nothing: not a success
  if (analysis.tables.length === 0) return EXIT_ERRORS;
  return analysis.issues.some((i) => i.severity === "error") ? EXIT_ERRORS : EXIT_OK;
}
