/**
 * What `bureau-stats check` prints: the JSON object of the contract, or the text report (issues
 * grouped by sheet, the comparison table, the draft).
 */
import {
  issueMessage,
  issuePlace,
  placeInWords,
  recordUnit,
  type CompiledDefinition,
  doubtReasons,
  parseA1,
  noTablesLines,
  naturalValue,
  runWording,
  type Analysis,
  type FigureSeries,
  type SeriesGapReason,
  type WorkbookModel,
  type Verdict,
  type Comparison,
  type MoneyUnit,
  formatScaled,
  roundHalfUp,
  type Issue,
  type IssueValue,
  type DraftFigureKind,
  type FigureCells,
} from "../core";

export interface JsonIssue {
  readonly rule: string;
  readonly severity: "error" | "warning";
  readonly sheet: string;
  readonly cell: string;
  readonly message: string;
  readonly value: IssueValue;
  readonly expected: IssueValue;
  readonly explained: boolean;
}

export interface JsonComparison {
  readonly sheet: string;
  /** The figure's label: the group then the indicator (`来电受理数`), or the indicator. */
  readonly indicator: string;
  readonly current: number;
  readonly previous: number;
  readonly change: number;
  readonly pct: number | null;
  /** The wording; ends with `【待核】` when unverified. */
  readonly text: string;
  /** True when either year's figure depends on a cell with an error. */
  readonly unverified: boolean;
}

export interface JsonUnverified {
  /** Where the (first) error the figure depends on is. */
  readonly sheet: string;
  readonly cell: string;
  /** The figure as written in the draft, without the mark. */
  readonly text: string;
  readonly figure: string;
  /** Every error it depends on, as `sheet!cell`. */
  readonly sources: string[];
  /** Its numbers, as indices into `draft.figures`. */
  readonly figures: readonly number[];
}

/** A number of the draft text and where it comes from. */
export interface JsonFigure {
  readonly text: string;
  readonly value: number;
  /** Where it is in `draft.text`: `text.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
  readonly kind: DraftFigureKind;
  readonly label: string;
  readonly cells: readonly FigureCells[];
  readonly formula: string;
  /** The errors it depends on (it is written `【待核】`), as `sheet!cell`. */
  readonly unverified: readonly string[];
}

/** One figure over the years (`--since`), values in natural units (元, percent). */
export interface JsonSeries {
  /** The figure id, e.g. `T1/发展预备党员`. */
  readonly id: string;
  /** The table's label (`表1`). */
  readonly table: string;
  readonly label: string;
  readonly unit: string;
  readonly kind: "count" | "money" | "rate";
  /** Every year from the first to the report year; `value` null for a gap. */
  readonly values: readonly { readonly year: number; readonly value: number | null }[];
  /** From each year to the next: the change (null across a gap) and the percentage (one decimal). */
  readonly steps: readonly {
    readonly fromYear: number;
    readonly year: number;
    readonly change: number | null;
    readonly pct: number | null;
  }[];
  readonly gaps: readonly { readonly year: number; readonly reason: SeriesGapReason }[];
  /** The latest run of at least 2 increases or decreases ending at the report year. */
  readonly run: {
    readonly direction: "up" | "down";
    readonly steps: number;
    readonly fromYear: number;
  } | null;
  /** The compound average growth per year in percent, one decimal (8.2); null when none. */
  readonly average: number | null;
  /** The report year against the first: the change and its percentage (null for a rate). */
  readonly fromFirst: {
    readonly year: number;
    readonly change: number;
    readonly pct: number | null;
  } | null;
  /** The wording (`比2009年翻了一番，年均增长18.9%，连续4年增长`); empty with a gap. */
  readonly text: string;
  /** The years whose value depends on a cell with an error (its phrases are 【待核】). */
  readonly unverifiedYears: readonly number[];
}

