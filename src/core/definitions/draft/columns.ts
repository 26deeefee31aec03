/**
 * A drafted column: its type, unit and choices inferred from the values the sheets already hold —
 * counts, money (元 from the header), 万元 amounts, decimals, percentages, dates, a text column of
 * few repeated values as a choice list, a 计量单位 column as the unit of each row. Every choice is
 * then read back with the checker's own cell reader: a column whose cells would not read as its
 * type becomes a text column, so the draft never makes a cell of the workbook an error.
 */
import { isDateValue, type CellValue } from "../../model";
import { ColumnReader, isBlankCell, newReading, READ_INVALID, READ_OK } from "../../read/cell";
import { isDateFormat, isPercentFormat, parseDateText } from "../../read/dates";
import { excelDigits, parseNumberText } from "../../read/numbers";
import { normaliseHeader, trimText } from "../../read/normalise";
import { COLUMN_TYPE_WORDS } from "../definition-messages";
import type { ColumnDefinition } from "../schema";
import type { SheetLayout } from "./layout";

/** One cell of a column, with its number format. */
export interface DraftCell {
  readonly value: CellValue;
  readonly format: string | undefined;
}

/** A column's cells on one sheet: its data rows (blank ones too) and its 合计 cell. */
export interface SheetColumn {
  readonly layout: SheetLayout;
  readonly cells: readonly DraftCell[];
  /** The 合计 row's cell; undefined when the sheet has no 合计 row. */
  readonly total: DraftCell | undefined;
}

/** A drafted column and what was noticed about it (for the report). */
export interface DraftedColumn {
  readonly column: ColumnDefinition;
  /** Things the bureau should look at, in Chinese. */
  readonly notes: readonly string[];
  /** Summed on a 合计 row (count and money columns whose 合计 is the sum of their rows). */
  readonly summed: boolean;
}

/** Units written in a header's brackets that are units of a count (`人数（人）`). */
const UNIT_WORDS = new Set(
  "个 人 人次 件 条 次 项 所 支 名 位 户 家 场 期 班 份 笔 篇 册 本 台 套 处 批 天 小时 学时 课时 元 万元 辆 吨 米 公里 平方米 亩".split(
    " "
  )
);

/** A count's unit from the end of its header: `参加人数` 人, `活动次数` 次 … */
const UNIT_ENDINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/人次$/, "人次"],
  [/(人数|党员数?|人员数?|教师数?|学生数?|职工数?|干部数?|志愿者数?|名额)$/, "人"],
  [/场次$/, "场"],
  [/(次数|频次)$/, "次"],
  [/件数$/, "件"],
  [/(项目数|项数)$/, "项"],
  [/(个数|数量)$/, "个"],
  [/期数$/, "期"],
  [/(天数|日数)$/, "天"],
  [/户数$/, "户"],
  [/(所数|学校数)$/, "所"],
  [/(队伍数|支数)$/, "支"],
  [/篇数$/, "篇"],
  [/(课时数?)$/, "课时"],
  [/(学时数?)$/, "学时"],
  [/(小时数?|时长)$/, "小时"],
];

/** The text inside a header's last brackets: `活动经费（元）` → `元`. */
function bracketed(header: string): string | undefined {
  const m = /[（(]([^（()）]{1,6})[）)]$/.exec(header);
  return m ? (m[1] as string).trim() : undefined;
}

/**
 * The unit a header names: in its last brackets, else from how it ends.
 * @example headerUnit("活动经费（万元）") // "万元"
 * @example headerUnit("参加党员数") // "人"
 */
export function headerUnit(header: string): string | undefined {
  const inBrackets = bracketed(header);
  if (inBrackets !== undefined && UNIT_WORDS.has(inBrackets)) return inBrackets;
  const bare = header.replace(/[（(][^（()）]*[）)]$/, "");
  for (const [ending, unit] of UNIT_ENDINGS) if (ending.test(bare)) return unit;
  return undefined;
}

const MONEY_WORDS = /金额|经费|资金|费用|支出|收入|款|工资|预算|决算|投入|奖金|补助|补贴/;
const PERCENT_WORDS = /率|%|％|比例|占比|百分比/;
/** Text columns that are no choice list, whatever their values. */
const FREE_TEXT = /名称|姓名|备注|说明|地址|内容|原因|情况|描述|事由|电话|意见|摘要|题目|标题/;

