// The punctuation of report text lives at the core's root, below both the drafting and the
// rendering: the draft uses it too, and the renderers import the draft.
export { oneLine, toChinesePunctuation } from "../punctuation";
