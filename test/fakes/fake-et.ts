/**
 * A fake WPS 表格 ET object model (`window.Application` of a WPS JavaScript add-in) that behaves
 * like WPS where it differs from Excel's Office.js:
 *
 * - every property read, property write and method call is ONE synchronous call, counted
 *   (`stats.calls`, and by name in `stats.byName`); there is no batching and no `sync()`;
 * - colours are BGR numbers (0xBBGGRR); fill patterns are XlPattern numbers (−4142 none, 1 solid);
 * - a formula error comes back in `Value2` as a number (−2146826281 for #DIV/0!), or its string
 *   with `errorValue2: "string"`; its `Text` is the error string;
 * - `Value2` of one cell is a scalar, of several cells an array of row arrays, blanks `undefined`;
 * - `NumberFormat` (and `Interior.Color` …) of a range whose cells differ is `null` (or, with
 *   `mixedNumberFormat`, `G/通用格式` or the first cell's format); `Interior` of a multi-area
 *   range answers for all its areas, or the first only (`multiAreaInterior: "first"`);
 * - collections are 1-based (`Worksheets.Item(0)` throws), `Range.Select()` throws unless its
 *   sheet is active (as in Excel's VBA);
 * - there is no undo: every document write is recorded (`writes`) and stays;
 * - writing a string starting with `=` into a cell not formatted as text makes a formula (so a
 *   host that writes user text carelessly is caught), a leading apostrophe is the text prefix;
 * - `Workbook.CustomXMLParts` exists unless `customXmlParts: false` (then a host must use
 *   something else to keep data in the workbook).
 *
 * `costMsPerCall` / `costMsPerKiloCell` make calls take real (blocking) time, as they would in
 * WPS, for progress and cancel tests. No Node imports: it also runs injected in a browser page.
 */
import { NO_FILL, cellAddress, parseBox, type FakeCell, type FakeFill, type FakeSheetSpec } from "./fake-excel";

export interface FakeEtOptions {
  readonly sheets?: readonly FakeSheetSpec[];
  /** Workbook.CustomXMLParts available (default true). */
  readonly customXmlParts?: boolean;
  /** Blocking time of every call, and extra per 1000 cells a Value2 read or write touches. */
  readonly costMsPerCall?: number;
  readonly costMsPerKiloCell?: number;
  /** Sheets protected (ProtectContents) by name. */
  readonly protectedSheets?: readonly string[];
  readonly protectStructure?: boolean;
  /** Make the n-th document write (1-based) throw, to test that nothing is left half done. */
  readonly failOnWrite?: number;
  /** Range.Find available (default true); false makes it throw, as a build without it might. */
  readonly find?: boolean;
  /*
   * Three answers no WPS source settles (no WPS runs here; Kingsoft's typings et-jsapi-declare
   * 2.5.0 type all three as `any`): each can be made to answer the VBA way (the default) or
   * another way a WPS build might, so the host is tested under both.
   */
  /** A formula error in `Value2`: the VBA CVErr code (−2146826281, default) or its string (`#DIV/0!`). */
  readonly errorValue2?: "code" | "string";
  /**
   * `NumberFormat` of a range whose cells differ: `null` as VBA (default), `G/通用格式`, or the
   * first cell's format.
   */
  readonly mixedNumberFormat?: "null" | "general" | "first";
  /** `Interior` read from a multi-area range (`A1,C3`): of all its cells (default) or of the first area only. */
  readonly multiAreaInterior?: "all" | "first";
}

/** A fill as ET keeps it. */
export interface EtFill {
  color: number;
  pattern: number;
  patternColor: number;
  tintAndShade: number;
  patternTintAndShade: number;
}

export const ET_NO_FILL: Readonly<EtFill> = Object.freeze({
  color: 0xffffff,
  pattern: -4142,
  patternColor: 0,
  tintAndShade: 0,
  patternTintAndShade: 0,
});

