/**
 * Property: 【待核】 marks exactly the figures that depend on a fault. Random clean workbooks of
 * 表1–表4 (with, or not, last year's copy) get one to three faults planted at random places: an
 * unreadable cell, a cell read leniently (`37人`), a required cell left blank, a row rule broken
 * (T1-01, T1-02, T4-01), a data row pasted twice (with the same 备注 on both rows: explained), a
 * 合计 that disagrees with its rows, a category (培训类别, 经费类别, 渠道) read leniently or not in
 * its list. Which figures each fault reaches is worked out here from the tables' shapes alone (a
 * total sums every row of its column, a group the rows of its category, a rate its counts on its
 * row), never from the figures' recorded origin; then every figure of this year is marked exactly
 * when it is expected to be, in the tables and in the draft's text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeWorkbook, type Analysis } from "../../src/core/analyze";
import { totalled } from "../../src/core/definitions";
import type { CellValue, SheetModel, WorkbookModel } from "../../src/core/model";
import { buildSheet, definition, type RowSpec, type TableId } from "./fixtures";

const MARK = "【待核】";
const YEAR = 2013;
/** Large changes (G-05) are another matter: the comparison of two years is not what is tested. */
const SETTINGS = { changeThresholdPct: 1e9 };

/** A data row as planted: its cells, what each number cell reads as, and the faults it carries. */
interface Row {
  readonly cells: Record<string, CellValue>;
  /** What a number cell reads as (money in fen); absent when blank or unreadable. */
  readonly reads: Record<string, number | undefined>;
  /** Cells with an error or a warning no 备注 explains. */
  readonly faulty: Set<string>;
  /** The columns of a row rule broken on this row. */
  readonly rule: string[];
  /** A copy of an earlier row, not explained in its 备注. */
  copy: "no" | "explained" | "unexplained";
  /** Its category (培训类别, 经费类别, 渠道) not as written: read leniently, or not at all. */
  category: "as written" | "lenient" | "unknown";
}

interface Table {
  readonly id: TableId;
  rows: Row[];
  /** Columns whose 合计 was made to disagree with its rows. */
  readonly mismatch: Set<string>;
}

/** The number cells of a table: counts and money (the rates are filled in or left blank). */
const numberColumns = (id: TableId): string[] =>
  definition(id)
    .columns.filter((c) => c.type === "count" || c.type === "money")
    .map((c) => c.header);

/** The columns a 合计 row sums (not one whose unit is on each row). */
const totalledColumns = (id: TableId): string[] =>
  definition(id)
    .columns.filter(totalled)
    .map((c) => c.header);

/** Required number cells that no row rule compares: a blank one is an error of its own. */
const BLANKABLE: Readonly<Record<TableId, readonly string[]>> = {
  T1: ["培训入党积极分子", "转正预备党员"],
  T2: ["期数", "培训人数"],
  T3: [],
  T4: [],
};

const GROUP_BY: Readonly<Partial<Record<TableId, string>>> = {
  T2: "培训类别",
  T3: "经费类别",
  T4: "渠道",
};

/** The counts a rate is worked out from (or checked with, when it is filled in). */
const RATE_COUNTS: Readonly<Record<string, readonly string[]>> = {
  办结率: ["办结数", "受理数"],
  满意率: ["满意数", "办结数"],
};

const allowed = (id: TableId, header: string): string[] => [
  ...(definition(id).columns.find((c) => c.header === header)?.allowed ?? []),
];

function row(cells: Record<string, CellValue>, money: readonly string[] = []): Row {
  const reads: Record<string, number | undefined> = {};
  for (const [h, v] of Object.entries(cells))
    if (typeof v === "number") reads[h] = money.includes(h) ? Math.round(v * 100) : v;
  return { cells, reads, faulty: new Set(), rule: [], copy: "no", category: "as written" };
}

const MINORS = ["初中", "小学", "幼儿园", "机关"];

