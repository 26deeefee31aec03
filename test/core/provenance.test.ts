/**
 * Property: the provenance of the draft is honest. Every number written (`draft.figures`) is read
 * again from the workbook by its A1 ranges (test/core/provenance-check.ts, without the core's
 * readers) and adds up to its value; every change, growth and rate follows from its cells; each
 * number sits at its place in the text; every ASCII digit of the text belongs to a number, a
 * phrase's own words or a cell's text; and each 【待核】 mark and the numbers it lists agree. On
 * the samples, a bureau's own tables, and random workbooks, under every drafting option.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeWorkbook, type AnalyzeOptions } from "../../src/core/analyze";
import {
  COMPILED_BUILTINS,
  loadDefinitions,
  type CompiledDefinition,
} from "../../src/core/definitions";
import { phrasesOf, type DraftOptions } from "../../src/core/draft";
import type { WorkbookModel } from "../../src/core/model";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { checkProvenance, parseCell } from "./provenance-check";
import { mutatedWorkbook, randomWorkbook } from "./provenance-workbooks";

const SAMPLES = path.join(__dirname, "../../assets/samples");
const read = (file: string): WorkbookModel =>
  readXlsx(new Uint8Array(readFileSync(path.join(SAMPLES, file))));

/** Every drafting option that changes how a number is written or placed. */
const OPTIONS: DraftOptions[] = (["exact", "approximate"] as const).flatMap((numberStyle) =>
  (["元", "万元"] as const).flatMap((moneyUnit) =>
    [false, true].flatMap((nameYear) =>
      (["none", "一、", "（一）"] as const).map((headings) => ({
        numberStyle,
        moneyUnit,
        nameYear,
        headings,
      }))
    )
  )
);

function problemsOf(
  wb: WorkbookModel,
  draft: DraftOptions,
  definitions: readonly CompiledDefinition[] = COMPILED_BUILTINS
): string[] {
  const options: AnalyzeOptions = { draft, definitions };
  const a = analyzeWorkbook(wb, options);
  return checkProvenance(wb, a, phrasesOf(definitions.map((d) => d.def)));
}

describe("the draft's provenance, on the samples", () => {
  const samples = ["bureau-stats-2013.xlsx", "bureau-stats-2013-mistakes.xlsx"];
  for (const file of samples)
    it(`${file}: every number adds up, is placed and is covered, under every option`, () => {
      const wb = read(file);
      for (const draft of OPTIONS) expect(problemsOf(wb, draft), JSON.stringify(draft)).toEqual([]);
      const a = analyzeWorkbook(wb);
      // not vacuous: the draft writes many numbers, with their comparisons
      expect(a.draft.figures.length).toBeGreaterThan(40);
      expect(new Set(a.draft.figures.map((f) => f.kind))).toEqual(
        new Set(["sum", "change", "percent", "rate"])
      );
    });

  it("a bureau's own tables, with their definitions", () => {
    const json = JSON.parse(
      readFileSync(path.join(SAMPLES, "other-bureau", "other-bureau-definitions.json"), "utf8")
    ) as { tables: unknown[] };
    const definitions = loadDefinitions(json.tables);
    const wb = read("other-bureau/other-bureau-2013.xlsx");
    for (const draft of OPTIONS)
      expect(problemsOf(wb, draft, definitions), JSON.stringify(draft)).toEqual([]);
    expect(analyzeWorkbook(wb, { definitions }).draft.figures.length).toBeGreaterThan(5);
  });
});

/** Options the samples do not vary: no comparison, a number style for single figures. */
const moreOptions: fc.Arbitrary<DraftOptions> = fc.record({
  includeComparison: fc.boolean(),
  figureStyles: fc.constantFrom<Record<string, "exact" | "approximate">>(
    {},
    { "T3/金额（元）/慰问金": "approximate" },
    { "T1/发展预备党员": "approximate", "T4/受理数/来电": "exact" }
  ),
});

