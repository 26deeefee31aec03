/**
 * A second bureau's sample: an invented 区教育局 whose two tables are not the built-ins
 * — 学习实践活动 (units, members, 整改项目) and 创建工作 (文明单位 and 党组织换届 in 个, 依法治校示范校 in
 * 所: a 计量单位 column, so that table has no 合计 row) — defined
 * only as data (`OTHER_DEFINITIONS`, written to assets/samples/other-bureau-definitions.json), with
 * a 2013 and a 2012 sheet of each. Every figure is invented and says so on the sheet; one row of
 * 2013 breaks the rule Q1-01 so that `check` shows an issue and its 【待核】 marks.
 */
import type { TemplateSheetInput } from "../../src/hosts/xlsx/template";
import { loadDefinitions, type TableDefinition } from "../../src/core/definitions";

export const OTHER_NOTE =
  "说明：本表全部数字为虚构的示例数据（另一区教育局的统计表示例），并非真实统计。";

export const OTHER_DEFINITIONS = {
  tables: [
    {
      version: 2,
      id: "Q1",
      label: "表1",
      title: "表1 学习实践活动情况统计表",
      name: "学习实践活动情况",
      rowLabel: "单位",
      columns: [
        { header: "单位名称", key: "unit", type: "text", required: true, unique: true },
        {
          header: "单位类型",
          key: "kind",
          type: "enum",
          required: true,
          allowed: ["机关", "学校", "其他"],
        },
        { header: "参加党员数", key: "members", type: "count", required: true, unit: "人" },
        { header: "整改项目数", key: "items", type: "count", required: true, unit: "项" },
        { header: "已完成整改数", key: "done", type: "count", required: true, unit: "项" },
        { header: "备注", key: "remark", type: "text", required: false },
      ],
      rules: [
        {
          id: "Q1-01",
          code: "done-above-items",
          kind: "row",
          severity: "error",
          message: "已完成整改{value}项，多于整改项目{expected}项。请核实这两个数。",
          check: "已完成整改数 ≤ 整改项目数",
        },
      ],
      figures: {
        totals: [
          { column: "参加党员数", headline: true },
          { column: "整改项目数", headline: true },
          { column: "已完成整改数", headline: true },
        ],
        groups: [],
      },
      blankRows: 20,
      report: {
        heading: "学习实践活动",
        sentences: [
          [{ text: "全区参加学习实践活动的党员{+Q1/参加党员数}" }],
          [{ text: "查找整改项目{+Q1/整改项目数}" }, { text: "已完成整改{Q1/已完成整改数}" }],
        ],
      },
    },
    {
      version: 2,
      id: "Q2",
      label: "表2",
      title: "表2 创建工作情况统计表",
      name: "创建工作情况",
      rowLabel: "创建项目",
      columns: [
        { header: "项目名称", key: "name", type: "text", required: true },
        {
          header: "创建类别",
          key: "kind",
          type: "enum",
          required: true,
          allowed: ["文明单位", "依法治校示范校", "党组织换届"],
        },
        // 文明单位 and 换届 are counted in 个, schools in 所: the unit is on each row, and no 合计
        { header: "计量单位", key: "unit", type: "enum", required: true, allowed: ["个", "所"] },
        {
          header: "数量",
          key: "count",
          type: "count",
          required: true,
          unitColumn: "计量单位",
        },
        { header: "备注", key: "remark", type: "text", required: false },
      ],
      rules: [],
      figures: {
        totals: [],
        groupBy: "创建类别",
        groups: [{ column: "数量", headline: true }],
      },
      blankRows: 10,
      report: {
        heading: "创建工作",
        sentences: [
          [
            {
              list: {
                lead: "",
                items: [
                  "新创建文明单位{Q2/数量/文明单位}",
                  "依法治校示范校{Q2/数量/依法治校示范校}",
                ],
                itemSep: "、",
              },
            },
            { text: "完成党组织换届{+Q2/数量/党组织换届}" },
          ],
        ],
      },
    },
  ],
};

/** The two tables, compiled (the same path as `--definitions`). */
export function otherDefinitions(): TableDefinition[] {
  return loadDefinitions(OTHER_DEFINITIONS.tables, "other-bureau-definitions.json").map(
    (t) => t.def
  );
}

/** The sample's sheets: each table for 2013 and 2012, all figures invented. */
export function otherBureauSheets(): TemplateSheetInput[] {
  const [q1, q2] = otherDefinitions() as [TableDefinition, TableDefinition];
  const frame = (y: number) => ({
    填报单位: "某区教育局（虚构）",
    填报人: "示例",
    填报日期: new Date(Date.UTC(y + 1, 0, 10)),
  });
  const units = (y: number) =>
    [
      ["区教育局机关", "机关", 48, 6, 6],
      ["区第一中学", "学校", y === 2013 ? 95 : 88, 9, y === 2013 ? 10 : 9], // 2013: Q1-01
      ["区实验小学", "学校", y === 2013 ? 62 : 57, 5, 4],
      ["区教师进修学校", "其他", y === 2013 ? 31 : 30, 3, 3],
    ].map(([单位名称, 单位类型, 参加党员数, 整改项目数, 已完成整改数]) => ({
      单位名称,
      单位类型,
      参加党员数,
      整改项目数,
      已完成整改数,
    }));
  const creations = (y: number) =>
    [
      ["区第一中学 市级文明单位", "文明单位", "个", 1],
      ["区实验小学 市级文明单位", "文明单位", "个", y === 2013 ? 1 : 0],
      ["依法治校示范校创建", "依法治校示范校", "所", y === 2013 ? 3 : 2],
      ["基层党组织换届选举", "党组织换届", "个", y === 2013 ? 12 : 9],
    ].map(([项目名称, 创建类别, 计量单位, 数量]) => ({ 项目名称, 创建类别, 计量单位, 数量 }));
  return [2013, 2012].flatMap((y) => [
    {
      tableId: q1.id,
      definition: q1,
      year: y,
      frame: frame(y),
      title: `${q1.title}（${y}年，虚构示例数据）`,
      rows: units(y),
      note: OTHER_NOTE,
    },
    {
      tableId: q2.id,
      definition: q2,
      year: y,
      frame: frame(y),
      title: `${q2.title}（${y}年，虚构示例数据）`,
      rows: creations(y),
      note: OTHER_NOTE,
    },
  ]);
}
