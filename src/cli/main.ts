/**
 * `bureau-stats` without Node specifics: everything it touches outside (files, streams) comes
 * through `CliIO`, so tests run it in-process and the browser could too. The check itself is the
 * core's `checkWorkbooks` (see check.ts); this file parses, dispatches and writes.
 *
 * Exit status: 0 no error (warnings allowed), 1 errors found, 2 bad usage or an unreadable file
 * (one line naming the file and the reason, never a stack trace).
 */
import {
  tableRange,
  COMPILED_BUILTINS,
  DEFINITIONS_SHEET,
  isBuiltinSet,
  draftDefinitions,
  draftReportLines,
  fileName,
  fenNotices,
  noticeText,
  type CompiledDefinition,
} from "../core";
import { parseArgs, UsageError, USAGE, type ParsedArgs } from "./args";
import { outcomeFailure, runCheck, stop } from "./check";
import { EXIT_OK, FileAccessError, readWorkbookFiles, type CliIO } from "./io";
import { terminalSafe, type CliFailure } from "./output";
import { loadDefinitionsFile } from "./definitions-file";

export { EXIT_ERRORS, EXIT_OK, EXIT_UNUSABLE, FileAccessError, type CliIO } from "./io";

/** Writes an output file, never over an existing one unless --force. */
function writeOut(
  io: CliIO,
  out: string,
  force: boolean,
  bytes: () => Promise<Uint8Array>
): Promise<CliFailure | undefined> {
  const failure = (code: string, line: string): CliFailure => ({
    code,
    fields: { file: out },
    lines: [line],
  });
  if (io.exists(out) && !force)
    return Promise.resolve(
      failure("output-exists", `${out}：文件已存在，不覆盖（换一个文件名，或加 --force）`)
    );
  return bytes().then((data) => {
    try {
      io.writeFile(out, data);
      return undefined;
    } catch (e) {
      return failure(
        "output-unwritable",
        `${out}：无法写入（${e instanceof FileAccessError ? e.reason : String(e)}）`
      );
    }
  });
}

/**
 * `definitions draft`: a first definition of the workbook's own tables, written to `-o` (never over
 * an existing file unless --force), and what was found, table by table.
 */
async function runDraft(
  io: CliIO,
  args: Extract<ParsedArgs, { command: "definitions-draft" }>
): Promise<number> {
  const [input] = readWorkbookFiles(io, [args.file]);
  if (!input || "unreadable" in input)
    return stop(
      io,
      false,
      outcomeFailure({
        code: "unreadable-file",
        file: args.file,
        reason: input && "unreadable" in input ? input.unreadable : "无法读取文件",
      })
    );
  const draft = draftDefinitions(input.workbook);
  const lines = draftReportLines(draft).map((l) => terminalSafe(l));
  const count = draft.definitions.tables.length;
  if (count === 0) {
    const line = `${args.file}：没有找到可起草定义的表（一行至少两个文字表头，下面有数据行）`;
    return stop(io, false, {
      code: "nothing-drafted",
      fields: { file: args.file },
      lines: [line, ...lines],
    });
  }
  const text = JSON.stringify({ tables: draft.definitions.tables }, null, 2) + "\n";
  const failed = await writeOut(io, args.out, args.force, () =>
    Promise.resolve(new TextEncoder().encode(text))
  );
  if (failed) return stop(io, false, failed);
  io.stdout(
    [
      `已起草${count}张表的定义：${args.out}`,
      ...lines,
      `请核对各列的类型、单位和建议规则，改写报告句子，再用 bureau-stats check ${args.file} --definitions ${args.out} 校验。`,
    ].join("\n") + "\n"
  );
  return EXIT_OK;
}

/** `definitions check`, `definitions export` and `template`: the tables in force, named or written. */
async function runDefinitionsCommand(
  io: CliIO,
  args: Exclude<ParsedArgs, { command: "check" | "help" | "definitions-draft" }>,
  compiledDefinitions: readonly CompiledDefinition[]
): Promise<number> {
  const definitions = compiledDefinitions.map((t) => t.def);
  if (args.command === "definitions-check") {
    // the tables named, up to twenty (a file of thousands would print a page of names)
    const named = compiledDefinitions.slice(0, 20).map((t) => `${t.def.label} ${t.def.name}`);
    const more = compiledDefinitions.length > named.length ? "等" : "";
    io.stdout(
      `${args.file}：定义有效，共${compiledDefinitions.length}张表（${named.join("、")}${more}）。\n` +
        fenNotices(compiledDefinitions)
          .map((n) => `注意：${terminalSafe(noticeText(n))}\n`)
          .join("")
    );
    return EXIT_OK;
  }
  const range = tableRange(definitions);
  if (args.command === "definitions-export") {
    const text = JSON.stringify({ tables: definitions }, null, 2) + "\n";
    const failed = await writeOut(io, args.out, args.force, () =>
      Promise.resolve(new TextEncoder().encode(text))
    );
    if (failed) return stop(io, false, failed);
    io.stdout(`已写出${definitions.length}张表的定义（${range}）：${args.out}\n`);
    return EXIT_OK;
  }
  const { writeTemplates } = await import("../hosts/xlsx/template");
  const failed = await writeOut(io, args.out, args.force, () =>
    writeTemplates(args.year, definitions)
  );
  if (failed) return stop(io, false, failed);
  // a bureau's own tables travel with the templates: a unit's copy is checked by them
  const carried = isBuiltinSet(definitions) ? "" : `，另附“${DEFINITIONS_SHEET}”工作表`;
  io.stdout(
    `已生成${args.year}年空白模板：${args.out}（${range}，${definitions.length}张工作表${carried}）\n`
  );
  return EXIT_OK;
}

/**
 * Runs the command line; resolves to the exit status.
 * @example await run(["check", "assets/samples/bureau-stats-2013.xlsx"], nodeIO) // 0
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  if (argv[0] === "merge") {
    const { runMerge } = await import("./merge");
    return runMerge(argv.slice(1), io);
  }
  let args: ParsedArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    const line = `用法错误：${e.message}（bureau-stats --help 查看用法）`;
    return stop(io, false, { code: "usage", lines: [line] });
  }
  if (args.command === "help") {
    io.stdout(USAGE + "\n");
    return EXIT_OK;
  }
  if (args.command === "definitions-draft") return runDraft(io, args);
  const json = args.command === "check" && args.json;
  // the tables in force: a bureau's definitions file, or the built-ins
  const path = args.command === "definitions-check" ? args.file : args.definitions;
  let compiledDefinitions: readonly CompiledDefinition[] = COMPILED_BUILTINS;
  if (path !== undefined) {
    const loaded = loadDefinitionsFile(io, path);
    if ("code" in loaded) return stop(io, json, loaded);
    compiledDefinitions = loaded;
  }
  if (args.command !== "check") return runDefinitionsCommand(io, args, compiledDefinitions);
  return runCheck(
    io,
    args,
    path === undefined ? undefined : { name: fileName(path), compiled: compiledDefinitions }
  );
}
