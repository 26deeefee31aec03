/**
 * Marking issue cells and restoring exactly the fills that were there, on ET.
 *
 * The cells to mark and the store's format are the Office host's (`../office/marks`): same
 * colours, same choice of cells, fills kept as `#RRGGBB` + pattern name, converted from ET's BGR
 * numbers and XlPattern constants. The store is kept in the workbook — a custom XML part
 * (namespace `urn:bureau-stats:marks-wps:1`) when this WPS has `Workbook.CustomXMLParts` and the
 * part reads back; otherwise a very hidden sheet (`_报表助手标记`, xlSheetVeryHidden, invisible in
 * the 取消隐藏 dialog), deleted again when the marks are cleared. A cell is keyed by its sheet's
 * CodeName (unchanged when the user renames the sheet), or its name where WPS gives none.
 *
 * Fills are read through one-area rectangles only (what `Interior` of a multi-area range answers
 * is not documented for WPS); they are written to multi-area ranges (`A1,C3,D9`), a few hundred
 * calls for thousands of cells.
 *
 * WPS has no undo grouping for add-in edits, so every check runs before the first write: the
 * sheets exist, none is protected, the store can be written; then the store is written, then the
 * cells are painted. Clearing restores only cells that still carry our mark.
 */
import { a1, parseA1, type Issue } from "../../core";
import {
  MARK_COLORS,
  markTargets,
  parseStoreXml,
  storeXml,
  MARKS_NAMESPACE,
  type MarkEntry,
  isNoFill,
  type SavedFill,
} from "../office/marks";
import {
  ET,
  type EtApplication,
  type EtCustomXmlParts,
  type EtInterior,
  type EtWorkbook,
  type EtWorksheet,
} from "./et";
import { describeEtError, WpsHostError } from "./errors";
import { uniqueSheetName } from "../office/text";
import { hexToBgr, patternNumber, savedFill } from "./values";
import { activeWorkbook, isStoreSheet, listSheets, STORE_SHEET, userSheets } from "./workbook";

export const WPS_MARKS_NAMESPACE = "urn:bureau-stats:marks-wps:1";
/** Characters per cell of the hidden store sheet (a cell holds at most 32,767). */
const STORE_CELL_CHARS = 30_000;
/** Longest multi-area address given to Range() (Excel's limit is 255 characters). */
const MAX_AREA_ADDRESS = 250;

type MarkKind = MarkEntry["mark"];

interface SheetRef {
  readonly ws: EtWorksheet;
  readonly name: string;
  readonly key: string;
}

function sheetRefs(wb: EtWorkbook): SheetRef[] {
  return userSheets(wb).map(({ ws, name }) => {
    const code = ws.CodeName;
    return { ws, name, key: typeof code === "string" && code ? code : name };
  });
}

/* ---------------------------------------------------------------- the store */

function xmlParts(wb: EtWorkbook): EtCustomXmlParts | undefined {
  try {
    const parts = wb.CustomXMLParts;
    return parts && typeof parts.SelectByNamespace === "function" ? parts : undefined;
  } catch {
    return undefined; // a WPS build without custom XML parts
  }
}

function storeSheet(wb: EtWorkbook): EtWorksheet | undefined {
  return listSheets(wb).find((s) => isStoreSheet(s.ws, s.name))?.ws;
}

interface Store {
  readonly entries: MarkEntry[];
  readonly exists: boolean;
}

function loadStore(wb: EtWorkbook): Store {
  const parts = xmlParts(wb);
  if (parts) {
    const found = parts.SelectByNamespace(WPS_MARKS_NAMESPACE);
    if (found.Count > 0) return { exists: true, entries: parseStoreXml(String(found.Item(1).XML)) };
  }
  const sheet = storeSheet(wb);
  if (!sheet) return { exists: false, entries: [] };
  const used = sheet.UsedRange;
  const rows = Number(used.Row) - 1 + Number(used.Rows.Count);
  const v = sheet.Range(`A1:A${Math.max(1, rows)}`).Value2;
  const text = (Array.isArray(v) ? v.map((r) => (Array.isArray(r) ? r[0] : r)) : [v])
    .map((c) => (typeof c === "string" ? c : ""))
    .join("");
  return { exists: true, entries: parseStoreXml(text) };
}

function storeText(entries: readonly MarkEntry[]): string {
  return storeXml(entries).replace(`xmlns="${MARKS_NAMESPACE}"`, `xmlns="${WPS_MARKS_NAMESPACE}"`);
}

