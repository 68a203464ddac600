/**
 * End to end, issue 17 "Charts and numbers" and the dark theme, in the built preview in Debian's headless
 * Chromium: the preview opened with `?theme=dark` shows the pane in Fluent's dark theme (as Excel's Dark Gray
 * and Black would, src/taskpane/index.tsx), in English and in Chinese, and stays axe-clean; every kind of tier
 * chart is built in both languages — the scatter with one point per customer — and so are the over-time charts
 * (migration, tier trends, cohorts, after a month-end history rebuild), each drawn with every series in its legend
 * (none cut), every axis title the job set, percentages on share axes, and a screenshot per chart and language
 * (test-results/screenshots/; with UPDATE_DOC_IMAGES=1 also docs/images/chart-NAME-LANG.png, pane-dark-LANG.png).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { messages } from "../../src/i18n";
import { axeViolations, choose, haveChromium, inspect, launchChromium, openPreview, serious, shoot, type Inspect } from "./support/browser";
import { startPreview, type PreviewServer } from "./support/preview-server";

const en = messages("en");
const zh = messages("zh-CN");
const KINDS = ["column", "pie", "doughnut", "pareto", "scatter", "radar"] as const;

/** Relative luminance of a CSS rgb() colour (0 black … 1 white). */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? ["255", "255", "255"]).slice(0, 3).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

