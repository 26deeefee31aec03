// Builds the command line `bureau-stats` into dist/cli.js (target Node), so that it starts fast:
// one file to load instead of transpiling TypeScript at every run. Run by `npm run build:cli`,
// and by the `prepare` script, so `npx bureau-stats` works right after `npm ci`.
//
// docx (--docx) stays outside the bundle and is required from node_modules only by the command
// that needs it; everything else (core, reader, the template writer, fflate, zod, jsep) is bundled.
const path = require("path");
const { CORE_SIDE_EFFECT_FREE } = require("./webpack.config.js");

module.exports = (_env, argv) => ({
  mode: argv.mode || "production",
  target: "node20",
  entry: { cli: "./src/cli/index.ts" },
  output: {
    path: path.resolve(__dirname, "dist"),
    filename: "[name].js",
    chunkFilename: "cli-[name].js",
    // dist/ also holds the pages' build: never clean it from here
    clean: false,
  },
  resolve: { extensions: [".ts", ".js", ".mjs", ".json"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          // types are checked by `npm run typecheck`; the build only transpiles
          options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: false } },
        },
      },
      { test: /\.m?js$/, resolve: { fullySpecified: false } },
      CORE_SIDE_EFFECT_FREE,
    ],
  },
  externals: { docx: "commonjs docx" },
  optimization: { minimize: false, splitChunks: false },
  devtool: false,
  performance: { hints: false },
  stats: "errors-warnings",
});
