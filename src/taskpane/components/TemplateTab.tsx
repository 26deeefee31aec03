/**
 * 模板: insert the four blank templates for a chosen year (Excel), or — on the browser page —
 * download them as a blank .xlsx. Hidden actions are explained, never silently missing.
 */
import { useState } from "react";
import { Button, Field, Input, makeStyles, mergeClasses } from "@fluentui/react-components";
import type { WorkbookHost } from "../../hosts/host";
import { saveBytes, XLSX_TYPE } from "../download";
import type { WorkbookRun } from "../run";
import type { TemplateDownload } from "../types";
import { ActionOutcome, Notice, useCommonStyles, useHostAction } from "./common";

const useStyles = makeStyles({ year: { maxWidth: "8em" } });

/**
 * The year typed, when it is a plausible 统计年度.
 * @example parseYear("2014") // 2014
 * @example parseYear("14") // undefined
 */
export function parseYear(text: string): number | undefined {
  const t = text.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!/^\d{4}$/.test(t)) return undefined;
  const year = Number(t);
  return year >= 1949 && year <= 2100 ? year : undefined;
}

export interface TemplateTabProps {
  readonly host: WorkbookHost | undefined;
  readonly run: WorkbookRun;
  readonly downloadTemplates?: TemplateDownload;
}

export function TemplateTab({ host, run, downloadTemplates }: TemplateTabProps) {
  const common = useCommonStyles();
  const styles = useStyles();
  const action = useHostAction();
  const [yearText, setYearText] = useState(() => String(run.analysis?.currentYear ?? new Date().getFullYear()));
  const year = parseYear(yearText);
  const insertTemplates = host?.insertTemplates;
  const canInsert = Boolean(insertTemplates);
  const canDownload = !canInsert && Boolean(downloadTemplates);

  /** Inserts the sheets (Excel) or downloads the blank workbook (browser page). */
  const start = (y: number) => {
    if (insertTemplates) {
      void action.perform(
        "正在插入模板",
        () => insertTemplates(y),
        (names) => `已插入 ${names.length} 张工作表：${names.join("、")}。原有工作表未作任何改动。`
      );
    } else if (downloadTemplates) {
      const name = `统计报表模板-${y}.xlsx`;
      void action.perform(
        "正在生成模板",
        async () => saveBytes(await downloadTemplates(y), name, XLSX_TYPE),
        () => `已下载“${name}”。`
      );
    }
  };

  return (
    <div className={common.stack}>
      <p className={common.p}>
        四张统计表（党员发展、培训、经费、信访咨询）的空白模板：标题、填报信息、表头和合计行，固定选项的列带下拉列表。
      </p>
      {canInsert || canDownload ? (
        <>
          <Field
            label="统计年度"
            validationState={year ? "none" : "error"}
            validationMessage={year ? undefined : "请输入四位年份，例如 2014"}
          >
            <Input
              className={styles.year}
              value={yearText}
              inputMode="numeric"
              maxLength={4}
              onChange={(_e, d) => setYearText(d.value)}
            />
          </Field>
          <div className={common.row}>
            <Button appearance="primary" disabled={!year || action.busy} onClick={() => year && start(year)}>
              {insertTemplates ? "插入模板" : "下载空白模板 .xlsx"}
            </Button>
          </div>
          <ActionOutcome state={action.state} />
          {canInsert ? (
            <p className={mergeClasses(common.p, common.muted)}>新工作表插在最后；与现有工作表同名时自动改名，不会覆盖。</p>
          ) : null}
        </>
      ) : (
        <Notice intent="info" title="此处不能插入模板">
          {host
            ? "当前环境不支持插入工作表。请在 Excel 中打开本加载项，或使用命令行：bureau-stats template 模板.xlsx --year 2014。"
            : "请先打开一个工作簿。"}
        </Notice>
      )}
    </div>
  );
}
