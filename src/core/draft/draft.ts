/**
 * Drafted report paragraphs (docs/wording.md): one paragraph per table, in the order of the definitions, in the style of the
 * reference report. The sentences are data (`phrases.ts`); this file holds the wording rules:
 * which clause can be written, number styles, comparison clauses, the year-named form, merged
 * rates (`均达100%`), programme lists, headings, and the guard that keeps any placeholder,
 * `undefined` or `NaN` out of the text.
 */
import type { Figure, FigureSource, TableData, TableRecord, TableId } from "../figures";
import { figureLabel, orderTables, previousTableFor, UNVERIFIED_MARK } from "../compare/compare";
import {
  formatScaled,
  formatValue,
  isExactInteger,
  type MoneyUnit,
  type NumberStyle,
} from "../compare/numbers";
import { changeWording, yearLabel, yearNote, yoyChange, type NumberPart } from "../compare/yoy";
import type { FigureSeries } from "../compare/figure-series";
import { series as seriesOf, type Series } from "../compare/series";
import { averageWording, runWording, sinceWording } from "../compare/series-wording";
import { oneLine, toChinesePunctuation } from "../punctuation";
import { PHRASE_PLACEHOLDER, seriesPlaceholder, type SeriesForm } from "../definitions/schema";
import {
  DEFAULT_PHRASES,
  type PhraseClause,
  type PhraseList,
  type PhraseSentence,
  type ProgrammePhrases,
  type RatesPhrase,
  type SheetPhrases,
} from "./phrases";
import {
  cellsOf,
  naturalValue,
  originText,
  shownValue,
  type DraftFigure,
  type PendingFigure,
  type TableAt,
} from "./provenance";

export type { DraftFigure, DraftFigureKind, FigureCells } from "./provenance";

export type HeadingStyle = "none" | "一、" | "（一）";

export interface DraftOptions {
  /** `exact` (default: `9236个`, `301370元`) or `approximate` (`9200多个`, `7万多元`). */
  readonly numberStyle?: NumberStyle;
  /** Money in 元 (default) or 万元 with 2 decimals (`30.14万元`); approximate money is in 万 anyway. */
  readonly moneyUnit?: MoneyUnit;
  /** Number style for single figures by id, e.g. `{ "T3/金额（元）/慰问金": "approximate" }`. */
  readonly figureStyles?: Readonly<Record<string, NumberStyle>>;
  /** Comparison clauses (`比上年增加6人，增长14.0%`) when last year is given (default true). */
  readonly includeComparison?: boolean;
  /** The form naming last year: `来信43件（2012年51件）` (default false). */
  readonly nameYear?: boolean;
  /** Headings: none (default), `一、党员发展情况` (黑体) or `（一）党员发展情况` (楷体). */
  readonly headings?: HeadingStyle;
  /** The phrasing (default `DEFAULT_PHRASES`). */
  readonly phrases?: readonly SheetPhrases[];
  /**
   * The first year of the series over years (历年, `--since`); none, or not before the previous
   * year: the report year and the previous one only, as always.
   */
  readonly since?: number;
}

export interface DraftParagraph {
  readonly tableId: TableId;
  readonly sheet: string;
  /** E.g. `一、党员发展情况`; absent when headings are off. */
  readonly heading?: string;
  /** 1 for `一、` (黑体), 2 for `（一）` (楷体). */
  readonly headingLevel?: 1 | 2;
  readonly text: string;
}

/** A figure written with `【待核】` after it: what was written and the error it depends on. */
export interface UnverifiedFigure {
  /** Where the (first) error it depends on is. */
  readonly sheet: string;
  readonly cell: string;
  /** The figure as written, without the mark (`52人`, `比上年增加20人，增长62.5%`, `（2012年32人）`). */
  readonly text: string;
  /** What it is (`发展预备党员`, `来电受理数` …; a change reads `…同比`, last year's value `…上年数`). */
  readonly figure: string;
  /** Every error it depends on (at most 20). */
  readonly sources: readonly FigureSource[];
  /** The numbers of the marked text, as indices into `Draft.figures`. */
  readonly figures?: readonly number[];
}

export interface Draft {
  readonly paragraphs: DraftParagraph[];
  /** Every figure marked `【待核】` in the paragraphs, in text order (one per mark). */
  readonly unverified?: readonly UnverifiedFigure[];
  /** Every number written in the paragraphs and where it comes from, in text order. */
  readonly figures?: readonly DraftFigure[];
}

/** Text that must never reach a report: unfilled placeholders and JavaScript's non-values. */
const UNFILLED = /undefined|NaN|Infinity|null|\[object|[{}]/;

/**
 * True when a sentence (with cell text taken out) holds a placeholder or a non-value.
 * @example hasUnfilled("发展预备党员undefined人。") // true
 * @example hasUnfilled("发展预备党员49人。")        // false
 */
export function hasUnfilled(text: string): boolean {
  return UNFILLED.test(text);
}

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/**
 * Chinese numeral for headings (1…99).
 * @example chineseNumeral(4)  // "四"
 * @example chineseNumeral(12) // "十二"
 * @example chineseNumeral(20) // "二十"
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  if (tens === 0) return DIGITS[ones] ?? "";
  return `${tens > 1 ? DIGITS[tens] : ""}十${ones ? DIGITS[ones] : ""}`;
}

// ---- templates -----------------------------------------------------------------------------

export type PhraseToken =
  | { readonly literal: string }
  | {
      readonly name: string;
      readonly compare: boolean;
      readonly unit?: string;
      /** A series placeholder (`{连续:T1/发展预备党员}`): what it writes of `name`'s series. */
      readonly series?: SeriesForm;
    };

