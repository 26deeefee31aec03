/**
 * The quick benchmark run is wired: CI runs `npm run bench -- --quick` after the tests, every part
 * of bench/run.ts hands the options to its module, and each module sizes itself down when
 * `options.quick`. Read from the files: the benchmarks themselves are not run here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { benchOptions } from "../../bench/options";
import { formatTargets, verdict, type Target } from "../../bench/report";

const ROOT = join(__dirname, "..", "..");
const read = (file: string): string => readFileSync(join(ROOT, file), "utf8");

/** The commands of a shell script, comments and blank lines left out. */
function commands(script: string): string[] {
  return script
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

/** Each entry of BENCHES in bench/run.ts: its name, the module it imports and the function it calls. */
function entries(): { name: string; module: string; fn: string; passes: boolean }[] {
  const run = read("bench/run.ts");
  const found = [
    ...run.matchAll(
      /name: "([\w-]+)",[^}]*?run: async \((\w*)\) =>\s*\(await import\("\.\/([\w-]+)"\)\)\.(\w+)\((\w*)\)/g
    ),
  ];
  return found.map((m) => ({
    name: m[1] ?? "",
    module: m[3] ?? "",
    fn: m[4] ?? "",
    passes: m[2] !== "" && m[2] === m[5],
  }));
}

const PARTS = ["core", "cli", "hostile", "start", "office", "merge", "wps", "pane"];

describe("quick benchmark run", () => {
  it("is run by CI after the tests", () => {
    const lines = commands(read(".ci/run"));
    const tests = lines.indexOf("npm test");
    const bench = lines.indexOf("npm run bench -- --quick");
    expect(tests).toBeGreaterThanOrEqual(0);
    expect(bench).toBeGreaterThan(tests);
  });

  it("hands the options to every part's module", () => {
    const found = entries();
    expect(found.map((e) => e.name)).toEqual(PARTS);
    for (const e of found)
      expect({ part: e.name, passes: e.passes }).toEqual({ part: e.name, passes: true });
  });

  it.each(entries())("$name: bench/$module.ts sizes itself down when quick", ({ module, fn }) => {
    const source = read(`bench/${module}.ts`);
    expect(source).toMatch(new RegExp(`export async function ${fn}\\(options: BenchOptions`));
    expect(source).toMatch(/options\.quick \?/);
  });

  it("is asked for by --quick or BENCH_QUICK=1", () => {
    expect(benchOptions(["merge", "--quick"], {})).toEqual({ quick: true });
    expect(benchOptions([], { BENCH_QUICK: "1" })).toEqual({ quick: true });
    expect(benchOptions(["merge"], { BENCH_QUICK: "0" })).toEqual({ quick: false });
  });

  it("judges no target", () => {
    const missed: Target = { part: "cli", what: "time", figure: "2 s", limit: "≤ 1 s", met: false };
    expect(verdict(missed, { quick: false })).toBe("MISSED");
    expect(verdict(missed, { quick: true })).toBe("not judged (quick)");
    const table = formatTargets([missed, { ...missed, met: true }], { quick: true });
    expect(table).not.toMatch(/MISSED|\bmet\b/);
    expect(table.match(/not judged \(quick\)/g)).toHaveLength(2);
  });
});
