/**
 * 校验, the first tab: the run button at once (it is what the pane shows first, so it carries as
 * little code as possible); progress, notices and results come in a chunk fetched when the run
 * starts, in parallel with reading the workbook.
 */
import { Suspense, lazy, useEffect, type Dispatch, type SetStateAction } from "react";
import { Button, Switch, mergeClasses } from "@fluentui/react-components";
import { markFirstTab } from "../perf";
import { useCommonStyles } from "./styles";
import { HostFeatures } from "./HostFeatures";
import type { HostFeature } from "../../hosts/host";
// the type only: the body itself is the chunk loaded below, when a run starts
import type { ValidateBodyProps } from "./ValidateBody";

const loadBody = () => import(/* webpackChunkName: "validate-body" */ "./ValidateBody");
const ValidateBody = lazy(() => loadBody().then((m) => ({ default: m.ValidateBody })));

/** The 修改后自动重新校验 switch, when the host can report changes. */
export interface AutoRecheckControl {
  readonly on: boolean;
  readonly setOn: Dispatch<SetStateAction<boolean>>;
  /** Sheets of the last automatic re-check. */
  readonly last?: readonly string[];
  readonly error?: string;
}

export interface ValidateTabProps extends ValidateBodyProps {
  readonly autoRecheck?: AutoRecheckControl;
  /** What this Excel can do beyond checking (shown collapsed at the end). */
  readonly features?: readonly HostFeature[];
}

export function ValidateTab(props: ValidateTabProps) {
  const common = useCommonStyles();
  useEffect(() => {
    markFirstTab();
  }, []);
  const { host, run } = props;
  const fresh = run.status.phase === "idle" && !run.analysis;
  const start = () => {
    loadBody().catch(() => undefined); // fetched while the workbook is read; a failure shows below
    run.run();
  };
  if (!host) {
    return (
      <section className={common.stack} aria-label="尚未打开工作簿">
        <h2 className={common.h2}>尚未打开工作簿</h2>
        <p className={mergeClasses(common.p, common.muted)}>{props.noHostMessage ?? "请先打开一个工作簿。"}</p>
        <ThreeSteps first="选择 Excel 工作簿（或打开示例），即自动校验其中的统计表。校验只读取数据，不会修改文件。" />
      </section>
    );
  }
  return (
    <div className={common.stack}>
      <div className={common.row}>
        <Button appearance="primary" onClick={start} disabled={run.busy}>
          {run.analysis ? "重新校验" : "运行校验"}
        </Button>
      </div>
      {props.autoRecheck ? <AutoRecheckSwitch control={props.autoRecheck} /> : null}
      {fresh ? (
        <ThreeSteps first="点击“运行校验”，检查工作簿中的统计表。校验只读取数据，不会修改工作簿。" />
      ) : (
        <Suspense fallback={<p className={common.p}>正在加载…</p>}>
          <ValidateBody {...props} />
        </Suspense>
      )}
      {/* on the first screen only where something is missing (it is the prerendered screen) */}
      {props.features && (!fresh || props.features.some((f) => !f.available)) ? (
        <HostFeatures features={props.features} />
      ) : null}
    </div>
  );
}

/**
 * The empty state: the whole workflow in three steps; the first names the control this screen
 * has (运行校验 in the pane, the file picker on the browser page, which checks as soon as a file is
 * chosen).
 */
function ThreeSteps({ first }: { first: string }) {
  const common = useCommonStyles();
  return (
    <div data-testid="three-steps">
      <h2 className={common.h3}>三步完成上报前的检查</h2>
      <ol className={common.p}>
        <li>{first}</li>
        <li>按提示改正错误；确有原因的警告，在该行的“备注”列写明原因，即算已说明。</li>
        <li>在“同比”核对增减，在“报告”复制文字或下载Word文档，没有错误后即可上报。</li>
      </ol>
    </div>
  );
}

function AutoRecheckSwitch({ control }: { control: AutoRecheckControl }) {
  const common = useCommonStyles();
  let note = "";
  if (control.error) note = control.error;
  else if (control.on && control.last)
    note = `已自动重新校验：${control.last.map((s) => `“${s}”`).join("、")}`;
  else if (control.on) note = "单元格修改后，将只重新读取并校验被修改的工作表。";
  return (
    <div>
      <Switch
        label="修改后自动重新校验"
        checked={control.on}
        onChange={(_e, data) => control.setOn(data.checked)}
      />
      {note ? (
        <p role="status" className={mergeClasses(common.p, common.muted)}>
          {note}
        </p>
      ) : null}
    </div>
  );
}
