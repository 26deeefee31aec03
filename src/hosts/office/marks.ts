/**
 * Marking issue cells (red fill for errors, yellow for warnings) and restoring what was there.
 *
 * Where the previous fills are kept: a custom XML part of the workbook (namespace
 * `urn:bureau-stats:marks:1`, ExcelApi 1.5). It travels with the file — 清除标记 still works after
 * the workbook is saved, reopened or opened on another computer —, it is invisible (no extra
 * sheet in the tab bar or the Unhide dialog, nothing a formula or the validation could read), it
 * has no size cap like document settings and needs no `saveAsync`, and it is deleted once the
 * marks are cleared. An Excel without ExcelApi 1.5 keeps the same text in
 * `Office.context.document.settings` (Common API: saved into the file by `saveAsync`, with a size
 * cap — https://learn.microsoft.com/javascript/api/office/office.settings,
 * https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings);
 * a store found there is moved into a part by an Excel that has them. Two parts of the namespace
 * (a copied workbook, two panes) are both read, merged, and written back as one.
 *
 * Each entry keys the cell by worksheet id (a renamed sheet still matches) and by the sheet's
 * name: ids change when the workbook is closed and reopened (github.com/OfficeDev/office-js-docs/issues/297,
 * github.com/OfficeDev/office-js/issues/1390), so an id no longer there is found again by name.
 * It keeps the fill as read and its kind (`FillKind`). With ExcelApi 1.9 that is color, pattern,
 * patternColor, tintAndShade and patternTintAndShade (a cell without fill reads #FFFFFF with null
 * pattern and shade: see `SavedFill`), restored exactly; below 1.9 only the colour can be read and
 * written (`marksRestoreExactly`), and #FFFFFF is restored as No Fill. A gradient fill cannot be
 * written back through the API (and may not even be readable: `UnsupportedFillType`), so such a
 * cell is not marked and the action says how many were left out.
 *
 * Clearing only restores a cell whose fill is still our mark, compared with the mark as this
 * Excel read it back right after painting (kept in the store): if the user (or Undo) has changed
 * it since, their fill stays. Marking again first restores the previous marks no longer needed.
 *
 * Undo: the store is written in its own Excel.run before any cell is painted; all painting and
 * restoring of one action goes in one sync (up to `MARK_CHUNK` cells) and, on hosts with
 * ExcelApi 1.20, in one `mergeUndoGroup` run, so it is one undo step where the host supports it.
 */
import type { Issue } from "../../core";
import type { MarksResult } from "../host";
import { describeOfficeError, OfficeHostError, officeErrorCode } from "./errors";
import { hasExcelApi, runAsOneUndoStep } from "./api";

export const MARKS_NAMESPACE = "urn:bureau-stats:marks:1";
/** The document setting holding the store where custom XML parts are missing (below ExcelApi 1.5). */
export const MARKS_SETTING = "bureau-stats-marks";
export const MARK_COLORS = { error: "#FFC7CE", warning: "#FFEB9C" } as const;
/** Most cells marked at once (the first ones, errors first). */
const MAX_MARKS = 10_000;
/** Cells per sync when reading or writing fills (keeps each request well under 1 MB). */
const MARK_CHUNK = 2_500;

type MarkKind = "error" | "warning";

/**
 * A cell's fill as Excel reported it before it was marked. No Fill reads as colour `#FFFFFF` —
 * the same as white (github.com/OfficeDev/office-js/issues/6218) — with `pattern` and `tintAndShade` null, where a filled
 * cell reads a number for `tintAndShade` (github.com/OfficeDev/office-js/issues/4900); the documented `pattern: "None"`
 * is taken as No Fill too. Below ExcelApi 1.9 only `color` is read (the rest is null).
 */
export interface SavedFill {
  readonly color: string;
  readonly pattern: string | null;
  readonly patternColor: string | null;
  readonly tintAndShade: number | null;
  readonly patternTintAndShade: number | null;
}

