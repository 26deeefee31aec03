/**
 * Property: any grid of arbitrary cells — unicode text, huge/negative/NaN/Infinity numbers, dates,
 * booleans, error values, blanks, ragged rows — with or without a real header row, never makes
 * validation throw, and every reported address lies inside its sheet.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue, SheetModel } from "../../src/core/model";
import { parseA1 } from "../../src/core/model";
import { issueMessage } from "../../src/core/messages";
import { validateWorkbook } from "../../src/core/validate";
import { BUILTIN_DEFINITIONS } from "../../src/core/definitions";

const headerTexts = BUILTIN_DEFINITIONS.flatMap((t) => t.columns.map((c) => c.header));
const choices = BUILTIN_DEFINITIONS.flatMap((t) => t.columns.flatMap((c) => c.allowed ?? []));

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.constantFrom(
    ...headerTexts,
    ...choices,
    "合计",
    "统计年度",
    "2013",
    "49人",
    "3.5万元",
    "98%",
    "2013-05-01",
    " ",
    ""
  ),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.double(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.MAX_VALUE,
    -0,
    1e300,
    2 ** 53 + 2
  ),
  fc.boolean(),
  fc.constantFrom("#DIV/0!", "#N/A", "#REF!", "#VALUE!").map((error) => ({ error })),
  fc.double().map((date) => ({ date }))
);

const row = fc.array(cell, { maxLength: 14 });
const format = fc.constantFrom(
  undefined,
  "General",
  "0.0%",
  "yyyy-mm-dd",
  '#,##0"元"',
  "@",
  "[Red]0.00"
);

/** A grid, possibly with a real definition's header row (complete or partial) somewhere in it. */
const sheet: fc.Arbitrary<SheetModel> = fc
  .record({
    rows: fc.array(row, { maxLength: 25 }),
    header: fc.option(
      fc.record({
        definition: fc.integer({ min: 0, max: BUILTIN_DEFINITIONS.length - 1 }),
        at: fc.nat({ max: 25 }),
        drop: fc.array(fc.nat({ max: 12 }), { maxLength: 3 }),
        shift: fc.nat({ max: 3 }),
      })
    ),
    name: fc.string({ maxLength: 10 }),
    withFormats: fc.boolean(),
    formatSeed: fc.array(fc.array(format, { maxLength: 14 }), { maxLength: 25 }),
  })
  .map(({ rows, header, name, withFormats, formatSeed }) => {
    const values: CellValue[][] = rows.map((r) => [...r]);
    if (header) {
      const t = BUILTIN_DEFINITIONS[header.definition];
      const headers: CellValue[] = (t?.columns ?? [])
        .map((c) => c.header)
        .filter((_, i) => !header.drop.includes(i));
      const at = Math.min(header.at, values.length);
      values.splice(at, 0, [...new Array<CellValue>(header.shift).fill(null), ...headers]);
    }
    return withFormats ? { name, values, formats: formatSeed } : { name, values };
  });

function inside(address: string, s: SheetModel): boolean {
  const height = s.values.length;
  const width = s.values.reduce((w, r) => Math.max(w, r.length), 0);
  const [a, b] = address.split(":");
  if (b !== undefined && a !== b) return false;
  const p = parseA1(address);
  if (!p) return false;
  if (p.row !== undefined && (p.row < 0 || p.row >= height)) return false;
  if (p.col !== undefined && (p.col < 0 || p.col >= width)) return false;
  return true;
}

