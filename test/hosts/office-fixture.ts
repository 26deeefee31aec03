/** Installs the fake Excel on globalThis for one test at a time (uninstalled after each test). */
import { afterEach } from "vitest";
import { installFakeOffice, type FakeOfficeOptions } from "../fakes/fake-excel";

export type InstalledFake = ReturnType<typeof installFakeOffice>;

/** Returns `install(options)`; each call replaces the previous fake. */
export function useFakeOffice(): (options: FakeOfficeOptions) => InstalledFake {
  let fake: InstalledFake | undefined;
  afterEach(() => {
    fake?.uninstall();
    fake = undefined;
  });
  return (options) => {
    fake?.uninstall();
    fake = installFakeOffice(globalThis, options);
    return fake;
  };
}
