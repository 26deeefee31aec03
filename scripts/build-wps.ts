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
 *
 * The entry formats follow the `wpsjs` 2.2.3 tool (its build/publish/debug code): `<jsplugins>`
 * holding `<jsplugin name type="et" url version enable install/>` (offline, url = the folder
 * name inside jsaddons) or `<jspluginonline name type="et" url=".../"/>` (online, url ending in /).
 * Every XML file is checked with xmllint when it is installed.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const ROOT = resolve(__dirname, "..");
export const ADDIN_NAME = "bureau-stats";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The server folder of an online deployment, checked: http(s), no query or fragment, ending in /.
 * @example onlineBase("https://intranet.example/bureau-stats") // "https://intranet.example/bureau-stats/"
 */
export function onlineBase(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--url “${url}” 不是有效的网址（例：http://intranet.example/bureau-stats/）`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:")
    throw new Error(`--url 必须是 http 或 https 地址：${url}`);
  if (u.search || u.hash) throw new Error(`--url 不能带查询参数或 # 片段：${url}`);
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

function xmllint(file: string): void {
  const r = spawnSync("xmllint", ["--noout", file], { encoding: "utf8" });
  if (r.error) return; // xmllint not installed: the tests check the files
  if (r.status !== 0) throw new Error(`${file} 不是格式正确的 XML：\n${r.stderr}`);
}

export interface WpsBuildResult {
  readonly online: string;
  readonly offlineFolder: string;
  readonly version: string;
}

export function buildWps(options: { out?: string; url?: string; skipWebpack?: boolean } = {}): WpsBuildResult {
  const out = resolve(ROOT, options.out ?? "dist-wps");
  const online = join(out, "online");
  const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
  const base = options.url === undefined ? undefined : onlineBase(options.url);
  if (!options.skipWebpack) {
    const cli = join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
    const r = spawnSync(
      process.execPath,
      [cli, "-c", "webpack.wps.js", "--mode", "production", "--env", `out=${online}`],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_OPTIONS: "" } }
    );
    if (r.status !== 0) throw new Error(`webpack (WPS) 构建失败：\n${r.stdout}\n${r.stderr}`);
  }
  if (!existsSync(join(online, "ribbon.xml"))) throw new Error(`${online} 中没有 ribbon.xml：构建不完整`);
  for (const f of ["publish.xml", "jsplugins.xml"]) rmSync(join(online, f), { force: true });
  const offline = join(out, "offline", "jsaddons");
  rmSync(join(out, "offline"), { recursive: true, force: true });
  const offlineFolder = join(offline, `${ADDIN_NAME}_${version}`);
  mkdirSync(offline, { recursive: true });
  cpSync(online, offlineFolder, { recursive: true });
  const written: string[] = [];
  for (const f of ["publish.xml", "jsplugins.xml"]) {
    writeFileSync(join(offline, f), offlineEntries(version));
    written.push(join(offline, f));
    if (base) {
      writeFileSync(join(online, f), onlineEntries(base));
      written.push(join(online, f));
    }
  }
  written.push(join(online, "ribbon.xml"), join(offlineFolder, "ribbon.xml"));
  written.forEach(xmllint);
  return { online, offlineFolder, version };
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  try {
    const r = buildWps({ out: value("--out"), url: value("--url") });
    console.log(`WPS 加载项（在线）：${r.online}`);
    console.log(`WPS 加载项（离线）：${r.offlineFolder}（连同 publish.xml 复制到 jsaddons 文件夹）`);
    if (value("--url") === undefined)
      console.log("提示：加上 --url http://内网服务器/路径/ 可同时生成在线模式的 publish.xml / jsplugins.xml。");
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
