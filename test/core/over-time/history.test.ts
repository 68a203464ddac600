/**
 * The backfill (snapshots.ts, history.ts): every snapshot of the one sweep equals the summary made
 * from scratch as of that date (bit for bit, window or not), on CDNOW_master's 18 month-ends and on
 * random tables; frozen cut points; snapshot dates.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDateText, serialToIsoDate } from "../../../src/core/cells/dates";
import { buildHistory, cutsOf } from "../../../src/core/over-time/history";
import { snapshotDates, sweepSnapshots } from "../../../src/core/over-time/snapshots";
import { readTransactions } from "../../../src/core/transactions/read";
import { summarizeCustomers, type CustomerSummary } from "../../../src/core/transactions/summary";
import type { Transactions } from "../../../src/core/transactions/model";
import { expectCoreError } from "../../support/core-error";

const DATA = new URL("../../../../shared/data/", import.meta.url).pathname;
const d = (s: string) => parseDateText(s);

/** CDNOW_master: id, yyyymmdd, CDs, dollars (whitespace separated). */
export function readCdnowMaster(): Transactions {
  const lines = readFileSync(`${DATA}CDNOW_master.txt`, "utf8").trim().split(/\r?\n/);
  const ids: string[] = [];
  const dates: string[] = [];
  const amounts: number[] = [];
  for (const line of lines) {
    const [id, ymd, , dollars] = line.trim().split(/\s+/);
    ids.push(id);
    dates.push(`${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`);
    amounts.push(Number(dollars));
  }
  return readTransactions({ customers: ids, dates, amounts });
}

const COLUMNS = ["firstPurchase", "lastPurchase", "orders", "totalAmount", "averageAmount", "recencyDays", "tenureDays"] as const;

function expectSameSummary(a: CustomerSummary, b: CustomerSummary): void {
  expect(a.asOf).toBe(b.asOf);
  // A loop, not toEqual on arrays: 18 snapshots × 23,570 customers × 7 columns would take seconds.
  expect(a.customerIds.length).toBe(b.customerIds.length);
  const ids = a.customerIds.findIndex((id, c) => id !== b.customerIds[c]);
  expect(ids, "customer order").toBe(-1);
  for (const k of COLUMNS) {
    const x = a[k];
    const y = b[k];
    let c = 0;
    while (c < x.length && Object.is(x[c], y[c])) c++;
    expect(c < x.length ? `${k}[${c}]: ${x[c]} ≠ ${y[c]}` : "same").toBe("same");
  }
}

describe("snapshotDates", () => {
  it("month-ends within the range; the period before each", () => {
    const { dates, previous } = snapshotDates(d("1997-01-01"), d("1998-06-30"), { every: "month" });
    expect(dates.map(serialToIsoDate)).toEqual([
      ...["01-31", "02-28", "03-31", "04-30", "05-31", "06-30", "07-31", "08-31", "09-30", "10-31", "11-30", "12-31"].map((m) => `1997-${m}`),
      ...["01-31", "02-28", "03-31", "04-30", "05-31", "06-30"].map((m) => `1998-${m}`),
    ]);
    expect(serialToIsoDate(previous[0])).toBe("1996-12-31");
    expect(previous.slice(1)).toEqual(dates.slice(0, -1));
  });
  it("quarter-ends, every N days, and the range checked", () => {
    expect(snapshotDates(d("2010-12-01"), d("2011-12-09"), { every: "quarter" }).dates.map(serialToIsoDate)).toEqual(["2010-12-31", "2011-03-31", "2011-06-30", "2011-09-30"]);
    expect(snapshotDates(0, 0, { every: { days: 10 }, from: d("2024-01-01"), to: d("2024-01-25") }).dates.map(serialToIsoDate)).toEqual(["2024-01-01", "2024-01-11", "2024-01-21"]);
    expectCoreError(() => snapshotDates(0, 0, { every: "month", from: d("2024-02-01"), to: d("2024-01-01") }), "historyRange");
    expectCoreError(() => snapshotDates(0, 0, { every: { days: 0 }, from: 1000, to: 2000 }), "badEvery");
    expectCoreError(() => snapshotDates(0, 0, { every: "week" as never, from: 1000, to: 2000 }), "badEvery");
    expectCoreError(() => snapshotDates(0, 0, { every: { days: 1 }, from: 1000, to: 9000 }), "tooManySnapshots");
  });
});

