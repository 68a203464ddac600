/**
 * End to end: the built browser preview in Debian's headless Chromium, clicked as a manager would. Online Retail
 * sample → map columns (amount = Quantity × UnitPrice) → Run RFM and ABC → every tier chart, asserting the
 * workbook through the stand-in's inspection API, an axe check, and screenshots in both languages
 * (test-results/screenshots/; with UPDATE_DOC_IMAGES=1 also the user guide's docs/images/).
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { messages } from "../../src/i18n";
import { axeViolations, choose, haveChromium, type Inspect, inspect, launchChromium, openPreview, ROOT, shoot } from "./support/browser";
import { startPreview, type PreviewServer } from "./support/preview-server";

/** The preview's default sample: whole customer histories (scripts/sample-online-retail.mjs); its figures are counted here. */
const SAMPLE = resolve(ROOT, "assets/sample/online_retail_customers.csv");

const en = messages("en");
const zh = messages("zh-CN");

/**
 * The sample's facts, counted here from the CSV: rows, rows without a customer id, rows with a negative amount,
 * customers, and the orders the used rows form (distinct customer and InvoiceNo).
 */
function sampleFacts() {
  const lines = readFileSync(SAMPLE, "utf8").trim().split(/\r?\n/).slice(1);
  let blankCustomer = 0;
  let negative = 0;
  const customers = new Set<string>();
  const invoices = new Set<string>();
  for (const line of lines) {
    const fields = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((f) => f.replace(/,$/, "").replace(/^"|"$/g, ""));
    const [invoice, , , quantity, , price, customer] = fields;
    if (customer === "NA" || customer === "") blankCustomer++;
    // A negative amount (−0 too: a cancelled free item) is a return, as the core counts it.
    else if (Number(quantity) * Number(price) < 0 || Object.is(Number(quantity) * Number(price), -0)) negative++;
    else {
      customers.add(customer);
      invoices.add(`${customer}|${invoice}`);
    }
  }
  return { rows: lines.length, blankCustomer, negative, customers: customers.size, invoices: invoices.size };
}

/** Σ of a column of a table in the stand-in, by header. */
async function columnSum(page: Page, table: string, header: string): Promise<number> {
  return page.evaluate(
    ([name, column]) => {
      const book = window.tieringPreview!.book;
      const index = book.tables().find((t) => t.name === name)!.header.indexOf(column);
      return book.tableRows(name).reduce((s, row) => s + Number(row[index]), 0);
    },
    [table, header] as const,
  );
}

