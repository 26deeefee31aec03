/**
 * Where an issue is, in the statistician's words: the table (`表1 党员发展情况`), the
 * row (`第18行`), the unit the row is about — the value of the table's label column, which is the
 * FIRST column of its definition (`单位名称`, `培训项目`, `项目名称`, `渠道`; a bureau's own
 * definitions name theirs the same way) — the column and the value found. Also what the rule codes
 * mean, for the small code shown beside each issue.
 */
import type { Issue } from "./issues";
import { parseA1, type SheetModel, type WorkbookModel } from "./model";
import { detectTableOnce } from "./detect/once";
import { COMPILED_BUILTINS, type CompiledDefinition, type TableDefinition } from "./definitions";
import type { TableData, TableRecord } from "./figures";

/** A sheet's table as the place and the cell preview need it. */
export interface SheetLayout {
  readonly definition: CompiledDefinition;
  /** `表1 党员发展情况`. */
  readonly table: string;
  /** 0-based row of the header row. */
  readonly headerRow: number;
  /** Sheet column of the label column, or -1 when the sheet has none. */
  readonly labelCol: number;
  /** The label column's header (`单位名称`). */
  readonly labelHeader: string;
  /** Sheet columns holding dates (shown as dates, never as serial numbers). */
  readonly dateCols: ReadonlySet<number>;
}

const layouts = new WeakMap<
  SheetModel,
  WeakMap<readonly CompiledDefinition[], SheetLayout | null>
>();

/**
 * The table a sheet holds, its header row and label column (computed once per sheet).
 * @example sheetLayout({ name: "表1", values: [["单位名称", "单位类型", "年末党员数", "发展预备党员"]] })?.labelHeader // "单位名称"
 */
export function sheetLayout(
  sheet: SheetModel,
  definitions: readonly CompiledDefinition[] = COMPILED_BUILTINS
): SheetLayout | undefined {
  let byDefinitions = layouts.get(sheet);
  if (!byDefinitions) layouts.set(sheet, (byDefinitions = new WeakMap()));
  const known = byDefinitions.get(definitions);
  if (known !== undefined) return known ?? undefined;
  const d = detectTableOnce(sheet, definitions);
  let layout: SheetLayout | null = null;
  if (d) {
    const dateCols = new Set<number>();
    d.definition.columns.forEach((c, i) => {
      const col = d.colOf[i] ?? -1;
      if (c.type === "date" && col >= 0) dateCols.add(col);
    });
    layout = {
      definition: d.definition,
      table: `${d.definition.def.label} ${d.definition.def.name}`,
      headerRow: d.headerRow,
      labelCol: d.colOf[0] ?? -1,
      labelHeader: d.definition.columns[0]?.header ?? "",
      dateCols,
    };
  }
  byDefinitions.set(definitions, layout);
  return layout ?? undefined;
}

/** An issue's place: every part the sheet lets us name. */
export interface IssuePlace {
  /** `表1 党员发展情况`, or the sheet's name when it holds no known table. */
  readonly table: string;
  /** `第18行`, `合计行`, `表头`; absent for whole-column or whole-sheet issues. */
  readonly row?: string;
  /** The label column's header and the row's value there: `单位名称“葛江中学”`. */
  readonly unit?: string;
  /** `“单位类型”`. */
  readonly column?: string;
  /** The value found, as shown: `“36人”`, `“（空）”`. */
  readonly value?: string;
  /** The sheet's table layout, for a preview of the cell (header row, label column, date columns). */
  readonly layout?: Pick<SheetLayout, "headerRow" | "labelCol" | "labelHeader" | "dateCols">;
}

/**
 * The place of an issue in the statistician's words.
 * @example issuePlace({ sheet: "表1", cell: "B2", column: "单位类型" } as Issue, { sheets: [{ name: "表1", values: [["单位名称", "单位类型", "年末党员数"], ["葛江中学", "", 3]] }] }) // { table: "表1 党员发展情况", row: "第2行", unit: "单位名称“葛江中学”", column: "“单位类型”" }
 */
