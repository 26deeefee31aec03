/**
 * A fake `Excel` + `Office` runtime that behaves like the real one where it matters to us:
 *
 * - proxies queue commands; nothing happens until `context.sync()`;
 * - reading a property that was not loaded, or loaded but not yet synced, throws
 *   `PropertyNotLoaded` (like office.js); `isNullObject` is readable only after a sync;
 * - every `context.sync()` is counted; each request (the queued commands) and each response (the
 *   loaded values) is measured as serialised JSON in UTF-8 bytes, and a request or response above
 *   the payload limit (5 MB by default, as Excel on the web) fails the sync like the real host;
 * - every document write is recorded (`writes`), separately from UI actions (activate/select);
 * - a member above the declared `excelApi` set fails the sync with `ApiNotFound` (excel-api-gate.ts).
 *
 * Covered surface: what `src/hosts/office` uses (worksheets, used ranges, values / numberFormat /
 * valueTypes / formulas, fills with patterns, fonts, data validation, freeze panes, charts, custom
 * XML parts) and `Office.onReady` / `Office.context.requirements`.
 *
 * No Node imports: `installFakeOffice(window, …)` works in a browser page too (bundle this file,
 * e.g. with esbuild, and call it before the page's scripts run).
 */

import { columnLetters, type CellValue, type WorkbookModel } from "../../src/core/model";
import { gateExcelApi } from "./excel-api-gate";

/* ---------------------------------------------------------------- cell model */

export interface FakeErrorValue {
  readonly error: string;
}
export type FakeCell = string | number | boolean | null | FakeErrorValue;

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
  patternTintAndShade: number;
}

/**
 * A cell without fill as the fake stores it (its model, compared by the tests). What the add-in
 * reads for such a cell is `NO_FILL_AS_READ`.
 */
export const NO_FILL: Readonly<FakeFill> = Object.freeze({
  color: "#FFFFFF",
  pattern: "None",
  patternColor: "#000000",
  tintAndShade: 0,
  patternTintAndShade: 0,
});

/**
 * What real Excel answers for `format.fill` of a cell with No Fill: colour `#FFFFFF`, the same as a
 * cell filled white (github.com/OfficeDev/office-js/issues/6218, Version 2509, 2025), with `pattern` and `tintAndShade`
 * null — a filled cell, white included, reads a number for `tintAndShade` (github.com/OfficeDev/office-js/issues/4900,
 * answer of Microsoft's engineer, 2024). Never the `pattern: "None"` the documentation lists.
 */
export const NO_FILL_AS_READ = Object.freeze({
  color: "#FFFFFF",
  pattern: null,
  patternColor: "#000000",
  tintAndShade: null,
  patternTintAndShade: null,
});

export interface FakeSheetSpec {
  readonly name: string;
  /** Row-major values from A1; `{ error: '#DIV/0!' }` for error values. */
  readonly values?: FakeCell[][];
  /** Number formats from A1 (missing = General). */
  readonly formats?: (string | undefined)[][];
  /** Fills by A1 address. */
  readonly fills?: Readonly<Record<string, Partial<FakeFill>>>;
  readonly visibility?: "Visible" | "Hidden" | "VeryHidden";
}

export interface FakeOfficeOptions {
  readonly sheets?: readonly FakeSheetSpec[];
  /** Highest ExcelApi version `isSetSupported` answers yes to (default 1.20). */
  readonly excelApi?: string;
  /** Request/response limit in bytes; `null` = none (desktop). Default 5 MB (Excel on the web). */
  readonly payloadLimitBytes?: number | null;
  /** Delay of each sync in ms (to test progress and cancel). */
  readonly latencyMs?: number;
  /** Methods called on a null object: return null objects (default) or fail the sync. */
  readonly nullChaining?: "propagate" | "throw";
  readonly platform?: string;
  /**
   * A range load of `values` over more cells than this comes back `null` instead of failing, as
   * real Excel has been seen to do for very large ranges (office-js issue tracker). Default: never.
   */
  readonly nullValuesAboveCells?: number;
  /**
   * `never`: `Office.onReady` never settles, as when office.js loads but its own helper files are
   * blocked (an intranet without Microsoft's CDN, a proxy). Default: ready at once.
   */
  readonly onReady?: "ready" | "never";
  /**
   * How a gradient-filled cell answers a load of its `format.fill`. `answers` (default): its
   * `pattern` reads `LinearGradient` / `RectangularGradient`, values of `Excel.FillPattern`
   * (https://learn.microsoft.com/javascript/api/excel/excel.fillpattern). `fails`: the load fails
   * with `UnsupportedFillType`, the `Excel.ErrorCodes` member for a fill type the API does not
   * handle (`@types/office-js`, `Excel.ErrorCodes.unsupportedFillType`). Which one a given Excel
   * does is not documented, so the add-in is tested against both.
   */
  readonly gradientFillRead?: "answers" | "fails";
  /** `Office.context.officeTheme`; absent by default, as in Excel on the web. */
  readonly officeTheme?: {
    readonly bodyBackgroundColor: string;
    readonly bodyForegroundColor: string;
    readonly controlBackgroundColor: string;
    readonly controlForegroundColor: string;
    readonly isDarkTheme?: boolean;
  };
}

export interface FakeWrite {
  readonly kind: string;
  readonly sheet?: string;
  readonly address?: string;
  readonly value?: unknown;
}

export interface SyncRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly actions: number;
  /** The error code when the host refused the request or response as too large. */
  readonly failed?: string;
}

export interface FakeStats {
  syncs: number;
  runs: number;
  records: SyncRecord[];
  /** Largest request / response that went through (refused ones are in `records`). */
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Commands still queued when an `Excel.run` batch ended (never synced). */
  leftoverActions: number;
  /** Option objects passed to `Excel.run` (e.g. `{ mergeUndoGroup: true }`). */
  runOptions: unknown[];
  /** The sheet of every range whose `values` went out in a response, in order. */
  valueReads: string[];
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const KEY_STRIDE = MAX_COLS;

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message };
  }
}

/* ---------------------------------------------------------------- addresses */

/** @example colIndex('AB') // 27 */
function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

