/**
 * End to end, what each tier earns, costs and says (issue 15 §3 and §4): the browser preview on the synthetic
 * orders with the voice of the customer (`preview.html?data=voice`, assets/sample/voice_orders.csv), in Debian's
 * headless Chromium. The guesser maps the five voice columns; the Costs section gets a per-tier cost, a row for
 * every other tier and a margin rate; Run; the Tier Summary's economics and voice columns are checked, tier by
 * tier, against sums computed here straight from the CSV (each customer's tier read from the Tiers sheet, the
 * only thing taken from the product); the radar chart has the voice axes. The same in the Chinese pane, an axe
 * check of both sections, and screenshots in both languages (docs/images/pane-costs-*.png, summary-voice-*.png
 * with UPDATE_DOC_IMAGES=1, for the user guides).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { messages, type Messages } from "../../src/i18n";
import { VOICE } from "../../src/preview/datasets";
import { axeViolations, haveChromium, inspect, launchChromium, openPreview, ROOT, serious, sheetValues, shoot } from "./support/browser";
import { startPreview, type PreviewServer } from "./support/preview-server";

const en = messages("en");
const zh = messages("zh-CN");
const STEP_TIMEOUT = 200_000;
const PER_TIER = { perCustomer: 4, perOrder: 1.5, fixed: 20 };
const OTHER = { perCustomer: 2, perOrder: 0.5, fixed: 0 };
const MARGIN = 0.3;

interface Order {
  customer: string;
  date: string;
  amount: number;
  nps: number | null;
  satisfaction: number | null;
  complaints: number | null;
}

/** The CSV as plain rows: no product code involved. */
function orders(): Order[] {
  const lines = readFileSync(resolve(ROOT, "assets/sample/voice_orders.csv"), "utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
  const num = (f: string | undefined) => (f === undefined || f.trim() === "" ? null : Number(f));
  return lines.slice(1).map((line) => {
    const f = line.split(",");
    return { customer: f[0], date: f[1], amount: Number(f[2]), nps: num(f[3]), satisfaction: num(f[4]), complaints: num(f[5]) };
  });
}

/**
 * Per tier, by hand: customers, orders (a row is an order), revenue, margin = rate × revenue, net = margin − costs,
 * NPS from each customer's latest answer (issue 15 §4's rule; on the same date the later row), complaint rate as the
 * share with one or more (summed per customer) among those with a value.
 */
function expected(tierOf: Map<string, string>, pricedTier: string) {
  const rows = orders();
  const byTier = new Map<string, { customers: Set<string>; orders: number; revenue: number }>();
  const latestNps = new Map<string, { date: string; value: number }>();
  const complaints = new Map<string, number>();
  for (const r of rows) {
    const tier = tierOf.get(r.customer);
    if (tier === undefined) continue;
    const t = byTier.get(tier) ?? { customers: new Set<string>(), orders: 0, revenue: 0 };
    t.customers.add(r.customer);
    t.orders += 1;
    t.revenue += r.amount;
    byTier.set(tier, t);
    if (r.nps !== null && (latestNps.get(r.customer)?.date ?? "") <= r.date) latestNps.set(r.customer, { date: r.date, value: r.nps });
    if (r.complaints !== null) complaints.set(r.customer, (complaints.get(r.customer) ?? 0) + r.complaints);
  }
  const out = new Map<string, { customers: number; orders: number; revenue: number; margin: number; net: number; nps: number; complaintRate: number }>();
  for (const [tier, t] of byTier) {
    const c = tier === pricedTier ? PER_TIER : OTHER;
    const margin = MARGIN * t.revenue;
    const net = margin - c.perCustomer * t.customers.size - c.perOrder * t.orders - c.fixed;
    const answers = [...t.customers].map((id) => latestNps.get(id)?.value).filter((v): v is number => v !== undefined);
    const nps = answers.length ? (100 * (answers.filter((v) => v >= 9).length - answers.filter((v) => v <= 6).length)) / answers.length : NaN;
    const withC = [...t.customers].filter((id) => complaints.has(id));
    const complaintRate = withC.length ? withC.filter((id) => complaints.get(id)! >= 1).length / withC.length : NaN;
    out.set(tier, { customers: t.customers.size, orders: t.orders, revenue: t.revenue, margin, net, nps, complaintRate });
  }
  return out;
}

/** A sheet's header row (the first row holding `first` in column A) and its data rows below, as records. */
function records(values: unknown[][], first: string): Record<string, unknown>[] {
  const at = values.findIndex((r) => r[0] === first);
  expect(at, `a row starting with "${first}"`).toBeGreaterThanOrEqual(0);
  const header = values[at].map(String);
  const out: Record<string, unknown>[] = [];
  for (const row of values.slice(at + 1)) {
    if (row[0] === "" || row[0] === null || row[0] === undefined) break;
    out.push(Object.fromEntries(header.map((h, j) => [h, row[j]])));
  }
  return out;
}

describe.skipIf(!haveChromium)("Tier economics and the voice of the customer, end to end (headless Chromium, voice sample)", () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const costs = () => page.locator('[data-section="tiering-costs"]');

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPreview(), launchChromium()]);
    page = await openPreview(browser, `${server.url}preview.html?lang=en&data=voice`, consoleErrors);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Fills the Costs section in `m`'s words; returns the tier priced on its own row. */
  async function fillCosts(m: Messages): Promise<string> {
    const w = m.economics.pane;
    const on = costs().getByRole("switch", { name: w.enabled });
    if (!(await on.isChecked())) await on.check();
    const firstTier = ((await costs().locator("[data-testid=costs-grid] tbody th").first().textContent()) ?? "").trim();
    expect(firstTier).not.toBe(w.otherTiers);
    for (const [label, values] of [[firstTier, PER_TIER], [w.otherTiers, OTHER]] as const) {
      for (const field of ["perCustomer", "perOrder", "fixed"] as const) {
        await costs().getByRole("textbox", { name: `${label}: ${w[field]}`, exact: true }).fill(String(values[field]));
      }
    }
    await costs().getByTestId("costs-margin-rate").fill(String(MARGIN * 100));
    return firstTier;
  }

  /** Run, then the Tier Summary's rows against the CSV by hand; returns the summary's tier labels. */
  async function runAndCheck(m: Messages, pricedTier: string) {
    await page.getByRole("button", { name: m.pane.run, exact: true }).click();
    await page.getByTestId("quality").waitFor({ timeout: 120_000 });
    await expect.poll(async () => (await inspect(page)).sheets.map((s) => s.name), { timeout: 120_000 }).toContain(m.workbook.sheets.summary);
    const tiers = records(await sheetValues(page, m.workbook.sheets.results), m.workbook.columns.customer);
    const tierOf = new Map(tiers.map((r) => [String(r[m.workbook.columns.customer]), String(r[m.workbook.columns.segment])]));
    expect(tierOf.size).toBe(new Set(orders().map((o) => o.customer)).size);
    const want = expected(tierOf, pricedTier);
    const summary = records(await sheetValues(page, m.workbook.sheets.summary), m.workbook.summary.segment);
    const s = m.economics.summary;
    const v = m.voice.summary;
    const costPrefix = s.costToServe("@@").split("@@")[0];
    const costHeader = Object.keys(summary[0]).find((h) => h.startsWith(costPrefix));
    expect(costHeader, "a cost-to-serve column").toBeDefined();
    let checked = 0;
    for (const row of summary) {
      const w = want.get(String(row[m.workbook.summary.segment]));
      if (!w) continue;
      checked++;
      expect(row[m.workbook.summary.customers]).toBe(w.customers);
      expect(row[m.workbook.summary.orders]).toBe(w.orders);
      expect(row[m.workbook.summary.revenue] as number).toBeCloseTo(w.revenue, 2);
      expect(row[s.grossMargin] as number).toBeCloseTo(w.margin, 2);
      expect(row[s.netContribution] as number).toBeCloseTo(w.net, 2);
      if (Number.isNaN(w.nps)) expect(row[v.nps]).toBe("");
      else expect(row[v.nps] as number).toBeCloseTo(w.nps, 1);
      if (Number.isNaN(w.complaintRate)) expect(row[v.complaintRate]).toBe("");
      else expect(row[v.complaintRate] as number).toBeCloseTo(w.complaintRate, 6);
    }
    expect(checked).toBe(want.size);
    expect(want.has(pricedTier), `the priced tier ${pricedTier} is among the run's`).toBe(true);
  }

  async function radar(m: Messages) {
    const before = (await inspect(page)).charts.length;
    await page.getByRole("combobox", { name: m.pane.chartKind, exact: true }).click();
    await page.getByRole("option", { name: m.pane.charts.radar, exact: true }).click();
    await page.getByRole("button", { name: m.pane.buildChart }).click();
    await expect.poll(async () => (await inspect(page)).charts.length).toBe(before + 1);
    const chart = (await inspect(page)).charts.at(-1)!;
    expect(chart.type).toMatch(/^Radar/);
    const axes = chart.series[0].categories.map(String);
    // The RFM scores' number of levels (1…top) is the voice axes' scale.
    const top = [3, 4, 5, 6, 7, 8, 9, 10].find((k) => axes.includes(m.voice.radar.nps(k)));
    expect(top, `an NPS axis among ${axes.join(", ")}`).toBeDefined();
    expect(axes).toEqual(expect.arrayContaining([...(["nps", "satisfaction", "complaints", "referrals", "engagement"] as const).map((k) => m.voice.radar[k](top!))]));
  }

  /** The Tier Summary as the preview draws it: the top of the workbook, where the radar and the table are. */
  async function shootSummary(lang: "en" | "zh") {
    const box = (await page.getByTestId("workbook").boundingBox())!;
    await shoot(page, `summary-voice-${lang}`, `summary-voice-${lang}.png`, { x: box.x, y: box.y, width: Math.min(box.width, 1000), height: 760 });
  }

  it("maps the voice columns by their names, prices the tiers, and the Tier Summary is the CSV's sums (English)", async () => {
    await page.getByRole("combobox", { name: en.pane.tableLabel, exact: true }).click();
    await page.getByRole("option", { name: new RegExp(`^${VOICE.table} `) }).click();
    const shown = async (label: string) => (await page.getByRole("combobox", { name: label, exact: true }).textContent())?.trim();
    for (const [role, column] of [["nps", "nps"], ["satisfaction", "satisfaction"], ["complaints", "complaints"], ["referrals", "referrals"], ["engagement", "engagement"]] as const) {
      expect(await shown(en.pane.roles[role])).toBe(column);
    }
    const priced = await fillCosts(en);
    await runAndCheck(en, priced);
    await radar(en);
  }, STEP_TIMEOUT);

  it("is axe clean and says the same in Chinese; screenshots in both languages", async () => {
    expect(serious(await axeViolations(page, '[data-section="tiering-costs"]'))).toEqual([]);
    const height = await page.getByTestId("pane").evaluate((pane) => pane.scrollHeight);
    await page.setViewportSize({ width: 1360, height: height + 100 });
    await shoot(costs(), "pane-costs-en", "pane-costs-en.png");
    await page.locator(`[data-sheet-tab="${en.workbook.sheets.summary}"]`).click();
    await shootSummary("en");

    await page.getByRole("radio", { name: "中文" }).check();
    await costs().getByRole("heading", { name: zh.economics.pane.title }).waitFor();
    const priced = await fillCosts(zh);
    await runAndCheck(zh, priced);
    await radar(zh);
    expect(serious(await axeViolations(page, '[data-section="tiering-costs"]'))).toEqual([]);
    expect(serious(await axeViolations(page))).toEqual([]);
    await shoot(costs(), "pane-costs-zh", "pane-costs-zh.png");
    await page.locator(`[data-sheet-tab="${zh.workbook.sheets.summary}"]`).click();
    await shootSummary("zh");
    expect(consoleErrors).toEqual([]);
  }, STEP_TIMEOUT);
});
