/**
 * manifest.xml: valid against the Office add-in XSD (xmllint), icons real PNGs at their sizes,
 * zh-CN default with en-US overrides, a Home-tab button opening the pane, and a requirement set
 * in step with the code.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REQUIRED_EXCEL_API } from "../src/hosts/office";
import {
  LOCAL_OFFICE_JS,
  OFFICE_JS_CDN,
  intranetBase,
  isNeededOfficeFile,
  main,
  manifestSchema,
  rewriteTaskpaneHtml,
} from "../scripts/build-intranet";

const ROOT = join(__dirname, "..");
/** Microsoft's manifest schemas, vendored in schemas/office-manifest/. */
const XSD = manifestSchema(ROOT);
const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

function xmllintPath(): string {
  try {
    return execFileSync("sh", ["-c", "command -v xmllint"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error(
      "xmllint is missing: install it with `apt-get install -y libxml2-utils` (CI does) — the manifest cannot be validated without it."
    );
  }
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(
    b.subarray(0, 8).equals(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10])),
    `${file} is not a PNG`
  ).toBe(true);
  expect(b.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe("manifest.xml", () => {
  it("validates against the Office add-in manifest schema", () => {
    const xmllint = xmllintPath();
    expect(existsSync(XSD), `schema not found at ${XSD}`).toBe(true);
    const out = execFileSync(xmllint, ["--noout", "--schema", XSD, join(ROOT, "manifest.xml")], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(out).toBe("");
  });

  it("references icons that exist at the stated sizes (16/32/64/80/128)", () => {
    const refs = [...manifest.matchAll(/https:\/\/localhost:3000\/assets\/(icon-(\d+)\.png)/g)];
    expect(new Set(refs.map((m) => m[2]))).toEqual(new Set(["16", "32", "64", "80"]));
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(join(ROOT, "assets", `icon-${size}.png`))).toEqual({
        width: size,
        height: size,
      });
    }
    expect(manifest).toMatch(/<IconUrl DefaultValue="[^"]*icon-32\.png"\/>/);
    expect(manifest).toMatch(/<HighResolutionIconUrl DefaultValue="[^"]*icon-64\.png"\/>/);
    for (const size of [16, 32, 80])
      expect(manifest).toContain(`<bt:Image size="${size}" resid="Icon.${size}x${size}"/>`);
  });

  it("defaults to zh-CN with en-US overrides for the name, description and button", () => {
    expect(manifest).toContain("<DefaultLocale>zh-CN</DefaultLocale>");
    expect(manifest).toMatch(
      /<DisplayName DefaultValue="统计报表助手">\s*<Override Locale="en-US" Value="Bureau Stats"\/>/
    );
    expect(manifest).toMatch(/<Description DefaultValue="[^"]+">\s*<Override Locale="en-US"/);
    for (const id of [
      "Group.Label",
      "OpenPane.Label",
      "OpenPane.Tooltip",
      "GetStarted.Title",
      "GetStarted.Description",
    ]) {
      expect(manifest).toMatch(
        new RegExp(
          `<bt:String id="${id.replace(".", "\\.")}" DefaultValue="[^"]*[\\u4e00-\\u9fff][^"]*">\\s*<bt:Override Locale="en-US"`
        )
      );
    }
  });

  it("puts a button on the Home tab that shows the task pane", () => {
    expect(manifest).toMatch(
      /<ExtensionPoint xsi:type="PrimaryCommandSurface">\s*<OfficeTab id="TabHome">/
    );
    expect(manifest).toMatch(
      /<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>[^<]+<\/TaskpaneId>\s*<SourceLocation resid="Taskpane.Url"\/>/
    );
    expect(manifest).toContain(
      '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>'
    );
    expect(manifest).toContain(
      '<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>'
    );
  });

  it("asks for the ExcelApi version the code needs and the least permission that allows its writes", () => {
    const sets = [...manifest.matchAll(/Set Name="ExcelApi" MinVersion="([\d.]+)"/g)].map(
      (m) => m[1]
    );
    expect(sets).toEqual([REQUIRED_EXCEL_API, REQUIRED_EXCEL_API]);
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
  });

  it("uses https on one origin for every URL", () => {
    const urls = [...manifest.matchAll(/(?:DefaultValue="|<AppDomain>)(https?:\/\/[^"<]+)/g)].map(
      (m) => m[1]!
    );
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(new URL(u).origin).toBe("https://localhost:3000");
  });
});

