/**
 * The pane: header, the tabs (校验 / 同比 / 报告 / 模板 / 汇总, see TABS) and the shared 校验 run. Used by both
 * pages; it only talks to a `WorkbookHost`, never to Office.js. Tabs other than 校验 are separate
 * chunks, loaded when first opened (or hovered).
 */
import { Suspense, lazy, useEffect, useState, type Dispatch, type ReactNode } from "react";
import {
  FluentProvider,
  Tab,
  TabList,
  makeStaticStyles,
  makeStyles,
  tokens,
  webDarkTheme,
  webLightTheme,
  type Theme,
} from "@fluentui/react-components";
import type { WorkbookHost } from "../../hosts/host";
import { useWorkbookRun, type WorkbookRun } from "../run";
import { useAutoRecheck } from "../autoRecheck";
import { missingFeature, useHostFeatures } from "../hostFeatures";
import type { HostFeature } from "../../hosts/host";
import type { DefinitionsFile } from "../engine";
import type { CellPreviewRenderer, TemplateDownload } from "../types";
import { useCommonStyles } from "./styles";
import { TabErrorBoundary } from "./TabErrorBoundary";
import { ValidateTab, type AutoRecheckControl } from "./ValidateTab";

const loadCompare = () => import(/* webpackChunkName: "tab-compare" */ "./CompareTab");
const loadReport = () => import(/* webpackChunkName: "tab-report" */ "./ReportTab");
const loadTemplateTab = () => import(/* webpackChunkName: "tab-template" */ "./TemplateTab");
const CompareTab = lazy(() => loadCompare().then((m) => ({ default: m.CompareTab })));
const ReportTab = lazy(() => loadReport().then((m) => ({ default: m.ReportTab })));
const TemplateTab = lazy(() => loadTemplateTab().then((m) => ({ default: m.TemplateTab })));
const loadMerge = () => import(/* webpackChunkName: "tab-merge" */ "./MergeTab");
const MergeTab = lazy(() => loadMerge().then((m) => ({ default: m.MergeTab })));

export type TabId = "validate" | "compare" | "report" | "template" | "merge";

const TABS: ReadonlyArray<{ id: TabId; label: string; preload?: () => Promise<unknown> }> = [
  { id: "validate", label: "校验" },
  { id: "compare", label: "同比", preload: loadCompare },
  { id: "report", label: "报告", preload: loadReport },
  { id: "template", label: "模板", preload: loadTemplateTab },
  { id: "merge", label: "汇总", preload: loadMerge },
];

/** Chinese UI fonts first on every platform (Windows, macOS, Linux), then Fluent's defaults. */
const withChineseFonts = (base: Theme): Theme => ({
  ...base,
  fontFamilyBase: `"Segoe UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", ${base.fontFamilyBase}`,
});
const THEMES = { light: withChineseFonts(webLightTheme), dark: withChineseFonts(webDarkTheme) };

export type ColorScheme = keyof typeof THEMES;

/** The page's own rules (also written into the prerendered taskpane.html, see prerender.tsx). */
export const PAGE_STYLES = {
  "html, body": { margin: 0, padding: 0, height: "100%" },
  'html[data-color-scheme="dark"]': {
    colorScheme: "dark",
    backgroundColor: webDarkTheme.colorNeutralBackground1,
  },
  "#root": { height: "100%" },
} as const;

const useStaticStyles = makeStaticStyles(PAGE_STYLES);

