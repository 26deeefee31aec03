// Word-ready output of a draft (SPEC §4). The .docx renderer is NOT re-exported here: it loads
// the `docx` library, so import it on demand: `await import("…/core/render/docx")`.
export * from "./punctuation";
export * from "./style";
export * from "./text";
export * from "./html";