export interface JsonReport {
  /** What the check came to: always `checked` here (a check that stops prints its own outcome). */
  readonly outcome: "checked";
  readonly year: number | null;
  readonly previousYear: number | null;
  /**
   * The core's verdict, with `unexplained` named `unexplainedWarnings`, `toFix` `warningsToFix`
   * and `previousErrors` `previousYearErrors`.
   */
  readonly verdict: Omit<Verdict, "unexplained" | "toFix" | "previousErrors"> & {
    readonly warningsToFix: number;
    readonly unexplainedWarnings: number;
    readonly previousYearErrors: number;
  };
  readonly issues: JsonIssue[];
  readonly comparisons: JsonComparison[];
  /** Each figure over the years, with `--since` only. */
  readonly series?: JsonSeries[];
  /** The first year of the series, with `--since` only. */
  readonly since?: number;
  readonly draft: {
    readonly text: string;
    readonly html: string;
    readonly unverified: JsonUnverified[];
    readonly figures: JsonFigure[];
  };
}

/**
 * The `--json` object: `{ year, previousYear, verdict, issues, comparisons, draft: { text, html, unverified } }`.
 * @example jsonReport(analysis).issues[0].rule // "T1-01"
 */
export function jsonReport(a: Analysis): JsonReport {
  const v = a.verdict;
  return {
    outcome: "checked",
    year: a.currentYear ?? null,
    previousYear: a.previousYear ?? null,
    verdict: {
      ok: v.ok,
      text: v.text,
      missing: v.missing,
      empty: v.empty,
      errors: v.errors,
      warningsToFix: v.toFix,
      unexplainedWarnings: v.unexplained,
      previousYearErrors: v.previousErrors,
    },
    issues: a.issues.map((i) => ({
      rule: i.rule,
      severity: i.severity,
      sheet: i.sheet,
      cell: i.cell,
      message: issueMessage(i),
      value: i.value ?? null,
      expected: i.expected ?? null,
      explained: i.explained,
    })),
    comparisons: a.comparisons.map((c) => ({
      sheet: c.sheet,
      indicator: c.label,
      current: c.current,
      previous: c.previous,
      change: c.change,
      pct: c.pct,
      text: c.text,
      unverified: c.unverified,
    })),
    ...(a.series === undefined
      ? {}
      : { since: a.since, series: a.series.map((f) => jsonSeries(f, a)) }),
    draft: {
      text: a.draft.text,
      html: a.draft.html,
      unverified: a.draft.unverified.map((u) => ({
        sheet: u.sheet,
        cell: u.cell,
        text: u.text,
        figure: u.figure,
        sources: u.sources.map((s) => `${s.sheet}!${s.cell}`),
        figures: u.figures ?? [],
      })),
      figures: a.draft.figures.map((f) => ({
        text: f.text,
        value: f.value,
        start: f.start,
        end: f.end,
        kind: f.kind,
        label: f.label,
        cells: f.cells,
        formula: f.formula,
        unverified: (f.unverified ?? []).map((s) => `${s.sheet}!${s.cell}`),
      })),
    },
  };
}

/** A percentage in tenths as a number of percent with one decimal (189 → 18.9). */
const percent = (tenths: number | null | undefined): number | null =>
  tenths === null || tenths === undefined ? null : tenths / 10;

/** The table label of a table id, as the 同比 table shows it (`表1`). */
function tableLabel(a: Analysis, tableId: string, sheet: string): string {
  return a.definitions.find((t) => t.id === tableId)?.label ?? sheet.split(" ")[0] ?? "";
}

/**
 * One figure over the years as the `--json` object gives it.
 * @example jsonSeries(analysis.series[0], analysis).average // 18.9
 */
