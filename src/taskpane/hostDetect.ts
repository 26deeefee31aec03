/**
 * Which host a pane page is running in: WPS 表格 (its add-in API puts `Application` — the ET
 * object model — on the page), Excel (office.js defines `Office`), or a plain browser. Tested
 * first for WPS: office.js may be loaded in WPS too, where it finds no Excel.
 */
import { findEtApplication } from "../hosts/wps/et";

export type HostKind = "wps" | "office" | "browser";

export function detectHost(g: object = globalThis): HostKind {
  if (findEtApplication(g)) return "wps";
  if (typeof (g as { Office?: unknown }).Office !== "undefined") return "office";
  return "browser";
}
