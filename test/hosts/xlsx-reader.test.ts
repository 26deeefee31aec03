import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { strToU8, unzipSync, zipSync } from "fflate";
import { buildXlsx } from "../../scripts/lib/xlsx-parts";
import { readXlsx, sniffNonXlsx, resolvePart, parseSharedStrings } from "../../src/hosts/xlsx/read";
import { isoToSerial, parseDecimal } from "../../src/hosts/xlsx/sheet";
import { parseStyles } from "../../src/hosts/xlsx/styles";
import { decodeXmlText, attr, inspectXml } from "../../src/hosts/xlsx/xml";
import { XlsxReadError } from "../../src/hosts/xlsx/errors";
import { fakeCfb } from "./xlsx-fixtures";

function errorOf(bytes: Uint8Array, maxCells?: number): XlsxReadError {
  try {
    readXlsx(bytes, maxCells === undefined ? {} : { maxCells });
  } catch (e) {
    if (e instanceof XlsxReadError) return e;
    throw e;
  }
  throw new Error("read did not fail");
}

describe("shared strings", () => {
  it("joins rich-text runs, keeps xml:space text, skips phonetic runs, decodes entities and _xHHHH_", () => {
    const sst = parseSharedStrings(
      `<sst><si><t>plain</t></si>` +
        `<si><r><rPr><b/></rPr><t>昆山</t></r><r><t xml:space="preserve"> 中学 </t></r><rPh sb="0" eb="2"><t>KUNSHAN</t></rPh><phoneticPr fontId="1"/></si>` +
        `<si><t>a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; &#20826;&#x5458;</t></si>` +
        `<si><t>line1_x000D__x000A_line2 _x005F_x000D_ keep</t></si>` +
        `<si/><si><t/></si></sst>`
    );
    expect(sst).toEqual([
      "plain",
      "昆山 中学 ",
      "a <b> & \"c\" 'd' 党员",
      "line1\r\nline2 _x000D_ keep",
      "",
      "",
    ]);
  });
  it("reads prefixed elements (x:sst / x:si / x:t)", () => {
    expect(parseSharedStrings(`<x:sst xmlns:x="…"><x:si><x:t>表1</x:t></x:si></x:sst>`)).toEqual([
      "表1",
    ]);
  });
});

describe("xml helpers", () => {
  it("decodes only what needs decoding", () => {
    expect(decodeXmlText("no entities")).toBe("no entities");
    expect(decodeXmlText("&amp;lt;")).toBe("&lt;");
    expect(decodeXmlText("bad &unknown; & x")).toBe("bad &unknown; & x");
    expect(decodeXmlText("_x00zz_")).toBe("_x00zz_");
  });
  it("matches whole attribute names inside the tag only", () => {
    const xml = '<sheet name="表1 &amp; 2" sheetId="1" r:id="rId3"/><x id="no"/>';
    expect(attr(xml, 0, xml.indexOf(">"), "name")).toBe("表1 & 2");
    expect(attr(xml, 0, xml.indexOf(">"), "id")).toBeUndefined();
    expect(attr(xml, 0, xml.indexOf(">"), "r:id")).toBe("rId3");
  });
  it("resolves relationship targets", () => {
    expect(resolvePart("xl/", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolvePart("xl/", "/xl/styles.xml")).toBe("xl/styles.xml");
    expect(resolvePart("xl/", "../xl/./sharedStrings.xml")).toBe("xl/sharedStrings.xml");
  });
});

describe("numbers and dates", () => {
  it("parses decimals exactly like Number()", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => {
        const s = `<v>${String(d)}</v>`;
        expect(Object.is(parseDecimal(s, 3, s.length - 4), Number(String(d)))).toBe(true);
      }),
      { numRuns: 2000 }
    );
    for (const s of [
      "0.1",
      "0.30000000000000004",
      "-12.50",
      "123456789012345678",
      "1e3",
      "1.005",
      "0.000001234",
    ]) {
      expect(parseDecimal(s, 0, s.length)).toBe(Number(s));
    }
    expect(parseDecimal("abc", 0, 3)).toBeNaN();
    expect(parseDecimal("-", 0, 1)).toBeNaN();
  });
  it("turns ISO dates into 1900-system serials", () => {
    expect(isoToSerial("2013-01-01")).toBe(41275);
    expect(isoToSerial("2013-05-06T12:00:00")).toBe(41400.5);
    expect(isoToSerial("1900-01-01")).toBe(1);
    expect(isoToSerial("1900-03-01")).toBe(61);
    expect(isoToSerial("T06:00:00")).toBe(0.25);
    expect(isoToSerial("someday")).toBeNaN();
  });
});

