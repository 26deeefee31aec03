/**
 * What the 汇总 tab shows of a merge: the units as they are read, then the outcome — the choice
 * between a unit's files, inserting or downloading the merged tables, the problems of the list,
 * each unit's file and the check of the merged tables.
 */
import {
  Button,
  Field,
  Radio,
  RadioGroup,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import type { Dispatch } from "react";
import type { PlainOutcome, UnitPreview } from "../../core";
import type { WorkbookHost } from "../../hosts/host";
import { saveBytes, XLSX_TYPE } from "../download";
import { ActionOutcome, Notice, useCommonStyles, useHostAction } from "./common";

export const useMergeStyles = makeStyles({
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

const sev = (s: "error" | "warning"): string => (s === "error" ? "错误" : "警告");

/** One finding of the report: 错误 in red, 警告 in orange, its words. */
function Finding({ severity, text }: { severity: "error" | "warning"; text: string }) {
  const styles = useMergeStyles();
  return (
    <li className={mergeClasses(styles.item, severity === "error" ? styles.bad : styles.warn)}>
      {sev(severity)} {text}
    </li>
  );
}

/** The units' files as they are read, before the outcome. */
export function UnitPreviews({ previews }: { previews: readonly UnitPreview[] }) {
  const styles = useMergeStyles();
  return (
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
  );
}

/** A unit's file in the outcome: its status, what was read, its own issues and notes. */
function UnitFile({ u }: { u: PlainOutcome["units"][number] }) {
  const styles = useMergeStyles();
  return (
    <li className={styles.item}>
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
  );
}

/** The findings of the outcome: the list and the files sent, each unit's file, the merged tables' check. */
function Findings({ outcome }: { outcome: PlainOutcome }) {
  const styles = useMergeStyles();
  return (
    <>
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
          <UnitFile key={u.file} u={u} />
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
  );
}

export interface MergeOutcomeProps {
  readonly outcome: PlainOutcome;
  readonly listed: number | null;
  readonly twice: PlainOutcome["unchosen"];
  readonly choice: Readonly<Record<string, string>>;
  readonly onChoose: Dispatch<{ readonly unit: string; readonly file: string }>;
  readonly host: WorkbookHost | undefined;
  /** The merged workbook's bytes (to download). */
  readonly bytes: () => Promise<Uint8Array>;
  /** Inserting or downloading (its outcome outlives a merge started again). */
  readonly action: ReturnType<typeof useHostAction>;
}

/** The outcome of a merge: its summary, the choices still open, delivering it, its findings. */
export function MergeOutcomeView({
  outcome,
  listed,
  twice,
  choice,
  onChoose,
  host,
  bytes,
  action,
}: MergeOutcomeProps) {
  const common = useCommonStyles();
  const insertSheets = host?.insertSheets;
  const deliver = (): void => {
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
  return (
    <>
      <Notice
        intent={outcome.errors > 0 ? "warning" : "success"}
        title={`汇总${outcome.year ?? ""}年`}
        data-testid="merge-outcome"
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
            onChange={(_e, d) => onChoose({ unit: u.unit, file: d.value })}
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
      <Findings outcome={outcome} />
    </>
  );
}
