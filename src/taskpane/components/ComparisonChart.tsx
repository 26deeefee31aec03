/**
 * A small bar chart of the percentage changes, drawn in HTML by React (no chart library):
 * increases to the right, decreases to the left (diverging from a middle axis when there are both),
 * all in one neutral colour: a change is neither good nor bad (in Chinese practice red often means
 * "up"), its direction is the side of the axis and the sign of its label.
 *
 * Every table's chart shares one scale (`comparisonScale` over all the tab's figures), so a bar in
 * 表1 and a bar in 表3 of the same length are the same change. Names and figures are text at the
 * page's 13 px at every width (never a drawing scaled up or down); a long name wraps, never cut.
 * Beyond the scale's limit (at most ±100%) a bar stops at the edge; its label gives the figure.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ComparisonView } from "../engine";
import { formatPct } from "./format";

/** The size of the chart's names and figures, the same as the key and caption of the 历年 charts. */
export const COMPARISON_CHART_FONT_PX = 13;

/** Rows the chart can draw: those with a percentage. */
export function chartRows(rows: readonly ComparisonView[]): ComparisonView[] {
  return rows.filter((r) => r.pct !== null);
}

/** One scale for all the tab's charts: how far a full bar reaches, and which sides are used. */
export interface ComparisonScale {
  /** The percentage a full-length bar stands for (10 to 100). */
  readonly limit: number;
  readonly anyUp: boolean;
  readonly anyDown: boolean;
}

/**
 * The scale shared by every table's chart: the largest change drawn (at least 10%, at most 100%),
 * and whether bars go right, left or both ways.
 * @example comparisonScale([{ pct: 14 }, { pct: -3 }]) // { limit: 14, anyUp: true, anyDown: true }
 * @example comparisonScale([{ pct: 250 }]) // { limit: 100, anyUp: true, anyDown: false }
 * @example comparisonScale([{ pct: 2 }, { pct: null }]) // { limit: 10, anyUp: true, anyDown: false }
 */
export function comparisonScale(rows: ReadonlyArray<Pick<ComparisonView, "pct">>): ComparisonScale {
  const pcts = rows.flatMap((r) => (r.pct === null ? [] : [r.pct]));
  return {
    limit: Math.min(100, Math.max(10, ...pcts.map((p) => Math.abs(p)))),
    anyUp: pcts.some((p) => p > 0),
    anyDown: pcts.some((p) => p < 0),
  };
}

/**
 * Where a bar sits on its track, in percent of the track: the axis, and the bar's start and width.
 * @example barGeometry(50, { limit: 100, anyUp: true, anyDown: true }) // { axis: 50, start: 50, width: 25 }
 * @example barGeometry(-20, { limit: 20, anyUp: false, anyDown: true }) // { axis: 100, start: 0, width: 100 }
 */
export function barGeometry(pct: number, scale: ComparisonScale): { axis: number; start: number; width: number } {
  const both = scale.anyUp && scale.anyDown;
  const half = both ? 50 : 100;
  const axis = both ? 50 : scale.anyDown && !scale.anyUp ? 100 : 0;
  const width = (Math.min(Math.abs(pct), scale.limit) / scale.limit) * half;
  return { axis, start: pct >= 0 ? axis : axis - width, width };
}

const useStyles = makeStyles({
  chart: {
    margin: 0,
    display: "grid",
    gridTemplateColumns: "minmax(4em, 9em) minmax(3em, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    rowGap: "4px",
    alignItems: "center",
    fontSize: `${COMPARISON_CHART_FONT_PX}px`,
    lineHeight: "17px",
    maxWidth: "32em",
    fontVariantNumeric: "tabular-nums",
  },
  name: { overflowWrap: "anywhere", textAlign: "end", color: tokens.colorNeutralForeground1 },
  track: { position: "relative", height: "12px", minWidth: 0 },
  axis: {
    position: "absolute",
    top: "-3px",
    bottom: "-3px",
    width: "1px",
    backgroundColor: tokens.colorNeutralStroke1,
  },
  bar: {
    position: "absolute",
    top: 0,
    bottom: 0,
    minWidth: "1px",
    borderRadius: "2px",
    backgroundColor: tokens.colorNeutralForeground3,
  },
  value: { textAlign: "end", whiteSpace: "nowrap", color: tokens.colorNeutralForeground1 },
});

export function ComparisonChart({
  rows,
  title,
  scale,
}: {
  rows: readonly ComparisonView[];
  title: string;
  /** The scale shared with the other tables' charts (default: this chart's own rows). */
  scale?: ComparisonScale;
}) {
  const styles = useStyles();
  const data = chartRows(rows);
  if (data.length === 0) return null;
  const used = scale ?? comparisonScale(data);
  const summary = data.map((r) => `${fullName(r)} ${formatPct(r.pct)}`).join("，");
  return (
    <figure className={styles.chart} role="img" aria-label={`${title}：${summary}`} data-testid="comparison-chart">
      {data.map((r) => {
        const { axis, start, width } = barGeometry(r.pct ?? 0, used);
        return (
          <div key={r.id} style={{ display: "contents" }}>
            <span className={styles.name}>{label(r)}</span>
            <span className={styles.track} aria-hidden="true">
              <span className={styles.axis} style={{ left: `calc(${axis}% - ${axis === 100 ? 1 : 0}px)` }} />
              <span className={styles.bar} style={{ left: `${start}%`, width: `${width}%` }} data-bar={r.id} />
            </span>
            <span className={styles.value}>{formatPct(r.pct)}</span>
          </div>
        );
      })}
    </figure>
  );
}

/** The indicator with its category, e.g. `来电受理数`. */
export function fullName(r: ComparisonView): string {
  return r.label;
}

/** The bar's name: the category when there is one (all bars of a table share the indicator). */
function label(r: ComparisonView): string {
  return r.group ?? r.indicator;
}