function deleteStoreSheet(app: EtApplication, wb: EtWorkbook): void {
  const sheet = storeSheet(wb);
  if (!sheet) return;
  const alerts = app.DisplayAlerts;
  app.DisplayAlerts = false; // no "delete this sheet?" prompt
  try {
    sheet.Visible = ET.xlSheetVisible; // Excel refuses to delete a very hidden sheet
    sheet.Delete();
  } finally {
    app.DisplayAlerts = alerts;
  }
}

/**
 * Writes the store (or removes it when `entries` is empty). The new store is written before the
 * old one is removed, so a failure leaves the previous record in place.
 */
function saveStore(app: EtApplication, wb: EtWorkbook, entries: readonly MarkEntry[]): void {
  const parts = xmlParts(wb);
  const dropParts = (keepId?: string): boolean => {
    if (!parts) return false;
    let kept = false;
    const found = parts.SelectByNamespace(WPS_MARKS_NAMESPACE);
    for (let i = found.Count; i >= 1; i--) {
      const p = found.Item(i);
      if (keepId !== undefined && p.Id === keepId) kept = true;
      else p.Delete();
    }
    return kept;
  };
  if (entries.length === 0) {
    dropParts();
    deleteStoreSheet(app, wb);
    return;
  }
  const text = storeText(entries);
  if (parts) {
    const added = parts.Add(text);
    if (dropParts(String(added.Id))) {
      deleteStoreSheet(app, wb);
      return;
    }
  }
  // no custom XML parts here (or the part did not read back): a very hidden sheet
  const active = app.ActiveSheet;
  const sheets = wb.Worksheets;
  const ws = sheets.Add(undefined, sheets.Item(sheets.Count));
  const cells: string[][] = [];
  for (let i = 0; i < text.length; i += STORE_CELL_CHARS)
    cells.push([text.slice(i, i + STORE_CELL_CHARS)]);
  const range = ws.Range(`A1:A${cells.length}`);
  range.NumberFormat = "@";
  range.Value2 = cells;
  ws.Visible = ET.xlSheetVeryHidden;
  deleteStoreSheet(app, wb);
  const taken = new Set(userSheets(wb).map((s) => s.name.toLowerCase()));
  ws.Name = uniqueSheetName(STORE_SHEET, taken);
  active?.Activate();
}

/* ---------------------------------------------------------------- cells */

function readFill(ws: EtWorksheet, address: string): SavedFill {
  const i = ws.Range(address).Interior;
  const pattern = i.Pattern;
  if (pattern === ET.xlNone)
    return savedFill({
      color: 0xffffff,
      pattern,
      patternColor: 0,
      tintAndShade: 0,
      patternTintAndShade: 0,
    });
  return savedFill({
    color: i.Color,
    pattern,
    patternColor: i.PatternColor,
    tintAndShade: i.TintAndShade,
    patternTintAndShade: i.PatternTintAndShade,
  });
}

function restoreFill(ws: EtWorksheet, address: string, f: SavedFill): void {
  const i = ws.Range(address).Interior;
  if (isNoFill(f)) {
    i.Pattern = ET.xlNone;
    return;
  }
  i.Pattern = patternNumber(f.pattern ?? "Solid");
  i.Color = hexToBgr(f.color);
  if (f.pattern !== "Solid" && f.patternColor) i.PatternColor = hexToBgr(f.patternColor);
  i.TintAndShade = f.tintAndShade || 0;
  if (f.pattern !== "Solid") i.PatternTintAndShade = f.patternTintAndShade || 0;
}

