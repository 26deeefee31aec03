// A webpack loader that lowers a module to ES2017 with esbuild (TypeScript/JSX too), for the
// pages (webpack.config.js) and the WPS build (webpack.wps.js): Office 2016/2019 without WebView2
// show the task pane in EdgeHTML (Edge 18) and some WPS builds embed older browser engines, so
// the page's own code AND its libraries (React, Fluent UI, zod …, shipped as ES2020+) are
// transpiled. esbuild comes with tsx (a dev dependency), as in the e2e tests' fake bundling.
//
// esbuild turns the ES2018 regular-expression features it can (named groups, the s flag) into
// `new RegExp(…)`, but leaves Unicode property escapes (`/[\p{L}\p{N}_]/u`) as literals, which an
// ES2017 engine cannot even parse. Those are rewritten here into a RegExp built at run time, with
// an approximation (letters/digits → ASCII letters and digits plus every non-ASCII character)
// where the engine refuses the escape (Edge 18 does) — and so are the `new RegExp("…\\p{L}…", "u")`
// calls libraries make themselves, which would otherwise throw when their module loads there.
// The s flag in such calls is written out (each `.` as `[\s\S]`). Lookbehind cannot be: the
// code avoids it (eslint.config.mjs), and what libraries build with it fails only when called.
const path = require("path");
const esbuild = require("esbuild");

/** Something shaped like a regular-expression literal (body, flags); only those with \p{…} are touched. */
const LITERAL = /\/((?:[^/\\\n[]|\\.|\[(?:[^\]\\\n]|\\.)*\])+)\/([dgimsuy]*)/g;
/** `new RegExp("…", "…")` with a double-quoted source, as libraries write it (docx does, with \p{L}). */
const CONSTRUCTED = /new RegExp\(\s*("(?:[^"\\\n]|\\.)*")\s*,\s*"([dgimsuy]*)"\s*\)/g;

/**
 * What an engine without property escapes gets instead (as a class's contents): ASCII letters and
 * every non-ASCII character for letters, ASCII digits for numbers, both for anything else.
 */
function approximation(escape) {
  const name = escape.slice(3, -1);
  if (/^(L|Letter|Alphabetic|Alpha)$/.test(name)) return "A-Za-z\\u00AA-\\uFFFF";
  if (/^(N|Nd|Number|Decimal_Number|digit)$/.test(name)) return "0-9";
  return "A-Za-z0-9\\u00AA-\\uFFFF";
}

/** `body` with each \p{…} approximated (a class of its own outside a class; \P{…} negated there). */
function approximate(body) {
  let out = "";
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    const escape = body[i] === "\\" ? /^\\[pP]\{[^}]*\}|^\\[^]/.exec(body.slice(i))[0] : "";
    if (/^\\[pP]\{/.test(escape))
      out += inClass
        ? approximation(escape)
        : `[${escape[1] === "P" ? "^" : ""}${approximation(escape)}]`;
    else if (escape) out += escape;
    else {
      if (body[i] === "[") inClass = true;
      else if (body[i] === "]") inClass = false;
      out += body[i];
    }
    i += Math.max(escape.length - 1, 0);
  }
  return out;
}

/** A RegExp built at run time: with the escapes where the engine knows them, else approximated. */
function withFallback(body, flags) {
  return (
    `(function(){try{return new RegExp(${JSON.stringify(body)},${JSON.stringify(flags)})}` +
    `catch(e){return new RegExp(${JSON.stringify(approximate(body))},${JSON.stringify(flags.replace("u", ""))})}})()`
  );
}

/** `body` with each `.` outside a class written `[\s\S]`: what the s flag means, without it. */
function dotAll(body) {
  let out = "";
  let inClass = false;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === "\\") {
      out += body.slice(i, i + 2);
      i++;
      continue;
    }
    if (body[i] === "[") inClass = true;
    else if (body[i] === "]") inClass = false;
    out += body[i] === "." && !inClass ? "[\\s\\S]" : body[i];
  }
  return out;
}

/** A call `new RegExp("…", flags)` Edge 18 can make (no s flag; \p{…} with a fallback), or undefined. */
function constructedForOldEngines(quoted, flags) {
  const escapes = flags.includes("u") && /\\\\[pP]\{/.test(quoted);
  if (!escapes && !flags.includes("s")) return undefined;
  let body;
  try {
    body = JSON.parse(quoted);
  } catch (unknownEscape) {
    void unknownEscape; // an escape JSON does not know: left as it was
    return undefined;
  }
  if (flags.includes("s")) {
    body = dotAll(body);
    flags = flags.replace("s", "");
  }
  return escapes
    ? withFallback(body, flags)
    : `new RegExp(${JSON.stringify(body)},${JSON.stringify(flags)})`;
}

/**
 * Regular expressions Edge 18 cannot compile, rewritten: property escapes in literals and in
 * `new RegExp("…", "u")` calls (esbuild writes the s flag and named groups as such calls, and
 * libraries write their own), and the s flag in such calls.
 */
function lowerRegExps(code) {
  // the calls first: the literals' rewrite writes such calls itself
  return code
    .replace(CONSTRUCTED, (call, quoted, flags) => constructedForOldEngines(quoted, flags) || call)
    .replace(LITERAL, (literal, body, flags) =>
      /\\[pP]\{/.test(body) && flags.includes("u") ? withFallback(body, flags) : literal
    );
}

module.exports = function es2017Loader(source) {
  const done = this.async();
  const ext = path.extname(this.resourcePath).slice(1);
  const loader = ext === "tsx" ? "tsx" : ext === "ts" ? "ts" : ext === "jsx" ? "jsx" : "js";
  esbuild
    .transform(source, {
      loader,
      target: "es2017",
      jsx: "automatic",
      // left for webpack, which resolves them at build time (no ES2020 syntax reaches the
      // output): `new Worker(new URL("./x.ts", import.meta.url))` is how the workers are bundled;
      // esbuild would otherwise empty import.meta, breaking them (the page fell back to reading on
      // its main thread)
      supported: { "import-meta": true },
      sourcefile: this.resourcePath,
      // development builds map to the sources (the rewrite below keeps lines, shifts columns)
      sourcemap: this.sourceMap ? "external" : false,
      logLevel: "silent",
    })
    .then(
      (r) =>
        done(
          null,
          /\\[pP]\{|new RegExp\(/.test(r.code) ? lowerRegExps(r.code) : r.code,
          r.map || undefined
        ),
      (e) => done(e)
    );
};

module.exports.lowerRegExps = lowerRegExps;
