/**
 * Performance marks the benchmark (bench/pane.ts) reads: the time from navigation to the first
 * rendered tab is `performance.getEntriesByName(FIRST_TAB_MARK)[0].startTime`.
 */
export const FIRST_TAB_MARK = "bureau-stats:first-tab";

let marked = false;

/** Marks the first rendered tab once per page load. */
export function markFirstTab(): void {
  if (marked || typeof performance === "undefined" || typeof performance.mark !== "function")
    return;
  marked = true;
  performance.mark(FIRST_TAB_MARK);
}
