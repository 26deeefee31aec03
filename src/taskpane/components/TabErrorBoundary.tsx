/**
 * Keeps a failing tab from taking the whole pane down: shows what happened in Chinese and lets
 * the user try again (a tab chunk that failed to load is fetched again).
 */
import { Component, type ErrorInfo, type ReactNode } from "react";
import { Button } from "@fluentui/react-components";
import { describeError } from "../run";

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
    // plain elements (no MessageBar): this is part of the first load
    return (
      <div role="alert">
        <p>此页面出错了：{describeError(this.state.error)}</p>
        <Button onClick={() => this.setState({ error: undefined })}>重试</Button>
      </div>
    );
  }
}
