/**
 * The worker thread of WorkerRunner (fuzz-harness.ts): runs `bureau-stats` argv sent by the parent
 * through the CLI's own `run` and posts the result back. In a worker so that the parent can stop a
 * case that never ends (`terminate()` interrupts even a synchronous loop) or eats all memory.
 * Bundled by esbuild into .cache/fuzz-worker.cjs (a worker cannot load TypeScript by itself).
 */
import { parentPort } from "node:worker_threads";
import { runInProcess } from "./cli-run";
import { SPIN_FOREVER } from "./spin";

parentPort?.on("message", (argv: string[]) => {
  if (argv[0] === SPIN_FOREVER) {
    // never yields: only Worker.terminate() can stop it
    for (;;) {
      /* spin */
    }
  }
  void runInProcess(argv).then((r) => parentPort?.postMessage(r));
});
