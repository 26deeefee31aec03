#!/usr/bin/env node
// `bureau-stats` (统计报表助手 command line). Starts the bundle built by `npm run build:cli`
// (dist/cli.js, made by `npm ci` through the `prepare` script). Without it — e.g. after a build
// of the pages cleaned dist/ — it runs the TypeScript sources through tsx when that is installed,
// and otherwise says what to do.
"use strict";
const fs = require("fs");
const path = require("path");

const bundle = path.join(__dirname, "..", "dist", "cli.js");
if (fs.existsSync(bundle)) {
  require(bundle);
} else {
  let register;
  try {
    register = require("tsx/cjs/api").register;
  } catch (_missing) {
    process.stderr.write(
      "bureau-stats：找不到 dist/cli.js（命令行尚未构建）。请在项目目录运行 npm run build:cli（或 npm ci）后再试。\n"
    );
    process.exit(2);
  }
  if (process.stderr.isTTY) {
    process.stderr.write("（未找到 dist/cli.js，直接运行源码；npm run build:cli 可加快启动）\n");
  }
  register();
  require(path.join(__dirname, "..", "src", "cli", "index.ts"));
}
