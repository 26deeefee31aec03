/**
 * What the UI needs from the core, behind one lazily loaded chunk: validation, comparison and
 * drafting are not part of the first load (the pane shows its first tab without them); they are
 * fetched when the user first runs 校验, in parallel with reading the workbook. The types are in
 * engine-types.ts (the implementation imports them from there, not from here).
 */
import type { Engine } from "./engine-types";

export * from "./engine-types";

let pending: Promise<Engine> | undefined;

/** Loads the core (once); later calls share the same promise. A failed load may be retried. */
export function loadEngine(): Promise<Engine> {
  pending ??= import(/* webpackChunkName: "engine" */ "./engine-impl").then(
    (m) => m.engine,
    (e: unknown) => {
      pending = undefined;
      throw e;
    }
  );
  return pending;
}