const PLACEHOLDER = PHRASE_PLACEHOLDER;
const parsed = new Map<string, PhraseToken[]>();

/**
 * Splits a phrase into literal text and placeholders (cached: phrases are few).
 * @example parsePhrase("对{+T1/新党员培训@名}进行培训") // [{literal:"对"},{name:"T1/新党员培训",compare:true,unit:"名"},{literal:"进行培训"}]
 * @example parsePhrase("{连续:T1/发展预备党员}") // [{name:"T1/发展预备党员",compare:false,series:{kind:"run"}}]
 */
export function parsePhrase(text: string): readonly PhraseToken[] {
  const cached = parsed.get(text);
  if (cached) return cached;
  const tokens: PhraseToken[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    const at = m.index;
    if (at > last) tokens.push({ literal: text.slice(last, at) });
    const raw = (m[2] ?? "").trim();
    const unit = m[3]?.trim();
    const read = seriesPlaceholder(raw);
    const series = read && "form" in read ? read : undefined;
    tokens.push({
      name: series ? series.figure : raw,
      compare: !series && m[1] === "+",
      ...(unit ? { unit } : {}),
      ...(series ? { series: series.form } : {}),
    });
    last = at + m[0].length;
  }
  if (last < text.length) tokens.push({ literal: text.slice(last) });
  parsed.set(text, tokens);
  return tokens;
}

// ---- figures -------------------------------------------------------------------------------

interface SheetContext {
  readonly tableId: TableId;
  readonly current: ReadonlyMap<string, Figure>;
  readonly previous: ReadonlyMap<string, Figure> | undefined;
  readonly records: readonly TableRecord[];
  /** This year's sheet and last year's (when compared). */
  readonly at: TableAt;
  readonly before: TableAt | undefined;
  readonly yearLabel: string;
  readonly numberStyle: NumberStyle;
  readonly moneyUnit: MoneyUnit;
  readonly figureStyles: Readonly<Record<string, NumberStyle>>;
  readonly includeComparison: boolean;
  readonly nameYear: boolean;
  /** Cell texts written into this paragraph; the text holds `\uE000<index>\uE000` for each. */
  readonly cellTexts: string[];
  /** The marked figures of the sentences written so far. */
  readonly unverified: UnverifiedFigure[];
  /** The numbers written so far; the text holds `\uE001<index>\uE002…\uE003` around each. */
  readonly pending: PendingFigure[];
  /** Each figure's series over the years (历年) by id; empty without one. */
  readonly series: ReadonlyMap<string, FigureSeries>;
}

/** The marks around a number in the text being written (private-use characters). */
const OPEN = "\uE001";
const MIDDLE = "\uE002";
const CLOSE = "\uE003";
const NUMBER_MARKS = /\uE001(\d+)\uE002|\uE003/g;

/** Writes a number with its marks, keeping where it comes from. */
function tagNumber(ctx: SheetContext, entry: PendingFigure): string {
  ctx.pending.push(entry);
  return `${OPEN}${ctx.pending.length - 1}${MIDDLE}${entry.text}${CLOSE}`;
}

/**
 * Text without the number marks, and the numbers' places in it.
 * @example unmarkNumbers("发展\uE0010\uE00249人\uE003。") // { text: "发展49人。", spans: [{ id: 0, from: 2, to: 5 }] }
 */
export function unmarkNumbers(text: string): {
  text: string;
  spans: { id: number; from: number; to: number }[];
} {
  let out = "";
  let last = 0;
  const spans: { id: number; from: number; to: number }[] = [];
  const open: { id: number; from: number }[] = [];
  for (const m of text.matchAll(NUMBER_MARKS)) {
    out += text.slice(last, m.index);
    last = m.index + m[0].length;
    if (m[1] !== undefined) open.push({ id: Number(m[1]), from: out.length });
    else {
      const o = open.pop();
      if (o) spans.push({ id: o.id, from: o.from, to: out.length });
    }
  }
  out += text.slice(last);
  return { text: out, spans: spans.sort((a, b) => a.from - b.from) };
}

/** The ids of the numbers marked in a text. */
function numberIds(text: string): number[] {
  return [...text.matchAll(NUMBER_MARKS)].flatMap((m) =>
    m[1] === undefined ? [] : [Number(m[1])]
  );
}

/** A figure value that can be written: an exact, non-negative integer (a rate at most 100%). */
function writable(figure: Figure | undefined): figure is Figure {
  if (!figure || !isExactInteger(figure.value) || figure.value < 0) return false;
  if (typeof figure.unit !== "string") return false;
  return figure.kind !== "rate" || figure.value <= 1000;
}