export function cellAddress(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

interface Box {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Parses `A1`, `A1:K9`, `7:7`, `3:9`, `C:C`, `$A$1` (no sheet prefix). */
export function parseBox(address: string): Box {
  const parts = address.replace(/\$/g, "").toUpperCase().split(":");
  if (parts.length < 1 || parts.length > 2)
    throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
  const ends = parts.map((p) => {
    const m = /^([A-Z]{0,3})(\d*)$/.exec(p);
    if (!m || (!m[1] && !m[2]))
      throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
    return { col: m[1] ? colIndex(m[1]) : undefined, row: m[2] ? Number(m[2]) - 1 : undefined };
  });
  const a = ends[0]!;
  const b = ends[1] ?? a;
  if (
    (a.row === undefined) !== (b.row === undefined) ||
    (a.col === undefined) !== (b.col === undefined)
  ) {
    throw new FakeOfficeError("InvalidArgument", `Bad address ${address}`);
  }
  const box = {
    r0: Math.min(a.row ?? 0, b.row ?? 0),
    r1: a.row === undefined ? MAX_ROWS - 1 : Math.max(a.row, b.row ?? a.row),
    c0: Math.min(a.col ?? 0, b.col ?? 0),
    c1: a.col === undefined ? MAX_COLS - 1 : Math.max(a.col, b.col ?? a.col),
  };
  if (box.r1 >= MAX_ROWS || box.c1 >= MAX_COLS || box.r0 < 0 || box.c0 < 0) {
    throw new FakeOfficeError("InvalidArgument", `Address out of the grid: ${address}`);
  }
  return box;
}

function boxAddress(box: Box): string {
  const a = cellAddress(box.r0, box.c0);
  const b = cellAddress(box.r1, box.c1);
  return a === b ? a : `${a}:${b}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

const encoder = new TextEncoder();

/** UTF-8 length of a string: what the wire carries. */
export function utf8Bytes(s: string): number {
  return encoder.encode(s).length;
}

/* ---------------------------------------------------------------- document state */

export class FakeSheet {
  /** Changes when the workbook is closed and reopened (`FakeOfficeRuntime.reopen`). */
  id: string;
  name: string;
  visibility: string;
  values: FakeCell[][];
  formats: (string | undefined)[][];
  readonly fills = new Map<number, FakeFill>();
  readonly formulas = new Map<number, string>();
  readonly validations: { address: string; rule: unknown }[] = [];
  readonly charts: {
    type: string;
    source: string;
    seriesBy: string;
    title?: string;
    name?: string;
    position?: string;
  }[] = [];
  readonly fonts = new Map<string, Record<string, unknown>>();
  frozenRows = 0;
  /** Protected by `protection.protect()`: the password given, or "" for none. */
  protectedWith: string | undefined;

  constructor(id: string, spec: FakeSheetSpec) {
    this.id = id;
    this.name = spec.name;
    this.visibility = spec.visibility ?? "Visible";
    this.values = spec.values ?? [];
    this.formats = spec.formats ?? [];
    for (const [addr, fill] of Object.entries(spec.fills ?? {})) {
      const b = parseBox(addr);
      this.fills.set(b.r0 * KEY_STRIDE + b.c0, { ...NO_FILL, ...fill });
    }
  }

  cell(r: number, c: number): FakeCell {
    const v = this.values[r]?.[c];
    return v === undefined ? null : v;
  }

  setCell(r: number, c: number, v: FakeCell): void {
    let row = this.values[r];
    if (!row) {
      for (let i = this.values.length; i <= r; i++) this.values[i] ??= [];
      row = this.values[r]!;
    }
    row[c] = v;
  }

  format(r: number, c: number): string {
    return this.formats[r]?.[c] ?? "General";
  }

  setFormat(r: number, c: number, f: string): void {
    for (let i = this.formats.length; i <= r; i++) this.formats[i] ??= [];
    (this.formats[r] ??= [])[c] = f;
  }

  fill(r: number, c: number): FakeFill {
    return this.fills.get(r * KEY_STRIDE + c) ?? { ...NO_FILL };
  }

  /** Bounding box of cells with a value (valuesOnly), or also formatted/filled cells. */
  usedBox(valuesOnly: boolean): Box | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const take = (r: number, c: number) => {
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    };
    for (let r = 0; r < this.values.length; r++) {
      const row = this.values[r];
      if (!row) continue;
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v !== null && v !== undefined && v !== "") take(r, c);
      }
    }
    for (const key of this.formulas.keys()) take(Math.floor(key / KEY_STRIDE), key % KEY_STRIDE);
    if (!valuesOnly) {
      for (const key of this.fills.keys()) take(Math.floor(key / KEY_STRIDE), key % KEY_STRIDE);
      for (let r = 0; r < this.formats.length; r++) {
        const row = this.formats[r];
        if (row)
          for (let c = 0; c < row.length; c++)
            if (row[c] !== undefined && row[c] !== "General") take(r, c);
      }
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }
}

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  activeSheetId: string | undefined;
  selection: { sheet: string; address: string } | undefined;
  readonly customXmlParts: { id: string; ns: string; xml: string }[] = [];
  /** `Office.context.document.settings` as last saved into the file by `saveAsync`. */
  savedSettings: Record<string, unknown> = {};
  readonly writes: FakeWrite[] = [];
  readonly uiActions: FakeWrite[] = [];
  /** `worksheets.onChanged` handlers registered (after the sync that added them). */
  readonly changeHandlers: FakeChangeHandler[] = [];
  private nextId = 1;

  constructor(specs: readonly FakeSheetSpec[]) {
    for (const s of specs) this.addSheet(s.name, s);
    this.activeSheetId = this.sheets[0]?.id;
  }

  newId(): string {
    const n = this.nextId++;
    return `{00000000-0001-0000-${String(n).padStart(4, "0")}-000000000000}`;
  }

  addSheet(name: string, spec?: FakeSheetSpec): FakeSheet {
    if (this.byName(name))
      throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
    if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name)) {
      throw new FakeOfficeError("InvalidArgument", `Invalid sheet name ${name}`);
    }
    const sheet = new FakeSheet(this.newId(), spec ?? { name });
    this.sheets.push(sheet);
    return sheet;
  }

  byName(name: string): FakeSheet | undefined {
    const k = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === k);
  }

  byKey(key: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.byName(key);
  }

  sheetByName(name: string): FakeSheet {
    const s = this.byName(name);
    if (!s) throw new Error(`fake: no sheet ${name}`);
    return s;
  }
}

/* ---------------------------------------------------------------- events */

/** What `worksheets.onChanged` passes to its handlers (the part of WorksheetChangedEventArgs we use). */
export interface FakeChangedEvent {
  readonly type: "WorksheetChanged";
  readonly worksheetId: string;
  readonly address: string;
  readonly changeType: "RangeEdited";
  readonly source: "Local";
  /**
   * Who caused it (Excel.EventTriggerSource, ExcelApi 1.14): `ThisLocalAddin` for this add-in's own
   * writes, `Unknown` otherwise; absent where the host has no ExcelApi 1.14
   * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs#excel-excel-worksheetchangedeventargs-triggersource-member,
   * https://learn.microsoft.com/javascript/api/excel/excel.eventtriggersource).
   */
  readonly triggerSource?: "ThisLocalAddin" | "Unknown";
}

export interface FakeChangeHandler {
  /** The request context whose sync registered it: the only one that can remove it. */
  readonly context: FakeContext;
  readonly handler: (e: FakeChangedEvent) => Promise<unknown> | void;
}

/* ---------------------------------------------------------------- proxies */

interface Action {
  readonly path: string;
  readonly kind: "load" | "set" | "call";
  readonly name: string;
  readonly value?: unknown;
  /** Runs at sync time; a load returns what goes into the response. */
  readonly run: () => unknown;
  /** After a successful sync (loads store their values). */
  readonly done?: (result: unknown) => void;
}

const NULL = Symbol("null object");
type Resolved<T> = T | typeof NULL;

function notLoaded(prop: string, path: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available (${path}). Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );
}

export class FakeContext {
  readonly queue: Action[] = [];
  /** Object paths defined since the last sync (sent once, then referred to by alias). */
  private newDefs: Record<string, string> = {};
  private aliases = new Map<string, string>();

  /** A short reference for a long object path, as office.js refers to objects by id. */
  alias(path: string): string {
    if (path.length <= 24) return path;
    let a = this.aliases.get(path);
    if (a === undefined) {
      a = `#${this.aliases.size + 1}`;
      this.aliases.set(path, a);
      this.newDefs[a] = path;
    }
    return a;
  }
  readonly workbook: FakeWorkbookProxy;
  constructor(
    readonly rt: FakeOfficeRuntime,
    readonly state: FakeWorkbookState
  ) {
    // every member above the declared ExcelApi set fails the sync with ApiNotFound (see the gate)
    this.workbook = gateExcelApi(new FakeWorkbookProxy(this), "Workbook", {
      excelApi: rt.options.excelApi ?? "1.20",
      refuse: (what, set) =>
        this.queue.push({
          path: what,
          kind: "call",
          name: "ApiNotFound",
          run: () => {
            throw new FakeOfficeError("ApiNotFound", `${what} needs ExcelApi ${set}.`);
          },
        }),
    });
  }

  async sync(): Promise<void> {
    const rt = this.rt;
    rt.stats.syncs++;
    const actions = this.queue.splice(0);
    const request = JSON.stringify({
      paths: this.newDefs,
      actions: actions.map((a) => ({ p: a.path, k: a.kind, n: a.name, v: a.value })),
    });
    this.newDefs = {};
    const requestBytes = utf8Bytes(request);
    if (rt.options.latencyMs) await new Promise((r) => setTimeout(r, rt.options.latencyMs));
    // Excel on the web refuses a request or a response over 5 MB: "Excel on the web has a payload
    // size limit for requests and responses of 5MB"
    // (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins),
    // with the codes RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, "only in
    // Excel on the web" (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-error-handling).
    const limit = rt.limit;
    if (limit !== null && requestBytes > limit) {
      rt.stats.records.push({
        requestBytes,
        responseBytes: 0,
        actions: actions.length,
        failed: "RequestPayloadSizeLimitExceeded",
      });
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${requestBytes} bytes) has exceeded the limit.`
      );
    }
    const results: unknown[] = [];
    const response: { i: number; v: unknown }[] = [];
    try {
      for (const a of actions) {
        const r = a.run();
        results.push(r);
        if (a.kind === "load" || a.done) response.push({ i: response.length, v: r });
      }
    } finally {
      rt.raiseAddinChanges(); // what was written before a failing command stays written
    }
    const responseBytes = utf8Bytes(JSON.stringify(response));
    if (limit !== null && responseBytes > limit) {
      // Excel on the web refuses to send it: the add-in never receives these bytes.
      rt.stats.records.push({
        requestBytes,
        responseBytes,
        actions: actions.length,
        failed: "ResponsePayloadSizeLimitExceeded",
      });
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size (${responseBytes} bytes) has exceeded the limit.`
      );
    }
    rt.stats.records.push({ requestBytes, responseBytes, actions: actions.length });
    rt.stats.maxRequestBytes = Math.max(rt.stats.maxRequestBytes, requestBytes);
    rt.stats.maxResponseBytes = Math.max(rt.stats.maxResponseBytes, responseBytes);
    actions.forEach((a, i) => a.done?.(results[i]));
  }

  get trackedObjects() {
    return { add: () => undefined, remove: () => undefined };
  }
}

