/**
 * The browser page: pick an .xlsx file (or open a bundled sample, fetched from this same origin)
 * and use the same pane as in Excel. The file is read in this browser and never uploaded.
 */
import { useCallback, useMemo, useRef, useState, type ChangeEvent, type DragEvent } from "react";
import { Button, Select, makeStyles, tokens } from "@fluentui/react-components";
import { App } from "../components/App";
import { Notice, useCommonStyles } from "../components/common";
import { describeError } from "../run";
import type { DefinitionsFile } from "../engine";
// the parser alone (not the templates: the engine loads them when it first runs; the core is
// free of side effects for webpack, so only what is used is bundled)
import { parseDefinitionsJson, type TemplateDefinition, type IssuePlace } from "../../core";
import { CellPreview } from "./CellPreview";
import type { CellPreviewRenderer } from "../types";
import { createBrowserHost, type BrowserHost } from "./browserHost";
import { DEFAULT_LIMITS, megabytes } from "../../hosts/xlsx/budget";
import { decodeTextFile } from "../../hosts/xlsx/text-file";

/** Sample workbooks copied into dist/samples/ by the build (file names). */
declare const BUREAU_SAMPLES: readonly string[];
const SAMPLES: readonly string[] = typeof BUREAU_SAMPLES !== "undefined" ? BUREAU_SAMPLES : [];

/** The same limit as the command line's (budget.ts): a larger file is refused before it is read. */
const MAX_FILE_BYTES = DEFAULT_LIMITS.maxFileBytes;

/** The four blank templates as .xlsx (the project's own writer, fetched on first use). */
async function blankTemplates(
  year: number,
  definitions?: readonly TemplateDefinition[]
): Promise<Uint8Array> {
  const { writeTemplates } = await import(
    /* webpackChunkName: "template-writer" */ "../templateChunk"
  );
  return writeTemplates(year, definitions);
}

