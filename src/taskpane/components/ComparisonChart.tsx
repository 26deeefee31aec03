/**
 * A small bar chart of the percentage changes, drawn as inline SVG by React (no chart library):
 * increases to the right, decreases to the left (diverging from a middle axis when there are both),
 * all in one neutral colour: a change is neither good nor bad (in Chinese practice red often means
 * "up"), its direction is the side of the axis and the sign of its label. Drawn at its own size
 * (never scaled up beside the 12–14 px text of the page: labels are 13 px). Values beyond ±100% are drawn at the edge; their label gives the figure.
 */
import { tokens } from "@fluentui/react-components";
import type { ComparisonView } from "../engine";
import { formatPct } from "./format";

const ROW = 24;
const LABEL = 100;
const WIDTH = 300;
const VALUE = 60;

/** Rows the chart can draw: those with a percentage. */
export function chartRows(rows: readonly ComparisonView[]): ComparisonView[] {
  return rows.filter((r) => r.pct !== null);
}

export function ComparisonChart({ rows, title }: { rows: readonly ComparisonView[]; title: string }) {
  const data = chartRows(rows);
  if (data.length === 0) return null;
  const plot = WIDTH - LABEL - VALUE;
  // the axis sits where the bars need it: at the left when nothing fell, at the right when
  // nothing rose, in the middle otherwise
  const anyUp = data.some((r) => (r.pct ?? 0) > 0);
  const anyDown = data.some((r) => (r.pct ?? 0) < 0);
  const half = anyUp && anyDown ? plot / 2 : plot;
  const axis = anyUp || !anyDown ? (anyDown ? LABEL + half : LABEL) : LABEL + plot;
  const limit = Math.min(100, Math.max(10, ...data.map((r) => Math.abs(r.pct ?? 0))));
  const height = data.length * ROW + 8;
  const summary = data.map((r) => `${fullName(r)} ${formatPct(r.pct)}`).join("，");
  return (
    <svg
      role="img"
      aria-label={`${title}：${summary}`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      style={{ maxWidth: "100%", height: "auto", display: "block" }}
    >
      <title>{title}</title>
      <line x1={axis} x2={axis} y1={0} y2={height} stroke={tokens.colorNeutralStroke1} strokeWidth={1} />
      {data.map((r, i) => {
        const pct = r.pct ?? 0;
        const w = (Math.min(Math.abs(pct), limit) / limit) * half;
        const y = 4 + i * ROW;
        const up = pct >= 0; // the side of the axis only
        return (
          <g key={r.id}>
            <text x={LABEL - 4} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" fontSize={13} fill={tokens.colorNeutralForeground1}>
              {clip(label(r), 7)}
            </text>
            <rect
              x={up ? axis : axis - w}
              y={y + 4}
              width={Math.max(w, 1)}
              height={ROW - 8}
              rx={2}
              fill={tokens.colorNeutralForeground3}
            />
            <text x={WIDTH - 2} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" fontSize={13} fill={tokens.colorNeutralForeground1}>
              {formatPct(r.pct)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The indicator with its category, e.g. `来电受理数`. */
export function fullName(r: ComparisonView): string {
  return r.label;
}

/** The short bar label: the category when there is one (all bars of a table share the indicator). */
function label(r: ComparisonView): string {
  return r.group ?? r.indicator;
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}