describe("intranet build (scripts/build-intranet.ts)", () => {
  it("checks the URL: https, no query, no trailing slash", () => {
    expect(intranetBase("https://intranet.example/bureau-stats/")).toBe(
      "https://intranet.example/bureau-stats"
    );
    expect(intranetBase("https://10.1.2.3:8443")).toBe("https://10.1.2.3:8443");
    expect(() => intranetBase("http://intranet.example")).toThrow(/必须是 https/);
    expect(() => intranetBase("https://x.example/?a=1")).toThrow(/不能带查询参数/);
    expect(() => intranetBase("intranet")).toThrow(/不是有效的网址/);
  });

  it("keeps the Excel files of office-js and leaves out other hosts and debug copies", () => {
    for (const f of [
      "office.js",
      "o15apptofilemappingtable.js",
      "excel-win32-16.01.js",
      "excel-web-16.00.js",
      "zh-cn/office_strings.js",
      "telemetry/oteljs_agave.js",
    ]) {
      expect(isNeededOfficeFile(f), f).toBe(true);
    }
    for (const f of [
      "office.debug.js",
      "outlook-15.js",
      "word-win32-16.00.js",
      "powerpoint-web-16.00.js",
      "zh-cn/outlook_strings.js",
      "office.d.ts",
      "office-vsdoc.js",
    ]) {
      expect(isNeededOfficeFile(f), f).toBe(false);
    }
  });

  it("points taskpane.html at its own office.js and drops the CDN from the CSP", () => {
    const html = `<meta http-equiv=Content-Security-Policy content="default-src 'self'; script-src 'self' ${"https://appsforoffice.microsoft.com"}"><script src=${OFFICE_JS_CDN}></script>`;
    const out = rewriteTaskpaneHtml(html);
    expect(out).toContain(`<script src=${LOCAL_OFFICE_JS}></script>`);
    expect(out).toContain("script-src 'self'\"");
    expect(out).not.toContain("appsforoffice");
    expect(() => rewriteTaskpaneHtml("<html></html>")).toThrow(/找不到 office.js/);
  });

  it("writes a valid manifest with every URL on the intranet origin, and a working dist", () => {
    const dir = mkdtempSync(join(tmpdir(), "bureau-intranet-"));
    try {
      const dist = join(dir, "dist");
      mkdirSync(dist);
      writeFileSync(
        join(dist, "taskpane.html"),
        `<!doctype html><script src="${OFFICE_JS_CDN}"></script>`
      );
      const code = main(
        ["--url", "https://intranet.example/bureau-stats", "--dist", dist, "--skip-build"],
        ROOT
      );
      expect(code).toBe(0);
      const xml = readFileSync(join(dist, "manifest.xml"), "utf8");
      expect(xml).not.toContain("localhost");
      expect(xml).toContain(
        '<SourceLocation DefaultValue="https://intranet.example/bureau-stats/taskpane.html"/>'
      );
      expect(xml).toContain("<AppDomain>https://intranet.example</AppDomain>");
      execFileSync(xmllintPath(), ["--noout", "--schema", XSD, join(dist, "manifest.xml")], {
        stdio: "pipe",
      });
      expect(readFileSync(join(dist, "taskpane.html"), "utf8")).toContain(
        `src="${LOCAL_OFFICE_JS}"`
      );
      expect(existsSync(join(dist, "office", "office.js"))).toBe(true);
      expect(existsSync(join(dist, "office", "excel-win32-16.01.js"))).toBe(true);
      expect(existsSync(join(dist, "office", "word-win32-16.00.js"))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
