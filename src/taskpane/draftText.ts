/**
 * The draft as the user edits it, split into lines: the core's (`splitDraft`), re-exported for
 * the pane's components.
 */
export { splitDraft, type DraftLine } from "../core";
