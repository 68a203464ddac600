/**
 * Cohorts (cohort.ts): the golden numbers on the Online Retail purchases, a naive recount on
 * random tables, revenue retention, the split, and the options checked.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsvFile, columnIndex } from "../../../src/cli/csv";
import { parseNumberText } from "../../../src/core/cells/coerce";
import { cohortOptionProblems, cohortTable } from "../../../src/core/over-time/cohort";
import { periodIndex } from "../../../src/core/transactions/window";
import { readTransactions } from "../../../src/core/transactions/read";
import { expectCoreError } from "../../support/core-error";

const DATA = new URL("../../../../shared/data/", import.meta.url).pathname;

describe("golden: Online Retail monthly cohorts (issue 14)", () => {
  // Purchases: a customer id, an invoice not starting with C, Quantity × UnitPrice > 0. Read once.
  const table = readCsvFile(`${DATA}online_retail.csv`);
  const col = (name: string) => table.columns[columnIndex(table.header, name)!];
  const [invoice, quantity, date, price, id] = ["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"].map(col);
  const customers: string[] = [];
  const dates: string[] = [];
  const amounts: number[] = [];
  for (let i = 0; i < table.rows; i++) {
    const amount = parseNumberText(quantity[i]) * parseNumberText(price[i]);
    if (id[i].trim() === "" || invoice[i].startsWith("C") || !(amount > 0)) continue;
    customers.push(id[i]);
    dates.push(date[i]);
    amounts.push(amount);
  }
  const tx = readTransactions({ customers, dates, amounts });

  it("2010-12: 885 customers, 0.3661, 0.3232, 0.3842; 2011-01: 417, 0.2206, 0.2662, 0.2302", () => {
    expect(table.rows).toBe(541909);
    const t = cohortTable(tx, { by: "month" });
    const dec = t.rows.find((r) => r.cohort === "2010-12")!;
    const jan = t.rows.find((r) => r.cohort === "2011-01")!;
    expect(dec.customers).toBe(885);
    expect(dec.values.slice(1, 4).map((v) => v.toFixed(4))).toEqual(["0.3661", "0.3232", "0.3842"]);
    expect(jan.customers).toBe(417);
    expect(jan.values.slice(1, 4).map((v) => v.toFixed(4))).toEqual(["0.2206", "0.2662", "0.2302"]);
    expect(dec.values[0]).toBe(1);
    // The triangle: 2010-12 … 2011-12 is 13 months, each later cohort one period shorter.
    expect(t.width).toBe(13);
    expect(t.rows.map((r) => r.values.length)).toEqual(Array.from({ length: 13 }, (_, k) => 13 - k));
    expect(t.rows.reduce((n, r) => n + r.customers, 0)).toBe(tx.customerIds.length);
  });

  it("quarters and revenue retention on the same file", () => {
    const q = cohortTable(tx, { by: "quarter", measure: "revenue" });
    expect(q.rows[0].cohort).toBe("2010-Q4");
    expect(q.rows[0].values[0]).toBe(1);
    const r = q.rows[1];
    expect(r.values[1]).toBeCloseTo(r.revenue[1] / r.revenue[0], 12);
    expect(r.cumulativeRevenuePerCustomer.at(-1)).toBeCloseTo(r.revenue.reduce((a, b) => a + b, 0) / r.customers, 9);
  });
});

describe("cohortTable", () => {
  it("counts a customer once per period, skips returns, splits by group", () => {
    const tx = readTransactions({
      customers: ["a", "a", "b", "a", "c", "b", "d"],
      dates: ["2024-01-05", "2024-01-20", "2024-01-31", "2024-03-01", "2024-02-10", "2024-02-11", "2024-02-15"],
      amounts: [10, 5, 7, 3, 8, -2, -1],
    });
    const t = cohortTable(tx, { split: { groupOf: [0, 1, 0, -1], names: ["gold", "silver"] } });
    const rows = t.rows.map((r) => [r.cohort, r.group, r.customers, r.active]);
    expect(rows).toEqual([
      ["2024-01", "", 2, [2, 0, 1]],
      ["2024-01", "gold", 1, [1, 0, 1]],
      ["2024-01", "silver", 1, [1, 0, 0]],
      ["2024-02", "", 1, [1, 0]],
      ["2024-02", "gold", 1, [1, 0]],
    ]);
    expect(t.rows[0].revenue).toEqual([22, 0, 3]);
    expect(t.rows[0].values).toEqual([1, 0, 0.5]);
  });

  it("property: equals a naive recount with sets", () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 45000, max: 45500 }), fc.integer({ min: -5, max: 50 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 80 }), fc.constantFrom("month" as const, "quarter" as const), (rows, by) => {
        const tx = readTransactions({ customers: rows.map((r) => `c${r[0]}`), dates: rows.map((r) => r[1]), amounts: rows.map((r) => r[2]) });
        const buys = rows.filter((r) => r[2] >= 0);
        if (buys.length === 0) return;
        const first = new Map<number, number>();
        for (const [c, d] of buys) first.set(c, Math.min(first.get(c) ?? Infinity, periodIndex(d, by)));
        const active = new Map<string, Set<number>>();
        for (const [c, d] of buys) {
          const key = `${first.get(c)}:${periodIndex(d, by) - first.get(c)!}`;
          if (!active.has(key)) active.set(key, new Set());
          active.get(key)!.add(c);
        }
        const t = cohortTable(tx, { by });
        for (const r of t.rows) {
          expect(r.customers).toBe([...first.values()].filter((p) => p === r.period).length);
          r.active.forEach((a, since) => expect(a).toBe(active.get(`${r.period}:${since}`)?.size ?? 0));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("refuses an unknown period or measure, and an empty table", () => {
    expect(cohortOptionProblems({ by: "week", measure: "orders" }).map((p) => p.code)).toEqual(["badCohortBy", "badCohortMeasure"]);
    const tx = readTransactions({ customers: ["a"], dates: ["2024-01-01"], amounts: [1] });
    expectCoreError(() => cohortTable(tx, { by: "week" as never }), "badCohortBy");
    expectCoreError(() => cohortTable(readTransactions({ customers: [], dates: [], amounts: [] })), "noData");
  });
});
