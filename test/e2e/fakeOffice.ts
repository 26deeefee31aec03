/**
 * The Office helper's fake Office/Excel (test/fakes/fake-excel.ts) as a script for a browser
 * page: bundled with esbuild (tsx's own dependency) and served for Microsoft's office.js URL, so
 * the production taskpane.html starts on it exactly as it would on office.js. The runtime is at
 * `window.__fakeOffice` for the test to inspect.
 */
import path from "node:path";
import { build } from "esbuild";
import type { Browser } from "playwright-core";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { ensureBuilt } from "./build";
import { launchChromium } from "./chromium";
import { makeFixtureWorkbook } from "./fixture";
import { serveStatic, type StaticServer } from "./serve";
import type { CellValue, WorkbookModel } from "../../src/core/model";
import type { FakeCell, FakeOfficeOptions, FakeSheetSpec } from "../fakes/fake-excel";

let bundled: Promise<string> | undefined;

function bundleFake(): Promise<string> {
  bundled ??= build({
    entryPoints: [path.resolve(__dirname, "../fakes/fake-excel.ts")],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "FakeOfficeModule",
    platform: "browser",
    target: "es2022",
    logLevel: "silent",
  }).then((r) => r.outputFiles[0]!.text);
  return bundled;
}

/** A model cell as the fake holds it (dates as serial numbers, blanks as null). */
function fakeCell(v: CellValue): FakeCell {
  if (v === undefined || v === null) return null;
  if (typeof v === "object" && "formula" in v) return `=${v.formula}`; // never computed
  if (typeof v === "object") return "error" in v ? { error: v.error } : v.date;
  return v;
}

/** The fake's sheets for a workbook read from an .xlsx file. */
export function fakeSheets(model: WorkbookModel): FakeSheetSpec[] {
  return model.sheets.map((s) => ({
    name: s.name,
    values: s.values.map((row) => Array.from(row, fakeCell)),
    formats: s.formats?.map((row) => (row ? Array.from(row) : [])),
  }));
}

/** The office.js replacement: the fake, installed on window with these options. */
export async function fakeOfficeScript(options: FakeOfficeOptions): Promise<string> {
  const code = await bundleFake();
  return `${code}\nwindow.__fakeOffice = FakeOfficeModule.installFakeOffice(window, ${JSON.stringify(options)});\n`;
}

/** What the task-pane tests start from: the built pages served, Chromium, the fixture's sheets. */
export interface PaneEnvironment {
  readonly browser: Browser;
  readonly server: StaticServer;
  readonly sheets: FakeSheetSpec[];
}

export async function paneEnvironment(): Promise<PaneEnvironment> {
  const [dir, browser, bytes] = await Promise.all([
    ensureBuilt(),
    launchChromium(),
    makeFixtureWorkbook(),
  ]);
  return { browser, server: await serveStatic(dir), sheets: fakeSheets(readXlsx(bytes)) };
}

