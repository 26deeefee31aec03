/**
 * 校验, the part loaded on demand: progress with cancel, counts, issues grouped by sheet with a
 * severity filter; clicking an issue selects its cell through the host. Explained warnings show
 * as 已说明.
 */
import { useMemo, useState, type Dispatch } from "react";
import { splitMessage } from "../../core";

export { splitMessage };
import {
  Badge,
  Button,
  Field,
  ProgressBar,
  Radio,
  RadioGroup,
  Tooltip,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookHost } from "../../hosts/host";
import type { Analysis, ShownIssue } from "../engine";
import type { RunStatus, WorkbookRun } from "../run";
import type { CellPreviewRenderer, IssueSelect } from "../types";
import { ActionOutcome, Notice, useCommonStyles, useHostAction } from "./common";
import { missingFeature, useHostFeatures } from "../hostFeatures";
import { NoTables } from "./NoTables";

export type SeverityFilter = "all" | "error" | "warning";

export interface IssueGroup {
  readonly sheet: string;
  readonly issues: readonly ShownIssue[];
  readonly errors: number;
  readonly warnings: number;
}

/**
 * Groups issues by sheet (in order of each sheet's first issue), errors before warnings within a
 * sheet, keeping only the chosen severity.
 * @example groupIssues([w("表1", "C4"), e("表1", "D5")], "all") // [{ sheet: "表1", issues: [D5, C4], errors: 1, warnings: 1 }]
 */
export function groupIssues(issues: readonly ShownIssue[], filter: SeverityFilter): IssueGroup[] {
  // sheets keep the order of their first issue in the whole list, whatever the filter
  const bySheet = new Map<string, ShownIssue[]>();
  for (const shown of issues) {
    let list = bySheet.get(shown.issue.sheet);
    if (!list) bySheet.set(shown.issue.sheet, (list = []));
    if (filter === "all" || shown.issue.severity === filter) list.push(shown);
  }
  const groups: IssueGroup[] = [];
  for (const [sheet, list] of bySheet) {
    if (list.length === 0) continue;
    const errors = list.filter((s) => s.issue.severity === "error");
    const warnings = list.filter((s) => s.issue.severity !== "error");
    groups.push({
      sheet,
      issues: [...errors, ...warnings],
      errors: errors.length,
      warnings: warnings.length,
    });
  }
  return groups;
}

const FIRST_PAGE = 50;
const MORE_PAGE = 200;

