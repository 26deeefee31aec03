import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(__dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  allowScripts?: Record<string, boolean>;
  scripts: Record<string, string>;
};
const lock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8")) as {
  lockfileVersion: number;
  packages: Record<string, { hasInstallScript?: boolean; resolved?: string; integrity?: string }>;
};

/** `node_modules/a/node_modules/@b/c` → `@b/c` */
function packageName(lockPath: string): string {
  const i = lockPath.lastIndexOf("node_modules/");
  return lockPath.slice(i + "node_modules/".length);
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

  it("every locked package carries an integrity hash", () => {
    const missing = Object.entries(lock.packages)
      .filter(([path, meta]) => path !== "" && !("link" in meta) && meta.integrity === undefined)
      .map(([path]) => path);
    expect(missing).toEqual([]);
  });
});
