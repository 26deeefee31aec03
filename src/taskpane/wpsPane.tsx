/**
 * The pane in WPS 表格: the same React App on the WPS host, with the pane's own 关闭 button (a
 * docked WPS task pane can leave the ribbon unresponsive, so the pane must close itself).
 */
import "./cspSafeZod"; // before the core's definitions load (zod under the CSP)
import { useState } from "react";
import { Button } from "@fluentui/react-components";
import { App } from "./components/App";
import { createWpsHost } from "../hosts/wps";
import type { EtApplication } from "../hosts/wps/et";
import { hidePane } from "../hosts/wps/addin/pane";

function ClosePane({ app }: { app: EtApplication }) {
  const [failed, setFailed] = useState(false);
  return (
    <span>
      <Button size="small" appearance="secondary" onClick={() => setFailed(!hidePane(app))}>
        关闭窗格
      </Button>
      {failed ? <span role="alert">无法关闭窗格：请再点一次功能区的“报表助手”按钮。</span> : null}
    </span>
  );
}

export function WpsPane({ app }: { app: EtApplication }) {
  const [host] = useState(() => createWpsHost(app));
  return <App host={host} toolbar={<ClosePane app={app} />} />;
}