export function issuePlace(
  issue: Pick<Issue, "sheet" | "cell" | "column" | "value">,
  model: WorkbookModel | undefined,
  definitions: readonly CompiledDefinition[] = COMPILED_BUILTINS
): IssuePlace {
  const sheet = model?.sheets.find((s) => s.name === issue.sheet);
  const layout = sheet ? sheetLayout(sheet, definitions) : undefined;
  const at = parseA1(issue.cell);
  const place: { -readonly [K in keyof IssuePlace]: IssuePlace[K] } = {
    table: layout ? `${layout.table}（工作表“${issue.sheet}”）` : `工作表“${issue.sheet}”`,
  };
  if (layout) place.layout = layout;
  if (at?.row !== undefined) {
    place.row = layout && at.row === layout.headerRow ? "表头" : `第${at.row + 1}行`;
  }
  if (
    sheet &&
    layout &&
    at?.row !== undefined &&
    at.row > layout.headerRow &&
    layout.labelCol >= 0
  ) {
    const cell = sheet.values[at.row]?.[layout.labelCol];
    const label = typeof cell === "string" || typeof cell === "number" ? String(cell).trim() : "";
    if (label) place.unit = label === "合计" ? "合计行" : `${layout.labelHeader}“${label}”`;
  }
  if (issue.column) place.column = `“${issue.column}”`;
  if (issue.value !== undefined && at?.col !== undefined && at.row !== undefined) {
    place.value = issue.value === null || issue.value === "" ? "空白" : `“${String(issue.value)}”`;
  }
  return place;
}

/**
 * A place in plain words, as a statistician says it (no cell address, no sheet: the caller names
 * the table): the row with the unit on it, then the column.
 * @example placeInWords({ table: "表1 党员发展情况", row: "第6行", unit: "单位名称“昆山市第一中学”", column: "“发展预备党员”" }) // "第6行（昆山市第一中学）“发展预备党员”"
 * @example placeInWords({ table: "表1 党员发展情况", row: "第31行", unit: "合计行", column: "“年末党员数”" }) // "合计行“年末党员数”"
 * @example placeInWords({ table: "表3 经费情况", row: "表头", column: "“经办人”" }) // "表头“经办人”"
 */
export function placeInWords(place: IssuePlace): string {
  const named = place.unit === undefined ? undefined : /“(.*)”$/.exec(place.unit)?.[1];
  const row =
    place.unit === "合计行" ? "合计行" : (place.row ?? "") + (named ? `（${named}）` : "");
  return row + (place.column ?? "");
}

/**
 * An issue's place in words with its sheet first, for lists that span sheets (汇总's units):
 * the sheet, then the row with its unit and the column as `placeInWords` says them.
 * @example sheetPlace({ sheet: "表1", cell: "B2", column: "单位类型" }, { sheets: [{ name: "表1", values: [["单位名称", "单位类型", "年末党员数"], ["葛江中学", "", 3]] }] }) // "表1 第2行（葛江中学）“单位类型”"
 */
export function sheetPlace(
  issue: Pick<Issue, "sheet" | "cell" | "column" | "value">,
  model: WorkbookModel | undefined,
  definitions: readonly CompiledDefinition[] = COMPILED_BUILTINS
): string {
  const words = placeInWords(issuePlace(issue, model, definitions));
  return words === "" ? issue.sheet : `${issue.sheet} ${words}`;
}

/**
 * A cell's or a range's row in words, with its sheet, when no workbook is at hand: `表1 党员发展
 * 2013 第4行` (the first row of a range), or the sheet alone for a whole column.
 * @example rowPlace("表1 党员发展 2013", "E4")    // "表1 党员发展 2013 第4行"
 * @example rowPlace("表1 党员发展 2013", "A4:K4") // "表1 党员发展 2013 第4行"
 * @example rowPlace("表1 党员发展 2013", "E:E")   // "表1 党员发展 2013"
 */
export function rowPlace(sheet: string, cell: string): string {
  const row = parseA1(cell)?.row;
  return row === undefined ? sheet : `${sheet} 第${row + 1}行`;
}

/** What each generic rule code checks (shown on hover/focus of the code, listed in docs/rules.md). */
export const GENERIC_RULES: Readonly<Record<string, string>> = Object.freeze({
  "G-01": "表头：必填列齐全、没有重复的列，不认识的列会被忽略",
  "G-02": "单元格：必填项已填，数字、日期、可选值格式正确，不重复填报",
  "G-03": "合计行：每一列的合计等于各行之和（计量单位逐行填写的列不合计）",
  "G-04": "重复行：两行内容完全相同",
  "G-05": "变动较大：与上年相比增减超过设定的幅度（默认50%），需要在备注中说明",
  "G-06": "空表：表中没有数据行",
  "G-07": "重复的表：同一年度的同一张表出现了两次",
  "G-08": "计量单位：本年与上年的计量单位不同，不作同比比较",
  "G-09":
    "历年缺数：比较历年（起始年度）时，某一年缺少整张表或这个数、这个数为空白或有两个不同的数",
  "G-10": "累计数减少：定义中标为只增不减的累计数，比前一年减少",
  "G-11": "历年变动异常：某一年的变动超过其他年份变动中位数的3倍（至少4年的数）",
});