/** WPS's error codes in Value2 (0x800A0000 + xlErr…), written out independently of the host. */
const ERROR_CODES: Readonly<Record<string, number>> = {
  "#NULL!": -2146826288,
  "#DIV/0!": -2146826281,
  "#VALUE!": -2146826273,
  "#REF!": -2146826265,
  "#NAME?": -2146826259,
  "#NUM!": -2146826252,
  "#N/A": -2146826246,
};

const PATTERN_NUMBERS: Readonly<Record<string, number>> = {
  None: -4142,
  Solid: 1,
  Gray50: -4125,
  Gray75: -4126,
  Gray25: -4124,
  LightUp: 14,
  LightDown: 13,
  Checker: 9,
};

function hexToBgr(hex: string): number {
  const n = parseInt(hex.replace("#", ""), 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
}

function bgrToHex(bgr: number): string {
  const rgb = ((bgr & 0xff) << 16) | (bgr & 0xff00) | ((bgr >> 16) & 0xff);
  return "#" + rgb.toString(16).padStart(6, "0").toUpperCase();
}

/** A fill given in Office.js terms (`#RRGGBB`, pattern name) as ET keeps it. */
export function etFillOf(f: Partial<FakeFill>): EtFill {
  const full = { ...NO_FILL, ...f };
  return {
    color: hexToBgr(full.color),
    pattern: PATTERN_NUMBERS[full.pattern] ?? 1,
    patternColor: hexToBgr(full.patternColor),
    tintAndShade: full.tintAndShade,
    patternTintAndShade: full.patternTintAndShade,
  };
}

/** An ET fill in Office.js terms (what the Office fake would report for the same cell). */
export function neutralFillOf(x: EtFill): FakeFill {
  if (x.pattern === -4142) return { ...NO_FILL };
  return {
    color: bgrToHex(x.color),
    pattern: Object.keys(PATTERN_NUMBERS).find((k) => PATTERN_NUMBERS[k] === x.pattern) ?? String(x.pattern),
    patternColor: bgrToHex(x.patternColor),
    tintAndShade: x.tintAndShade,
    patternTintAndShade: x.patternTintAndShade,
  };
}

export class FakeEtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Error";
  }
}

const STRIDE = 16384;

export class EtSheetState {
  name: string;
  readonly codeName: string;
  visible: number;
  protectContents: boolean;
  values: FakeCell[][];
  formats: (string | undefined)[][];
  readonly fills = new Map<number, EtFill>();
  readonly formulas = new Map<number, string>();
  readonly bold = new Set<number>();
  readonly validations: { address: string; type: number; formula1: string }[] = [];
  readonly charts: { type: number; source: string; plotBy: number; title?: string }[] = [];
  frozenRows = 0;

  constructor(spec: FakeSheetSpec, codeName: string) {
    this.name = spec.name;
    this.codeName = codeName;
    this.visible = spec.visibility === "Hidden" ? 0 : spec.visibility === "VeryHidden" ? 2 : -1;
    this.protectContents = false;
    this.values = (spec.values ?? []).map((r) => (r ? [...r] : []));
    this.formats = (spec.formats ?? []).map((r) => (r ? [...r] : []));
    for (const [addr, f] of Object.entries(spec.fills ?? {})) {
      const b = parseBox(addr);
      this.fills.set(b.r0 * STRIDE + b.c0, etFillOf(f));
    }
  }