const useStyles = makeStyles({
  counts: {
    display: "flex",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  group: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
  },
  issue: {
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
    width: "100%",
    textAlign: "start",
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    overflowWrap: "anywhere",
  },
  clickable: {
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  active: {
    border: `1px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  meta: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    paddingInlineEnd: "44px",
  },
  where: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  what: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  message: { fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  fix: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
  },
  card: { position: "relative" },
  skip: {
    alignSelf: "flex-start",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorBrandForegroundLink,
  },
  code: {
    position: "absolute",
    insetBlockStart: "4px",
    insetInlineEnd: "6px",
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground2,
    textDecorationLine: "underline",
    textDecorationStyle: "dotted",
    cursor: "help",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  tables: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/**
 * Everything of 校验 below the run button — progress, notices and results — loaded when the
 * first run starts (or when there is no workbook), so the first tab renders with little code.
 */
/** What the body of 校验 is given (the tab passes its own props on). */
export interface ValidateBodyProps {
  readonly host: WorkbookHost | undefined;
  readonly run: WorkbookRun;
  readonly noHostMessage?: string;
  readonly cellPreview?: CellPreviewRenderer;
}

export function ValidateBody({ host, run, noHostMessage, cellPreview }: ValidateBodyProps) {
  const common = useCommonStyles();
  if (!host) {
    return (
      <Notice intent="info" title="尚未打开工作簿">
        {noHostMessage ?? "请先打开一个工作簿。"}
      </Notice>
    );
  }
  const { status, analysis } = run;
  return (
    <div className={common.stack}>
      <RunProgress status={status} onCancel={run.cancel} />
      {status.phase === "cancelled" ? (
        <Notice intent="warning">已取消校验。{analysis ? "下面是上一次校验的结果。" : ""}</Notice>
      ) : null}
      {status.phase === "error" ? (
        <Notice intent="error" title="校验未完成">
          {status.message}
          {/* the results below are the last run's: said, so they are not read as this one's */}
          {analysis ? <div>下面仍是上一次校验的结果。</div> : null}
        </Notice>
      ) : null}
      {analysis ? <Results analysis={analysis} host={host} cellPreview={cellPreview} /> : null}
    </div>
  );
}

function RunProgress({ status, onCancel }: { status: RunStatus; onCancel: () => void }) {
  const common = useCommonStyles();
  if (status.phase !== "reading" && status.phase !== "analyzing") return null;
  const progress = status.phase === "reading" ? status.progress : undefined;
  const fraction =
    progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined;
  const label = status.phase === "reading" ? "正在读取工作簿…" : "正在分析…";
  const hint = progress
    ? `已读取${progress.done.toLocaleString("zh-CN")}/${progress.total.toLocaleString("zh-CN")}个单元格`
    : undefined;
  return (
    <div className={common.stack}>
      <Field label={label} validationMessage={hint} validationState="none">
        <ProgressBar value={fraction} max={1} aria-label={label} />
      </Field>
      <div className={common.row}>
        <Button onClick={onCancel}>取消</Button>
      </div>
    </div>
  );
}

/**
 * Which issue was clicked last, and selecting an issue's cell through the host (when it can); a
 * failure to select is kept as a sentence to show.
 */
function useIssueSelect(host: WorkbookHost) {
  const [activeKey, setActiveKey] = useState<string | undefined>(undefined);
  const [selectError, setSelectError] = useState<string | undefined>(undefined);
  const select: IssueSelect | undefined = host.selectCell
    ? (shownIssue: ShownIssue) => {
        setActiveKey(shownIssue.key);
        setSelectError(undefined);
        host.selectCell?.(shownIssue.issue.sheet, shownIssue.issue.cell).catch((e: unknown) => {
          setSelectError(
            `无法定位到“${shownIssue.issue.sheet}”的${shownIssue.issue.cell}：${e instanceof Error ? e.message : String(e)}`
          );
        });
      }
    : undefined;
  return { activeKey, selectError, select };
}

function Results({
  analysis,
  host,
  cellPreview,
}: {
  analysis: Analysis;
  host: WorkbookHost;
  cellPreview?: CellPreviewRenderer;
}) {
  const common = useCommonStyles();
  const [filter, setFilter] = useState<SeverityFilter>("all");
  const { activeKey, selectError, select } = useIssueSelect(host);
  const groups = useMemo(() => groupIssues(analysis.issues, filter), [analysis, filter]);
  const shown = useMemo(() => groups.flatMap((g) => g.issues.map((s) => s.issue)), [groups]);

  return (
    <div className={common.stack}>
      <IssueCounts analysis={analysis} />
      <TablesFound analysis={analysis} host={host} />
      {analysis.tables.length > 0 ? <Verdict analysis={analysis} /> : null}
      <MarkActions host={host} hasIssues={analysis.issues.length > 0} shown={shown} />
      {analysis.issues.length > 0 ? (
        <SeverityChoice analysis={analysis} filter={filter} onChange={setFilter} />
      ) : null}
      {selectError ? <Notice intent="warning">{selectError}</Notice> : null}
      <IssueList
        groups={groups}
        count={shown.length}
        activeKey={activeKey}
        onSelect={select}
        preview={cellPreview}
      />
      {analysis.issues.length > 0 && groups.length === 0 ? (
        <p className={mergeClasses(common.p, common.muted)}>没有符合筛选条件的问题。</p>
      ) : null}
    </div>
  );
}

/** The counts of errors, warnings and explained warnings, announced when they change. */
function IssueCounts({ analysis }: { analysis: Analysis }) {
  const styles = useStyles();
  return (
    <div className={styles.counts} role="status" aria-live="polite">
      <CountBadge count={analysis.errors} color="danger" what="项错误" />
      <CountBadge count={analysis.warnings} color="warning" what="项警告" />
      {analysis.explained > 0 ? (
        <Badge appearance="outline" color="informative" shape="rounded">
          {analysis.explained}项已说明
        </Badge>
      ) : null}
    </div>
  );
}

/** A count of errors or warnings: filled in its colour when there are some, a green outline when none. */
function CountBadge({
  count,
  color,
  what,
}: {
  count: number;
  color: "danger" | "warning";
  what: string;
}) {
  return (
    <Badge
      appearance={count > 0 ? "filled" : "outline"}
      color={count > 0 ? color : "success"}
      shape="rounded"
    >
      {count}
      {what}
    </Badge>
  );
}

/** The verdict on the tables found, and the next step. */
function Verdict({ analysis }: { analysis: Analysis }) {
  const common = useCommonStyles();
  return (
    <div data-testid="verdict">
      <Notice
        intent={analysis.verdict.ok ? "success" : analysis.verdict.errors > 0 ? "error" : "warning"}
      >
        {analysis.verdict.text}
        {analysis.verdict.ok ? "可以切换到“同比”和“报告”查看结果。" : ""}
      </Notice>
      <p className={common.p} data-testid="next-step">
        <strong>下一步：</strong>
        {nextStep(analysis)}
      </p>
    </div>
  );
}

/**
 * 标记问题单元格 / 清除标记, when there are issues and the host can mark cells, and the outcome of
 * the last of them.
 */
function MarkActions({
  host,
  hasIssues,
  shown,
}: {
  host: WorkbookHost;
  hasIssues: boolean;
  shown: readonly ShownIssue["issue"][];
}) {
  const common = useCommonStyles();
  const marks = useHostAction();
  // below ExcelApi 1.9: 清除标记 cannot bring back a fill it cannot read, say so beside the buttons
  const noRestore = missingFeature(useHostFeatures(host), "exactRestore");
  return (
    <>
      {hasIssues && host.markIssues && noRestore ? (
        <p className={mergeClasses(common.p, common.muted)} data-testid="marks-restore-note">
          {noRestore.reason}
        </p>
      ) : null}
      {hasIssues && (host.markIssues || host.clearMarks) ? (
        <div className={common.row}>
          {host.markIssues ? (
            <Button
              disabled={marks.busy || shown.length === 0}
              onClick={() =>
                void marks.perform(
                  "正在标记",
                  () => host.markIssues!(shown),
                  (r) =>
                    // below ExcelApi 1.9 the note says the restore is the colour only
                    `已标记${r.marked}个单元格，可用“清除标记”${noRestore ? "去掉标记" : "恢复原样"}。${r.note ?? ""}`
                )
              }
            >
              标记问题单元格
            </Button>
          ) : null}
          {host.clearMarks ? (
            <Button
              disabled={marks.busy}
              onClick={() =>
                void marks.perform(
                  "正在清除标记",
                  () => host.clearMarks!(),
                  (n) =>
                    n > 0 ? `已清除${n}个单元格的标记，恢复为原来的格式。` : "没有需要清除的标记。"
                )
              }
            >
              清除标记
            </Button>
          ) : null}
        </div>
      ) : null}
      <ActionOutcome state={marks.state} />
    </>
  );
}

/** The severity filter: all issues, the errors or the warnings, with their counts. */
function SeverityChoice({
  analysis,
  filter,
  onChange,
}: {
  analysis: Analysis;
  filter: SeverityFilter;
  onChange: Dispatch<SeverityFilter>;
}) {
  return (
    <RadioGroup
      layout="horizontal"
      value={filter}
      onChange={(_e, data) => onChange(data.value as SeverityFilter)}
      aria-label="按严重程度筛选"
    >
      <Radio value="all" label={`全部（${analysis.issues.length}）`} />
      <Radio value="error" label={`错误（${analysis.errors}）`} />
      <Radio value="warning" label={`警告（${analysis.warnings}）`} />
    </RadioGroup>
  );
}

/** The issues shown, by sheet, between a link that skips them and the line that ends them. */
function IssueList({
  groups,
  count,
  activeKey,
  onSelect,
  preview,
}: {
  groups: readonly IssueGroup[];
  count: number;
  activeKey: string | undefined;
  onSelect: IssueSelect | undefined;
  preview: CellPreviewRenderer | undefined;
}) {
  const common = useCommonStyles();
  const styles = useStyles();
  if (groups.length === 0) return null;
  return (
    <>
      <a
        href="#issues-end"
        className={styles.skip}
        onClick={(e) => {
          e.preventDefault();
          document.getElementById("issues-end")?.focus();
        }}
      >
        跳过问题列表（{count}条）
      </a>
      {groups.map((group) => (
        <IssueGroupView
          key={group.sheet}
          group={group}
          activeKey={activeKey}
          onSelect={onSelect}
          preview={preview}
        />
      ))}
      <p id="issues-end" tabIndex={-1} className={mergeClasses(common.p, common.muted)}>
        问题列表到此结束。可以切换到“同比”“报告”标签页继续。
      </p>
    </>
  );
}

/**
 * The next step after a check, from the verdict on the report year: fix its errors and the
 * warnings no 备注 can explain, then explain the others in 备注, then 上报. Last year's errors do not
 * block: they are named last.
 * @example nextStep({ verdict: { ok: false, missing: [], empty: [], errors: 2, toFix: 1, unexplained: 2, previousErrors: 0 } }) // "改正2项错误和1项需改正的警告（表头、格式、合计或按宽松规则读取的单元格），再在备注中说明2项警告（在该行的“备注”列写明原因，即算已说明），然后重新校验。"
 */
export function nextStep(analysis: {
  verdict: Pick<
    Analysis["verdict"],
    "ok" | "missing" | "empty" | "errors" | "toFix" | "unexplained" | "previousErrors"
  > &
    Partial<Pick<Analysis["verdict"], "earlierYears">>;
}): string {
  const v = analysis.verdict;
  const steps: string[] = [];
  const fix: string[] = [];
  if (v.errors > 0) fix.push(`${v.errors}项错误`);
  if (v.toFix > 0) fix.push(`${v.toFix}项需改正的警告（表头、格式、合计或按宽松规则读取的单元格）`);
  if (fix.length > 0) steps.push(`改正${fix.join("和")}`);
  if (v.unexplained > 0)
    steps.push(
      `${steps.length > 0 ? "再" : ""}在备注中说明${v.unexplained}项警告（在该行的“备注”列写明原因，即算已说明）`
    );
  const missing = [...(v.missing ?? []), ...(v.empty ?? [])];
  if (missing.length > 0) steps.push(`补齐${missing.join("、")}`);
  // more than one earlier year read (a series over years): 往年 instead of 上年
  const earlier = (v.earlierYears?.length ?? 0) > 1 ? "往年" : "上年";
  const previous =
    v.previousErrors > 0
      ? `${earlier}的表有${v.previousErrors}项错误，不影响本年上报，请核对${earlier}的表。`
      : "";
  if (steps.length === 0)
    return (v.ok ? "可以上报。" : "检查上面的说明，然后重新校验。") + previous;
  return `${steps.join("，")}，然后重新校验。${previous}`;
}

function TablesFound({ analysis, host }: { analysis: Analysis; host: WorkbookHost }) {
  const common = useCommonStyles();
  const styles = useStyles();
  if (analysis.tables.length === 0) return <NoTables analysis={analysis} host={host} />;
  return (
    <details>
      <summary className={common.muted}>识别到{analysis.tables.length}张统计表</summary>
      <ul className={styles.tables}>
        {analysis.tables.map((t) => (
          <li key={`${t.sheet}/${t.tableId}`}>
            {t.title}（{t.year ? `${t.year}年` : "年度未知"}，工作表“{t.sheet}”，
            {t.rowCount ?? t.records.length}行）
          </li>
        ))}
      </ul>
    </details>
  );
}

function IssueGroupView({
  group,
  activeKey,
  onSelect,
  preview,
}: {
  group: IssueGroup;
  activeKey: string | undefined;
  onSelect: IssueSelect | undefined;
  preview: CellPreviewRenderer | undefined;
}) {
  const common = useCommonStyles();
  const styles = useStyles();
  const [limit, setLimit] = useState(FIRST_PAGE);
  const visible = group.issues.slice(0, limit);
  const counts = [
    group.errors ? `${group.errors}项错误` : "",
    group.warnings ? `${group.warnings}项警告` : "",
  ]
    .filter(Boolean)
    .join("，");
  return (
    <section className={styles.group} aria-label={`工作表${group.sheet}`}>
      <h2 className={common.h3}>
        {group.issues[0]?.place.table ?? group.sheet}
        <span className={common.muted}>（{counts}）</span>
      </h2>
      <ul className={styles.list}>
        {visible.map((shown) => (
          <li key={shown.key}>
            <IssueItem shown={shown} active={shown.key === activeKey} onSelect={onSelect} />
            {preview && shown.key === activeKey
              ? preview(shown.issue.sheet, shown.issue.cell, shown.place)
              : null}
          </li>
        ))}
      </ul>
      {group.issues.length > limit ? (
        <div>
          <Button appearance="subtle" size="small" onClick={() => setLimit(limit + MORE_PAGE)}>
            再显示{Math.min(MORE_PAGE, group.issues.length - limit)}条（共{group.issues.length}条）
          </Button>
        </div>
      ) : null}
    </section>
  );
}

function IssueItem({
  shown,
  active,
  onSelect,
}: {
  shown: ShownIssue;
  active: boolean;
  onSelect: IssueSelect | undefined;
}) {
  const styles = useStyles();
  const { issue, place } = shown;
  const [wrong, fix] = splitMessage(shown.message);
  const where = [place.row, place.unit].filter(Boolean).join(" · ");
  const what = [place.column, place.value ? `现为${place.value}` : undefined]
    .filter(Boolean)
    .join(" · ");
  const content = (
    <>
      <span className={styles.meta}>
        {issue.severity === "error" ? (
          <Badge appearance="filled" color="danger">
            错误
          </Badge>
        ) : (
          <Badge appearance="filled" color="warning">
            警告
          </Badge>
        )}
        {issue.explained ? (
          <Badge appearance="outline" color="informative">
            已说明
          </Badge>
        ) : null}
        <span className={styles.where} data-testid="issue-where">
          {where || place.table}
        </span>
      </span>
      {what ? <span className={styles.what}>{what}</span> : null}
      <span className={styles.message} data-testid="issue-message">
        {wrong}
      </span>
      {fix ? (
        <span className={styles.fix} data-testid="issue-fix">
          {fix}
        </span>
      ) : null}
    </>
  );
  const code = (
    <Tooltip content={shown.ruleHelp} relationship="description" withArrow>
      <span className={styles.code} tabIndex={0} data-testid="rule-code">
        {issue.rule}
      </span>
    </Tooltip>
  );
  if (!onSelect)
    return (
      <div className={styles.card}>
        <div className={styles.issue}>{content}</div>
        {code}
      </div>
    );
  return (
    <div className={styles.card}>
      <button
        type="button"
        className={mergeClasses(styles.issue, styles.clickable, active && styles.active)}
        aria-current={active ? "true" : undefined}
        data-rule={issue.rule}
        data-cell={issue.cell}
        title={`定位到${place.table}${place.row ? `的${place.row}` : ""}`}
        onClick={() => onSelect(shown)}
      >
        {content}
      </button>
      {code}
    </div>
  );
}
