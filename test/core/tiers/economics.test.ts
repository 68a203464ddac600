import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { economicsProblems, netMarginClv, netMarginClvByTier, periodMonths, tierEconomics, tierInputs, type CostTable, type TierInput } from "../../../src/core/tiers/economics";
import { upgradeEconomics } from "../../../src/core/tiers/economics-upgrades";
import { expectCoreError } from "../../support/core-error";

const DATA = `${__dirname}/../../../../shared/data/`;

describe("tierEconomics", () => {
  it("computes margin, cost to serve, net, net per customer and return on cost by hand", () => {
    const table: CostTable = { tiers: { Gold: { perCustomer: 10, perOrder: 2, fixed: 100 }, Silver: { perCustomer: 5, perOrder: 1, fixed: 0 } } };
    const rows: TierInput[] = [
      { tier: "Gold", customers: 20, orders: 60, revenue: 5000 },
      { tier: "Silver", customers: 50, orders: 80, revenue: 3000 },
    ];
    const r = tierEconomics(rows, table, 0.4);
    // Gold: margin 2000; cost 200 + 120 + 100 = 420; net 1580; per customer 79; return 1580/420.
    expect(r.rows[0]).toEqual({ tier: "Gold", customers: 20, orders: 60, revenue: 5000, grossMargin: 2000, costToServe: 420, netContribution: 1580, netPerCustomer: 79, returnOnCost: 1580 / 420 });
    // Silver: margin 1200; cost 250 + 80 = 330; net 870.
    expect(r.rows[1]).toMatchObject({ grossMargin: 1200, costToServe: 330, netContribution: 870, netPerCustomer: 17.4, returnOnCost: 870 / 330 });
    expect(r.unpriced).toEqual([]);
  });

  it("takes a tier's margin from the margin column's sum over the rate", () => {
    const r = tierEconomics([{ tier: "A", customers: 2, orders: 3, revenue: 100, margin: 35 }], { tiers: { a: { perCustomer: 1, perOrder: 1, fixed: 0 } } }, 0.9);
    expect(r.rows[0]).toMatchObject({ grossMargin: 35, costToServe: 5, netContribution: 30 });
  });

  it("uses the default row, else prices at 0 and names the tier; ratios not defined are null, never Infinity or NaN", () => {
    const rows: TierInput[] = [
      { tier: "A", customers: 1, orders: 1, revenue: 10 },
      { tier: "B", customers: 0, orders: 0, revenue: 0 },
    ];
    const withDefault = tierEconomics(rows, { tiers: {}, default: { perCustomer: 0, perOrder: 0, fixed: 7 } }, 0.5);
    expect(withDefault.rows.map((r) => r.costToServe)).toEqual([7, 7]);
    expect(withDefault.rows[1]).toMatchObject({ netContribution: -7, netPerCustomer: null, returnOnCost: -1 });
    const none = tierEconomics(rows, { tiers: { A: { perCustomer: 0, perOrder: 0, fixed: 0 } } }, 0.5);
    expect(none.unpriced).toEqual(["B"]);
    expect(none.rows[0]).toMatchObject({ costToServe: 0, netContribution: 5, returnOnCost: null });
  });

  it("refuses a negative or non-numeric cost naming the tier and the field", () => {
    expectCoreError(() => tierEconomics([], { tiers: { Gold: { perCustomer: -1, perOrder: 0, fixed: 0 } } }, 0.3), "badCost", { tier: "Gold", field: "perCustomer" });
    expectCoreError(() => tierEconomics([], { tiers: {}, default: { perCustomer: 0, perOrder: NaN, fixed: 0 } }, 0.3), "badCost", { tier: "*", field: "perOrder" });
    expectCoreError(() => tierEconomics([], { tiers: {} }, 1.5), "badMargin");
  });

  it("says so instead of returning Infinity: a cost whose total would overflow is refused before any sum (badCost, its tier and field)", () => {
    expectCoreError(() => tierEconomics([{ tier: "A", customers: 10, orders: 0, revenue: 0 }], { tiers: { A: { perCustomer: 1e308, perOrder: 0, fixed: 0 } } }, 0.5), "badCost", { tier: "A", field: "perCustomer" });
  });

  it("holds the identity net = margin − per customer × customers − per order × orders − fixed on random tables", () => {
    const money = fc.double({ min: 0, max: 1e6, noNaN: true });
    const cost = fc.record({ perCustomer: money, perOrder: money, fixed: money });
    const tier = fc.record({ customers: fc.nat(10_000), orders: fc.nat(100_000), revenue: money, margin: fc.option(money, { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(fc.tuple(tier, cost), { maxLength: 8 }), fc.double({ min: 0, max: 1, noNaN: true }), (list, rate) => {
        const rows = list.map(([t], k) => ({ tier: `T${k}`, ...t }));
        const table: CostTable = { tiers: Object.fromEntries(list.map(([, c], k) => [`T${k}`, c])) };
        const r = tierEconomics(rows, table, rate);
        r.rows.forEach((e, k) => {
          const [t, c] = list[k];
          const margin = t.margin ?? t.revenue * rate;
          const net = margin - c.perCustomer * t.customers - c.perOrder * t.orders - c.fixed;
          expect(e.grossMargin).toBe(margin);
          // The same sum in another order: equal to rounding, relative to the terms' size.
          const scale = Math.max(1, margin, c.perCustomer * t.customers + c.perOrder * t.orders + c.fixed);
          expect(Math.abs(e.netContribution - net)).toBeLessThanOrEqual(1e-12 * scale);
          expect(e.netContribution).toBe(e.grossMargin - e.costToServe);
          const ratio = e.netContribution / e.costToServe;
          // Not defined: no cost, or a cost so small the quotient passes every double (fast-check found 5e-324).
          if (e.costToServe === 0 || !Number.isFinite(ratio)) expect(e.returnOnCost).toBeNull();
          else expect(e.returnOnCost).toBe(ratio);
          if (t.customers === 0) expect(e.netPerCustomer).toBeNull();
          for (const v of [e.grossMargin, e.costToServe, e.netContribution, e.netPerCustomer ?? 0, e.returnOnCost ?? 0]) expect(Number.isFinite(v)).toBe(true);
        });
      }),
    );
  });

  it("refuses a cost past 10^15, so no total or net margin CLV can overflow to Infinity", () => {
    const table: CostTable = { tiers: { T: { perCustomer: 1e300, perOrder: 0, fixed: 0 } } };
    expect(() => tierEconomics([{ tier: "T", customers: 1e7, orders: 0, revenue: 0 }], table, 0.3)).toThrow(expect.objectContaining({ code: "badCost", details: expect.objectContaining({ tier: "T", field: "perCustomer" }) }));
    expect(() => tierEconomics([{ tier: "T", customers: 1, orders: 0, revenue: 0 }], { tiers: { T: { perCustomer: 1e15, perOrder: 0, fixed: 0 } } }, 0.3)).not.toThrow();
  });

  it("a cost so small that net ÷ cost passes every double gives no return on cost (null), never Infinity", () => {
    const table: CostTable = { tiers: { T: { perCustomer: 0, perOrder: 0, fixed: 5e-324 } } };
    const [e] = tierEconomics([{ tier: "T", customers: 0, orders: 0, revenue: 0, margin: 8.881784197001252e-16 }], table, 0).rows;
    expect(e.costToServe).toBe(5e-324);
    expect(e.returnOnCost).toBeNull();
  });

  it("CDNOW_master: per tier, equals a plain loop over the file (23,570 customers, 69,659 rows)", () => {
    const lines = readFileSync(`${DATA}CDNOW_master.txt`, "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.trim().split(/\s+/));
    expect(lines.length).toBe(69659);
    // Independently: per customer, rows and dollars; the tier by rows (1, 2–3, 4+).
    const byId = new Map<string, { orders: number; revenue: number }>();
    for (const [id, , , dollars] of lines) {
      const c = byId.get(id) ?? { orders: 0, revenue: 0 };
      c.orders++;
      c.revenue += Number(dollars);
      byId.set(id, c);
    }
    expect(byId.size).toBe(23570);
    const customers = [...byId.values()];
    const tierOf = customers.map((c) => (c.orders >= 4 ? 0 : c.orders >= 2 ? 1 : 2));
    const names = ["Loyal", "Repeat", "One-off"];
    const costs = { Loyal: { perCustomer: 12, perOrder: 3.5, fixed: 5000 }, Repeat: { perCustomer: 4, perOrder: 3.5, fixed: 2000 } };
    const table: CostTable = { tiers: costs, default: { perCustomer: 1, perOrder: 3.5, fixed: 0 } };
    const r = tierEconomics(tierInputs(tierOf, names, customers.map((c) => c.orders), customers.map((c) => c.revenue)), table, 0.3);
    const expected = names.map((name, k) => {
      const cost = k === 2 ? table.default! : costs[name as keyof typeof costs];
      let n = 0;
      let orders = 0;
      let revenue = 0;
      customers.forEach((c, i) => {
        if (tierOf[i] !== k) return;
        n++;
        orders += c.orders;
        revenue += c.revenue;
      });
      const costToServe = cost.perCustomer * n + cost.perOrder * orders + cost.fixed;
      return { n, orders, revenue, net: revenue * 0.3 - costToServe, costToServe };
    });
    r.rows.forEach((e, k) => {
      expect(e.customers).toBe(expected[k].n);
      expect(e.orders).toBe(expected[k].orders);
      expect(e.revenue).toBeCloseTo(expected[k].revenue, 6);
      expect(e.costToServe).toBeCloseTo(expected[k].costToServe, 6);
      expect(e.netContribution).toBeCloseTo(expected[k].net, 6);
    });
    expect(r.rows.reduce((s, e) => s + e.customers, 0)).toBe(23570);
    expect(r.rows.reduce((s, e) => s + e.orders, 0)).toBe(69659);
  });
});

describe("tierInputs", () => {
  it("adds customers, orders, revenue and the margin column per tier; a blank margin adds nothing; no tier is not counted", () => {
    const rows = tierInputs([0, 1, 0, 9], ["A", "B"], [1, 2, 3, 4], [10, 20, 30, 40], [1, NaN, 3, 4]);
    expect(rows).toEqual([
      { tier: "A", customers: 2, orders: 4, revenue: 40, margin: 4 },
      { tier: "B", customers: 1, orders: 2, revenue: 20, margin: 0 },
    ]);
  });
});

describe("netMarginClv", () => {
  it("takes the per-order cost of the expected purchases and the per-customer cost over the horizon, weighted by P(alive)", () => {
    const cost = { perCustomer: 6, perOrder: 2, fixed: 1000 };
    // Horizon 12 months, period 6 months: two periods. 100 − 2 × 3 − 6 × 0.5 × 2 = 88. Fixed costs stay out.
    const net = netMarginClv([100, NaN], [3, 1], [0.5, 1], [cost, cost], 12, 6);
    expect(net[0]).toBeCloseTo(88, 12);
    expect(net[1]).toBeNaN();
    expect(netMarginClv([50], [1], [1], [null], 12, 12)[0]).toBe(50);
    expectCoreError(() => netMarginClv([1], [1], [1], [cost], 0, 12), "badHorizon");
  });

  it("reads the period as the window, else the span to the analysis date", () => {
    expect(periodMonths(6, 0, 1000)).toBe(6);
    expect(periodMonths(null, 0, 365.25 - 1)).toBeCloseTo(12, 12);
  });
});

describe("upgradeEconomics", () => {
  const before = { ids: ["a", "b", "c", "d", "e"], tiers: ["C", "B", "A", "C", ""], revenue: [10, 20, 30, 40, 50] };
  const after = { ids: ["a", "b", "c", "d", "e", "f"], tiers: ["A", "A", "B", "C", "A", "A"], revenue: [100, 25, 10, 40, 80, 70] };

  it("counts the customers moved up in the order given, and weighs their cost against their revenue change", () => {
    // Up: a (C → A, +90) and b (B → A, +5); c went down, d stayed, e had no tier before, f is new.
    const r = upgradeEconomics(before, after, ["A", "B", "C"], 7.5);
    expect(r).toEqual({ upgrades: 2, costPerUpgrade: 7.5, cost: 15, revenueChange: 95, net: 80, missingRevenue: 0 });
  });

  it("has no upgrades without an order and no revenue change without revenue: null, not 0", () => {
    expect(upgradeEconomics(before, after, null, 5)).toMatchObject({ upgrades: null, cost: null, revenueChange: null, net: null });
    const noRevenue = upgradeEconomics({ ids: before.ids, tiers: before.tiers }, after, ["A", "B", "C"], 5);
    expect(noRevenue).toMatchObject({ upgrades: 2, cost: 10, revenueChange: null, net: null });
  });

  it("leaves a missing revenue out and counts it; refuses a bad cost, a duplicate id and a tier outside the order", () => {
    const r = upgradeEconomics(before, { ...after, revenue: [NaN, 25, 10, 40, 80, 70] }, ["A", "B", "C"], 1);
    expect(r).toMatchObject({ upgrades: 2, revenueChange: 5, missingRevenue: 1 });
    expectCoreError(() => upgradeEconomics(before, after, ["A", "B", "C"], -1), "badCost", { field: "perUpgrade" });
    expectCoreError(() => upgradeEconomics({ ids: ["a", "a"], tiers: ["A", "B"] }, after, ["A", "B", "C"], 1), "duplicateId", { snapshot: "before", row: 1 });
    expectCoreError(() => upgradeEconomics(before, after, ["A", "B"], 1), "orderMissingTier");
  });

  it("counts as upgraded exactly the joined customers whose later rank is better (property)", () => {
    const tiers = ["A", "B", "C", ""];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...tiers), fc.constantFrom(...tiers), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 })), { maxLength: 40 }), fc.nat(100), (list, cost) => {
        const ids = list.map((_, i) => `c${i}`);
        const r = upgradeEconomics({ ids, tiers: list.map((t) => t[0]), revenue: list.map((t) => t[2]) }, { ids, tiers: list.map((t) => t[1]), revenue: list.map((t) => t[3]) }, ["A", "B", "C"], cost);
        const up = list.filter(([b, a]) => b !== "" && a !== "" && tiers.indexOf(a) < tiers.indexOf(b));
        expect(r.upgrades).toBe(up.length);
        expect(r.revenueChange).toBe(up.reduce((s, t) => s + t[3] - t[2], 0));
        expect(r.net).toBe(r.revenueChange! - up.length * cost);
      }),
    );
  });
});