  cell(r: number, c: number): FakeCell {
    const v = this.values[r]?.[c];
    return v === undefined ? null : v;
  }
  setCell(r: number, c: number, v: FakeCell): void {
    for (let i = this.values.length; i <= r; i++) this.values[i] ??= [];
    (this.values[r] ??= [])[c] = v;
  }
  format(r: number, c: number): string {
    return this.formats[r]?.[c] ?? "General";
  }
  setFormat(r: number, c: number, f: string): void {
    for (let i = this.formats.length; i <= r; i++) this.formats[i] ??= [];
    (this.formats[r] ??= [])[c] = f;
  }
  fill(r: number, c: number): EtFill {
    return this.fills.get(r * STRIDE + c) ?? { ...ET_NO_FILL };
  }
  /** Used range as ET reports it: values, formulas, fills and formats count; A1 when empty. */
  used(): { r0: number; c0: number; r1: number; c1: number } {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    const take = (r: number, c: number) => {
      r0 = Math.min(r0, r);
      r1 = Math.max(r1, r);
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, c);
    };
    this.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "") take(r, c);
      })
    );
    this.formats.forEach((row, r) =>
      row?.forEach((f, c) => {
        if (f !== undefined && f !== "General") take(r, c);
      })
    );
    for (const k of [...this.fills.keys(), ...this.formulas.keys()]) take(Math.floor(k / STRIDE), k % STRIDE);
    return r1 < 0 ? { r0: 0, c0: 0, r1: 0, c1: 0 } : { r0, c0, r1, c1 };
  }
}

export interface FakeEtStats {
  calls: number;
  byName: Record<string, number>;
  /** Cells touched by Value2 reads (for the bench). */
  cellsRead: number;
}

export interface FakeEtWrite {
  readonly kind: string;
  readonly sheet?: string;
  readonly address?: string;
}

type Box = ReturnType<typeof parseBox>;

function busyWait(ms: number): void {
  if (ms <= 0) return;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* a synchronous ET call blocks the page */
  }
}

/** The runtime: state, counters and the `Application` object a page or test gets. */
export class FakeEtRuntime {
  readonly sheets: EtSheetState[] = [];
  activeSheet: EtSheetState | undefined;
  selection: { sheet: string; address: string } | undefined;
  readonly customXmlParts: { id: string; ns: string; xml: string }[] = [];
  readonly writes: FakeEtWrite[] = [];
  readonly stats: FakeEtStats = { calls: 0, byName: {}, cellsRead: 0 };
  readonly taskPanes: { id: number; url: string; visible: boolean; deleted: boolean; dock: number; width: number }[] = [];
  readonly storage = new Map<string, string>();
  displayAlerts = true;
  private nextCode = 1;
  private nextPartId = 1;
  readonly Application: unknown;

  constructor(readonly options: FakeEtOptions = {}) {
    for (const s of options.sheets ?? [{ name: "Sheet1" }]) this.addSheetState(s);
    for (const name of options.protectedSheets ?? []) {
      const s = this.sheets.find((x) => x.name === name);
      if (s) s.protectContents = true;
    }
    this.activeSheet = this.sheets[0];
    this.Application = this.application();
  }

  /* ------------------------------------------------------------ bookkeeping */

  call(name: string, cells = 0): void {
    this.stats.calls++;
    this.stats.byName[name] = (this.stats.byName[name] ?? 0) + 1;
    busyWait((this.options.costMsPerCall ?? 0) + ((this.options.costMsPerKiloCell ?? 0) * cells) / 1000);
  }

  write(kind: string, sheet?: EtSheetState, address?: string): void {
    this.writes.push({ kind, sheet: sheet?.name, address });
    if (this.options.failOnWrite === this.writes.length)
      throw new FakeEtError(`模拟的写入失败（第 ${this.writes.length} 次写入）`);
  }

