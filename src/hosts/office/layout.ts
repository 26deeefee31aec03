/**
 * What the add-in writes, as data: the blank templates (from the core's BUILTIN_DEFINITIONS) and the
 * comparison sheet. Pure: no Office.js; `write.ts` applies a plan to a new sheet.
 */
import {
  a1,
  columnLetters,
  FRAME_LABELS,
  BUILTIN_DEFINITIONS,
  TOTAL_LABEL,
  YEAR_RANGE_TEXT,
  hasTotalRow,
  totalled,
  isStatYear,
  type ColumnDefinition,
  type TableDefinition,
} from "../../core";
import type { ComparisonRow, SeriesRow } from "../host";
import { TEXT_FORMAT, cellText, uniqueSheetName } from "./text";

export type PlanValue = string | number | boolean;

/** A rectangle of cells: number formats are written before values (text cells stay text). */
export interface PlanBlock {
  readonly address: string;
  readonly values?: PlanValue[][];
  readonly formats?: string[][];
  /** Formulas the add-in itself composes (=SUM over the template's rows); never user text. */
  readonly formulas?: string[][];
  readonly bold?: boolean;
}

export interface SheetPlan {
  readonly name: string;
  readonly blocks: readonly PlanBlock[];
  readonly lists?: readonly { readonly address: string; readonly allowed: readonly string[] }[];
  readonly freezeRows?: number;
  /** Protect the sheet, without a password, once written (a guard against accidental edits). */
  readonly protect?: boolean;
  readonly chart?: {
    readonly source: string;
    readonly title: string;
    readonly position: readonly [string, string];
    /**
     * `Excel.ChartType` and `Excel.ChartSeriesBy` (both ExcelApi 1.1); default a clustered column
     * chart with a series per column.
     */
    readonly type?: "Line";
    readonly seriesBy?: "Rows";
  };
}

/**
 * `b` cut into row bands whose `bytes` each stay under `maxBytes` (a band is at least one row), so
 * that no single write is too large for one request; `b` itself when it fits.
 * @example splitBlockRows({ address: "A1:B4", values: [[1, 2], [3, 4], [5, 6], [7, 8]] }, 40, (x) => JSON.stringify(x.values).length).map((x) => x.address) // ["A1:B2", "A3:B4"]
 */
export function splitBlockRows(
  b: PlanBlock,
  maxBytes: number,
  bytes: (b: PlanBlock) => number
): PlanBlock[] {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(b.address);
  const rows = b.values?.length ?? b.formats?.length ?? b.formulas?.length ?? 0;
  if (!m || rows < 2 || bytes(b) <= maxBytes) return [b];
  const [, c0, r0, c1] = m as unknown as [string, string, string, string];
  const first = Number(r0);
  const band = (from: number, to: number): PlanBlock => ({
    ...b,
    address: `${c0}${first + from}:${c1}${first + to - 1}`,
    values: b.values?.slice(from, to),
    formats: b.formats?.slice(from, to),
    formulas: b.formulas?.slice(from, to),
  });
  const out: PlanBlock[] = [];
  let from = 0;
  while (from < rows) {
    // grow the band while it fits: double, then settle on the last size that fitted
    let to = from + 1;
    for (let step = 1; to < rows; step *= 2) {
      const next = Math.min(rows, from + step * 2);
      if (bytes(band(from, next)) > maxBytes) break;
      to = next;
    }
    out.push(band(from, to));
    from = to;
  }
  return out;
}

/**
 * Why `year` is no statistical year (undefined when it is one).
 * @example yearProblem(13) // "统计年度“13”无效，请输入 1900–2099 之间的四位年份。"
 */
export function yearProblem(year: number): string | undefined {
  return isStatYear(year)
    ? undefined
    : `统计年度“${year}”无效，请输入 ${YEAR_RANGE_TEXT} 之间的四位年份。`;
}

/** Blank data rows of a template whose definition names none (the built-ins name theirs: `blankRows`). */
const TEMPLATE_DATA_ROWS = 20;

/**
 * Excel number format of a definition column.
 * @example columnFormat({ type: "money" }) // "0.00"
 */
export function columnFormat(c: Pick<ColumnDefinition, "type" | "decimals">): string {
  switch (c.type) {
    case "count":
      return "0";
    case "decimal":
      return c.decimals === 0 ? "0" : `0.${"0".repeat(c.decimals ?? 1)}`;
    case "money":
      return "0.00";
    case "date":
      return "yyyy-mm-dd";
    case "percent":
      return "0.0%";
    default:
      return TEXT_FORMAT;
  }
}

/**
 * A template's base sheet name for a year.
 * @example templateSheetBase(BUILTIN_DEFINITIONS[0], 2013) // "表1 党员发展 2013"
 */
export function templateSheetBase(t: TableDefinition, year: number): string {
  return `${t.label} ${t.name.replace(/情况$/, "")} ${year}`;
}

