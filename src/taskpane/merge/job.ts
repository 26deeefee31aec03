/**
 * The 汇总 work, wherever it runs (the worker, or the page where there is no worker): reads the
 * picked files one at a time (each released once merged), reports each unit as it is read and
 * progress at least after every file and every 50 ms inside a large one, then merges.
 */
import { Consolidator, plainOutcome, type Consolidation } from "../../core";
import { isXlsxReadError } from "../../hosts/xlsx/errors";
import { readXlsx } from "../../hosts/xlsx/read";
import { readUnitList } from "../../hosts/xlsx/unit-list";
import { writeSheets } from "../../hosts/xlsx/write-sheets";
import type { MergeReply, MergeRequest } from "./protocol";

type Post = (reply: MergeReply, transfer?: Transferable[]) => void;

function reason(e: unknown): string {
  return isXlsxReadError(e)
    ? e.reason
    : `无法读取文件（${e instanceof Error ? e.message : String(e)}）`;
}

export class MergeJob {
  private consolidator: Consolidator | undefined;
  private last: Consolidation | undefined;
  private units: number | null = null;

  constructor(private readonly post: Post) {}

  async handle(req: MergeRequest): Promise<void> {
    try {
      if (req.type === "start") await this.start(req);
      else if (req.type === "choose") this.finish(req.prefer);
      else if (req.type === "xlsx") {
        if (!this.last) throw new Error("还没有合并结果");
        const bytes = writeSheets(
          this.last.workbook.sheets.map((sheet) => ({
            sheet,
            boldRows: this.last?.boldRows.get(sheet.name) ?? [],
          })),
          new Date()
        );
        this.post({ type: "xlsx", bytes }, [bytes.buffer]);
      }
    } catch (e) {
      this.post({ type: "error", message: e instanceof Error ? e.message : String(e) });
    }
  }

  private async start(req: Extract<MergeRequest, { type: "start" }>): Promise<void> {
    let units: string[] | undefined;
    if (req.unitList) {
      try {
        units = readUnitList(
          req.unitList.name,
          new Uint8Array(await req.unitList.file.arrayBuffer())
        );
      } catch (e) {
        throw new Error(`单位名单“${req.unitList.name}”无法读取：${reason(e)}`);
      }
      if (units.length === 0)
        throw new Error(`单位名单“${req.unitList.name}”是空的（每行一个单位，或一列“单位名称”）`);
    }
    this.units = units?.length ?? null;
    const c = new Consolidator({
      ...(units ? { units } : {}),
      ...(req.year ? { year: req.year } : {}),
    });
    const total = req.files.length;
    for (let i = 0; i < total; i++) {
      const f = req.files[i];
      if (!f) continue;
      this.post({ type: "progress", done: i, total, file: f.name });
      let preview;
      try {
        const bytes = new Uint8Array(await f.file.arrayBuffer());
        let tick = Date.now();
        const wb = readXlsx(bytes, {
          onProgress: (p) => {
            const now = Date.now();
            if (now - tick < 50) return;
            tick = now;
            this.post({
              type: "progress",
              done: i + (p.total > 0 ? p.done / p.total : 0),
              total,
              file: f.name,
            });
          },
        });
        preview = c.add(f.name, wb);
      } catch (e) {
        preview = c.addUnreadable(f.name, reason(e));
      }
      this.post({ type: "unit", preview });
    }
    this.post({ type: "progress", done: total, total, file: "" });
    this.consolidator = c;
    this.finish([]);
  }

  private finish(prefer: readonly string[]): void {
    if (!this.consolidator) throw new Error("还没有读取单位文件");
    this.last = this.consolidator.finish({ prefer });
    this.post({ type: "result", outcome: plainOutcome(this.last), units: this.units });
  }
}
