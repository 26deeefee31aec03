/**
 * From what Excel returns (`values`, `numberFormat`, `valueTypes`) to the core's neutral model, and
 * the arithmetic of reading in chunks. Pure functions: no Office.js here, tested directly.
 */
import { a1, type CellValue } from "../../core";

/**
 * One cell as the core wants it: blank → null, error values → `{ error }`, booleans and numbers
 * as such (a number formatted as a date stays a number; the core decides from the format).
 * @example toCellValue("#DIV/0!", "Error") // { error: '#DIV/0!' }
 * @example toCellValue("", "Empty") // null
 */
export function toCellValue(value: unknown, type: string | undefined): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return { error: String(value) };
    case "Boolean":
      return typeof value === "boolean" ? value : String(value).toUpperCase() === "TRUE";
    case "Double":
    case "Integer":
      return typeof value === "number" ? value : Number(value);
    case "String":
      // a formula returning "" looks blank and is blank to the checks
      return value === "" ? null : typeof value === "string" ? value : String(value);
    default:
      if (value === "" || value === null || value === undefined) return null;
      return typeof value === "number" || typeof value === "boolean" || typeof value === "string"
        ? value
        : String(value);
  }
}

/** Shares format strings (most cells of a column carry the same one); `General` → undefined. */
export class FormatInterner {
  private readonly seen = new Map<string, string>();
  intern(format: unknown): string | undefined {
    if (typeof format !== "string" || format === "General" || format === "") return undefined;
    let f = this.seen.get(format);
    if (f === undefined) {
      f = format;
      this.seen.set(format, f);
    }
    return f;
  }
}

/** Grows a sheet's rows and formats from a block read from Excel (rows in order). */
export class SheetAssembler {
  readonly values: CellValue[][] = [];
  readonly formats: (string[] | undefined)[] = [];
  private anyFormat = false;
  constructor(private readonly interner: FormatInterner) {}

  /** Appends the rows of a block (values, numberFormat and valueTypes of the same range). */
  append(
    values: readonly (readonly unknown[])[],
    formats: readonly (readonly unknown[])[],
    types: readonly (readonly unknown[])[]
  ): void {
    for (let r = 0; r < values.length; r++) {
      const vs = values[r] ?? [];
      const fs = formats[r];
      const ts = types[r];
      const row: CellValue[] = new Array<CellValue>(vs.length);
      let frow: string[] | undefined;
      for (let c = 0; c < vs.length; c++) {
        row[c] = toCellValue(vs[c], ts?.[c] as string | undefined);
        const f = this.interner.intern(fs?.[c]);
        if (f !== undefined) {
          frow ??= new Array<string>(vs.length);
          frow[c] = f;
        }
      }
      this.values.push(row);
      this.formats.push(frow);
      if (frow) this.anyFormat = true;
    }
  }

  /** Formats only when some cell has one (a sheet of General cells carries none). */
  get formatsOrUndefined(): (string[] | undefined)[] | undefined {
    return this.anyFormat ? this.formats : undefined;
  }
}

/**
 * A sheet without its blank edges: the rows after the last row with a value, and the columns after
 * the last column with one (formats there go too), as a used range of values only would give.
 * @example trimBlankEdges([[1, null], [null, null]], undefined).values // [[1]]
 */
export function trimBlankEdges(
  values: readonly CellValue[][],
  formats: readonly (string[] | undefined)[] | undefined
): { values: CellValue[][]; formats: (string[] | undefined)[] | undefined } {
  let rows = values.length;
  while (rows > 0 && values[rows - 1]!.every((v) => v === null)) rows--;
  let cols = 0;
  for (let r = 0; r < rows; r++) {
    const row = values[r]!;
    for (let c = row.length - 1; c >= cols; c--) {
      if (row[c] !== null) {
        cols = c + 1;
        break;
      }
    }
  }
  const kept = formats
    ?.slice(0, rows)
    .map((f) => f?.slice(0, cols))
    .map((f) => (f?.some((x) => x !== undefined) ? f : undefined));
  return {
    values: values.slice(0, rows).map((row) => row.slice(0, cols)),
    formats: kept?.some((f) => f !== undefined) ? kept : undefined,
  };
}

/**
 * Bytes of a block as JSON (UTF-8), what Excel sends back for `values`, `numberFormat` and
 * `valueTypes`: used to size the next chunk.
 * @example jsonBytes([[1, "a"]]) // 9
 */
export function jsonBytes(value: unknown): number {
  const s = JSON.stringify(value) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export interface ChunkLimits {
  /** Cells of the first chunk, before anything is known about the data. */
  readonly firstChunkCells: number;
  /** Bytes a chunk's response should carry (the estimate aims here). */
  readonly targetChunkBytes: number;
  /** Most cells in one chunk, whatever the estimate. */
  readonly maxChunkCells: number;
}

/**
 * Sizes row chunks so each response stays near `targetChunkBytes`: bytes per cell are measured on
 * each chunk read and the largest rate seen so far is used (a conservative estimate).
 * @example new ChunkPlanner({ firstChunkCells: 1000, targetChunkBytes: 1e6, maxChunkCells: 1e5 }).rowsFor(10) // 100
 */
export class ChunkPlanner {
  private bytesPerCell = 0;
  /** Cells of the next chunk when set (after a refusal), before the estimate takes over again. */
  private probeCells: number | undefined;
  constructor(private readonly limits: ChunkLimits) {}

  /** Rows of the next chunk for a sheet `columns` wide (at least 1). */
  rowsFor(columns: number): number {
    const cells =
      this.probeCells ??
      (this.bytesPerCell > 0
        ? Math.min(
            this.limits.maxChunkCells,
            Math.floor(this.limits.targetChunkBytes / this.bytesPerCell)
          )
        : this.limits.firstChunkCells);
    return Math.max(1, Math.floor(cells / Math.max(1, columns)));
  }

  /**
   * After Excel refused a response of `cells` cells as too large: the next chunk is a quarter
   * of it (at most the first chunk's size), measured before the estimate is used again.
   */
  refused(cells: number): void {
    this.probeCells = Math.max(
      1,
      Math.floor(Math.min(cells / 4, this.probeCells ?? this.limits.firstChunkCells))
    );
  }

  /** Records what a chunk of `cells` cells weighed. */
  observe(cells: number, bytes: number): void {
    if (cells > 0) this.bytesPerCell = Math.max(this.bytesPerCell, bytes / cells);
    this.probeCells = undefined;
  }

  get estimate(): number {
    return this.bytesPerCell;
  }
}

/**
 * Why a sheet cannot be read when its range from A1 is over `max` cells (undefined when it can).
 * @example tooLargeMessage("表1", 10, 10, 50) // "工作表“表1”的数据区域 A1:J10 共 100 个单元格，…"
 */
export function tooLargeMessage(
  name: string,
  rows: number,
  cols: number,
  max: number
): string | undefined {
  const cells = rows * cols;
  if (cells <= max) return undefined;
  return (
    `工作表“${name}”的数据区域 A1:${a1(rows - 1, cols - 1)} 共 ${cells.toLocaleString("en-US")} 个单元格，超过 ${max.toLocaleString("en-US")} 个单元格的上限，无法读取。` +
    `请删除多余的空行、空列（包括只填了空格的单元格），或把数据拆分到多个工作表后再试。`
  );
}
