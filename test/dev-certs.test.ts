/**
 * `npm run dev-server`'s HTTPS options (scripts/dev-certs.cjs): office-addin-dev-certs' result
 * when it can install its CA; the generated files and a plain warning when only the install fails
 * (no administrator, no sudo); a message naming what is missing otherwise.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

type Options = { ca: Buffer; cert: Buffer; key: Buffer };
const { devHttpsOptions } = createRequire(import.meta.url)("../scripts/dev-certs.cjs") as {
  devHttpsOptions: (
    devCerts: { getHttpsServerOptions: () => Promise<Options> },
    options?: { dir?: string; warn?: (text: string) => void }
  ) => Promise<Options>;
};

const installFails = {
  getHttpsServerOptions: () =>
    Promise.reject(
      new Error("Unable to install the CA certificate. /bin/sh: 1: sudo: not found\n")
    ),
};

describe("devHttpsOptions (npm run dev-server)", () => {
  const dirs: string[] = [];
  const certDir = (files: string[]) => {
    const dir = mkdtempSync(path.join(tmpdir(), "dev-certs-"));
    dirs.push(dir);
    for (const f of files) writeFileSync(path.join(dir, f), `${f} bytes`);
    return dir;
  };
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it("passes office-addin-dev-certs' options through when it installed its CA", async () => {
    const options = { ca: Buffer.from("ca"), cert: Buffer.from("c"), key: Buffer.from("k") };
    const warnings: string[] = [];
    const got = await devHttpsOptions(
      { getHttpsServerOptions: () => Promise.resolve(options) },
      { dir: certDir([]), warn: (t) => warnings.push(t) }
    );
    expect(got).toBe(options);
    expect(warnings).toEqual([]);
  });

  it("starts with the generated files when only the install failed, and says how to trust the CA", async () => {
    const dir = certDir(["ca.crt", "localhost.crt", "localhost.key"]);
    const warnings: string[] = [];
    const got = await devHttpsOptions(installFails, { dir, warn: (t) => warnings.push(t) });
    expect(got.ca.toString()).toBe("ca.crt bytes");
    expect(got.cert.toString()).toBe("localhost.crt bytes");
    expect(got.key.toString()).toBe("localhost.key bytes");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(
      "未能装入系统信任库（Unable to install the CA certificate. /bin/sh: 1: sudo: not found）"
    );
    expect(warnings[0]).toContain(path.join(dir, "ca.crt"));
    expect(warnings[0]).toContain("npx office-addin-dev-certs install");
  });

  it("names the missing files when the certificates were not generated", async () => {
    const dir = certDir(["ca.crt"]);
    const warnings: string[] = [];
    await expect(
      devHttpsOptions(installFails, { dir, warn: (t) => warnings.push(t) })
    ).rejects.toThrow(
      `缺少：${path.join(dir, "localhost.crt")}、${path.join(dir, "localhost.key")}`
    );
    expect(warnings).toEqual([]);
  });
});
