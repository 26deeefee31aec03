/**
 * Validation of one template sheet: the hot loop over its data rows. Columns are resolved once
 * per sheet; a plain number in a count or money column takes a `typeof` fast path with no
 * allocation; issues are allocated only when something is wrong; records are built only when
 * someone reads `TableData.records`.
 */
import type { Figure, TableData, TableRecord } from "../figures";
import type { Issue, IssueValue, Severity } from "../issues";
import { a1, columnLetters, isDateValue, isErrorValue, type CellValue } from "../model";
import {
  ColumnReader,
  displayValue,
  isBlankCell,
  newReading,
  READ_BLANK,
  READ_INVALID,
  READ_OK,
  TYPE_CODE,
  TYPE_COUNT,
  TYPE_ENUM,
  TYPE_MONEY,
  TYPE_PERCENT,
  TYPE_TEXT,
  type CellReading,
} from "../read/cell";
import { formatSerial, serialYear } from "../read/dates";
import { isBlankText, trimText } from "../read/normalise";
import { formatFen, formatTenthsPct } from "../read/numbers";
import { isTotalLabel, type DetectedTable } from "../read/sheet";
import { SETTING_NAMES } from "../settings";
import { columnReaders, type ColumnDefinition, type CompiledRowRule } from "../templates";
import { ratioTenths, tableFigures } from "./figures";
import { attachTaints, WHOLE_COLUMN, type Taint } from "./unverified";
import { KeyIndex } from "./keys";
import { buildRecords, isBlankRow } from "./records";
import { headerIssues, makeIssue, rowAddress, type IssueExtras } from "./sink";

// Hot-loop aliases, bound once at load: with some module transforms every use of an imported
// binding is a property read (even a getter call), which costs per cell.
const OK: number = READ_OK;
const BLANK: number = READ_BLANK;
const INVALID: number = READ_INVALID;
const blankText = isBlankText;
const trimmed = trimText;
const blankCell = isBlankCell;
const totalLabel = isTotalLabel;

const K_TEXT: number = TYPE_TEXT;
const K_ENUM: number = TYPE_ENUM;
const K_COUNT: number = TYPE_COUNT;
const K_MONEY: number = TYPE_MONEY;
const K_PERCENT: number = TYPE_PERCENT;

/** Where a figure is reported: a cell (or column) and whether its row is explained by 备注. */
export interface FigureLocation {
  readonly cell: string;
  readonly explained: boolean;
}

export interface TableResult {
  readonly detected: DetectedTable;
  readonly table: TableData;
  /** The table's figures (the same array as `table.figures`, replaceable in place by the workbook checks). */
  readonly figures: Figure[];
  readonly locations: ReadonlyMap<string, FigureLocation>;
}

export interface TableContext {
  /** Setting values as rule expressions see them. */
  readonly settings: Float64Array;
  /** Year the dates should lie in (the table's year, else the year asked for). */
  readonly year: number | undefined;
}

/** A date-in-year or rate check resolved to column indexes. */
interface DateCheck {
  readonly rule: string;
  readonly code: string;
  readonly severity: Severity;
  readonly cols: readonly number[];
}
interface RateCheck {
  readonly rule: string;
  readonly code: string;
  readonly severity: Severity;
  readonly rate: number;
  readonly num: number;
  readonly den: number;
}

function sameCell(a: CellValue, b: CellValue): boolean {
  if (a === b) return true;
  if (blankCell(a) && blankCell(b)) return true;
  if (typeof a === "string" && typeof b === "string") return trimmed(a) === trimmed(b);
  if (isErrorValue(a) && isErrorValue(b)) return a.error === b.error;
  if (isDateValue(a) && isDateValue(b)) return a.date === b.date;
  return false;
}

