/**
 * The run-or-skip decision of suites that need an outside program: skipped on a developer's
 * machine without it, a failure with a message under CI.
 */
import { describe, expect, it } from "vitest";
import { isCi, runsWith } from "./requires";
import { chromiumAvailable } from "./e2e/chromium";

const NOWHERE = "/nonexistent/bureau-stats/chromium";

describe("isCi", () => {
  it("is true for CI=true or 1, false when unset, empty, 0 or false", () => {
    expect(isCi({ CI: "true" })).toBe(true);
    expect(isCi({ CI: "1" })).toBe(true);
    expect(isCi({})).toBe(false);
    expect(isCi({ CI: "" })).toBe(false);
    expect(isCi({ CI: "0" })).toBe(false);
    expect(isCi({ CI: "FALSE" })).toBe(false);
  });
});

describe("runsWith", () => {
  const need = { what: "xmllint", install: "apt-get install -y libxml2-utils" };
  it("runs when the program is present, in CI or not", () => {
    expect(runsWith({ ...need, present: true }, {})).toBe(true);
    expect(runsWith({ ...need, present: true }, { CI: "true" })).toBe(true);
  });
  it("skips when it is missing outside CI, and fails with what and how under CI", () => {
    expect(runsWith({ ...need, present: false }, {})).toBe(false);
    expect(() => runsWith({ ...need, present: false }, { CI: "true" })).toThrow(
      "xmllint is missing: the tests that need it cannot run, and under CI they fail rather than skip. Install: apt-get install -y libxml2-utils"
    );
  });
});

describe("chromiumAvailable (the browser suites' decision)", () => {
  it("with CHROMIUM_PATH pointing nowhere: skips outside CI, throws under CI", () => {
    expect(chromiumAvailable({ CHROMIUM_PATH: NOWHERE })).toBe(false);
    expect(() => chromiumAvailable({ CHROMIUM_PATH: NOWHERE, CI: "true" })).toThrow(
      `Chromium (${NOWHERE}) is missing: the tests that need it cannot run`
    );
  });
  it("runs with a Chromium that is there (this file stands in for the executable)", () => {
    expect(chromiumAvailable({ CHROMIUM_PATH: __filename, CI: "true" })).toBe(true);
  });
});
