/**
 * The reader's budgets: whatever a file says about itself, reading it costs at most
 * this much memory and time. One `ReadBudget` is shared by every file of a run (the command line
 * checks a folder of files together), so fifty files each under a limit cannot add up past it.
 *
 * The figures keep a run under about 1 GB of memory and 10 s on a 2-core machine while leaving
 * room for real workbooks: the largest the project supports (5,000,000 non-blank cells) is about
 * 150 MB of sheet XML.
 */
import { XlsxReadError } from "./errors";

export interface ReadLimits {
  /** Bytes of one .xlsx file as stored (the command line reads no more than this). */
  readonly maxFileBytes: number;
  /** Inflated bytes of one zip part (enforced while inflating, not taken from the header). */
  readonly maxPartBytes: number;
  /** Inflated bytes of all parts of all files of a run. */
  readonly maxInflatedBytes: number;
  /** Non-blank cells of all files of a run. */
  readonly maxCells: number;
  /**
   * Grid slots of all sheets of a run: every row up to the last one used and every column up to
   * the last one used in each row (blank ones included), and every cell a merged area fills.
   */
  readonly maxGridSlots: number;
  /** Merged areas of all sheets of a run. */
  readonly maxMerges: number;
  /** Shared-string items of all files of a run. */
  readonly maxSharedStrings: number;
  /** Characters of a sheet name (Excel's own limit is 31). */
  readonly maxSheetNameLength: number;
  /** Sheets of all files of a run. */
  readonly maxSheets: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 100 * MB,
  maxPartBytes: 200 * MB,
  maxInflatedBytes: 512 * MB,
  maxCells: 5_000_000,
  maxGridSlots: 20_000_000,
  maxMerges: 100_000,
  maxSharedStrings: 2_000_000,
  maxSheetNameLength: 31,
  maxSheets: 1_000,
};

/** `1,234,567` */
export function count(n: number): string {
  return n.toLocaleString("en-US");
}

/** `200 MB` */
export function megabytes(n: number): string {
  return `${Math.round(n / MB)} MB`;
}

/** The error for a limit passed: `what` says which, the limit is named in it. */
function tooLarge(what: string): XlsxReadError {
  return new XlsxReadError("too-large", `${what}，超出本程序的读取上限，请只保留统计表后再试`);
}

/** What a run has used so far, and its limits. */
export class ReadBudget {
  readonly limits: ReadLimits;
  inflatedBytes = 0;
  cells = 0;
  gridSlots = 0;
  merges = 0;
  sharedStrings = 0;
  sheets = 0;

  constructor(limits: Partial<ReadLimits> = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Bytes a part may still inflate to (the smaller of the part and run limits). */
  partAllowance(): number {
    return Math.max(
      0,
      Math.min(this.limits.maxPartBytes, this.limits.maxInflatedBytes - this.inflatedBytes)
    );
  }

  /** The error for a part that would pass `partAllowance()`. */
  partTooLarge(part: string): XlsxReadError {
    return this.limits.maxInflatedBytes - this.inflatedBytes < this.limits.maxPartBytes
      ? tooLarge(`解压后的内容合计超过 ${megabytes(this.limits.maxInflatedBytes)}（部件 ${part}）`)
      : tooLarge(`部件 ${part} 解压后超过 ${megabytes(this.limits.maxPartBytes)}`);
  }

  addSlots(n: number): void {
    this.gridSlots += n;
    if (this.gridSlots > this.limits.maxGridSlots)
      throw tooLarge(
        `工作表的行列范围过大（合计超过 ${count(this.limits.maxGridSlots)} 个单元格位置，常见原因是远处有零星内容或大范围合并单元格）`
      );
  }

  addMerge(): void {
    if (++this.merges > this.limits.maxMerges)
      throw tooLarge(`合并单元格超过 ${count(this.limits.maxMerges)} 处`);
  }

  addSharedString(): void {
    if (++this.sharedStrings > this.limits.maxSharedStrings)
      throw tooLarge(`共享字符串超过 ${count(this.limits.maxSharedStrings)} 条`);
  }

  addSheet(name: string): void {
    if (++this.sheets > this.limits.maxSheets)
      throw tooLarge(`工作表超过 ${count(this.limits.maxSheets)} 张`);
    if (name.length > this.limits.maxSheetNameLength)
      throw new XlsxReadError(
        "corrupt",
        `文件已损坏（工作表名称长 ${count(name.length)} 个字符，Excel 允许最多 ${this.limits.maxSheetNameLength} 个），请在 Excel 中打开后另存为 .xlsx 再试`
      );
  }

  cellLimitMessage(): string {
    return `表格过大：超过 ${count(this.limits.maxCells)} 个非空单元格（本次读取的所有文件合计），请只保留统计表后再试`;
  }
}
