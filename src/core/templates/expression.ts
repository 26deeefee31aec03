/**
 * Rule expressions (`发展预备党员 = 其中：教工 + 其中：学生`): parsed once by jsep into an AST, then
 * compiled once into a tree of small closures over column indexes. Evaluating a row is a few
 * array reads and arithmetic: no `eval`, no `new Function`, no parsing per row.
 *
 * Values: a row is a `Float64Array` indexed by the template's column index (NaN = blank or
 * unreadable); enum columns hold the index of their allowed value, so `单位类型 = "初中"` compares
 * two numbers. Settings are a second array. Results are numbers (comparisons give 1 or 0).
 */
import jsep from "jsep";

// Operators as statisticians write them; jsep keeps one operator table, so this applies wherever
// jsep is used in the bundle (only here).
jsep.addBinaryOp("=", 6);
jsep.addBinaryOp("≠", 6);
jsep.addBinaryOp("≤", 7);
jsep.addBinaryOp("≥", 7);
jsep.addBinaryOp("×", 10);

/** One compiled node: row values and setting values → number. */
export type Evaluator = (row: Float64Array, settings: Float64Array) => number;

/** What an expression may name. */
export interface ExpressionScope {
  /** Template column index of a header (matched after normalising), or undefined. */
  column(name: string): number | undefined;
  /** The allowed values of an enum column, or undefined for other columns. */
  allowed(column: number): readonly string[] | undefined;
  /** True for money columns (fen). */
  isMoney(column: number): boolean;
  /** Slot of a setting in the settings array, and whether it is money; undefined if unknown. */
  setting(name: string): { slot: number; money: boolean } | undefined;
  /** True when the setting in this slot is money (fen in expressions). */
  settingIsMoney(slot: number): boolean;
}

export interface CompiledExpression {
  readonly source: string;
  readonly evaluate: Evaluator;
  /** Template column indexes the expression reads, in order of first use. */
  readonly columns: readonly number[];
  /** Setting slots the expression reads. */
  readonly settings: readonly number[];
  /** When the expression is a comparison: its sides (to show the values compared). */
  readonly comparison?: {
    readonly operator: string;
    readonly left: Evaluator;
    readonly right: Evaluator;
    /** A side is money (in fen) when it reads a money column or a money setting. */
    readonly leftMoney: boolean;
    readonly rightMoney: boolean;
    /** Template column index when the right side is a single column. */
    readonly rightColumn: number | undefined;
  };
}

/** A template expression that cannot be compiled (a developer's error in a template). */
export class ExpressionError extends Error {}

const COMPARISON = new Set(["=", "==", "===", "≠", "!=", "!==", "<", "≤", "<=", ">", "≥", ">="]);

/**
 * Parses and compiles an expression against a scope.
 * @example compileExpression("a = b + c", scope).evaluate(Float64Array.of(3, 1, 2), new Float64Array()) // 1
 */
export function compileExpression(source: string, scope: ExpressionScope): CompiledExpression {
  let ast: jsep.Expression;
  try {
    ast = jsep(source);
  } catch (e) {
    throw new ExpressionError(`表达式无法解析：${source}（${(e as Error).message}）`);
  }
  const columns: number[] = [];
  const settings: number[] = [];
  const evaluate = compileNode(ast, scope, columns, settings, source);
  let comparison: CompiledExpression["comparison"];
  const isText = (e: jsep.Expression): boolean =>
    e.type === "Literal" && typeof e.value === "string";
  if (
    ast.type === "BinaryExpression" &&
    COMPARISON.has(String(ast.operator)) &&
    !isText((ast as jsep.BinaryExpression).left) &&
    !isText((ast as jsep.BinaryExpression).right)
  ) {
    const b = ast as jsep.BinaryExpression;
    const leftCols: number[] = [];
    const leftSettings: number[] = [];
    const rightCols: number[] = [];
    const rightSettings: number[] = [];
    const left = compileNode(b.left, scope, leftCols, leftSettings, source);
    const right = compileNode(b.right, scope, rightCols, rightSettings, source);
    const money = (cols: number[], slots: number[]): boolean =>
      cols.some((c) => scope.isMoney(c)) || slots.some((slot) => scope.settingIsMoney(slot));
    comparison = {
      operator: b.operator,
      left,
      right,
      leftMoney: money(leftCols, leftSettings),
      rightMoney: money(rightCols, rightSettings),
      rightColumn:
        b.right.type === "Identifier"
          ? scope.column(String((b.right as jsep.Identifier).name))
          : undefined,
    };
  }
  return { source, evaluate, columns, settings, comparison };
}