/**
 * What a rule code means: the generic codes' sentence, or a table rule's check from its definition.
 * @example ruleExplanation("G-03") // "G-03 合计行：每一列的合计等于各行之和（计量单位逐行填写的列不合计）"
 * @example ruleExplanation("T1-01") // "T1-01 表1 党员发展情况：发展预备党员 = 其中：教工 + 其中：学生"
 */
export function ruleExplanation(
  rule: string,
  definitions: readonly CompiledDefinition[] = COMPILED_BUILTINS
): string {
  const generic = GENERIC_RULES[rule];
  if (generic) return `${rule} ${generic}`;
  for (const t of definitions) {
    const defs = t.def.rules.filter((r) => r.id === rule);
    if (defs.length === 0) continue;
    const checks = [
      ...new Set(
        defs.map((r) => {
          if (r.kind === "named") return inWords(ruleCheckName(r.check));
          const when = r.when ? `${inWords(r.when)}时，` : "";
          // a figures rule compares the 合计 row's figures, not a row's cells
          return (r.kind === "figures" ? "合计数 " : "") + when + inWords(r.check);
        })
      ),
    ];
    return `${rule} ${t.def.label} ${t.def.name}：${checks.join("；")}`;
  }
  return rule;
}

/**
 * A rule expression as a reader sees it: Chinese quotes, 或/且, `上年(X)` as 上年的X, a group's
 * figure `X["g"]` as “g”的X, another table's `表1.X` as 表1的X.
 * @example inWords('单位类型 = "初中" || 单位类型 = "小学"') // "单位类型 = “初中” 或 单位类型 = “小学”"
 * @example inWords('培训人数["新党员培训"] = 表1.新党员培训') // "“新党员培训”的培训人数 = 表1的新党员培训"
 * @example inWords("转正预备党员 ≤ 上年(发展预备党员)") // "转正预备党员 ≤ 上年的发展预备党员"
 */
function inWords(expression: string): string {
  return expression
    .replace(/([^\s.=≠≤≥<>+\-*/()!&|"'[\]]+)\[\s*["']([^"']*)["']\s*\]/g, "“$2”的$1")
    .replace(/上年\(\s*([^()]*?)\s*\)/g, "上年的$1")
    .replace(/([^\s\d.=≠≤≥<>+\-*/()!&|"'“”][^\s.=≠≤≥<>+\-*/()!&|"'“”]*)\.(?=[^\s\d])/g, "$1的")
    .replace(/"([^"]*)"/g, "“$1”")
    .replace(/\s*\|\|\s*/g, " 或 ")
    .replace(/\s*&&\s*/g, " 且 ");
}

/** A named check in words. */
function ruleCheckName(check: string): string {
  const names: Record<string, string> = {
    notAbovePrevious: "合计数 本年的数不多于上年对应的数（旧写法）",
    datesInYear: "日期在统计年度内",
    equalsFigure: "合计数 与另一张表的对应合计一致（旧写法）",
    rateMatchesCounts: "比率与对应的件数相符",
  };
  return names[check] ?? `按“${check}”检查`;
}

/**
 * The unit an issue's row is about, from the tables' records (no sheet needed: the command line's
 * report): `单位名称“葛江中学”`, or undefined for a header, total or whole-sheet issue.
 * @example recordUnit({ sheet: "表1", cell: "B5" }, [{ sheet: "表1", tableId: "T1", records: [{ row: 4, text: { 单位名称: "葛江中学" }, numbers: {} }] }], BUILTIN_DEFINITIONS) // "单位名称“葛江中学”"
 */
export function recordUnit(
  issue: Pick<Issue, "sheet" | "cell">,
  tables: ReadonlyArray<Pick<TableData, "sheet" | "tableId" | "records">>,
  definitions: ReadonlyArray<Pick<TableDefinition, "id" | "columns">>
): string | undefined {
  const row = parseA1(issue.cell)?.row;
  if (row === undefined) return undefined;
  const table = tables.find((t) => t.sheet === issue.sheet);
  const header = definitions.find((d) => d.id === table?.tableId)?.columns[0]?.header;
  if (!table || !header) return undefined;
  const label = recordAtRow(table.records, row)?.text[header]?.trim();
  return label ? `${header}“${label}”` : undefined;
}

/** A table's records by sheet row, indexed on first use (a report looks up the row of every issue). */
const recordsByRow = new WeakMap<readonly TableRecord[], Map<number, TableRecord>>();

function recordAtRow(records: readonly TableRecord[], row: number): TableRecord | undefined {
  let byRow = recordsByRow.get(records);
  if (!byRow) {
    byRow = new Map();
    for (const r of records) if (!byRow.has(r.row)) byRow.set(r.row, r);
    recordsByRow.set(records, byRow);
  }
  return byRow.get(row);
}
