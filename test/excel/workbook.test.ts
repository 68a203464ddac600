/** The workbook jobs against the stand-in: the workbook that results, and the round trips they take. */
import { actionableAmount } from "../../src/core/tiers/upgrade-segment";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CHART_KINDS } from "../../src/excel/charts";
import { SCATTER_SAMPLE } from "../../src/excel/scatter";
import { CHECK_SYNCS, READ_SYNCS, SAMPLE_ROWS, WRITE_SYNCS, SNAPSHOT_SYNCS } from "../../src/excel/host";
import { readBlockCount } from "../../src/excel/read";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";
import type { AnalysisSettings } from "../../src/excel/port";
import { bookWithTransactions, expectSyncsUnderLimit, settingsFor, transactions, visibleSheetNames } from "./helpers";


describe("run", () => {
  const rows = transactions(60);

  it("writes the Tiers table, one row per customer, with number formats, and the summary by class", async () => {
    const { book, port } = bookWithTransactions(rows);
    const report = await port.run(settingsFor(rows.length), { locale: "en" });
    const customers = new Set(rows.map((r) => r[0])).size;
    expect(report.customers).toBe(customers);
    expect(report.sheets).toEqual({ results: "Tiers", summary: "Tier Summary" });
    expect(visibleSheetNames(book)).toEqual(["Data", "Tiers", "Tier Summary"]);
    const results = book.tables().find((t) => t.name === "TieringResults")!;
    expect(results.sheet).toBe("Tiers");
    expect(results.rows).toBe(customers);
    const h = en.workbook.columns;
    expect(results.header).toEqual([h.customer, h.firstPurchase, h.lastPurchase, h.recencyDays, h.frequency, h.monetary, h.r, h.f, h.m, h.rfmCode, h.segment, h.abcClass, h.cumulativeShare, en.workbook.playbook.strategy, en.workbook.upgrade.nextTier, en.workbook.upgrade.gap.revenue, h.clv, h.mainCategory, h.extraMean("Rating")]);
    // Row of C1 agrees with its transactions.
    const c1 = rows.filter((r) => r[0] === "C1");
    const row = book.tableRows("TieringResults").find((r) => r[0] === "C1")!;
    expect(row[4]).toBe(c1.length);
    expect(row[5]).toBeCloseTo(c1.reduce((s, r) => s + (r[2] as number), 0), 2);
    expect(row[1]).toBe(Math.min(...c1.map((r) => r[1] as number)));
    const formats = book.numberFormats("Tiers", "A2:P2")[0];
    expect(formats[1]).toBe("yyyy-mm-dd");
    expect(formats[5]).toBe("#,##0.00");
    expect(formats[12]).toBe("0.0%");
    expect(formats[9]).toBe("@");
    expect(book.cellStyle("Tiers", "A1").bold).toBe(true);

    const summary = book.tables().find((t) => t.name === "TieringSummary")!;
    expect(summary.sheet).toBe("Tier Summary");
    const tiers = book.tableRows("TieringSummary");
    expect(tiers.map((t) => t[0])).toEqual(["A", "B", "C"].slice(0, tiers.length));
    expect(tiers[0][1]).toBe(en.workbook.strategies.A);
    expect(tiers.reduce((s, t) => s + (t[2] as number), 0)).toBe(customers);
    expect(tiers.reduce((s, t) => s + (t[6] as number), 0)).toBeCloseTo(1, 9);
    expect(report.tiers).toBe(tiers.length);
    expect(book.activeSheet()).toBe("Tier Summary");
    // The playbook: every customer's row carries its class's strategy, the one the summary shows, as text.
    const strategyOf = new Map(tiers.map((t) => [t[0], t[1]]));
    for (const r of book.tableRows("TieringResults")) expect(r[13]).toBe(strategyOf.get(r[11]));
    expect(formats[13]).toBe("@");
    // Upgrade gaps: the next class up and the revenue to its smallest customer; none in A.
    const all = book.tableRows("TieringResults");
    const least = (cls: string) => Math.min(...all.filter((r) => r[11] === cls).map((r) => r[5] as number));
    for (const r of all) {
      if (r[11] === "A") expect(r.slice(14, 16)).toEqual(["", ""]);
      else {
        const next = r[11] === "B" ? "A" : "B";
        expect(r[14]).toBe(next);
        // Rounded up to what a person can act on (whole units, two significant figures above 100): issue 13 §5.
        expect(r[15]).toBe(actionableAmount(least(next) - (r[5] as number)));
        expect((r[5] as number) + (r[15] as number)).toBeGreaterThanOrEqual(least(next));
      }
    }
    expect(formats.slice(14, 16)).toEqual(["@", "#,##0.00"]);
    // The candidates: at most 20, smallest gap relative to revenue first, each pointing at its row.
    expect(report.upgrade.length).toBe(Math.min(20, all.filter((r) => r[11] !== "A").length));
    const relative = report.upgrade.map((u) => u.gap / (all.find((r) => r[0] === u.customer)![5] as number));
    expect(relative).toEqual([...relative].sort((x, y) => x - y));
    for (const u of report.upgrade) {
      expect(u.gapKind).toBe("revenue");
      const row = Number(u.cell.address.slice(1));
      expect(u.cell).toEqual({ sheet: "Tiers", address: `A${row}` });
      expect(all[row - 2][0]).toBe(u.customer);
      expect([u.tier, u.nextTier]).toEqual([all[row - 2][11], all[row - 2][14]]);
    }
  });

  it("ABC by margin: the gap to the next class is margin, in money, in the header (en, zh), the cells and the candidates", async () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const { book, port } = bookWithTransactions(rows);
      // The Rating column (1–5 per purchase) stands in for each purchase's margin.
      const mapping = { customer: 0, date: 1, amount: 2, quantity: -1, margin: 4, category: 3, extra: -1, order: -1 };
      const report = await port.run(settingsFor(rows.length, { mapping, abc: { aCut: 0.8, bCut: 0.95, basis: "margin" } }), { locale });
      const header = book.tables().find((t) => t.name === "TieringResults")!.header;
      const m = locale === "en" ? en : zhCN;
      const gap = header.indexOf(m.workbook.upgrade.gap.margin);
      expect(gap).toBeGreaterThan(0);
      expect(header).not.toContain(m.workbook.upgrade.gap.revenue);
      expect(book.numberFormats(report.sheets.results, `A2:${String.fromCharCode(65 + gap)}2`)[0][gap]).toBe("#,##0.00");
      expect(report.upgrade.length).toBeGreaterThan(0);
      expect(report.upgrade.every((u) => u.gapKind === "margin")).toBe(true);
    }
  });

  it("builds the PivotTable over the results table: rows by class, count of customers, sum of revenue", async () => {
    const { book, port } = bookWithTransactions(rows);
    const report = await port.run(settingsFor(rows.length), { locale: "en" });
    expect(report.pivot).toBe(true);
    const [pivot] = book.pivots("Tier Summary");
    expect(pivot.source).toBe("TieringResults");
    expect(pivot.rows).toEqual([en.workbook.columns.abcClass]);
    expect(pivot.data.map((d) => [d.field, d.summarizeBy, d.name])).toEqual([
      [en.workbook.columns.customer, "Count", en.workbook.summary.pivotCount],
      [en.workbook.columns.monetary, "Sum", en.workbook.summary.pivotSum],
    ]);
    // The PivotTable's numbers agree with the summary table.
    const byClass = new Map(book.tableRows("TieringSummary").map((t) => [t[0], t[2]]));
    for (const [cls, count] of pivot.result.slice(1, -1) as [string, number][]) expect(count).toBe(byClass.get(cls));
  });

  // Issue 11: the manifest requires ExcelApi 1.8, so the note once written on older hosts was unreachable and is
  // gone; the oldest host that loads the add-in builds the PivotTable.
  it("builds the PivotTable on the oldest host the manifest admits (ExcelApi 1.8)", async () => {
    const { book, port } = bookWithTransactions(rows, { excelApi: "1.8" });
    const report = await port.run(settingsFor(rows.length), { locale: "en" });
    expect(report.pivot).toBe(true);
    expect(report.pivotNote).toBeNull();
    expect(book.pivots()).toHaveLength(1);
  });

  it("summarises by segment with strategies, and writes the R×F grid of mean monetary", async () => {
    const { book, port } = bookWithTransactions(rows);
    await port.run(settingsFor(rows.length, { summaryBy: "segment", strategies: { champions: "Call them" } }), { locale: "en" });
    const tiers = book.tableRows("TieringSummary");
    const revenues = tiers.map((t) => t[5] as number);
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
    const names = Object.values(en.segments);
    for (const t of tiers) expect(names).toContain(t[0]);
    const champions = tiers.find((t) => t[0] === en.segments.champions);
    if (champions) expect(champions[1]).toBe("Call them");
    const other = tiers.find((t) => t[0] === en.segments.lost);
    if (other) expect(other[1]).toBe(en.workbook.strategies.lost);
    const values = book.values("Tier Summary");
    const title = values.findIndex((r) => r[0] === en.workbook.summary.heatTitle);
    expect(title).toBeGreaterThan(tiers.length);
    expect(values[title + 1].slice(0, 6)).toEqual([en.workbook.summary.heatCorner, 1, 2, 3, 4, 5]);
    expect(values[title + 2][0]).toBe(5);
  });

  it("speaks Chinese: sheet names, headers, strategies", async () => {
    const { book, port } = bookWithTransactions(rows);
    const report = await port.run(settingsFor(rows.length), { locale: "zh-CN" });
    expect(report.sheets).toEqual({ results: zhCN.workbook.sheets.results, summary: zhCN.workbook.sheets.summary });
    expect(book.tables().find((t) => t.name === "TieringResults")!.header[0]).toBe(zhCN.workbook.columns.customer);
    expect(book.tableRows("TieringSummary")[0][1]).toBe(zhCN.workbook.strategies.A);
  });

  it("reports progress through every phase and honours cancellation between phases", async () => {
    const { book, port } = bookWithTransactions(rows);
    const seen: string[] = [];
    await port.run(settingsFor(rows.length), { locale: "en", onProgress: (p) => seen.push(`${p.phase}:${p.fraction.toFixed(2)}`) });
    expect(seen[0]).toBe("read:0.00");
    expect(seen.at(-1)).toBe("pivot:1.00");
    expect(new Set(seen.map((s) => s.split(":")[0]))).toEqual(new Set(["read", "compute", "write", "pivot"]));
    const controller = new AbortController();
    const sheetsBefore = book.sheets().length;
    const run = port.run(settingsFor(rows.length), { locale: "en", signal: controller.signal, onProgress: (p) => p.phase === "compute" && controller.abort() });
    await expect(run).rejects.toMatchObject({ name: "AbortError", message: en.workbook.errors.cancelled });
    expect(book.sheets().length).toBe(sheetsBefore);
  });
});

