/**
 * The workbooks of one check as files: the order they are read and counted in, and the sheets of
 * several workbooks in one model with the file each sheet came from.
 */
import type { SheetModel, WorkbookModel } from "../model";

/**
 * The last segment of a path, for messages and sheet-name suffixes.
 * @example fileName("units/一中.xlsx") // "一中.xlsx"
 */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

const byCode = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/**
 * Paths in the order a check reads and counts them: by file name, then by folder, each path once.
 * Of two copies of a table, the one in the file whose name comes first is the one counted, so the
 * result never depends on the order the files were given.
 * @example inCheckOrder(["b/一中.xlsx", "a/二中.xlsx", "a/一中.xlsx"]) // ["a/一中.xlsx", "b/一中.xlsx", "a/二中.xlsx"]
 */
export function inCheckOrder(paths: readonly string[]): string[] {
  return [...new Set(paths)].sort((x, y) => byCode(fileName(x), fileName(y)) || byCode(x, y));
}

/**
 * Sheets of several workbooks combined in one model (not a 汇总: the sheets stay as they are), and
 * which file each sheet came from; a name met again gets its file name appended (`表1（二中.xlsx）`),
 * so every issue still says which sheet it is about.
 * @example combineWithOrigins([["a.xlsx", { sheets: [t1] }], ["b.xlsx", { sheets: [t1] }]]).workbook.sheets.map((s) => s.name) // ["表1", "表1（b.xlsx）"]
 */
export function combineWithOrigins(
  books: ReadonlyArray<readonly [file: string, wb: WorkbookModel]>
): {
  workbook: WorkbookModel;
  origin: Map<string, string>;
} {
  const sheets: SheetModel[] = [];
  const taken = new Set<string>();
  const origin = new Map<string, string>();
  for (const [file, wb] of books) {
    for (const s of wb.sheets) {
      let name = s.name;
      if (taken.has(name)) {
        name = `${s.name}（${fileName(file)}）`;
        for (let k = 2; taken.has(name); k++) name = `${s.name}（${fileName(file)} ${k}）`;
      }
      taken.add(name);
      origin.set(name, file);
      sheets.push(name === s.name ? s : { ...s, name });
    }
  }
  return { workbook: { sheets }, origin };
}

/**
 * Whether a workbook holds any non-blank cell at all.
 * @example hasAnyCell({ sheets: [{ name: "Sheet1", values: [[null, ""]] }] }) // false
 */
export function hasAnyCell(wb: WorkbookModel): boolean {
  return wb.sheets.some((s) =>
    s.values.some((row) => row.some((v) => v !== null && v !== undefined && v !== ""))
  );
}
