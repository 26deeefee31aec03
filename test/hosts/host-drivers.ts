/**
 * The two hosts on their fakes behind one interface, so that one host test suite
 * (host-contract.test.ts) runs against both: the Office host on the fake Excel
 * (test/fakes/fake-excel.ts) and the WPS host on the fake ET (test/fakes/fake-et.ts) — the
 * latter twice, keeping its marks in a custom XML part and, where WPS has none, in a hidden sheet.
 * Everything is seen in host-neutral terms: fills as `#RRGGBB` + pattern name, charts as
 * clustered-column or not, drop-down lists as their comma-separated source.
 */
import { afterEach } from "vitest";
import type { WorkbookHost } from "../../src/hosts/host";
import { createOfficeHost } from "../../src/hosts/office";
import { createWpsHost, STORE_SHEET, type EtApplication } from "../../src/hosts/wps";
import { NO_FILL, installFakeOffice, type FakeCell, type FakeFill, type FakeSheetSpec } from "../fakes/fake-excel";
import { etFillOf, installFakeEt, neutralFillOf, type FakeEtOptions } from "../fakes/fake-et";

export type NeutralFill = FakeFill;

export interface Workbench {
  readonly host: WorkbookHost;
  /** Document writes so far (selection and activation are not writes). */
  writes(): number;
  /** Sheet names in tab order (the WPS store sheet left out). */
  sheetNames(): string[];
  values(sheet: string): FakeCell[][];
  cell(sheet: string, r: number, c: number): FakeCell;
  format(sheet: string, r: number, c: number): string;
  formulas(sheet: string): string[];
  fill(sheet: string, r: number, c: number): NeutralFill;
  /** Every fill of every sheet, for before/after comparisons. */
  allFills(): string;
  /** The user paints a cell. */
  paint(sheet: string, r: number, c: number, fill: Partial<NeutralFill>): void;
  rename(sheet: string, to: string): void;
  selection(): { sheet: string; address: string } | undefined;
  activeSheet(): string | undefined;
  charts(sheet: string): { clustered: boolean; source: string }[];
  lists(sheet: string): { address: string; source: string }[];
  /** Where marks are kept: custom XML parts of ours plus store sheets. */
  stores(): number;
}

export interface HostDriver {
  readonly name: string;
  open(sheets: readonly FakeSheetSpec[]): Workbench;
}

const STRIDE = 16384;

function officeDriver(): HostDriver {
  let uninstall: (() => void) | undefined;
  afterEach(() => {
    uninstall?.();
    uninstall = undefined;
  });
  return {
    name: "Office host on the fake Excel",
    open(sheets) {
      uninstall?.();
      const f = installFakeOffice(globalThis, { sheets });
      uninstall = f.uninstall;
      return {
        host: createOfficeHost(),
        writes: () => f.writes.length,
        sheetNames: () => f.state.sheets.map((s) => s.name),
        values: (n) => f.sheet(n).values,
        cell: (n, r, c) => f.sheet(n).cell(r, c),
        format: (n, r, c) => f.sheet(n).format(r, c),
        formulas: (n) => [...f.sheet(n).formulas.values()],
        fill: (n, r, c) => f.sheet(n).fill(r, c),
        allFills: () =>
          JSON.stringify(f.state.sheets.map((s) => [s.name, [...s.fills.entries()].sort((a, b) => a[0] - b[0])])),
        paint: (n, r, c, fill) => void f.sheet(n).fills.set(r * STRIDE + c, { ...NO_FILL, ...fill }),
        rename: (n, to) => void (f.sheet(n).name = to),
        selection: () => f.state.selection,
        activeSheet: () => f.state.sheets.find((s) => s.id === f.state.activeSheetId)?.name,
        charts: (n) => f.sheet(n).charts.map((c) => ({ clustered: c.type === "ColumnClustered", source: c.source })),
        lists: (n) =>
          f.sheet(n).validations.map((v) => ({
            address: v.address,
            source: (v.rule as { list?: { source?: string } }).list?.source ?? "",
          })),
        stores: () => f.state.customXmlParts.length,
      };
    },
  };
}

function wpsDriver(options: FakeEtOptions, label: string): HostDriver {
  let uninstall: (() => void) | undefined;
  afterEach(() => {
    uninstall?.();
    uninstall = undefined;
  });
  return {
    name: `WPS host on the fake ET (${label})`,
    open(sheets) {
      uninstall?.();
      const f = installFakeEt(globalThis, { ...options, sheets });
      uninstall = f.uninstall;
      const app = (globalThis as unknown as { Application: EtApplication }).Application;
      return {
        host: createWpsHost(app),
        writes: () => f.writes.length,
        sheetNames: () => f.sheets.filter((s) => s.name !== STORE_SHEET).map((s) => s.name),
        values: (n) => f.sheet(n).values,
        cell: (n, r, c) => f.sheet(n).cell(r, c),
        format: (n, r, c) => f.sheet(n).format(r, c),
        formulas: (n) => [...f.sheet(n).formulas.values()],
        fill: (n, r, c) => neutralFillOf(f.sheet(n).fill(r, c)),
        allFills: () =>
          JSON.stringify(
            f.sheets
              .filter((s) => s.name !== STORE_SHEET)
              .map((s) => [s.name, [...s.fills.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => [k, neutralFillOf(v)])])
          ),
        paint: (n, r, c, fill) => void f.sheet(n).fills.set(r * STRIDE + c, etFillOf(fill)),
        rename: (n, to) => void (f.sheet(n).name = to),
        selection: () => f.selection,
        activeSheet: () => f.activeSheet?.name,
        charts: (n) => f.sheet(n).charts.map((c) => ({ clustered: c.type === 51, source: c.source })),
        lists: (n) => f.sheet(n).validations.filter((v) => v.type === 3).map((v) => ({ address: v.address, source: v.formula1 })),
        stores: () => f.customXmlParts.length + f.sheets.filter((s) => s.name === STORE_SHEET).length,
      };
    },
  };
}

/** Every host driver; call at the top level of a test file (registers the uninstall hooks). */
export function hostDrivers(): HostDriver[] {
  return [
    officeDriver(),
    wpsDriver({}, "custom XML part"),
    wpsDriver({ customXmlParts: false }, "no custom XML parts: hidden sheet"),
  ];
}
