/**
 * Hostile and malformed workbooks, each built here by a generator
 * (scripts/lib/hostile-xlsx.ts), through `bureau-stats check` in-process: a budget passed is one
 * line naming the file and the limit with status 2; a damaged part is refused, never read as data
 * or as an empty sheet; what Excel ignores (comments) is ignored and what it reads (CDATA) is read.
 * Time and memory are measured by `npm run bench -- hostile`, not asserted here.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { unzipSync } from "fflate";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as H from "../../scripts/lib/hostile-xlsx";
import { buildXlsx } from "../../scripts/lib/xlsx-parts";
import { runInProcess, type RunResult } from "./cli-run";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { ReadBudget } from "../../src/hosts/xlsx/budget";
import { ensureCliBuilt } from "./fuzz-harness";

const ROOT = path.join(__dirname, "..", "..");
const CLEAN = H.CLEAN_SAMPLE;
const MISTAKES = path.join(ROOT, "assets", "samples", "bureau-stats-2013-mistakes.xlsx");
let dir = "";

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "bureau-stats-hostile-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(h: H.HostileFile): string[] {
  return h.files.map((bytes, i) => {
    const file = path.join(dir, `${h.id}${h.files.length > 1 ? `-${i}` : ""}.xlsx`);
    writeFileSync(file, bytes);
    return file;
  });
}

/** Status 2 with exactly one line that names one of the files and says `what`. */
function expectRefused(r: RunResult, files: readonly string[], what: RegExp): void {
  expect(r.crash).toBeUndefined();
  expect(r.code, r.stderr || r.stdout.slice(0, 200)).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.split("\n").filter((l) => l !== "");
  expect(lines).toHaveLength(1);
  expect(
    files.some((f) => (lines[0] as string).startsWith(`${f}：`)),
    lines[0]
  ).toBe(true);
  expect(lines[0]).toMatch(what);
}

describe("budgets that hold whatever the file says", () => {
  const cases: ReadonlyArray<[string, () => H.HostileFile, RegExp]> = [
    [
      "a part whose declared size lies",
      () => H.lyingSize("small"),
      /部件 xl\/worksheets\/sheet1\.xml .*比记录的大小更长/,
    ],
    [
      "values at column XFD in every row",
      () => H.sparseXfd("small"),
      /行列范围过大（合计超过 20,000,000 个单元格位置/,
    ],
    ["tall sparse sheets", () => H.sparseSheets("small"), /行列范围过大（合计超过 20,000,000/],
    [
      "files each under the cell limit, together over it",
      () => H.manyFilesCells("small"),
      /超过 5,000,000 个非空单元格（本次读取的所有文件合计）/,
    ],
    [
      "many sheets pointing at one part",
      () => H.manyRefsOnePart("small"),
      /多张工作表指向同一个部件 xl\/worksheets\/sheet1\.xml/,
    ],
    [
      "zip entries sharing one compressed stream",
      () => H.overlappingEntries("small"),
      /的数据重叠/,
    ],
    ["thousands of merges over a tall sheet", () => H.manyMerges("small"), /行列范围过大/],
    [
      "millions of shared strings",
      () => H.manySharedStrings("small"),
      /共享字符串超过 2,000,000 条/,
    ],
    [
      "sheet names longer than Excel allows",
      () => H.hugeSheetName("small"),
      /工作表名称长 4,\d{3} 个字符，Excel 允许最多 31 个/,
    ],
  ];
  for (const [what, make, message] of cases) {
    it(`${what}: one line naming the file and the limit, status 2`, async () => {
      const h = make();
      const files = write(h);
      const r = await runInProcess(["check", ...files]);
      expectRefused(r, files, message);
    }, 60_000);
  }

  it("a part larger than the part limit is refused before inflating (declared size over the budget)", () => {
    const big = H.manySharedStrings("small").files[0] as Uint8Array; // a 30 MB part
    expect(() => readXlsx(big, { limits: { maxPartBytes: 10 * 1024 * 1024 } })).toThrow(
      /部件 xl\/sharedStrings\.xml 解压后超过 10 MB/
    );
  });

  it("one budget across the files of a run: the second file pays for the first", () => {
    const budget = new ReadBudget({ maxCells: 1_500_000 });
    const one = H.manyFilesCells("small").files[0] as Uint8Array; // 1,000,000 cells
    readXlsx(one, { budget });
    expect(budget.cells).toBe(1_000_000);
    expect(() => readXlsx(one, { budget })).toThrow(/超过 1,500,000 个非空单元格/);
  });

  it("a stray value far away is stored sparsely: rows in between share one empty row", () => {
    const wb = readXlsx(
      H.rawZip(
        Object.entries(
          H.partsOf(
            H.sparseSheets("small").files[0] as Uint8Array // parts reused: sheet1 only below
          )
        )
          .filter(([n]) => !n.startsWith("xl/worksheets/") || n === "xl/worksheets/sheet1.xml")
          .map(([name, data]) =>
            name === "xl/workbook.xml"
              ? {
                  name,
                  data: new TextEncoder().encode(
                    new TextDecoder()
                      .decode(data)
                      .replace(/<sheet name="S([2-9]|\d\d)"[^>]*\/>/g, "")
                  ),
                }
              : { name, data }
          )
      )
    );
    const values = wb.sheets[0]?.values ?? [];
    expect(values).toHaveLength(1_048_576);
    expect(values[0]).toHaveLength(16_384);
    expect(values[1]).toBe(values[2]); // one shared empty row
    expect(values[1_048_575]).toEqual([1]);
  });
});

