/**
 * 校验 of a workbook with no statistical table (another bureau's own tables): the notice names the
 * header rows found and the ways on, and 起草报表定义 drafts a definition from those sheets — in
 * Excel as a new 报表定义 sheet (through the Office host on the fake Excel) whose re-check finds
 * the tables with no error, on the browser page as `<workbook>-定义.json`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useFakeOffice } from "../hosts/office-fixture";
import { createOfficeHost } from "../../src/hosts/office";
import { readXlsx } from "../../src/hosts/xlsx/read";
import type { WorkbookHost } from "../../src/hosts/host";
import { BUILTIN_DEFINITIONS, DEFINITIONS_SHEET, readDefinitionsSheet } from "../../src/core";
import { sheetsFromModel } from "../fakes/fake-excel";
import { engine } from "../../src/taskpane/engine-impl";
import type { Analysis } from "../../src/taskpane/engine";
import { NoTables } from "../../src/taskpane/components/NoTables";
import { paneHtml } from "./render-pane";
import {
  draftIntoWorkbook,
  draftedText,
  shownHeaderRows,
} from "../../src/taskpane/draftDefinitions";

const install = useFakeOffice();
const SAMPLE = "other-bureau-2013.xlsx";
const model = readXlsx(
  new Uint8Array(
    readFileSync(join(__dirname, "..", "..", "assets", "samples", "other-bureau", SAMPLE))
  )
);

/** The notice as the pane renders it (Fluent's server render, as the prerendered pane). */
function noticeHtml(analysis: Analysis, host: WorkbookHost): string {
  return paneHtml(<NoTables analysis={analysis} host={host} />);
}