export function jsonSeries(f: FigureSeries, a: Analysis): JsonSeries {
  const s = f.series;
  const natural = (v: number) => naturalValue(v, f.kind);
  const first = s.fromFirst;
  return {
    id: f.id,
    table: tableLabel(a, f.tableId, f.sheet),
    label: f.label,
    unit: f.unit,
    kind: f.kind,
    values: f.values.map((v) => ({ year: v.year, value: v.value ?? null })),
    steps: s.steps.map((st) => ({
      fromYear: st.fromYear,
      year: st.year,
      change: st.change === undefined ? null : natural(st.change),
      pct: percent(st.pctTenths),
    })),
    gaps: s.gaps.map((g) => ({ year: g.year, reason: g.reason })),
    run: s.run
      ? { direction: s.run.direction, steps: s.run.steps, fromYear: s.run.fromYear }
      : null,
    average: percent(s.average?.tenths),
    fromFirst:
      first && s.firstYear !== undefined
        ? { year: s.firstYear, change: natural(first.change), pct: percent(first.pctTenths) }
        : null,
    text: f.text,
    unverifiedYears: f.unverifiedYears,
  };
}

const GAP_WORDS: Readonly<Record<SeriesGapReason, string>> = {
  missing: "缺少{year}年的数",
  blank: "{year}年的数为空白",
  twice: "{year}年有两个不同的数",
};

/** The 说明 of a series: its wording (【待核】 when a year's value is in doubt), or its gaps. */
function seriesNote(f: FigureSeries): string {
  if (f.series.gaps.length > 0) {
    // one phrase per reason, its years joined: 缺少2010、2011年的数
    const reasons = [...new Set(f.series.gaps.map((g) => g.reason))];
    return reasons
      .map((reason) => {
        const years = f.series.gaps.filter((g) => g.reason === reason).map((g) => g.year);
        return GAP_WORDS[reason].replace("{year}", years.join("、"));
      })
      .join("，");
  }
  if (f.text === "") return "";
  return f.unverifiedYears.length > 0 ? `${f.text}【待核】` : f.text;
}

/**
 * The 历年 table: one row per figure, a column per year (— for a gap, 【待核】 beside a value in
 * doubt), then since the first year, the average, the run and the wording.
 */
function seriesLines(a: Analysis, money: MoneyUnit): string[] {
  const list = a.series;
  if (list === undefined || a.since === undefined || a.currentYear === undefined) return [];
  const years: number[] = [];
  for (let y = a.since; y <= a.currentYear; y++) years.push(y);
  const out = [
    "",
    `历年（${a.since}–${a.currentYear}年${money === "万元" ? "；金额单位：万元" : ""}）`,
  ];
  if (list.length === 0) return [...out, "  没有可比较的指标。"];
  const rows: string[][] = [
    ["  表", "指标", ...years.map((y) => `${y}年`), "比首年", "年均", "连续", "说明"],
  ];
  for (const f of list) {
    const kind = { kind: f.kind };
    const first = f.series.fromFirst;
    const fromFirst = !first
      ? "—"
      : f.kind === "rate"
        ? `${first.change > 0 ? "+" : ""}${Number(naturalValue(first.change, "rate").toFixed(1))}`
        : first.pctTenths === null
          ? "—"
          : `${first.pctTenths > 0 ? "+" : ""}${(first.pctTenths / 10).toFixed(1)}%`;
    const average = f.series.average;
    rows.push([
      "  " + terminalSafe(tableLabel(a, f.tableId, f.sheet)),
      terminalSafe(f.label),
      ...years.map((year) => {
        const v = f.values.find((p) => p.year === year)?.value;
        if (v === undefined) return "—";
        return showNumber(v, kind, money) + (f.unverifiedYears.includes(year) ? "【待核】" : "");
      }),
      fromFirst,
      average ? `${(average.tenths / 10).toFixed(1)}%` : "—",
      runWording(f.series) || "—",
      terminalSafe(seriesNote(f)),
    ]);
  }
  const numeric = years.map(() => true);
  out.push(...table(rows, [false, false, ...numeric, true, true, false, false]));
  return out;
}

/**
 * Columns a string takes in a terminal (CJK and full-width characters take two).
 * @example displayWidth("表1 ab") // 6
 */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    w +=
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      c >= 0x20000
        ? 2
        : 1;
  }
  return w;
}

/**
 * Invisible format characters that change how a line displays: bidi embeddings,
 * overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F, U+061C) can
 * show a line reversed; zero-width characters, the word joiner, invisible operators, the soft
 * hyphen, U+FEFF, deprecated format controls, interlinear annotations and the line/paragraph
 * separators hide or move text. U+FFFE/U+FFFF are not characters at all.
 */