function row<T>(n: number, f: (i: number) => T): T[] {
  return Array.from({ length: n }, (_, i) => f(i));
}

/**
 * The blank template `t` for `year` (the sheet shape of docs/definitions.md): title, label/value
 * row, headers, blank data rows formatted by column type (lists for enum columns) and a 合计 row
 * summing count and money — not a column whose unit is on each row (表4's 受理数 in 件, 个 or
 * 人次), and no 合计 row when every count is one.
 */
function templatePlan(t: TableDefinition, year: number, name: string): SheetPlan {
  const cols = t.columns.length;
  const width = Math.max(cols, FRAME_LABELS.length * 2);
  const first = 4;
  const dataRows = t.blankRows ?? TEMPLATE_DATA_ROWS;
  const last = first + dataRows - 1;
  const total = last + 1;
  const frameValues: PlanValue[] = [];
  const frameFormats: string[] = [];
  for (const label of FRAME_LABELS) {
    frameValues.push(cellText(label), label === "统计年度" ? year : "");
    frameFormats.push(
      TEXT_FORMAT,
      label === "统计年度" ? "0" : label === "填报日期" ? "yyyy-mm-dd" : TEXT_FORMAT
    );
  }
  while (frameValues.length < width) {
    frameValues.push("");
    frameFormats.push(TEXT_FORMAT);
  }
  const formats = t.columns.map((c) => columnFormat(c));
  const totals = t.columns.map((c, i) => {
    if (i === 0) return "";
    if (!totalled(c)) return "";
    const col = columnLetters(i);
    return `=SUM(${col}${first}:${col}${last})`;
  });
  return {
    name,
    blocks: [
      {
        address: `A1:${a1(0, width - 1)}`,
        values: [[cellText(t.title), ...row(width - 1, () => "")]],
        formats: [row(width, () => TEXT_FORMAT)],
        bold: true,
      },
      { address: `A2:${a1(1, width - 1)}`, values: [frameValues], formats: [frameFormats] },
      {
        address: `A3:${a1(2, cols - 1)}`,
        values: [t.columns.map((c) => cellText(c.header))],
        formats: [row(cols, () => TEXT_FORMAT)],
        bold: true,
      },
      {
        address: `A${first}:${a1(last - 1, cols - 1)}`,
        formats: row(dataRows, () => formats),
      },
      ...(hasTotalRow(t)
        ? [
            {
              address: `A${total}:${a1(total - 1, cols - 1)}`,
              values: [[cellText(TOTAL_LABEL), ...row(cols - 1, () => "")]],
              formats: [formats.map((f, i) => (i === 0 ? TEXT_FORMAT : f))],
              formulas: [totals],
              bold: true,
            },
          ]
        : []),
    ],
    lists: t.columns.flatMap((c, i) =>
      c.type === "enum" && c.allowed
        ? [
            {
              address: `${columnLetters(i)}${first}:${columnLetters(i)}${last}`,
              allowed: c.allowed,
            },
          ]
        : []
    ),
    freezeRows: 3,
  };
}

/** The templates of the tables in force for `year`, named so that no existing sheet is touched. */
export function templatePlans(
  year: number,
  takenNames: Iterable<string>,
  definitions: readonly TableDefinition[] = BUILTIN_DEFINITIONS
): SheetPlan[] {
  const taken = new Set([...takenNames].map((n) => n.toLowerCase()));
  return definitions.map((t) => {
    const name = uniqueSheetName(templateSheetBase(t, year), taken);
    taken.add(name.toLowerCase());
    return templatePlan(t, year, name);
  });
}

type RowKind = "count" | "money" | "rate";

/**
 * How a comparison row is shown, from its unit.
 * @example rowKind("元") // "money"
 */
export function rowKind(unit: string): RowKind {
  if (unit === "元" || unit === "万元") return "money";
  if (unit === "%" || unit === "％" || unit === "个百分点") return "rate";
  return "count";
}

const KIND_FORMAT: Record<RowKind, string> = { count: "0", money: "0.00", rate: "0.0" };
const KIND_ORDER: Record<RowKind, number> = { count: 0, money: 1, rate: 2 };

/** Rows with their kind: counts first, then money, then rates, each kind in the order given. */
function byKind<R extends { readonly unit: string }>(rows: readonly R[]) {
  return rows
    .map((r, i) => ({ r, i, kind: rowKind(r.unit) }))
    .sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.i - b.i);
}

/**
 * The comparison sheet: counts first (they share a scale and make the chart), then money, then
 * rates; every text (indicator, unit, sheet, wording) written as text.
 */
