/**
 * 同比: the year-on-year comparison of every headline figure found in both years, one table per
 * sheet with a small chart of the percentage changes, and — where the host can — a button that
 * inserts the comparison as a new sheet with a native chart.
 */
import { useMemo } from "react";
import {
  Button,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { ComparisonRow, WorkbookHost } from "../../hosts/host";
import type { ComparisonView } from "../engine";
import type { WorkbookRun } from "../run";
import { ComparisonChart, fullName } from "./ComparisonChart";
import { ActionOutcome, NeedsRun, Notice, UnverifiedBanner, useCommonStyles, useHostAction } from "./common";
import { formatChange, formatPct, formatValue } from "./format";

const useStyles = makeStyles({
  table: { tableLayout: "auto", width: "100%" },
  num: { textAlign: "end", whiteSpace: "nowrap", fontVariantNumeric: "tabular-nums" },
  name: { overflowWrap: "anywhere" },
  wording: { display: "block", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  up: { color: tokens.colorPaletteGreenForeground1 },
  down: { color: tokens.colorPaletteRedForeground1 },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  mark: { display: "block", color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

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

export function CompareTab({ host, run, onShowIssues }: { host: WorkbookHost | undefined; run: WorkbookRun; onShowIssues?: () => void }) {
  const common = useCommonStyles();
  const styles = useStyles();
  const insert = useHostAction();
  const analysis = run.analysis;
  const groups = useMemo(() => groupBySheet(analysis?.comparisons ?? []), [analysis]);
  if (!analysis) return <NeedsRun host={host} run={run} what="同比" />;
  const { currentYear, previousYear } = analysis;
  if (analysis.comparisons.length === 0) {
    return (
      <Notice intent="info" title="没有可比较的数据">
        同比需要工作簿中同时有本年和上年的同一张统计表（“统计年度”不同）。
        {currentYear ? `已找到 ${currentYear} 年的表，` : ""}请把上年的表复制到本工作簿后重新校验。
      </Notice>
    );
  }
  const years = currentYear && previousYear ? { current: currentYear, previous: previousYear } : undefined;
  const insertComparison = host?.insertComparison;
  const unverified = analysis.comparisons.filter((c) => c.unverified).length;
  return (
    <div className={common.stack}>
      <UnverifiedBanner count={unverified} what="同比" onShowIssues={onShowIssues} />
      <p className={mergeClasses(common.p, common.muted)}>
        {years ? `${years.current}年与${years.previous}年比较，` : ""}共 {analysis.comparisons.length} 项指标。
      </p>
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
        <section key={g.sheet} className={styles.section} aria-label={`${g.sheet} 同比`}>
          <h2 className={common.h3}>{g.sheet}</h2>
          <ComparisonChart rows={g.rows} title={`${g.sheet} 增减幅度`} />
          <Table size="extra-small" className={styles.table} aria-label={`${g.sheet} 同比表`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>指标</TableHeaderCell>
                <TableHeaderCell className={styles.num}>本年</TableHeaderCell>
                <TableHeaderCell className={styles.num}>上年</TableHeaderCell>
                <TableHeaderCell className={styles.num}>增减</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {g.rows.map((r) => (
                <TableRow key={r.id} data-unverified={r.unverified ? "true" : undefined}>
                  <TableCell className={styles.name}>
                    {fullName(r)}
                    <span className={styles.wording}>{r.text}</span>
                  </TableCell>
                  <TableCell className={styles.num}>{formatValue(r.current, r.kind)}</TableCell>
                  <TableCell className={styles.num}>{formatValue(r.previous, r.kind)}</TableCell>
                  <TableCell className={mergeClasses(styles.num, r.change > 0 ? styles.up : r.change < 0 ? styles.down : undefined)}>
                    {formatChange(r.change, r.kind)}
                    {r.pct !== null ? <span className={styles.wording}>{formatPct(r.pct)}</span> : null}
                    {r.unverified ? <span className={styles.mark}>【待核】</span> : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      ))}
    </div>
  );
}
