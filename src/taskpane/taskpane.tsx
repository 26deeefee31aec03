/**
 * Entry of the Excel task pane (taskpane.html). office.js is loaded by the page from Microsoft's
 * CDN (or, in the intranet build, from this origin); this is the only module that touches the
 * `Office` global — everything else goes through the `WorkbookHost` made by the Office host
 * (src/hosts/office, loaded on first use by lazyOfficeHost). Opened inside WPS 表格, the page
 * finds WPS's `Application` first (hostDetect) and shows the same pane on the WPS host.
 */
// first: the built-ins older webviews lack (EdgeHTML in Office 2016/2019 without WebView2)
import "./legacy";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import type { WorkbookHost } from "../hosts/host";
import { lazyOfficeHost } from "./lazyOfficeHost";
import { App, type ColorScheme } from "./components/App";
import { officeColorScheme, systemColorScheme } from "./theme";
import { detectHost } from "./hostDetect";
import { findEtApplication } from "../hosts/wps/et";

const NOT_IN_EXCEL =
  "此页面是 Excel 加载项，请在 Excel 中通过“开始”选项卡的“报表助手”按钮打开。没有 Excel 时，可以使用浏览器版页面（index.html）。";
const NO_OFFICE_JS =
  "无法加载 Office 脚本（office.js）。请检查网络连接；不能访问互联网的内网环境请使用内网版（npm run build:intranet）。";

/** How long office.js may take to get ready before the pane says it could not load. */
const OFFICE_READY_TIMEOUT_MS = 10_000;
const OFFICE_NOT_READY = `Office 脚本（office.js）在${OFFICE_READY_TIMEOUT_MS / 1000}秒内未能就绪，无法连接 Excel。请检查：内网环境是否部署了内网版（npm run build:intranet，office.js 随加载项一起提供）；代理服务器或防火墙是否放行 appsforoffice.microsoft.com；然后关闭并重新打开此窗格。`;

const root = document.getElementById("root");

/** True when the browser has painted this page already (Paint Timing; false where it has none). */
function alreadyPainted(): boolean {
  return typeof performance !== "undefined" && typeof performance.getEntriesByType === "function"
    ? performance.getEntriesByType("paint").length > 0
    : false;
}
const reactRoot = root ? createRoot(root) : undefined;
let scheme: ColorScheme = systemColorScheme();

const etApp = detectHost(window) === "wps" ? findEtApplication(window) : undefined;
if (etApp) {
  // opened in WPS 表格 (e.g. an administrator pointed WPS at this page): the same pane on the WPS host
  void import(/* webpackChunkName: "wps-pane" */ "./wpsPane").then(({ WpsPane }) =>
    reactRoot?.render(<WpsPane app={etApp} />)
  );
} else if (typeof Office === "undefined") {
  reactRoot?.render(<App host={undefined} noHostMessage={NO_OFFICE_JS} colorScheme={scheme} />);
} else {
  // the pane shows at once; Office.js gets ready meanwhile (the host's first call waits for it).
  // When office.js's own files are blocked (intranet without Microsoft's CDN, a proxy),
  // Office.onReady never settles: after the timeout the pane says what to check.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(OFFICE_NOT_READY)), OFFICE_READY_TIMEOUT_MS);
  });
  const onReady = Office.onReady();
  const ready = Promise.race([onReady, timeout]);
  ready.catch(() => undefined); // handled below; the host's calls see the same rejection
  const host = lazyOfficeHost(ready);
  let shown = false;
  const firstRender = () => {
    if (!shown) flushSync(() => reactRoot?.render(<App host={host} colorScheme={scheme} />));
  };
  // The prerendered first screen is in the page already: the App takes it over once the browser
  // has painted it, so that React's first render never holds back the first paint — at once when
  // the paint came before this script ran (Paint Timing says so; office.js and this script load
  // side by side), else after the next frame. Without it (a development build), the App renders
  // at once.
  if (root?.firstElementChild && !alreadyPainted()) requestAnimationFrame(() => setTimeout(firstRender, 0));
  else firstRender();
  /** Office is ready: the pane in Office's theme, or what to do when this is not Excel. */
  const show = (info: { host: Office.HostType | null }, working: WorkbookHost) => {
    shown = true;
    scheme = officeColorScheme(Office.context?.officeTheme) ?? scheme;
    if (info.host !== Office.HostType.Excel)
      reactRoot?.render(<App host={undefined} noHostMessage={NOT_IN_EXCEL} colorScheme={scheme} />);
    else reactRoot?.render(<App host={working} colorScheme={scheme} />);
  };
  void ready.then(
    (info) => {
      clearTimeout(timer);
      show(info, host);
    },
    (e: unknown) => {
      const message = e instanceof Error && e.message === OFFICE_NOT_READY ? OFFICE_NOT_READY : NO_OFFICE_JS;
      reactRoot?.render(<App host={undefined} noHostMessage={message} colorScheme={scheme} />);
      // should office.js get ready after all (a very slow network), the pane starts working
      void onReady.then((info) => show(info, lazyOfficeHost(onReady)));
    }
  );
}
