// Year-on-year comparison (docs/wording.md): exact arithmetic, Chinese wording, table comparison.
export * from "./numbers";
export * from "./yoy";
export * from "./compare";
