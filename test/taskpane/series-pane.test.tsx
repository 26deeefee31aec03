/**
 * 历年 in the pane: the first years offered, the series the engine gives (the earlier years'
 * tables read for it), the 同比 tab's 历年 section as it renders (Fluent's server render, as the
 * prerendered pane), the 报告 tab's 起始年度 option, and 插入历年表 through the Office host on the
 * fake Excel.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { ReactElement } from "react";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { describe, expect, it } from "vitest";
import { useFakeOffice } from "../hosts/office-fixture";
import { createOfficeHost } from "../../src/hosts/office";
import type { WorkbookHost } from "../../src/hosts/host";
import { engine } from "../../src/taskpane/engine-impl";
import { DEFAULT_REPORT_OPTIONS, type SeriesView } from "../../src/taskpane/engine";
import {
  gapText,
  groupSeries,
  seriesNote,
  shownUnit,
  sinceChoices,
  sinceInForce,
  toSeriesRows,
} from "../../src/taskpane/seriesView";
import { SeriesSection, chartName, figureChecks } from "../../src/taskpane/components/SeriesSection";
import { CHART_FONT_PX, niceTop, scalesDiffer, tickText } from "../../src/taskpane/components/SeriesChart";
import { ReportOptionsForm } from "../../src/taskpane/components/ReportParts";
import { severalYears } from "./series-fixture";
import { paneHtml } from "./render-pane";

const install = useFakeOffice();

/** 2009–2013, 表4 of 2010 left out (a gap of its figures). */
const model = severalYears(2009, { table: "表4", year: 2010 });
const analysis = engine.analyze(model);
const view = engine.series(analysis, 2009)!;

const html = (element: ReactElement) => paneHtml(element);

const text = (markup: string) => markup.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

const section = (v: SeriesView | undefined, host?: WorkbookHost, choices = sinceChoices(analysis)) =>
  html(
    <SeriesSection
      host={host}
      currentYear={2013}
      choices={choices}
      since={v?.since}
      onSince={() => undefined}
      view={v}
    />
  );

describe("历年: the first years offered", () => {
  it("offers the years the workbook holds before the previous year, oldest first", () => {
    expect(analysis.currentYear).toBe(2013);
    expect(sinceChoices(analysis)).toEqual([2009, 2010, 2011]);
    expect(sinceChoices({ currentYear: 2013, years: [{ year: 2013 }, { year: 2012 }] })).toEqual([]);
    expect(sinceChoices({ currentYear: undefined, years: [{ year: 2010 }] })).toEqual([]);
  });

  it("keeps a first year only while the workbook holds it", () => {
    expect(sinceInForce(2010, analysis)).toBe(2010);
    expect(sinceInForce(2012, analysis)).toBeUndefined(); // the previous year: the 同比
    expect(sinceInForce(2005, analysis)).toBeUndefined();
    expect(sinceInForce(undefined, analysis)).toBeUndefined();
  });
});

