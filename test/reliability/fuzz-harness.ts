/**
 * Runs a fuzz case through `bureau-stats check` — in-process through the CLI's own `run` (the code
 * the bin runs: argv → exit status, with Node's file access and inflate, output captured) or as a
 * real `node bin/bureau-stats.js` process with a timeout — checks the contract, and saves a failing
 * case under test-results/fuzz-failures/ for scripts/fuzz-replay.ts.
 *
 * The contract (docs/cli.md): exit status 0, 1 or 2 only; 2 comes with exactly one line on stderr
 * that names the file and is no stack trace; 0/1 print a report (valid JSON with --json, whose
 * errors agree with the status) and nothing on stderr; every run ends within its bound.
 */
import { execFile, spawn } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { build } from "esbuild";
import { runInProcess, type RunResult } from "./cli-run";
import { ROOT, SAMPLES, type FuzzCase } from "./fuzz-cases";

export const FAILURES_DIR = path.join(ROOT, "test-results", "fuzz-failures");
export const BIN = path.join(ROOT, "bin", "bureau-stats.js");
const WORKER_BUNDLE = path.join(ROOT, ".cache", "fuzz-worker.cjs");

export { runInProcess, type RunResult };

const CLI_BUNDLE = path.join(ROOT, "dist", "cli.js");
const CLI_INPUTS = ["src/cli", "src/core", "src/hosts/xlsx", "webpack.cli.js"].map((p) =>
  path.join(ROOT, p)
);

function newestMtime(p: string): number {
  const st = statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((m, e) => Math.max(m, newestMtime(path.join(p, e))), st.mtimeMs);
}

/**
 * Rebuilds dist/cli.js (what bin/bureau-stats.js runs) when a source is newer, so the spawned
 * cases test the code in the tree; `npm ci` builds it through `prepare` on a clean clone.
 */
