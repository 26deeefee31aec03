/** Small pieces shared by the tabs: notices, the “run 校验 first” prompt, host-action feedback. */
import { useCallback, useState, type ReactNode } from "react";
import { Button, Link, MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { WorkbookHost } from "../../hosts/host";
import { describeError, type WorkbookRun } from "../run";
import type { Describe } from "../types";
import { useCommonStyles } from "./styles";

export { useCommonStyles } from "./styles";


export interface NoticeProps {
  readonly intent: "info" | "success" | "warning" | "error";
  readonly title?: string;
  readonly children?: ReactNode;
  readonly action?: ReactNode;
  /** For tests and the benchmark, which find a notice by it rather than by its wording. */
  readonly "data-testid"?: string;
}

/** A message bar whose text wraps (the pane is narrow). */
export function Notice({ intent, title, children, action, "data-testid": testId }: NoticeProps) {
  const styles = useCommonStyles();
  return (
    <MessageBar
      intent={intent}
      layout="multiline"
      politeness={intent === "error" ? "assertive" : "polite"}
      data-testid={testId}
    >
      <MessageBarBody className={styles.lines}>
        {title ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {children}
        {action ? <div>{action}</div> : null}
      </MessageBarBody>
    </MessageBar>
  );
}

/** For tabs that need a finished 校验: explains it and offers to run it here. */
export function NeedsRun({ host, run, what }: { host: WorkbookHost | undefined; run: WorkbookRun; what: string }) {
  const styles = useCommonStyles();
  if (!host) return <Notice intent="info" title="尚未打开工作簿">请先选择或打开一个工作簿。</Notice>;
  const { status } = run;
  return (
    <div className={styles.stack}>
      <p className={styles.p}>{what}需要先读取并校验工作簿。</p>
      <div className={styles.row}>
        <Button appearance="primary" onClick={run.run} disabled={run.busy}>
          {run.busy ? "正在校验…" : "运行校验"}
        </Button>
        {run.busy ? <Button onClick={run.cancel}>取消</Button> : null}
      </div>
      {status.phase === "error" ? (
        <Notice intent="error" title="校验未完成">
          {status.message}
        </Notice>
      ) : null}
      {status.phase === "cancelled" ? <Notice intent="warning">已取消校验。</Notice> : null}
    </div>
  );
}

export type ActionState =
  | { readonly kind: "idle" }
  | { readonly kind: "busy"; readonly what: string }
  | { readonly kind: "done"; readonly message: string }
  | { readonly kind: "failed"; readonly message: string };

/**
 * Runs one host action at a time and keeps its outcome as a Chinese sentence.
 * `perform(what, action, describe)` shows `what` while busy and `describe(result)` after.
 */
export function useHostAction() {
  const [state, setState] = useState<ActionState>({ kind: "idle" });
  const perform = useCallback(async <T,>(what: string, action: () => Promise<T>, describe: Describe<T>) => {
    setState({ kind: "busy", what });
    try {
      const result = await action();
      setState({ kind: "done", message: describe(result) });
    } catch (e) {
      setState({ kind: "failed", message: describeError(e) });
    }
  }, []);
  return { state, perform, busy: state.kind === "busy" };
}

/** The outcome of the last host action, if any. */
export function ActionOutcome({ state }: { state: ActionState }) {
  if (state.kind === "done") return <Notice intent="success">{state.message}</Notice>;
  if (state.kind === "failed") return <Notice intent="error" title="操作未完成">{state.message}</Notice>;
  if (state.kind === "busy") return <Notice intent="info">{state.what}…</Notice>;
  return null;
}

/**
 * Above the draft and the 同比 table when some figures depend on cells with errors or unexplained
 * warnings: how many,
 * that they carry 【待核】, and a link to the issues.
 */
export function UnverifiedBanner({ count, what, onShowIssues }: { count: number; what: string; onShowIssues?: () => void }) {
  if (count === 0) return null;
  return (
    <div data-testid="unverified-banner">
      <Notice intent="error" title={`${count}个数字待核`}>
        {what}中有{count}个数字所依据的单元格有错误或未说明的警告，已在其后标注“【待核】”。请先改正错误或在备注中说明警告，重新校验后再上报这些数字。
        {onShowIssues ? (
          <>
            {" "}
            <Link as="button" onClick={onShowIssues}>
              查看问题
            </Link>
          </>
        ) : null}
      </Notice>
    </div>
  );
}
