/**
 * `bureau-stats` in-process: the CLI's own `run` (what bin/bureau-stats.js runs: argv → exit
 * status) with Node's file access and inflate, output captured, never a terminal.
 */
import { nodeIO } from "../../src/cli/node-io";
import { run, type CliIO } from "../../src/cli/main";

export interface RunResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
  /** Set when `run` rejected (in-process) or the process/worker was killed. */
  readonly crash?: string;
  readonly timedOut?: boolean;
}

/** `run` with Node's files, output captured. */
export async function runInProcess(argv: readonly string[]): Promise<RunResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    ...nodeIO,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    stderrIsTTY: false,
  };
  const t0 = performance.now();
  try {
    const code = await run(argv, io);
    return { code, stdout, stderr, ms: performance.now() - t0 };
  } catch (e) {
    return {
      code: null,
      stdout,
      stderr,
      ms: performance.now() - t0,
      crash: e instanceof Error ? (e.stack ?? e.message) : String(e),
    };
  }
}
