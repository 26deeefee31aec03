/**
 * The notice of 校验 when no statistical table was found: the header rows the sheets do have, the
 * ways on (a definitions file, a 报表定义 sheet, a drafted definition), and 起草报表定义, which
 * drafts one from these sheets — inserted as a new sheet in Excel and WPS, downloaded on the
 * browser page. Nothing is written before the button is clicked, and never into a user's cell.
 */
import { useState } from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { WorkbookHost } from "../../hosts/host";
import {
  draftIntoWorkbook,
  draftedText,
  draftFileName,
  shownHeaderRows,
  waysOn,
  type DraftedDefinitions,
} from "../draftDefinitions";
import { DEFINITIONS_SHEET } from "../../core";
import { tablesInWords, type Analysis } from "../engine";
import { ActionOutcome, Notice, useCommonStyles, useHostAction } from "./common";

/** In Excel and WPS, when the workbook has a 报表定义 sheet already: why there is no 起草 button. */
export const DEFINITIONS_SHEET_THERE =
  "工作簿中已有“报表定义”工作表，但其中的表与上面的表头都不相符，起草的定义不会插在它上面。请按上面的表头改正其中的列名，或删去该工作表后重新校验，再起草报表定义。";

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  // a command is not broken across lines (the pane is 320 px wide)
  command: { whiteSpace: "nowrap", fontFamily: "inherit" },
  lines: {
    margin: 0,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
  },
});

/** What the notice is given: the analysis that found no table, and the host to draft into. */
export interface NoTablesProps {
  readonly analysis: Analysis;
  readonly host: WorkbookHost;
}

export function NoTables({ analysis, host }: NoTablesProps) {
  const common = useCommonStyles();
  const styles = useStyles();
  const headerRows = analysis.headerRows ?? [];
  const defined = `在用的${tablesInWords(analysis.core.definitions.length)}统计表（${analysis.definitionsLabel}）`;
  // no sheet has a header row: nothing to draft from, a blank template is the way on
  if (headerRows.length === 0)
    return (
      <Notice intent="warning" title="没有找到统计表">
        工作簿中没有识别到{defined}
        中的任何一张（按表头识别，例如“单位名称”“年末党员数”，与工作表名无关）。可以在“模板”页插入空白模板。
      </Notice>
    );
  const inserts = Boolean(host.insertDefinitions);
  // a draft is never inserted over the workbook's own 报表定义 sheet
  const hasDefinitionsSheet = analysis.model.sheets.some(
    (sheet) => sheet.name.trim() === DEFINITIONS_SHEET
  );
  return (
    <div className={common.stack} data-testid="no-tables">
      <Notice intent="warning" title="没有找到统计表">
        没有一张工作表的表头与{defined}相符（按表头识别，与工作表名无关）。工作簿中的表头：
        <ul className={styles.list} data-testid="header-rows">
          {shownHeaderRows(headerRows).map((row) => (
            <li key={row}>{row}</li>
          ))}
        </ul>
        如果这些是本局自己的表，请给出它们的定义，任选一种：
        <ol className={styles.list} data-testid="ways-on">
          {waysOn(inserts).map((way) => (
            <li key={way}>
              {way.split(/(--definitions 定义\.json)/).map((part, i) =>
                i % 2 === 1 ? (
                  <code key={i} className={styles.command}>
                    {part}
                  </code>
                ) : (
                  part
                )
              )}
            </li>
          ))}
        </ol>
      </Notice>
      {inserts && hasDefinitionsSheet ? (
        <p className={mergeClasses(common.p, common.muted)} data-testid="definitions-sheet-there">
          {DEFINITIONS_SHEET_THERE}
        </p>
      ) : (
        <DraftDefinitions host={host} inserts={inserts} />
      )}
    </div>
  );
}

/** The 起草报表定义 button, what it will do, and what it did (the drafted lines collapsed). */
function DraftDefinitions({ host, inserts }: { host: WorkbookHost; inserts: boolean }) {
  const common = useCommonStyles();
  const styles = useStyles();
  const action = useHostAction();
  const [drafted, setDrafted] = useState<DraftedDefinitions | undefined>(undefined);
  return (
    <>
      <div className={common.row}>
        <Button
          // once inserted, a second 报表定义 sheet would be refused: the button rests
          disabled={action.busy || (inserts && drafted !== undefined)}
          onClick={() =>
            void action.perform(
              inserts ? "正在起草并插入报表定义" : "正在起草定义文件",
              async () => {
                const r = await draftIntoWorkbook(host);
                setDrafted(r);
                return r;
              },
              draftedText
            )
          }
        >
          起草报表定义
        </Button>
      </div>
      <p className={mergeClasses(common.p, common.muted)}>
        {inserts
          ? "按上面这些表的表头和数据起草本局的表定义，插入为新的“报表定义”工作表；原有的单元格都不改动。"
          : `按上面这些表的表头和数据起草本局的表定义，下载为“${draftFileName(host.label)}”；工作簿不改动。`}
      </p>
      <ActionOutcome state={action.state} />
      {drafted && action.state.kind === "done" ? (
        <details data-testid="drafted-lines">
          <summary className={common.muted}>起草的内容（{drafted.tables}张表）</summary>
          <pre className={styles.lines}>{drafted.lines.join("\n")}</pre>
        </details>
      ) : null}
    </>
  );
}
