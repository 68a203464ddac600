/**
 * End to end, Over time (issue 14): the browser preview with all 18 months of CDNOW_master in one table
 * (`preview.html?data=cdnow18`), in Debian's headless Chromium. "Rebuild history" at every month-end with ABC classes,
 * then the Movers sheet and its "was A, now C" filter, the Tier trends sheet and the Cohorts sheet with their charts —
 * asserting the workbook through the stand-in's inspection API against the core run here on the same file; then
 * Movers again with Predict on (P(alive) and CLV as of the later month) and Cohorts split by first tier; an axe
 * check of the section, and its screenshots in both languages (docs/images/pane-overtime-*.png with
 * UPDATE_DOC_IMAGES=1).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { readCustomers } from "../../src/core/analysis/rows";
import { serialToIsoDate } from "../../src/core/cells/dates";
import { PREDICT_DEFAULTS } from "../../src/core/analysis/predictions";
import { cohortTable } from "../../src/core/over-time/cohort";
import { cohortsByFirstTier } from "../../src/core/over-time/first-tier";
import { moverPredictions } from "../../src/core/over-time/movers-predict";
import { buildHistory, type History } from "../../src/core/over-time/history";
import { moversBetween } from "../../src/core/over-time/movers";
import { tierTrends } from "../../src/core/over-time/trends";
import type { Transactions } from "../../src/core/transactions/model";
import { messages } from "../../src/i18n";
import { CDNOW_ALL, serialFromYmd } from "../../src/preview/datasets";
import { axeViolations, choose, haveChromium, inspect, launchChromium, openPreview, ROOT, serious, sheetValues, shoot } from "./support/browser";
import { startPreview, type PreviewServer } from "./support/preview-server";

const CDNOW = resolve(ROOT, "../shared/data/CDNOW_master.txt");
const en = messages("en");
const zh = messages("zh-CN");
const t = en.overTimePane;
const STEP_TIMEOUT = 200_000;
const ABC = { aCut: 0.8, bCut: 0.95, basis: "revenue" as const };

/** The core on the same rows as the preview's table: the transactions and the history at every month-end (ABC). */
function core(): { tx: Transactions; rows: number; history: History } {
  const customers: string[] = [];
  const dates: number[] = [];
  const amounts: number[] = [];
  for (const line of readFileSync(CDNOW, "utf8").split(/\r?\n/).slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4) continue;
    customers.push(f[0]);
    dates.push(serialFromYmd(Number(f[1])));
    amounts.push(Number(f[3]));
  }
  const { tx } = readCustomers({ customers, dates, amounts }, { tierBy: "abcClass", abc: ABC });
  const history = buildHistory(tx, { every: "month", tiering: { by: "abcClass", ...ABC } });
  return { tx, rows: customers.length, history };
}

const tiersOf = (h: History, k: number) => Array.from(h.snapshots[k].tier, (x) => (x < 0 ? "" : h.tierNames[x]));
const idsOf = (h: History, k: number) => Array.from(h.snapshots[k].customers, (c) => String(h.customerIds[c]));

