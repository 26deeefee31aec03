import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  allowScripts?: Record<string, boolean>;
  scripts: Record<string, string>;
};
interface LockEntry {
  version?: string;
  hasInstallScript?: boolean;
  resolved?: string;
  integrity?: string;
  dev?: boolean;
  devOptional?: boolean;
  link?: boolean;
  deprecated?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};

/**
 * The production dependency tree as npm installs it: from package.json's `dependencies`, each
 * name resolved from the requiring package's folder upwards (node_modules lookup), following
 * dependencies, optional dependencies and required peers. Lock paths (`node_modules/a`).
 */
function productionTree(): string[] {
  const seen = new Set<string>();
  const resolve = (from: string, name: string): string | undefined => {
    for (let dir = from; ;) {
      const candidate = `${dir === "" ? "" : dir + "/"}node_modules/${name}`;
      if (lock.packages[candidate]) return candidate;
      if (dir === "") return undefined;
      const i = dir.lastIndexOf("/node_modules/");
      dir = i < 0 ? "" : dir.slice(0, i);
    }
  };
  const visit = (from: string, deps: Record<string, string> | undefined): void => {
    for (const name of Object.keys(deps ?? {})) {
      const at = resolve(from, name);
      if (at === undefined || seen.has(at)) continue;
      seen.add(at);
      const meta = lock.packages[at] as LockEntry;
      const peers = Object.fromEntries(
        Object.entries(meta.peerDependencies ?? {}).filter(
          ([n]) => meta.peerDependenciesMeta?.[n]?.optional !== true
        )
      );
      visit(at, { ...meta.dependencies, ...meta.optionalDependencies, ...peers });
    }
  };
  visit("", lock.packages[""]?.dependencies);
  return [...seen].sort();
}

/**
 * Packages whose deprecation npm announces ("npm warn deprecated …"), by name and the versions
 * concerned. The lockfile carries a `deprecated` field only when npm recorded one (this
 * project's registry mirror does not send it), so the well-known ones are listed here too.
 */
const KNOWN_DEPRECATED: ReadonlyArray<[name: string, below: number | undefined, message: string]> =
  [
    ["fstream", undefined, "This package is no longer supported."],
    ["inflight", undefined, "This module is not supported, and leaks memory."],
    ["rimraf", 4, "Rimraf versions prior to v4 are no longer supported."],
    ["glob", 9, "Glob versions prior to v9 are no longer supported."],
    [
      "lodash.isequal",
      undefined,
      "This package is deprecated. Use require('node:util').isDeepStrictEqual instead.",
    ],
    [
      "lodash.get",
      undefined,
      "This package is deprecated. Use the optional chaining (?.) operator instead.",
    ],
    ["uuid", 7, "uuid versions before 7 use Math.random() in certain circumstances."],
  ];

/** `node_modules/a/node_modules/@b/c` → `@b/c` */
function packageName(lockPath: string): string {
  const i = lockPath.lastIndexOf("node_modules/");
  return lockPath.slice(i + "node_modules/".length);
}

/** The lock paths among `paths` whose package is deprecated (lockfile field or KNOWN_DEPRECATED). */
function deprecatedAmong(paths: readonly string[]): string[] {
  return paths.filter((p) => {
    const meta = lock.packages[p] as LockEntry;
    const name = packageName(p);
    const major = Number((meta.version ?? "0").split(".")[0]);
    return (
      meta.deprecated !== undefined ||
      KNOWN_DEPRECATED.some(([n, below]) => n === name && (below === undefined || major < below))
    );
  });
}

