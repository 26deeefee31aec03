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
// where the engine refuses the escape.
const path = require("path");
const esbuild = require("esbuild");

/** Something shaped like a regular-expression literal (body, flags); only those with \p{…} are touched. */
const LITERAL = /\/((?:[^/\\\n[]|\\.|\[(?:[^\]\\\n]|\\.)*\])+)\/([dgimsuy]*)/g;

function lowerPropertyEscapes(code) {
  return code.replace(LITERAL, (literal, body, flags) => {
    if (!/\\[pP]\{/.test(body) || !flags.includes("u")) return literal;
    const fallback = body.replace(/\\[pP]\{[^}]*\}/g, "A-Za-z0-9\\u00AA-\\uFFFF");
    const fallbackFlags = flags.replace("u", "");
    return (
      `(function(){try{return new RegExp(${JSON.stringify(body)},${JSON.stringify(flags)})}` +
      `catch(e){return new RegExp(${JSON.stringify(fallback)},${JSON.stringify(fallbackFlags)})}})()`
    );
  });
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
