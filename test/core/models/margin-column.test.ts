import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { CoreError } from "../../../src/core/cells/errors";
import { readTransactions } from "../../../src/core/transactions/read";
import { customerMarginRates, marginClv, marginClvByCustomer, ratesFor } from "../../../src/core/models/margin";
import { runClvModels } from "../../../src/core/models/predict";

const rows = {
  customers: ["a", "a", "b", "b", "c", "a", "c"],
  dates: ["2024-01-01", "2024-02-01", "2024-01-05", "2024-03-01", "2024-01-10", "2024-04-01", "2024-02-10"],
  amounts: [100, 300, 50, 50, 0, -40, 0],
};

describe("a customer's margin rate from a per-row column", () => {
  it("weights row rates by amount, leaves returns out, and gives a customer with no revenue the overall rate", () => {
    const tx = readTransactions(rows);
    const { rate, problems } = customerMarginRates(tx, [0.1, 0.5, 0.2, 0.4, 0.9, 1, 0.9], "rate");
    expect(problems).toEqual([]);
    // a: (10 + 150) / 400; the return (row 5, rate 1) is not counted.
    expect(rate[0]).toBeCloseTo(160 / 400, 15);
    expect(rate[1]).toBeCloseTo(30 / 100, 15);
    // c bought for 0 in all: the rate of all customers together.
    expect(rate[2]).toBeCloseTo(190 / 500, 15);
  });
  it("reads margin amounts (gross profit) as Σ margin / Σ revenue, and reports a customer outside [0, 1] by row", () => {
    const tx = readTransactions(rows);
    const { rate, problems } = customerMarginRates(tx, [40, 80, 60, 50, 0, -10, 0], "amount");
    expect(rate[0]).toBeCloseTo(120 / 400, 15);
    expect(rate[1]).toBeNaN();
    expect(problems).toEqual([{ customer: "b", row: 2, rate: 110 / 100, reason: "outOfRange" }]);
  });
  it("counts rows up to the calibration end only", () => {
    const tx = readTransactions(rows);
    const end = tx.date[0] + 10; // 2024-01-11: a's first row, b's first, c's first
    const { rate } = customerMarginRates(tx, [0.1, 0.5, 0.2, 0.4, 0.9, 1, 0.9], "rate", { lastDay: end });
    expect(rate[0]).toBeCloseTo(0.1, 15);
    expect(rate[1]).toBeCloseTo(0.2, 15);
  });
  it("refuses a row rate that is not in [0, 1] or not a number, naming the row", () => {
    const tx = readTransactions(rows);
    for (const bad of [1.2, -0.1, NaN]) {
      const byRow = [0.1, 0.5, bad, 0.4, 0.9, 1, 0.9];
      let details: unknown = null;
      try {
        customerMarginRates(tx, byRow, "rate", { argument: "margin" });
      } catch (e) {
        details = e instanceof CoreError && e.code === "badMargin" ? e.details : e;
      }
      expect(details).toEqual({ argument: "margin", row: 2, value: bad });
    }
  });
  it("rates given on rows whose amounts are all 0: the rows' mean rate, not a problem (fast-check's counterexample)", () => {
    const tx = readTransactions({ customers: ["c0", "c0", "c1"], dates: [45000, 45001, 45000], amounts: [0, 0, 0] });
    const { rate, problems } = customerMarginRates(tx, [0.2, 0.4, 0.6], "rate");
    expect(problems).toEqual([]);
    expect(rate[0]).toBeCloseTo(0.4, 15);
    expect(rate[1]).toBeCloseTo(0.4, 15);
  });
  it("one rate is the same as a column of that rate (property)", () => {
    fc.assert(
      fc.property(// Amounts of money: 0 or at least a millionth (a denormal amount times a rate underflows to 0,
        // and a customer who spent 5e-324 has a CLV of 0 whatever the rate).
        fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 60 }), fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 1e4, noNaN: true }))), { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (list, r) => {
        const tx = readTransactions({
          customers: list.map(([c]) => `c${c}`),
          dates: list.map(([, d]) => 45000 + d),
          amounts: list.map(([, , a]) => a),
        });
        const { rate, problems } = customerMarginRates(tx, list.map(() => r), "rate");
        expect(problems).toEqual([]);
        for (const v of rate) expect(Math.abs(v - r)).toBeLessThanOrEqual(1e-12);
      }),
      { numRuns: 200 },
    );
  });
});

describe("margin CLV per customer", () => {
  it("on CDNOW: Σ margin CLV = Σ customer CLV × the customer's rate, and a constant column equals one rate", async () => {
    const { readFileSync } = await import("node:fs");
    const lines = readFileSync(new URL("../../../../shared/data/CDNOW_sample.txt", import.meta.url), "utf8").trim().split(/\r?\n/);
    const cells = lines.map((l) => l.trim().split(/\s+/));
    const dates = cells.map(([, , d]) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`);
    const tx = readTransactions({ customers: cells.map((c) => c[0]), dates, amounts: cells.map((c) => Number(c[4])) });
    const end = tx.date.reduce((a, b) => Math.min(a, b), Infinity) + 272; // about 39 weeks
    const run = runClvModels(tx, { unit: "week", calibrationEnd: end, horizonMonths: 12, monthlyDiscount: 0.01, model: "bgnbd" });
    // Rates that vary by row: 0.2 on even rows, 0.6 on odd ones.
    const byRow = Array.from({ length: cells.length }, (_, i) => (i % 2 === 0 ? 0.2 : 0.6));
    const rates = customerMarginRates(tx, byRow, "rate", { lastDay: end });
    const perCustomer = ratesFor(rates.rate, tx.customerIds, run.summary.customerIds);
    const withMargin = marginClvByCustomer(run.predictions.clv, perCustomer);
    let expected = 0;
    let total = 0;
    for (let i = 0; i < withMargin.length; i++) {
      expect(perCustomer[i]).toBeGreaterThanOrEqual(0.2 - 1e-12);
      expect(perCustomer[i]).toBeLessThanOrEqual(0.6 + 1e-12);
      expected += run.predictions.clv[i] * perCustomer[i];
      total += withMargin[i];
    }
    expect(total).toBeCloseTo(expected, 6);
    const constant = customerMarginRates(tx, byRow.map(() => 0.3), "rate", { lastDay: end });
    const one = marginClv(run.predictions.clv, 0.3);
    const column = marginClvByCustomer(run.predictions.clv, ratesFor(constant.rate, tx.customerIds, run.summary.customerIds));
    for (let i = 0; i < one.length; i++) expect(Math.abs(column[i] - one[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, one[i]));
  });
});
