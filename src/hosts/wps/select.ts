/** Going to a cell when an issue is clicked: activates its sheet and selects the cell. */
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