/** Its text, a line per list item. */
function noticeText(analysis: Analysis, host: WorkbookHost): string {
  return noticeHtml(analysis, host)
    .replace(/<li[^>]*>/g, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"');
}

/** The sample in the fake Excel, and the Office host on it. */
function openInExcel() {
  const fake = install({ sheets: sheetsFromModel(model) });
  return { fake, host: createOfficeHost() };
}

describe("no statistical table found: the notice", () => {
  it("names the header rows found (three, then the count) and the three ways on, with 起草报表定义", async () => {
    const { host } = openInExcel();
    const analysis = engine.analyze(await host.readWorkbook());
    expect(analysis.tables).toHaveLength(0);
    expect(analysis.headerRows).toEqual([
      "“表1 学习实践活动 2013”第3行：单位名称、单位类型、参加党员数、整改项目数、已完成整改数、备注",
      "“表2 创建工作 2013”第3行：项目名称、创建类别、计量单位、数量、备注",
      "“表1 学习实践活动 2012”第3行：单位名称、单位类型、参加党员数、整改项目数、已完成整改数、备注",
      "“表2 创建工作 2012”第3行：项目名称、创建类别、计量单位、数量、备注",
    ]);
    const text = noticeText(analysis, host);
    expect(text).toContain("没有找到统计表");
    expect(text).toContain("\n“表2 创建工作 2013”第3行：项目名称、创建类别、计量单位、数量、备注");
    expect(text).not.toContain("“表2 创建工作 2012”第3行");
    expect(text).toContain("\n等4张工作表");
    expect(text).toContain("点“起草报表定义”：按这些表起草一张“报表定义”工作表");
    expect(text).toContain("自己在工作簿中加入“报表定义”工作表");
    expect(text).toContain("--definitions 定义.json");
    expect(noticeHtml(analysis, host)).toMatch(/<button[^>]*>起草报表定义<\/button>/);
    expect(text).toContain("插入为新的“报表定义”工作表；原有的单元格都不改动");
  });

  it("on the browser page names its 表定义… button and the file the draft is saved as", () => {
    const page: WorkbookHost = {
      kind: "xlsx",
      label: SAMPLE,
      readWorkbook: () => Promise.resolve(model),
    };
    const text = noticeText(engine.analyze(model), page);
    expect(text).toContain("点上方的“表定义…”载入");
    expect(text).toContain("下载为“other-bureau-2013-定义.json”");
    expect(text).not.toContain("插入为新的");
  });

  it("in Excel offers no draft when the workbook has a 报表定义 sheet already, and says why", async () => {
    // the built-in tables inserted as the workbook's 报表定义 sheet (模板 → 插入报表定义)
    const { host } = openInExcel();
    await host.insertDefinitions!(BUILTIN_DEFINITIONS);
    const other = engine.analyze(await host.readWorkbook());
    expect(other.definitionsLabel).toMatch(/^工作簿中的“报表定义”/);
    expect(other.tables).toHaveLength(0);
    expect(other.headerRows).toHaveLength(4);
    const text = noticeText(other, host);
    expect(text).toContain("工作簿中已有“报表定义”工作表，但其中的表与上面的表头都不相符");
    expect(noticeHtml(other, host)).not.toMatch(/<button[^>]*>起草报表定义/);
  });

  it("keeps the blank-template advice when no sheet has a header row", () => {
    const blank = { sheets: [{ name: "Sheet1", values: [["2013年"], [1]] }] };
    const host: WorkbookHost = {
      kind: "office",
      label: "当前工作簿",
      readWorkbook: () => Promise.resolve(blank),
    };
    const analysis = engine.analyze(blank);
    expect(analysis.headerRows).toEqual([]);
    const text = noticeText(analysis, host);
    expect(text).toContain("可以在“模板”页插入空白模板");
    expect(text).not.toContain("起草报表定义");
  });

  it("shows at most three sheets' header rows", () => {
    expect(shownHeaderRows(["a", "b"])).toEqual(["a", "b"]);
    expect(shownHeaderRows(["a", "b", "c", "d", "e"])).toEqual(["a", "b", "c", "等5张工作表"]);
  });
});

describe("起草报表定义", () => {
  it("in Excel inserts the draft as a new 报表定义 sheet whose re-check finds the tables with no error", async () => {
    const { fake, host } = openInExcel();
    const before = fake.state.sheets.map((s) => [s.name, structuredClone(s.values)]);
    const drafted = await draftIntoWorkbook(host, () => {
      throw new Error("Excel inserts a sheet, it downloads nothing");
    });
    expect(drafted).toMatchObject({ into: "sheet", name: DEFINITIONS_SHEET, tables: 2 });
    expect(drafted.lines[0]).toBe("表1 学习实践活动情况（B1，行标签：单位）");
    expect(draftedText(drafted)).toBe(
      "已插入工作表“报表定义”，其中是按本工作簿起草的两张表的定义，原有工作表未作任何改动。请核对各列和建议规则，把报告句子改写成本局的说法，再点“重新校验”。"
    );
    // the user's sheets are as they were; the new sheet comes last
    expect(fake.state.sheets.map((s) => s.name)).toEqual([
      ...before.map(([name]) => name),
      DEFINITIONS_SHEET,
    ]);
    for (const [name, values] of before) expect(fake.sheet(name as string).values).toEqual(values);

    // 重新校验: the workbook read again checks against its new 报表定义 sheet
    const again = await host.readWorkbook();
    const sheet = again.sheets.find((s) => s.name === DEFINITIONS_SHEET);
    expect(sheet && readDefinitionsSheet(sheet).map((t) => t.def.id)).toEqual(["B1", "B2"]);
    const analysis = engine.analyze(again);
    expect(analysis.definitionsLabel).toMatch(/^工作簿中的“报表定义”/);
    expect(analysis.tables.map((t) => [t.sheet, t.year])).toEqual([
      ["表1 学习实践活动 2013", 2013],
      ["表2 创建工作 2013", 2013],
      ["表1 学习实践活动 2012", 2012],
      ["表2 创建工作 2012", 2012],
    ]);
    expect(analysis.errors).toBe(0);
    expect(analysis.definitionsNote).toBeUndefined();
    expect(analysis.headerRows).toBeUndefined();
  });

  it("never writes over a 报表定义 sheet already there", async () => {
    const { fake, host } = openInExcel();
    await draftIntoWorkbook(host);
    const writes = fake.writes.length;
    await expect(draftIntoWorkbook(host)).rejects.toThrow(/已有“报表定义”工作表，未插入/);
    expect(fake.writes).toHaveLength(writes);
    expect(fake.state.sheets.filter((s) => s.name === DEFINITIONS_SHEET)).toHaveLength(1);
  });

  it("on the browser page downloads <workbook>-定义.json, the command line's file", async () => {
    const page: WorkbookHost = {
      kind: "xlsx",
      label: SAMPLE,
      readWorkbook: () => Promise.resolve(model),
    };
    const saved: { name: string; type: string; text: string }[] = [];
    const drafted = await draftIntoWorkbook(page, (bytes, name, type) =>
      saved.push({ name, type, text: new TextDecoder().decode(bytes) })
    );
    expect(drafted).toMatchObject({ into: "file", name: "other-bureau-2013-定义.json", tables: 2 });
    expect(saved).toHaveLength(1);
    expect(saved[0]?.name).toBe("other-bureau-2013-定义.json");
    expect(saved[0]?.type).toBe("application/json");
    const file = JSON.parse(saved[0]?.text ?? "") as { tables: { id: string }[] };
    expect(file.tables.map((t) => t.id)).toEqual(["B1", "B2"]);
    // loaded as the 表定义… button loads it, the same workbook checks with no error
    const analysis = engine.analyze(model, undefined, { name: saved[0]!.name, tables: file.tables });
    expect(analysis.tables).toHaveLength(4);
    expect(analysis.errors).toBe(0);
    expect(draftedText(drafted)).toContain("再点上方的“表定义…”载入它并重新校验");
  });

  it("says what is wrong when no sheet can be drafted from, and writes nothing", async () => {
    const fake = install({ sheets: [{ name: "Sheet1", values: [["2013年"], [1]] }] });
    await expect(draftIntoWorkbook(createOfficeHost())).rejects.toThrow(
      "没有找到可起草定义的表（一行至少两个文字表头，下面有数据行），未起草：“Sheet1”（没有找到表头行（一行至少两个文字表头））。请检查各工作表的表头。"
    );
    expect(fake.writes).toHaveLength(0);
  });
});
