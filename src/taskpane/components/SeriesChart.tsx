/**
 * 历年: a small line chart of a table's figures in one unit over the years, drawn as inline SVG
 * by React as the 同比 chart is (no chart library). One scale per chart, from 0 up to a round
 * number above the largest value; a line per figure, told apart by colour, dash and marker, and
 * named in a key under the chart (HTML: names wrap, never cut). A year with no value breaks the
 * line; a 【待核】 year's point is hollow. Drawn at its own size, narrower than the 320 px pane's
 * content, so its 13 px labels stay 13 px beside the key's.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { SeriesChartGroup } from "../seriesView";
import { formatValue, type MoneyUnit } from "./format";
import { useCardStyles } from "./cardStyles";

/** The drawing's size and the margins of its plot (room for the ticks at the left, the years below). */
const BOX = { width: 280, height: 150, left: 44, right: 10, top: 10, bottom: 22 } as const;
const { width: WIDTH, height: HEIGHT, left: LEFT, right: RIGHT, top: TOP, bottom: BOTTOM } = BOX;
/** The labels' and the key's size. */
export const CHART_FONT_PX = 13;

/** Line styles: colour, dash and marker together (never colour alone). */
const STYLES: ReadonlyArray<{ color: string; dash?: string; marker: "circle" | "square" | "diamond" }> = [
  { color: tokens.colorPaletteBlueForeground2, marker: "circle" },
  { color: tokens.colorPaletteDarkOrangeForeground2, dash: "6 3", marker: "square" },
  { color: tokens.colorPaletteGreenForeground2, dash: "2 3", marker: "diamond" },
  { color: tokens.colorPaletteBerryForeground2, dash: "8 3 2 3", marker: "circle" },
  { color: tokens.colorPaletteTealForeground2, marker: "square" },
  { color: tokens.colorPaletteGrapeForeground2, dash: "6 3", marker: "diamond" },
  { color: tokens.colorPaletteBrownForeground2, dash: "2 3", marker: "circle" },
  { color: tokens.colorPaletteNavyForeground2, dash: "8 3 2 3", marker: "square" },
];

/** The style of the i-th line (repeats after eight). */
export function lineStyle(i: number) {
  return STYLES[i % STYLES.length]!;
}

/**
 * A round top for the scale: 1, 2, 2.5 or 5 times a power of ten, at least the largest value.
 * @example niceTop(9236) // 10000
 * @example niceTop(49) // 50
 * @example niceTop(0) // 1
 */
export function niceTop(max: number): number {
  if (!(max > 0)) return 1;
  const power = Math.pow(10, Math.floor(Math.log10(max)));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/**
 * A tick label: short (万 from ten thousand up), the unit left to the chart's caption.
 * @example tickText(30000) // "3万"
 * @example tickText(2500) // "2,500"
 */
export function tickText(v: number): string {
  if (Math.abs(v) >= 10000) return `${(v / 10000).toLocaleString("zh-CN", { maximumFractionDigits: 2 })}万`;
  return v.toLocaleString("zh-CN", { maximumFractionDigits: 1 });
}

/** The scale of a chart: its top, the same for every line of it. */
export function chartTop(group: SeriesChartGroup): number {
  const values = group.series.flatMap((s) => s.values.map((v) => v.value ?? 0));
  return niceTop(Math.max(0, ...values));
}

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  key: { fontSize: `${CHART_FONT_PX}px`, lineHeight: "18px" },
  keyItem: { display: "flex", alignItems: "flex-start", columnGap: tokens.spacingHorizontalXS, minWidth: 0 },
  swatch: { flexShrink: 0, marginTop: "3px" },
  keyName: { overflowWrap: "anywhere", minWidth: 0 },
  caption: { fontSize: `${CHART_FONT_PX}px`, color: tokens.colorNeutralForeground2 },
});

function Marker({ x, y, style, hollow }: { x: number; y: number; style: ReturnType<typeof lineStyle>; hollow: boolean }) {
  const fill = hollow ? tokens.colorNeutralBackground1 : style.color;
  const common = { fill, stroke: style.color, strokeWidth: 1.5 };
  if (style.marker === "square") return <rect x={x - 3.5} y={y - 3.5} width={7} height={7} {...common} />;
  if (style.marker === "diamond")
    return <polygon points={`${x},${y - 4.5} ${x + 4.5},${y} ${x},${y + 4.5} ${x - 4.5},${y}`} {...common} />;
  return <circle cx={x} cy={y} r={3.5} {...common} />;
}

