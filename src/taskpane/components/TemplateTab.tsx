/**
 * 模板: insert the blank templates of the tables in force for a chosen year (Excel), or — on the
 * browser page — download them as a blank .xlsx; insert the definitions in force as a `报表定义`
 * sheet. Hidden actions are explained, never silently missing.
 */
import { useState } from "react";
import { Button, Field, mergeClasses } from "@fluentui/react-components";
import type { WorkbookHost } from "../../hosts/host";
import { saveBytes, XLSX_TYPE } from "../download";
import { loadEngine, tablesInWords } from "../engine";
import { DEFINITIONS_SHEET, parseStatYear, type TableDefinition } from "../../core";
import { describeError, type WorkbookRun } from "../run";
import type { TemplateDownload } from "../types";
import { ActionOutcome, Notice, useCommonStyles, useHostAction } from "./common";
import { YearInput } from "./YearInput";
import { missingFeature, useHostFeatures } from "../hostFeatures";

/**
 * The year typed, when it is a plausible 统计年度.
 * @example parseYear("2014") // 2014
 * @example parseYear("14") // undefined
 */
export function parseYear(text: string): number | undefined {
  return parseStatYear(text);
}

/**
 * What the pane says once templates are inserted; the `报表定义` sheet a bureau's templates carry
 * is named with what it is for.
 * @example insertedMessage(["表1 党员发展 2014"]) // "已插入1张工作表：表1 党员发展 2014。原有工作表未作任何改动。"
 */
export function insertedMessage(names: readonly string[]): string {
  const carried = names.includes(DEFINITIONS_SHEET)
    ? `“${DEFINITIONS_SHEET}”写明这些表的定义，单位填好交回后即按它校验。`
    : "";
  return `已插入${names.length}张工作表：${names.join("、")}。${carried}原有工作表未作任何改动。`;
}

export interface TemplateTabProps {
  readonly host: WorkbookHost | undefined;
  readonly run: WorkbookRun;
  readonly downloadTemplates?: TemplateDownload;
}

type HostAction = ReturnType<typeof useHostAction>;

/** A year that already has sheets, waiting for the user's answer. */
interface PendingInsert {
  readonly year: number;
  readonly tables: number;
  readonly definitions: readonly TableDefinition[];
}

/**
 * Inserting the blank templates of a year (Excel) or downloading them (browser page). `ask` first
 * checks whether the workbook (read now, not as last checked) already holds sheets of that year;
 * then it waits in `confirm` for the user's answer — a second set of the same year is an error
 * (G-07). `checking` is that check's progress or failure.
 */
function useTemplateInsert({ host, run, downloadTemplates }: TemplateTabProps, action: HostAction) {
  const [confirm, setConfirm] = useState<PendingInsert | undefined>(undefined);
  const [checking, setChecking] = useState<string | undefined>(undefined);
  const insertTemplates = host?.insertTemplates;
  const defined = run.analysis?.core.definitions;

  /** Inserts the sheets (Excel) or downloads the blank workbook (browser page). */
  const start = (y: number, definitions = defined) => {
    setConfirm(undefined);
    if (insertTemplates) {
      void action.perform("正在插入模板", () => insertTemplates(y, definitions), insertedMessage);
    } else if (downloadTemplates) {
      const name = `统计报表模板-${y}.xlsx`;
      void action.perform(
        "正在生成模板",
        async () => saveBytes(await downloadTemplates(y, definitions), name, XLSX_TYPE),
        () => `已下载“${name}”。`
      );
    }
  };

  const ask = async (y: number) => {
    if (!host || !insertTemplates) return start(y);
    setConfirm(undefined);
    setChecking("正在检查工作簿中已有的年度…");
    try {
      const [model, engine] = await Promise.all([host.readWorkbook(), loadEngine()]);
      // the tables in force now: the workbook's 报表定义 sheet, if it has one (read now)
      const { definitions } = engine.inForce(model);
      const found = engine.years(model).find((s) => s.year === y);
      setChecking(undefined);
      if (found) setConfirm({ year: y, tables: found.tables, definitions });
      else start(y, definitions);
    } catch (e) {
      setChecking(`无法检查已有的年度：${describeError(e)}`);
    }
  };

  return { confirm, checking, ask, start, cancel: () => setConfirm(undefined) };
}

/** Inserts the definitions in force as a new 报表定义 sheet (never over one already there). */
function useInsertDefinitions(host: WorkbookHost | undefined, action: HostAction) {
  const insertDefinitions = host?.insertDefinitions;
  return () => {
    if (!host || !insertDefinitions) return;
    void action.perform(
      "正在插入报表定义",
      async () => {
        const [model, engine] = await Promise.all([host.readWorkbook(), loadEngine()]);
        const { definitions, label } = engine.inForce(model);
        const name = await insertDefinitions(definitions);
        return { name, label, count: definitions.length };
      },
      (r) =>
        `已插入工作表“${r.name}”：${r.label}的${tablesInWords(r.count)}表的定义，每行一列、一条规则、一个指标或一个句子。修改后重新校验，即按其中的定义检查。原有工作表未作任何改动。`
    );
  };
}

