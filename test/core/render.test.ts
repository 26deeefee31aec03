import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { draftReport, type Draft } from "../../src/core/draft";
import {
  cssFontFamily,
  escapeHtml,
  indentLine,
  mmToTwips,
  ptToTwips,
  renderHtml,
  renderText,
  toChinesePunctuation,
} from "../../src/core/render";
import { fontTableXml, renderDocx, type DocxDraft } from "../../src/core/render/docx";
import { T1_2013, sample2013, t1, t2 } from "./figures-fixtures";

const XSS = "<img src=x onerror=alert(1)>";

const draftWith = (text: string, heading?: string, headingLevel?: 1 | 2): Draft => ({
  paragraphs: [
    { tableId: "T2", sheet: "表2", text, ...(heading ? { heading, headingLevel } : {}) },
  ],
});

const xssDraft = () =>
  draftReport(
    [t2(2013, [{ 培训项目: XSS, 培训类别: "社会培训", 期数: 1, 培训人数: 10 }])],
    undefined,
    { headings: "一、" }
  );

async function docxPart(draft: DocxDraft, part: string): Promise<string> {
  const bytes = await renderDocx(draft);
  expect(bytes).toBeInstanceOf(Uint8Array);
  const files = unzipSync(bytes);
  const xml = files[part];
  expect(xml, part).toBeDefined();
  return strFromU8(xml!);
}

const documentXml = (draft: DocxDraft) => docxPart(draft, "word/document.xml");

describe("Chinese punctuation", () => {
  it.each([
    ["a,b;c:d(e)f?g!", "a，b；c：d（e）f？g！"],
    ["增长14.0%", "增长14.0%"],
    ["已是中文，；：（）？！", "已是中文，；：（）？！"],
    ["", ""],
  ])("%s → %s", (input, expected) => expect(toChinesePunctuation(input)).toBe(expected));
});

describe("renderText", () => {
  it("starts each paragraph with two full-width spaces, one paragraph a line", () => {
    const text = renderText(draftReport(sample2013(), undefined, {}));
    const lines = text.split("\n");
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line).toMatch(/^\u3000\u3000[^\s\u3000]/);
    expect(lines[0]).toBe(
      "\u3000\u3000全年培训入党积极分子264人。发展预备党员49人，其中教工党员18人，学生党员31人；转正预备党员35人。对112名入党不满3年的新党员进行教育培训。评选优秀共产党员57名。"
    );
  });

  it("has Chinese punctuation only, also in edited text and headings", () => {
    const text = renderText(draftWith("培训(暑期)2期,共80人;合格率:100%!", "一、培训情况:", 1));
    expect(text).toBe(
      "\u3000\u3000一、培训情况：\n\u3000\u3000培训（暑期）2期，共80人；合格率：100%！"
    );
    expect(text).not.toMatch(/[,;:()?!]/);
  });

  it("re-indents an edited paragraph and joins its line breaks", () => {
    expect(indentLine("  \u3000发展预备党员\n49人。 ")).toBe("\u3000\u3000发展预备党员49人。");
    expect(renderText({ paragraphs: [] })).toBe("");
    expect(renderText(draftWith("  "))).toBe("");
  });

  it("writes headings on their own line", () => {
    const text = renderText(draftReport([t1(2013, T1_2013)], undefined, { headings: "一、" }));
    expect(text.split("\n")[0]).toBe("\u3000\u3000一、党员发展情况");
  });
});

describe("renderHtml (GB/T 9704)", () => {
  it("styles the body: 仿宋_GB2312 with fallbacks, 16pt, indent 2em, exact 28pt", () => {
    const html = renderHtml(draftReport([t1(2013, T1_2013)], undefined, {}));
    expect(html).toContain("font-family:'仿宋_GB2312','仿宋',FangSong,STFangsong,serif");
    expect(html).toContain("font-size:16pt");
    expect(html).toContain("text-indent:2em");
    expect(html).toContain("line-height:28pt");
    expect(html).toContain("mso-line-height-rule:exactly");
    expect(html).toContain("全年培训入党积极分子264人。");
    expect(html.match(/<p /g)).toHaveLength(1);
  });

  it("sets headings 一、 in 黑体 and （一） in 楷体_GB2312", () => {
    const h1 = renderHtml(draftWith("正文。", "一、培训情况", 1));
    expect(h1).toMatch(
      /<p style="[^"]*font-family:'黑体',SimHei,STHeiti,sans-serif[^"]*">一、培训情况<\/p>/
    );
    const h2 = renderHtml(draftWith("正文。", "（一）培训情况", 2));
    expect(h2).toMatch(
      /<p style="[^"]*font-family:'楷体_GB2312','楷体',KaiTi,STKaiti,serif[^"]*">（一）培训情况<\/p>/
    );
  });

  it("escapes cell text: a 培训项目 <img …> is text, never markup", () => {
    const html = renderHtml(xssDraft());
    expect(html).not.toContain("<img");
    expect(html).toContain("面向社会举办&lt;img src=x onerror=alert（1）&gt;1期，培训学员10人。");
    // a lone ASCII quote becomes a Chinese one (report text), then everything is escaped
    expect(renderHtml(draftWith(`"'&<>`))).toContain("“&#39;&amp;&lt;&gt;");
  });

  it("escapes and lists fonts", () => {
    expect(escapeHtml("<b>&'\"")).toBe("&lt;b&gt;&amp;&#39;&quot;");
    expect(cssFontFamily(["黑体", "SimHei"], "sans-serif")).toBe("'黑体',SimHei,sans-serif");
  });
});