/** A column of row numbers (序号), a text column whatever it holds. */
const SERIAL_NUMBER = /^(序号|编号|序|no\.?)$/;

/** What one cell holds, for choosing the column's type. */
type CellKind = "number" | "percent" | "date" | "text" | "other";

function cellKind(c: DraftCell): CellKind {
  const v = c.value;
  if (typeof v === "number") {
    if (isDateFormat(c.format)) return "date";
    return isPercentFormat(c.format) ? "percent" : "number";
  }
  if (isDateValue(v)) return "date";
  if (typeof v !== "string") return "other";
  const parsed = parseNumberText(v);
  if (parsed !== undefined) return parsed.percent ? "percent" : "number";
  if (/[-/年.]/.test(v) && parseDateText(v) !== undefined) return "date";
  return "text";
}

/** A cell's number (a number typed as text read the same way), or undefined. */
function numberOf(v: CellValue): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return undefined;
  const parsed = parseNumberText(v);
  return parsed === undefined ? undefined : Number(parsed.decimal);
}

/** Decimals of a number as Excel keeps it (15 significant digits). */
function decimalsOf(v: number): number {
  const digits = excelDigits(v).replace(/0+$/, "");
  const point = digits.indexOf(".");
  return point < 0 || /e/i.test(digits) ? 0 : digits.length - point - 1;
}

/** True when every cell reads as this column's type (leniencies allowed: they are warnings). */
function readsAs(column: ColumnDefinition, cells: readonly DraftCell[]): boolean {
  const reader = new ColumnReader(column);
  const reading = newReading();
  return cells.every((c) => {
    reader.read(c.value, c.format, true, reading);
    return reading.status !== READ_INVALID;
  });
}

/** The sum of a column's data cells on one sheet as read with `column` (fen for money). */
function sheetSum(column: ColumnDefinition, cells: readonly DraftCell[]): number {
  const reader = new ColumnReader(column);
  const reading = newReading();
  let sum = 0;
  for (const c of cells) {
    reader.read(c.value, c.format, true, reading);
    if (reading.status === READ_OK) sum += reading.value;
  }
  return sum;
}

/**
 * Whether a count or money column is summed on the 合计 rows: not when a 合计 cell is blank or
 * unreadable where the rows are filled, nor when no sheet's 合计 equals the sum of its rows (an
 * average or a maximum there).
 */
function isSummed(column: ColumnDefinition, sheets: readonly SheetColumn[]): boolean {
  const reader = new ColumnReader({ ...column, min: 0 });
  const reading = newReading();
  let withTotal = 0;
  let agreeing = 0;
  for (const s of sheets) {
    if (s.total === undefined) continue;
    const filled = s.cells.some((c) => !isBlankCell(c.value));
    reader.read(s.total.value, s.total.format, true, reading);
    if (reading.status !== READ_OK) {
      if (filled) return false;
      continue;
    }
    withTotal++;
    if (reading.value === sheetSum(column, s.cells)) agreeing++;
  }
  return withTotal === 0 || agreeing > 0;
}

/** The column of a number's values: count, money, decimal (万元 too), with its unit and minimum. */
function numberColumn(
  base: Pick<ColumnDefinition, "header" | "key" | "required">,
  numbers: readonly number[]
): ColumnDefinition {
  const { header } = base;
  const unit = headerUnit(header);
  const decimals = Math.min(6, Math.max(0, ...numbers.map(decimalsOf)));
  const least = Math.min(...numbers);
  const min = least < 0 ? { min: Math.floor(least) } : {};
  if (unit === "万元")
    return { ...base, type: "decimal", decimals: Math.max(decimals, 1), unit, ...min };
  const money = unit === "元" || (unit === undefined && MONEY_WORDS.test(header));
  if (money && decimals <= 2) return { ...base, type: "money", ...min };
  if (decimals === 0 && !money)
    return { ...base, type: "count", ...(unit ? { unit } : {}), ...min };
  return { ...base, type: "decimal", decimals, ...(unit ? { unit } : {}), ...min };
}

