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
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    ...nodeIO,
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stderrIsTTY: false,
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}
