/**
 * 标记问题单元格 / 清除标记 on Excel as it really behaves: worksheet ids that change when the
 * workbook is reopened, two stores of our namespace, gradient fills the API cannot read or write,
 * the mark as this Excel reads it back, and an Excel with fewer requirement sets (ExcelApi 1.1:
 * no custom XML parts, fill colour only; 1.8: fill colour only).
 */
import { describe, expect, it } from "vitest";
import { useFakeOffice, type InstalledFake } from "./office-fixture";
import {
  clearMarksInExcel,
  fillKind,
  isOurMark,
  locateEntries,
  markIssuesInExcel,
  marksRestoreExactly,
  MARK_COLORS,
  MARKS_NAMESPACE,
  parseStore,
  storeXml,
} from "../../src/hosts/office/marks";
import { NO_FILL, type FakeFill, type FakeOfficeOptions } from "../fakes/fake-excel";
import type { Issue } from "../../src/core/issues";

const install = useFakeOffice();

const RULE = { rule: "G-02", code: "required-blank", explained: false } as const;
const issue = (cell: string, severity: Issue["severity"] = "error", sheet = "表1"): Issue => ({
  ...RULE,
  severity,
  sheet,
  cell,
});

const FILLS: Record<string, Partial<FakeFill>> = {
  B2: { color: "#00B050", pattern: "Solid" },
  C3: { color: "#FFFF00", pattern: "Gray50", patternColor: "#FF0000", tintAndShade: 0.4 },
};

function open(options: Partial<FakeOfficeOptions> = {}, fills = FILLS): InstalledFake {
  return install({
    ...options,
    sheets: [
      {
        name: "表1",
        values: [
          ["a", "b", "c"],
          [1, 2, 3],
          [4, 5, 6],
        ],
        fills,
      },
      { name: "其他", values: [["x"]] },
    ],
  });
}

const allFills = (f: InstalledFake) =>
  JSON.stringify(f.state.sheets.map((s) => [s.name, [...s.fills.entries()].sort()]));
const parts = (f: InstalledFake) => f.state.customXmlParts.filter((p) => p.ns === MARKS_NAMESPACE);

describe("marks survive closing and reopening the workbook (new worksheet ids)", () => {
  it("清除标记 after a reopen puts the original fills back", async () => {
    const f = open();
    const before = allFills(f);
    const ids = f.state.sheets.map((s) => s.id);
    await markIssuesInExcel([issue("A1"), issue("B2", "warning"), issue("A1", "error", "其他")]);
    f.reopen();
    expect(f.state.sheets.map((s) => s.id).some((id) => ids.includes(id))).toBe(false);
    expect(await clearMarksInExcel()).toBe(3);
    expect(allFills(f)).toBe(before);
    expect(parts(f)).toHaveLength(0);
  });

  it("marking again after a reopen restores the marks no longer needed", async () => {
    const f = open();
    await markIssuesInExcel([issue("A1"), issue("B2")]);
    f.reopen();
    await markIssuesInExcel([issue("B2")]);
    expect(f.sheet("表1").fill(0, 0)).toEqual(NO_FILL);
    expect(f.sheet("表1").fill(1, 1).color).toBe(MARK_COLORS.error);
    await clearMarksInExcel();
    expect(f.sheet("表1").fill(1, 1)).toEqual({ ...NO_FILL, ...FILLS.B2 });
  });
});

describe("two stores of our namespace (a copied workbook, two panes)", () => {
  /** Marks `first`, keeps that store, clears, marks `second`, then puts the first store back. */
  async function twoStores(f: InstalledFake): Promise<void> {
    await markIssuesInExcel([issue("A1")]);
    const first = { ...parts(f)[0]! };
    const a1 = f.sheet("表1").fill(0, 0);
    await clearMarksInExcel();
    await markIssuesInExcel([issue("B2", "warning")]);
    f.state.customXmlParts.push({ ...first, id: "{copied}" });
    f.sheet("表1").fills.set(0, a1); // A1 still carries the mark of the first store
    expect(parts(f)).toHaveLength(2);
  }

  it("清除标记 reads both and restores every cell", async () => {
    const f = open();
    const before = allFills(f);
    await twoStores(f);
    expect(await clearMarksInExcel()).toBe(2);
    expect(allFills(f)).toBe(before);
    expect(parts(f)).toHaveLength(0);
  });

  it("marking merges them into one store", async () => {
    const f = open();
    const before = allFills(f);
    await twoStores(f);
    await markIssuesInExcel([issue("A1"), issue("C3")]);
    expect(parts(f)).toHaveLength(1);
    expect(f.sheet("表1").fill(1, 1)).toEqual({ ...NO_FILL, ...FILLS.B2 }); // no longer wanted
    await clearMarksInExcel();
    expect(allFills(f)).toBe(before);
  });
});