describe("ownership", () => {
  const rows = transactions(20);

  it("never overwrites a user's sheet named Tiers; picks Tiers (2) and replaces only its own sheets on the next run", async () => {
    const { book, port } = bookWithTransactions(rows);
    book.addSheet("Tiers", [["my notes", 42]]);
    const first = await port.run(settingsFor(rows.length), { locale: "en" });
    expect(first.sheets.results).toBe("Tiers (2)");
    expect(book.values("Tiers")).toEqual([["my notes", 42]]);
    const second = await port.run(settingsFor(rows.length), { locale: "en" });
    expect(second.sheets).toEqual(first.sheets);
    expect(visibleSheetNames(book)).toEqual(["Data", "Tiers", "Tiers (2)", "Tier Summary"]);
    expect(book.values("Tiers")).toEqual([["my notes", 42]]);
    expect(book.tables().map((t) => t.name).sort()).toEqual(["TieringHistory", "TieringResults", "TieringSummary"]);
    const owned = book.settings()["tiering.ownedSheets"] as string[];
    expect(owned.sort()).toEqual(book.sheets().filter((s) => s.name !== "Data" && s.name !== "Tiers").map((s) => s.id).sort());
  });

  it("leaves a renamed results sheet alone (a snapshot) and writes new sheets beside it", async () => {
    const { book, port } = bookWithTransactions(rows);
    await port.run(settingsFor(rows.length), { locale: "en" });
    await book.run(async (context) => {
      context.workbook.worksheets.getItem("Tiers").name = "Tiers March";
      await context.sync();
    });
    const snapshot = book.values("Tiers March");
    await port.run(settingsFor(rows.length), { locale: "en" });
    expect(book.values("Tiers March")).toEqual(snapshot);
    expect(visibleSheetNames(book)).toEqual(["Data", "Tiers March", "Tiers", "Tier Summary"]);
    expect(book.tables().map((t) => t.name).sort()).toEqual(["TieringHistory", "TieringResults", "TieringResults2", "TieringSummary"]);
  });
});

