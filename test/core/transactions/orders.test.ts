import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readTransactions } from "../../../src/core/transactions/read";
import type { Transactions } from "../../../src/core/transactions/model";
import { groupOrders } from "../../../src/core/transactions/orders";

/** Lines: [customer, date serial, amount, order id]. */
type Line = [string, number, number, unknown];

function linesOf(rows: readonly Line[]): Transactions {
  return readTransactions({ customers: rows.map((r) => r[0]), dates: rows.map((r) => r[1]), amounts: rows.map((r) => r[2]) });
}

/** Orders as a sorted list of "customer|date|amount", independent of the order they come in. */
function ordersOf(rows: readonly Line[]): string[] {
  const { tx } = groupOrders(linesOf(rows), rows.map((r) => r[3]));
  const out: string[] = [];
  for (let k = 0; k < tx.validRows; k++) out.push(`${tx.customerIds[tx.customer[k]]}|${tx.date[k]}|${tx.amount[k]}`);
  return out.sort();
}

describe("groupOrders", () => {
  it("makes one order per (customer, order id): lines summed, the earliest date", () => {
    const rows: Line[] = [
      ["c1", 45300, 10, "536365"],
      ["c1", 45299, 5, 536365], // the same invoice written as a number; an earlier line
      ["c2", 45301, 7, "536365"], // the same id under another customer: another order
      ["c1", 45310, 3, "536400"],
      ["c1", 45311, 4, ""], // no order id: an order of its own
      ["c1", 45311, 4, "NA"],
    ];
    const lines = linesOf(rows);
    const { tx, orderOf } = groupOrders(lines, rows.map((r) => r[3]));
    expect(tx.validRows).toBe(5);
    expect(Array.from(tx.amount)).toEqual([15, 7, 3, 4, 4]);
    expect(Array.from(tx.date)).toEqual([45299, 45301, 45310, 45311, 45311]);
    expect(Array.from(tx.customer)).toEqual([0, 1, 0, 0, 0]);
    expect(Array.from(tx.sourceRow)).toEqual([0, 2, 3, 4, 5]);
    expect(Array.from(orderOf)).toEqual([0, 0, 1, 2, 3, 4]);
    // Customers keep their numbering, so per-customer arrays made from the lines still fit.
    expect(tx.customerIds).toBe(lines.customerIds);
    expect(lines.validRows).toBe(6);
  });

  it("gives back the lines when every order has one line", () => {
    const rows: Line[] = [
      ["a", 45300, 1, 1],
      ["b", 45301, 2, 2],
      ["a", 45302, 3, 3],
    ];
    const { tx } = groupOrders(linesOf(rows), rows.map((r) => r[3]));
    expect(Array.from(tx.amount)).toEqual([1, 2, 3]);
    expect(Array.from(tx.customer)).toEqual([0, 1, 0]);
  });

  const line = fc.tuple(
    fc.constantFrom("c1", "c2", "c3", "c4"),
    fc.integer({ min: 45000, max: 45400 }),
    fc.integer({ min: 0, max: 100000 }).map((cents) => cents / 100),
    fc.oneof(fc.constantFrom("A1", "A2", "A3", "", 7, "7"), fc.integer({ min: 1, max: 5 })),
  );
  const lines = fc.array(line, { minLength: 1, maxLength: 60 });

  it("never has more orders than lines, one or more per customer, and keeps every customer's total", () => {
    fc.assert(
      fc.property(lines, (rows) => {
        const tx = linesOf(rows as Line[]);
        const { tx: orders, orderOf } = groupOrders(tx, rows.map((r) => r[3]));
        expect(orders.validRows).toBeLessThanOrEqual(tx.validRows);
        const lineTotal = new Float64Array(tx.customerIds.length);
        const orderTotal = new Float64Array(tx.customerIds.length);
        const ordersPer = new Int32Array(tx.customerIds.length);
        for (let k = 0; k < tx.validRows; k++) {
          lineTotal[tx.customer[k]] += tx.amount[k];
          expect(orders.customer[orderOf[k]]).toBe(tx.customer[k]);
          expect(orders.date[orderOf[k]]).toBeLessThanOrEqual(tx.date[k]);
        }
        for (let k = 0; k < orders.validRows; k++) {
          orderTotal[orders.customer[k]] += orders.amount[k];
          ordersPer[orders.customer[k]]++;
        }
        for (let c = 0; c < lineTotal.length; c++) {
          expect(orderTotal[c]).toBeCloseTo(lineTotal[c], 6);
          expect(ordersPer[c]).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });

  it("does not depend on the order of the rows", () => {
    fc.assert(
      fc.property(
        lines.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }))),
        ([rows, shuffled]) => {
          // Amounts are whole cents, so sums in any order agree once rounded to cents.
          const rounded = (list: string[]) => list.map((s) => s.replace(/\|([-0-9.e]+)$/, (_, a: string) => `|${Math.round(Number(a) * 100)}`));
          expect(rounded(ordersOf(shuffled as Line[]))).toEqual(rounded(ordersOf(rows as Line[])));
        },
      ),
    );
  });
});
