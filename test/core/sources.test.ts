/**
 * The 数据来源 appendix: the words of each row (cells, paragraph, 待核) and the .docx table that
 * lays them out — one row per number of the draft, none for a number the edited text lost.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { analyzeWorkbook } from "../../src/core/analyze";
import type { Draft, DraftOptions, FigureCells } from "../../src/core/draft";
import {
  applyEdits,
  cellsText,
  paragraphPlace,
  placedFigures,
  renderText,
  sourceRows,
  unverifiedText,
} from "../../src/core";
import { renderDocx, type DocxDraft, type DocxOptions } from "../../src/core/render/docx";
import { readXlsx } from "../../src/hosts/xlsx/read";

const SAMPLES = path.join(__dirname, "../../assets/samples");

function sampleDraft(file = "bureau-stats-2013.xlsx", draft: DraftOptions = {}): Draft {
  const bytes = new Uint8Array(readFileSync(path.join(SAMPLES, file)));
  return analyzeWorkbook(readXlsx(bytes), { draft }).draft;
}

async function documentXml(draft: DocxDraft, options?: DocxOptions): Promise<string> {
  return strFromU8(unzipSync(await renderDocx(draft, options))["word/document.xml"]!);
}

/** The text of each run of a piece of WordprocessingML, joined. */
const textOf = (xml: string): string =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");

/** The rows of the document's table, each as its cells' text. */
function tableRows(xml: string): string[][] {
  const table = /<w:tbl>([\s\S]*)<\/w:tbl>/.exec(xml)?.[1] ?? "";
  return [...table.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1]!))
  );
}

const T1 = "表1 党员发展 2013";
const cells = (over: Partial<FigureCells>): FigureCells => ({
  sheet: T1,
  year: 2013,
  column: "发展预备党员",
  ranges: ["E4:E30"],
  role: "rows",
  ...over,
});

describe("cellsText", () => {
  it("a sum: the column's cells and the 合计 it was checked against", () => {
    expect(cellsText([cells({}), cells({ ranges: ["E31"], role: "total" })])).toBe(
      "“表1 党员发展 2013”发展预备党员列E4:E30，合计E31"
    );
  });

  it("a change: last year's cells after 上年, the year added where the name lacks it", () => {
    expect(
      cellsText([
        cells({}),
        cells({ ranges: ["E31"], role: "total" }),
        cells({ sheet: "表1", year: 2012, role: "previous" }),
      ])
    ).toBe(
      "“表1 党员发展 2013”发展预备党员列E4:E30，合计E31；上年：2012年“表1”发展预备党员列E4:E30"
    );
  });

  it("a rate: the same column's cells together, numerator and denominator named", () => {
    const t4 = { sheet: "表4 信访咨询办理 2013", year: 2013 };
    expect(
      cellsText([
        { ...t4, column: "办结率", ranges: ["F8"], role: "rows", part: "given" },
        { ...t4, column: "办结率", ranges: ["F9"], role: "rows", part: "given" },
        { ...t4, column: "满意率", ranges: ["G8"], role: "rows", part: "given" },
      ])
    ).toBe("“表4 信访咨询办理 2013”办结率列F8、F9（所填），满意率列G8（所填）");
    expect(
      cellsText([
        { ...t4, column: "办结件数", ranges: ["D5"], role: "rows", part: "numerator" },
        { ...t4, column: "来电件数", ranges: ["C5"], role: "rows", part: "denominator" },
      ])
    ).toBe("“表4 信访咨询办理 2013”办结件数列D5（分子），来电件数列C5（分母）");
  });

  it("cells left out, many ranges, a sheet without a year, nothing at all", () => {
    expect(cellsText([cells({ ranges: ["E4:E6", "E8:E30"], leftOut: ["E7"] })])).toBe(
      "“表1 党员发展 2013”发展预备党员列E4:E6、E8:E30（其中E7无法识别，未计入）"
    );
    const many = Array.from({ length: 12 }, (_, i) => `E${2 * i + 4}`);
    expect(cellsText([cells({ ranges: many })])).toBe(
      `“表1 党员发展 2013”发展预备党员列${many.slice(0, 10).join("、")}等12段`
    );
    expect(cellsText([{ sheet: "自定义表", column: "人数", ranges: ["B3"], role: "rows" }])).toBe(
      "“自定义表”人数列B3"
    );
    expect(cellsText([])).toBe("");
  });
});

