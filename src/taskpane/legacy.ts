/**
 * Built-ins newer than the older engines the pages meet, added only where missing: the engines
 * some WPS builds embed (older Chromium: no `Array.prototype.at`, no `crypto.randomUUID` …) and
 * EdgeHTML (Edge 18), the task pane's webview in Office on Windows without WebView2
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/browsers-used-by-office-web-add-ins),
 * which also lacks globalThis, Object.fromEntries, Array.prototype.flat, String.prototype.matchAll,
 * Promise.allSettled, queueMicrotask, WeakRef, ResizeObserver, TextDecoder/TextEncoder,
 * Blob.prototype.arrayBuffer and Node.prototype.isConnected: all came with Chromium-based Edge 79
 * or later (caniuse-lite, in node_modules, for TextEncoder, ResizeObserver and flat; MDN's
 * browser-compat-data, e.g. https://developer.mozilla.org/docs/Web/API/Node/isConnected).
 * Imported first by every page and worker; the builds lower the syntax to ES2017
 * (webpack.config.js, webpack.wps.js), and the WPS e2e test runs its page with some of these
 * built-ins removed. Regular-expression syntax cannot be added this way: the code avoids
 * lookbehind, named groups and the s flag (eslint.config.mjs; scripts/es2017-loader.cjs rewrites
 * what it can of the libraries').
 */
import { LegacyTextDecoder, LegacyTextEncoder } from "./legacyText";

// first: the rest of this file and the libraries refer to globalThis (window, or a worker's self)
if (typeof globalThis === "undefined")
  Object.defineProperty(self, "globalThis", { value: self, writable: true, configurable: true });

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

define(String.prototype, "matchAll", function* matchAll(this: string, re: RegExp) {
  if (!re.global) throw new TypeError("String.prototype.matchAll called with a non-global RegExp");
  // RegExp.prototype.flags is newer than EdgeHTML too
  const flags =
    "g" +
    (re.ignoreCase ? "i" : "") +
    (re.multiline ? "m" : "") +
    (re.unicode ? "u" : "") +
    (re.sticky ? "y" : "");
  const copy = new RegExp(re.source, flags);
  copy.lastIndex = re.lastIndex;
  for (let m = copy.exec(this); m; m = copy.exec(this)) {
    yield m;
    if (m[0] === "") copy.lastIndex++;
  }
});
define(globalThis, "TextDecoder", LegacyTextDecoder);
define(globalThis, "TextEncoder", LegacyTextEncoder);
define(
  globalThis,
  "WeakRef",
  // holds its target strongly: nothing is collected early, at worst a little later
  class WeakRef<T extends object> {
    constructor(private readonly target: T) {}
    deref(): T {
      return this.target;
    }
  }
);
if (typeof Blob !== "undefined")
  define(Blob.prototype, "arrayBuffer", function arrayBuffer(this: Blob) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  });
// Fluent UI asks whether an element is still in the page when a popup closes
if (typeof Node !== "undefined" && !("isConnected" in Node.prototype))
  Object.defineProperty(Node.prototype, "isConnected", {
    configurable: true,
    get(this: Node) {
      return this.nodeType === Node.DOCUMENT_NODE || (this.ownerDocument?.contains(this) ?? false);
    },
  });
if (typeof window !== "undefined")
  define(
    window,
    "ResizeObserver",
    // Fluent UI's positioning (menus, tooltips) and overflow observe element sizes; this one
    // looks when observing starts and whenever the window resizes, not on every layout change
    class ResizeObserver {
      private readonly sizes = new Map<Element, string>();
      constructor(private readonly callback: ResizeObserverCallback) {}
      private readonly check = () => {
        const entries: ResizeObserverEntry[] = [];
        this.sizes.forEach((last, target) => {
          const rect = target.getBoundingClientRect();
          if (`${rect.width}x${rect.height}` === last) return;
          this.sizes.set(target, `${rect.width}x${rect.height}`);
          const box = [{ inlineSize: rect.width, blockSize: rect.height }];
          entries.push({
            target,
            contentRect: rect,
            borderBoxSize: box,
            contentBoxSize: box,
            devicePixelContentBoxSize: box,
          });
        });
        if (entries.length > 0)
          this.callback(entries, this as unknown as globalThis.ResizeObserver);
      };
      observe(target: Element): void {
        if (this.sizes.size === 0) window.addEventListener("resize", this.check);
        this.sizes.set(target, "");
        requestAnimationFrame(this.check);
      }
      unobserve(target: Element): void {
        this.sizes.delete(target);
        if (this.sizes.size === 0) window.removeEventListener("resize", this.check);
      }
      disconnect(): void {
        this.sizes.clear();
        window.removeEventListener("resize", this.check);
      }
    }
  );
