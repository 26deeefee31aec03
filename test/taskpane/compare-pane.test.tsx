/**
 * 同比 at a glance: every money figure of a card in the one unit the pane's setting gives (元 or
 * 万元, never both in a card), one scale for all the tables' bar charts (said in a note), names
 * written out in full (wrapped, never cut), and the charts' text at one fixed size; the 历年 cards
 * and charts follow the same money setting.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { engine } from "../../src/taskpane/engine-impl";
import type { WorkbookRun } from "../../src/taskpane/run";
import { CompareTab } from "../../src/taskpane/components/CompareTab";
import {
  COMPARISON_CHART_FONT_PX,
  ComparisonChart,
  barGeometry,
  comparisonScale,
} from "../../src/taskpane/components/ComparisonChart";
import { CHART_FONT_PX, SeriesChart } from "../../src/taskpane/components/SeriesChart";
import { cardUnit, formatChange, formatValue } from "../../src/taskpane/components/format";
import { groupSeries } from "../../src/taskpane/seriesView";
import { paneHtml } from "./render-pane";
import { severalYears } from "./series-fixture";

const SAMPLE = join(__dirname, "..", "..", "assets", "samples", "bureau-stats-2013.xlsx");
const analysis = engine.analyze(readXlsx(new Uint8Array(readFileSync(SAMPLE))));

const run = (a = analysis): WorkbookRun => ({
  status: { phase: "done" } as WorkbookRun["status"],
  analysis: a,
  busy: false,
  run: () => undefined,
  recheck: () => undefined,
  cancel: () => undefined,
  chooseYear: () => undefined,
});

const text = (markup: string) => markup.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

/** The cards of the tab, each as its heading, figures and wording line. */
function cards(markup: string): string[] {
  return [...markup.matchAll(/<li[^>]*>(.*?)<\/li>/g)].map((m) => text(m[1]!));
}

const tab = (moneyInWan: boolean) =>
  paneHtml(<CompareTab host={undefined} run={run()} moneyInWan={moneyInWan} onMoneyInWan={() => undefined} />);

describe("同比 cards: one money unit in a card", () => {
  const money = analysis.comparisons.filter((c) => c.kind === "money");

  it("the sample has money figures both above and below 10万元 (the case that once mixed units)", () => {
    expect(money.some((c) => Math.abs(c.current) >= 100000)).toBe(true);
    expect(money.some((c) => Math.abs(c.change) < 100000 && c.change !== 0)).toBe(true);
  });

  it("in 万元, every money card's values, change and wording are in 万元 and its heading says 万元", () => {
    const shown = cards(tab(true)).filter((c) => c.includes("（万元）"));
    expect(shown.length).toBe(money.length);
    for (const card of shown) {
      expect(card).not.toMatch(/\d元/);
      expect(card.match(/[\d.,]+万元/g)!.length).toBeGreaterThanOrEqual(2);
    }
    // the wording line says the change in 万元 too: 比上年增加3.28万元，…
    const worded = shown.filter((c) => /比上年(增加|减少)[\d.,]+万元/.test(c));
    expect(worded.length).toBe(money.filter((c) => c.change !== 0).length);
  });

  it("in 元, no money card writes 万元", () => {
    const shown = cards(tab(false)).filter((c) => c.includes("（元）"));
    expect(shown.length).toBe(money.length);
    for (const card of shown) expect(card).not.toContain("万元");
  });

  it("the switch in 同比 is the report's setting, shown only where there is money", () => {
    expect(text(tab(true))).toContain("金额以万元表示（与“报告”中的设置相同）");
    const noMoney = { ...analysis, comparisons: analysis.comparisons.filter((c) => c.kind !== "money") };
    const markup = paneHtml(
      <CompareTab host={undefined} run={run(noMoney)} moneyInWan={false} onMoneyInWan={() => undefined} />
    );
    expect(text(markup)).not.toContain("金额以万元表示");
  });

  it("formats a value and its change in the unit given, whatever their size", () => {
    expect(formatValue(301370, "money", "", "万元")).toBe("30.14万元");
    expect(formatValue(5600, "money", "", "万元")).toBe("0.56万元");
    expect(formatValue(301370, "money")).toBe("301,370.00元");
    expect(formatChange(32830, "money", "", "万元")).toBe("+3.28万元");
    expect(formatChange(-32830, "money")).toBe("−32,830.00元");
    expect(cardUnit("money", "元", "万元")).toBe("万元");
    expect(cardUnit("rate", "%", "万元")).toBe("%");
    expect(cardUnit("count", "人", "万元")).toBe("人");
  });
});

