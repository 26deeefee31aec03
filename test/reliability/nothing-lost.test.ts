/**
 * On the command line, `bureau-stats check` never modifies its input files — checksums
 * (sha256) and modification times before and after, with every flag, with the report written as
 * .docx next to the input, for both samples — and a report can never be written over an input
 * (same path, another spelling of it, a symbolic or hard link to it, a spreadsheet name).
 *
 * (The add-in side of "nothing lost" — validation never writes, insertions never overwrite,
 * clear-marks restores exactly — is tested on the fake Excel in test/hosts/office-writes.test.ts,
 * office-sample.test.ts and office.test.ts.)
 */
import { createHash } from "node:crypto";
import {
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SAMPLES } from "./fuzz-cases";
import { ensureCliBuilt, runInProcess, runSpawned } from "./fuzz-harness";

const sha256 = (file: string): string =>
  createHash("sha256").update(readFileSync(file)).digest("hex");

interface Fingerprint {
  readonly sha: string;
  readonly mtimeMs: number;
  readonly size: number;
}
const fingerprint = (file: string): Fingerprint => {
  const st = statSync(file);
  return { sha: sha256(file), mtimeMs: st.mtimeMs, size: st.size };
};

let dir: string;
let copies: string[];
let runs = 0;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "bureau-stats-lost-"));
  copies = SAMPLES.map((f) => {
    const to = path.join(dir, path.basename(f));
    copyFileSync(f, to);
    return to;
  });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  console.log(
    `[nothing-lost] ${runs} runs of bureau-stats with inputs checksummed before and after`
  );
});

describe("bureau-stats check leaves its inputs as they were", () => {
  it("the committed samples, checked in place with every output flag", async () => {
    const before = SAMPLES.map(fingerprint);
    for (const flags of [
      [],
      ["--json"],
      ["--approx"],
      ["--year", "2012"],
      ["--json", "--approx", "--year", "2013"],
    ]) {
      for (const file of SAMPLES) {
        const r = await runInProcess(["check", file, ...flags]);
        runs++;
        expect([0, 1]).toContain(r.code);
      }
      const r = await runInProcess(["check", ...SAMPLES, ...flags]); // several files merged
      runs++;
      expect([0, 1]).toContain(r.code);
    }
    expect(SAMPLES.map(fingerprint)).toEqual(before);
  });

  it("with the report written as .docx next to the input (clean and mistakes sample)", async () => {
    for (const file of copies) {
      const before = fingerprint(file);
      const out = file.replace(/\.xlsx$/, ".docx");
      const r = await runInProcess(["check", file, "--docx", out]);
      runs++;
      expect([0, 1]).toContain(r.code);
      expect(existsSync(out)).toBe(true);
      expect(fingerprint(file)).toEqual(before);
      // again, over the existing .docx: the input still untouched
      const again = await runInProcess(["check", file, "--json", "--docx", out, "--force"]);
      runs++;
      expect(again.code).toBe(r.code);
      expect(fingerprint(file)).toEqual(before);
    }
  });

  it("as a real process (node bin/bureau-stats.js) too", async () => {
    await ensureCliBuilt();
    const before = copies.map(fingerprint);
    const out = path.join(dir, "spawned.docx");
    const r = await runSpawned(["check", ...copies, "--docx", out], 30_000);
    runs++;
    expect([0, 1]).toContain(r.code);
    expect(existsSync(out)).toBe(true);
    expect(copies.map(fingerprint)).toEqual(before);
  });

  it("refuses to write the report over an input: same path, another spelling, a link, a spreadsheet name", async () => {
    const [input, other] = copies as [string, string];
    const before = [fingerprint(input), fingerprint(other)];
    const sym = path.join(dir, "link-to-input.docx");
    symlinkSync(input, sym);
    const hard = path.join(dir, "hardlink-to-input.docx");
    linkSync(input, hard);
    const rel = path.relative(process.cwd(), input);
    const targets = [
      input,
      rel,
      path.join(path.dirname(input), ".", path.basename(input)),
      path.join(
        path.dirname(input),
        "..",
        path.basename(path.dirname(input)),
        path.basename(input)
      ),
      other, // the second input
      sym, // a symbolic link to the input, named .docx
      path.join(dir, "新报告.xlsx"), // a spreadsheet name, even when new
    ];
    for (const target of targets) {
      const r = await runInProcess(["check", input, other, "--docx", target]);
      runs++;
      expect(r.code, target).toBe(2);
      const lines = r.stderr.trim().split("\n");
      expect(lines, target).toHaveLength(1);
      expect(lines[0], target).toContain(target);
      expect(r.stdout, target).toBe("");
      expect([fingerprint(input), fingerprint(other)], target).toEqual(before);
    }
    expect(existsSync(path.join(dir, "新报告.xlsx"))).toBe(false);
    expect(statSync(sym, { throwIfNoEntry: false })).toBeDefined();

    // a hard link cannot be told from a new name; the report replaces the link, not the data
    const r = await runInProcess(["check", input, other, "--docx", hard]);
    runs++;
    expect([0, 1, 2]).toContain(r.code);
    expect([fingerprint(input), fingerprint(other)]).toEqual(before);
    if (r.code !== 2) expect(sha256(hard)).not.toBe(before[0]?.sha);
  });

  it("writes the report by replacing the file: an old .docx stays whole until the new one is there", async () => {
    const [input] = copies as [string];
    const out = path.join(dir, "replace.docx");
    const sym = path.join(dir, "replace-link.docx");
    expect((await runInProcess(["check", input, "--docx", out])).code).not.toBe(2);
    symlinkSync(out, sym);
    const first = sha256(out);
    // writing to a link to the earlier report replaces the link; the earlier report is kept
    expect(
      (await runInProcess(["check", input, "--approx", "--docx", sym, "--force"])).code
    ).not.toBe(2);
    runs += 2;
    expect(sha256(out)).toBe(first);
    expect(lstatSync(sym).isSymbolicLink()).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("bureau-stats template never overwrites an existing workbook without --force", async () => {
    const [input] = copies as [string];
    const before = fingerprint(input);
    const r = await runInProcess(["template", input, "--year", "2014"]);
    runs++;
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(input);
    expect(fingerprint(input)).toEqual(before);
  });
});
