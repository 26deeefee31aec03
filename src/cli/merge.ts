/**
 * `bureau-stats merge <files or folders…> [--units FILE] [--year N] -o 汇总.xlsx`: the command
 * line's side of the 汇总 use case (`mergeUnits` in the core). It lists the input files, reads the
 * unit list and the units' workbooks one at a time (each released after it is merged), prints
 * the outcome (text, or JSON under --json) and writes the merged workbook (a new file: never over
 * an input, never over an existing file without --force; none while a unit's files are not chosen
 * between, unless --allow-incomplete: then its tables' titles say what is missing).
 *
 * Exit status as `check`: 0 no error, 1 errors (a unit missing, unreadable or unchosen, errors in
 * the tables), 2 bad usage or nothing that could be merged or written (also: a unit's files not
 * chosen between, without --allow-incomplete).
 */
import {
  baseName,
  mergeUnits,
  type CompiledDefinition,
  type UnitFileInput,
  type UnitListInput,
} from "../core";
import { readXlsx } from "../hosts/xlsx/read";
import { DEFAULT_LIMITS, ReadBudget } from "../hosts/xlsx/budget";
import { readFailure, readFailureReason } from "../hosts/xlsx/errors";
import { isWorkbookName, readUnitList } from "../hosts/xlsx/unit-list";
import { mergedWorkbookXlsx } from "../hosts/xlsx/write-sheets";
import { UsageError } from "./args";
import { stop } from "./check";
import { loadDefinitionsFile } from "./definitions-file";
import { EXIT_ERRORS, EXIT_OK, EXIT_UNUSABLE, FileAccessError, type CliIO } from "./io";
import { parseMergeArgs, type MergeArgs } from "./merge-args";
import { outcomeStdout } from "./merge-output";
import { terminalSafe } from "./output";

export { MERGE_USAGE } from "./merge-usage";
export type { MergeArgs } from "./merge-args";

/** Why a file could not be read, in the one wording (a file system refusal, or the reader's). */
function failureReason(e: unknown): string {
  return e instanceof FileAccessError ? e.reason : readFailureReason(e);
}

/** Why a unit's file could not be read: what to do (ask the unit …), the technical detail apart. */
function unitFileFailure(e: unknown): { unreadable: string; detail: string } {
  const f = readFailure(e, "unit");
  return { unreadable: f.message, detail: f.detail };
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
    for (const name of [...entries].sort())
      if (isWorkbookName(name)) files.push(input + sep + name);
  }
  return files.filter((f) => !skip.has(io.resolve(f)));
}

/** The unit list file's names, or why it could not be read. */
function unitListOf(path: string, io: CliIO): UnitListInput {
  try {
    const bytes = io.readFile(path, DEFAULT_LIMITS.maxFileBytes);
    return { name: path, names: readUnitList(path, bytes, io.inflateRaw) };
  } catch (e) {
    return { name: path, unreadable: failureReason(e) };
  }
}

/**
 * The units' workbooks, each read only when the merge asks for it (its bytes and model are
 * released once its rows are kept: memory is bounded by the largest file, and the read limits
 * hold for each file).
 */
function* unitFiles(
  files: readonly string[],
  io: CliIO,
  progress: ((text: string) => void) | undefined
): Generator<UnitFileInput> {
  for (const [n, file] of files.entries()) {
    progress?.(`正在读取 ${n + 1}/${files.length} ${baseName(file)} …`);
    let input: UnitFileInput;
    try {
      const bytes = io.readFile(file, DEFAULT_LIMITS.maxFileBytes);
      const workbook = readXlsx(bytes, {
        budget: new ReadBudget(),
        ...(io.inflateRaw ? { inflateRaw: io.inflateRaw } : {}),
        ...(io.crc32 ? { crc32: io.crc32 } : {}),
      });
      input = { name: file, workbook };
    } catch (e) {
      input =
        e instanceof FileAccessError
          ? { name: file, unreadable: e.reason }
          : { name: file, ...unitFileFailure(e) };
    }
    yield input;
  }
  progress?.("正在合并 …");
}

/** Why the output cannot be written where asked, or undefined. */
function outputRefusal(
  args: MergeArgs,
  files: readonly string[],
  io: CliIO,
  skip: ReadonlySet<string>
): string | undefined {
  const target = io.resolve(args.out);
  if (files.some((f) => io.resolve(f) === target) || skip.has(target))
    return `${args.out}：这是要合并的文件之一，不能把汇总写到它上面（请换一个文件名）`;
  if (io.exists(args.out) && !args.force)
    return `${args.out}：文件已存在，不覆盖（换一个文件名，或加 --force）`;
  return undefined;
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
  const skip = new Set(args.units === undefined ? [] : [io.resolve(args.units)]);
  const files = listInputs(args.inputs, io, skip);
  if (files.length === 0) return fail(`${args.inputs.join("、")}：没有找到 .xlsx 文件`);
  const refusal = outputRefusal(args, files, io, skip);
  if (refusal !== undefined) return fail(refusal);

  let definitions: readonly CompiledDefinition[] | undefined;
  if (args.definitions !== undefined) {
    const loaded = loadDefinitionsFile(io, args.definitions);
    if ("code" in loaded) return stop(io, args.json, loaded);
    definitions = loaded;
  }

  const progress = io.stderrIsTTY
    ? (t: string): void => io.stderr(`\r\x1b[K${terminalSafe(t)}`)
    : undefined;
  const outcome = await mergeUnits(
    {
      prefer: args.prefer,
      ...(args.units === undefined ? {} : { unitList: unitListOf(args.units, io) }),
      ...(args.year === undefined ? {} : { year: args.year }),
      ...(args.duplicates === undefined ? {} : { duplicates: args.duplicates }),
      ...(args.bureau === undefined ? {} : { bureau: args.bureau }),
      ...(definitions === undefined ? {} : { definitions }),
    },
    unitFiles(files, io, progress)
  );
  if (progress && outcome.code !== "unit-list-unreadable" && outcome.code !== "unit-list-empty")
    io.stderr("\r\x1b[K");
  if (outcome.code !== "merged") {
    io.stdout(outcomeStdout(outcome, undefined, args.json));
    // the units' files carry a bureau's own tables, merged here against the built-ins
    const carried =
      outcome.code === "nothing-to-merge" &&
      definitions === undefined &&
      outcome.result.problems.some((p) => p.code === "own-definitions");
    return fail(
      outcome.code === "nothing-to-merge"
        ? `${outcome.message}，未写入 ${args.out}${carried ? "。各单位文件带有“报表定义”工作表：请用 --definitions 给出本局的定义文件再合并" : ""}`
        : outcome.message
    );
  }
  const incomplete = outcome.result.incomplete;
  if (incomplete !== undefined && !args.allowIncomplete) {
    // a unit's files not chosen between: no merged workbook unless asked for one marked incomplete
    io.stdout(outcomeStdout(outcome, undefined, args.json));
    return fail(
      `未写入 ${args.out}：${incomplete}。请用 --prefer <文件> 选定用哪一份（或 --duplicates first|last），或加 --allow-incomplete 写出标明不完整的汇总表。`
    );
  }
  try {
    io.writeFile(args.out, mergedWorkbookXlsx(outcome.result.workbook, outcome.result.boldRows));
  } catch (e) {
    return fail(`${args.out}：无法写入（${e instanceof FileAccessError ? e.reason : String(e)}）`);
  }
  io.stdout(outcomeStdout(outcome, args.out, args.json));
  return outcome.hasErrors ? EXIT_ERRORS : EXIT_OK;
}
