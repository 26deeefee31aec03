/**
 * The Office host, loaded on first use: the pane renders its first tab without the host's code
 * (and the core's templates it brings); the first action fetches it. All Office.js calls stay in
 * src/hosts/office — this only forwards.
 */
import type { ComparisonRow, NewSheet, ReadOptions, SeriesRow, WorkbookHost } from "../hosts/host";
import type { Issue, TableDefinition } from "../core";
// core-free and small: the list is there before the host's chunk
import { officeFeatures } from "../hosts/office/features";

type Capability =
  | "selectCell"
  | "insertTemplates"
  | "markIssues"
  | "clearMarks"
  | "insertComparison"
  | "insertSeries"
  | "insertSheets"
  | "insertDefinitions"
  | "watchChanges";

/**
 * @param ready resolves when Office.js is ready (`Office.onReady()`); the pane renders before it,
 * and the first action waits for it.
 */
export function lazyOfficeHost(ready: Promise<unknown>): WorkbookHost {
  let loading: Promise<WorkbookHost> | undefined;
  const real = (): Promise<WorkbookHost> => {
    loading ??= Promise.all([
      ready,
      import(/* webpackChunkName: "office-host" */ "./officeHostChunk"),
    ]).then(
      ([, m]) => m.createOfficeHost(),
      (e: unknown) => {
        loading = undefined; // a failed load may be retried
        throw e;
      }
    );
    return loading;
  };
  /** The real host's method, or a Chinese error when this Excel lacks it. */
  const method = async <K extends Capability>(name: K): Promise<NonNullable<WorkbookHost[K]>> => {
    const host = await real();
    const fn = host[name];
    if (!fn) throw new Error("此版本的 Excel 不支持这项操作。");
    return fn.bind(host) as NonNullable<WorkbookHost[K]>;
  };
  return {
    kind: "office",
    label: "当前工作簿",
    readWorkbook: async (options?: ReadOptions) => (await real()).readWorkbook(options),
    selectCell: async (sheet: string, cell: string) => (await method("selectCell"))(sheet, cell),
    insertTemplates: async (year: number, definitions?: readonly TableDefinition[]) =>
      (await method("insertTemplates"))(year, definitions),
    insertDefinitions: async (definitions: readonly TableDefinition[]) =>
      (await method("insertDefinitions"))(definitions),
    insertSheets: async (sheets: readonly NewSheet[]) => (await method("insertSheets"))(sheets),
    markIssues: async (issues: readonly Issue[]) => (await method("markIssues"))(issues),
    clearMarks: async () => (await method("clearMarks"))(),
    watchChanges: async (onChange: (sheets: readonly string[]) => void) =>
      (await method("watchChanges"))(onChange),
    // asked once Office.js is ready (before, it cannot tell which sets this Excel has)
    features: async () => {
      await ready;
      return officeFeatures();
    },
    insertComparison: async (
      rows: readonly ComparisonRow[],
      years: { current: number; previous: number }
    ) => (await method("insertComparison"))(rows, years),
    insertSeries: async (rows: readonly SeriesRow[], years: { from: number; to: number }) =>
      (await method("insertSeries"))(rows, years),
  };
}