/**
 * What a fill is, as far as this Excel can tell: `none`, `solid`, `pattern` (all ExcelApi 1.9,
 * restored exactly), `colour` (below 1.9: the colour alone is known and restored), `gradient`
 * (`LinearGradient` / `RectangularGradient`: "not supported" for writing, JSDoc of
 * `RangeFill.pattern`) or `unreadable` (the read failed with `UnsupportedFillType`).
 */
export type FillKind = "none" | "solid" | "pattern" | "colour" | "gradient" | "unreadable";

/**
 * Whether 清除标记 puts fills back exactly (patterns and shades too): ExcelApi 1.9, where
 * `RangeFill.pattern`, `patternColor`, `tintAndShade` and `patternTintAndShade` are.
 */
export function marksRestoreExactly(): boolean {
  return hasExcelApi("1.9");
}

/**
 * Whether a fill as read is No Fill (see `SavedFill`).
 * @example isNoFill({ color: "#FFFFFF", pattern: null, patternColor: null, tintAndShade: null, patternTintAndShade: null }) // true
 * @example isNoFill({ color: "#FFFFFF", pattern: null, patternColor: null, tintAndShade: 0, patternTintAndShade: 0 }) // false: white
 */
export function isNoFill(f: SavedFill): boolean {
  return f.pattern === "None" || (f.pattern == null && f.tintAndShade == null);
}

/**
 * The kind of a fill as read; `exact`: read with ExcelApi 1.9 (all five properties).
 * @example fillKind({ color: "#FFFFFF", pattern: null, patternColor: null, tintAndShade: null, patternTintAndShade: null }, false) // "none"
 * @example fillKind({ color: "#5B9BD5", pattern: "LinearGradient", patternColor: null, tintAndShade: 0, patternTintAndShade: 0 }, true) // "gradient"
 */
export function fillKind(f: SavedFill, exact: boolean): FillKind {
  if (!exact) return f.color?.toUpperCase() === "#FFFFFF" ? "none" : "colour";
  if (f.pattern === "LinearGradient" || f.pattern === "RectangularGradient") return "gradient";
  if (isNoFill(f)) return "none";
  return f.pattern === "Solid" || f.pattern == null ? "solid" : "pattern";
}

/** Kinds whose fill cannot be put back: such cells are not marked. */
const UNRESTORABLE: ReadonlySet<FillKind> = new Set(["gradient", "unreadable"]);

export interface MarkEntry {
  readonly sheetId: string;
  /** The sheet's name when marked: finds the sheet again after a reopen (new ids). */
  readonly sheet?: string;
  readonly address: string;
  readonly original: SavedFill;
  readonly mark: MarkKind;
  /** Absent in stores written before kinds were kept: then derived from `original`. */
  readonly kind?: FillKind;
}

/** The mark of each kind as this Excel read it back after painting (ExcelApi 1.9 reads). */
export type SeenMarks = Partial<Record<MarkKind, SavedFill>>;

export interface MarkStore {
  readonly entries: MarkEntry[];
  readonly seen: SeenMarks;
}

/* ---------------------------------------------------------------- store (pure) */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

type FillRow = [string, string | null, string | null, number | null, number | null];
const fillRow = (f: SavedFill): FillRow => [
  f.color,
  f.pattern,
  f.patternColor,
  f.tintAndShade,
  f.patternTintAndShade,
];
const fromRow = ([color, pattern, patternColor, tint, patternTint]: unknown[]): SavedFill => ({
  color: color as string,
  pattern: pattern as string | null,
  patternColor: patternColor as string | null,
  tintAndShade: tint as number | null,
  patternTintAndShade: patternTint as number | null,
});

/**
 * The store's text (JSON as element text): version 2 keeps per cell the sheet id, the sheet
 * name, address, mark, fill kind and the five fill properties, and the marks as read back.
 */
