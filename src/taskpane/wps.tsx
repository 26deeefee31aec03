/**
 * Entry of the WPS 表格 task pane (pane.html of `npm run build:wps`), opened by the ribbon page
 * with `Application.CreateTaskPane`. No office.js: the host is WPS's own `window.Application`.
 */
import "./legacy";
import "./cspSafeZod";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { App } from "./components/App";
import { findEtApplication } from "../hosts/wps/et";
import { WpsPane } from "./wpsPane";

const NOT_IN_WPS =
  "此页面是 WPS 表格加载项的任务窗格，请在 WPS 表格中通过“报表助手”选项卡的按钮打开。没有 WPS 时，可以使用浏览器版页面（index.html）。";

const root = document.getElementById("root");
if (root) {
  const reactRoot = createRoot(root);
  const app = findEtApplication(window);
  flushSync(() =>
    reactRoot.render(app ? <WpsPane app={app} /> : <App host={undefined} noHostMessage={NOT_IN_WPS} />)
  );
  // should a WPS build put its Application on the page only after the scripts ran: look again
  if (!app)
    window.addEventListener(
      "load",
      () => {
        const late = findEtApplication(window);
        if (late) reactRoot.render(<WpsPane app={late} />);
      },
      { once: true }
    );
}
