/**
 * Keeps a failing tab from taking the whole pane down: shows what happened in Chinese and lets
 * the user try again (a tab chunk that failed to load is fetched again).
 */
import { Component, type ErrorInfo, type ReactNode } from "react";
import { Button } from "@fluentui/react-components";
import { describeError } from "../run";
import { Notice } from "./common";

interface Props {
  readonly children: ReactNode;
  /** Changes when the user switches tabs: a new tab starts without the old error. */
  readonly resetKey: string;
}

interface State {
  readonly error: unknown;
  readonly key: string;
}

export class TabErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error ?? new Error("未知错误") };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { error: undefined, key: props.resetKey } : null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error("统计报表助手：界面出错", error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    return (
      <Notice
        intent="error"
        title="此页面出错了"
        action={<Button onClick={() => this.setState({ error: undefined })}>重试</Button>}
      >
        {describeError(this.state.error)}
      </Notice>
    );
  }
}
