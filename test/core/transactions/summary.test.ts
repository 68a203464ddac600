import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectCoreError } from "../../support/core-error";
import { parseDateText } from "../../../src/core/cells/dates";
import { type CustomerId, customerKey } from "../../../src/core/cells/coerce";
import type { Transactions } from "../../../src/core/transactions/model";
import { readTransactions } from "../../../src/core/transactions/read";
import { type CustomerSummary, summarizeCustomers } from "../../../src/core/transactions/summary";

type Row = [CustomerId, number | string, number];

function tx(rows: readonly Row[]): Transactions {
  return readTransactions({ customers: rows.map((r) => r[0]), dates: rows.map((r) => r[1]), amounts: rows.map((r) => r[2]) });
}

/** One plain object per customer id, for comparisons that must not depend on customer order. */
function byCustomer(s: CustomerSummary) {
  const out = new Map<CustomerId | null, Record<string, number>>();
  s.customerIds.forEach((id, c) => {
    out.set(customerKey(id), {
      first: s.firstPurchase[c],
      last: s.lastPurchase[c],
      orders: s.orders[c],
      days: s.purchaseDays[c],
      total: s.totalAmount[c],
      average: s.averageAmount[c],
      recency: s.recencyDays[c],
      tenure: s.tenureDays[c],
    });
  });
  return out;
}


