/**
 * The lint rule of eslint.config.mjs that keeps hosts, UI and CLI on the core's public entry
 * (src/core/index.ts): ESLint, with the project's own config, on snippets placed at their paths.
 */
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
const RULES = new Set(["no-restricted-imports", "no-restricted-syntax"]);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The messages of the entry rule for `code` linted as if it were the file at `file`. */
async function entryErrors(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
  return result!.messages.filter((m) => RULES.has(m.ruleId ?? "")).map((m) => m.message);
}

describe("hosts, UI and CLI import the core through its entry only", () => {
  it.each([
    [
      "a value import",
      "src/hosts/xlsx/probe.ts",
      'import { a1 } from "../../core/model";\nexport const x = a1(0, 0);\n',
    ],
    [
      "a type-only import",
      "src/hosts/wps/probe.ts",
      'import type { Issue } from "../../core/issues";\nexport type X = Issue;\n',
    ],
    [
      "a named re-export",
      "src/hosts/office/probe.ts",
      'export { readDefinitionsSheet } from "../../core/definitions/sheet";\n',
    ],
    [
      "a re-export of everything",
      "src/taskpane/components/Probe.tsx",
      'export * from "../../core/merge";\n',
    ],
    [
      "the .docx renderer imported statically",
      "src/taskpane/probe.ts",
      'import { renderDocx } from "../core/render/docx";\nexport const r = renderDocx;\n',
    ],
    [
      "the definitions drafter imported statically",
      "src/taskpane/probe.ts",
      'import { draftDefinitions } from "../core/definitions/draft";\nexport const d = draftDefinitions;\n',
    ],
    [
      "import() of a drafter module",
      "src/taskpane/probe.ts",
      'export const load = () => import("../core/definitions/draft/layout");\n',
    ],
    [
      "a value import",
      "src/cli/probe.ts",
      'import { formatSerial } from "../core/read/dates";\nexport const f = formatSerial;\n',
    ],
    [
      "import() of a module",
      "src/taskpane/probe.ts",
      'export const load = () => import("../core/validate");\n',
    ],
    [
      "import() with a comment",
      "src/hosts/xlsx/probe.ts",
      'export const load = () => import(/* c */ "../../core/render/html");\n',
    ],
  ])("%s of a core module in %s is an error", async (_what, file, code) => {
    const errors = await entryErrors(code, file);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain("Import the core through its public entry");
  });

  it("the entry itself, and the .docx renderer and the definitions drafter loaded on demand, are allowed", async () => {
    const code = [
      'import { a1, type Issue } from "../../core";',
      "export const x = a1(0, 0);",
      "export type X = Issue;",
      'export const docx = () => import("../../core/render/docx");',
      'export const draft = () => import("../../core/definitions/draft");',
      "",
    ].join("\n");
    expect(await entryErrors(code, "src/hosts/xlsx/probe.ts")).toEqual([]);
    expect(await entryErrors(code.replaceAll("../../core", "../core"), "src/cli/probe.ts")).toEqual(
      []
    );
  });

  it("the core's own modules import each other directly", async () => {
    const code = 'import { a1 } from "../model";\nexport const x = a1(0, 0);\n';
    expect(await entryErrors(code, "src/core/validate/probe.ts")).toEqual([]);
  });

  it("a package whose path holds a core folder is not the project's core", async () => {
    const code = 'import { x } from "some-lib/core/thing";\nexport const y = x;\n';
    expect(await entryErrors(code, "src/taskpane/probe.ts")).toEqual([]);
  });
});