describe.each(["answers", "fails"] as const)(
  "a gradient fill (reading it %s)",
  (gradientFillRead) => {
    const gradient = { color: "#5B9BD5", pattern: "LinearGradient" };
    it("is left unmarked, the others are marked, and the action says so", async () => {
      const f = open({ gradientFillRead }, { ...FILLS, C3: gradient });
      const before = allFills(f);
      const result = await markIssuesInExcel([issue("A1"), issue("C3"), issue("B2", "warning")]);
      expect(result).toMatchObject({ marked: 2, unmarked: 1 });
      expect(result.note).toMatch(/^有1个单元格是渐变.*未作标记。请/);
      expect(f.sheet("表1").fill(2, 2)).toEqual({ ...NO_FILL, ...gradient });
      expect(f.sheet("表1").fill(0, 0).color).toBe(MARK_COLORS.error);
      expect(await clearMarksInExcel()).toBe(2);
      expect(allFills(f)).toBe(before);
    });

    it("a mark the user replaced by a gradient stays as the user left it", async () => {
      const f = open({ gradientFillRead });
      await markIssuesInExcel([issue("A1"), issue("B2")]);
      f.sheet("表1").fills.set(0, { ...NO_FILL, ...gradient });
      expect(await clearMarksInExcel()).toBe(1);
      expect(f.sheet("表1").fill(0, 0)).toEqual({ ...NO_FILL, ...gradient });
      expect(f.sheet("表1").fill(1, 1)).toEqual({ ...NO_FILL, ...FILLS.B2 });
    });
  }
);

describe("our mark is recognised as this Excel read it back", () => {
  it("a mark whose shade the user changed is left alone", async () => {
    const f = open();
    await markIssuesInExcel([issue("A1"), issue("B2")]);
    const a1 = f.sheet("表1").fill(0, 0);
    f.sheet("表1").fills.set(0, { ...a1, tintAndShade: -0.25 }); // same colour, darker
    expect(await clearMarksInExcel()).toBe(1);
    expect(f.sheet("表1").fill(0, 0).tintAndShade).toBe(-0.25);
  });

  it("marking stays one sync per chunk: store, paint and read back add no round", async () => {
    const f = open();
    await markIssuesInExcel([issue("A1")]);
    f.resetStats();
    await markIssuesInExcel([issue("A1"), issue("B2")]);
    // read: sheets+store list, store text, fills; save: list, write; paint+read back: 1
    expect(f.stats.syncs).toBeLessThanOrEqual(6);
    expect(f.stats.leftoverActions).toBe(0);
  });
});

describe.each([
  { excelApi: "1.1", exact: false, store: "settings" },
  { excelApi: "1.8", exact: false, store: "part" },
  { excelApi: undefined, exact: true, store: "part" },
])("an Excel with ExcelApi $excelApi", ({ excelApi, exact, store }) => {
  it(`marks, survives a reopen and restores ${exact ? "exactly" : "the colour"}`, async () => {
    const f = open(excelApi ? { excelApi } : {});
    const before = allFills(f);
    const result = await markIssuesInExcel([issue("A1"), issue("B2"), issue("C3", "warning")]);
    expect(marksRestoreExactly()).toBe(exact);
    expect(result.marked).toBe(3);
    if (exact) expect(result.note).toBeUndefined();
    else expect(result.note).toMatch(/只能.*颜色.*请/);
    expect(f.sheet("表1").fill(1, 1).color).toBe(MARK_COLORS.error);
    expect(parts(f)).toHaveLength(store === "part" ? 1 : 0);
    expect(Object.keys(f.state.savedSettings)).toHaveLength(store === "settings" ? 1 : 0);
    f.reopen();
    expect(await clearMarksInExcel()).toBe(3);
    expect(f.sheet("表1").fill(0, 0)).toEqual(NO_FILL); // #FFFFFF as read: No Fill again
    expect(f.sheet("表1").fill(1, 1)).toEqual({ ...NO_FILL, ...FILLS.B2 });
    if (exact) expect(allFills(f)).toBe(before);
    else expect(f.sheet("表1").fill(2, 2)).toMatchObject({ color: "#FFFF00", pattern: "Solid" });
    expect(parts(f)).toHaveLength(0);
    expect(f.state.savedSettings).toEqual({});
  });
});

