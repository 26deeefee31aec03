/**
 * TableData.records: the data rows read into plain objects, built only when first read (drafting
 * needs few of them; a million-row 表1 never needs them at all).
 */
import type { TableRecord } from "../figures";
import type { CellValue } from "../model";
import {
  isBlankCell,
  newReading,
  READ_OK,
  TYPE_CODE,
  TYPE_COUNT,
  TYPE_DATE,
  TYPE_ENUM,
  TYPE_MONEY,
  TYPE_PERCENT,
  TYPE_TEXT,
  type ColumnReader,
} from "../read/cell";
import { formatSerial } from "../read/dates";
import type { DetectedTable } from "../detect/table";
import { isSpaceCode } from "../read/normalise";
import type { CompiledDefinition } from "../definitions";
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

const T_TEXT: number = TYPE_TEXT;
const T_ENUM: number = TYPE_ENUM;
const T_COUNT: number = TYPE_COUNT;
const T_MONEY: number = TYPE_MONEY;
const T_DATE: number = TYPE_DATE;
const T_PERCENT: number = TYPE_PERCENT;
const spaceCode = isSpaceCode;

/** Reads the data rows into records (only when asked for: drafting needs few of them). */
export function buildRecords(
  t: CompiledDefinition,
  d: DetectedTable,
  end: number,
  mapped: Int32Array
): TableRecord[] {
  const all = t.readers;
  // the mapped columns, resolved once
  const ks = t.columns.flatMap((_, k) => ((d.colOf[k] ?? -1) >= 0 ? [k] : []));
  const sheetCols = ks.map((k) => d.colOf[k] as number);
  const headers = ks.map((k) => t.columns[k]?.header ?? "");
  const types = ks.map((k) => TYPE_CODE[t.columns[k]?.type ?? "text"]);
  const mins = ks.map((k) => t.columns[k]?.min ?? 0);
  const readers = ks.map((k) => all[k] as ColumnReader);
  const reading = newReading();
  const rows = d.sheet.values;
  const formats = d.sheet.formats;
  const hasFormats = formats !== undefined;
  const out: TableRecord[] = [];
  for (let r = d.headerRow + 1; r < end; r++) {
    const row = rows[r];
    if (!row || row.length === 0 || isBlankRow(row, mapped)) continue;
    const text: Record<string, string> = {};
    const numbers: Record<string, number> = {};
    for (let i = 0; i < ks.length; i++) {
      const v = row[sheetCols[i] as number];
      const type = types[i];
      const header = headers[i] as string;
      // fast paths: plain numbers, clean text, exact choices
      if (typeof v === "number") {
        if (type === T_COUNT && v >= (mins[i] as number) && Number.isSafeInteger(v)) {
          numbers[header] = v;
          continue;
        }
        if (type === T_MONEY && v >= 0 && v < 9e13 && Number.isInteger(v)) {
          numbers[header] = v * 100;
          continue;
        }
      } else if (
        typeof v === "string" &&
        v.length > 0 &&
        !spaceCode(v.charCodeAt(0)) &&
        !spaceCode(v.charCodeAt(v.length - 1))
      ) {
        if (
          type === T_TEXT ||
          (type === T_ENUM && (readers[i] as ColumnReader).enumIndex(v) >= 0)
        ) {
          text[header] = v;
          continue;
        }
      }
      (readers[i] as ColumnReader).read(
        v,
        formats?.[r]?.[sheetCols[i] as number],
        hasFormats,
        reading
      );
      if (reading.status !== READ_OK) continue;
      if (type === T_TEXT || type === T_ENUM) text[header] = reading.text;
      else if (type === T_DATE) text[header] = formatSerial(reading.value);
      else if (type === T_PERCENT) numbers[header] = pctTenths(reading.value);
      else numbers[header] = reading.value;
    }
    out.push({ row: r, text, numbers });
  }
  return out;
}
