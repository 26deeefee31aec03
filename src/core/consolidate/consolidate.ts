/**
 * 汇总: merges the units' workbooks into the bureau's tables (SPEC §6). Generic over the template
 * definitions it is given: nothing here knows a table, a column or how many tables there are.
 *
 * Files are added one at a time (`add`), so a caller can read, add and release them one by one:
 * what is kept of a file is its rows (cells of the template columns) and its report, not its model.
 */
import { issueMessage } from "../messages";
import {
  a1,
  columnLetters,
  parseA1,
  type CellValue,
  type SheetModel,
  type WorkbookModel,
} from "../model";
import { resolveSettings } from "../settings";
import { COMPILED_TEMPLATES, FRAME_LABELS, TOTAL_LABEL, type CompiledTemplate } from "../templates";
import {
  DEFINITIONS_SHEET,
  definitionDifferences,
  definitionsSheetOf,
  readDefinitionsSheet,
  withoutDefinitionsSheet,
} from "../templates/sheet";
import { validateWorkbook } from "../validate";
import { extractUnit, type ExtractedUnit, type KeptRow, type KeptTable } from "./extract";
import type {
  ConsolidateOptions,
  Consolidation,
  MergedRow,
  MergedTable,
  MergeProblem,
  RowSource,
  SourceRef,
  SourcedIssue,
  UnitReport,
  UnitStatus,
  UnitTable,
} from "./types";
import { baseName, compareUnitNames, fileStem, UNIT_LABEL, unitColumn, unitKey } from "./units";

/** Name of the sheet listing where every merged row came from. */
export const SOURCES_SHEET = "汇总来源";
const SOURCES_HEADERS = ["汇总表", "汇总行", "单位", "文件", "工作表", "单元格"] as const;
const YEAR_LABEL = FRAME_LABELS.find((l) => l === "统计年度") ?? FRAME_LABELS[1];

type Entry =
  | {
      readonly kind: "read";
      readonly order: number;
      readonly x: ExtractedUnit;
      /** How the unit's own 报表定义 differs from the definitions in force (never applied). */
      readonly ownDefinitions?: string;
    }
  | {
      readonly kind: "unreadable";
      readonly order: number;
      readonly file: string;
      readonly reason: string;
    };

/** What `add` tells at once about a file (the final status comes with `finish`). */
export interface UnitPreview {
  readonly file: string;
  readonly unit: string | undefined;
  readonly read: boolean;
  readonly reason?: string;
  readonly tables: readonly UnitTable[];
  readonly errors: number;
  readonly warnings: number;
}

/**
 * What a unit's own `报表定义` sheet says against the definitions in force: undefined when it has
 * none or the same; else a Chinese clause naming the differences (or the sheet's wrong entry).
 */
function carriedDefinitions(
  wb: WorkbookModel,
  templates: readonly CompiledTemplate[]
): string | undefined {
  const sheet = definitionsSheetOf(wb);
  if (!sheet) return undefined;
  try {
    const diff = definitionDifferences(
      readDefinitionsSheet(sheet).map((t) => t.def),
      templates.map((t) => t.def)
    );
    return diff.length === 0
      ? undefined
      : `自带的“${DEFINITIONS_SHEET}”与汇总所用的统计表定义不同（未采用，仍按汇总所用的定义检查）：${diff.join("；")}`;
  } catch (e) {
    return `自带的“${DEFINITIONS_SHEET}”有误（未采用）：${e instanceof Error ? e.message : String(e)}`;
  }
}

export class Consolidator {
  private readonly templates: readonly CompiledTemplate[];
  private readonly entries: Entry[] = [];

  constructor(private readonly opts: ConsolidateOptions = {}) {
    this.templates = opts.templates ?? COMPILED_TEMPLATES;
  }

