/** The report of each file given to a merge: what was read of it and what became of it. */
import { entryFile, previewOf, type Entry } from "./entries";
import type { StatusBook } from "./triage";
import type { UnitReport } from "./types";

/**
 * A file's report, with its final status.
 * @example unitReport(unreadableEntry(0, "a.xlsx", "文件已损坏"), status).read // false
 */
export function unitReport(e: Entry, status: StatusBook): UnitReport {
  const s = status.get(entryFile(e)) ?? { status: "no-tables" as const, text: "" };
  const found = e.kind === "read" ? e.x.found : [];
  const years = found.map((t) => t.year).filter((y): y is number => y !== undefined);
  return {
    ...previewOf(e),
    years: [...new Set(years)].sort(),
    issues: e.kind === "read" ? e.x.issues : [],
    status: s.status,
    statusText: s.text,
  };
}
