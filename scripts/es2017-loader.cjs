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

function lowerPropertyEscapes(code) {
  // the calls first: the literals' rewrite writes such calls itself
  return code
    .replace(CONSTRUCTED, (call, quoted, flags) => {
      if (!flags.includes("u") || !/\\\\[pP]\{/.test(quoted)) return call;
      try {
        return withFallback(JSON.parse(quoted), flags);
      } catch (unknownEscape) {
        void unknownEscape; // an escape JSON does not know: left as it was
        return call;
      }
    })
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
          r.code.includes("\\p{") || r.code.includes("\\P{")
            ? lowerPropertyEscapes(r.code)
            : r.code,
          r.map || undefined
        ),
      (e) => done(e)
    );
};

module.exports.lowerPropertyEscapes = lowerPropertyEscapes;