describe("历年: the engine's series", () => {
  it("reads every year's tables from the first year on, though the check validates two years", () => {
    expect(view.since).toBe(2009);
    expect(view.to).toBe(2013);
    const members = view.series.find((s) => s.label === "年末党员数")!;
    expect(members.values.map((v) => v.year)).toEqual([2009, 2010, 2011, 2012, 2013]);
    expect(members.values.every((v) => v.value !== undefined)).toBe(true);
    expect(members.values.slice(3).map((v) => v.value)).toEqual([1454, 1508]);
    expect(members.text).toMatch(/^比2009年增长\d+\.\d%，年均增长\d+\.\d%，连续4年增长$/);
    // the 校验 of the report year is unchanged by the earlier years
    expect(analysis.tables.every((t) => t.year === 2013 || t.year === 2012)).toBe(true);
  });

  it("a table missing in a year is a gap of its figures, with no wording over it", () => {
    const calls = view.series.find((s) => s.label === "来电受理数")!;
    expect(calls.values.map((v) => v.value)).toEqual([6881, undefined, 8100, 8710, 9236]);
    expect(calls.series.gaps).toEqual([{ year: 2010, reason: "missing" }]);
    expect(calls.text).toBe("");
    expect(seriesNote(calls)).toBe("2010年没有这张表，不计算历年增幅。");
  });

  it("gives no series for the previous year (that is the 同比) and passes the first year to the draft", () => {
    expect(engine.series(analysis, 2012)).toBeUndefined();
    expect(engine.draft(analysis, DEFAULT_REPORT_OPTIONS).series).toBeUndefined();
    const drafted = engine.draft(analysis, { ...DEFAULT_REPORT_OPTIONS, since: 2011 });
    expect(drafted.series?.find((s) => s.label === "年末党员数")?.values.map((v) => v.year)).toEqual([
      2011, 2012, 2013,
    ]);
  });
});

describe("历年: the words and rows", () => {
  it("says why a year has no value", () => {
    expect(gapText({ year: 2010, reason: "missing" }, "count")).toBe("2010年没有这张表");
    expect(gapText({ year: 2011, reason: "blank" }, "count")).toBe("2011年此项未填");
    expect(gapText({ year: 2012, reason: "twice", values: [7000, 7100] }, "money")).toBe(
      "2012年有两张这张表，数值不同（70、71）"
    );
  });

  it("groups by table, then a chart per unit (one scale each)", () => {
    const groups = groupSeries(view.series);
    expect(groups.map((g) => g.sheet)).toEqual([
      "表1 党员发展 2013",
      "表2 培训 2013",
      "表3 经费 2013",
      "表4 信访咨询办理 2013",
    ]);
    const t4 = groups[3]!;
    // 件: 行政服务中心 (10,591) and 网上咨询 (3,509) on one scale, 来信 (43) and the others on another
    expect(t4.charts.map((c) => c.unit)).toEqual(["个", "%", "人次", "件", "件"]);
    expect(t4.charts.slice(3).map((c) => c.series.map((s) => s.label))).toEqual([
      ["网上咨询受理数", "行政服务中心受理数"],
      ["来信受理数", "人大代表建议受理数", "政协委员提案受理数"],
    ]);
    expect(chartName(t4.charts, 4)).toBe("件，第2张");
    expect(chartName(t4.charts, 1)).toBe("%");
    for (const c of t4.charts) expect(new Set(c.series.map(shownUnit))).toEqual(new Set([c.unit]));
    expect(scalesDiffer(groups.flatMap((g) => g.charts))).toBe(true);
    expect(scalesDiffer([t4.charts[1]!])).toBe(false);
  });

  it("rounds the scale up and shortens its ticks", () => {
    expect(niceTop(9236)).toBe(10000);
    expect(niceTop(49)).toBe(50);
    expect(niceTop(1508)).toBe(2000);
    expect(niceTop(2400)).toBe(2500);
    expect(tickText(30000)).toBe("3万");
    expect(tickText(2500)).toBe("2,500");
  });

  it("the host's rows: a value a year, null for a gap, the note saying why and naming 【待核】 years", () => {
    const rows = toSeriesRows(view);
    const calls = rows.find((r) => r.indicator === "来电受理数")!;
    expect(calls).toEqual({
      sheet: "表4 信访咨询办理 2013",
      indicator: "来电受理数",
      unit: "个",
      values: [6881, null, 8100, 8710, 9236],
      text: "2010年没有这张表，不计算历年增幅。",
    });
    const money = rows.find((r) => r.indicator === "募集善款金额")!;
    expect(money.unit).toBe("元");
    expect(money.values.at(-1)).toBe(301370);
    const marked = view.series.find((s) => s.unverifiedYears.length > 0)!;
    const row = rows.find((r) => r.indicator === marked.label)!;
    expect(row.text).toContain(`【待核】${marked.unverifiedYears.map((y) => `${y}年`).join("、")}的数`);
  });
});

