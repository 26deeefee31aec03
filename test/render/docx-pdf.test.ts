/**
 * The .docx opened by a word processor: LibreOffice Writer (headless) converts the report of the
 * sample workbook to PDF; poppler reads it back — it opens (pdfinfo), has the expected pages, every
 * font is embedded (pdffonts), each page carries its number `— N —` at the foot (pdftotext), a
 * full page of body text holds GB/T 9704's 22 lines, and page 1 is kept as a PNG (pdftoppm) in
 * test-results/docx/ for people to look at.
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
import { renderDocx, type DocxDraft } from "../../src/core/render/docx";
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

async function toPdf(draft: DocxDraft, name: string): Promise<string> {
  const docx = path.join(tmp, `${name}.docx`);
  writeFileSync(docx, await renderDocx(draft));
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
