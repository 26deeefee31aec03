/**
 * Replays a fuzz case saved by test/reliability/fuzz.test.ts: runs its input.xlsx through
 * `bureau-stats check` with the same flags — in-process through the CLI's `run`, and as a real
 * `node bin/bureau-stats.js` process — prints both outputs and what breaks the contract.
 *
 *   npx tsx scripts/fuzz-replay.ts test-results/fuzz-failures/seed20131231-p17
 *
 * Exit status 0 when the case now keeps the contract, 1 when it still fails.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { FuzzCase } from "../test/reliability/fuzz-cases";
import {
  contractProblems,
  prepare,
  runInProcess,
  runSpawned,
  type RunResult,
} from "../test/reliability/fuzz-harness";

interface SavedCase {
  seed: number;
  id: string;
  kind: FuzzCase["kind"];
  description: string;
  flags: string[];
  withSample: boolean;
}

function show(mode: string, r: RunResult, problems: readonly string[]): void {
  console.log(
    `— ${mode}: exit ${String(r.code)} in ${Math.round(r.ms)} ms${r.crash ? `, ${r.crash}` : ""}`
  );
  if (r.stderr) console.log(`  stderr: ${r.stderr.trimEnd().split("\n").join("\n          ")}`);
  console.log(
    `  stdout: ${r.stdout.length} characters${r.stdout ? `, starting ${JSON.stringify(r.stdout.slice(0, 160))}` : ""}`
  );
  console.log(problems.length ? `  PROBLEMS:\n    ${problems.join("\n    ")}` : "  contract kept");
}

async function main(): Promise<number> {
  const dir = process.argv[2];
  if (!dir || !existsSync(path.join(dir, "case.json"))) {
    console.error(
      "用法：npx tsx scripts/fuzz-replay.ts test-results/fuzz-failures/<seed>-<id>（含 case.json 与 input.xlsx 的文件夹）"
    );
    return 2;
  }
  const saved = JSON.parse(readFileSync(path.join(dir, "case.json"), "utf8")) as SavedCase;
  const c: FuzzCase = {
    ...saved,
    bytes: new Uint8Array(readFileSync(path.join(dir, "input.xlsx"))),
  };
  console.log(`case ${saved.id} (seed ${saved.seed}, ${saved.kind}): ${saved.description}`);
  const { argv, files } = prepare(c, path.join(dir, "replay"));
  console.log(`bureau-stats ${argv.join(" ")}`);
  const inProcess = await runInProcess(argv);
  const p1 = contractProblems(argv, files, inProcess, 10_000);
  show("in-process", inProcess, p1);
  const spawned = await runSpawned(argv, 10_000);
  const p2 = contractProblems(argv, files, spawned, 10_000);
  show("spawned", spawned, p2);
  return p1.length + p2.length > 0 ? 1 : 0;
}

void main().then((code) => {
  process.exitCode = code;
});
