/**
 * The browser page's files: the workbook picked, dropped or opened as a sample (fetched from this
 * same origin), and a bureau's definitions file. Nothing is uploaded.
 */
import { useCallback, useState, type ChangeEvent } from "react";
import { parseDefinitionsJson } from "../../core";
import { DEFAULT_LIMITS, megabytes } from "../../hosts/xlsx/budget";
import { decodeTextFile } from "../../hosts/xlsx/text-file";
import type { DefinitionsFile } from "../engine";
import { describeError } from "../run";
import { createBrowserHost, type BrowserHost } from "./browserHost";

/** Sample workbooks copied into dist/samples/ by the build (file names). */
declare const BUREAU_SAMPLES: readonly string[];
export const SAMPLES: readonly string[] =
  typeof BUREAU_SAMPLES !== "undefined" ? BUREAU_SAMPLES : [];

/** The same limit as the command line's: a larger file is refused before it is read. */
const MAX_FILE_BYTES = DEFAULT_LIMITS.maxFileBytes;

/** Called when a file input's choice changes. */
export type FileChange = (e: ChangeEvent<HTMLInputElement>) => void;

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

/** The workbook open (as a host), the definitions loaded, and the problem to show, if any. */
export function useBrowserFiles() {
  const [host, setHost] = useState<BrowserHost | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [definitions, setDefinitions] = useState<DefinitionsFile | undefined>(undefined);

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

  // ?sample=… opens a bundled sample at once (links in docs/pane.md, tests, the benchmark)
  const [autoOpened] = useState(() => {
    const name =
      typeof location !== "undefined" ? sampleFromQuery(location.search, SAMPLES) : undefined;
    if (name) void openSample(name);
    return name;
  });

  /** A bureau's definitions file (`{ "tables": [...] }`); its entries are checked by the next 校验. */
  const pickDefinitions = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    try {
      // a JSON syntax error, a file that is no definitions, an empty list: said now, naming the file
      const text = decodeTextFile(new Uint8Array(await file.arrayBuffer()));
      const tables = parseDefinitionsJson(text, file.name);
      setProblem(undefined);
      setDefinitions({ name: file.name, tables });
    } catch (err) {
      setProblem(`无法使用表定义：${describeError(err)}`);
    }
  };

  const clearDefinitions = () => setDefinitions(undefined);
  return {
    host,
    problem,
    definitions,
    autoOpened,
    openFile,
    openSample,
    pickDefinitions,
    clearDefinitions,
  };
}
