/**
 * The types a column's values may have. A leaf module: the schema checks them and the definition
 * messages name them in words, without either importing the other.
 */

/** Column value types. */
export const COLUMN_TYPES = [
  "text",
  "enum",
  "count",
  "decimal",
  "money",
  "date",
  "percent",
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];
