/**
 * The WPS add-in's main page (index.html of `npm run build:wps`): WPS loads it hidden at start
 * and calls the ribbon.xml callbacks on it — global functions, so they are put on `window`.
 */
import { findEtApplication } from "../et";
import { togglePane } from "./pane";

interface RibbonControl {
  readonly Id?: string;
  readonly id?: string;
}

const callbacks = {
  OnAddinLoad(): boolean {
    return true;
  },
  OnAction(control: RibbonControl): boolean {
    const a = findEtApplication(window);
    if (a && (control.Id ?? control.id) === "bureauStatsPane")
      togglePane(a, document.location.href);
    return true;
  },
  GetImage(): string {
    return "assets/icon-32.png";
  },
  OnGetEnabled(): boolean {
    return true;
  },
};

Object.assign(window, callbacks);