function isFormatControl(c: number): boolean {
  if (c < 0x2000) return c === 0xad || c === 0x61c || c === 0x180e;
  if (c <= 0x206f)
    return (c >= 0x200b && c <= 0x200f) || (c >= 0x2028 && c <= 0x202e) || c >= 0x2060;
  return c === 0xfeff || (c >= 0xfff9 && c <= 0xfffb) || c === 0xfffe || c === 0xffff;
}

/**
 * Cell text made safe to print to a terminal: a control character — ESC of an escape
 * sequence, CR that would overwrite the line, a line break or tab inside one issue line, C1 — is
 * shown as its visible symbol (␛ ␍ ␊ ␉ …) instead of acting on the terminal. `keepLineFeeds` keeps
 * the paragraph breaks of the draft. An invisible format character (bidi override, zero-width
 * space …) is shown as its code point, `<U+202E>`, so no line displays reversed or hides
 * text.
 * @example terminalSafe("a\u001b[2J\r=1+1") // "a␛[2J␍=1+1"
 * @example terminalSafe("abc\u202edef") // "abc<U+202E>def"
 */
export function terminalSafe(s: string, keepLineFeeds = false): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && (c < 0x7f || c > 0x9f)) {
      if (c < 0xad || !isFormatControl(c)) continue;
      out += s.slice(from, i) + `<U+${c.toString(16).toUpperCase().padStart(4, "0")}>`;
      from = i + 1;
      continue;
    }
    if (c === 0x0a && keepLineFeeds) continue;
    out +=
      s.slice(from, i) +
      (c < 0x20 ? String.fromCharCode(0x2400 + c) : c === 0x7f ? "\u2421" : "\ufffd");
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

function pad(s: string, width: number, right = false): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** A plain table with aligned columns (numbers right-aligned). */
function table(rows: readonly (readonly string[])[], rightAligned: readonly boolean[]): string[] {
  const widths: number[] = [];
  for (const r of rows)
    r.forEach((cell, k) => (widths[k] = Math.max(widths[k] ?? 0, displayWidth(cell))));
  return rows.map((r) =>
    r
      .map((cell, k) =>
        k === r.length - 1 ? cell : pad(cell, widths[k] ?? 0, rightAligned[k] === true)
      )
      .join("  ")
      .trimEnd()
  );
}

/**
 * A number as the comparison table shows it (no float noise, no thousands separators); money in
 * 元 with 2 decimals, or with `money` 万元 in 万元 rounded half-up to 2 decimals.
 * @example showNumber(301370.5) // "301370.50"
 * @example showNumber(301370.5, { kind: "money" }, "万元") // "30.14"
 */
export function showNumber(
  n: number,
  c?: Pick<Comparison, "kind">,
  money: MoneyUnit = "元"
): string {
  if (c?.kind === "money" && money === "万元")
    // hundredths of 万元 are 10,000 fen each, rounded half-up as the wording rounds them
    return formatScaled(roundHalfUp(BigInt(Math.round(n * 100)), BigInt(10000)), 2);
  if (c?.kind === "money") return n.toFixed(2);
  if (c?.kind === "rate") return `${Number(n.toFixed(1))}%`;
  return String(Number(n.toFixed(6)));
}

/**
 * Issues in reading order of their sheet: by row, then column (whole columns first); stable.
 * Each address is parsed once (a comparator parsing both addresses would parse ~3 million times
 * for 100,000 issues).
 * @example inReadingOrder([{ cell: "C7" }, { cell: "A3" }]) // A3, C7
 */
function inReadingOrder<T extends Pick<Issue, "cell">>(issues: readonly T[]): T[] {
  const keyed = issues.map((issue) => {
    const p = parseA1(issue.cell);
    return { issue, row: p?.row ?? -1, col: p?.col ?? -1 };
  });
  keyed.sort((a, b) => a.row - b.row || a.col - b.col);
  return keyed.map((k) => k.issue);
}

