/**
 * The browser page: pick an .xlsx file (or open a bundled sample, fetched from this same origin)
 * and use the same pane as in Excel — the same engine, so the same check as the command line.
 * The file is read in this browser (in a worker) and never uploaded.
 */
import { useMemo, useState, type DragEvent } from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import { App } from "../components/App";
import type { TableDefinition, IssuePlace } from "../../core";
import { CellPreview } from "./CellPreview";
import type { CellPreviewRenderer } from "../types";
import { BrowserToolbar } from "./BrowserToolbar";
import { useBrowserFiles } from "./useBrowserFiles";

export { sampleFromQuery, sampleLabel } from "./useBrowserFiles";

/** The blank templates as .xlsx (the project's own writer, fetched on first use). */
async function blankTemplates(
  year: number,
  definitions?: readonly TableDefinition[]
): Promise<Uint8Array> {
  const { writeTemplates } = await import(
    /* webpackChunkName: "template-writer" */ "../templateChunk"
  );
  return writeTemplates(year, definitions);
}

const useStyles = makeStyles({
  page: { minHeight: "100vh", maxWidth: "760px", marginInline: "auto" },
  drop: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-4px" },
});

export function BrowserPage() {
  const styles = useStyles();
  const files = useBrowserFiles();
  const { host } = files;
  const [dragging, setDragging] = useState(false);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void files.openFile(file);
  };

  const cellPreview = useMemo<CellPreviewRenderer>(() => {
    function renderCellPreview(sheet: string, cell: string, place?: IssuePlace, ranges?: readonly string[]) {
      return (
        <CellPreview
          sheet={sheet}
          cell={cell}
          model={host?.lastModel()}
          layout={place?.layout}
          {...(ranges ? { ranges } : {})}
        />
      );
    }
    return renderCellPreview;
  }, [host]);

  return (
    <div
      className={dragging ? `${styles.page} ${styles.drop}` : styles.page}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <App
        host={host}
        definitions={files.definitions}
        autoRun
        toolbar={<BrowserToolbar files={files} />}
        cellPreview={cellPreview}
        downloadTemplates={blankTemplates}
        noHostMessage={
          files.autoOpened
            ? "正在打开示例…"
            : "请选择一个 Excel 工作簿（.xlsx，也可以把文件拖到此处），或打开示例。校验、同比和报告都在本机完成，文件不会上传。"
        }
      />
    </div>
  );
}