describe("unverifiedText", () => {
  it("names the cells in error, per sheet, each once; nothing when there is none", () => {
    expect(unverifiedText([])).toBe("");
    expect(unverifiedText([{ sheet: T1, cell: "E6", rule: "G-01" }])).toBe(
      "（待核：所依据的“表1 党员发展 2013”E6有错误或未说明的警告）"
    );
    expect(
      unverifiedText([
        { sheet: T1, cell: "A30", rule: "G-02" },
        { sheet: T1, cell: "D31", rule: "G-03" },
        { sheet: T1, cell: "D31", rule: "G-04" },
        { sheet: "表2 培训情况 2013", cell: "C5", rule: "G-01" },
      ])
    ).toBe("（待核：所依据的“表1 党员发展 2013”A30、D31，“表2 培训情况 2013”C5有错误或未说明的警告）");
    const eight = Array.from({ length: 8 }, (_, i) => ({
      sheet: T1,
      cell: `E${i + 4}`,
      rule: "G-01",
    }));
    expect(unverifiedText(eight)).toBe(
      "（待核：所依据的“表1 党员发展 2013”E4、E5、E6、E7、E8、E9等8格有错误或未说明的警告）"
    );
  });
});

describe("paragraphPlace", () => {
  const p = (text: string, heading?: string) => ({
    tableId: "T1",
    sheet: "表1",
    text,
    ...(heading ? { heading, headingLevel: 1 as const } : {}),
  });
  it("the heading, else 第N段 counting the paragraphs with text", () => {
    const paragraphs = [p("甲"), p("", "二、培训情况"), p("乙"), p("丙", "三、经费情况")];
    expect(paragraphs.map((_, i) => paragraphPlace(paragraphs, i))).toEqual([
      "第1段",
      "二、培训情况",
      "第2段",
      "三、经费情况",
    ]);
  });
});

describe("sourceRows of the sample", () => {
  it("one row per number, in text order, with its paragraph, cells and arithmetic", () => {
    const draft = sampleDraft();
    const rows = sourceRows(draft);
    expect(rows).toHaveLength(draft.figures!.length);
    expect(rows.length).toBeGreaterThan(60);
    const e = rows.find((r) => r.number === "49人")!;
    expect(e).toEqual({
      number: "49人",
      label: "发展预备党员",
      paragraph: "第1段",
      source: "“表1 党员发展 2013”发展预备党员列E4:E30，合计E31",
      formula: "49 = “表1 党员发展 2013”发展预备党员列E4:E30之和，与合计E31相符",
    });
    expect(rows.find((r) => r.label === "发展预备党员同比")!.source).toBe(
      "“表1 党员发展 2013”发展预备党员列E4:E30，合计E31；上年：“表1 党员发展 2012”发展预备党员列E4:E30"
    );
    const headed = sourceRows(sampleDraft(undefined, { headings: "一、" }));
    expect(headed.find((r) => r.number === "49人")!.paragraph).toBe("一、党员发展情况");
  });

  it("a 【待核】 number ends its 来源 with the cells in error it depends on", () => {
    const rows = sourceRows(sampleDraft("bureau-stats-2013-mistakes.xlsx"));
    expect(rows[0]).toMatchObject({
      number: "264人",
      source:
        "“表1 党员发展 2013”培训入党积极分子列D4:D30，合计D31（待核：所依据的“表1 党员发展 2013”D5、A30、D31有错误或未说明的警告）",
    });
    expect(rows.filter((r) => r.source.includes("待核")).length).toBeGreaterThan(0);
    expect(rows.filter((r) => !r.source.includes("待核")).length).toBeGreaterThan(0);
  });

  it("after an edit, only the numbers still standing where they were written", () => {
    const draft = sampleDraft();
    const figures = draft.figures!;
    const f = figures.find((x) => x.text === "49人")!;
    const text = draft.paragraphs[f.paragraph]!.text;
    const edited: Draft = {
      ...draft,
      paragraphs: draft.paragraphs.map((p, i) =>
        i === f.paragraph ? { ...p, text: text.slice(0, f.from) + "50人" + text.slice(f.to) } : p
      ),
    };
    expect(placedFigures(edited)).toEqual(figures.filter((x) => x !== f));
    expect(sourceRows(edited).map((r) => r.number)).not.toContain("49人");
  });
});

