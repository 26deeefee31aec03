/**
 * 汇总: the user picks the units' workbooks (several files, or a folder where the browser allows
 * it) and optionally the unit list; they are read and merged in a worker (never leaving the
 * machine), each unit reported as it is read, with progress and 取消. Then the merged tables are
 * inserted as new sheets (Excel) or downloaded (browser page). A unit that sent two files gets a
 * choice — the merge never picks one silently.
 */
import { useRef, useState, type ChangeEvent, type Dispatch } from "react";
import { Button, Field, ProgressBar, mergeClasses } from "@fluentui/react-components";
import { DEFINITIONS_SHEET } from "../../core";
import type { WorkbookHost } from "../../hosts/host";
import { loadEngine, type DefinitionsFile } from "../engine";
import { describeError } from "../runSteps";
import { isWorkbookName } from "../../hosts/xlsx/names";
import type { PickedUnitFile } from "../merge/protocol";
import { useMergeRun, type MergePhase } from "../merge/useMergeRun";
import { Notice, useCommonStyles, useHostAction } from "./common";
import { MergeOutcomeView, UnitPreviews, useMergeStyles } from "./MergeReport";
import { YearInput } from "./YearInput";
import { parseYear } from "./TemplateTab";

/** Whether this browser lets an <input type=file> pick a folder. */
function folderPicking(): boolean {
  return typeof HTMLInputElement !== "undefined" && "webkitdirectory" in HTMLInputElement.prototype;
}

