// docs/rules.md is generated from the code and the built-in definitions (scripts/docs-rules.ts):
// this test fails when the committed page no longer says what the checks say.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cell, GENERIC_CODES, RULES_FILE, rulesPage } from "../../scripts/docs-rules";
import { GENERIC_MESSAGES } from "../../src/core/messages";
import { BUILTIN_DEFINITIONS } from "../../src/core/definitions";
import { validateWorkbook } from "../../src/core/validate";
import { readXlsx } from "../../src/hosts/xlsx/read";

describe("docs/rules.md", () => {
  it("is what `npm run docs:rules` writes (run it after changing a rule or a message)", () => {
    const committed = readFileSync(RULES_FILE, "utf8");
    expect(committed, "docs/rules.md is out of date: run `npm run docs:rules`").toBe(rulesPage());
  });

  it("lists every generic message and every built-in rule code", () => {
    const page = rulesPage();
    for (const [code, message] of Object.entries(GENERIC_MESSAGES)) {
      expect(page).toContain(`\`${code}\``);
      expect(page).toContain(cell(message));
    }
    for (const t of BUILTIN_DEFINITIONS)
      for (const r of t.rules) expect(page).toContain(`| ${r.id} | \`${r.code}\` |`);
  });

  it("keeps a rule's `||` inside its table cell", () => {
    expect(cell("a || b")).toBe("a \\|\\| b");
    expect(rulesPage()).not.toMatch(/[^\\]\|\|/);
  });
});

describe("the generic codes' rule and severity on docs/rules.md", () => {
  it("are those the checks report on the sample that breaks every rule", () => {
    const file = path.join(__dirname, "../../assets/samples/bureau-stats-2013-mistakes.xlsx");
    const issues = validateWorkbook(readXlsx(new Uint8Array(readFileSync(file)))).issues;
    const listed = GENERIC_CODES as Readonly<Record<string, readonly [string, string]>>;
    const seen = new Set<string>();
    for (const issue of issues) {
      const code =
        issue.code.startsWith("lenient-") && !(issue.code in listed)
          ? "lenient-number"
          : issue.code;
      const entry = listed[code];
      if (!entry) continue; // a table rule's own code
      seen.add(code);
      if (entry[0] !== "") expect([code, issue.rule]).toEqual([code, entry[0]]);
      expect([code, issue.severity]).toEqual([code, entry[1]]);
    }
    // the sample reaches most generic codes (not all: some need two files or a huge sum)
    expect(seen.size).toBeGreaterThanOrEqual(10);
  });
});
