/**
 * 报告: options for the number style and wording, the drafted paragraphs in an editable box,
 * 复制 (rich text for Word, with fallbacks) and 下载 Word 文档 (the docx library is loaded on demand).
 * The user's edits are never overwritten silently; the copy and the .docx are made from the
 * drafted document with the edits applied (see reportDraft.ts).
 */
import { useRef, useState } from "react";
import { Button, Field, Textarea, makeStyles } from "@fluentui/react-components";
import type { WorkbookHost } from "../../hosts/host";
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from "../engine";
import { useReportDraft } from "../reportDraft";
import type { WorkbookRun } from "../run";
import { NeedsRun, Notice, UnverifiedBanner, useCommonStyles } from "./common";
import { ReportOptionsForm, ReportStatusNotice, RichDraft } from "./ReportParts";

const useStyles = makeStyles({ draft: { minHeight: "16em" } });

export function ReportTab({ host, run, onShowIssues }: { host: WorkbookHost | undefined; run: WorkbookRun; onShowIssues?: () => void }) {
  const common = useCommonStyles();
  const styles = useStyles();
  const analysis = run.analysis;
  const [options, setOptions] = useState<ReportOptions>(DEFAULT_REPORT_OPTIONS);
  const rich = useRef<HTMLDivElement>(null);
  const draft = useReportDraft(analysis, options, rich);

  if (!analysis) return <NeedsRun host={host} run={run} what="生成报告" />;
  if (draft.engineError) return <Notice intent="error">{draft.engineError}</Notice>;
  const set = <K extends keyof ReportOptions>(key: K, value: ReportOptions[K]) => setOptions((o) => ({ ...o, [key]: value }));
  const year = analysis.currentYear;
  const empty = draft.lines.length === 0;

  return (
    <div className={common.stack}>
      <h2 className={common.h2} data-testid="report-heading">
        {year ? `${year}年` : ""}报告段落{analysis.previousYear ? `（与${analysis.previousYear}年比较）` : ""}
      </h2>
      <UnverifiedBanner count={draft.generated?.unverified.length ?? 0} what="报告草稿" onShowIssues={onShowIssues} />
      <ReportOptionsForm options={options} set={set} hasComparison={analysis.comparisons.length > 0} />

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

      <Field label="报告草稿（可直接修改）">
        <Textarea
          className={styles.draft}
          resize="vertical"
          value={draft.text}
          onChange={(_e, d) => draft.setEdited(d.value)}
          textarea={{ spellCheck: false, lang: "zh-CN" }}
        />
      </Field>

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
