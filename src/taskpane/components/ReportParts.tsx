/**
 * Pieces of the 报告 tab: the options, the outcome of 复制 / 下载, and the off-screen rich copy of
 * the draft document (selected by the legacy copy fallback).
 */
import { forwardRef } from "react";
import { Field, Radio, RadioGroup, Switch, makeStyles, tokens } from "@fluentui/react-components";
import type { Draft, UnverifiedFigure } from "../../core";
import type { ReportOptions } from "../engine";
import type { ReportStatus, SetOption } from "../reportDraft";
import { Notice } from "./common";
import { SinceSelect, type SinceChoice } from "./SinceSelect";

const useStyles = makeStyles({
  options: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  doubts: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  doubt: { marginBottom: tokens.spacingVerticalXS },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground2 },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold },
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

/** Number style, 万元, 同比, the year-named form, headings and the first year of 历年. */
export function ReportOptionsForm({
  options,
  set,
  hasComparison,
  series,
}: {
  options: ReportOptions;
  set: SetOption;
  hasComparison: boolean;
  /** 历年: the first years the workbook allows and the one chosen (none offered: no choice shown). */
  series?: SinceChoice & { readonly choices: readonly number[] };
}) {
  const styles = useStyles();
  return (
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
      {series && series.choices.length > 0 ? (
        <SinceSelect choices={series.choices} since={series.since} onSince={series.onSince} />
      ) : null}
    </div>
  );
}

/** The draft document as rich text, off screen: one paragraph per heading and per text. */
export const RichDraft = forwardRef<HTMLDivElement, { document: Draft }>(function RichDraft({ document }, ref) {
  const styles = useStyles();
  return (
    <div ref={ref} className={styles.rich} aria-hidden="true" data-testid="rich-draft">
      {document.paragraphs.flatMap((p, i) => [
        p.heading ? (
          <p key={`${i}h`} className={p.headingLevel === 2 ? styles.h2 : styles.h1}>
            {p.heading.trim()}
          </p>
        ) : null,
        p.text.trim() ? (
          <p key={`${i}t`} className={styles.body}>
            {p.text.trim()}
          </p>
        ) : null,
      ])}
    </div>
  );
});

/** What 复制 or 下载 Word 文档 came to. */
export function ReportStatusNotice({ status }: { status: ReportStatus }) {
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

/**
 * Under the draft: each number marked 【待核】, what it is, and why (the issues of the cells it is
 * computed from, in words). Open while the list is short.
 */
export function UnverifiedList({
  unverified,
  reasons,
}: {
  unverified: readonly UnverifiedFigure[];
  reasons: readonly (readonly string[])[];
}) {
  const styles = useStyles();
  if (unverified.length === 0) return null;
  return (
    <details open={unverified.length <= 5} data-testid="unverified-list">
      <summary className={styles.summary}>待核数字（{unverified.length}处，改正或说明后重新校验）</summary>
      <ol className={styles.doubts}>
        {unverified.map((u, i) => (
          <li key={i} className={styles.doubt}>
            {u.figure}：{u.text}
            <ul className={styles.reasons}>
              {(reasons[i] ?? []).map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </details>
  );
}
