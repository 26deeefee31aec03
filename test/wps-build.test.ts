/**
 * `npm run build:wps` output (built once by test/e2e/wpsBuild.ts with an online URL): the online
 * folder and the offline jsaddons package hold every file, publish.xml / jsplugins.xml /
 * ribbon.xml are well-formed (xmllint) and name the right folder and URL, the ribbon's callbacks
 * exist in the main page's script, every script parses as ES2017 (acorn), and no file names an
 * origin the page could load from (URLs only as XML namespaces or in the libraries' own strings).
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { unzipSync } from "fflate";
import { ONLINE_URL, PACKED_URL, ensureWpsBuilt } from "./e2e/wpsBuild";
import {
  ADDIN_NAME,
  buildWps,
  PACKED_7Z,
  PACKED_ZIP,
  offlineEntries,
  onlineBase,
  onlineEntries,
  packedBase,
  packedEntries,
} from "../scripts/build-wps";
import { runsWith } from "./requires";
import { filesUnder as files, parseError, scriptsNotParsing } from "./parse-scripts";

const VERSION = (
  JSON.parse(readFileSync(path.join(__dirname, "..", "package.json"), "utf8")) as {
    version: string;
  }
).version;
const python3Available = spawnSync("python3", ["--version"]).status === 0;
/** A 7z program, as scripts/build-wps.ts looks for one (CI installs Debian's p7zip-full). */
const sevenZipAvailable = runsWith({
  what: "7z",
  present: ["7zz", "7z", "7za", "7zr"].some((p) => !spawnSync(p, ["i"], { stdio: "ignore" }).error),
  install: "apt-get install -y p7zip-full",
});
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
  let packed: string;
  beforeAll(async () => {
    out = await ensureWpsBuilt();
    online = path.join(out, "online");
    offline = path.join(out, "offline", "jsaddons");
    packed = path.join(out, "packed");
  }, 600_000);

  it("writes the online folder: ribbon.xml, the main page, the pane page, their scripts, icons and the entries", () => {
    const list = files(online);
    for (const f of [
      "ribbon.xml",
      "index.html",
      "pane.html",
      "publish.xml",
      "jsplugins.xml",
      "assets/icon-32.png",
      "assets/icon-16.png",
    ])
      expect(list).toContain(f);
    for (const page of ["index.html", "pane.html"]) {
      const html = readFileSync(path.join(online, page), "utf8");
      const scripts = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]!);
      expect(scripts.length).toBeGreaterThan(0);
      for (const s of scripts) {
        expect(s).not.toMatch(/^(https?:)?\/\//); // relative: the same folder online and offline
        expect(existsSync(path.join(online, s))).toBe(true);
      }
      expect(html).toMatch(
        /Content-Security-Policy"? content="default-src 'self'; script-src 'self';/
      );
    }
  });

  it("writes the offline package: the same folder as name_version beside publish.xml and jsplugins.xml", () => {
    const folder = path.join(offline, `${ADDIN_NAME}_${VERSION}`);
    expect(readdirSync(offline).sort()).toEqual([
      `${ADDIN_NAME}_${VERSION}`,
      "jsplugins.xml",
      "publish.xml",
    ]);
    const onlineFiles = files(online)
      .filter((f) => !/^(publish|jsplugins)\.xml$|^\.built$/.test(f))
      .sort();
    expect(files(folder).sort()).toEqual(onlineFiles);
    for (const f of ["publish.xml", "jsplugins.xml"]) {
      const xml = readFileSync(path.join(offline, f), "utf8");
      expect(xml).toBe(offlineEntries(VERSION));
      expect(xml).toMatch(
        new RegExp(
          `<jsplugin name="${ADDIN_NAME}" type="et" url="${ADDIN_NAME}_${VERSION}" version="${VERSION}"`
        )
      );
    }
    expect(readFileSync(path.join(online, "publish.xml"), "utf8")).toBe(onlineEntries(ONLINE_URL));
    expect(readFileSync(path.join(online, "jsplugins.xml"), "utf8")).toContain(
      `<jspluginonline name="${ADDIN_NAME}" type="et" url="${ONLINE_URL}"`
    );
  });

  it("packs the offline folder as wpsjs does (name_version/ in the archive) and names the .7z in jsplugins.xml", () => {
    const folderName = `${ADDIN_NAME}_${VERSION}`;
    const folder = path.join(offline, folderName);
    expect(readdirSync(packed).sort()).toEqual(
      sevenZipAvailable
        ? [PACKED_7Z, PACKED_ZIP, "jsplugins.xml"].sort()
        : [PACKED_ZIP, "jsplugins.xml"].sort()
    );
    const zip = readFileSync(path.join(packed, PACKED_ZIP));
    const entries = unzipSync(zip);
    const expected = files(folder).map((f) => `${folderName}/${f.split(path.sep).join("/")}`);
    expect(Object.keys(entries).sort()).toEqual(expected.sort());
    expect(Object.keys(entries)).toContain(`${folderName}/ribbon.xml`);
    expect(
      Buffer.from(entries[`${folderName}/ribbon.xml`]!).equals(
        readFileSync(path.join(folder, "ribbon.xml"))
      )
    ).toBe(true);
    if (python3Available) {
      // read by another program than the one that wrote it
      const listed = execFileSync(
        "python3",
        [
          "-c",
          "import sys,zipfile;z=zipfile.ZipFile(sys.argv[1]);assert z.testzip() is None;print('\\n'.join(z.namelist()))",
          path.join(packed, PACKED_ZIP),
        ],
        { encoding: "utf8" }
      );
      expect(listed.trim().split("\n").sort()).toEqual(expected.sort());
    }
    const xml = readFileSync(path.join(packed, "jsplugins.xml"), "utf8");
    expect(xml).toBe(packedEntries(PACKED_URL, VERSION));
    expect(xml).toContain(
      `<jsplugin name="${ADDIN_NAME}" type="et" url="${PACKED_URL}${PACKED_7Z}" version="${VERSION}"`
    );
  });

  it("calls a 7z program found on the PATH as wpsjs calls 7za: `a` the name_version folder, beside it", () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), "wps-7z-"));
    const bin = path.join(tmp, "bin");
    mkdirSync(bin);
    // stands in for 7-Zip: records how it was called and writes the 7z signature
    writeFileSync(
      path.join(bin, "7zz"),
      `#!/bin/sh\n[ "$1" = i ] && exit 0\nprintf '%s\\n' "$PWD" "$@" > "${tmp}/call"\nprintf '7z\\274\\257\\047\\034' > "$3"\n`,
      { mode: 0o755 }
    );
    const out = path.join(tmp, "out");
    mkdirSync(path.join(out, "online"), { recursive: true });
    writeFileSync(path.join(out, "online", "ribbon.xml"), "<customUI/>");
    const before = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${before ?? ""}`;
    try {
      const r = buildWps({ out, skipWebpack: true });
      const archive = path.join(out, "packed", PACKED_7Z);
      expect(r.sevenZip).toBe(archive);
      expect(readFileSync(path.join(tmp, "call"), "utf8").trim().split("\n")).toEqual([
        path.join(out, "offline", "jsaddons"),
        "a",
        "-t7z",
        archive,
        `${ADDIN_NAME}_${VERSION}`,
      ]);
      expect([...readFileSync(archive).subarray(0, 6)]).toEqual([
        0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c,
      ]);
      expect(existsSync(path.join(out, "packed", "jsplugins.xml"))).toBe(false); // no --packed-url
    } finally {
      process.env.PATH = before;
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it.runIf(sevenZipAvailable)(
    "writes the .7z where a 7z program is on the PATH (the 7z signature)",
    () => {
      const file = path.join(packed, PACKED_7Z);
      const head = readFileSync(file).subarray(0, 6);
      expect([...head]).toEqual([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]);
      // and it holds the add-in's folder as the zip does
      const listing = execFileSync("7z", ["l", "-ba", file], { encoding: "utf8" });
      expect(listing).toMatch(
        new RegExp(`bureau-stats_${VERSION.replace(/\./g, "\\.")}/ribbon\\.xml`)
      );
      expect(listing).toMatch(/pane\.html/);
    }
  );

  it.runIf(xmllintAvailable)("every XML file is well-formed (xmllint)", () => {
    const xml = [
      ...files(online).map((f) => path.join(online, f)),
      ...files(offline).map((f) => path.join(offline, f)),
      ...files(packed).map((f) => path.join(packed, f)),
    ].filter((f) => f.endsWith(".xml"));
    expect(xml.length).toBe(7);
    for (const f of xml) execFileSync("xmllint", ["--noout", f]);
  });

  it("ribbon.xml names callbacks the main page defines, and the button's image exists", () => {
    const ribbon = readFileSync(path.join(online, "ribbon.xml"), "utf8");
    const names = [...ribbon.matchAll(/\b(?:onLoad|onAction|getEnabled|getImage)="([^"]+)"/g)].map(
      (m) => m[1]!
    );
    expect(new Set(names)).toEqual(
      new Set(["OnAddinLoad", "OnAction", "OnGetEnabled", "GetImage"])
    );
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
    expect(onlineBase("https://intranet.example/bureau-stats")).toBe(
      "https://intranet.example/bureau-stats/"
    );
    expect(onlineBase("http://10.0.0.5:8080/wps/addin/")).toBe("http://10.0.0.5:8080/wps/addin/");
    expect(() => onlineBase("ftp://x/")).toThrow(/http 或 https/);
    expect(() => onlineBase("https://x/a?b=1")).toThrow(/查询参数/);
    expect(() => onlineBase("不是网址")).toThrow(/不是有效的网址/);
    expect(onlineEntries('https://x/"a"/')).toContain('url="https://x/&quot;a&quot;/"');
    expect(packedBase("file:///C:/Users/%E5%BC%A0%E4%B8%89/jsaddons")).toBe(
      "file:///C:/Users/张三/jsaddons/"
    );
    expect(packedBase("http://10.0.0.5/wps")).toBe("http://10.0.0.5/wps/");
    expect(() => packedBase("ftp://x/")).toThrow(/--packed-url 必须是 http 或 https 地址，或 file/);
  });
});