describe.skipIf(!haveChromium)("browser preview, end to end (headless Chromium)", () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startPreview(), launchChromium()]);
    page = await openPreview(browser, `${server.url}preview.html?lang=en`, consoleErrors);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("opens with the sample loaded as a table, the pane in English, and no serious accessibility problems", async () => {
    const book = await inspect(page);
    expect(book.sheets.map((s) => s.name)).toEqual(["Online Retail"]);
    expect(book.tables).toEqual([expect.objectContaining({ name: "OnlineRetail", rows: sampleFacts().rows })]);
    await expect.poll(() => page.getByRole("button", { name: en.pane.useSelection }).count()).toBe(1);
    expect(await page.locator("table.preview-grid td").first().textContent()).toBe("InvoiceNo");
    const serious = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious).toEqual([]);
  });

  it("maps the columns from the selection: amount = Quantity × UnitPrice", async () => {
    await page.getByRole("button", { name: en.pane.useSelection }).click();
    const rows = sampleFacts().rows;
    await expect.poll(() => page.getByTestId("source-summary").textContent()).toMatch(new RegExp(`^Data: '?Online Retail'?!A1:H${rows + 1}, ${rows.toLocaleString("en-US")} rows$`));
    const shown = async (label: string) => (await page.getByRole("combobox", { name: label, exact: true }).textContent())?.trim();
    expect(await shown(en.pane.roles.customer)).toBe("CustomerID");
    expect(await shown(en.pane.roles.date)).toBe("InvoiceDate");
    expect(await shown(en.pane.amountAsUnitPrice)).toBe("UnitPrice");
    expect(await shown(en.pane.roles.quantity)).toBe("Quantity");
    expect(await shown(en.pane.roles.category)).toBe("Country");
    expect(await shown(en.pane.roles.order)).toBe("InvoiceNo");
    expect(await page.getByRole("checkbox", { name: en.pane.hasHeader }).isChecked()).toBe(true);
    await shoot(page.getByTestId("pane"), "pane-en-mapping", "pane-mapping-en.png");
    // The same columns picked from the table dropdown.
    await page.getByRole("combobox", { name: en.pane.tableLabel, exact: true }).click();
    await page.getByRole("option", { name: /^OnlineRetail / }).click();
    await expect.poll(() => page.getByTestId("source-summary").textContent()).toBe(en.pane.sourceSummary("OnlineRetail", rows.toLocaleString("en-US")));
    expect(await shown(en.pane.amountAsUnitPrice)).toBe("UnitPrice");
  });

  it("runs RFM, ABC and CLV, reports cancellations and missing customers, and writes the result sheets and PivotTable", async () => {
    const facts = sampleFacts();
    await choose(page, en.pane.roles.category, en.pane.notMapped);
    await page.getByRole("button", { name: en.pane.run, exact: true }).click();
    await page.getByText(/^Done:/).waitFor({ timeout: 120_000 });

    const quality = (await page.getByTestId("quality").textContent()) ?? "";
    expect(quality).toContain(en.pane.quality(facts.rows.toLocaleString("en-US"), (facts.rows - facts.blankCustomer - facts.negative).toLocaleString("en-US")));
    expect(quality).toContain(en.pane.reasonCount(facts.blankCustomer.toLocaleString("en-US"), en.pane.reasons.blankCustomer));
    expect(quality).toContain(en.pane.reasons.returns);
    // Line items grouped by InvoiceNo: frequency and the summary's Orders count invoices.
    expect(quality).toContain(en.pane.qualityOrders(facts.invoices.toLocaleString("en-US")));
    await shoot(page.getByTestId("pane"), "pane-en-after-run", "pane-run-en.png");

    const book = await inspect(page);
    const names = book.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Online Retail", "Tiers", "Tier Summary"]));
    const results = book.tables.find((t) => t.sheet === en.workbook.sheets.results)!;
    expect(results.rows).toBe(facts.customers);
    const columns = en.workbook.columns;
    expect(results.header).toEqual(expect.arrayContaining([columns.customer, columns.r, columns.f, columns.m, columns.segment, columns.abcClass, columns.clv]));
    expect(await columnSum(page, results.name, columns.frequency)).toBe(facts.invoices);
    const summary = book.tables.find((t) => t.sheet === en.workbook.sheets.summary)!;
    expect(await columnSum(page, summary.name, en.workbook.summary.orders)).toBe(facts.invoices);
    expect(await page.getByText(en.pane.runDone(facts.customers.toLocaleString("en-US"), "Tiers", "Tier Summary")).count()).toBe(1);
    expect(book.pivots.length).toBe(1);
    expect(book.pivots[0].rows.length).toBe(1);
    expect(book.pivots[0].data.map((d) => d.summarizeBy).sort()).toEqual(["Count", "Sum"]);
    expect(book.pivots[0].fields).toEqual(expect.arrayContaining(results.header));
    // Saved in the document settings, so Run repeats it.
    expect(JSON.stringify(book.settings)).toContain('"aCut":0.8');

    await page.getByTestId("first-problem").click();
    await expect.poll(async () => (await inspect(page)).selection?.sheet).toBe("Online Retail");
    const selection = (await inspect(page)).selection!;
    expect(quality).toContain(`Online Retail!${selection.address}`);
  });

  it("builds every kind of tier chart on the summary sheet", async () => {
    const expected: Record<string, (chart: Inspect["charts"][number]) => void> = {
      column: (c) => expect(c.type).toMatch(/^ColumnClustered$/),
      pie: (c) => expect(c.type).toBe("Pie"),
      doughnut: (c) => expect(c.type).toBe("Doughnut"),
      pareto: (c) => {
        expect(c.series.some((s) => /column/i.test(s.chartType) && s.axisGroup === "Primary")).toBe(true);
        expect(c.series.some((s) => /line/i.test(s.chartType) && s.axisGroup === "Secondary")).toBe(true);
      },
      scatter: (c) => expect(c.type).toMatch(/^XYScatter/),
      radar: (c) => expect(c.type).toMatch(/^Radar/),
    };
    for (const kind of ["column", "pie", "doughnut", "pareto", "scatter", "radar", "heatmap"] as const) {
      const before = await inspect(page);
      await choose(page, en.pane.chartKind, en.pane.charts[kind]);
      await page.getByRole("button", { name: en.pane.buildChart }).click();
      await page.getByText(/^Built "/).waitFor();
      const after = await inspect(page);
      if (kind === "heatmap") {
        expect(after.conditionalFormats.length).toBeGreaterThan(before.conditionalFormats.length);
        expect(after.conditionalFormats.at(-1)!.type).toMatch(/colorScale/i);
        continue;
      }
      expect(after.charts.length, kind).toBe(before.charts.length + 1);
      const chart = after.charts.at(-1)!;
      expected[kind](chart);
      expect(chart.title.length).toBeGreaterThan(0);
      expect(chart.series.length).toBeGreaterThan(0);
      for (const series of chart.series) expect(series.values.length).toBeGreaterThan(0);
      // And the preview draws it.
      await expect.poll(() => page.locator(`figure[data-chart-name="${chart.name}"] svg`).count()).toBe(1);
    }
    await shoot(page.getByTestId("workbook"), "workbook-charts", "workbook-charts.png");
    const serious = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious).toEqual([]);
  });

  it("predicts CLV and churn: a Churn warning sheet with rows, and P(alive) in the Tiers table", async () => {
    await page.getByRole("switch", { name: en.pane.predictToggle }).check();
    await page.getByRole("button", { name: en.pane.run, exact: true }).click();
    await page.getByText(en.pane.churnDone(en.workbook.sheets.churn)).waitFor({ timeout: 120_000 });
    const book = await inspect(page);
    const churn = book.tables.find((t) => t.sheet === en.workbook.sheets.churn)!;
    expect(churn.rows).toBeGreaterThan(0);
    expect(churn.header).toContain(en.predict.columns.clvAtRisk);
    const results = book.tables.find((t) => t.sheet === en.workbook.sheets.results)!;
    expect(results.header).toContain(en.predict.columns.pAlive);
    await shoot(page.getByTestId("pane"), "pane-en-predict");
  });

  it("switches the pane to Chinese and runs again with Chinese sheets' content", async () => {
    await page.getByRole("radio", { name: "中文" }).check();
    await page.getByRole("button", { name: zh.pane.run, exact: true }).waitFor();
    await page.getByRole("button", { name: zh.pane.run, exact: true }).click();
    await page.getByText(/^完成/).waitFor({ timeout: 120_000 });
    expect(await page.getByTestId("quality").textContent()).toContain(zh.pane.reasons.blankCustomer);
    const book = await inspect(page);
    const results = book.tables.find((t) => t.sheet === zh.workbook.sheets.results)!;
    expect(results.header).toEqual(expect.arrayContaining([zh.workbook.columns.customer, zh.workbook.columns.segment, zh.workbook.columns.abcClass]));
    await shoot(page.getByTestId("pane"), "pane-zh-after-run", "pane-run-zh.png");
    const serious = (await axeViolations(page)).filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it("shows a message bar saying what to fix when the data cannot be used", async () => {
    const fresh = await browser.newPage({ viewport: { width: 1360, height: 1000 } });
    await fresh.goto(`${server.url}preview.html?lang=zh-CN`);
    await fresh.waitForFunction(() => window.tieringPreview?.ready === true);
    await fresh.getByRole("button", { name: zh.pane.run, exact: true }).click();
    expect(await fresh.getByText(zh.pane.problems.noSource).count()).toBe(1);
    await fresh.getByRole("button", { name: zh.pane.useSelection }).click();
    await shoot(fresh.getByTestId("pane"), "pane-zh-mapping", "pane-mapping-zh.png");
    await fresh.close();
  });
});