interface Written {
  readonly text: string;
  /** Year note and comparison, written at the end of the clause. */
  readonly after: string;
  readonly changed: boolean;
  /** The marked figures of `text` and then of `after`. */
  readonly marks: readonly UnverifiedFigure[];
  readonly afterMarks: readonly UnverifiedFigure[];
}

/** The errors behind a figure (or a pair of them). */
function sourcesOf(...figures: (Figure | undefined)[]): FigureSource[] {
  return figures.flatMap((f) => f?.unverified ?? []);
}

/** A `【待核】` mark for a written text (its numbers' marks taken out, their ids kept). */
function markFor(text: string, figure: string, sources: readonly FigureSource[]): UnverifiedFigure {
  const first = sources[0];
  return {
    sheet: first?.sheet ?? "",
    cell: first?.cell ?? "",
    text: unmarkNumbers(text).text,
    figure,
    sources,
    figures: numberIds(text),
  };
}

/** The errors of a figure, as a draft number carries them. */
function unverifiedOf(sources: readonly FigureSource[]): Pick<PendingFigure, "unverified"> {
  return sources.length > 0 ? { unverified: sources } : {};
}

/** A figure written as it is (a sum, or a rate). */
function figureEntry(
  ctx: SheetContext,
  figure: Figure,
  text: string,
  label: string
): PendingFigure {
  return {
    text,
    kind: figure.kind === "rate" ? "rate" : "sum",
    value: naturalValue(figure),
    label,
    cells: cellsOf(figure, ctx.at, "rows"),
    formula: `${shownValue(figure)} = ${originText(figure, ctx.at, ctx.current)}`,
    ...unverifiedOf(figure.unverified ?? []),
  };
}

/** A number of a comparison clause: the change, the growth, or last year's value. */
function comparisonEntry(
  ctx: SheetContext,
  pair: { readonly now: Figure; readonly then: Figure; readonly label: string },
  text: string,
  part: NumberPart
): PendingFigure {
  const { now, then, label } = pair;
  const before = ctx.before ?? ctx.at;
  const lastYear = `${shownValue(then)} = ${originText(then, before, ctx.previous)}`;
  const previousCells = cellsOf(then, before, "previous");
  if (part === "previous")
    return {
      text,
      kind: now.kind === "rate" ? "rate" : "sum",
      value: naturalValue(then),
      label: `${label}上年数`,
      cells: previousCells,
      formula: lastYear,
      ...unverifiedOf(then.unverified ?? []),
    };
  const cells = [...cellsOf(now, ctx.at, "rows"), ...previousCells];
  const thisYear = `${shownValue(now)} = ${originText(now, ctx.at, ctx.current)}`;
  const diff = now.value - then.value;
  const change = yoyChange(now.value, then.value, now.kind);
  const [high, low] = diff >= 0 ? [now, then] : [then, now];
  const names = diff >= 0 ? ["本年", "上年"] : ["上年", "本年"];
  const difference = `${names[0]}${shownValue(high)} − ${names[1]}${shownValue(low)}`;
  const sources = `；本年：${thisYear}；上年：${lastYear}`;
  if (part === "percent") {
    // as written: a growth of a whole multiple or more reads in 倍 to one decimal (`3.3倍` is 330)
    const times = change?.timesTenths ?? null;
    const pct = times !== null ? times * 10 : (change?.pctTenths ?? 0) / 10;
    const verb = diff >= 0 ? "增长" : "下降";
    return {
      text,
      kind: "percent",
      value: pct,
      label: `${label}增幅`,
      cells,
      formula: `${verb}${text} = (${difference}) ÷ 上年${shownValue(then)}${sources}`,
      ...unverifiedOf(sourcesOf(now, then)),
    };
  }
  const verb = now.kind === "rate" ? (diff >= 0 ? "提高" : "降低") : diff >= 0 ? "增加" : "减少";
  return {
    text,
    kind: "change",
    value: now.kind === "rate" ? diff / 10 : naturalValue({ kind: now.kind, value: diff }),
    label: `${label}同比`,
    cells,
    formula: `${verb}${text} = ${difference}${sources}`,
    ...unverifiedOf(sourcesOf(now, then)),
  };
}

