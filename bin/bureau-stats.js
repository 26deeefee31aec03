#!/usr/bin/env node
// `bureau-stats` (统计报表助手 command line). Starts the bundle built by `npm run build:cli`
// (dist/cli.js, made by `npm ci` through the `prepare` script). Without it, it says so and stops:
// it never runs the TypeScript sources instead (they are slower, and `template`/`--docx` would
// not find what the bundle keeps outside), so what runs is always what was built and tested.
"use strict";
const fs = require("fs");
const path = require("path");

const bundle = path.join(__dirname, "..", "dist", "cli.js");
if (!fs.existsSync(bundle)) {
  process.stderr.write(
    "bureau-stats：找不到 dist/cli.js（命令行尚未构建）。请在项目目录运行 npm run build:cli（或 npm ci）后再试。\n"
  );
  process.exit(2);
}
require(bundle);