export function storeXml(entries: readonly MarkEntry[], seen: SeenMarks = {}): string {
  const json = JSON.stringify({
    v: 2,
    seen: Object.fromEntries(Object.entries(seen).map(([k, f]) => [k, fillRow(f)])),
    cells: entries.map((e) => [
      e.sheetId,
      e.sheet ?? null,
      e.address,
      e.mark,
      e.kind ?? null,
      ...fillRow(e.original),
    ]),
  });
  return `<marks xmlns="${MARKS_NAMESPACE}">${json.replace(/[&<>]/g, (c) => ENTITIES[c] ?? c)}</marks>`;
}

/** The store from its XML (Excel may add a declaration or reformat); version 1 is read too. */
export function parseStore(xml: string): MarkStore {
  const empty: MarkStore = { entries: [], seen: {} };
  const m = /<marks\b[^>]*>([\s\S]*)<\/marks>/.exec(xml);
  if (!m?.[1]) return empty;
  const text = m[1]
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
  try {
    const data = JSON.parse(text) as { v?: number; cells?: unknown[]; seen?: unknown };
    if ((data.v !== 1 && data.v !== 2) || !Array.isArray(data.cells)) return empty;
    const v2 = data.v === 2;
    const entries = data.cells.flatMap((c): MarkEntry[] => {
      if (!Array.isArray(c) || c.length < (v2 ? 10 : 8)) return [];
      const [sheetId, sheet, address, mark, kind] = v2
        ? (c as [string, string | null, string, MarkKind, FillKind | null])
        : [c[0] as string, null, c[1] as string, c[2] as MarkKind, null];
      return [
        {
          sheetId,
          ...(sheet != null ? { sheet } : {}),
          address,
          mark,
          ...(kind != null ? { kind } : {}),
          original: fromRow(c.slice(v2 ? 5 : 3)),
        },
      ];
    });
    const seen: Record<string, SavedFill> = {};
    if (v2 && data.seen && typeof data.seen === "object")
      for (const [k, row] of Object.entries(data.seen))
        if ((k === "error" || k === "warning") && Array.isArray(row)) seen[k] = fromRow(row);
    return { entries, seen };
  } catch {
    return empty;
  }
}

/** Entries from the store's XML; [] if unreadable. */
export function parseStoreXml(xml: string): MarkEntry[] {
  return parseStore(xml).entries;
}

const key = (sheetId: string, address: string) => `${sheetId}!${address}`;

interface SheetRef {
  readonly id: string;
  readonly name: string;
}

/**
 * The entries of one or more stores on the workbook's sheets as they are now: an entry's sheet
 * is the one with its id and name; else, its name — ids change on reopening — unless only the id
 * is there (the sheet was renamed). Entries of sheets gone are left out; a cell in two stores
 * keeps the first original that is not our own mark (a store written by a second pane could have
 * read our mark as the original).
 */
export function locateEntries(
  stores: readonly (readonly MarkEntry[])[],
  sheets: readonly SheetRef[]
): MarkEntry[] {
  const byId = new Map(sheets.map((s) => [s.id, s] as const));
  const byName = new Map(sheets.map((s) => [s.name, s] as const));
  const out = new Map<string, MarkEntry>();
  for (const entries of stores) {
    for (const e of entries) {
      const idHit = byId.get(e.sheetId);
      const nameHit = e.sheet === undefined ? undefined : byName.get(e.sheet);
      const s = idHit && (idHit.name === e.sheet || !nameHit) ? idHit : (nameHit ?? idHit);
      if (!s) continue;
      const located: MarkEntry = { ...e, sheetId: s.id, sheet: s.name };
      const k = key(s.id, e.address);
      const had = out.get(k);
      if (!had || (looksLikeMark(had.original) && !looksLikeMark(e.original))) out.set(k, located);
    }
  }
  return [...out.values()];
}

function looksLikeMark(f: SavedFill): boolean {
  const c = f.color?.toUpperCase();
  return c === MARK_COLORS.error || c === MARK_COLORS.warning;
}

/**
 * The cells to mark: an issue's A1 cell, or for a whole-row issue (`7:7`) the row's first cell;
 * column issues are not marked (the header cell names them). Errors win over warnings.
 * @example markTargets([{ sheet: "表1", cell: "C7", severity: "error" } as Issue]).get("表1")?.get("C7") // "error"
 */
