/**
 * End to end, the weighted score and the playbook: the browser preview on the Online Retail sample in Debian's
 * headless Chromium, clicked as a manager would. Map the columns (amount = Quantity × UnitPrice, InvoiceNo as
 * the order), turn on the weighted score (monetary, frequency and recency, recency better lower), summarise by
 * score bands with the default shares, ABC with limits computed from the curve; edit the Diamond strategy, edit
 * and reset another; Run. The Tier Summary and Tiers tables are read through the stand-in's inspection API and
 * checked against the core run here on the same CSV file (bands per customer, ABC classes of the revenue summed
 * here); the "closest to the next tier" list selects its customer's row; an axe check; a screenshot
 * (docs/images/pane-score-en.png with UPDATE_DOC_IMAGES=1).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { ABC_LABELS, classifyAbc } from "../../src/core/tiers/abc";
import { runTiering } from "../../src/core/analysis/run";
import type { AnalysisResult } from "../../src/core/analysis/types";
import { DEFAULT_BAND_SHARES, SCORE_TIER_KEYS } from "../../src/core/tiers/score";
import { closestToUpgrade } from "../../src/core/tiers/upgrade-rank";
import { messages } from "../../src/i18n";
import { scoreSettings } from "../support/fixtures";
import { axeViolations, haveChromium, inspect, launchChromium, openPreview, ROOT, serious, shoot } from "./support/browser";
import { startPreview, type PreviewServer } from "./support/preview-server";

/** The preview's default sample: whole customer histories (scripts/sample-online-retail.mjs). */
const SAMPLE = resolve(ROOT, "assets/sample/online_retail_customers.csv");
const en = messages("en");
const s = en.pane.score;
const w = en.workbook;
const p = en.pane.playbook;
/** The weights typed in the score editor; recency is better lower. */
const WEIGHTS = { monetary: 3, frequency: 2, recency: 1 } as const;
const DIAMOND_TEXT = "Call each Diamond customer this month and invite them to the spring preview.";
const STEP_TIMEOUT = 60_000;

/** The sample's columns, read here from the CSV (quoted fields; numbers and ISO date-times as Excel opens them). */
function sampleColumns() {
  const lines = readFileSync(SAMPLE, "utf8").trim().split(/\r?\n/);
  const header = lines[0].split(",").map((f) => f.replace(/^"|"$/g, ""));
  const at = (name: string) => header.indexOf(name);
  const [invoice, quantity, date, price, customer] = ["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"].map(at);
  const columns = { customers: [] as string[], dates: [] as number[], amounts: [] as number[], quantities: [] as number[], orders: [] as string[] };
  for (const line of lines.slice(1)) {
    const fields = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, "").replace(/^"|"$/g, "").replace(/""/g, '"'));
    const d = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(fields[date])!;
    columns.customers.push(fields[customer]);
    columns.dates.push(Date.UTC(+d[1], +d[2] - 1, +d[3]) / 86_400_000 + 25569 + (+d[4] * 3600 + +d[5] * 60 + +d[6]) / 86_400);
    columns.amounts.push(Number(fields[price]));
    columns.quantities.push(Number(fields[quantity]));
    columns.orders.push(fields[invoice]);
  }
  return columns;
}

/** Revenue per customer, summed here: Quantity × UnitPrice over the lines with a customer, returns (negative, −0) left out. */
function revenueByCustomer(columns: ReturnType<typeof sampleColumns>): Map<string, number> {
  const revenue = new Map<string, number>();
  columns.customers.forEach((id, row) => {
    const amount = columns.quantities[row] * columns.amounts[row];
    if (id === "NA" || id === "" || amount < 0 || Object.is(amount, -0)) return;
    revenue.set(id, (revenue.get(id) ?? 0) + amount);
  });
  return revenue;
}

/** The core on the same columns with the settings the pane is given below. */
function coreRun(columns: ReturnType<typeof sampleColumns>): AnalysisResult {
  return runTiering(columns, {
    rfm: { bins: 5, breakpoints: null, scheme: "rfm" },
    abc: { aCut: 0.8, bCut: 0.95, basis: "revenue", method: "computed" },
    clv: { margin: 0.3, retention: 0.8, discount: 0.1, years: 3 },
    // The pane lists the metrics in the core's order: recency, frequency, monetary; the default shares.
    score: scoreSettings([["recency", WEIGHTS.recency, "lower"], ["frequency", WEIGHTS.frequency], ["monetary", WEIGHTS.monetary]]),
    tierBy: "score",
  });
}

