// Year-on-year comparison (SPEC §2): exact arithmetic, Chinese wording, table comparison.
export * from "./numbers";
export * from "./yoy";
export * from "./compare";
