/**
 * The browser page's host: a workbook file the user picked (or the bundled sample), read in the
 * browser — the file is never sent anywhere. Reading runs in a web worker (cancel terminates
 * it), or on the page where no worker can start (opened from disk); selecting a cell is recorded
 * so the page can show where the issue is.
 */
import type { WorkbookModel } from "../../core";
import type { ReadOptions, WorkbookHost } from "../../hosts/host";
import type { WorkerReply } from "./workerProtocol";

export interface PickedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface CellSelection {
  readonly sheet: string;
  readonly cell: string;
  /** Several ranges selected at once (a number of the draft): all of them, `cell` the first. */
  readonly ranges?: readonly string[];
}

export interface BrowserHost extends WorkbookHost {
  /** The workbook as last read (for the cell preview). */
  lastModel(): WorkbookModel | undefined;
}

function abortError(): DOMException {
  return new DOMException("已取消", "AbortError");
}

/**
 * Reads in a web worker; where none can start — a page opened from disk (file://, an opaque
 * origin: Chromium throws `Failed to construct 'Worker'`, other browsers fail to load its script)
 * — reads on the page instead.
 */
function readInWorker(bytes: Uint8Array, options: ReadOptions): Promise<WorkbookModel> {
  return new Promise<WorkbookModel>((resolve, reject) => {
    const { signal, onProgress } = options;
    if (signal?.aborted) return reject(abortError());
    let worker: Worker;
    try {
      worker = new Worker(
        /* webpackChunkName: "xlsx-reader" */ new URL("./xlsxWorker.ts", import.meta.url),
        { name: "xlsx-reader" }
      );
    } catch {
      readHere(bytes, options).then(resolve, reject);
      return;
    }
    let answered = false;
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = () => {
      finish();
      reject(abortError());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      answered = true;
      const reply = e.data;
      if (reply.type === "progress") onProgress?.({ done: reply.done, total: reply.total });
      else if (reply.type === "done") {
        finish();
        resolve(reply.model);
      } else {
        finish();
        reject(new Error(reply.message));
      }
    };
    worker.onerror = (e) => {
      finish();
      // its script never ran (could not be loaded): the page reads the file itself
      if (!answered) readHere(bytes, options).then(resolve, reject);
      else reject(new Error(`无法读取文件（${e.message || "读取程序出错"}）`));
    };
    // a copy goes to the worker, so the page keeps the file for the next run
    const copy = bytes.slice();
    worker.postMessage({ bytes: copy }, [copy.buffer]);
  });
}

/** Reads on the main thread where workers are not available (the reader is loaded on demand). */
async function readHere(bytes: Uint8Array, options: ReadOptions): Promise<WorkbookModel> {
  const { readXlsx } = await import(
    /* webpackChunkName: "xlsx-reader-main" */ "../../hosts/xlsx/read"
  );
  if (options.signal?.aborted) throw abortError();
  return readXlsx(bytes, { onProgress: options.onProgress, signal: options.signal });
}

export function createBrowserHost(
  file: PickedFile,
  onSelect: (selection: CellSelection) => void
): BrowserHost {
  let model: WorkbookModel | undefined;
  return {
    kind: "xlsx",
    label: file.name,
    async readWorkbook(options: ReadOptions = {}) {
      const read = typeof Worker === "function" ? readInWorker : readHere;
      model = await read(file.bytes, options);
      return model;
    },
    selectCell(sheet: string, cell: string) {
      onSelect({ sheet, cell });
      return Promise.resolve();
    },
    selectRanges(sheet: string, ranges: readonly string[]) {
      onSelect({ sheet, cell: ranges[0] ?? "", ranges });
      return Promise.resolve({ sheet, selected: [...ranges], notSelected: [] });
    },
    lastModel: () => model,
  };
}