abstract class FakeProxy<T> {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly context: FakeContext,
    readonly path: string,
    private readonly resolver: () => Resolved<T>
  ) {}

  /** Resolves at sync time; null objects resolve to NULL. */
  protected resolve(): Resolved<T> {
    return this.resolver();
  }

  protected target(): T {
    const t = this.resolve();
    if (t === NULL)
      throw new FakeOfficeError(
        "ItemNotFound",
        `The requested resource doesn't exist (${this.path}).`
      );
    return t;
  }

  /** Called when an *OrNullObject proxy is created: its null state is known after the next sync. */
  protected trackNull(): this {
    this.context.queue.push({
      path: this.path,
      kind: "call",
      name: "_resolve",
      run: () => this.resolve() === NULL,
      done: (isNull) => {
        this.nullState = isNull as boolean;
      },
    });
    return this;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `isNullObject is not available before context.sync() (${this.path}).`
      );
    }
    return this.nullState;
  }

  protected abstract readProp(target: T, prop: string): unknown;
  protected abstract readonly props: readonly string[];

  load(arg?: string | string[] | { select?: string | string[] }): this {
    const props = parseLoad(arg, this.props);
    for (const p of props) {
      if (!this.props.includes(p))
        throw new FakeOfficeError("InvalidArgument", `fake: cannot load '${p}' on ${this.path}`);
    }
    this.context.queue.push({
      path: this.path,
      kind: "load",
      name: props.join(","),
      run: () => {
        const t = this.resolve();
        if (t === NULL) return { _IsNull: true };
        const out: Record<string, unknown> = {};
        for (const p of props) out[p] = this.readProp(t, p);
        return out;
      },
      done: (res) => {
        const r = res as Record<string, unknown>;
        this.nullState = r._IsNull === true;
        if (this.nullState) return;
        for (const p of props) this.loaded.set(p, r[p]);
      },
    });
    return this;
  }

  protected get<V>(prop: string): V {
    if (this.nullState === true) {
      throw new FakeOfficeError(
        "InvalidObjectPath",
        `Reading '${prop}' of a null object (${this.path}).`
      );
    }
    if (!this.loaded.has(prop)) throw notLoaded(prop, this.path);
    return this.loaded.get(prop) as V;
  }

  protected set(prop: string, value: unknown, apply: (t: T) => void): void {
    this.context.queue.push({
      path: this.path,
      kind: "set",
      name: prop,
      value,
      run: () => apply(this.target()),
    });
    this.loaded.set(prop, value);
  }

  protected call(name: string, args: unknown[], apply: (t: T) => void): void {
    this.context.queue.push({
      path: this.path,
      kind: "call",
      name,
      value: args,
      run: () => apply(this.target()),
    });
  }

  /** A child proxy whose resolution goes through this one (null propagates per option). */
  protected child<C>(
    suffix: string,
    next: (t: T) => Resolved<C>,
    orNull: boolean
  ): { path: string; resolver: () => Resolved<C> } {
    const path = `${this.context.alias(this.path)}.${suffix}`;
    return {
      path,
      resolver: () => {
        const t = this.resolve();
        if (t === NULL) {
          if (orNull && this.context.rt.options.nullChaining !== "throw") return NULL;
          throw new FakeOfficeError("InvalidObjectPath", `Method on a null object: ${path}`);
        }
        return next(t);
      },
    };
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

function parseLoad(
  arg: string | string[] | { select?: string | string[] } | undefined,
  all: readonly string[]
): string[] {
  let list: string[];
  if (arg === undefined) list = [...all];
  else if (typeof arg === "string") list = arg.split(",");
  else if (Array.isArray(arg)) list = arg;
  else list = typeof arg.select === "string" ? arg.select.split(",") : (arg.select ?? [...all]);
  return list.map((s) => s.trim()).filter((s) => s.length > 0);
}

/* ---- workbook */

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheetCollection;
  readonly customXmlParts: FakeCustomXmlPartCollection;
  constructor(readonly context: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(context);
    this.customXmlParts = new FakeCustomXmlPartCollection(context);
  }
  getActiveWorksheet(): FakeWorksheet {
    return this.worksheets.getActiveWorksheet();
  }
}

class FakeWorksheetCollection {
  private loadedItems: FakeWorksheet[] | undefined;
  readonly onChanged: {
    add: (handler: FakeChangeHandler["handler"]) => { context: FakeContext; remove: () => void };
  };
  constructor(readonly context: FakeContext) {
    const ctx = context;
    const handlers = ctx.state.changeHandlers;
    this.onChanged = {
      // like office.js: registered at the next sync; removed by `remove()` followed by a sync of
      // the same request context (the one that added it) — any other context cannot remove it
      add: (handler) => {
        const entry: FakeChangeHandler = { context: ctx, handler };
        ctx.queue.push({
          path: "worksheets.onChanged",
          kind: "call",
          name: "add",
          run: () => {
            handlers.push(entry);
          },
        });
        return {
          context: ctx,
          remove: () => {
            ctx.queue.push({
              path: "worksheets.onChanged",
              kind: "call",
              name: "remove",
              run: () => {
                const i = handlers.indexOf(entry);
                if (i < 0)
                  throw new FakeOfficeError("InvalidArgument", "The handler is not registered.");
                handlers.splice(i, 1);
              },
            });
          },
        };
      },
    };
  }

