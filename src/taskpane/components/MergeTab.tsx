/**
 * 汇总: the user picks the units' workbooks (several files, or a folder where the browser allows
 * it) and optionally the unit list; they are read and merged in a worker (never leaving the
 * machine), each unit reported as it is read, with progress and 取消. Then the merged tables are
 * inserted as new sheets (Excel) or downloaded (browser page). A unit that sent two files gets a
 * choice — the merge never picks one silently.
 */
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import {
  Button,
  Field,
  ProgressBar,
  Radio,
  RadioGroup,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { baseName, type PlainOutcome, type UnitPreview } from "../../core";
import type { WorkbookHost } from "../../hosts/host";
import { isWorkbookName } from "../../hosts/xlsx/names";
import { saveBytes, XLSX_TYPE } from "../download";
import { connectMerge, type MergeConnection } from "../merge/runner";
import type { BytesReceiver, MergeReply, PickedUnitFile, ReplyHandler } from "../merge/protocol";
import { ActionOutcome, Notice, useCommonStyles, useHostAction } from "./common";
import { YearInput } from "./YearInput";
import { parseYear } from "./TemplateTab";

const useStyles = makeStyles({
  hidden: { display: "none" },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
  },
  item: { overflowWrap: "anywhere" },
  bad: { color: tokens.colorPaletteRedForeground1 },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
  h: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
});

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

type Phase =
  | { readonly kind: "idle" }
  | {
      readonly kind: "reading";
      readonly done: number;
      readonly total: number;
      readonly file: string;
    }
  | { readonly kind: "done" }
  | { readonly kind: "cancelled" }
  | { readonly kind: "failed"; readonly message: string };

const sev = (s: "error" | "warning"): string => (s === "error" ? "错误" : "警告");

/** One finding of the report: 错误 in red, 警告 in orange, its words. */
function Finding({ severity, text }: { severity: "error" | "warning"; text: string }) {
  const styles = useStyles();
  return (
    <li className={mergeClasses(styles.item, severity === "error" ? styles.bad : styles.warn)}>
      {sev(severity)} {text}
    </li>
  );
}

export interface MergeTabProps {
  readonly host: WorkbookHost | undefined;
}

