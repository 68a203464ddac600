/**
 * Issue 12, defect 16: a customer's margin rate that overflows (revenue 2e-300, profit 1e300) was reported as
 * "no revenue to weigh the margin by". The customer is still left out (no rate, Margin CLV blank), now with its
 * own reason, chosen where the rate is computed (core/models/margin.ts), so the CLI and the workbook word it alike.
 */
import { describe, expect, it } from "vitest";
import { readTransactions } from "../../../src/core/transactions/read";
import { customerMarginRates, marginRateReason, marginRatesOfTotals } from "../../../src/core/models/margin";

const rows = {
  customers: ["a", "a", "b", "b", "c"],
  dates: ["2024-01-01", "2024-02-01", "2024-01-05", "2024-03-01", "2024-01-10"],
  amounts: [100, 300, 2e-300, 2e-300, 0],
};

describe("a margin rate that overflows", () => {
  it("is left out with reason overflow, not noRevenue; the other customers keep their rates", () => {
    const tx = readTransactions(rows);
    const { rate, problems } = customerMarginRates(tx, [40, 80, 1e300, 1e300, 0], "amount");
    expect(rate[0]).toBeCloseTo(120 / 400, 15);
    expect(rate[1]).toBeNaN();
    expect(problems[0]).toEqual({ customer: "b", row: 2, rate: Infinity, reason: "overflow" });
    // c bought for 0 and takes the rate of all customers together, which b's profit puts far above 1.
    expect(problems.slice(1)).toEqual([{ customer: "c", row: 4, rate: (120 + 2e300) / (400 + 4e-300), reason: "outOfRange" }]);
  });

  it("a margin total past the largest double (1e308 twice) overflows too, and a loss that does is not 'out of range'", () => {
    const tx = readTransactions(rows);
    expect(customerMarginRates(tx, [1.5e308, 1.5e308, 0, 0, 0], "amount").problems[0]).toMatchObject({ customer: "a", reason: "overflow" });
    expect(customerMarginRates(tx, [40, 80, -1e300, 0, 0], "amount").problems[0]).toMatchObject({ customer: "b", rate: -Infinity, reason: "overflow" });
  });

  it("a customer whose purchases total 0 takes everyone's rate; with no revenue anywhere that is noRevenue, with an overflowing total overflow", () => {
    const firstRow = [0, 1];
    const none = marginRatesOfTotals({ margin: [5, 5], revenue: [0, 0], firstRow, allMargin: 10, allRevenue: 0 }, ["a", "b"]);
    expect(none.problems.map((q) => q.reason)).toEqual(["noRevenue", "noRevenue"]);
    const huge = marginRatesOfTotals({ margin: [Infinity, 0], revenue: [1, 0], firstRow, allMargin: Infinity, allRevenue: 1 }, ["a", "b"]);
    expect(huge.problems.map((q) => q.reason)).toEqual(["overflow", "overflow"]);
  });

  it("marginRateReason: finite is out of range; not finite with revenue is overflow; NaN without revenue is noRevenue", () => {
    expect(marginRateReason(1.4, true, 140)).toBe("outOfRange");
    expect(marginRateReason(-0.2, false, -2)).toBe("outOfRange");
    expect(marginRateReason(Infinity, true, 1e300)).toBe("overflow");
    expect(marginRateReason(NaN, true, Infinity)).toBe("overflow");
    expect(marginRateReason(NaN, false, 10)).toBe("noRevenue");
  });
});
