/**
 * Rule expressions (`发展预备党员 = 其中：教工 + 其中：学生`): parsed once by jsep into an AST, then
 * compiled once into a tree of small closures over column indexes. Evaluating a row is a few
 * array reads and arithmetic: no `eval`, no `new Function`, no parsing per row.
 *
 * Values: a row is a `Float64Array` indexed by the definition's column index (NaN = blank or
 * unreadable); enum columns hold the index of their allowed value, so `单位类型 = "初中"` compares
 * two numbers. Settings are a second array. Results are numbers (comparisons give 1 or 0).
 *
 * Money: a money column holds hundredths of its unit (fen for 元); an expression reads it in fen,
 * so a 元 and a 万元 column compare. A number beside money is written in the money's unit
 * (`金额（元） ≤ 10000`: 10000 元) and multiplied into fen here: in a sum, a difference or a
 * comparison whose one side is money and the other not, the other side is scaled (so
 * `金额（元） ≤ 受益人数 * 200` is 200 元 a head).
 *
 * Headers: a header with punctuation is written in square brackets where a value starts
 * (`[金额(元)] ≤ 10000`); before jsep parses the text, each such header is replaced by a stand-in
 * name. A header whose brackets are ASCII may be written bare: jsep reads `金额(元)` as a call, taken
 * for the header when it is one.
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
  /**
   * For a money column: how many fen one unit of its figures is (100 for 元, 1000000 for 万元; its
   * values are held in hundredths of that unit); undefined for any other column.
   */
  moneyScale(column: number): number | undefined;
  /** Slot of a setting in the settings array, and whether it is money (held in fen); undefined if unknown. */
  setting(name: string): { slot: number; money: boolean } | undefined;
  /**
   * The older form of the definitions: a number beside money is in hundredths of the money's
   * unit (fen for 元) rather than in its unit.
   */
  readonly moneyInFen?: boolean;
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
    /**
     * A side is money (its value in fen) when it reads a money column or a money setting: how many
     * fen one unit of it is as written (100 for 元, 1000000 for 万元), else undefined.
     */
    readonly leftMoney: number | undefined;
    readonly rightMoney: number | undefined;
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

/** A piece of an expression's text: a number, a `[quoted header]`, a text in quotes, or other. */
interface Token {
  readonly kind: "number" | "quoted" | "string" | "name" | "other";
  readonly start: number;
  readonly end: number;
}

/** Characters that are operators although jsep would take them for letters (code ≥ 128). */
const OPERATOR_LETTERS = new Set(["≤", "≥", "≠", "×"]);

const isNameChar = (ch: string): boolean =>
  /[A-Za-z0-9_$]/.test(ch) || (ch.charCodeAt(0) >= 128 && !OPERATOR_LETTERS.has(ch));

/**
 * The pieces of an expression's text, as jsep reads them: a `[` where a value starts (not after a
 * name, `)` or `]`, where it reads a group as in `培训人数["新党员培训"]`) opens a quoted header
 * when it is not empty and does not start with a quote.
 * @example tokens("[金额(元)] ≤ 10000").map((t) => t.kind) // ["quoted", "other", "other", "number"]
 */
function tokens(source: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let afterValue = false;
  while (i < source.length) {
    const ch = source[i] as string;
    const start = i;
    if (ch === '"' || ch === "'") {
      i++;
      while (i < source.length && source[i] !== ch) i += source[i] === "\\" ? 2 : 1;
      i = Math.min(i + 1, source.length);
      out.push({ kind: "string", start, end: i });
      afterValue = true;
      continue;
    }
    if (ch === "[" && !afterValue) {
      const close = source.indexOf("]", i + 1);
      const inner = close < 0 ? "" : source.slice(i + 1, close);
      if (inner.trim() !== "" && !/^\s*["']/.test(inner)) {
        i = close + 1;
        out.push({ kind: "quoted", start, end: i });
        afterValue = true;
        continue;
      }
    }
    const number = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(i));
    if (number && !afterValue) {
      i += number[0].length;
      out.push({ kind: "number", start, end: i });
      afterValue = true;
      continue;
    }
    if (isNameChar(ch)) {
      while (i < source.length && isNameChar(source[i] as string)) i++;
      out.push({ kind: "name", start, end: i });
      afterValue = true;
      continue;
    }
    i++;
    if (/\s/.test(ch)) continue;
    out.push({ kind: "other", start, end: i });
    afterValue = ch === ")" || ch === "]";
  }
  return out;
}

