/**
 * The examples of the domain documentation stay true: every fenced block of docs/*.md that starts
 * with `$ bureau-stats …` is run, and what it prints must be the rest of the block (a line `…`
 * alone leaves out part of the output: the parts around it must appear in that order). The
 * worked example's workbooks (docs/examples/*.xlsx) must hold the sheets the documentation shows.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { loadDefinitions, type TableDefinition } from "../../src/core/definitions";
import {
  DEFINITIONS_SHEET,
  definitionsSheetGrid,
  readDefinitionsSheet,
} from "../../src/core/definitions/sheet";
import type { CellValue } from "../../src/core";
import { cli } from "./harness";

const ROOT = path.join(__dirname, "../..");
const DOCS = ["definitions.md", "wording.md", "checks.md", "cli.md"];
const EXAMPLES = path.join(ROOT, "docs", "examples");

interface Example {
  readonly doc: string;
  readonly argv: readonly string[];
  readonly expected: string;
}

/**
 * The `$ bureau-stats …` blocks of a Markdown text.
 * @example examplesOf("x.md", "```\n$ bureau-stats definitions check a.json\na.json：定义有效\n```")
 * // [{ doc: "x.md", argv: ["definitions", "check", "a.json"], expected: "a.json：定义有效" }]
 */
function examplesOf(doc: string, text: string): Example[] {
  const out: Example[] = [];
  for (const m of text.matchAll(/^```[a-z]*\n\$ bureau-stats ([^\n]*)\n([\s\S]*?)^```$/gm)) {
    const argv = (m[1] ?? "").trim().split(/\s+/);
    out.push({ doc, argv, expected: (m[2] ?? "").replace(/\n$/, "") });
  }
  return out;
}

/**
 * Whether `output` holds each part of `expected` (split at lines `…`) in order; the first part
 * must start the output and the last end it when no `…` stands before or after them.
 */
function matches(output: string, expected: string): boolean {
  const parts = expected.split(/^…$/m);
  if (parts.length === 1) return output === expected;
  let at = 0;
  for (const [i, raw] of parts.entries()) {
    const part = i === 0 ? raw.replace(/\n$/, "") : raw.replace(/^\n/, "").replace(/\n$/, "");
    if (part === "") continue;
    const found = output.indexOf(part, at);
    if (found < 0 || (i === 0 && found !== 0)) return false;
    at = found + part.length;
  }
  return parts[parts.length - 1] === "" || at === output.length;
}

const examples = DOCS.flatMap((doc) =>
  examplesOf(doc, readFileSync(path.join(ROOT, "docs", doc), "utf8"))
);

