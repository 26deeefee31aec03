/** What a drafted definition carries besides the definitions: what was found, for the bureau to check. */
import type { ColumnDefinition, TableDefinition } from "../schema";

/** One sheet a drafted table was read from (rows 1-based, as Excel shows them). */
export interface DraftedSheet {
  readonly sheet: string;
  readonly year: number | undefined;
  readonly headerRows: readonly number[];
  readonly dataRows: number;
  /** The 合计 row, or undefined when the sheet has none. */
  readonly totalRow: number | undefined;
  /** Non-blank rows below the table taken for notes or signatures (no 合计 row above them). */
  readonly notesBelow: number;
}

/** What the draft found for one table, for the bureau to check. */
export interface DraftedTableReport {
  readonly id: string;
  readonly label: string;
  readonly name: string;
  readonly sheets: readonly DraftedSheet[];
  readonly columns: readonly {
    readonly column: ColumnDefinition;
    readonly notes: readonly string[];
  }[];
  /** The figures: the 合计 of a column, or a column per group (`受理数（按渠道分）`). */
  readonly figures: readonly string[];
  /** Things to look at, in Chinese. */
  readonly notes: readonly string[];
}

export interface DefinitionsDraftReport {
  readonly tables: readonly DraftedTableReport[];
  /** Sheets no table was drafted from, and why (Chinese). */
  readonly skipped: readonly { readonly sheet: string; readonly reason: string }[];
}

export interface DefinitionsDraft {
  /** A definitions file's content: `{ "tables": [ … ] }`. */
  readonly definitions: { readonly tables: readonly TableDefinition[] };
  readonly report: DefinitionsDraftReport;
}
