/**
 * 起草报表定义, offered when no table was found: a first definition drafted from the workbook's
 * own sheets (the core's, the one `bureau-stats definitions draft` writes). In Excel and WPS it
 * is inserted as a new 报表定义 sheet (never over one already there, never into a user's cell);
 * on the browser page, which cannot add sheets, it is downloaded as a definitions file.
 */
import type { WorkbookHost } from "../hosts/host";
import { saveBytes } from "./download";
import { loadEngine, tablesInWords } from "./engine";

/** At most this many sheets' header rows are named in the notice; the rest are counted. */
export const HEADER_ROWS_SHOWN = 3;

/**
 * The header rows to name, and the last line counting all of them when some are left out.
 * @example shownHeaderRows(["“a”第1行：x、y", "“b”第1行：x、y", "“c”第1行：x、y", "“d”第1行：x、y"]) // ["“a”第1行：x、y", "“b”第1行：x、y", "“c”第1行：x、y", "等4张工作表"]
 */
export function shownHeaderRows(rows: readonly string[]): string[] {
  if (rows.length <= HEADER_ROWS_SHOWN) return [...rows];
  return [...rows.slice(0, HEADER_ROWS_SHOWN), `等${rows.length}张工作表`];
}

/**
 * The ways on, where the pane can take them: the browser page loads a definitions file with its
 * 表定义… button and downloads the draft; Excel and WPS insert it as a sheet.
 */
export function waysOn(inserts: boolean): string[] {
  return inserts
    ? [
        "点“起草报表定义”：按这些表起草一张“报表定义”工作表，核对后重新校验；",
        "自己在工作簿中加入“报表定义”工作表，写明本局的表；",
        "已有本局的定义文件（.json）：在命令行用 bureau-stats check 加上 --definitions 定义.json 校验。",
      ]
    : [
        "已有本局的定义文件（.json）：点上方的“表定义…”载入，再重新校验；",
        "在工作簿中加入“报表定义”工作表，写明本局的表；",
        "点“起草报表定义”：按这些表起草定义文件，核对后用“表定义…”载入。",
      ];
}

/** What 起草报表定义 did: the sheet inserted or the file downloaded, and what was drafted. */
export interface DraftedDefinitions {
  readonly into: "sheet" | "file";
  /** The new sheet's name, or the downloaded file's. */
  readonly name: string;
  readonly tables: number;
  /** What was drafted, in the command line's lines, to check. */
  readonly lines: readonly string[];
}

/**
 * The definitions file's name for a workbook: `局报表.xlsx` → `局报表-定义.json`.
 * @example draftFileName("other-bureau-2013.xlsx") // "other-bureau-2013-定义.json"
 * @example draftFileName("") // "工作簿-定义.json"
 */
export function draftFileName(workbookLabel: string): string {
  const base = workbookLabel.replace(/\.(xlsx|xlsm|xls|et)$/i, "").trim();
  return `${base || "工作簿"}-定义.json`;
}

/**
 * Drafts the definitions of the workbook's own tables from the workbook as it is now, then inserts
 * them as a new 报表定义 sheet (Excel, WPS) or downloads them as `<workbook>-定义.json` (browser
 * page). Only adds a sheet: no cell of the user's is written. Rejects, in Chinese, when no table
 * can be drafted or the workbook has a 报表定义 sheet already.
 */
export async function draftIntoWorkbook(
  host: WorkbookHost,
  save: typeof saveBytes = saveBytes
): Promise<DraftedDefinitions> {
  const [model, engine] = await Promise.all([host.readWorkbook(), loadEngine()]);
  const draft = await engine.draftDefinitions(model);
  const tables = draft.tables.length;
  if (tables === 0)
    throw new Error(
      `没有找到可起草定义的表（一行至少两个文字表头，下面有数据行）${draft.lines.map((l) => `，${l}`).join("")}。请检查各工作表的表头。`
    );
  if (host.insertDefinitions) {
    const name = await host.insertDefinitions(draft.tables);
    return { into: "sheet", name, tables, lines: draft.lines };
  }
  const name = draftFileName(host.label);
  save(new TextEncoder().encode(draft.json), name, "application/json");
  return { into: "file", name, tables, lines: draft.lines };
}

/** The outcome of 起草报表定义 in one or two sentences: what was done, then 请… what next. */
export function draftedText(r: DraftedDefinitions): string {
  const what = `按本工作簿起草的${tablesInWords(r.tables)}表的定义`;
  return r.into === "sheet"
    ? `已插入工作表“${r.name}”，其中是${what}，原有工作表未作任何改动。请核对各列和建议规则，把报告句子改写成本局的说法，再点“重新校验”。`
    : `已下载“${r.name}”，其中是${what}，工作簿未作任何改动。请核对各列和建议规则，把报告句子改写成本局的说法，再点上方的“表定义…”载入它并重新校验。`;
}
