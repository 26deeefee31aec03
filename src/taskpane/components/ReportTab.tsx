/**
 * 报告: options for the number style and wording, the drafted paragraphs in an editable box (编辑)
 * or read-only with every number showing where it comes from (查看来源), 复制 (rich text for Word,
 * with fallbacks) and 下载 Word 文档 (the docx library is loaded on demand), optionally with a
 * table of the numbers' sources.
 * The user's edits are never overwritten silently; the copy and the .docx are made from the
 * drafted document with the edits applied (see reportDraft.ts).
 */
import { useMemo, useRef, useState } from "react";
import { Button, Field, Switch, Textarea, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import type { WorkbookHost } from "../../hosts/host";
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from "../engine";
import { useReportDraft } from "../reportDraft";
import type { WorkbookRun } from "../run";
import { droppedNotice } from "../draftSources";
import type { CellPreviewRenderer } from "../types";
import { NeedsRun, Notice, UnverifiedBanner, useCommonStyles } from "./common";
import { DraftSources } from "./DraftSources";
import { ReportOptionsForm, ReportStatusNotice, RichDraft, UnverifiedList } from "./ReportParts";
import { sinceChoices, sinceInForce } from "../seriesView";
import type { SinceChoice } from "./SinceSelect";
import type { MoneyChoice } from "./format";

const useStyles = makeStyles({
  draft: { minHeight: "16em" },
  modes: { display: "flex", gap: tokens.spacingHorizontalXS, flexWrap: "wrap", alignItems: "center" },
});

export interface ReportTabProps extends Partial<SinceChoice>, Partial<MoneyChoice> {
  readonly host: WorkbookHost | undefined;
  readonly run: WorkbookRun;
  readonly onShowIssues?: () => void;
  /** Browser page: the sheet around the cells of a number clicked. */
  readonly cellPreview?: CellPreviewRenderer;
}

export function ReportTab({
  host,
  run,
  onShowIssues,
  cellPreview,
  since: chosen,
  onSince = () => undefined,
  moneyInWan: sharedWan,
  onMoneyInWan,
}: ReportTabProps) {
  const common = useCommonStyles();
  const styles = useStyles();
  const analysis = run.analysis;
  const [chosenOptions, setOptions] = useState<ReportOptions>(DEFAULT_REPORT_OPTIONS);
  const since = sinceInForce(chosen, analysis);
  // the first year of 历年 and the money unit are the pane's (shared with the 同比 tab), the other
  // options the tab's
  const options = useMemo<ReportOptions>(() => {
    const money = sharedWan === undefined ? chosenOptions : { ...chosenOptions, moneyInWan: sharedWan };
    return since === undefined ? money : { ...money, since };
  }, [chosenOptions, since, sharedWan]);
  const [sources, setSources] = useState(false);
  const rich = useRef<HTMLDivElement>(null);
  const draft = useReportDraft(analysis, options, rich);

  if (!analysis) return <NeedsRun host={host} run={run} what="生成报告" />;
  if (draft.engineError) return <Notice intent="error">{draft.engineError}</Notice>;
  const set = <K extends keyof ReportOptions>(key: K, value: ReportOptions[K]) => {
    if (key === "moneyInWan" && onMoneyInWan) onMoneyInWan(value as boolean);
    setOptions((o) => ({ ...o, [key]: value }));
  };
  const year = analysis.currentYear;
  const empty = draft.lines.length === 0;

  return (
    <div className={common.stack}>
      <h2 className={common.h2} data-testid="report-heading">
        {year ? `${year}年` : ""}报告段落{analysis.previousYear ? `（与${analysis.previousYear}年比较）` : ""}
      </h2>
      <UnverifiedBanner count={draft.generated?.unverified.length ?? 0} what="报告草稿" onShowIssues={onShowIssues} />
      <ReportOptionsForm
        options={options}
        set={set}
        hasComparison={analysis.comparisons.length > 0}
        series={{ choices: sinceChoices(analysis), since, onSince }}
      />

      {draft.changed ? (
        <Notice
          intent="info"
          action={
            <Button size="small" onClick={() => draft.setEdited(null)}>
              按当前选项重新生成
            </Button>
          }
        >
          草稿已修改，更改选项不会覆盖您的修改。
        </Notice>
      ) : null}

      {draft.generated !== undefined && empty && draft.edited === null ? (
        <Notice intent="info" title="没有可写的内容">
          工作簿中没有可写入报告的统计数据。请先在“校验”页确认识别到了统计表。
        </Notice>
      ) : null}

      <div className={styles.modes} role="group" aria-label="草稿显示方式">
        <ToggleButton size="small" checked={!sources} onClick={() => setSources(false)}>
          编辑
        </ToggleButton>
        <ToggleButton size="small" checked={sources} disabled={empty} onClick={() => setSources(true)}>
          查看来源
        </ToggleButton>
      </div>
      {draft.figures.dropped.length > 0 ? (
        <Notice intent="warning">{droppedNotice(draft.figures.dropped.map((f) => f.text))}</Notice>
      ) : null}

      {sources && !empty ? (
        <DraftSources
          text={draft.text}
          figures={draft.figures.kept}
          issues={analysis.issues}
          host={host}
          {...(cellPreview ? { cellPreview } : {})}
        />
      ) : (
        <Field label="报告草稿（可直接修改）">
          <Textarea
            className={styles.draft}
            resize="vertical"
            value={draft.text}
            onChange={(_e, d) => draft.setEdited(d.value)}
            textarea={{ spellCheck: false, lang: "zh-CN" }}
          />
        </Field>
      )}

      {draft.generated ? <UnverifiedList unverified={draft.generated.unverified} reasons={draft.generated.reasons} /> : null}

      <Switch
        checked={draft.withSources}
        onChange={(_e, d) => draft.setWithSources(d.checked)}
        label="附数据来源表（Word 文档末尾列出每个数字的来源）"
      />
      <div className={common.row}>
        <Button appearance="primary" disabled={empty} onClick={() => void draft.copy()}>
          复制
        </Button>
        <Button disabled={empty || draft.status.kind === "docx-busy"} onClick={() => void draft.downloadDocx()}>
          下载 Word 文档
        </Button>
      </div>
      <ReportStatusNotice status={draft.status} />
      <RichDraft ref={rich} document={draft.document} />
    </div>
  );
}