describe("supply chain", () => {
  it("package-lock.json is committed to git", () => {
    const tracked = execFileSync("git", ["ls-files", "package-lock.json"], {
      cwd: root,
      encoding: "utf8",
    });
    expect(tracked.trim()).toBe("package-lock.json");
    expect(lock.lockfileVersion).toBeGreaterThanOrEqual(3);
  });

  it("every dependency with an install script is denied, so no install step can download anything", () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([path, meta]) => path !== "" && meta.hasInstallScript)
      .map(([path]) => packageName(path));
    expect(withScripts.length).toBeGreaterThan(0); // the check would be vacuous otherwise
    const allowed = pkg.allowScripts ?? {};
    const notDenied = withScripts.filter((name) => allowed[name] !== false);
    expect(notDenied).toEqual([]);
  });

  it("the project's own install-time scripts build locally and fetch nothing", () => {
    for (const hook of ["preinstall", "install", "postinstall", "prepare"]) {
      const script = pkg.scripts[hook];
      if (script === undefined) continue;
      expect(script).not.toMatch(/curl|wget|https?:\/\/|npm (i|install|exec)\b/);
    }
  });

  it("the production tree (what an installed copy runs) has no deprecated package and no install script", () => {
    const tree = productionTree();
    console.log(`[supply-chain] production dependency tree: ${tree.length} packages`);
    expect(tree.length).toBeGreaterThan(10); // the walk found the tree (React, Fluent UI, docx …)
    // npm's own marking agrees: every package it did not mark dev-only is in the tree
    const notDev = Object.entries(lock.packages)
      .filter(([p, m]) => p !== "" && !m.dev && !m.devOptional && !m.link)
      .map(([p]) => p)
      .sort();
    expect(tree).toEqual(notDev);
    const deprecated = deprecatedAmong(tree);
    expect(deprecated).toEqual([]);
    expect(tree.filter((p) => lock.packages[p]?.hasInstallScript).map(packageName)).toEqual([]);
    // the template writer is the project's own: ExcelJS (≈170 packages) is a test tool only
    expect(tree.map(packageName)).not.toContain("exceljs");
    expect(tree.map(packageName)).not.toContain("decimal.js");
  });

  it("the deprecation check finds the deprecated packages that ExcelJS still brings into the dev tree", () => {
    // ExcelJS stays a devDependency: the tests read the templates back with it, independently
    expect(lock.packages["node_modules/inflight"]?.dev).toBe(true);
    expect(
      deprecatedAmong(["node_modules/inflight", "node_modules/glob", "node_modules/react"])
    ).toEqual(["node_modules/inflight", "node_modules/glob"]);
  });

  it("every production package's engines accept the Node versions package.json promises", () => {
    const wanted = (pkg as unknown as { engines: { node: string } }).engines.node;
    const min = /^>=(\d+)\.(\d+)/.exec(wanted);
    expect(min).not.toBeNull();
    const [maj, minor] = [Number(min?.[1]), Number(min?.[2])];
    const excludes = (range: string): boolean =>
      // every alternative of the range must admit the promised minimum (e.g. `^22 || ^24` does not admit 20.19)
      !range.split("||").some((alt) => {
        const a = alt.trim();
        const m = /^(\^|>=|~)?\s*(\d+)(?:\.(\d+))?/.exec(a);
        if (!m) return true; // `*` or anything unparsed: accept
        const [op, M, m2] = [m[1] ?? "", Number(m[2]), Number(m[3] ?? 0)];
        if (op === ">=") return maj > M || (maj === M && minor >= m2);
        if (op === "^" || op === "") return maj === M && minor >= m2;
        return maj === M && minor === m2;
      });
    const bad = productionTree()
      .map(
        (p) =>
          [
            packageName(p),
            (lock.packages[p] as LockEntry & { engines?: { node?: string } }).engines?.node,
          ] as const
      )
      .filter(([, range]) => range !== undefined && excludes(range))
      .map(([n, r]) => `${n} (${r})`);
    expect(bad).toEqual([]);
  });

  it("every locked package carries an integrity hash", () => {
    const missing = Object.entries(lock.packages)
      .filter(([path, meta]) => path !== "" && !("link" in meta) && meta.integrity === undefined)
      .map(([path]) => path);
    expect(missing).toEqual([]);
  });
});
