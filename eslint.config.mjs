// Lint: office-addin-lint runs ESLint with this file (it prefers a project eslint.config.mjs).
// The Office add-in rules (load before read, sync after load, no sync in loops …) come from
// eslint-plugin-office-addins; on top of them, a boundary rule keeps src/core pure, and another
// lets hosts, UI and CLI import the core through its public entry only.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";
import globals from "globals";

const coreBoundary = {
  patterns: [
    { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "src/core is pure TypeScript: no React." },
    { group: ["@fluentui/*"], message: "src/core is pure TypeScript: no UI library." },
    { group: ["office-addin-*", "@microsoft/office-js", "@types/office-js"], message: "src/core must not depend on Office." },
    { group: ["node:*", "fs", "path", "os", "child_process", "worker_threads", "zlib", "buffer"], message: "src/core runs in the browser too: no Node modules." },
    { group: ["**/hosts/*", "**/hosts", "**/taskpane/*", "**/taskpane", "**/cli/*", "**/cli"], message: "src/core must not import hosts, UI or CLI." },
    { group: ["exceljs", "docx"], message: "src/core: heavy libraries are loaded by hosts/renderers on demand, not by the validation core." },
  ],
};

// Hosts, UI and CLI see the core through its public entry only (src/core/index.ts, imported as
// "../core"): what they may use is what the entry exports, so the core's modules can be split,
// renamed or deleted without touching them. no-restricted-imports sees static imports and
// re-exports; a selector does the same for import(), which may load the .docx renderer or the
// definitions drafter on demand (`await import("../core/render/docx")`,
// `"../core/definitions/draft"`): the two other entries.
// The bundles stay as small as with deep imports: webpack treats src/core as free of side effects
// (CORE_SIDE_EFFECT_FREE in webpack.config.js) and bundles only the modules whose exports are used.
const CORE_ENTRY_MESSAGE =
  'Import the core through its public entry (src/core/index.ts: "../core"), not its modules.';
const coreEntryOnly = {
  patterns: [{ regex: "^\\.{1,2}/(.*/)?core/.+", message: CORE_ENTRY_MESSAGE }],
};
// the same for import(), but for the .docx renderer and the definitions drafter (esquery's regex
// may not hold a "/": \x2F)
const coreDynamicImport = {
  selector:
    "ImportExpression[source.value=/^\\.{1,2}\\x2F(.*\\x2F)?core\\x2F(?!(render\\x2Fdocx|definitions\\x2Fdraft)$)./]",
  message: CORE_ENTRY_MESSAGE,
};

// The pages run in EdgeHTML (Edge 18) too, the task pane's webview in Office on Windows without
// WebView2: it cannot compile lookbehind, named groups or the s flag (all newer), and no polyfill
// can add regular-expression syntax (src/taskpane/legacy.ts).
const OLD_ENGINE_REGEX_MESSAGE =
  "Edge 18 (EdgeHTML, Office without WebView2) cannot compile this regular expression: no lookbehind, named groups or s flag.";
const oldEngineRegex = [
  { selector: "Literal[regex.pattern=/\\(\\?</]", message: OLD_ENGINE_REGEX_MESSAGE },
  { selector: "Literal[regex.flags=/s/]", message: OLD_ENGINE_REGEX_MESSAGE },
];

export default [
  { ignores: ["dist/**", "node_modules/**", "coverage/**", "assets/**"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser, ...globals.node, Office: "readonly", Excel: "readonly", OfficeExtension: "readonly" },
    },
    rules: {
      "no-undef": "off", // TypeScript checks this, and knows the DOM and Office types
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
    },
  },
  {
    // a function says one thing: past 120 lines (blank lines and comments not counted), split it
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "max-lines-per-function": ["error", { max: 120, skipBlankLines: true, skipComments: true }],
      "no-restricted-syntax": ["error", ...oldEngineRegex],
    },
  },
  {
    files: ["src/core/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", coreBoundary],
      "no-restricted-globals": [
        "error",
        { name: "window", message: "src/core has no DOM." },
        { name: "document", message: "src/core has no DOM." },
        { name: "navigator", message: "src/core has no DOM." },
        { name: "localStorage", message: "src/core has no DOM." },
        { name: "Excel", message: "Office.js belongs in src/hosts/office." },
        { name: "Office", message: "Office.js belongs in src/hosts/office." },
        { name: "process", message: "src/core runs in the browser too." },
        { name: "require", message: "src/core uses ES imports only." },
      ],
      "no-new-func": "error",
      "no-eval": "error",
    },
  },
  {
    files: ["src/hosts/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}", "src/cli/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", coreEntryOnly],
      "no-restricted-syntax": ["error", coreDynamicImport, ...oldEngineRegex],
    },
  },
];