describe("charts", () => {
  const rows = transactions(80);

  it("builds every kind on the summary sheet, with titles, axis titles and series in the user's language", async () => {
    const { book, port } = bookWithTransactions(rows);
    await port.run(settingsFor(rows.length, { summaryBy: "segment" }), { locale: "en" });
    const tiers = book.tableRows("TieringSummary");
    const labels = tiers.map((t) => t[0]);
    for (const kind of CHART_KINDS) {
      const report = await port.buildChart(kind, "en");
      expect(report.sheet).toBe("Tier Summary");
    }
    const charts = new Map(book.charts("Tier Summary").map((c) => [c.name, c]));
    const column = charts.get("Tiering column")!;
    expect(column.type).toBe("ColumnClustered");
    // Issue 17: the title names the tier basis (segments here), the share axis reads as percentages.
    expect(column.title).toBe(en.chartText.titles.column(en.chartText.basis.segment));
    expect(column.axisFormats).toEqual({ "Value/Primary": "0%" });
    expect(column.series.map((s) => s.name)).toEqual([en.workbook.summary.customerShare, en.workbook.summary.revenueShare]);
    expect(column.series[0].categories).toEqual(labels);
    expect(column.series[1].values).toEqual(tiers.map((t) => t[6]));
    expect(column.axisTitles).toEqual({ "Category/Primary": en.chartText.basisAxis.segment, "Value/Primary": en.workbook.charts.shareAxis });

    for (const [name, type] of [["Tiering pie", "Pie"], ["Tiering doughnut", "Doughnut"]]) {
      const c = charts.get(name)!;
      expect(c.type).toBe(type);
      expect(c.series).toHaveLength(1);
      expect(c.series[0].values).toEqual(tiers.map((t) => t[6]));
      expect(c.legend.visible).toBe(true);
    }

    const pareto = charts.get("Tiering pareto")!;
    expect(pareto.series.map((s) => [s.chartType, s.axisGroup])).toEqual([["ColumnClustered", "Primary"], ["LineMarkers", "Secondary"]]);
    // Sorted by the revenue it plots (issue 17), largest first, whatever the summary's order.
    const byRevenue = [...tiers].sort((a, b) => (b[5] as number) - (a[5] as number));
    expect(pareto.series[0].values).toEqual(byRevenue.map((t) => t[5]));
    expect(pareto.series[0].categories).toEqual(byRevenue.map((t) => t[0]));
    expect(pareto.axisFormats["Value/Secondary"]).toBe("0%");
    const cumulative = pareto.series[1].values as number[];
    expect(cumulative).toEqual([...cumulative].sort((a, b) => a - b));
    expect(cumulative.at(-1)).toBeCloseTo(1, 9);
    expect(pareto.axisTitles["Value/Secondary"]).toBe(en.workbook.charts.cumulativeAxis);

    const scatter = charts.get("Tiering scatter")!;
    expect(scatter.type).toBe("XYScatter");
    // Issue 17: one point per customer (all 80 here: under the sample's size), one series per tier with customers,
    // each point a customer's orders and revenue as the Tiers table has them.
    const results = book.tables().find((t) => t.name === "TieringResults")!;
    const col = (h: string) => results.header.indexOf(h);
    const customersOf = (label: unknown) =>
      book.tableRows("TieringResults").filter((r) => r[col(en.workbook.columns.segment)] === label).map((r) => [r[col(en.workbook.columns.frequency)], r[col(en.workbook.columns.monetary)]]);
    const withCustomers = labels.filter((l) => customersOf(l).length > 0);
    expect(scatter.series.map((s) => s.name)).toEqual(withCustomers);
    const byPoint = (a: unknown[], b: unknown[]) => (a[1] as number) - (b[1] as number) || (a[0] as number) - (b[0] as number);
    for (const s of scatter.series) {
      const points = (s.values as number[]).map((v, i) => [s.categories[i], v]);
      expect(points.sort(byPoint)).toEqual(customersOf(s.name).sort(byPoint));
    }
    expect(scatter.title).toBe(en.chartRules.scatter.title(en.chartText.titles.scatter(en.chartText.basis.segment), 80, 80));
    const logX = scatter.axisScales["Category/Primary"]?.scaleType === "Logarithmic";
    const logY = scatter.axisScales["Value/Primary"]?.scaleType === "Logarithmic";
    expect(scatter.axisTitles).toEqual({ "Category/Primary": en.chartRules.scatter.frequencyAxis(logX), "Value/Primary": en.chartRules.scatter.monetaryAxis(logY) });
    expect(scatter.axisFormats["Value/Primary"]).toBe('[>=1000000]0.0,,"M";[>=1000]0.0,"K";0');
    expect(pareto.axisFormats["Value/Primary"]).toBe(scatter.axisFormats["Value/Primary"]);

    const radar = charts.get("Tiering radar")!;
    expect(radar.type).toBe("Radar");
    expect(radar.series.map((s) => s.name)).toEqual(labels);
    expect(radar.series[0].categories).toEqual([en.workbook.summary.meanR, en.workbook.summary.meanF, en.workbook.summary.meanM]);
    for (const s of radar.series) for (const v of s.values as number[]) expect(v >= 1 && v <= 5).toBe(true);

    const [heat] = book.conditionalFormats("Tier Summary");
    expect(heat.type).toBe("ColorScale");
    expect(heat.address).toMatch(/^B\d+:F\d+$/);
    expect(heat.criteria).toMatchObject({ minimum: { type: "LowestValue" }, maximum: { type: "HighestValue" } });
  });

  it("replaces its own chart of a kind, titles it in Chinese, and rejects with a sentence without a run or RFM", async () => {
    const { book, port } = bookWithTransactions(rows);
    await expect(port.buildChart("pie", "en")).rejects.toThrow(en.workbook.errors.noRun);
    await port.run(settingsFor(rows.length, { rfm: null }), { locale: "zh-CN" });
    await port.buildChart("pie", "zh-CN");
    await port.buildChart("pie", "zh-CN");
    expect(book.charts().map((c) => [c.name, c.title])).toEqual([["Tiering pie", zhCN.chartText.titles.pie(zhCN.chartText.basis.abcClass)]]);
    await expect(port.buildChart("radar", "zh-CN")).rejects.toThrow(zhCN.workbook.errors.chartNeedsRfm);
    await expect(port.buildChart("heatmap", "en")).rejects.toThrow(en.workbook.errors.chartNeedsRfm);
  });

  it("asks for a new run to draw the scatter of customers on a workbook whose last run kept no sample (an earlier version)", async () => {
    const { book, port } = bookWithTransactions(rows);
    await port.run(settingsFor(rows.length, { summaryBy: "segment" }), { locale: "en" });
    await book.run(async (context) => {
      const setting = context.workbook.settings.getItem("tiering.lastRun").load("value");
      await context.sync();
      const { scatter: _scatter, ...earlier } = setting.value as Record<string, unknown>;
      context.workbook.settings.add("tiering.lastRun", earlier);
      await context.sync();
    });
    await expect(port.buildChart("scatter", "en")).rejects.toThrow(en.chartRules.scatter.needsRun);
    await expect(port.buildChart("scatter", "zh-CN")).rejects.toThrow(zhCN.chartRules.scatter.needsRun);
    // The other kinds still draw from the summary.
    await expect(port.buildChart("column", "en")).resolves.toMatchObject({ kind: "column" });
  });
});

