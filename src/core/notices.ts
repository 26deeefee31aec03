/**
 * Notices: what a use case tells the user beside the issues of the sheets — which definitions are
 * in force, what it passed over. A union tagged by `code`, like the issues; each code has exactly
 * one wording (`noticeText`), whichever entry point shows it.
 */
import type { CompiledDefinition } from "./definitions";
import { DEFINITIONS_SHEET } from "./definitions/sheet";

export type Notice =
  /** The definitions in force, when they are not the built-ins. */
  | { readonly code: "definitions-in-force"; readonly label: string }
  /** A workbook's own 报表定义 sheet differs from the definitions in force (not applied). */
  | {
      readonly code: "carried-definitions-differ";
      /** The workbook's name (a file name, or empty for the open workbook). */
      readonly workbook: string;
      readonly differences: readonly string[];
    }
  /**
   * A table of the definitions in force has no `version` (the older form): a number beside money
   * in its rules is read in fen, where a statistician writing today means 元.
   */
  | {
      readonly code: "money-read-as-fen";
      /** `表5（T5）`. */
      readonly table: string;
      readonly rule: string;
      readonly written: string;
      readonly inYuan: string | undefined;
      /** How many rules of the table read so (the first is named). */
      readonly rules: number;
    }
  /** A workbook's own 报表定义 sheet is wrong while other definitions are in force (not applied). */
  | {
      readonly code: "carried-definitions-wrong";
      readonly workbook: string;
      readonly problem: string;
    };

export type NoticeCode = Notice["code"];

type Wording = { [C in NoticeCode]: (n: Extract<Notice, { code: C }>) => string };

const whose = (workbook: string): string => (workbook ? `${workbook} 中的` : "工作簿中的");

const WORDING = {
  "definitions-in-force": (n) => `统计表定义：${n.label}`,
  "carried-definitions-differ": (n) =>
    `${whose(n.workbook)}“${DEFINITIONS_SHEET}”与所用的统计表定义不同，未采用：${n.differences.join("；")}`,
  "money-read-as-fen": (n) =>
    `${n.table}的定义没有写版本（version），按旧格式读取：规则中金额旁的数字按“分”计，如${n.rule}“${n.written}”${
      n.inYuan === undefined ? "" : `即“${n.inYuan}”（元）`
    }${n.rules > 1 ? `，共${n.rules}处` : ""}。如本意是元，请在这张表的定义中加上 "version": 2。`,
  "carried-definitions-wrong": (n) =>
    `${whose(n.workbook)}“${DEFINITIONS_SHEET}”有误，未采用：${n.problem}`,
} satisfies Wording;

/**
 * A notice in its one Chinese wording.
 * @example noticeText({ code: "carried-definitions-differ", workbook: "一中.xlsx", differences: ["表5：多出"] })
 * // "一中.xlsx 中的“报表定义”与所用的统计表定义不同，未采用：表5：多出"
 */
export function noticeText(n: Notice): string {
  return (WORDING[n.code] as (n: Notice) => string)(n);
}

/**
 * The `money-read-as-fen` notices of the tables in force: one per older-form table whose rules
 * read a number beside money in fen.
 * @example fenNotices(loadDefinitions([{ …, id: "T5", rules: [{ check: "金额（元） ≤ 1000000", … }] }]))[0].inYuan // "金额（元） ≤ 10000"
 */
export function fenNotices(definitions: readonly CompiledDefinition[]): Notice[] {
  return definitions.flatMap((t) => {
    const [first] = t.readAsFen ?? [];
    if (!first) return [];
    return [
      {
        code: "money-read-as-fen" as const,
        table: `${t.def.label}（${t.def.id}）`,
        rule: first.rule,
        written: first.written,
        inYuan: first.inYuan,
        rules: t.readAsFen?.length ?? 1,
      },
    ];
  });
}
