// Public API of the core (pure TypeScript: runs in Node and the browser).
export * from "./model";
export * from "./issues";
export * from "./figures";
