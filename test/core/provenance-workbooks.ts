/**
 * Random workbooks of the built-in tables for the provenance property (test/core/provenance.test.ts):
 * 表1–表4 of this year and, or not, of last year; counts and money with decimals, blanks, text
 * that cannot be read, lenient cells (`5人`, `1,234.50元`), duplicated rows, a right, missing,
 * blank or wrong 合计 row, groups in any order, programme names with digits, given rates.
 */
import fc from "fast-check";
import type { CellValue, SheetModel, WorkbookModel } from "../../src/core/model";
import { buildSheet, definition, type RowSpec, type TableId } from "./fixtures";

const UNREADABLE: readonly CellValue[] = [
  "不详",
  "abc",
  { error: "#N/A" },
  { error: "#VALUE!" },
  -3,
  2.5,
  true,
  { date: 41400 },
  "约5人",
  "-7",
  "5 人",
  "５人",
  "1.5万",
  "12,5",
];

/** A count cell: mostly a number, sometimes blank, lenient text or unreadable. */
const countCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 400 }) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 90 }).map((n) => `${n}人`) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 90 }).map((n) => ` ${n} `) },
  { weight: 1, arbitrary: fc.constantFrom(...UNREADABLE) }
);

/** A money cell in 元, to the fen. */
const moneyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: 0, max: 50_000_000 }).map((fen) => fen / 100) },
  { weight: 1, arbitrary: fc.integer({ min: -50_000, max: -1 }).map((fen) => fen / 100) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 3000 }).map((n) => n * 100) },
  { weight: 2, arbitrary: fc.constant(null) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: 0, max: 9_999_999 })
      .map(
        (fen) =>
          `${Math.floor(fen / 100).toLocaleString("en-US")}.${String(fen % 100).padStart(2, "0")}元`
      ),
  },
  { weight: 1, arbitrary: fc.constantFrom(...UNREADABLE) }
);

const nameCell: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("市第一中学", "实验小学", "局机关", "第二期校级后备干部培训班", "暑期轮训"),
  fc.integer({ min: 1, max: 2020 }).map((n) => `第${n}期骨干培训`),
  fc.integer({ min: 1, max: 99 }).map((n) => `${n}中（2013年新建）`),
  // ASCII punctuation, a line break, spaces: the draft writes them otherwise
  fc.integer({ min: 1, max: 99 }).map((n) => `培训班(${n}),第${n}期:  A/B...`),
  fc.integer({ min: 1, max: 9 }).map((n) => `轮训\n第${n}批 `),
  fc.constantFrom(
    '"双11"专题培训',
    "第3期'青马'班; 共2批?",
    "培训\t(2)!\r\n第3段",
    "  ",
    "“12”",
    "A\uE0011\uE002B"
  )
);

function pick<T>(list: readonly T[] | undefined): fc.Arbitrary<T> {
  return fc.constantFrom(...(list ?? []));
}

function allowedOf(id: TableId, header: string): readonly string[] {
  return definition(id).columns.find((c) => c.header === header)?.allowed ?? [];
}

const t1Row: fc.Arbitrary<RowSpec> = fc.record({
  单位名称: nameCell,
  单位类型: pick(allowedOf("T1", "单位类型")),
  年末党员数: countCell,
  培训入党积极分子: countCell,
  发展预备党员: countCell,
  "其中：教工": countCell,
  "其中：学生": countCell,
  转正预备党员: countCell,
  新党员培训: countCell,
  评选优秀党员: countCell,
});

const t2Row: fc.Arbitrary<RowSpec> = fc.record({
  培训项目: nameCell,
  培训类别: pick(allowedOf("T2", "培训类别")),
  期数: countCell,
  培训人数: countCell,
});

const t3Row: fc.Arbitrary<RowSpec> = fc.record({
  项目名称: nameCell,
  经费类别: pick(allowedOf("T3", "经费类别")),
  "金额（元）": moneyCell,
  受益人数: countCell,
});

const rateCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 1000 }).map((t) => `${t / 10}%`) },
  { weight: 1, arbitrary: fc.constant("100%") }
);

const t4Row: fc.Arbitrary<RowSpec> = fc
  .record({
    渠道: pick(allowedOf("T4", "渠道")),
    计量单位: pick(allowedOf("T4", "计量单位")),
    受理数: fc.integer({ min: 0, max: 9000 }),
    done: fc.integer({ min: 0, max: 100 }),
    happy: fc.integer({ min: 0, max: 100 }),
    plain: fc.boolean(),
    办结率: rateCell,
    满意率: rateCell,
  })
  .map(({ done, happy, plain, ...r }) => {
    const 办结数 = Math.floor((r.受理数 * done) / 100);
    const 满意数 = Math.floor((办结数 * happy) / 100);
    return plain ? { ...r, 办结数, 满意数 } : { ...r, 办结数: `${办结数}件`, 满意数 };
  });

const ROWS: Readonly<Record<TableId, fc.Arbitrary<RowSpec>>> = {
  T1: t1Row,
  T2: t2Row,
  T3: t3Row,
  T4: t4Row,
};

/** What becomes of a sheet's 合计 row. */
type TotalKind = "auto" | "none" | "blank" | "wrong";

