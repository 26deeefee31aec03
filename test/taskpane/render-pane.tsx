/** A piece of the pane as the prerendered pane renders it: Fluent's server render, light theme. */
import { renderToStaticMarkup } from "react-dom/server";
import type { ReactElement } from "react";
import {
  FluentProvider,
  RendererProvider,
  SSRProvider,
  createDOMRenderer,
  webLightTheme,
} from "@fluentui/react-components";

export function paneHtml(element: ReactElement): string {
  return renderToStaticMarkup(
    <RendererProvider renderer={createDOMRenderer()}>
      <SSRProvider>
        <FluentProvider theme={webLightTheme}>{element}</FluentProvider>
      </SSRProvider>
    </RendererProvider>
  );
}
