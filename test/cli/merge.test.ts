/**
 * `bureau-stats merge` on the sample set (assets/samples/units/): the per-unit report, merged totals
 * equal to the sums of the units' own tables (cell by cell), issues pointing at the units' files
 * and cells, and the unit files byte-identical before and after.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { a1 } from "../../src/core/model";
import {
  COMPILED_BUILTINS,
  BUILTIN_DEFINITIONS,
  hasTotalRow,
  loadDefinitions,
  totalled,
} from "../../src/core/definitions";
import { DEFINITIONS_SHEET, definitionsSheetGrid } from "../../src/core/definitions/sheet";
import { writeSheets } from "../../src/hosts/xlsx/write-sheets";
import { writeTemplates } from "../../src/hosts/xlsx/template";
import { validateWorkbook } from "../../src/core/validate";
import { detectTable, isTotalLabel } from "../../src/core/detect/table";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { mergeUnits } from "../../src/core/app/merge";
import { cli } from "./harness";
import {
  BROKEN_UNIT,
  DUPLICATE_UNIT,
  ERRORS_UNIT,
  LATE_UNIT,
  MOVED_UNIT,
  OTHER_ROW_NAME,
  OTHER_ROW_UNIT,
  UNIT_LIST,
} from "../../scripts/samples/units";
import { buildUnitSampleFiles } from "../../scripts/make-samples";
import { fakeCfb } from "../hosts/xlsx-fixtures";

const SAMPLES = path.join(__dirname, "..", "..", "assets", "samples");
const UNITS_DIR = path.join(SAMPLES, "units");
const LIST = path.join(UNITS_DIR, "单位名单.xlsx");
const REVISED = `07 ${DUPLICATE_UNIT}（更正）.xlsx`;
const sha = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");
const checksums = (): Record<string, string> =>
  Object.fromEntries(
    readdirSync(UNITS_DIR)
      .sort()
      .map((f) => [f, sha(path.join(UNITS_DIR, f))])
  );

let dir: string;
let before: Record<string, string>;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "merge-"));
  before = checksums();
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  // the unit files are never touched: same bytes after every run of this file
  expect(checksums()).toEqual(before);
});

interface JsonOut {
  outcome: string;
  year: number;
  units: Array<{
    file: string;
    unit: string | null;
    status: string;
    errors: number;
    issues: Array<{ rule: string; cell: string }>;
  }>;
  problems: Array<{
    code: string;
    severity: string;
    unit?: string;
    file?: string;
    sheet?: string;
    cell?: string;
    message: string;
  }>;
  issues: Array<{
    rule: string;
    severity: string;
    sheet: string;
    cell: string;
    sources: Array<{ file: string; sheet: string; cell: string }>;
    alsoInUnit: boolean;
  }>;
  tables: Array<{ sheet: string; rows: number; total: unknown[] }>;
}

describe("bureau-stats merge on the sample set", () => {
  it("the sample files are what the sample script makes", async () => {
    const built = await buildUnitSampleFiles();
    expect([...built.keys()].sort()).toEqual(readdirSync(UNITS_DIR).sort());
    for (const [f, bytes] of built)
      expect(Buffer.from(bytes).equals(readFileSync(path.join(UNITS_DIR, f))), f).toBe(true);
  });

  it("gives the expected per-unit report and exits 1 (a unit missing, one unreadable, errors)", async () => {
    const out = path.join(dir, "汇总.xlsx");
    const r = await cli(
      "merge",
      UNITS_DIR,
      "--units",
      LIST,
      "--prefer",
      REVISED,
      "--json",
      "-o",
      out
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as JsonOut;
    expect(j.outcome).toBe("merged");
    expect(j.year).toBe(2013);
    const status = Object.fromEntries(j.units.map((u) => [path.basename(u.file), u.status]));
    expect(status).toEqual({
      "01 昆山市教育局机关党总支.xlsx": "merged",
      "02 江苏省昆山中学.xlsx": "merged",
      "03 昆山市第一中学.xlsx": "merged",
      "04 江苏省昆山第一中等专业学校.xlsx": "merged",
      "05 昆山市葛江中学.xlsx": "merged",
      "06 昆山市青阳港学校.xlsx": "merged",
      [`07 ${DUPLICATE_UNIT}.xlsx`]: "duplicate-unused",
      [REVISED]: "merged",
      [`08 ${BROKEN_UNIT}.xlsx`]: "unreadable",
      "09 昆山市机关幼儿园.xlsx": "merged",
      "11 昆山市教师发展中心.xlsx": "merged",
      "12 昆山开放大学.xlsx": "merged",
    });
    expect(
      j.problems.map((p) => [p.code, p.severity, p.unit ?? path.basename(p.file ?? "")])
    ).toEqual([
      ["unreadable", "error", `08 ${BROKEN_UNIT}.xlsx`],
      ["duplicate", "warning", DUPLICATE_UNIT],
      ["missing", "error", BROKEN_UNIT],
      ["missing", "error", LATE_UNIT],
      ["column-order", "warning", MOVED_UNIT],
      ["extra-column", "warning", MOVED_UNIT],
      ["column-order", "warning", MOVED_UNIT],
      ["other-unit-row", "warning", OTHER_ROW_UNIT],
      ["text-number", "warning", ERRORS_UNIT],
    ]);
    expect(j.problems.find((p) => p.unit === LATE_UNIT)?.message).toContain("未上报");
    expect(j.problems.find((p) => p.code === "extra-column")?.message).toContain("联系电话");
    expect(j.problems.find((p) => p.code === "other-unit-row")?.message).toContain(OTHER_ROW_NAME);
    // the unit with errors: its own issues, and the merged tables' issues pointing back at them
    const errorsFile = `05 ${ERRORS_UNIT}.xlsx`;
    expect(
      j.units
        .find((u) => path.basename(u.file) === errorsFile)
        ?.issues.map((i) => `${i.rule} ${i.cell}`)
    ).toEqual(["T1-01 E4", "G-02 D6", "G-03 D7", "T4-01 D5"]);
    expect(
      j.issues.map(
        (i) =>
          `${i.rule} ${i.sheet}!${i.cell} ← ${i.sources.map((s) => `${path.basename(s.file)} ${s.sheet}!${s.cell}`).join("; ")}`
      )
    ).toEqual([
      `T1-01 表1 汇总 2013!E8 ← ${errorsFile} 表1 党员发展 2013!E4`,
      `T4-01 表4 汇总 2013!D5 ← ${errorsFile} 表4 信访咨询办理 2013!D5`,
    ]);
    // rows follow the unit list; 开放大学's row for the 青少年活动中心 stays with it
    const back = readXlsx(readFileSync(out));
    expect(back.sheets[0]!.values.slice(3, 14).map((r) => r[0])).toEqual([
      ...UNIT_LIST.filter((u) => u !== LATE_UNIT && u !== BROKEN_UNIT),
      OTHER_ROW_NAME,
    ]);
  });

  it("merged totals equal the sums of the units' own tables, cell by cell", async () => {
    const out = path.join(dir, "totals.xlsx");
    const r = await cli("merge", UNITS_DIR, "--units", LIST, "--prefer", REVISED, "-o", out);
    expect(r.code).toBe(1);
    const merged = readXlsx(readFileSync(out));
    const merges = readdirSync(UNITS_DIR).filter(
      (f) => /^\d\d /.test(f) && f !== `07 ${DUPLICATE_UNIT}.xlsx` && !f.startsWith("08 ")
    );
    expect(merges).toHaveLength(10);
    let compared = 0;
    for (const t of COMPILED_BUILTINS) {
      const sheet = merged.sheets.find((s) => detectTable(s, COMPILED_BUILTINS)?.definition === t)!;
      const found = sheet.values.find((row) => isTotalLabel(row[0]));
      // 表4's counts are in the unit of their row (个, 件, 人次): no 合计 row
      if (!hasTotalRow(t.def)) {
        expect(found, t.def.label).toBeUndefined();
        continue;
      }
      const totalRow = found!;
      t.columns.forEach((c, k) => {
        if (!totalled(c)) return;
        let rowsSum = 0; // fen for money
        let filled = false;
        let ownTotals = 0;
        let ownTotalsComparable = true;
        for (const f of merges) {
          const wb = readXlsx(readFileSync(path.join(UNITS_DIR, f)));
          const v = validateWorkbook(wb);
          const table = v.tables.find((x) => x.tableId === t.def.id)!;
          for (const rec of table.records) {
            filled ||= rec.numbers[c.header] !== undefined;
            rowsSum += rec.numbers[c.header] ?? 0;
          }
          // the unit's own 合计 cell, unless its own check says that cell is wrong
          const unitSheet = wb.sheets.find((s) => s.name === table.sheet)!;
          const d = detectTable(unitSheet, COMPILED_BUILTINS)!;
          const tr = unitSheet.values.findIndex(
            (row, i) => i > d.headerRow && isTotalLabel(row[0])
          );
          const col = d.colOf[k] ?? -1;
          const cell = tr >= 0 && col >= 0 ? unitSheet.values[tr]?.[col] : undefined;
          if (
            v.issues.some(
              (i) => i.rule === "G-03" && i.sheet === table.sheet && i.cell === a1(tr, col)
            )
          )
            ownTotalsComparable = false;
          else ownTotals += typeof cell === "number" ? cell : 0;
        }
        // a column no unit filled stays blank in the 合计
        const expected = !filled ? undefined : c.type === "money" ? rowsSum / 100 : rowsSum;
        expect(totalRow[k], `${t.def.label} ${c.header}`).toBe(expected);
        if (ownTotalsComparable)
          expect(totalRow[k] ?? 0, `${t.def.label} ${c.header} (units' 合计)`).toBeCloseTo(
            ownTotals,
            2
          );
        compared++;
      });
    }
    expect(compared).toBeGreaterThanOrEqual(12);
  });

  it("prints the text report; never picks silently between a unit's two files, nor writes the merge", async () => {
    const out = path.join(dir, "text.xlsx");
    const r = await cli("merge", UNITS_DIR, "--units", LIST, "-o", out);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(r.stderr).toBe(
      `未写入 ${out}：${DUPLICATE_UNIT}重复上报未选定。请用 --prefer <文件> 选定用哪一份（或 --duplicates first|last），或加 --allow-incomplete 写出标明不完整的汇总表。\n`
    );
    expect(r.stdout).toContain("汇总2013年：读取文件12个，合并9个单位（名单12个单位）。");
    expect(r.stdout).toContain(`${DUPLICATE_UNIT}上报了2份文件`);
    expect(r.stdout).toContain("均未合并");
    expect(r.stdout).toContain(`错误 ${LATE_UNIT}：未上报`);
    // the truncated file: once, in the user's words, advice that fits (send it again)
    const told = r.stdout.split("\n").filter((l) => l.includes("传输中损坏"));
    expect(told).toEqual([
      "  ✗ 08 昆山市玉峰实验学校.xlsx  无法读取：文件不完整，可能在传输中损坏。请让该单位重新发送。",
    ]);
    expect(r.stdout).not.toContain("zip 目录");
    expect(r.stdout).not.toContain("昆山市玉峰实验学校：其文件");
    // places in words, as check writes them: the row with its unit and the column, the message,
    // then the cell and the rule; the merged table's issues name the unit's row in words too
    expect(r.stdout).toContain(
      "      错误  表1 党员发展 2013 第4行（昆山市葛江中学）“发展预备党员”  “发展预备党员”为2，“其中：教工”1与“其中：学生”0之和为1，两者不等。请检查这三个数。  E4·T1-01\n"
    );
    expect(r.stdout).toContain(
      "（来源：05 昆山市葛江中学.xlsx，表1 党员发展 2013 第4行）  E8·T1-01\n"
    );
    // the text number 36人 once, by the merge, not again as the unit's own G-02
    const thirtySix = r.stdout.split("\n").filter((l) => l.includes("“36人”"));
    expect(thirtySix).toEqual([
      "      警告  表2 汇总 2013 第18行（昆山市葛江中学）“培训人数”  昆山市葛江中学填的是文字“36人”（其文件“表2 培训 2013”第6行），已按数字36合并  D18",
    ]);
    // no sheet!cell address anywhere in the text
    expect(r.stdout).not.toMatch(/!\$?[A-Z]{1,3}\$?\d/);
  });

  it("--allow-incomplete writes the merge with a unit's two files unchosen, its titles saying what is missing", async () => {
    const out = path.join(dir, "incomplete.xlsx");
    const r = await cli(
      "merge",
      UNITS_DIR,
      "--units",
      LIST,
      "--allow-incomplete",
      "--json",
      "-o",
      out
    );
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as JsonOut & { incomplete: string | null; output: string };
    expect(j.output).toBe(out);
    expect(j.incomplete).toBe(`${DUPLICATE_UNIT}重复上报未选定`);
    const back = readXlsx(readFileSync(out));
    expect(back.sheets[0]!.name).toBe("表1 汇总 2013");
    expect(back.sheets[0]!.values[0]![0]).toMatch(
      new RegExp(`（2013年汇总，不完整：${DUPLICATE_UNIT}重复上报未选定）$`)
    );
    // 36人 in a unit's 表2 is a number in the merged sheet, listed with its unit
    const t2 = back.sheets[1]!;
    expect(t2.values[17]![3]).toBe(36);
    const listed = j.problems.filter((p) => p.code === "text-number");
    expect(listed.map((p) => [p.unit, `${p.sheet}!${p.cell}`])).toEqual([
      [ERRORS_UNIT, "表2 汇总 2013!D18"],
    ]);
  });

  it("check then works on the merged workbook", async () => {
    const out = path.join(dir, "check.xlsx");
    await cli("merge", UNITS_DIR, "--units", LIST, "--prefer", REVISED, "-o", out);
    const r = await cli("check", out, "--json");
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as {
      issues: Array<{ rule: string; sheet: string; cell: string }>;
    };
    expect(j.issues.map((i) => `${i.rule} ${i.sheet}!${i.cell}`)).toEqual([
      "T1-01 表1 汇总 2013!E8",
      "T4-01 表4 汇总 2013!D5",
    ]);
  });

  it("writes a new file only: refuses an input, an existing file without --force, a non-.xlsx name", async () => {
    const input = path.join(UNITS_DIR, "01 昆山市教育局机关党总支.xlsx");
    let r = await cli("merge", UNITS_DIR, "-o", input, "--force", "--duplicates", "last");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("这是要合并的文件之一");
    r = await cli("merge", input, "--units", LIST, "-o", LIST, "--force");
    expect(r.code).toBe(2);
    const existing = path.join(dir, "existing.xlsx");
    writeFileSync(existing, "keep");
    r = await cli("merge", input, "-o", existing);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("文件已存在");
    expect(readFileSync(existing, "utf8")).toBe("keep");
    r = await cli("merge", input, "-o", existing, "--force");
    expect(r.code).toBe(0);
    expect(readXlsx(readFileSync(existing)).sheets).toHaveLength(5);
    r = await cli("merge", input, "-o", path.join(dir, "x.csv"));
    expect(r.code).toBe(2);
    r = await cli("merge", input, "--duplicates", "newest", "-o", path.join(dir, "y.xlsx"));
    expect(r.stderr).toContain("--duplicates 只能是 first 或 last");
  });

  it("exits 2 with one line when there is nothing to merge", async () => {
    const empty = mkdtempSync(path.join(dir, "empty-"));
    let r = await cli("merge", empty, "-o", path.join(dir, "none.xlsx"));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("没有找到 .xlsx 文件");
    r = await cli(
      "merge",
      path.join(UNITS_DIR, `08 ${BROKEN_UNIT}.xlsx`),
      "-o",
      path.join(dir, "none.xlsx")
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("没有可合并的统计表");
    r = await cli(
      "merge",
      UNITS_DIR,
      "--units",
      path.join(dir, "nope.txt"),
      "-o",
      path.join(dir, "none.xlsx")
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("无法读取单位名单（找不到文件）");
  });

  it("under --json prints every outcome as JSON, tagged by its code, with the exit statuses as without", async () => {
    const broken = path.join(UNITS_DIR, `08 ${BROKEN_UNIT}.xlsx`);
    let r = await cli("merge", broken, "--json", "-o", path.join(dir, "none.xlsx"));
    expect(r.code).toBe(2);
    let j = JSON.parse(r.stdout) as { outcome: string; message: string; units: unknown[] };
    expect(j.outcome).toBe("nothing-to-merge");
    expect(j.message).toContain("没有可合并的统计表（1个文件");
    expect(j.units).toHaveLength(1);
    expect(r.stderr).toContain("未写入");
    const nope = path.join(dir, "nope.txt");
    r = await cli("merge", UNITS_DIR, "--units", nope, "--json", "-o", path.join(dir, "n.xlsx"));
    expect(r.code).toBe(2);
    j = JSON.parse(r.stdout) as typeof j;
    expect(j).toEqual({
      outcome: "unit-list-unreadable",
      message: `${nope}：无法读取单位名单（找不到文件）`,
    });
    const empty = path.join(dir, "空名单.txt");
    writeFileSync(empty, "\n\n");
    r = await cli("merge", UNITS_DIR, "--units", empty, "--json", "-o", path.join(dir, "e.xlsx"));
    expect(r.code).toBe(2);
    expect((JSON.parse(r.stdout) as typeof j).outcome).toBe("unit-list-empty");
  });

  it("reports a password-protected, an empty and a text file among the units, and still merges the others", async () => {
    const folder = mkdtempSync(path.join(dir, "mixed-"));
    const good = "01 昆山市教育局机关党总支.xlsx";
    writeFileSync(path.join(folder, good), readFileSync(path.join(UNITS_DIR, good)));
    writeFileSync(
      path.join(folder, "加密.xlsx"),
      fakeCfb(["Root Entry", "EncryptionInfo", "EncryptedPackage"])
    );
    writeFileSync(path.join(folder, "空.xlsx"), new Uint8Array());
    writeFileSync(path.join(folder, "名单.xlsx"), Buffer.from("单位名称\n甲校\n"));
    writeFileSync(path.join(folder, "~$锁.xlsx"), Buffer.from("lock"));
    writeFileSync(path.join(folder, "说明.txt"), Buffer.from("not a workbook"));
    const r = await cli("merge", folder, "--json", "-o", path.join(dir, "mixed.xlsx"));
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as JsonOut & { units: Array<{ reason: string | null }> };
    expect(j.units.map((u) => [path.basename(u.file), u.status])).toEqual([
      [good, "merged"],
      ["加密.xlsx", "unreadable"],
      ["名单.xlsx", "unreadable"],
      ["空.xlsx", "unreadable"],
    ]);
    expect(j.units[1]!.reason).toBe("文件设有打开密码，无法读取。请让该单位取消密码后重新发送。");
    expect(j.tables.map((t) => t.rows)).toEqual([1, 3, 3, 4]);
  });

  it("reports a unit's own 报表定义 that differs from the definitions in force, never applies it (docs/checks.md, 汇总)", async () => {
    const folder = mkdtempSync(path.join(dir, "own-"));
    const [first, second] = readdirSync(UNITS_DIR).filter((f) => /^0[12] .*\.xlsx$/.test(f));
    writeFileSync(path.join(folder, first!), readFileSync(path.join(UNITS_DIR, first!)));
    const unit = readXlsx(new Uint8Array(readFileSync(path.join(UNITS_DIR, second!))));
    // a relaxed copy of the built-ins: 表1 without its rule T1-01
    const relaxed = BUILTIN_DEFINITIONS.map((t) =>
      t.id === "T1" ? { ...t, rules: t.rules.slice(1) } : t
    );
    const sheets = [
      ...unit.sheets,
      { name: DEFINITIONS_SHEET, values: definitionsSheetGrid(relaxed) },
    ];
    writeFileSync(path.join(folder, second!), writeSheets(sheets.map((sheet) => ({ sheet }))));
    const r = await cli("merge", folder, "--json", "-o", path.join(dir, "own.xlsx"));
    const j = JSON.parse(r.stdout) as JsonOut & {
      problems: Array<{ code: string; severity: string; file: string; message: string }>;
    };
    const own = j.problems.filter((p) => p.code === "own-definitions");
    expect(own).toHaveLength(1);
    expect(path.basename(own[0]?.file ?? "")).toBe(second ?? "");
    expect(own[0]!.severity).toBe("warning");
    expect(own[0]!.message).toContain(
      `${second} 中的“报表定义”与所用的统计表定义不同，未采用：表1（T1）：缺少规则T1-01`
    );
    // both units merged as usual: the 报表定义 sheet is no table
    expect(j.units.map((u) => u.status)).toEqual(["merged", "merged"]);
    const text = await cli("merge", folder, "-o", path.join(dir, "own-text.xlsx"));
    expect(text.stdout).toContain("缺少规则T1-01");
  });

  it("units return a bureau's templates: the 报表定义 they carry raises nothing, one edited in a unit's copy is a warning for that unit", async () => {
    const definitions = path.join(SAMPLES, "other-bureau", "other-bureau-definitions.json");
    const compiled = loadDefinitions(
      (JSON.parse(readFileSync(definitions, "utf8")) as { tables: unknown[] }).tables,
      "other-bureau-definitions.json"
    );
    const other = compiled.map((t) => t.def);
    const template = readXlsx(await writeTemplates(2014, other));
    expect(template.sheets.at(-1)?.name).toBe(DEFINITIONS_SHEET); // the templates carry them
    /** The template as a unit returns it: 表1 filled, its 报表定义 sheet as given. */
    const returned = (unit: string, row: number[], carried: string[][] | undefined): Uint8Array => {
      const sheets = template.sheets.map((sheet) => {
        if (sheet.name === DEFINITIONS_SHEET)
          return carried ? { ...sheet, values: carried } : sheet;
        if (!sheet.name.startsWith("表1")) return sheet;
        const values = sheet.values.map((r) => [...(r ?? [])]);
        values[1]![1] = unit;
        values[3] = [unit, "学校", ...row];
        const total = values.findIndex((r) => r[0] === "合计");
        values[total] = ["合计", null, ...row];
        return { ...sheet, values };
      });
      return writeSheets(sheets.map((sheet) => ({ sheet })));
    };
    const files = [
      { name: "01 甲校.xlsx", bytes: returned("甲校", [40, 5, 3], undefined) },
      // 乙校 relaxed its copy: 表1 without the bureau's rule Q1-01 (已完成整改数 ≤ 整改项目数)
      {
        name: "02 乙校.xlsx",
        bytes: returned(
          "乙校",
          [12, 2, 4],
          definitionsSheetGrid(other.map((t) => (t.id === "Q1" ? { ...t, rules: [] } : t)))
        ),
      },
    ];
    // the merge with the bureau's definitions
    const o = await mergeUnits(
      { definitions: compiled },
      files.map((f) => ({ name: f.name, workbook: readXlsx(f.bytes) }))
    );
    if (o.code !== "merged") throw new Error(o.code);
    const own = o.result.problems.filter((p) => p.code === "own-definitions");
    expect(own.map((p) => [p.file, p.severity])).toEqual([["02 乙校.xlsx", "warning"]]);
    expect(own[0]!.message).toBe(
      "02 乙校.xlsx 中的“报表定义”与所用的统计表定义不同，未采用：表1（Q1）：缺少规则Q1-01"
    );
    // the bureau's rule still holds 乙校's 4 of 2; both units merged
    expect(o.result.units.map((u) => [u.unit, u.status])).toEqual([
      ["甲校", "merged"],
      ["乙校", "merged"],
    ]);
    const q1 = o.result.issues.filter((i) => i.rule === "Q1-01");
    expect(q1.map((i) => i.sources.map((x) => x.file))).toEqual([["02 乙校.xlsx"]]);

    // the same through the command line: without the bureau's file, nothing is merged and the
    // message says how on; with --definitions, both units are merged and 乙校's copy is warned of
    const returnedDir = mkdtempSync(path.join(dir, "returned-"));
    for (const f of files) writeFileSync(path.join(returnedDir, f.name), f.bytes);
    const out = path.join(dir, "bureau-merged.xlsx");
    const without = await cli("merge", returnedDir, "-o", out);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain(
      "各单位文件带有“报表定义”工作表：请用 --definitions 给出本局的定义文件再合并"
    );
    const withFile = await cli(
      "merge",
      returnedDir,
      "-o",
      out,
      "--definitions",
      definitions,
      "--json"
    );
    const j = JSON.parse(withFile.stdout) as JsonOut;
    expect(j.units.map((u) => [u.unit, u.status])).toEqual([
      ["甲校", "merged"],
      ["乙校", "merged"],
    ]);
    expect(withFile.stdout).toContain("02 乙校.xlsx 中的“报表定义”与所用的统计表定义不同");
    expect(readXlsx(new Uint8Array(readFileSync(out))).sheets.map((x) => x.name)).toContain(
      "表1 汇总 2014"
    );
  });

  it("reads a unit list from a GBK text file", async () => {
    const list = path.join(dir, "名单.txt");
    // "单位名称\n昆山市实验幼儿园\n" in GBK
    writeFileSync(list, Buffer.from("b5a5cebbc3fbb3c60ac0a5c9bdcad0cab5d1e9d3d7b6f9d4b00a", "hex"));
    const r = await cli(
      "merge",
      path.join(UNITS_DIR, "01 昆山市教育局机关党总支.xlsx"),
      "--units",
      list,
      "--json",
      "-o",
      path.join(dir, "gbk.xlsx")
    );
    const j = JSON.parse(r.stdout) as JsonOut;
    expect(j.problems.map((p) => `${p.code} ${p.unit}`)).toEqual([
      "not-on-list 昆山市教育局机关党总支",
      `missing ${LATE_UNIT}`,
    ]);
  });
});
