/**
 * Going to cells: an issue's cell when it is clicked, and the cells a number of the draft was
 * added up from (ET's Range takes a union address, `E4:E9,E11:E30`, as Excel's object model does).
 */
import type { RangesSelected } from "../host";
import { selectableAddress } from "../office/select";
import type { EtApplication } from "./et";
import { describeEtError, WpsHostError } from "./errors";
import { activeWorkbook, sheetByName } from "./workbook";

export function selectCellInEt(app: EtApplication, sheet: string, cell: string): void {
  const address = selectableAddress(cell);
  if (!address)
    throw new WpsHostError(`定位单元格失败：“${cell}”不是有效的单元格地址。`, "InvalidArgument");
  try {
    const ws = sheetByName(activeWorkbook(app), sheet);
    ws.Activate(); // Select fails on a sheet that is not active
    ws.Range(address).Select();
  } catch (e) {
    throw describeEtError(e, `定位到“${sheet}”的 ${address} `);
  }
}

/** Activates the sheet and selects every range at once (one union address). */
export function selectRangesInEt(
  app: EtApplication,
  sheet: string,
  ranges: readonly string[]
): RangesSelected {
  const addresses = ranges.map((r) => {
    const a = selectableAddress(r);
    if (!a)
      throw new WpsHostError(`定位单元格失败：“${r}”不是有效的单元格地址。`, "InvalidArgument");
    return a;
  });
  if (addresses.length === 0)
    throw new WpsHostError("定位单元格失败：没有要选中的单元格。", "InvalidArgument");
  const union = addresses.join(",");
  try {
    const ws = sheetByName(activeWorkbook(app), sheet);
    ws.Activate();
    ws.Range(union).Select();
  } catch (e) {
    throw describeEtError(e, `定位到“${sheet}”的 ${union} `);
  }
  return { sheet, selected: addresses, notSelected: [] };
}