  private sheetProxy(
    path: string,
    resolver: () => Resolved<FakeSheet>,
    orNull: boolean
  ): FakeWorksheet {
    const ws = new FakeWorksheet(this.context, path, resolver);
    return orNull ? ws.trackNullPublic() : ws;
  }

  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw notLoaded("items", "worksheets");
    return this.loadedItems;
  }

  load(arg?: string | string[]): this {
    const list = parseLoad(arg, ["items/name"]);
    const props = list.map((p) => p.replace(/^items\//, ""));
    this.context.queue.push({
      path: "worksheets",
      kind: "load",
      name: list.join(","),
      run: () =>
        this.context.state.sheets.map((s) => {
          const o: Record<string, unknown> = { id: s.id };
          for (const p of props) o[p] = FakeWorksheet.read(s, p);
          return o;
        }),
      done: (res) => {
        this.loadedItems = (res as Record<string, unknown>[]).map((o) => {
          const id = o.id as string;
          const ws = new FakeWorksheet(
            this.context,
            `worksheets.getItem(${JSON.stringify(id)})`,
            () => this.context.state.byKey(id) ?? NULL
          );
          ws.preload(o, props);
          return ws;
        });
      },
    });
    return this;
  }

  getItem(key: string): FakeWorksheet {
    return this.sheetProxy(
      `worksheets.getItem(${JSON.stringify(key)})`,
      () => {
        const s = this.context.state.byKey(key);
        if (!s)
          throw new FakeOfficeError(
            "ItemNotFound",
            `The requested resource doesn't exist: worksheet ${key}`
          );
        return s;
      },
      false
    );
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return this.sheetProxy(
      `worksheets.getItemOrNullObject(${JSON.stringify(key)})`,
      () => this.context.state.byKey(key) ?? NULL,
      true
    );
  }

  getFirst(visibleOnly?: boolean): FakeWorksheet {
    return this.sheetProxy(
      "worksheets.getFirst()",
      () => {
        const s = this.context.state.sheets.find((x) => !visibleOnly || x.visibility === "Visible");
        if (!s) throw new FakeOfficeError("ItemNotFound", "No worksheet");
        return s;
      },
      false
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return this.sheetProxy(
      "worksheets.getActiveWorksheet()",
      () => {
        const st = this.context.state;
        return st.sheets.find((s) => s.id === st.activeSheetId) ?? st.sheets[0] ?? NULL;
      },
      false
    );
  }

  add(name?: string): FakeWorksheet {
    let created: FakeSheet | undefined;
    const state = this.context.state;
    this.context.queue.push({
      path: "worksheets",
      kind: "call",
      name: "add",
      value: [name],
      run: () => {
        let n = name;
        if (n === undefined) {
          let i = state.sheets.length + 1;
          while (state.byName(`Sheet${i}`)) i++;
          n = `Sheet${i}`;
        }
        created = state.addSheet(n);
        state.writes.push({ kind: "worksheet.add", sheet: n });
      },
    });
    return new FakeWorksheet(
      this.context,
      `worksheets.add(${JSON.stringify(name)})`,
      () => created ?? NULL
    );
  }
}

export class FakeWorksheet extends FakeProxy<FakeSheet> {
  protected readonly props = ["name", "id", "visibility", "position"] as const;
  readonly charts: FakeChartCollection;
  readonly freezePanes: { freezeRows: (n?: number) => void };
  /**
   * `Excel.WorksheetProtection`, `[Api set: ExcelApi 1.2]`: "protect(options, password): Protects a
   * worksheet. Fails if the worksheet has already been protected."
   * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection). The gate refuses
   * `protection` below 1.2.
   */
  readonly protection: { protect: (options?: unknown, password?: string) => void };

  constructor(context: FakeContext, path: string, resolver: () => Resolved<FakeSheet>) {
    super(context, path, resolver);
    this.charts = new FakeChartCollection(context, this, () => this.resolve());
    this.protection = {
      protect: (options?: unknown, password?: string) =>
        this.call("protection.protect", [options, password], (s) => {
          if (s.protectedWith !== undefined)
            // the docs name no error code for it
            throw new FakeOfficeError("InvalidOperation", "The sheet is already protected.");
          s.protectedWith = password ?? "";
          context.state.writes.push({ kind: "protect", sheet: s.name, value: password ?? "" });
        }),
    };
    this.freezePanes = {
      freezeRows: (n = 1) =>
        this.call("freezePanes.freezeRows", [n], (s) => {
          s.frozenRows = n;
          context.state.writes.push({ kind: "freezeRows", sheet: s.name, value: n });
        }),
    };
  }

  static read(s: FakeSheet, prop: string): unknown {
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "visibility":
        return s.visibility;
      default:
        return undefined;
    }
  }

  protected readProp(s: FakeSheet, prop: string): unknown {
    if (prop === "position") return this.context.state.sheets.indexOf(s);
    return FakeWorksheet.read(s, prop);
  }

  preload(o: Record<string, unknown>, props: string[]): void {
    for (const p of props) this.loaded.set(p, o[p]);
  }

  trackNullPublic(): this {
    return this.trackNull();
  }

  get name(): string {
    return this.get("name");
  }
  set name(v: string) {
    this.set("name", v, (s) => {
      const other = this.context.state.byName(v);
      if (other && other !== s)
        throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${v} already exists.`);
      this.context.state.writes.push({ kind: "worksheet.name", sheet: s.name, value: v });
      s.name = v;
    });
  }
  get id(): string {
    return this.get("id");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  /** `[Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]` (@types/office-js). */
  set visibility(v: string) {
    this.set("visibility", v, (s) => {
      requireApi(this.context.rt, "1.2", "Worksheet.visibility (set)");
      this.context.state.writes.push({ kind: "worksheet.visibility", sheet: s.name, value: v });
      s.visibility = v;
    });
  }
  get position(): number {
    return this.get("position");
  }

  getRange(address?: string): FakeRange {
    const c = this.child<RangeTarget>(
      `getRange(${JSON.stringify(address ?? "")})`,
      (s) => ({
        sheet: s,
        box: address ? parseBox(address) : { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 },
      }),
      false
    );
    return new FakeRange(this.context, c.path, c.resolver);
  }

  /**
   * Several rectangles of this sheet (`"E4:E9, E11:E30"`) as one `RangeAreas`. Like office.js,
   * the call itself is always there; a host without ExcelApi 1.9 fails the sync (ApiNotFound).
   */
  getRanges(address: string): FakeRangeAreas {
    const rt = this.context.rt;
    const c = this.child<AreasTarget>(
      `getRanges(${JSON.stringify(address)})`,
      (s) => {
        requireApi(rt, "1.9", "Worksheet.getRanges");
        return { sheet: s, boxes: address.split(",").map((a) => parseBox(a.trim())) };
      },
      false
    );
    return new FakeRangeAreas(this.context, c.path, c.resolver);
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    const c = this.child<RangeTarget>(
      `getRangeByIndexes(${row},${col},${rows},${cols})`,
      (s) => ({ sheet: s, box: { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 } }),
      false
    );
    return new FakeRange(this.context, c.path, c.resolver);
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    const c = this.child<RangeTarget>(
      `getUsedRangeOrNullObject(${valuesOnly === true})`,
      (s) => {
        const box = s.usedBox(valuesOnly === true);
        return box ? { sheet: s, box } : NULL;
      },
      true
    );
    return new FakeRange(this.context, c.path, c.resolver).trackNullPublic();
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    const c = this.child<RangeTarget>(
      `getUsedRange(${valuesOnly === true})`,
      (s) => ({ sheet: s, box: s.usedBox(valuesOnly === true) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } }),
      false
    );
    return new FakeRange(this.context, c.path, c.resolver);
  }

  getNextOrNullObject(visibleOnly?: boolean): FakeWorksheet {
    const c = this.child<FakeSheet>(
      "getNextOrNullObject()",
      (s) => {
        const all = this.context.state.sheets;
        for (let i = all.indexOf(s) + 1; i < all.length; i++) {
          const n = all[i]!;
          if (!visibleOnly || n.visibility === "Visible") return n;
        }
        return NULL;
      },
      true
    );
    return new FakeWorksheet(this.context, c.path, c.resolver).trackNullPublic();
  }

  activate(): void {
    this.call("activate", [], (s) => {
      if (s.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", "Cannot activate a hidden sheet.");
      this.context.state.activeSheetId = s.id;
      this.context.state.uiActions.push({ kind: "activate", sheet: s.name });
    });
  }

  delete(): void {
    this.call("delete", [], (s) => {
      const st = this.context.state;
      st.sheets = st.sheets.filter((x) => x !== s);
      st.writes.push({ kind: "worksheet.delete", sheet: s.name });
    });
  }
}

/* ---- ranges */

interface RangeTarget {
  sheet: FakeSheet;
  box: Box;
}

function valueOut(v: FakeCell): string | number | boolean {
  if (v === null) return "";
  if (typeof v === "object") return v.error;
  return v;
}

function valueTypeOf(v: FakeCell): string {
  if (v === null || v === "") return "Empty";
  if (typeof v === "object") return "Error";
  if (typeof v === "number") return "Double";
  if (typeof v === "boolean") return "Boolean";
  return "String";
}

function grid<V>(t: RangeTarget, f: (r: number, c: number) => V): V[][] {
  const out: V[][] = [];
  for (let r = t.box.r0; r <= t.box.r1; r++) {
    const row: V[] = new Array<V>(t.box.c1 - t.box.c0 + 1);
    for (let c = t.box.c0; c <= t.box.c1; c++) row[c - t.box.c0] = f(r, c);
    out.push(row);
  }
  return out;
}

function cellsOf(t: RangeTarget): number {
  return (t.box.r1 - t.box.r0 + 1) * (t.box.c1 - t.box.c0 + 1);
}

/** Checks a 2-D input against the range's shape (a scalar applies to every cell, like Excel). */
function shaped<V>(t: RangeTarget, input: unknown, prop: string): (r: number, c: number) => V {
  const rows = t.box.r1 - t.box.r0 + 1;
  const cols = t.box.c1 - t.box.c0 + 1;
  if (!Array.isArray(input)) return () => input as V;
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${prop}).`
    );
  }
  return (r, c) => (input as V[][])[r - t.box.r0]![c - t.box.c0]!;
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * How Excel stores a string typed into a cell: a leading apostrophe makes it text (the apostrophe
 * is not part of the value); a text-formatted (`@`) cell keeps it as text; otherwise `=`… is a
 * formula, `+`/`-`/`@` followed by an expression also becomes a formula, and number-like text a number.
 */
function storeString(sheet: FakeSheet, r: number, c: number, s: string): void {
  const key = r * KEY_STRIDE + c;
  sheet.formulas.delete(key);
  if (s.startsWith("'")) return sheet.setCell(r, c, s.slice(1));
  if (sheet.format(r, c) === "@") return sheet.setCell(r, c, s);
  if (NUMBER_TEXT.test(s.trim())) return sheet.setCell(r, c, Number(s));
  if (s.length > 1 && /^[=+\-@]/.test(s)) {
    sheet.formulas.set(key, s.startsWith("=") ? s : `=${s}`);
    return sheet.setCell(r, c, { error: "#NAME?" });
  }
  sheet.setCell(r, c, s);
}

/** The longest list a list validation takes typed as text (its items and commas). */
export const LIST_SOURCE_MAX_CHARS = 255;

/**
 * A list validation's source typed as text holds at most 255 characters, commas included: Excel's
 * own limit, which file writers enforce on its behalf (github.com/jmcnamara/XlsxWriter/issues/562,
 * github.com/qax-os/excelize/issues/1632, github.com/ClosedXML/ClosedXML/issues/1016: Excel asks
 * to repair such a file). A longer list goes in cells and the source refers to them (a `Range`
 * or a reference formula `=…`: github.com/OfficeDev/office-js-docs/issues/1314). What Office.js
 * answers to a longer text is not documented; the fake refuses it as an invalid argument.
 */
function checkListSource(rule: unknown): void {
  const source = (rule as { list?: { source?: unknown } } | null)?.list?.source;
  if (
    typeof source === "string" &&
    !source.startsWith("=") &&
    source.length > LIST_SOURCE_MAX_CHARS
  )
    throw new FakeOfficeError(
      "InvalidArgument",
      `The list source is longer than ${LIST_SOURCE_MAX_CHARS} characters (ListDataValidation.source).`
    );
}

export class FakeRange extends FakeProxy<RangeTarget> {
  protected readonly props = [
    "values",
    "numberFormat",
    "valueTypes",
    "formulas",
    "text",
    "address",
    "rowCount",
    "columnCount",
    "rowIndex",
    "columnIndex",
    "cellCount",
  ] as const;
  readonly format: FakeRangeFormat;
  readonly dataValidation: { rule: unknown };

  constructor(context: FakeContext, path: string, resolver: () => Resolved<RangeTarget>) {
    super(context, path, resolver);
    this.format = new FakeRangeFormat(context, `${context.alias(path)}.format`, resolver);
    const self = this;
    this.dataValidation = {
      set rule(rule: unknown) {
        self.set("dataValidation.rule", rule, (t) => {
          checkListSource(rule);
          t.sheet.validations.push({ address: boxAddress(t.box), rule });
          context.state.writes.push({
            kind: "dataValidation",
            sheet: t.sheet.name,
            address: boxAddress(t.box),
            value: rule,
          });
        });
      },
      get rule() {
        throw notLoaded("dataValidation.rule", path);
      },
    };
  }

  trackNullPublic(): this {
    return this.trackNull();
  }

  protected readProp(t: RangeTarget, prop: string): unknown {
    const s = t.sheet;
    switch (prop) {
      case "values": {
        const nullAbove = this.context.rt.options.nullValuesAboveCells;
        if (nullAbove !== undefined && cellsOf(t) > nullAbove) return null;
        this.context.rt.stats.valueReads.push(s.name);
        return grid(t, (r, c) => valueOut(s.cell(r, c)));
      }
      case "text":
        return grid(t, (r, c) => String(valueOut(s.cell(r, c))));
      case "formulas":
        return grid(t, (r, c) => s.formulas.get(r * KEY_STRIDE + c) ?? valueOut(s.cell(r, c)));
      case "numberFormat":
        return grid(t, (r, c) => s.format(r, c));
      case "valueTypes":
        return grid(t, (r, c) => valueTypeOf(s.cell(r, c)));
      case "address":
        return `${quoteSheet(s.name)}!${boxAddress(t.box)}`;
      case "rowCount":
        return t.box.r1 - t.box.r0 + 1;
      case "columnCount":
        return t.box.c1 - t.box.c0 + 1;
      case "rowIndex":
        return t.box.r0;
      case "columnIndex":
        return t.box.c0;
      case "cellCount":
        return cellsOf(t);
      default:
        return undefined;
    }
  }

  get values(): (string | number | boolean)[][] {
    return this.get("values");
  }
  /** Queues a 2-D write: `cell` runs for each cell at sync time, then the write is recorded. */
  private writeGrid(
    prop: string,
    v: unknown,
    cell: (t: RangeTarget, r: number, c: number, x: unknown) => void
  ): void {
    this.set(prop, v, (t) => {
      const at = shaped<unknown>(t, v, prop);
      for (let r = t.box.r0; r <= t.box.r1; r++) {
        for (let c = t.box.c0; c <= t.box.c1; c++) cell(t, r, c, at(r, c));
      }
      this.context.state.writes.push({
        kind: prop,
        sheet: t.sheet.name,
        address: boxAddress(t.box),
        value: v,
      });
      // data, not formats, raises onChanged (formats raise onFormatChanged)
      if (prop === "values" || prop === "formulas") this.context.rt.addinChanged(t.sheet, t.box);
    });
  }

  set values(v: unknown[][]) {
    this.writeGrid("values", v, (t, r, c, x) => {
      if (x === null || x === undefined) return; // null leaves the cell unchanged
      if (typeof x === "string") return storeString(t.sheet, r, c, x);
      if (typeof x !== "number" && typeof x !== "boolean")
        throw new FakeOfficeError("InvalidArgument", "Unsupported value type");
      t.sheet.formulas.delete(r * KEY_STRIDE + c);
      t.sheet.setCell(r, c, x);
    });
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.writeGrid("numberFormat", v, (t, r, c, f) => {
      if (typeof f === "string") t.sheet.setFormat(r, c, f);
    });
  }
  get formulas(): unknown[][] {
    return this.get("formulas");
  }
  set formulas(v: unknown[][]) {
    this.writeGrid("formulas", v, (t, r, c, f) => {
      if (typeof f === "string" && f.startsWith("=")) {
        t.sheet.formulas.set(r * KEY_STRIDE + c, f);
        t.sheet.setCell(r, c, 0);
      } else if (typeof f === "string") storeString(t.sheet, r, c, f);
      else if (f !== null && f !== undefined) t.sheet.setCell(r, c, f as FakeCell);
    });
  }
  /** Read-only properties: the loaded value, or PropertyNotLoaded. */
  static {
    for (const prop of [
      "valueTypes",
      "text",
      "address",
      "rowCount",
      "columnCount",
      "rowIndex",
      "columnIndex",
      "cellCount",
    ]) {
      Object.defineProperty(FakeRange.prototype, prop, {
        get(this: FakeRange) {
          return this.get(prop);
        },
      });
    }
  }

  select(): void {
    this.call("select", [], (t) => {
      const st = this.context.state;
      if (st.activeSheetId !== t.sheet.id)
        throw new FakeOfficeError("InvalidSelection", "The range is not on the active sheet.");
      st.selection = { sheet: t.sheet.name, address: boxAddress(t.box) };
      st.uiActions.push({ kind: "select", sheet: t.sheet.name, address: boxAddress(t.box) });
    });
  }
}

/* ---- range areas (several rectangles of one sheet) */

interface AreasTarget {
  sheet: FakeSheet;
  boxes: Box[];
}

/** Fails the sync as a host without the API set does. */
function requireApi(rt: FakeOfficeRuntime, version: string, what: string): void {
  if (!versionAtMost(version, rt.options.excelApi ?? "1.20"))
    throw new FakeOfficeError("ApiNotFound", `${what} needs ExcelApi ${version}.`);
}

export class FakeRangeAreas extends FakeProxy<AreasTarget> {
  protected readonly props = ["address", "areaCount", "cellCount"] as const;

  protected readProp(t: AreasTarget, prop: string): unknown {
    if (prop === "address")
      return t.boxes.map((b) => `${quoteSheet(t.sheet.name)}!${boxAddress(b)}`).join(",");
    if (prop === "areaCount") return t.boxes.length;
    if (prop === "cellCount")
      return t.boxes.reduce((n, b) => n + (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1), 0);
    return undefined;
  }

  get address(): string {
    return this.get("address");
  }
  get areaCount(): number {
    return this.get("areaCount");
  }

  /** Selects every rectangle (ExcelApi 1.18); the selection's address lists them, comma-separated. */
  select(): void {
    this.call("select", [], (t) => {
      requireApi(this.context.rt, "1.18", "RangeAreas.select");
      const st = this.context.state;
      if (st.activeSheetId !== t.sheet.id)
        throw new FakeOfficeError("InvalidSelection", "The range is not on the active sheet.");
      const address = t.boxes.map(boxAddress).join(",");
      st.selection = { sheet: t.sheet.name, address };
      st.uiActions.push({ kind: "select", sheet: t.sheet.name, address });
    });
  }
}

/** Queues a formatting write on a range (`group.name = value`); `effect` updates the state. */
function queueRangeWrite(
  context: FakeContext,
  path: string,
  resolver: () => Resolved<RangeTarget>,
  group: string,
  name: string,
  value: unknown,
  effect?: (t: RangeTarget) => void
): void {
  context.queue.push({
    path,
    kind: "set",
    name,
    value,
    run: () => {
      const t = resolver();
      if (t === NULL) throw new FakeOfficeError("ItemNotFound", path);
      effect?.(t);
      context.state.writes.push({
        kind: `${group}.${name}`,
        sheet: t.sheet.name,
        address: boxAddress(t.box),
        value,
      });
    },
  });
}

class FakeRangeFormat {
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  constructor(
    readonly context: FakeContext,
    readonly path: string,
    private readonly resolver: () => Resolved<RangeTarget>
  ) {
    this.fill = new FakeRangeFill(context, `${context.alias(path)}.fill`, resolver);
    this.font = new FakeRangeFont(context, `${context.alias(path)}.font`, resolver);
  }
  private apply(name: string, value: unknown): void {
    queueRangeWrite(this.context, this.path, this.resolver, "format", name, value);
  }
  autofitColumns(): void {
    this.apply("autofitColumns", null);
  }
  set columnWidth(v: number) {
    this.apply("columnWidth", v);
  }
  set horizontalAlignment(v: string) {
    this.apply("horizontalAlignment", v);
  }
  set wrapText(v: boolean) {
    this.apply("wrapText", v);
  }
}

class FakeRangeFont {
  constructor(
    readonly context: FakeContext,
    readonly path: string,
    private readonly resolver: () => Resolved<RangeTarget>
  ) {}
  private apply(name: string, value: unknown): void {
    queueRangeWrite(this.context, this.path, this.resolver, "font", name, value, (t) => {
      const key = boxAddress(t.box);
      t.sheet.fonts.set(key, { ...t.sheet.fonts.get(key), [name]: value });
    });
  }
  set bold(v: boolean) {
    this.apply("bold", v);
  }
  set size(v: number) {
    this.apply("size", v);
  }
  set color(v: string) {
    this.apply("color", v);
  }
}

const FILL_PROPS = [
  "color",
  "pattern",
  "patternColor",
  "tintAndShade",
  "patternTintAndShade",
] as const;
type FillProp = (typeof FILL_PROPS)[number];

/**
 * The fill members after `color` are ExcelApi 1.9 (`[Api set: ExcelApi 1.9]` in the JSDoc of
 * `Excel.RangeFill` in `@types/office-js`); `color` and `clear()` are 1.1. An older Excel fails
 * the sync that reads or writes them.
 */
function requireFillApi(rt: FakeOfficeRuntime, prop: string): void {
  if (prop !== "color") requireApi(rt, "1.9", `RangeFill.${prop}`);
}

const GRADIENTS = new Set(["LinearGradient", "RectangularGradient"]);

class FakeRangeFill extends FakeProxy<RangeTarget> {
  protected readonly props = FILL_PROPS;

  protected readProp(t: RangeTarget, prop: string): unknown {
    requireFillApi(this.context.rt, prop);
    if (this.context.rt.options.gradientFillRead === "fails") {
      for (let r = t.box.r0; r <= t.box.r1; r++)
        for (let c = t.box.c0; c <= t.box.c1; c++)
          if (GRADIENTS.has(t.sheet.fill(r, c).pattern))
            throw new FakeOfficeError("UnsupportedFillType", "The fill type is not supported.");
    }
    let first: unknown;
    let same = true;
    let seen = false;
    for (let r = t.box.r0; r <= t.box.r1 && same; r++) {
      for (let c = t.box.c0; c <= t.box.c1; c++) {
        const stored = t.sheet.fills.get(r * KEY_STRIDE + c);
        const v = stored ? stored[prop as FillProp] : NO_FILL_AS_READ[prop as FillProp];
        if (!seen) {
          first = v;
          seen = true;
        } else if (v !== first) {
          same = false;
          break;
        }
      }
    }
    return same ? first : null; // Excel reports null when the cells differ
  }

  private each(t: RangeTarget, f: (fill: FakeFill) => FakeFill | undefined): void {
    for (let r = t.box.r0; r <= t.box.r1; r++) {
      for (let c = t.box.c0; c <= t.box.c1; c++) {
        const key = r * KEY_STRIDE + c;
        const next = f(t.sheet.fill(r, c));
        if (
          next === undefined ||
          (next.pattern === "None" && next.color === NO_FILL.color && next.tintAndShade === 0)
        )
          t.sheet.fills.delete(key);
        else t.sheet.fills.set(key, next);
      }
    }
  }

  private setFill(prop: FillProp, v: string | number): void {
    this.set(prop, v, (t) => {
      requireFillApi(this.context.rt, prop);
      // "LinearGradient and RectangularGradient are not supported" (JSDoc of RangeFill.pattern,
      // @types/office-js): a gradient cannot be written back.
      if (prop === "pattern" && typeof v === "string" && GRADIENTS.has(v))
        throw new FakeOfficeError("UnsupportedFillType", `The fill type ${v} is not supported.`);
      if (typeof v === "string" && prop !== "pattern" && !/^#[0-9A-Fa-f]{6}$/.test(v)) {
        throw new FakeOfficeError("InvalidArgument", `fake: use #RRGGBB colours (${v})`);
      }
      this.each(t, (f) => {
        const n: FakeFill = { ...f, [prop]: v };
        if (prop === "color" && f.pattern === "None") n.pattern = "Solid";
        if (prop === "pattern" && v === "None") return undefined;
        return n;
      });
      this.context.state.writes.push({
        kind: `fill.${prop}`,
        sheet: t.sheet.name,
        address: boxAddress(t.box),
        value: v,
      });
    });
  }

  /** The five fill properties as accessors (get: loaded value; set: queued write). */
  static {
    for (const prop of FILL_PROPS) {
      Object.defineProperty(FakeRangeFill.prototype, prop, {
        get(this: FakeRangeFill) {
          return this.get(prop);
        },
        set(this: FakeRangeFill, v: string | number) {
          this.setFill(prop, typeof v === "string" && prop !== "pattern" ? v.toUpperCase() : v);
        },
      });
    }
  }

  clear(): void {
    this.call("clear", [], (t) => {
      this.each(t, () => undefined);
      this.context.state.writes.push({
        kind: "fill.clear",
        sheet: t.sheet.name,
        address: boxAddress(t.box),
      });
    });
  }
}

/* ---- charts */

class FakeChartCollection {
  constructor(
    readonly context: FakeContext,
    private readonly owner: FakeWorksheet,
    private readonly sheet: () => Resolved<FakeSheet>
  ) {}
  add(type: string, source: FakeRange, seriesBy = "Auto"): FakeChart {
    let chart: FakeSheet["charts"][number] | undefined;
    this.context.queue.push({
      path: `${this.owner.path}.charts`,
      kind: "call",
      name: "add",
      value: [type, source.path, seriesBy],
      run: () => {
        const s = this.sheet();
        if (s === NULL) throw new FakeOfficeError("ItemNotFound", "charts.add on a missing sheet");
        const src = (source as unknown as { target(): RangeTarget }).target();
        chart = { type, source: boxAddress(src.box), seriesBy };
        s.charts.push(chart);
        this.context.state.writes.push({
          kind: "chart.add",
          sheet: s.name,
          address: chart.source,
          value: type,
        });
      },
    });
    return new FakeChart(this.context, `${this.owner.path}.charts.add()`, () => chart);
  }
}

class FakeChart {
  readonly title: { text: string };
  readonly legend: { position: string };
  constructor(
    readonly context: FakeContext,
    readonly path: string,
    private readonly chart: () => FakeSheet["charts"][number] | undefined
  ) {
    const self = this;
    this.title = {
      set text(v: string) {
        self.apply("title.text", v, (c) => (c.title = v));
      },
      get text(): string {
        throw notLoaded("title.text", path);
      },
    };
    this.legend = {
      set position(v: string) {
        self.apply("legend.position", v, () => undefined);
      },
      get position(): string {
        throw notLoaded("legend.position", path);
      },
    };
  }
  private apply(name: string, value: unknown, f: (c: FakeSheet["charts"][number]) => void): void {
    this.context.queue.push({
      path: this.path,
      kind: "set",
      name,
      value,
      run: () => {
        const c = this.chart();
        if (!c) throw new FakeOfficeError("ItemNotFound", this.path);
        f(c);
        this.context.state.writes.push({ kind: `chart.${name}`, value });
      },
    });
  }
  set name(v: string) {
    this.apply("name", v, (c) => (c.name = v));
  }
  setPosition(start: string, end?: string): void {
    this.apply("setPosition", [start, end], (c) => (c.position = end ? `${start}:${end}` : start));
  }
}

/* ---- custom XML parts */

interface PartState {
  id: string;
  ns: string;
  xml: string;
}

class FakeClientResult<V> {
  private v: V | undefined;
  private ready = false;
  resolveWith(v: V): void {
    this.v = v;
    this.ready = true;
  }
  get value(): V {
    if (!this.ready)
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        "ClientResult.value is not available before context.sync()."
      );
    return this.v as V;
  }
}

function namespaceOf(xml: string): string {
  const m = /<[^?!][^>]*?\sxmlns="([^"]*)"/.exec(xml);
  return m?.[1] ?? "";
}

