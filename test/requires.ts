/**
 * Whether tests that need an outside program (Chromium, xmllint, …) run. On a developer's
 * machine without the program they are skipped; under CI (`CI` set to anything but "", "0" or
 * "false") a missing program is an error, so a green CI run never means "not run".
 */

/**
 * True when the environment says it is CI.
 * @example isCi({ CI: "true" }) // true
 * @example isCi({ CI: "false" }) // false
 */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = (env.CI ?? "").trim().toLowerCase();
  return v !== "" && v !== "0" && v !== "false";
}

/**
 * The decision for a suite that needs `what`: true (run) when it is present, false (skip) when it
 * is missing outside CI; throws under CI when it is missing, saying what and how to install it.
 * @example runsWith({ what: "xmllint", present: false, install: "apt-get install libxml2-utils" }, {}) // false
 */
export function runsWith(
  need: { readonly what: string; readonly present: boolean; readonly install: string },
  env: NodeJS.ProcessEnv = process.env
): boolean {
  if (need.present) return true;
  if (!isCi(env)) return false;
  throw new Error(
    `${need.what} is missing: the tests that need it cannot run, and under CI they fail rather than skip. Install: ${need.install}`
  );
}
