/**
 * 历年 in the 同比 tab: the first year (起始年度), then for each table a line chart per unit (one
 * scale each) and a card per figure with its value in each year (— for a gap, with why),
 * 【待核】 on a year whose figure rests on a cell with an error, and its wording; 插入历年表 where
 * the host can. Laid out like the 同比 cards above it: wraps at 320 px, no horizontal scroll.
 */
import { useEffect, useState } from "react";
import { Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { WorkbookHost } from "../../hosts/host";
import { SERIES_RULES, seriesIssueMessage, type FigureSeries } from "../../core";
import { loadEngine, type Analysis, type SeriesView } from "../engine";
import { groupSeries, seriesNote, toSeriesRows, type SeriesChartGroup } from "../seriesView";
import { ActionOutcome, useCommonStyles, useHostAction } from "./common";
import { cardUnit, formatValue, type MoneyUnit } from "./format";
import { SeriesChart, scalesDiffer } from "./SeriesChart";
import { SinceSelect, type SinceChoice } from "./SinceSelect";
import { useCardStyles } from "./cardStyles";

/** The 历年 card's own: a value a year, as many a line as fit (the rest is the cards' shared styles). */
const useYearStyles = makeStyles({
  // side by side where the page is wide, one under the other at 320 px
  charts: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXXL, rowGap: tokens.spacingVerticalM },
  since: { maxWidth: "20em" },
  /** A check's rule code beside its words, as the 校验 list shows it. */
  code: {
    marginInlineStart: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    fontFamily: tokens.fontFamilyMonospace,
    color: tokens.colorNeutralForeground2,
  },
  years: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(5.5em, 1fr))",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "2px",
    margin: 0,
    fontVariantNumeric: "tabular-nums",
  },
});

/**
 * A figure's checks over years to read beside its values: a cumulative total that decreases
 * (G-10) and a change out of scale with the other years' (G-11). Gaps are told by the values
 * themselves (— and why).
 * @example figureChecks(series).map((c) => c.rule) // ["G-11"]
 */
export function figureChecks(s: Pick<FigureSeries, "issues">): Array<{ rule: string; text: string; error: boolean }> {
  return s.issues
    .filter((i) => i.code === "series-decrease" || i.code === "series-jump")
    .map((i) => ({ rule: SERIES_RULES[i.code], text: seriesIssueMessage(i), error: i.severity === "error" }));
}

/**
 * A chart's name in its table: its unit, and which of the unit's charts it is when there are
 * several (`人，第2张`).
 */
export function chartName(charts: readonly SeriesChartGroup[], i: number, money: MoneyUnit = "元"): string {
  const unit = charts[i]!.unit;
  const same = charts.filter((c) => c.unit === unit);
  const shown = charts[i]!.kind === "money" ? money : unit;
  return same.length > 1 ? `${shown}，第${same.indexOf(charts[i]!) + 1}张` : shown;
}

/** The series of an analysis from the first year chosen, money worded in `money` (the engine is loaded by then). */
export function useSeries(
  analysis: Analysis | undefined,
  since: number | undefined,
  money: MoneyUnit = "元"
): SeriesView | undefined {
  const [view, setView] = useState<SeriesView | undefined>(undefined);
  useEffect(() => {
    setView(undefined);
    if (!analysis || since === undefined) return;
    let live = true;
    void loadEngine().then((engine) => {
      if (live) setView(engine.series(analysis, since, money));
    });
    return () => {
      live = false;
    };
  }, [analysis, since, money]);
  return view;
}

export interface SeriesSectionProps extends SinceChoice {
  readonly host: WorkbookHost | undefined;
  readonly currentYear: number | undefined;
  /** The first years the workbook allows (`sinceChoices`). */
  readonly choices: readonly number[];
  readonly view: SeriesView | undefined;
  /** Money in 元 or 万元, as the 同比 cards above (default 元). */
  readonly money?: MoneyUnit;
}

