/**
 * 此 Excel 支持的功能: a collapsed list of the richer features, each marked available or not; a
 * missing one says what is lost and what to do. Narrow-pane friendly (wraps at 320 px).
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { HostFeature } from "../../hosts/host";
import { useCommonStyles } from "./styles";

const useStyles = makeStyles({
  box: {
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingTop: tokens.spacingVerticalS,
  },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  list: {
    listStyleType: "none",
    margin: `${tokens.spacingVerticalS} 0 0 0`,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  item: { overflowWrap: "anywhere" },
  yes: { color: tokens.colorPaletteGreenForeground1 },
  no: { color: tokens.colorPaletteRedForeground1 },
});

export function HostFeatures({ features }: { features: readonly HostFeature[] }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const missing = features.filter((f) => !f.available).length;
  return (
    <details className={styles.box} data-testid="host-features">
      <summary className={mergeClasses(common.p, styles.summary)}>
        {missing === 0 ? "此 Excel 支持的功能：全部可用" : `此 Excel 支持的功能：${missing}项不可用`}
      </summary>
      <ul className={mergeClasses(common.p, styles.list)}>
        {features.map((f) => (
          <li key={f.id} className={styles.item} data-feature={f.id} data-available={f.available}>
            <span className={f.available ? styles.yes : styles.no} aria-hidden="true">
              {f.available ? "✓ " : "✗ "}
            </span>
            {f.label}
            <span className={common.srOnly}>{f.available ? "（可用）" : "（不可用）"}</span>
            {f.reason ? <div className={common.muted}>{f.reason}</div> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