describe("summarizeCustomers", () => {
  const d = (s: string) => parseDateText(s);
  const rows: Row[] = [
    ["A", "2024-01-10 15:00", 30], // unsorted on purpose
    ["B", "2024-01-01", 5],
    ["A", "2024-01-02 09:00", 10],
    ["A", "2024-01-10 08:00", 20], // same day as row 0, earlier time
    ["C", "2024-01-20", -4], // a return only
    ["B", "2024-01-01 23:59", 5], // same day twice
    ["A", "2024-01-05", 40],
  ];

  it("computes first/last purchase, orders, distinct days, totals and averages", () => {
    const s = summarizeCustomers(tx(rows));
    expect(s.customerIds).toEqual(["A", "B", "C"]);
    const a = byCustomer(s).get("A")!;
    expect(a.first).toBe(d("2024-01-02 09:00"));
    expect(a.last).toBe(d("2024-01-10 15:00"));
    expect(a.orders).toBe(4);
    expect(a.days).toBe(3); // 01-02, 01-05, 01-10 (twice)
    expect(a.total).toBe(100);
    expect(a.average).toBe(25);
    const b = byCustomer(s).get("B")!;
    expect(b.orders).toBe(2);
    expect(b.days).toBe(1);
    expect(b.total).toBe(10);
    expect(b.average).toBe(5);
    const c = byCustomer(s).get("C")!;
    expect(c.total).toBe(-4);
    expect(c.orders).toBe(1);
    expect(c.days).toBe(1);
  });

  it("defaults asOf to the day of the latest purchase and counts recency and tenure in whole days", () => {
    const s = summarizeCustomers(tx(rows));
    expect(s.asOf).toBe(d("2024-01-20"));
    const a = byCustomer(s).get("A")!;
    expect(a.recency).toBe(10); // 01-20 − 01-10, the 15:00 does not matter
    expect(a.tenure).toBe(18); // 01-20 − 01-02
    expect(byCustomer(s).get("C")!.recency).toBe(0);
    expect(byCustomer(s).get("B")!.tenure).toBe(19);
  });

  it("takes asOf as floor(asOf) and recency as floor(asOf) − floor(last purchase)", () => {
    const s = summarizeCustomers(tx(rows), { asOf: d("2024-01-31 18:00") });
    expect(s.asOf).toBe(d("2024-01-31"));
    const a = byCustomer(s).get("A")!;
    expect(a.recency).toBe(21);
    expect(a.tenure).toBe(29);
    expect(summarizeCustomers(tx(rows), { asOf: null }).asOf).toBe(d("2024-01-20"));
  });

  it("accepts asOf on the latest purchase day, even earlier in that day than the purchase", () => {
    const s = summarizeCustomers(tx([["A", "2024-01-20 18:00", 1]]), { asOf: d("2024-01-20 06:00") });
    expect(s.recencyDays[0]).toBe(0);
  });

  // Issue 14 changed this: an analysis date before the latest purchase used to be refused; it now means
  // "as it stood then" (later rows left out), and only a date before every purchase is refused.
  it("as of a day before the latest purchase: the summary of the rows on or before it", () => {
    const s = summarizeCustomers(tx(rows), { asOf: d("2024-01-05") });
    expect(s.customerIds).toEqual(["B", "A"]); // as the cut file numbers them: B's row comes first there
    expect(s.asOf).toBe(d("2024-01-05"));
    expect(byCustomer(s).get("A")).toEqual({ first: d("2024-01-02 09:00"), last: d("2024-01-05"), orders: 2, days: 2, total: 50, average: 25, recency: 0, tenure: 3 });
    expect(byCustomer(s)).toEqual(byCustomer(summarizeCustomers(tx(rows.filter((r) => parseDateText(String(r[1])) < d("2024-01-06"))), { asOf: d("2024-01-05") })));
  });

  it("throws asOfBeforeData when asOf is before the first purchase", () => {
    const e = expectCoreError(() => summarizeCustomers(tx(rows), { asOf: d("2023-12-31") }), "asOfBeforeData");
    expect(e.details).toEqual({ asOf: "2023-12-31", first: "2024-01-01" });
  });

  it("throws noData when there is no valid row", () => {
    expectCoreError(() => summarizeCustomers(tx([])), "noData");
    expectCoreError(() => summarizeCustomers(tx([["A", "bad", 1]])), "noData");
  });

  it("counts purchase days per customer when customers interleave and days repeat out of order", () => {
    const s = summarizeCustomers(
      tx([
        ["X", 45300.9, 1],
        ["Y", 45300, 1],
        ["X", 45296, 1],
        ["X", 45300.1, 1],
        ["Y", 45299, 1],
        ["X", 45296.5, 1],
        ["X", 45298, 1],
        ["Y", 45300.5, 1],
      ]),
    );
    expect([...s.purchaseDays]).toEqual([3, 2]);
    expect([...s.orders]).toEqual([5, 3]);
  });

  it("property: results are independent of row order (compared per customer)", () => {
    const row = fc.tuple(
      fc.constantFrom<CustomerId>("A", "B", "C", 7, "D", "E"),
      fc.integer({ min: 45000, max: 45400 }).chain((day) => fc.constantFrom(day, day + 0.25, day + 0.75)),
      fc.integer({ min: -50, max: 500 }),
    );
    const rowsAndPermutation = fc
      .array(row, { minLength: 1, maxLength: 80 })
      .chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length })));
    fc.assert(
      fc.property(rowsAndPermutation, ([original, shuffled]) => {
        const a = byCustomer(summarizeCustomers(tx(original as Row[])));
        const b = byCustomer(summarizeCustomers(tx(shuffled as Row[])));
        expect(b.size).toBe(a.size);
        for (const [id, x] of a) {
          const y = b.get(id)!;
          // Sums of integers are exact in any order.
          expect(y).toEqual(x);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("property: per customer, days ≤ orders, first ≤ last, tenure ≥ recency ≥ 0, total = sum of amounts", () => {
    const row = fc.tuple(fc.constantFrom<CustomerId>("A", "B", "C"), fc.double({ min: 40000, max: 46000, noNaN: true }), fc.integer({ min: -100, max: 100 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 50 }), (rs) => {
        const s = summarizeCustomers(tx(rs as Row[]));
        s.customerIds.forEach((id, c) => {
          const mine = rs.filter((r) => r[0] === id);
          expect(s.orders[c]).toBe(mine.length);
          expect(s.purchaseDays[c]).toBe(new Set(mine.map((r) => Math.floor(r[1]))).size);
          expect(s.firstPurchase[c]).toBe(Math.min(...mine.map((r) => r[1])));
          expect(s.lastPurchase[c]).toBe(Math.max(...mine.map((r) => r[1])));
          expect(s.totalAmount[c]).toBe(mine.reduce((t, r) => t + r[2], 0));
          expect(s.averageAmount[c]).toBeCloseTo(s.totalAmount[c] / mine.length, 9);
          expect(s.recencyDays[c]).toBeGreaterThanOrEqual(0);
          expect(s.tenureDays[c]).toBeGreaterThanOrEqual(s.recencyDays[c]);
          expect(Number.isInteger(s.recencyDays[c])).toBe(true);
        });
        expect(Math.min(...Array.from(s.recencyDays))).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});