describe("styles", () => {
  it("maps cellXfs to interned format strings, builtin and custom, ignoring cellStyleXfs", () => {
    const s = parseStyles(
      `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="&quot;¥&quot;#,##0.00"/></numFmts>` +
        `<cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>` +
        `<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="10"><alignment/></xf><xf numFmtId="14"/><xf numFmtId="31"/><xf numFmtId="164"/><xf numFmtId="9"/><xf numFmtId="57"/><xf numFmtId="49"/></cellXfs></styleSheet>`
    );
    expect(s.formats).toEqual([
      undefined,
      "0%",
      "0.00%",
      "yyyy/m/d",
      'yyyy"年"m"月"d"日"',
      '"¥"#,##0.00',
      "0%",
      'yyyy"年"m"月"',
      "@",
    ]);
    expect(s.isDate).toEqual([false, false, false, true, true, false, false, true, false]);
    expect(s.formats[1]).toBe(s.formats[6]);
  });
});

describe("readXlsx", () => {
  const sheetXml =
    `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
    `<row r="2"><c r="A2" t="inlineStr"><is><r><t>内联</t></r><r><t>文本</t></r></is></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="b"><v>0</v></c><c r="D2" t="e"><v>#DIV/0!</v></c><c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>` +
    `<row r="3"><c r="A3" s="4"><v>41275</v></c><c r="B3" s="5"><v>41276</v></c><c r="C3" t="d"><v>2013-05-06T00:00:00</v></c><c r="D3" s="3"><v>0.985</v></c><c r="E3" s="6"><v>301370.5</v></c></row>` +
    `<row r="4"><c r="A4"><f>SUM(B4:C4)</f><v>3</v></c><c r="B4"><v>1</v></c><c r="C4"><v>2</v></c><c r="D4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="E4"><f>NOW()</f></c><c r="F4" t="str"><f>""</f><v></v></c></row>` +
    `<row><c><v>10</v></c><c s="1"><v>11</v></c><c r="E5"><v>14</v></c><c><v>15</v></c></row>` +
    `<row r="7"><c r="B7" s="1"/><c r="C7"><v>-0.5</v></c></row>`;

  it("reads values of every cell type", () => {
    const wb = readXlsx(
      buildXlsx({
        sharedStrings: ["单位名称", "合计"],
        sheets: [{ name: "表1 2013", xml: sheetXml }],
      })
    );
    const v = wb.sheets[0]?.values ?? [];
    expect(wb.sheets[0]?.name).toBe("表1 2013");
    expect(v[0]).toEqual(["单位名称", "合计"]);
    expect(v[1]).toEqual(["内联文本", true, false, { error: "#DIV/0!" }, { error: "#DIV/0!" }]);
    expect(v[1]?.[3]).toBe(v[1]?.[4]); // error values are shared objects
    expect(v[2]).toEqual([41275, 41276, { date: 41400 }, 0.985, 301370.5]); // t="d": a date, as its type
    // a formula without cached value that the reader does not compute is a formula; empty text → blank
    expect(v[3]).toEqual([3, 1, 2, "ab", { formula: "NOW()" }]);
    expect(v[4]).toEqual([10, 11, undefined, undefined, 14, 15]); // cells without r follow on
    expect(v[5]).toEqual([]);
    expect(v[6]).toEqual([undefined, undefined, -0.5]);
  });

  it("gives each cell its style's format, interned and shared between like rows", () => {
    const xml =
      `<row r="1"><c r="A1" s="4"><v>41275</v></c><c r="B1" s="5"><v>41276</v></c><c r="C1" t="d"><v>2013-01-03</v></c><c r="D1" s="3"><v>0.5</v></c></row>` +
      `<row r="2"><c r="A2" s="4"><v>41277</v></c><c r="B2" s="5"><v>41278</v></c><c r="C2" t="d"><v>2013-01-04</v></c><c r="D2" s="3"><v>0.25</v></c></row>` +
      `<row r="3"><c r="A3"><v>1</v></c><c r="B3" s="1"><v>2</v></c></row>`;
    const wb = readXlsx(buildXlsx({ sheets: [{ name: "S", xml }] }));
    const f = wb.sheets[0]?.formats ?? [];
    expect(f[0]).toEqual(["yyyy\\-mm\\-dd", "yyyy/m/d", "yyyy-mm-dd", "0.0%"]);
    expect(f[1]).toBe(f[0]);
    expect(f[2]).toEqual([undefined, "0"]);
  });

  it("shifts dates of a 1904 workbook to the 1900 system, and only dates", () => {
    const xml = `<row r="1"><c r="A1" s="4"><v>39813</v></c><c r="B1" s="1"><v>39813</v></c></row>`;
    const wb = readXlsx(buildXlsx({ date1904: true, sheets: [{ name: "S", xml }] }));
    expect(wb.date1904).toBe(true);
    expect(wb.sheets[0]?.values[0]).toEqual([41275, 39813]);
  });

  it("copies merged TEXT down the area's first column only; numbers stay top-left", () => {
    const xml =
      `<worksheet><sheetData>` +
      `<row r="1"><c r="A1" t="s"><v>0</v></c></row>` +
      `<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>5</v></c></row>` +
      `<row r="3"><c r="C3"><v>1</v></c></row><row r="4"><c r="C4"><v>2</v></c></row>` +
      `</sheetData><mergeCells count="3"><mergeCell ref="A1:D1"/><mergeCell ref="A2:A4"/><mergeCell ref="B2:B4"/></mergeCells></worksheet>`;
    const s = readXlsx(
      buildXlsx({ sharedStrings: ["表1 党员发展情况统计表", "小学"], sheets: [{ name: "S", xml }] })
    ).sheets[0];
    expect(s?.merges).toEqual(["A1:D1", "A2:A4", "B2:B4"]);
    expect(s?.values[0]).toEqual(["表1 党员发展情况统计表"]);
    expect(s?.values.map((r) => r[0])).toEqual(["表1 党员发展情况统计表", "小学", "小学", "小学"]);
    expect(s?.values.map((r) => r[1])).toEqual([undefined, 5, undefined, undefined]);
  });

  it("reads several sheets in workbook order with their visibility, and prefixed (x:) worksheets", () => {
    const prefixed = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" t="s"><x:v>0</x:v></x:c><x:c r="C2"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const wb = readXlsx(
      buildXlsx({
        sharedStrings: ["x"],
        sheets: [
          { name: "一", xml: `<row r="1"><c r="A1"><v>1</v></c></row>` },
          { name: "二", xml: prefixed, state: "hidden" },
          { name: "三", xml: "" },
        ],
      })
    );
    expect(wb.sheets.map((s) => [s.name, s.state])).toEqual([
      ["一", "visible"],
      ["二", "hidden"],
      ["三", "visible"],
    ]);
    expect(wb.sheets[1]?.values).toEqual([[], [undefined, "x", 7]]);
    expect(wb.sheets[2]?.values).toEqual([]);
  });

  it("reads a stored (uncompressed) package", () => {
    const wb = readXlsx(
      buildXlsx({
        level: 0,
        sheets: [{ name: "S", xml: `<row r="1"><c r="A1"><v>42</v></c></row>` }],
      })
    );
    expect(wb.sheets[0]?.values).toEqual([[42]]);
  });
});

