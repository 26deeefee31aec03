/**
 * `bureau-stats` without Node specifics: everything it touches outside (files, streams) comes
 * through `CliIO`, so tests run it in-process and the browser could too.
 *
 * Exit status: 0 no error (warnings allowed), 1 errors found, 2 bad usage or an unreadable file
 * (one line naming the file and the reason, never a stack trace).
 */
import {
  analyzeWorkbook,
  definitionsInForce,
  tableRange,
  DEFINITIONS_SHEET,
  definitionsSheetOf,
  withoutDefinitionsSheet,
  COMPILED_TEMPLATES,
  DefinitionsError,
  loadTemplates,
  parseDefinitionsJson,
  problemCount,
  type WorkbookModel,
  type SheetModel,
  type Analysis,
  type DefinitionsInForce,
  type Issue,
  type CompiledTemplate,
} from "../core";
import { readXlsx, type XlsxSheetModel } from "../hosts/xlsx/read";
import { decodeTextFile } from "../hosts/xlsx/text-file";
import { DEFAULT_LIMITS, ReadBudget } from "../hosts/xlsx/budget";
import { isXlsxReadError } from "../hosts/xlsx/errors";
import { parseArgs, UsageError, USAGE } from "./args";
import { jsonReport, terminalSafe, textReport } from "./output";
import { EXIT_ERRORS, EXIT_OK, EXIT_UNUSABLE, FileAccessError, type CliIO } from "./io";

export { EXIT_ERRORS, EXIT_OK, EXIT_UNUSABLE, FileAccessError, type CliIO } from "./io";

/** The last path segment, for messages and sheet-name suffixes. */
function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/**
 * Sheets of several workbooks in one model, and which file each sheet came from; a name met again
 * gets its file name appended, so every issue still says which sheet it is about.
 */
function mergeWithOrigins(books: ReadonlyArray<readonly [file: string, wb: WorkbookModel]>): {
  workbook: WorkbookModel;
  origin: Map<string, string>;
} {
  const sheets: SheetModel[] = [];
  const taken = new Set<string>();
  const origin = new Map<string, string>();
  for (const [file, wb] of books) {
    for (const s of wb.sheets) {
      let name = s.name;
      if (taken.has(name)) {
        name = `${s.name}（${fileName(file)}）`;
        for (let k = 2; taken.has(name); k++) name = `${s.name}（${fileName(file)} ${k}）`;
      }
      taken.add(name);
      origin.set(name, file);
      sheets.push(name === s.name ? s : { ...(s as XlsxSheetModel), name });
    }
  }
  return { workbook: { sheets }, origin };
}

/**
 * G-07 (the same template twice for one year) between two files: the issue names both files and
 * says whether the two versions' figures differ (the core only knows the sheets). Which version
 * the comparison and the draft use does not depend on the order the files were given: `run` reads
 * them in file-name order.
 */
function withDuplicateFiles(a: Analysis, origin: ReadonlyMap<string, string>): Issue[] {
  const tableOf = new Map(a.tables.map((t) => [t.sheet, t]));
  const values = (sheet: string): string =>
    JSON.stringify(tableOf.get(sheet)?.figures.map((f) => [f.id, f.value]) ?? null);
  return a.issues.map((issue) => {
    if (issue.code !== "duplicate-table") return issue;
    const other = String(issue.params?.other ?? "");
    const file = origin.get(issue.sheet);
    const otherFile = origin.get(other);
    if (file === undefined || otherFile === undefined || file === otherFile) return issue;
    return {
      ...issue,
      code: "duplicate-table-files",
      params: {
        ...issue.params,
        file: fileName(file),
        other: `${fileName(otherFile)} 的“${other}”`,
        same: values(issue.sheet) === values(other) ? "两个版本的数字相同" : "两个版本的数字不同",
      },
    };
  });
}

class Unusable extends Error {}

/**
 * A bureau's table definitions from a JSON file — `{ "tables": [...] }` (what `definitions export`
 * writes) or a bare list — checked and compiled; throws `DefinitionsError` listing every problem,
 * each naming the file, the table and the entry.
 */
function loadDefinitionsFile(io: CliIO, path: string): CompiledTemplate[] {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path, DEFAULT_LIMITS.maxFileBytes);
  } catch (e) {
    throw new Error(`${path}：${e instanceof FileAccessError ? e.reason : "无法读取文件"}`);
  }
  const name = fileName(path);
  return loadTemplates(parseDefinitionsJson(decodeTextFile(bytes), name), name);
}

/**
 * Runs the command line; resolves to the exit status.
 * @example await run(["check", "assets/samples/bureau-stats-2013.xlsx"], nodeIO) // 0
 */
