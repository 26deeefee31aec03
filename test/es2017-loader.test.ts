/**
 * scripts/es2017-loader.cjs rewrites Unicode property escapes (`\p{L}`), which Edge 18 (EdgeHTML,
 * the task pane's webview in Office without WebView2) refuses, into a RegExp built at run time
 * that falls back to an approximation: for the literals esbuild leaves and for the
 * `new RegExp("…", "u")` calls libraries make (docx builds one when its module loads). The s flag,
 * which Edge 18 refuses too, is written out.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const { lowerRegExps } = createRequire(__filename)("../scripts/es2017-loader.cjs") as {
  lowerRegExps: (code: string) => string;
};

/** Runs `code` (an expression) with a RegExp that, like Edge 18's, refuses \p{…} and the s flag. */
function inOldEngine(code: string): RegExp {
  const OldRegExp = function (source: string, flags?: string) {
    if (/\\[pP]\{/.test(source) || flags?.includes("s"))
      throw new SyntaxError("Invalid regular expression");
    return new RegExp(source, flags);
  };
  return new Function("RegExp", `return ${code};`)(OldRegExp) as RegExp;
}

describe("es2017-loader: Unicode property escapes", () => {
  const cases = [
    { code: String.raw`/^[\p{L}\p{N}_]+$/u`, yes: ["表1_a", "abc"], no: ["a-b", ""] },
    {
      code: String.raw`new RegExp("^\\p{L}[\\p{L}\\p{N}_]*$", "u")`,
      yes: ["表a1", "x_"],
      no: ["1a", "a b"],
    },
  ];

  it.each(cases)(
    "$code: exact where the engine knows \\p, approximated where not",
    ({ code, yes, no }) => {
      const lowered = lowerRegExps(code);
      expect(lowered).not.toBe(code);
      const exact = new Function(`return ${lowered};`)() as RegExp;
      const old = inOldEngine(lowered);
      expect(old.flags).not.toContain("u");
      for (const s of yes) expect([exact.test(s), old.test(s)], s).toEqual([true, true]);
      for (const s of no) expect([exact.test(s), old.test(s)], s).toEqual([false, false]);
    }
  );

  it("writes the s flag out: a dot outside a class matches line breaks", () => {
    const code = String.raw`new RegExp("^\\s*SEQ\\b(.*)[.]$", "is")`;
    const lowered = lowerRegExps(code);
    const old = inOldEngine(lowered);
    expect(old.flags).toBe("i");
    expect(old.exec(" seq a\nb.")?.[1]).toBe(" a\nb");
    expect(old.test(" seq a\nbx")).toBe(false); // the dot in the class stays a dot
  });

  it("leaves everything else alone", () => {
    for (const code of [
      String.raw`/\d+/g`,
      String.raw`new RegExp("\\d+", "g")`,
      String.raw`new RegExp("\\p{L}")`,
    ])
      expect(lowerRegExps(code)).toBe(code);
  });
});
