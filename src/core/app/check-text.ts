/**
 * The one Chinese wording of each outcome of a check that stops it (an unreadable file, wrong
 * definitions, no data, a year not there), whichever entry point shows it.
 */
import { problemCount } from "../definitions";
import { YEAR_RANGE_TEXT } from "../years";
import type { CheckOutcome } from "./check";

type Stopped = Exclude<CheckOutcome, { code: "checked" }>;

/**
 * An outcome that stops a check as lines: the first says what happened (naming the file); wrong
 * definitions add one line per problem shown (without the repeated `文件名：`).
 * @example checkProblemLines({ code: "unreadable-file", file: "a.xlsx", reason: "找不到文件" }) // ["a.xlsx：找不到文件"]
 */
export function checkProblemLines(o: Stopped): string[] {
  switch (o.code) {
    case "unreadable-file":
      return [`${o.file}：${o.reason}`];
    case "no-data":
      return [
        `${o.files.join("、")}：工作簿中没有任何数据（所有工作表都是空的），没有可校验的统计表`,
      ];
    case "year-not-found":
      return [
        `${o.files.join("、")}：没有${o.year}年的统计表（表中的年度：${o.found.join("、") || "不明"}）`,
      ];
    case "year-out-of-range":
      return [`年度应在${YEAR_RANGE_TEXT}之间，收到：${o.year}`];
    case "definitions-invalid": {
      const prefix = o.where ? `${o.where}：` : "";
      const bare = (l: string) => (prefix && l.startsWith(prefix) ? l.slice(prefix.length) : l);
      if (o.problems.length === 1) return [`${prefix}${bare(o.lines[0] ?? "")}`];
      return [
        `${prefix}表定义有${problemCount(o.problems.length, o.stopped)}错误，未使用：`,
        ...o.lines.map(bare),
      ];
    }
  }
}

/**
 * The same as one text, a line each (the pane shows it in one notice).
 * @example checkProblemText({ code: "unreadable-file", file: "a.xlsx", reason: "文件已损坏" }) // "a.xlsx：文件已损坏"
 */
export function checkProblemText(o: Stopped): string {
  return checkProblemLines(o).join("\n");
}
