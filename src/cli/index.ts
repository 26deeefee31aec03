/**
 * The `bureau-stats` process: `run` with real files and streams, and one line (never a stack trace)
 * for anything unexpected. Bundled by webpack.cli.js into dist/cli.js; bin/bureau-stats.js starts it.
 */
import { EXIT_UNUSABLE, run } from "./main";
import { nodeIO } from "./node-io";

/** Runs with process.argv and sets the exit status. */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  run(argv, nodeIO).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(
        `bureau-stats 内部错误：${e instanceof Error ? e.message : String(e)}（请把命令和文件反馈给开发者）\n`
      );
      process.exitCode = EXIT_UNUSABLE;
    }
  );
}

main();
