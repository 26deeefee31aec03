/**
 * The fake Excel refuses, as real Excel does, every member newer than the ExcelApi set it declares.
 *
 * Real Excel: office.js (the script) always has the member, but a host without its requirement
 * set answers the request with the error code `ApiNotFound`, "The API you are trying to use could
 * not be found. It may be available in a newer version of Excel." (table of error codes in
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling;
 * the same answer quoted in github.com/microsoftgraph/microsoft-graph-docs-contrib/issues/3425; "Office 2016 users
 * are forced to use ExcelApi 1.1. If users run an add-in with APIs in later requirement sets,
 * they'll hit an error": Microsoft's docs writer in github.com/OfficeDev/office-js-docs-pr/pull/1125).
 * Each member's set is its `[Api set: ExcelApi x.y]` in @types/office-js, read into
 * `excel-api-sets.generated.ts`.
 *
 * The gate wraps the objects the add-in reaches from `context.workbook` in a JS Proxy: calling a
 * method, setting a property or loading a property above the declared set queues a command that
 * fails the next sync with `ApiNotFound`; whatever is reached through such a member (the
 * `freezePanes` of a 1.6 sheet, the `onChanged` of 1.8 worksheets) is refused in turn. Sets given
 * to a parameter only (`getUsedRange(valuesOnly)`, 1.2) are not enforced. A call is refused even
 * when its result is never used (real office.js sends an object's path only with a command that
 * uses it): the fake is stricter there, never laxer.
 */
import { EXCEL_API_SETS } from "./excel-api-sets.generated";

/** What the gate needs of the request context. */
export interface ApiGate {
  /** Highest ExcelApi version the host has. */
  readonly excelApi: string;
  /** Queues a command that fails the next sync with ApiNotFound. */
  refuse(member: string, set: string): void;
}

/** Whether version `a` is above `b` (`1.10` > `1.9`); "" is below everything. */
export function versionAbove(a: string, b: string): boolean {
  if (!a) return false;
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d > 0;
  }
  return false;
}

/** A member of an Excel class: its set ("" = none given) and the Excel class it returns. */
function member(cls: string | undefined, name: string): { set: string; type?: string } | undefined {
  const entry = cls ? EXCEL_API_SETS[cls]?.[name] : undefined;
  if (entry === undefined) return undefined;
  const [first = "", second] = entry.split(" ");
  return /^\d/.test(first) ? { set: first, type: second } : { set: "", type: first || undefined };
}

/** A requirement: the highest set along the path to an object, and the member that asks it. */
interface Need {
  readonly set: string;
  readonly what: string;
}

function higher(a: Need | undefined, b: Need | undefined): Need | undefined {
  if (!a) return b;
  if (!b) return a;
  return versionAbove(b.set, a.set) ? b : a;
}

/** The properties a `load` argument names (`"a,b"`, `["a"]`, `{ select }`). */
function loadPaths(arg: unknown): string[] {
  if (typeof arg === "string") return arg.split(",");
  if (Array.isArray(arg)) return arg.map(String);
  if (arg && typeof arg === "object") {
    const select = (arg as { select?: unknown }).select;
    if (select !== undefined) return loadPaths(select);
  }
  return [];
}

/** The highest need of the properties loaded (`format/fill/pattern` walks the classes). */
function loadNeed(cls: string | undefined, arg: unknown): Need | undefined {
  let need: Need | undefined;
  for (const path of loadPaths(arg)) {
    let at = cls;
    for (const seg of path.trim().split("/")) {
      const m = member(at, seg);
      if (!m) break;
      if (m.set) need = higher(need, { set: m.set, what: `${at}.${seg}` });
      at = m.type;
    }
  }
  return need;
}

/**
 * `obj` seen through the gate as an Excel object of class `cls` (undefined for an object of no
 * class in the table, e.g. an event's handlers), reached through members that need `need`.
 */
export function gateExcelApi<T extends object>(
  obj: T,
  cls: string | undefined,
  gate: ApiGate,
  need?: Need
): T {
  const above = (n: Need | undefined): n is Need =>
    n !== undefined && versionAbove(n.set, gate.excelApi);
  const wrapped = new WeakMap<object, unknown>();
  const wrap = (value: unknown, type: string | undefined, n: Need | undefined): unknown => {
    if (value === null || typeof value !== "object") return value;
    if (value === obj) return proxy;
    if (type === undefined && !above(n)) return value;
    let w = wrapped.get(value);
    if (w === undefined) {
      w = Array.isArray(value)
        ? value.map((v: unknown) => wrap(v, type, n))
        : gateExcelApi(value, type, gate, n);
      wrapped.set(value, w);
    }
    return w;
  };
  const proxy: T = new Proxy(obj, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof prop !== "string") return value;
      const m = member(cls, prop);
      const n = higher(need, m?.set ? { set: m.set, what: `${cls}.${prop}` } : undefined);
      if (typeof value === "function") {
        return (...args: unknown[]) => {
          const all = prop === "load" ? higher(n, loadNeed(cls, args[0])) : n;
          if (above(all)) gate.refuse(all.what, all.set);
          return wrap(
            (value as (...a: unknown[]) => unknown).apply(target, args),
            m?.type ?? (prop === "load" ? cls : undefined),
            n
          );
        };
      }
      return wrap(value, m?.type, n);
    },
    set(target, prop, value) {
      if (typeof prop === "string") {
        const m = member(cls, prop);
        const n = higher(need, m?.set ? { set: m.set, what: `${cls}.${prop}` } : undefined);
        if (above(n)) gate.refuse(n.what, n.set);
      }
      return Reflect.set(target, prop, value, target);
    },
  });
  return proxy;
}
