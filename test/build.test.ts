/**
 * Build hygiene: the pages' build (webpack.config.js, which cleans its output folder)
 * keeps the command line's bundle (dist/cli.js and its chunks), and bin/bureau-stats.js never
 * falls back to running the sources when the bundle is missing.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = path.join(__dirname, "..");
const tmp = mkdtempSync(path.join(os.tmpdir(), "bureau-stats-build-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("build hygiene: the pages' build keeps the CLI bundle", () => {
  it("the pages' build cleans its folder but keeps cli.js and cli-*.js", () => {
    const out = path.join(tmp, "dist");
    mkdirSync(out);
    for (const f of ["cli.js", "cli-388.js", "taskpane.0123abcd.js", "clinic.txt"])
      writeFileSync(path.join(out, f), "// old\n");
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"),
        "--mode",
        "development",
        "--env",
        `out=${out}`,
      ],
      { cwd: ROOT, stdio: "pipe", env: { ...process.env, NODE_OPTIONS: "" } }
    );
    const files = readdirSync(out);
    expect(files).toContain("cli.js");
    expect(files).toContain("cli-388.js");
    expect(files).not.toContain("taskpane.0123abcd.js"); // the clean really ran
    expect(files).not.toContain("clinic.txt");
    expect(files).toContain("taskpane.html");
  }, 300_000);

  it("bin/bureau-stats.js without dist/cli.js says how to build it, exits 2 and never runs the sources", () => {
    const copy = path.join(tmp, "installed");
    mkdirSync(path.join(copy, "src", "cli"), { recursive: true });
    cpSync(path.join(ROOT, "bin"), path.join(copy, "bin"), { recursive: true });
    writeFileSync(path.join(copy, "src", "cli", "index.ts"), 'console.log("SOURCES RAN");\n');
    symlinkSync(path.join(ROOT, "node_modules"), path.join(copy, "node_modules")); // tsx is there
    const r = spawnSync(process.execPath, [path.join(copy, "bin", "bureau-stats.js"), "--help"], {
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim()).toBe(
      "bureau-stats：找不到 dist/cli.js（命令行尚未构建）。请在项目目录运行 npm run build:cli（或 npm ci）后再试。"
    );
    expect(existsSync(path.join(copy, "dist"))).toBe(false);
  });
});
