/**
 * Notices: what a use case tells the user beside the issues of the sheets — which definitions are
 * in force, what it passed over. A union tagged by `code`, like the issues; each code has exactly
 * one wording (`noticeText`), whichever entry point shows it.
 */
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
