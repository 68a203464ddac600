import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerClv, expectedLifespan, perTier } from "../../../src/core/analysis/measures";
import { runAnalysis } from "../../../src/core/analysis/run";
import { AnalysisSettingsError, type AnalysisOptions } from "../../../src/core/analysis/types";
import { simpleClv } from "../../../src/core/tiers/clv";
import { serialFromParts } from "../../../src/core/cells/dates";

const RFM_ABC: AnalysisOptions = {
  rfm: { bins: 3, scheme: "cn8" },
  abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" },
  clv: { margin: 0.3, retention: 1, discount: 0, years: 3 },
  tierBy: "abcClass",
};

/** Rows as a CSV export gives them: text everywhere, NA ids, cancellations with negative quantity. */
const rows = [
  ["c1", "2024-01-05", "2", "10"],
  ["c1", "2024-03-01", "1", "30"],
  ["NA", "2024-03-02", "5", "1"],
  ["c2", "2024-02-01", "-3", "10"], // a return: left out, counted
  ["c2", "2024-02-10", "4", "25"],
  ["c3", "2024-03-10", "1", "5"],
  ["c3", "not a date", "1", "5"],
  ["c4", "2024-03-03", "-1", "0"], // cancelled free item: −0 is a return too, so c4 is no customer
  ["", "", "", ""],
  ["c3", "2024-03-11", "", "5"], // quantity blank: reported for the quantity column
];
const col = (k: number) => rows.map((r) => r[k]);

describe("runAnalysis", () => {
  const result = runAnalysis({ customers: col(0), dates: col(1), quantities: col(2), amounts: col(3) }, RFM_ABC);

  it("reads amount = quantity × price, leaves out and counts returns, reports bad rows by role", () => {
    expect(result.customerIds).toEqual(["c1", "c2", "c3"]);
    expect(Array.from(result.summary.totalAmount)).toEqual([50, 100, 5]);
    expect(Array.from(result.summary.orders)).toEqual([2, 1, 1]);
    expect(result.quality.returns).toEqual({ rows: 2, amount: -30, firstRow: 3 });
    expect(result.quality.blankRows).toBe(1);
    expect(result.quality.usedRows).toBe(4);
    expect(result.quality.problems.problems.map((p) => [p.row, p.field, p.code])).toEqual([
      [2, "customer", "blankCustomer"],
      [6, "date", "badDate"],
      [9, "quantity", "blankAmount"],
    ]);
  });

  it("gives per-customer recency from the latest purchase, scores, codes and the simple CLV", () => {
    const asOf = serialFromParts(2024, 3, 10);
    expect(result.summary.asOf).toBe(asOf);
    expect(Array.from(result.summary.recencyDays)).toEqual([asOf - serialFromParts(2024, 3, 1), asOf - serialFromParts(2024, 2, 10), 0]);
    expect(result.rfm!.codes.every((c) => /^[1-3]{3}$/.test(c))).toBe(true);
    const c1 = simpleClv({ averagePurchase: 25, purchasesPerYear: 2, lifespanYears: 3, margin: 0.3 });
    expect(result.clv![0]).toBeCloseTo(c1, 9);
  });

  it("makes ABC tier rows A, B, C with shares that add up and a cumulative share ending at 1", () => {
    expect(result.tiers.map((t) => t.key)).toEqual(["A", "B", "C"].filter((_, i) => result.abc!.totals[i].count > 0));
    expect(result.tiers.reduce((s, t) => s + t.customers, 0)).toBe(3);
    expect(result.tiers.reduce((s, t) => s + t.revenueShare, 0)).toBeCloseTo(1, 12);
    expect(result.tiers.at(-1)!.cumulativeRevenueShare).toBeCloseTo(1, 12);
    const a = result.tiers[0];
    expect(a.mean.monetary).toBe(a.revenue / a.customers);
  });

  it("makes segment rows largest revenue first, and an R×F grid of mean monetary", () => {
    const seg = runAnalysis({ customers: col(0), dates: col(1), quantities: col(2), amounts: col(3) }, { ...RFM_ABC, tierBy: "segment" });
    const revenues = seg.tiers.map((t) => t.revenue);
    expect(revenues).toEqual([...revenues].sort((x, y) => y - x));
    const grid = seg.rfGrid!;
    expect(grid.rLevels * grid.fLevels).toBe(grid.meanMonetary.length);
    expect(Array.from(grid.customers).reduce((s, n) => s + n, 0)).toBe(3);
  });

  it("averages the extra column and totals margins; picks each customer's main category", () => {
    const r = runAnalysis(
      { customers: ["a", "a", "b"], dates: [45000, 45001, 45002], amounts: [10, 20, 5], margins: [1, 2, ""], extras: [4, "", 8], categories: ["x", "y", "z"] },
      { ...RFM_ABC, abc: { aCut: 0.8, bCut: 0.95, basis: "margin" } },
    );
    expect(Array.from(r.margin!)).toEqual([3, 0]);
    expect(Array.from(r.extra!)).toEqual([4, 8]);
    expect(r.mainCategory).toEqual(["y", "z"]);
    expect(Array.from(r.abc!.values)).toEqual([3, 0]);
  });

  it("rejects settings it cannot use, naming the setting", () => {
    const cols = { customers: ["a"], dates: [45000], amounts: [1] };
    const problem = (o: AnalysisOptions) => {
      try {
        runAnalysis(cols, o);
      } catch (e) {
        return e instanceof AnalysisSettingsError ? e.problem : String(e);
      }
      return "none";
    };
    expect(problem({ tierBy: "segment" })).toBe("noAnalysis");
    expect(problem({ ...RFM_ABC, rfm: null, tierBy: "segment" })).toBe("tierByNeedsRfm");
    expect(problem({ ...RFM_ABC, abc: { aCut: 0.8, bCut: 0.95, basis: "margin" } })).toBe("marginBasisNeedsColumn");
    expect(problem({ ...RFM_ABC, clv: { margin: 1.5, retention: 1, discount: 0, years: 1 } })).toBe("clvMargin");
    expect(problem({ ...RFM_ABC, clv: { margin: 0.5, retention: 1, discount: 1, years: 1 } })).toBe("clvDiscount");
  });
});