describe("economicsProblems", () => {
  const options = { costs: {}, otherTiers: null, margin: "column" as const, costPerUpgrade: null };
  it("refuses the Margin column with a window (its sums are over all history, the revenue over the window), and only then", () => {
    expect(economicsProblems(options, true, true)).toEqual([{ code: "columnWindow" }]);
    expect(economicsProblems(options, true, false)).toEqual([]);
    expect(economicsProblems(options, true)).toEqual([]);
    // Without a column the missing column is the problem; a rate is windowed with the revenue.
    expect(economicsProblems(options, false, true)).toEqual([{ code: "needsColumn" }]);
    expect(economicsProblems({ ...options, margin: 0.3 }, true, true)).toEqual([]);
  });
});

describe("netMarginClvByTier", () => {
  it("sums each tier's customers that have a net margin CLV; a tier where none has one is NaN (blank), not 0", () => {
    const net = [10, 2.5, NaN, -4, NaN, 7];
    const tierOf = [0, 0, 1, 2, 1, -1];
    const byTier = netMarginClvByTier(net, tierOf, 4);
    expect([...byTier]).toEqual([12.5, NaN, -4, NaN]);
  });
  it("property: equals a plain sum per tier over the customers with a number", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -1, max: 4 }), fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: NaN })), { maxLength: 60 }), (rows) => {
        const byTier = netMarginClvByTier(rows.map((r) => r[1]), rows.map((r) => r[0]), 4);
        for (let t = 0; t < 4; t++) {
          const mine = rows.filter(([k, v]) => k === t && v === v).map(([, v]) => v);
          if (mine.length === 0) expect(byTier[t]).toBeNaN();
          else expect(byTier[t]).toBe(mine.reduce((a, b) => a + b));
        }
      }),
    );
  });
});
