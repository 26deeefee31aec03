/**
 * Function types used by the components' props (kept in a .ts file: the lint config for .tsx
 * reads parameter names in function types as unused variables).
 */
import type { ReactNode } from "react";
import type { ShownIssue } from "./engine";
import type { TableDefinition, IssuePlace } from "../core";

/** Renders where an issue is (browser page: the grid around the cell). */
export type CellPreviewRenderer = (
  sheet: string,
  cell: string,
  place?: IssuePlace,
  /** Several ranges to highlight at once (a number of the draft); `cell` is the first. */
  ranges?: readonly string[]
) => ReactNode;

/** Makes the blank-template workbook for a year, of the tables in force (browser page). */
export type TemplateDownload = (
  year: number,
  definitions?: readonly TableDefinition[]
) => Promise<Uint8Array>;

/** Called when the user clicks an issue. */
export type IssueSelect = (shown: ShownIssue) => void;

/** Turns the result of a host action into the sentence shown after it. */
export type Describe<T> = (result: T) => string;