describe("sync budget", () => {
  /** One purchase per customer: `n` customers, `n` source rows. */
  const oneEach = (n: number) => Array.from({ length: n }, (_, i) => [`customer-${i + 1}`, 45292 + (i % 360), 10 + (i % 997) * 1.37, "", ""]);

  it("writes 100,000 customers with the same number of sync() calls as 100, each payload under 5 MB", async () => {
    const counts: number[] = [];
    for (const n of [100, 100_000]) {
      const { book, port } = bookWithTransactions(oneEach(n));
      const report = await port.run(settingsFor(n, { mapping: { customer: 0, date: 1, amount: 2, quantity: -1, margin: -1, category: -1, extra: -1, order: -1 } }), { locale: "en" });
      expect(report.customers).toBe(n);
      expect(book.tables().find((t) => t.name === "TieringResults")!.rows).toBe(n);
      const log = book.syncLog();
      counts.push(log.length);
      expectSyncsUnderLimit(log);
      // Every write sync runs with calculation suspended.
      expect(log.slice(1 + READ_SYNCS + CHECK_SYNCS).every((s) => s.calculationSuspended)).toBe(true);
      if (n === 100_000) expect(Math.max(...log.map((s) => s.requestBytes))).toBeGreaterThan(1024 * 1024);
      // The scatter of customers (issue 17): drawn from the sample the run wrote (at most SCATTER_SAMPLE points),
      // in the chart job's constant syncs: the last run, the summary sheet, the existing chart (when one may be
      // replaced), the write; each under 5 MB.
      for (let build = 0; build < 2; build++) {
        book.resetSyncLog();
        await port.buildChart("scatter", "en");
        const chartLog = book.syncLog();
        expect(chartLog.length).toBe(4);
        expectSyncsUnderLimit(chartLog);
      }
      const scatter = book.charts("Tier Summary").find((c) => c.name === "Tiering scatter")!;
      const points = scatter.series.reduce((sum, s) => sum + (s.values as number[]).length, 0);
      expect(points).toBe(Math.min(n, SCATTER_SAMPLE));
      expect(scatter.title).toBe(en.chartRules.scatter.title(en.chartText.titles.scatter(en.chartText.basis.abcClass), Math.min(n, SCATTER_SAMPLE), n));
    }
    expect(counts[0]).toBe(1 + READ_SYNCS + CHECK_SYNCS + WRITE_SYNCS + 1 + SNAPSHOT_SYNCS);
    expect(counts[1]).toBe(counts[0]);
  }, 120_000);

  it("reads 100,000 customers × 5 rows (500,000 source rows) in more read syncs, as the sampled bytes say, each under 5 MB", async () => {
    const n = 100_000;
    const rows: unknown[][] = [];
    for (let i = 0; i < n; i++) for (let k = 0; k < 5; k++) rows.push([`customer-${i + 1}`, 45292 + ((i + k * 67) % 360), 10 + ((i * 5 + k) % 997) * 1.37, "", ""]);
    const mapping = { customer: 0, date: 1, amount: 2, quantity: -1, margin: -1, category: -1, extra: -1, order: -1 };
    const { book, port } = bookWithTransactions(rows);
    const report = await port.run(settingsFor(rows.length, { mapping }), { locale: "en" });
    expect(report.customers).toBe(n);
    expect(report.quality.rowsRead).toBe(5 * n);
    const log = book.syncLog();
    expectSyncsUnderLimit(log);
    // What the run is designed to take: the read blocks the sample asks for (6 here: about 4 MB of
    // cells per 100,000 source rows), the same 6 write syncs as for one row per customer.
    const top = rows.slice(0, SAMPLE_ROWS);
    const blocks = readBlockCount(rows.length, ["customer", "date", "amount"], { rows: top.length, cells: { customer: top.map((r) => r[0]), date: top.map((r) => r[1]), amount: top.map((r) => r[2]) } });
    expect(blocks).toBe(6);
    expect(log.length).toBe(1 + blocks + CHECK_SYNCS + WRITE_SYNCS + 1 + SNAPSHOT_SYNCS);
  }, 180_000);
});

