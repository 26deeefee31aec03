/**
 * The `bureau-stats` process: `run` with real files and streams, and one line (never a stack trace)
 * for anything unexpected. Bundled by webpack.cli.js into dist/cli.js; bin/bureau-stats.js starts it.
 *
 * Output streams: when the reader of stdout goes away (`check … | head -1`), the rest
 * of the output is dropped quietly and the exit status is still the run's; another write error
 * (disk full behind a redirection) is one line on stderr and status 2.
 */
import { EXIT_UNUSABLE, run } from "./main";
import { nodeIO } from "./node-io";

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, " ");
}

/** Runs with process.argv and sets the exit status. */
function main(argv: readonly string[] = process.argv.slice(2)): void {
  let stdoutGone = false;
  let writeFailed = false;
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    stdoutGone = true;
    if (e.code === "EPIPE") return;
    if (!writeFailed) {
      writeFailed = true;
      process.exitCode = EXIT_UNUSABLE;
      try {
        process.stderr.write(`bureau-stats：无法写出结果（${e.code ?? oneLine(e)}）\n`);
      } catch {
        /* stderr is gone too */
      }
    }
  });
  process.stderr.on("error", () => undefined);
  process.on("uncaughtException", (e) => {
    try {
      process.stderr.write(`bureau-stats 内部错误：${oneLine(e)}（请把命令和文件反馈给开发者）\n`);
    } catch {
      /* nowhere to say it */
    }
    process.exit(EXIT_UNUSABLE);
  });
  const io = {
    ...nodeIO,
    stdout: (text: string): void => {
      if (!stdoutGone) process.stdout.write(text);
    },
  };
  run(argv, io).then(
    (code) => {
      process.exitCode = writeFailed ? EXIT_UNUSABLE : code;
    },
    (e: unknown) => {
      process.stderr.write(`bureau-stats 内部错误：${oneLine(e)}（请把命令和文件反馈给开发者）\n`);
      process.exitCode = EXIT_UNUSABLE;
    }
  );
}

main();
