/**
 * `npm run build:wps` output (built once by test/e2e/wpsBuild.ts with an online URL): the online
 * folder and the offline jsaddons package hold every file, publish.xml / jsplugins.xml /
 * ribbon.xml are well-formed (xmllint) and name the right folder and URL, the ribbon's callbacks
 * exist in the main page's script, every script parses as ES2017 (acorn), and no file names an
 * origin the page could load from (URLs only as XML namespaces or in the libraries' own strings).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ONLINE_URL, ensureWpsBuilt } from "./e2e/wpsBuild";
import { ADDIN_NAME, offlineEntries, onlineBase, onlineEntries } from "../scripts/build-wps";
import { runsWith } from "./requires";
import { filesUnder as files, parseError, scriptsNotParsing } from "./parse-scripts";

const VERSION = (JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as { version: string }).version;
const xmllintAvailable = runsWith({
  what: "xmllint",
  present: spawnSync("xmllint", ["--version"]).status === 0,
  install: "apt-get install -y libxml2-utils",
});

/** Hosts whose URLs appear as namespace names or documentation links inside libraries (never fetched). */
const NAMESPACE_HOSTS = new Set([
  "schemas.microsoft.com",
  "schemas.openxmlformats.org",
  "www.w3.org",
  "purl.org",
  "purl.oclc.org",
  "react.dev",
  "answers.microsoft.com",
]);

const urls = (text: string) => text.match(/https?:\/\/[^\s"'<>)\\`]+/g) ?? [];

describe("npm run build:wps", () => {
  let out: string;
  let online: string;
  let offline: string;
  beforeAll(async () => {
    out = await ensureWpsBuilt();
    online = path.join(out, "online");
    offline = path.join(out, "offline", "jsaddons");
  }, 600_000);

  it("writes the online folder: ribbon.xml, the main page, the pane page, their scripts, icons and the entries", () => {
    const list = files(online);
    for (const f of ["ribbon.xml", "index.html", "pane.html", "publish.xml", "jsplugins.xml", "assets/icon-32.png", "assets/icon-16.png"])
      expect(list).toContain(f);
    for (const page of ["index.html", "pane.html"]) {
      const html = readFileSync(path.join(online, page), "utf8");
      const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]!);
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) {
        expect(s).not.toMatch(/^(https?:)?\/\//); // relative: the same folder online and offline
        expect(existsSync(path.join(online, s))).toBe(true);
      }
      expect(html).toMatch(/Content-Security-Policy"? content="default-src 'self'; script-src 'self';/);
    }
  });

  it("writes the offline package: the same folder as name_version beside publish.xml and jsplugins.xml", () => {
    const folder = path.join(offline, `${ADDIN_NAME}_${VERSION}`);
    expect(readdirSync(offline).sort()).toEqual([`${ADDIN_NAME}_${VERSION}`, "jsplugins.xml", "publish.xml"]);
    const onlineFiles = files(online).filter((f) => !/^(publish|jsplugins)\.xml$|^\.built$/.test(f)).sort();
    expect(files(folder).sort()).toEqual(onlineFiles);
    for (const f of ["publish.xml", "jsplugins.xml"]) {
      const xml = readFileSync(path.join(offline, f), "utf8");
      expect(xml).toBe(offlineEntries(VERSION));
      expect(xml).toMatch(new RegExp(`<jsplugin name="${ADDIN_NAME}" type="et" url="${ADDIN_NAME}_${VERSION}" version="${VERSION}"`));
    }
    expect(readFileSync(path.join(online, "publish.xml"), "utf8")).toBe(onlineEntries(ONLINE_URL));
    expect(readFileSync(path.join(online, "jsplugins.xml"), "utf8")).toContain(`<jspluginonline name="${ADDIN_NAME}" type="et" url="${ONLINE_URL}"`);
  });

  it.runIf(xmllintAvailable)("every XML file is well-formed (xmllint)", () => {
    const xml = [...files(online).map((f) => path.join(online, f)), ...files(offline).map((f) => path.join(offline, f))].filter((f) =>
      f.endsWith(".xml")
    );
    expect(xml.length).toBe(6);
    for (const f of xml) execFileSync("xmllint", ["--noout", f]);
  });

  it("ribbon.xml names callbacks the main page defines, and the button's image exists", () => {
    const ribbon = readFileSync(path.join(online, "ribbon.xml"), "utf8");
    const names = [...ribbon.matchAll(/\b(?:onLoad|onAction|getEnabled|getImage)="([^"]+)"/g)].map((m) => m[1]!);
    expect(new Set(names)).toEqual(new Set(["OnAddinLoad", "OnAction", "OnGetEnabled", "GetImage"]));
    const script = files(online).find((f) => /^ribbon\.[0-9a-f]+\.js$/.test(f))!;
    const js = readFileSync(path.join(online, script), "utf8");
    for (const n of names) expect(js).toContain(n);
    expect(ribbon).toContain('id="bureauStatsPane"');
    expect(existsSync(path.join(online, "assets", "icon-32.png"))).toBe(true);
  });

  it("every script parses as ES2017 (for older embedded engines)", () => {
    const { scripts, failures } = scriptsNotParsing(online, 2017);
    expect(scripts.length).toBeGreaterThan(3);
    expect(failures).toEqual([]);
    // and would not under ES2018 syntax rules only: the check can fail
    expect(parseError("const {a, ...rest} = o;", 2017)).toBeDefined();
  });

  it("names no origin the pages could load from", () => {
    for (const f of files(online)) {
      const text = readFileSync(path.join(online, f), "latin1");
      if (f.endsWith(".png")) continue;
      if (f.endsWith(".html")) expect(urls(text), f).toEqual([]);
      else if (f === "ribbon.xml") expect(urls(text.replace(/xmlns="[^"]*"/g, "")), f).toEqual([]);
      else if (f.endsWith(".xml")) expect(urls(text), f).toEqual([ONLINE_URL]);
      else {
        const foreign = urls(text).filter((u) => !NAMESPACE_HOSTS.has(new URL(u).hostname));
        expect(foreign, f).toEqual([]);
      }
    }
  });

  it("checks the online URL it is given", () => {
    expect(onlineBase("https://intranet.example/bureau-stats")).toBe("https://intranet.example/bureau-stats/");
    expect(onlineBase("http://10.0.0.5:8080/wps/addin/")).toBe("http://10.0.0.5:8080/wps/addin/");
    expect(() => onlineBase("ftp://x/")).toThrow(/http 或 https/);
    expect(() => onlineBase("https://x/a?b=1")).toThrow(/查询参数/);
    expect(() => onlineBase("不是网址")).toThrow(/不是有效的网址/);
    expect(onlineEntries('https://x/"a"/')).toContain('url="https://x/&quot;a&quot;/"');
  });
});
