/**
 * The production build used by the browser tests and the pane benchmark: `webpack --mode
 * production` into .cache/pane-dist (not dist/, so a build someone runs meanwhile — e.g. the
 * intranet one — cannot change what is tested). Rebuilt only when an input is newer than the
 * last build; concurrent callers (test files run in parallel) wait for one build.
 */
import { execFile } from "node:child_process";
import { promises as fs } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const BUILD_DIR = path.join(ROOT, ".cache", "pane-dist");
const STAMP = path.join(BUILD_DIR, ".built");
const INPUTS = [
  "src",
  "webpack.config.js",
  "scripts/es2017-loader.cjs",
  "package.json",
  "tsconfig.json",
  "assets",
];

async function newestMtime(p: string): Promise<number> {
  const stat = await fs.stat(p).catch(() => undefined);
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of await fs.readdir(p))
    newest = Math.max(newest, await newestMtime(path.join(p, entry)));
  return newest;
}

async function isFresh(stampFile = STAMP, inputs: readonly string[] = INPUTS): Promise<boolean> {
  const stamp = await fs.stat(stampFile).catch(() => undefined);
  if (!stamp) return false;
  let newest = 0;
  for (const input of inputs) newest = Math.max(newest, await newestMtime(path.join(ROOT, input)));
  return newest < stamp.mtimeMs;
}

function webpackBuild(outDir: string): Promise<void> {
  const cli = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, "--mode", "production", "--env", `out=${outDir}`],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: "" } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`webpack build failed:\n${stdout}\n${stderr}`));
        else resolve();
      }
    );
  });
}

async function withLock<T>(
  work: () => Promise<T>,
  LOCK = path.join(ROOT, ".cache", "pane-dist.lock")
): Promise<T> {
  await fs.mkdir(path.dirname(LOCK), { recursive: true });
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      await fs.mkdir(LOCK);
      break;
    } catch {
      const stat = await fs.stat(LOCK).catch(() => undefined);
      // a lock left by a killed run is taken over after 5 minutes
      if (stat && Date.now() - stat.mtimeMs > 5 * 60_000)
        await fs.rm(LOCK, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error("timed out waiting for another build");
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(LOCK, { recursive: true, force: true });
  }
}

/**
 * Marks a build done, dated when it started: a source edited while it ran is newer than the stamp,
 * so the next caller builds again instead of using pages without that edit.
 */
async function stamp(file: string, started: Date): Promise<void> {
  await fs.writeFile(file, started.toISOString());
  await fs.utimes(file, started, started);
}

/** Builds the pages unless the last build is newer than every input; returns the directory. */
export async function ensureBuilt(): Promise<string> {
  if (await isFresh()) return BUILD_DIR;
  return withLock(async () => {
    if (await isFresh()) return BUILD_DIR;
    const started = new Date();
    await webpackBuild(BUILD_DIR);
    await stamp(STAMP, started);
    return BUILD_DIR;
  });
}

/**
 * Builds `dir` with `build` unless its stamp is newer than every input (other test files wait
 * for one build); returns the directory. Used for the WPS package (test/e2e/wpsBuild.ts).
 */
export async function ensureFresh(
  dir: string,
  inputs: readonly string[],
  build: (dir: string) => Promise<void>
): Promise<string> {
  const stampFile = path.join(dir, ".built");
  if (await isFresh(stampFile, inputs)) return dir;
  return withLock(async () => {
    if (await isFresh(stampFile, inputs)) return dir;
    const started = new Date();
    await build(dir);
    await stamp(stampFile, started);
    return dir;
  }, `${dir}.lock`);
}
