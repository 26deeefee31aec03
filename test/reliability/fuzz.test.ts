/**
 * `bureau-stats check` on anything. Random workbooks and mutated samples
 * (fuzz-cases.ts) go through the command line — most in-process through its own `run` (in a worker
 * thread, so a case over 10 s or over 1.5 GB is cut off and reported, not hung), some as real
 * `node bin/bureau-stats.js` processes killed after 10 s — and every run must keep the contract
 * (fuzz-harness.ts): status 0/1/2, a 2 with its one line naming the file, no stack trace, nothing
 * a terminal would act on, bounded time.
 *
 * Seed: fixed by default (CI is repeatable); FUZZ_SEED=<n> varies it, FUZZ_CASES=<n> changes the
 * in-process count. A failing case is saved under test-results/fuzz-failures/seed<seed>-<id>/
 * (input.xlsx, case.json, stdout/stderr) and replays with `npm run fuzz:replay -- <dir>`; a case
 * that takes the whole process down is named in test-results/fuzz-failures/in-flight.json.
 */
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SPIN_FOREVER } from "./spin";
import { ROOT, SAMPLES, exceljsCases, fuzzCases, type FuzzCase } from "./fuzz-cases";
import {
  FAILURES_DIR,
  contractProblems,
  ensureCliBuilt,
  prepare,
  runSpawned,
  WorkerRunner,
  saveFailure,
  type RunResult,
} from "./fuzz-harness";

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20131231;
const IN_PROCESS = process.env.FUZZ_CASES ? Number(process.env.FUZZ_CASES) : 520;
const EXCELJS = 40;
const SPAWNED = 30;
/** Generous: a case takes milliseconds; the bound (enforced: the worker is terminated) catches runaway work. */
const IN_PROCESS_BOUND_MS = 10_000;
const SPAWN_TIMEOUT_MS = 10_000;

const WORK = path.join(ROOT, "test-results", "fuzz-work", `seed${SEED}-${process.pid}`);
const IN_FLIGHT = path.join(FAILURES_DIR, "in-flight.json");

interface Tally {
  cases: number;
  byKind: Record<string, number>;
  byCode: Record<string, number>;
  slowest: { id: string; ms: number };
  failures: string[];
}

function tally(): Tally {
  return { cases: 0, byKind: {}, byCode: {}, slowest: { id: "", ms: 0 }, failures: [] };
}

function record(t: Tally, c: FuzzCase, r: RunResult, problems: string[], saved?: string): void {
  t.cases++;
  t.byKind[c.kind] = (t.byKind[c.kind] ?? 0) + 1;
  const code = String(r.code);
  t.byCode[code] = (t.byCode[code] ?? 0) + 1;
  if (r.ms > t.slowest.ms) t.slowest = { id: c.id, ms: Math.round(r.ms) };
  if (problems.length > 0)
    t.failures.push(
      `${c.id} (${c.kind}: ${c.description.slice(0, 120)}): ${problems.join("; ")} → ${saved}`
    );
}

function summary(name: string, t: Tally, ms: number): string {
  return `[fuzz] ${name}: seed ${SEED}, ${t.cases} cases in ${(ms / 1000).toFixed(1)} s; kinds ${JSON.stringify(t.byKind)}; exit ${JSON.stringify(t.byCode)}; slowest ${t.slowest.id} ${t.slowest.ms} ms; failures ${t.failures.length}`;
}

describe("fuzzing bureau-stats check", () => {
  console.log(
    `[fuzz] seed ${SEED} (set FUZZ_SEED to vary; failures go to ${path.relative(ROOT, FAILURES_DIR)}/)`
  );
  let total = 0;

  afterAll(() => {
    console.log(`[fuzz] ${total} cases run in total (seed ${SEED})`);
    if (existsSync(WORK)) rmSync(WORK, { recursive: true, force: true });
  });

  it(`${IN_PROCESS} + ${EXCELJS} (written by the template writer) cases in-process through the CLI's run(): status 0/1/2, one-line reasons, bounded time`, async () => {
    const t0 = performance.now();
    const cases = [...fuzzCases(SEED, IN_PROCESS, "p"), ...(await exceljsCases(SEED, EXCELJS))];
    const generated = performance.now() - t0;
    const t = tally();
    mkdirSync(FAILURES_DIR, { recursive: true });
    const runner = await WorkerRunner.create();
    for (const c of cases) {
      const { argv, files } = prepare(c, WORK);
      // if this process hangs or dies on a case, this file says which one (and where its bytes are)
      writeFileSync(
        IN_FLIGHT,
        JSON.stringify({ seed: SEED, id: c.id, argv, description: c.description })
      );
      const r = await runner.run(argv, IN_PROCESS_BOUND_MS);
      const problems = contractProblems(argv, files, r, IN_PROCESS_BOUND_MS);
      const saved =
        problems.length > 0 ? saveFailure(c, SEED, "in-process", r, problems) : undefined;
      record(t, c, r, problems, saved);
      rmSync(path.join(WORK, `${c.id}.xlsx`), { force: true });
      rmSync(path.join(WORK, `${c.id}.docx`), { force: true });
    }
    await runner.close();
    rmSync(IN_FLIGHT, { force: true });
    total += t.cases;
    console.log(`[fuzz] generated ${cases.length} cases in ${(generated / 1000).toFixed(1)} s`);
    console.log(summary("in-process", t, performance.now() - t0));
    expect(t.failures).toEqual([]);
    // the mix really exercises all three statuses
    expect(Object.keys(t.byCode).sort()).toEqual(["0", "1", "2"]);
  }, 240_000);

  it(`${SPAWNED} cases as real node bin/bureau-stats.js processes, each killed after ${SPAWN_TIMEOUT_MS / 1000} s`, async () => {
    await ensureCliBuilt();
    const t0 = performance.now();
    const cases = fuzzCases(SEED + 1, SPAWNED, "s");
    const t = tally();
    // two at a time (a 2-core machine)
    const queue = [...cases];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const { argv, files } = prepare(c, WORK);
        const r = await runSpawned(argv, SPAWN_TIMEOUT_MS);
        const problems = contractProblems(argv, files, r, SPAWN_TIMEOUT_MS);
        const saved =
          problems.length > 0 ? saveFailure(c, SEED + 1, "spawned", r, problems) : undefined;
        record(t, c, r, problems, saved);
      }
    };
    await Promise.all([worker(), worker()]);
    total += t.cases;
    console.log(summary("spawned", t, performance.now() - t0));
    expect(t.failures).toEqual([]);
  }, 240_000);
});

