/**
 * What the 汇总 tab shows of a merge: the units as they are read, then the outcome — the choice
 * between a unit's files, inserting or downloading the merged tables, the problems of the list,
 * each unit's file and the check of the merged tables.
 */
import {
  Badge,
  Button,
  Field,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Radio,
  RadioGroup,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useState, type Dispatch } from "react";
import {
  baseName,
  deliverBlock,
  unitRows,
  wholeProblems,
  UNIT_STATE_TEXT,
  type PlainOutcome,
  type RowProblem,
  type UnitPreview,
  type UnitRow,
  type UnitState,
} from "../../core";
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
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  place: { fontWeight: tokens.fontWeightSemibold },
  /** The cell and rule after the words, small: the unit's file is not open here to jump to. */
  address: {
    marginInlineStart: tokens.spacingHorizontalXS,
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase100,
    fontFamily: tokens.fontFamilyMonospace,
    whiteSpace: "nowrap",
  },
  table: { tableLayout: "auto", width: "100%" },
  unitCell: { width: "auto", overflowWrap: "anywhere" },
  unitName: { fontWeight: tokens.fontWeightSemibold },
  toggle: {
    minWidth: 0,
    padding: 0,
    height: "auto",
    textAlign: "start",
    justifyContent: "flex-start",
    fontWeight: tokens.fontWeightSemibold,
  },
  fileText: {
    overflowWrap: "anywhere",
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
  },
  stateCell: { width: "72px", paddingLeft: "4px", paddingRight: "4px" },
  countCell: { width: "44px", paddingLeft: "4px", paddingRight: "4px", textAlign: "end" },
  // 文件 has its own column on a wide pane; on a narrow one it folds under the unit's name
  wideOnly: {
    "@media (max-width: 479px)": { display: "none" },
  },
  narrowOnly: { "@media (min-width: 480px)": { display: "none" } },
  reason: { color: tokens.colorPaletteDarkOrangeForeground1 },
  h: {
    margin: `${tokens.spacingVerticalS} 0 0`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
});

const sev = (s: "error" | "warning"): string => (s === "error" ? "错误" : "警告");

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

/**
 * One problem of a unit's row: 错误 in red, 警告 in orange, the place in words, its words, then
 * the cell and rule small, and any detail.
 */
function RowFinding({ p }: { p: RowProblem }) {
  const styles = useMergeStyles();
  return (
    <li className={mergeClasses(styles.item, p.severity === "error" ? styles.bad : styles.warn)}>
      {sev(p.severity)} {p.place ? <span className={styles.place}>{p.place} </span> : null}
      {p.text}
      {p.address ? (
        <span className={styles.address} data-testid="merge-address">
          {p.address}
        </span>
      ) : null}
      {p.detail ? <div className={styles.detail}>详情：{p.detail}</div> : null}
    </li>
  );
}

const STATE_COLOR: Readonly<Record<UnitState, "danger" | "warning" | "informative" | "success">> = {
  duplicate: "warning",
  unreadable: "danger",
  errors: "danger",
  missing: "informative",
  merged: "success",
};

/** One unit's row (and, opened, its problems under it). */
function UnitRowView({ row }: { row: UnitRow }) {
  const styles = useMergeStyles();
  const [open, setOpen] = useState(row.state !== "merged");
  const files = row.files.map(baseName).join("、") || "—";
  const count = row.problems.length;
  return (
    <>
      <TableRow>
        <TableCell className={styles.unitCell}>
          <div className={styles.unitName}>
            {count > 0 ? (
              <Button
                appearance="transparent"
                size="small"
                className={styles.toggle}
                aria-expanded={open}
                onClick={() => setOpen(!open)}
              >
                {open ? "▾" : "▸"} {row.unit}
              </Button>
            ) : (
              row.unit
            )}
          </div>
          <div className={mergeClasses(styles.narrowOnly, styles.fileText)}>{files}</div>
        </TableCell>
        <TableCell className={mergeClasses(styles.wideOnly, styles.fileText)}>{files}</TableCell>
        <TableCell className={styles.stateCell}>
          <Badge appearance="tint" color={STATE_COLOR[row.state]}>
            {UNIT_STATE_TEXT[row.state]}
          </Badge>
        </TableCell>
        <TableCell className={styles.countCell}>{count}</TableCell>
      </TableRow>
      {open && count > 0 ? (
        <TableRow>
          <TableCell colSpan={4}>
            <ul className={styles.list}>
              {row.problems.map((p, k) => (
                <RowFinding key={k} p={p} />
              ))}
            </ul>
          </TableCell>
        </TableRow>
      ) : null}
    </>
  );
}

/** The findings of the outcome: one row per unit (what needs action first), then the merged tables'. */
function Findings({ outcome }: { outcome: PlainOutcome }) {
  const styles = useMergeStyles();
  const rows = unitRows(outcome);
  const whole = wholeProblems(outcome);
  return (
    <>
      <Table size="small" className={styles.table} aria-label="各单位情况">
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.unitCell}>单位</TableHeaderCell>
            <TableHeaderCell className={styles.wideOnly}>文件</TableHeaderCell>
            <TableHeaderCell className={styles.stateCell}>状态</TableHeaderCell>
            <TableHeaderCell className={styles.countCell}>问题数</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <UnitRowView key={r.unit + r.files.join()} row={r} />
          ))}
        </TableBody>
      </Table>
      {whole.length > 0 ? (
        <>
          <h2 className={styles.h}>汇总表另有问题{whole.length}项</h2>
          <ul className={styles.list} aria-label="汇总表问题">
            {whole.map((p, k) => (
              <RowFinding key={k} p={p} />
            ))}
          </ul>
        </>
      ) : null}
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
  const styles = useMergeStyles();
  const blocked = deliverBlock(outcome);
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
          disabled={blocked !== undefined || action.busy}
          onClick={deliver}
          aria-describedby={blocked === undefined ? undefined : "merge-deliver-reason"}
        >
          {insertSheets ? "插入汇总表（新工作表）" : "下载汇总工作簿"}
        </Button>
        {blocked === undefined ? null : (
          <span id="merge-deliver-reason" className={styles.reason} role="status">
            {blocked}
          </span>
        )}
      </div>
      <ActionOutcome state={action.state} />
      <Findings outcome={outcome} />
    </>
  );
}
