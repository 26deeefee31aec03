/**
 * 同比: the year-on-year comparison of every headline figure found in both years, one table per
 * sheet with a small chart of the percentage changes, and — where the host can — a button that
 * inserts the comparison as a new sheet with a native chart.
 */
import { useMemo } from "react";
import {
  Button,
  Switch,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { ComparisonRow, WorkbookHost } from "../../hosts/host";
import type { ComparisonView } from "../engine";
import { comparisonText, type Issue } from "../../core";
import type { WorkbookRun } from "../run";
import { ComparisonChart, comparisonScale, fullName, type ComparisonScale } from "./ComparisonChart";
import { ActionOutcome, NeedsRun, Notice, UnverifiedBanner, useCommonStyles, useHostAction } from "./common";
import { cardUnit, formatChange, formatPct, formatValue, type MoneyChoice, type MoneyUnit } from "./format";
import { sinceChoices, sinceInForce } from "../seriesView";
import { SeriesSection, useSeries } from "./SeriesSection";
import { useCardStyles } from "./cardStyles";
import type { SinceChoice } from "./SinceSelect";

/** The 同比 card's own: its three figures side by side (the rest is the cards' shared styles). */
const useFigureStyles = makeStyles({
  figures: {
    display: "grid",
    gridTemplateColumns: "repeat(3, minmax(0, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    margin: 0,
    fontVariantNumeric: "tabular-nums",
  },
  /** A rule's code beside its mark, as the 校验 list shows it. */
  code: {
    marginInlineStart: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground2,
  },
});

/**
 * The warnings that flag a comparison: G-05 (变动较大) on the same sheet, indicator and category.
 * @example largeChangeKeys([{ rule: "G-05", sheet: "表3", column: "金额（元）", params: { group: "三公经费" } }]).has("表3/金额（元）/三公经费") // true
 */
export function largeChangeKeys(
  issues: ReadonlyArray<Pick<Issue, "rule" | "sheet" | "column" | "params">>
): Set<string> {
  const keys = new Set<string>();
  for (const i of issues) {
    if (i.rule !== "G-05") continue;
    const group = i.params?.group;
    keys.add(`${i.sheet}/${i.column ?? ""}${typeof group === "string" ? `/${group}` : ""}`);
  }
  return keys;
}

/** The key `largeChangeKeys` uses for a comparison row. */
export function comparisonKey(r: Pick<ComparisonView, "sheet" | "indicator" | "group">): string {
  return `${r.sheet}/${r.indicator}${r.group === undefined ? "" : `/${r.group}`}`;
}

/** Comparison rows grouped by sheet, in order of first appearance. */
export function groupBySheet(rows: readonly ComparisonView[]): Array<{ sheet: string; rows: ComparisonView[] }> {
  const map = new Map<string, ComparisonView[]>();
  for (const r of rows) {
    const list = map.get(r.sheet);
    if (list) list.push(r);
    else map.set(r.sheet, [r]);
  }
  return [...map].map(([sheet, list]) => ({ sheet, rows: list }));
}

/** The rows the host writes into its comparison sheet. */
export function toComparisonRows(rows: readonly ComparisonView[]): ComparisonRow[] {
  return rows.map((r) => ({
    sheet: r.sheet,
    indicator: fullName(r),
    unit: r.unit,
    current: r.current,
    previous: r.previous,
    change: r.change,
    pct: r.pct,
    text: r.text,
  }));
}

export interface CompareTabProps extends Partial<SinceChoice>, Partial<MoneyChoice> {
  readonly host: WorkbookHost | undefined;
  readonly run: WorkbookRun;
  readonly onShowIssues?: () => void;
}

export function CompareTab({
  host,
  run,
  onShowIssues,
  since: chosen,
  onSince = () => undefined,
  moneyInWan = false,
  onMoneyInWan,
}: CompareTabProps) {
  const common = useCommonStyles();
  const styles = { ...useCardStyles(), ...useFigureStyles() };
  const insert = useHostAction();
  const analysis = run.analysis;
  const groups = useMemo(() => groupBySheet(analysis?.comparisons ?? []), [analysis]);
  const scale = useMemo(() => comparisonScale(analysis?.comparisons ?? []), [analysis]);
  const money: MoneyUnit = moneyInWan ? "万元" : "元";
  const since = sinceInForce(chosen, analysis);
  const seriesView = useSeries(analysis, since, money);
  if (!analysis) return <NeedsRun host={host} run={run} what="同比" />;
  const { currentYear, previousYear } = analysis;
  if (analysis.comparisons.length === 0) {
    return (
      <Notice intent="info" title="没有可比较的数据">
        同比需要工作簿中同时有本年和上年的同一张统计表（“统计年度”不同）。
        {currentYear ? `已找到${currentYear}年的表，` : ""}请把上年的表复制到本工作簿后重新校验。
      </Notice>
    );
  }
  const years = currentYear && previousYear ? { current: currentYear, previous: previousYear } : undefined;
  const insertComparison = host?.insertComparison;
  const unverified = analysis.comparisons.filter((c) => c.unverified).length;
  const largeChanges = largeChangeKeys(analysis.core.issues);
  return (
    <div className={common.stack}>
      <UnverifiedBanner count={unverified} what="同比" onShowIssues={onShowIssues} />
      <p className={mergeClasses(common.p, common.muted)}>
        {years ? `${years.current}年与${years.previous}年比较，` : ""}共{analysis.comparisons.length}项指标。增加记“+”，减少记“−”，颜色不表示好坏；
        左边有色条的是需要核实的指标（【待核】或变动较大）。
      </p>
      <CompareSettings
        rows={analysis.comparisons}
        tables={groups.length}
        scale={scale}
        moneyInWan={moneyInWan}
        onMoneyInWan={onMoneyInWan}
      />
      {insertComparison && years ? (
        <div className={common.row}>
          <Button
            disabled={insert.busy}
            onClick={() =>
              void insert.perform(
                "正在插入同比工作表",
                () => insertComparison(toComparisonRows(analysis.comparisons), years),
                (name) => `已插入工作表“${name}”（含图表）。`
              )
            }
          >
            插入同比工作表
          </Button>
        </div>
      ) : null}
      <ActionOutcome state={insert.state} />
      {groups.map((g) => (
        <section key={g.sheet} className={styles.section} aria-label={`${g.sheet}同比`}>
          <h2 className={common.h3}>{g.sheet}</h2>
          <ComparisonChart rows={g.rows} title={`${g.sheet}增减幅度`} scale={scale} />
          <ul className={mergeClasses(styles.list, styles.cards)} aria-label={`${g.sheet}同比`} data-testid="comparison">
            {g.rows.map((r) => (
              <ComparisonCard key={r.id} row={r} years={years} money={money} large={largeChanges.has(comparisonKey(r))} />
            ))}
          </ul>
        </section>
      ))}
      <SeriesSection
        host={host}
        currentYear={currentYear}
        choices={sinceChoices(analysis)}
        since={since}
        onSince={onSince}
        view={seriesView}
        money={money}
      />
    </div>
  );
}

/** One indicator's card: its name and unit, the two years, the change and the wording, in one money unit. */
function ComparisonCard({
  row: r,
  years,
  money,
  large,
}: {
  readonly row: ComparisonView;
  readonly years: { readonly current: number; readonly previous: number } | undefined;
  readonly money: MoneyUnit;
  /** Flagged by G-05 (变动较大). */
  readonly large: boolean;
}) {
  const styles = { ...useCardStyles(), ...useFigureStyles() };
  return (
    <li
      className={mergeClasses(styles.card, (r.unverified || large) && styles.flagged)}
      data-unverified={r.unverified ? "true" : undefined}
      data-large-change={large ? "true" : undefined}
    >
      <span className={styles.head}>
        <span className={styles.name}>{fullName(r)}</span>
        <span className={styles.unit}>（{cardUnit(r.kind, r.unit, money)}）</span>
        {r.unverified ? <span className={styles.mark}>【待核】所依据的单元格有错误或未说明的警告</span> : null}
        {large ? (
          <span className={styles.mark}>
            变动较大，需在备注中说明
            <span className={styles.code} data-testid="rule-code">
              G-05
            </span>
          </span>
        ) : null}
      </span>
      <dl className={styles.figures}>
        <div className={styles.cell}>
          <dt className={styles.term}>{years ? `${years.current}年` : "本年"}</dt>
          <dd className={styles.value}>{formatValue(r.current, r.kind, r.unit, money)}</dd>
        </div>
        <div className={styles.cell}>
          <dt className={styles.term}>{years ? `${years.previous}年` : "上年"}</dt>
          <dd className={styles.value}>{formatValue(r.previous, r.kind, r.unit, money)}</dd>
        </div>
        <div className={styles.cell}>
          <dt className={styles.term}>增减</dt>
          <dd className={styles.value} data-testid="change">
            {formatChange(r.change, r.kind, r.unit, money)}
            {r.pct !== null && r.change !== 0 ? `（${formatPct(r.pct)}）` : ""}
          </dd>
        </div>
      </dl>
      <span className={styles.wording}>{comparisonText(r, money)}</span>
    </li>
  );
}

/** The money switch (shared with 报告) and, with several tables, the note on the charts' one scale. */
function CompareSettings({
  rows,
  tables,
  scale,
  moneyInWan,
  onMoneyInWan,
}: {
  rows: readonly ComparisonView[];
  tables: number;
  scale: ComparisonScale;
  moneyInWan: boolean;
  onMoneyInWan: MoneyChoice["onMoneyInWan"] | undefined;
}) {
  const common = useCommonStyles();
  return (
    <>
      {rows.some((c) => c.kind === "money") && onMoneyInWan ? (
        <Switch
          checked={moneyInWan}
          onChange={(_e, d) => onMoneyInWan(d.checked)}
          label="金额以万元表示（与“报告”中的设置相同）"
        />
      ) : null}
      {tables > 1 && rows.some((c) => c.pct !== null) ? (
        <p className={mergeClasses(common.p, common.muted)} data-testid="comparison-scale">
          各表的增减幅度图用同一刻度，条长可跨表比较：满格为{scale.anyUp && scale.anyDown ? "±" : scale.anyDown ? "−" : "+"}
          {scale.limit.toFixed(0)}%{scale.limit === 100 ? "，超过的画到边上，数字照实" : ""}。
        </p>
      ) : null}
    </>
  );
}
