/**
 * The 汇总 report as the pane shows it: one row per unit, what needs action first, each problem
 * once; a corrupt unit file told in the user's words; the merged tables held back (with the
 * reason) while a unit's two files are not chosen between; and the table of read-failure words.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { openMerge, type UnitFileInput } from "../../src/core/app/merge";
import {
  deliverBlock,
  plainOutcome,
  toldByMergeFilter,
  unitRows,
  UNIT_STATE_TEXT,
} from "../../src/core/merge";
import { READ_FAILURES, readFailure } from "../../src/hosts/xlsx/errors";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { fakeCfb } from "../hosts/xlsx-fixtures";

const UNITS = path.join(__dirname, "..", "..", "assets", "samples", "units");
const GOOD = "02 江苏省昆山中学.xlsx";

/** A file as the pane's worker reads it: its workbook, or the unit-file words of its failure. */
function input(name: string, bytes: Uint8Array): UnitFileInput {
  try {
    return { name, workbook: readXlsx(bytes) };
  } catch (e) {
    const f = readFailure(e, "unit");
    return { name, unreadable: f.message, detail: f.detail };
  }
}

function failureOf(bytes: Uint8Array): ReturnType<typeof readFailure> {
  try {
    readXlsx(bytes);
  } catch (e) {
    return readFailure(e, "unit");
  }
  throw new Error("read");
}

/** The sample units (their list apart) plus a copy of one cut short in transfer. */
function sampleMerge(prefer: readonly string[] = []) {
  const opened = openMerge({});
  if (opened.code !== "open") throw new Error(opened.code);
  for (const f of readdirSync(UNITS).sort())
    if (f !== "单位名单.xlsx") opened.session.add(input(f, readFileSync(path.join(UNITS, f))));
  const good = readFileSync(path.join(UNITS, GOOD));
  opened.session.add(input("13 截断.xlsx", good.subarray(0, 3000)));
  return plainOutcome(opened.session.finish(prefer).result);
}

describe("read failures in the user's words, from one table", () => {
  const good = readFileSync(path.join(UNITS, GOOD));
  it.each<[string, Uint8Array, string, RegExp]>([
    [
      "truncated",
      good.subarray(0, good.length - 200),
      "truncated",
      /^文件不完整，可能在传输中损坏。请让该单位重新发送。$/,
    ],
    ["empty", new Uint8Array(), "empty", /空的.*请让该单位重新发送。$/],
    ["old .xls", fakeCfb(["Root Entry", "Workbook"]), "xls", /\.xls.*另存为 \.xlsx/],
    [
      "password",
      fakeCfb(["Root Entry", "EncryptionInfo", "EncryptedPackage"]),
      "encrypted",
      /密码.*请让该单位取消密码后重新发送。$/,
    ],
    [
      "CSV text",
      strToU8("单位名称,党员数\n甲,1\n"),
      "other-format",
      /^这是文本（CSV）文件.*另存为 \.xlsx/,
    ],
    ["PDF", strToU8("%PDF-1.4\n"), "not-xlsx", /^这是PDF文件，不是Excel工作簿。请让该单位发送/],
    ["plain zip", zipSync({ "a.txt": strToU8("x") }), "not-xlsx", /^这是普通zip压缩包/],
  ])("%s", (_name, bytes, code, words) => {
    const f = failureOf(bytes);
    expect(f.code).toBe(code);
    expect(f.message).toMatch(words);
    // no file-format jargon in the sentence; the reader's account is kept apart
    expect(f.message).not.toMatch(/zip 目录|部件|CRC/);
    expect(f.detail.length).toBeGreaterThan(0);
  });

  it("every kind has what happened and, but for a cancelled read, what to do", () => {
    for (const [code, w] of Object.entries(READ_FAILURES)) {
      expect(w.what, code).toMatch(/。$/);
      if (code === "aborted") continue;
      for (const todo of [w.unit, w.file]) expect(todo, code).toMatch(/^请.*。$/);
    }
    // advice to save as .xlsx is given only where Excel can open the file
    expect(READ_FAILURES.truncated.unit).not.toContain("另存为");
    expect(READ_FAILURES.xls.unit).toContain("另存为 .xlsx");
  });
});