export function comparisonPlan(
  rows: readonly ComparisonRow[],
  years: { current: number; previous: number },
  name: string
): SheetPlan {
  const ordered = byKind(rows);
  const header = [
    "指标",
    `${years.current}年`,
    `${years.previous}年`,
    "增减",
    "增减幅度",
    "单位",
    "来源表",
    "说明",
  ];
  const values: PlanValue[][] = ordered.map(({ r }) => [
    cellText(r.indicator),
    r.current,
    r.previous,
    r.change,
    r.pct === null ? "" : r.pct / 100,
    cellText(r.unit),
    cellText(r.sheet),
    cellText(r.text),
  ]);
  const formats = ordered.map(({ kind }) => [
    TEXT_FORMAT,
    KIND_FORMAT[kind],
    KIND_FORMAT[kind],
    KIND_FORMAT[kind],
    "0.0%",
    TEXT_FORMAT,
    TEXT_FORMAT,
    TEXT_FORMAT,
  ]);
  const counts = ordered.filter((o) => o.kind === "count").length;
  const charted = counts > 0 ? counts : ordered.length;
  const lastRow = 2 + ordered.length;
  const blocks: PlanBlock[] = [
    {
      address: "A1:H1",
      values: [
        [
          cellText(`${years.current}年与${years.previous}年主要指标对比`),
          "",
          "",
          "",
          "",
          "",
          "",
          "",
        ],
      ],
      formats: [row(8, () => TEXT_FORMAT)],
      bold: true,
    },
    { address: "A2:H2", values: [header], formats: [row(8, () => TEXT_FORMAT)], bold: true },
  ];
  if (ordered.length > 0) blocks.push({ address: `A3:H${lastRow}`, values, formats });
  return {
    name,
    blocks,
    freezeRows: 2,
    chart:
      ordered.length > 0
        ? {
            source: `A2:C${2 + charted}`,
            title: `${years.current}年与${years.previous}年对比${counts > 0 && counts < ordered.length ? "（人数、件数等计数指标）" : ""}`,
            position: ["J2", "R20"],
          }
        : undefined,
  };
}

/**
 * The 历年 sheet's name for the years.
 * @example seriesSheetBase({ from: 2009, to: 2013 }) // "历年 2009–2013"
 */
export function seriesSheetBase(years: { from: number; to: number }): string {
  return `历年 ${years.from}–${years.to}`;
}

/**
 * The 历年 sheet, named so that no existing sheet is touched: a name taken gets ` (2)`, as the
 * 同比 sheet's does.
 */
export function seriesSheetPlan(
  rows: readonly SeriesRow[],
  years: { from: number; to: number },
  taken: readonly string[]
): SheetPlan {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  return seriesPlan(rows, years, uniqueSheetName(seriesSheetBase(years), lower));
}

/**
 * The 历年 sheet: a row per figure, a column per year, then its unit, table and wording. Counts
 * first, then money, then rates (each kind in the order given); the line chart draws the figures
 * of the first unit only (one scale: its title names the unit), a line per figure across the years.
 */
export function seriesPlan(
  rows: readonly SeriesRow[],
  years: { from: number; to: number },
  name: string
): SheetPlan {
  const ordered = byKind(rows);
  const yearList = row(years.to - years.from + 1, (i) => years.from + i);
  const width = yearList.length + 4;
  const last = columnLetters(width - 1);
  const lastYear = columnLetters(yearList.length);
  const header = ["指标", ...yearList.map((y) => `${y}年`), "单位", "来源表", "说明"];
  const values: PlanValue[][] = ordered.map(({ r }) => [
    cellText(r.indicator),
    ...yearList.map((_, i) => r.values[i] ?? ""),
    cellText(r.unit),
    cellText(r.sheet),
    cellText(r.text),
  ]);
  const formats = ordered.map(({ kind }) => [
    TEXT_FORMAT,
    ...yearList.map(() => KIND_FORMAT[kind]),
    TEXT_FORMAT,
    TEXT_FORMAT,
    TEXT_FORMAT,
  ]);
  const unit = ordered[0]?.r.unit;
  // the chart's source is one rectangle: the first rows that share the first row's unit
  let charted = 0;
  while (charted < ordered.length && ordered[charted]?.r.unit === unit) charted++;
  const title = `${years.from}–${years.to}年主要指标`;
  /** A bold row of text across the sheet (the title, the header). */
  const textRow = (r: number, texts: readonly string[]): PlanBlock => ({
    address: `A${r}:${last}${r}`,
    values: [row(width, (c) => cellText(texts[c] ?? ""))],
    formats: [row(width, () => TEXT_FORMAT)],
    bold: true,
  });
  const head = [textRow(1, [title]), textRow(2, header)];
  if (ordered.length === 0) return { name, blocks: head, freezeRows: 2 };
  // under the table, as wide as eight columns; a line per figure across the years
  const chart: SheetPlan["chart"] = {
    source: `A2:${lastYear}${2 + charted}`,
    title: `${title}（单位：${unit ?? ""}）`,
    position: [`A${4 + ordered.length}`, `H${24 + ordered.length}`],
    type: "Line",
    seriesBy: "Rows",
  };
  const body: PlanBlock = { address: `A3:${last}${2 + ordered.length}`, values, formats };
  return { name, blocks: [...head, body], freezeRows: 2, chart };
}