describe("历年 section of the 同比 tab", () => {
  const markup = section(view);
  const shown = text(markup);

  it("draws a line chart per table and unit, with a key naming each figure in full", () => {
    const charts = markup.match(/<svg role="img"[^>]*>/g) ?? [];
    expect(charts).toHaveLength(groupSeries(view.series).flatMap((g) => g.charts).length);
    // one polyline per run of years with a value: 表4's lines break at 2010
    const t4 = markup.slice(markup.indexOf('data-figure="T4/'));
    expect(t4.slice(0, t4.indexOf("</g>")).match(/<polyline/g)).toHaveLength(2);
    // the key: the whole name, never cut with …
    expect(markup).toMatch(/<ul[^>]*aria-label="表4 信访咨询办理 2013历年变化（件，第1张）图例"/);
    expect(shown).toContain("人大代表建议受理数");
    expect(shown).toContain("政协委员提案满意率");
    expect(markup).not.toContain("…");
    // key and labels the same size
    expect(markup).toContain(`font-size="${CHART_FONT_PX}"`);
  });

  it("shows each year's value, — for a gap with why, 【待核】 on an unverified year, and the wording", () => {
    expect(shown).toContain("2010年 —");
    expect(shown).toContain("2010年没有这张表，不计算历年增幅。");
    expect(shown).toContain("1,508人");
    expect(shown).toMatch(/比2009年增长\d+\.\d%，年均增长\d+\.\d%，连续4年增长/);
    const marked = view.series.find((s) => s.unverifiedYears.length > 0)!;
    expect(markup).toContain('data-unverified="true"');
    expect(shown).toContain(`${marked.unverifiedYears[0]}年 `);
    expect(shown).toContain("【待核】");
    expect(shown).toContain("空心点是【待核】的年份");
  });

  it("says when the charts differ in scale, and lays out without a fixed width", () => {
    expect(shown).toContain("2009–2013年，共");
    expect(shown).toContain("各图刻度不同");
    expect(markup).toContain("max-width:100%");
    expect(markup).toMatch(/width="280"/);
  });

  it("offers 插入历年表 where the host can insert it, and the first years to choose", () => {
    expect(markup).not.toContain("插入历年表");
    const host: WorkbookHost = {
      kind: "office",
      label: "当前工作簿",
      readWorkbook: () => Promise.resolve(model),
      insertSeries: () => Promise.resolve(""),
    };
    expect(section(view, host)).toMatch(/<button[^>]*>插入历年表<\/button>/);
    expect(shown).toContain("历年起始年度");
    expect(markup).toMatch(/<option value="2009"[^>]*>2009年起<\/option>/);
    expect(markup).toContain("不比较历年（只比较上年）");
    // the label is the select's: clicking it focuses the choice
    const labelFor = /<label for="([^"]+)"[^>]*>历年起始年度/.exec(markup)?.[1];
    expect(labelFor).toBeTruthy();
    expect(markup).toContain(`<select id="${labelFor}"`);
  });

  it("without earlier years says what is needed, and shows no series", () => {
    const none = text(section(undefined, undefined, []));
    expect(none).toContain("工作簿中没有2012年以前的表，历年变化需要更早年份的同一张统计表。请把以前年份的表复制到本工作簿后重新校验。");
    expect(none).not.toContain("历年起始年度");
  });
});

describe("报告 tab: 历年起始年度", () => {
  const form = (choices: readonly number[]) =>
    html(
      <ReportOptionsForm
        options={{ ...DEFAULT_REPORT_OPTIONS, since: 2010 }}
        set={() => undefined}
        hasComparison
        series={{ choices, since: 2010, onSince: () => undefined }}
      />
    );

  it("offers the first years, the one chosen selected; none when the workbook has no earlier year", () => {
    const markup = form([2009, 2010, 2011]);
    expect(text(markup)).toContain("历年起始年度");
    expect(markup).toMatch(/<option value="2010" selected="">2010年起<\/option>/);
    expect(form([])).not.toContain("历年起始年度");
  });
});