/** Validates one detected template sheet, appending its issues. */
export function validateTable(d: DetectedTable, ctx: TableContext, issues: Issue[]): TableResult {
  const t = d.template;
  const sheet = d.sheet;
  const sheetName = sheet.name;
  const rows = sheet.values;
  const formats = sheet.formats;
  const hasFormats = formats !== undefined;
  const cols = t.columns;
  const n = cols.length;
  const colOf = d.colOf;
  const headerAddress = rowAddress(d.headerRow);
  /** Errors by the row and template columns they are about (for unverified figures). */
  const taints: Taint[] = [];
  const push = (
    rule: string,
    code: string,
    severity: Severity,
    cell: string,
    extras?: IssueExtras
  ): Issue => {
    const issue = makeIssue(rule, code, severity, sheetName, cell, extras);
    issues.push(issue);
    return issue;
  };
  const taint = (issue: Issue, row: number, taintCols: readonly number[]): void => {
    if (issue.severity === "error") taints.push({ issue, row, cols: taintCols });
  };

  for (const issue of headerIssues(d)) {
    issues.push(issue);
    // a header twice: which of the two columns holds the figures is unknown
    if (issue.code === "duplicate-header") {
      const first = d.repeated.find((u) => a1(d.headerRow, u.col) === issue.cell)?.first;
      const k = first === undefined ? -1 : Array.prototype.indexOf.call(colOf, first);
      if (k >= 0) taint(issue, WHOLE_COLUMN, [k]);
    }
  }

  // columns resolved once
  const readers = columnReaders(t);
  const kinds = new Int8Array(n);
  const mins = new Float64Array(n);
  const required = new Uint8Array(n);
  const summed = new Uint8Array(n);
  const mappedList: number[] = [];
  cols.forEach((c, k) => {
    kinds[k] = TYPE_CODE[c.type];
    mins[k] = c.min ?? 0;
    required[k] = c.required ? 1 : 0;
    summed[k] = c.type === "count" || c.type === "money" ? 1 : 0;
    if ((colOf[k] ?? -1) >= 0) mappedList.push(colOf[k] ?? 0);
  });
  const mapped = Int32Array.from(mappedList);
  const allCols = cols.map((_c, k) => k);
  // the 合计 label: in the sheet's first column, the table's first column, or the template's first column
  const labelCols = Int32Array.from(
    new Set(
      [0, mappedList.length > 0 ? Math.min(...mappedList) : 0, colOf[0] ?? -1].filter((c) => c >= 0)
    )
  );
  const remarkCol = t.remark >= 0 ? (colOf[t.remark] ?? -1) : -1;
  const remarkFilled = (row: readonly CellValue[] | undefined): boolean =>
    remarkCol >= 0 && row !== undefined && !blankCell(row[remarkCol]);

  const dateChecks: DateCheck[] = [];
  const rateChecks: RateCheck[] = [];
  for (const rule of t.namedRules) {
    if (rule.check === "datesInYear") {
      const names = Array.isArray(rule.params.columns)
        ? rule.params.columns
        : [String(rule.params.columns)];
      const idx = names.map((h) => t.byHeader.get(h) ?? -1).filter((k) => k >= 0);
      dateChecks.push({ rule: rule.id, code: rule.code, severity: rule.severity, cols: idx });
    } else if (rule.check === "rateMatchesCounts") {
      const rate = t.byHeader.get(String(rule.params.rate)) ?? -1;
      const ratio = cols[rate]?.ratio;
      if (rate < 0 || !ratio) continue;
      rateChecks.push({
        rule: rule.id,
        code: rule.code,
        severity: rule.severity,
        rate,
        num: t.byHeader.get(ratio.numerator) ?? -1,
        den: t.byHeader.get(ratio.denominator) ?? -1,
      });
    }
  }

  // keys for duplicates: the unique column, else the first text column, else the first column
  let keyCol = cols.findIndex((c) => c.unique === true);
  const unique = keyCol >= 0;
  if (keyCol < 0)
    keyCol = Math.max(
      0,
      cols.findIndex((c) => c.type === "text")
    );
  const keySheetCol = colOf[keyCol] ?? -1;
  // key → first row (sized once for the sheet); later rows with a repeated key (rare)
  const keyIndex = new KeyIndex(Math.max(0, rows.length - d.headerRow), keyOfRow);
  const keyMore = new Map<string, number[]>();

  // groups (per allowed value of the groupBy enum column)
  const groupK =
    t.def.figures.groupBy === undefined ? -1 : (t.byHeader.get(t.def.figures.groupBy) ?? -1);
  const groupCount = groupK >= 0 ? (cols[groupK]?.allowed?.length ?? 0) : 0;
  const groupSums = new Float64Array(groupCount * n);
  const groupFilled = new Int32Array(groupCount * n);
  const groupRows = new Int32Array(groupCount);
  const groupFirst = new Int32Array(groupCount).fill(-1);
  const groupRate = new Float64Array(groupCount * n).fill(NaN);
  const unitK = cols.findIndex((c) => c.unitColumn !== undefined);
  const unitOf = unitK >= 0 ? (t.byHeader.get(cols[unitK]?.unitColumn ?? "") ?? -1) : -1;
  const groupUnit: string[] = new Array<string>(groupCount).fill("");

  const sums = new Float64Array(n);
  const filled = new Int32Array(n);
  const vals = new Float64Array(n);
  const status = new Uint8Array(n);
  const reading: CellReading = newReading();
  const keyReading: CellReading = newReading();
  const settings = ctx.settings;
  const rowRules = t.rowRules;
  let totalRow = -1;
  let dataRows = 0;
  let end = rows.length;

  for (let r = d.headerRow + 1; r < rows.length; r++) {
    const row = rows[r];
    if (!row || row.length === 0 || isBlankRow(row, mapped)) continue;
    let isTotal = false;
    for (let i = 0; i < labelCols.length && !isTotal; i++)
      isTotal = totalLabel(row[labelCols[i] as number]);
    if (isTotal) {
      totalRow = r;
      end = r;
      break;
    }
    dataRows++;

    for (let k = 0; k < n; k++) {
      const c = colOf[k] as number;
      if (c < 0) {
        status[k] = BLANK;
        vals[k] = NaN;
        continue;
      }
      const v = row[c];
      const kind = kinds[k];
      if (typeof v === "number") {
        if (
          kind === K_COUNT &&
          v >= (mins[k] as number) &&
          v <= 9007199254740991 &&
          Number.isInteger(v)
        ) {
          status[k] = OK;
          vals[k] = v;
          sums[k] = (sums[k] as number) + v;
          filled[k] = (filled[k] as number) + 1;
          continue;
        }
        if (kind === K_MONEY && v >= 0 && v < 9e13 && Number.isInteger(v)) {
          status[k] = OK;
          vals[k] = v * 100;
          sums[k] = (sums[k] as number) + v * 100;
          filled[k] = (filled[k] as number) + 1;
          continue;
        }
      } else if (typeof v === "string" && v.length > 0) {
        if (kind === K_TEXT) {
          if (!blankText(v)) {
            status[k] = OK;
            vals[k] = NaN;
            continue;
          }
        } else if (kind === K_ENUM) {
          const idx = (readers[k] as ColumnReader).enumIndex(v);
          if (idx >= 0) {
            status[k] = OK;
            vals[k] = idx;
            continue;
          }
        }
      }
      // slow path: anything else
      (readers[k] as ColumnReader).read(v, formats?.[r]?.[c], hasFormats, reading);
      status[k] = reading.status;
      vals[k] = reading.status === OK ? reading.value : NaN;
      if (reading.status === OK) {
        if (summed[k]) {
          sums[k] = (sums[k] as number) + reading.value;
          filled[k] = (filled[k] as number) + 1;
        }
        if (reading.code !== "") {
          push("G-02", reading.code, "warning", a1(r, c), {
            column: cols[k]?.header ?? "",
            value: displayValue(v),
            expected: reading.expected ?? null,
            explained: remarkFilled(row),
            params: { lenient: reading.lenient },
          });
        }
      } else if (reading.status === INVALID) {
        const extras: IssueExtras = { column: cols[k]?.header ?? "", value: displayValue(v) };
        // the cell is left out of every sum: each figure that would include it is unverified
        taint(
          push(
            "G-02",
            reading.code,
            "error",
            a1(r, c),
            reading.expected === undefined ? extras : { ...extras, expected: reading.expected }
          ),
          r,
          [k]
        );
      } else if (required[k]) {
        taint(
          push("G-02", "required-blank", "error", a1(r, c), { column: cols[k]?.header ?? "" }),
          r,
          [k]
        );
      }
    }

    // row rules (expressions)
    for (let i = 0; i < rowRules.length; i++) {
      const rule = rowRules[i] as CompiledRowRule;
      const zero = rule.def.blank === "zero";
      let skip = false;
      const uses = rule.uses;
      for (let u = 0; u < uses.length; u++) {
        const s = status[uses[u] as number];
        if (s === INVALID || (s === BLANK && !zero)) {
          skip = true;
          break;
        }
      }
      if (skip) continue;
      if (rule.when !== undefined && !rule.when.evaluate(vals, settings)) continue;
      if (zero) {
        for (let u = 0; u < uses.length; u++)
          if (status[uses[u] as number] === BLANK) vals[uses[u] as number] = 0;
      }
      const ok = rule.check.evaluate(vals, settings);
      if (!ok) reportRowRule(rule, r, row);
      if (zero) {
        for (let u = 0; u < uses.length; u++)
          if (status[uses[u] as number] === BLANK) vals[uses[u] as number] = NaN;
      }
    }

    // named row checks
    if (dateChecks.length > 0 && ctx.year !== undefined) {
      for (const check of dateChecks) {
        for (const k of check.cols) {
          if (status[k] !== OK) continue;
          if (serialYear(vals[k] as number) === ctx.year) continue;
          push(check.rule, check.code, check.severity, a1(r, colOf[k] as number), {
            column: cols[k]?.header ?? "",
            value: formatSerial(vals[k] as number),
            explained: remarkFilled(row),
            params: { year: ctx.year },
          });
        }
      }
    }
    for (let i = 0; i < rateChecks.length; i++) checkRate(rateChecks[i] as RateCheck, r, row);

    // duplicates (G-04) and unique keys (G-02)
    if (keySheetCol >= 0 && status[keyCol] === OK) checkDuplicate(r, row);

    // groups
    if (groupK >= 0 && status[groupK] === OK) {
      const g = vals[groupK] as number;
      groupRows[g] = (groupRows[g] as number) + 1;
      if (groupFirst[g] === -1) {
        groupFirst[g] = r;
        if (unitOf >= 0 && status[unitOf] === OK) {
          groupUnit[g] = (readers[unitOf] as ColumnReader).allowedValue(vals[unitOf] as number);
        }
      }
      const base = g * n;
      for (let k = 0; k < n; k++) {
        if (status[k] !== OK) continue;
        if (summed[k]) {
          groupSums[base + k] = (groupSums[base + k] as number) + (vals[k] as number);
          groupFilled[base + k] = (groupFilled[base + k] as number) + 1;
        } else if (kinds[k] === K_PERCENT) {
          groupRate[base + k] = vals[k] as number;
        }
      }
    }
  }

  function showSide(rule: CompiledRowRule, money: boolean): IssueValue {
    const cmp = rule.check.comparison;
    if (!cmp) return null;
    const v = cmp.right(vals, settings);
    if (!Number.isFinite(v)) return null;
    return money ? formatFen(Math.round(v)) : v;
  }

  function showColumn(k: number): IssueValue {
    if (status[k] !== OK) return null;
    const v = vals[k] as number;
    const type = cols[k]?.type;
    if (type === "money") return formatFen(v);
    if (type === "date") return formatSerial(v);
    if (type === "enum") return (readers[k] as ColumnReader).allowedValue(v);
    if (type === "text") return null;
    return v;
  }

  function reportRowRule(rule: CompiledRowRule, r: number, row: readonly CellValue[]): void {
    const params: Record<string, IssueValue> = {};
    const used = new Set([...rule.check.columns, ...(rule.when?.columns ?? [])]);
    for (const k of used) params[cols[k]?.header ?? ""] = showColumn(k);
    for (const slot of rule.check.settings) {
      const name = Object.keys(SETTING_NAMES)[slot] ?? "";
      const s = SETTING_NAMES[name];
      const v = settings[slot] as number;
      params[name] = s?.kind === "money" ? formatFen(v) : v;
    }
    const cmp = rule.check.comparison;
    const c = colOf[rule.cell] as number;
    const cellValue = showColumn(rule.cell);
    const severity = rule.def.severity;
    // every cell the rule compares may be the wrong one (发展预备党员 or its 其中 parts)
    const issue = push(rule.def.id, rule.def.code, severity, c >= 0 ? a1(r, c) : rowAddress(r), {
      column: cols[rule.cell]?.header ?? "",
      value: cellValue,
      expected:
        cmp === undefined
          ? null
          : cmp.rightColumn !== undefined
            ? showColumn(cmp.rightColumn)
            : showSide(rule, cmp.rightMoney),
      explained: severity === "warning" && remarkFilled(row),
      params,
    });
    taint(issue, r, rule.check.columns);
  }

  function checkRate(check: RateCheck, r: number, row: readonly CellValue[]): void {
    const v = vals;
    const st = status;
    if (st[check.rate] !== OK) return;
    const pct = v[check.rate] as number;
    const cell = a1(r, colOf[check.rate] as number);
    const column = cols[check.rate]?.header ?? "";
    const severityExplained = check.severity === "warning" && remarkFilled(row);
    const rateCols = [check.rate, check.num, check.den].filter((k) => k >= 0);
    if (!(pct >= 0 && pct <= 100)) {
      const issue = push(check.rule, "rate-out-of-range", check.severity, cell, {
        column,
        value: `${pct}%`,
        expected: "0%–100%",
        explained: severityExplained,
      });
      taint(issue, r, [check.rate]);
      return;
    }
    if (check.num < 0 || check.den < 0 || st[check.num] !== OK || st[check.den] !== OK) return;
    const num = v[check.num] as number;
    const den = v[check.den] as number;
    if (den <= 0 || num > den) return;
    const ratio = (num / den) * 100;
    // within rounding to 0.1 point, except that 100% is only right when every case is closed
    if (Math.abs(pct - ratio) <= 0.05 + 1e-9 && !(pct >= 100 && num < den)) return;
    const issue = push(check.rule, check.code, check.severity, cell, {
      column,
      value: `${pct}%`,
      expected: formatTenthsPct(ratioTenths(num, den)),
      explained: severityExplained,
      params: { numerator: num, denominator: den },
    });
    taint(issue, r, rateCols);
  }

  /** The duplicate key of a row whose key cell reads as OK. */
  function keyText(raw: CellValue, enumIndex: number): string {
    return kinds[keyCol] === K_ENUM
      ? (readers[keyCol] as ColumnReader).allowedValue(enumIndex)
      : trimmed(typeof raw === "string" ? raw : String(displayValue(raw)));
  }

  /** The key of a data row already indexed (read again: only needed when two hashes are equal). */
  function keyOfRow(p: number): string {
    const raw = rows[p]?.[keySheetCol];
    (readers[keyCol] as ColumnReader).read(
      raw,
      formats?.[p]?.[keySheetCol],
      hasFormats,
      keyReading
    );
    return keyText(raw, keyReading.value);
  }

  function checkDuplicate(r: number, row: readonly CellValue[]): void {
    const raw = row[keySheetCol];
    const key = keyText(raw, vals[keyCol] as number);
    const first = keyIndex.add(key, r);
    if (first < 0) return;
    const others = [first, ...(keyMore.get(key) ?? [])];
    for (const p of others) {
      const prev = rows[p] ?? [];
      let same = true;
      for (let i = 0; i < mapped.length && same; i++)
        same = sameCell(prev[mapped[i] as number], row[mapped[i] as number]);
      if (same) {
        push("G-04", "duplicate-row", "warning", rowAddress(r), {
          value: key,
          explained: remarkFilled(row),
          params: { other: rowAddress(p) },
        });
        return;
      }
    }
    if (unique) {
      const issue = push("G-02", "duplicate-value", "error", a1(r, keySheetCol), {
        column: cols[keyCol]?.header ?? "",
        value: key,
        params: { other: a1(first, keySheetCol) },
      });
      // the same unit twice: whether this row's figures belong in the totals is unknown
      taint(issue, r, allCols);
    }
    const more = keyMore.get(key);
    if (more === undefined) keyMore.set(key, [r]);
    else if (more.length < 50) more.push(r);
  }

  // G-03: the 合计 row
  const totalRowCells = totalRow >= 0 ? (rows[totalRow] ?? []) : undefined;
  if (totalRowCells !== undefined) {
    for (let k = 0; k < n; k++) {
      const c = colOf[k] as number;
      if (!summed[k] || c < 0) continue;
      const v = totalRowCells[c];
      // a total may be below a row minimum (期数 ≥ 1 per row, but no rows at all sum to 0)
      const reader = new ColumnReader({ ...(cols[k] as ColumnDefinition), min: 0 });
      reader.read(v, formats?.[totalRow]?.[c], hasFormats, reading);
      const column = cols[k]?.header ?? "";
      const sum = sums[k] as number;
      const expected = kinds[k] === K_MONEY ? formatFen(sum) : sum;
      if (reading.status === BLANK) {
        if (filled[k])
          push("G-03", "total-blank", "warning", a1(totalRow, c), {
            column,
            expected,
            explained: remarkFilled(totalRowCells),
          });
        continue;
      }
      if (reading.status === INVALID) {
        taint(
          push("G-02", reading.code, "error", a1(totalRow, c), { column, value: displayValue(v) }),
          totalRow,
          [k]
        );
        continue;
      }
      if (reading.code !== "") {
        push("G-02", reading.code, "warning", a1(totalRow, c), {
          column,
          value: displayValue(v),
          expected: reading.expected ?? null,
          explained: remarkFilled(totalRowCells),
          params: { lenient: reading.lenient },
        });
      }
      if (reading.value !== sum) {
        // the 合计 and the rows disagree: the total drafted (the rows' sum) is unverified
        const issue = push("G-03", "total-mismatch", "error", a1(totalRow, c), {
          column,
          value: displayValue(v),
          expected,
        });
        taint(issue, totalRow, [k]);
      }
    }
    checkTotalRates(totalRowCells);
  } else if (dataRows > 0) {
    push("G-03", "no-total-row", "warning", headerAddress, {});
  }
  // G-06: a template with no data rows is no report of that table (a blank template checks as this)
  if (dataRows === 0) push("G-06", "empty-table", "error", headerAddress, {});

  /** T4-03 on the 合计 row: its rates against the totals of the counts. */
  function checkTotalRates(cells: readonly CellValue[]): void {
    if (rateChecks.length === 0) return;
    for (let k = 0; k < n; k++) {
      status[k] = summed[k] && filled[k] ? OK : BLANK;
      vals[k] = summed[k] ? (sums[k] as number) : NaN;
    }
    for (const check of rateChecks) {
      const c = colOf[check.rate] as number;
      if (c < 0) continue;
      const v = cells[c];
      (readers[check.rate] as ColumnReader).read(v, formats?.[totalRow]?.[c], hasFormats, reading);
      status[check.rate] = reading.status;
      vals[check.rate] = reading.value;
      if (reading.status === INVALID) {
        push("G-02", reading.code, "error", a1(totalRow, c), {
          column: cols[check.rate]?.header ?? "",
          value: displayValue(v),
        });
      } else if (reading.status === OK && reading.code !== "") {
        push("G-02", reading.code, "warning", a1(totalRow, c), {
          column: cols[check.rate]?.header ?? "",
          value: displayValue(v),
          expected: reading.expected ?? null,
          explained: remarkFilled(cells),
          params: { lenient: reading.lenient },
        });
      }
    }
    for (const check of rateChecks) checkRate(check, totalRow, cells);
  }

  // figures (sums of the data rows)
  const figures: Figure[] = [];
  const locations = new Map<string, FigureLocation>();
  const template = t.def.id;
  const addFigure = (f: Figure, row: number, col: number): void => {
    if (!Number.isSafeInteger(f.value)) {
      push(
        "G-03",
        "sum-too-large",
        "error",
        col >= 0 ? columnLetters(col) + ":" + columnLetters(col) : headerAddress,
        {
          column: f.indicator,
        }
      );
      return;
    }
    figures.push(f);
    const cell =
      row >= 0 && col >= 0
        ? a1(row, col)
        : col >= 0
          ? `${columnLetters(col)}:${columnLetters(col)}`
          : headerAddress;
    locations.set(f.id, { cell, explained: row >= 0 && remarkFilled(rows[row]) });
  };
  const placed = tableFigures(t, colOf, {
    sums,
    filled,
    totalRow,
    groupSums,
    groupFilled,
    groupRows,
    groupFirst,
    groupRate,
    groupUnit,
  });
  const shapes: { cols: readonly number[]; group: number }[] = [];
  for (const p of placed) {
    const before = figures.length;
    addFigure(p.figure, p.row, p.col);
    if (figures.length > before) shapes.push(p);
  }
  if (taints.length > 0) {
    const groupCol = groupK;
    const tainted = attachTaints(figures, shapes, taints, {
      totalRow,
      groupCol,
      rowGroup(row) {
        const c = groupCol >= 0 ? (colOf[groupCol] as number) : -1;
        if (c < 0) return -1;
        const reader = readers[groupCol] as ColumnReader;
        reader.read(rows[row]?.[c], formats?.[row]?.[c], hasFormats, reading);
        return reading.status === OK ? reading.value : -1;
      },
    });
    figures.splice(0, figures.length, ...tainted);
  }

  const recordsEnd = end;
  let records: TableRecord[] | undefined;
  const table: Omit<TableData, "records"> = {
    template,
    title: t.def.name,
    sheet: sheetName,
    year: d.year,
    figures,
    rowCount: dataRows,
  };
  Object.defineProperty(table, "records", {
    enumerable: true,
    get(): readonly TableRecord[] {
      records ??= buildRecords(t, d, recordsEnd, mapped);
      return records;
    },
  });
  return { detected: d, table: table as TableData, figures, locations };
}