/** A table's rows as objects by header. */
async function tableObjects(page: Page, sheet: string): Promise<{ header: string[]; rows: Record<string, unknown>[] }> {
  return page.evaluate((name) => {
    const book = window.tieringPreview!.book;
    const table = book.tables().find((t) => t.sheet === name)!;
    const rows = book.tableRows(table.name).map((row) => Object.fromEntries(table.header.map((h, i) => [h, row[i]])));
    return { header: table.header, rows };
  }, sheet);
}

describe.skipIf(!haveChromium)("weighted score and playbook, end to end (headless Chromium, Online Retail sample)", () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  let columns: ReturnType<typeof sampleColumns>;
  let core: AnalysisResult;
  const consoleErrors: string[] = [];
  const analysis = () => page.locator('[data-section="tiering-analysis"]');
  const playbook = () => page.locator('[data-section="tiering-playbook"]');
  const editor = () => page.getByTestId("score-editor");

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPreview(), launchChromium()]);
    columns = sampleColumns();
    core = coreRun(columns);
    page = await openPreview(browser, `${server.url}preview.html?lang=en`, consoleErrors);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("sets up the weighted score (monetary, frequency, recency lower), score bands and ABC computed from the curve", async () => {
    await page.getByRole("button", { name: en.pane.useSelection }).click();
    await expect.poll(() => page.getByTestId("source-summary").textContent()).toMatch(new RegExp(`${columns.customers.length.toLocaleString("en-US")} rows$`));
    const shown = async (label: string) => (await page.getByRole("combobox", { name: label, exact: true }).textContent())?.trim();
    expect(await shown(en.pane.amountAsUnitPrice)).toBe("UnitPrice");
    expect(await shown(en.pane.roles.quantity)).toBe("Quantity");
    expect(await shown(en.pane.roles.order)).toBe("InvoiceNo");

    await analysis().getByRole("checkbox", { name: s.toggle, exact: true }).check();
    await editor().waitFor();
    for (const metric of ["monetary", "frequency", "recency"] as const) {
      const name = en.scoreMetrics[metric];
      await editor().getByRole("checkbox", { name, exact: true }).check();
      await editor().getByRole("textbox", { name: s.weightOf(name), exact: true }).fill(String(WEIGHTS[metric]));
      const direction = metric === "recency" ? "lower" : "higher";
      await editor().getByRole("combobox", { name: s.directionOf(name), exact: true }).click();
      await page.getByRole("option", { name: s.directions[direction], exact: true }).click();
      expect((await editor().getByRole("combobox", { name: s.directionOf(name), exact: true }).textContent())?.trim()).toBe(s.directions[direction]);
    }
    // Nothing else in the score.
    expect(await editor().getByRole("checkbox", { name: en.scoreMetrics.clv, exact: true }).isChecked()).toBe(false);
    // The default band shares, Bronze the rest.
    const bands = editor().getByTestId("score-bands").getByRole("textbox");
    expect(await bands.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(DEFAULT_BAND_SHARES.map((x) => String(x * 100)));
    expect(await editor().getByText(s.restShare(en.scoreTiers.bronze, "20")).count()).toBe(1);

    await analysis().getByRole("radio", { name: en.pane.summaryByOptions.score }).check();
    expect(await analysis().getByRole("checkbox", { name: en.pane.abcToggle }).isChecked()).toBe(true);
    await analysis().getByRole("radio", { name: en.pane.abcMethods.computed }).check();
    expect(await analysis().getByRole("textbox", { name: en.pane.aCut }).isDisabled()).toBe(true);
  }, STEP_TIMEOUT);

  it("edits the Diamond strategy, and resets Gold's after editing it", async () => {
    await playbook().getByRole("button", { name: p.edit(p.bases.score, String(SCORE_TIER_KEYS.length)) }).click();
    const text = (key: (typeof SCORE_TIER_KEYS)[number]) => playbook().getByRole("textbox", { name: en.scoreTiers[key], exact: true });
    for (const key of SCORE_TIER_KEYS) expect(await text(key).inputValue()).toBe(w.strategies[key]);
    await text("diamond").fill(DIAMOND_TEXT);
    await text("gold").fill("A text to be dropped again");
    const resetGold = playbook().getByRole("button", { name: p.resetOf(en.scoreTiers.gold) });
    await resetGold.click();
    expect(await text("gold").inputValue()).toBe(w.strategies.gold);
    expect(await resetGold.count()).toBe(0);
    // Reset keeps the focus on the tier's text.
    expect(await text("gold").evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await text("diamond").inputValue()).toBe(DIAMOND_TEXT);
    expect(await playbook().getByRole("button", { name: p.resetOf(en.scoreTiers.diamond) }).count()).toBe(1);
    expect(await playbook().getByText(p.edited, { exact: true }).count()).toBe(1);
  }, STEP_TIMEOUT);

  it("runs: the summary is one row per band, best first, with the playbook's strategies; the Tiers table is the core's", async () => {
    const customers = core.customerIds.length;
    await page.getByRole("button", { name: en.pane.run, exact: true }).click();
    await page.getByText(en.pane.runDone(customers.toLocaleString("en-US"), w.sheets.results, w.sheets.summary)).waitFor({ timeout: 60_000 });

    // The Tier Summary: the bands that have customers, Diamond first, as many customers as the core puts in each.
    const summary = await tableObjects(page, w.sheets.summary);
    expect(summary.header.slice(0, 3)).toEqual([w.score.band, w.summary.strategy, w.summary.customers]);
    const coreBands = core.tiers.map((t) => ({ band: en.scoreTiers[t.key as (typeof SCORE_TIER_KEYS)[number]], customers: t.customers }));
    expect(coreBands.length).toBeGreaterThan(1);
    expect(coreBands.map((b) => b.band)).toEqual(SCORE_TIER_KEYS.map((key) => en.scoreTiers[key]).filter((band) => coreBands.some((b) => b.band === band)));
    expect(summary.rows.map((row) => ({ band: row[w.score.band], customers: row[w.summary.customers] }))).toEqual(coreBands);
    expect(summary.rows.map((row) => row[w.summary.strategy])).toEqual(
      core.tiers.map((t) => (t.key === "diamond" ? DIAMOND_TEXT : w.strategies[t.key as keyof typeof w.strategies])),
    );
    // Default shares: about 5 % Diamond (ties may round it up).
    expect(summary.rows[0][w.score.band]).toBe(en.scoreTiers.diamond);
    expect((summary.rows[0][w.summary.customers] as number) / customers).toBeGreaterThanOrEqual(0.05 - 1 / customers);

    // The Tiers table: Score, Band, Strategy, Next tier up and the gap in score points.
    const results = await tableObjects(page, w.sheets.results);
    const c = w.columns;
    expect(results.header).toEqual(expect.arrayContaining([c.customer, c.abcClass, w.score.score, w.score.band, w.playbook.strategy, w.upgrade.nextTier, w.upgrade.gap.points]));
    expect(results.rows).toHaveLength(customers);
    const byId = new Map(results.rows.map((row) => [String(row[c.customer]), row]));
    expect(byId.size).toBe(customers);
    const labelOf = (band: number) => (SCORE_TIER_KEYS[band] ? en.scoreTiers[SCORE_TIER_KEYS[band]] : "");
    core.customerIds.forEach((id, i) => {
      const row = byId.get(String(id))!;
      expect(row, `customer ${id}`).toBeDefined();
      const score = row[w.score.score];
      expect(typeof score, `score of ${id}`).toBe("number");
      expect(score as number).toBeGreaterThanOrEqual(0);
      expect(score as number).toBeLessThanOrEqual(100);
      expect(score as number, `score of ${id}`).toBeCloseTo(core.score!.score[i], 2);
      expect(row[w.score.band], `band of ${id}`).toBe(labelOf(core.score!.band[i]));
    });
    for (const row of results.rows) {
      const band = row[w.score.band];
      const key = SCORE_TIER_KEYS.find((k) => en.scoreTiers[k] === band)!;
      expect(row[w.playbook.strategy]).toBe(key === "diamond" ? DIAMOND_TEXT : w.strategies[key]);
      // Every band but the top has a next tier up and a gap above 0.
      if (key === "diamond") expect(row[w.upgrade.nextTier]).toBe("");
      else {
        expect(row[w.upgrade.nextTier]).toBe(en.scoreTiers[SCORE_TIER_KEYS[SCORE_TIER_KEYS.indexOf(key) - 1]]);
        expect(row[w.upgrade.gap.points] as number).toBeGreaterThan(0);
      }
    }
    const sizes = new Map<unknown, number>();
    for (const row of results.rows) sizes.set(row[w.score.band], (sizes.get(row[w.score.band]) ?? 0) + 1);
    expect([...sizes.entries()].sort()).toEqual(coreBands.map((b) => [b.band, b.customers] as [string, number]).sort());

    // ABC classes: the computed method on the revenue summed here from the CSV.
    const revenue = revenueByCustomer(columns);
    const ids = [...revenue.keys()];
    expect(ids.length).toBe(customers);
    const abc = classifyAbc(Float64Array.from(ids, (id) => revenue.get(id)!), { method: "computed" });
    expect(abc.method).toBe("computed");
    for (const [k, id] of ids.entries()) {
      const row = byId.get(id)!;
      expect(row[c.monetary] as number, `revenue of ${id}`).toBeCloseTo(revenue.get(id)!, 2);
      expect(row[c.abcClass], `class of ${id}`).toBe(ABC_LABELS[abc.classes[k]]);
    }
    // The curve's limits, not the fixed 80 % / 95 % cuts (which class these customers differently).
    const counts = (classes: unknown[]) => ABC_LABELS.map((label) => classes.filter((x) => x === label).length);
    const shown = counts(results.rows.map((row) => row[c.abcClass]));
    expect(shown).toEqual(counts(Array.from(abc.classes, (k) => ABC_LABELS[k])));
    expect(shown.every((n) => n > 0)).toBe(true);
    expect(shown).not.toEqual(counts(Array.from(classifyAbc(Float64Array.from(ids, (id) => revenue.get(id)!)).classes, (k) => ABC_LABELS[k])));

    // Saved with the analysis: the Diamond text, not Gold's dropped one.
    const settings = JSON.stringify((await inspect(page)).settings);
    expect(settings).toContain(DIAMOND_TEXT);
    expect(settings).not.toContain("A text to be dropped again");
  }, STEP_TIMEOUT);

  it("lists up to 10 customers closest to the next tier, the core's, and selects the first one's row on the Tiers sheet", async () => {
    const list = page.getByTestId("upgrade-list");
    const items = list.locator("li");
    const expected = closestToUpgrade(core.upgrade!, core.score!.score, 10).map((i) => String(core.customerIds[i]));
    expect(expected.length).toBeGreaterThan(0);
    expect(await items.count()).toBeLessThanOrEqual(10);
    expect(await items.count()).toBe(expected.length);
    const links = list.getByRole("button");
    expect(await links.allTextContents()).toEqual(expected);
    const first = links.first();
    const customer = (await first.textContent())!;
    await first.click();
    await expect.poll(async () => (await inspect(page)).selection?.sheet).toBe(w.sheets.results);
    const selection = (await inspect(page)).selection!;
    expect(selection.address).toMatch(/^A\d+$/);
    const cell = await page.evaluate(([sheet, address]) => window.tieringPreview!.book.values(sheet, address), [selection.sheet, selection.address] as const);
    expect(String(cell[0][0])).toBe(customer);
    // Its row is the customer's row of the Tiers table (header in row 1).
    const results = await tableObjects(page, w.sheets.results);
    const index = results.rows.findIndex((row) => String(row[w.columns.customer]) === customer);
    expect(selection.address).toBe(`A${index + 2}`);
  }, STEP_TIMEOUT);

  it("has no serious accessibility problems with the score editor and the playbook open, and shows them", async () => {
    expect(await editor().isVisible()).toBe(true);
    expect(await playbook().getByTestId("playbook").isVisible()).toBe(true);
    expect(serious(await axeViolations(page))).toEqual([]);
    // The pane scrolls inside the page; a window as tall as the pane shows it whole for the picture, from the
    // score's switch to the end of the playbook.
    const height = await page.getByTestId("pane").evaluate((pane) => pane.scrollHeight);
    await page.setViewportSize({ width: 1360, height: height + 100 });
    const pane = (await page.getByTestId("pane").boundingBox())!;
    const top = (await analysis().getByRole("checkbox", { name: s.toggle, exact: true }).boundingBox())!.y - 12;
    const end = (await playbook().boundingBox())!;
    await shoot(page, "pane-score-en", "pane-score-en.png", { x: pane.x, y: top, width: pane.width, height: end.y + end.height + 12 - top });
    expect(consoleErrors).toEqual([]);
  }, STEP_TIMEOUT);
});