const useStyles = makeStyles({
  page: { minHeight: "100vh", maxWidth: "760px", marginInline: "auto" },
  drop: { outline: `2px dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-4px" },
  tools: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  // one row at 320 px: the header must leave the pane its width
  line: {
    display: "flex",
    flexWrap: "nowrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  sample: { flexGrow: 1, minWidth: 0, maxWidth: "20em" },
  // the buttons keep their words on one line; the sample list gives way
  fixed: { flexShrink: 0, whiteSpace: "nowrap", minWidth: "auto" },
  hidden: { display: "none" },
});

/** The sample to open from the address (`?sample=bureau-stats-2013.xlsx`), if it is one of ours. */
export function sampleFromQuery(search: string, samples: readonly string[]): string | undefined {
  const name = new URLSearchParams(search).get("sample");
  return name && samples.includes(name) ? name : undefined;
}

/**
 * A sample's name as the statistician reads it (the file names are English for URLs).
 * @example sampleLabel("bureau-stats-2013-mistakes.xlsx") // "示例：2013年统计表（含错误）"
 * @example sampleLabel("other-bureau-2013.xlsx") // "示例：另一个局的2013年统计表"
 */
export function sampleLabel(file: string): string {
  const year = /(\d{4})/.exec(file)?.[1];
  const y = year ? `${year}年` : "";
  if (file.startsWith("other-bureau")) return `示例：另一个局的${y}统计表`;
  if (file.includes("mistakes")) return `示例：${y}统计表（含错误）`;
  return `示例：${y}统计表（无错误）`;
}

export function BrowserPage() {
  const styles = useStyles();
  const common = useCommonStyles();
  const [host, setHost] = useState<BrowserHost | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const definitionsInput = useRef<HTMLInputElement>(null);
  const [definitions, setDefinitions] = useState<DefinitionsFile | undefined>(undefined);

  /** A bureau's definitions file (`{ "tables": [...] }`); checked when the next analysis loads it. */
  const onPickDefinitions = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    try {
      // a JSON syntax error, a file that is no definitions, an empty list: said now, naming the
      // file; the entries are checked when the next analysis loads them
      const tables = parseDefinitionsJson(
        decodeTextFile(new Uint8Array(await file.arrayBuffer())),
        file.name
      );
      setProblem(undefined);
      setDefinitions({ name: file.name, tables });
    } catch (err) {
      setProblem(`无法使用表定义：${describeError(err)}`);
    }
  };

  const open = useCallback((name: string, bytes: Uint8Array) => {
    setProblem(undefined);
    setHost(createBrowserHost({ name, bytes }, () => undefined));
  }, []);

  const openFile = useCallback(
    async (file: File) => {
      if (file.size > MAX_FILE_BYTES) {
        setProblem(
          `文件“${file.name}”太大（${Math.round(file.size / 1048576)} MB，超过${megabytes(MAX_FILE_BYTES)}的读取上限），请只保留统计表后再试。`
        );
        return;
      }
      try {
        open(file.name, new Uint8Array(await file.arrayBuffer()));
      } catch (e) {
        setProblem(`无法读取文件“${file.name}”：${describeError(e)}`);
      }
    },
    [open]
  );

  const openSample = useCallback(
    async (name: string) => {
      try {
        const response = await fetch(`samples/${encodeURIComponent(name)}`);
        if (!response.ok) throw new Error(`示例文件不可用（HTTP ${response.status}）`);
        open(sampleLabel(name), new Uint8Array(await response.arrayBuffer()));
      } catch (e) {
        setProblem(describeError(e));
      }
    },
    [open]
  );

  // ?sample=… opens a bundled sample at once (links in the README, tests, the benchmark)
  const [autoOpened] = useState(() => {
    const name =
      typeof location !== "undefined" ? sampleFromQuery(location.search, SAMPLES) : undefined;
    if (name) void openSample(name);
    return name;
  });

  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = ""; // the same file can be picked again after it changed on disk
    if (file) void openFile(file);
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) void openFile(file);
  };

  const cellPreview = useMemo<CellPreviewRenderer>(() => {
    function renderCellPreview(sheet: string, cell: string, place?: IssuePlace) {
      return (
        <CellPreview sheet={sheet} cell={cell} model={host?.lastModel()} layout={place?.layout} />
      );
    }
    return renderCellPreview;
  }, [host]);

  const toolbar = (
    <div className={styles.tools}>
      <div className={styles.line}>
        <Button
          size="small"
          className={styles.fixed}
          appearance={host ? "secondary" : "primary"}
          onClick={() => input.current?.click()}
        >
          {host ? "换一个文件" : "选择 Excel 工作簿"}
        </Button>
        <input
          ref={input}
          className={styles.hidden}
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={onPick}
          aria-label="选择 Excel 工作簿"
          tabIndex={-1}
        />
        {SAMPLES.length > 0 ? (
          <Select
            size="small"
            className={styles.sample}
            aria-label="打开示例工作簿"
            value=""
            onChange={(_e, d) => d.value && void openSample(d.value)}
          >
            <option value="">打开示例…</option>
            {SAMPLES.map((s) => (
              <option key={s} value={s}>
                {sampleLabel(s)}
              </option>
            ))}
          </Select>
        ) : null}
        <Button
          size="small"
          className={styles.fixed}
          title="载入本局的统计表定义文件（.json）"
          onClick={() => definitionsInput.current?.click()}
        >
          表定义…
        </Button>
        <input
          ref={definitionsInput}
          className={styles.hidden}
          type="file"
          accept=".json,application/json"
          onChange={(e) => void onPickDefinitions(e)}
          aria-label="载入表定义文件"
          tabIndex={-1}
        />
      </div>
      {definitions ? (
        <div className={common.row}>
          <Button size="small" appearance="subtle" onClick={() => setDefinitions(undefined)}>
            改用内置定义
          </Button>
        </div>
      ) : null}
      {host ? null : <span className={common.muted}>文件只在本机浏览器中读取，不会上传。</span>}
      {problem ? <Notice intent="error">{problem}</Notice> : null}
    </div>
  );

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
        definitions={definitions}
        autoRun
        toolbar={toolbar}
        cellPreview={cellPreview}
        downloadTemplates={blankTemplates}
        noHostMessage={
          autoOpened
            ? "正在打开示例…"
            : "请选择一个 Excel 工作簿（.xlsx，也可以把文件拖到此处），或打开示例。校验、同比和报告都在本机完成，文件不会上传。"
        }
      />
    </div>
  );
}