function compileNode(
  node: jsep.Expression,
  scope: ExpressionScope,
  columns: number[],
  settings: number[],
  source: string
): Evaluator {
  switch (node.type) {
    case "Literal": {
      const v = (node as jsep.Literal).value;
      if (typeof v !== "number") {
        throw new ExpressionError(`表达式 ${source}：文字“${String(v)}”只能与可选值列比较`);
      }
      return () => v;
    }
    case "Identifier": {
      const name = String((node as jsep.Identifier).name);
      const col = scope.column(name);
      if (col !== undefined) {
        if (!columns.includes(col)) columns.push(col);
        return (row) => row[col] as number;
      }
      const s = scope.setting(name);
      if (s !== undefined) {
        if (!settings.includes(s.slot)) settings.push(s.slot);
        const slot = s.slot;
        return (_row, set) => set[slot] as number;
      }
      throw new ExpressionError(`表达式 ${source}：未知的列或设置 ${name}`);
    }
    case "UnaryExpression": {
      const u = node as jsep.UnaryExpression;
      const arg = compileNode(u.argument, scope, columns, settings, source);
      if (u.operator === "-") return (r, s) => -arg(r, s);
      if (u.operator === "+") return arg;
      if (u.operator === "!") return (r, s) => (arg(r, s) ? 0 : 1);
      throw new ExpressionError(`表达式 ${source}：不支持的运算 ${u.operator}`);
    }
    case "BinaryExpression":
      return compileBinary(node as jsep.BinaryExpression, scope, columns, settings, source);
    default:
      throw new ExpressionError(`表达式 ${source}：不支持的写法 ${node.type}`);
  }
}

function compileBinary(
  b: jsep.BinaryExpression,
  scope: ExpressionScope,
  columns: number[],
  settings: number[],
  source: string
): Evaluator {
  const op = b.operator;
  // enum column compared with a text literal: compare indexes
  const enumSide = enumComparison(b, scope, columns, source);
  if (enumSide) {
    const [col, index] = enumSide;
    if (op === "=" || op === "==" || op === "===") return (r) => (r[col] === index ? 1 : 0);
    if (op === "≠" || op === "!=" || op === "!==")
      return (r) => (r[col] !== index && r[col] === r[col] ? 1 : 0);
    throw new ExpressionError(`表达式 ${source}：可选值只能用 = 或 ≠ 比较`);
  }
  const l = compileNode(b.left, scope, columns, settings, source);
  const r = compileNode(b.right, scope, columns, settings, source);
  switch (op) {
    case "+":
      return (x, s) => l(x, s) + r(x, s);
    case "-":
      return (x, s) => l(x, s) - r(x, s);
    case "*":
    case "×":
      return (x, s) => l(x, s) * r(x, s);
    case "/":
      return (x, s) => l(x, s) / r(x, s);
    case "=":
    case "==":
    case "===":
      return (x, s) => (l(x, s) === r(x, s) ? 1 : 0);
    case "≠":
    case "!=":
    case "!==":
      return (x, s) => (l(x, s) !== r(x, s) ? 1 : 0);
    case "<":
      return (x, s) => (l(x, s) < r(x, s) ? 1 : 0);
    case "≤":
    case "<=":
      return (x, s) => (l(x, s) <= r(x, s) ? 1 : 0);
    case ">":
      return (x, s) => (l(x, s) > r(x, s) ? 1 : 0);
    case "≥":
    case ">=":
      return (x, s) => (l(x, s) >= r(x, s) ? 1 : 0);
    case "&&":
      return (x, s) => (l(x, s) && r(x, s) ? 1 : 0);
    case "||":
      return (x, s) => (l(x, s) || r(x, s) ? 1 : 0);
    default:
      throw new ExpressionError(`表达式 ${source}：不支持的运算 ${op}`);
  }
}

/** `[column, index of the literal]` when one side is an enum column and the other a text literal. */
function enumComparison(
  b: jsep.BinaryExpression,
  scope: ExpressionScope,
  columns: number[],
  source: string
): [number, number] | undefined {
  const pairs: Array<[jsep.Expression, jsep.Expression]> = [
    [b.left, b.right],
    [b.right, b.left],
  ];
  for (const [id, lit] of pairs) {
    if (id.type !== "Identifier" || lit.type !== "Literal") continue;
    const value = (lit as jsep.Literal).value;
    if (typeof value !== "string") continue;
    const col = scope.column(String((id as jsep.Identifier).name));
    const allowed = col === undefined ? undefined : scope.allowed(col);
    if (col === undefined || allowed === undefined) {
      throw new ExpressionError(`表达式 ${source}：${String(id.name)} 不是可选值列`);
    }
    const index = allowed.indexOf(value);
    if (index < 0)
      throw new ExpressionError(`表达式 ${source}：“${value}”不是“${String(id.name)}”的可选值`);
    if (!columns.includes(col)) columns.push(col);
    return [col, index];
  }
  return undefined;
}