export function markTargets(
  issues: readonly Issue[],
  max = MAX_MARKS
): Map<string, Map<string, MarkKind>> {
  const out = new Map<string, Map<string, MarkKind>>();
  let count = 0;
  const sorted = [...issues].sort((a, b) =>
    a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1
  );
  for (const issue of sorted) {
    let address: string | undefined;
    const cell = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(issue.cell);
    if (cell) address = `${cell[1]}${cell[2]}`;
    else {
      const rowOnly = /^(\d+):(\d+)$/.exec(issue.cell);
      if (rowOnly && rowOnly[1] === rowOnly[2]) address = `A${rowOnly[1]}`;
    }
    if (!address) continue;
    let sheet = out.get(issue.sheet);
    if (!sheet) out.set(issue.sheet, (sheet = new Map()));
    const had = sheet.get(address);
    if (had === undefined) {
      if (count >= max) continue;
      count++;
      sheet.set(address, issue.severity);
    } else if (had === "warning" && issue.severity === "error") sheet.set(address, "error");
  }
  return out;
}

/**
 * Whether a fill as read now is our mark: the same as the mark read back right after painting
 * (`seen`, recorded by an Excel with ExcelApi 1.9); else, as before that was kept, its colour,
 * solid (some builds read `pattern` null for a solid fill: github.com/OfficeDev/office-js/issues/4900).
 * `exact`: read now with ExcelApi 1.9; without it the colour is all there is to compare.
 * @example isOurMark({ color: "#FFC7CE", pattern: "Solid", patternColor: "#000000", tintAndShade: -0.25, patternTintAndShade: 0 }, "error", { error: { color: "#FFC7CE", pattern: "Solid", patternColor: "#000000", tintAndShade: 0, patternTintAndShade: 0 } }, true) // false: the user darkened it
 */
export function isOurMark(
  f: SavedFill | undefined,
  mark: MarkKind,
  seen: SeenMarks,
  exact: boolean
): boolean {
  if (f === undefined || typeof f.color !== "string") return false;
  if (f.color.toUpperCase() !== MARK_COLORS[mark]) return false;
  if (!exact) return true;
  const s = seen[mark];
  if (!s) return f.pattern === "Solid" || f.pattern == null;
  return (
    f.pattern === s.pattern &&
    (f.patternColor ?? "").toUpperCase() === (s.patternColor ?? "").toUpperCase() &&
    f.tintAndShade === s.tintAndShade &&
    f.patternTintAndShade === s.patternTintAndShade
  );
}

/* ---------------------------------------------------------------- Excel side */

const FULL_FILL = "color,pattern,patternColor,tintAndShade,patternTintAndShade";

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

interface CellRef {
  readonly sheetId: string;
  readonly address: string;
}

interface ReadFill {
  readonly fill?: SavedFill;
  readonly kind: FillKind;
}

function asRead(f: Excel.RangeFill, exact: boolean): SavedFill {
  return exact
    ? {
        color: f.color,
        pattern: f.pattern,
        patternColor: f.patternColor,
        tintAndShade: f.tintAndShade,
        patternTintAndShade: f.patternTintAndShade,
      }
    : {
        color: f.color,
        pattern: null,
        patternColor: null,
        tintAndShade: null,
        patternTintAndShade: null,
      };
}

/**
 * Reads the fills of `cells` in one sync. A fill the API cannot read (`UnsupportedFillType`)
 * fails the whole request, so then the halves are read again, down to the cell that fails: a
 * few more syncs for a workbook with such fills, none for the others.
 */
