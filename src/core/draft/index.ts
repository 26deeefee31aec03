// Drafted report paragraphs (docs/wording.md): phrasing as data, wording rules in code.
export * from "./phrases";
export * from "./draft";
