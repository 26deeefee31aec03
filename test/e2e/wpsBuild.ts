/**
 * The WPS package as `npm run build:wps` makes it, built once into .cache/wps-dist for the tests
 * (with an online URL and a packed URL, so those entries are written too) and rebuilt only when an input is
 * newer. Also the fake ET as a script to inject into the pane page.
 */
import path from "node:path";
import { build } from "esbuild";
import { ROOT, ensureFresh } from "./build";
import { buildWps } from "../../scripts/build-wps";
import type { FakeEtOptions } from "../fakes/fake-et";

export const WPS_DIR = path.join(ROOT, ".cache", "wps-dist");
export const ONLINE_URL = "https://intranet.example/bureau-stats/";
export const PACKED_URL = "https://intranet.example/wps-packed/";
const INPUTS = [
  "src",
  "webpack.wps.js",
  "scripts/build-wps.ts",
  "scripts/es2017-loader.cjs",
  "package.json",
  "assets",
];

/** Builds the WPS package (unless fresh); returns its output folder (online/, offline/). */
export function ensureWpsBuilt(): Promise<string> {
  return ensureFresh(WPS_DIR, INPUTS, (dir) => {
    buildWps({ out: dir, url: ONLINE_URL, packedUrl: PACKED_URL });
    return Promise.resolve();
  });
}

let bundled: Promise<string> | undefined;

/** A script that installs the fake ET as the page's `window.Application` (runtime at `window.__fakeEt`). */
export async function fakeEtScript(options: FakeEtOptions): Promise<string> {
  bundled ??= build({
    entryPoints: [path.resolve(__dirname, "../fakes/fake-et.ts")],
    bundle: true,
    write: false,
    format: "iife",
    globalName: "FakeEtModule",
    platform: "browser",
    target: "es2022",
    logLevel: "silent",
  }).then((r) => r.outputFiles[0]!.text);
  return `${await bundled}\nwindow.__fakeEt = FakeEtModule.installFakeEt(window, ${JSON.stringify(options)});\n`;
}