describe("runAnalysis with an order column (line items)", () => {
  /** Online Retail-like lines: [invoice, customer, date, quantity, price, margin, category]. */
  const lines: unknown[][] = [
    ["536365", "c1", 45300, 6, 2.5, 1, "toys"],
    ["536365", "c1", 45300.01, 2, 10, 2, "books"],
    ["536366", "c1", 45310, 1, 5, 1, "toys"],
    ["C536379", "c1", 45311, -1, 5, 0, "toys"], // a cancellation invoice: returns only, no order
    ["536370", "c2", 45305, 3, 4, 1, "garden"],
    ["536370", "c2", 45305, -1, 4, 0, "garden"], // a returned line inside an order: left out, the order stays
    [536371, "c2", 45320, 1, 8, 1, "garden"],
    ["536371", "c2", 45320, 1, 2, 1, "garden"], // the same invoice as text: one order
    ["", "c3", 45321, 1, 9, 1, "toys"], // no invoice: an order of its own
    ["#N/A", "c3", 45322, 1, 9, 1, "toys"], // an error: the row is left out
  ];
  const col = (k: number) => lines.map((r) => r[k]);
  const columns = { orders: col(0), customers: col(1), dates: col(2), quantities: col(3), amounts: col(4), margins: col(5), categories: col(6) };
  const r = runAnalysis(columns, { ...RFM_ABC, abc: { aCut: 0.8, bCut: 0.95, basis: "orders" }, tierBy: "abcClass" });

  it("counts orders, not lines: frequency, tier orders, ABC by orders", () => {
    expect(r.customerIds).toEqual(["c1", "c2", "c3"]);
    expect(Array.from(r.summary.orders)).toEqual([2, 2, 1]);
    expect(Array.from(r.summary.totalAmount)).toEqual([40, 22, 9]);
    expect(Array.from(r.summary.averageAmount)).toEqual([20, 11, 9]);
    expect(Array.from(r.summary.firstPurchase)).toEqual([45300, 45305, 45321]);
    expect(r.tiers.reduce((s, t) => s + t.orders, 0)).toBe(5);
    expect(Array.from(r.abc!.values)).toEqual([2, 2, 1]);
    expect(r.transactions.validRows).toBe(5);
  });

  it("keeps the quality counts in rows and says how many orders they formed", () => {
    expect(r.quality.usedRows).toBe(7);
    expect(r.quality.orders).toBe(5);
    expect(r.quality.returns.rows).toBe(2);
    expect(r.quality.returns.firstRow).toBe(3);
    expect(r.quality.problems.problems.map((p) => [p.row, p.field, p.code])).toEqual([[9, "order", "excelError"]]);
  });

  it("reads the margin and category columns per line, as without orders", () => {
    expect(Array.from(r.margin!)).toEqual([4, 3, 1]);
    expect(r.mainCategory).toEqual(["books", "garden", "toys"]);
  });

  it("gives the same tiers as rows that are already orders", () => {
    const byOrder = runAnalysis(
      { customers: ["c1", "c1", "c2", "c2", "c3"], dates: [45300, 45310, 45305, 45320, 45321], amounts: [35, 5, 12, 10, 9] },
      { ...RFM_ABC, abc: { aCut: 0.8, bCut: 0.95, basis: "orders" } },
    );
    expect(Array.from(byOrder.summary.orders)).toEqual(Array.from(r.summary.orders));
    expect(Array.from(byOrder.summary.totalAmount)).toEqual(Array.from(r.summary.totalAmount));
    expect(byOrder.rfm!.codes).toEqual(r.rfm!.codes);
    expect(Array.from(byOrder.clv!)).toEqual(Array.from(r.clv!));
    expect(byOrder.quality.orders).toBeNull();
  });
});

