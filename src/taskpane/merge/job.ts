/**
 * The 汇总 work, wherever it runs (the worker, or the page where there is no worker): the pane's
 * side of the use case (`openMerge` in the core). It reads the picked files one at a time (each
 * released once merged), reports each unit as it is read and progress at least after every file
 * and every 50 ms inside a large one, then merges.
 */
import {
  loadDefinitions,
  openMerge,
  plainOutcome,
  type MergeSession,
  type MergeResult,
  type UnitFileInput,
  type UnitListInput,
} from "../../core";
import { readFailure, readFailureReason } from "../../hosts/xlsx/errors";
import { readXlsx } from "../../hosts/xlsx/read";
import { readUnitList } from "../../hosts/xlsx/unit-list";
import { mergedWorkbookXlsx } from "../../hosts/xlsx/write-sheets";
import type { MergeReply, MergeRequest, PickedUnitFile } from "./protocol";

type Post = (reply: MergeReply, transfer?: Transferable[]) => void;

/** The picked unit list's names, or why it could not be read. */
async function unitListOf(f: PickedUnitFile): Promise<UnitListInput> {
  try {
    return {
      name: f.name,
      names: readUnitList(f.name, new Uint8Array(await f.file.arrayBuffer())),
    };
  } catch (e) {
    return { name: f.name, unreadable: readFailureReason(e) };
  }
}

export class MergeJob {
  private session: MergeSession | undefined;
  private last: MergeResult | undefined;

  constructor(private readonly post: Post) {}

  async handle(req: MergeRequest): Promise<void> {
    try {
      if (req.type === "start") await this.start(req);
      else if (req.type === "choose") this.finish(req.prefer);
      else if (req.type === "xlsx") this.xlsx();
    } catch (e) {
      this.post({ type: "error", message: e instanceof Error ? e.message : String(e) });
    }
  }

  private xlsx(): void {
    const last = this.last;
    if (!last) throw new Error("还没有合并结果");
    const bytes = mergedWorkbookXlsx(last.workbook, last.boldRows);
    this.post({ type: "xlsx", bytes }, [bytes.buffer]);
  }

  /** A picked file's workbook (progress told while it is read), or why it could not be read. */
  private async read(f: PickedUnitFile, i: number, total: number): Promise<UnitFileInput> {
    try {
      const bytes = new Uint8Array(await f.file.arrayBuffer());
      let tick = Date.now();
      const workbook = readXlsx(bytes, {
        onProgress: (p) => {
          const now = Date.now();
          if (now - tick < 50) return;
          tick = now;
          const done = i + (p.total > 0 ? p.done / p.total : 0);
          this.post({ type: "progress", done, total, file: f.name });
        },
      });
      return { name: f.name, workbook };
    } catch (e) {
      const why = readFailure(e, "unit");
      return { name: f.name, unreadable: why.message, detail: why.detail };
    }
  }

  private async start(req: Extract<MergeRequest, { type: "start" }>): Promise<void> {
    // the bureau's tables (a unit's 报表定义 is only compared with them); a wrong file throws
    // DefinitionsError, whose message names the entry
    const definitions = req.definitions
      ? loadDefinitions(req.definitions.tables, req.definitions.name)
      : undefined;
    const opened = openMerge({
      ...(req.unitList ? { unitList: await unitListOf(req.unitList) } : {}),
      ...(req.year === undefined ? {} : { year: req.year }),
      ...(definitions ? { definitions } : {}),
    });
    if (opened.code !== "open") throw new Error(opened.message);
    const total = req.files.length;
    for (const [i, f] of req.files.entries()) {
      this.post({ type: "progress", done: i, total, file: f.name });
      this.post({ type: "unit", preview: opened.session.add(await this.read(f, i, total)) });
    }
    this.post({ type: "progress", done: total, total, file: "" });
    this.session = opened.session;
    this.finish([]);
  }

  private finish(prefer: readonly string[]): void {
    if (!this.session) throw new Error("还没有读取单位文件");
    const done = this.session.finish(prefer);
    this.last = done.result;
    this.post({ type: "result", outcome: plainOutcome(done.result), units: done.listed ?? null });
  }
}