class FakeCustomXmlPartCollection {
  constructor(readonly context: FakeContext) {}
  add(xml: string): FakeCustomXmlPart {
    let part: PartState | undefined;
    const st = this.context.state;
    this.context.queue.push({
      path: "customXmlParts",
      kind: "call",
      name: "add",
      value: [xml],
      run: () => {
        requireApi(this.context.rt, "1.5", "CustomXmlPartCollection.add");
        if (!/^\s*(<\?xml[^>]*\?>\s*)?<[A-Za-z]/.test(xml))
          throw new FakeOfficeError("InvalidArgument", "Not XML");
        part = { id: st.newId(), ns: namespaceOf(xml), xml };
        st.customXmlParts.push(part);
        st.writes.push({ kind: "customXmlPart.add", value: part.ns });
      },
    });
    return new FakeCustomXmlPart(this.context, "customXmlParts.add()", () => part ?? NULL);
  }
  getByNamespace(ns: string): FakeCustomXmlPartScoped {
    return new FakeCustomXmlPartScoped(this.context, ns);
  }
}

/**
 * `customXmlParts.getByNamespace(ns)`: a CustomXmlPartScopedCollection (ExcelApi 1.5, like every
 * custom XML part member: https://learn.microsoft.com/javascript/api/excel/excel.customxmlpartscopedcollection).
 */
