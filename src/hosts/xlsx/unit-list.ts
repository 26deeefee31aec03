/**
 * The bureau's unit list from a file's bytes: an .xlsx (a sheet named …名单…, else the first sheet
 * with names) or text, one unit per line (UTF-8, else GBK as Chinese Windows saves it).
 */
import { unitListFromSheet, unitListFromText } from "../../core";
import { readXlsx } from "./read";
import type { InflateRaw } from "./zip";
import { decodeTextFile } from "./text-file";

export { isWorkbookName } from "./names";

/**
 * Unit names from a list file (throws the reader's error for a broken .xlsx).
 * @example readUnitList("名单.txt", new TextEncoder().encode("甲校\n乙校")) // ["甲校", "乙校"]
 */
export function readUnitList(name: string, bytes: Uint8Array, inflateRaw?: InflateRaw): string[] {
  if (/\.xls[xm]$/i.test(name)) {
    const wb = readXlsx(bytes, inflateRaw ? { inflateRaw } : {});
    const listed = (n: string): number => Number(n.includes("名单"));
    const sheets = [...wb.sheets].sort((a, b) => listed(b.name) - listed(a.name));
    for (const s of sheets) {
      const list = unitListFromSheet(s);
      if (list.length > 0) return list;
    }
    return [];
  }
  return unitListFromText(decodeTextFile(bytes));
}