const t1Row = fc
  .record({
    type: fc.constantFrom(...allowed("T1", "单位类型")),
    members: fc.integer({ min: 1, max: 200 }),
    activists: fc.integer({ min: 0, max: 90 }),
    staff: fc.integer({ min: 0, max: 20 }),
    students: fc.integer({ min: 0, max: 20 }),
    half: fc.double({ min: 0, max: 0.5, noNaN: true }),
    training: fc.integer({ min: 0, max: 60 }),
    best: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((r) => (i: number) => {
    const students = MINORS.includes(r.type) ? 0 : r.students;
    const developed = r.staff + students;
    return row({
      单位名称: `第${i + 1}基层党组织`,
      单位类型: r.type,
      年末党员数: r.members,
      培训入党积极分子: r.activists,
      发展预备党员: developed,
      "其中：教工": r.staff,
      "其中：学生": students,
      // at most half of those developed: a copied row never lifts it above last year's (T1-04)
      转正预备党员: Math.floor(developed * r.half),
      新党员培训: r.training,
      评选优秀党员: Math.floor(r.members * r.best),
    });
  });

/** No 入党积极分子培训 or 新党员培训: those are compared with 表1 (T2-04), another matter. */
const T2_CATEGORIES = allowed("T2", "培训类别").filter(
  (c) => c !== "入党积极分子培训" && c !== "新党员培训"
);

const t2Row = fc
  .record({
    category: fc.constantFrom(...T2_CATEGORIES),
    sessions: fc.integer({ min: 1, max: 10 }),
    trainees: fc.integer({ min: 1, max: 500 }),
  })
  .map(
    (r) => (i: number) =>
      row({
        培训项目: `培训班${i + 1}`,
        培训类别: r.category,
        期数: r.sessions,
        培训人数: r.trainees,
      })
  );

const t3Row = fc
  .record({
    category: fc.constantFrom(...allowed("T3", "经费类别")),
    fen: fc.integer({ min: 0, max: 5_000_000 }),
    people: fc.option(fc.integer({ min: 1, max: 50 })),
  })
  .map((r) => (i: number) => {
    const condolence = r.category === "慰问金";
    const people = condolence ? (r.people ?? 1) : r.people;
    // 慰问金: at least one person, at most 5000元 each (T3-01, T3-02)
    const fen = condolence ? Math.min(r.fen, (people ?? 1) * 500_000) : r.fen;
    return row(
      { 项目名称: `项目${i + 1}`, 经费类别: r.category, "金额（元）": fen / 100, 受益人数: people },
      ["金额（元）"]
    );
  });

/** A rate as filled in, to 0.1%; none that would read 100% short of all (rates never overstate). */
function rateText(part: number, whole: number): string | null {
  const tenths = Math.round((part * 1000) / whole);
  return tenths === 1000 && part < whole ? null : `${tenths / 10}%`;
}

const t4Rows = fc
  .uniqueArray(
    fc.record({
      channel: fc.constantFrom(...allowed("T4", "渠道")),
      unit: fc.constantFrom(...allowed("T4", "计量单位")),
      received: fc.integer({ min: 1, max: 9000 }),
      done: fc.double({ min: 0, max: 1, noNaN: true }),
      happy: fc.double({ min: 0, max: 1, noNaN: true }),
      given: fc.boolean(),
    }),
    { selector: (r) => r.channel, minLength: 1, maxLength: 6 }
  )
  .map((list) =>
    list.map((r) => {
      const closed = Math.floor(r.received * r.done);
      const satisfied = Math.floor(closed * r.happy);
      return row({
        渠道: r.channel,
        计量单位: r.unit,
        受理数: r.received,
        办结数: closed,
        满意数: satisfied,
        办结率: r.given ? rateText(closed, r.received) : null,
        满意率: r.given && closed > 0 ? rateText(satisfied, closed) : null,
      });
    })
  );

const rowsOf = (maker: fc.Arbitrary<(i: number) => Row>): fc.Arbitrary<Row[]> =>
  fc.array(maker, { minLength: 1, maxLength: 8 }).map((makers) => makers.map((m, i) => m(i)));

const ROWS: Readonly<Record<TableId, fc.Arbitrary<Row[]>>> = {
  T1: rowsOf(t1Row),
  T2: rowsOf(t2Row),
  T3: rowsOf(t3Row),
  T4: t4Rows,
};

/** A fault, placed by numbers taken modulo what the table has. */
type Fault =
  | {
      readonly kind: "unreadable";
      readonly at: number;
      readonly col: number;
      readonly value: CellValue;
    }
  | { readonly kind: "lenient" | "blank"; readonly at: number; readonly col: number }
  | { readonly kind: "rule"; readonly at: number; readonly which: number; readonly by: number }
  | {
      readonly kind: "duplicate";
      readonly at: number;
      readonly to: number;
      readonly remark: boolean;
    }
  | { readonly kind: "category"; readonly at: number; readonly lenient: boolean }
  | { readonly kind: "mismatch"; readonly col: number; readonly by: number };

const place = { at: fc.nat(), col: fc.nat() };
const fault: fc.Arbitrary<Fault> = fc.oneof(
  fc.record({
    kind: fc.constant("unreadable" as const),
    ...place,
    value: fc.constantFrom<CellValue>(
      "不详",
      "abc",
      "约5人",
      { error: "#N/A" },
      { error: "#VALUE!" }
    ),
  }),
  fc.record({ kind: fc.constantFrom("lenient" as const, "blank" as const), ...place }),
  fc.record({
    kind: fc.constant("rule" as const),
    at: fc.nat(),
    which: fc.nat(),
    by: fc.integer({ min: 1, max: 5 }),
  }),
  fc.record({
    kind: fc.constant("duplicate" as const),
    at: fc.nat(),
    to: fc.nat(),
    remark: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("mismatch" as const),
    col: fc.nat(),
    by: fc.integer({ min: 1, max: 9 }),
  }),
  fc.record({ kind: fc.constant("category" as const), at: fc.nat(), lenient: fc.boolean() })
);

/** The row rules a fault may break, by table: how, and the columns each compares. */
const RULES: Readonly<Partial<Record<TableId, readonly ((r: Row, by: number) => string[])[]>>> = {
  T1: [
    (r, by) => {
      set(r, "发展预备党员", (r.reads["其中：教工"] ?? 0) + (r.reads["其中：学生"] ?? 0) + by);
      return ["发展预备党员", "其中：教工", "其中：学生"];
    },
    (r, by) => {
      set(r, "评选优秀党员", (r.reads["年末党员数"] ?? 0) + by);
      return ["评选优秀党员", "年末党员数"];
    },
  ],
  T4: [
    (r, by) => {
      set(r, "办结数", (r.reads["受理数"] ?? 0) + by);
      // no rate filled in on the row: a rate that no longer agrees would be a second fault
      r.cells["办结率"] = null;
      r.cells["满意率"] = null;
      return ["办结数", "受理数"];
    },
  ],
};

function set(r: Row, header: string, n: number): void {
  r.cells[header] = n;
  r.reads[header] = n;
}

const nth = <T>(list: readonly T[], n: number): T | undefined =>
  list.length === 0 ? undefined : list[n % list.length];

function cloneRow(r: Row): Row {
  return {
    cells: { ...r.cells },
    reads: { ...r.reads },
    faulty: new Set(r.faulty),
    rule: [...r.rule],
    copy: r.copy,
    category: r.category,
  };
}

/** Plants the faults (rules first, then cells, then a copied row, then the 合计). */
function plant(id: TableId, clean: readonly Row[], faults: readonly Fault[]): Table {
  const t: Table = { id, rows: clean.map(cloneRow), mismatch: new Set() };
  const order = ["rule", "category", "unreadable", "lenient", "blank", "duplicate", "mismatch"];
  const sorted = [...faults].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  let copied = false;
  for (const f of sorted) {
    if (f.kind === "mismatch") {
      // a column whose unit is on each row (表4's) has no 合计 to disagree
      const col = nth(totalledColumns(id), f.col);
      if (col !== undefined) t.mismatch.add(col);
      continue;
    }
    const r = nth(t.rows, f.at);
    if (!r) continue;
    if (f.kind === "category") {
      const by = GROUP_BY[id];
      const value = by === undefined ? undefined : r.cells[by];
      if (by === undefined || typeof value !== "string" || r.category !== "as written") continue;
      // ` 慰问金 ` is read as 慰问金 (a warning no 备注 explains); 未列类别 is in no list (an error)
      r.cells[by] = f.lenient ? ` ${value} ` : "未列类别";
      r.category = f.lenient ? "lenient" : "unknown";
    } else if (f.kind === "rule") {
      const breakRule = nth(RULES[id] ?? [], f.which);
      if (breakRule && r.rule.length === 0) r.rule.push(...breakRule(r, f.by));
    } else if (f.kind === "duplicate") {
      if (copied) continue; // one copy a table: a second 备注 would undo the first pair
      copied = true;
      const copy = cloneRow(r);
      if (f.remark) r.cells["备注"] = copy.cells["备注"] = "两期分别举办";
      copy.copy = f.remark ? "explained" : "unexplained";
      const from = t.rows.indexOf(r);
      t.rows.splice(from + 1 + (f.to % (t.rows.length - from)), 0, copy);
    } else {
      const cols = f.kind === "blank" ? BLANKABLE[id] : numberColumns(id);
      const col = nth(cols, f.col);
      if (col === undefined) continue;
      const reading = r.reads[col];
      if (f.kind === "lenient") {
        if (reading === undefined) continue;
        r.cells[col] = col === "金额（元）" ? `${reading / 100}元` : `${reading}人`;
      } else {
        r.cells[col] = f.kind === "unreadable" ? f.value : null;
        r.reads[col] = undefined;
      }
      r.faulty.add(col);
    }
  }
  return t;
}

/** The sheet of a table: its rows and a 合计 of what they read as (but for the columns made to disagree). */
function sheetOf(t: Table, year: number, by: number): SheetModel {
  const total: Record<string, CellValue> = {};
  for (const col of numberColumns(t.id)) {
    const reads = t.rows.map((r) => r.reads[col]).filter((n) => n !== undefined);
    if (reads.length === 0) continue;
    const scale = col === "金额（元）" ? 100 : 1;
    const sum = reads.reduce((a, b) => a + b, 0);
    total[col] = (sum + (t.mismatch.has(col) ? by * scale : 0)) / scale;
  }
  return buildSheet(
    t.id,
    t.rows.map((r): RowSpec => r.cells),
    { year, name: `${definition(t.id).label}${year}`, total }
  );
}

/** Last year's copy of the clean rows: 三公经费 doubled, so a copied row never lifts it above (T3-03). */
function lastYear(id: TableId, clean: readonly Row[]): Table {
  const rows = clean.map((r) => {
    const c = cloneRow(r);
    const fen = c.reads["金额（元）"];
    if (id === "T3" && c.cells["经费类别"] === "三公经费" && fen !== undefined) {
      c.cells["金额（元）"] = (fen * 2) / 100;
      c.reads["金额（元）"] = fen * 2;
    }
    return c;
  });
  return { id, rows, mismatch: new Set() };
}

/** Whether a row reads the cell: a rule broken on a cell that cannot be read is not a rule broken. */
const readable = (r: Row, col: string): boolean => !r.faulty.has(col) || r.reads[col] !== undefined;

/**
 * Whether a figure (by id: `T1/发展预备党员`, `T2/培训人数/教师培训`, `T4/办结率/来电`) depends on
 * a fault: worked out from what the figure sums — every row of its column, or the rows of its group
 * — and what each fault touches (a cell, the columns a rule compares, a whole copied row, a whole
 * column under a 合计 that disagrees).
 */
function expectedMarked(t: Table, figureId: string): boolean {
  const [, indicator = "", group] = figureId.split("/");
  const cols = RATE_COUNTS[indicator] ?? [indicator];
  if (cols.some((c) => t.mismatch.has(c))) return true;
  // a copied row feeds every figure that sums it; a faulty cell, or a rule broken on it, those of its column
  const touches = (r: Row): boolean =>
    r.copy === "unexplained" ||
    cols.some((c) => r.faulty.has(c)) ||
    (r.rule.every((c) => readable(r, c)) && cols.some((c) => r.rule.includes(c)));
  const by = GROUP_BY[t.id];
  if (group === undefined || by === undefined) return t.rows.some(touches);
  // a row whose category cannot be read may belong to any group
  if (t.rows.some((r) => r.category === "unknown")) return true;
  return t.rows.some(
    (r) => String(r.cells[by]).trim() === group && (r.category === "lenient" || touches(r))
  );
}

interface Plan {
  readonly tables: readonly TableId[];
  readonly lastYear: boolean;
  readonly rows: Readonly<Record<TableId, Row[]>>;
  readonly faults: readonly (readonly [TableId, Fault])[];
  readonly by: number;
}

const plan: fc.Arbitrary<Plan> = fc
  .record({
    tables: fc.subarray<TableId>(["T1", "T2", "T3", "T4"], { minLength: 1 }),
    lastYear: fc.boolean(),
    rows: fc.record(ROWS),
    faults: fc.array(fc.tuple(fc.nat(), fault), { minLength: 1, maxLength: 3 }),
    by: fc.integer({ min: 1, max: 9 }),
  })
  .map((p) => ({
    ...p,
    faults: p.faults.map(([k, f]) => [p.tables[k % p.tables.length] as TableId, f] as const),
  }));

function workbookOf(p: Plan, planted: readonly Table[]): WorkbookModel {
  const sheets: SheetModel[] = [];
  for (const t of planted) {
    sheets.push(sheetOf(t, YEAR, p.by));
    if (p.lastYear) sheets.push(sheetOf(lastYear(t.id, p.rows[t.id]), YEAR - 1, p.by));
  }
  return { sheets };
}

interface Cells {
  readonly column: string;
  readonly ranges: readonly string[];
  readonly leftOut?: readonly string[];
}

/**
 * A figure's cells of this year, those left out too, one string a column and range (`受理数 C6`),
 * and the 合计 cell a column total is checked against (`期数 合计 C7`, what sets a total apart from
 * a group of every row).
 */
const cellsOf = (parts: readonly Cells[], total: readonly Cells[]): string[] => [
  ...parts.flatMap((c) => [...c.ranges, ...(c.leftOut ?? [])].map((r) => `${c.column} ${r}`)),
  ...total.flatMap((c) => c.ranges.map((r) => `${c.column} 合计 ${r}`)),
];

/** Every way a figure of this year is marked and should not be, or is not and should be. */
function wrongMarks(a: Analysis, planted: readonly Table[]): string[] {
  const wrong: string[] = [];
  // the figures of this year by their cells (a number of the draft and the figures it writes share
  // them: `办结率均为0%` writes two; what is expected of either is not read from them)
  const expected: { cells: string[]; want: boolean }[] = [];
  for (const data of a.tables.filter((x) => x.year === YEAR)) {
    const t = planted.find((x) => x.id === data.tableId);
    if (!t) throw new Error(`no table ${data.tableId}`);
    for (const f of data.figures) {
      const want = expectedMarked(t, f.id);
      const parts = f.origin?.parts ?? [];
      const total = f.origin?.total;
      const column = parts[0]?.column ?? "";
      expected.push({
        cells: cellsOf(parts, total ? [{ column, ranges: [total.cell] }] : []),
        want,
      });
      if (Boolean(f.unverified) !== want)
        wrong.push(`${f.id} ${want ? "unmarked" : `marked by ${JSON.stringify(f.unverified)}`}`);
    }
  }
  const { text, figures } = a.draft;
  figures.forEach((f) => {
    const cells = cellsOf(
      f.cells.filter((c) => c.role === "rows"),
      f.cells.filter((c) => c.role === "total")
    );
    const same = (e: { cells: string[] }) =>
      e.cells.length === cells.length && e.cells.every((c) => cells.includes(c));
    // one figure, or several written as one (`办结率均为0%`)
    const written = expected.some(same)
      ? expected.filter(same)
      : expected.filter((e) => e.cells.length > 0 && e.cells.every((c) => cells.includes(c)));
    if (written.length === 0) return void wrong.push(`draft ${f.label}: no such figure`);
    // a change compares with last year's figure, which is clean: it is marked with this year's
    const want = written.some((e) => e.want);
    if (Boolean(f.unverified) !== want)
      wrong.push(`draft ${f.label} ${f.text} ${want ? "unmarked" : "marked"}`);
    // the mark follows the number; or, for a change, the clause that writes it: `比上年增加16人，
    // 增长6.5%【待核】`, `比上年增加1人（上年为零）【待核】`
    const next = text.indexOf(MARK, f.end);
    const marksIt =
      next === f.end ||
      (next > 0 &&
        (f.kind === "change" || f.kind === "percent") &&
        !/[。；\n]/.test(text.slice(f.end, next)) &&
        figures.every((g) => g.start < f.end || g.start >= next || g.kind === "percent"));
    if (marksIt !== want)
      wrong.push(`draft ${f.label} ${f.text}: ${want ? "no" : "a"} mark after it`);
  });
  const marks = text.split(MARK).length - 1;
  if (marks !== a.draft.unverified.length)
    wrong.push(`${marks} marks in the text, ${a.draft.unverified.length} listed`);
  return wrong;
}

describe("【待核】 marks exactly the figures a fault reaches", () => {
  it("on random workbooks with one to three faults planted", () => {
    const runs = Number(process.env.CORE_PROPERTY_RUNS ?? 300);
    const seen = { marked: 0, unmarked: 0, explained: 0, mismatch: 0, rule: 0, category: 0 };
    fc.assert(
      fc.property(plan, (p) => {
        const cleanTables = p.tables.map((id) => plant(id, p.rows[id], []));
        const clean = analyzeWorkbook(workbookOf(p, cleanTables), { settings: SETTINGS });
        expect(clean.issues.map((i) => `${i.sheet}!${i.cell} ${i.rule} ${i.code}`)).toEqual([]);
        expect(clean.tables.flatMap((t) => t.figures).filter((f) => f.unverified)).toEqual([]);
        expect(clean.draft.text).not.toContain(MARK);

        const planted = p.tables.map((id) =>
          plant(
            id,
            p.rows[id],
            p.faults.filter(([t]) => t === id).map(([, f]) => f)
          )
        );
        const a = analyzeWorkbook(workbookOf(p, planted), { settings: SETTINGS });
        expect(wrongMarks(a, planted)).toEqual([]);

        for (const f of a.tables.filter((t) => t.year === YEAR).flatMap((t) => t.figures))
          seen[f.unverified ? "marked" : "unmarked"]++;
        for (const t of planted) {
          if (t.rows.some((r) => r.copy === "explained")) seen.explained++;
          if (t.mismatch.size > 0) seen.mismatch++;
          if (t.rows.some((r) => r.rule.length > 0)) seen.rule++;
          if (t.rows.some((r) => r.category !== "as written")) seen.category++;
        }
      }),
      {
        numRuns: runs,
        seed: Number(process.env.MARKS_SEED ?? 2013),
      }
    );
    // not vacuous: figures marked and left alone, copies explained, 合计, rules and categories broken
    expect(seen.marked).toBeGreaterThan(runs);
    expect(seen.unmarked).toBeGreaterThan(runs * 5);
    expect(seen.explained).toBeGreaterThan(runs / 20);
    expect(seen.mismatch).toBeGreaterThan(runs / 10);
    expect(seen.rule).toBeGreaterThan(runs / 15);
    expect(seen.category).toBeGreaterThan(runs / 10);
  });
});
