/**
 * The message style guide (docs/messages.md), checked on every message template and UI string:
 * the generic messages, every rule message of the built-in tables (and of the sample bureau's
 * definitions), the pane's and the browser page's texts and the command line's output strings.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { GENERIC_MESSAGES } from "../../src/core/messages";
import { GENERIC_RULES } from "../../src/core/place";

const ROOT = join(__dirname, "../..");
const CJK = /[\u3400-\u9fff]/;

/** Every rule message of a definitions file (a table or a list of tables). */
function ruleMessages(file: string): string[] {
  const data: unknown = JSON.parse(readFileSync(file, "utf8"));
  const tables = Array.isArray(data)
    ? data
    : typeof data === "object" && data !== null && "tables" in data && Array.isArray(data.tables)
      ? data.tables
      : [data];
  return tables.flatMap((t: { rules?: Array<{ message?: string }> }) =>
    (t.rules ?? []).map((r) => r.message ?? "")
  );
}

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, ext) : ext.test(name) ? [path] : [];
  });
}

/**
 * The Chinese strings of a source file: string and template literals and JSX text holding CJK
 * (comments removed; `${…}` in template literals read as `{x}`).
 */
export function sourceStrings(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:\\])\/\/.*$/gm, "$1");
  const out: string[] = [];
  const literal =
    /"((?:[^"\\\n]|\\.)*)"|'((?:[^'\\\n]|\\.)*)'|`((?:[^`\\]|\\.)*)`|>((?:[^<>{}"'`;=]|\{[^{}"'`<>;]*\})*)</g;
  for (const m of code.matchAll(literal)) {
    const text = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? "").replace(/\$\{[^}]*\}/g, "{x}").trim();
    // CSS font lists name fonts in ASCII quotes
    if (CJK.test(text) && !/serif$/.test(text)) out.push(text);
  }
  return out;
}

/** What breaks the style guide in one text, or an empty list. */
export function styleProblems(text: string, { source = false, ui = false } = {}): string[] {
  const problems: string[] = [];
  if (/[‘’]/.test(text)) problems.push("‘’ quotes (use “”)");
  // in source code ASCII quotes delimit strings (nested template literals): checked on templates
  if (!source && /["'][^"'\n]*[\u3400-\u9fff][^"'\n]*["']/.test(text))
    problems.push("ASCII quotes around Chinese (use “”)");
  // a number beside Chinese takes no space (in templates every placeholder is a value; in source
  // code a placeholder may be a file name or an option, so only one between two Chinese words counts)
  const spaced = source
    ? /[\u3400-\u9fff] +\d|\d +[\u3400-\u9fff]|[\u3400-\u9fff（] *\{x\} +[\u3400-\u9fff]/
    : /[\u3400-\u9fff] +(\d|\{(?! ))|(\d|\}) +[\u3400-\u9fff]/;
  if (spaced.test(text)) problems.push("a space beside a number in Chinese text");
  if (/第\s+\S+\s*[行列]|第\S+\s+[行列]/.test(text))
    problems.push("第 N 行 with spaces (write 第N行)");
  if (/报送/.test(text)) problems.push("报送 (the term is 上报)");
  if (/须/.test(text)) problems.push("须 (say what to check, not what must be done)");
  if (/'[^']+'!|![A-Z]{1,3}\d|(?<![\d.])\d+:\d+(?![\d.])/.test(text))
    problems.push("Excel notation in prose");
  // the pane and the browser page name things in Chinese (下载Word文档, not 下载 Word 文档)
  if (ui && /[\u3400-\u9fff] \.(docx|xlsx)\b|\b(download|upload)\b/i.test(text))
    problems.push("a file extension or English in a UI text");
  return problems;
}

function scan(texts: ReadonlyArray<readonly [string, string]>, options = {}): string[] {
  return texts.flatMap(([where, text]) =>
    styleProblems(text, {
      ...options,
      ui: options && "ui" in options ? Boolean(options.ui) : false,
    }).map((p) => `${where}: ${p}: ${text}`)
  );
}

describe("message style guide", () => {
  it("finds each forbidden form (the scan can fail)", () => {
    expect(styleProblems("‘49人’ 按 49 读取")).toEqual(
      expect.arrayContaining(["‘’ quotes (use “”)", "a space beside a number in Chinese text"])
    );
    expect(styleProblems("见 '表1 党员发展 2013'!I31")).toContain("Excel notation in prose");
    expect(styleProblems("与 12:12 相同")).toContain("Excel notation in prose");
    expect(styleProblems("第 12 行")).toContain("第 N 行 with spaces (write 第N行)");
    expect(styleProblems("请按时报送")).toContain("报送 (the term is 上报)");
    expect(styleProblems("三公经费须压减")).toContain(
      "须 (say what to check, not what must be done)"
    );
    expect(styleProblems('列"单位名称"')).toContain("ASCII quotes around Chinese (use “”)");
    expect(styleProblems("下载 .docx", { ui: true })).toContain(
      "a file extension or English in a UI text"
    );
    expect(styleProblems("“49人”已按49读取。请只填数字。")).toEqual([]);
    expect(sourceStrings("const a = `错误 ${n} 项`; // 注释 12:12\n<p>第 3 行</p>")).toEqual([
      "错误 {x} 项",
      "第 3 行",
    ]);
  });

  it("generic messages: each is what is wrong, then what to do, in the house style", () => {
    const texts = Object.entries(GENERIC_MESSAGES).map(([code, t]) => [code, t] as const);
    expect(texts.length).toBeGreaterThan(25);
    expect(scan(texts)).toEqual([]);
    for (const [code, t] of texts) expect(t, code).toMatch(/^[^。]+。[^。]+。$/);
  });

  it("rule messages of every definitions file: two sentences, the house style", () => {
    const defs = [
      ...files(join(ROOT, "src/core/definitions/builtin"), /\.json$/),
      ...files(join(ROOT, "assets/samples"), /\.json$/),
    ];
    const texts = defs.flatMap((f) =>
      ruleMessages(f).map((m) => [f.slice(ROOT.length + 1), m] as const)
    );
    expect(texts.length).toBeGreaterThanOrEqual(17);
    expect(scan(texts)).toEqual([]);
    for (const [f, t] of texts) expect(t, f).toMatch(/^[^。]+。[^。]+。$/);
  });

  it("rule code explanations", () => {
    expect(scan(Object.entries(GENERIC_RULES))).toEqual([]);
  });

  const stringsOf = (sources: readonly string[]) =>
    sources.flatMap((f) =>
      sourceStrings(readFileSync(f, "utf8")).map((t) => [f.slice(ROOT.length + 1), t] as const)
    );

  it("every UI string of the pane and the browser page", () => {
    const texts = stringsOf(files(join(ROOT, "src/taskpane"), /\.tsx?$/));
    expect(texts.length).toBeGreaterThan(150);
    expect(scan(texts, { source: true, ui: true })).toEqual([]);
  });

  it("every output string of the command line and the core (messages, verdict, merge, drafts)", () => {
    const texts = stringsOf([
      ...files(join(ROOT, "src/cli"), /\.ts$/),
      ...files(join(ROOT, "src/core"), /\.ts$/),
    ]);
    expect(texts.length).toBeGreaterThan(80);
    expect(scan(texts, { source: true })).toEqual([]);
  });
});
