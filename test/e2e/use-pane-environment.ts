/**
 * The pane environment of a test file (kept apart from fakeOffice.ts, which scripts outside vitest
 * such as `npm run screens` import).
 */
import { afterAll, beforeAll } from "vitest";
import { paneEnvironment, type PaneEnvironment } from "./fakeOffice";

/** A test file's pane environment: made before its tests, closed after them. */
export function usePaneEnvironment(): () => PaneEnvironment {
  let env: PaneEnvironment | undefined;
  beforeAll(async () => {
    env = await paneEnvironment();
  }, 600_000);
  afterAll(async () => {
    await env?.browser.close();
    await env?.server.close();
  });
  return () => env!;
}
