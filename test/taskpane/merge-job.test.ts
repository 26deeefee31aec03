/**
 * 汇总 in the pane merges the units' copies of a bureau's templates by the bureau's tables (a file
 * loaded, or the open workbook's 报表定义), never by a unit's copy; a wrong file is said in words.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDefinitions } from "../../src/core/definitions";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeSheets } from "../../src/hosts/xlsx/write-sheets";
import { writeTemplates } from "../../src/hosts/xlsx/template";
import { MergeJob } from "../../src/taskpane/merge/job";
import type { MergeReply, MergeRequest } from "../../src/taskpane/merge/protocol";

const FILE = path.join(
  __dirname,
  "../../assets/samples/other-bureau/other-bureau-definitions.json"
);
const tables = (JSON.parse(readFileSync(FILE, "utf8")) as { tables: unknown[] }).tables;

/** A unit's copy of the bureau's 2014 template with one row of 表1 filled. */
async function unitCopy(unit: string): Promise<Blob> {
  const defs = loadDefinitions(tables, "局.json").map((t) => t.def);
  const template = readXlsx(await writeTemplates(2014, defs));
  const sheets = template.sheets.map((sheet) => {
    if (!sheet.name.startsWith("表1")) return { sheet };
    const values = sheet.values.map((r) => [...(r ?? [])]);
    values[1]![1] = unit;
    values[3] = [unit, "学校", 30, 3, 2];
    return { sheet: { ...sheet, values } };
  });
  return new Blob([writeSheets(sheets) as Uint8Array<ArrayBuffer>]);
}

async function run(req: MergeRequest): Promise<MergeReply[]> {
  const got: MergeReply[] = [];
  await new MergeJob((r) => got.push(r)).handle(req);
  return got;
}

describe("MergeJob with a bureau's definitions", () => {
  it("merges the units' copies by the bureau's tables, and by the built-ins finds none", async () => {
    const files = [
      { name: "甲校.xlsx", file: await unitCopy("甲校") },
      { name: "乙校.xlsx", file: await unitCopy("乙校") },
    ];
    const result = (got: MergeReply[]) => got.find((r) => r.type === "result");
    const bureau = result(
      await run({ type: "start", files, definitions: { name: "局.json", tables } })
    );
    expect(
      bureau?.type === "result" && bureau.outcome.units.map((u) => [u.unit, u.status])
    ).toEqual([
      ["甲校", "merged"],
      ["乙校", "merged"],
    ]);
    const builtin = result(await run({ type: "start", files }));
    expect(builtin?.type === "result" && builtin.outcome.units.map((u) => u.status)).toEqual([
      "no-tables",
      "no-tables",
    ]);
  });

  it("a wrong definitions file stops the merge with a message naming the entry", async () => {
    const got = await run({
      type: "start",
      files: [],
      definitions: { name: "局.json", tables: [{ id: "Q1" }] },
    });
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({ type: "error" });
    expect(got[0]?.type === "error" && got[0].message).toContain("局.json");
  });
});
