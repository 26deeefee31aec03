/**
 * Entry of the Excel task pane (taskpane.html). office.js is loaded by the page from Microsoft's
 * CDN (or, in the intranet build, from this origin); this is the only module that touches the
 * `Office` global — everything else goes through the `WorkbookHost` made by the Office host
 * (src/hosts/office, loaded on first use by lazyOfficeHost). Opened inside WPS 表格, the page
 * finds WPS's `Application` first (hostDetect) and shows the same pane on the WPS host.
 */
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { lazyOfficeHost } from "./lazyOfficeHost";
import { App } from "./components/App";
import { detectHost } from "./hostDetect";
import { findEtApplication } from "../hosts/wps/et";

const NOT_IN_EXCEL =
  "此页面是 Excel 加载项，请在 Excel 中通过“开始”选项卡的“报表助手”按钮打开。没有 Excel 时，可以使用浏览器版页面（index.html）。";
const NO_OFFICE_JS =
  "无法加载 Office 脚本（office.js）。请检查网络连接；不能访问互联网的内网环境请使用内网版（npm run build:intranet）。";

const root = document.getElementById("root");
const reactRoot = root ? createRoot(root) : undefined;

const etApp = detectHost(window) === "wps" ? findEtApplication(window) : undefined;
if (etApp) {
  // opened in WPS 表格 (e.g. an administrator pointed WPS at this page): the same pane on the WPS host
  void import(/* webpackChunkName: "wps-pane" */ "./wpsPane").then(({ WpsPane }) =>
    reactRoot?.render(<WpsPane app={etApp} />)
  );
} else if (typeof Office === "undefined") {
  reactRoot?.render(<App host={undefined} noHostMessage={NO_OFFICE_JS} />);
} else {
  // the pane shows at once; Office.js gets ready meanwhile (the host's first call waits for it)
  const ready = Office.onReady();
  // rendered at once (not on a later scheduler task): the first tab is what the user waits for
  flushSync(() => reactRoot?.render(<App host={lazyOfficeHost(ready)} />));
  void ready.then(
    (info) => {
      if (info.host !== Office.HostType.Excel) reactRoot?.render(<App host={undefined} noHostMessage={NOT_IN_EXCEL} />);
    },
    () => reactRoot?.render(<App host={undefined} noHostMessage={NO_OFFICE_JS} />)
  );
}
