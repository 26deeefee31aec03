// Formulas saved without their results (as openpyxl writes them): the reader computes plain
// arithmetic and SUM, and leaves any other formula as a FormulaValue for the core to report.
import { describe, expect, it } from "vitest";
import { buildXlsx } from "../../scripts/lib/xlsx-parts";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { MAX_DEPTH, shiftFormula } from "../../src/hosts/xlsx/formulas";
import { cellAt, newSheet, writeXlsx } from "../../src/hosts/xlsx/writer";
import type { CellValue } from "../../src/core";

/** A cell's XML: a number, a text (inline), or a formula without result (`=…`, `<f>` only). */
function cellXml(ref: string, v: number | string): string {
  if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
  if (v.startsWith("=")) return `<c r="${ref}"><f>${escape(v.slice(1))}</f></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t>${escape(v)}</t></is></c>`;
}

function escape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A sheet's rows from `{ A1: 1, B1: "=A1*2" }`. */
function rowsXml(cells: Readonly<Record<string, number | string>>): string {
  const byRow = new Map<number, string[]>();
  for (const [ref, v] of Object.entries(cells)) {
    const r = Number(/\d+/.exec(ref)?.[0]);
    byRow.set(r, [...(byRow.get(r) ?? []), cellXml(ref, v)]);
  }
  return [...byRow.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, cs]) => `<row r="${r}">${cs.join("")}</row>`)
    .join("");
}

type Sheets = ReadonlyArray<readonly [string, string]>;

function read(sheets: Sheets): Array<ReadonlyArray<ReadonlyArray<CellValue>>> {
  const wb = readXlsx(buildXlsx({ sheets: sheets.map(([name, xml]) => ({ name, xml })) }));
  return wb.sheets.map((s) => s.values);
}

/** The value of `ref` on the first sheet of a workbook of the given cells. */
function valueOf(cells: Readonly<Record<string, number | string>>, ref: string): CellValue {
  const col = (/^[A-Z]+/.exec(ref)?.[0] ?? "A").charCodeAt(0) - 65;
  const row = Number(/\d+/.exec(ref)?.[0]) - 1;
  return read([["S", rowsXml(cells)]])[0]?.[row]?.[col];
}