async function readChunk(
  context: Excel.RequestContext,
  cells: readonly CellRef[],
  exact: boolean
): Promise<ReadFill[]> {
  const fills = cells.map((c) =>
    context.workbook.worksheets
      .getItem(c.sheetId)
      .getRange(c.address)
      .format.fill.load(exact ? FULL_FILL : "color")
  );
  try {
    await context.sync();
  } catch (e) {
    if (officeErrorCode(e) !== "UnsupportedFillType") throw e;
    if (cells.length === 1) return [{ kind: "unreadable" }];
    const half = Math.ceil(cells.length / 2);
    const first = await readChunk(context, cells.slice(0, half), exact);
    return [...first, ...(await readChunk(context, cells.slice(half), exact))];
  }
  return fills.map((f) => {
    const fill = asRead(f, exact);
    return { fill, kind: fillKind(fill, exact) };
  });
}

/** Reads the fills of cells, `MARK_CHUNK` per sync. */
async function readFills(
  context: Excel.RequestContext,
  cells: readonly CellRef[],
  exact: boolean
): Promise<ReadFill[]> {
  const out: ReadFill[] = [];
  for (const part of chunks(cells, MARK_CHUNK)) {
    // Deliberate: only above MARK_CHUNK cells is there more than one round; each keeps the
    // request far below the payload limit.
    out.push(...(await readChunk(context, part, exact)));
  }
  return out;
}

/**
 * Queues what puts a saved fill back: cleared, then colour, pattern and shades as they were.
 * Without ExcelApi 1.9 (`exact` false) the colour alone, and #FFFFFF as No Fill.
 */
function queueRestore(fill: Excel.RangeFill, e: MarkEntry, exact: boolean): void {
  const f = e.original;
  const kind = e.kind ?? fillKind(f, true);
  fill.clear();
  if (kind === "none" || UNRESTORABLE.has(kind)) return;
  if (!exact || kind === "colour") {
    if (f.color && f.color.toUpperCase() !== "#FFFFFF") fill.color = f.color;
    return;
  }
  if (f.color) fill.color = f.color;
  if (f.pattern && f.pattern !== "Solid") fill.pattern = f.pattern as Excel.FillPattern;
  if (f.patternColor) fill.patternColor = f.patternColor;
  if (typeof f.tintAndShade === "number" && f.tintAndShade !== 0)
    fill.tintAndShade = f.tintAndShade;
  if (typeof f.patternTintAndShade === "number" && f.patternTintAndShade !== 0)
    fill.patternTintAndShade = f.patternTintAndShade;
}

interface Paint extends CellRef {
  readonly restore?: MarkEntry;
  readonly mark?: MarkKind;
}

/**
 * Paints and restores cells, `MARK_CHUNK` per sync, in one undo group where supported. With
 * ExcelApi 1.9 the first cell of each mark is read back in the same sync, after its painting:
 * the mark as this Excel reports it (returned).
 */
async function applyPaints(paints: readonly Paint[], exact: boolean): Promise<SeenMarks> {
  const seen: Record<string, SavedFill> = {};
  if (paints.length === 0) return seen;
  const batch = async (context: Excel.RequestContext) => {
    for (const part of chunks(paints, MARK_CHUNK)) {
      const readBack: [MarkKind, Excel.RangeFill][] = [];
      for (const p of part) {
        const fill = context.workbook.worksheets.getItem(p.sheetId).getRange(p.address).format.fill;
        if (p.restore) queueRestore(fill, p.restore, exact);
        else if (p.mark) {
          fill.clear();
          fill.color = MARK_COLORS[p.mark];
          if (exact && !seen[p.mark] && !readBack.some(([k]) => k === p.mark))
            readBack.push([p.mark, fill.load(FULL_FILL)]);
        }
      }
      // Deliberate: one sync per MARK_CHUNK cells (usually exactly one).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      for (const [k, f] of readBack) seen[k] = asRead(f, true);
    }
  };
  await runAsOneUndoStep(batch);
  return seen;
}

/** `Office.context.document.settings`, where this Office has it. */
function documentSettings(): Office.Settings | undefined {
  try {
    return typeof Office === "undefined" ? undefined : Office.context?.document?.settings;
  } catch {
    return undefined;
  }
}

interface StoreState extends MarkStore {
  readonly exists: boolean;
  readonly sheets: readonly SheetRef[];
  /** The store is (also) in the document settings. */
  readonly inSettings: boolean;
}

