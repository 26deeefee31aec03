/**
 * The 汇总 outcome as the pane renders it (server-rendered): the table of units, what needs
 * action first, and 下载汇总工作簿 disabled with its reason beside it until the unit that sent two
 * files is chosen between.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openMerge } from "../../src/core/app/merge";
import { plainOutcome, type PlainOutcome } from "../../src/core/merge";
import { readFailure } from "../../src/hosts/xlsx/errors";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { MergeOutcomeView } from "../../src/taskpane/components/MergeReport";
import { useHostAction } from "../../src/taskpane/components/common";
import { paneHtml } from "./render-pane";

const UNITS = path.join(__dirname, "..", "..", "assets", "samples", "units");

function outcome(prefer: readonly string[]): PlainOutcome {
  const opened = openMerge({});
  if (opened.code !== "open") throw new Error(opened.code);
  for (const f of readdirSync(UNITS).sort()) {
    if (f === "单位名单.xlsx") continue;
    const bytes = readFileSync(path.join(UNITS, f));
    try {
      opened.session.add({ name: f, workbook: readXlsx(bytes) });
    } catch (e) {
      const why = readFailure(e, "unit");
      opened.session.add({ name: f, unreadable: why.message, detail: why.detail });
    }
  }
  return plainOutcome(opened.session.finish(prefer).result);
}

function View({ o }: { o: PlainOutcome }) {
  const action = useHostAction();
  return (
    <MergeOutcomeView
      outcome={o}
      listed={null}
      twice={o.unchosen}
      choice={{}}
      onChoose={() => undefined}
      host={undefined}
      bytes={() => Promise.resolve(new Uint8Array())}
      action={action}
    />
  );
}

function html(o: PlainOutcome): string {
  return paneHtml(<View o={o} />);
}

/** The download button's opening tag. */
const downloadButton = (h: string): string =>
  /<button[^>]*>(?:(?!<\/button>).)*下载汇总工作簿/.exec(h)?.[0] ?? "";

describe("the 汇总 outcome in the pane", () => {
  it("disables the download, with the reason beside it, while a unit's two files are unchosen", () => {
    const h = html(outcome([]));
    expect(downloadButton(h)).toMatch(/disabled=""/);
    expect(downloadButton(h)).toContain('aria-describedby="merge-deliver-reason"');
    expect(h).toContain(
      '<span id="merge-deliver-reason"'
    );
    expect(h).toContain("昆山市实验小学上报了多份文件：请先选定用哪一份，汇总才完整。");
  });

  it("enables it once chosen; the units in a table, what needs action first, the corrupt file once", () => {
    const h = html(outcome(["07 昆山市实验小学（更正）.xlsx"]));
    expect(downloadButton(h)).not.toMatch(/disabled=""/);
    expect(h).not.toContain("merge-deliver-reason");
    expect(h).toContain('aria-label="各单位情况"');
    const states = [...h.matchAll(/>(重复待选|无法读取|有错误|未上报|已合并)</g)].map((m) => m[1]);
    expect(states.slice(0, 2)).toEqual(["无法读取", "有错误"]);
    expect(states.filter((s) => s === "已合并")).toHaveLength(9);
    expect(h.split("文件不完整，可能在传输中损坏。请让该单位重新发送。")).toHaveLength(2);
    expect(h).not.toContain("另存为 .xlsx 再试");
  });
});