class FakeCustomXmlPartScoped {
  private loadedItems: FakeCustomXmlPart[] | undefined;
  private readonly path: string;
  constructor(
    readonly context: FakeContext,
    private readonly ns: string
  ) {
    this.path = `customXmlParts.getByNamespace(${JSON.stringify(ns)})`;
  }

  private found(): PartState[] {
    requireApi(this.context.rt, "1.5", "CustomXmlPartCollection.getByNamespace");
    return this.context.state.customXmlParts.filter((x) => x.ns === this.ns);
  }

  /**
   * "If the collection contains exactly one item, this method returns it. Otherwise, this method
   * returns null" (the reference page above): two parts of the namespace answer a null object.
   */
  getOnlyItemOrNullObject(): FakeCustomXmlPart {
    const p = new FakeCustomXmlPart(this.context, `${this.path}.getOnlyItemOrNullObject()`, () => {
      const found = this.found();
      return found.length === 1 ? found[0]! : NULL;
    });
    return p.trackNullPublic();
  }

  get items(): FakeCustomXmlPart[] {
    if (!this.loadedItems) throw notLoaded("items", this.path);
    return this.loadedItems;
  }

  load(arg?: string | string[]): this {
    const props = parseLoad(arg, ["items/id"]).map((p) => p.replace(/^items\//, ""));
    this.context.queue.push({
      path: this.path,
      kind: "load",
      name: props.join(","),
      run: () => this.found().map((p) => ({ id: p.id, namespaceUri: p.ns })),
      done: (res) => {
        this.loadedItems = (res as { id: string; namespaceUri: string }[]).map((o) => {
          const part = new FakeCustomXmlPart(
            this.context,
            `customXmlParts.getItem(${JSON.stringify(o.id)})`,
            () => this.context.state.customXmlParts.find((x) => x.id === o.id) ?? NULL
          );
          part.preload(o, props);
          return part;
        });
      },
    });
    return this;
  }
}

class FakeCustomXmlPart extends FakeProxy<PartState> {
  protected readonly props = ["id", "namespaceUri"] as const;
  protected readProp(p: PartState, prop: string): unknown {
    return prop === "id" ? p.id : p.ns;
  }
  trackNullPublic(): this {
    return this.trackNull();
  }
  preload(o: Record<string, unknown>, props: string[]): void {
    for (const p of props) this.loaded.set(p, o[p]);
  }
  get id(): string {
    return this.get("id");
  }
  getXml(): FakeClientResult<string> {
    const result = new FakeClientResult<string>();
    this.context.queue.push({
      path: this.path,
      kind: "call",
      name: "getXml",
      run: () => this.target().xml,
      done: (xml) => result.resolveWith(xml as string),
    });
    return result;
  }
  setXml(xml: string): void {
    this.call("setXml", [xml], (p) => {
      p.xml = xml;
      this.context.state.writes.push({ kind: "customXmlPart.setXml", value: p.ns });
    });
  }
  delete(): void {
    this.call("delete", [], (p) => {
      const list = this.context.state.customXmlParts;
      list.splice(list.indexOf(p), 1);
      this.context.state.writes.push({ kind: "customXmlPart.delete", value: p.ns });
    });
  }
}

/* ---------------------------------------------------------------- runtime + globals */

function versionAtMost(v: string, max: string): boolean {
  const a = v.split(".").map(Number);
  const b = max.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return true;
}

export class FakeOfficeRuntime {
  readonly state: FakeWorkbookState;
  readonly stats: FakeStats = {
    syncs: 0,
    runs: 0,
    records: [],
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    leftoverActions: 0,
    runOptions: [],
    valueReads: [],
  };
  readonly Excel: Record<string, unknown>;
  readonly Office: Record<string, unknown>;
  readonly OfficeExtension: Record<string, unknown>;
  /** The add-in's in-memory copy of `Office.context.document.settings` (see `saveAsync`). */
  private settingsBag: Record<string, unknown> = {};

  constructor(readonly options: FakeOfficeOptions = {}) {
    this.state = new FakeWorkbookState(options.sheets ?? [{ name: "Sheet1" }]);
    const excelApi = options.excelApi ?? "1.20";
    const run = async (a: unknown, b?: unknown): Promise<unknown> => {
      const batch = (typeof a === "function" ? a : b) as (ctx: FakeContext) => Promise<unknown>;
      // Excel.run(context, batch) goes on with an existing request context (e.g. to remove an
      // event handler in the context that added it)
      const reused = a instanceof FakeContext ? a : undefined;
      if (typeof a !== "function" && !reused) this.stats.runOptions.push(a);
      this.stats.runs++;
      const ctx = reused ?? new FakeContext(this, this.state);
      try {
        return await batch(ctx);
      } finally {
        this.stats.leftoverActions += ctx.queue.length;
      }
    };
    this.Excel = {
      run,
      // Excel.ChartType.line = "Line", ExcelApi 1.1 (@types/office-js; https://learn.microsoft.com/javascript/api/excel/excel.charttype)
      ChartType: { columnClustered: "ColumnClustered", line: "Line" },
      ChartSeriesBy: { auto: "Auto", columns: "Columns", rows: "Rows" },
      RangeValueType: {
        unknown: "Unknown",
        empty: "Empty",
        string: "String",
        integer: "Integer",
        double: "Double",
        boolean: "Boolean",
        error: "Error",
        richValue: "RichValue",
      },
      ErrorCodes: { itemNotFound: "ItemNotFound", invalidArgument: "InvalidArgument" },
    };
    const platform = options.platform ?? "PC";
    const info = { host: "Excel", platform };
    this.Office = {
      HostType: { Excel: "Excel" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac" },
      onReady: (cb?: (i: typeof info) => void) => {
        if (options.onReady === "never") return new Promise(() => undefined);
        cb?.(info);
        return Promise.resolve(info);
      },
      context: {
        host: "Excel",
        platform,
        displayLanguage: "zh-CN",
        contentLanguage: "zh-CN",
        requirements: {
          isSetSupported: (name: string, version?: string) =>
            name === "ExcelApi" && versionAtMost(version ?? "1.1", excelApi),
        },
        document: { url: "fake.xlsx", settings: this.fakeSettings() },
        ...(options.officeTheme ? { officeTheme: options.officeTheme } : {}),
      },
    };
    this.OfficeExtension = { Error: FakeOfficeError };
  }

  /**
   * `Office.context.document.settings` (Common API, any Excel): a name/value bag kept per add-in
   * and per document; `set` and `remove` change the in-memory copy only, `saveAsync` puts it into
   * the document, and only what was saved is there when the document is opened again
   * (https://learn.microsoft.com/javascript/api/office/office.settings). Settings have a size limit
   * (https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings,
   * https://learn.microsoft.com/answers/questions/340861/document-settings-size-limit): 2 MB here,
   * the figure this project's docs use; a larger bag fails `saveAsync`.
   */
  private fakeSettings() {
    const SETTINGS_LIMIT = 2 * 1024 * 1024;
    return {
      get: (name: string): unknown => this.settingsBag[name] ?? null,
      set: (name: string, value: unknown): void => {
        this.settingsBag[name] = JSON.parse(JSON.stringify(value)) as unknown;
      },
      remove: (name: string): void => {
        delete this.settingsBag[name];
      },
      saveAsync: (callback?: (r: { status: string; error?: { message: string } }) => void) => {
        const size = utf8Bytes(JSON.stringify(this.settingsBag));
        setTimeout(() => {
          if (size > SETTINGS_LIMIT) {
            callback?.({ status: "failed", error: { message: "Settings exceed the size limit." } });
            return;
          }
          this.state.savedSettings = JSON.parse(JSON.stringify(this.settingsBag)) as Record<
            string,
            unknown
          >;
          this.state.writes.push({ kind: "settings.saveAsync" });
          callback?.({ status: "succeeded" });
        }, 0);
      },
    };
  }

  /**
   * The user closes the workbook and opens it again. Cells, fills, custom XML parts and the saved
   * settings are in the file; every worksheet gets a new id — "The ID remains constant within a
   * single session but will change between sessions (eg. closing and reopening)"
   * (github.com/OfficeDev/office-js-docs/issues/297, Microsoft's answer; again in
   * github.com/OfficeDev/office-js/issues/1390, 2020). Unsaved settings and event handlers are gone.
   */
  reopen(): void {
    const st = this.state;
    const active = st.sheets.find((s) => s.id === st.activeSheetId);
    for (const s of st.sheets) s.id = st.newId();
    st.activeSheetId = (active ?? st.sheets[0])?.id;
    st.selection = undefined;
    st.changeHandlers.splice(0);
    this.settingsBag = JSON.parse(JSON.stringify(st.savedSettings)) as Record<string, unknown>;
  }

  get limit(): number | null {
    return this.options.payloadLimitBytes === undefined
      ? 5 * 1024 * 1024
      : this.options.payloadLimitBytes;
  }

  private changedByAddin: { sheet: FakeSheet; box: Box }[] = [];
  private deliveries: Promise<unknown>[] = [];

  private changedEvent(sheet: FakeSheet, box: Box, byAddin: boolean): FakeChangedEvent {
    return {
      type: "WorksheetChanged",
      worksheetId: sheet.id,
      address: boxAddress(box),
      changeType: "RangeEdited",
      source: "Local",
      ...(versionAtMost("1.14", this.options.excelApi ?? "1.20")
        ? { triggerSource: byAddin ? ("ThisLocalAddin" as const) : ("Unknown" as const) }
        : {}),
    };
  }

  /** A write of this add-in changed cell data (values, formulas) during the sync under way. */
  addinChanged(sheet: FakeSheet, box: Box): void {
    this.changedByAddin.push({ sheet, box });
  }

  /**
   * After a sync: `worksheets.onChanged` for each data write of the add-in, delivered later (a
   * handler runs after the sync that caused it, never inside it). Excel raises events for changes
   * made by add-in code as for the user's ("Events within an Excel workbook can be triggered by …
   * Office Add-in (JavaScript) code that changes the workbook",
   * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#event-triggers);
   * onChanged is for data within cells, a format change raises onFormatChanged instead (same page).
   */
  raiseAddinChanges(): void {
    const changes = this.changedByAddin.splice(0);
    const handlers = [...this.state.changeHandlers];
    if (changes.length === 0 || handlers.length === 0) return;
    const events = changes.map((c) => this.changedEvent(c.sheet, c.box, true));
    this.deliveries.push(
      new Promise((resolve) => setTimeout(resolve, 0)).then(() =>
        Promise.all(events.flatMap((e) => handlers.map(async (h) => h.handler(e))))
      )
    );
  }

  /** Resolves when every change event raised so far has been handled. */
  async eventsDelivered(): Promise<void> {
    while (this.deliveries.length > 0) await Promise.all(this.deliveries.splice(0));
  }

  /**
   * A user typing into a cell: sets it and raises `worksheets.onChanged` (RangeEdited, Local) for
   * every handler registered, as Excel does; resolves when the handlers have run.
   */
  async userEdit(sheet: string, address: string, value: FakeCell): Promise<void> {
    const s = this.state.sheetByName(sheet);
    const box = parseBox(address);
    s.formulas.delete(box.r0 * KEY_STRIDE + box.c0);
    s.setCell(box.r0, box.c0, value);
    const event = this.changedEvent(s, box, false);
    await Promise.all([...this.state.changeHandlers].map(async (h) => h.handler(event)));
  }

  /** Document writes so far (activate/select are in `state.uiActions`). */
  get writes(): readonly FakeWrite[] {
    return this.state.writes;
  }

  resetStats(): void {
    Object.assign(this.stats, {
      syncs: 0,
      runs: 0,
      records: [],
      maxRequestBytes: 0,
      maxResponseBytes: 0,
      leftoverActions: 0,
      runOptions: [],
      valueReads: [],
    });
  }

  sheet(name: string): FakeSheet {
    return this.state.sheetByName(name);
  }
}

/**
 * Installs `Excel`, `Office` and `OfficeExtension` on `target` (globalThis in tests, `window` in a
 * browser page) and returns the runtime to inspect. `uninstall()` restores what was there.
 * @example const fake = installFakeOffice(globalThis, { sheets: [{ name: '表1', values: [['a']] }] });
 */
export function installFakeOffice(
  target: object,
  options: FakeOfficeOptions = {}
): FakeOfficeRuntime & { uninstall: () => void } {
  const rt = new FakeOfficeRuntime(options);
  const t = target as Record<string, unknown>;
  const before = { Excel: t.Excel, Office: t.Office, OfficeExtension: t.OfficeExtension };
  t.Excel = rt.Excel;
  t.Office = rt.Office;
  t.OfficeExtension = rt.OfficeExtension;
  return Object.assign(rt, {
    uninstall: () => {
      Object.assign(t, before);
    },
  });
}

/**
 * A generated sheet for size tests and benches: a title row, a header row and `rows` data rows
 * of `cols` columns (text in the first column, integers elsewhere, `General` format).
 */
export function generatedSheet(name: string, rows: number, cols: number): FakeSheetSpec {
  const values: FakeCell[][] = new Array<FakeCell[]>(rows);
  for (let r = 0; r < rows; r++) {
    const row: FakeCell[] = new Array<FakeCell>(cols);
    row[0] = r === 0 ? "单位名称" : `单位${r}`;
    for (let c = 1; c < cols; c++) row[c] = r === 0 ? `列${c}` : (r * 7 + c * 13) % 1000;
    values[r] = row;
  }
  return { name, values };
}

/**
 * The fake's sheets for a neutral workbook model (e.g. read from an .xlsx), as Excel would hold
 * them: dates as serial numbers (their format says "date"), errors as error values.
 */
export function sheetsFromModel(model: WorkbookModel): FakeSheetSpec[] {
  const cell = (v: CellValue): FakeCell => {
    if (v === undefined || v === null) return null;
    if (typeof v === "object" && "formula" in v) return `=${v.formula}`; // never computed
    if (typeof v === "object") return "error" in v ? { error: v.error } : v.date;
    return v;
  };
  return model.sheets.map((s) => ({
    name: s.name,
    values: s.values.map((row) => Array.from(row, cell)),
    formats: s.formats?.map((row) => (row ? Array.from(row) : [])),
  }));
}