/** Items by a key, in first-seen order. */
function groupBy<T>(items: readonly T[], keyOf: (t: T) => string): T[][] {
  const out = new Map<string, T[]>();
  for (const t of items) {
    const k = keyOf(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return [...out.values()];
}

const NO_FILL = savedFill({
  color: 0xffffff,
  pattern: ET.xlNone,
  patternColor: 0,
  tintAndShade: 0,
  patternTintAndShade: 0,
});

interface CellAt {
  readonly address: string;
  readonly row: number;
  readonly col: number;
}

/** The one-area rectangle around some cells (`B2:D9`). */
function rectangle(cells: readonly CellAt[]): string {
  let r0 = Infinity;
  let c0 = Infinity;
  let r1 = -1;
  let c1 = -1;
  for (const c of cells) {
    r0 = Math.min(r0, c.row);
    c0 = Math.min(c0, c.col);
    r1 = Math.max(r1, c.row);
    c1 = Math.max(c1, c.col);
  }
  const from = a1(r0, c0);
  const to = a1(r1, c1);
  return from === to ? from : `${from}:${to}`;
}

/**
 * Visits cells of one sheet by rectangles: `whole(part)` when the rectangle around `part` answers
 * `uniform` for its Interior (so every cell in it, ours included, has that fill), else halves the
 * cells until one is left (`single`). Only one-area ranges are asked: what `Interior` of a
 * multi-area range (`A1,C3`) answers is not documented for WPS (it may answer for the first area
 * only; Kingsoft's typings, et-jsapi-declare 2.5.0, type it as `any`), so reading never relies on
 * it. A rectangle whose cells agree answers as a whole: the ET typing of a one-area range.
 */
function byRectangles(
  ws: EtWorksheet,
  cells: readonly CellAt[],
  uniform: (i: EtInterior) => boolean,
  whole: (part: readonly CellAt[]) => void,
  single: (cell: CellAt) => void
): void {
  if (cells.length === 1) return single(cells[0]!);
  if (cells.length === 0) return;
  if (uniform(ws.Range(rectangle(cells)).Interior)) return whole(cells);
  const mid = cells.length >> 1;
  byRectangles(ws, cells.slice(0, mid), uniform, whole, single);
  byRectangles(ws, cells.slice(mid), uniform, whole, single);
}

/** Cells by their addresses, sorted by row then column (neighbours share small rectangles). */
function cellsAt(addresses: readonly string[]): CellAt[] {
  return addresses
    .map((address) => {
      const p = parseA1(address);
      return { address, row: p?.row ?? 0, col: p?.col ?? 0 };
    })
    .sort((x, y) => x.row - y.row || x.col - y.col);
}

/**
 * The fills of cells of one sheet: a rectangle that answers "no fill" — most cells — costs three
 * calls in all; the others are read cell by cell.
 */
function readFills(ws: EtWorksheet, addresses: readonly string[]): SavedFill[] {
  const found = new Map<string, SavedFill>();
  byRectangles(
    ws,
    cellsAt(addresses),
    (i) => i.Pattern === ET.xlNone,
    (part) => part.forEach((c) => found.set(c.address, NO_FILL)),
    (c) => found.set(c.address, readFill(ws, c.address))
  );
  return addresses.map((a) => found.get(a)!);
}

/** Whether each cell of one sheet still carries `mark` (a rectangle answering it as a whole: all do). */
function stillMarked(ws: EtWorksheet, addresses: readonly string[], mark: MarkKind): Set<string> {
  const ours = new Set<string>();
  const bgr = hexToBgr(MARK_COLORS[mark]);
  const isOurs = (i: EtInterior) => i.Pattern === ET.xlPatternSolid && i.Color === bgr;
  byRectangles(
    ws,
    cellsAt(addresses),
    isOurs,
    (part) => part.forEach((c) => ours.add(c.address)),
    (c) => {
      if (isOurs(ws.Range(c.address).Interior)) ours.add(c.address);
    }
  );
  return ours;
}

/** Puts fills back, cells with the same original fill together (a multi-area range each). */
function restoreFills(
  ws: EtWorksheet,
  items: readonly { address: string; original: SavedFill }[]
): void {
  for (const same of groupBy(items, (i) => JSON.stringify(i.original)))
    for (const group of areaGroups(same.map((i) => i.address)))
      restoreFill(ws, group, same[0]!.original);
}

/** Of stored entries, those whose cells still carry their mark, per sheet. */
function entriesStillMarked(
  entries: readonly MarkEntry[],
  byKey: ReadonlyMap<string, SheetRef>
): MarkEntry[] {
  return groupBy(entries, (e) => `${e.sheetId}\u0000${e.mark}`).flatMap((same) => {
    const ours = stillMarked(
      byKey.get(same[0]!.sheetId)!.ws,
      same.map((e) => e.address),
      same[0]!.mark
    );
    return same.filter((e) => ours.has(e.address));
  });
}

/** Restores stored entries, per sheet. */
function restoreEntries(entries: readonly MarkEntry[], byKey: ReadonlyMap<string, SheetRef>): void {
  for (const same of groupBy(entries, (e) => e.sheetId))
    restoreFills(byKey.get(same[0]!.sheetId)!.ws, same);
}

/** Addresses joined into multi-area ranges (`A1,C3,D9`) of at most MAX_AREA_ADDRESS characters. */
export function areaGroups(addresses: readonly string[]): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of addresses) {
    if (cur && cur.length + 1 + a.length > MAX_AREA_ADDRESS) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

function paintMarks(ws: EtWorksheet, addresses: readonly string[], mark: MarkKind): void {
  for (const group of areaGroups(addresses)) {
    const i = ws.Range(group).Interior;
    i.Pattern = ET.xlPatternSolid;
    i.Color = hexToBgr(MARK_COLORS[mark]);
    i.TintAndShade = 0;
  }
}

function refuseProtected(refs: Iterable<SheetRef>): void {
  for (const r of refs) {
    if (r.ws.ProtectContents === true)
      throw new WpsHostError(
        `工作表“${r.name}”受保护，无法标记或恢复单元格颜色。请先撤销工作表保护（审阅 › 撤销工作表保护）后再试；工作簿未作任何改动。`,
        "Protected"
      );
  }
}

/**
 * Where the store is (or is to be) a sheet, adding or deleting it needs an unprotected workbook
 * structure: refuse early, before any cell is painted or restored.
 */
function refuseProtectedStore(wb: EtWorkbook, writingMarks: boolean): void {
  const sheetInvolved = (writingMarks && !xmlParts(wb)) || storeSheet(wb) !== undefined;
  if (sheetInvolved && wb.ProtectStructure === true)
    throw new WpsHostError(
      "工作簿结构受保护，无法保存或删除标记记录（一张隐藏工作表）。请先撤销工作簿保护（审阅 › 保护工作簿）后再试；工作簿未作任何改动。",
      "Protected"
    );
}

const key = (sheetKey: string, address: string) => `${sheetKey}!${address}`;

/** Marks the cells of `issues`; returns how many cells carry a mark. */
export function markIssuesInEt(app: EtApplication, issues: readonly Issue[]): number {
  try {
    const wb = activeWorkbook(app);
    const targets = markTargets(issues);
    const refs = sheetRefs(wb);
    const byName = new Map(refs.map((r) => [r.name, r] as const));
    const byKey = new Map(refs.map((r) => [r.key, r] as const));
    const store = loadStore(wb);
    const old = new Map(
      store.entries.filter((e) => byKey.has(e.sheetId)).map((e) => [key(e.sheetId, e.address), e])
    );
    const wanted: { ref: SheetRef; address: string; mark: MarkKind }[] = [];
    for (const [sheet, cells] of targets) {
      const ref = byName.get(sheet);
      if (!ref) continue;
      for (const [address, mark] of cells) wanted.push({ ref, address, mark });
    }
    const wantedKeys = new Set(wanted.map((w) => key(w.ref.key, w.address)));
    const dropped = [...old.values()].filter((e) => !wantedKeys.has(key(e.sheetId, e.address)));
    // every check before the first write: WPS cannot undo a half-done action
    refuseProtected(
      new Set([...wanted.map((w) => w.ref), ...dropped.map((d) => byKey.get(d.sheetId)!)])
    );
    refuseProtectedStore(wb, wanted.length > 0);
    const restores = entriesStillMarked(dropped, byKey);
    const originals = new Map<string, SavedFill>();
    const fresh = wanted.filter((w) => !old.has(key(w.ref.key, w.address)));
    for (const same of groupBy(fresh, (w) => w.ref.key)) {
      const fills = readFills(
        same[0]!.ref.ws,
        same.map((w) => w.address)
      );
      same.forEach((w, i) => originals.set(key(w.ref.key, w.address), fills[i]!));
    }
    const entries: MarkEntry[] = wanted.map((w) => ({
      sheetId: w.ref.key,
      address: w.address,
      mark: w.mark,
      original: (old.get(key(w.ref.key, w.address))?.original ??
        originals.get(key(w.ref.key, w.address)))!,
    }));
    // writes: the store first (so 清除标记 works even if painting stops half way), then cells
    saveStore(app, wb, entries);
    restoreEntries(restores, byKey);
    const groups = new Map<SheetRef, Map<MarkKind, string[]>>();
    for (const w of wanted) {
      let g = groups.get(w.ref);
      if (!g) groups.set(w.ref, (g = new Map()));
      const list = g.get(w.mark) ?? [];
      list.push(w.address);
      g.set(w.mark, list);
    }
    for (const [ref, kinds] of groups)
      for (const [mark, list] of kinds) paintMarks(ref.ws, list, mark);
    return entries.length;
  } catch (e) {
    throw describeEtError(e, "标记问题单元格");
  }
}

/** Restores every marked cell that still carries our mark; returns how many were restored. */
export function clearMarksInEt(app: EtApplication): number {
  try {
    const wb = activeWorkbook(app);
    const store = loadStore(wb);
    if (!store.exists) return 0;
    const byKey = new Map(sheetRefs(wb).map((r) => [r.key, r] as const));
    const live = store.entries.filter((e) => byKey.has(e.sheetId));
    refuseProtected(new Set(live.map((e) => byKey.get(e.sheetId)!)));
    refuseProtectedStore(wb, false);
    const restores = entriesStillMarked(live, byKey);
    restoreEntries(restores, byKey);
    saveStore(app, wb, []);
    return restores.length;
  } catch (e) {
    throw describeEtError(e, "清除标记");
  }
}
