/**
 * Rule expressions (`发展预备党员 = 其中：教工 + 其中：学生`): parsed once by jsep into an AST, then
 * compiled once into a tree of small closures over column indexes. Evaluating a row is a few
 * array reads and arithmetic: no `eval`, no `new Function`, no parsing per row.
 *
 * Values: a row is a `Float64Array` indexed by the definition's column index (NaN = blank or
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
  /** Column index (in the definition) of a header (matched after normalising), or undefined. */
  column(name: string): number | undefined;
  /** The allowed values of an enum column, or undefined for other columns. */
  allowed(column: number): readonly string[] | undefined;
  /** True for money columns (fen). */
  isMoney(column: number): boolean;
  /** Slot of a setting in the settings array, and whether it is money; undefined if unknown. */
  setting(name: string): { slot: number; money: boolean } | undefined;
  /** True when the setting in this slot is money (fen in expressions). */
  settingIsMoney(slot: number): boolean;
  /**
   * `上年(…)`: the slot of last year's value of the value in `slot`; throws an ExpressionError
   * saying why when the scope has no last year (absent: `上年` is not known).
   */
  previous?(slot: number): number;
  /**
   * A reference written with `.` or `[…]` (`表1.培训入党积极分子`, `培训人数["新党员培训"]`): its
   * parts from the left, `computed` for a `[…]` part; its slot, or an ExpressionError.
   */
  member?(parts: readonly MemberPart[]): number;
}

/** One part of a `a.b["c"]` reference. */
export interface MemberPart {
  readonly name: string;
  /** Written `["name"]` rather than `.name` (or as the first part). */
  readonly computed: boolean;
}

/** The function that reads last year's value: `上年(发展预备党员)`. */
export const PREVIOUS_YEAR = "上年";

export interface CompiledExpression {
  readonly source: string;
  readonly evaluate: Evaluator;
  /** Column index (in the definition)es the expression reads, in order of first use. */
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
    /** Column index (in the definition) when the right side is a single column. */
    readonly rightColumn: number | undefined;
    /** Slots each side reads, in order of first use. */
    readonly leftColumns: readonly number[];
    readonly rightColumns: readonly number[];
  };
}

/** The longest rule expression accepted (the longest built-in is under 60 characters). */
export const MAX_EXPRESSION_LENGTH = 1000;

/** A rule expression that cannot be compiled (an error in a definition). */
export class ExpressionError extends Error {}

const COMPARISON = new Set(["=", "==", "===", "≠", "!=", "!==", "<", "≤", "<=", ">", "≥", ">="]);

/**
 * Parses and compiles an expression against a scope.
 * @example compileExpression("a = b + c", scope).evaluate(Float64Array.of(3, 1, 2), new Float64Array()) // 1
 */
export function compileExpression(source: string, scope: ExpressionScope): CompiledExpression {
  // parsing and compiling recurse once per operator and bracket: a bound on the length keeps a
  // hostile definition (50,000 terms, 20,000 brackets) from overflowing the stack
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(
      `表达式 ${source}：太长（${source.length}个字符，最多${MAX_EXPRESSION_LENGTH}个）`
    );
  }
  let ast: jsep.Expression;
  try {
    ast = jsep(source);
  } catch (e) {
    throw new ExpressionError(`表达式无法解析：${source}（${(e as Error).message}）`);
  }
  const columns: number[] = [];
  const settings: number[] = [];
  const evaluate = compileNode(ast, { scope, columns, settings, source, previous: false });
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
    const side = (node: jsep.Expression, cols: number[], slots: number[]) =>
      compileNode(node, { scope, columns: cols, settings: slots, source, previous: false });
    const left = side(b.left, leftCols, leftSettings);
    const right = side(b.right, rightCols, rightSettings);
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
      leftColumns: leftCols,
      rightColumns: rightCols,
    };
  }
  return { source, evaluate, columns, settings, comparison };
}

/** What compiling a node needs, and collects. */
interface Compiling {
  readonly scope: ExpressionScope;
  /** Slots read, in order of first use (collected). */
  readonly columns: number[];
  /** Setting slots read (collected). */
  readonly settings: number[];
  readonly source: string;
  /** Inside `上年(…)`: references read last year's values. */
  readonly previous: boolean;
}

