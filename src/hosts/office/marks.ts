/**
 * Marking issue cells (red fill for errors, yellow for warnings) and restoring exactly what was
 * there.
 *
 * Where the previous fills are kept: a custom XML part of the workbook (namespace
 * `urn:bureau-stats:marks:1`, ExcelApi 1.5). It travels with the file — 清除标记 still works after
 * the workbook is saved, reopened or opened on another computer —, it is invisible (no extra
 * sheet in the tab bar or the Unhide dialog, nothing a formula or the validation could read), it
 * has no 2 MB cap like document settings and needs no `saveAsync`, and it is deleted once the
 * marks are cleared, so no trace is left. Each entry keys the cell by worksheet id (so a renamed
 * sheet still matches) and keeps color, pattern, patternColor, tintAndShade and
 * patternTintAndShade (ExcelApi 1.9) as read (a cell without fill reads #FFFFFF with null pattern
 * and shade: see `SavedFill`).
 *
 * Clearing only restores a cell whose fill is still our mark: if the user (or Undo) has changed
 * it since, their fill stays. Marking again first restores the previous marks no longer needed.
 *
 * Undo: the store is written in its own Excel.run before any cell is painted; all painting and
 * restoring of one action goes in one sync (up to `MARK_CHUNK` cells) and, on hosts with
 * ExcelApi 1.20, in one `mergeUndoGroup` run, so it is one undo step where the host supports it.
 */
import type { Issue } from "../../core";
import { describeOfficeError, officeErrorCode } from "./errors";
import { hasExcelApi } from "./api";

export const MARKS_NAMESPACE = "urn:bureau-stats:marks:1";
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
 * is taken as No Fill too.
 */
export interface SavedFill {
  readonly color: string;
  readonly pattern: string | null;
  readonly patternColor: string | null;
  readonly tintAndShade: number | null;
  readonly patternTintAndShade: number | null;
}

/**
 * Whether a fill as read is No Fill (see `SavedFill`).
 * @example isNoFill({ color: "#FFFFFF", pattern: null, patternColor: null, tintAndShade: null, patternTintAndShade: null }) // true
 * @example isNoFill({ color: "#FFFFFF", pattern: null, patternColor: null, tintAndShade: 0, patternTintAndShade: 0 }) // false: white
 */
export function isNoFill(f: SavedFill): boolean {
  return f.pattern === "None" || (f.pattern == null && f.tintAndShade == null);
}

export interface MarkEntry {
  readonly sheetId: string;
  readonly address: string;
  readonly original: SavedFill;
  readonly mark: MarkKind;
}

/* ---------------------------------------------------------------- store (pure) */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };

/** The custom XML part holding the entries (JSON as element text). */
export function storeXml(entries: readonly MarkEntry[]): string {
  const json = JSON.stringify({
    v: 1,
    cells: entries.map((e) => [
      e.sheetId,
      e.address,
      e.mark,
      e.original.color,
      e.original.pattern,
      e.original.patternColor,
      e.original.tintAndShade,
      e.original.patternTintAndShade,
    ]),
  });
  return `<marks xmlns="${MARKS_NAMESPACE}">${json.replace(/[&<>]/g, (c) => ENTITIES[c] ?? c)}</marks>`;
}

/** Entries from the part's XML (Excel may add a declaration or reformat); [] if unreadable. */
export function parseStoreXml(xml: string): MarkEntry[] {
  const m = /<marks\b[^>]*>([\s\S]*)<\/marks>/.exec(xml);
  if (!m?.[1]) return [];
  const text = m[1]
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, "&");
  try {
    const data = JSON.parse(text) as { v?: number; cells?: unknown[] };
    if (data.v !== 1 || !Array.isArray(data.cells)) return [];
    return data.cells.flatMap((c) => {
      if (!Array.isArray(c) || c.length < 8) return [];
      const [sheetId, address, mark, color, pattern, patternColor, tint, patternTint] = c as [
        string,
        string,
        MarkKind,
        string,
        string,
        string,
        number,
        number,
      ];
      return [
        {
          sheetId,
          address,
          mark,
          original: {
            color,
            pattern,
            patternColor,
            tintAndShade: tint,
            patternTintAndShade: patternTint,
          },
        },
      ];
    });
  } catch {
    return [];
  }
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

