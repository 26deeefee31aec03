/**
 * Opening and closing the WPS task pane: the ribbon button (ribbon.ts) creates the pane
 * (pane.html next to the main page) docked on the right, or shows / hides it; its ID is kept in
 * PluginStorage, shared with the pane's own 关闭窗格 button (src/taskpane/wpsPane.tsx).
 */
import { ET, type EtApplication, type EtTaskPane } from "../et";

/** PluginStorage key of the pane's ID. */
export const PANE_ID_KEY = "bureau_stats_pane_id";
/** Width given to the docked pane (the e2e test runs the pane page at this width). */
export const PANE_WIDTH = 320;

/**
 * The folder of this page (`…/bureau-stats/`), online (http) or offline (the jsaddons folder),
 * passed through `decodeURI` as Kingsoft's own add-in templates do before `CreateTaskPane`
 * (`GetUrlPath()` in the `wpsjs` 2.2.3 templates, packages/@wps-jsapi/et/js/util.js and
 * et_react/src/js/util.js: `decodeURI(document.location.toString())`, cut at the last `/`): an
 * offline folder under a Chinese user name (`C:/Users/张三/…/jsaddons/…`) reaches WPS as a path,
 * not as `%E5%BC%A0…`. A location decodeURI refuses (a stray `%`) is given as it is.
 */
function baseUrl(href: string): string {
  const noQuery = href.replace(/[?#].*$/, "");
  let decoded = noQuery;
  try {
    decoded = decodeURI(noQuery);
  } catch {
    // URIError: not a well-formed percent-encoding; keep the location as WPS gave it
  }
  return decoded.slice(0, decoded.lastIndexOf("/") + 1);
}

function existingPane(a: EtApplication): EtTaskPane | undefined {
  const id = Number(a.PluginStorage?.getItem(PANE_ID_KEY));
  if (!Number.isFinite(id) || id <= 0) return undefined;
  try {
    return a.GetTaskPane?.(id) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Opens the pane, or toggles it when it exists. */
export function togglePane(a: EtApplication, href: string): void {
  const pane = existingPane(a);
  if (pane) {
    pane.Visible = !pane.Visible;
    return;
  }
  const created = a.CreateTaskPane?.(baseUrl(href) + "pane.html", "统计报表助手");
  if (!created) return;
  created.DockPosition = ET.msoCTPDockPositionRight;
  created.Width = PANE_WIDTH;
  a.PluginStorage?.setItem(PANE_ID_KEY, created.ID);
  created.Visible = true;
}

/** Hides the pane (its own 关闭窗格 button); false when WPS gave no way to. */
export function hidePane(a: EtApplication): boolean {
  try {
    const pane = existingPane(a);
    if (!pane) return false;
    pane.Visible = false;
    return true;
  } catch {
    return false;
  }
}
