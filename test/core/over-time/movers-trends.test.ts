/**
 * Who moved (movers.ts) and how each tier trends (trends.ts): directions with and without a tier
 * order, measures and their change, and the trend rates counted by hand on a small history; the
 * documented rule that retention on cumulative snapshots is always 100 % and a window fixes it.
 */
import { describe, expect, it } from "vitest";
import { parseDateText, serialToIsoDate } from "../../../src/core/cells/dates";
import { buildHistory, type History } from "../../../src/core/over-time/history";
import { historyMovers, moversBetween } from "../../../src/core/over-time/movers";
import { tierTrends } from "../../../src/core/over-time/trends";
import { readTransactions } from "../../../src/core/transactions/read";
import { expectCoreError } from "../../support/core-error";

describe("moversBetween", () => {
  const before = { ids: ["1", "2", "3", "4", "5"], tiers: ["A", "B", "C", "A", ""], measure: [100, 50, 10, 80, 1] };
  const after = { ids: ["2", "1", "3", "6", "5"], tiers: ["A", "C", "C", "B", "B"], measure: [70, 20, 15, 30, 9] };

  it("up, down, same, new, gone with A/B/C; the measure and its change; rows back into the snapshots", () => {
    const m = moversBetween(before, after);
    expect(m.ordered).toBe(true);
    expect(m.tiers).toEqual(["A", "B", "C"]);
    expect(m.rows.map((r) => [r.id, r.before, r.after, r.direction, r.measureBefore, r.measureAfter, r.change, r.beforeRow, r.afterRow])).toEqual([
      ["1", "A", "C", "down", 100, 20, -80, 0, 1],
      ["2", "B", "A", "up", 50, 70, 20, 1, 0],
      ["3", "C", "C", "same", 10, 15, 5, 2, 2],
      ["4", "A", "", "gone", 80, NaN, -80, 3, -1],
      ["6", "", "B", "new", NaN, 30, 30, -1, 3],
      ["5", "", "B", "new", NaN, 9, 9, -1, 4],
    ]);
  });

  it("without a known order a move is 'changed'; a given order decides up and down; no measure gives NaN", () => {
    const seg = moversBetween({ ids: ["1", "2"], tiers: ["champions", "lost"] }, { ids: ["1", "2"], tiers: ["lost", "lost"] });
    expect(seg.ordered).toBe(false);
    expect(seg.rows.map((r) => [r.direction, r.change])).toEqual([["changed", NaN], ["same", NaN]]);
    const ordered = moversBetween({ ids: ["1"], tiers: ["champions"] }, { ids: ["1"], tiers: ["lost"] }, ["champions", "lost"]);
    expect(ordered.rows[0].direction).toBe("down");
    expectCoreError(() => moversBetween({ ids: ["1", "1"], tiers: ["A", "B"] }, after), "duplicateId");
  });
});

// Three customers over three month-ends: a buys every month, b only in January, c from February.
const tx = readTransactions({
  customers: ["a", "b", "a", "c", "a", "c", "c"],
  dates: ["2024-01-10", "2024-01-15", "2024-02-10", "2024-02-20", "2024-03-10", "2024-03-11", "2024-03-12"],
  amounts: [100, 10, 100, 5, 100, 50, 50],
});
const d = (s: string) => parseDateText(s);
const abc = { by: "abcClass", basis: "revenue", aCut: 0.6, bCut: 0.95 } as const;

describe("tierTrends", () => {
  it("cumulative snapshots: retention is always 100 %, the period's own purchases give the repurchase rate", () => {
    // The default range ends on the last purchase day (2024-03-12), before March's month-end: only a
    // month that has ended is a snapshot unless `to` says otherwise.
    expect(buildHistory(tx, { every: "month", tiering: abc }).snapshots).toHaveLength(2);
    const h = buildHistory(tx, { every: "month", tiering: abc, to: d("2024-03-31") });
    expect(h.snapshots.map((s) => serialToIsoDate(s.asOf))).toEqual(["2024-01-31", "2024-02-29", "2024-03-31"]);
    const rows = tierTrends(h);
    for (const r of rows) if (r.snapshot > 0 && r.previousCustomers > 0) expect(r.retention).toBe(1);
    // January: a (100) is A; b (10) is B (a alone holds 0.909 of the revenue: past A's 0.6, short of B's 0.95).
    const jan = rows.filter((r) => r.snapshot === 0);
    expect(jan.map((r) => [r.tier, r.customers, r.share, r.revenue])).toEqual([
      ["A", 1, 0.5, 100],
      ["B", 1, 0.5, 10],
    ]);
    expect(jan.every((r) => Number.isNaN(r.retention) && Number.isNaN(r.upgradeRate))).toBe(true);
    // February, base = January's tiers: b (B) did not buy in February, a (A) did.
    const febB = rows.find((r) => r.snapshot === 1 && r.tier === "B")!;
    expect(febB.previousCustomers).toBe(1);
    expect(febB.repurchaseRate).toBe(0);
    expect(rows.find((r) => r.snapshot === 1 && r.tier === "A")!.repurchaseRate).toBe(1);
  });

  it("a one-month window: retention says who still buys, churn the rest; upgrades and downgrades by the order", () => {
    const h = buildHistory(tx, { every: "month", tiering: abc, windowMonths: 1, to: d("2024-03-31") });
    const rows = tierTrends(h);
    const tierAt = (k: number, id: string) => tierOf(h, k, id);
    // February: b bought nothing in the month → monetary 0 → still tiered (C), inactive.
    expect(tierAt(1, "b")).toBe("C");
    const febB = rows.find((r) => r.snapshot === 1 && r.tier === "B")!;
    expect([febB.retention, febB.churnRate, febB.downgradeRate, febB.upgradeRate]).toEqual([0, 1, 1, 0]);
    // March: c (100 in March vs a's 100) — every rate is a share of the previous tier's customers.
    for (const r of rows.filter((x) => x.snapshot > 0 && x.previousCustomers > 0)) {
      expect(r.retention + r.churnRate).toBeCloseTo(1, 12);
      expect(r.upgradeRate + r.downgradeRate).toBeLessThanOrEqual(1);
    }
    const m = historyMovers(h);
    expect(m.rows.find((r) => r.id === "b")!.direction).toBe("same");
    expect(m.rows.find((r) => r.id === "c")).toMatchObject({ before: tierAt(1, "c"), after: tierAt(2, "c"), measureAfter: 100 });
  });
});

function tierOf(h: History, k: number, id: string): string {
  const s = h.snapshots[k];
  const i = Array.from(s.customers).findIndex((c) => h.customerIds[c] === id);
  return i < 0 || s.tier[i] < 0 ? "" : h.tierNames[s.tier[i]];
}

