/**
 * A first definition drafted from the sheets a bureau already has (`bureau-stats definitions
 * draft`): one table per distinct header row (the same table of several years is one), its title
 * and name from the top rows, each column's type and unit from its values, the row label column,
 * the 合计 row's columns as figures, two or three rules the data never break (as warnings, to
 * confirm), and a plain sentence naming the figures, for the bureau to rewrite. The result passes
 * `definitions check`, and checking the same workbook with it finds no error the data do not hold.
 */
import type { SheetModel, WorkbookModel } from "../../model";
import { isBlankCell } from "../../read/cell";
import { normaliseHeader, trimText } from "../../read/normalise";
import { checkDefinitions } from "../check";
import { DEFINITIONS_VERSION, type ColumnDefinition, type TableDefinition } from "../schema";
import { DEFINITIONS_SHEET } from "../sheet";
import { distinctTexts, draftColumn, type DraftedColumn, type SheetColumn } from "./columns";
import { sheetLayout, type SheetLayout } from "./layout";
import { related, suggestRules } from "./rules";

export { draftReportLines } from "./text";
export type {
  DefinitionsDraft,
  DefinitionsDraftReport,
  DraftedSheet,
  DraftedTableReport,
} from "./report";
import type { DefinitionsDraft, DraftedTableReport } from "./report";

/** Parts of a title that name a year (`（2013年，示例）`, `2013年度`), left out of a table's title. */
const YEAR_PARTS = [
  /[（(](?:[^（()）]*[^（()）\d])?(?:19|20)\d{2}(?!\d)[^（()）]*[）)]/g,
  /(^|\D)(?:19|20)\d{2}(?!\d)\s*年度?/g,
  /(^|\D)(?:19|20)\d{2}(?!\d)/g,
];

function withoutYear(s: string): string {
  let out = s;
  // A year is four digits not inside a longer number; the character before it is kept.
  for (const re of YEAR_PARTS)
    out = out.replace(re, (_m, before: unknown) => (typeof before === "string" ? before : ""));
  return out.replace(/\s+/g, " ").trim();
}

const LABEL = /^表\s*([0-9０-９]+|[一二三四五六七八九十]+)[\s:：、.．-]*/;

/** `表1 学习实践活动情况统计表` → label `表1`, name `学习实践活动情况`. */
function titleParts(
  title: string | undefined,
  sheetName: string,
  n: number
): { label: string; title: string; name: string } {
  const t = title === undefined ? "" : withoutYear(title);
  const m = LABEL.exec(t);
  const label = m
    ? `表${(m[1] as string).replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))}`
    : `表${n}`;
  const rest = (m ? t.slice(m[0].length) : t).trim();
  const fromSheet = withoutYear(sheetName).replace(LABEL, "").trim();
  const name =
    rest.replace(/(统计汇总表|统计表|汇总表|一览表|情况表|报表|表)$/, "").trim() ||
    fromSheet ||
    label;
  const full = t || `${label} ${name}`;
  return { label, title: full, name: name.length > 40 ? name.slice(0, 40) : name };
}

/** What one data row is, from the label column's header: `单位名称` → `单位`. */
function rowLabelOf(header: string | undefined): string {
  if (header === undefined) return "行";
  if (/姓名$/.test(header)) return "人员";
  return header.replace(/[（(][^（()）]*[）)]$/, "").replace(/名称$|名$/, "") || header;
}

/**
 * A header's words for a report sentence, before the figure and its unit: `活动经费（元）` →
 * `活动经费`, `参加党员数` → `参加党员`, and the unit not said twice: `服务次数` (次) → `服务`,
 * `志愿者人数` (人) → `志愿者`.
 */
function phraseOf(header: string, unit: string | undefined): string {
  const bare = header.replace(/[（(][^（()）]*[）)]$/, "");
  if (unit !== undefined && unit.length === 1 && bare.endsWith(`${unit}数`)) {
    const rest = bare.slice(0, -2);
    if (rest.length >= 2) return rest;
  }
  return bare.length > 2 && !/人数$/.test(bare) ? bare.replace(/数$/, "") : bare;
}

/** The group key of a sheet's table: its headers, normalised, in any order. */
const tableKey = (l: SheetLayout): string =>
  l.columns
    .map((c) => normaliseHeader(c.header))
    .sort()
    .join("\u0000");

