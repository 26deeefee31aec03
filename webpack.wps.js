// The WPS 表格 add-in (npm run build:wps, scripts/build-wps.ts): the same React pane on the WPS
// host, packaged as a WPS JavaScript add-in folder:
//   index.html   the add-in's main page (hidden; ribbon callbacks, src/hosts/wps/addin/ribbon.ts)
//   ribbon.xml   the ribbon: tab 报表助手, button 报表助手 (opens/hides the task pane)
//   pane.html    the task pane (src/taskpane/wps.tsx)
//   *.js, assets/  scripts and icons, all referred to by relative paths (online server or the
//                  offline jsaddons folder alike)
// Built for older embedded engines like the Excel pages (webpack.config.js): every module,
// libraries included, is lowered to ES2017 by esbuild (scripts/es2017-loader.cjs), webpack's own
// runtime too (target es2017), and the page adds the few newer built-ins it may lack
// (src/taskpane/legacy.ts). The pages carry the same
// kind of Content-Security-Policy as the others: nothing from any other origin.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const {
  RESOLVE,
  CORE_SIDE_EFFECT_FREE,
  ES2017_TARGET,
  ES2017_MODULES,
  contentSecurityPolicy,
} = require("./webpack.config.js");

// the browser page's policy: scripts, styles, images and connections from this origin only
const CSP = contentSecurityPolicy("");

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const page = (filename, chunk, title) =>
    new HtmlWebpackPlugin({
      filename,
      chunks: [chunk],
      template: path.resolve(__dirname, "src/taskpane/page.html"),
      // the WPS pages are not prerendered (page.html leaves the root empty)
      templateParameters: {
        title,
        csp: CSP,
        headScripts: [],
        prerendered: { styles: "", markup: "" },
      },
      scriptLoading: "defer",
      inject: "head",
      minify: production ? { collapseWhitespace: true, removeComments: true } : false,
    });
  const named = production ? "[name].[contenthash:8].js" : "[name].js";
  /** @type {import('webpack').Configuration} */
  return {
    target: ES2017_TARGET,
    mode: production ? "production" : "development",
    devtool: production ? false : "source-map",
    entry: { pane: "./src/taskpane/wps.tsx", ribbon: "./src/hosts/wps/addin/ribbon.ts" },
    output: {
      path: path.resolve(__dirname, env.out || "dist-wps/online"),
      publicPath: "auto",
      filename: named,
      chunkFilename: named,
      clean: true,
    },
    resolve: RESOLVE,
    module: {
      rules: [
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
        ES2017_MODULES,
        CORE_SIDE_EFFECT_FREE,
      ],
    },
    optimization: {
      splitChunks: { chunks: "async" },
      chunkIds: production ? "deterministic" : "named",
    },
    performance: { hints: false },
    plugins: [
      page("pane.html", "pane", "统计报表助手"),
      page("index.html", "ribbon", "统计报表助手（WPS 加载项）"),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/hosts/wps/addin/ribbon.xml", to: "ribbon.xml" },
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
        ],
      }),
    ],
  };
};