/** Our mark: its colour, solid (some builds read `pattern` null for a solid fill: github.com/OfficeDev/office-js/issues/4900). */
function isOurMark(f: SavedFill | undefined, mark: MarkKind): boolean {
  return (
    f !== undefined &&
    (f.pattern === "Solid" || f.pattern == null) &&
    typeof f.color === "string" &&
    f.color.toUpperCase() === MARK_COLORS[mark]
  );
}

/* ---------------------------------------------------------------- Excel side */

const FILL_PROPS = "color,pattern,patternColor,tintAndShade,patternTintAndShade";

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Reads the fills of cells, `MARK_CHUNK` per sync. */
async function readFills(
  context: Excel.RequestContext,
  cells: readonly { sheetId: string; address: string }[]
): Promise<SavedFill[]> {
  const out: SavedFill[] = [];
  for (const part of chunks(cells, MARK_CHUNK)) {
    const fills = part.map((c) =>
      context.workbook.worksheets
        .getItem(c.sheetId)
        .getRange(c.address)
        .format.fill.load(FILL_PROPS)
    );
    // Deliberate: only above MARK_CHUNK cells is there more than one round; each keeps the
    // request far below the payload limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const f of fills) {
      out.push({
        color: f.color,
        pattern: f.pattern,
        patternColor: f.patternColor,
        tintAndShade: f.tintAndShade,
        patternTintAndShade: f.patternTintAndShade,
      });
    }
  }
  return out;
}

/** Queues what puts a saved fill back: cleared, then colour, pattern and shades as they were. */
function queueRestore(fill: Excel.RangeFill, f: SavedFill): void {
  fill.clear();
  if (isNoFill(f)) return;
  if (f.color) fill.color = f.color;
  if (f.pattern && f.pattern !== "Solid") fill.pattern = f.pattern as Excel.FillPattern;
  if (f.patternColor) fill.patternColor = f.patternColor;
  if (typeof f.tintAndShade === "number" && f.tintAndShade !== 0)
    fill.tintAndShade = f.tintAndShade;
  if (typeof f.patternTintAndShade === "number" && f.patternTintAndShade !== 0)
    fill.patternTintAndShade = f.patternTintAndShade;
}

interface Paint {
  readonly sheetId: string;
  readonly address: string;
  readonly restore?: SavedFill;
  readonly mark?: MarkKind;
}

function undoGroupOptions(): Excel.RunOptions | undefined {
  return hasExcelApi("1.20") ? { mergeUndoGroup: true } : undefined;
}

/** Paints and restores cells, `MARK_CHUNK` per sync, in one undo group where supported. */
async function applyPaints(paints: readonly Paint[]): Promise<void> {
  if (paints.length === 0) return;
  const batch = async (context: Excel.RequestContext) => {
    for (const part of chunks(paints, MARK_CHUNK)) {
      for (const p of part) {
        const fill = context.workbook.worksheets.getItem(p.sheetId).getRange(p.address).format.fill;
        if (p.restore) queueRestore(fill, p.restore);
        else if (p.mark) {
          fill.clear();
          fill.color = MARK_COLORS[p.mark];
        }
      }
      // Deliberate: one sync per MARK_CHUNK cells (usually exactly one).
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    }
  };
  const options = undoGroupOptions();
  if (!options) return Excel.run(batch);
  try {
    return await Excel.run(options, batch);
  } catch (e) {
    // A host that cannot group these calls says so before doing them: retry ungrouped.
    if (officeErrorCode(e) !== "UndoNotSupported") throw e;
    return Excel.run(batch);
  }
}

interface StoreState {
  readonly exists: boolean;
  readonly entries: MarkEntry[];
  readonly sheetIds: Map<string, string>;
  readonly liveIds: Set<string>;
}