function writeFigure(
  ctx: SheetContext,
  id: string,
  compare: boolean,
  unitOverride: string | undefined
): Written | undefined {
  const figure = ctx.current.get(id);
  if (!writable(figure)) return undefined;
  const old = ctx.previous?.get(id);
  const before =
    compare && writable(old) && old.kind === figure.kind && old.unit === figure.unit
      ? old
      : undefined;
  // a count or sum of 0 is never written (no `评选优秀共产党员0名`): the clause is left out
  if (figure.value === 0 && figure.kind !== "rate") return undefined;
  const unit = unitOverride ?? figure.unit;
  const style = ctx.figureStyles[id] ?? ctx.numberStyle;
  const format = { kind: figure.kind, unit, style, moneyUnit: ctx.moneyUnit };
  const label = figureLabel(figure);
  let text = tagNumber(ctx, figureEntry(ctx, figure, formatValue(figure.value, format), label));
  const marks: UnverifiedFigure[] = [];
  const afterMarks: UnverifiedFigure[] = [];
  if (figure.unverified?.length) {
    marks.push(markFor(text, label, figure.unverified));
    text += UNVERIFIED_MARK;
  }
  let after = "";
  let changed = false;
  if (before) {
    const pair = { now: figure, then: before, label };
    const tag = (t: string, part: NumberPart): string =>
      tagNumber(ctx, comparisonEntry(ctx, pair, t, part));
    if (ctx.nameYear) {
      let note = yearNote(before.value, figure.kind, {
        ...format,
        yearLabel: ctx.yearLabel,
        tag,
      });
      if (note !== "" && before.unverified?.length) {
        afterMarks.push(markFor(note, `${label}上年数`, before.unverified));
        note = note.replace(/）$/, `${UNVERIFIED_MARK}）`);
      }
      after += note;
    }
    const change = ctx.includeComparison
      ? yoyChange(figure.value, before.value, figure.kind)
      : undefined;
    if (change) {
      const wording = changeWording(change, {
        unit,
        moneyUnit: ctx.moneyUnit,
        style,
        zeroNote: !ctx.nameYear,
        tag,
      });
      const sources = sourcesOf(figure, before);
      after += `，${wording}`;
      if (sources.length > 0) {
        afterMarks.push(markFor(wording, `${label}同比`, sources));
        after += UNVERIFIED_MARK;
      }
      changed = true;
    }
  }
  return { text, after, changed, marks, afterMarks };
}

// ---- series over years ---------------------------------------------------------------------

/** A series phrase as worded, the years it uses, and what its draft number says. */
interface SeriesWording {
  readonly text: string;
  readonly years: readonly number[];
  readonly value: number;
  readonly label: string;
  readonly formula: string;
}

/** A year's value as a formula shows it: `2009年40`, `2010年97.3%`. */
function yearValue(s: Series, year: number | undefined): string {
  const value = s.values.find((p) => p.year === year)?.value;
  return `${year ?? ""}年${value === undefined ? "" : shownValue({ kind: s.kind, value })}`;
}