/** Records a slot read (inside `上年(…)`, last year's slot of it). */
function use(slot: number, c: Compiling): number {
  let s = slot;
  if (c.previous) {
    if (!c.scope.previous)
      throw new ExpressionError(`表达式 ${c.source}：这里不能用 ${PREVIOUS_YEAR}(…)`);
    s = c.scope.previous(slot);
  }
  if (!c.columns.includes(s)) c.columns.push(s);
  return s;
}

/** The parts of `a.b["c"]`, or undefined when the node is not such a reference. */
function memberParts(node: jsep.Expression): MemberPart[] | undefined {
  if (node.type === "Identifier") return [{ name: String(node.name), computed: false }];
  if (node.type !== "MemberExpression") return undefined;
  const m = node as jsep.MemberExpression;
  const head = memberParts(m.object);
  let name: string | undefined;
  if (!m.computed && m.property.type === "Identifier") name = String(m.property.name);
  if (m.computed && m.property.type === "Literal" && typeof m.property.value === "string")
    name = m.property.value;
  return head && name !== undefined ? [...head, { name, computed: m.computed }] : undefined;
}

function compileNode(node: jsep.Expression, c: Compiling): Evaluator {
  const { scope, source } = c;
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
        const slot = use(col, c);
        return (row) => row[slot] as number;
      }
      const s = scope.setting(name);
      if (s !== undefined) {
        if (!c.settings.includes(s.slot)) c.settings.push(s.slot);
        const slot = s.slot;
        return (_row, set) => set[slot] as number;
      }
      throw new ExpressionError(`表达式 ${source}：未知的列或设置 ${name}`);
    }
    case "MemberExpression": {
      const parts = memberParts(node);
      if (!parts || !scope.member)
        throw new ExpressionError(`表达式 ${source}：不支持的写法 ${node.type}`);
      const slot = use(scope.member(parts), c);
      return (row) => row[slot] as number;
    }
    case "CallExpression": {
      const call = node as jsep.CallExpression;
      const name = call.callee.type === "Identifier" ? String(call.callee.name) : "";
      if (name !== PREVIOUS_YEAR || call.arguments.length !== 1)
        throw new ExpressionError(
          `表达式 ${source}：不支持的函数 ${name || "调用"}（只有 ${PREVIOUS_YEAR}(…)，括号里写一个列或指标）`
        );
      if (c.previous) throw new ExpressionError(`表达式 ${source}：${PREVIOUS_YEAR}(…) 不能套用`);
      return compileNode(call.arguments[0] as jsep.Expression, { ...c, previous: true });
    }
    case "UnaryExpression": {
      const u = node as jsep.UnaryExpression;
      const arg = compileNode(u.argument, c);
      if (u.operator === "-") return (r, s) => -arg(r, s);
      if (u.operator === "+") return arg;
      if (u.operator === "!") return (r, s) => (arg(r, s) ? 0 : 1);
      throw new ExpressionError(`表达式 ${source}：不支持的运算 ${u.operator}`);
    }
    case "BinaryExpression":
      return compileBinary(node as jsep.BinaryExpression, c);
    default:
      throw new ExpressionError(`表达式 ${source}：不支持的写法 ${node.type}`);
  }
}

function compileBinary(b: jsep.BinaryExpression, c: Compiling): Evaluator {
  const op = b.operator;
  const source = c.source;
  // enum column compared with a text literal: compare indexes
  const enumSide = enumComparison(b, c);
  if (enumSide) {
    const [col, index] = enumSide;
    if (op === "=" || op === "==" || op === "===") return (r) => (r[col] === index ? 1 : 0);
    if (op === "≠" || op === "!=" || op === "!==")
      return (r) => (r[col] !== index && r[col] === r[col] ? 1 : 0);
    throw new ExpressionError(`表达式 ${source}：可选值只能用 = 或 ≠ 比较`);
  }
  const l = compileNode(b.left, c);
  const r = compileNode(b.right, c);
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
function enumComparison(b: jsep.BinaryExpression, c: Compiling): [number, number] | undefined {
  const { scope, source } = c;
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
    return [use(col, c), index];
  }
  return undefined;
}
