/**
 * The intranet build, for networks where Microsoft's CDN is unreachable:
 *
 *   npm run build:intranet -- --url https://intranet.example/bureau-stats
 *
 * 1. runs the production build (`npm run build` → dist/), unless `--skip-build`;
 * 2. copies office.js and the files it loads for Excel (host scripts, the app-to-file mapping
 *    table, locale strings, telemetry/auth helpers; no other hosts, no debug copies) from the
 *    `@microsoft/office-js` package into dist/office/;
 * 3. points dist/taskpane.html at office/office.js (same origin) and removes the CDN origin from
 *    its Content-Security-Policy;
 * 4. writes dist/manifest.xml from manifest.xml with every URL on the given origin and path, and
 *    validates it with xmllint when available.
 *
 * Microsoft supports only the CDN copy of office.js: a copy served from the intranet does not
 * update itself and must be refreshed (reinstall @microsoft/office-js, rebuild) now and then.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";

export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CDN_ORIGIN = "https://appsforoffice.microsoft.com";
export const LOCAL_OFFICE_JS = "office/office.js";
const DEV_ORIGIN = "https://localhost:3000";

/**
 * Microsoft's Office add-in manifest schema (version 1.1), vendored in the repository.
 * @example manifestSchema("/repo") // "/repo/schemas/office-manifest/OfficeAppManifestV1_1.xsd"
 */
export function manifestSchema(root: string): string {
  return join(root, "schemas", "office-manifest", "OfficeAppManifestV1_1.xsd");
}

/**
 * The base URL of the intranet deployment, checked: https (Office loads add-ins over https
 * only), no query or fragment, no trailing slash.
 * @example intranetBase("https://intranet.example/bureau-stats/") // "https://intranet.example/bureau-stats"
 */
export function intranetBase(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--url “${url}” 不是有效的网址（例：https://intranet.example/bureau-stats）`);
  }
  if (u.protocol !== "https:")
    throw new Error(`--url 必须是 https 地址（Office 只通过 https 加载加载项）：${url}`);
  if (u.search || u.hash) throw new Error(`--url 不能带查询参数或 # 片段：${url}`);
  return `${u.origin}${u.pathname.replace(/\/+$/, "")}`;
}

/** True for files of the office-js package the Excel task pane needs (relative path, `/`). */
export function isNeededOfficeFile(rel: string): boolean {
  const name = rel.split("/").pop() ?? rel;
  if (/\.debug\.js$|vsdoc|\.d\.ts$/.test(name)) return false;
  if (!rel.includes("/") && /^(outlook|word|powerpoint|onenote|project|access|visio)/i.test(name))
    return false;
  if (/^outlook_strings/.test(name)) return false;
  return true;
}

/** Copies the needed office-js files into `dest`; returns how many and their bytes. */
export function copyOfficeJs(source: string, dest: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  cpSync(source, dest, {
    recursive: true,
    filter: (src) => {
      if (statSync(src).isDirectory()) return true;
      const keep = isNeededOfficeFile(relative(source, src).split(sep).join("/"));
      if (keep) {
        files++;
        bytes += statSync(src).size;
      }
      return keep;
    },
  });
  return { files, bytes };
}

/** taskpane.html loading office.js from its own origin, with the CDN gone from its CSP. */
export function rewriteTaskpaneHtml(html: string): string {
  if (!html.includes(OFFICE_JS_CDN) && !html.includes(LOCAL_OFFICE_JS)) {
    throw new Error("dist/taskpane.html 中找不到 office.js 的 <script> 标签，无法改为内网地址。");
  }
  const out = html
    .split(OFFICE_JS_CDN)
    .join(LOCAL_OFFICE_JS)
    .split(` ${CDN_ORIGIN}`)
    .join("")
    .split(CDN_ORIGIN)
    .join("");
  if (out.includes("appsforoffice.microsoft.com"))
    throw new Error("dist/taskpane.html 仍引用 Microsoft CDN。");
  return out;
}

/** manifest.xml with every development URL moved to `base`. */
export function intranetManifest(xml: string, base: string): string {
  const out = xml.split(DEV_ORIGIN).join(base);
  // the AppDomain is an origin, not a path
  return out.replace(
    /<AppDomain>[^<]*<\/AppDomain>/g,
    `<AppDomain>${new URL(base).origin}</AppDomain>`
  );
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  const a = args[i]!;
  return a.includes("=") ? a.slice(a.indexOf("=") + 1) : args[i + 1];
}

export function main(args: string[], root = process.cwd()): number {
  const url = argValue(args, "--url");
  if (!url) {
    console.error(
      "用法：npm run build:intranet -- --url https://intranet.example/bureau-stats [--dist dist] [--skip-build]"
    );
    return 2;
  }
  const base = intranetBase(url);
  const dist = resolve(root, argValue(args, "--dist") ?? "dist");
  if (!args.includes("--skip-build")) {
    const r = spawnSync("npm", ["run", "build"], {
      cwd: root,
      stdio: "inherit",
      shell: process.platform === "win32",
    });
    if (r.status !== 0) {
      console.error("生产构建（npm run build）失败，未生成内网版本。");
      return 1;
    }
  }
  const taskpane = join(dist, "taskpane.html");
  if (!existsSync(taskpane)) {
    console.error(`找不到 ${taskpane}：请先运行 npm run build。`);
    return 1;
  }
  const source = join(root, "node_modules", "@microsoft", "office-js", "dist");
  if (!existsSync(join(source, "office.js"))) {
    console.error(
      `找不到 ${source}/office.js：请先 npm install（@microsoft/office-js 是开发依赖）。`
    );
    return 1;
  }
  const copied = copyOfficeJs(source, join(dist, "office"));
  writeFileSync(taskpane, rewriteTaskpaneHtml(readFileSync(taskpane, "utf8")));
  const manifestOut = join(dist, "manifest.xml");
  writeFileSync(
    manifestOut,
    intranetManifest(readFileSync(join(root, "manifest.xml"), "utf8"), base)
  );
  const xsd = manifestSchema(root);
  if (spawnSync("sh", ["-c", "command -v xmllint"]).status !== 0) {
    console.warn(
      "未找到 xmllint，未按架构校验 dist/manifest.xml（可 apt-get install libxml2-utils）。"
    );
  } else {
    const v = spawnSync("xmllint", ["--noout", "--schema", xsd, manifestOut], { encoding: "utf8" });
    if (v.status !== 0) {
      console.error(`dist/manifest.xml 未通过校验：\n${v.stderr}`);
      return 1;
    }
  }
  const htmlPages = readdirSync(dist).filter((f) => f.endsWith(".html"));
  console.log(
    [
      `内网版本已生成：${relative(root, dist) || "."}/`,
      `  office.js 及其所需文件：${copied.files} 个，${(copied.bytes / 1024 / 1024).toFixed(1)} MB → office/`,
      `  taskpane.html 改为从本站加载 ${LOCAL_OFFICE_JS}（页面：${htmlPages.join("、")}）`,
      `  manifest.xml 中的地址均改为 ${base}/…`,
      `把 ${relative(root, dist) || "."}/ 整个目录部署到 ${base}/，再把 manifest.xml 交给管理员（共享文件夹目录或集中部署）。`,
      "注意：Microsoft 只支持从其 CDN 加载的 office.js；内网副本不会自动更新，请定期更新 @microsoft/office-js 后重新构建。",
    ].join("\n")
  );
  return 0;
}

if (process.argv[1]?.endsWith("build-intranet.ts")) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 2;
  }
}