describe("renderDocx", () => {
  it("converts units", () => {
    expect(mmToTwips(37)).toBe(2098);
    expect(mmToTwips(35)).toBe(1984);
    expect(mmToTwips(28)).toBe(1587);
    expect(mmToTwips(26)).toBe(1474);
    expect(mmToTwips(210)).toBe(11906);
    expect(mmToTwips(297)).toBe(16838);
    expect(ptToTwips(28)).toBe(560);
  });

  it("writes 仿宋_GB2312 16pt, first-line indent, exact 28pt, A4 and GB/T 9704 margins", async () => {
    const xml = await documentXml(draftReport(sample2013(), undefined, {}));
    expect(xml).toMatch(/<w:rFonts [^>]*w:eastAsia="仿宋_GB2312"/);
    expect(xml).toMatch(/<w:sz w:val="32"\/>/);
    expect(xml).toMatch(/<w:ind [^>]*w:firstLine="640"/);
    expect(xml).toMatch(/<w:ind [^>]*w:firstLineChars="200"/);
    expect(xml).toMatch(
      /<w:spacing [^>]*w:line="560"[^>]*w:lineRule="exact"|<w:spacing [^>]*w:lineRule="exact"[^>]*w:line="560"/
    );
    const sectPr = xml.slice(xml.indexOf("<w:sectPr"));
    expect(sectPr).toMatch(/<w:pgSz [^>]*w:w="11906"/);
    expect(sectPr).toMatch(/<w:pgSz [^>]*w:h="16838"/);
    expect(sectPr).toMatch(/<w:pgMar [^>]*w:top="2098"/);
    expect(sectPr).toMatch(/<w:pgMar [^>]*w:bottom="1984"/);
    expect(sectPr).toMatch(/<w:pgMar [^>]*w:left="1587"/);
    expect(sectPr).toMatch(/<w:pgMar [^>]*w:right="1474"/);
    expect(xml).toContain("全年培训入党积极分子264人。发展预备党员49人，其中教工党员18人");
    expect(xml.match(/<w:p>|<w:p /g)).toHaveLength(4);
  });

  it("puts headings in 黑体 / 楷体_GB2312", async () => {
    const h1 = await documentXml(draftWith("正文。", "一、培训情况", 1));
    expect(h1).toMatch(/w:eastAsia="黑体"[\s\S]*一、培训情况/);
    const h2 = await documentXml(draftWith("正文。", "（一）培训情况", 2));
    expect(h2).toMatch(/w:eastAsia="楷体_GB2312"[\s\S]*（一）培训情况/);
  });

  it("keeps cell text as text: <img …> is escaped in document.xml", async () => {
    const xml = await documentXml(xssDraft());
    expect(xml).not.toContain("<img");
    expect(xml).toContain("&lt;img src=x onerror=alert（1）&gt;");
  });

  it("numbers the pages `— 1 —` centred at the foot in 宋体 4号, 7 mm below the text", async () => {
    const draft = draftReport(sample2013(), undefined, {});
    const xml = await documentXml(draft);
    const sectPr = xml.slice(xml.indexOf("<w:sectPr"));
    expect(sectPr).toMatch(/<w:footerReference [^>]*w:type="default"/);
    // 35 mm bottom margin − 7 mm − the 14 pt line = 23.06 mm from the page's lower edge
    expect(sectPr).toMatch(/<w:pgMar [^>]*w:footer="1307"/);
    const bytes = await renderDocx(draft);
    const footers = Object.entries(unzipSync(bytes)).filter(([n]) =>
      /^word\/footer\d*\.xml$/.test(n)
    );
    expect(footers).toHaveLength(1);
    const footer = strFromU8(footers[0]![1]);
    expect(footer).toMatch(/<w:jc w:val="center"\/>/);
    const text = [
      ...footer.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>|<w:instrText[^>]*>([^<]*)<\/w:instrText>/g),
    ]
      .map((m) => m[1] ?? `{${(m[2] ?? "").trim()}}`)
      .join("");
    expect(text).toBe("— {PAGE} —");
    expect(footer).toMatch(/w:eastAsia="宋体"/);
    expect(footer).toMatch(/<w:sz w:val="28"\/>/);
  });

  it("tags East Asian text zh-CN, in the defaults and on every run", async () => {
    const bytes = await renderDocx(draftReport(sample2013(), undefined, {}));
    const files = unzipSync(bytes);
    const styles = strFromU8(files["word/styles.xml"]!);
    const defaults = styles.slice(
      styles.indexOf("<w:docDefaults"),
      styles.indexOf("</w:docDefaults>")
    );
    expect(defaults).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    // Latin text (digits) stays en-US: a zh-CN Latin tag lets Writer break 57 into 5 / 7
    expect(defaults).toMatch(/<w:lang w:val="en-US"/);

    const xml = strFromU8(files["word/document.xml"]!);
    const runs = xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) expect(r).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    // GB/T 9704's 22-line grid: no widow/orphan control moving lines to the next page
    const paragraphs = xml.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
    expect(paragraphs).toHaveLength(4);
    for (const p of paragraphs) expect(p).toMatch(/<w:widowControl w:val="(false|0)"\/>/);
  });

  it("describes each face in the font table with its fallbacks (仿宋_GB2312 → 仿宋 → FangSong)", async () => {
    const table = await docxPart(draftReport(sample2013(), undefined, {}), "word/fontTable.xml");
    expect(table).toBe(fontTableXml());
    const entry = (name: string) => {
      const m = new RegExp(`<w:font w:name="${name}">([\\s\\S]*?)</w:font>`).exec(table);
      expect(m, name).not.toBeNull();
      return m![1]!;
    };
    const body = entry("仿宋_GB2312");
    expect(body).toContain('<w:altName w:val="仿宋,FangSong,STFangsong"/>');
    expect(body).toContain('<w:panose1 w:val="02010609030101010101"/>');
    expect(body).toContain('<w:charset w:val="86"/>');
    expect(body).toContain('<w:family w:val="modern"/>');
    expect(entry("黑体")).toContain('<w:altName w:val="SimHei,STHeiti"/>');
    expect(entry("楷体_GB2312")).toContain('<w:altName w:val="楷体,KaiTi,STKaiti"/>');
    expect(entry("方正小标宋简体")).toContain('<w:altName w:val="黑体,SimHei,STHeiti"/>');
    expect(entry("宋体")).toContain('<w:altName w:val="SimSun,STSong"/>');
    // every face a run names is in the table
    const xml = await documentXml({ ...draftWith("正文。", "一、培训", 1), title: "标题" });
    for (const [, face] of xml.matchAll(/w:eastAsia="([^"]+)"/g)) {
      if (face !== "zh-CN") expect(table).toContain(`w:name="${face}"`);
    }
  });

  it("sets a title centred in 2号小标宋 above the paragraphs; none when the draft has no title", async () => {
    const xml = await documentXml({
      ...draftWith("正文。"),
      title: "  昆山市教育局2013年党建统计分析  ",
    });
    const body = xml.slice(xml.indexOf("<w:body>"));
    const titlePara = body.slice(0, body.indexOf("</w:p>"));
    expect(titlePara).toContain("昆山市教育局2013年党建统计分析</w:t>");
    expect(titlePara).toMatch(/<w:jc w:val="center"\/>/);
    expect(titlePara).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(titlePara).toMatch(/<w:sz w:val="44"\/>/);
    expect(xml.indexOf("党建统计分析")).toBeLessThan(xml.indexOf("正文。"));
    const none = await documentXml(draftWith("正文。"));
    expect(none).not.toContain("方正小标宋简体");
    expect(await documentXml({ ...draftWith("正文。"), title: "  " })).not.toContain(
      "方正小标宋简体"
    );
  });
});

describe("xmlSafeText: only characters XML 1.0 allows reach a written file", () => {
  it("removes what XML 1.0 forbids, keeps tab/CR/LF and surrogate pairs", async () => {
    const { xmlSafeText } = await import("../../src/core/render/xmlchars");
    expect(xmlSafeText("a\u0001b\uffffc\ufffe\u000bd\u000ce")).toBe("abc d e");
    expect(xmlSafeText("\t\r\n𠀀")).toBe("\t\r\n𠀀");
    expect(xmlSafeText("x\ud800y\udc00z")).toBe("xyz");
    expect(xmlSafeText("普通话")).toBe("普通话");
  });
});
