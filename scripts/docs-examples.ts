/**
 * Refreshes the `$ bureau-stats …` example blocks of docs/definitions.md, docs/wording.md,
 * docs/checks.md and docs/cli.md from what the built command line prints (run `npm run build:cli` first).
 *
 *   npx tsx scripts/docs-examples.ts          # lists the blocks that no longer match
 *   npx tsx scripts/docs-examples.ts --write  # rewrites them
 *
 * A block without `…` lines becomes the whole output. In an abridged block each part between `…`
 * lines keeps its length and is re-read from the output where its first line (or, when that line
 * changed, the line starting with the same first characters) now is. Read the diff before
 * committing: the test (test/cli/docs-examples.test.ts) checks the result.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..");
const DOCS = ["definitions.md", "wording.md", "checks.md", "cli.md"];
const BLOCK = /^```([a-z]*)\n\$ bureau-stats ([^\n]*)\n([\s\S]*?)^```$/gm;

function run(args: string): string {
  const r = spawnSync(process.execPath, ["bin/bureau-stats.js", ...args.trim().split(/\s+/)], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return (r.stderr + r.stdout).replace(/\n$/, "");
}

/** The line of `lines` where a part that started with `first` starts now, or -1. */
function findStart(lines: readonly string[], first: string, from: number): number {
  const exact = lines.indexOf(first, from);
  if (exact >= 0) return exact;
  for (let n = Math.min(first.length, 12); n >= 4; n--) {
    const i = lines.findIndex((l, j) => j >= from && l.startsWith(first.slice(0, n)));
    if (i >= 0) return i;
  }
  return -1;
}

/** The block's new body, or undefined when a part can no longer be found. */
function refreshed(expected: string, output: string): string | undefined {
  const parts = expected.split(/^…$/m);
  if (parts.length === 1) return output;
  const lines = output.split("\n");
  let at = 0;
  const out: string[] = [];
  for (const [i, raw] of parts.entries()) {
    const part = raw.replace(/^\n/, "").replace(/\n$/, "");
    if (i > 0) out.push("…");
    if (part === "") continue;
    const old = part.split("\n");
    const start = i === 0 ? 0 : findStart(lines, old[0] ?? "", at);
    if (start < 0) return undefined;
    out.push(...lines.slice(start, start + old.length));
    at = start + old.length;
  }
  return out.join("\n");
}

const write = process.argv.includes("--write");
let stale = 0;
for (const doc of DOCS) {
  const file = path.join(ROOT, "docs", doc);
  const text = readFileSync(file, "utf8");
  const next = text.replace(BLOCK, (all, lang: string, args: string, body: string) => {
    const expected = body.replace(/\n$/, "");
    const fresh = refreshed(expected, run(args));
    if (fresh === undefined) {
      console.error(`${doc}: bureau-stats ${args}: a part is no longer in the output; edit by hand`);
      return all;
    }
    if (fresh === expected) return all;
    stale++;
    console.log(`${doc}: bureau-stats ${args}`);
    return "```" + lang + "\n$ bureau-stats " + args + "\n" + fresh + "\n```";
  });
  if (write && next !== text) writeFileSync(file, next);
}
console.log(`${stale} block(s) ${write ? "rewritten" : "out of date"}`);
