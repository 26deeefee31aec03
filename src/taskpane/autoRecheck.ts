/**
 * 修改后自动重新校验 (opt-in): while on, the host's change events (the Office host:
 * worksheets.onChanged) are collected for a short quiet period and then only the sheets changed
 * are read and checked again. Turning it off — or closing the pane, or another workbook — removes
 * the handler (with the request context that added it, inside the host).
 */
import { useEffect, useState } from "react";
import type { WorkbookHost } from "../hosts/host";
import { describeError } from "./run";

/** Edits within this many milliseconds of each other lead to one re-check. */
const RECHECK_DEBOUNCE_MS = 800;

export interface AutoRecheckState {
  /** Sheets of the last automatic re-check, for the status line. */
  readonly last?: readonly string[];
  /** Why listening could not start (Chinese), if it failed. */
  readonly error?: string;
}

export function useAutoRecheck(
  host: WorkbookHost | undefined,
  enabled: boolean,
  recheck: (sheets: readonly string[]) => void
): AutoRecheckState {
  const [state, setState] = useState<AutoRecheckState>({});
  useEffect(() => {
    setState({});
    if (!enabled || !host?.watchChanges) return;
    let disposed = false;
    let stop: (() => Promise<void>) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const pending = new Set<string>();
    const flush = () => {
      const sheets = [...pending];
      pending.clear();
      if (disposed || sheets.length === 0) return;
      setState({ last: sheets });
      recheck(sheets);
    };
    host
      .watchChanges((sheets) => {
        for (const s of sheets) pending.add(s);
        clearTimeout(timer);
        timer = setTimeout(flush, RECHECK_DEBOUNCE_MS);
      })
      .then(
        (s) => {
          if (disposed) void s().catch(() => undefined);
          else stop = s;
        },
        (e: unknown) => {
          if (!disposed) setState({ error: describeError(e) });
        }
      );
    return () => {
      disposed = true;
      clearTimeout(timer);
      void stop?.().catch(() => undefined);
    };
  }, [host, enabled, recheck]);
  return state;
}
