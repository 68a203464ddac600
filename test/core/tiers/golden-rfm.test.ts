import { describe, expect, it } from "vitest";
import { readCsvFile, columnIndex } from "../../../src/cli/csv";
import { parseDateText } from "../../../src/core/cells/dates";
import { readTransactions } from "../../../src/core/transactions/read";
import { scoreCustomers } from "../../../src/core/tiers/rfm";
import { segmentCustomers } from "../../../src/core/tiers/segments";
import { summarizeCustomers } from "../../../src/core/transactions/summary";
import { tierTotals } from "../../../src/core/tiers/totals";
import { en } from "../../../src/i18n/en";

const DATA = new URL("../../../../shared/data/", import.meta.url).pathname;

// The R rfm package vignette's segment table for rfm_data_orders, analysis date 2006-12-31.
const VIGNETTE: Record<string, [number, number, number]> = {
  "About To Sleep": [102, 283, 23449],
  "At Risk": [28, 216, 22227],
  "Can't Lose Them": [47, 274, 32446],
  Champions: [35, 316, 31646],
  Lost: [148, 393, 35324],
  "Loyal Customers": [170, 799, 76562],
  "Need Attention": [10, 57, 4562],
  "New Customers": [104, 329, 28837],
  "Potential Loyalist": [342, 2211, 204856],
  Promising: [9, 28, 4249],
};

describe("golden: R rfm 0.3.0 vignette on rfm_data_orders", () => {
  const table = readCsvFile(`${DATA}rfm_data_orders.csv`);
  const col = (name: string) => table.columns[columnIndex(table.header, name)!];
  const tx = readTransactions({ customers: col("customer_id"), dates: col("order_date"), amounts: col("revenue") });
  const summary = summarizeCustomers(tx, { asOf: parseDateText("2006-12-31") });
  const scores = scoreCustomers(summary);
  const segments = segmentCustomers(scores, "rfm");

  it("reads every row", () => {
    expect(tx.validRows).toBe(4906);
    expect(tx.problems.count).toBe(0);
    expect(tx.customerIds.length).toBe(995);
  });

  it("reproduces the segment table exactly", () => {
    const names = segments.names.map((key) => en.segments[key as keyof typeof en.segments]);
    const totals = tierTotals(segments.index, names, summary.orders, summary.totalAmount);
    const got = Object.fromEntries(totals.filter((t) => t.customers > 0).map((t) => [t.tier, [t.customers, t.orders, t.revenue]]));
    expect(got).toEqual(VIGNETTE);
  });

  it("uses R's type-7 quantiles plus one as cut points", () => {
    // The same data's quantiles from pandas (linear = type 7) plus one; the rfm package's own
    // documentation rounds them to recency c(115, 181, 297, 482), frequency c(4, 5, 6, 8),
    // monetary c(256, 382, 506, 666) in its custom-threshold example.
    const expected = { r: [115, 181, 297.4, 482], f: [4, 5, 6, 8], m: [255.8, 382, 506.4, 666] };
    for (const k of ["r", "f", "m"] as const) {
      scores[k].thresholds.forEach((t, i) => expect(t, `${k} cut ${i + 1}`).toBeCloseTo(expected[k][i], 9));
    }
  });
});
