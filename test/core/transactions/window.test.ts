/**
 * As of any date, over any window (window.ts, summary.ts): EDATE's clamping, the window's ends, and
 * the rule the issue asks for as a property: the window summary's frequency and monetary equal the
 * summary of the table cut to (EDATE(D, −N), D], its recency and tenure those of the table cut to D.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDateText, serialToIsoDate } from "../../../src/core/cells/dates";
import { readTransactions } from "../../../src/core/transactions/read";
import { summarizeCustomers } from "../../../src/core/transactions/summary";
import { periodEnd, periodIndex, periodLabel, periodStart, shiftMonths, windowExclusiveStart, windowProblems } from "../../../src/core/transactions/window";
import { expectCoreError } from "../../support/core-error";

const d = (s: string) => parseDateText(s);
const iso = serialToIsoDate;

describe("calendar", () => {
  it("EDATE: same day, clamped to the month's end, across years", () => {
    expect(iso(shiftMonths(d("2024-03-31"), -1))).toBe("2024-02-29");
    expect(iso(shiftMonths(d("2023-03-31"), -1))).toBe("2023-02-28");
    expect(iso(shiftMonths(d("2011-12-09 15:00"), -12))).toBe("2010-12-09");
    expect(iso(shiftMonths(d("2024-01-15"), 14))).toBe("2025-03-15");
    expect(iso(windowExclusiveStart(d("2024-03-31"), 1))).toBe("2024-02-29");
    expect(windowExclusiveStart(d("2024-03-31"), null)).toBe(-Infinity);
  });
  it("months and quarters: index, first and last day, label", () => {
    const m = periodIndex(d("2010-12-15"), "month");
    expect([iso(periodStart(m, "month")), iso(periodEnd(m, "month")), periodLabel(m, "month")]).toEqual(["2010-12-01", "2010-12-31", "2010-12"]);
    const q = periodIndex(d("2011-02-28"), "quarter");
    expect([iso(periodStart(q, "quarter")), iso(periodEnd(q, "quarter")), periodLabel(q, "quarter")]).toEqual(["2011-01-01", "2011-03-31", "2011-Q1"]);
  });
  it("window length: a whole number of months, 1 to 1200", () => {
    expect(windowProblems(null)).toEqual([]);
    expect(windowProblems(12)).toEqual([]);
    for (const bad of [0, -3, 1.5, 1201, NaN]) expect(windowProblems(bad).map((p) => p.code)).toEqual(["badWindow"]);
  });
});

describe("summarizeCustomers over a window", () => {
  const rows = {
    customers: ["A", "A", "B", "A", "C"],
    dates: ["2023-12-15", "2024-02-29", "2024-01-10", "2024-03-20", "2024-03-31 18:00"],
    amounts: [50, 20, 30, 10, 5],
  };
  it("F and M over (EDATE(asOf, −N), asOf]; R from all history; customers without a purchase in the window kept with 0", () => {
    const s = summarizeCustomers(readTransactions(rows), { asOf: d("2024-03-31"), windowMonths: 1 });
    expect(s.customerIds).toEqual(["A", "B", "C"]);
    expect(Array.from(s.orders)).toEqual([1, 0, 1]); // 2024-02-29 is the window's exclusive start
    expect(Array.from(s.totalAmount)).toEqual([10, 0, 5]);
    expect(Array.from(s.averageAmount)).toEqual([10, 0, 5]);
    expect(Array.from(s.purchaseDays)).toEqual([1, 0, 1]);
    expect(Array.from(s.recencyDays)).toEqual([11, 81, 0]);
    expect(Array.from(s.tenureDays)).toEqual([107, 81, 0]);
    expect(s.windowMonths).toBe(1);
    expectCoreError(() => summarizeCustomers(readTransactions(rows), { windowMonths: 0 }), "badWindow");
  });

  it("property: the window equals the cut table for F and M, the as-of cut for R", () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 45000, max: 45400 }), fc.integer({ min: 0, max: 500 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 50 }), fc.integer({ min: 45000, max: 45420 }), fc.integer({ min: 1, max: 14 }), (list, asOf, months) => {
        const upTo = list.filter((r) => r[1] <= asOf);
        if (upTo.length === 0) return;
        const read = (rs: typeof list) => readTransactions({ customers: rs.map((r) => `c${r[0]}`), dates: rs.map((r) => r[1] + 0.5), amounts: rs.map((r) => r[2]) });
        const s = summarizeCustomers(read(list), { asOf, windowMonths: months });
        const cut = summarizeCustomers(read(upTo), { asOf });
        expect(s.customerIds).toEqual(cut.customerIds);
        expect(Array.from(s.recencyDays)).toEqual(Array.from(cut.recencyDays));
        const start = windowExclusiveStart(asOf, months);
        const inWindow = upTo.filter((r) => r[1] > start);
        const w = inWindow.length > 0 ? summarizeCustomers(read(inWindow), { asOf }) : null;
        s.customerIds.forEach((id, c) => {
          const k = w ? w.customerIds.indexOf(id) : -1;
          expect(s.orders[c]).toBe(k < 0 ? 0 : w!.orders[k]);
          expect(s.totalAmount[c]).toBe(k < 0 ? 0 : w!.totalAmount[k]);
        });
      }),
      { numRuns: 200 },
    );
  });
});