describe("插入历年表 in Excel (fake Excel, the pane's rows)", () => {
  it("adds a 历年 2009–2013 sheet with the values and a line chart, beside an existing one", async () => {
    const fake = install({ sheets: [{ name: "历年 2009–2013", values: [["我的数据"]] }] });
    const name = await createOfficeHost().insertSeries?.(toSeriesRows(view), { from: 2009, to: 2013 });
    expect(name).toBe("历年 2009–2013 (2)");
    expect(fake.sheet("历年 2009–2013").values).toEqual([["我的数据"]]);
    const sheet = fake.sheet(name!);
    expect(sheet.values[1]?.slice(0, 6)).toEqual(["指标", "2009年", "2010年", "2011年", "2012年", "2013年"]);
    const calls = sheet.values.find((r) => r[0] === "来电受理数");
    expect(calls?.slice(1, 6)).toEqual([6881, "", 8100, 8710, 9236]);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({ type: "Line", seriesBy: "Rows" });
    // the chart: the first unit's figures (表1's 人), one scale
    const people = view.series.filter((s) => s.kind === "count" && s.unit === "人").length;
    expect(sheet.charts[0]?.source).toBe(`A2:F${2 + people}`);
    expect(sheet.charts[0]?.title).toBe("2009–2013年主要指标（单位：人）");
    expect(fake.stats.syncs).toBe(2);
  });
});

describe("历年 section: the checks over years on their cards", () => {
  // the five yearly samples as one workbook: 网上咨询 jumps in 2013 (G-11), 表3 of 2011 is missing
  const dir = join(__dirname, "..", "..", "assets", "samples", "series");
  const sheets = readdirSync(dir)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()
    .flatMap((f) => readXlsx(new Uint8Array(readFileSync(join(dir, f)))).sheets);
  const five = engine.analyze({ sheets });
  const fiveView = engine.series(five, 2009)!;

  it("names a change out of scale on its figure's card, its rule code beside the words", () => {
    const online = fiveView.series.find((f) => f.id === "T4/受理数/网上咨询")!;
    expect(figureChecks(online)).toEqual([
      {
        rule: "G-11",
        error: false,
        text: "“网上咨询受理数”2013年为3509件，2012年为2964件，增加545件，超过其他年份变动中位数148件的3倍，变动较大。请核实，并在备注中说明原因。",
      },
    ]);
    const markup = section(fiveView);
    const card = /<li[^>]*data-checks="G-11"[^>]*>(.*?)<\/li>/.exec(markup);
    expect(card).not.toBeNull();
    expect(text(card![1]!)).toContain("网上咨询受理数");
    expect(text(card![1]!)).toContain("变动较大。请核实，并在备注中说明原因。 G-11");
    // the other figures' cards carry no check: the gaps are told by their values
    expect(markup.match(/data-checks=/g)).toHaveLength(1);
    expect(fiveView.series.filter((f) => figureChecks(f).length > 0).map((f) => f.id)).toEqual([
      "T4/受理数/网上咨询",
    ]);
  });

  it("a cumulative total that decreases is an error on its card", () => {
    const decrease = figureChecks({
      issues: [
        {
          code: "series-decrease",
          severity: "error",
          year: 2013,
          params: { label: "累计培训人数", previousYear: 2012, previous: "131人", value: "128人", change: "3人" },
        },
      ],
    });
    expect(decrease).toEqual([
      {
        rule: "G-10",
        error: true,
        text: "“累计培训人数”是只增不减的累计数，2013年为128人，比2012年的131人减少3人。请核实这两年的数。",
      },
    ]);
  });
});