/** True when a header is a 计量单位 column's (its values are units). */
export function isUnitColumn(header: string, values: readonly string[]): boolean {
  const key = normaliseHeader(header);
  if (key === "计量单位") return true;
  return key === "单位" && values.length > 0 && values.every((v) => UNIT_WORDS.has(v));
}

/** The distinct texts of a column, in the order first met. */
export function distinctTexts(cells: readonly DraftCell[]): string[] {
  const seen = new Set<string>();
  for (const c of cells) {
    const v = c.value;
    if (isBlankCell(v)) continue;
    seen.add(trimText(typeof v === "string" ? v : String(v)));
  }
  return [...seen];
}

/** True when some text repeats on one sheet (a choice, not a name). */
function repeatsOnASheet(sheets: readonly SheetColumn[]): boolean {
  return sheets.some((s) => {
    const texts = s.cells.flatMap((c) => (typeof c.value === "string" ? [trimText(c.value)] : []));
    return new Set(texts).size < texts.length;
  });
}

/** At most this many choices make a text column a choice list. */
const MAX_CHOICES = 12;

/**
 * Infers a column from its cells on every sheet of the table.
 * @example draftColumn("参加党员数", "c3", sheets).column // { header: "参加党员数", key: "c3", type: "count", unit: "人", required: true }
 */
export function draftColumn(
  header: string,
  key: string,
  sheets: readonly SheetColumn[]
): DraftedColumn {
  const all = sheets.flatMap((s) => s.cells);
  const filled = all.filter((c) => !isBlankCell(c.value));
  const required = filled.length === all.length && all.length > 0;
  const base = { header, key, required };
  const notes: string[] = [];
  const kinds = new Set(filled.map(cellKind));
  const only = (k: CellKind) => kinds.size === 1 && kinds.has(k);
  let column: ColumnDefinition = { ...base, type: "text" };
  const numbers = filled.map((c) => numberOf(c.value)).filter((n) => n !== undefined);
  if (filled.length === 0) {
    notes.push("各表这一列都是空的，暂定为文本");
  } else if (SERIAL_NUMBER.test(normaliseHeader(header))) {
    // 序号: the rows' numbers, never summed, and never asked of a unit
    column = { ...base, required: false, type: "text" };
  } else if (only("date")) {
    column = { ...base, type: "date" };
  } else if (
    (kinds.has("percent") && [...kinds].every((k) => k === "percent" || k === "number")) ||
    (only("number") && PERCENT_WORDS.test(header) && numbers.every((n) => n >= 0 && n <= 100))
  ) {
    column = { ...base, type: "percent" };
  } else if (only("number")) {
    column = numberColumn(base, numbers);
  } else if (kinds.has("number") && kinds.has("text") && !FREE_TEXT.test(header)) {
    const words = filled.filter((c) => cellKind(c) === "text").length;
    notes.push(`有${words}个单元格不是数字，暂定为文本列（没有合计）`);
  }
  if (column.type === "count" || column.type === "money") {
    if (!isSummed(column, sheets)) {
      const { header: h, key: k, required: r, unit, min } = column;
      column = {
        header: h,
        key: k,
        required: r,
        type: "decimal",
        decimals: 0,
        ...(unit === undefined ? {} : { unit }),
        ...(min === undefined ? {} : { min }),
      };
      notes.push("合计行这一列为空或不是各行之和，定为不求合计的数字列");
    }
  } else if (column.type === "decimal" && column.unit === "万元") {
    notes.push("以万元填写，定为小数列（金额列按元填写），因此不作合计指标");
  }
  if (column.type === "text" && filled.length > 0) {
    const values = distinctTexts(filled);
    if (isUnitColumn(header, values)) {
      column = { ...base, key: "unit", type: "enum", allowed: values };
    } else if (
      !FREE_TEXT.test(header) &&
      values.length <= MAX_CHOICES &&
      values.every((v) => v.length <= 20) &&
      repeatsOnASheet(sheets)
    ) {
      column = { ...base, type: "enum", allowed: values };
    }
  }
  if (!readsAs(column, all)) {
    notes.push(`有单元格不能按${COLUMN_TYPE_WORDS[column.type]}读取，改为文本`);
    column = { ...base, type: "text" };
  }
  const summed = column.type === "count" || column.type === "money";
  return { column, notes, summed };
}
