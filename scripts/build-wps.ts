/**
 * The WPS 表格 add-in package:
 *
 *   npm run build:wps [-- --url http://intranet.example/bureau-stats/] [--out dist-wps]
 *
 * writes
 *   dist-wps/online/                      the add-in folder for the intranet web server (online
 *                                         mode: WPS loads ribbon.xml and index.html from it at
 *                                         each start): ribbon.xml, index.html (ribbon callbacks),
 *                                         pane.html (the task pane), scripts, assets/
 *   dist-wps/online/publish.xml,           with --url: the entries that register that server
 *   dist-wps/online/jsplugins.xml          (publish.xml in a user's jsaddons folder; jsplugins.xml
 *                                         for an administrator's oem.ini JSPluginsServer)
 *   dist-wps/offline/jsaddons/            offline mode, to copy into the user's jsaddons folder:
 *     bureau-stats_<version>/             the same add-in folder
 *     publish.xml, jsplugins.xml          the entries naming that folder
 *   dist-wps/packed/                      offline mode packed as `wpsjs build` packs it, for a
 *     bureau-stats.7z                     server or a share: the folder bureau-stats_<version>/ in
 *                                         a 7z archive — written only where a 7z program (7zz,
 *                                         7z, 7za, 7zr) is on the PATH: Node cannot write 7z;
 *     bureau-stats.zip                    the same folder in a zip (always; Windows opens it);
 *     jsplugins.xml                       with --packed-url: the entry naming bureau-stats.7z
 *                                         there, with its version, for oem.ini's JSPluginsServer
 *
 * The entry formats follow the `wpsjs` 2.2.3 tool (its build/publish/debug code): `<jsplugins>`
 * holding `<jsplugin name type="et" url version enable install/>` (offline, url = the folder
 * name inside jsaddons) or `<jspluginonline name type="et" url=".../"/>` (online, url ending in /).
 * Every XML file is checked with xmllint when it is installed.
 *
 * The packed form: `wpsjs build`, offline (2.2.3 and 1.5.9, src/lib/build.js), copies the add-in
 * to `<name>_<version>/` and adds that folder to `wps-addon-build/<name>.7z` with 7zip-bin's 7za;
 * `wpsjs publish` (src/lib/publish.js) names it by `<server>/<name>.7z` with the version, and its
 * publish.html takes the archive as valid only when the download starts with `7z` (the 7z
 * signature). A jsplugins.xml naming such an archive for oem.ini is published by users, not by
 * Kingsoft's tools: `<jsplugin enable="true" version="1.0.0" name="…" url="file:///…/jsaddons/….7z"
 * type="wps"/>` (https://51itzy.com/kjqy/39917.html, https://e-com-net.com/article/1716648229820510208.htm).
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { zipSync } from "fflate";

const ROOT = resolve(__dirname, "..");
export const ADDIN_NAME = "bureau-stats";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The server folder of an online deployment, checked: http(s), no query or fragment, ending in /.
 * @example onlineBase("https://intranet.example/bureau-stats") // "https://intranet.example/bureau-stats/"
 */
export function onlineBase(url: string, flag = "--url"): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`${flag} “${url}” 不是有效的网址（例：http://intranet.example/bureau-stats/）`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:")
    throw new Error(
      `${flag} 必须是 http 或 https 地址${flag === "--url" ? "" : "，或 file:/// 路径"}：${url}`
    );
  if (u.search || u.hash) throw new Error(`${flag} 不能带查询参数或 # 片段：${url}`);
  return `${u.origin}${u.pathname.replace(/\/*$/, "/")}`;
}

