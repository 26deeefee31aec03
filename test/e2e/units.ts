/**
 * The sample units' files (assets/samples/units) and the steps of 汇总 in a page: open the tab,
 * pick the files and the list, merge, choose the revised file of the unit that sent two.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import type { Page } from "playwright-core";
import { ROOT } from "./build";

export const UNITS = path.join(ROOT, "assets", "samples", "units");
export const LIST = path.join(UNITS, "单位名单.xlsx");
export const unitFiles = (): string[] =>
  readdirSync(UNITS)
    .filter((f) => /^\d\d /.test(f))
    .sort()
    .map((f) => path.join(UNITS, f));
export const REVISED = "07 昆山市实验小学（更正）.xlsx";

export async function openMerge(page: Page): Promise<void> {
  await page.getByRole("tab", { name: "汇总" }).click();
  await page.getByRole("button", { name: "开始合并" }).waitFor();
}

/** Picks the sample files and the list, merges, and chooses the revised file of the unit that sent two. */
export async function mergeSample(page: Page): Promise<void> {
  await page.getByTestId("merge-files").setInputFiles(unitFiles());
  await page.getByTestId("merge-list").setInputFiles(LIST);
  await page.getByText("已选择12个文件。").waitFor();
  await page.getByRole("button", { name: "开始合并" }).click();
  await page.getByText("昆山市实验小学上报了2份文件，用哪一份？").waitFor({ timeout: 60_000 });
  await page.getByText(REVISED, { exact: true }).click();
  // chosen: the merged tables may be delivered (the reason they could not be is gone)
  await page.locator("#merge-deliver-reason").waitFor({ state: "detached" });
  // the choice stays open to change
  expect(await page.getByRole("radio", { name: REVISED }).isChecked()).toBe(true);
}
