/**
 * The part of WPS 表格's ET object model (its JavaScript add-in API, `window.Application`) that
 * this host uses, typed from Kingsoft's typings `et-jsapi-declare` 2.5.0 (lib.et.d.ts,
 * index.d.ts) and the `wpsjs` 2.2.3 templates. It follows Excel's VBA model: collections are
 * 1-based, every property read or method call is one synchronous call into WPS, colours are BGR
 * numbers (0xBBGGRR). Three answers that the typings leave as `any` and no WPS source settles
 * are read in every form they might take: a formula error in `Value2` (VBA's number −2146826281
 * for #DIV/0!, or the string; values.ts), `NumberFormat` of a range whose cells differ (VBA's
 * `null`, or a string: checked, read.ts), and `Interior` of a multi-area range (never read,
 * marks.ts).
 *
 * Not verified in a real WPS here (none runs on this build machine): see docs/install.md, "WPS 表格".
 */

export interface EtApplication {
  readonly ActiveWorkbook: EtWorkbook | null | undefined;
  readonly ActiveWindow?: EtWindow | null;
  readonly ActiveSheet?: EtWorksheet | null;
  DisplayAlerts?: boolean;
  CreateTaskPane?(url: string, title?: string): EtTaskPane;
  GetTaskPane?(id: number): EtTaskPane | null | undefined;
  readonly PluginStorage?: EtPluginStorage;
}

export interface EtWorkbook {
  readonly Name?: string;
  readonly Worksheets: EtSheets;
  /** Absent or failing on WPS builds without custom XML part support (then a hidden sheet). */
  readonly CustomXMLParts?: EtCustomXmlParts;
  readonly ProtectStructure?: boolean;
}

export interface EtSheets {
  readonly Count: number;
  /** 1-based index, or a sheet name. */
  Item(index: number | string): EtWorksheet;
  Add(before?: unknown, after?: unknown, count?: number, type?: number): EtWorksheet;
}

export interface EtWorksheet {
  Name: string;
  /** Stays the same when the user renames the sheet (`Sheet3`). */
  readonly CodeName?: string;
  /** -1 visible, 0 hidden, 2 very hidden (xlSheetVeryHidden). */
  Visible: number;
  readonly ProtectContents?: boolean;
  readonly UsedRange: EtRange;
  Range(address: string): EtRange;
  Activate(): unknown;
  Delete(): unknown;
  readonly Shapes: EtShapes;
}

export interface EtRange {
  Value2: unknown;
  /** A string; null when the cells of the range differ in VBA (not settled for WPS: read.ts). */
  NumberFormat: unknown;
  Formula: unknown;
  readonly Text: unknown;
  /** 1-based row and column of the first cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Rows: { readonly Count: number };
  readonly Columns: { readonly Count: number; AutoFit(): unknown };
  readonly Interior: EtInterior;
  readonly Font: { Bold: unknown };
  readonly Validation: EtValidation;
  readonly Left: number;
  readonly Top: number;
  readonly Width: number;
  readonly Height: number;
  Select(): unknown;
  /** The VBA idiom for the last used cell: Find("*", …, xlPrevious); null when nothing is found. */
  Find(
    what: string,
    after?: unknown,
    lookIn?: number,
    lookAt?: number,
    searchOrder?: number,
    searchDirection?: number
  ): EtRange | null | undefined;
}

export interface EtInterior {
  /** BGR (0xBBGGRR). */
  Color: unknown;
  /** XlPattern: −4142 none, 1 solid, … */
  Pattern: unknown;
  PatternColor: unknown;
  TintAndShade: unknown;
  PatternTintAndShade: unknown;
}

export interface EtValidation {
  Add(type: number, alertStyle?: number, operator?: number, formula1?: string): unknown;
  Delete(): unknown;
}

export interface EtShapes {
  AddChart2(
    style?: number,
    chartType?: number,
    left?: number,
    top?: number,
    width?: number,
    height?: number
  ): { readonly Chart: EtChart };
}

export interface EtChart {
  SetSourceData(source: EtRange, plotBy?: number): unknown;
  HasTitle: boolean;
  readonly ChartTitle: { Text: string };
}

export interface EtCustomXmlParts {
  readonly Count: number;
  Add(xml: string): EtCustomXmlPart;
  SelectByNamespace(ns: string): { readonly Count: number; Item(index: number): EtCustomXmlPart };
}

export interface EtCustomXmlPart {
  readonly Id: string;
  readonly XML: string;
  Delete(): unknown;
}

export interface EtWindow {
  SplitRow: number;
  SplitColumn: number;
  FreezePanes: boolean;
}

export interface EtTaskPane {
  readonly ID: number;
  Visible: boolean;
  DockPosition: number;
  Width: number;
  Delete(): unknown;
}

export interface EtPluginStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: string | number | boolean): void;
  removeItem(key: string): void;
}

/** Constants of the ET model used here (XlSheetVisibility, XlDVType, XlChartType …). */
export const ET = Object.freeze({
  xlSheetVisible: -1,
  xlSheetVeryHidden: 2,
  xlNone: -4142,
  xlPatternSolid: 1,
  xlValidateList: 3,
  xlValidAlertStop: 1,
  xlBetween: 1,
  xlColumnClustered: 51,
  // XlChartType.xlLine = 4, XlRowCol.xlRows = 1, the PlotBy of SetSourceData that makes a series
  // of each row (ET mirrors Excel's object model:
  // https://learn.microsoft.com/dotnet/api/microsoft.office.interop.excel.xlcharttype,
  // https://learn.microsoft.com/office/vba/api/excel.xlrowcol)
  xlLine: 4,
  xlColumns: 2,
  xlRows: 1,
  msoCTPDockPositionRight: 2,
  xlFormulas: -4123,
  xlPart: 2,
  xlByRows: 1,
  xlByColumns: 2,
  xlPrevious: 2,
});

/**
 * The ET application of the page WPS opened, or undefined outside WPS: `window.Application`
 * (WPS 2019 and later) or `wps.EtApplication()` (older builds).
 */
export function findEtApplication(g: object): EtApplication | undefined {
  const w = g as { Application?: unknown; wps?: { EtApplication?: () => unknown } };
  try {
    const app = w.Application as { ActiveWorkbook?: unknown; Worksheets?: unknown } | undefined;
    // a bridged object may not answer `in`: reading the property is the test (null = no document)
    if (
      app &&
      typeof app === "object" &&
      ("ActiveWorkbook" in app || app.ActiveWorkbook !== undefined)
    )
      return app as EtApplication;
    const legacy = typeof w.wps?.EtApplication === "function" ? w.wps.EtApplication() : undefined;
    if (legacy && typeof legacy === "object") return legacy as EtApplication;
  } catch {
    return undefined;
  }
  return undefined;
}