export function MergeTab({ host }: MergeTabProps) {
  const common = useCommonStyles();
  const styles = useStyles();
  const action = useHostAction();
  const [files, setFiles] = useState<PickedUnitFile[]>([]);
  const [yearText, setYearText] = useState("");
  const year = parseYear(yearText);
  const yearBad = yearText.trim() !== "" && year === undefined;
  const [unitList, setUnitList] = useState<PickedUnitFile | undefined>();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [previews, setPreviews] = useState<UnitPreview[]>([]);
  const [outcome, setOutcome] = useState<PlainOutcome | undefined>();
  const [listed, setListed] = useState<number | null>(null);
  const [choice, setChoice] = useState<Record<string, string>>({});
  // the units that sent two or more files, as first found: the choice stays open to change
  const [twice, setTwice] = useState<PlainOutcome["unchosen"]>([]);
  const conn = useRef<MergeConnection | undefined>(undefined);
  const waitingBytes = useRef<BytesReceiver | undefined>(undefined);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const listInput = useRef<HTMLInputElement>(null);
  // a worker started when the tab opens: its code loads while the user picks the files
  const spare = useRef<MergeConnection | undefined>(undefined);
  const relay = useRef<ReplyHandler>(() => undefined);
  useEffect(() => {
    spare.current = connectMerge((reply) => relay.current(reply));
    return () => {
      spare.current?.cancel();
      conn.current?.cancel();
    };
  }, []);
  const insertSheets = host?.insertSheets;

  const onReply = (reply: MergeReply): void => {
    if (reply.type === "progress")
      setPhase({ kind: "reading", done: reply.done, total: reply.total, file: reply.file });
    else if (reply.type === "unit") setPreviews((p) => [...p, reply.preview]);
    else if (reply.type === "result") {
      setOutcome(reply.outcome);
      setTwice((t) => (t.length > 0 ? t : reply.outcome.unchosen));
      setListed(reply.units);
      setPhase({ kind: "done" });
    } else if (reply.type === "xlsx") waitingBytes.current?.(reply.bytes);
    else setPhase({ kind: "failed", message: reply.message });
  };

  relay.current = onReply;

  const start = (): void => {
    conn.current?.cancel();
    setPreviews([]);
    setOutcome(undefined);
    setChoice({});
    setTwice([]);
    setPhase({ kind: "reading", done: 0, total: files.length, file: "" });
    const c = spare.current ?? connectMerge((reply) => relay.current(reply));
    spare.current = undefined;
    conn.current = c;
    // the unit list picked from the same folder is no unit's file
    const units = unitList
      ? files.filter(
          (f) => !(baseName(f.name) === unitList.name && f.file.size === unitList.file.size)
        )
      : files;
    c.send({
      type: "start",
      files: units,
      ...(unitList ? { unitList } : {}),
      ...(year ? { year } : {}),
    });
  };
  const cancel = (): void => {
    conn.current?.cancel();
    conn.current = undefined;
    setPhase({ kind: "cancelled" });
  };
  const choose = (unit: string, file: string): void => {
    const next = { ...choice, [unit]: file };
    setChoice(next);
    conn.current?.send({ type: "choose", prefer: Object.values(next) });
  };

  const pickFiles = (folder: boolean) => (e: ChangeEvent<HTMLInputElement>) => {
    setFiles(picked(e.target.files, folder));
    setOutcome(undefined);
    setPreviews([]);
    setPhase({ kind: "idle" });
    e.target.value = "";
  };
  const pickList = (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    setUnitList(f ? { name: f.name, file: f } : undefined);
    e.target.value = "";
  };

  const bytes = (): Promise<Uint8Array> =>
    new Promise((resolve) => {
      waitingBytes.current = resolve;
      conn.current?.send({ type: "xlsx" });
    });
  const deliver = (): void => {
    if (!outcome) return;
    if (insertSheets) {
      const sheets = outcome.sheets;
      void action.perform(
        "正在插入汇总表",
        () => insertSheets(sheets),
        (names) => `已插入${names.length}张工作表：${names.join("、")}。原有工作表未作任何改动。`
      );
    } else {
      const name = `汇总${outcome.year ?? ""}.xlsx`;
      void action.perform(
        "正在生成汇总表",
        async () => saveBytes(await bytes(), name, XLSX_TYPE),
        () => `已下载“${name}”。`
      );
    }
  };

  const reading = phase.kind === "reading";
  const fraction = reading && phase.total > 0 ? phase.done / phase.total : 0;
  return (
    <div className={common.stack}>
      <p className={common.p}>
        把各单位上报的统计表合并为局里的汇总表：逐个检查每个单位的文件，列出未上报、重复上报、年度不符的单位；每一行都记下来自哪个文件、哪个单元格。文件只在本机读取，不会上传。
      </p>
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
          onClick={start}
        >
          开始合并
        </Button>
        {reading ? <Button onClick={cancel}>取消</Button> : null}
      </div>
      {reading ? (
        <Field
          validationMessage={`正在读取${Math.floor(phase.done)}/${phase.total}${phase.file ? `：${phase.file}` : ""}`}
          validationState="none"
        >
          <ProgressBar
            value={fraction}
            max={1}
            aria-label="合并进度"
            data-testid="merge-progress"
            data-done={phase.done.toFixed(2)}
          />
        </Field>
      ) : null}
      {phase.kind === "cancelled" ? (
        <Notice intent="warning">已取消合并，没有生成汇总表。</Notice>
      ) : null}
      {phase.kind === "failed" ? (
        <Notice intent="error" title="合并未完成">
          {phase.message}
        </Notice>
      ) : null}

      {previews.length > 0 && !outcome ? (
        <ul className={styles.list} aria-label="已读取的单位文件">
          {previews.map((p) => (
            <li key={p.file} className={styles.item}>
              {p.read ? (
                `${p.file}：${p.unit ?? ""}，${p.tables.map((t) => t.label).join("、") || "没有统计表"}，错误${p.errors}，警告${p.warnings}`
              ) : (
                <span className={styles.bad}>
                  {p.file}：{p.reason}
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : null}

      {outcome ? (
        <>
          <Notice
            intent={outcome.errors > 0 ? "warning" : "success"}
            title={`汇总${outcome.year ?? ""}年`}
          >
            读取文件{outcome.units.length}个，合并
            {outcome.units.filter((u) => u.status === "merged").length}个单位
            {listed === null ? "" : `（名单${listed}个单位）`}；
            {outcome.errors > 0 ? `有${outcome.errors}项错误，见下。` : "没有错误。"}
          </Notice>
          {twice.map((u) => (
            <Field key={u.unit} label={`${u.unit}上报了${u.files.length}份文件，用哪一份？`}>
              <RadioGroup
                value={choice[u.unit] ?? ""}
                onChange={(_e, d) => choose(u.unit, d.value)}
              >
                {u.files.map((f) => (
                  <Radio key={f} value={f} label={f} />
                ))}
              </RadioGroup>
            </Field>
          ))}
          <div className={common.row}>
            <Button
              appearance="primary"
              disabled={outcome.sheets.length === 0 || action.busy}
              onClick={deliver}
            >
              {insertSheets ? "插入汇总表（新工作表）" : "下载汇总工作簿"}
            </Button>
          </div>
          <ActionOutcome state={action.state} />
          {outcome.problems.length > 0 ? (
            <>
              <h2 className={styles.h}>名单与上报</h2>
              <ul className={styles.list}>
                {outcome.problems.map((p, i) => (
                  <Finding key={i} severity={p.severity} text={p.message} />
                ))}
              </ul>
            </>
          ) : null}
          <h2 className={styles.h}>各单位文件</h2>
          <ul className={styles.list} aria-label="各单位文件">
            {outcome.units.map((u) => (
              <li key={u.file} className={styles.item}>
                <span className={u.status === "merged" ? undefined : styles.bad}>
                  {u.status === "merged" ? "✓" : "✗"} {u.file}
                </span>
                ：{u.unit ? `${u.unit}，` : ""}
                {u.statusText}
                {u.read
                  ? `，${u.years.map((y) => `${y}年`).join("、")} ${u.tables.join(" ")}，错误${u.errors}，警告${u.warnings}`
                  : ""}
                {u.issues.length + u.notes.length > 0 ? (
                  <ul className={styles.list}>
                    {u.issues.map((i, k) => (
                      <Finding
                        key={`i${k}`}
                        severity={i.severity}
                        text={`${i.rule} ${i.where} ${i.message}`}
                      />
                    ))}
                    {u.notes.map((p, k) => (
                      <Finding key={`n${k}`} severity={p.severity} text={p.message} />
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
          <h2 className={styles.h}>
            汇总表校验：错误{outcome.issues.filter((i) => i.severity === "error").length}项，警告
            {outcome.issues.filter((i) => i.severity === "warning").length}项
          </h2>
          <ul className={styles.list} aria-label="汇总表问题">
            {outcome.issues.map((i, k) => (
              <Finding key={k} severity={i.severity} text={`${i.rule} ${i.where} ${i.message}`} />
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
