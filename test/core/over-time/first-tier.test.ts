/**
 * Cohorts split by the first tier (over-time/first-tier.ts): the first tier is the tier at the end of the first
 * purchase's period, as a history snapshot (and so a run) on that date tiers it; the split triangles' sizes sum
 * to the whole cohorts' sizes; returns-only customers have no cohort and no group.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serialToIsoDate } from "../../../src/core/cells/dates";
import { cohortTable } from "../../../src/core/over-time/cohort";
import { cohortsByFirstTier, firstTiers, pooledRetention } from "../../../src/core/over-time/first-tier";
import type { HistoryTiering } from "../../../src/core/over-time/history";
import { classifyAbc } from "../../../src/core/tiers/abc";
import { readTransactions } from "../../../src/core/transactions/read";
import { summarizeCustomers } from "../../../src/core/transactions/summary";
import { periodEnd, periodIndex } from "../../../src/core/transactions/window";
import { expectCoreError } from "../../support/core-error";

const ABC: HistoryTiering = { by: "abcClass", basis: "revenue", aCut: 0.8, bCut: 0.95 };
const RFM: HistoryTiering = { by: "segment", bins: 5, scheme: "rfm" };

function table(seed: number, rows: number, days = 500) {
  let s = seed >>> 0 || 1;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const customers: string[] = [];
  const dates: string[] = [];
  const amounts: number[] = [];
  for (let i = 0; i < rows; i++) {
    customers.push(`c${Math.floor(rand() * rows * 0.3)}`);
    dates.push(serialToIsoDate(45000 + Math.floor(rand() * days)));
    amounts.push(Math.round((rand() < 0.05 ? -1 : 1) * (1 + rand() * 300) * 100) / 100);
  }
  return readTransactions({ customers, dates, amounts });
}

describe("firstTiers", () => {
  it("is the ABC class at the end of the first purchase's month, among everyone known then", () => {
    const tx = table(3, 800);
    const first = firstTiers(tx, "month", ABC);
    expect(first.names).toEqual(["A", "B", "C"]);
    expect(first.ordered).toBe(true);
    // Recount each customer's class from the summary as of their first month's end.
    const checked = new Set<number>();
    for (let i = 0; i < tx.validRows; i++) {
      const c = tx.customer[i];
      if (checked.has(c) || tx.amount[i] < 0) continue;
      let firstDay = Infinity;
      for (let j = 0; j < tx.validRows; j++) if (tx.customer[j] === c && tx.amount[j] >= 0) firstDay = Math.min(firstDay, tx.date[j]);
      const asOf = periodEnd(periodIndex(firstDay, "month"), "month");
      const summary = summarizeCustomers(tx, { asOf });
      const classes = classifyAbc(summary.totalAmount, { aCut: 0.8, bCut: 0.95, basis: "value", method: "fixed" }).classes;
      const k = summary.customerIds.indexOf(tx.customerIds[c]);
      expect(first.names[first.groupOf[c]], String(tx.customerIds[c])).toBe(["A", "B", "C"][classes[k]]);
      checked.add(c);
      if (checked.size >= 40) break;
    }
    expect(checked.size).toBe(40);
  });

  it("gives returns-only customers no group", () => {
    const tx = readTransactions({ customers: ["a", "b", "a"], dates: ["2024-01-05", "2024-01-09", "2024-02-03"], amounts: [10, -4, 5] });
    const first = firstTiers(tx, "month", ABC);
    expect(Array.from(first.groupOf)).toEqual([0, -1]);
  });
});

describe("cohortsByFirstTier", () => {
  it("property: each cohort's split sizes sum to its size, and the whole rows are the unsplit table's", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), fc.constantFrom("month" as const, "quarter" as const), fc.constantFrom(ABC, RFM), (seed, by, tiering) => {
        const tx = table(seed, 400);
        const split = cohortsByFirstTier(tx, { by }, tiering);
        const whole = cohortTable(tx, { by });
        expect(split.table.rows.filter((r) => r.group === "")).toEqual(whole.rows);
        for (const cohort of whole.rows) {
          const parts = split.triangles.flatMap((t) => t.rows.filter((r) => r.cohort === cohort.cohort));
          expect(parts.reduce((n, r) => n + r.customers, 0)).toBe(cohort.customers);
          // Active customers split too, period by period.
          cohort.active.forEach((a, k) => expect(parts.reduce((n, r) => n + r.active[k], 0)).toBe(a));
        }
        // One triangle per tier, in the tiers' order, cohorts oldest first.
        expect(split.triangles.map((t) => t.tier)).toEqual(split.tiers.filter((t) => split.triangles.some((x) => x.tier === t)));
        for (const t of split.triangles) expect(t.rows.map((r) => r.period)).toEqual([...t.rows.map((r) => r.period)].sort((a, b) => a - b));
      }),
      { numRuns: 12 },
    );
  });

  it("checks the options before building anything", () => {
    expectCoreError(() => cohortsByFirstTier(table(1, 50), { by: "week" as never }, ABC), "badCohortBy");
  });
});

describe("pooledRetention", () => {
  it("is each tier's active customers over the customers of the cohorts reaching the period", () => {
    const split = cohortsByFirstTier(table(9, 600), { by: "quarter" }, ABC);
    const pooled = pooledRetention(split);
    expect(pooled.map((p) => p.tier)).toEqual(split.triangles.map((t) => t.tier));
    for (const [i, p] of pooled.entries()) {
      const rows = split.triangles[i].rows;
      expect(p.values[0]).toBe(1);
      const k = 1;
      const reach = rows.filter((r) => r.values.length > k);
      expect(p.values[k]).toBeCloseTo(reach.reduce((n, r) => n + r.active[k], 0) / reach.reduce((n, r) => n + r.customers, 0), 12);
      // The last period only the oldest cohort reaches (when it is in this tier).
      expect(p.values.length).toBe(split.table.width);
    }
  });
});