describe("the store and the mark, pure", () => {
  const fill = (color: string, pattern: string | null, tint: number | null) => ({
    color,
    pattern,
    patternColor: pattern ? "#000000" : null,
    tintAndShade: tint,
    patternTintAndShade: tint,
  });
  const entry = (sheetId: string, sheet: string | undefined, color = "#00B050") => ({
    sheetId,
    ...(sheet !== undefined ? { sheet } : {}),
    address: "A1",
    mark: "error" as const,
    original: fill(color, "Solid", 0),
  });

  it("reads version 1 stores (id only) and writes version 2 with names, kinds and the seen marks", () => {
    const v1 = `<marks xmlns="${MARKS_NAMESPACE}">{"v":1,"cells":[["{S1}","B2","warning","#00B050","Solid","#000000",0,0]]}</marks>`;
    expect(parseStore(v1)).toEqual({
      entries: [{ ...entry("{S1}", undefined), address: "B2", mark: "warning" }],
      seen: {},
    });
    const seen = { error: fill(MARK_COLORS.error, "Solid", 0) };
    const v2 = [{ ...entry("{S1}", "表1"), kind: "solid" as const }];
    expect(parseStore(storeXml(v2, seen))).toEqual({ entries: v2, seen });
  });

  it("finds an entry's sheet by id, by name after a reopen, and prefers the name when ids were reshuffled", () => {
    const sheets = [
      { id: "{N1}", name: "表1" },
      { id: "{S1}", name: "表2" }, // after a reopen 表2 got the id 表1 had
    ];
    const located = locateEntries(
      [[entry("{S1}", "表1"), entry("{S9}", "表2"), entry("{N1}", undefined)]],
      sheets
    );
    expect(located.map((e) => [e.sheetId, e.sheet])).toEqual([
      ["{N1}", "表1"],
      ["{S1}", "表2"],
    ]);
    // renamed within a session: the id is there, the old name is not
    expect(locateEntries([[entry("{N1}", "旧名")]], sheets)[0]?.sheet).toBe("表1");
    // gone: neither id nor name
    expect(locateEntries([[entry("{X}", "删掉的表")]], sheets)).toEqual([]);
  });

  it("merging two stores keeps the original that is not our own mark", () => {
    const sheets = [{ id: "{S1}", name: "表1" }];
    const ours = entry("{S1}", "表1", MARK_COLORS.error);
    const real = entry("{S1}", "表1", "#00B050");
    expect(locateEntries([[ours], [real]], sheets)[0]?.original.color).toBe("#00B050");
    expect(locateEntries([[real], [ours]], sheets)[0]?.original.color).toBe("#00B050");
  });

  it("fill kinds and the mark as read back", () => {
    expect(fillKind(fill("#FFFFFF", null, null), true)).toBe("none");
    expect(fillKind(fill("#FFFFFF", null, 0), true)).toBe("solid");
    expect(fillKind(fill("#FFFF00", "Gray50", 0), true)).toBe("pattern");
    expect(fillKind(fill("#5B9BD5", "RectangularGradient", 0), true)).toBe("gradient");
    expect(fillKind(fill("#FFFFFF", null, null), false)).toBe("none");
    expect(fillKind(fill("#00B050", null, null), false)).toBe("colour");
    const seen = { error: fill(MARK_COLORS.error, "Solid", 0) };
    expect(isOurMark(fill("#ffc7ce", "Solid", 0), "error", seen, true)).toBe(true);
    expect(isOurMark(fill(MARK_COLORS.error, "Solid", 0.4), "error", seen, true)).toBe(false);
    expect(isOurMark(fill(MARK_COLORS.error, null, 0), "error", {}, true)).toBe(true); // no record: assumed form
    expect(isOurMark(fill(MARK_COLORS.error, null, null), "error", seen, false)).toBe(true); // colour only
    expect(isOurMark(fill(MARK_COLORS.warning, "Solid", 0), "error", seen, true)).toBe(false);
  });
});

describe("the store in the document settings (below ExcelApi 1.5)", () => {
  it("an Excel with custom XML parts finds it, clears the marks and removes it", async () => {
    const old = open({ excelApi: "1.1" });
    await markIssuesInExcel([issue("A1"), issue("B2")]);
    const f = open();
    for (const s of f.state.sheets) {
      const was = old.state.sheets.find((o) => o.name === s.name)!;
      for (const [k, v] of was.fills) s.fills.set(k, v);
    }
    f.state.savedSettings = old.state.savedSettings;
    f.reopen();
    expect(await clearMarksInExcel()).toBe(2);
    expect(f.sheet("表1").fill(0, 0)).toEqual(NO_FILL);
    expect(f.sheet("表1").fill(1, 1)).toEqual({ ...NO_FILL, ...FILLS.B2 });
    expect(f.state.savedSettings).toEqual({});
  });

  it("a store that cannot be saved leaves every cell as it was", async () => {
    const f = open({ excelApi: "1.1" });
    const before = allFills(f);
    const settings = (f.Office.context as { document: { settings: Record<string, unknown> } })
      .document.settings;
    settings.saveAsync = (cb: (r: unknown) => void) =>
      cb({ status: "failed", error: { message: "Settings exceed the size limit." } });
    await expect(markIssuesInExcel([issue("A1")])).rejects.toThrow(
      /^标记记录无法保存到工作簿（Settings exceed the size limit\.），没有标记任何单元格。请/
    );
    expect(allFills(f)).toBe(before);
  });
});
