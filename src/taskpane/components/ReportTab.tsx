/**
 * 报告: options for the number style and wording, the drafted paragraphs in an editable box,
 * 复制 (rich text for Word, with fallbacks) and 下载 Word 文档 (the docx library is loaded on demand).
 * The user's edits are never overwritten silently.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import {
  Button,
  Field,
  Radio,
  RadioGroup,
  Switch,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookHost } from "../../hosts/host";
import { copyRichText, type CopyOutcome } from "../clipboard";
import { splitDraft } from "../draftText";
import { DOCX_TYPE, saveBytes } from "../download";
import { DEFAULT_REPORT_OPTIONS, loadEngine, type ReportOptions } from "../engine";
import { describeError, type WorkbookRun } from "../run";
import { NeedsRun, Notice, UnverifiedBanner, useCommonStyles } from "./common";

const useStyles = makeStyles({
  options: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  draft: { minHeight: "16em" },
  // the rich-text copy of the draft, selectable for the legacy copy fallback but off screen
  rich: {
    position: "fixed",
    left: "-10000px",
    top: 0,
    width: "600px",
    fontFamily: '"仿宋_GB2312", 仿宋, FangSong, STFangsong, serif',
    fontSize: "16pt",
    lineHeight: "28pt",
  },
  body: { margin: 0, textIndent: "2em" },
  h1: { margin: 0, textIndent: "2em", fontFamily: '黑体, SimHei, "Noto Sans CJK SC", sans-serif', fontWeight: "normal" },
  h2: { margin: 0, textIndent: "2em", fontFamily: '"楷体_GB2312", 楷体, KaiTi, STKaiti, serif', fontWeight: "normal" },
});

type Status =
  | { readonly kind: "none" }
  | { readonly kind: "copied"; readonly how: CopyOutcome }
  | { readonly kind: "docx-busy" }
  | { readonly kind: "docx-done"; readonly name: string }
  | { readonly kind: "error"; readonly message: string };

export function ReportTab({ host, run, onShowIssues }: { host: WorkbookHost | undefined; run: WorkbookRun; onShowIssues?: () => void }) {
  const common = useCommonStyles();
  const styles = useStyles();
  const analysis = run.analysis;
  const [options, setOptions] = useState<ReportOptions>(DEFAULT_REPORT_OPTIONS);
  const [generated, setGenerated] = useState<string | undefined>(undefined);
  const [unverified, setUnverified] = useState(0);
  const [edited, setEdited] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>({ kind: "none" });
  const [engineError, setEngineError] = useState<string | undefined>(undefined);
  const rich = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!analysis) return;
    let live = true;
    loadEngine().then(
      (engine) => {
        if (!live) return;
        const draft = engine.draft(analysis, options);
        setGenerated(draft.text);
        setUnverified(draft.unverified.length);
      },
      (e: unknown) => {
        if (live) setEngineError(describeError(e));
      }
    );
    return () => {
      live = false;
    };
  }, [analysis, options]);

  // a new analysis starts a new draft
  useEffect(() => {
    setEdited(null);
  }, [analysis]);

  const text = edited ?? generated ?? "";
  const lines = useMemo(() => splitDraft(text), [text]);

  // “已复制” / “已下载” speak of the text as it was: an edit or a new option makes them stale
  useEffect(() => {
    setStatus((s) => (s.kind === "docx-busy" ? s : { kind: "none" }));
  }, [text]);

  if (!analysis) return <NeedsRun host={host} run={run} what="生成报告" />;
  if (engineError) return <Notice intent="error">{engineError}</Notice>;
  const set = <K extends keyof ReportOptions>(key: K, value: ReportOptions[K]) => setOptions((o) => ({ ...o, [key]: value }));
  const hasComparison = analysis.comparisons.length > 0;
  const year = analysis.currentYear;

  const copy = async () => {
    try {
      const engine = await loadEngine();
      const how = await copyRichText({ html: engine.draftHtml(text), text, richElement: rich.current });
      setStatus({ kind: "copied", how });
    } catch (e) {
      setStatus({ kind: "error", message: `无法复制：${describeError(e)}` });
    }
  };
  const downloadDocx = async () => {
    setStatus({ kind: "docx-busy" });
    try {
      const engine = await loadEngine();
      const bytes = await engine.draftDocx(text);
      const name = `报告段落${year ? `-${year}` : ""}.docx`;
      saveBytes(bytes, name, DOCX_TYPE);
      setStatus({ kind: "docx-done", name });
    } catch (e) {
      setStatus({ kind: "error", message: `无法生成 Word 文档：${describeError(e)}` });
    }
  };

  return (
    <div className={common.stack}>
      <h2 className={common.h2} data-testid="report-heading">
        {year ? `${year}年` : ""}报告段落{analysis.previousYear ? `（与${analysis.previousYear}年比较）` : ""}
      </h2>
      <UnverifiedBanner count={unverified} what="报告草稿" onShowIssues={onShowIssues} />
      <div className={styles.options} role="group" aria-label="报告选项">
        <Field label="数字样式">
          <RadioGroup
            layout="horizontal"
            value={options.numberStyle}
            onChange={(_e, d) => set("numberStyle", d.value === "approximate" ? "approximate" : "exact")}
          >
            <Radio value="exact" label="精确（9236个）" />
            <Radio value="approximate" label="约数（9200多个）" />
          </RadioGroup>
        </Field>
        <Switch checked={options.moneyInWan} onChange={(_e, d) => set("moneyInWan", d.checked)} label="金额以万元表示（30.14万元）" />
        <Switch
          checked={options.includeComparison && hasComparison}
          disabled={!hasComparison}
          onChange={(_e, d) => set("includeComparison", d.checked)}
          label={hasComparison ? "包含同比（比上年增加…）" : "包含同比（缺少上年数据）"}
        />
        <Switch
          checked={options.nameYear}
          disabled={!hasComparison || !options.includeComparison}
          onChange={(_e, d) => set("nameYear", d.checked)}
          label="注明上年数（如“（2012年51件）”）"
        />
        <Field label="标题">
          <RadioGroup
            layout="horizontal"
            value={options.headings}
            onChange={(_e, d) => set("headings", d.value === "一、" || d.value === "（一）" ? d.value : "none")}
          >
            <Radio value="none" label="无" />
            <Radio value="一、" label="一、" />
            <Radio value="（一）" label="（一）" />
          </RadioGroup>
        </Field>
      </div>

      {edited !== null && generated !== undefined && edited !== generated ? (
        <Notice
          intent="info"
          action={
            <Button size="small" onClick={() => setEdited(null)}>
              按当前选项重新生成
            </Button>
          }
        >
          草稿已修改，更改选项不会覆盖您的修改。
        </Notice>
      ) : null}

      {generated !== undefined && lines.length === 0 && edited === null ? (
        <Notice intent="info" title="没有可写的内容">
          工作簿中没有可写入报告的统计数据。请先在“校验”页确认识别到了统计表。
        </Notice>
      ) : null}

      <Field label="报告草稿（可直接修改）">
        <Textarea
          className={styles.draft}
          resize="vertical"
          value={text}
          onChange={(_e, d) => setEdited(d.value)}
          textarea={{ spellCheck: false, lang: "zh-CN" }}
        />
      </Field>

      <div className={common.row}>
        <Button appearance="primary" disabled={lines.length === 0} onClick={() => void copy()}>
          复制
        </Button>
        <Button disabled={lines.length === 0 || status.kind === "docx-busy"} onClick={() => void downloadDocx()}>
          下载 Word 文档
        </Button>
      </div>
      <ReportStatus status={status} />

      <div ref={rich} className={styles.rich} aria-hidden="true" data-testid="rich-draft">
        {lines.map((line, i) =>
          line.level === 1 ? (
            <p key={i} className={styles.h1}>
              {line.text}
            </p>
          ) : line.level === 2 ? (
            <p key={i} className={styles.h2}>
              {line.text}
            </p>
          ) : (
            <p key={i} className={styles.body}>
              {line.text}
            </p>
          )
        )}
      </div>
    </div>
  );
}

function ReportStatus({ status }: { status: Status }) {
  switch (status.kind) {
    case "copied":
      if (status.how === "clipboard") return <Notice intent="success">已复制。在 Word 中粘贴即可保留字体、字号和缩进。</Notice>;
      if (status.how === "legacy") return <Notice intent="success">已复制（兼容方式）。在 Word 中粘贴即可。</Notice>;
      return (
        <Notice intent="warning" title="无法复制到剪贴板">
          当前环境不允许写入剪贴板（Excel 网页版常见）。请点“下载 Word 文档”，在 Word 中打开后使用；或在草稿框中按 Ctrl+A 全选、Ctrl+C 复制纯文本。
        </Notice>
      );
    case "docx-busy":
      return <Notice intent="info">正在生成 Word 文档…</Notice>;
    case "docx-done":
      return <Notice intent="success">已下载“{status.name}”。</Notice>;
    case "error":
      return <Notice intent="error">{status.message}</Notice>;
    default:
      return null;
  }
}