interface SheetPlan {
  readonly id: TableId;
  readonly rows: readonly RowSpec[];
  readonly duplicate: number;
  readonly total: TotalKind;
  readonly nameWithYear: boolean;
  /** This year's sheet says no year at all (no 统计年度, none in its name). */
  readonly yearless: boolean;
  /** A blank row among the data rows, at this place. */
  readonly blankRow: number | null;
  /** A note with digits under the table. */
  readonly note: boolean;
}

const sheetPlan = (id: TableId): fc.Arbitrary<SheetPlan> =>
  fc.record({
    id: fc.constant(id),
    rows: fc.array(ROWS[id], { minLength: 1, maxLength: 12 }),
    duplicate: fc.nat({ max: 20 }),
    total: fc.constantFrom<TotalKind>("auto", "auto", "none", "blank", "wrong"),
    nameWithYear: fc.boolean(),
    yearless: fc.boolean(),
    blankRow: fc.option(fc.nat({ max: 12 })),
    note: fc.boolean(),
  });

function sheetOf(plan: SheetPlan, year: number): SheetModel {
  const sheet = tableSheet(plan, year);
  const values = [...(sheet.values ?? [])];
  if (plan.blankRow !== null) {
    const at = 3 + (plan.blankRow % Math.max(1, values.length - 4));
    values.splice(at, 0, []);
  }
  if (plan.note) values.push([], [`说明：${year}年共12家单位填报，3家未报`]);
  return { ...sheet, values };
}

function tableSheet(plan: SheetPlan, year: number): SheetModel {
  const rows = [...plan.rows];
  const dup = rows[plan.duplicate % rows.length];
  if (plan.duplicate % 3 === 0 && dup) rows.splice(plan.duplicate % (rows.length + 1), 0, dup);
  const label = definition(plan.id).label;
  const yearless = plan.yearless && year === 2013;
  const name =
    plan.nameWithYear && !yearless
      ? `${label} ${year}`
      : `${label}${year === 2013 ? "" : "（上年）"}`;
  const built = buildSheet(plan.id, rows, {
    year: yearless ? null : year,
    name,
    total: plan.total === "auto" ? "auto" : "none",
  });
  if (plan.total === "auto" || plan.total === "none")
    return { ...built, values: [...(built.values ?? [])] };
  const headers = definition(plan.id).columns.map((c) => c.header);
  const totalRow: CellValue[] = headers.map((_, i) => (i === 0 ? "合计" : null));
  if (plan.total === "wrong") {
    const auto = buildSheet(plan.id, rows, { year, total: "auto" }).values.at(-1) ?? [];
    auto.forEach((v, i) => {
      if (i > 0) totalRow[i] = typeof v === "number" ? v + 1 + (i % 3) : v;
    });
  }
  return { ...built, values: [...built.values, totalRow] };
}

/** A workbook of some of 表1–表4 for 2013, with or without 2012's. */
export const randomWorkbook: fc.Arbitrary<WorkbookModel> = fc
  .record({
    tables: fc.subarray<TableId>(["T1", "T2", "T3", "T4"], { minLength: 1 }),
    lastYear: fc.boolean(),
    plans: fc.record({
      T1: fc.tuple(sheetPlan("T1"), sheetPlan("T1")),
      T2: fc.tuple(sheetPlan("T2"), sheetPlan("T2")),
      T3: fc.tuple(sheetPlan("T3"), sheetPlan("T3")),
      T4: fc.tuple(sheetPlan("T4"), sheetPlan("T4")),
    }),
  })
  .map(({ tables, lastYear, plans }) => {
    const sheets: SheetModel[] = [];
    for (const id of tables) {
      const [now, before] = plans[id];
      sheets.push(sheetOf(now, 2013));
      if (lastYear) sheets.push(sheetOf(before, 2012));
    }
    return { sheets };
  });

/** What becomes of one number cell of a sample: kept, or another number, blank, lenient or unreadable. */
const numberEdit: fc.Arbitrary<CellValue | "keep"> = fc.oneof(
  { weight: 12, arbitrary: fc.constant<"keep">("keep") },
  { weight: 2, arbitrary: countCell },
  { weight: 1, arbitrary: moneyCell }
);

/**
 * A sample workbook with some of its number cells changed (data rows and 合计 rows alike): the
 * shapes of any definitions, the built-in ones or a bureau's, with the values of random ones.
 * @example mutatedWorkbook(sample) // fc.Arbitrary<WorkbookModel>
 */
export function mutatedWorkbook(sample: WorkbookModel): fc.Arbitrary<WorkbookModel> {
  const cells = sample.sheets.map((s) => (s.values ?? []).map((row) => (row ?? []).length));
  const total = cells.flat().reduce((a, b) => a + b, 0);
  return fc.array(numberEdit, { minLength: total, maxLength: total }).map((edits) => {
    let i = 0;
    return {
      sheets: sample.sheets.map((s) => ({
        ...s,
        values: (s.values ?? []).map((row) =>
          (row ?? []).map((v) => {
            const edit = edits[i++] ?? "keep";
            return typeof v === "number" && v < 1e5 && edit !== "keep" ? edit : v;
          })
        ),
      })),
    };
  });
}