/** A column's cells on one sheet (blank when the sheet lacks the column). */
function sheetColumn(l: SheetLayout, header: string): SheetColumn {
  const key = normaliseHeader(header);
  const col = l.columns.find((c) => normaliseHeader(c.header) === key)?.col ?? -1;
  const { values, formats } = l.sheet;
  const cell = (r: number) => ({
    value: col < 0 ? undefined : values[r]?.[col],
    format: col < 0 ? undefined : formats?.[r]?.[col],
  });
  return {
    layout: l,
    cells: l.dataRows.map(cell),
    total: l.totalRow >= 0 ? cell(l.totalRow) : undefined,
  };
}

/** True when a column's values never repeat on one sheet. */
function uniqueOnEachSheet(sheets: readonly SheetColumn[]): boolean {
  return sheets.every((s) => {
    const texts = s.cells.map((c) => trimText(String(c.value ?? "")));
    return new Set(texts).size === texts.length;
  });
}

const SERIAL = /^(序号|编号|序|no\.?)$/;

/**
 * The columns of a table drafted from its sheets (a header repeated on the row is listed once),
 * the label column first, counts in a 计量单位 column's unit; `notes` gets what to look at.
 */
function draftedColumns(
  layouts: readonly SheetLayout[],
  notes: string[]
): { drafted: DraftedColumn[]; cells: Map<string, SheetColumn[]> } {
  const first = layouts[0] as SheetLayout;
  const seen = new Set<string>();
  const headers: string[] = [];
  for (const c of first.columns) {
    const key = normaliseHeader(c.header);
    if (seen.has(key)) {
      notes.push(`表头“${c.header}”出现两次，只列入第一列；校验时会报列重复，请改成不同的表头`);
      continue;
    }
    seen.add(key);
    headers.push(c.header);
  }
  const cells = new Map(headers.map((h) => [h, layouts.map((l) => sheetColumn(l, h))]));
  const drafted: DraftedColumn[] = headers.map((h, i) =>
    draftColumn(h, normaliseHeader(h) === "备注" ? "remark" : `c${i + 1}`, cells.get(h) ?? [])
  );
  // the label column: the first text column filled on every row and never repeated on a sheet
  let labelAt = drafted.findIndex(
    ({ column: c }) =>
      c.type === "text" &&
      c.required &&
      c.key !== "remark" &&
      !SERIAL.test(normaliseHeader(c.header)) &&
      uniqueOnEachSheet(cells.get(c.header) ?? [])
  );
  if (labelAt < 0) {
    notes.push("没有每行都填、且不重复的文字列，暂以第一列为行标签；请确认哪一列是单位或项目名称");
    labelAt = 0;
  } else {
    const c = drafted[labelAt] as DraftedColumn;
    drafted[labelAt] = { ...c, column: { ...c.column, key: "name", unique: true } };
  }
  const [labelColumn] = drafted.splice(labelAt, 1);
  if (labelColumn) drafted.unshift(labelColumn);
  // a 计量单位 column: the unit of every count on its row that names no unit of its own
  const unitColumn = drafted.find((d) => d.column.key === "unit")?.column;
  if (unitColumn)
    drafted.forEach((d, i) => {
      const c: ColumnDefinition = { ...d.column, unitColumn: unitColumn.header };
      if (c.type !== "count" || /[（(][^（()）]+[）)]$/.test(c.header)) return;
      delete c.unit;
      drafted[i] = { ...d, column: c };
    });
  return { drafted, cells };
}

/** What to look at in the sheets themselves: years, 合计 rows, empty sheets. */
function sheetNotes(layouts: readonly SheetLayout[], perRowUnits: boolean): string[] {
  const notes: string[] = [];
  const years = layouts.map((l) => l.year);
  const twice = years.filter((y, i) => y !== undefined && years.indexOf(y) !== i);
  if (twice.length > 0)
    notes.push(
      `${[...new Set(twice)].join("、")}年有两张这样的表，校验时会报同一张表重复，请只保留一张`
    );
  if (layouts.some((l) => l.year === undefined))
    notes.push("有的工作表看不出年度：请在表头上方写“统计年度”和年份，或把年份写进表名或工作表名");
  if (layouts.some((l) => l.totalRow < 0 && l.notesBelow > 0 && !l.notesMarked))
    notes.push(
      perRowUnits
        ? "表下的签字等行校验时会当作数据行：请让表下第一行以“说明：”或“注：”开头"
        : "有的表没有“合计”行，表下的签字等行校验时会当作数据行：请在数据行下加“合计”行，或让表下第一行以“说明：”开头"
    );
  if (layouts.some((l) => l.dataRows.length === 0))
    notes.push("有的工作表只有表头、没有数据行，校验时会报空表");
  return notes;
}