/** The runs of consecutive years with a value: a line is drawn through each, broken at a gap. */
function runs(points: ReadonlyArray<{ x: number; y: number | undefined }>): Array<Array<{ x: number; y: number }>> {
  const out: Array<Array<{ x: number; y: number }>> = [];
  let current: Array<{ x: number; y: number }> = [];
  for (const p of points) {
    if (p.y === undefined) {
      if (current.length > 0) out.push(current);
      current = [];
    } else current.push({ x: p.x, y: p.y });
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** What the chart shows, in words (its accessible name). */
function summary(group: SeriesChartGroup, money: MoneyUnit): string {
  return group.series
    .map((s) => {
      const values = s.values.map(
        (v) => `${v.year}年${v.value === undefined ? "空缺" : formatValue(v.value, s.kind, s.unit, money)}`
      );
      return `${s.label}：${values.join("，")}`;
    })
    .join("；");
}

export function SeriesChart({
  group,
  title,
  money = "元",
}: {
  group: SeriesChartGroup;
  title: string;
  /** Money charts in 元 or 万元 (their ticks and caption), as the cards say. */
  money?: MoneyUnit;
}) {
  const styles = useStyles();
  const cards = useCardStyles();
  const first = group.series[0];
  if (!first) return null;
  const years = first.values.map((v) => v.year);
  const top = chartTop(group);
  // the first and last points clear of the tick labels and the edge by a marker's width
  const inset = 14;
  const plotW = WIDTH - LEFT - RIGHT - 2 * inset;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (i: number) =>
    LEFT + inset + (years.length === 1 ? plotW / 2 : (i / (years.length - 1)) * plotW);
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  // a year label every `every` years, so that four-digit years never touch
  const every = Math.max(1, Math.ceil((years.length * 36) / plotW));
  const anyUnverified = group.series.some((s) => s.unverifiedYears.length > 0);
  // money in 万元: the ticks in 万元 too (a tick of 3 under 单位：万元, never 3万)
  const inWan = group.kind === "money" && money === "万元";
  const tick = (t: number) => (inWan ? (t / 10000).toLocaleString("zh-CN", { maximumFractionDigits: 2 }) : tickText(t));
  const unit = group.kind === "money" ? money : group.unit;
  return (
    <figure className={styles.figure}>
      <svg
        role="img"
        aria-label={`${title}：${summary(group, money)}`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        style={{ maxWidth: "100%", height: "auto", display: "block" }}
      >
        <title>{title}</title>
        {[0, top / 2, top].map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(t)} y2={y(t)} stroke={tokens.colorNeutralStroke2} strokeWidth={1} />
            <text
              x={LEFT - 4}
              y={y(t)}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize={CHART_FONT_PX}
              fill={tokens.colorNeutralForeground2}
            >
              {tick(t)}
            </text>
          </g>
        ))}
        {years.map((year, i) =>
          i % every === 0 || i === years.length - 1 ? (
            <text
              key={year}
              x={x(i)}
              y={HEIGHT - 4}
              textAnchor="middle"
              fontSize={CHART_FONT_PX}
              fill={tokens.colorNeutralForeground2}
            >
              {year}
            </text>
          ) : null
        )}
        {group.series.map((s, k) => {
          const style = lineStyle(k);
          const points = s.values.map((v, i) => ({ x: x(i), y: v.value === undefined ? undefined : y(v.value) }));
          return (
            <g key={s.id} data-figure={s.id}>
              {runs(points).map((run, r) => (
                <polyline
                  key={r}
                  points={run.map((p) => `${p.x},${p.y}`).join(" ")}
                  fill="none"
                  stroke={style.color}
                  strokeWidth={2}
                  strokeDasharray={style.dash}
                />
              ))}
              {s.values.map((v, i) =>
                v.value === undefined ? null : (
                  <Marker key={v.year} x={x(i)} y={y(v.value)} style={style} hollow={s.unverifiedYears.includes(v.year)} />
                )
              )}
            </g>
          );
        })}
      </svg>
      <ul className={mergeClasses(cards.list, styles.key)} aria-label={`${title}图例`}>
        {group.series.map((s, k) => (
          <li key={s.id} className={styles.keyItem}>
            <KeySwatch style={lineStyle(k)} className={styles.swatch} />
            <span className={styles.keyName}>{s.label}</span>
          </li>
        ))}
      </ul>
      <figcaption className={styles.caption}>
        单位：{unit}，纵轴从0到{tick(top)}
        {anyUnverified ? "；空心点是【待核】的年份" : ""}
        {group.series.some((s) => s.series.gaps.length > 0) ? "；线断开处是空缺的年份" : ""}
      </figcaption>
    </figure>
  );
}

function KeySwatch({ style, className }: { style: ReturnType<typeof lineStyle>; className: string }) {
  return (
    <svg width={28} height={12} viewBox="0 0 28 12" aria-hidden="true" className={className}>
      <line x1={0} x2={28} y1={6} y2={6} stroke={style.color} strokeWidth={2} strokeDasharray={style.dash} />
      <Marker x={14} y={6} style={style} hollow={false} />
    </svg>
  );
}

/** Whether the charts shown have different scales (a unit or a top of their own). */
export function scalesDiffer(groups: readonly SeriesChartGroup[]): boolean {
  const scales = new Set(groups.map((g) => `${g.unit}/${chartTop(g)}`));
  return scales.size > 1;
}