describe("files that are not readable .xlsx", () => {
  it.each([
    ["empty", new Uint8Array(0), "empty", "文件为空"],
    ["plain text", strToU8("hello world, this is not a workbook"), "other-format", "不是 .xlsx"],
    ["binary junk", new Uint8Array([1, 2, 3, 4, 5, 250, 251]), "not-zip", "不是 .xlsx"],
    [
      "html disguised as xls",
      strToU8("<html><table><tr><td>1</td></tr></table></html>"),
      "other-format",
      "HTML",
    ],
    ["pdf", strToU8("%PDF-1.4\n"), "not-xlsx", "PDF"],
    ["old .xls", fakeCfb(["Root Entry", "Workbook", "SummaryInformation"]), "xls", "97-2003"],
    [
      "password-protected",
      fakeCfb(["Root Entry", "EncryptionInfo", "EncryptedPackage"]),
      "encrypted",
      "文件已加密（有密码保护）",
    ],
  ])("%s", (_name, bytes, code, text) => {
    const e = errorOf(bytes);
    expect(e.code).toBe(code);
    expect(e.reason).toContain(text);
    expect(sniffNonXlsx(bytes)?.code).toBe(code);
  });

  it("a truncated zip is truncated, a scrambled one corrupt", () => {
    const good = buildXlsx({
      sheets: [{ name: "S", xml: `<row r="1"><c r="A1"><v>1</v></c></row>` }],
    });
    expect(errorOf(good.subarray(0, good.length >> 1)).code).toBe("truncated");
    expect(errorOf(good.subarray(0, good.length - 30)).code).toBe("truncated");
    const flipped = good.slice();
    for (let i = 40; i < 400; i++) flipped[i] = (flipped[i] as number) ^ 0x5a;
    expect(errorOf(flipped).code).toBe("corrupt");
  });

  it("two sheets of one name (Excel compares without case) are damaged, not read twice", () => {
    const row = `<row r="1"><c r="A1"><v>1</v></c></row>`;
    const e = errorOf(
      buildXlsx({
        sheets: [
          { name: "表1", xml: row },
          { name: "Sheet", xml: row },
          { name: "sheet", xml: row },
        ],
      })
    );
    expect(e.code).toBe("corrupt");
    expect(e.reason).toContain("两张工作表同名“sheet”");
    const fine = buildXlsx({
      sheets: [
        { name: "表1", xml: row },
        { name: "表1 (2)", xml: row },
      ],
    });
    expect(readXlsx(fine).sheets.map((s) => s.name)).toEqual(["表1", "表1 (2)"]);
  });

  it("a zip without a workbook: missing part, or what it is instead", () => {
    expect(errorOf(buildXlsx({ sheets: [], omit: ["xl/workbook.xml"] })).reason).toContain(
      "缺少工作簿部件"
    );
    expect(errorOf(zipSync({ "a.txt": strToU8("x") })).reason).toContain("普通 zip");
    expect(
      errorOf(
        zipSync({
          mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
          "content.xml": strToU8("<x/>"),
        })
      ).reason
    ).toContain(".ods");
    expect(
      errorOf(
        zipSync({ "[Content_Types].xml": strToU8("<x/>"), "word/document.xml": strToU8("<x/>") })
      ).reason
    ).toContain("Word");
  });

  it("a sheet part missing from the package", () => {
    const bytes = buildXlsx({
      sheets: [{ name: "表1", xml: "" }],
      omit: ["xl/worksheets/sheet1.xml"],
    });
    expect(errorOf(bytes).reason).toContain("缺少工作表「表1」");
  });

  it("refuses more cells than the limit", () => {
    const xml = Array.from(
      { length: 20 },
      (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c></row>`
    ).join("");
    expect(errorOf(buildXlsx({ sheets: [{ name: "S", xml }] }), 10).code).toBe("too-large");
  });
});

describe("damaged files never crash the reader", () => {
  const sample = new Uint8Array(
    readFileSync(
      path.join(__dirname, "..", "..", "assets", "samples", "bureau-stats-2013-mistakes.xlsx")
    )
  );
  const small = buildXlsx({
    sharedStrings: ["单位名称", '<si><r><t>昆山</t></r><rPh sb="0" eb="1"><t>kun</t></rPh></si>'],
    sheets: [
      {
        name: "S",
        xml: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>a</t></is></c><c r="C1" s="3"><v>0.5</v></c></row>`,
      },
    ],
    level: 0,
  });
  it.each([
    ["a zipped sample", sample],
    ["a stored (uncompressed) package, so mutations hit the XML", small],
  ])("byte mutations of %s: a model or an XlsxReadError, quickly", (_name, base) => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.option(fc.nat(base.length), { nil: undefined }),
        (edits, cut) => {
          const bytes = base.slice(0, cut ?? base.length);
          for (const [at, v] of edits) if (at < bytes.length) bytes[at] = v;
          const t = performance.now();
          try {
            const wb = readXlsx(bytes);
            expect(Array.isArray(wb.sheets)).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(XlsxReadError);
            expect((e as XlsxReadError).reason).toMatch(/[\u4e00-\u9fff]/);
          }
          expect(performance.now() - t).toBeLessThan(5000);
        }
      ),
      { numRuns: 250 }
    );
  });

  it("a worksheet checked as it is read: refused with the reason a whole-part check gives, or read as after normalising", () => {
    const shapes = [
      `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c>`,
      `<row r="1"><c r="A1"><f>1+1</f><v>2</x></c></row>`,
      `<row r="1"><c r="A1" t="inlineStr"><is><t>a</is></t></c></row>`,
      `<row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet><worksheet><sheetData>`,
      `<row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>text after<sheetData>`,
      `<row r="1"><c r="A1"><v>1</v></c></r>`,
      `<row r="1"><c r="A1" t="s><v>0</v></c></row>`,
      `<row r="1"><c r="A1"><v>1</v></c><!-- never closed </row>`,
      `<row r="1"><!DOCTYPE x><c r="A1"><v>1</v></c></row>`,
      `<row r="1"><c r="A1"><v>1</v></c><1bad/></row>`,
    ];
    for (const sheet of shapes) {
      const bytes = buildXlsx({ sheets: [{ name: "S", xml: sheet }] });
      const part = Object.entries(unzipSync(bytes)).find(([n]) => n.includes("worksheets/"));
      const whole = inspectXml(new TextDecoder().decode(part?.[1])).problem;
      expect(whole, sheet).toBeDefined();
      expect(() => readXlsx(bytes), sheet).toThrow(`不是有效的 XML：${whole ?? ""}）`);
    }
    const normalised = [
      `<row r="1"><!-- a note --><c r="A1"><v>1</v></c></row>`,
      `<row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c></row>`,
      `<row r="1"><?pi x?><c r="A1"><v>1</v></c></row>`,
    ];
    const read = normalised.map((sheet) => {
      const wb = readXlsx(buildXlsx({ sheets: [{ name: "S", xml: sheet }] }));
      return wb.sheets[0]?.values[0]?.[0];
    });
    expect(read).toEqual([1, "a<b", 1]);
  });

  it("malformed XML inside a valid package: unclosed tags, stray quotes, garbage", () => {
    const broken = [
      `<row r="1"><c r="A1"><v>1</v>`,
      `<row r="1"><c r="A1" t="s><v>0</v></c></row>`,
      `<row r="1"><c r="A1" s=><v>1</v></c></row>`,
      `<row><c><is><t>never closed`,
      `<<<<>>>>""''`,
    ];
    for (const xml of broken) {
      const bytes = buildXlsx({ sheets: [{ name: "S", xml }] });
      expect(() => readXlsx(bytes), xml).toThrow(XlsxReadError);
      expect(() => readXlsx(bytes), xml).toThrow(/文件已损坏/);
    }
    // well-formed XML with nonsense addresses and values: read, not refused
    const odd = `<row r="x"><c r="!!"><v>1e999</v></c><c t="e"></c><c t="d"><v>garbage</v></c></row>`;
    const wb = readXlsx(buildXlsx({ sheets: [{ name: "S", xml: odd }] }));
    expect(wb.sheets.map((sh) => sh.name)).toEqual(["S"]);
  });
});