describe("the fuzz contract itself (so a broken CLI would be caught)", () => {
  const file = "/tmp/x.xlsx";
  const argv = ["check", file];
  const ok = { stdout: "", stderr: "", ms: 5 };
  it("accepts a one-line exit 2 naming the file, and a report with exit 0/1", () => {
    expect(
      contractProblems(argv, [file], { ...ok, code: 2, stderr: `${file}：文件已损坏\n` }, 100)
    ).toEqual([]);
    expect(contractProblems(argv, [file], { ...ok, code: 1, stdout: "校验结果\n" }, 100)).toEqual(
      []
    );
  });
  it("flags other statuses, stack traces, several lines, a missing file name, internal errors, slowness, bad JSON", () => {
    const one = (r: RunResult, a = argv) => contractProblems(a, [file], r, 100);
    expect(one({ ...ok, code: 3, stdout: "x" })[0]).toMatch(/exit status 3/);
    expect(
      one({ ...ok, code: 2, stderr: `${file}：坏\n    at readXlsx (read.ts:10:5)\n` }).join()
    ).toMatch(/stack trace/);
    expect(one({ ...ok, code: 2, stderr: "文件已损坏\n" }).join()).toMatch(
      /does not name the file/
    );
    expect(one({ ...ok, code: 2, stderr: `bureau-stats 内部错误：x（${file}）\n` }).join()).toMatch(
      /internal error/
    );
    expect(one({ ...ok, code: 0, stdout: "ok", ms: 101 }).join()).toMatch(/over the 100 ms bound/);
    expect(one({ ...ok, code: null, crash: "TypeError: x" }).join()).toMatch(/crashed/);
    expect(one({ ...ok, code: 1, stdout: "{" }, ["check", file, "--json"]).join()).toMatch(
      /not JSON/
    );
    expect(
      one(
        {
          ...ok,
          code: 0,
          stdout: JSON.stringify({
            issues: [{ severity: "error" }],
            comparisons: [],
            draft: { text: "", html: "" },
          }),
        },
        ["check", file, "--json"]
      ).join()
    ).toMatch(/disagrees/);
  });
});

describe("WorkerRunner (the in-process cases' hard bound)", () => {
  it("terminates a case over its bound, reports it as timed out, and runs the next on a fresh worker", async () => {
    const runner = await WorkerRunner.create();
    // a private copy: the samples may be regenerated while tests run
    mkdirSync(WORK, { recursive: true });
    const file = path.join(WORK, "runner-sample.xlsx");
    copyFileSync(SAMPLES[1] as string, file);
    const argv = ["check", file, "--json"];
    try {
      const first = await runner.run(argv, 10_000);
      expect([0, 1, 2], first.crash ?? first.stderr).toContain(first.code);
      // a case that never ends (a synchronous loop in the worker): only terminate() stops it
      const spin = [SPIN_FOREVER];
      const t0 = performance.now();
      const cut = await runner.run(spin, 200);
      expect(cut.timedOut, JSON.stringify({ ...cut, stdout: cut.stdout.length })).toBe(true);
      expect(performance.now() - t0).toBeLessThan(30_000);
      expect(contractProblems(spin, [], cut, 200).join()).toMatch(/did not end within 200 ms/);
      const again = await runner.run(argv, 10_000);
      expect(again.code, again.crash ?? again.stderr).toBe(first.code);
      expect(again.stdout).toBe(first.stdout);
    } finally {
      await runner.close();
      rmSync(file, { force: true });
    }
  }, 60_000);
});
