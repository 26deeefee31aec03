/**
 * What a rule expression over a table's columns sees: its headers (and aliases), each column's
 * allowed values and money unit, the settings, and last year's values (`上年(列)`). A leaf of the
 * definitions: the checks, the compiler and the reading of the older form all build on it.
 */
import { SETTING_NAMES } from "../settings";
import { normaliseHeader } from "../read/normalise";
import { ExpressionError, PREVIOUS_YEAR, type ExpressionScope } from "./expression";
import { moneyScale, type ColumnDefinition } from "./schema";

/** Setting slots of rule expressions (`SETTING_NAMES` order). */
export const SETTING_SLOTS = Object.keys(SETTING_NAMES);

/** What an expression over a table's columns sees, and the columns by header. */
export interface ColumnScope {
  readonly scope: ExpressionScope;
  /** Column index by normalised header (and alias). */
  readonly headerIndex: ReadonlyMap<string, number>;
  /** Column index by canonical header. */
  readonly byHeader: ReadonlyMap<string, number>;
}

export type ScopeColumn = Pick<
  ColumnDefinition,
  "header" | "aliases" | "allowed" | "type" | "unique" | "unit"
>;

/**
 * The scope of a table's rule expressions: its headers (and aliases) and the settings;
 * `moneyInFen` for a table of the older form (see `DEFINITIONS_VERSION`).
 */
export function columnScope(columns: readonly ScopeColumn[], moneyInFen = false): ColumnScope {
  const headerIndex = new Map<string, number>();
  const byHeader = new Map<string, number>();
  columns.forEach((c, i) => {
    byHeader.set(c.header, i);
    headerIndex.set(normaliseHeader(c.header), i);
    for (const a of c.aliases ?? []) {
      const key = normaliseHeader(a);
      if (!headerIndex.has(key)) headerIndex.set(key, i);
    }
  });
  const n = columns.length;
  const keyColumn = columns.findIndex((c) => c.unique === true);
  const scope: ExpressionScope = {
    column: (name) => headerIndex.get(normaliseHeader(name)),
    // a slot from n on is last year's value of column slot − n (`上年(列)`)
    allowed: (col) => columns[col % n]?.allowed,
    moneyScale: (col) => {
      const c = columns[col % n];
      return c ? moneyScale(c) : undefined;
    },
    setting: (name) => {
      const slot = SETTING_SLOTS.indexOf(name);
      return slot < 0 ? undefined : { slot, money: SETTING_NAMES[name]?.kind === "money" };
    },
    moneyInFen,
    previous: (col) => {
      if (keyColumn < 0)
        throw new ExpressionError(
          `${PREVIOUS_YEAR}(…) 要按唯一列（unique: true，如“单位名称”）找到上年同一行，本表没有唯一列`
        );
      return n + col;
    },
  };
  return { scope, headerIndex, byHeader };
}
