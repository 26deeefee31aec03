/**
 * Chinese messages are made from issues, apart from the rules: every code the engine can report
 * has wording, placeholders are all filled, and the wording says what was read and what to fix.
 */
import { describe, expect, it } from "vitest";
import type { Issue } from "../../src/core/issues";
import {
  describeAddress,
  GENERIC_MESSAGES,
  issueLocation,
  issueMessage,
  lenientFixes,
} from "../../src/core/messages";
import { LENIENT } from "../../src/core/read/numbers";
import { BUILTIN_DEFINITIONS } from "../../src/core/definitions";
import { validateWorkbook } from "../../src/core/validate";
import { buildSheet, referenceT1, t1Row, t2Row, t3Row, t4Row, workbook } from "./fixtures";

/** The wording of a built-in rule, as its definition gives it. */
const wording = (id: string, code: string): string =>
  BUILTIN_DEFINITIONS.flatMap((t) => t.rules).find((r) => r.id === id && r.code === code)
    ?.message ?? "";

const issue = (over: Partial<Issue>): Issue => ({
  rule: "G-02",
  code: "required-blank",
  severity: "error",
  sheet: "表1",
  cell: "C5",
  explained: false,
  ...over,
});

describe("issueMessage", () => {
  it("the lenient example of the spec, word for word", () => {
    expect(
      issueMessage(
        issue({
          code: "lenient-unit-suffix",
          severity: "warning",
          value: "49人",
          expected: 49,
          params: { lenient: LENIENT.unitSuffix | LENIENT.textNumber },
        })
      )
    ).toBe("“49人”已按49读取。请只填数字。");
  });
  it("uses the definition rule's wording, filled from the issue", () => {
    expect(
      issueMessage(
        issue({
          rule: "T1-01",
          code: "developed-split",
          messageWording: wording("T1-01", "developed-split"),
          column: "发展预备党员",
          value: 5,
          expected: 3,
          params: { 发展预备党员: 5, "其中：教工": 1, "其中：学生": 2 },
        })
      )
    ).toBe("“发展预备党员”为5，“其中：教工”1与“其中：学生”2之和为3，两者不等。请检查这三个数。");
  });
  it("marks explained warnings", () => {
    expect(
      issueMessage(
        issue({
          rule: "T1-03",
          code: "student-members-office",
          messageWording: wording("T1-03", "student-members-office"),
          severity: "warning",
          value: 1,
          explained: true,
        })
      )
    ).toBe("机关单位填报了学生党员1人。请核实单位类型和“其中：学生”。（已在备注中说明）");
  });
  it("names rows and columns in Chinese", () => {
    expect(
      issueMessage(
        issue({
          rule: "G-04",
          code: "duplicate-row",
          severity: "warning",
          cell: "6:6",
          params: { other: "4:4" },
        })
      )
    ).toBe("此行与第4行完全相同。请检查是否重复填报。");
    expect(describeAddress("C:C")).toBe("C列");
    expect(describeAddress("C7")).toBe("第7行");
    expect(describeAddress("'表1 党员发展 2013'!I31")).toBe("“表1 党员发展 2013”第31行");
    expect(describeAddress("表1!12:12")).toBe("“表1”第12行");
  });
  it("G-05 names the group and the change", () => {
    expect(
      issueMessage(
        issue({
          rule: "G-05",
          code: "large-change",
          severity: "warning",
          column: "受理数",
          value: 200,
          expected: 100,
          params: { pct: 100, direction: "增长", threshold: 50, group: "来电" },
        })
      )
    ).toBe(
      "“受理数”（来电）本年200，上年100，增长100%，超过50%，变动较大。请核实，并在备注中说明原因。"
    );
  });
  it("every rule of every definition has a message with known placeholders", () => {
    for (const t of BUILTIN_DEFINITIONS) {
      for (const r of t.rules) {
        const text = issueMessage(
          issue({
            rule: r.id,
            code: r.code,
            value: 1,
            expected: 2,
            column: "x",
            params: { other: "表1!C9", year: 2013 },
          })
        );
        expect(text, `${r.id} ${r.code}`).not.toMatch(/\{(value|expected|column|other|year)\}/);
      }
    }
  });
  it("lists the fixes of several leniencies", () => {
    expect(lenientFixes(LENIENT.fullwidth | LENIENT.spaces | LENIENT.textNumber)).toBe(
      "使用半角数字，去掉多余的空格"
    );
    expect(lenientFixes(LENIENT.wan | LENIENT.unitSuffix)).toBe("填写完整数字（不要用“万”）");
  });
  it("locations quote sheet names with spaces", () => {
    expect(issueLocation({ sheet: "表1", cell: "C5" })).toBe("表1!C5");
    expect(issueLocation({ sheet: "2013 表1", cell: "7:7" })).toBe("'2013 表1'!7:7");
  });
});

describe("every issue of a messy workbook has a complete Chinese message", () => {
  it("has no code without wording and no placeholder left", () => {
    const messy = workbook(
      buildSheet(
        "T1",
        [
          t1Row("一中", {
            年末党员数: "49人",
            发展预备党员: 9,
            单位类型: "大学",
            评选优秀党员: 99,
          }),
          t1Row("一中", { 培训入党积极分子: { error: "#REF!" }, 转正预备党员: true }),
          t1Row("小学", { 单位类型: "小学", 年末党员数: 1.5 }),
        ],
        { total: { 年末党员数: 1 } }
      ),
      buildSheet(
        "T2",
        [
          t2Row("班", { 开始日期: "2012/1/1", 结束日期: "2011-01-01", 人均学时: 300, 期数: 0 }),
          t2Row("班", { 开始日期: "2012/1/1", 结束日期: "2011-01-01", 人均学时: 300, 期数: 0 }),
        ],
        { total: "none" }
      ),
      buildSheet("T3", [
        t3Row("慰问", { 经费类别: "慰问金", "金额（元）": "1.005万", 受益人数: 1 }),
        t3Row("公务", { 经费类别: "三公经费", "金额（元）": 9e15 }),
      ]),
      buildSheet(
        "T4",
        [t4Row("来电", { 办结率: 150, 满意率: 0.5 }), t4Row("来电", { 办结数: 200 })],
        {
          headers: [
            "渠道",
            "计量单位",
            "受理数",
            "办结数",
            "满意数",
            "办结率",
            "满意率",
            "备注",
            "办结数",
            "联系人",
          ],
        }
      ),
      referenceT1({ year: 2012 })
    );
    const r = validateWorkbook(messy);
    const codes = new Set(r.issues.map((i) => i.code));
    expect(codes.size).toBeGreaterThan(15);
    for (const i of r.issues) {
      const text = issueMessage(i);
      expect(text, `${i.rule} ${i.code}`).not.toMatch(/undefined|NaN|\{[^}]*\}|^G-|^T\d/);
      const known =
        GENERIC_MESSAGES[i.code] !== undefined ||
        i.code.startsWith("lenient-") ||
        BUILTIN_DEFINITIONS.some((t) => t.rules.some((x) => x.code === i.code));
      expect(known, i.code).toBe(true);
    }
  });
});