type FigureSpec = { column: string; headline: boolean };

/** Column words that name no thing (`数量`): no lead before a list of rows. */
const GENERIC_PHRASE = /^(数量|数|个数|件数|人数|合计|总数)$/;

/** A plain sentence naming the totals, and one listing each group's figure, to be rewritten. */
function reportSentences(
  id: string,
  totals: readonly FigureSpec[],
  groups: readonly FigureSpec[],
  groupValues: readonly string[],
  unitOf: (header: string) => string | undefined
): NonNullable<TableDefinition["report"]>["sentences"] {
  const named = totals.map((f) => ({
    text: `${phraseOf(f.column, unitOf(f.column))}{${f.headline ? "+" : ""}${id}/${f.column}}`,
  }));
  return [
    ...(named.length > 0 ? [named] : []),
    ...groups.map((f) => [
      {
        list: {
          // `受理来电12件，来信3件`; a bare 数量 says nothing the items do not
          ...(GENERIC_PHRASE.test(phraseOf(f.column, undefined))
            ? {}
            : { lead: phraseOf(f.column, undefined) }),
          items: groupValues.map((g) => `${g}{${id}/${f.column}/${g}}`),
          itemSep: "，",
        },
      },
    ]),
  ];
}

/** Drafts one table from the sheets that hold it. */
function draftTable(
  id: string,
  n: number,
  layouts: readonly SheetLayout[]
): {
  def: TableDefinition;
  report: DraftedTableReport;
} {
  const first = layouts[0] as SheetLayout;
  const notes: string[] = [];
  const { drafted, cells } = draftedColumns(layouts, notes);
  let columns = drafted.map((d) => d.column);
  // a count that names no unit takes that of its total (其中：教工 under 发展预备党员), else of a
  // count of the same thing (已完成整改数: 整改项目数's 项)
  columns = columns.map((c, i) => {
    if (c.type !== "count" || c.unit !== undefined || c.unitColumn !== undefined) return c;
    const total = /^其中/.test(c.header)
      ? columns
          .slice(0, i)
          .reverse()
          .find((o) => o.type === "count" && !/^其中/.test(o.header))
      : undefined;
    const unit =
      total?.unit ??
      columns.find((o) => o.type === "count" && o.unit !== undefined && related(c.header, o.header))
        ?.unit;
    return unit === undefined ? c : { ...c, unit };
  });
  const { rules, ratios, nearly } = suggestRules(id, columns, cells);
  notes.push(...nearly);
  columns = columns.map((c) => {
    const ratio = ratios.get(c.header);
    return ratio ? { ...c, ratio } : c;
  });
  // figures: the 合计 of each summed column; per row label for counts in a per-row unit
  const summed = drafted.filter((d) => d.summed).map((d) => d.column.header);
  const byUnit = columns.filter((c) => c.unitColumn !== undefined && summed.includes(c.header));
  const totals = columns
    .filter((c) => summed.includes(c.header) && c.unitColumn === undefined)
    .map((c, i) => ({ column: c.header, headline: i < 4 }));
  let groupBy: string | undefined;
  let groupValues: string[] = [];
  const label = columns[0];
  if (byUnit.length > 0 && label) {
    groupValues = distinctTexts(layouts.flatMap((l) => sheetColumn(l, label.header).cells));
    if (label.type === "text" && label.required && groupValues.length <= 30) {
      const { unique, ...rest } = label;
      columns[0] = { ...rest, type: "enum", allowed: groupValues, ...(unique ? { unique } : {}) };
      groupBy = label.header;
    } else {
      notes.push(`“${byUnit[0]?.header}”等按各行的计量单位填写，没有合计指标`);
    }
  }
  const groups =
    groupBy === undefined ? [] : byUnit.map((c, i) => ({ column: c.header, headline: i === 0 }));
  const required = columns.filter((c) => c.required).length;
  if (required < 2)
    notes.push(
      "每行都填的列少于2个：校验按必填列的表头认出这张表，请把至少两列标为必填（required）"
    );
  const { label: tableLabel, title, name } = titleParts(first.title, first.sheet.name, n);
  const figureIds = [
    ...totals.map((f) => f.column),
    ...groups.map((f) => `${f.column}（按${groupBy ?? ""}分）`),
  ];
  const sentences = reportSentences(
    id,
    totals,
    groups,
    groupValues,
    (h) => columns.find((c) => c.header === h)?.unit
  );
  notes.push(...sheetNotes(layouts, byUnit.length > 0));
  const def: TableDefinition = {
    // the current form: a number the bureau adds beside money is in 元
    version: DEFINITIONS_VERSION,
    id,
    label: tableLabel,
    title,
    name,
    rowLabel: rowLabelOf(label?.header),
    columns,
    rules,
    figures: { totals, ...(groupBy === undefined ? {} : { groupBy }), groups },
    blankRows: Math.min(1000, Math.max(10, ...layouts.map((l) => l.dataRows.length))),
    ...(totals.some((f) => f.headline) || groups.some((f) => f.headline)
      ? { report: { heading: name, sentences } }
      : {}),
  };
  const byHeader = new Map(
    drafted.map((d) => [d.column.header, d.column.key === "remark" ? [] : d.notes])
  );
  return {
    def,
    report: {
      id,
      label: tableLabel,
      name,
      sheets: layouts.map((l) => ({
        sheet: l.sheet.name,
        year: l.year,
        headerRows: l.headerRows.map((r) => r + 1),
        dataRows: l.dataRows.length,
        totalRow: l.totalRow >= 0 ? l.totalRow + 1 : undefined,
        notesBelow: l.notesBelow,
      })),
      columns: columns.map((column) => ({ column, notes: byHeader.get(column.header) ?? [] })),
      figures: figureIds,
      notes,
    },
  };
}

