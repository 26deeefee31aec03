/**
 * Why a drafted number is marked `【待核】`, in words a statistician reads: for each issue it depends
 * on, the sheet and the place (`第12行`, `第15行“金额（元）”`) and what the issue says, ending with
 * `未在备注中说明` for a warning a 备注 could explain. The command line writes these under the draft;
 * the pane lists them below the draft.
 */
import { explainable, type Issue } from "../issues";
import type { FigureSource } from "../figures";
import { issueMessage, splitMessage } from "../messages";
import { parseA1 } from "../model";

/**
 * A place in words: a whole row `第12行`, a cell `第15行“金额（元）”` (or `C15` without a column), a
 * whole column `“金额（元）”列`.
 * @example placeWords({ cell: "12:12" }) // "第12行"
 * @example placeWords({ cell: "C15", column: "金额（元）" }) // "第15行“金额（元）”"
 * @example placeWords({ cell: "C:C", column: "金额（元）" }) // "“金额（元）”列"
 */
export function placeWords(issue: Pick<Issue, "cell" | "column">): string {
  const at = parseA1(issue.cell);
  const column = issue.column ? `“${issue.column}”` : "";
  if (at?.row === undefined) return column ? `${column}列` : issue.cell;
  if (at.col === undefined) return `第${at.row + 1}行`;
  return column ? `第${at.row + 1}行${column}` : issue.cell;
}

/**
 * One reason a number is in doubt.
 * @example doubtReason(g04Issue) // "“表2 培训 2013”第12行：此行与第4行完全相同，未在备注中说明"
 */
export function doubtReason(issue: Issue): string {
  const open = issue.severity === "warning" && !issue.explained && explainable(issue);
  return `“${issue.sheet}”${placeWords(issue)}：${splitMessage(issueMessage(issue))[0].replace(/。$/, "")}${open ? "，未在备注中说明" : ""}`;
}

/**
 * The reasons for a marked number: one per issue among its sources, in the order of the sources
 * (a source whose issue is not in the list, e.g. of another check run, is named by its cell).
 * @example doubtReasons(a.draft.unverified[0].sources, a.issues) // ["“表1 党员发展 2013”第30行“单位名称”：“单位名称”“昆山市城北中学”与A16单元格重复"]
 */
export function doubtReasons(sources: readonly FigureSource[], issues: readonly Issue[]): string[] {
  const out: string[] = [];
  for (const s of sources) {
    const issue = issues.find((i) => i.sheet === s.sheet && i.cell === s.cell && i.rule === s.rule);
    const reason = issue ? doubtReason(issue) : `“${s.sheet}”${s.cell}（${s.rule}）`;
    if (!out.includes(reason)) out.push(reason);
  }
  return out;
}