/** Asks before inserting a second set of sheets of a year the workbook already has. */
function ConfirmInsert({
  pending,
  onInsert,
  onCancel,
}: {
  pending: PendingInsert;
  onInsert: () => void;
  onCancel: () => void;
}) {
  const common = useCommonStyles();
  return (
    <div data-testid="confirm-insert">
      <Notice
        intent="warning"
        title={`已有${pending.year}年的统计表`}
        action={
          <div className={common.row}>
            <Button size="small" onClick={onInsert}>
              仍然插入
            </Button>
            <Button size="small" appearance="primary" onClick={onCancel}>
              取消
            </Button>
          </div>
        }
      >
        工作簿中已有{pending.tables}张{pending.year}
        年的统计表。再插入一套同一年度的模板，校验会把两套表报为重复，报告无法判断用哪一张。确实要插入吗？
      </Notice>
    </div>
  );
}

/** The button that inserts the definitions in force as a 报表定义 sheet, and what it is for. */
function InsertDefinitions({ busy, onInsert }: { busy: boolean; onInsert: () => void }) {
  const common = useCommonStyles();
  return (
    <>
      <div className={common.row}>
        <Button disabled={busy} onClick={onInsert}>
          插入报表定义
        </Button>
      </div>
      <p className={mergeClasses(common.p, common.muted)}>
        把在用的统计表定义插入为“报表定义”工作表（每行一列、一条规则、一个指标或一个句子），本局可在其中增删表、列、规则和报告句子，随工作簿发给各单位。
      </p>
    </>
  );
}

export function TemplateTab(props: TemplateTabProps) {
  const { host, run, downloadTemplates } = props;
  const common = useCommonStyles();
  const action = useHostAction();
  const [yearText, setYearText] = useState(() =>
    String(run.analysis?.currentYear ?? new Date().getFullYear())
  );
  const inserting = useTemplateInsert(props, action);
  const addDefinitions = useInsertDefinitions(host, action);
  const { confirm, checking } = inserting;
  const year = parseYear(yearText);
  const defined = run.analysis?.core.definitions;
  const canInsert = Boolean(host?.insertTemplates);
  const canDownload = !canInsert && Boolean(downloadTemplates);
  // what this Excel leaves out of an inserted template (no dropdowns, no frozen header)
  const features = useHostFeatures(host);
  const leftOut = ["templateDropdowns", "freezePanes"].flatMap(
    (id) => missingFeature(features, id) ?? []
  );

  return (
    <div className={common.stack}>
      <p className={common.p}>
        {defined
          ? `${tablesInWords(defined.length)}统计表（${defined.map((d) => d.name).join("、")}）`
          : "各张统计表（内置的各表；工作簿中有“报表定义”工作表时，按其中定义的表）"}
        的空白模板：标题、填报信息、表头和合计行（按各行计量单位计数的表，如表4，没有合计行），固定选项的列带下拉列表。
      </p>
      {canInsert || canDownload ? (
        <>
          <Field
            label="统计年度"
            validationState={year ? "none" : "error"}
            validationMessage={year ? undefined : "请输入四位年份，例如2014"}
          >
            <YearInput value={yearText} onChange={setYearText} />
          </Field>
          <div className={common.row}>
            <Button
              appearance="primary"
              disabled={
                !year ||
                action.busy ||
                confirm !== undefined ||
                checking?.startsWith("正在") === true
              }
              onClick={() => year && void inserting.ask(year)}
            >
              {canInsert ? "插入模板" : "下载空白模板工作簿"}
            </Button>
          </div>
          {checking ? (
            <Notice intent={checking.startsWith("正在") ? "info" : "error"}>{checking}</Notice>
          ) : null}
          {confirm ? (
            <ConfirmInsert
              pending={confirm}
              onInsert={() => inserting.start(confirm.year, confirm.definitions)}
              onCancel={inserting.cancel}
            />
          ) : null}
          <ActionOutcome state={action.state} />
          {canInsert ? (
            <p className={mergeClasses(common.p, common.muted)}>
              新工作表插在最后；与现有工作表同名时自动改名，不会覆盖。
            </p>
          ) : null}
          {canInsert
            ? leftOut.map((f) => (
                <p
                  key={f.id}
                  className={mergeClasses(common.p, common.muted)}
                  data-testid="template-left-out"
                >
                  {f.reason}
                </p>
              ))
            : null}
          {host?.insertDefinitions ? (
            <InsertDefinitions busy={action.busy} onInsert={addDefinitions} />
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