/** Marks a quoted header's stand-in name (a private-use character, never typed). */
const QUOTE_MARK = "\uE000";
const QUOTE_PAD = "\uE001";

/**
 * The text jsep parses: each `[quoted header]` replaced by a stand-in name of the same length where
 * it fits (so that a position in jsep's message is the position in the text as written), and the
 * headers by stand-in name.
 */
function unquote(source: string): { text: string; quoted: Map<string, string> } {
  const quoted = new Map<string, string>();
  let text = "";
  let last = 0;
  for (const t of tokens(source)) {
    if (t.kind !== "quoted") continue;
    const mark = `${QUOTE_MARK}${quoted.size}`;
    const name = mark.padEnd(t.end - t.start, QUOTE_PAD);
    quoted.set(name, source.slice(t.start + 1, t.end - 1).trim());
    text += source.slice(last, t.start) + name;
    last = t.end;
  }
  return { text: text + source.slice(last), quoted };
}

/** The source parsed, and the quoted headers by stand-in name. */
interface Parsed {
  readonly ast: jsep.Expression;
  readonly quoted: ReadonlyMap<string, string>;
}

function parse(source: string): Parsed {
  // parsing and compiling recurse once per operator and bracket: a bound on the length keeps a
  // hostile definition (50,000 terms, 20,000 brackets) from overflowing the stack
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(
      `表达式 ${source}：太长（${source.length}个字符，最多${MAX_EXPRESSION_LENGTH}个）`
    );
  }
  const { text, quoted } = unquote(source);
  try {
    return { ast: jsep(text), quoted };
  } catch (e) {
    throw new ExpressionError(`表达式无法解析：${source}（${(e as Error).message}）`);
  }
}

/**
 * Parses and compiles an expression against a scope. A header with punctuation is written in
 * brackets, `[金额(元)]`; a number beside money is in the money's unit (元, or 万元 for a 万元
 * column), unless the scope is of the older form (`moneyInFen`).
 * @example compileExpression("a = b + c", scope).evaluate(Float64Array.of(3, 1, 2), new Float64Array()) // 1
 */
export function compileExpression(source: string, scope: ExpressionScope): CompiledExpression {
  return compileParsed(source, parse(source), scope, undefined);
}