describe("streams and devices", () => {
  it("/dev/zero is refused before anything is read", async () => {
    const r = await runInProcess(["check", "/dev/zero"]);
    expectRefused(r, ["/dev/zero"], /不是普通文件（设备、管道或套接字）/);
  });

  it("a FIFO nobody writes to is refused at once (no hang)", async () => {
    const fifo = path.join(dir, "pipe.xlsx");
    execFileSync("mkfifo", [fifo]);
    const r = await runInProcess(["check", fifo]);
    expectRefused(r, [fifo], /不是普通文件/);
  });

  it("a file over the size limit is refused without reading it", async () => {
    const big = path.join(dir, "big.xlsx");
    writeFileSync(big, "");
    truncateSync(big, 101 * 1024 * 1024); // sparse: no disk used
    const r = await runInProcess(["check", big]);
    expectRefused(r, [big], /文件过大（超过 100 MB）/);
  });
});

describe("a reader that agrees with Excel", () => {
  let clean: RunResult;
  beforeAll(async () => {
    clean = await runInProcess(["check", CLEAN]);
    expect(clean.code).toBe(0);
  });

  it("cells inside XML comments are not read: the report is the clean sample's", async () => {
    const [file] = write(H.commentedCells());
    const r = await runInProcess(["check", file as string]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(clean.stdout);
  });

  it("CDATA sections are read: strings and numbers as in the clean sample", async () => {
    const [file] = write(H.cdataText());
    const r = await runInProcess(["check", file as string]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(clean.stdout);
  });

  const damaged: ReadonlyArray<[string, () => H.HostileFile, RegExp]> = [
    [
      "two entries with the same part name",
      H.duplicateParts,
      /zip 中有两个同名部件 xl\/worksheets\/sheet1\.xml/,
    ],
    [
      "an entry whose local header names another part",
      H.localNameMismatch,
      /本地文件头写的是另一个名字 xl\/worksheets\/sheet9\.xml/,
    ],
    [
      "a part whose CRC-32 does not match",
      H.badCrc,
      /部件 xl\/worksheets\/sheet1\.xml 的校验和（CRC-32）不符/,
    ],
    [
      "a sheet part that is not XML",
      H.notXmlSheet,
      /部件 xl\/worksheets\/sheet1\.xml (不是工作表|不是有效的 XML)/,
    ],
    [
      "a sheet part cut off (not well-formed)",
      H.truncatedSheetXml,
      /部件 xl\/worksheets\/sheet1\.xml 不是有效的 XML：元素没有结束/,
    ],
  ];
  for (const [what, make, message] of damaged) {
    it(`${what}: refused as damaged, status 2`, async () => {
      const files = write(make());
      expectRefused(await runInProcess(["check", ...files]), files, message);
    });
  }

  it('a t="d" date in a count column is a date (wrong type), not the number of its serial', async () => {
    const [file] = write(H.dateInCountColumn());
    const r = await runInProcess(["check", file as string, "--json"]);
    expect(r.code).toBe(1);
    const issues = (
      JSON.parse(r.stdout) as { issues: Array<{ cell: string; message: string; severity: string }> }
    ).issues;
    expect(
      issues.filter((i) => i.severity === "error").map((i) => [i.cell, i.message])
    ).toContainEqual(["C5", expect.stringMatching(/类型不对/) as unknown as string]);
  });

  it("a run that finds no table is not a success (1); one with no data at all is unreadable (2)", async () => {
    const book = (name: string, sheetXml: string): string => {
      const file = path.join(dir, name);
      writeFileSync(
        file,
        buildXlsx({ sheets: [1, 2, 3].map((k) => ({ name: `S${k}`, xml: sheetXml })) })
      );
      return file;
    };
    const noTable = book(
      "no-table.xlsx",
      '<row r="1"><c r="A1" t="inlineStr"><is><t>备忘</t></is></c></row>'
    );
    const r = await runInProcess(["check", noTable]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^未找到统计表/);
    const empty = book("empty-sheets.xlsx", "");
    expectRefused(await runInProcess(["check", empty]), [empty], /没有任何数据/);
  });
});

describe("process hygiene", () => {
  it("two versions of one year's table in two files: an issue naming both files; file order does not matter", async () => {
    const ab = await runInProcess(["check", CLEAN, MISTAKES, "--json"]);
    const ba = await runInProcess(["check", MISTAKES, CLEAN, "--json"]);
    expect(ab.stdout).toBe(ba.stdout);
    expect(ab.code).toBe(ba.code);
    const issues = (
      JSON.parse(ab.stdout) as {
        issues: Array<{ rule: string; message: string; severity: string }>;
      }
    ).issues;
    const dup = issues.filter((i) => i.rule === "G-07");
    expect(dup.length).toBeGreaterThan(0);
    for (const i of dup) {
      expect(i.message).toContain("bureau-stats-2013.xlsx");
      expect(i.message).toContain("bureau-stats-2013-mistakes.xlsx");
    }
    expect(dup.every((i) => i.severity === "error")).toBe(true);
    expect(dup.some((i) => i.message.includes("两个版本的数字不同"))).toBe(true);
  });

  it("check … | head -1: the rest is dropped quietly, status as the run's, no stack trace", async () => {
    await ensureCliBuilt();
    // enough output to fill the pipe after head has gone
    const files = Array.from({ length: 30 }, (_, i) => {
      const f = path.join(dir, `m${String(i).padStart(2, "0")}.xlsx`);
      writeFileSync(f, readFileSync(MISTAKES));
      return f;
    });
    const r = spawnSync(
      "bash",
      [
        "-c",
        'node "$0" check "$@" --json | head -1 >/dev/null; echo "status ${PIPESTATUS[0]}" >&2',
        path.join(ROOT, "bin", "bureau-stats.js"),
        ...files,
      ],
      { encoding: "utf8" }
    );
    expect(r.stderr.trim()).toBe("status 1");
  }, 60_000);
});

describe("writers that cannot produce a broken file", () => {
  /** The clean sample with a training name holding U+FFFE, U+0001 and a bidi override (as Excel stores them). */
  function oddCharsWorkbook(): string {
    const parts = H.sampleParts();
    const sst = new TextDecoder().decode(parts["xl/sharedStrings.xml"]);
    const edited = sst.replace("普通话", "普通_xFFFE__x0001__x202E_话");
    expect(edited).not.toBe(sst);
    const file = path.join(dir, "odd-chars.xlsx");
    writeFileSync(
      file,
      H.zipParts({ ...parts, "xl/sharedStrings.xml": new TextEncoder().encode(edited) })
    );
    return file;
  }

  it("the .docx and the HTML hold no character XML 1.0 forbids; the text report shows the bidi override as <U+202E>", async () => {
    const input = oddCharsWorkbook();
    const out = path.join(dir, "odd.docx");
    const r = await runInProcess(["check", input, "--docx", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("普通<U+FFFE>␁<U+202E>话");
    expect(r.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    const xml = new TextDecoder().decode(
      unzipSync(new Uint8Array(readFileSync(out)))["word/document.xml"]
    );
    expect(xml).toContain("普通\u202e话");
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    const lint = spawnSync("xmllint", ["--noout", "-"], { input: xml, encoding: "utf8" });
    expect(lint.status, lint.stderr).toBe(0);
    const json = JSON.parse((await runInProcess(["check", input, "--json"])).stdout) as {
      draft: { html: string };
    };
    const html = spawnSync("xmllint", ["--noout", "-"], {
      input: json.draft.html,
      encoding: "utf8",
    });
    expect(html.status, html.stderr).toBe(0);
  });

  it("a long Chinese --docx name is written (short temporary name); a path that cannot be written is one plain line", async () => {
    const name = path.join(dir, `${"党建统计报告".repeat(13)}草稿.docx`); // 80 characters, 240 bytes
    const r = await runInProcess(["check", CLEAN, "--docx", name]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(name).subarray(0, 2).toString()).toBe("PK");
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    const tooLong = path.join(dir, `${"报".repeat(90)}.docx`); // 274 bytes: over the file system's limit
    const bad = await runInProcess(["check", CLEAN, "--docx", tooLong]);
    expectRefused(bad, [tooLong], /无法写入（文件名或路径太长）/);
    const noDir = path.join(dir, "没有这个文件夹", "r.docx");
    expectRefused(
      await runInProcess(["check", CLEAN, "--docx", noDir]),
      [noDir],
      /无法写入（找不到文件）/
    );
  });

  it("--docx over an existing file asks for --force, like template", async () => {
    const out = path.join(dir, "existing.docx");
    writeFileSync(out, "old");
    const r = await runInProcess(["check", CLEAN, "--docx", out]);
    expectRefused(r, [out], /文件已存在，不覆盖（换一个文件名，或加 --force）/);
    expect(readFileSync(out, "utf8")).toBe("old");
    expect((await runInProcess(["check", CLEAN, "--docx", out, "--force"])).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
  });
});
