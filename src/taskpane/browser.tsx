/** Entry of the browser page (index.html / demo.html): the pane on an .xlsx file, no Office. */
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { BrowserPage } from "./browser/BrowserPage";

const root = document.getElementById("root");
// rendered at once (not on a later scheduler task): the first tab is what the user waits for
if (root) {
  const reactRoot = createRoot(root);
  flushSync(() => reactRoot.render(<BrowserPage />));
}
