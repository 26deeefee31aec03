/**
 * Build-time prerendering of the task pane's first screen (校验, before any run), so that
 * taskpane.html paints it from its HTML before any script has run: React's server renderer with
 * Fluent's (Griffel's) style renderer gives the markup and the CSS rules it uses. The page's script
 * then renders the same App over it (createRoot replaces the markup in one commit: the same
 * elements, classes and rules, so nothing moves or flashes).
 *
 * Runs in Node only (webpack.config.js loads it through tsx); never part of a bundle.
 */
import { renderToStaticMarkup, renderToString } from "react-dom/server";
import {
  RendererProvider,
  SSRProvider,
  createDOMRenderer,
  renderToStyleElements,
} from "@fluentui/react-components";
import type { WorkbookHost } from "../hosts/host";
import { App, PAGE_STYLES } from "./components/App";

/** Stands for the Office host in the prerendered screen (same label and capabilities). */
const PRERENDER_HOST: WorkbookHost = {
  kind: "office",
  label: "当前工作簿",
  readWorkbook: () => Promise.reject(new Error("prerender")),
  watchChanges: () => Promise.reject(new Error("prerender")),
};

/**
 * The page's own rules as CSS (Griffel's static styles are not part of its server render).
 * @example pageCss() // 'html, body{margin:0;padding:0;height:100%}…'
 */
function pageCss(): string {
  const kebab = (k: string) => k.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
  return Object.entries(PAGE_STYLES)
    .map(([selector, decl]) => {
      const body = Object.entries(decl).map(([k, v]) => `${kebab(k)}:${String(v)}`);
      return `${selector}{${body.join(";")}}`;
    })
    .join("");
}

export interface Prerendered {
  /** `<style>` elements for the head. */
  readonly styles: string;
  /** The markup for `#root`. */
  readonly markup: string;
}

/** The task pane's first screen as HTML and the CSS it needs. */
export function prerenderTaskpane(): Prerendered {
  const renderer = createDOMRenderer();
  const markup = renderToString(
    <RendererProvider renderer={renderer}>
      <SSRProvider>
        <App host={PRERENDER_HOST} colorScheme="light" />
      </SSRProvider>
    </RendererProvider>
  );
  const styles =
    `<style data-page-styles>${pageCss()}</style>` +
    renderToStaticMarkup(<>{renderToStyleElements(renderer)}</>);
  return { styles, markup };
}