describe("the .docx with { sources: true }", () => {
  it("without the option, the document is the same as before: no table, no 数据来源", async () => {
    const draft = sampleDraft();
    const plain = await documentXml(draft);
    expect(plain).not.toContain("<w:tbl>");
    expect(plain).not.toContain("数据来源");
    expect(await documentXml(draft, { sources: false })).toBe(plain);
    expect(await documentXml({ paragraphs: draft.paragraphs })).toBe(plain);
  });

  it("数据来源 on a new page in 黑体, then a table: a repeated header and one row per number", async () => {
    const draft = sampleDraft();
    const xml = await documentXml(draft, { sources: true });
    const heading = /<w:p>(?:(?!<w:p>).)*?数据来源<\/w:t><\/w:r><\/w:p>/.exec(xml)?.[0] ?? "";
    expect(heading).toContain("<w:pageBreakBefore/>");
    expect(heading).toContain('w:eastAsia="黑体"');
    expect(heading).toContain('<w:sz w:val="32"/>');
    expect(xml.indexOf("数据来源")).toBeGreaterThan(xml.indexOf("发展预备党员49人"));
    const rows = tableRows(xml);
    expect(rows[0]).toEqual(["数字", "所在段落", "来源", "计算"]);
    expect(rows).toHaveLength(draft.figures!.length + 1);
    expect(rows[1]).toEqual([
      "264人培训入党积极分子",
      "第1段",
      "“表1 党员发展 2013”培训入党积极分子列D4:D30，合计D31",
      "264 = “表1 党员发展 2013”培训入党积极分子列D4:D30之和，与合计D31相符",
    ]);
    expect(rows.find((r) => r[0] === "49人发展预备党员")?.[2]).toContain("E4:E30");
    // the header row repeats on each page; no row splits; single borders; widths fill the text area
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml).not.toContain('<w:tblHeader w:val="off"/>');
    expect(xml.match(/<w:cantSplit\/>/g)).toHaveLength(rows.length);
    expect(xml).toContain('<w:insideH w:val="single" w:color="000000" w:sz="4"/>');
    const grid = [...xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(8844); // 156 mm: A4 less 28 + 26 mm
    // 仿宋 五号 in the body cells, the label smaller
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="21"\/>/);
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"[^>]*\/><w:sz w:val="18"\/>/);
  });

  it("never lists a number the edited text no longer holds", async () => {
    const draft = sampleDraft();
    const text = renderText(draft).replace("发展预备党员49人", "发展预备党员五十人");
    const edited = applyEdits(draft, text);
    for (const d of [edited, { ...edited, figures: draft.figures }]) {
      const xml = await documentXml(d, { sources: true });
      const body = textOf(xml.slice(0, xml.indexOf("数据来源")));
      const rows = tableRows(xml).slice(1);
      expect(rows.some((r) => r[0]!.startsWith("49人"))).toBe(false);
      for (const r of rows) expect(body).toContain(r[0]!.match(/^[\d.]+[^\d]?/)![0]);
      if (rows.length === 0) expect(xml).toContain("正文中没有可列出来源的数字。");
    }
  });

  it("a 【待核】 number says so in its row", async () => {
    const xml = await documentXml(sampleDraft("bureau-stats-2013-mistakes.xlsx"), {
      sources: true,
    });
    expect(tableRows(xml)[1]![2]).toContain("（待核：所依据的“表1 党员发展 2013”D5、A30、D31有错误或未说明的警告）");
  });
});