function severityLabel(i: Issue): string {
  return i.severity === "error" ? "错误" : "警告";
}

/**
 * An issue's place in words (`第6行（昆山市第一中学）“发展预备党员”`), read from the workbook
 * checked; without it, the unit of the row's record (`单位名称“…”`) or nothing.
 */
function plainPlace(i: Issue, a: Analysis, found: TextReportWorkbook | undefined): string {
  if (found?.definitions) return placeInWords(issuePlace(i, found.workbook, found.definitions));
  const unit = recordUnit(i, a.tables, a.definitions);
  return unit ?? "";
}

/** The workbook a text report is about, and the definitions it was checked with. */
export interface TextReportWorkbook {
  readonly workbook: WorkbookModel;
  /** The file to name when no table was found. */
  readonly file: string;
  readonly definitions?: readonly CompiledDefinition[];
  /** The money of the 同比 and 历年 tables in 万元 (`--wan`, as the wording); 元 by default. */
  readonly moneyUnit?: MoneyUnit;
}

/** The sheet names in workbook order: those with tables first, then any others with issues. */
function sheetOrder(a: Analysis): string[] {
  const names = a.tables.map((t) => t.sheet);
  for (const i of a.issues) if (!names.includes(i.sheet)) names.push(i.sheet);
  return names;
}

/**
 * The text report: summary, issues by sheet, comparison table, draft.
 * When no table was found, `found` (the workbook checked, and the file to name) lets it say what
 * header rows the sheets have.
 * @example textReport(analysis).startsWith("找到统计表")
 */
