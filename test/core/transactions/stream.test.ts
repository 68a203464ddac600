/**
 * The streaming per-customer summary (stream.ts) against the summaries as the core computed them
 * before it (reference-summary.ts): the same customers in the same order and the same numbers, on the
 * shared data sets and on random rows in any order, with duplicates, returns, zero amounts, analysis
 * dates, windows and calibration ends; the same errors; and the distinct-day log bounded by the
 * distinct customer-days whatever the row order.
 */
import { existsSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { columnIndex, readCsvFile } from "../../../src/cli/csv";
import { readPurchases } from "../../../src/core/analysis/rows";
import { CoreError } from "../../../src/core/cells/errors";
import { calibrationSummary, type CalibrationSummary } from "../../../src/core/models/calibration";
import type { Transactions } from "../../../src/core/transactions/model";
import { readTransactions } from "../../../src/core/transactions/read";
import { DayLog } from "../../../src/core/transactions/stream";
import { summarizeCustomers, type CustomerSummary, type SummaryOptions } from "../../../src/core/transactions/summary";
import { referenceCalibration, referenceSummary } from "./reference-summary";

const DATA = `${__dirname}/../../../../shared/data/`;

/** Every field of a summary as plain arrays, purchase days included. */
function plainSummary(s: CustomerSummary) {
  return {
    ids: s.customerIds,
    asOf: s.asOf,
    first: [...s.firstPurchase],
    last: [...s.lastPurchase],
    orders: [...s.orders],
    days: [...s.purchaseDays],
    total: [...s.totalAmount],
    average: [...s.averageAmount],
    recency: [...s.recencyDays],
    tenure: [...s.tenureDays],
    window: s.windowMonths ?? null,
  };
}

function plainCalibration(s: CalibrationSummary) {
  return { ...s, x: [...s.x], tx: [...s.tx], T: [...s.T], zbar: [...s.zbar], firstPurchase: [...s.firstPurchase], lastPurchase: [...s.lastPurchase], totalSpend: [...s.totalSpend] };
}

/** The result, or the CoreError's code and details: a refusal must be the same refusal. */
function outcome<T>(run: () => T): T | { error: string; details: unknown } {
  try {
    return run();
  } catch (error) {
    if (error instanceof CoreError) return { error: error.code, details: error.details };
    throw error;
  }
}

function expectSameSummary(tx: Transactions, options: SummaryOptions): void {
  expect(outcome(() => plainSummary(summarizeCustomers(tx, options)))).toEqual(outcome(() => plainSummary(referenceSummary(tx, options))));
}

function expectSameCalibration(tx: Transactions, calibrationEnd?: number): void {
  const options = { unit: "week" as const, calibrationEnd };
  expect(outcome(() => plainCalibration(calibrationSummary(tx, options)))).toEqual(outcome(() => plainCalibration(referenceCalibration(tx, options))));
}

const serial = (iso: string) => {
  const [y, m, d] = iso.split("-").map(Number);
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000;
};

describe("the streaming summary equals the summary before it, on the shared data", () => {
  const col = (t: ReturnType<typeof readCsvFile>, name: string) => t.columns[columnIndex(t.header, name)!];

  it("rfm_data_orders: whole, as of 2006-12-31, over a 12-month window, purchase days", () => {
    const orders = readCsvFile(`${DATA}rfm_data_orders.csv`);
    const tx = readTransactions({ customers: col(orders, "customer_id"), dates: col(orders, "order_date"), amounts: col(orders, "revenue") });
    expectSameSummary(tx, {});
    expectSameSummary(tx, { asOf: serial("2006-12-31") });
    expectSameSummary(tx, { asOf: serial("2005-06-30"), windowMonths: 12 });
    expectSameSummary(tx, { windowMonths: 6 });
    expectSameCalibration(tx);
  });

  it("CDNOW_master: RFM, and the calibration summary whole and to 1997-09-30", () => {
    const master = readFileSync(`${DATA}CDNOW_master.txt`, "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.trim().split(/\s+/));
    const tx = readTransactions({ customers: master.map((r) => r[0]), dates: master.map((r) => r[1]), amounts: master.map((r) => r[3]) });
    expectSameSummary(tx, {});
    expectSameSummary(tx, { asOf: serial("1997-12-31"), windowMonths: 3 });
    expectSameCalibration(tx);
    expectSameCalibration(tx, serial("1997-09-30"));
  });

  it("online_retail as line items (quantity × price, returns left out, lines grouped by invoice)", () => {
    const retail = readCsvFile(`${DATA}online_retail.csv`);
    const read = readPurchases({
      customers: col(retail, "CustomerID"),
      dates: col(retail, "InvoiceDate"),
      amounts: col(retail, "UnitPrice"),
      quantities: col(retail, "Quantity"),
      orders: col(retail, "InvoiceNo"),
    });
    expect(read.tx.validRows).toBeGreaterThan(15000);
    expectSameSummary(read.tx, {});
    expectSameSummary(read.tx, { asOf: serial("2011-06-30"), windowMonths: 6 });
    expectSameCalibration(read.tx, serial("2011-09-30"));
  }, 20000);

  // About 18 s on the shared machine, so only when asked: TIER_BENCH_FILE=.bench/tx_1m.csv npx vitest run test/core/transactions/stream.test.ts
  const bench = process.env.TIER_BENCH_FILE;
  it.skipIf(!bench || !existsSync(bench))("the 1M-row bench file (TIER_BENCH_FILE)", () => {
    const t = readCsvFile(bench!);
    const tx = readTransactions({ customers: col(t, "customer_id"), dates: col(t, "date"), amounts: col(t, "amount") });
    expectSameSummary(tx, {});
    expectSameCalibration(tx);
  }, 60000);
});

/** Random rows: a few customers (number and text ids), days over a few months (some with a time), amounts with returns and zeros. */
const rowArb = fc.tuple(
  fc.constantFrom<string | number>(1, 2, 3, 17, "17", "a", " b ", "C-9"),
  fc.integer({ min: 45000, max: 45140 }),
  fc.constantFrom(0, 0.25, 0.5),
  fc.oneof(fc.integer({ min: -40, max: 400 }).map((n) => n / 4), fc.constant(0)),
);

function rowsTx(rows: readonly (readonly [string | number, number, number, number])[]): Transactions {
  return readTransactions({ customers: rows.map((r) => r[0]), dates: rows.map((r) => r[1] + r[2]), amounts: rows.map((r) => r[3]) });
}

describe("the streaming summary under random rows (property)", () => {
  it("RFM summary: any order, duplicates, returns, analysis dates and windows", () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 60 }),
        fc.option(fc.integer({ min: 44990, max: 45150 }), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
        fc.integer({ min: 0, max: 3 }),
        (rows, asOf, windowMonths, copies) => {
          // Duplicated rows, appended again in reverse: the same purchase seen more than once, out of order.
          const all = [...rows, ...Array.from({ length: copies }, () => [...rows].reverse()).flat()];
          expectSameSummary(rowsTx(all), { asOf, windowMonths });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("calibration summary: any order, returns, zero amounts, calibration ends", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 60 }), fc.option(fc.integer({ min: 44990, max: 45150 }), { nil: undefined }), (rows, end) => {
        // Amounts in quarters add exactly in any order, so day order (before) and input order (now) agree bit for bit.
        expectSameCalibration(rowsTx(rows), end);
      }),
      { numRuns: 300 },
    );
  });

  it("calibration spend in cents differs from the day-ordered sum only by rounding", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(1, 2, 3), fc.integer({ min: 45000, max: 45030 }), fc.integer({ min: 1, max: 99999 })), { minLength: 1, maxLength: 40 }), (rows) => {
        const tx = readTransactions({ customers: rows.map((r) => r[0]), dates: rows.map((r) => r[1]), amounts: rows.map((r) => r[2] / 100) });
        const now = calibrationSummary(tx, { unit: "day" });
        const before = referenceCalibration(tx, { unit: "day" });
        expect(now.customerIds).toEqual(before.customerIds);
        expect([...now.x]).toEqual([...before.x]);
        now.zbar.forEach((z, k) => expect(Math.abs(z - before.zbar[k])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(z))));
      }),
      { numRuns: 200 },
    );
  });
});

