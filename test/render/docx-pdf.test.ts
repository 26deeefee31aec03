/**
 * The .docx opened by a word processor: LibreOffice Writer (headless) converts the report of the
 * sample workbook to PDF; poppler reads it back — it opens (pdfinfo), has the expected pages, every
 * font is embedded (pdffonts), each page carries its number `— N —` at the foot (pdftotext), a
 * full page of body text holds GB/T 9704's 22 lines, and page 1 is kept as a PNG (pdftoppm) in
 * test-results/docx/ for people to look at. With the 数据来源 appendix: it starts a page with its
 * heading, the table's header row stands at the top of every page of the table, and the row of
 * `49人` reads its cells `E4:E30` and 合计 `E31` across from it.
 * Needs soffice (Debian libreoffice-writer) and poppler-utils; CI installs both.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { analyzeWorkbook } from "../../src/core/analyze";
import type { Draft } from "../../src/core/draft";
import { renderDocx, type DocxDraft, type DocxOptions } from "../../src/core/render/docx";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { convertWithLibreOffice } from "../libreoffice";

const ROOT = path.join(__dirname, "..", "..");
const OUT = path.join(ROOT, "test-results", "docx");
let tmp = "";

beforeAll(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), "bureau-stats-docx-"));
  mkdirSync(OUT, { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: "utf8" });

function sampleDraft(): Draft {
  const bytes = readFileSync(path.join(ROOT, "assets", "samples", "bureau-stats-2013.xlsx"));
  return analyzeWorkbook(readXlsx(new Uint8Array(bytes)), { draft: { headings: "一、" } }).draft;
}

async function toPdf(draft: DocxDraft, name: string, options?: DocxOptions): Promise<string> {
  const docx = path.join(tmp, `${name}.docx`);
  writeFileSync(docx, await renderDocx(draft, options));
  return convertWithLibreOffice(docx, path.join(tmp, name), "pdf", "pdf");
}

const pageCount = (pdf: string): number =>
  Number(/^Pages:\s+(\d+)/m.exec(run("pdfinfo", [pdf]))?.[1]);
interface Word {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly text: string;
}

/** The words of a page with their boxes in points from the top left (pdftotext -bbox). */
function words(pdf: string, page: number): Word[] {
  const html = run("pdftotext", ["-f", String(page), "-l", String(page), "-bbox", pdf, "-"]);
  return [
    ...html.matchAll(
      /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g
    ),
  ].map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), text: m[4]! }));
}

/** The page's lines, top to bottom: their top edge and text (blanks removed). */
function lines(pdf: string, page: number): { top: number; text: string; x0: number; x1: number }[] {
  const byTop = new Map<number, Word[]>();
  for (const w of words(pdf, page)) {
    const top = Math.round(w.y0 * 10) / 10;
    byTop.set(top, [...(byTop.get(top) ?? []), w]);
  }
  return [...byTop.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([top, ws]) => ({
      top,
      text: ws.map((w) => w.text).join(""),
      x0: Math.min(...ws.map((w) => w.x0)),
      x1: Math.max(...ws.map((w) => w.x1)),
    }));
}

const MM = 72 / 25.4;
/** GB/T 9704's text area on A4 (points): 37 mm from the top, 35 mm from the bottom, 28/26 mm sides. */
const AREA = { bottom: (297 - 35) * MM, centre: ((28 + (210 - 26)) / 2) * MM };

/** The page number line: below the text area, centred on it, reading `—N—`. */
function expectPageNumber(pdf: string, page: number): void {
  const all = lines(pdf, page);
  const foot = all.at(-1)!;
  expect(foot.text, `page ${page}`).toBe(`—${page}—`);
  expect(foot.top, `page ${page}`).toBeGreaterThan(AREA.bottom);
  expect(Math.abs((foot.x0 + foot.x1) / 2 - AREA.centre), `page ${page}`).toBeLessThan(2);
  expect(
    all.filter((l) => l.top > AREA.bottom),
    `page ${page}`
  ).toHaveLength(1);
}

/** pdffonts' table: name, type and the `emb` column of each font. */
function fonts(pdf: string): { name: string; embedded: boolean }[] {
  return run("pdffonts", [pdf])
    .split("\n")
    .slice(2)
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type [type2] encoding emb sub uni object ID: emb is 5th from the end
      return { name: cols[0]!, embedded: cols[cols.length - 5] === "yes" };
    });
}

