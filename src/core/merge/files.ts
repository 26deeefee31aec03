/** File names as the merge shows them (no dependencies: the pane's tab uses them too). */

/**
 * A file's name without folders and extension, e.g. to guess whose an unreadable file is.
 * @example fileStem("units/昆山市实验小学.xlsx") // "昆山市实验小学"
 */
export function fileStem(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.replace(/\.[^.]*$/, "");
}

/**
 * The file's name without folders.
 * @example baseName("units/a.xlsx") // "a.xlsx"
 */
export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}
