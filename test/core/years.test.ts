import { describe, expect, it } from "vitest";
import { FIRST_YEAR, LAST_YEAR, isStatYear, parseStatYear } from "../../src/core/years";

describe("statistical years: one range everywhere", () => {
  it.each([
    [FIRST_YEAR, true],
    [LAST_YEAR, true],
    [2013, true],
    [FIRST_YEAR - 1, false],
    [LAST_YEAR + 1, false],
    [13, false],
    [2013.5, false],
    [Number.NaN, false],
  ])("isStatYear(%s) is %s", (n, ok) => {
    expect(isStatYear(n)).toBe(ok);
  });

  it.each([
    ["2013", 2013],
    [" 2013 ", 2013],
    ["２０１３", 2013],
    ["1900", 1900],
    ["2099", 2099],
    ["1899", undefined],
    ["2100", undefined],
    ["13", undefined],
    ["2013年", undefined],
    ["", undefined],
    ["二〇一三", undefined],
  ])("parseStatYear(%j) is %s", (text, year) => {
    expect(parseStatYear(text)).toBe(year);
  });
});