describe("sweepSnapshots ≡ summarizeCustomers as of each date", () => {
  const tx = readCdnowMaster();
  const { dates } = snapshotDates(d("1997-01-01"), d("1998-06-30"), { every: "month" });
  for (const windowMonths of [null, 3]) {
    it(`CDNOW_master, 18 month-ends, window ${windowMonths ?? "none"}`, () => {
      const snaps = [...sweepSnapshots(tx, dates, { windowMonths })];
      expect(snaps).toHaveLength(18);
      for (const s of snaps) expectSameSummary(s.summary, summarizeCustomers(tx, { asOf: s.asOf, windowMonths }));
      // The last snapshot counts every customer; the period revenue adds up to the whole table's.
      expect(snaps[17].customers.length).toBe(23570);
      const periodTotal = snaps.reduce((sum, s) => sum + s.periodRevenue.reduce((a, b) => a + b, 0), 0);
      expect(periodTotal).toBeCloseTo(tx.amount.reduce((a, b) => a + b, 0), 4);
    });
  }

  it("property: any table, any dates, any window", () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 45000, max: 45400 }), fc.double({ min: 0, max: 1000, noNaN: true }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 60 }), fc.uniqueArray(fc.integer({ min: 44990, max: 45420 }), { minLength: 1, maxLength: 8 }), fc.option(fc.integer({ min: 1, max: 14 })), (rows, days, windowMonths) => {
        const t = readTransactions({ customers: rows.map((r) => `c${r[0]}`), dates: rows.map((r) => r[1] + 0.25), amounts: rows.map((r) => r[2]) });
        const sorted = [...days].sort((a, b) => a - b);
        const first = Math.min(...rows.map((r) => r[1]));
        for (const s of sweepSnapshots(t, sorted, { windowMonths })) {
          expect(s.asOf).toBeGreaterThanOrEqual(first);
          expectSameSummary(s.summary, summarizeCustomers(t, { asOf: s.asOf, windowMonths }));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("buildHistory", () => {
  const tx = readCdnowMaster();
  it("tiers every month-end by ABC; frozen cuts score every snapshot against one snapshot's", () => {
    const tiering = { by: "abcClass", basis: "revenue", aCut: 0.8, bCut: 0.95 } as const;
    const h = buildHistory(tx, { every: "month", tiering, windowMonths: 12 });
    expect(h.snapshots).toHaveLength(18);
    expect(h.tierNames).toEqual(["A", "B", "C"]);
    expect(h.ordered).toBe(true);
    const frozenAt = d("1997-12-31");
    const f = buildHistory(tx, { every: "month", tiering, windowMonths: 12, freezeAt: frozenAt });
    const k = f.snapshots.findIndex((s) => s.asOf === frozenAt);
    // At the frozen snapshot itself the tiers are the unfrozen ones.
    expect(Array.from(f.snapshots[k].tier)).toEqual(Array.from(h.snapshots[k].tier));
    const cuts = cutsOf(summarizeCustomers(tx, { asOf: frozenAt, windowMonths: 12 }), tiering);
    expect(f.frozen).toEqual(cuts);
    const last = f.snapshots[17];
    for (let i = 0; i < last.tier.length; i++) {
      const v = last.monetary[i];
      expect(last.tier[i]).toBe(v > 0 && v >= (cuts as { aMin: number }).aMin ? 0 : v > 0 && v >= (cuts as { bMin: number }).bMin ? 1 : 2);
    }
    expectCoreError(() => buildHistory(tx, { every: "month", tiering, freezeAt: d("1997-12-30") }), "freezeNotSnapshot");
  });

  it("tiers by RFM segment, frozen quantile cut points kept", () => {
    const tiering = { by: "segment", bins: 5, scheme: "rfm" } as const;
    const f = buildHistory(tx, { every: "quarter", tiering, freezeAt: d("1997-06-30") });
    expect(f.snapshots.map((s) => serialToIsoDate(s.asOf))).toEqual(["1997-03-31", "1997-06-30", "1997-09-30", "1997-12-31", "1998-03-31", "1998-06-30"]);
    expect(f.ordered).toBe(false);
    expect(f.frozen?.by).toBe("segment");
    const last = f.snapshots[5];
    const cuts = f.frozen as Extract<typeof f.frozen, { by: "segment" }>;
    // Frequency scores against the frozen cut points: 1 + the cut points at or below the value.
    for (let i = 0; i < 200; i++) expect(last.rfm!.f[i]).toBe(1 + cuts.f.thresholds.filter((t) => last.frequency[i] >= t).length);
  });
});