describe.skipIf(!haveChromium)("Over time, end to end (headless Chromium, CDNOW_master's 18 months)", () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  let c: ReturnType<typeof core>;
  const consoleErrors: string[] = [];
  const section = () => page.locator('[data-section="tiering-over-time"]');

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPreview(), launchChromium()]);
    c = core();
    page = await openPreview(browser, `${server.url}preview.html?lang=en&data=cdnow18`, consoleErrors);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("rebuilds the history at every month-end: 18 snapshots in the hidden history, each the core's", async () => {
    await choose(page, en.pane.tableLabel, new RegExp(`^${CDNOW_ALL.table} `));
    await expect.poll(() => page.getByTestId("source-summary").textContent()).toBe(en.pane.sourceSummary(CDNOW_ALL.table, c.rows.toLocaleString("en-US")));
    await choose(page, en.pane.roles.amount, "dollar_value");
    await choose(page, en.pane.roles.quantity, en.pane.notMapped);
    await choose(page, en.pane.roles.extra, en.pane.notMapped);
    await page.getByRole("radio", { name: en.pane.summaryByOptions.abcClass }).check();
    // Clicked in the page: the stand-in's writing of 400,000 history rows keeps the page's thread busy for longer than
    // Playwright's click waits for the page to answer (in Excel the writing is Excel's, between syncs).
    await section().getByRole("button", { name: t.rebuild.start, exact: true }).evaluate((button) => (button as HTMLButtonElement).click());
    await section().getByTestId("rebuild-result").waitFor({ timeout: 170_000 });
    const dates = c.history.snapshots.map((s) => serialToIsoDate(s.asOf));
    expect(dates).toHaveLength(18);
    expect(dates[0]).toBe("1997-01-31");
    expect(dates.at(-1)).toBe("1998-06-30");
    expect(await section().getByText(t.rebuild.done(18, dates[0], dates.at(-1)!), { exact: false }).count()).toBe(1);

    const book = await inspect(page);
    const history = book.tables.find((x) => x.sheet === en.workbook.history.sheet)!;
    expect(history.rows).toBe(c.history.snapshots.reduce((n, s) => n + s.customers.length, 0));
    // The first, a middle and the last snapshot, row for row (customer and tier key), read inside the page.
    for (const k of [0, 8, 17]) {
      const rows = (await page.evaluate(
        ([name, asOf]) => {
          const all = window.tieringPreview!.book.tableRows(name);
          return all.filter((r) => r[1] === asOf).map((r) => [String(r[3]), String(r[4])]);
        },
        [history.name, c.history.snapshots[k].asOf] as const,
      )) as string[][];
      expect(rows.map((r) => r[0])).toEqual(idsOf(c.history, k));
      expect(rows.map((r) => r[1])).toEqual(tiersOf(c.history, k));
    }
  }, STEP_TIMEOUT);

  it("writes the Movers sheet between the last two months and filters it to \"was A, now C\"", async () => {
    await section().getByRole("button", { name: t.movers.write, exact: true }).click();
    await section().getByTestId("movers-result").waitFor({ timeout: 60_000 });
    const h = c.history;
    const side = (k: number) => ({ ids: idsOf(h, k), tiers: tiersOf(h, k), measure: h.snapshots[k].monetary });
    const expected = moversBetween(side(16), side(17), ["A", "B", "C"]);
    const table = (await inspect(page)).tables.find((x) => x.sheet === t.book.moversSheet)!;
    expect(table.rows).toBe(expected.rows.length);
    await choose(section(), t.movers.was, "A");
    await choose(section(), t.movers.now, "B");
    await section().getByRole("button", { name: t.movers.apply, exact: true }).click();
    const wanted = expected.rows.filter((r) => r.before === "A" && r.after === "B").length;
    expect(wanted).toBeGreaterThan(0);
    await section().getByText(t.movers.shown(wanted)).waitFor({ timeout: 30_000 });
    const shown = await page.evaluate((name) => window.tieringPreview!.book.tables().find((x) => x.name === name)!.shown?.length, table.name);
    expect(shown).toBe(wanted);
  }, STEP_TIMEOUT);

  it("writes Tier trends with a line and a stacked-area chart of the core's numbers", async () => {
    await section().getByRole("button", { name: t.trends.write, exact: true }).click();
    await section().getByTestId("trends-result").waitFor({ timeout: 60_000 });
    const rows = tierTrends(c.history);
    const charts = (await inspect(page)).charts.filter((x) => x.sheet === t.book.trendsSheet);
    expect(charts.map((x) => x.type).sort()).toEqual(["AreaStacked", "Line"]);
    const line = charts.find((x) => x.type === "Line")!;
    expect(line.series.map((s) => s.name)).toEqual(["A", "B", "C"]);
    for (const s of line.series) expect(s.values).toEqual(c.history.snapshots.map((_, k) => rows.find((r) => r.snapshot === k && r.tier === s.name)?.customers ?? 0));
    const values = await sheetValues(page, t.book.trendsSheet);
    const header = values.findIndex((r) => r[0] === t.book.trendsColumns.date);
    const retention = values.slice(header + 1, header + 1 + rows.length).map((r) => r[6]);
    rows.forEach((r, i) => (Number.isFinite(r.retention) ? expect(retention[i] as number).toBeCloseTo(r.retention, 5) : expect(retention[i]).toBe("")));
  }, STEP_TIMEOUT);

  it("writes Cohorts: the core's triangle, a colour scale and a line chart", async () => {
    await section().getByRole("button", { name: t.cohorts.write, exact: true }).click();
    await section().getByTestId("cohorts-result").waitFor({ timeout: 60_000 });
    const table = cohortTable(c.tx, { by: "month" });
    const values = await sheetValues(page, t.book.cohortsSheet);
    const header = values.findIndex((r) => r[0] === t.book.cohortColumns.cohort);
    const body = values.slice(header + 1, header + 1 + table.rows.length);
    expect(body.map((r) => [r[0], r[1]])).toEqual(table.rows.map((r) => [r.cohort, r.customers]));
    body.forEach((r, i) => table.rows[i].values.forEach((v, k) => expect(r[2 + k] as number).toBeCloseTo(v, 5)));
    const book = await inspect(page);
    expect(book.conditionalFormats.filter((f) => f.sheet === t.book.cohortsSheet).map((f) => f.type)).toEqual(["ColorScale"]);
    expect(book.charts.filter((x) => x.sheet === t.book.cohortsSheet).map((x) => x.type)).toEqual(["Line"]);
  }, STEP_TIMEOUT);

  it("with Predict on, writes Movers with the core's P(alive) and CLV as of the later month, the note above (issue 14 §3)", async () => {
    await page.getByRole("switch", { name: en.pane.predictToggle }).check();
    await section().getByRole("button", { name: t.movers.write, exact: true }).click();
    const note = section().getByTestId("movers-predicted");
    await note.waitFor({ timeout: 120_000 });
    const h = c.history;
    const side = (k: number) => ({ ids: idsOf(h, k), tiers: tiersOf(h, k), measure: h.snapshots[k].monetary });
    const expected = moversBetween(side(16), side(17), ["A", "B", "C"]);
    const asOf = serialToIsoDate(h.snapshots[17].asOf);
    const core = moverPredictions(expected, c.tx, h.snapshots[17].asOf, { unit: PREDICT_DEFAULTS.unit, horizonMonths: PREDICT_DEFAULTS.horizonMonths, monthlyDiscount: PREDICT_DEFAULTS.monthlyDiscount });
    expect(await note.textContent()).toContain(en.overTimeGaps.movers.predicted(asOf, "BG/NBD"));
    const table = (await inspect(page)).tables.find((x) => x.sheet === t.book.moversSheet)!;
    const rows = (await page.evaluate((name) => window.tieringPreview!.book.tableRows(name), table.name)) as unknown[][];
    expect(rows.map((r) => r[0])).toEqual(expected.rows.map((r) => r.id));
    rows.forEach((r, i) => {
      expect(r[7] as number).toBeCloseTo(core.pAlive[i], 5);
      expect(r[8] as number).toBeCloseTo(core.clv[i], 1);
    });
    await page.getByRole("switch", { name: en.pane.predictToggle }).uncheck();
  }, STEP_TIMEOUT);

  it("splits Cohorts by first tier: the core's triangles, each with a colour scale, and one line chart (issue 14 §5)", async () => {
    await section().getByRole("checkbox", { name: en.overTimeGaps.cohorts.splitFirstTier }).check();
    await section().getByRole("button", { name: t.cohorts.write, exact: true }).click();
    const split = cohortsByFirstTier(c.tx, { by: "month" }, { by: "abcClass", ...ABC });
    expect(split.triangles.map((x) => x.tier)).toEqual(["A", "B", "C"]);
    await section().getByText(en.overTimeGaps.cohorts.doneSplit(t.book.cohortsSheet, split.triangles.length)).waitFor({ timeout: 120_000 });
    const values = await sheetValues(page, t.book.cohortsSheet);
    for (const tri of split.triangles) {
      const top = values.findIndex((r) => r[0] === en.overTimeGaps.cohorts.triangleTitle(tri.tier));
      const body = values.slice(top + 2, top + 2 + tri.rows.length);
      expect(body.map((r) => [r[0], r[1]])).toEqual(tri.rows.map((r) => [r.cohort, r.customers]));
      body.forEach((r, i) => tri.rows[i].values.forEach((v, k) => expect(r[2 + k] as number).toBeCloseTo(v, 5)));
    }
    const book = await inspect(page);
    expect(book.conditionalFormats.filter((f) => f.sheet === t.book.cohortsSheet).map((f) => f.type)).toEqual(["ColorScale", "ColorScale", "ColorScale"]);
    expect(book.charts.filter((x) => x.sheet === t.book.cohortsSheet).map((x) => x.type)).toEqual(["Line"]);
  }, STEP_TIMEOUT);

  it("has no serious accessibility problems in the section, and shows it in both languages", async () => {
    expect(serious(await axeViolations(page, '[data-section="tiering-over-time"]'))).toEqual([]);
    const height = await page.getByTestId("pane").evaluate((pane) => pane.scrollHeight);
    await page.setViewportSize({ width: 1360, height: height + 100 });
    await shoot(section(), "pane-overtime-en", "pane-overtime-en.png");
    await page.getByRole("radio", { name: "中文" }).check();
    await section().getByRole("heading", { name: zh.overTimePane.heading }).waitFor();
    expect(serious(await axeViolations(page, '[data-section="tiering-over-time"]'))).toEqual([]);
    await shoot(section(), "pane-overtime-zh", "pane-overtime-zh.png");
    expect(consoleErrors).toEqual([]);
  }, STEP_TIMEOUT);
});