describe("the draft's provenance, on random workbooks", () => {
  it("every number adds up to its cells, is placed, covered and marked as it should", () => {
    const seen = {
      figures: 0,
      leftOut: 0,
      groups: 0,
      unverified: 0,
      previous: 0,
      given: 0,
      times: 0,
    };
    fc.assert(
      fc.property(randomWorkbook, fc.constantFrom(...OPTIONS), moreOptions, (wb, options, more) => {
        const draft = { ...options, ...more };
        const a = analyzeWorkbook(wb, { draft });
        seen.figures += a.draft.figures.length;
        for (const f of a.draft.figures) {
          if (f.cells.some((c) => c.leftOut)) seen.leftOut++;
          if (f.cells.some((c) => c.ranges.length > 1)) seen.groups++;
          if (f.unverified) seen.unverified++;
          if (f.cells.some((c) => c.role === "previous")) seen.previous++;
          if (f.cells.some((c) => c.part === "given")) seen.given++;
          if (f.text.endsWith("倍")) seen.times++;
        }
        const phrases = phrasesOf(COMPILED_BUILTINS.map((d) => d.def));
        expect(checkProvenance(wb, a, phrases)).toEqual([]);
      }),
      {
        numRuns: Number(process.env.CORE_PROPERTY_RUNS ?? 300),
        seed: Number(process.env.PROVENANCE_SEED ?? 20131231),
      }
    );
    // not vacuous: numbers written, cells left out, groups in several runs, marks, comparisons
    expect(seen.figures).toBeGreaterThan(3000);
    expect(seen.leftOut).toBeGreaterThan(20);
    expect(seen.groups).toBeGreaterThan(100);
    expect(seen.unverified).toBeGreaterThan(100);
    expect(seen.previous).toBeGreaterThan(500);
    expect(seen.given).toBeGreaterThan(20);
    expect(seen.times).toBeGreaterThan(20);
  });
});

describe("the draft's provenance, on the samples with random numbers", () => {
  const json = JSON.parse(
    readFileSync(path.join(SAMPLES, "other-bureau", "other-bureau-definitions.json"), "utf8")
  ) as { tables: unknown[] };
  const cases: [string, CompiledDefinition[] | readonly CompiledDefinition[]][] = [
    ["bureau-stats-2013.xlsx", COMPILED_BUILTINS],
    ["bureau-stats-2013-mistakes.xlsx", COMPILED_BUILTINS],
    ["other-bureau/other-bureau-2013.xlsx", loadDefinitions(json.tables)],
  ];
  for (const [file, definitions] of cases)
    it(`${file}: every number still adds up, is placed, covered and marked`, () => {
      const phrases = phrasesOf(definitions.map((d) => d.def));
      fc.assert(
        fc.property(mutatedWorkbook(read(file)), fc.constantFrom(...OPTIONS), (wb, draft) => {
          const a = analyzeWorkbook(wb, { draft, definitions });
          expect(checkProvenance(wb, a, phrases)).toEqual([]);
        }),
        {
          numRuns: Number(process.env.CORE_PROPERTY_RUNS ?? 300) / 3,
          seed: Number(process.env.PROVENANCE_SEED ?? 2013),
        }
      );
    });
});

describe("the provenance check can fail", () => {
  const wb = read("bureau-stats-2013.xlsx");
  const a = analyzeWorkbook(wb, { draft: { nameYear: true } });
  const phrases = phrasesOf(COMPILED_BUILTINS.map((d) => d.def));
  const withFigures = (figures: typeof a.draft.figures) => ({
    ...a,
    draft: { ...a.draft, figures },
  });

  it("finds a value that does not add up, a number out of place and a number without an entry", () => {
    expect(checkProvenance(wb, a, phrases)).toEqual([]);
    const [first, ...rest] = a.draft.figures;
    if (!first) throw new Error("no figures");
    const wrong = withFigures([{ ...first, value: first.value + 1 }, ...rest]);
    expect(checkProvenance(wb, wrong, phrases).join("\n")).toMatch(/add up to/);
    const moved = withFigures([{ ...first, start: first.start + 1, end: first.end + 1 }, ...rest]);
    expect(checkProvenance(wb, moved, phrases).join("\n")).toMatch(/text at/);
    expect(checkProvenance(wb, withFigures(rest), phrases).join("\n")).toMatch(/have no entry/);
  });

  it("finds a 合计 said to agree that does not", () => {
    const f = a.draft.figures.find(
      (x) => x.kind === "sum" && /与合计[A-Z]+\d+相符/.test(x.formula)
    );
    const total = f?.cells.find((c) => c.role === "total");
    if (!f || !total) throw new Error("no column total");
    const { row, col } = parseCell(total.ranges[0] ?? "");
    const sheets = wb.sheets.map((s) =>
      s.name !== total.sheet
        ? s
        : {
            ...s,
            values: (s.values ?? []).map((r, i) =>
              i === row ? r.map((v, j) => (j === col ? f.value + 1 : v)) : r
            ),
          }
    );
    expect(checkProvenance({ sheets }, a, phrases).join("\n")).toMatch(/said to agree/);
  });
});
