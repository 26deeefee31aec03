/**
 * `check --docx out.docx --sources`: the Word document ends with the 数据来源 table (one row per
 * number of the draft); `--sources` alone is a usage error; without it the .docx has no table.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { cli } from "./harness";
import { parseArgs } from "../../src/cli/args";

const ROOT = path.join(__dirname, "../..");
const CLEAN = path.join(ROOT, "assets", "samples", "bureau-stats-2013.xlsx");
let tmp = "";

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "bureau-stats-cli-sources-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const documentXml = (file: string): string =>
  strFromU8(unzipSync(new Uint8Array(readFileSync(file)))["word/document.xml"]!);

describe("check --docx --sources", () => {
  it("appends 数据来源: a header row and one row per number of the JSON's draft.figures", async () => {
    const out = path.join(tmp, "报告（附来源）.docx");
    const r = await cli("check", CLEAN, "--docx", out, "--sources", "--json");
    expect(r.code).toBe(0);
    const figures = (JSON.parse(r.stdout) as { draft: { figures: unknown[] } }).draft.figures;
    expect(figures.length).toBeGreaterThan(60);
    const xml = documentXml(out);
    expect(xml).toContain("数据来源");
    expect(xml.match(/<w:tr>/g)).toHaveLength(figures.length + 1);
    expect(xml).toContain("“表1 党员发展 2013”发展预备党员列E4:E30，合计E31");
  });

  it("without --sources the .docx has no appendix", async () => {
    const out = path.join(tmp, "报告.docx");
    const r = await cli("check", CLEAN, "--docx", out);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("已保存 Word 文档");
    const xml = documentXml(out);
    expect(xml).not.toContain("<w:tbl>");
    expect(xml).not.toContain("数据来源");
  });

  it("--sources without --docx is a usage error in one Chinese line (exit 2)", async () => {
    const r = await cli("check", CLEAN, "--sources");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("--sources");
    expect(r.stderr).toContain("请与 --docx <输出.docx> 一起使用");
  });

  it("parses --sources for check only, and shows it in --help", async () => {
    expect(parseArgs(["check", "a.xlsx", "--sources", "--docx=r.docx"])).toMatchObject({
      docx: "r.docx",
      sources: true,
    });
    expect(parseArgs(["check", "a.xlsx", "--docx", "r.docx"])).not.toHaveProperty("sources");
    const template = await cli("template", path.join(tmp, "t.xlsx"), "--year", "2014", "--sources");
    expect(template.code).toBe(2);
    expect(template.stderr).toContain("不认识选项“--sources”");
    expect((await cli("--help")).stdout).toContain("--sources");
  });
});
