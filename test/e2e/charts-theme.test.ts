/**
 * End to end, issue 17 "Charts and numbers" and the dark theme, in the built preview in Debian's headless
 * Chromium: the preview opened with `?theme=dark` shows the pane in Fluent's dark theme (as Excel's Dark Gray
 * and Black would, src/taskpane/index.tsx) and stays axe-clean; every kind of tier chart is built in both
 * languages, drawn with every series in its legend (none cut), an x axis title wherever the job set one (the
 * scatter's included), percentages on share axes, and a screenshot per kind and language
 * (test-results/screenshots/; with UPDATE_DOC_IMAGES=1 also docs/images/chart-KIND-LANG.png).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { messages } from "../../src/i18n";
import { axeViolations, choose, haveChromium, inspect, launchChromium, openPreview, serious, shoot } from "./support/browser";
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

  for (const [lang, m] of [["en", en], ["zh-CN", zh]] as const) {
    it(`builds every chart kind in ${lang} with full legends, axis titles and percentage share axes`, async () => {
      if (lang === "zh-CN") await page.getByRole("radio", { name: "中文" }).check();
      else {
        await page.evaluate(() => window.tieringPreview!.book.select("Online Retail", "A1"));
        await page.getByRole("button", { name: m.pane.useSelection }).click();
        await expect.poll(() => page.getByTestId("source-summary").count()).toBe(1);
      }
      await page.getByRole("button", { name: m.pane.run, exact: true }).click();
      await page.getByText(lang === "en" ? /^Done:/ : /^完成/).waitFor({ timeout: 120_000 });
      for (const kind of KINDS) {
        await choose(page, m.pane.chartKind, m.pane.charts[kind]);
        await page.getByRole("button", { name: m.pane.buildChart }).click();
        // The title names the tier basis the run used (segments, the default summary), in the pane's language;
        // a chart of the kind built before in the other language is replaced.
        const title = m.chartText.titles[kind](m.chartText.basis.segment);
        await expect.poll(async () => (await inspect(page)).charts.some((c) => c.name === `Tiering ${kind}` && c.title === title), { timeout: 60_000 }).toBe(true);
        // The Chinese run writes its own summary sheet (Chinese name): the English one keeps its charts.
        const chart = (await inspect(page)).charts.find((c) => c.name === `Tiering ${kind}` && c.title === title)!;
        // The preview draws the active sheet's charts only: the job activates the sheet it built on.
        const figure = page.locator(`figure[data-chart-name="Tiering ${kind}"]`);
        await figure.waitFor({ timeout: 30_000 });
        if (kind !== "pie" && kind !== "doughnut") {
          // Every series is in the legend, and every legend entry lies inside the picture.
          expect(await figure.locator("[data-legend-entries]").getAttribute("data-legend-entries")).toBe(String(chart.series.length));
          const inside = await figure.locator("svg").evaluate((svg) => {
            const box = svg.getBoundingClientRect();
            return [...svg.querySelectorAll("[data-legend-entries] text")].every((t) => {
              const r = t.getBoundingClientRect();
              return r.right <= box.right + 0.5 && r.bottom <= box.bottom + 0.5 && !(t.textContent ?? "").endsWith("…");
            });
          });
          expect(inside, kind).toBe(true);
        }
        for (const key of Object.keys(chart.axisTitles)) {
          expect(await figure.locator(`[data-axis-title="${key}"]`).count(), `${kind} ${key}`).toBe(1);
        }
        if (kind === "scatter") expect(chart.axisTitles["Category/Primary"]).toBe(m.workbook.charts.frequencyAxis);
        if (kind === "column") expect((await figure.locator("text").allTextContents()).filter((t) => /^\d+%$/.test(t)).length).toBeGreaterThan(1);
        if (kind === "pareto") {
          const revenue = chart.series[0].values as number[];
          expect(revenue).toEqual([...revenue].sort((a, b) => b - a));
        }
        await shoot(figure, `chart-${kind}-${lang}`, `chart-${kind}-${lang}.png`);
      }
      expect(serious(await axeViolations(page))).toEqual([]);
      expect(consoleErrors).toEqual([]);
    }, 600_000);
  }
});