  /** Adds a unit workbook (the model is not kept: release it after this returns). */
  add(file: string, wb: WorkbookModel): UnitPreview {
    // a merged workbook given back as a unit's file would count every unit twice
    if (wb.sheets?.some((sh) => sh?.name === SOURCES_SHEET))
      return this.addUnreadable(
        file,
        `这是汇总结果文件（有“${SOURCES_SHEET}”表），不是单位上报的文件`
      );
    // SPEC §6: a unit's own 报表定义 is compared with the bureau's, reported, never applied (a
    // relaxed rule must not hide errors); the sheet itself is no table
    const ownDefinitions = carriedDefinitions(wb, this.templates);
    const x = extractUnit(file, withoutDefinitionsSheet(wb), this.templates, this.opts);
    this.entries.push({
      kind: "read",
      order: this.entries.length,
      x,
      ...(ownDefinitions === undefined ? {} : { ownDefinitions }),
    });
    const errors = x.issues.filter((i) => i.severity === "error").length;
    return {
      file,
      unit: x.unit,
      read: true,
      tables: x.found,
      errors,
      warnings: x.issues.length - errors,
    };
  }

  /** Records a file that could not be read (corrupt, password-protected, not .xlsx …). */
  addUnreadable(file: string, reason: string): UnitPreview {
    this.entries.push({ kind: "unreadable", order: this.entries.length, file, reason });
    return { file, unit: undefined, read: false, reason, tables: [], errors: 0, warnings: 0 };
  }

  get count(): number {
    return this.entries.length;
  }

  /**
   * Merges what was added; may be called again with another choice between a unit's files
   * (the files are not read again).
   */
  finish(choice: Pick<ConsolidateOptions, "prefer" | "duplicates"> = {}): Consolidation {
    return consolidateEntries(this.entries, this.templates, { ...this.opts, ...choice });
  }
}

/**
 * Merges unit workbooks in one call (see `Consolidator` to add them one at a time).
 * @example consolidate([{ file: "a.xlsx", workbook: wbA }], { units: ["甲校"] }).problems
 */
export function consolidate(
  files: ReadonlyArray<{
    readonly file: string;
    readonly workbook?: WorkbookModel;
    readonly unreadable?: string;
  }>,
  opts: ConsolidateOptions = {}
): Consolidation {
  const c = new Consolidator(opts);
  for (const f of files) {
    if (f.workbook) c.add(f.file, f.workbook);
    else c.addUnreadable(f.file, f.unreadable ?? "无法读取");
  }
  return c.finish();
}

function isCurrent(k: KeptTable, year: number | undefined): boolean {
  return k.year === year || k.year === undefined;
}