const stats = { tables: 0, issues: 0 };
describe("validateWorkbook on arbitrary grids", () => {
  it("never throws, and every address is inside its sheet", () => {
    fc.assert(
      fc.property(
        fc.array(sheet, { minLength: 1, maxLength: 3 }),
        fc.option(fc.integer({ min: 1990, max: 2030 })),
        (sheets, year) => {
          const r = validateWorkbook({ sheets }, year === null ? {} : { year });
          if (r.tables.length > 0) stats.tables++;
          if (r.issues.length > 0) stats.issues++;
          for (const issue of r.issues) {
            const s = sheets.find((x) => x.name === issue.sheet);
            expect(s, issue.sheet).toBeDefined();
            if (!s) continue;
            // a sheet name may repeat: the address must fit one of the sheets of that name
            const fits = sheets
              .filter((x) => x.name === issue.sheet)
              .some((x) => inside(issue.cell, x));
            expect(fits, `${issue.rule} ${issue.code} ${issue.cell}`).toBe(true);
            // no placeholder left unfilled (a generated sheet may be named “{a}” itself)
            let message = issueMessage(issue);
            for (const x of sheets) message = message.split(x.name).join("");
            expect(message).not.toMatch(/undefined|\{[a-z]+\}/);
          }
          for (const t of r.tables) {
            for (const f of t.figures) expect(Number.isSafeInteger(f.value), f.id).toBe(true);
            expect(Array.isArray(t.records)).toBe(true);
          }
        }
      ),
      { numRuns: Number(process.env.CORE_PROPERTY_RUNS ?? 400) }
    );
    // the property is not vacuous: most grids hold a table, and many have issues
    expect(stats.tables).toBeGreaterThan(200);
    expect(stats.issues).toBeGreaterThan(100);
  });
  it("survives malformed models from a host (null rows, missing grids)", () => {
    const t1 = BUILTIN_DEFINITIONS[0]?.columns.map((c) => c.header) ?? [];
    const bad = {
      sheets: [{ name: "a", values: [t1, null, undefined, [null, "x"]] }, { name: "b" }, null],
    } as unknown as Parameters<typeof validateWorkbook>[0];
    const r = validateWorkbook(bad);
    expect(r.tables.map((t) => t.sheet)).toEqual(["a"]);
    expect(r.tables[0]?.records).toHaveLength(1);
    expect(r.issues.every((i) => i.sheet === "a")).toBe(true);
  });
  it("a real header row is always found, wherever it is", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 6 }), fc.integer({ min: 0, max: 3 }), (above, ti) => {
        const t = BUILTIN_DEFINITIONS[ti];
        if (!t) return;
        // rows above the header must not look like a header themselves
        const clean = above.map((r) => r.map((v) => (typeof v === "string" ? "x" : v)));
        const values: CellValue[][] = [...clean, t.columns.map((c) => c.header)];
        const r = validateWorkbook({ sheets: [{ name: "任意", values }] });
        expect(r.tables.map((x) => x.tableId)).toEqual([t.id]);
      }),
      { numRuns: 200 }
    );
  });
});

describe("money is exact to the fen", () => {
  it("any amounts, as numbers or as text, sum to the exact total in fen", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 ** 13 }), fc.boolean()), {
          minLength: 1,
          maxLength: 40,
        }),
        (amounts) => {
          const header = BUILTIN_DEFINITIONS[2]?.columns.map((c) => c.header) ?? [];
          const at = header.indexOf("金额（元）");
          const rows: CellValue[][] = amounts.map(([fen, asText], i) => {
            const row: CellValue[] = header.map(() => null);
            row[0] = `项目${i}`;
            row[1] = "其他";
            const yuan = `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, "0")}`;
            row[at] = asText ? yuan : fen / 100;
            return row;
          });
          const r = validateWorkbook({ sheets: [{ name: "表3", values: [header, ...rows] }] });
          const exact = amounts.reduce((s, [fen]) => s + BigInt(fen), 0n);
          const figure = r.tables[0]?.figures.find((f) => f.id === "T3/金额（元）");
          expect(r.issues.filter((i) => i.rule === "G-02" && i.severity === "error")).toEqual([]);
          if (exact <= BigInt(Number.MAX_SAFE_INTEGER))
            expect(BigInt(figure?.value ?? -1)).toBe(exact);
          else expect(figure).toBeUndefined();
        }
      ),
      { numRuns: 300 }
    );
  });
});
