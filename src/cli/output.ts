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
  type Analysis,
  type WorkbookModel,
  type Verdict,
  type Comparison,
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
 * A number as the comparison table shows it (no float noise, no thousands separators).
 * @example showNumber(301370.5) // "301370.50"
 */
export function showNumber(n: number, c?: Pick<Comparison, "kind">): string {
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
  const others = a.years.filter((y) => y.year !== a.currentYear && y.year !== a.previousYear);
  out.push(`找到统计表${total}张（${yearList.join("，")}）。`);
  if (a.currentYear !== undefined)
    out.push(
      `报告年度：${a.currentYear}年，${a.previousYear === undefined ? `没有${a.currentYear - 1}年的表，不作同比` : `与${a.previousYear}年比较`}` +
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
    out.push(`同比（${a.currentYear ?? "本"}年与${a.previousYear ?? "上"}年）`);
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
        "  " +
          terminalSafe(
            a.definitions.find((t) => t.id === c.tableId)?.label ?? c.sheet.split(" ")[0] ?? ""
          ),
        terminalSafe(c.label),
        showNumber(c.current, c),
        showNumber(c.previous, c),
        (c.change > 0 ? "+" : "") +
          (c.kind === "rate" ? `${Number(c.change.toFixed(1))}` : showNumber(c.change, c)),
        c.pct === null ? "—" : `${c.pct.toFixed(1)}%`,
        terminalSafe(c.text),
      ]);
    }
    out.push(...table(rows, [false, false, true, true, true, true, false]));
  }

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