export async function ensureCliBuilt(): Promise<void> {
  const built = statSync(CLI_BUNDLE, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built > Math.max(...CLI_INPUTS.map(newestMtime))) return;
  const lock = path.join(ROOT, ".cache", "cli-build.lock");
  mkdirSync(path.dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (
      (statSync(CLI_BUNDLE, { throwIfNoEntry: false })?.mtimeMs ?? 0) >
      Math.max(...CLI_INPUTS.map(newestMtime))
    )
      return;
    await new Promise<void>((resolve, reject) =>
      execFile(
        process.execPath,
        [path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "-c", "webpack.cli.js"],
        { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: "" }, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) =>
          error ? reject(new Error(`build:cli failed\n${stdout}\n${stderr}`)) : resolve()
      )
    );
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** The files and argv of a case, written into `dir`. */
export function prepare(c: FuzzCase, dir: string): { argv: string[]; files: string[] } {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${c.id}.xlsx`);
  writeFileSync(file, c.bytes);
  const files = c.withSample ? [SAMPLES[0] as string, file] : [file];
  const flags = c.flags.flatMap((f) =>
    f === "--docx" ? ["--docx", path.join(dir, `${c.id}.docx`)] : [f]
  );
  return { argv: ["check", ...files, ...flags], files };
}

/**
 * `run` in a worker thread, one case at a time, with a hard bound: a case that does not end in
 * `boundMs` (even a synchronous endless loop) or runs out of memory (`memoryMb`) has its worker
 * terminated and comes back as timed out / crashed; the next case gets a fresh worker.
 */
export class WorkerRunner {
  private worker: Worker | undefined;
  /** Workers that answered once (started, code loaded). */
  private readonly started = new WeakSet<Worker>();
  private constructor(private readonly memoryMb: number) {}

  /** Bundles the worker (fuzz-worker-main.ts and the CLI sources it runs) and returns a runner. */
  static async create(memoryMb = 1536): Promise<WorkerRunner> {
    mkdirSync(path.dirname(WORKER_BUNDLE), { recursive: true });
    await build({
      entryPoints: [path.join(__dirname, "fuzz-worker-main.ts")],
      bundle: true,
      platform: "node",
      format: "cjs",
      target: "node20",
      packages: "external",
      outfile: WORKER_BUNDLE,
      logLevel: "silent",
    });
    return new WorkerRunner(memoryMb);
  }

  private start(): Worker {
    return new Worker(WORKER_BUNDLE, {
      resourceLimits: { maxOldGenerationSizeMb: this.memoryMb },
      stdout: true,
      stderr: true,
    });
  }

  run(argv: readonly string[], boundMs: number): Promise<RunResult> {
    const w = (this.worker ??= this.start());
    const t0 = performance.now();
    return new Promise((resolve) => {
      const finish = (r: RunResult, dead: boolean) => {
        clearTimeout(timer);
        w.off("message", onMessage);
        w.off("error", onError);
        w.off("exit", onExit);
        if (dead) {
          if (this.worker === w) this.worker = undefined;
          void w.terminate();
        }
        resolve(r);
      };
      const empty = { code: null, stdout: "", stderr: "" };
      // the first case also pays the worker's start (loading TypeScript): allow for it
      const timer = setTimeout(
        () => finish({ ...empty, ms: performance.now() - t0, timedOut: true }, true),
        this.started.has(w) ? boundMs : boundMs + 20_000
      );
      const onMessage = (r: RunResult) => {
        this.started.add(w);
        finish(r, false);
      };
      const onError = (e: Error) =>
        finish(
          { ...empty, ms: performance.now() - t0, crash: `worker died: ${e.stack ?? e.message}` },
          true
        );
      const onExit = (code: number) =>
        finish({ ...empty, ms: performance.now() - t0, crash: `worker exited with ${code}` }, true);
      w.on("message", onMessage);
      w.on("error", onError);
      w.on("exit", onExit);
      w.postMessage([...argv]);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

/** `node bin/bureau-stats.js …` with a hard timeout (killed after `timeoutMs`). */
export function runSpawned(argv: readonly string[], timeoutMs: number): Promise<RunResult> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        stdout,
        stderr,
        ms: performance.now() - t0,
        ...(signal ? { crash: `killed by ${signal}` } : {}),
        ...(timedOut ? { timedOut: true } : {}),
      });
    });
  });
}

/**
 * The first control character a terminal would act on (ESC, CR, BS, TAB, C1 …) — anything below
 * U+0020 except the line feed, DEL and U+0080–U+009F — or a bidi control that would display a line
 * reversed (U+202A–U+202E, U+2066–U+2069), or -1.
 * @example terminalControl("a\nb") // -1
 */
export function terminalControl(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a) || (c >= 0x7f && c <= 0x9f)) return c;
    if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)) return c;
  }
  return -1;
}

const STACK_LINE = /^\s+at\s.+(:\d+:\d+|\(native\)|<anonymous>)/m;

/**
 * What is wrong with a run of `argv` over `files` (empty when the contract holds).
 * @example contractProblems(["check", "a.xlsx"], ["a.xlsx"], { code: 3, stdout: "", stderr: "", ms: 1 }, 10_000) // ["exit status 3 …"]
 */
export function contractProblems(
  argv: readonly string[],
  files: readonly string[],
  r: RunResult,
  boundMs: number
): string[] {
  const problems: string[] = [];
  if (r.timedOut) problems.push(`did not end within ${boundMs} ms (killed)`);
  else if (r.ms > boundMs)
    problems.push(`took ${Math.round(r.ms)} ms, over the ${boundMs} ms bound`);
  if (r.crash) problems.push(`crashed: ${r.crash.split("\n").slice(0, 6).join(" | ")}`);
  if (r.code !== 0 && r.code !== 1 && r.code !== 2)
    problems.push(`exit status ${String(r.code)} (only 0, 1, 2 allowed)`);
  if (STACK_LINE.test(r.stderr) || STACK_LINE.test(r.stdout))
    problems.push("a stack trace was printed");
  if (/内部错误/.test(r.stderr)) problems.push(`internal error: ${r.stderr.trim()}`);
  if (r.code === 2) {
    const lines = r.stderr.split("\n").filter((l) => l.trim() !== "");
    if (lines.length !== 1)
      problems.push(`exit 2 with ${lines.length} lines on stderr (one expected)`);
    const line = lines[0] ?? "";
    if (!files.some((f) => line.includes(f)))
      problems.push(`exit 2 message does not name the file: ${JSON.stringify(line)}`);
    // under --json a stop is a JSON object on stdout ({ "outcome": …, "message": … }), nothing else
    const stopJson = argv.includes("--json") && /^\{\s*"outcome": "(?!checked")/.test(r.stdout);
    if (r.stdout !== "" && !stopJson) problems.push("exit 2 also printed a report");
    const control = terminalControl(line);
    if (control >= 0)
      problems.push(
        `exit 2 message holds control character U+${control.toString(16).padStart(4, "0")}`
      );
  }
  if (r.code === 0 || r.code === 1) {
    if (r.stderr !== "")
      problems.push(`stderr not empty: ${JSON.stringify(r.stderr.slice(0, 200))}`);
    if (r.stdout.trim() === "") problems.push("no report on stdout");
    if (r.stdout.includes("[object Object]")) problems.push("[object Object] in the output");
    if (r.stdout.startsWith("未找到统计表") && r.code !== 1)
      problems.push(`no table found, yet exit status ${r.code} (1 expected)`);
    const control = argv.includes("--json") ? -1 : terminalControl(r.stdout);
    if (control >= 0)
      problems.push(
        `text output holds control character U+${control.toString(16).padStart(4, "0")} (terminal injection)`
      );
    if (argv.includes("--json")) {
      try {
        const report = JSON.parse(r.stdout) as {
          issues?: Array<{ severity: string }>;
          comparisons?: unknown[];
          draft?: { text?: unknown; html?: unknown };
        };
        if (!Array.isArray(report.issues) || !Array.isArray(report.comparisons))
          problems.push("--json without issues/comparisons arrays");
        else {
          const errors = report.issues.some((i) => i.severity === "error");
          // a run that found no table exits 1; --json does not list the tables, so an
          // otherwise empty report may be either
          const empty =
            report.issues.length === 0 &&
            report.comparisons.length === 0 &&
            report.draft?.text === "";
          if (errors !== (r.code === 1) && !(empty && r.code === 1))
            problems.push(`exit status ${r.code} disagrees with the errors in --json`);
        }
        if (typeof report.draft?.text !== "string" || typeof report.draft.html !== "string")
          problems.push("--json draft without text/html");
      } catch (e) {
        problems.push(`--json output is not JSON: ${String(e)}`);
      }
    }
  }
  return problems;
}

/** Saves a failing case: the .xlsx, the argv, the output and the problems. Returns its folder. */
export function saveFailure(
  c: FuzzCase,
  seed: number,
  mode: "in-process" | "spawned",
  r: RunResult,
  problems: readonly string[]
): string {
  const dir = path.join(FAILURES_DIR, `seed${seed}-${c.id}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "input.xlsx"), c.bytes);
  writeFileSync(
    path.join(dir, "case.json"),
    JSON.stringify(
      {
        seed,
        id: c.id,
        kind: c.kind,
        description: c.description,
        flags: c.flags,
        withSample: c.withSample,
        mode,
        result: { code: r.code, ms: Math.round(r.ms), crash: r.crash, timedOut: r.timedOut },
        problems,
        replay: `npx tsx scripts/fuzz-replay.ts ${path.relative(ROOT, dir)}`,
      },
      null,
      2
    )
  );
  writeFileSync(path.join(dir, "stdout.txt"), r.stdout);
  writeFileSync(path.join(dir, "stderr.txt"), r.stderr);
  return dir;
}