export async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const fail = (line: string): number => {
    // one line, and nothing from a file (a sheet name in the reason) that a terminal would act on
    io.stderr(terminalSafe(line.replace(/\s*\n\s*/g, " ")) + "\n");
    return EXIT_UNUSABLE;
  };
  /** Definitions that cannot be used: a line saying so, then one line per problem. */
  const failDefinitions = (e: DefinitionsError, where: string): number => {
    const prefix = `${where}：`;
    if (e.problems.length === 1)
      return fail(e.message.startsWith(prefix) ? e.message : `${prefix}${e.message}`);
    const lines = e.lines.map(
      (l) => `  ${terminalSafe(l.startsWith(prefix) ? l.slice(prefix.length) : l)}`
    );
    io.stderr(
      `${terminalSafe(`${where}：表定义有${problemCount(e.problems.length, e.stopped)}错误，未使用：`)}\n${lines.join("\n")}\n`
    );
    return EXIT_UNUSABLE;
  };
  if (argv[0] === "merge") {
    const { runMerge } = await import("./merge");
    return runMerge(argv.slice(1), io);
  }
  let args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError)
      return fail(`用法错误：${e.message}（bureau-stats --help 查看用法）`);
    throw e;
  }
  if (args.command === "help") {
    io.stdout(USAGE + "\n");
    return EXIT_OK;
  }

  // the tables in force: a bureau's definitions file, or the built-ins
  let templates: readonly CompiledTemplate[] = COMPILED_TEMPLATES;
  const definitionsFile =
    args.command === "definitions-check"
      ? args.file
      : "definitions" in args
        ? args.definitions
        : undefined;
  if (definitionsFile !== undefined) {
    try {
      templates = loadDefinitionsFile(io, definitionsFile);
    } catch (e) {
      if (!(e instanceof DefinitionsError)) return fail(e instanceof Error ? e.message : String(e));
      return failDefinitions(e, fileName(definitionsFile));
    }
  }
  const definitions = templates.map((t) => t.def);
  const write = (out: string, bytes: Uint8Array): number | undefined => {
    try {
      io.writeFile(out, bytes);
      return undefined;
    } catch (e) {
      return fail(`${out}：无法写入（${e instanceof FileAccessError ? e.reason : String(e)}）`);
    }
  };

  if (args.command === "definitions-check") {
    // the tables named, up to twenty (a file of thousands would print a page of names)
    const named = templates.slice(0, 20).map((t) => `${t.def.label} ${t.def.name}`);
    const more = templates.length > named.length ? "等" : "";
    io.stdout(
      `${definitionsFile}：定义有效，共${templates.length}张表（${named.join("、")}${more}）。\n`
    );
    return EXIT_OK;
  }

  if (args.command === "definitions-export") {
    if (io.exists(args.out) && !args.force)
      return fail(`${args.out}：文件已存在，不覆盖（换一个文件名，或加 --force）`);
    const text = JSON.stringify({ tables: definitions }, null, 2) + "\n";
    const failed = write(args.out, new TextEncoder().encode(text));
    if (failed !== undefined) return failed;
    io.stdout(`已写出${definitions.length}张表的定义（${tableRange(definitions)}）：${args.out}\n`);
    return EXIT_OK;
  }

  if (args.command === "template") {
    if (io.exists(args.out) && !args.force)
      return fail(`${args.out}：文件已存在，不覆盖（换一个文件名，或加 --force）`);
    const { writeTemplates } = await import("../hosts/xlsx/template");
    const failed = write(args.out, await writeTemplates(args.year, definitions));
    if (failed !== undefined) return failed;
    io.stdout(
      `已生成${args.year}年空白模板：${args.out}（${tableRange(definitions)}，${definitions.length}张工作表）\n`
    );
    return EXIT_OK;
  }

  // check
  const progress = io.stderrIsTTY
    ? (text: string): void => io.stderr(`\r\x1b[K${text}`)
    : undefined;
  const books: Array<[string, WorkbookModel]> = [];
  // one budget for every file of the run (issue 11): fifty files under a limit cannot pass it
  const budget = new ReadBudget();
  // read in file-name order (the name, not the folder: G-07 tells the user the file whose name
  // comes first is the one counted), so the result does not depend on the order given
  const byName = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
  const files = [...new Set(args.files)].sort(
    (x, y) => byName(fileName(x), fileName(y)) || byName(x, y)
  );
  try {
    for (const file of files) {
      let bytes: Uint8Array;
      try {
        bytes = io.readFile(file, budget.limits.maxFileBytes);
      } catch (e) {
        throw new Unusable(`${file}：${e instanceof FileAccessError ? e.reason : "无法读取文件"}`);
      }
      progress?.(`正在读取 ${fileName(file)} …`);
      try {
        const wb = readXlsx(bytes, {
          budget,
          ...(io.inflateRaw ? { inflateRaw: io.inflateRaw } : {}),
          ...(io.crc32 ? { crc32: io.crc32 } : {}),
          ...(progress
            ? {
                onProgress: (p: { done: number; total: number }) =>
                  progress(
                    `正在读取 ${fileName(file)} … ${p.total > 0 ? Math.floor((p.done / p.total) * 100) : 0}%`
                  ),
              }
            : {}),
        });
        books.push([file, wb]);
      } catch (e) {
        if (isXlsxReadError(e)) throw new Unusable(`${file}：${e.reason}`);
        throw new Unusable(
          `${file}：文件无法解析（${e instanceof Error ? e.message : String(e)}）`
        );
      }
    }
  } catch (e) {
    if (progress) io.stderr("\r\x1b[K");
    if (e instanceof Unusable) return fail(e.message);
    throw e;
  }

  // the tables in force (SPEC §6): --definitions wins over a workbook's own 报表定义 sheet, which
  // wins over the built-ins; a carried sheet that differs from the set in force is reported
  let inForce: DefinitionsInForce;
  const notes: string[] = [];
  const carried = books.filter(([, wb]) => definitionsSheetOf(wb) !== undefined);
  let reading = carried[0]?.[0] ?? ""; // the workbook whose 报表定义 sheet is being read
  try {
    const first = carried[0];
    inForce = definitionsInForce(
      first ? first[1] : { sheets: [] },
      definitionsFile === undefined ? undefined : { name: fileName(definitionsFile), templates }
    );
    const differing = (file: string, diff: readonly string[]) => {
      if (diff.length > 0)
        notes.push(
          `注意：${file} 中的“${DEFINITIONS_SHEET}”与所用的统计表定义不同（未采用）：${diff.join("；")}`
        );
    };
    if (first) differing(first[0], inForce.differences);
    for (const [file, wb] of carried.slice(1)) {
      reading = file;
      const own = definitionsInForce(wb, {
        name: "",
        templates: inForce.templates,
      }).differences;
      differing(file, own);
    }
  } catch (e) {
    if (progress) io.stderr("\r\x1b[K");
    if (e instanceof DefinitionsError) return failDefinitions(e, fileName(reading));
    return fail(e instanceof Error ? e.message : String(e));
  }
  if (inForce.source !== "builtin" || notes.length > 0)
    io.stderr(terminalSafe([`统计表定义：${inForce.label}`, ...notes].join("\n")) + "\n");

  progress?.("正在校验、比较、起草 …");
  const merged = mergeWithOrigins(
    books.map(([file, wb]) => [file, withoutDefinitionsSheet(wb)] as const)
  );
  const analyzed = analyzeWorkbook(merged.workbook, {
    templates: inForce.templates,
    ...(args.year === undefined ? {} : { year: args.year }),
    draft: {
      numberStyle: args.approx ? "approximate" : "exact",
      moneyUnit: args.wan ? "万元" : "元",
      includeComparison: args.compare,
      nameYear: args.nameYear,
      headings: args.headings,
    },
  });
  const analysis: Analysis = {
    ...analyzed,
    issues: withDuplicateFiles(analyzed, merged.origin),
  };
  if (progress) io.stderr("\r\x1b[K");
  if (analysis.tables.length === 0 && budget.cells === 0) {
    return fail(
      `${files.join("、")}：工作簿中没有任何数据（所有工作表都是空的），没有可校验的统计表`
    );
  }
  if (
    args.year !== undefined &&
    analysis.years.length > 0 &&
    !analysis.years.some((y) => y.year === args.year)
  ) {
    const found = analysis.years.map((y) => y.year).join("、");
    return fail(
      `${args.files.join("、")}：没有${args.year}年的统计表（表中的年度：${found || "不明"}）`
    );
  }

  if (args.docx !== undefined) {
    const target = io.resolve(args.docx);
    if (args.files.some((f) => io.resolve(f) === target) || /\.xls[xmb]?$/i.test(args.docx)) {
      return fail(`${args.docx}：不能把报告写到表格文件上（请用 .docx 文件名）`);
    }
    if (io.exists(args.docx) && !args.force)
      return fail(`${args.docx}：文件已存在，不覆盖（换一个文件名，或加 --force）`);
    const { renderDocx } = await import("../core/render/docx");
    const bytes = await renderDocx({ paragraphs: analysis.draft.paragraphs });
    try {
      io.writeFile(args.docx, bytes);
    } catch (e) {
      return fail(
        `${args.docx}：无法写入（${e instanceof FileAccessError ? e.reason : String(e)}）`
      );
    }
  }

  if (args.json) io.stdout(JSON.stringify(jsonReport(analysis), null, 2) + "\n");
  else {
    io.stdout(textReport(analysis));
    if (args.docx !== undefined) io.stdout(`\n已保存 Word 文档：${args.docx}\n`);
  }
  // a run that found no table checked nothing: not a success (README, exit status)
  if (analysis.tables.length === 0) return EXIT_ERRORS;
  return analysis.issues.some((i) => i.severity === "error") ? EXIT_ERRORS : EXIT_OK;
}