/** The year most files are for (a file's year: its latest table's); on a tie the later year. */
function pickYear(units: readonly ExtractedUnit[]): number | undefined {
  const votes = new Map<number, number>();
  for (const u of units) {
    const years = u.tables.map((t) => t.year).filter((y): y is number => y !== undefined);
    if (years.length === 0) continue;
    const y = Math.max(...years);
    votes.set(y, (votes.get(y) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [y, n] of votes) {
    const b = best === undefined ? 0 : (votes.get(best) ?? 0);
    if (best === undefined || n > b || (n === b && y > best)) best = y;
  }
  return best;
}

function sameFile(a: string, b: string): boolean {
  return a === b || baseName(a) === baseName(b);
}

function consolidateEntries(
  entries: readonly Entry[],
  templates: readonly CompiledTemplate[],
  opts: ConsolidateOptions
): Consolidation {
  const problems: MergeProblem[] = [];
  const read = entries.flatMap((e) => (e.kind === "read" ? [e] : []));
  const year = opts.year ?? pickYear(read.map((e) => e.x));
  const status = new Map<string, { status: UnitStatus; text: string }>();
  const yearLabel = (y: number | undefined): string => (y === undefined ? "年度不明" : `${y}年`);

  // 1. each file: unreadable, no tables, another year — or a candidate
  const candidates: Array<{ order: number; x: ExtractedUnit; tables: KeptTable[] }> = [];
  for (const e of entries) {
    if (e.kind === "unreadable") {
      problems.push({
        code: "unreadable",
        severity: "error",
        file: e.file,
        message: `${baseName(e.file)}：${e.reason}，未合并（其他文件照常合并）`,
      });
      status.set(e.file, { status: "unreadable", text: `无法读取：${e.reason}` });
      continue;
    }
    const x = e.x;
    if (e.ownDefinitions !== undefined) {
      problems.push({
        code: "own-definitions",
        severity: "warning",
        file: x.file,
        unit: x.unit,
        message: `${baseName(x.file)}（${x.unit}）${e.ownDefinitions}`,
      });
    }
    if (x.tables.length === 0) {
      problems.push({
        code: "no-tables",
        severity: "error",
        file: x.file,
        unit: x.unit,
        message: `${baseName(x.file)}：没有找到统计表（按表头识别），未合并`,
      });
      status.set(x.file, { status: "no-tables", text: "没有找到统计表" });
      continue;
    }
    const current = x.tables.filter((k) => isCurrent(k, year));
    if (current.length === 0) {
      const years = [...new Set(x.tables.map((k) => k.year))].map(yearLabel).join("、");
      problems.push({
        code: "other-year",
        severity: "error",
        file: x.file,
        unit: x.unit,
        message: `${baseName(x.file)}（${x.unit}）是${years}的表，不是${yearLabel(year)}，未合并`,
      });
      status.set(x.file, { status: "other-year", text: `${years}的表，未合并` });
      continue;
    }
    const kept: KeptTable[] = [];
    for (const k of current) {
      if (k.year === undefined) {
        problems.push({
          code: "no-year",
          severity: "warning",
          file: x.file,
          unit: x.unit,
          sheet: k.sheet,
          message: `${k.template.def.label}（${k.sheet}）没有填统计年度，按${yearLabel(year)}合并`,
        });
      }
      const twin = kept.find((o) => o.template === k.template);
      if (twin) {
        problems.push({
          code: "table-twice",
          severity: "warning",
          file: x.file,
          unit: x.unit,
          sheet: k.sheet,
          message: `${k.template.def.label}在本文件中出现两次（${twin.sheet}、${k.sheet}），只合并 ${twin.sheet}`,
        });
        continue;
      }
      kept.push(k);
    }
    candidates.push({ order: e.order, x, tables: kept });
  }

  // 2. units that sent twice: the user's choice, never a silent one
  const byUnit = new Map<string, typeof candidates>();
  for (const c of candidates) {
    const key = unitKey(c.x.unit);
    const list = byUnit.get(key);
    if (list) list.push(c);
    else byUnit.set(key, [c]);
  }
  const chosen: typeof candidates = [];
  for (const group of byUnit.values()) {
    const unit = (group[0] as (typeof candidates)[number]).x.unit;
    if (group.length === 1) {
      chosen.push(group[0] as (typeof candidates)[number]);
      continue;
    }
    const files = group.map((g) => g.x.file);
    const preferred = group.filter((g) => opts.prefer?.some((p) => sameFile(p, g.x.file)));
    const pick =
      preferred.length === 1
        ? preferred[0]
        : opts.duplicates === "first"
          ? group[0]
          : opts.duplicates === "last"
            ? group[group.length - 1]
            : undefined;
    const names = files.map(baseName).join("、");
    if (pick) {
      chosen.push(pick);
      problems.push({
        code: "duplicate",
        severity: "warning",
        unit,
        files,
        file: pick.x.file,
        message: `${unit}上报了${group.length}份文件（${names}），按选择合并 ${baseName(pick.x.file)}，其余未合并`,
      });
      for (const g of group)
        if (g !== pick)
          status.set(g.x.file, {
            status: "duplicate-unused",
            text: `同一单位的另一份文件，已选用 ${baseName(pick.x.file)}`,
          });
    } else {
      problems.push({
        code: "duplicate",
        severity: "error",
        unit,
        files,
        message: `${unit}上报了${group.length}份文件（${names}），未指定用哪一份，均未合并：请选择用哪一份`,
      });
      for (const g of group)
        status.set(g.x.file, {
          status: "duplicate-unchosen",
          text: "同一单位有多份文件，未选择，未合并",
        });
    }
  }

  // 3. the order of units: the unit list's, then the others by name
  const listed = (opts.units ?? []).map((name, i) => ({ name, key: unitKey(name), i }));
  const listIndex = new Map(listed.map((l) => [l.key, l.i]));
  chosen.sort((a, b) => {
    const ia = listIndex.get(unitKey(a.x.unit)) ?? Infinity;
    const ib = listIndex.get(unitKey(b.x.unit)) ?? Infinity;
    return ia !== ib ? ia - ib : compareUnitNames(a.x.unit, b.x.unit) || a.order - b.order;
  });
  if (opts.units !== undefined) {
    for (const c of chosen) {
      if (!listIndex.has(unitKey(c.x.unit)))
        problems.push({
          code: "not-on-list",
          severity: "warning",
          unit: c.x.unit,
          file: c.x.file,
          message: `${c.x.unit}（${baseName(c.x.file)}）不在单位名单上，已合并在名单单位之后`,
        });
    }
    const sent = new Set(chosen.map((c) => unitKey(c.x.unit)));
    const unchosen = new Set([...byUnit.entries()].filter(([, g]) => g.length > 1).map(([k]) => k));
    for (const l of listed) {
      if (sent.has(l.key) || unchosen.has(l.key)) continue;
      const other = read.find((e) => unitKey(e.x.unit) === l.key);
      const broken = entries.find(
        (e) =>
          e.kind === "unreadable" &&
          (unitKey(fileStem(e.file)).includes(l.key) ||
            (unitKey(fileStem(e.file)).length >= 2 && l.key.includes(unitKey(fileStem(e.file)))))
      );
      const why = other
        ? `只上报了 ${baseName(other.x.file)}（${status.get(other.x.file)?.text ?? "未合并"}）`
        : broken
          ? `其文件“${baseName(broken.kind === "unreadable" ? broken.file : "")}”无法读取`
          : "未上报";
      problems.push({
        code: "missing",
        severity: "error",
        unit: l.name,
        message: `${l.name}：${why}，汇总中没有该单位的数据`,
      });
    }
  }
  for (const c of chosen) {
    if (c.x.unitFromFileName)
      problems.push({
        code: "no-unit-name",
        severity: "warning",
        unit: c.x.unit,
        file: c.x.file,
        message: `${baseName(c.x.file)} 没有写${UNIT_LABEL}，按文件名当作“${c.x.unit}”`,
      });
    problems.push(...c.x.problems);
  }

  // 4. the merged tables, in the templates' order
  const tables: MergedTable[] = [];
  for (const t of templates) {
    const parts = chosen.flatMap((c) =>
      c.tables.filter((k) => k.template === t).map((k) => ({ x: c.x, k }))
    );
    if (parts.length === 0) continue;
    tables.push(mergeTable(t, year, parts, problems));
  }
  for (const c of chosen) {
    const rows = c.tables.reduce((n, k) => n + k.rows.length, 0);
    status.set(c.x.file, {
      status: "merged",
      text: `已合并（${c.tables.length}张表，${rows}行）`,
    });
  }

  const { workbook, boldRows } = mergedWorkbook(tables, year, opts.bureau ?? "汇总");
  const issues = sourcedIssues(
    workbook,
    tables,
    chosen.map((c) => c.x),
    templates,
    year,
    opts
  );

  const units: UnitReport[] = entries.map((e) => {
    const s = status.get(e.kind === "read" ? e.x.file : e.file) ?? {
      status: "no-tables" as const,
      text: "",
    };
    if (e.kind === "unreadable")
      return {
        file: e.file,
        unit: undefined,
        read: false,
        reason: e.reason,
        tables: [],
        years: [],
        issues: [],
        errors: 0,
        warnings: 0,
        status: s.status,
        statusText: s.text,
      };
    const errors = e.x.issues.filter((i) => i.severity === "error").length;
    return {
      file: e.x.file,
      unit: e.x.unit,
      read: true,
      tables: e.x.found,
      years: [
        ...new Set(e.x.found.map((t) => t.year).filter((y): y is number => y !== undefined)),
      ].sort(),
      issues: e.x.issues,
      errors,
      warnings: e.x.issues.length - errors,
      status: s.status,
      statusText: s.text,
    };
  });
  return {
    year,
    workbook,
    boldRows,
    tables,
    units,
    problems,
    issues,
    unitOrder: chosen.map((c) => c.x.unit),
  };
}

function rangeOf(k: KeptTable, row: number): string {
  return `${a1(row, k.range[0])}:${a1(row, k.range[1])}`;
}

function sourceOf(x: ExtractedUnit, k: KeptTable, r: KeptRow): RowSource {
  return {
    file: x.file,
    unit: x.unit,
    sheet: k.sheet,
    row: r.row,
    colOf: k.colOf,
    range: rangeOf(k, r.row),
  };
}

function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  if (typeof a === "string" && typeof b === "string") return a.trim() === b.trim();
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Natural value of a number as read (money in fen → 元). */
function natural(t: CompiledTemplate, k: number, n: number): number {
  return t.columns[k]?.type === "money" ? n / 100 : n;
}

function mergeTable(
  t: CompiledTemplate,
  year: number | undefined,
  parts: ReadonlyArray<{ x: ExtractedUnit; k: KeptTable }>,
  problems: MergeProblem[]
): MergedTable {
  const n = t.columns.length;
  const summed = t.columns.map((c) => c.type === "count" || c.type === "money");
  const keyCol = t.columns.findIndex((c) => c.unique === true);
  // a table of categories (its unique key is a fixed choice, e.g. 渠道): one row per category
  const combine = keyCol >= 0 && t.columns[keyCol]?.type === "enum";
  const rows: MergedRow[] = [];
  const sums = new Float64Array(n);
  const filled = new Uint8Array(n);
  const addSums = (numbers: Float64Array): void => {
    for (let k = 0; k < n; k++) {
      const v = numbers[k] as number;
      if (summed[k] && !Number.isNaN(v)) {
        sums[k] = (sums[k] as number) + v;
        filled[k] = 1;
      }
    }
  };

  if (!combine) {
    for (const { x, k } of parts) {
      for (const r of k.rows) {
        rows.push({ values: r.values, formats: r.formats, sources: [sourceOf(x, k, r)] });
        addSums(r.numbers);
      }
    }
  } else {
    const allowed = t.columns[keyCol]?.allowed ?? [];
    const groups = new Map<string, Array<{ x: ExtractedUnit; k: KeptTable; r: KeptRow }>>();
    const loose: Array<{ x: ExtractedUnit; k: KeptTable; r: KeptRow }> = [];
    for (const { x, k } of parts) {
      for (const r of k.rows) {
        const key = r.text[keyCol] ?? "";
        if (!allowed.includes(key)) {
          loose.push({ x, k, r });
          continue;
        }
        const g = groups.get(key);
        if (g) g.push({ x, k, r });
        else groups.set(key, [{ x, k, r }]);
      }
    }
    const remark = t.remark;
    for (const key of allowed) {
      const g = groups.get(key);
      if (!g) continue;
      const values: CellValue[] = [];
      const formats: Array<string | undefined> = [];
      const numbers = new Float64Array(n).fill(NaN);
      for (let c = 0; c < n; c++) {
        const col = t.columns[c];
        if (summed[c]) {
          let s = 0;
          let any = false;
          for (const { r } of g) {
            const v = r.numbers[c] as number;
            if (!Number.isNaN(v)) {
              s += v;
              any = true;
            }
          }
          numbers[c] = any ? s : NaN;
          values.push(any ? natural(t, c, s) : null);
          formats.push(g.find(({ r }) => r.formats[c] !== undefined)?.r.formats[c]);
        } else if (c === remark) {
          const notes = g
            .filter(({ r }) => !isBlank(r.values[c]))
            .map(({ x, r }) => `${x.unit}：${String(r.values[c]).trim()}`);
          values.push(notes.length > 0 ? notes.join("；") : null);
          formats.push(undefined);
        } else if (col?.type === "percent") {
          // rates are not summed: the 合计 of the counts gives them (a blank rate is computed)
          values.push(null);
          formats.push(undefined);
        } else {
          const first = g.find(({ r }) => !isBlank(r.values[c]));
          const differ = g.filter(
            ({ r }) => !isBlank(r.values[c]) && !sameValue(r.values[c], first?.r.values[c])
          );
          if (first && differ.length > 0) {
            problems.push({
              code: "value-conflict",
              severity: "warning",
              message: `${t.def.label}“${key}”的${col?.header ?? ""}各单位不同（${[first, ...differ].map(({ x, r }) => `${x.unit}：${String(r.values[c])}`).join("；")}），汇总取 ${String(first.r.values[c])}`,
            });
          }
          values.push(first ? first.r.values[c] : null);
          formats.push(first?.r.formats[c]);
        }
      }
      rows.push({ values, formats, sources: g.map(({ x, k, r }) => sourceOf(x, k, r)) });
      addSums(numbers);
    }
    // rows whose key is no allowed value are kept as they are: the check reports them
    for (const { x, k, r } of loose) {
      rows.push({ values: r.values, formats: r.formats, sources: [sourceOf(x, k, r)] });
      addSums(r.numbers);
    }
  }

  const total: CellValue[] = t.columns.map((_, k) =>
    summed[k] && filled[k] ? natural(t, k, sums[k] as number) : null
  );
  total[0] = TOTAL_LABEL;
  const label = t.def.label;
  return {
    template: t,
    year: year ?? 0,
    sheet: year === undefined ? `${label} 汇总` : `${label} 汇总 ${year}`,
    headerRow: 2,
    rows,
    total,
    ...(combine ? { combinedBy: t.columns[keyCol]?.header ?? "" } : {}),
  };
}

/** The merged tables as sheets (template frame, header, rows, 合计) and the 汇总来源 sheet. */
function mergedWorkbook(
  tables: readonly MergedTable[],
  year: number | undefined,
  bureau: string
): { workbook: WorkbookModel; boldRows: Map<string, number[]> } {
  const sheets: SheetModel[] = [];
  const boldRows = new Map<string, number[]>();
  const sources: CellValue[][] = [[...SOURCES_HEADERS]];
  for (const m of tables) {
    const t = m.template;
    const frame: CellValue[] = FRAME_LABELS.flatMap((l) => [
      l,
      l === UNIT_LABEL ? bureau : l === YEAR_LABEL ? (year ?? null) : null,
    ]);
    const values: CellValue[][] = [
      [`${t.def.title}（${year === undefined ? "" : `${year}年`}汇总）`],
      frame,
      t.columns.map((c) => c.header),
    ];
    const formats: Array<Array<string | undefined> | undefined> = [undefined, undefined, undefined];
    m.rows.forEach((r, i) => {
      values.push([...r.values]);
      formats.push([...r.formats]);
      const at = `${columnLetters(0)}${m.headerRow + 2 + i}:${columnLetters(t.columns.length - 1)}${m.headerRow + 2 + i}`;
      for (const s of r.sources)
        sources.push([m.sheet, at, s.unit, baseName(s.file), s.sheet, s.range]);
    });
    values.push([...m.total]);
    formats.push(
      m.rows[0]
        ? [...m.rows[0].formats].map((f, k) => (t.columns[k]?.type === "percent" ? undefined : f))
        : undefined
    );
    sheets.push({ name: m.sheet, values, formats });
    boldRows.set(m.sheet, [0, m.headerRow, values.length - 1]);
  }
  if (tables.length > 0) {
    sheets.push({ name: SOURCES_SHEET, values: sources });
    boldRows.set(SOURCES_SHEET, [0]);
  }
  return { workbook: { sheets }, boldRows };
}

/** Validates the merged tables and points each issue at the units' own cells. */
function sourcedIssues(
  workbook: WorkbookModel,
  tables: readonly MergedTable[],
  units: readonly ExtractedUnit[],
  templates: readonly CompiledTemplate[],
  year: number | undefined,
  opts: ConsolidateOptions
): SourcedIssue[] {
  if (tables.length === 0) return [];
  const checked = validateWorkbook(workbook, {
    templates,
    ...(year === undefined ? {} : { year }),
    settings: resolveSettings(opts.settings),
  });
  const own = new Set<string>();
  for (const u of units)
    for (const i of u.issues)
      own.add(`${u.file}\u0000${i.sheet}\u0000${i.cell}\u0000${i.rule}\u0000${i.code}`);
  const bySheet = new Map(tables.map((m) => [m.sheet, m]));
  const rowOf = (m: MergedTable, cell: string): MergedRow | undefined => {
    const at = parseA1(cell);
    const index = at?.row === undefined ? -1 : at.row - m.headerRow - 1;
    return index >= 0 ? m.rows[index] : undefined;
  };
  const out: SourcedIssue[] = [];
  for (const i of checked.issues) {
    const m = bySheet.get(i.sheet);
    const row = m ? rowOf(m, i.cell) : undefined;
    // in a table without a unit column, two rows of different units that read the same (the same
    // programme, the same amount) are no duplicate: a unit's own are reported by its own check
    if (
      m &&
      row &&
      i.code === "duplicate-row" &&
      unitColumn(m.template) < 0 &&
      typeof i.params?.other === "string"
    ) {
      const other = rowOf(m, i.params.other);
      if (other && other.sources[0]?.unit !== row.sources[0]?.unit) continue;
    }
    let sources: SourceRef[] = [];
    if (row) {
      const whole = /^\d+:\d+$/.test(i.cell);
      const col = whole ? undefined : parseA1(i.cell)?.col;
      for (const s of row.sources) {
        const c = col === undefined ? -1 : (s.colOf[col] ?? -1);
        sources.push({
          file: s.file,
          unit: s.unit,
          sheet: s.sheet,
          cell: c >= 0 ? a1(s.row, c) : whole ? `${s.row + 1}:${s.row + 1}` : s.range,
        });
      }
    }
    const known = (s: SourceRef): boolean =>
      own.has(`${s.file}\u0000${s.sheet}\u0000${s.cell}\u0000${i.rule}\u0000${i.code}`);
    // a row combined from several units: point at the units whose own rows break the same rule
    const owners = sources.filter(known);
    if (sources.length > 1 && owners.length > 0) sources = owners;
    out.push({ ...i, sources, alsoInUnit: sources.length > 0 && sources.every(known) });
  }
  return out;
}

/**
 * An issue of a merged table in words, with where it comes from.
 * @example sourcedMessage(issue) // "发展预备党员 5 应等于 … ← 昆山市实验小学.xlsx 表1!E4"
 */
export function sourcedMessage(i: SourcedIssue): string {
  const where = i.sources.map((s) => `${baseName(s.file)} ${s.sheet}!${s.cell}`).join("；");
  return where === "" ? issueMessage(i) : `${issueMessage(i)}（来源：${where}）`;
}
