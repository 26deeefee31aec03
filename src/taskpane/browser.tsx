/** Entry of the browser page (index.html / demo.html): the pane on an .xlsx file, no Office. */
import { createRoot } from "react-dom/client";
import { BrowserPage } from "./browser/BrowserPage";

const root = document.getElementById("root");
if (root) createRoot(root).render(<BrowserPage />);