describe("expectedLifespan and perTier (mean)", () => {
  it("is the horizon with full retention, one year with none, and the geometric sum between", () => {
    expect(expectedLifespan(1, 5)).toBe(5);
    expect(expectedLifespan(0, 5)).toBe(1);
    expect(expectedLifespan(0.5, 3)).toBeCloseTo(1 + 0.5 + 0.25, 12);
    expect(expectedLifespan(0.5, 2.5)).toBeCloseTo(1 + 0.5 + 0.5 * 0.25, 12);
  });

  it("averages per tier, skipping NaN and out-of-range tiers", () => {
    expect(Array.from(perTier([0, 0, 1, -1, 1], 3, [1, 3, NaN, 100, 5], "mean"))).toEqual([2, 5, NaN]);
  });
});

describe("runAnalysis properties", () => {
  const tx = fc.array(
    fc.record({
      id: fc.integer({ min: 1, max: 25 }),
      day: fc.integer({ min: 45000, max: 45400 }),
      amount: fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.integer({ min: -50, max: -1 })),
    }),
    { minLength: 1, maxLength: 120 },
  );

  it("tier shares add to 1, every scored customer is in one tier, and results do not depend on row order", () => {
    fc.assert(
      fc.property(tx, fc.boolean(), (txs, bySegment) => {
        if (!txs.some((t) => t.amount > 0)) return;
        const options: AnalysisOptions = { ...RFM_ABC, tierBy: bySegment ? "segment" : "abcClass" };
        const run = (list: typeof txs) => runAnalysis({ customers: list.map((t) => t.id), dates: list.map((t) => t.day), amounts: list.map((t) => t.amount) }, options);
        const a = run(txs);
        const b = run([...txs].reverse());
        const customers = a.customerIds.length;
        expect(a.tiers.reduce((s, t) => s + t.customers, 0)).toBe(customers);
        expect(a.tiers.reduce((s, t) => s + t.customerShare, 0)).toBeCloseTo(1, 9);
        expect(a.tiers.reduce((s, t) => s + t.revenueShare, 0)).toBeCloseTo(1, 9);
        for (let k = 1; k < a.tiers.length; k++) expect(a.tiers[k].cumulativeRevenueShare).toBeGreaterThanOrEqual(a.tiers[k - 1].cumulativeRevenueShare);
        expect(a.quality.returns.rows).toBe(txs.filter((t) => t.amount < 0).length);
        const byId = (r: typeof a) => new Map(r.customerIds.map((id, c) => [id, [r.summary.totalAmount[c], r.rfm!.codes[c], r.abc!.classes[c], r.clv![c]]]));
        expect(byId(b)).toEqual(byId(a));
      }),
      { numRuns: 150 },
    );
  });

  it("CLV grows with margin, retention and horizon", () => {
    fc.assert(
      fc.property(tx, fc.double({ min: 0, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 0.9, noNaN: true }), (txs, margin, retention) => {
        if (!txs.some((t) => t.amount > 0)) return;
        const r = runAnalysis({ customers: txs.map((t) => t.id), dates: txs.map((t) => t.day), amounts: txs.map((t) => t.amount) }, RFM_ABC);
        const base = customerClv(r.summary, { margin, retention, discount: 0.1, years: 3 });
        const more = [
          customerClv(r.summary, { margin: margin + 0.1, retention, discount: 0.1, years: 3 }),
          customerClv(r.summary, { margin, retention: retention + 0.1, discount: 0.1, years: 3 }),
          customerClv(r.summary, { margin, retention, discount: 0.1, years: 4 }),
        ];
        for (const m of more) for (let c = 0; c < base.length; c++) expect(m[c]).toBeGreaterThanOrEqual(base[c]);
      }),
      { numRuns: 60 },
    );
  });
});
