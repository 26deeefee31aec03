/**
 * The installed command: `node bin/bureau-stats.js` as a real process, on the webpack bundle
 * (dist/cli.js, built first when the sources are newer).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { ensureCliBuilt } from "../reliability/fuzz-harness";

const ROOT = path.join(__dirname, "..", "..");
const CLEAN = path.join(ROOT, "assets", "samples", "bureau-stats-2013.xlsx");

beforeAll(ensureCliBuilt);

describe("the installed command", () => {
  it("bin/bureau-stats.js runs check and reports an unreadable file in one line", () => {
    const ok = spawnSync(
      process.execPath,
      [path.join(ROOT, "bin", "bureau-stats.js"), "check", CLEAN],
      { encoding: "utf8", cwd: ROOT }
    );
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain("校验结果：错误0项");
    expect(ok.stderr).toBe("");
    const missing = spawnSync(
      process.execPath,
      [path.join(ROOT, "bin", "bureau-stats.js"), "check", "不存在.xlsx"],
      { encoding: "utf8", cwd: ROOT }
    );
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe("");
    expect(missing.stderr.trim()).toBe("不存在.xlsx：找不到文件");
  });
});
