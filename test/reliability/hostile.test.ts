/**
 * Hostile cell text, on the command line and in the writers — HTML/script, formula injection,
 * terminal escape sequences — in 填报单位/单位名称/培训项目/项目名称/经费类别/备注 stays plain data:
 * --json carries it verbatim, the text report prints it without anything a terminal would act
 * on, the HTML draft and the .docx hold it escaped (no element, attribute or field from a cell),
 * and the .xlsx writer stores user text as text, never as a formula.
 *
 * (The add-in's sheet writes — comparison sheet, blank templates — are covered in
 * test/hosts/office-writes.test.ts "text as text (never a formula)" and office-pure.test.ts
 * "cellText"; the browser pages in test/e2e/security.test.ts.)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeOoxmlEscapes } from "../../src/hosts/xlsx/xml";
import { writeTemplateWorkbook } from "../../src/hosts/xlsx/template";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { HOSTILE_STRINGS } from "./fuzz-cases";
import { terminalSafe } from "../../src/cli/output";
import { runInProcess, terminalControl } from "./fuzz-harness";
import { HOSTILE_FIELDS, hostileSheets } from "./hostile-workbook";

/** Elements the HTML draft is made of; anything else came from a cell. */
const DRAFT_TAGS = new Set(["div", "p", "h1", "h2", "h3", "h4", "span", "strong", "b", "br"]);

/** The text as a reader sees it (OOXML `_xHHHH_` escapes decoded, as Excel shows it). */
const asRead = (s: string): string => decodeOoxmlEscapes(s);

interface JsonOut {
  issues: Array<{ rule: string; sheet: string; cell: string; value: unknown; message: string }>;
  draft: { text: string; html: string };
}

let dir: string;
let workbook: string;
const t0 = performance.now();

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "bureau-stats-hostile-"));
  workbook = path.join(dir, "hostile.xlsx");
  writeFileSync(workbook, await writeTemplateWorkbook(hostileSheets()));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `[hostile] ${HOSTILE_STRINGS.length} hostile strings × ${HOSTILE_FIELDS.length} fields tried through the CLI and the writers in ${Math.round(performance.now() - t0)} ms`
  );
});

