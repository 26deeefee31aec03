// docs/rules.md is generated from the code and the built-in definitions (scripts/docs-rules.ts):
// this test fails when the committed page no longer says what the checks say.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cell, RULES_FILE, rulesPage } from "../../scripts/docs-rules";
import { GENERIC_MESSAGES } from "../../src/core/messages";
import { TEMPLATES } from "../../src/core/templates";

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
    for (const t of TEMPLATES)
      for (const r of t.rules) expect(page).toContain(`| ${r.id} | \`${r.code}\` |`);
  });

  it("keeps a rule's `||` inside its table cell", () => {
    expect(cell("a || b")).toBe("a \\|\\| b");
    expect(rulesPage()).not.toMatch(/[^\\]\|\|/);
  });
});