const useStyles = makeStyles({
  provider: { minHeight: "100vh", display: "flex", flexDirection: "column" },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} 0`,
  },
  titleLine: { display: "flex", flexWrap: "wrap", alignItems: "baseline", columnGap: tokens.spacingHorizontalS },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
    lineHeight: tokens.lineHeightBase400,
  },
  label: {
    color: tokens.colorNeutralForeground2,
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
  },
  tabs: {
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  panel: { padding: tokens.spacingHorizontalM, flexGrow: 1, minWidth: 0 },
  loading: { margin: 0, color: tokens.colorNeutralForeground2 },
  skip: {
    position: "absolute",
    insetInlineStart: "-10000px",
    ":focus": {
      insetInlineStart: tokens.spacingHorizontalS,
      insetBlockStart: tokens.spacingVerticalS,
      zIndex: 10,
      padding: tokens.spacingHorizontalS,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorBrandForegroundLink,
      outline: `2px solid ${tokens.colorStrokeFocus2}`,
    },
  },
  year: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalXS,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  select: {
    font: "inherit",
    color: tokens.colorNeutralForeground1,
    padding: `0 ${tokens.spacingHorizontalXXS}`,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
});

/**
 * Which year is reported and which it is compared with; a choice when the workbook holds several
 * years (a year without data is marked so, and never the default).
 */
function YearBar({ run }: { run: WorkbookRun }) {
  const styles = useStyles();
  const common = useCommonStyles();
  const a = run.analysis;
  if (!a) return null;
  const inForce = (
    <span
      data-testid="definitions-in-force"
      // read by screen readers, not shown: the built-in definitions need no line of their own at 320 px
      className={a.definitionsLabel.startsWith("内置") && !a.definitionsNote ? common.srOnly : undefined}
    >
      统计表定义：{a.definitionsLabel}
      {a.definitionsNote ? `（${a.definitionsNote}）` : ""}
    </span>
  );
  if (a.currentYear === undefined)
    return (
      <div className={styles.year} data-testid="year-bar">
        {inForce}
      </div>
    );
  const current = a.currentYear;
  const compared =
    a.previousYear !== undefined
      ? `与${a.previousYear}年比较`
      : `没有${current - 1}年的表，不作同比`;
  return (
    <div className={styles.year} data-testid="year-bar">
      <label htmlFor="report-year">报告年度</label>
      {a.years.length > 1 ? (
        <select
          id="report-year"
          className={styles.select}
          value={current}
          disabled={run.busy}
          onChange={(e) => run.chooseYear(Number(e.target.value))}
        >
          {a.years.map((y) => (
            <option key={y.year} value={y.year}>
              {y.year}年{y.withData === 0 ? "（无数据）" : ""}
            </option>
          ))}
        </select>
      ) : (
        <output id="report-year">{current}年</output>
      )}
      <span>{compared}</span>
      {inForce}
    </div>
  );
}

export interface AppProps {
  /** The workbook to work on; undefined on the browser page until a file is chosen. */
  readonly host: WorkbookHost | undefined;
  /** Shown when there is no host (what to do first), in plain Chinese. */
  readonly noHostMessage?: string;
  /** Shown under the title (browser page: the file picker). */
  readonly toolbar?: ReactNode;
  /** Shown in 校验 under the issue clicked (browser page: the sheet around the cell). */
  readonly cellPreview?: CellPreviewRenderer;
  /** Browser page: a blank-template workbook to download when the host cannot insert sheets. */
  readonly downloadTemplates?: TemplateDownload;
  readonly initialTab?: TabId;
  /** A bureau's table definitions (browser page: a file loaded); default the built-ins. */
  readonly definitions?: DefinitionsFile;
  /** Runs 校验 as soon as a workbook is given (browser page: right after the file is chosen). */
  readonly autoRun?: boolean;
  /** Light (default) or dark, as the Office theme or the system says (task pane). */
  readonly colorScheme?: ColorScheme;
}

export function App(props: AppProps) {
  useStaticStyles();
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>(props.initialTab ?? "validate");
  const run = useWorkbookRun(props.host, props.definitions);
  const { autoRun, host } = props;
  const start = run.run;
  useEffect(() => {
    if (autoRun && host) start();
  }, [autoRun, host, start]);
  const [autoRecheckOn, setAutoRecheckOn] = useState(false);
  // 历年起始年度: one choice for the 同比 tab's 历年 section and the 报告 tab's draft
  const [since, setSince] = useState<number | undefined>(undefined);
  // 金额以万元表示: one setting for the 同比 cards and the 报告 draft
  const [moneyInWan, setMoneyInWan] = useState(false);
  const autoRecheck = useAutoRecheck(host, autoRecheckOn, run.recheck);
  const scheme = props.colorScheme ?? "light";
  useEffect(() => {
    document.documentElement.dataset.colorScheme = scheme;
  }, [scheme]);
  const features = useHostFeatures(host);
  // the switch is hidden where this Excel cannot report changes (the feature list says why)
  const recheck: AutoRecheckControl | undefined =
    host?.watchChanges && !missingFeature(features, "liveRecheck")
      ? { on: autoRecheckOn, setOn: setAutoRecheckOn, ...autoRecheck }
      : undefined;

  return (
    // the layout is on an inner element: Fluent copies the provider's classes onto the portal nodes
    // of tooltips, which must not cover the page
    <FluentProvider theme={THEMES[scheme]}>
      <div className={styles.provider}>
        <a href="#main" className={styles.skip}>
          跳到主要内容
        </a>
        <header className={styles.header}>
          <h1 className={styles.title}>统计报表助手</h1>
          {props.host ? <span className={styles.label}>{props.host.label}</span> : null}
          {props.toolbar}
          <YearBar run={run} />
        </header>
        <PaneTabs tab={tab} onSelect={setTab} />
        <main
          className={styles.panel}
          id="main"
          tabIndex={-1}
          aria-label={TABS.find((t) => t.id === tab)?.label}
        >
          <div id="tab-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
            <TabErrorBoundary resetKey={tab}>
              <Suspense
                fallback={
                  <p role="status" className={styles.loading}>
                    正在加载…
                  </p>
                }
              >
                <TabPanel
                  tab={tab}
                  app={props}
                  run={run}
                  autoRecheck={recheck}
                  features={features}
                  onShowIssues={() => setTab("validate")}
                  since={since}
                  onSince={setSince}
                  moneyInWan={moneyInWan}
                  onMoneyInWan={setMoneyInWan}
                />
              </Suspense>
            </TabErrorBoundary>
          </div>
        </main>
      </div>
    </FluentProvider>
  );
}

/** The tab list; a tab's chunk starts loading when it is hovered or focused. */
function PaneTabs({ tab, onSelect }: { tab: TabId; onSelect: Dispatch<TabId> }) {
  const styles = useStyles();
  return (
    <nav aria-label="标签页">
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_e, data) => onSelect(data.value as TabId)}
        aria-label="功能"
      >
        {TABS.map((t) => (
          <Tab
            key={t.id}
            id={`tab-${t.id}`}
            value={t.id}
            aria-controls="tab-panel"
            onMouseEnter={() => preload(t.preload)}
            onFocus={() => preload(t.preload)}
          >
            {t.label}
          </Tab>
        ))}
      </TabList>
    </nav>
  );
}

/** The open tab's content, given the pane's props and the shared 校验 run. */
function TabPanel({
  tab,
  app,
  run,
  autoRecheck,
  features,
  onShowIssues,
  since,
  onSince,
  moneyInWan,
  onMoneyInWan,
}: {
  tab: TabId;
  app: AppProps;
  run: WorkbookRun;
  autoRecheck: AutoRecheckControl | undefined;
  features: readonly HostFeature[] | undefined;
  onShowIssues: () => void;
  since: number | undefined;
  onSince: Dispatch<number | undefined>;
  moneyInWan: boolean;
  onMoneyInWan: Dispatch<boolean>;
}) {
  const shared = { since, onSince, moneyInWan, onMoneyInWan };
  switch (tab) {
    case "validate":
      return (
        <ValidateTab
          host={app.host}
          run={run}
          noHostMessage={app.noHostMessage}
          cellPreview={app.cellPreview}
          autoRecheck={autoRecheck}
          features={features}
        />
      );
    case "compare":
      return <CompareTab host={app.host} run={run} onShowIssues={onShowIssues} {...shared} />;
    case "report":
      return (
        <ReportTab
          host={app.host}
          run={run}
          onShowIssues={onShowIssues}
          cellPreview={app.cellPreview}
          {...shared}
        />
      );
    case "template":
      return <TemplateTab host={app.host} run={run} downloadTemplates={app.downloadTemplates} />;
    case "merge":
      return <MergeTab host={app.host} {...(app.definitions ? { definitions: app.definitions } : {})} />;
  }
}

/** Starts loading a tab's chunk early (hover, keyboard focus); a failure shows when it opens. */
function preload(load: (() => Promise<unknown>) | undefined): void {
  load?.().catch(() => undefined);
}