function picked(list: FileList | null, folder: boolean): PickedUnitFile[] {
  const out: PickedUnitFile[] = [];
  for (const f of Array.from(list ?? [])) {
    const name = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
    // a folder holds other files too: only workbooks; files picked one by one are all reported
    if (folder && !isWorkbookName(name)) continue;
    out.push({ name, file: f });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

interface FilePickersProps {
  readonly files: readonly PickedUnitFile[];
  readonly unitList: PickedUnitFile | undefined;
  readonly reading: boolean;
  readonly onFiles: Dispatch<PickedUnitFile[]>;
  readonly onUnitList: Dispatch<PickedUnitFile | undefined>;
}

/** Picking the units' files (or a folder) and the unit list. */
function FilePickers({ files, unitList, reading, onFiles, onUnitList }: FilePickersProps) {
  const common = useCommonStyles();
  const styles = useMergeStyles();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const listInput = useRef<HTMLInputElement>(null);
  const pickFiles = (folder: boolean) => (e: ChangeEvent<HTMLInputElement>) => {
    onFiles(picked(e.target.files, folder));
    e.target.value = "";
  };
  const pickList = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    onUnitList(f ? { name: f.name, file: f } : undefined);
    e.target.value = "";
  };
  return (
    <>
      <input
        ref={filesInput}
        className={styles.hidden}
        type="file"
        multiple
        accept=".xlsx,.xlsm"
        aria-label="选择单位文件"
        data-testid="merge-files"
        onChange={pickFiles(false)}
      />
      <input
        ref={folderInput}
        className={styles.hidden}
        type="file"
        multiple
        aria-label="选择文件夹"
        data-testid="merge-folder"
        onChange={pickFiles(true)}
        {...({ webkitdirectory: "" } as Record<string, string>)}
      />
      <input
        ref={listInput}
        className={styles.hidden}
        type="file"
        accept=".xlsx,.xlsm,.txt,.csv"
        aria-label="选择单位名单"
        data-testid="merge-list"
        onChange={pickList}
      />
      <div className={common.row}>
        <Button onClick={() => filesInput.current?.click()} disabled={reading}>
          选择单位文件…
        </Button>
        {folderPicking() ? (
          <Button onClick={() => folderInput.current?.click()} disabled={reading}>
            选择文件夹…
          </Button>
        ) : null}
      </div>
      <p className={mergeClasses(common.p, common.muted)} role="status">
        {files.length === 0
          ? "尚未选择单位文件（可一次选多个）。"
          : `已选择${files.length}个文件。`}
      </p>
      <div className={common.row}>
        <Button size="small" onClick={() => listInput.current?.click()} disabled={reading}>
          单位名单（可选）…
        </Button>
        <span className={common.muted}>
          {unitList ? unitList.name : "有名单时按名单顺序合并，并列出未上报的单位"}
        </span>
      </div>
    </>
  );
}

/** The progress of a merge, or how it ended when it was cancelled or failed. */
function MergeProgress({ phase }: { phase: MergePhase }) {
  if (phase.kind === "cancelled")
    return <Notice intent="warning">已取消合并，没有生成汇总表。</Notice>;
  if (phase.kind === "failed")
    return (
      <Notice intent="error" title="合并未完成">
        {phase.message}
      </Notice>
    );
  if (phase.kind !== "reading") return null;
  return (
    <Field
      validationMessage={`正在读取${Math.floor(phase.done)}/${phase.total}${phase.file ? `：${phase.file}` : ""}`}
      validationState="none"
    >
      <ProgressBar
        value={phase.total > 0 ? phase.done / phase.total : 0}
        max={1}
        aria-label="合并进度"
        data-testid="merge-progress"
        data-done={phase.done.toFixed(2)}
      />
    </Field>
  );
}

export interface MergeTabProps {
  readonly host: WorkbookHost | undefined;
  /** A bureau's definitions file loaded (browser page); none: the open workbook's, or the built-ins. */
  readonly definitions?: DefinitionsFile;
}

/**
 * The bureau's own tables to merge by: the file loaded, else the open workbook's 报表定义 sheet
 * (the bureau's workbook, read now); undefined for the built-ins. A unit's copy is only compared.
 */
async function bureauTables(
  host: WorkbookHost | undefined,
  definitions: DefinitionsFile | undefined
): Promise<DefinitionsFile | undefined> {
  if (definitions) return definitions;
  if (!host) return undefined;
  const [model, engine] = await Promise.all([host.readWorkbook(), loadEngine()]);
  if (!model.sheets.some((s) => s.name.trim() === DEFINITIONS_SHEET)) return undefined;
  const inForce = engine.inForce(model);
  return { name: inForce.label, tables: inForce.definitions };
}

export function MergeTab({ host, definitions }: MergeTabProps) {
  const common = useCommonStyles();
  const action = useHostAction();
  const run = useMergeRun();
  const { phase, previews, outcome } = run.view;
  const [files, setFiles] = useState<PickedUnitFile[]>([]);
  const [unitList, setUnitList] = useState<PickedUnitFile | undefined>();
  const [yearText, setYearText] = useState("");
  const year = parseYear(yearText);
  const yearBad = yearText.trim() !== "" && year === undefined;
  const reading = phase.kind === "reading";
  const onFiles = (picked: PickedUnitFile[]): void => {
    setFiles(picked);
    run.reset();
  };
  return (
    <div className={common.stack}>
      <p className={common.p}>
        把各单位上报的统计表合并为局里的汇总表：逐个检查每个单位的文件，列出未上报、重复上报、年度不符的单位；每一行都记下来自哪个文件、哪个单元格。文件只在本机读取，不会上传。
      </p>
      <FilePickers
        files={files}
        unitList={unitList}
        reading={reading}
        onFiles={onFiles}
        onUnitList={setUnitList}
      />
      <Field
        label="统计年度（可选）"
        hint={yearBad ? undefined : "留空时取多数文件的年度；其他年度的文件列出，不合并"}
        validationState={yearBad ? "error" : "none"}
        validationMessage={yearBad ? "请输入四位年份，例如2013" : undefined}
      >
        <YearInput value={yearText} onChange={setYearText} />
      </Field>
      <div className={common.row}>
        <Button
          appearance="primary"
          disabled={files.length === 0 || reading || yearBad}
          onClick={() => {
            bureauTables(host, definitions).then(
              (tables) => run.start(files, unitList, year, tables),
              (e: unknown) => run.fail(`无法读取本局的统计表定义：${describeError(e)}`)
            );
          }}
        >
          开始合并
        </Button>
        {reading ? <Button onClick={run.cancel}>取消</Button> : null}
      </div>
      <MergeProgress phase={phase} />
      {previews.length > 0 && !outcome ? <UnitPreviews previews={previews} /> : null}
      {outcome ? (
        <MergeOutcomeView
          outcome={outcome}
          listed={run.view.listed}
          twice={run.view.twice}
          choice={run.view.choice}
          onChoose={({ unit, file }) => run.choose(unit, file)}
          host={host}
          bytes={run.bytes}
          action={action}
        />
      ) : null}
    </div>
  );
}