describe("DayLog", () => {
  it("counts distinct days per customer in any order, holding at most about twice the distinct pairs", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 61, max: 90 })), { maxLength: 3000 }), (pairs) => {
        const log = new DayLog(64);
        let peak = 0;
        for (const [c, d] of pairs) {
          log.add(c, d);
          peak = Math.max(peak, log.capacity);
        }
        const distinct = new Map<number, Set<number>>();
        for (const [c, d] of pairs) (distinct.get(c) ?? distinct.set(c, new Set()).get(c)!).add(d);
        const counts = log.counts(31);
        for (let c = 0; c < 31; c++) expect(counts[c]).toBe(distinct.get(c)?.size ?? 0);
        const pairsDistinct = [...distinct.values()].reduce((n, s) => n + s.size, 0);
        expect(log.entries).toBe(pairsDistinct);
        // Growth doubles a log compacted at twice the distinct pairs: never more room than 4× them (or the first block).
        expect(peak).toBeLessThanOrEqual(Math.max(4096, 4 * pairsDistinct + 4 * 64));
      }),
      { numRuns: 200 },
    );
  });

  it("counts a disordered log without compacting it: short and long runs of one customer's days (property)", () => {
    // Without compaction (the default threshold), counts() buckets the entries by customer and sorts each
    // customer's days alone: insertion sort up to 32 entries, the typed array's sort beyond.
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(0, 1, 2, 5), fc.integer({ min: 61, max: 200 })), { maxLength: 400 }), (pairs) => {
        const log = new DayLog();
        for (const [c, d] of pairs) log.add(c, d);
        const distinct = new Map<number, Set<number>>();
        for (const [c, d] of pairs) (distinct.get(c) ?? distinct.set(c, new Set()).get(c)!).add(d);
        const counts = log.counts(6);
        for (let c = 0; c < 6; c++) expect(counts[c]).toBe(distinct.get(c)?.size ?? 0);
      }),
      { numRuns: 200 },
    );
  });

  it("a million rows over 1,000 customer-days in shuffled order hold room for a few thousand entries, not a million", () => {
    const log = new DayLog(1024);
    let seed = 7;
    const seen = new Set<number>();
    for (let i = 0; i < 1_000_000; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const c = (seed >>> 16) % 100;
      const d = 61 + ((seed >>> 8) % 10);
      seen.add(c * 100 + d);
      log.add(c, d);
    }
    expect(seen.size).toBe(1000);
    expect(log.entries).toBe(1000);
    expect(log.capacity).toBeLessThanOrEqual(8192);
  });
});
