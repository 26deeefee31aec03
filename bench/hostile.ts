/**
 * `npm run bench -- hostile`: `bureau-stats check` (dist/cli.js) on each hostile or
 * malformed workbook of scripts/lib/hostile-xlsx.ts at full size — the files the issue describes
 * — and on /dev/zero and a FIFO: wall time, peak memory (max RSS), exit status, bytes written to
 * stdout and the first line of stderr. Targets: every case ends in under 10 s and 1 GB.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { hostileFiles } from "../scripts/lib/hostile-xlsx";
import { ensureBundle, timeProcess } from "./cli";
import { FULL, type BenchOptions } from "./options";
import { formatTable, loadLine, type BenchReport, type Target } from "./report";

const CLI = path.join(__dirname, "..", "dist", "cli.js");
const LIMIT_MS = 10_000;
const LIMIT_MB = 1024;

/** Runs the benchmark and returns its table and targets (quick: the classes at their small size). */
export async function runHostileBench(options: BenchOptions = FULL): Promise<BenchReport> {
  ensureBundle();
  const dir = mkdtempSync(path.join(os.tmpdir(), "bureau-stats-hostile-bench-"));
  const rows: string[][] = [];
  const targets: Target[] = [];
  try {
    const fifo = path.join(dir, "fifo.xlsx");
    execFileSync("mkfifo", [fifo]);
    const cases = [
      ...hostileFiles(options.quick ? "small" : "full").map((h) => ({
        id: h.id,
        files: h.files.map((bytes, i) => {
          const f = path.join(dir, `${h.id}${h.files.length > 1 ? `-${i}` : ""}.xlsx`);
          writeFileSync(f, bytes);
          return f;
        }),
      })),
      { id: "dev-zero", files: ["/dev/zero"] },
      { id: "fifo", files: [fifo] },
    ];
    for (const c of cases) {
      const r = timeProcess([CLI, "check", ...c.files], 60_000);
      const first = (r.stderr.split("\n")[0] ?? "").replace(dir + path.sep, "");
      rows.push([
        c.id,
        `${(r.ms / 1000).toFixed(2)} s`,
        r.mb === undefined ? "n/a" : `${Math.round(r.mb)} MB`,
        String(r.status ?? "killed"),
        String(r.stdoutBytes),
        first.length > 90 ? first.slice(0, 90) + "…" : first,
      ]);
      targets.push({
        part: "hostile",
        what: `${c.id}: time and peak memory`,
        figure: `${(r.ms / 1000).toFixed(2)} s, ${r.mb === undefined ? "n/a" : `${Math.round(r.mb)} MB`}`,
        limit: `< ${LIMIT_MS / 1000} s, < ${LIMIT_MB} MB`,
        met: r.status !== null && r.ms < LIMIT_MS && (r.mb ?? 0) < LIMIT_MB,
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const text =
    `  ${loadLine()}\n` +
    formatTable(
      ["case", "time", "max RSS", "exit", "stdout B", "stderr (first line)"],
      rows,
      "lrrrrl"
    );
  return { text, targets };
}