describe(".docx → PDF with LibreOffice Writer", () => {
  it("the sample's report with a title: opens, 2 pages numbered — 1 — and — 2 —, fonts embedded; page 1 kept as PNG", async () => {
    const draft = { ...sampleDraft(), title: "昆山市教育局2013年党建工作统计分析" };
    const pdf = await toPdf(draft, "report");
    expect(pageCount(pdf)).toBe(2);
    const page1 = lines(pdf, 1);
    const title = page1[0]!;
    expect(title.text).toBe("昆山市教育局2013年党建工作统计分析");
    expect(Math.abs((title.x0 + title.x1) / 2 - AREA.centre)).toBeLessThan(2);
    expect(page1[1]!.text).toBe("一、党员发展情况");
    expect(page1.map((l) => l.text).join("")).toContain("发展预备党员49人");
    expectPageNumber(pdf, 1);
    expectPageNumber(pdf, 2);
    const used = fonts(pdf);
    expect(used.length).toBeGreaterThan(0);
    for (const f of used) expect(f, f.name).toMatchObject({ embedded: true });
    expect(used.some((f) => /CJK|Song|Fang|Hei|Kai|Ming/i.test(f.name))).toBe(true);
    // one rendered page for people to look at
    const prefix = path.join(OUT, "report-page");
    run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, prefix]);
    expect(statSync(`${prefix}.png`).size).toBeGreaterThan(10_000);
    copyFileSync(pdf, path.join(OUT, "report.pdf"));
    copyFileSync(pdf.replace(/out\/report\.pdf$/, "in/report.docx"), path.join(OUT, "report.docx"));
  });

  it("a long report: every page numbered — N — at its foot; a full page holds 22 lines of body", async () => {
    const one = sampleDraft().paragraphs;
    const draft: Draft = {
      paragraphs: [...one, ...one, ...one, ...one].map((p) => ({ ...p, heading: undefined })),
    };
    const pdf = await toPdf(draft, "long");
    const pages = pageCount(pdf);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pages; page++) {
      expectPageNumber(pdf, page);
      if (page === pages) continue;
      // GB/T 9704: 22 lines on a full page, 28 pt apart (exact spacing in a 225 mm text area)
      const body = lines(pdf, page).slice(0, -1);
      expect(body, `page ${page}`).toHaveLength(22);
      for (let i = 1; i < body.length; i++)
        expect(body[i]!.top - body[i - 1]!.top).toBeCloseTo(28, 1);
    }
  });
});

/** The table's column edges (points): the left margin, then 24, 22, 48 and 62 mm. */
const EDGES = [28, 28 + 24, 28 + 24 + 22, 28 + 24 + 22 + 48, 28 + 24 + 22 + 48 + 62].map(
  (mm) => mm * MM
);
const columnOf = (w: Word): number => EDGES.findIndex((x, i) => w.x0 >= x && w.x0 < EDGES[i + 1]!);

/** The text of one column between two heights, words in reading order, blanks removed. */
function columnText(ws: readonly Word[], column: number, from: number, to: number): string {
  return ws
    .filter((w) => columnOf(w) === column && w.y0 >= from - 2 && w.y0 < to - 2)
    .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)
    .map((w) => w.text)
    .join("");
}

describe("the 数据来源 appendix → PDF with LibreOffice Writer", () => {
  it("a heading on a new page, the header on every numbered page of the table, the row of 49人 with E4:E30", async () => {
    const pdf = await toPdf(sampleDraft(), "sources", { sources: true });
    const pages = pageCount(pdf);
    const all = [...Array(pages).keys()].map((i) => i + 1);
    const text = (page: number): string =>
      run("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"]).replace(/\s+/g, "");
    const first = all.find((p) => text(p).includes("数据来源"));
    expect(first).toBeGreaterThan(1);
    expect(text(first! - 1)).not.toContain("数据来源");
    expect(text(first!).startsWith("数据来源数字")).toBe(true);
    expect(pages - first!).toBeGreaterThanOrEqual(1); // 69 rows take more than a page
    for (let page = first!; page <= pages; page++) {
      const ws = words(pdf, page);
      // the table's first line: the top of its last column (the heading stands left of it)
      const top = Math.min(...ws.filter((w) => columnOf(w) === 3).map((w) => w.y0));
      const header = [0, 1, 2, 3].map((c) => columnText(ws, c, top, top + 10));
      expect(header, `page ${page}`).toEqual(["数字", "所在段落", "来源", "计算"]);
      expectPageNumber(pdf, page); // the table stays within the text area
    }
    // the row of 49人: its 来源 and 计算 read across from it, down to the next number
    const is49 = (ws: readonly Word[], i: number): boolean =>
      ws[i]!.text === "49" && ws[i + 1]?.text === "人" && columnOf(ws[i]!) === 0;
    const page = all.find((p) => p >= first! && words(pdf, p).some((_, i, ws) => is49(ws, i)));
    expect(page).toBeDefined();
    const ws = words(pdf, page!);
    const at = ws.findIndex((_, i) => is49(ws, i));
    const y = ws[at]!.y0;
    const numbers = ws.filter((w) => columnOf(w) === 0 && /^\d/.test(w.text)).map((w) => w.y0);
    const next = Math.min(...numbers.filter((n) => n > y + 2), AREA.bottom);
    expect(columnText(ws, 0, y, next)).toBe("49人发展预备党员");
    expect(columnText(ws, 1, y, next)).toBe("一、党员发展情况");
    expect(columnText(ws, 2, y, next)).toBe("“表1党员发展2013”发展预备党员列E4:E30，合计E31");
    expect(columnText(ws, 3, y, next)).toContain("E4:E30之和，与合计E31相符");
    const prefix = path.join(OUT, "sources-page");
    run("pdftoppm", [
      "-png",
      "-r",
      "60",
      "-f",
      String(first),
      "-l",
      String(first),
      "-singlefile",
      pdf,
      prefix,
    ]);
    expect(statSync(`${prefix}.png`).size).toBeGreaterThan(10_000);
  });
});
