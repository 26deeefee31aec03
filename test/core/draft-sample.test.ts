/**
 * The drafting chain on the bundled sample workbook: .xlsx → validateWorkbook → TableData (this
 * year, last year) → compareTables / draftReport → text. The 2013 totals are the
 * reference report's (《2014 年昆山市教育局党建工作会议工作报告》).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareTables } from "../../src/core/compare";
import { draftReport } from "../../src/core/draft";
import { renderText } from "../../src/core/render";
import { validateWorkbook } from "../../src/core/validate";
import { readXlsx } from "../../src/hosts/xlsx/read";

function sampleTables() {
  const bytes = new Uint8Array(readFileSync("assets/samples/bureau-stats-2013.xlsx"));
  const result = validateWorkbook(readXlsx(bytes));
  const current = result.tables.filter((t) => t.year === result.currentYear);
  const previous = result.tables.filter((t) => t.year === result.previousYear);
  return { result, current, previous };
}

describe("drafting the sample workbook", () => {
  it("writes the reference report's 表1 sentence from the validated 2013 sheet", () => {
    const { result, current } = sampleTables();
    expect(result.currentYear).toBe(2013);
    const draft = draftReport(current, undefined, {});
    expect(draft.paragraphs.map((p) => p.tableId)).toEqual(["T1", "T2", "T3", "T4"]);
    expect(draft.paragraphs[0]?.text).toBe(
      "全年培训入党积极分子264人。发展预备党员49人，其中教工党员18人，学生党员31人；转正预备党员35人。对112名入党不满3年的新党员进行教育培训。评选优秀共产党员57名。"
    );
    expect(draft.paragraphs[3]?.text).toContain(
      "办理人大代表建议8件、政协委员提案15件，办结率、满意率均达100%。"
    );
    const t2 = draft.paragraphs[1]?.text ?? "";
    expect(t2).toMatch(/^全年举办各类培训\d+期，培训\d+人次。其中，/);
    expect(t2).toContain("面向社会举办普通话培训班19期，培训学员2848人");
  });

  it("compares with the 2012 sheets (invented figures): 43 → 49 发展预备党员", () => {
    const { result, current, previous } = sampleTables();
    expect(result.previousYear).toBe(2012);
    const comparisons = compareTables(current, previous);
    expect(comparisons.find((c) => c.id === "T1/发展预备党员")?.text).toBe(
      "比上年增加6人，增长14.0%"
    );
    const text = renderText(draftReport(current, previous, {}));
    expect(text).toContain("\u3000\u3000全年培训入党积极分子264人");
    expect(text).toContain("发展预备党员49人，比上年增加6人，增长14.0%，其中教工党员18人");
    expect(text).not.toMatch(/undefined|NaN|[{}]/);
  });
});