describe("formulas saved without their results: computed", () => {
  it.each([
    ["=1+2*3", 7],
    ["=(1+2)*3", 9],
    ["=-A1+10", 6],
    ["=--A1", 4],
    ["=+A1", 4],
    ["=A1/8", 0.5],
    ["=1.5e2-0.5", 149.5],
    ["= A1 * ( B1 - 1 )", 4 * 9],
    ["=$A$1+A$1+$A1", 12],
    ["=SUM(A1:B1)", 14],
    ["=SUM(B1:A1)", 14], // corners either way
    ["=sum(A1, B1, 100, A1*2)", 122],
    ["=SUM()", 0],
    ["=SUM(A1:B2)+1", 15], // row 2 blank
    ["=C9+1", 1], // a blank counts 0
    ["=0.1+0.2", 0.3], // rounded to 15 digits, as Excel shows it
  ])("%s → %s", (formula, expected) => {
    expect(valueOf({ A1: 4, B1: 10, C1: formula }, "C1")).toBe(expected);
  });

  it("SUM leaves text out of a range or reference (as Excel does)", () => {
    expect(valueOf({ A1: 4, A2: "四", A3: 6, B1: "=SUM(A1:A3)" }, "B1")).toBe(10);
    expect(valueOf({ A1: 4, A2: "四", B1: "=SUM(A2)" }, "B1")).toBe(0);
  });

  it("computes formulas over formulas, in any order on the sheet", () => {
    const v = read([["S", rowsXml({ A1: "=A2+1", A2: "=A3*2", A3: 5, B1: "=SUM(A1:A3)" })]])[0];
    expect(v?.map((r) => r[0])).toEqual([11, 10, 5]);
    expect(v?.[0]?.[1]).toBe(26);
  });

  it("reads other sheets, by quoted and unquoted names, whichever comes first", () => {
    const [first, second, third] = read([
      ["汇总", rowsXml({ A1: "='表2 培训 2013'!C4+Sheet1!B2", A2: "=SUM(Sheet1!B1:B3)" })],
      ["表2 培训 2013", rowsXml({ C4: 7 })],
      ["Sheet1", rowsXml({ B1: 1, B2: "='表2 培训 2013'!C4*10", B3: 3 })],
    ]);
    expect(first?.[0]?.[0]).toBe(77);
    expect(first?.[1]?.[0]).toBe(74);
    expect(third?.[1]?.[1]).toBe(70);
    expect(second?.[3]?.[2]).toBe(7);
  });

  it("reads a sheet name with an apostrophe, and sheet names without regard to case", () => {
    const [, v] = read([
      ["Bob's", rowsXml({ A1: 2 })],
      ["S", rowsXml({ A1: "='Bob''s'!A1*3", A2: "=s!A1+1" })],
    ]);
    expect(v?.[0]?.[0]).toBe(6);
    expect(v?.[1]?.[0]).toBe(7);
  });

  it("computes shared formulas: children move the master's relative references", () => {
    const xml =
      `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>10</v></c><c r="C1"><v>100</v></c></row>` +
      `<row r="2"><c r="A2"><v>2</v></c><c r="B2"><v>20</v></c><c r="C2"><v>200</v></c></row>` +
      // master with its result, children without: the children are computed from its text
      `<row r="3"><c r="A3"><f t="shared" ref="A3:C3" si="0">SUM(A1:A2)+$A$1</f><v>4</v></c>` +
      `<c r="B3"><f t="shared" si="0"/></c><c r="C3"><f t="shared" si="0"/><v></v></c></row>` +
      // master without its result, children below it
      `<row r="4"><c r="A4"><f t="shared" ref="A4:A5" si="1">A1*2</f></c></row>` +
      `<row r="5"><c r="A5"><f t="shared" si="1"/></c></row>`;
    const v = read([["S", xml]])[0];
    expect(v?.[2]).toEqual([4, 31, 301]);
    expect(v?.[3]?.[0]).toBe(2);
    expect(v?.[4]?.[0]).toBe(4);
  });

  it("keeps the cell's number format", () => {
    const xml = `<row r="1"><c r="A1"><v>0.5</v></c><c r="B1" s="3"><f>A1/2</f><v></v></c></row>`;
    const wb = readXlsx(buildXlsx({ sheets: [{ name: "S", xml }] }));
    expect(wb.sheets[0]?.values[0]).toEqual([0.5, 0.25]);
    expect(wb.sheets[0]?.formats?.[0]?.[1]).toBe("0.0%");
  });

  it("reads prefixed elements (x:f, x:v)", () => {
    const xml =
      `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>` +
      `<x:row r="1"><x:c r="A1"><x:v>3</x:v></x:c><x:c r="B1"><x:f>A1*3</x:f><x:v></x:v></x:c>` +
      `<x:c r="C1"><x:f>NOW()</x:f></x:c></x:row></x:sheetData></x:worksheet>`;
    const wb = readXlsx(buildXlsx({ sheets: [{ name: "S", xml }] }));
    expect(wb.sheets[0]?.values[0]).toEqual([3, 9, { formula: "NOW()" }]);
  });
});

