/** Entry of the browser page (index.html / demo.html): the pane on an .xlsx file, no Office. */
// first: the built-ins older webviews lack (EdgeHTML in Office 2016/2019 without WebView2)
import "./legacy";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { BrowserPage } from "./browser/BrowserPage";

const root = document.getElementById("root");
// rendered at once (not on a later scheduler task): the first tab is what the user waits for
if (root) {
  const reactRoot = createRoot(root);
  flushSync(() => reactRoot.render(<BrowserPage />));
}