  addSheetState(spec: FakeSheetSpec): EtSheetState {
    const s = new EtSheetState(spec, `Sheet${this.nextCode++}`);
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): EtSheetState {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`fake ET: no sheet ${name}`);
    return s;
  }

  private live(s: EtSheetState): EtSheetState {
    if (!this.sheets.includes(s)) throw new FakeEtError("对象已被删除");
    return s;
  }

  /* ------------------------------------------------------------ objects */

  private application(): unknown {
    const rt = this;
    return {
      get ActiveWorkbook() {
        rt.call("Application.ActiveWorkbook");
        return rt.workbook();
      },
      get ActiveSheet() {
        rt.call("Application.ActiveSheet");
        return rt.activeSheet ? rt.worksheet(rt.activeSheet) : null;
      },
      get ActiveWindow() {
        rt.call("Application.ActiveWindow");
        return rt.window();
      },
      get DisplayAlerts() {
        rt.call("Application.DisplayAlerts");
        return rt.displayAlerts;
      },
      set DisplayAlerts(v: boolean) {
        rt.call("Application.DisplayAlerts=");
        rt.displayAlerts = v;
      },
      // records the URL as given: Kingsoft's templates pass it decoded (wpsjs 2.2.3,
      // packages/@wps-jsapi/et/js/util.js GetUrlPath: decodeURI(document.location.toString()))
      CreateTaskPane(url: string) {
        rt.call("Application.CreateTaskPane");
        const pane = { id: rt.taskPanes.length + 1, url, visible: false, deleted: false, dock: 0, width: 0 };
        rt.taskPanes.push(pane);
        return rt.taskPane(pane);
      },
      GetTaskPane(id: number) {
        rt.call("Application.GetTaskPane");
        const pane = rt.taskPanes.find((p) => p.id === id && !p.deleted);
        return pane ? rt.taskPane(pane) : null;
      },
      get PluginStorage() {
        rt.call("Application.PluginStorage");
        return {
          getItem: (k: string) => rt.storage.get(k) ?? null,
          setItem: (k: string, v: unknown) => void rt.storage.set(k, String(v)),
          removeItem: (k: string) => void rt.storage.delete(k),
        };
      },
    };
  }

  private taskPane(p: FakeEtRuntime["taskPanes"][number]): unknown {
    const rt = this;
    return {
      get ID() {
        rt.call("TaskPane.ID");
        return p.id;
      },
      get Visible() {
        rt.call("TaskPane.Visible");
        return p.visible;
      },
      set Visible(v: boolean) {
        rt.call("TaskPane.Visible=");
        p.visible = v;
      },
      get DockPosition() {
        return p.dock;
      },
      set DockPosition(v: number) {
        rt.call("TaskPane.DockPosition=");
        p.dock = v;
      },
      get Width() {
        return p.width;
      },
      set Width(v: number) {
        rt.call("TaskPane.Width=");
        p.width = v;
      },
      Delete() {
        rt.call("TaskPane.Delete");
        p.deleted = true;
      },
    };
  }

  private window(): unknown {
    const rt = this;
    let splitRow = 0;
    return {
      set SplitColumn(_v: number) {
        rt.call("Window.SplitColumn=");
      },
      get SplitRow() {
        return splitRow;
      },
      set SplitRow(v: number) {
        rt.call("Window.SplitRow=");
        splitRow = v;
      },
      set FreezePanes(v: boolean) {
        rt.call("Window.FreezePanes=");
        if (rt.activeSheet) {
          rt.write("freezePanes", rt.activeSheet);
          rt.activeSheet.frozenRows = v ? splitRow : 0;
        }
      },
    };
  }

  private workbook(): unknown {
    const rt = this;
    return {
      get Name() {
        rt.call("Workbook.Name");
        return "fake.xlsx";
      },
      get ProtectStructure() {
        rt.call("Workbook.ProtectStructure");
        return rt.options.protectStructure === true;
      },
      get Worksheets() {
        rt.call("Workbook.Worksheets");
        return rt.worksheets();
      },
      get CustomXMLParts() {
        rt.call("Workbook.CustomXMLParts");
        return rt.options.customXmlParts === false ? undefined : rt.xmlParts();
      },
    };
  }

  private xmlParts(): unknown {
    const rt = this;
    const part = (p: { id: string; ns: string; xml: string }) => ({
      get Id() {
        rt.call("CustomXMLPart.Id");
        return p.id;
      },
      get XML() {
        rt.call("CustomXMLPart.XML");
        return p.xml;
      },
      Delete() {
        rt.call("CustomXMLPart.Delete");
        const i = rt.customXmlParts.indexOf(p);
        if (i >= 0) {
          rt.write("customXmlPart.delete");
          rt.customXmlParts.splice(i, 1);
        }
      },
    });
    return {
      get Count() {
        rt.call("CustomXMLParts.Count");
        return rt.customXmlParts.length;
      },
      Add(xml: string) {
        rt.call("CustomXMLParts.Add");
        rt.write("customXmlPart.add");
        const ns = /xmlns="([^"]*)"/.exec(xml)?.[1] ?? "";
        const p = { id: `{PART-${rt.nextPartId++}}`, ns, xml };
        rt.customXmlParts.push(p);
        return part(p);
      },
      SelectByNamespace(ns: string) {
        rt.call("CustomXMLParts.SelectByNamespace");
        const found = rt.customXmlParts.filter((p) => p.ns === ns);
        return {
          get Count() {
            rt.call("CustomXMLParts.Count");
            return found.length;
          },
          Item(i: number) {
            rt.call("CustomXMLParts.Item");
            const p = found[i - 1];
            if (!p) throw new FakeEtError(`索引 ${i} 超出范围`);
            return part(p);
          },
        };
      },
    };
  }

  private worksheets(): unknown {
    const rt = this;
    return {
      get Count() {
        rt.call("Worksheets.Count");
        return rt.sheets.length;
      },
      Item(key: number | string) {
        rt.call("Worksheets.Item");
        const s =
          typeof key === "number"
            ? rt.sheets[key - 1]
            : rt.sheets.find((x) => x.name.toLowerCase() === String(key).toLowerCase());
        if (!s) throw new FakeEtError(`下标越界：${String(key)}`);
        return rt.worksheet(s);
      },
      Add(before?: { __state?: EtSheetState }, after?: { __state?: EtSheetState }) {
        rt.call("Worksheets.Add");
        if (rt.options.protectStructure) throw new FakeEtError("工作簿受保护，不能更改结构");
        let name = "";
        for (let n = rt.sheets.length + 1; ; n++) {
          name = `Sheet${n}`;
          if (!rt.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) break;
        }
        const s = new EtSheetState({ name }, `Sheet${rt.nextCode++}`);
        const anchor = after?.__state ?? before?.__state;
        const at = anchor ? rt.sheets.indexOf(anchor) + (after?.__state ? 1 : 0) : 0;
        rt.write("addSheet", s);
        rt.sheets.splice(at, 0, s);
        rt.activeSheet = s; // as in Excel, the new sheet becomes active
        return rt.worksheet(s);
      },
    };
  }

  worksheet(s: EtSheetState): unknown {
    const rt = this;
    return {
      __state: s,
      get Name() {
        rt.call("Worksheet.Name");
        return rt.live(s).name;
      },
      set Name(v: string) {
        rt.call("Worksheet.Name=");
        if (!v || v.length > 31 || /[:\\/?*[\]]/.test(v)) throw new FakeEtError(`工作表名称无效：${v}`);
        if (rt.sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase()))
          throw new FakeEtError(`工作表名称已存在：${v}`);
        rt.write("renameSheet", s);
        s.name = v;
      },
      get CodeName() {
        rt.call("Worksheet.CodeName");
        return s.codeName;
      },
      get Visible() {
        rt.call("Worksheet.Visible");
        return s.visible;
      },
      set Visible(v: number) {
        rt.call("Worksheet.Visible=");
        rt.write("visible", s);
        s.visible = v;
      },
      get ProtectContents() {
        rt.call("Worksheet.ProtectContents");
        return s.protectContents;
      },
      get UsedRange() {
        rt.call("Worksheet.UsedRange");
        const u = s.used();
        return rt.range(s, [{ r0: u.r0, c0: u.c0, r1: u.r1, c1: u.c1 }]);
      },
      Range(address: string) {
        rt.call("Worksheet.Range");
        const boxes = String(address).split(",").map((a) => parseBox(a.trim()));
        return rt.range(rt.live(s), boxes);
      },
      Activate() {
        rt.call("Worksheet.Activate");
        rt.activeSheet = rt.live(s);
      },
      Delete() {
        rt.call("Worksheet.Delete");
        if (s.visible === 2) throw new FakeEtError("不能删除深度隐藏的工作表");
        if (rt.displayAlerts) throw new FakeEtError("删除工作表需要用户确认（DisplayAlerts 未关闭）");
        rt.write("deleteSheet", s);
        rt.sheets.splice(rt.sheets.indexOf(s), 1);
        if (rt.activeSheet === s) rt.activeSheet = rt.sheets[0];
      },
      get Shapes() {
        rt.call("Worksheet.Shapes");
        return {
          AddChart2(_style: number, type: number) {
            rt.call("Shapes.AddChart2");
            rt.write("addChart", s);
            const chart: EtSheetState["charts"][number] = { type, source: "", plotBy: 0 };
            s.charts.push(chart);
            return {
              get Chart() {
                rt.call("Shape.Chart");
                return {
                  SetSourceData(src: { __boxes?: Box[] }, plotBy: number) {
                    rt.call("Chart.SetSourceData");
                    chart.source = (src.__boxes ?? []).map((b) => boxText(b)).join(",");
                    chart.plotBy = plotBy;
                  },
                  set HasTitle(_v: boolean) {
                    rt.call("Chart.HasTitle=");
                  },
                  get ChartTitle() {
                    rt.call("Chart.ChartTitle");
                    return {
                      set Text(t: string) {
                        rt.call("ChartTitle.Text=");
                        chart.title = t;
                      },
                    };
                  },
                };
              },
            };
          },
        };
      },
    };
  }

  range(s: EtSheetState, boxes: Box[]): unknown {
    const rt = this;
    const first = boxes[0]!;
    const cellsIn = (areas: readonly Box[], f: (r: number, c: number) => void) => {
      for (const b of areas)
        for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) f(r, c);
    };
    const cellsOf = (f: (r: number, c: number) => void) => cellsIn(boxes, f);
    const count = boxes.reduce((n, b) => n + (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1), 0);
    /** One value when every cell of `areas` agrees, else null (as ET answers for mixed ranges). */
    const uniformOver = <T>(areas: readonly Box[], get: (r: number, c: number) => T): T | null => {
      let out: T | undefined;
      let mixed = false;
      cellsIn(areas, (r, c) => {
        const v = get(r, c);
        if (out === undefined) out = v;
        else if (v !== out) mixed = true;
      });
      return mixed || out === undefined ? null : out;
    };
    const uniform = <T>(get: (r: number, c: number) => T): T | null => uniformOver(boxes, get);
    const address = boxes.map(boxText).join(",");
    const setFill = (f: (x: EtFill) => void) => {
      rt.write("fill", s, address);
      cellsOf((r, c) => {
        const x = s.fill(r, c);
        f(x);
        if (x.pattern === -4142) s.fills.delete(r * STRIDE + c);
        else s.fills.set(r * STRIDE + c, x);
      });
    };
    const writeCell = (r: number, c: number, v: unknown) => {
      s.formulas.delete(r * STRIDE + c);
      if (typeof v === "string") {
        if (v.startsWith("'")) return s.setCell(r, c, v.slice(1)); // the text prefix
        if (v.startsWith("=") && s.format(r, c) !== "@") {
          s.formulas.set(r * STRIDE + c, v);
          return s.setCell(r, c, null);
        }
        return s.setCell(r, c, v === "" ? null : v);
      }
      if (v === undefined || v === null) return s.setCell(r, c, null);
      if (typeof v === "number" || typeof v === "boolean") return s.setCell(r, c, v);
      throw new FakeEtError(`不支持的值：${String(v)}`);
    };
    const valueOut = (v: FakeCell): unknown => {
      if (v === null || v === undefined || v === "") return undefined;
      if (typeof v === "object")
        return rt.options.errorValue2 === "string"
          ? v.error
          : (ERROR_CODES[v.error] ?? ERROR_CODES["#VALUE!"]);
      return v;
    };
    return {
      __boxes: boxes,
      get Row() {
        rt.call("Range.Row");
        return first.r0 + 1;
      },
      get Column() {
        rt.call("Range.Column");
        return first.c0 + 1;
      },
      get Rows() {
        rt.call("Range.Rows");
        return {
          get Count() {
            rt.call("Rows.Count");
            return first.r1 - first.r0 + 1;
          },
        };
      },
      get Columns() {
        rt.call("Range.Columns");
        return {
          get Count() {
            rt.call("Columns.Count");
            return first.c1 - first.c0 + 1;
          },
          AutoFit() {
            rt.call("Columns.AutoFit");
          },
        };
      },
      get Left() {
        rt.call("Range.Left");
        return first.c0 * 54;
      },
      get Top() {
        rt.call("Range.Top");
        return first.r0 * 13.5;
      },
      get Width() {
        rt.call("Range.Width");
        return (first.c1 - first.c0 + 1) * 54;
      },
      get Height() {
        rt.call("Range.Height");
        return (first.r1 - first.r0 + 1) * 13.5;
      },
      get Value2() {
        rt.call("Range.Value2", count);
        rt.stats.cellsRead += count;
        if (boxes.length > 1) throw new FakeEtError("多重选定区域不能读取 Value2");
        if (count === 1) return valueOut(s.cell(first.r0, first.c0));
        const out: unknown[][] = [];
        for (let r = first.r0; r <= first.r1; r++) {
          const row = new Array<unknown>(first.c1 - first.c0 + 1);
          for (let c = first.c0; c <= first.c1; c++) row[c - first.c0] = valueOut(s.cell(r, c));
          out.push(row);
        }
        return out;
      },
      set Value2(v: unknown) {
        rt.call("Range.Value2=", count);
        rt.write("values", s, address);
        if (Array.isArray(v)) {
          for (let r = first.r0; r <= first.r1; r++)
            for (let c = first.c0; c <= first.c1; c++) {
              const row = (v as unknown[][])[r - first.r0];
              writeCell(r, c, Array.isArray(row) ? row[c - first.c0] : undefined);
            }
        } else cellsOf((r, c) => writeCell(r, c, v));
      },
      get Text() {
        rt.call("Range.Text");
        const v = s.cell(first.r0, first.c0);
        if (v === null || v === undefined) return "";
        return typeof v === "object" ? v.error : String(v);
      },
      get NumberFormat() {
        rt.call("Range.NumberFormat", count);
        const f = uniform((r, c) => s.format(r, c));
        const mixed = rt.options.mixedNumberFormat ?? "null";
        if (f !== null || mixed === "null") return f;
        return mixed === "general" ? "G/通用格式" : s.format(first.r0, first.c0);
      },
      set NumberFormat(f: unknown) {
        rt.call("Range.NumberFormat=");
        rt.write("numberFormat", s, address);
        cellsOf((r, c) => s.setFormat(r, c, String(f)));
      },
      set Formula(f: string) {
        rt.call("Range.Formula=");
        rt.write("formula", s, address);
        cellsOf((r, c) => {
          if (String(f).startsWith("=")) {
            s.formulas.set(r * STRIDE + c, String(f));
            s.setCell(r, c, null);
          } else writeCell(r, c, f);
        });
      },
      get Font() {
        rt.call("Range.Font");
        return {
          set Bold(v: boolean) {
            rt.call("Font.Bold=");
            rt.write("bold", s, address);
            cellsOf((r, c) => (v ? s.bold.add(r * STRIDE + c) : s.bold.delete(r * STRIDE + c)));
          },
        };
      },
      get Validation() {
        rt.call("Range.Validation");
        return {
          Add(type: number, _alert?: number, _op?: number, formula1?: string) {
            rt.call("Validation.Add");
            rt.write("validation", s, address);
            s.validations.push({ address, type, formula1: String(formula1 ?? "") });
          },
          Delete() {
            rt.call("Validation.Delete");
          },
        };
      },
      get Interior() {
        rt.call("Range.Interior");
        const prop = <K extends keyof EtFill>(k: K) => ({
          get: () => {
            rt.call(`Interior.${k[0]!.toUpperCase()}${k.slice(1)}`);
            const areas = rt.options.multiAreaInterior === "first" ? [first] : boxes;
            return uniformOver(areas, (r, c) => s.fill(r, c)[k]);
          },
          set: (v: number) => {
            rt.call(`Interior.${k[0]!.toUpperCase()}${k.slice(1)}=`);
            setFill((x) => {
              if (k === "pattern" && v === -4142) Object.assign(x, ET_NO_FILL);
              else {
                x[k] = v;
                // giving a colour to a cell without fill makes a solid fill, as in Excel
                if (k === "color" && x.pattern === -4142) x.pattern = 1;
              }
            });
          },
        });
        const color = prop("color");
        const pattern = prop("pattern");
        const patternColor = prop("patternColor");
        const tint = prop("tintAndShade");
        const patternTint = prop("patternTintAndShade");
        return {
          get Color() {
            return color.get();
          },
          set Color(v: number | null) {
            color.set(Number(v));
          },
          get Pattern() {
            return pattern.get();
          },
          set Pattern(v: number | null) {
            pattern.set(Number(v));
          },
          get PatternColor() {
            return patternColor.get();
          },
          set PatternColor(v: number | null) {
            patternColor.set(Number(v));
          },
          get TintAndShade() {
            return tint.get();
          },
          set TintAndShade(v: number | null) {
            tint.set(Number(v));
          },
          get PatternTintAndShade() {
            return patternTint.get();
          },
          set PatternTintAndShade(v: number | null) {
            patternTint.set(Number(v));
          },
        };
      },
      Find(what: string, _after?: unknown, _lookIn?: number, _lookAt?: number, order = 1, direction = 1) {
        rt.call("Range.Find");
        if (rt.options.find === false) throw new FakeEtError("不支持 Find");
        if (what !== "*" || direction !== 2) throw new FakeEtError("fake ET: only Find(\"*\", …, xlPrevious)");
        let best: [number, number] | undefined;
        cellsOf((r, c) => {
          const v = s.cell(r, c);
          if ((v === null || v === "") && !s.formulas.has(r * STRIDE + c)) return;
          const later =
            !best ||
            (order === 2 ? c > best[1] || (c === best[1] && r > best[0]) : r > best[0] || (r === best[0] && c > best[1]));
          if (later) best = [r, c];
        });
        return best ? rt.range(s, [{ r0: best[0], c0: best[1], r1: best[0], c1: best[1] }]) : null;
      },
      Select() {
        rt.call("Range.Select");
        if (rt.activeSheet !== s) throw new FakeEtError("Range 类的 Select 方法无效（工作表未激活）");
        rt.selection = { sheet: s.name, address };
      },
    };
  }
}

function boxText(b: Box): string {
  const a = cellAddress(b.r0, b.c0);
  const z = cellAddress(b.r1, b.c1);
  return a === z ? a : `${a}:${z}`;
}

/**
 * Installs `Application` (and `wps`) on `target` — globalThis in tests, `window` in a page — and
 * returns the runtime to inspect; `uninstall()` restores what was there.
 */
export function installFakeEt(
  target: object,
  options: FakeEtOptions = {}
): FakeEtRuntime & { uninstall: () => void } {
  const rt = new FakeEtRuntime(options);
  const t = target as Record<string, unknown>;
  const before = { Application: t.Application, wps: t.wps };
  t.Application = rt.Application;
  t.wps = { EtApplication: () => rt.Application };
  return Object.assign(rt, { uninstall: () => void Object.assign(t, before) });
}
