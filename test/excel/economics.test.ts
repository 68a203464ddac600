/**
 * Issue 15 §3 in the workbook: with costs in the run's settings the Tier Summary gains gross margin, cost to serve,
 * net contribution, net per customer and return on cost per tier, equal to the core's (tierEconomics over the run's
 * tiers), and with Predict the margin CLV net of the expected cost to serve; without costs it is as before, and the
 * run's syncs are the same in number either way. Runs under both host profiles (vitest.config.mts).
 */
import { describe, expect, it } from "vitest";
import { PREDICT_DEFAULTS } from "../../src/core/analysis/predictions";
import { runAnalysis } from "../../src/core/analysis/run";
import { netMarginClv, periodMonths, tierEconomics, type EconomicsOptions } from "../../src/core/tiers/economics";
import { FORMAT } from "../../src/excel/formats";
import type { AnalysisSettings } from "../../src/excel/port";
import { en } from "../../src/i18n/en";
import { zhCN } from "../../src/i18n/zh-CN";
import { bookWithTransactions, churningTransactions, expectSyncsUnderLimit, settingsFor } from "./helpers";

const ECONOMICS: EconomicsOptions = {
  costs: { A: { perCustomer: 12, perOrder: 1.5, fixed: 400 }, B: { perCustomer: 6, perOrder: 1.5, fixed: 0 } },
  otherTiers: { perCustomer: 2, perOrder: 1, fixed: 0 },
  margin: 0.35,
  costPerUpgrade: null,
};

const col = (header: readonly unknown[], name: string) => {
  const k = header.indexOf(name);
  if (k < 0) throw new Error(`no column "${name}" in ${JSON.stringify(header)}`);
  return k;
};

