// Builds the two pages that share the React UI (src/taskpane):
//   taskpane.html  the Excel task pane (Office host; office.js from Microsoft's CDN —
//                  `npm run build:intranet` rewrites it to this origin afterwards)
//   index.html     the browser page (xlsx host on a file the user picks, or the bundled sample;
//   demo.html      the file never leaves the browser); demo.html is the same page.
//
//   npm run build        production build into dist/ (no source maps)
//   npm run dev-server   https://localhost:3000 with office-addin-dev-certs (for sideloading)
//   npm run demo         http://localhost:8080/index.html, production bundle, no certificates
//
// Both pages carry a Content-Security-Policy (meta, and the same header from the dev server):
// scripts only from this origin (+ the office.js CDN on the task pane), no inline script, no
// connection to any other origin. Fluent UI's CSS-in-JS (Griffel) inserts <style> elements at run
// time, so style-src allows 'unsafe-inline' — for styles only.
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * The task pane's first script (src/taskpane/legacy-ie.js, plain ES5): in Internet Explorer 11,
 * the webview of Office on Windows without WebView2 and Edge, it replaces the page with a
 * message saying how to go on. Copied as is under a name with its content hash, like the other
 * scripts.
 */
function legacyIeNotice() {
  const from = path.resolve(__dirname, "src/taskpane/legacy-ie.js");
  const hash = crypto.createHash("sha256").update(fs.readFileSync(from)).digest("hex").slice(0, 8);
  return { from, to: `legacy-ie.${hash}.js` };
}

/**
 * The task pane's first screen (校验) rendered at build time — markup and Fluent's CSS — so that
 * taskpane.html paints it before its script has run (src/taskpane/prerender.tsx, loaded through
 * tsx). The script then renders the same App over it.
 */
function prerenderTaskpane() {
  const { require: tsxRequire } = require("tsx/cjs/api");
  return tsxRequire("./src/taskpane/prerender.tsx", __filename).prerenderTaskpane();
}

/** The CSP of a page; `extraScript` is the one other origin allowed to serve scripts (or ""). */
function contentSecurityPolicy(extraScript, { dev = false } = {}) {
  const self = "'self'";
  return [
    `default-src ${self}`,
    `script-src ${self}${extraScript ? " " + extraScript : ""}`,
    `style-src ${self} 'unsafe-inline'`,
    `img-src ${self} data: blob:`,
    `font-src ${self} data:`,
    // webpack-dev-server's live reload talks to its own origin over a web socket
    `connect-src ${self}${dev ? " ws: wss:" : ""}`,
    `worker-src ${self} blob:`,
    "object-src 'none'",
    `base-uri ${self}`,
    "form-action 'none'",
  ].join("; ");
}

const RESOLVE = {
  extensions: [".tsx", ".ts", ".js", ".mjs", ".json"],
  // the core's ESM imports carry no extension; some packages ship both module formats
  fullySpecified: false,
  fallback: { fs: false, path: false, os: false, crypto: false, stream: false, buffer: false },
};

// The core (src/core) is pure and does nothing when a module merely loads, so webpack may skip any
// module of it whose exports are not used. Hosts, UI and CLI import the core through its one entry
// (src/core/index.ts, lint-enforced); with this flag, `import { baseName } from "../core"` bundles
// the module that defines baseName, not everything the entry re-exports.
const CORE_SIDE_EFFECT_FREE = { test: /[\\/]src[\\/]core[\\/]/, sideEffects: false };

