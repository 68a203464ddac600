/**
 * End to end, the dynamic workflow: the browser preview with CDNOW's 1997 purchases as two half-year tables
 * (`preview.html?data=cdnow`), in Debian's headless Chromium. Run ABC tiers on H1, run again on H2, compare the two
 * snapshots, pick a pilot group in one tier of H1 and measure it against its control group in H2 — asserting the
 * workbook through the stand-in's inspection API against the core run here on the same file, an axe check of the
 * Compare & pilot section, and its screenshots in both languages (docs/images/pane-dynamic-*.png with
 * UPDATE_DOC_IMAGES=1).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { runTiering } from "../../src/core/analysis/run";
import { migrationMatrix, migrationRates } from "../../src/core/over-time/migration";
import { comparePilot, pickPilot, PILOT } from "../../src/core/over-time/pilot";
import { messages } from "../../src/i18n";
import { CDNOW_PERIODS, serialFromYmd } from "../../src/preview/datasets";
import { axeViolations, choose, haveChromium, inspect, launchChromium, openPreview, ROOT, serious, sheetValues, shoot } from "./support/browser";
import { startPreview, type PreviewServer } from "./support/preview-server";

const CDNOW = resolve(ROOT, "../shared/data/CDNOW_master.txt");
const en = messages("en");
const zh = messages("zh-CN");
const d = en.pane.dynamic;
const w = en.workbook;
const ABC = ["A", "B", "C"];
/** The tier the pilot is tried in, its shares and seed. */
const PILOT_TIER = "B";
const SHARE = 0.1;
const SEED = 7;
/** Each step takes a few seconds alone; the whole suite runs beside it in CI, so leave room. */
const STEP_TIMEOUT = 120_000;

interface Period {
  rows: number;
  /** The latest purchase, ISO: the analysis date of a run with the date left blank. */
  asOf: string;
  asOfSerial: number;
  ids: string[];
  tiers: string[];
  revenue: Map<string, number>;
  lastPurchase: Map<string, number>;
}

/** The core, run here on the same rows as the preview's tables, with the pane's default settings and ABC tiers. */
function periods(): Period[] {
  const columns = CDNOW_PERIODS.map(() => ({ customers: [] as string[], dates: [] as number[], amounts: [] as number[] }));
  for (const line of readFileSync(CDNOW, "utf8").split(/\r?\n/).slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length < 4) continue;
    const ymd = Number(f[1]);
    const p = CDNOW_PERIODS.findIndex((x) => ymd >= x.from && ymd <= x.to);
    if (p < 0) continue;
    columns[p].customers.push(f[0]);
    columns[p].dates.push(serialFromYmd(ymd));
    columns[p].amounts.push(Number(f[3]));
  }
  return columns.map((c) => {
    const a = runTiering(c, {
      rfm: { bins: 5, scheme: "rfm" },
      abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" },
      clv: { margin: 0.3, retention: 0.8, discount: 0.1, years: 3 },
      tierBy: "abcClass",
    });
    const keys = new Map(a.tiers.map((t) => [t.index, t.key]));
    const ids = a.customerIds.map(String);
    const asOfSerial = Math.floor(a.summary.asOf);
    return {
      rows: c.customers.length,
      asOf: new Date((asOfSerial - 25569) * 86_400_000).toISOString().slice(0, 10),
      asOfSerial,
      ids,
      tiers: ids.map((_, i) => keys.get(a.tierOf[i]) ?? ""),
      revenue: new Map(ids.map((id, i) => [id, a.summary.totalAmount[i]])),
      lastPurchase: new Map(ids.map((id, i) => [id, Math.floor(a.summary.lastPurchase[i])])),
    };
  });
}

/** The rows below the header cell `corner` (found in column `column`), `height` rows of `width` cells. */
function blockAt(values: unknown[][], corner: string, width: number, height: number, column = 0): unknown[][] {
  const top = values.findIndex((row) => row[column] === corner);
  expect(top, `"${corner}" on the sheet`).toBeGreaterThanOrEqual(0);
  return values.slice(top, top + height).map((row) => row.slice(column, column + width));
}