describe("reading, settings and cells", () => {
  it("previews the selection's current region and a table, with the header and five rows", async () => {
    const rows = transactions(10);
    const { book, port } = bookWithTransactions(rows);
    book.select("Data", "B3");
    const preview = await port.previewSelection(true, "en");
    expect(preview.source).toEqual({ kind: "range", sheet: "Data", address: `A1:E${rows.length + 1}` });
    expect(preview.header).toEqual(["Customer", "Date", "Amount", "Category", "Rating"]);
    expect(preview.sample).toEqual(rows.slice(0, 5));
    expect(preview.rows).toBe(rows.length);
    const bare = await port.previewSelection(false, "zh-CN");
    expect(bare.header[0]).toBe(zhCN.workbook.columnLetter("A"));
    book.addTable("Data", `A1:E${rows.length + 1}`, "Sales");
    expect(await port.listTables()).toEqual([{ name: "Sales", sheet: "Data", address: `A1:E${rows.length + 1}`, rows: rows.length }]);
    const fromTable = await port.previewSource({ kind: "table", name: "Sales" }, true, "en");
    expect(fromTable.header).toEqual(preview.header);
    await expect(port.previewSource({ kind: "table", name: "Gone" }, true, "en")).rejects.toThrow(en.workbook.errors.sourceGone("Gone"));
  });

  it("detects the header row when asked (\"auto\") and says it did; a table always has one", async () => {
    const rows = transactions(10);
    const { book, port } = bookWithTransactions(rows);
    book.addSheet("Bare", rows);
    book.addSheet("中文", [["客户", "日期", "金额"], ["张三", 45300, 12], ["李四", 45301, 8]]);
    book.select("Data", "B3");
    const detected = await port.previewSelection("auto", "en");
    expect(detected).toMatchObject({ hasHeader: true, headerDetected: true, rows: rows.length });
    expect(detected.header).toEqual(["Customer", "Date", "Amount", "Category", "Rating"]);
    expect((await port.previewSelection(true, "en")).headerDetected).toBe(false);
    book.select("Bare", "A1");
    const bare = await port.previewSelection("auto", "en");
    expect(bare).toMatchObject({ hasHeader: false, headerDetected: true, rows: rows.length });
    expect(bare.header[0]).toBe(en.workbook.columnLetter("A"));
    expect(bare.sample[0]).toEqual(rows[0]);
    book.select("中文", "A1");
    expect((await port.previewSelection("auto", "zh-CN")).header).toEqual(["客户", "日期", "金额"]);
    // A table's range starts with its header row, whatever its first rows look like.
    book.addSheet("Codes", [["a1", "b1"], ["a2", "b2"]]);
    book.addTable("Codes", "A1:B2", "Codes");
    expect(await port.previewSource({ kind: "table", name: "Codes" }, "auto", "en")).toMatchObject({ hasHeader: true, headerDetected: true, header: ["a1", "b1"] });
  });

  it("loads settings saved before the order column existed with the order unmapped", async () => {
    const rows = transactions(5);
    const { port } = bookWithTransactions(rows);
    const settings = settingsFor(rows.length);
    const { order: _order, ...oldMapping } = settings.mapping;
    await port.saveSettings({ ...settings, mapping: oldMapping as typeof settings.mapping });
    expect((await port.loadSettings())!.mapping).toEqual({ ...oldMapping, order: -1 });
    const report = await port.run({ ...settings, mapping: oldMapping as typeof settings.mapping }, { locale: "en" });
    expect(report.quality.orders).toBeUndefined();
  });

  it("saves and loads the analysis settings in the document, and run saves them too", async () => {
    const rows = transactions(5);
    const { port } = bookWithTransactions(rows);
    expect(await port.loadSettings()).toBeNull();
    const settings = settingsFor(rows.length, { asOf: "2025-01-31" });
    await port.saveSettings(settings);
    expect(await port.loadSettings()).toEqual(settings);
    const other = settingsFor(rows.length, { summaryBy: "segment" });
    await port.run(other, { locale: "en" });
    expect(await port.loadSettings()).toEqual(other);
  });

  it("selects a cell on its sheet", async () => {
    const { book, port } = bookWithTransactions(transactions(3));
    await port.selectCell({ sheet: "Data", address: "C4" });
    expect(book.selection()).toEqual({ sheet: "Data", address: "C4" });
    expect(book.activeSheet()).toBe("Data");
  });

  it("rejects with sentences: no source, unmapped column, impossible settings, Excel's refusal", async () => {
    const rows = transactions(5);
    const { book, port } = bookWithTransactions(rows);
    await expect(port.run({ ...settingsFor(rows.length), source: null }, { locale: "en" })).rejects.toThrow(en.workbook.errors.noSource);
    const unmapped = settingsFor(rows.length);
    unmapped.mapping = { ...unmapped.mapping, date: -1 };
    await expect(port.run(unmapped, { locale: "en" })).rejects.toThrow(en.workbook.errors.mappingMissing(en.workbook.roles.date));
    await expect(port.run(settingsFor(rows.length, { rfm: null, abc: null }), { locale: "zh-CN" })).rejects.toThrow(zhCN.workbook.errors.noAnalysis);
    await expect(port.run(settingsFor(rows.length, { clv: { margin: 2, retention: 1, discount: 0, years: 1 } }), { locale: "en" })).rejects.toThrow(en.workbook.errors.clvMargin("2"));
    await expect(port.run(settingsFor(rows.length, { asOf: "2020-01-01" }), { locale: "en" })).rejects.toThrow(/before the first purchase/); // issue 14: only a date before every purchase is refused
    book.configure({ payloadLimit: 100 });
    const refused = await port.run(settingsFor(rows.length), { locale: "en" }).catch((e: Error & { cause?: unknown }) => e);
    expect(refused).toBeInstanceOf(Error);
    expect((refused as Error).message).toBe(en.workbook.errors.tooLarge);
    expect((refused as { cause?: { code?: string } }).cause?.code).toMatch(/^Re(quest|sponse)PayloadSizeLimitExceeded$/);
  });
});