export function textReport(a: Analysis, found?: TextReportWorkbook): string {
  const out: string[] = [];
  const money = found?.moneyUnit ?? "元";
  const errors = a.issues.filter((i) => i.severity === "error").length;
  const warnings = a.issues.length - errors;
  const explained = a.issues.filter((i) => i.severity === "warning" && i.explained).length;
  if (a.tables.length === 0) {
    const workbook = found?.workbook ?? { sheets: [] };
    out.push(...noTablesLines(a.definitions, workbook, found?.file).map((l) => terminalSafe(l)));
    return out.join("\n") + "\n";
  }
  const yearless = a.tables.filter((t) => t.year === undefined).length;
  const yearList = a.years.map((y) => `${y.year}年${y.tables}张`);
  if (yearless > 0) yearList.push(`年度不明${yearless}张`);
  const total = a.years.reduce((n, y) => n + y.tables, 0) + yearless;
  const inSeries = (y: number): boolean =>
    a.since !== undefined && a.currentYear !== undefined && y >= a.since && y < a.currentYear;
  const others = a.years.filter(
    (y) => y.year !== a.currentYear && y.year !== a.previousYear && !inSeries(y.year)
  );
  out.push(`找到统计表${total}张（${yearList.join("，")}）。`);
  if (a.currentYear !== undefined)
    out.push(
      `报告年度：${a.currentYear}年，${a.previousYear === undefined ? `没有${a.currentYear - 1}年的表，不作同比` : `与${a.previousYear}年比较`}` +
        (a.since === undefined ? "" : `，历年变化自${a.since}年起`) +
        (others.length > 0
          ? `（${others.map((y) => `${y.year}年`).join("、")}的表未校验，可用 --year 选择）`
          : "") +
        "。"
    );
  out.push(
    `校验结果：错误${errors}项，警告${warnings}项${explained > 0 ? `（其中${explained}项已在备注中说明）` : ""}。`
  );
  out.push(a.verdict.text);
  if (a.draft.unverified.length > 0)
    out.push(
      `报告段落中有${a.draft.unverified.length}个数字所依据的单元格有错误或未说明的警告，已标注“【待核】”，改正或说明前请勿上报。`
    );
  for (const sheet of sheetOrder(a)) {
    const issues = inReadingOrder(a.issues.filter((i) => i.sheet === sheet));
    const e = issues.filter((i) => i.severity === "error").length;
    out.push("");
    out.push(
      `【${terminalSafe(sheet)}】${issues.length === 0 ? "无问题" : `错误${e}项，警告${issues.length - e}项`}`
    );
    // the place in words (the sheet is the heading); the address and the rule after the message
    const rows = issues.map((i) => [
      "  " + severityLabel(i),
      terminalSafe(plainPlace(i, a, found)),
      terminalSafe(`${issueMessage(i)}  ${i.cell}·${i.rule}`),
    ]);
    out.push(...table(rows, []));
  }

  out.push("");
  if (a.comparisons.length === 0) {
    out.push(
      a.previousYear === undefined
        ? "同比：没有上年的统计表，不作比较。"
        : "同比：没有可比较的指标。"
    );
  } else {
    out.push(
      `同比（${a.currentYear ?? "本"}年与${a.previousYear ?? "上"}年${money === "万元" ? "；金额单位：万元" : ""}）`
    );
    const rows: string[][] = [
      [
        "  表",
        "指标",
        `${a.currentYear ?? "本"}年`,
        `${a.previousYear ?? "上"}年`,
        "增减",
        "增减%",
        "说明",
      ],
    ];
    for (const c of a.comparisons) {
      rows.push([
        // the table's label (表1), whatever its sheet is named
        "  " + terminalSafe(tableLabel(a, c.tableId, c.sheet)),
        terminalSafe(c.label),
        showNumber(c.current, c, money),
        showNumber(c.previous, c, money),
        (c.change > 0 ? "+" : "") +
          (c.kind === "rate" ? `${Number(c.change.toFixed(1))}` : showNumber(c.change, c, money)),
        c.pct === null ? "—" : `${c.pct.toFixed(1)}%`,
        terminalSafe(c.text),
      ]);
    }
    out.push(...table(rows, [false, false, true, true, true, true, false]));
  }
  out.push(...seriesLines(a, money));

  out.push("");
  if (a.draft.text.trim() === "") out.push("报告段落：没有可写入报告的数字。");
  else {
    out.push(`报告段落（${a.currentYear ?? ""}年）`);
    out.push(terminalSafe(a.draft.text.replace(/\s+$/, ""), true));
  }
  if (a.draft.unverified.length > 0) {
    out.push("");
    out.push(`待核数字（${a.draft.unverified.length}处，改正或说明后重新校验）`);
    for (const u of a.draft.unverified) {
      out.push(terminalSafe(`  ${u.figure}：${u.text}`));
      for (const reason of doubtReasons(u.sources, a.issues))
        out.push(terminalSafe(`    ${reason}`));
    }
  }
  return out.join("\n") + "\n";
}

/**
 * Why a command stopped, for the user: a code (those of the check's outcomes, and the command
 * line's own for output files), the fields that name what, and the lines of the message.
 */
export interface CliFailure {
  readonly code: string;
  readonly lines: readonly string[];
  readonly fields?: Readonly<Record<string, unknown>>;
}

/**
 * The `--json` object of a command that stopped: `{ ok: false, code, …fields, message }`, so a
 * script reading stdout always gets JSON.
 * @example jsonFailure({ code: "unreadable-file", lines: ["a.xlsx：找不到文件"], fields: { file: "a.xlsx" } })
 * // { ok: false, code: "unreadable-file", file: "a.xlsx", message: "a.xlsx：找不到文件" }
 */
export function jsonFailure(f: CliFailure): Record<string, unknown> {
  return { outcome: f.code, ...f.fields, message: f.lines.join("\n") };
}

/**
 * The stderr text of a command that stopped: one line, or a heading line and one indented line
 * per problem; nothing from a file that a terminal would act on.
 * @example failureText({ code: "no-data", lines: ["a.xlsx：没有数据"] }) // "a.xlsx：没有数据\n"
 */
export function failureText(f: CliFailure): string {
  const [head = "", ...rest] = f.lines;
  if (rest.length === 0) return terminalSafe(head.replace(/\s*\n\s*/g, " ")) + "\n";
  return [terminalSafe(head), ...rest.map((l) => `  ${terminalSafe(l)}`)].join("\n") + "\n";
}