/** Sheet ids by name and the stored entries (2 syncs when a store exists, else 1). */
async function loadStore(context: Excel.RequestContext): Promise<StoreState> {
  const sheets = context.workbook.worksheets.load("items/name,items/id");
  const part = context.workbook.customXmlParts
    .getByNamespace(MARKS_NAMESPACE)
    .getOnlyItemOrNullObject();
  part.load("id");
  await context.sync();
  const sheetIds = new Map(sheets.items.map((s) => [s.name, s.id] as const));
  const liveIds = new Set(sheets.items.map((s) => s.id));
  if (part.isNullObject) return { exists: false, entries: [], sheetIds, liveIds };
  const xml = part.getXml();
  await context.sync();
  // getXml() returns a ClientResult, filled by the sync above: it has no load() to call.
  // eslint-disable-next-line office-addins/load-object-before-read
  return { exists: true, entries: parseStoreXml(xml.value), sheetIds, liveIds };
}

/** Writes (or deletes, when empty) the store in its own run. */
async function saveStore(entries: readonly MarkEntry[]): Promise<void> {
  await Excel.run(async (context) => {
    const parts = context.workbook.customXmlParts;
    const part = parts.getByNamespace(MARKS_NAMESPACE).getOnlyItemOrNullObject();
    part.load("id");
    await context.sync();
    if (entries.length === 0) {
      if (!part.isNullObject) part.delete();
    } else if (part.isNullObject) parts.add(storeXml(entries));
    else part.setXml(storeXml(entries));
    await context.sync();
  });
}

const key = (sheetId: string, address: string) => `${sheetId}!${address}`;

/** Marks the cells of `issues`; returns how many cells carry a mark. */
export async function markIssuesInExcel(issues: readonly Issue[]): Promise<number> {
  try {
    const targets = markTargets(issues);
    const { entries, paints } = await Excel.run(async (context) => {
      const store = await loadStore(context);
      const old = new Map(
        store.entries
          .filter((e) => store.liveIds.has(e.sheetId))
          .map((e) => [key(e.sheetId, e.address), e])
      );
      const wanted: { sheetId: string; address: string; mark: MarkKind }[] = [];
      for (const [sheet, cells] of targets) {
        const sheetId = store.sheetIds.get(sheet);
        if (!sheetId) continue;
        for (const [address, mark] of cells) wanted.push({ sheetId, address, mark });
      }
      const wantedKeys = new Set(wanted.map((w) => key(w.sheetId, w.address)));
      const dropped = [...old.values()].filter((e) => !wantedKeys.has(key(e.sheetId, e.address)));
      const fresh = wanted.filter((w) => !old.has(key(w.sheetId, w.address)));
      const fills = await readFills(context, [...fresh, ...dropped]);
      const freshIndex = new Map(fresh.map((w, i) => [key(w.sheetId, w.address), i]));
      const paints: Paint[] = [];
      dropped.forEach((e, i) => {
        if (isOurMark(fills[fresh.length + i], e.mark))
          paints.push({ sheetId: e.sheetId, address: e.address, restore: e.original });
      });
      const entries: MarkEntry[] = wanted.map((w) => {
        const kept = old.get(key(w.sheetId, w.address));
        const original = kept
          ? kept.original
          : fills[freshIndex.get(key(w.sheetId, w.address)) ?? -1]!;
        paints.push({ sheetId: w.sheetId, address: w.address, mark: w.mark });
        return { sheetId: w.sheetId, address: w.address, mark: w.mark, original };
      });
      return { entries, paints };
    });
    await saveStore(entries);
    await applyPaints(paints);
    return entries.length;
  } catch (e) {
    throw describeOfficeError(e, "标记问题单元格");
  }
}

/** Restores every marked cell that still carries our mark; returns how many were restored. */
export async function clearMarksInExcel(): Promise<number> {
  try {
    const paints = await Excel.run(async (context) => {
      const store = await loadStore(context);
      if (!store.exists) return undefined;
      const live = store.entries.filter((e) => store.liveIds.has(e.sheetId));
      const current = await readFills(context, live);
      return live.flatMap((e, i) =>
        isOurMark(current[i], e.mark)
          ? [{ sheetId: e.sheetId, address: e.address, restore: e.original }]
          : []
      );
    });
    if (paints === undefined) return 0;
    await applyPaints(paints);
    await saveStore([]);
    return paints.length;
  } catch (e) {
    throw describeOfficeError(e, "清除标记");
  }
}