// Older engines run these pages too: Office 2016/2019 on Windows without WebView2 show the task
// pane in EdgeHTML (Edge 18, JavaScript up to ES2017), and some WPS builds embed older Chromium
// (https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins).
// So every module, libraries included (React, Fluent UI, zod … ship ES2020+), is lowered to
// ES2017 by esbuild (scripts/es2017-loader.cjs), and webpack writes its own runtime as ES2017;
// the built-ins such engines lack are added by src/taskpane/legacy.ts, imported first by each page.
const ES2017_TARGET = ["web", "es2017"];
const ES2017_MODULES = {
  test: /\.(tsx?|m?js|cjs)$/,
  use: path.resolve(__dirname, "scripts/es2017-loader.cjs"),
};

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const demo = Boolean(env.demo);
  const serving = Boolean(env.WEBPACK_SERVE);
  const taskpaneCsp = contentSecurityPolicy("https://appsforoffice.microsoft.com", {
    dev: serving && !production,
  });
  const browserCsp = contentSecurityPolicy("", { dev: serving && !production });

  const page = (
    filename,
    chunk,
    title,
    csp,
    headScripts = [],
    prerendered = { styles: "", markup: "" }
  ) =>
    new HtmlWebpackPlugin({
      filename,
      chunks: [chunk],
      template: path.resolve(__dirname, "src/taskpane/page.html"),
      templateParameters: { title, csp, headScripts, prerendered },
      scriptLoading: "defer",
      inject: "head",
      minify: production ? { collapseWhitespace: true, removeComments: true } : false,
    });

  const ieNotice = legacyIeNotice();
  const copy = [
    ieNotice,
    { from: "assets/samples/*.xlsx", to: "samples/[name][ext]", noErrorOnMissing: true },
    { from: "assets/*.png", to: "assets/[name][ext]", noErrorOnMissing: true },
    { from: "assets/icons/*.png", to: "assets/[name][ext]", noErrorOnMissing: true },
  ];

  // the browser page offers the sample workbooks copied into dist/samples/
  const samplesDir = path.resolve(__dirname, "assets/samples");
  const samples = fs.existsSync(samplesDir)
    ? fs
        .readdirSync(samplesDir)
        .filter((f) => f.endsWith(".xlsx"))
        .sort()
    : [];

  /** @type {import('webpack').Configuration} */
  const config = {
    target: ES2017_TARGET,
    mode: production ? "production" : "development",
    // never eval-based maps: the CSP forbids eval; production ships no source maps at all
    devtool: production ? false : "source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.tsx",
      browser: "./src/taskpane/browser.tsx",
    },
    output: {
      // `--env out=<dir>`: the browser tests build into their own directory
      path: path.resolve(__dirname, env.out || "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      publicPath: "auto",
      // dist/cli*.js is the command line's bundle (webpack.cli.js, built by `prepare`): keep it
      clean: { keep: /^cli([.-][^/]*)?\.js$/ },
    },
    resolve: RESOLVE,
    module: {
      rules: [
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
        // types are checked by `npm run typecheck`; the build only transpiles (and lowers)
        ES2017_MODULES,
        CORE_SIDE_EFFECT_FREE,
      ],
    },
    optimization: {
      splitChunks: { chunks: "async" },
      // chunk names from webpackChunkName comments stay readable in dist/ (bench reports them)
      chunkIds: production ? "deterministic" : "named",
    },
    performance: { hints: false },
    plugins: [
      page(
        "taskpane.html",
        "taskpane",
        "统计报表助手",
        taskpaneCsp,
        [ieNotice.to, OFFICE_JS_CDN],
        prerenderTaskpane()
      ),
      page("index.html", "browser", "统计报表助手（浏览器版）", browserCsp),
      page("demo.html", "browser", "统计报表助手（浏览器版）", browserCsp),
      new CopyWebpackPlugin({ patterns: copy }),
      new webpack.DefinePlugin({ BUREAU_SAMPLES: JSON.stringify(samples) }),
      // V8's explicit compile hint (Chromium 136+, so Edge WebView2 and Excel on the web): the
      // pages' first script runs nearly all of itself at start (React, Fluent, tabster), so it is
      // compiled eagerly while it streams in instead of function by function on the main thread.
      // Must be the file's first line, hence after minification (which would drop the comment) and
      // before the real content hash (so the file name changes with it: hashed names are immutable).
      // Measured (bench pane trace): main-thread CPU of the script 101–113 ms → 65–71 ms.
      ...(production
        ? [
            new webpack.BannerPlugin({
              banner: "//# allFunctionsCalledOnLoad",
              raw: true,
              entryOnly: true,
              test: /^(taskpane|browser)\.[0-9a-f]+\.js$/,
              stage: webpack.Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE,
            }),
          ]
        : []),
    ],
  };

  if (serving) {
    const headers = (req) => ({
      "Content-Security-Policy": req.path.startsWith("/taskpane") ? taskpaneCsp : browserCsp,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
    });
    if (demo) {
      config.devServer = {
        port: Number(env.port || 8080),
        host: "localhost",
        server: "http",
        hot: false,
        liveReload: false,
        client: false,
        webSocketServer: false,
        open: env.open ? ["/index.html"] : false,
        static: false,
        headers: (req) => headers(req),
      };
    } else {
      const { devHttpsOptions } = require("./scripts/dev-certs.cjs");
      config.devServer = {
        port: Number(env.port || 3000),
        host: "localhost",
        server: {
          type: "https",
          options: await devHttpsOptions(require("office-addin-dev-certs")),
        },
        hot: false,
        static: false,
        headers: (req) => ({ ...headers(req), "Access-Control-Allow-Origin": "*" }),
      };
    }
  }
  return config;
};

// the WPS build (webpack.wps.js) gives its pages the same policy and resolves modules the same way
module.exports.contentSecurityPolicy = contentSecurityPolicy;
module.exports.RESOLVE = RESOLVE;
module.exports.CORE_SIDE_EFFECT_FREE = CORE_SIDE_EFFECT_FREE;
module.exports.ES2017_TARGET = ES2017_TARGET;
module.exports.ES2017_MODULES = ES2017_MODULES;