describe("the command-line examples of docs/", () => {
  it("finds examples in every page that has some", () => {
    expect(examples.filter((e) => e.doc === "definitions.md").length).toBeGreaterThanOrEqual(4);
    expect(examples.filter((e) => e.doc === "wording.md").length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples.map((e) => [`${e.doc}: bureau-stats ${e.argv.join(" ")}`, e] as const))(
    "%s prints what the page shows",
    async (_name, e) => {
      const r = await cli(...e.argv);
      // stderr comes first, as in a terminal (each notice on a line of its own)
      const output = (r.stderr + r.stdout).replace(/\n$/, "");
      expect(matches(output, e.expected), `${e.doc} no longer matches:\n${output}`).toBe(true);
    },
    30_000
  );

  it("matches an abridged example part by part", () => {
    expect(matches("a\nb\nc\nd", "a\n…\nc\n…")).toBe(true);
    expect(matches("a\nb\nc\nd", "a\n…\nd")).toBe(true);
    expect(matches("a\nb\nc\nd", "b\n…")).toBe(false);
    expect(matches("a\nb\nc\nd", "a\n…\nc")).toBe(false);
    expect(matches("a\nb", "a\nb")).toBe(true);
    expect(matches("a\nb", "a")).toBe(false);
  });
});

function sheetsOf(file: string): ReadonlyArray<{ name: string; values: CellValue[][] }> {
  return readXlsx(new Uint8Array(readFileSync(path.join(EXAMPLES, file)))).sheets as never;
}

/** A grid as written: trailing blanks of each row and trailing empty rows left out. */
function trimmed(values: readonly (readonly unknown[])[]): unknown[][] {
  const rows = values.map((r) => {
    const row = r.map((v) => (v === undefined || v === "" ? null : v));
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (rows.length > 0 && rows[rows.length - 1]?.length === 0) rows.pop();
  return rows;
}

describe("the worked example's workbooks", () => {
  const sheets = (
    JSON.parse(readFileSync(path.join(EXAMPLES, "volunteer-sheets.json"), "utf8")) as {
      sheets: Array<{ name: string; values: unknown[][] }>;
    }
  ).sheets;
  const definitions = (
    JSON.parse(readFileSync(path.join(EXAMPLES, "volunteer-definitions.json"), "utf8")) as {
      tables: unknown[];
    }
  ).tables;

  it("volunteer-2013.xlsx holds the two sheets of volunteer-sheets.json", () => {
    const book = sheetsOf("volunteer-2013.xlsx");
    expect(book.map((s) => s.name)).toEqual(sheets.map((s) => s.name));
    book.forEach((s, i) => expect(trimmed(s.values)).toEqual(trimmed(sheets[i]?.values ?? [])));
  });

  it("the unit's copy carries the 2013 sheet and a 报表定义 in which T5-01 is only a warning", () => {
    const book = sheetsOf("volunteer-2013-unit-copy.xlsx");
    expect(book.map((s) => s.name)).toEqual([sheets[0]?.name, DEFINITIONS_SHEET]);
    expect(trimmed(book[0]?.values ?? [])).toEqual(trimmed(sheets[0]?.values ?? []));
    const relaxed: TableDefinition[] = loadDefinitions(definitions).map((t) => ({
      ...t.def,
      rules: t.def.rules.map((r) => (r.id === "T5-01" ? { ...r, severity: "warning" } : r)),
    }));
    // written before definitions had a version: its 表 row has none, and it reads as the current form
    const older = relaxed.map(
      (t) =>
        Object.fromEntries(Object.entries(t).filter(([k]) => k !== "version")) as TableDefinition
    );
    expect(trimmed(book[1]?.values ?? [])).toEqual(trimmed(definitionsSheetGrid(older)));
    const read = readDefinitionsSheet({ name: DEFINITIONS_SHEET, values: book[1]?.values ?? [] });
    expect(read.map((t) => t.def)).toEqual(relaxed);
    expect(relaxed[0]?.version).toBe(2);
  });

  const doc = readFileSync(path.join(ROOT, "docs", "definitions.md"), "utf8");

  it("docs/definitions.md shows volunteer-definitions.json as it is", () => {
    const shown = /### 1\. The definition[\s\S]*?```json\n([\s\S]*?)\n```/.exec(doc)?.[1];
    expect(shown).toBeDefined();
    expect(JSON.parse(shown ?? "")).toEqual({ tables: definitions });
  });

  it("docs/definitions.md shows the 2013 sheet's rows as volunteer-sheets.json holds them", () => {
    const rows = trimmed(sheets[0]?.values ?? []).slice(3, -1);
    expect(rows.length).toBe(7);
    for (const row of rows) {
      const cells = [...row.map((v) => String(v ?? "")), ...Array<string>(9).fill("")].slice(0, 9);
      expect(doc).toContain(`| ${cells.join(" | ")} |`.replace(/ {2}/g, " "));
    }
  });

  it("docs/definitions.md shows the 报表定义 sheet of the example as the code writes it", () => {
    const grid = definitionsSheetGrid(loadDefinitions(definitions).map((t) => t.def));
    for (const row of grid) {
      const line = `| ${row.map((v) => v.replace(/\|/g, "\\|")).join(" | ")} |`;
      expect(doc, `definitions.md lacks the row ${line}`).toContain(line.replace(/ {2}/g, " "));
    }
  });
});