describe.skipIf(!haveChromium)("charts and the dark theme, end to end (headless Chromium)", () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPreview(), launchChromium()]);
    page = await openPreview(browser, `${server.url}preview.html?lang=en&theme=dark`, consoleErrors);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows the pane in the dark theme with ?theme=dark, axe-clean", async () => {
    const background = await page.getByTestId("pane").evaluate((el) => {
      // The first ancestor-or-descendant with a painted background: Fluent's provider paints the pane.
      for (let node: Element | null = el.querySelector(".fui-FluentProvider") ?? el; node; node = node.parentElement) {
        const colour = getComputedStyle(node).backgroundColor;
        if (colour && !/rgba\(0, 0, 0, 0\)|transparent/.test(colour)) return colour;
      }
      return "rgb(255, 255, 255)";
    });
    expect(luminance(background)).toBeLessThan(0.3);
    await shoot(page.getByTestId("pane"), "pane-en-dark", "pane-dark-en.png");
    expect(serious(await axeViolations(page))).toEqual([]);
  }, 300_000);

  /**
   * Every series in the legend, every legend entry inside the picture and not cut, a drawn title for every axis the
   * job titled, then a screenshot (docs/images/chart-NAME-LANG.png with UPDATE_DOC_IMAGES=1).
   */
  async function checkFigure(chart: Inspect["charts"][number], file: string, legend = true): Promise<void> {
    const figure = page.locator(`figure[data-chart-name="${chart.name}"]`);
    await figure.waitFor({ timeout: 30_000 });
    if (legend) {
      expect(await figure.locator("[data-legend-entries]").getAttribute("data-legend-entries")).toBe(String(chart.series.length));
      const inside = await figure.locator("svg").evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll("[data-legend-entries] text")].every((t) => {
          const r = t.getBoundingClientRect();
          return r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5 && !(t.textContent ?? "").endsWith("…");
        });
      });
      expect(inside, chart.name).toBe(true);
    }
    // The title is drawn whole, inside the picture (a long one is a cut one in a chart this size).
    const titleFits = await figure.locator("svg").evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      const r = svg.querySelector("[data-chart-title]")!.getBoundingClientRect();
      return r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
    });
    expect(titleFits, chart.title).toBe(true);
    for (const key of Object.keys(chart.axisTitles)) {
      expect(await figure.locator(`[data-axis-title="${key}"]`).count(), `${chart.name} ${key}`).toBe(1);
    }
    // A share axis (format "0%") shows its ticks as whole percentages.
    if (Object.values(chart.axisFormats).includes("0%")) {
      expect((await figure.locator("text").allTextContents()).filter((t) => /^\d+%$/.test(t)).length, chart.name).toBeGreaterThan(1);
    }
    await shoot(figure, file.replace(/\.png$/, ""), file);
  }

  /** The chart named `name` on `sheet`, once the job wrote it (titled, as every chart of the jobs is). */
  async function chartOn(sheet: string, name: string, title: (t: string) => boolean) {
    await expect.poll(async () => (await inspect(page)).charts.some((c) => c.sheet === sheet && c.name === name && title(c.title)), { timeout: 120_000 }).toBe(true);
    return (await inspect(page)).charts.find((c) => c.sheet === sheet && c.name === name && title(c.title))!;
  }

  for (const [lang, m] of [["en", en], ["zh-CN", zh]] as const) {
    if (lang === "zh-CN") {
      it("shows the Chinese pane in the dark theme, axe-clean", async () => {
        await page.getByRole("radio", { name: "中文" }).check();
        await expect.poll(() => page.getByRole("button", { name: zh.pane.run, exact: true }).count()).toBe(1);
        // From the top of the pane, as the English one (the language switch is at its foot).
        await page.getByTestId("pane").evaluate((el) => {
          for (let node: Element | null = el; node; node = node.parentElement) node.scrollTop = 0;
          for (const inner of el.querySelectorAll("*")) if (inner.scrollTop > 0) inner.scrollTop = 0;
          window.scrollTo(0, 0);
        });
        await shoot(page.getByTestId("pane"), "pane-zh-CN-dark", "pane-dark-zh-CN.png");
        expect(serious(await axeViolations(page))).toEqual([]);
      }, 300_000);
    }

    it(`builds every chart kind in ${lang} with full legends, axis titles and percentage share axes`, async () => {
      if (lang === "en") {
        await page.evaluate(() => window.tieringPreview!.book.select("Online Retail", "A1"));
        // A loaded machine can keep the preview busy past the default 30 s wait for a click to land.
        await page.getByRole("button", { name: m.pane.useSelection }).click({ timeout: 120_000 });
        await expect.poll(() => page.getByTestId("source-summary").count()).toBe(1);
      }
      await page.getByRole("button", { name: m.pane.run, exact: true }).click();
      await page.getByText(lang === "en" ? /^Done:/ : /^完成/).waitFor({ timeout: 120_000 });
      for (const kind of KINDS) {
        await choose(page, m.pane.chartKind, m.pane.charts[kind]);
        await page.getByRole("button", { name: m.pane.buildChart }).click();
        // The title names the tier basis the run used (segments, the default summary), in the pane's language;
        // a chart of the kind built before in the other language is replaced. The scatter's adds how many customers.
        const title = m.chartText.titles[kind](m.chartText.basis.segment);
        const matches = (c: { name: string; title: string }) => c.name === `Tiering ${kind}` && (kind === "scatter" ? c.title.startsWith(title) : c.title === title);
        await expect.poll(async () => (await inspect(page)).charts.some(matches), { timeout: 60_000 }).toBe(true);
        // The Chinese run writes its own summary sheet (Chinese name): the English one keeps its charts.
        const chart = (await inspect(page)).charts.find(matches)!;
        if (kind === "scatter") {
          // One point per customer (the run's, fewer than the sample's size: all drawn), one series per tier.
          const customers = (await inspect(page)).tables.find((t) => t.name.startsWith("TieringResults"))!.rows;
          expect(chart.series.reduce((n, s) => n + (s.values as number[]).length, 0)).toBe(customers);
          expect(chart.title).toBe(m.chartRules.scatter.title(title, customers, customers));
          const log = chart.axisScales["Category/Primary"]?.scaleType === "Logarithmic";
          expect(chart.axisTitles["Category/Primary"]).toBe(m.chartRules.scatter.frequencyAxis(log));
        }
        if (kind === "column") expect(chart.axisFormats["Value/Primary"]).toBe("0%");
        if (kind === "pareto") {
          const revenue = chart.series[0].values as number[];
          expect(revenue).toEqual([...revenue].sort((a, b) => b - a));
        }
        // The preview draws the active sheet's charts only: the job activates the sheet it built on.
        await checkFigure(chart, `chart-${kind}-${lang}.png`, kind !== "pie" && kind !== "doughnut");
      }
      expect(serious(await axeViolations(page))).toEqual([]);
      expect(consoleErrors).toEqual([]);
    }, 600_000);

    it(`draws the over-time charts in ${lang} by the same rules: migration, tier trends, cohorts`, async () => {
      const overTime = () => page.locator('[data-section="tiering-over-time"]');
      const dynamic = () => page.locator('[data-section="tiering-dynamic"]');
      const o = m.overTimePane;
      if (lang === "en") {
        // Month-end snapshots of the preview's 200 customers (segments, as the run), for the trends and a comparison.
        await overTime().getByRole("button", { name: o.rebuild.start, exact: true }).click();
        await overTime().getByTestId("rebuild-result").waitFor({ timeout: 120_000 });
      }
      await dynamic().getByRole("button", { name: m.pane.dynamic.compare, exact: true }).click();
      const basis = m.chartText.basis.segment;
      const migration = await chartOn(m.workbook.migration.sheet, "Tiering migration", (t) => t.includes(basis));
      expect(migration.axisTitles).toEqual({ "Category/Primary": m.chartRules.migration.categoryAxis(m.chartText.basisAxis.segment), "Value/Primary": m.chartRules.migration.valueAxis(basis) });
      await checkFigure(migration, `chart-migration-${lang}.png`);

      await overTime().getByRole("button", { name: o.trends.write, exact: true }).click();
      const customers = await chartOn(o.book.trendsSheet, "Tier trends (customers)", (t) => t === m.chartRules.trends.customersTitle(basis));
      const share = await chartOn(o.book.trendsSheet, "Tier trends (share)", (t) => t === m.chartRules.trends.shareTitle(basis));
      await checkFigure(customers, `chart-trends-customers-${lang}.png`);
      await checkFigure(share, `chart-trends-share-${lang}.png`);

      await overTime().getByRole("button", { name: o.cohorts.write, exact: true }).click();
      const cohortTitle = m.chartRules.cohorts.title(o.book.cohortBy.month, o.cohorts.measureOptions.customers);
      const cohorts = await chartOn(o.book.cohortsSheet, "Cohort retention", (t) => t === cohortTitle);
      expect(cohorts.legend.position).toBe("Bottom");
      await checkFigure(cohorts, `chart-cohorts-${lang}.png`);
      expect(serious(await axeViolations(page))).toEqual([]);
      expect(consoleErrors).toEqual([]);
    }, 600_000);
  }
});
