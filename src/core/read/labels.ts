/**
 * Words every statistical table's frame uses, shared by the readers (finding a table and its
 * year, telling the totals row) and the definitions (writing the blank workbook). A leaf: it
 * imports nothing, so reading and definitions both depend on it and not on each other.
 */

/** The label/value pairs of row 2 of every table sheet (the value goes in the cell after the label). */
export const FRAME_LABELS = ["填报单位", "统计年度", "填报人", "填报日期"] as const;

/** The first-column text of the totals row. */
export const TOTAL_LABEL = "合计";
