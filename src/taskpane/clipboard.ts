/**
 * Copying the draft as rich text (for Word) and plain text.
 *
 * 1. The async Clipboard API with `text/html` + `text/plain` items.
 * 2. Where that is blocked (Excel on the web does not grant clipboard-write to add-ins): the
 *    legacy `document.execCommand('copy')` while a rendered rich-text element is selected; a
 *    `copy` listener also puts both formats on the clipboard explicitly.
 * 3. If neither works, the caller tells the user to download the .docx instead.
 */

export type CopyOutcome = "clipboard" | "legacy" | "failed";

const CLIPBOARD_API_TIMEOUT_MS = 2000;

export interface CopyInput {
  readonly html: string;
  readonly text: string;
  /** An element showing the draft as rich text, selected for the legacy fallback. */
  readonly richElement?: HTMLElement | null;
}

export async function copyRichText(input: CopyInput): Promise<CopyOutcome> {
  if (await tryClipboardApi(input)) return "clipboard";
  if (tryLegacyCopy(input)) return "legacy";
  return "failed";
}

async function tryClipboardApi({ html, text }: CopyInput): Promise<boolean> {
  const clipboard = typeof navigator !== "undefined" ? navigator.clipboard : undefined;
  if (!clipboard || typeof clipboard.write !== "function" || typeof ClipboardItem === "undefined")
    return false;
  try {
    const written = clipboard.write([
      new ClipboardItem({
        "text/html": new Blob([html], { type: "text/html" }),
        "text/plain": new Blob([text], { type: "text/plain" }),
      }),
    ]);
    // some embedded browsers leave the promise pending (a permission prompt nobody sees): give up
    // in time for the fallback, which still needs the click's user activation (about 5 s)
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), CLIPBOARD_API_TIMEOUT_MS);
    });
    const done = await Promise.race([
      written.then(
        () => true,
        () => false
      ),
      late,
    ]);
    clearTimeout(timer);
    return done;
  } catch {
    return false; // NotAllowedError (permission or policy), or the document lost focus
  }
}

function tryLegacyCopy({ html, text, richElement }: CopyInput): boolean {
  if (typeof document === "undefined" || typeof document.execCommand !== "function") return false;
  const selection = typeof window !== "undefined" ? window.getSelection() : null;
  const onCopy = (e: ClipboardEvent) => {
    if (!e.clipboardData) return;
    e.clipboardData.setData("text/html", html);
    e.clipboardData.setData("text/plain", text);
    e.preventDefault();
  };
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  document.addEventListener("copy", onCopy, true);
  try {
    if (richElement && selection) {
      const range = document.createRange();
      range.selectNodeContents(richElement);
      selection.removeAllRanges();
      selection.addRange(range);
    }
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    document.removeEventListener("copy", onCopy, true);
    selection?.removeAllRanges();
    active?.focus();
  }
}