/**
 * The sheets and the stored entries, located on them (2 syncs when a part exists, else 1): every
 * part of our namespace and a store in the document settings, merged.
 */
async function loadStore(context: Excel.RequestContext): Promise<StoreState> {
  const list = context.workbook.worksheets.load("items/name,items/id");
  const scoped = hasExcelApi("1.5")
    ? context.workbook.customXmlParts.getByNamespace(MARKS_NAMESPACE).load("items/id")
    : undefined;
  await context.sync();
  const sheets = list.items.map((s) => ({ id: s.id, name: s.name }));
  const texts: string[] = [];
  if (scoped && scoped.items.length > 0) {
    const xml = scoped.items.map((p) => p.getXml());
    await context.sync();
    // getXml() returns ClientResults, filled by the sync above: they have no load() to call.
    texts.push(...xml.map((r) => r.value));
  }
  const setting: unknown = documentSettings()?.get(MARKS_SETTING);
  const inSettings = typeof setting === "string";
  if (inSettings) texts.push(setting);
  const stores = texts.map(parseStore);
  const seen: SeenMarks = Object.assign({}, ...[...stores].reverse().map((s) => s.seen));
  return {
    exists: texts.length > 0,
    entries: locateEntries(
      stores.map((s) => s.entries),
      sheets
    ),
    seen,
    sheets,
    inSettings,
  };
}

/** Sets (or removes, `text` undefined) the store in the document settings and saves them. */
async function saveSetting(text: string | undefined): Promise<void> {
  const settings = documentSettings();
  if (!settings) {
    if (text === undefined) return;
    throw new OfficeHostError(
      "这个版本的 Excel 无法在工作簿中保存标记记录。请使用 Microsoft 365 版 Excel 后再标记。"
    );
  }
  if (text === undefined) settings.remove(MARKS_SETTING);
  else settings.set(MARKS_SETTING, text);
  const result = await new Promise<Office.AsyncResult<void>>((resolve) =>
    settings.saveAsync((r) => resolve(r))
  );
  if (result.status === Office.AsyncResultStatus.Failed)
    throw new OfficeHostError(
      `标记记录无法保存到工作簿（${result.error?.message ?? "未知原因"}），没有标记任何单元格。请只标记错误或分表标记后再试。`
    );
}

/**
 * Writes (or deletes, when empty) the store in its own run: one part of our namespace (extra
 * ones are deleted), or the document settings where custom XML parts are missing.
 */
async function saveStore(
  entries: readonly MarkEntry[],
  seen: SeenMarks,
  inSettings: boolean
): Promise<void> {
  const text = entries.length === 0 ? undefined : storeXml(entries, seen);
  if (!hasExcelApi("1.5")) return saveSetting(text);
  await Excel.run(async (context) => {
    const parts = context.workbook.customXmlParts;
    const scoped = parts.getByNamespace(MARKS_NAMESPACE).load("items/id");
    await context.sync();
    const [keep, ...extra] = scoped.items;
    if (text === undefined) keep?.delete();
    else if (keep) keep.setXml(text);
    else parts.add(text);
    for (const p of extra) p.delete();
    await context.sync();
  });
  if (inSettings) await saveSetting(undefined); // moved into the part
}

const sameSeen = (a: SeenMarks, b: SeenMarks) =>
  (["error", "warning"] as const).every(
    (k) => JSON.stringify(a[k] ?? null) === JSON.stringify(b[k] ?? null)
  );

/** Why cells were left unmarked, and whether the restore is only the colour. */
function marksNote(unmarked: number, exact: boolean): string | undefined {
  const notes: string[] = [];
  if (unmarked > 0)
    notes.push(
      `有${unmarked}个单元格是渐变等特殊填充，Excel 无法原样恢复，未作标记。请在问题列表中查看这些单元格。`
    );
  if (!exact)
    notes.push(
      "这个版本的 Excel 只能读取填充颜色，清除标记时图案和深浅无法恢复，白色填充会变为无填充。请使用 Microsoft 365 版 Excel 以原样恢复。"
    );
  return notes.length > 0 ? notes.join("") : undefined;
}

