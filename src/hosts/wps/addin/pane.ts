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

/** The folder of this page (`…/bureau-stats/`), online (http) or offline (the jsaddons folder). */
function baseUrl(href: string): string {
  const noQuery = href.replace(/[?#].*$/, "");
  return noQuery.slice(0, noQuery.lastIndexOf("/") + 1);
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