export function SeriesSection({ host, currentYear, choices, since, onSince, view, money = "元" }: SeriesSectionProps) {
  const common = useCommonStyles();
  const styles = { ...useCardStyles(), ...useYearStyles() };
  const insert = useHostAction();
  const groups = view ? groupSeries(view.series) : [];
  const charts = groups.flatMap((g) => g.charts);
  const insertSeries = host?.insertSeries;
  return (
    <section className={styles.section} aria-labelledby="series-heading" id="series" data-testid="series">
      <h2 className={common.h2} id="series-heading">
        历年变化
      </h2>
      {choices.length === 0 ? (
        <p className={mergeClasses(common.p, common.muted)}>
          {currentYear ? `工作簿中没有${currentYear - 1}年以前的表，` : ""}
          历年变化需要更早年份的同一张统计表。请把以前年份的表复制到本工作簿后重新校验。
        </p>
      ) : (
        <div className={styles.since}>
          <SinceSelect choices={choices} since={since} onSince={onSince} />
        </div>
      )}
      {view && insertSeries ? (
        <div className={common.row}>
          <Button
            disabled={insert.busy}
            onClick={() =>
              void insert.perform(
                "正在插入历年表",
                () => insertSeries(toSeriesRows(view), { from: view.since, to: view.to }),
                (name) => `已插入工作表“${name}”（含折线图）。`
              )
            }
          >
            插入历年表
          </Button>
        </div>
      ) : null}
      <ActionOutcome state={insert.state} />
      {view ? (
        <p className={mergeClasses(common.p, common.muted)} data-testid="series-scales">
          {view.since}–{view.to}年，共{view.series.length}项指标。
          {scalesDiffer(charts)
            ? "每张图按自己的数值范围画纵轴（都从0开始），各图刻度不同，请勿跨图比较线的高低。"
            : ""}
        </p>
      ) : null}
      {groups.map((g) => (
        <section key={g.sheet} className={styles.section} aria-label={`${g.sheet}历年`}>
          <h3 className={common.h3}>{g.sheet}</h3>
          <div className={styles.charts}>
            {g.charts.map((c, i) => (
              <SeriesChart key={i} group={c} title={`${g.sheet}历年变化（${chartName(g.charts, i, money)}）`} money={money} />
            ))}
          </div>
          <ul className={mergeClasses(styles.list, styles.cards)} aria-label={`${g.sheet}历年数值`}>
            {g.charts
              .flatMap((c) => c.series)
              .map((s) => {
                const unverified = s.unverifiedYears.length > 0;
                const checks = figureChecks(s);
                return (
                  <li
                    key={s.id}
                    className={mergeClasses(
                      styles.card,
                      (unverified || s.series.gaps.length > 0 || checks.length > 0) && styles.flagged
                    )}
                    data-unverified={unverified ? "true" : undefined}
                    data-checks={checks.length > 0 ? checks.map((c) => c.rule).join(" ") : undefined}
                  >
                    <span className={styles.head}>
                      <span className={styles.name}>{s.label}</span>
                      <span className={styles.unit}>（{cardUnit(s.kind, s.unit, money)}）</span>
                    </span>
                    <dl className={styles.years}>
                      {s.values.map((v) => (
                        <div key={v.year} className={styles.cell}>
                          <dt className={styles.term}>{v.year}年</dt>
                          <dd className={styles.value}>
                            {v.value === undefined ? "—" : formatValue(v.value, s.kind, s.unit, money)}
                            {s.unverifiedYears.includes(v.year) ? <span className={styles.mark}>【待核】</span> : null}
                          </dd>
                        </div>
                      ))}
                    </dl>
                    <span className={styles.wording}>{seriesNote(s)}</span>
                    {checks.map((c) => (
                      <span key={c.rule + c.text} className={styles.mark}>
                        {c.error ? "错误：" : ""}
                        {c.text}
                        <span className={styles.code} data-testid="rule-code">
                          {c.rule}
                        </span>
                      </span>
                    ))}
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
    </section>
  );
}
