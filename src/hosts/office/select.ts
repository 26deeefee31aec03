/**
 * Going to cells: an issue's cell when it is clicked, and the cells a number of the draft was
 * added up from (several rectangles of one sheet at once where Excel can).
 */
import { hasExcelApi } from "./api";
import type { RangesSelected } from "../host";
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

/** The address to select, or the host error for one that is not an address. */
function addressOrThrow(cell: string): string {
  const address = selectableAddress(cell);
  if (!address)
    throw describeOfficeError(
      Object.assign(new Error(`“${cell}”不是有效的单元格地址`), { code: "InvalidArgument" }),
      "定位单元格"
    );
  return address;
}

/** One sync: activate the sheet, select the range. */
export async function selectCellInExcel(sheet: string, cell: string): Promise<void> {
  const address = addressOrThrow(cell);
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

/**
 * Whether this Excel can select several rectangles at once: `Worksheet.getRanges` is ExcelApi
 * 1.9 and `RangeAreas.select` ExcelApi 1.18 (Microsoft's office.js reference for Excel.Worksheet
 * and Excel.RangeAreas, https://learn.microsoft.com/javascript/api/excel/excel.rangeareas;
 * a requirement set is asked with `Office.context.requirements.isSetSupported`,
 * https://learn.microsoft.com/javascript/api/office/office.requirementsetsupport).
 */
export function canSelectSeveralRanges(): boolean {
  return hasExcelApi("1.18");
}

/**
 * One sync: activate the sheet and select the ranges — `getRange(a).select()` for one,
 * `getRanges("a,b").select()` for several where Excel can; else the first only.
 */
export async function selectRangesInExcel(
  sheet: string,
  ranges: readonly string[]
): Promise<RangesSelected> {
  // no range at all is refused like a wrong address
  const addresses = (ranges.length > 0 ? ranges : [""]).map(addressOrThrow);
  const several = addresses.length > 1 && canSelectSeveralRanges();
  const selected = several ? addresses : addresses.slice(0, 1);
  try {
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      if (several) ws.getRanges(selected.join(",")).select();
      else ws.getRange(selected[0]).select();
      await context.sync();
    });
  } catch (e) {
    throw describeOfficeError(e, `定位到“${sheet}”的 ${selected.join("、")} `);
  }
  return { sheet, selected, notSelected: addresses.slice(selected.length) };
}
