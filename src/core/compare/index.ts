// Year-on-year comparison (docs/wording.md): exact arithmetic, Chinese wording, table comparison;
// a figure over several years, its wording and its checks.
export * from "./numbers";
export * from "./yoy";
export * from "./compare";
export * from "./series";
export * from "./series-wording";
export * from "./series-checks";
export * from "./figure-series";