describe("the 汇总 report: one row per unit, what needs action first", () => {
  it("lists the duplicate, the unreadable files and the units with errors before the merged ones, each problem once", () => {
    const o = sampleMerge();
    const rows = unitRows(o);
    expect(rows.map((r) => UNIT_STATE_TEXT[r.state])).toEqual([
      "重复待选",
      "无法读取",
      "无法读取",
      "有错误",
      ...Array<string>(8).fill("已合并"),
    ]);
    expect(rows[0]).toMatchObject({ unit: "昆山市实验小学" });
    expect(rows[0]!.files).toHaveLength(2);
    const cut = rows.find((r) => r.files.includes("13 截断.xlsx"))!;
    expect(cut.problems).toEqual([
      {
        severity: "error",
        place: null,
        address: null,
        text: "文件不完整，可能在传输中损坏。请让该单位重新发送。",
        detail: expect.stringContaining("zip") as unknown as string,
      },
    ]);
    // every problem once in the whole report (two files may fail alike: each in its own row)
    const told = rows.flatMap((r) => r.problems.map((p) => `${r.unit} ${p.place ?? ""} ${p.text}`));
    expect(told.filter((t, i) => told.indexOf(t) !== i)).toEqual([]);
    expect(told.filter((t) => t.includes("玉峰"))).toHaveLength(1);
    const texts = rows.flatMap((r) =>
      r.problems.map((p) => `${p.place ?? ""} ${p.text} ${p.address ?? ""}`)
    );
    // the text number 36人 is listed once, as a warning, with the merged cell and the unit: the
    // place in words, the unit's own row named, the merged cell's address apart
    expect(texts.filter((t) => t.includes("“36人”"))).toEqual([
      "表2 汇总 2013 第18行（昆山市葛江中学）“培训人数” 昆山市葛江中学填的是文字“36人”（其文件“表2 培训 2013”第6行），已按数字36合并 D18",
    ]);
    // no problem of any unit writes a cell address in its words
    const words = rows.flatMap((r) => r.problems.map((p) => `${p.place ?? ""} ${p.text}`));
    expect(words.filter((t) => /'?!\$?[A-Z]{1,3}\$?\d|\b[A-Z]{1,3}\d+\b/.test(t))).toEqual([]);
    // an issue of a unit's own check: its row with the unit named, the column, then cell and rule
    const gejiang = rows.find((r) => r.unit === "昆山市葛江中学")!;
    expect(gejiang.problems).toContainEqual({
      severity: "error",
      place: "表1 党员发展 2013 第4行（昆山市葛江中学）“发展预备党员”",
      address: "E4·T1-01",
      text: "“发展预备党员”为2，“其中：教工”1与“其中：学生”0之和为1，两者不等。请检查这三个数。",
      detail: null,
    });
  });

  it("holds back inserting and downloading, with the reason, until the duplicate is chosen", () => {
    const open = sampleMerge();
    expect(deliverBlock(open)).toBe("昆山市实验小学上报了多份文件：请先选定用哪一份，汇总才完整。");
    expect(open.incomplete).toBe("昆山市实验小学重复上报未选定");
    expect(open.sheets[0]!.sheet.values[0]![0]).toMatch(
      /（2013年汇总，不完整：昆山市实验小学重复上报未选定）$/
    );
    const chosen = sampleMerge(["07 昆山市实验小学（更正）.xlsx"]);
    expect(deliverBlock(chosen)).toBeUndefined();
    expect(chosen.sheets[0]!.sheet.values[0]![0]).toMatch(/（2013年汇总）$/);
    expect(unitRows(chosen)[0]!.state).not.toBe("duplicate");
  });
});

describe("a number written as text: told once, by the merge", () => {
  const notes = [{ from: { sheet: "表1 党员发展 2013", cell: "E4" } }];
  const keep = toldByMergeFilter(notes);

  it("leaves out the unit's own G-02 for that cell (the merge's note says the same)", () => {
    expect(keep({ rule: "G-02", sheet: "表1 党员发展 2013", cell: "E4" })).toBe(false);
  });

  it("keeps any other rule at that cell, and the G-02 of other cells", () => {
    // 发展预备党员 written “５人” and not the sum of its parts: the T1-01 error stays in the unit's list
    expect(keep({ rule: "T1-01", sheet: "表1 党员发展 2013", cell: "E4" })).toBe(true);
    expect(keep({ rule: "G-02", sheet: "表1 党员发展 2013", cell: "E5" })).toBe(true);
    expect(keep({ rule: "G-02", sheet: "表2 培训 2013", cell: "E4" })).toBe(true);
  });
});
