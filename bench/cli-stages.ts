/**
 * Entry of the staged processes of the command-line benchmark (bench/cli.ts bundles it with
 * esbuild into .cache/bench/cli-stages.js, so it starts like dist/cli.js): `node cli-stages.js
 * <stage> <file>` does what `bureau-stats check <file>` does up to that stage, the same way (Node's
 * inflate, as src/cli/node-io.ts), then exits without printing. Timing whole processes of each
 * stage shows what each part of `check` costs:
 *   start    Node's start and loading the bundle;
 *   read     + reading the .xlsx into the workbook model;
 *   analyze  + validating, comparing and drafting (everything but printing the report).
 */
import { analyzeWorkbook } from "../src/core/analyze";
import { readXlsx } from "../src/hosts/xlsx/read";
import { nodeIO } from "../src/cli/node-io";
import { DEFAULT_LIMITS } from "../src/hosts/xlsx/budget";

const [stage, file] = process.argv.slice(2);
if (stage !== "start" && file) {
  const wb = readXlsx(nodeIO.readFile(file, DEFAULT_LIMITS.maxFileBytes), {
    ...(nodeIO.inflateRaw ? { inflateRaw: nodeIO.inflateRaw } : {}),
    ...(nodeIO.crc32 ? { crc32: nodeIO.crc32 } : {}),
  });
  if (stage === "analyze") analyzeWorkbook(wb, { draft: { numberStyle: "exact" } });
}