describe("formulas saved without their results: not computed, kept as formulas", () => {
  it.each([
    ["=IF(A1>0,1,0)", "unknown function"],
    ["=ROUND(A1,0)", "unknown function"],
    ["=A1&B1", "text operator"],
    ["=A1^2", "power"],
    ["=A1%", "percent"],
    ["=A1>1", "comparison"],
    ["=T1/0", "a text cell in arithmetic"],
    ["=A1/0", "division by zero"],
    ["=A1/C9", "division by a blank"],
    ["=E1+1", "an error value"],
    ["=SUM(A1:E1)", "an error value in a SUM"],
    ["=A1:B1", "a range in arithmetic"],
    ["=SUM(A:A)", "a whole column"],
    ["=Nowhere!A1", "a missing sheet"],
    ["='No sheet'!A1:A2", "a missing quoted sheet"],
    ["=[1]S!A1", "another workbook"],
    ["=A1+", "unfinished"],
    ["=(A1", "unclosed parenthesis"],
    ["=SUM(A1", "unclosed SUM"],
    ['="1"+1', "a text literal"],
    ["=TRUE+1", "a logical literal"],
    ["=XFE1", "a column past XFD"],
  ])("%s (%s)", (formula) => {
    const v = valueOf({ A1: 4, B1: 10, T1: "文字", E1: "=1/0", C1: formula }, "C1");
    expect(v).toEqual({ formula: formula.slice(1) });
  });

  it("a cycle: every formula of it stays a formula; formulas outside it are computed", () => {
    const v = read([
      ["S", rowsXml({ A1: "=B1+1", B1: "=A1+1", C1: "=C1", D1: "=A1+1", E1: "=2" })],
    ])[0];
    expect(v?.[0]).toEqual([
      { formula: "B1+1" },
      { formula: "A1+1" },
      { formula: "C1" },
      { formula: "A1+1" },
      2,
    ]);
  });

  it(`a chain of formulas deeper than ${MAX_DEPTH} stays a formula (no stack overflow)`, () => {
    const cells: Record<string, number | string> = {};
    const n = MAX_DEPTH + 20;
    for (let r = 1; r < n; r++) cells[`A${r}`] = `=A${r + 1}+1`;
    cells[`A${n}`] = 0;
    const v = read([["S", rowsXml(cells)]])[0];
    expect(v?.[0]?.[0]).toEqual({ formula: "A2+1" });
    // computed from its deep end upward the chain is within reach
    expect(v?.[n - 2]?.[0]).toBe(1);
  });

  it("a shared formula's child shows its own formula (the master's, moved)", () => {
    const xml =
      `<row r="1"><c r="A1"><f t="shared" ref="A1:B1" si="0">IF(A2>0,A2,0)</f><v>1</v></c>` +
      `<c r="B1"><f t="shared" si="0"/></c></row><row r="2"><c r="A2"><v>1</v></c></row>` +
      `<row r="3"><c r="A3"><f t="shared" si="7"/></c></row>`; // no master
    const v = read([["S", xml]])[0];
    expect(v?.[0]).toEqual([1, { formula: "IF(B2>0,B2,0)" }]);
    expect(v?.[2]).toEqual([{ formula: "" }]);
  });

  it("an empty text result (t=str) is blank; an empty result of another type is no result", () => {
    const xml =
      `<row r="1"><c r="A1" t="str"><f>""</f><v></v></c><c r="B1"><f>1+1</f><v/></c>` +
      `<c r="C1" t="e"><f>1/0</f><v></v></c><c r="D1"><f>1+1</f><v>5</v></c></row>`;
    expect(read([["S", xml]])[0]?.[0]).toEqual([undefined, 2, { formula: "1/0" }, 5]);
  });
});

describe("shiftFormula", () => {
  it("moves relative references, keeps absolute ones, other sheets' too", () => {
    expect(shiftFormula("SUM(C4:C11)", 0, 1)).toBe("SUM(D4:D11)");
    expect(shiftFormula("$C4+C$4+$C$4+C4", 2, 3)).toBe("$C6+F$4+$C$4+F6");
    expect(shiftFormula("'表2 培训 2013'!C4*Sheet1!A1", 1, 0)).toBe("'表2 培训 2013'!C5*Sheet1!A2");
    expect(shiftFormula("Z1+1", 0, 1)).toBe("AA1+1");
  });
  it("leaves text, function names and numbers alone; off the sheet is #REF!", () => {
    expect(shiftFormula('IF(A1>0,"A1",LOG10(A1))+1.5', 1, 0)).toBe('IF(A2>0,"A1",LOG10(A2))+1.5');
    expect(shiftFormula("A1+B2", -1, 0)).toBe("#REF!+B1");
  });
});

describe("formulas our own writer saves without results", () => {
  it("are computed when read (with results, the results are read as they are)", () => {
    const ws = newSheet("S");
    cellAt(ws, 1, 1).value = 2;
    cellAt(ws, 2, 1).value = 3;
    cellAt(ws, 3, 1).value = { formula: "SUM(A1:A2)" };
    cellAt(ws, 4, 1).value = { formula: "A3*10" };
    cellAt(ws, 5, 1).value = { formula: "SUM(A1:A2)", result: 99 };
    cellAt(ws, 6, 1).value = { formula: "MAX(A1:A2)" };
    const bytes = writeXlsx({ sheets: [ws], creator: "test", created: new Date(0) });
    const v = readXlsx(bytes).sheets[0]?.values.map((r) => r[0]);
    expect(v).toEqual([2, 3, 5, 50, 99, { formula: "MAX(A1:A2)" }]);
  });
});
