import { defineConfig } from "vitest/config";

/** Every test file. */
const ALL = ["test/**/*.test.ts", "test/**/*.test.tsx"];

/**
 * Test files that need more than Node and xmllint: headless Chromium (test/e2e), LibreOffice
 * (the .xlsx round trip, the .docx → PDF check), a webpack build (the pane bundle, the WPS
 * build, dist/cli.js for the real `bin/bureau-stats.js` processes), or that fuzz for minutes.
 * Everything else is the `unit` project: `npm run test:unit`. Its files share one module registry
 * per worker (isolate: false), which halves its CPU time; a unit test must therefore leave no
 * global state behind (restore any fake Office/WPS global it installs).
 */
const NEEDS_MORE = [
  "test/e2e/**/*.test.ts",
  "test/build.test.ts",
  "test/wps-build.test.ts",
  "test/pane-build.test.ts",
  "test/cli/installed.test.ts",
  "test/hosts/xlsx-libreoffice.test.ts",
  "test/render/**/*.test.ts",
  "test/reliability/fuzz.test.ts",
  "test/reliability/hostile-files.test.ts",
  "test/reliability/nothing-lost.test.ts",
];

/**
 * Unit test files that replace a module with `vi.mock`: a mock needs a module registry of its own,
 * so these run isolated (the `unit-mocks` project; `npm run test:unit` runs it with `unit`).
 */
const MOCKS_MODULES = ["test/core/read-detect-once.test.ts"];

export default defineConfig({
  test: {
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ALL,
          exclude: [...NEEDS_MORE, ...MOCKS_MODULES],
          isolate: false,
        },
      },
      { extends: true, test: { name: "unit-mocks", include: MOCKS_MODULES } },
      { extends: true, test: { name: "integration", include: NEEDS_MORE } },
    ],
  },
});