describe("Online Retail sample (../shared/data)", () => {
  it("reads amount = Quantity × UnitPrice, reports missing ids and cancellations, and writes every customer", async () => {
    const { createStandIn } = await import("../../src/standin");
    const { createWorkbookPort } = await import("../../src/excel/jobs");
    const book = createStandIn();
    const csv = readFileSync(new URL("../../../shared/data/online_retail_sample_20k.csv", import.meta.url), "utf8");
    book.addSheetFromCsv("Online Retail", csv);
    book.select("Online Retail", "A1");
    const port = createWorkbookPort(book.host);
    const preview = await port.previewSelection("auto", "en");
    expect(preview.hasHeader).toBe(true);
    expect(preview.rows).toBe(20000);
    expect(preview.header).toEqual(["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID", "Country"]);
    const settings: AnalysisSettings = {
        source: preview.source,
        hasHeader: true,
        mapping: { customer: 6, date: 4, amount: 5, quantity: 3, margin: -1, category: 7, extra: -1, order: -1 },
        asOf: null,
        rfm: { bins: 5, breakpoints: null, scheme: "cn8" },
        abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" },
        clv: { margin: 0.25, retention: 0.7, discount: 0.1, years: 3 },
        predict: null,
        summaryBy: "segment",
        strategies: {},
      };
    const report = await port.run(settings, { locale: "en" });
    const q = report.quality;
    expect(q.rowsRead).toBe(20000);
    expect(q.leftOut.blankCustomer).toBe(5078);
    // Negative-quantity rows with a customer id are returns (the rest lack an id and count as blankCustomer).
    expect(q.leftOut.returns).toBeGreaterThan(300);
    expect(q.leftOut.returns).toBeLessThanOrEqual(398);
    expect(q.rowsUsed + q.leftOut.blankCustomer + q.leftOut.returns).toBe(20000);
    expect(q.firstProblem!.cell).toEqual({ sheet: "Online Retail", address: "G2" });
    expect(q.firstProblem!.message).toBe(en.workbook.quality.cellProblem("G2", en.problems.blankCustomer));
    expect(report.customers).toBeGreaterThan(2900);
    expect(report.customers).toBeLessThanOrEqual(3049);
    expect(book.tables().find((t) => t.name === "TieringResults")!.rows).toBe(report.customers);
    const cn8 = new Set(Object.keys(zhCN.segments).filter((k) => k.startsWith("important") || k.startsWith("general")).map((k) => en.segments[k as keyof typeof en.segments]));
    for (const t of book.tableRows("TieringSummary")) expect(cn8.has(t[0] as string)).toBe(true);
    await port.buildChart("pareto", "en");
    expect(book.charts()[0].series).toHaveLength(2);

    // With InvoiceNo as the order column: the same rows, grouped into invoices; the summary's Orders count them.
    const invoices = new Set<string>();
    for (const line of csv.trim().split(/\r?\n/).slice(1)) {
      const f = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((s) => s.replace(/,$/, "").replace(/^"|"$/g, ""));
      if (f[6] !== "NA" && f[6] !== "" && Number(f[3]) * Number(f[5]) >= 0) invoices.add(`${f[6]}|${f[0]}`);
    }
    const byOrder = await port.run({ ...settings, mapping: { ...settings.mapping, order: 0 } }, { locale: "en" });
    expect(byOrder.quality.rowsUsed).toBe(q.rowsUsed);
    expect(byOrder.quality.leftOut).toEqual(q.leftOut);
    expect(byOrder.quality.orders).toBe(invoices.size);
    expect(invoices.size).toBeLessThan(q.rowsUsed); // a sample of lines: about half its invoices have more than one
    expect(byOrder.customers).toBe(report.customers);
    const summary = book.tables().find((t) => t.name === "TieringSummary")!;
    const ordersColumn = summary.header.indexOf(en.workbook.summary.orders);
    expect(book.tableRows("TieringSummary").reduce((s, row) => s + (row[ordersColumn] as number), 0)).toBe(invoices.size);
  }, 60_000);
});

