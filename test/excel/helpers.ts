import { createWorkbookPort } from "../../src/excel/jobs";
import type { AnalysisSettings } from "../../src/excel/port";
import { expect } from "vitest";
import { createStandIn, type StandIn } from "../../src/standin";

/** A stand-in holding a "Data" sheet of transactions (header: Customer, Date, Amount, Category, Rating). */
export function bookWithTransactions(rows: unknown[][], options: Parameters<typeof createStandIn>[0] = {}): { book: StandIn; port: ReturnType<typeof createWorkbookPort> } {
  const book = createStandIn(options);
  book.addSheet("Data", [["Customer", "Date", "Amount", "Category", "Rating"], ...rows]);
  return { book, port: createWorkbookPort(book.host) };
}

/** Deterministic transactions: `customers` customers with 1..4 purchases each over 2024. */
export function transactions(customers: number, seed = 1): unknown[][] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const rows: unknown[][] = [];
  const start = 45292; // 2024-01-01
  for (let c = 1; c <= customers; c++) {
    const n = 1 + Math.floor(next() * 4);
    for (let k = 0; k < n; k++) {
      rows.push([`C${c}`, start + Math.floor(next() * 360), Math.round(next() * 50000) / 100 + 1, ["toys", "books", "garden"][Math.floor(next() * 3)], 1 + Math.floor(next() * 5)]);
    }
  }
  return rows;
}

/**
 * Rows from a buy-then-drop-out process (what the BG/NBD model expects): customers start in the first
 * two months, buy at their own rate, and stop after their own lifetime, so P(alive), CLV and churn
 * risk differ between customers. Columns as in `transactions`.
 */
export function churningTransactions(customers: number, seed = 1): unknown[][] {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const exponential = (mean: number) => -Math.log(1 - next()) * mean;
  const rows: unknown[][] = [];
  const start = 45292; // 2024-01-01
  for (let c = 1; c <= customers; c++) {
    const first = Math.floor(next() * 60);
    const gap = 5 + exponential(40);
    const end = Math.min(360, first + exponential(200));
    const spend = 20 + exponential(150);
    for (let day = first; day <= end; day += 1 + Math.floor(exponential(gap))) {
      rows.push([`C${c}`, start + day, Math.round(spend * (0.5 + next()) * 100) / 100, ["toys", "books", "garden"][Math.floor(next() * 3)], 1 + Math.floor(next() * 5)]);
    }
  }
  return rows;
}

export function settingsFor(rows: number, overrides: Partial<AnalysisSettings> = {}): AnalysisSettings {
  return {
    source: { kind: "range", sheet: "Data", address: `A1:E${rows + 1}` },
    hasHeader: true,
    mapping: { customer: 0, date: 1, amount: 2, quantity: -1, margin: -1, category: 3, extra: 4, order: -1 },
    asOf: null,
    rfm: { bins: 5, breakpoints: null, scheme: "rfm" },
    abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" },
    clv: { margin: 0.3, retention: 0.8, discount: 0.1, years: 3 },
    predict: null,
    score: null,
    summaryBy: "abcClass",
    strategies: {},
    ...overrides,
  };
}

/** Office's limit on a request or a response. */
export const FIVE_MB = 5 * 1024 * 1024;

/** Every sync of a run succeeded, with its request and its response under Office's 5 MB, and no NaN sent as null. */
export function expectSyncsUnderLimit(log: ReturnType<StandIn["syncLog"]>): void {
  for (const s of log) {
    expect(s.error).toBeNull();
    expect(s.nonFiniteCells).toBe(0);
    expect(s.requestBytes).toBeLessThan(FIVE_MB);
    expect(s.responseBytes).toBeLessThan(FIVE_MB);
  }
}

/** Names of the sheets a person sees (the hidden history sheet left out), in tab order. */
export function visibleSheetNames(book: StandIn): string[] {
  return book.sheets().filter((s) => s.visibility === "Visible").map((s) => s.name);
}
