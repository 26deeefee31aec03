/**
 * The shape of the code, checked: no module of `src/` imports itself back through others (an
 * import cycle), and inside the core no folder depends on a folder that depends on it. The core's
 * root files (the model, the issues, the years) are leaves every folder may use.
 */
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..", "..");
const SRC = join(ROOT, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The file a relative import names, or undefined for a package. */
function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith(".")) return undefined;
  const base = join(dirname(from), spec);
  for (const c of [`${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")])
    if (existsSync(c)) return c;
  return undefined;
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+["']([^"']+)["']|import\(\s*(?:\/\*[^*]*\*\/\s*)?["']([^"']+)["']\s*\)/g;

/** Each file of a tree and the files it imports (static, re-exports and dynamic `import()`). */
export function importGraph(dir: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(dir)) {
    const deps = new Set<string>();
    for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = resolveImport(file, m[1] ?? m[2] ?? "");
      if (target) deps.add(target);
    }
    graph.set(file, [...deps]);
  }
  return graph;
}

/** The strongly connected groups of more than one node (Tarjan): each is an import cycle. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string | undefined;
      do {
        w = stack.pop();
        if (w === undefined) break;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const rel = (f: string): string => relative(ROOT, f).split(sep).join("/");

describe("the structure of src/", () => {
  const graph = importGraph(SRC);

  it("finds cycles where there are some (the checker itself)", () => {
    const g = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["a"]],
    ]);
    expect(cycles(g)).toEqual([["a", "b", "c"]]);
    expect(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
        ])
      )
    ).toEqual([]);
  });

  it("reads the imports of the real tree (static, type-only and dynamic)", () => {
    const main = [...graph.keys()].find((f) => rel(f) === "src/cli/main.ts");
    expect(main).toBeDefined();
    expect((graph.get(main ?? "") ?? []).length).toBeGreaterThan(1);
  });

  it("has no import cycle between files", () => {
    expect(cycles(graph).map((c) => c.map(rel))).toEqual([]);
  });

  it("has no two folders of the core that depend on each other", () => {
    const core = join(SRC, "core") + sep;
    /** `core/validate`, or undefined for a file at the core's root (a leaf every folder may use). */
    const folderOf = (f: string): string | undefined => {
      if (!f.startsWith(core)) return undefined;
      const parts = f.slice(core.length).split(sep);
      return parts.length > 1 ? `core/${parts[0]}` : undefined;
    };
    const folders = new Map<string, string[]>();
    for (const [file, deps] of graph) {
      const from = folderOf(file);
      if (from === undefined) continue;
      const to = new Set(folders.get(from) ?? []);
      for (const d of deps) {
        const f = folderOf(d);
        if (f !== undefined && f !== from) to.add(f);
      }
      folders.set(from, [...to]);
    }
    expect(cycles(folders)).toEqual([]);
  });
});

describe("the length of a function in src/ (the lint rule)", () => {
  /** The max-lines-per-function messages for a function of `lines` statements at `file`. */
  async function lengthErrors(lines: number, file: string): Promise<number> {
    const { ESLint } = await import("eslint");
    const eslint = new ESLint({ cwd: ROOT });
    const body = Array.from({ length: lines }, (_, i) => `  total += ${i};`).join("\n");
    const code = `export function long(): number {\n  let total = 0;\n${body}\n  return total;\n}\n`;
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
    return (result?.messages ?? []).filter((m) => m.ruleId === "max-lines-per-function").length;
  }

  it("refuses a function over 120 lines, in the core and in the pane alike", async () => {
    expect(await lengthErrors(130, "src/core/probe.ts")).toBe(1);
    expect(await lengthErrors(130, "src/taskpane/probe.ts")).toBe(1);
  });

  it("lets a function of 100 lines be", async () => {
    expect(await lengthErrors(100, "src/cli/probe.ts")).toBe(0);
  });
});
