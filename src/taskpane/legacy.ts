/**
 * Built-ins newer than the browser engines some WPS builds embed (older Chromium-based engines:
 * no `Array.prototype.at`, no `crypto.randomUUID` …), added only where missing. Imported first
 * by the WPS page; the build lowers the syntax to ES2017 (webpack.wps.js), and the e2e test runs
 * the page with these built-ins removed.
 */

function define(target: object, name: string, value: unknown): void {
  if (!(name in target))
    Object.defineProperty(target, name, {
      value,
      writable: true,
      configurable: true,
      enumerable: false,
    });
}

define(Array.prototype, "at", function at<T>(this: T[], i: number): T | undefined {
  const n = Math.trunc(i) || 0;
  return this[n < 0 ? this.length + n : n];
});
define(String.prototype, "at", function at(this: string, i: number): string | undefined {
  const n = Math.trunc(i) || 0;
  return this.charAt(n < 0 ? this.length + n : n) || undefined;
});
define(Array.prototype, "flat", function flat(this: unknown[], depth = 1): unknown[] {
  return depth < 1
    ? this.slice()
    : this.reduce<unknown[]>(
        (out, v) =>
          out.concat(
            Array.isArray(v) ? (flat as (d: number) => unknown[]).call(v, depth - 1) : [v]
          ),
        []
      );
});
define(Array.prototype, "flatMap", function flatMap<
  T,
  U,
>(this: T[], f: (v: T, i: number, a: T[]) => U | U[], thisArg?: unknown): U[] {
  return this.reduce<U[]>((out, v, i, a) => out.concat(f.call(thisArg, v, i, a)), []);
});
define(Array.prototype, "findLast", function findLast<
  T,
>(this: T[], f: (v: T, i: number) => boolean) {
  for (let i = this.length - 1; i >= 0; i--) if (f(this[i]!, i)) return this[i];
  return undefined;
});
define(Object, "fromEntries", (entries: Iterable<readonly [PropertyKey, unknown]>) => {
  const o: Record<PropertyKey, unknown> = {};
  for (const [k, v] of entries) o[k] = v;
  return o;
});
define(Object, "hasOwn", (o: object, k: PropertyKey) => Object.prototype.hasOwnProperty.call(o, k));
define(
  String.prototype,
  "replaceAll",
  function replaceAll(this: string, search: string | RegExp, rep: string) {
    if (search instanceof RegExp) return this.replace(search, rep);
    return this.split(search).join(rep);
  }
);
define(String.prototype, "trimStart", String.prototype.trimLeft);
define(String.prototype, "trimEnd", String.prototype.trimRight);
define(Promise, "allSettled", (ps: Iterable<unknown>) =>
  Promise.all(
    Array.from(ps, (p) =>
      Promise.resolve(p).then(
        (value) => ({ status: "fulfilled", value }),
        (reason: unknown) => ({ status: "rejected", reason })
      )
    )
  )
);
define(globalThis, "queueMicrotask", (f: () => void) => void Promise.resolve().then(f));
if (typeof crypto !== "undefined" && typeof crypto.getRandomValues === "function")
  define(crypto, "randomUUID", () => {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6]! & 0x0f) | 0x40;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  });
