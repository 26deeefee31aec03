// Word-ready output of a draft: plain text, HTML, and the text form the statistician edits (its
// edits applied back to the document). The .docx renderer is NOT re-exported here: it loads the
// `docx` library, so import it on demand: `await import("…/core/render/docx")`.
export * from "./punctuation";
export * from "./style";
export * from "./text";
export * from "./html";
export * from "./lines";
export * from "./edit";
export * from "./doubts";