describe.skipIf(!haveChromium)("dynamic tiering, end to end (headless Chromium, CDNOW 1997 H1 and H2)", () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  let h1: Period;
  let h2: Period;
  const consoleErrors: string[] = [];
  const section = () => page.locator('[data-section="tiering-dynamic"]');

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPreview(), launchChromium()]);
    [h1, h2] = periods();
    page = await openPreview(browser, `${server.url}preview.html?lang=en&data=cdnow`, consoleErrors);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Picks the period's table, maps the amount (CDNOW's dollar_value; number_of_cds is not a quantity to multiply by), runs. */
  async function runOn(table: string, period: Period) {
    await choose(page, en.pane.tableLabel, new RegExp(`^${table} `));
    await expect.poll(() => page.getByTestId("source-summary").textContent()).toBe(en.pane.sourceSummary(table, period.rows.toLocaleString("en-US")));
    const shown = async (label: string) => (await page.getByRole("combobox", { name: label, exact: true }).textContent())?.trim();
    expect(await shown(en.pane.roles.customer)).toBe("customer_id");
    expect(await shown(en.pane.roles.date)).toBe("date");
    await choose(page, en.pane.roles.amount, "dollar_value");
    await choose(page, en.pane.roles.quantity, en.pane.notMapped);
    await choose(page, en.pane.roles.extra, en.pane.notMapped);
    await page.getByRole("radio", { name: en.pane.summaryByOptions.abcClass }).check();
    await page.getByRole("button", { name: en.pane.run, exact: true }).click();
    // The period's own count, so the first run's message is not taken for the second's.
    await page.getByText(en.pane.runDone(period.ids.length.toLocaleString("en-US"), w.sheets.results, w.sheets.summary)).waitFor({ timeout: 90_000 });
    expect(await page.getByTestId("quality").textContent()).toContain(en.pane.quality(period.rows.toLocaleString("en-US"), period.rows.toLocaleString("en-US")));
  }

  it("opens with the two half-years of 1997 as Excel tables", async () => {
    const book = await inspect(page);
    expect(book.sheets.map((s) => s.name)).toEqual(CDNOW_PERIODS.map((p) => p.sheet));
    expect(book.tables.map((t) => [t.name, t.rows])).toEqual([
      ["CDNOW_H1", h1.rows],
      ["CDNOW_H2", h2.rows],
    ]);
    expect(await section().getByText(d.noSnapshots).count()).toBe(1);
  }, STEP_TIMEOUT);

  it("runs ABC tiers on H1 and again on H2: the hidden history holds both snapshots, as the core tiers them", async () => {
    await runOn("CDNOW_H1", h1);
    await expect.poll(() => section().getByText(d.oneSnapshot).count()).toBe(1);
    await runOn("CDNOW_H2", h2);
    const book = await inspect(page);
    const history = book.sheets.find((s) => s.name === w.history.sheet);
    expect(history?.visibility).toMatch(/hidden/i);
    const table = book.tables.find((t) => t.sheet === w.history.sheet)!;
    expect(table.rows).toBe(h1.ids.length + h2.ids.length);
    const rows = await page.evaluate((name) => window.tieringPreview!.book.tableRows(name), table.name);
    const c = (header: string) => table.header.indexOf(header);
    const h = w.history.columns;
    const bySnapshot = new Map<string, Map<string, string>>();
    for (const row of rows) {
      const snapshot = String(row[c(h.snapshot)]);
      if (!bySnapshot.has(snapshot)) bySnapshot.set(snapshot, new Map());
      bySnapshot.get(snapshot)!.set(String(row[c(h.customer)]), String(row[c(h.tierKey)]));
    }
    expect([...bySnapshot.keys()]).toHaveLength(2);
    const [first, second] = [...bySnapshot.values()];
    expect(first).toEqual(new Map(h1.ids.map((id, i) => [id, h1.tiers[i]])));
    expect(second).toEqual(new Map(h2.ids.map((id, i) => [id, h2.tiers[i]])));
  }, STEP_TIMEOUT);

  it("compares the two snapshots: the Tier migration sheet's matrix is the core's, with a chart of one series per later tier and Gone", async () => {
    const earlier = d.snapshotOption(h1.asOf, d.tierBy.abcClass, h1.ids.length.toLocaleString("en-US"));
    const later = d.snapshotOption(h2.asOf, d.tierBy.abcClass, h2.ids.length.toLocaleString("en-US"));
    expect((await section().getByRole("combobox", { name: d.earlier, exact: true }).textContent())?.trim()).toBe(earlier);
    expect((await section().getByRole("combobox", { name: d.later, exact: true }).textContent())?.trim()).toBe(later);
    await section().getByRole("button", { name: d.compare, exact: true }).click();
    await section().getByTestId("migration-result").waitFor({ timeout: 30_000 });
    expect(await section().getByText(d.migrationDone(w.migration.sheet)).count()).toBe(1);

    const expected = migrationMatrix(
      { ids: h1.ids, tiers: h1.tiers, measure: h1.ids.map((id) => h1.revenue.get(id)!) },
      { ids: h2.ids, tiers: h2.tiers, measure: h2.ids.map((id) => h2.revenue.get(id)!) },
      ABC,
    );
    expect(expected.tiers).toEqual(ABC);
    const k = ABC.length;
    const values = await sheetValues(page, w.migration.sheet);
    const t = w.migration;
    // Customers, then revenue: header, k before tiers, New, Total.
    const [counts, revenue] = [0, 1].map((n) => {
      const top = values.findIndex((row, i) => row[0] === t.corner && values.slice(0, i).filter((r) => r[0] === t.corner).length === n);
      expect(top).toBeGreaterThan(0);
      return values.slice(top, top + k + 3).map((row) => row.slice(0, k + 3));
    });
    expect(counts[0]).toEqual([t.corner, ...ABC, t.goneColumn, t.total]);
    expect(counts.slice(1, k + 2).map((row) => row[0])).toEqual([...ABC, t.newRow]);
    for (let i = 0; i <= k; i++) {
      for (let j = 0; j <= k; j++) {
        if (i === k && j === k) continue;
        expect(counts[1 + i][1 + j], `customers ${i}→${j}`).toBe(expected.counts[i * (k + 1) + j]);
        expect(revenue[1 + i][1 + j] as number, `revenue ${i}→${j}`).toBeCloseTo(expected.values![i * (k + 1) + j], 2);
      }
    }
    // Everyone in the union of the snapshots is counted once.
    expect(counts[k + 2][k + 2]).toBe(new Set([...h1.ids, ...h2.ids]).size);

    // The pane's rates are the core's.
    const rates = migrationRates(expected);
    // Shares read with one decimal everywhere in the pane (src/i18n/numbers.ts, issue 17).
    const percent = new Intl.NumberFormat("en", { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
    const stats = await section().locator("dl dd").allTextContents();
    expect(stats).toEqual([rates.upgradeRate, rates.downgradeRate, rates.stayRate, rates.goneRate].map((r) => percent.format(r)).concat(rates.new.toLocaleString("en-US")));
    expect(await section().locator("[data-testid=migration-effects] tbody tr").count()).toBe(k);

    const charts = (await inspect(page)).charts.filter((c) => c.sheet === w.migration.sheet);
    expect(charts).toHaveLength(1);
    expect(charts[0].series.map((s) => s.name)).toEqual([...ABC, t.goneColumn]);
    for (const [j, series] of charts[0].series.entries()) {
      expect(series.values).toEqual(ABC.map((_, i) => expected.counts[i * (k + 1) + j]));
    }
  }, STEP_TIMEOUT);

  it(`picks a pilot group in class ${PILOT_TIER} of H1 (10 %, seed 7): the Pilot sheet holds the core's pick`, async () => {
    await choose(section(), d.snapshot, d.snapshotOption(h1.asOf, d.tierBy.abcClass, h1.ids.length.toLocaleString("en-US")));
    await choose(section(), d.tier, PILOT_TIER);
    expect(await section().getByRole("textbox", { name: d.strategy }).inputValue()).toBe(w.strategies[PILOT_TIER]);
    await section().getByRole("textbox", { name: d.share }).fill(String(SHARE * 100));
    await section().getByRole("textbox", { name: d.controlShare }).fill(String(SHARE * 100));
    await section().getByRole("textbox", { name: d.seed }).fill(String(SEED));
    await section().getByRole("button", { name: d.pick }).click();
    await section().getByTestId("pilot-picked").waitFor({ timeout: 30_000 });

    const inTier = h1.tiers.filter((t) => t === PILOT_TIER).length;
    const groups = pickPilot(h1.ids, h1.tiers.map((t) => (t === PILOT_TIER ? t : "")), { share: SHARE, controlShare: SHARE, seed: SEED });
    const pilotIds = h1.ids.filter((_, i) => groups[i] === PILOT).sort();
    const controlIds = h1.ids.filter((_, i) => groups[i] !== 0 && groups[i] !== PILOT).sort();
    for (const n of [pilotIds.length, controlIds.length]) expect(Math.abs(n - SHARE * inTier)).toBeLessThanOrEqual(1);

    const p = w.pilot;
    const values = await sheetValues(page, p.sheet);
    const parameter = (label: string) => values.find((row) => row[0] === label)?.[1];
    expect(parameter(p.parameters.pilot)).toBe(pilotIds.length);
    expect(parameter(p.parameters.control)).toBe(controlIds.length);
    expect(parameter(p.parameters.seed)).toBe(SEED);
    expect(parameter(p.parameters.strategy)).toBe(w.strategies[PILOT_TIER]);
    const header = values.findIndex((row) => row[0] === p.columns.customer && row[2] === p.columns.group);
    const list = values.slice(header + 1).filter((row) => row[0] !== "" && row[0] !== null);
    expect(list.map((row) => row[1])).toEqual(list.map(() => PILOT_TIER));
    expect(list.filter((row) => row[2] === p.groups.pilot).map((row) => String(row[0])).sort()).toEqual(pilotIds);
    expect(list.filter((row) => row[2] === p.groups.control).map((row) => String(row[0])).sort()).toEqual(controlIds);
    expect(await section().getByText(d.pilotDone(String(pilotIds.length), String(controlIds.length), PILOT_TIER, p.sheet)).count()).toBe(1);
  }, STEP_TIMEOUT);

  it("measures the pilot against its control group in H2: numbers with low ≤ difference ≤ high, as the core computes them", async () => {
    expect((await section().getByRole("combobox", { name: d.measureIn, exact: true }).textContent())?.trim()).toContain(h2.asOf);
    await section().getByRole("button", { name: d.measure, exact: true }).click();
    await section().getByTestId("pilot-comparison").waitFor({ timeout: 30_000 });

    // The core on the same customers: bought again = a purchase after H1's analysis date; revenue change H2 − H1.
    const inTier = h1.ids.filter((_, i) => h1.tiers[i] === PILOT_TIER);
    const groups = pickPilot(inTier, inTier.map(() => PILOT_TIER), { share: SHARE, controlShare: SHARE, seed: SEED });
    const repurchased = inTier.map((id) => ((h2.lastPurchase.get(id) ?? -Infinity) > h1.asOfSerial ? 1 : 0));
    const change = inTier.map((id) => (h2.revenue.get(id) ?? 0) - h1.revenue.get(id)!);
    const expected = comparePilot(groups, repurchased, change, 0.95);

    const c = w.pilot.comparison;
    const values = await sheetValues(page, w.pilot.sheet);
    const column = values.find((row) => row.includes(c.measure))!.indexOf(c.measure);
    const block = blockAt(values, c.measure, 8, 3, column);
    expect(block[0][0]).toBe(c.measure);
    for (const [row, label, want] of [
      [block[1], c.repurchase, expected.repurchase],
      [block[2], c.revenue, expected.revenue],
    ] as const) {
      expect(row[0]).toBe(label);
      const [pilot, control, difference, low, high, nPilot, nControl] = row.slice(1) as number[];
      for (const v of [pilot, control, difference, low, high]) expect(typeof v).toBe("number");
      expect(low).toBeLessThanOrEqual(difference);
      expect(difference).toBeLessThanOrEqual(high);
      expect(difference).toBeCloseTo(want.difference, 2);
      expect(low).toBeCloseTo(want.low, 2);
      expect(high).toBeCloseTo(want.high, 2);
      expect([nPilot, nControl]).toEqual([want.nPilot, want.nControl]);
    }
    // The pane says in words whether each interval excludes 0.
    for (const measure of ["repurchase", "revenue"] as const) {
      const g = expected[measure];
      const verdict = g.low > 0 ? "higher" : g.high < 0 ? "lower" : "unclear";
      expect(await section().getByTestId(`verdict-${measure}`).getAttribute("data-verdict")).toBe(verdict);
      expect(await section().getByTestId(`verdict-${measure}`).textContent()).toBe(d.verdicts[verdict](d.measures[measure], "95%"));
    }
  }, STEP_TIMEOUT);

  it("has no serious accessibility problems in the section, and shows it in both languages", async () => {
    expect(serious(await axeViolations(page, '[data-section="tiering-dynamic"]'))).toEqual([]);
    // The pane scrolls inside the page; a window as tall as the pane shows the whole section for the picture.
    const height = await page.getByTestId("pane").evaluate((pane) => pane.scrollHeight);
    await page.setViewportSize({ width: 1360, height: height + 100 });
    await shoot(section(), "pane-dynamic-en", "pane-dynamic-en.png");
    await page.getByRole("radio", { name: "中文" }).check();
    await section().getByRole("heading", { name: zh.pane.dynamic.heading }).waitFor();
    expect(await section().getByTestId("verdict-repurchase").textContent()).toMatch(/[\u4e00-\u9fff]/);
    // Choosing the tier again starts the strategy from the playbook's Chinese text.
    await choose(section(), zh.pane.dynamic.tier, "A");
    await choose(section(), zh.pane.dynamic.tier, PILOT_TIER);
    expect(await section().getByRole("textbox", { name: zh.pane.dynamic.strategy }).inputValue()).toBe(zh.workbook.strategies[PILOT_TIER]);
    expect(serious(await axeViolations(page, '[data-section="tiering-dynamic"]'))).toEqual([]);
    await shoot(section(), "pane-dynamic-zh", "pane-dynamic-zh.png");
    expect(consoleErrors).toEqual([]);
  }, STEP_TIMEOUT);
});
