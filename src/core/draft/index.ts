// Drafted report paragraphs (SPEC §3): phrasing as data, wording rules in code.
export * from "./phrases";
export * from "./draft";