describe("同比 charts: one scale, names in full, one text size", () => {
  const scale = comparisonScale(analysis.comparisons);

  it("shares one scale across the tables and says so", () => {
    const markup = tab(false);
    const note = /data-testid="comparison-scale"[^>]*>(.*?)<\/p>/.exec(markup)?.[1];
    expect(note).toBeDefined();
    expect(text(note!)).toContain("同一刻度");
    expect(text(note!)).toContain(`${scale.limit.toFixed(0)}%`);
    // a bar of the same change has the same length in every table's chart
    const widths = new Map<string, Set<string>>();
    for (const m of markup.matchAll(/data-testid="comparison-chart"[^>]*aria-label="([^"]*)"|style="left:([\d.]+)%;width:([\d.]+)%"/g)) {
      if (m[3]) {
        const key = m[3];
        widths.set(key, (widths.get(key) ?? new Set()).add(key));
      }
    }
    expect(widths.size).toBeGreaterThan(1);
  });

  it("places bars on one scale: the same change is the same length wherever it is drawn", () => {
    const s = { limit: 50, anyUp: true, anyDown: true };
    expect(barGeometry(25, s)).toEqual({ axis: 50, start: 50, width: 25 });
    expect(barGeometry(-25, s)).toEqual({ axis: 50, start: 25, width: 25 });
    expect(barGeometry(200, s).width).toBe(50); // beyond the limit: to the edge
    expect(barGeometry(10, { limit: 10, anyUp: true, anyDown: false })).toEqual({ axis: 0, start: 0, width: 100 });
    expect(comparisonScale([{ pct: 14 }, { pct: -3 }])).toEqual({ limit: 14, anyUp: true, anyDown: true });
    expect(comparisonScale([{ pct: 250 }])).toEqual({ limit: 100, anyUp: true, anyDown: false });
    expect(comparisonScale([{ pct: 2 }, { pct: null }])).toEqual({ limit: 10, anyUp: true, anyDown: false });
  });

  it("writes a long name in full as text (it wraps), never cut with …", () => {
    const long = analysis.comparisons.find((c) => c.pct !== null)!;
    const row = { ...long, id: "x", group: undefined, indicator: "其中：参加市级以上示范培训班的入党积极分子人数" };
    const markup = paneHtml(<ComparisonChart rows={[row]} title="表2增减幅度" />);
    expect(text(markup)).toContain("其中：参加市级以上示范培训班的入党积极分子人数");
    expect(markup).not.toContain("…");
    expect(markup).not.toContain("<svg"); // HTML text: the page's size at every width
  });

  it("writes its names and figures at the same fixed size as the 历年 charts' labels and key", () => {
    expect(COMPARISON_CHART_FONT_PX).toBe(CHART_FONT_PX);
  });
});

describe("历年 follows the money setting", () => {
  const years = severalYears(2009);
  const view = engine.series(engine.analyze(years), 2009)!;
  const moneyChart = groupSeries(view.series)
    .flatMap((g) => g.charts)
    .find((c) => c.kind === "money")!;

  it("a money figure's series wording is in 万元 when the setting says so, its values unchanged", () => {
    // 表3's amounts zero in 2009, so the series since 2009 says the amount (比2009年增加…元)
    const zeroed = {
      ...years,
      sheets: years.sheets.map((sheet) => {
        if (!(sheet.name.startsWith("表3") && sheet.name.includes("2009"))) return sheet;
        const money = (sheet.values[2] ?? []).map((h) => typeof h === "string" && h.includes("金额"));
        const values = sheet.values.map((row, r) => (r < 3 ? row : row.map((v, c) => (money[c] && typeof v === "number" ? 0 : v))));
        return { ...sheet, values };
      }),
    };
    const analysis = engine.analyze(zeroed);
    const yuan = engine.series(analysis, 2009)!.series.filter((s) => s.kind === "money");
    const wan = engine.series(analysis, 2009, "万元")!.series.filter((s) => s.kind === "money");
    expect(yuan.filter((s) => /比2009年增加[\d.,]+元/.test(s.text)).length).toBeGreaterThan(0);
    expect(wan.length).toBe(yuan.length);
    for (const s of wan) {
      expect(s.text).not.toMatch(/\d元/);
      expect(s.values).toEqual(yuan.find((x) => x.id === s.id)!.values);
    }
    expect(wan.filter((s) => /比2009年增加[\d.,]+万元/.test(s.text)).length).toBe(
      yuan.filter((s) => /比2009年增加[\d.,]+元/.test(s.text)).length
    );
  });

  it("a money chart's caption and ticks are in 万元 when the setting says so", () => {
    const wan = text(paneHtml(<SeriesChart group={moneyChart} title="表3历年变化" money="万元" />));
    expect(wan).toContain("单位：万元");
    expect(wan).not.toMatch(/\d万 /);
    const yuan = text(paneHtml(<SeriesChart group={moneyChart} title="表3历年变化" />));
    expect(yuan).toContain("单位：元");
  });
});
