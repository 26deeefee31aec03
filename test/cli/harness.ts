/**
 * Runs `bureau-stats` in-process with the real file system and captured output.
 */
import { run, type CliIO } from "../../src/cli/main";
import { nodeIO } from "../../src/cli/node-io";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function cli(...argv: string[]): Promise<CliResult> {
  return cliWith({ tty: false }, ...argv);
}

/** As `cli`, with stderr pretending to be a terminal or not. */
export async function cliWith(opts: { tty: boolean }, ...argv: string[]): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    ...nodeIO,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stderrIsTTY: opts.tty,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
