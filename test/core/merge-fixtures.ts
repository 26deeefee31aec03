/** A bureau's own table definition (not a built-in) for the merge tests. */
export { loadDefinitions } from "../../src/core/definitions";

export const TEMPLATE_DEFINITIONS_FOR_TESTS: readonly unknown[] = [
  {
    id: "T1",
    label: "自定表",
    title: "自定表 教师党员情况",
    name: "教师党员情况",
    rowLabel: "学校",
    columns: [
      { header: "学校", key: "school", type: "text", required: true, unique: true },
      { header: "教师数", key: "teachers", type: "count", required: true },
      { header: "党员教师数", key: "members", type: "count", required: true },
    ],
    rules: [
      {
        id: "T1-01",
        code: "members-above-teachers",
        severity: "error",
        kind: "row",
        check: "党员教师数 ≤ 教师数",
        message: "党员教师数 {value} 多于教师数 {expected}",
      },
    ],
    figures: { totals: [{ column: "教师数", headline: true }], groups: [] },
  },
];