describe("hostile cell text through bureau-stats check", () => {
  it("--json carries every string verbatim as an issue value (plain data)", async () => {
    const r = await runInProcess(["check", workbook, "--json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as JsonOut;
    const values = out.issues.filter((i) => i.rule === "G-02").map((i) => i.value);
    // (ExcelJS drops raw control characters when writing; Excel's own _x001B_ form survives)
    for (const h of HOSTILE_STRINGS.filter((s) => !s.startsWith("\u001b")))
      expect(values, JSON.stringify(h)).toContain(asRead(h));
    expect(values).toContain("\u001b[2J\u001b[31m已清屏\u001b[0m");
    // and the messages quote them as data too
    const messages = out.issues.map((i) => i.message).join("\n");
    expect(messages).toContain("“<img src=x onerror=alert(1)>”");
    expect(messages).toContain('“=HYPERLINK("http://x","y")”');
  });

  it("the text report prints each string as visible text, with nothing a terminal would act on", async () => {
    const r = await runInProcess(["check", workbook]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const control = terminalControl(r.stdout);
    expect(control, `control character U+${control.toString(16)} in the text report`).toBe(-1);
    for (const h of HOSTILE_STRINGS) {
      const read = asRead(h);
      // control characters (also line feeds inside a cell) are shown as visible symbols
      if (terminalControl(read) >= 0 || read.includes("\n")) continue;
      expect(r.stdout, JSON.stringify(h)).toContain(`“${read}”`);
    }
    // one issue per line: a line break inside a cell does not start a fake line
    const issueLines = r.stdout.split("\n").filter((l) => /^ {2}(错误|警告) {2}/.test(l));
    const json = JSON.parse((await runInProcess(["check", workbook, "--json"])).stdout) as JsonOut;
    expect(issueLines.length).toBe(json.issues.length);
    expect(r.stdout).toContain("“␊=1+1”");
    expect(r.stdout).toContain("“␛[2J␛[31m已清屏␛[0m”");
  });

  it("the HTML draft escapes them: only the draft's own elements, no attribute from a cell", async () => {
    const r = await runInProcess(["check", workbook, "--json"]);
    const { html, text } = (JSON.parse(r.stdout) as JsonOut).draft;
    expect(text).toContain("<img src=x onerror=alert"); // the programmes are named in the draft …
    const tags = [...html.matchAll(/<\/?([a-zA-Z][\w:-]*)/g)].map((m) =>
      (m[1] as string).toLowerCase()
    );
    expect(new Set(tags.filter((t) => !DRAFT_TAGS.has(t)))).toEqual(new Set());
    for (const tag of html.match(/<[a-zA-Z][^>]*>/g) ?? [])
      expect(tag).not.toMatch(/\son\w+\s*=|javascript:|src=/i);
    expect(html).toContain("&lt;img src=x onerror=alert"); // … and escaped in its HTML
    expect(html).toContain("&lt;script&gt;");
  });

  it("the .docx holds them as escaped text only (no element, hyperlink or field from a cell)", async () => {
    const out = path.join(dir, "报告.docx");
    const before = readFileSync(workbook);
    const r = await runInProcess(["check", workbook, "--docx", out]);
    expect(r.code).toBe(1);
    expect(readFileSync(workbook).equals(before)).toBe(true);
    const xml = strFromU8(
      unzipSync(new Uint8Array(readFileSync(out)))["word/document.xml"] as Uint8Array
    );
    expect(xml).toContain("&lt;img src=x onerror=alert");
    expect(xml).toContain("&lt;script&gt;");
    const elements = new Set(
      [...xml.matchAll(/<\/?([a-zA-Z][\w.-]*:)?([a-zA-Z][\w.-]*)/g)].map((m) => m[1] ?? "")
    );
    // every element is namespaced Office XML (w:, wp:, a:, …): <img>, <script>, <svg> would have no prefix
    expect([...elements].filter((p) => p === "")).toEqual([]);
    expect(xml).not.toMatch(/<w:(instrText|fldSimple|fldChar|hyperlink)\b/);
    expect(xml).not.toMatch(/<(img|script|svg|iframe|a)[\s/>]/i);
  });
});

describe("the .xlsx writer stores user text as text", () => {
  it("no hostile string becomes a formula; the only formulas are the 合计 SUMs", async () => {
    const parts = unzipSync(await writeTemplateWorkbook(hostileSheets()));
    const sheets = Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets.length).toBe(8);
    const formulas = sheets.flatMap((n) =>
      [...strFromU8(parts[n] as Uint8Array).matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1] as string)
    );
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.filter((f) => !/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/.test(f))).toEqual([]);
    // every hostile string is a text cell (as the writer's own reader sees it)
    const texts = new Set(
      readXlsx(await writeTemplateWorkbook(hostileSheets())).sheets.flatMap((s) =>
        s.values.flatMap((row) => (row ?? []).filter((v): v is string => typeof v === "string"))
      )
    );
    for (const h of HOSTILE_STRINGS.filter((s) => terminalControl(s) < 0))
      expect(texts.has(asRead(h)), JSON.stringify(h)).toBe(true);
  });

  it("bureau-stats template refuses a --year that is not a year, and writes only SUM formulas", async () => {
    for (const year of ["=1+1", "+cmd|' /C calc'!A0", "2014<script>", "@SUM(1+1)", "-1+1"]) {
      const out = path.join(dir, "模板-bad.xlsx");
      const r = await runInProcess(["template", out, "--year", year]);
      expect(r.code, year).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
    }
    const out = path.join(dir, "模板.xlsx");
    expect((await runInProcess(["template", out, "--year", "2014"])).code).toBe(0);
    const parts = unzipSync(new Uint8Array(readFileSync(out)));
    const formulas = Object.keys(parts)
      .filter((n) => n.startsWith("xl/worksheets/"))
      .flatMap((n) =>
        [...strFromU8(parts[n] as Uint8Array).matchAll(/<f>([^<]*)<\/f>/g)].map(
          (m) => m[1] as string
        )
      );
    expect(formulas.filter((f) => !/^SUM\([A-Z]+\d+:[A-Z]+\d+\)$/.test(f))).toEqual([]);
  });
});

describe("terminalSafe (the text report's guard)", () => {
  it("shows control characters as visible symbols, keeps everything else as is", () => {
    expect(terminalSafe("")).toBe("");
    expect(terminalSafe("表1 ‘<img>’ 49人")).toBe("表1 ‘<img>’ 49人");
    expect(terminalSafe("a\u001b[2J\r=1+1\tb")).toBe("a␛[2J␍=1+1␉b");
    expect(terminalSafe("x\ny")).toBe("x␊y");
    expect(terminalSafe("x\ny", true)).toBe("x\ny");
    expect(terminalSafe("\u0000\u007f\u0085\u009b")).toBe("␀\u2421\ufffd\ufffd");
    expect(terminalSafe("𠀀\u00a0")).toBe("𠀀\u00a0");
  });
});
