/**
 * What every benchmark module hands back to bench/run.ts: its printed table and the
 * targets it measured (figure, limit, met or missed), which run.ts gathers into the closing
 * targets summary. Also the small statistics and table helpers the modules share.
 */
import os from "node:os";
import { FULL, type BenchOptions } from "./options";

export interface Target {
  /** The part measured: `core`, `cli`, `office`, `pane`. */
  readonly part: string;
  /** What is measured, e.g. `1.1M cells validated, compared, drafted (median)`. */
  readonly what: string;
  /** The figure as printed, e.g. `212 ms`. */
  readonly figure: string;
  /** The limit as printed, e.g. `≤ 500 ms`. */
  readonly limit: string;
  /** Undefined when the figure could not be measured. */
  readonly met: boolean | undefined;
}

export interface BenchReport {
  readonly text: string;
  readonly targets: readonly Target[];
}

/**
 * The median of a list (mean of the two middle values for an even count; 0 for none).
 * @example median([3, 1, 2]) // 2
 * @example median([4, 1, 2, 3]) // 2.5
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

/**
 * The machine's load, for every table: figures on a shared machine are only as quiet as it is.
 * @example loadLine() // "load average 1.2 / 1.0 / 0.9 (1, 5, 15 min) on 2 CPUs"
 */
export function loadLine(): string {
  const l = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" / ");
  return `load average ${l} (1, 5, 15 min) on ${os.cpus().length} CPUs`;
}

/**
 * A plain-text table, columns two spaces apart, indented by two spaces; `align` gives each
 * column's alignment (`l` or `r`), by default the first left and the others right.
 * @example formatTable(["size", "ms"], [["1k", "5"]]) // "  size  ms\n  1k     5"
 * @example formatTable(["a", "b"], [["x", "y"]], "ll") // "  a  b\n  x  y"
 */
export function formatTable(
  head: readonly string[],
  rows: readonly (readonly string[])[],
  align = "l" + "r".repeat(Math.max(0, head.length - 1))
): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cols: readonly string[]) =>
    "  " +
    cols
      .map((c, i) => (align[i] === "r" ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(head), ...rows.map(line)].join("\n");
}

/**
 * Milliseconds as printed in the tables.
 * @example ms(212.4) // "212 ms"
 * @example ms(4.25) // "4.3 ms"
 */
export function ms(value: number): string {
  return value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`;
}

/**
 * A target's result as printed: `met`, `MISSED`, `not measured`, or in a quick run (small sizes,
 * figures not comparable with the limits) `not judged (quick)`.
 * @example verdict({ part: "cli", what: "time", figure: "1 s", limit: "≤ 1.5 s", met: true }, FULL) // "met"
 * @example verdict({ part: "cli", what: "time", figure: "1 s", limit: "≤ 1.5 s", met: true }, { quick: true }) // "not judged (quick)"
 */
export function verdict(t: Target, options: BenchOptions): string {
  if (options.quick) return "not judged (quick)";
  return t.met === undefined ? "not measured" : t.met ? "met" : "MISSED";
}

/**
 * The closing summary: one line per target.
 * @example formatTargets([{ part: "cli", what: "time", figure: "1 s", limit: "≤ 1.5 s", met: true }])
 */
export function formatTargets(targets: readonly Target[], options: BenchOptions = FULL): string {
  const rows = targets.map((t) => [t.part, t.what, t.figure, t.limit, verdict(t, options)]);
  return formatTable(["part", "target", "figure", "limit", "result"], rows, "llrll");
}
