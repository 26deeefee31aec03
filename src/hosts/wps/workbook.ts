/** Finding the workbook and its sheets through ET (1-based collections). */
import { ET, type EtApplication, type EtWorkbook, type EtWorksheet } from "./et";
import { WpsHostError } from "./errors";

/** The hidden sheet that keeps the marks when the workbook has no custom XML parts. */
export const STORE_SHEET = "_报表助手标记";

/**
 * Our store sheet: that name (or `that name (2)` when a user's sheet has it) AND very hidden
 * (xlSheetVeryHidden, which only code can set), so a user's own sheet of the same name is read,
 * never taken for the store, never deleted.
 */
export function isStoreSheet(ws: EtWorksheet, name: string): boolean {
  return name.startsWith(STORE_SHEET) && Number(ws.Visible) === ET.xlSheetVeryHidden;
}

/** Every sheet but our store sheet, in tab order. */
export function userSheets(wb: EtWorkbook): { ws: EtWorksheet; name: string }[] {
  return listSheets(wb).filter((s) => !isStoreSheet(s.ws, s.name));
}

export function activeWorkbook(app: EtApplication): EtWorkbook {
  const wb = app.ActiveWorkbook;
  if (!wb)
    throw new WpsHostError("没有打开的工作簿：请先在 WPS 表格中打开要校验的工作簿。", "NoWorkbook");
  return wb;
}

/** Every sheet in tab order with its name (one call for Count, two per sheet). */
export function listSheets(wb: EtWorkbook): { ws: EtWorksheet; name: string }[] {
  const sheets = wb.Worksheets;
  const n = sheets.Count;
  const out: { ws: EtWorksheet; name: string }[] = [];
  for (let i = 1; i <= n; i++) {
    const ws = sheets.Item(i);
    out.push({ ws, name: String(ws.Name) });
  }
  return out;
}

/** The sheet called `name` (as Excel compares: without case), or a Chinese error. */
export function sheetByName(wb: EtWorkbook, name: string): EtWorksheet {
  const k = name.toLowerCase();
  const hit = listSheets(wb).find((s) => s.name.toLowerCase() === k);
  if (!hit)
    throw new WpsHostError(
      `找不到工作表“${name}”（可能已改名或删除），请重新校验后再试。`,
      "ItemNotFound"
    );
  return hit.ws;
}