function compileParsed(
  source: string,
  { ast, quoted }: Parsed,
  scope: ExpressionScope,
  scaled: Compiling["scaled"]
): CompiledExpression {
  const c = (columns: number[], settings: number[]): Compiling => ({
    scope,
    columns,
    settings,
    source,
    quoted,
    previous: false,
    scaled,
  });
  const columns: number[] = [];
  const settings: number[] = [];
  const evaluate = compileNode(ast, c(columns, settings)).evaluate;
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
    const rightCols: number[] = [];
    // compiled as the comparison compiles them (a number beside money in the money's unit)
    const sides = bothSides(b, c(leftCols, []), c(rightCols, []));
    const right = c([], []);
    const name = headerName(b.right, right);
    comparison = {
      operator: b.operator,
      left: sides.left.evaluate,
      right: sides.right.evaluate,
      leftMoney: sides.left.money,
      rightMoney: sides.right.money,
      rightColumn: name === undefined ? undefined : scope.column(name),
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
  /** The `[quoted headers]` by their stand-in names. */
  readonly quoted: ReadonlyMap<string, string>;
  /** Inside `上年(…)`: references read last year's values. */
  readonly previous: boolean;
  /** Collects the sides that are numbers beside money (to write them in another unit). */
  readonly scaled: ((node: jsep.Expression) => void) | undefined;
}

/** A compiled node: its evaluator, and for money the fen in one unit of it (see `moneyScale`). */
interface Compiled {
  readonly evaluate: Evaluator;
  readonly money: number | undefined;
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

/**
 * The header a node names: a name, a `[quoted header]`, or a header with ASCII brackets written
 * bare (`金额(元)` reads as a call to jsep); undefined for any other node.
 */
function headerName(node: jsep.Expression, c: Compiling): string | undefined {
  if (node.type === "Identifier") {
    const name = String((node as jsep.Identifier).name);
    return c.quoted.get(name) ?? name;
  }
  if (node.type !== "CallExpression") return undefined;
  const call = node as jsep.CallExpression;
  const [arg] = call.arguments;
  if (call.callee.type !== "Identifier" || call.arguments.length !== 1) return undefined;
  const callee = String(call.callee.name);
  if (callee === PREVIOUS_YEAR || arg?.type !== "Identifier" || c.quoted.has(String(arg.name)))
    return undefined;
  const header = `${callee}(${String(arg.name)})`;
  return c.scope.column(header) !== undefined || c.scope.setting(header) ? header : undefined;
}

/** The parts of `a.b["c"]`, or undefined when the node is not such a reference. */
function memberParts(node: jsep.Expression, c: Compiling): MemberPart[] | undefined {
  const name = headerName(node, c);
  if (name !== undefined) return [{ name, computed: false }];
  if (node.type !== "MemberExpression") return undefined;
  const m = node as jsep.MemberExpression;
  const head = memberParts(m.object, c);
  let part: string | undefined;
  if (!m.computed && m.property.type === "Identifier") part = headerName(m.property, c);
  if (m.computed && m.property.type === "Literal" && typeof m.property.value === "string")
    part = m.property.value;
  return head && part !== undefined ? [...head, { name: part, computed: m.computed }] : undefined;
}

/** The value in a slot (this year's or, inside `上年(…)`, last year's). */
function reference(col: number, c: Compiling): Compiled {
  const slot = use(col, c);
  const money = c.scope.moneyScale(col);
  // money is held in hundredths of its unit; in an expression, in fen (元 and 万元 compare)
  const toFen = money === undefined ? 1 : money / 100;
  return {
    evaluate: toFen === 1 ? (row) => row[slot] as number : (row) => (row[slot] as number) * toFen,
    money,
  };
}

/** The reference of a header or a setting by name. */
function compileName(name: string, c: Compiling): Compiled {
  const { scope, source } = c;
  const col = scope.column(name);
  if (col !== undefined) return reference(col, c);
  const s = scope.setting(name);
  if (s !== undefined) {
    if (!c.settings.includes(s.slot)) c.settings.push(s.slot);
    const slot = s.slot;
    return { evaluate: (_row, set) => set[slot] as number, money: s.money ? 100 : undefined };
  }
  throw new ExpressionError(`表达式 ${source}：未知的列或设置 ${name}`);
}

function compileNode(node: jsep.Expression, c: Compiling): Compiled {
  const { scope, source } = c;
  const name = headerName(node, c);
  if (name !== undefined) return compileName(name, c);
  switch (node.type) {
    case "Literal": {
      const v = (node as jsep.Literal).value;
      if (typeof v !== "number") {
        throw new ExpressionError(`表达式 ${source}：文字“${String(v)}”只能与可选值列比较`);
      }
      return { evaluate: () => v, money: undefined };
    }
    case "MemberExpression": {
      const parts = memberParts(node, c);
      if (!parts || !scope.member)
        throw new ExpressionError(`表达式 ${source}：不支持的写法 ${node.type}`);
      return reference(scope.member(parts), c);
    }
    case "CallExpression": {
      const call = node as jsep.CallExpression;
      const callee = call.callee.type === "Identifier" ? String(call.callee.name) : "";
      if (callee !== PREVIOUS_YEAR || call.arguments.length !== 1) {
        // `金额(元)` for a header that is not one: a header with brackets, mistyped or quoted
        // differently (`max(发展预备党员)` is a function)
        const [arg] = call.arguments;
        const inside = arg?.type === "Identifier" ? String(arg.name) : undefined;
        const header =
          callee && call.arguments.length === 1 && inside !== undefined && !c.quoted.has(inside)
            ? scope.column(inside) === undefined && scope.setting(inside) === undefined
            : false;
        throw new ExpressionError(
          header
            ? `表达式 ${source}：“${callee}(${inside})”不是本表的列；列名中有括号等符号时，请写在方括号里，如 [${callee}(${inside})]`
            : `表达式 ${source}：不支持的函数 ${callee || "调用"}（只有 ${PREVIOUS_YEAR}(…)，括号里写一个列或指标）`
        );
      }
      if (c.previous) throw new ExpressionError(`表达式 ${source}：${PREVIOUS_YEAR}(…) 不能套用`);
      return compileNode(call.arguments[0] as jsep.Expression, { ...c, previous: true });
    }
    case "UnaryExpression": {
      const u = node as jsep.UnaryExpression;
      const arg = compileNode(u.argument, c);
      const ev = arg.evaluate;
      if (u.operator === "-") return { evaluate: (r, s) => -ev(r, s), money: arg.money };
      if (u.operator === "+") return arg;
      if (u.operator === "!") return { evaluate: (r, s) => (ev(r, s) ? 0 : 1), money: undefined };
      throw new ExpressionError(`表达式 ${source}：不支持的运算 ${u.operator}`);
    }
    case "BinaryExpression":
      return compileBinary(node as jsep.BinaryExpression, c);
    default:
      throw new ExpressionError(`表达式 ${source}：不支持的写法 ${node.type}`);
  }
}

/**
 * The two sides of a sum, a difference or a comparison: when one is money and the other not, the
 * other is a number in the money's unit (`金额（元） ≤ 10000` is 10000 元), made fen here.
 */
function bothSides(
  b: jsep.BinaryExpression,
  cl: Compiling,
  cr: Compiling
): { left: Compiled; right: Compiled } {
  const left = compileNode(b.left, cl);
  const right = compileNode(b.right, cr);
  const scale = (side: Compiled, money: number, node: jsep.Expression): Compiled => {
    cl.scaled?.(node);
    const by = cl.scope.moneyInFen ? money / 100 : money;
    const ev = side.evaluate;
    return { evaluate: by === 1 ? ev : (r, s) => ev(r, s) * by, money };
  };
  if (left.money !== undefined && right.money === undefined)
    return { left, right: scale(right, left.money, b.right) };
  if (right.money !== undefined && left.money === undefined)
    return { left: scale(left, right.money, b.left), right };
  return { left, right };
}

function compileBinary(b: jsep.BinaryExpression, c: Compiling): Compiled {
  const op = b.operator;
  const source = c.source;
  // enum column compared with a text literal: compare indexes
  const enumSide = enumComparison(b, c);
  if (enumSide) {
    const [col, index] = enumSide;
    if (op === "=" || op === "==" || op === "===")
      return { evaluate: (r) => (r[col] === index ? 1 : 0), money: undefined };
    if (op === "≠" || op === "!=" || op === "!==")
      return { evaluate: (r) => (r[col] !== index && r[col] === r[col] ? 1 : 0), money: undefined };
    throw new ExpressionError(`表达式 ${source}：可选值只能用 = 或 ≠ 比较`);
  }
  const additive = op === "+" || op === "-" || COMPARISON.has(op);
  const sides = additive
    ? bothSides(b, c, c)
    : { left: compileNode(b.left, c), right: compileNode(b.right, c) };
  const [l, r] = [sides.left.evaluate, sides.right.evaluate];
  const [lm, rm] = [sides.left.money, sides.right.money];
  const of = (evaluate: Evaluator, money?: number): Compiled => ({ evaluate, money });
  switch (op) {
    case "+":
      return of((x, s) => l(x, s) + r(x, s), lm);
    case "-":
      return of((x, s) => l(x, s) - r(x, s), lm);
    case "*":
    case "×":
      // money times a number is money; money times money is no amount
      return of(
        (x, s) => l(x, s) * r(x, s),
        lm === undefined ? rm : rm === undefined ? lm : undefined
      );
    case "/":
      // money per head is money; money over money is a ratio
      return of((x, s) => l(x, s) / r(x, s), rm === undefined ? lm : undefined);
    case "=":
    case "==":
    case "===":
      return of((x, s) => (l(x, s) === r(x, s) ? 1 : 0));
    case "≠":
    case "!=":
    case "!==":
      return of((x, s) => (l(x, s) !== r(x, s) ? 1 : 0));
    case "<":
      return of((x, s) => (l(x, s) < r(x, s) ? 1 : 0));
    case "≤":
    case "<=":
      return of((x, s) => (l(x, s) <= r(x, s) ? 1 : 0));
    case ">":
      return of((x, s) => (l(x, s) > r(x, s) ? 1 : 0));
    case "≥":
    case ">=":
      return of((x, s) => (l(x, s) >= r(x, s) ? 1 : 0));
    case "&&":
      return of((x, s) => (l(x, s) && r(x, s) ? 1 : 0));
    case "||":
      return of((x, s) => (l(x, s) || r(x, s) ? 1 : 0));
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
    if (lit.type !== "Literal") continue;
    const value = (lit as jsep.Literal).value;
    if (typeof value !== "string") continue;
    const name = headerName(id, c);
    if (name === undefined) continue;
    const col = scope.column(name);
    const allowed = col === undefined ? undefined : scope.allowed(col);
    if (col === undefined || allowed === undefined) {
      throw new ExpressionError(`表达式 ${source}：${name} 不是可选值列`);
    }
    const index = allowed.indexOf(value);
    if (index < 0) throw new ExpressionError(`表达式 ${source}：“${value}”不是“${name}”的可选值`);
    return [use(col, c), index];
  }
  return undefined;
}

/** `n / 100` written exactly (`150` → `1.5`, `500000` → `5000`, `1e6` → `1e4`). */
function hundredth(text: string): string | undefined {
  const power = /^([\d.]+)[eE]([+-]?\d+)$/.exec(text);
  if (power) {
    const e = Number(power[2]) - 2;
    return e === 0 ? power[1] : `${power[1] ?? ""}e${e}`;
  }
  const m = /^(\d*)(?:\.(\d*))?$/.exec(text);
  if (!m) return undefined;
  const digits = `${m[1] ?? ""}${m[2] ?? ""}`.padStart((m[2] ?? "").length + 3, "0");
  const point = digits.length - (m[2] ?? "").length - 2;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, "");
  const frac = digits.slice(point).replace(/0+$/, "");
  return frac === "" ? whole : `${whole}.${frac}`;
}

/** The numbers of an expression, in the order they are written. */
function numbers(node: jsep.Expression, out: jsep.Expression[] = []): jsep.Expression[] {
  if (node.type === "Literal" && typeof node.value === "number") out.push(node);
  for (const key of ["object", "property", "callee", "arguments", "argument", "left", "right"]) {
    const v = (node as Record<string, unknown>)[key];
    for (const child of Array.isArray(v) ? v : v ? [v] : []) numbers(child as jsep.Expression, out);
  }
  return out;
}

/**
 * The numbers to write in hundredths' place for a side to be a hundredth of its value (a number,
 * one factor of a product, the dividend of a quotient, each term of a sum), or undefined.
 */
function hundredthOf(node: jsep.Expression): jsep.Expression[] | undefined {
  if (node.type === "Literal") return typeof node.value === "number" ? [node] : undefined;
  if (node.type === "UnaryExpression") return hundredthOf((node as jsep.UnaryExpression).argument);
  if (node.type !== "BinaryExpression") return undefined;
  const b = node as jsep.BinaryExpression;
  if (b.operator === "*" || b.operator === "×") return hundredthOf(b.left) ?? hundredthOf(b.right);
  if (b.operator === "/") return hundredthOf(b.left);
  if (b.operator !== "+" && b.operator !== "-") return undefined;
  const [l, r] = [hundredthOf(b.left), hundredthOf(b.right)];
  return l && r ? [...l, ...r] : undefined;
}

/**
 * An expression of the older form (a number beside money in fen, `金额（元） ≤ 1000000`) written
 * in the current one (`金额（元） ≤ 10000`); undefined when a number beside money cannot be
 * rewritten alone (then the expression is kept in the older form). `scope` is of the older form.
 * @example moneyInYuan("金额（元） ≤ 受益人数 * 500000", scope) // "金额（元） ≤ 受益人数 * 5000"
 */
export function moneyInYuan(source: string, scope: ExpressionScope): string | undefined {
  const parsed = parse(source);
  const sides: jsep.Expression[] = [];
  compileParsed(source, parsed, { ...scope, moneyInFen: true }, (node) => sides.push(node));
  const all = numbers(parsed.ast);
  const change = new Set<number>();
  for (const side of sides) {
    const literals = hundredthOf(side);
    if (literals === undefined) return undefined;
    for (const l of literals) change.add(all.indexOf(l));
  }
  if (change.size === 0) return source;
  const written = tokens(source).filter((t) => t.kind === "number");
  if (written.length !== all.length) return undefined;
  let out = "";
  let last = 0;
  for (const [k, t] of written.entries()) {
    if (!change.has(k)) continue;
    const text = hundredth(source.slice(t.start, t.end));
    if (text === undefined) return undefined;
    out += source.slice(last, t.start) + text;
    last = t.end;
  }
  return out + source.slice(last);
}
