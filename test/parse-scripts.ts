/**
 * Whether built scripts parse under an older edition of JavaScript (acorn, as webpack uses it):
 * the WPS package and the pane's pages are lowered to ES2017 for older embedded engines, and the
 * task pane's Internet Explorer notice is plain ES5.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parse, type ecmaVersion } from "acorn";

/** Every file under `dir`, as paths relative to it. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p).map((x) => path.join(f, x)) : [f];
  });
}

/** acorn's complaint about `code` as a classic script of `version`, or undefined when it parses. */
export function parseError(code: string, version: ecmaVersion): string | undefined {
  try {
    parse(code, { ecmaVersion: version, sourceType: "script" });
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * The .js files under `dir` (relative paths) and those of them that do not parse as `version`,
 * each as `file: acorn's message`.
 */
export function scriptsNotParsing(
  dir: string,
  version: ecmaVersion
): { scripts: string[]; failures: string[] } {
  const scripts = filesUnder(dir).filter((f) => f.endsWith(".js"));
  const failures = scripts.flatMap((f) => {
    const error = parseError(readFileSync(path.join(dir, f), "utf8"), version);
    return error === undefined ? [] : [`${f}: ${error}`];
  });
  return { scripts, failures };
}
