/**
 * The built-in statistical tables are data: `builtin/T1.json` … `builtin/T4.json` (columns,
 * rules, figures, blank rows and report sentences); a bureau's own definitions, any number of
 * tables, are the same data read from a file or a 报表定义 sheet. Adding an indicator, a rule or
 * a sentence is a change to that data only: `index.ts` validates it with the zod schema when
 * loaded, and the engine compiles each rule expression once.
 *
 * Expressions name columns by their header; `=`, `≠`, `<`, `≤`, `>`, `≥` (or `==`, `<=` …),
 * `+ - * /`, `&&`, `||`, `!` and string literals for enum values; a header with punctuation in
 * square brackets (`[金额(元)]`). A number beside money is in 元 (万元 beside a 万元 column), as is a
 * money setting (`慰问金人均上限`); definitions without `version: 2` wrote it in fen and are
 * rewritten when loaded (`upgrade.ts`). In a row rule `上年(列)` is last year's
 * value of the same unit's row; a `figures` rule names figures instead (`列`, `列["分组"]`,
 * `表1.列`, `上年(…)`: see `figure-rules.ts`).
 */
import T1 from "./builtin/T1.json";
import T2 from "./builtin/T2.json";
import T3 from "./builtin/T3.json";
import T4 from "./builtin/T4.json";

/**
 * The built-in tables, as data files (`builtin/*.json`, checked against `definitions.schema.json`
 * by an editor, and by the same zod schema a bureau's own definitions go through when loaded).
 */
export const BUILTIN_DEFINITION_DATA: readonly unknown[] = [T1, T2, T3, T4];
