/** Going to a cell when an issue is clicked: activates its sheet and selects the cell. */
import { describeOfficeError } from "./errors";

/**
 * The address to select for an issue's `cell`: an A1 cell, a range, a whole row (`7:7`) or a
 * whole column (`C:C`); undefined when it is none of these.
 * @example selectableAddress("$C$7") // "C7"
 * @example selectableAddress("表1!C7") // undefined
 */
export function selectableAddress(cell: string): string | undefined {
  const a = cell.replace(/\$/g, "").trim().toUpperCase();
  return /^([A-Z]{1,3}\d+(:[A-Z]{1,3}\d+)?|\d+:\d+|[A-Z]{1,3}:[A-Z]{1,3})$/.test(a) ? a : undefined;
}

/** One sync: activate the sheet, select the range. */
export async function selectCellInExcel(sheet: string, cell: string): Promise<void> {
  const address = selectableAddress(cell);
  if (!address)
    throw describeOfficeError(
      Object.assign(new Error(`“${cell}”不是有效的单元格地址`), { code: "InvalidArgument" }),
      "定位单元格"
    );
  try {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  } catch (e) {
    throw describeOfficeError(e, `定位到“${sheet}”的 ${address} `);
  }
}