/** A sheet with any cell filled. */
const hasData = (s: SheetModel): boolean =>
  s.values.some((row) => row.some((v) => !isBlankCell(v)));

/**
 * Drafts the definitions of a workbook's own tables (see the module comment); `report` says what
 * was found, sheet by sheet and column by column, for the bureau to check before using them.
 * @example draftDefinitions(workbook).definitions.tables.map((t) => t.id) // ["B1", "B2"]
 */
export function draftDefinitions(workbook: WorkbookModel): DefinitionsDraft {
  const skipped: { sheet: string; reason: string }[] = [];
  const groups = new Map<string, SheetLayout[]>();
  for (const sheet of workbook.sheets) {
    if (sheet.name.trim() === DEFINITIONS_SHEET) {
      skipped.push({ sheet: sheet.name, reason: "是统计表定义，不是统计表" });
      continue;
    }
    if (!hasData(sheet)) {
      skipped.push({ sheet: sheet.name, reason: "空白工作表" });
      continue;
    }
    const layout = sheetLayout(sheet);
    if (!layout || layout.columns.length < 2) {
      skipped.push({ sheet: sheet.name, reason: "没有找到表头行（一行至少两个文字表头）" });
      continue;
    }
    const key = tableKey(layout);
    const list = groups.get(key);
    if (list) list.push(layout);
    else groups.set(key, [layout]);
  }
  const tables: TableDefinition[] = [];
  const reports: DraftedTableReport[] = [];
  for (const layouts of groups.values()) {
    if (layouts.every((l) => l.dataRows.length === 0)) {
      for (const l of layouts)
        skipped.push({ sheet: l.sheet.name, reason: "只有表头，没有数据行，看不出各列填什么" });
      continue;
    }
    const n = tables.length + 1;
    const { def, report } = draftTable(`B${n}`, n, layouts);
    tables.push(def);
    reports.push(report);
  }
  return {
    definitions: { tables: withoutFailingRules(tables) },
    report: { tables: reports, skipped },
  };
}

/**
 * The tables without any rule or sentence `definitions check` would refuse (a header the rule
 * language cannot name, say `人数-女`), then without every rule and sentence of a table still
 * refused: a draft is always a valid file.
 */
function withoutFailingRules(tables: readonly TableDefinition[]): TableDefinition[] {
  const failing = (list: readonly TableDefinition[]) => checkDefinitions(list).problems;
  const first = failing(tables);
  const fixed = tables.map((t, i) => {
    const mine = first.filter((p) => p.table === i);
    if (mine.length === 0) return t;
    const badRules = new Set(mine.filter((p) => p.path[0] === "rules").map((p) => p.path[1]));
    const safe: TableDefinition = { ...t, rules: t.rules.filter((_r, j) => !badRules.has(j)) };
    if (mine.some((p) => p.path[0] === "report")) delete safe.report;
    return safe;
  });
  const still = new Set(failing(fixed).map((p) => p.table));
  return fixed.map((t, i) => {
    if (!still.has(i)) return t;
    const bare: TableDefinition = { ...t, rules: [] };
    delete bare.report;
    return bare;
  });
}
