/**
 * Dates: Excel serial day numbers (1900 date system, with Excel's fictitious 1900-02-29), number
 * formats, and dates typed as text (`2013-05-01`, `2013/5/1`, `2013.5.1`, `2013年5月1日`).
 */

const MS_PER_DAY = 86_400_000;
/** 1899-12-30, the day Excel's serial 0 stands for (from serial 61 on). */
const EPOCH = Date.UTC(1899, 11, 30);
/** The largest serial Excel shows as a date: 9999-12-31. */
export const MAX_SERIAL = 2_958_465;

/**
 * Excel serial day number → [year, month (1-12), day]; undefined outside 1 … 9999-12-31.
 * @example serialToYmd(41395) // [2013, 5, 1]
 * @example serialToYmd(60) // [1900, 2, 29] (Excel's fictitious day)
 */
export function serialToYmd(serial: number): [number, number, number] | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const day = Math.floor(serial);
  if (day < 1 || day > MAX_SERIAL) return undefined;
  if (day === 60) return [1900, 2, 29];
  const d = new Date(EPOCH + (day < 60 ? day + 1 : day) * MS_PER_DAY);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/**
 * [year, month, day] → Excel serial; undefined when it is not a real date or before 1900-03-01.
 * @example ymdToSerial(2013, 5, 1) // 41395
 * @example ymdToSerial(2013, 2, 30) // undefined
 */
export function ymdToSerial(year: number, month: number, day: number): number | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 9999)
    return undefined;
  const t = Date.UTC(year, month - 1, day);
  const d = new Date(t);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    return undefined;
  }
  const serial = Math.round((t - EPOCH) / MS_PER_DAY);
  return serial >= 61 ? serial : undefined;
}

/**
 * Serial → `yyyy-mm-dd` (or the number itself when it is not a date).
 * @example formatSerial(41395) // "2013-05-01"
 */
export function formatSerial(serial: number): string {
  const ymd = serialToYmd(serial);
  if (!ymd) return String(serial);
  const [y, m, d] = ymd;
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** The year of a serial day number, or undefined. */
export function serialYear(serial: number): number | undefined {
  return serialToYmd(serial)?.[0];
}

const TEXT_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/**
 * A date typed as text → serial; undefined when the text is not a date.
 * @example parseDateText("2013年5月1日") // 41395
 * @example parseDateText("2013/5/1") // 41395
 * @example parseDateText("2013-02-30") // undefined
 */
export function parseDateText(text: string): number | undefined {
  const m = TEXT_DATE.exec(text.trim());
  if (!m) return undefined;
  return ymdToSerial(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Number format text without quoted literals, escaped characters and bracketed parts. */
function formatCode(format: string): string {
  return format.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "");
}

const dateFormatCache = new Map<string, boolean>();
const percentFormatCache = new Map<string, boolean>();

/**
 * True when a number format shows a date (`yyyy-mm-dd`, `m/d/yy`, `yyyy"年"m"月"d"日"`, `[$-804]yyyy年m月`).
 * @example isDateFormat("yyyy-mm-dd") // true
 * @example isDateFormat("0.00%") // false
 * @example isDateFormat("General") // false
 */
export function isDateFormat(format: string | undefined): boolean {
  if (format === undefined || format === "" || format === "General" || format === "@") return false;
  let known = dateFormatCache.get(format);
  if (known === undefined) {
    const code = formatCode(format);
    known = /[ymd年月日]/i.test(code);
    dateFormatCache.set(format, known);
  }
  return known;
}

/**
 * True when a number format shows a percentage.
 * @example isPercentFormat("0.0%") // true
 * @example isPercentFormat('0"%"') // false
 */
export function isPercentFormat(format: string | undefined): boolean {
  if (format === undefined || format === "" || format === "General") return false;
  let known = percentFormatCache.get(format);
  if (known === undefined) {
    known = formatCode(format).includes("%");
    percentFormatCache.set(format, known);
  }
  return known;
}