/** Marks the cells of `issues`; says how many cells carry a mark and how many were left out. */
export async function markIssuesInExcel(issues: readonly Issue[]): Promise<MarksResult> {
  try {
    const exact = marksRestoreExactly();
    const targets = markTargets(issues);
    const plan = await Excel.run(async (context) => {
      const store = await loadStore(context);
      const old = new Map(store.entries.map((e) => [key(e.sheetId, e.address), e]));
      const sheetIds = new Map(store.sheets.map((s) => [s.name, s.id] as const));
      const wanted: (CellRef & { sheet: string; mark: MarkKind })[] = [];
      for (const [sheet, cells] of targets) {
        const sheetId = sheetIds.get(sheet);
        if (!sheetId) continue;
        for (const [address, mark] of cells) wanted.push({ sheetId, sheet, address, mark });
      }
      const wantedKeys = new Set(wanted.map((w) => key(w.sheetId, w.address)));
      const dropped = [...old.values()].filter((e) => !wantedKeys.has(key(e.sheetId, e.address)));
      const fresh = wanted.filter((w) => !old.has(key(w.sheetId, w.address)));
      const fills = await readFills(context, [...fresh, ...dropped], exact);
      const read = new Map(fresh.map((w, i) => [key(w.sheetId, w.address), fills[i]!]));
      const paints: Paint[] = [];
      dropped.forEach((e, i) => {
        if (isOurMark(fills[fresh.length + i]?.fill, e.mark, store.seen, exact))
          paints.push({ sheetId: e.sheetId, address: e.address, restore: e });
      });
      let unmarked = 0;
      const entries: MarkEntry[] = wanted.flatMap((w) => {
        const k = key(w.sheetId, w.address);
        const kept = old.get(k);
        const now = read.get(k);
        if (!kept && (!now?.fill || UNRESTORABLE.has(now.kind))) {
          unmarked++;
          return [];
        }
        paints.push({ sheetId: w.sheetId, address: w.address, mark: w.mark });
        const base = { sheetId: w.sheetId, sheet: w.sheet, address: w.address, mark: w.mark };
        return [kept ? { ...kept, ...base } : { ...base, original: now!.fill!, kind: now!.kind }];
      });
      return { entries, paints, unmarked, seen: store.seen, inSettings: store.inSettings };
    });
    await saveStore(plan.entries, plan.seen, plan.inSettings);
    const seen = { ...plan.seen, ...(await applyPaints(plan.paints, exact)) };
    // the mark as this Excel reads it back, kept for 清除标记 (once: then it is in the store)
    if (plan.entries.length > 0 && !sameSeen(seen, plan.seen))
      await saveStore(plan.entries, seen, false);
    const note = marksNote(plan.unmarked, exact);
    return { marked: plan.entries.length, unmarked: plan.unmarked, ...(note ? { note } : {}) };
  } catch (e) {
    throw describeOfficeError(e, "标记问题单元格");
  }
}

/** Restores every marked cell that still carries our mark; returns how many were restored. */
export async function clearMarksInExcel(): Promise<number> {
  try {
    const exact = marksRestoreExactly();
    const plan = await Excel.run(async (context) => {
      const store = await loadStore(context);
      if (!store.exists) return undefined;
      const current = await readFills(context, store.entries, exact);
      const paints = store.entries.flatMap((e, i) =>
        isOurMark(current[i]?.fill, e.mark, store.seen, exact)
          ? [{ sheetId: e.sheetId, address: e.address, restore: e }]
          : []
      );
      return { paints, inSettings: store.inSettings };
    });
    if (plan === undefined) return 0;
    await applyPaints(plan.paints, exact);
    await saveStore([], {}, plan.inSettings);
    return plan.paints.length;
  } catch (e) {
    throw describeOfficeError(e, "清除标记");
  }
}