/** publish.xml / jsplugins.xml naming the offline folder `name_version` inside jsaddons. */
export function offlineEntries(version: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n` +
    `  <jsplugin name="${esc(ADDIN_NAME)}" type="et" url="${esc(`${ADDIN_NAME}_${version}`)}" version="${esc(version)}" enable="enable_dev" install="null" customDomain=""/>\n` +
    `</jsplugins>\n`
  );
}

/** publish.xml / jsplugins.xml naming the online folder at `base` (ending in /). */
export function onlineEntries(base: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n` +
    `  <jspluginonline name="${esc(ADDIN_NAME)}" type="et" url="${esc(base)}" enable="enable_dev" install="null" customDomain=""/>\n` +
    `</jsplugins>\n`
  );
}

/** The packed offline add-in, as `wpsjs build` names it. */
export const PACKED_7Z = `${ADDIN_NAME}.7z`;
export const PACKED_ZIP = `${ADDIN_NAME}.zip`;

/**
 * The folder (on a server, or a share as file:///) holding the packed add-in, checked.
 * @example packedBase("file:///C:/wps/jsaddons") // "file:///C:/wps/jsaddons/"
 */
export function packedBase(url: string): string {
  if (/^file:/i.test(url)) {
    const u = new URL(url);
    if (u.search || u.hash) throw new Error(`--packed-url 不能带查询参数或 # 片段：${url}`);
    // a path as WPS is given paths elsewhere: decoded (src/hosts/wps/addin/pane.ts); unverified for jsplugins.xml
    return decodeURI(u.href).replace(/\/*$/, "/");
  }
  return onlineBase(url, "--packed-url");
}

/** jsplugins.xml naming the packed add-in `base` + bureau-stats.7z, with its version. */
export function packedEntries(base: string, version: string): string {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n` +
    `  <jsplugin name="${esc(ADDIN_NAME)}" type="et" url="${esc(base + PACKED_7Z)}" version="${esc(version)}" enable="true"/>\n` +
    `</jsplugins>\n`
  );
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return fs.statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/**
 * A zip of `folder` whose entries are `root/…` (the folder's own name inside the archive, as
 * 7-Zip adds a folder). Fixed times: the same build gives the same bytes.
 */
export function zipFolder(folder: string, root: string): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of filesUnder(folder).sort())
    entries[`${root}/${relative(folder, f).split(sep).join("/")}`] = fs.readFileSync(f);
  return zipSync(entries, { level: 9, mtime: new Date(Date.UTC(2000, 0, 1)) });
}

/** A 7z program on the PATH, or undefined (none here: the .7z is then not written). */
function sevenZipProgram(): string | undefined {
  for (const name of ["7zz", "7z", "7za", "7zr"]) {
    const r = spawnSync(name, ["i"], { stdio: "ignore" });
    if (!r.error) return name;
  }
  return undefined;
}

/** `7z a archive.7z folder`, run beside the folder so the archive holds `folder/…` (as wpsjs's 7za call). */
function sevenZip(program: string, cwd: string, folder: string, archive: string): void {
  fs.rmSync(archive, { force: true });
  const r = spawnSync(program, ["a", "-t7z", archive, folder], {
    cwd,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0)
    throw new Error(
      `${program} 未能写出 ${archive}，请检查该 7z 程序后重新构建：\n${r.stdout}\n${r.stderr}`
    );
}

function xmllint(file: string): void {
  const r = spawnSync("xmllint", ["--noout", file], { encoding: "utf8" });
  if (r.error) return; // xmllint not installed: the tests check the files
  if (r.status !== 0) throw new Error(`${file} 不是格式正确的 XML：\n${r.stderr}`);
}

export interface WpsBuildResult {
  readonly online: string;
  readonly offlineFolder: string;
  readonly version: string;
  /** The packed folder: the .zip always, the .7z where a 7z program was found (else undefined). */
  readonly packed: string;
  readonly sevenZip: string | undefined;
}

export function buildWps(
  options: { out?: string; url?: string; packedUrl?: string; skipWebpack?: boolean } = {}
): WpsBuildResult {
  const out = resolve(ROOT, options.out ?? "dist-wps");
  const online = join(out, "online");
  const version = (
    JSON.parse(fs.readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }
  ).version;
  const base = options.url === undefined ? undefined : onlineBase(options.url);
  const packedAt = options.packedUrl === undefined ? undefined : packedBase(options.packedUrl);
  if (!options.skipWebpack) {
    const cli = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
    const r = spawnSync(
      process.execPath,
      [cli, "-c", "webpack.wps.js", "--mode", "production", "--env", `out=${online}`],
      {
        cwd: ROOT,
        stdio: ["ignore", "pipe", "pipe"],
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, NODE_OPTIONS: "" },
      }
    );
    if (r.status !== 0) throw new Error(`webpack (WPS) 构建失败：\n${r.stdout}\n${r.stderr}`);
  }
  if (!fs.existsSync(join(online, "ribbon.xml")))
    throw new Error(`${online} 中没有 ribbon.xml：构建不完整`);
  for (const f of ["publish.xml", "jsplugins.xml"]) fs.rmSync(join(online, f), { force: true });
  const offline = join(out, "offline", "jsaddons");
  fs.rmSync(join(out, "offline"), { recursive: true, force: true });
  const offlineFolder = join(offline, `${ADDIN_NAME}_${version}`);
  fs.mkdirSync(offline, { recursive: true });
  fs.cpSync(online, offlineFolder, { recursive: true });
  const written: string[] = [];
  for (const f of ["publish.xml", "jsplugins.xml"]) {
    fs.writeFileSync(join(offline, f), offlineEntries(version));
    written.push(join(offline, f));
    if (base) {
      fs.writeFileSync(join(online, f), onlineEntries(base));
      written.push(join(online, f));
    }
  }
  written.push(join(online, "ribbon.xml"), join(offlineFolder, "ribbon.xml"));
  const packed = join(out, "packed");
  fs.rmSync(packed, { recursive: true, force: true });
  fs.mkdirSync(packed, { recursive: true });
  const folderName = `${ADDIN_NAME}_${version}`;
  fs.writeFileSync(join(packed, PACKED_ZIP), zipFolder(offlineFolder, folderName));
  const program = sevenZipProgram();
  const sevenZipFile = program ? join(packed, PACKED_7Z) : undefined;
  if (program && sevenZipFile) sevenZip(program, offline, folderName, sevenZipFile);
  if (packedAt) {
    fs.writeFileSync(join(packed, "jsplugins.xml"), packedEntries(packedAt, version));
    written.push(join(packed, "jsplugins.xml"));
  }
  written.forEach(xmllint);
  return { online, offlineFolder, version, packed, sevenZip: sevenZipFile };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  try {
    const r = buildWps({
      out: value("--out"),
      url: value("--url"),
      packedUrl: value("--packed-url"),
    });
    console.log(`WPS 加载项（在线）：${r.online}`);
    console.log(
      `WPS 加载项（离线）：${r.offlineFolder}（连同 publish.xml 复制到 jsaddons 文件夹）`
    );
    console.log(`WPS 加载项（离线包）：${r.sevenZip ?? join(r.packed, PACKED_ZIP)}`);
    if (!r.sevenZip)
      console.log(
        `提示：本机没有 7z 程序（7zz、7z、7za 或 7zr），未生成 ${PACKED_7Z}，只生成了 ${PACKED_ZIP}。WPS 按 jsplugins.xml 下载的离线包是 7z 格式，请装上 7-Zip 后重新构建，或用 7-Zip 把 ${PACKED_ZIP} 里的文件夹压成 ${PACKED_7Z}。`
      );
    if (value("--url") === undefined)
      console.log(
        "提示：加上 --url http://内网服务器/路径/ 可同时生成在线模式的 publish.xml / jsplugins.xml。"
      );
    if (value("--packed-url") === undefined)
      console.log(
        `提示：加上 --packed-url http://内网服务器/路径/ 可同时生成指向 ${PACKED_7Z} 的 jsplugins.xml。`
      );
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
