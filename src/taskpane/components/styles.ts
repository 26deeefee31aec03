/**
 * Layout styles shared by the tabs. In a module of its own so that the first tab can use them
 * without pulling in the notices (MessageBar) of common.tsx.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useCommonStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground2 },
  h2: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  h3: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    overflowWrap: "anywhere",
  },
  p: { margin: 0, lineHeight: tokens.lineHeightBase300 },
  /** A notice's text keeps its line breaks (a refused definitions file: one problem a line). */
  lines: { whiteSpace: "pre-line" },
  /** Read by screen readers, not shown. */
  srOnly: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});
