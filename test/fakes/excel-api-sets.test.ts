/**
 * The fake Excel's table of ExcelApi sets is the one in @types/office-js, and the fake refuses
 * (ApiNotFound at the next sync) every member it implements above the set it declares — and
 * only those.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FAKE_CLASSES, parseExcelApiSets, tableSource } from "./excel-api-sets-parse";
import { EXCEL_API_SETS } from "./excel-api-sets.generated";
import { versionAbove } from "./excel-api-gate";
import { FakeOfficeRuntime, type FakeContext } from "./fake-excel";

const DTS = join(__dirname, "../../node_modules/@types/office-js/index.d.ts");

describe("the table of ExcelApi sets", () => {
  it("is generated from the JSDoc of @types/office-js", async () => {
    const table = parseExcelApiSets(readFileSync(DTS, "utf8"), FAKE_CLASSES);
    await expect(tableSource(table)).toMatchFileSnapshot("./excel-api-sets.generated.ts");
  });

  it("has the sets of the members the add-in relies on", () => {
    expect(EXCEL_API_SETS.Worksheet!.getUsedRangeOrNullObject).toBe("1.4 Range");
    expect(EXCEL_API_SETS.Worksheet!.getUsedRange).toBe("1.1 Range");
    expect(EXCEL_API_SETS.WorksheetCollection!.getItemOrNullObject).toBe("1.4 Worksheet");
    expect(EXCEL_API_SETS.WorksheetCollection!.getFirst).toBe("1.5 Worksheet");
    expect(EXCEL_API_SETS.WorksheetCollection!.onChanged).toBe("1.9");
    expect(EXCEL_API_SETS.Range!.dataValidation).toBe("1.8 DataValidation");
    expect(EXCEL_API_SETS.RangeFill!.pattern).toBe("1.9");
    expect(EXCEL_API_SETS.RangeAreas!.select).toBe("1.18");
    expect(EXCEL_API_SETS.Workbook!.customXmlParts).toBe("1.5 CustomXmlPartCollection");
  });
});

/** An object of each class the fake implements, reached the way the add-in reaches it. */
const REACH: Record<string, (ctx: FakeContext) => object> = {
  Workbook: (c) => c.workbook,
  WorksheetCollection: (c) => c.workbook.worksheets,
  Worksheet: (c) => c.workbook.worksheets.getItem("表1"),
  Range: (c) => c.workbook.worksheets.getItem("表1").getRange("A1"),
  RangeFormat: (c) => c.workbook.worksheets.getItem("表1").getRange("A1").format,
  RangeFill: (c) => c.workbook.worksheets.getItem("表1").getRange("A1").format.fill,
  RangeFont: (c) => c.workbook.worksheets.getItem("表1").getRange("A1").format.font,
  RangeAreas: (c) => c.workbook.worksheets.getItem("表1").getRanges("A1,B2"),
  ChartCollection: (c) => c.workbook.worksheets.getItem("表1").charts,
  CustomXmlPartCollection: (c) => c.workbook.customXmlParts,
};

/** Every property name of an object and its prototypes (the fake's members). */
function names(o: object): string[] {
  const out = new Set<string>();
  for (
    let p: object | null = o;
    p && p !== Object.prototype;
    p = Object.getPrototypeOf(p) as object | null
  )
    for (const k of Object.getOwnPropertyNames(p)) if (k !== "constructor") out.add(k);
  return [...out];
}

/** Uses a member as the add-in would: calls it, loads and sets it, or uses what it leads to. */
function touch(o: Record<string, unknown>, name: string): void {
  const attempt = (f: () => unknown) => {
    try {
      f();
    } catch {
      /* the fake may refuse the arguments at once; the gate has queued its refusal before */
    }
  };
  let value: unknown;
  attempt(() => (value = o[name]));
  if (typeof value === "function") attempt(() => (value as () => unknown).call(o));
  else if (value !== null && typeof value === "object") {
    const nested = value as Record<string, unknown>;
    for (const k of names(nested)) {
      const d = Object.getOwnPropertyDescriptor(nested, k);
      if (d?.set) attempt(() => (nested[k] = undefined));
      else if (!d?.get && typeof nested[k] === "function")
        attempt(() => (nested[k] as () => unknown).call(nested));
    }
  } else {
    attempt(() => (o.load as (p: string) => unknown).call(o, name));
    attempt(() => (o[name] = value));
  }
}

async function codeAt(excelApi: string, cls: string, name: string): Promise<string | undefined> {
  const rt = new FakeOfficeRuntime({ excelApi, sheets: [{ name: "表1", values: [["a"]] }] });
  const run = rt.Excel.run as (b: (c: FakeContext) => Promise<void>) => Promise<void>;
  try {
    await run(async (ctx) => {
      touch(REACH[cls]!(ctx) as Record<string, unknown>, name);
      await ctx.sync();
    });
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code;
  }
}

describe("the fake refuses members above its ExcelApi set", () => {
  /** [class, member, set] for every member the fake implements above ExcelApi 1.1. */
  const newer: [string, string, string][] = [];
  const rt = new FakeOfficeRuntime({ sheets: [{ name: "表1" }] });
  const run = rt.Excel.run as (b: (c: FakeContext) => Promise<void>) => Promise<void>;
  void run(async (ctx) => {
    for (const [cls, reach] of Object.entries(REACH)) {
      for (const name of names(reach(ctx))) {
        const set = EXCEL_API_SETS[cls]?.[name]?.split(" ")[0] ?? "";
        if (versionAbove(set, "1.1")) newer.push([cls, name, set]);
      }
    }
    ctx.queue.length = 0;
    return Promise.resolve();
  });

  it("finds the newer members the fake implements", () => {
    expect(newer.map(([c, n]) => `${c}.${n}`)).toEqual(
      expect.arrayContaining([
        "Workbook.customXmlParts",
        "WorksheetCollection.onChanged",
        "WorksheetCollection.getItemOrNullObject",
        "WorksheetCollection.getFirst",
        "Worksheet.freezePanes",
        "Worksheet.getRanges",
        "Worksheet.getUsedRangeOrNullObject",
        "Worksheet.getNextOrNullObject",
        "Range.dataValidation",
        "RangeFill.pattern",
        "RangeFill.tintAndShade",
        "RangeAreas.select",
      ])
    );
  });

  it("at ExcelApi 1.1 every one of them fails the sync with ApiNotFound", async () => {
    const codes = await Promise.all(newer.map(([c, n]) => codeAt("1.1", c, n)));
    expect(Object.fromEntries(newer.map(([c, n], i) => [`${c}.${n}`, codes[i]]))).toEqual(
      Object.fromEntries(newer.map(([c, n]) => [`${c}.${n}`, "ApiNotFound"]))
    );
  });

  it("at each one's own set none of them is refused", async () => {
    const codes = await Promise.all(newer.map(([c, n, set]) => codeAt(set, c, n)));
    expect(codes.filter((c) => c === "ApiNotFound")).toEqual([]);
  });

  it("leaves ExcelApi 1.1 members alone at 1.1", async () => {
    for (const [cls, name] of [
      ["WorksheetCollection", "getItem"],
      ["Worksheet", "getUsedRange"],
      ["Range", "values"],
      ["RangeFill", "color"],
    ] as const)
      expect(await codeAt("1.1", cls, name), `${cls}.${name}`).not.toBe("ApiNotFound");
  });
});