/** The years from `from` to `to`. */
function yearsBetween(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** `连续4年增长`: the run and its years; undefined with no run. */
function runPhrase(s: Series, label: string): SeriesWording | undefined {
  const text = runWording(s);
  if (!s.run || text === "" || s.lastYear === undefined) return undefined;
  const years = yearsBetween(s.run.fromYear, s.lastYear);
  const sign = s.run.direction === "up" ? " < " : " > ";
  return {
    text,
    years,
    value: s.run.steps,
    label: `${label}连续${text.replace(/^连续\d+年/, "")}年数`,
    formula: years.map((y) => yearValue(s, y)).join(sign),
  };
}

/** `年均增长8.2%`: the compound average growth; undefined when there is none to write. */
function averagePhrase(s: Series, label: string): SeriesWording | undefined {
  const text = averageWording(s);
  const average = s.average;
  if (text === "" || !average || s.firstYear === undefined || s.lastYear === undefined)
    return undefined;
  const pct = `${average.tenths < 0 ? "−" : ""}${formatScaled(BigInt(Math.abs(average.tenths)), 1)}%`;
  return {
    text,
    years: [s.firstYear, s.lastYear],
    value: average.tenths / 10,
    label: `${label}年均增幅`,
    formula: `(${yearValue(s, s.lastYear)} ÷ ${yearValue(s, s.firstYear)})^(1/${average.years}) − 1 = ${pct}`,
  };
}

/**
 * `比2009年翻了一番`: the last year against the first (or against `year`, a year of the series
 * before the last); undefined when there is nothing to write.
 */
function sincePhrase(
  whole: Series,
  year: number | undefined,
  label: string,
  format: { readonly unit: string; readonly moneyUnit: MoneyUnit; readonly style: NumberStyle }
): SeriesWording | undefined {
  const { firstYear, lastYear } = whole;
  if (firstYear === undefined || lastYear === undefined) return undefined;
  const from = year ?? firstYear;
  if (from < firstYear || from >= lastYear) return undefined;
  const s =
    from === firstYear
      ? whole
      : seriesOf(
          whole.values.filter((p) => p.year >= from),
          whole.kind
        );
  const change = s.fromFirst;
  const text = sinceWording(s, format);
  if (!change || text === "") return undefined;
  const [now, then] = [yearValue(s, lastYear), yearValue(s, from)];
  const growth = change.kind !== "rate" && change.pctTenths !== null && change.pctTenths !== 0;
  const pct = `${formatScaled(BigInt(Math.abs(change.pctTenths ?? 0)), 1)}%`;
  const high = change.change >= 0 ? [now, then] : [then, now];
  return {
    text,
    years: [from, lastYear],
    value: growth
      ? (change.pctTenths ?? 0) / 10
      : change.kind === "rate"
        ? change.change / 10
        : naturalValue({ kind: change.kind, value: change.change }),
    label: `${label}比${from}年`,
    formula: growth
      ? `(${high.join(" − ")}) ÷ ${then} = ${change.change < 0 ? "−" : ""}${pct}`
      : `${high.join(" − ")}`,
  };
}

/** What a series placeholder writes of a series with no gap. */
function seriesWording(
  fs: FigureSeries,
  form: SeriesForm,
  format: { readonly unit: string; readonly moneyUnit: MoneyUnit; readonly style: NumberStyle }
): SeriesWording | undefined {
  if (form.kind === "run") return runPhrase(fs.series, fs.label);
  if (form.kind === "average") return averagePhrase(fs.series, fs.label);
  return sincePhrase(fs.series, form.year, fs.label, format);
}

/**
 * A series phrase (`连续4年增长`, `年均增长8.2%`, `比2009年翻了一番`) of a figure's series ending
 * in this sheet's year, as one number of the draft (its cells: each year's it uses, the latest
 * first), with `【待核】` after it when a year it uses depends on an error; undefined when it
 * writes nothing (no series, a gap, no run …).
 */
function writeSeries(
  ctx: SheetContext,
  id: string,
  form: SeriesForm,
  unitOverride: string | undefined
): { readonly text: string; readonly marks: readonly UnverifiedFigure[] } | undefined {
  const fs = ctx.series.get(id);
  if (!fs || fs.series.gaps.length > 0) return undefined;
  if (ctx.at.year !== undefined && fs.series.lastYear !== ctx.at.year) return undefined;
  const style = ctx.figureStyles[id] ?? ctx.numberStyle;
  const worded = seriesWording(fs, form, {
    unit: unitOverride ?? fs.unit,
    moneyUnit: ctx.moneyUnit,
    style,
  });
  if (!worded) return undefined;
  // the report year's cells first, as a number's cells are listed (and selected in the pane)
  const used = (fs.figures ?? [])
    .filter((f) => worded.years.includes(f.year))
    .sort((a, b) => b.year - a.year);
  const unverified = worded.years.some((y) => fs.unverifiedYears.includes(y));
  const own = used.flatMap((f) => f.figure.unverified ?? []);
  const sources = unverified ? (own.length > 0 ? own : fs.sources) : [];
  const text = tagNumber(ctx, {
    text: worded.text,
    kind: "series",
    value: worded.value,
    label: worded.label,
    cells: used.flatMap((f) => cellsOf(f.figure, { sheet: f.sheet, year: f.year }, "rows")),
    formula: worded.formula,
    ...unverifiedOf(sources),
  });
  if (!unverified) return { text, marks: [] };
  return { text: text + UNVERIFIED_MARK, marks: [markFor(text, worded.label, sources)] };
}

/** Resolves a placeholder name to a figure id; `{项目}` is handled by the caller. */
type Resolve = (name: string) => string;

const byId: Resolve = (name) => name;

/** The programmes of a 表2 category as written: `A、B等`, and whether there are several. */
interface ProgrammeNames {
  readonly text: string;
  readonly several: boolean;
}

interface ClauseText {
  readonly text: string;
  readonly changed: boolean;
  /** The marked figures written in `text`, in order. */
  readonly marks: readonly UnverifiedFigure[];
}

function writePhrase(
  ctx: SheetContext,
  phrase: string,
  resolve: Resolve = byId,
  names?: ProgrammeNames
): ClauseText | undefined {
  let text = "";
  let after = "";
  let changed = false;
  let prefix = "";
  const marks: UnverifiedFigure[] = [];
  const afterMarks: UnverifiedFigure[] = [];
  // series phrases right after a placeholder: written at the end, after the 同比 clauses
  let follow = "";
  const followMarks: UnverifiedFigure[] = [];
  let afterPlaceholder = false;
  let missingSeries = false;
  for (const token of parsePhrase(phrase)) {
    if ("literal" in token) {
      text += token.literal;
      prefix = "";
      afterPlaceholder = false;
      continue;
    }
    if (token.series) {
      const written = writeSeries(ctx, resolve(token.name), token.series, token.unit);
      if (afterPlaceholder) {
        if (written) follow += `，${written.text}`;
        followMarks.push(...(written?.marks ?? []));
        changed ||= written !== undefined;
      } else if (written) {
        text += prefix + written.text;
        prefix = "";
        marks.push(...written.marks);
      } else missingSeries = true;
      afterPlaceholder = true;
      continue;
    }
    afterPlaceholder = true;
    if (token.name === "项目") {
      if (names === undefined) return undefined;
      text += names.text;
      prefix = names.several ? "共" : "";
      continue;
    }
    const written = writeFigure(ctx, resolve(token.name), token.compare, token.unit);
    if (!written) return undefined;
    text += prefix + written.text;
    prefix = "";
    after += written.after;
    changed ||= written.changed;
    marks.push(...written.marks);
    afterMarks.push(...written.afterMarks);
  }
  // a series phrase in the words that writes nothing leaves the clause out, as a missing figure
  if (missingSeries) return undefined;
  return {
    text: text + after + follow,
    changed,
    marks: [...marks, ...afterMarks, ...followMarks],
  };
}

// ---- clauses -------------------------------------------------------------------------------

function writeList(ctx: SheetContext, list: PhraseList): ClauseText | undefined {
  const items = list.items
    .map((item) => writePhrase(ctx, item))
    .filter((x): x is ClauseText => x !== undefined);
  const last = items[items.length - 1];
  if (!last) return undefined;
  return {
    text: (list.lead ?? "") + items.map((i) => i.text).join(list.itemSep),
    changed: last.changed,
    marks: items.flatMap((i) => i.marks),
  };
}

/** `均达100%` only when every rate is exactly 100% (1000 tenths), `均为…` otherwise. */
function allAt(rateText: string, rates: readonly Figure[]): string {
  return rates.every((f) => f.value === 1000) ? `均达${rateText}` : `均为${rateText}`;
}

/** A rate as written, with its mark when unverified. */
function rateText(ctx: SheetContext, f: Figure, marks: UnverifiedFigure[], label: string): string {
  const text = tagNumber(
    ctx,
    figureEntry(ctx, f, formatValue(f.value, { kind: "rate", unit: "%" }), label)
  );
  if (!f.unverified?.length) return text;
  marks.push(markFor(text, label, f.unverified));
  return text + UNVERIFIED_MARK;
}

/** One rate written for several equal rates (`均达100%`): each of them is a source of it. */
function sameRate(
  ctx: SheetContext,
  text: string,
  rates: readonly Figure[],
  label: string
): string {
  const first = rates[0];
  if (!first) return text;
  return tagNumber(ctx, {
    text,
    kind: "rate",
    value: naturalValue(first),
    label,
    cells: rates.flatMap((f) => cellsOf(f, ctx.at, "rows")),
    formula: rates
      .map(
        (f) =>
          `${f.group ?? ""}${f.indicator}${shownValue(f)} = ${originText(f, ctx.at, ctx.current)}`
      )
      .join("；"),
    ...unverifiedOf(sourcesOf(...rates)),
  });
}

/** The rates of one indicator, one cell per group of the phrase (undefined when not writable). */
interface RateRow {
  readonly indicator: string;
  readonly cells: readonly (Figure | undefined)[];
}

/** A rate of one group, with the group's name. */
interface GroupRate {
  readonly f: Figure;
  readonly group: string;
}

/**
 * Rates of several groups (docs/wording.md#rates), merged when equal: `办结率、满意率均达100%`;
 * per indicator `办结率均达100%，满意率分别为95%、100%`; a single group reads `办结率98.5%`
 * (with its comparison when asked for). A rate missing for every group is left out, with its `、`
 * or `，`; when some groups of the phrase have no rate at all, the others are named
 * (`政协委员提案办结率100%，满意率93.3%`), so a rate is never read as every group's.
 */
function writeRates(ctx: SheetContext, rates: RatesPhrase): ClauseText | undefined {
  const rows: RateRow[] = rates.indicators
    .map((indicator) => ({
      indicator,
      cells: rates.groups.map((g) => {
        const f = ctx.current.get(`${ctx.tableId}/${indicator}/${g}`);
        return writable(f) ? f : undefined;
      }),
    }))
    .filter((row) => row.cells.some((f) => f !== undefined));
  if (rows.length === 0) return undefined;
  // the groups that have at least one rate, named when not every group of the phrase has one
  const groups = rates.groups.filter((_, i) => rows.some((r) => r.cells[i] !== undefined));
  const named = groups.length < rates.groups.length ? groups.join("、") : "";
  const marks: UnverifiedFigure[] = [];
  const merged = mergedRates(ctx, rows, named, marks);
  if (merged !== undefined) return { text: merged, changed: false, marks };
  const presentOf = (row: RateRow): GroupRate[] =>
    row.cells.flatMap((f, i) => (f ? [{ f, group: rates.groups[i] ?? "" }] : []));
  if (groups.length === 1) {
    const one = rows.flatMap((row) =>
      presentOf(row).map(({ f }) => ({ indicator: row.indicator, f }))
    );
    return singleGroupRates(ctx, one, named);
  }
  const parts: string[] = [];
  let prefix = named;
  for (const row of rows) {
    const present = presentOf(row);
    if (present.length === groups.length) {
      parts.push(everyGroupRate(ctx, row.indicator, present, prefix, marks));
      prefix = "";
    } else {
      // not every group has this rate: each one is named
      const each = present.map(
        (c) =>
          `${c.group}${row.indicator}${rateText(ctx, c.f, marks, `${c.group}${row.indicator}`)}`
      );
      parts.push(each.join("，"));
    }
  }
  return { text: parts.join("，"), changed: false, marks };
}

/**
 * Every rate of every group with a rate, written once when they all read the same and there
 * are several: `办结率、满意率均达100%` (after the group's name when `named`); undefined otherwise.
 */
function mergedRates(
  ctx: SheetContext,
  rows: readonly RateRow[],
  named: string,
  marks: UnverifiedFigure[]
): string | undefined {
  const withRates = (i: number) => rows.some((r) => r.cells[i] !== undefined);
  const complete = rows.every((r) => r.cells.every((f, i) => f !== undefined || !withRates(i)));
  const values = rows.flatMap((r) => r.cells.filter((f): f is Figure => f !== undefined));
  const shown = new Set(values.map((f) => formatValue(f.value, { kind: "rate", unit: "%" })));
  const [only] = shown;
  if (!complete || values.length < 2 || shown.size !== 1 || only === undefined) return undefined;
  return equalRates(ctx, named + rows.map((r) => r.indicator).join("、"), only, values, marks);
}

/**
 * Equal rates written once after `lead` (`办结率、满意率均达100%`), with one 【待核】 after
 * them when any of them is unverified.
 */
function equalRates(
  ctx: SheetContext,
  lead: string,
  shown: string,
  rates: readonly Figure[],
  marks: UnverifiedFigure[]
): string {
  const text = lead + allAt(sameRate(ctx, shown, rates, lead), rates);
  const sources = sourcesOf(...rates);
  if (sources.length === 0) return text;
  marks.push(markFor(text, lead, sources));
  return text + UNVERIFIED_MARK;
}

/**
 * One rate of every group with a rate: `办结率均达100%` when they read the same, else
 * `办结率分别为87.5%、93.3%` in the order of the groups; after the groups' names when `named`.
 */
function everyGroupRate(
  ctx: SheetContext,
  indicator: string,
  present: readonly GroupRate[],
  named: string,
  marks: UnverifiedFigure[]
): string {
  const plain = new Set(present.map((c) => formatValue(c.f.value, { kind: "rate", unit: "%" })));
  const [only] = plain;
  if (plain.size !== 1 || only === undefined) {
    const texts = present.map((c) => rateText(ctx, c.f, marks, `${c.group}${indicator}`));
    return `${named}${indicator}分别为${texts.join("、")}`;
  }
  return equalRates(
    ctx,
    named + indicator,
    only,
    present.map((c) => c.f),
    marks
  );
}

/**
 * The rates of the one group that has rates, each with its comparison when asked for:
 * `办结率98.5%，比上年提高1.2个百分点，满意率100%`, after the group's name when `named`.
 */
function singleGroupRates(
  ctx: SheetContext,
  rates: readonly { readonly indicator: string; readonly f: Figure }[],
  named: string
): ClauseText | undefined {
  const parts: string[] = [];
  const marks: UnverifiedFigure[] = [];
  let changed = false;
  for (const { indicator, f } of rates) {
    const written = writeFigure(ctx, f.id, true, undefined);
    if (!written) continue;
    parts.push(`${parts.length === 0 ? named : ""}${indicator}${written.text}${written.after}`);
    marks.push(...written.marks, ...written.afterMarks);
    changed = written.changed;
  }
  if (parts.length === 0) return undefined;
  return { text: parts.join("，"), changed, marks };
}

/** Programme names of one category: unique, one line each, at most `max` then `等`. */
function programmeNames(
  ctx: SheetContext,
  records: readonly TableRecord[],
  nameHeader: string,
  fallback: string,
  max: number
): ProgrammeNames {
  const names = [
    ...new Set(records.map((r) => oneLine(r.text[nameHeader] ?? "")).filter((n) => n !== "")),
  ];
  if (names.length === 0) names.push(fallback);
  const shown = names.slice(0, Math.max(1, max));
  const marks = shown.map((name) => {
    ctx.cellTexts.push(name);
    return `\uE000${ctx.cellTexts.length - 1}\uE000`;
  });
  return {
    text: marks.join("、") + (names.length > shown.length ? "等" : ""),
    several: names.length > 1,
  };
}

function writeProgrammes(ctx: SheetContext, p: ProgrammePhrases): ClauseText | undefined {
  const byCategory = new Map<string, TableRecord[]>();
  for (const record of ctx.records) {
    const category = oneLine(record.text[p.categoryHeader] ?? "");
    if (category === "") continue;
    const list = byCategory.get(category);
    if (list) list.push(record);
    else byCategory.set(category, [record]);
  }
  const rank = (c: string) => {
    const i = p.order.indexOf(c);
    return i < 0 ? p.order.length : i;
  };
  const categories = [...byCategory.keys()]
    .map((c, met) => ({ c, met }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.met - b.met)
    .map((x) => x.c);
  const parts: string[] = [];
  const marks: UnverifiedFigure[] = [];
  let changed = false;
  for (const category of categories) {
    const records = byCategory.get(category) ?? [];
    const names = programmeNames(ctx, records, p.nameHeader, category, p.maxNames);
    const phrase = p.byCategory[category] ?? p.fallback;
    const resolve: Resolve = (name) =>
      name.includes("/") ? name : `${ctx.tableId}/${name}/${category}`;
    const written = writePhrase(ctx, phrase, resolve, names);
    if (!written) continue;
    parts.push(written.text);
    marks.push(...written.marks);
    changed = written.changed;
  }
  if (parts.length === 0) return undefined;
  return { text: p.lead + parts.join(p.sep), changed, marks };
}

function writeClause(ctx: SheetContext, clause: PhraseClause): ClauseText | undefined {
  if (clause.text !== undefined) return writePhrase(ctx, clause.text);
  if (clause.list) return writeList(ctx, clause.list);
  if (clause.rates) return writeRates(ctx, clause.rates);
  if (clause.programmes) return writeProgrammes(ctx, clause.programmes);
  return undefined;
}

/**
 * Puts the cell texts back in place of their marks, in Chinese punctuation (any private-use mark
 * character a cell holds taken out, so it cannot pass for a mark).
 */
function restoreCellTexts(text: string, cellTexts: readonly string[]): string {
  return text.replace(/\uE000(\d+)\uE000/g, (_, i: string) =>
    toChinesePunctuation((cellTexts[Number(i)] ?? "").replace(/[\uE000-\uE003]/g, ""))
  );
}

/**
 * One sentence: the clauses that can be written, joined, ended with `。`; undefined when none can
 * be, or when the guard finds anything unfilled in it.
 */
function writeSentence(ctx: SheetContext, sentence: PhraseSentence): string | undefined {
  let text = "";
  let previousWritten = false;
  let previousChanged = false;
  const marks: UnverifiedFigure[] = [];
  for (const clause of sentence) {
    if (clause.attached && !previousWritten) continue;
    const written = writeClause(ctx, clause);
    if (!written) {
      previousWritten = false;
      continue;
    }
    if (text !== "") {
      const sep = clause.sep ?? "，";
      text += previousChanged ? (clause.sepAfterChange ?? sep) : sep;
    }
    text += written.text;
    marks.push(...written.marks);
    previousWritten = true;
    previousChanged = written.changed;
  }
  if (text === "") return undefined;
  text = toChinesePunctuation(text) + "。";
  if (hasUnfilled(text)) return undefined;
  ctx.unverified.push(...marks);
  return restoreCellTexts(text, ctx.cellTexts);
}

function figureMap(figures: readonly Figure[]): Map<string, Figure> {
  return new Map(figures.map((f) => [f.id, f]));
}

function headingFor(style: HeadingStyle, n: number, title: string): Partial<DraftParagraph> {
  if (style === "一、") return { heading: `${chineseNumeral(n)}、${title}`, headingLevel: 1 };
  if (style === "（一）") return { heading: `（${chineseNumeral(n)}）${title}`, headingLevel: 2 };
  return {};
}

/**
 * Drafts one paragraph per sheet (表1…表4) from this year's tables and, optionally, last year's
 * and the figures' series over the years (`figureSeries`, for the series placeholders: without
 * them those write nothing). Only sentences whose figures exist are written; a sheet with none
 * gives no paragraph.
 * @example draftReport([t1of2013], undefined, {}).paragraphs[0].text
 * // "全年培训入党积极分子264人。发展预备党员49人，其中教工党员18人，学生党员31人；转正预备党员35人。…"
 */
export function draftReport(
  current: readonly TableData[],
  previous: readonly TableData[] | undefined,
  options: DraftOptions = {},
  series: readonly FigureSeries[] = []
): Draft {
  const phrases = options.phrases ?? DEFAULT_PHRASES;
  const seriesById = new Map(series.map((s) => [s.id, s]));
  const paragraphs: DraftParagraph[] = [];
  const unverified: UnverifiedFigure[] = [];
  const pending: PendingFigure[] = [];
  const figures: DraftFigure[] = [];
  /** Index in `figures` of each pending number written in a paragraph. */
  const placed = new Map<number, number>();
  for (const table of orderTables(
    current,
    phrases.map((p) => p.tableId)
  )) {
    const sheetPhrases = phrases.find((p) => p.tableId === table.tableId);
    if (!sheetPhrases) continue;
    const before = previous ? previousTableFor(table, previous) : undefined;
    const lastYear = before?.year ?? (isExactInteger(table.year) ? table.year - 1 : undefined);
    const ctx: SheetContext = {
      tableId: table.tableId,
      current: figureMap(table.figures),
      previous: before ? figureMap(before.figures) : undefined,
      // read only by the phrases that name records (表2's programmes): reading TableData.records
      // builds every row's record, which for a large 表1 costs more than the whole paragraph
      get records() {
        return table.records;
      },
      at: { sheet: table.sheet, year: table.year },
      before: before ? { sheet: before.sheet, year: before.year ?? lastYear } : undefined,
      yearLabel: yearLabel(lastYear),
      numberStyle: options.numberStyle ?? "exact",
      moneyUnit: options.moneyUnit ?? "元",
      figureStyles: options.figureStyles ?? {},
      includeComparison: options.includeComparison ?? true,
      nameYear: options.nameYear ?? false,
      cellTexts: [],
      unverified,
      pending,
      series: seriesById,
    };
    const { text, spans } = unmarkNumbers(
      sheetPhrases.sentences
        .map((sentence) => writeSentence(ctx, sentence))
        .filter((s): s is string => s !== undefined)
        .join("")
    );
    if (text === "") continue;
    for (const span of spans) {
      const entry = pending[span.id];
      if (!entry) continue;
      placed.set(span.id, figures.length);
      const at = { paragraph: paragraphs.length, from: span.from, to: span.to };
      figures.push({ ...entry, ...at, text: text.slice(span.from, span.to) });
    }
    paragraphs.push({
      tableId: table.tableId,
      sheet: table.sheet,
      ...headingFor(options.headings ?? "none", paragraphs.length + 1, sheetPhrases.heading),
      text,
    });
  }
  return {
    paragraphs,
    unverified: unverified.map((u) => ({
      ...u,
      figures: (u.figures ?? []).flatMap((id) => {
        const i = placed.get(id);
        return i === undefined ? [] : [i];
      }),
    })),
    figures,
  };
}