describe("errors of the small port methods speak the pane's language", () => {
  it("listTables, selectCell, loadSettings and saveSettings reject in Chinese when asked", async () => {
    const { book, port } = bookWithTransactions(transactions(3));
    await expect(port.selectCell({ sheet: "Gone", address: "A1" }, "zh-CN")).rejects.toThrow(zhCN.workbook.errors.excel("x").slice(0, 10));
    book.configure({ failSync: { index: book.syncLog().length + 1, applied: 0 } });
    await expect(port.listTables("zh-CN")).rejects.toThrow(zhCN.workbook.errors.excel("x").slice(0, 10));
    book.configure({ failSync: { index: book.syncLog().length + 1, applied: 0 } });
    await expect(port.loadSettings("zh-CN")).rejects.toThrow(zhCN.workbook.errors.excel("x").slice(0, 10));
    book.configure({ failSync: { index: book.syncLog().length + 1, applied: 0 } });
    await expect(port.saveSettings(settingsFor(3), "zh-CN")).rejects.toThrow(zhCN.workbook.errors.excel("x").slice(0, 10));
    // English when no locale is given.
    await expect(port.selectCell({ sheet: "Gone", address: "A1" })).rejects.toThrow(en.workbook.errors.excel("x").slice(0, 20));
  });
});