describe("the Tier Summary's economics columns", () => {
  const rows = churningTransactions(150, 11);
  const h = en.economics.summary;

  it("equal the core's per class, with the period in the cost header; return on cost as a percentage", async () => {
    const { book, port } = bookWithTransactions(rows);
    const settings: AnalysisSettings = settingsFor(rows.length, { economics: ECONOMICS });
    await port.run(settings, { locale: "en" });
    const table = book.tables().find((t) => t.name === "TieringSummary")!;
    const body = book.tableRows("TieringSummary");
    const at = {
      tier: 0,
      margin: col(table.header, h.grossMargin),
      cost: col(table.header, h.costToServe(h.periodAll)),
      net: col(table.header, h.netContribution),
      per: col(table.header, h.netPerCustomer),
      ret: col(table.header, h.returnOnCost),
    };
    const cells = (k: number) => rows.map((r) => r[k]);
    const core = runAnalysis({ customers: cells(0), dates: cells(1), amounts: cells(2) }, { abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" }, tierBy: "abcClass" });
    const expected = tierEconomics(core.tiers.map((t) => ({ tier: t.key, customers: t.customers, orders: t.orders, revenue: t.revenue })), { tiers: ECONOMICS.costs, default: ECONOMICS.otherTiers }, 0.35).rows;
    expect(body.length).toBe(expected.length);
    body.forEach((row, k) => {
      const e = expected[k];
      expect(row[at.tier]).toBe(e.tier);
      expect(row[at.margin] as number).toBeCloseTo(e.grossMargin, 2);
      expect(row[at.cost] as number).toBeCloseTo(e.costToServe, 2);
      expect(row[at.net] as number).toBeCloseTo(e.netContribution, 2);
      expect(row[at.net] as number).toBeCloseTo((row[at.margin] as number) - (row[at.cost] as number), 2);
      expect(row[at.per] as number).toBeCloseTo(e.netPerCustomer!, 2);
      expect(row[at.ret] as number).toBeCloseTo(e.returnOnCost!, 9);
    });
    const formats = book.numberFormats("Tier Summary", "A2:Z2")[0];
    expect(formats[at.ret]).toBe(FORMAT.percent);
    expect(formats[at.cost]).toBe(FORMAT.money);
  });

  it("with the Margin column: each tier's gross margin is the plain sum of its customers' margin cells (the core's tierInputs, as tier --margin-column)", async () => {
    const { book, port } = bookWithTransactions(rows);
    const mapping = { ...settingsFor(rows.length).mapping, margin: 4, extra: -1 };
    await port.run(settingsFor(rows.length, { mapping, economics: { ...ECONOMICS, margin: "column" } }), { locale: "en" });
    const table = book.tables().find((t) => t.name === "TieringSummary")!;
    const margin = col(table.header, h.grossMargin);
    const cells = (k: number) => rows.map((r) => r[k]);
    const core = runAnalysis({ customers: cells(0), dates: cells(1), amounts: cells(2) }, { abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" }, tierBy: "abcClass" });
    const tierOfId = new Map(core.summary.customerIds.map((id, c) => [id, core.tierOf[c]]));
    const plain = new Map<string, number>();
    for (const r of rows) {
      const key = core.tiers.find((t) => t.index === tierOfId.get(r[0] as string))!.key;
      plain.set(key, (plain.get(key) ?? 0) + (r[4] as number));
    }
    const body = book.tableRows("TieringSummary");
    expect(body.length).toBe(core.tiers.length);
    for (const row of body) expect(row[margin] as number).toBeCloseTo(plain.get(row[0] as string)!, 6);
  });

  it("a tier whose cost is 0 has a blank return on cost; Chinese headers; a window names its months", async () => {
    const { book, port } = bookWithTransactions(rows);
    const free: EconomicsOptions = { ...ECONOMICS, costs: {}, otherTiers: null };
    await port.run(settingsFor(rows.length, { economics: free, windowMonths: 6 }), { locale: "zh-CN" });
    const table = book.tables().find((t) => t.name === "TieringSummary")!;
    const z = zhCN.economics.summary;
    const ret = col(table.header, z.returnOnCost);
    col(table.header, z.costToServe(z.periodWindow(6)));
    for (const row of book.tableRows("TieringSummary")) expect(row[ret]).toBe("");
  });

  it("without costs the summary has no economics column, and the syncs are as many with as without", async () => {
    const none = bookWithTransactions(rows);
    await none.port.run(settingsFor(rows.length), { locale: "en" });
    const header = none.book.tables().find((t) => t.name === "TieringSummary")!.header;
    expect(header).not.toContain(h.grossMargin);
    const withCosts = bookWithTransactions(rows);
    await withCosts.port.run(settingsFor(rows.length, { economics: ECONOMICS }), { locale: "en" });
    expect(withCosts.book.syncLog().length).toBe(none.book.syncLog().length);
    expectSyncsUnderLimit(withCosts.book.syncLog());
  });

  it("with Predict: the margin CLV net of the expected cost to serve per tier, as the core's netMarginClv", async () => {
    const { book, port } = bookWithTransactions(rows);
    await port.run(settingsFor(rows.length, { economics: ECONOMICS, predict: { ...PREDICT_DEFAULTS } }), { locale: "en" });
    const table = book.tables().find((t) => t.name === "TieringSummary")!;
    const at = col(table.header, h.netMarginClv(PREDICT_DEFAULTS.horizonMonths));
    const cells = (k: number) => rows.map((r) => r[k]);
    const core = runAnalysis({ customers: cells(0), dates: cells(1), amounts: cells(2) }, { abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" }, tierBy: "abcClass", predict: { ...PREDICT_DEFAULTS } });
    const model = core.predict!.model!;
    const keyOf = new Map(core.tiers.map((t) => [t.index, t.key]));
    const costs = Array.from(core.tierOf, (t) => {
      const key = keyOf.get(t);
      return key === undefined ? null : (ECONOMICS.costs[key] ?? ECONOMICS.otherTiers);
    });
    const first = Math.min(...core.summary.firstPurchase);
    const net = netMarginClv(Float64Array.from(model.clv, (v) => v * 0.35), model.expectedPurchases, model.pAlive, costs, PREDICT_DEFAULTS.horizonMonths, periodMonths(null, first, core.summary.asOf));
    core.tiers.forEach((t, k) => {
      let sum = 0;
      core.tierOf.forEach((x, c) => {
        if (x === t.index && net[c] === net[c]) sum += net[c];
      });
      expect(book.tableRows("TieringSummary")[k][at] as number).toBeCloseTo(sum, 1);
    });
  });
});

describe("the economics settings in the workbook", () => {
  const rows = churningTransactions(40, 5);
  it("a run refuses bad costs before reading a row, naming the tier and column; the Margin column unmapped too", async () => {
    const { port } = bookWithTransactions(rows);
    const bad: EconomicsOptions = { ...ECONOMICS, costs: { A: { perCustomer: -1, perOrder: 0, fixed: 0 } } };
    await expect(port.run(settingsFor(rows.length, { economics: bad }), { locale: "en" })).rejects.toThrow(en.economics.pane.problems.cost("A", en.economics.pane.perCustomer, "-1"));
    await expect(port.run(settingsFor(rows.length, { economics: { ...ECONOMICS, margin: "column" } }), { locale: "en" })).rejects.toThrow(en.economics.pane.problems.needsColumn);
    // The Margin column's sums are not windowed, the revenue is: refused rather than set against each other.
    const mapped = { ...settingsFor(rows.length).mapping, margin: 4, extra: -1 };
    await expect(port.run(settingsFor(rows.length, { mapping: mapped, windowMonths: 6, economics: { ...ECONOMICS, margin: "column" } }), { locale: "en" })).rejects.toThrow(en.economics.pane.problems.columnWindow);
  });

  it("are saved with the settings and read back; settings saved before them load without", async () => {
    const { port } = bookWithTransactions(rows);
    const settings = settingsFor(rows.length, { economics: { ...ECONOMICS, costPerUpgrade: 15 } });
    await port.run(settings, { locale: "en" });
    expect((await port.loadSettings())?.economics).toEqual({ ...ECONOMICS, costPerUpgrade: 15 });
    const earlier = bookWithTransactions(rows);
    await earlier.port.run(settingsFor(rows.length), { locale: "en" });
    expect((await earlier.port.loadSettings())?.economics).toBeUndefined();
  });
});
