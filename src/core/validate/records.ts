/**
 * TableData.records: the data rows read into plain objects, built only when first read (drafting
 * needs few of them; a million-row 表1 never needs them at all).
 */
import type { TableRecord } from "../figures";
import type { CellValue } from "../model";
import { isBlankCell, newReading, READ_OK, type ColumnReader } from "../read/cell";
import { formatSerial } from "../read/dates";
import type { DetectedTable } from "../read/sheet";
import { columnReaders, type CompiledTemplate } from "../templates";
import { pctTenths } from "./figures";

const blankCell = isBlankCell;

/** True when every mapped cell of the row is blank. */
export function isBlankRow(row: readonly CellValue[], mapped: Int32Array): boolean {
  for (let i = 0; i < mapped.length; i++) {
    const v = row[mapped[i] as number];
    if (!blankCell(v)) return false;
  }
  return true;
}

/** Reads the data rows into records (only when asked for: drafting needs few of them). */
export function buildRecords(
  t: CompiledTemplate,
  d: DetectedTable,
  end: number,
  mapped: Int32Array
): TableRecord[] {
  const readers = columnReaders(t);
  const reading = newReading();
  const rows = d.sheet.values;
  const hasFormats = d.sheet.formats !== undefined;
  const out: TableRecord[] = [];
  for (let r = d.headerRow + 1; r < end; r++) {
    const row = rows[r];
    if (!row || row.length === 0 || isBlankRow(row, mapped)) continue;
    const text: Record<string, string> = {};
    const numbers: Record<string, number> = {};
    t.columns.forEach((col, k) => {
      const c = d.colOf[k] as number;
      if (c < 0) return;
      (readers[k] as ColumnReader).read(row[c], d.sheet.formats?.[r]?.[c], hasFormats, reading);
      if (reading.status !== READ_OK) return;
      switch (col.type) {
        case "text":
        case "enum":
          text[col.header] = reading.text;
          break;
        case "date":
          text[col.header] = formatSerial(reading.value);
          break;
        case "percent":
          numbers[col.header] = pctTenths(reading.value);
          break;
        default:
          numbers[col.header] = reading.value;
      }
    });
    out.push({ row: r, text, numbers });
  }
  return out;
}
