import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NO_SEGMENT } from "../../../src/core/tiers/segments";
import { tierTotals } from "../../../src/core/tiers/totals";

describe("tierTotals", () => {
  it("adds customers, orders and revenue per tier, with shares, in the order of the names", () => {
    const rows = tierTotals([0, 1, 0, 2, 0], ["Gold", "Silver", "Bronze"], [3, 1, 2, 1, 4], [300, 50, 100, 25, 25]);
    expect(rows).toEqual([
      { tier: "Gold", customers: 3, orders: 9, revenue: 425, customerShare: 0.6, revenueShare: 0.85 },
      { tier: "Silver", customers: 1, orders: 1, revenue: 50, customerShare: 0.2, revenueShare: 0.1 },
      { tier: "Bronze", customers: 1, orders: 1, revenue: 25, customerShare: 0.2, revenueShare: 0.05 },
    ]);
  });

  it("lists tiers without customers", () => {
    const rows = tierTotals([1, 1], ["A", "B", "C"], [1, 1], [10, 10]);
    expect(rows.map((r) => [r.tier, r.customers, r.customerShare, r.revenueShare])).toEqual([
      ["A", 0, 0, 0],
      ["B", 2, 1, 1],
      ["C", 0, 0, 0],
    ]);
  });

  it("does not count indices out of range (NO_SEGMENT, the others-less end, negatives)", () => {
    const rows = tierTotals(Uint16Array.from([0, NO_SEGMENT, 1, 2, 0]), ["A", "B"], [1, 100, 1, 100, 1], [10, 1000, 30, 1000, 10]);
    expect(rows.map((r) => r.customers)).toEqual([2, 1]);
    expect(rows.map((r) => r.orders)).toEqual([2, 1]);
    expect(rows.map((r) => r.revenue)).toEqual([20, 30]);
    expect(rows.map((r) => r.customerShare)).toEqual([2 / 3, 1 / 3]);
    expect(rows.map((r) => r.revenueShare)).toEqual([0.4, 0.6]);
    expect(tierTotals([-1, 0], ["A"], [5, 1], [5, 1])[0]).toMatchObject({ customers: 1, customerShare: 1, revenue: 1 });
  });

  it("gives zero shares (not NaN) when nothing is counted or revenue totals zero", () => {
    expect(tierTotals([], ["A"], [], [])).toEqual([{ tier: "A", customers: 0, orders: 0, revenue: 0, customerShare: 0, revenueShare: 0 }]);
    const zero = tierTotals([0, 1], ["A", "B"], [1, 1], [5, -5]);
    expect(zero.map((r) => r.revenueShare)).toEqual([0, 0]);
    expect(zero.map((r) => r.customerShare)).toEqual([0.5, 0.5]);
  });

  it("property: customer and revenue shares sum to 1 and counts add up to the customers in range", () => {
    const names = ["t0", "t1", "t2", "t3", "t4"];
    const customer = fc.record({
      tier: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constantFrom(5, 99, NO_SEGMENT, -1)),
      orders: fc.integer({ min: 1, max: 50 }),
      revenue: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(customer, { maxLength: 200 }), (cs) => {
        const rows = tierTotals(
          cs.map((c) => c.tier),
          names,
          cs.map((c) => c.orders),
          cs.map((c) => c.revenue),
        );
        expect(rows.map((r) => r.tier)).toEqual(names);
        const inRange = cs.filter((c) => c.tier >= 0 && c.tier < names.length);
        expect(rows.reduce((s, r) => s + r.customers, 0)).toBe(inRange.length);
        expect(rows.reduce((s, r) => s + r.orders, 0)).toBe(inRange.reduce((s, c) => s + c.orders, 0));
        if (inRange.length > 0) {
          expect(Math.abs(rows.reduce((s, r) => s + r.customerShare, 0) - 1)).toBeLessThan(1e-9);
          expect(Math.abs(rows.reduce((s, r) => s + r.revenueShare, 0) - 1)).toBeLessThan(1e-9);
        } else {
          expect(rows.every((r) => r.customerShare === 0 && r.revenueShare === 0)).toBe(true);
        }
        rows.forEach((r, k) => {
          expect(r.customers).toBe(inRange.filter((c) => c.tier === k).length);
        });
      }),
      { numRuns: 300 },
    );
  });
});
