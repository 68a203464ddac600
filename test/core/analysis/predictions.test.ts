/** Predict CLV & churn inside the analysis: the join to the analysis customers, per-tier measures, model failures. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readAnalysisRows } from "../../../src/core/analysis/rows";
import { runAnalysis, runTiering } from "../../../src/core/analysis/run";
import { AnalysisSettingsError, type AnalysisOptions, type PredictAnalysisOptions } from "../../../src/core/analysis/types";
import { perTier } from "../../../src/core/analysis/measures";
import { churnWarning } from "../../../src/core/models/churn";
import { CoreError } from "../../../src/core/cells/errors";
import { PREDICT_DEFAULTS, withPredictions } from "../../../src/core/analysis/predictions";
import { lifecycleStages } from "../../../src/core/models/lifecycle";
import { runClvModels } from "../../../src/core/models/predict";

const START = 45292; // 2024-01-01

/** Deterministic purchases: `customers` customers with 1..`most` purchases over a year; every 7th row of a repeat customer a return. */
function purchases(customers: number, seed: number, most = 8) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const ids: unknown[] = [];
  const dates: unknown[] = [];
  const amounts: unknown[] = [];
  let row = 0;
  for (let c = 1; c <= customers; c++) {
    const first = START + Math.floor(next() * 300);
    const n = 1 + Math.floor(next() * most);
    for (let k = 0; k < n; k++) {
      ids.push(`K${c}`);
      dates.push(first + Math.floor(next() * (365 - (first - START))));
      const amount = Math.round(next() * 20000) / 100 + 5;
      amounts.push(k > 0 && ++row % 7 === 0 ? -amount : amount);
    }
  }
  return { customers: ids, dates, amounts };
}

const OPTIONS = (predict: PredictAnalysisOptions | null, tierBy: "segment" | "abcClass" = "segment"): AnalysisOptions => ({
  rfm: { bins: 5, scheme: "rfm" },
  abc: { aCut: 0.8, bCut: 0.95, basis: "revenue" },
  predict,
  tierBy,
});

describe("predictions on line items grouped into orders", () => {
  it("fit the orders: splitting each order into lines under an order column changes nothing", () => {
    const orders = purchases(300, 11);
    const lines = { customers: [] as unknown[], dates: [] as unknown[], amounts: [] as unknown[], orders: [] as unknown[] };
    orders.customers.forEach((id, k) => {
      const amount = orders.amounts[k] as number;
      const parts = 1 + (k % 3);
      for (let j = 0; j < parts; j++) {
        lines.customers.push(id);
        lines.dates.push((orders.dates[k] as number) + j / 1440); // lines a minute apart
        lines.amounts.push(amount / parts);
        lines.orders.push(`INV${k}`);
      }
    });
    const byOrder = runAnalysis(orders, OPTIONS({ ...PREDICT_DEFAULTS }));
    const byLine = runAnalysis(lines, OPTIONS({ ...PREDICT_DEFAULTS }));
    expect(byLine.quality.orders).toBe(byOrder.quality.usedRows);
    expect(Array.from(byLine.summary.orders)).toEqual(Array.from(byOrder.summary.orders));
    expect(byLine.predict!.error).toBeNull();
    expect(byLine.predict!.model!.counts.logLikelihood).toBeCloseTo(byOrder.predict!.model!.counts.logLikelihood, 6);
    const clv = (a: typeof byOrder) => Array.from(a.predict!.model!.clv, (v) => Math.round(v * 100) / 100);
    expect(clv(byLine)).toEqual(clv(byOrder));
    expect(byLine.tiers.map((t) => [t.key, t.orders])).toEqual(byOrder.tiers.map((t) => [t.key, t.orders]));
  });
});

describe("predictions joined to the analysis customers", () => {
  const columns = purchases(400, 7);
  const a = runAnalysis(columns, OPTIONS({ ...PREDICT_DEFAULTS }));
  const p = a.predict!;
  const model = p.model!;

  it("fits the models on the purchases the analysis used (returns left out), with the analysis date as calibration end", () => {
    expect(p.error).toBeNull();
    expect(a.quality.returns.rows).toBeGreaterThan(0);
    // The same purchases read without the return rows give the same fit, customer by customer.
    const keep = columns.amounts.map((v) => (v as number) >= 0);
    const pick = (xs: unknown[]) => xs.filter((_, i) => keep[i]);
    const { tx } = readAnalysisRows({ customers: pick(columns.customers), dates: pick(columns.dates), amounts: pick(columns.amounts) });
    const direct = runClvModels(tx, { unit: "week", calibrationEnd: a.summary.asOf, horizonMonths: 12, monthlyDiscount: 0.01 });
    expect(model.counts.logLikelihood).toBeCloseTo(direct.counts.logLikelihood, 9);
    expect(model.modelled).toBe(a.customerIds.length);
    const index = new Map(a.customerIds.map((id, c) => [id, c]));
    direct.summary.customerIds.forEach((id, k) => {
      const c = index.get(id)!;
      expect(model.pAlive[c]).toBeCloseTo(direct.predictions.pAlive[k], 12);
      expect(model.clv[c]).toBeCloseTo(direct.predictions.clv[k], 9);
      expect(model.expectedPurchases[c]).toBeCloseTo(direct.predictions.expectedPurchases[k], 12);
    });
    const stages = lifecycleStages(tx, { asOf: a.summary.asOf });
    stages.customerIds.forEach((id, k) => expect(p.stage[index.get(id)!]).toBe(stages.stage[k]));
  });

  it("ranks the warning list by CLV at risk, only customers at risk, and flags can't-lose customers as churnWarning does", () => {
    const reference = churnWarning(model.pAlive, model.clvIfAlive, { valueShare: 0.2, risk: 0.5 });
    expect(Array.from(model.warning)).toEqual(Array.from(reference.order).filter((c) => reference.risk[c] > 0));
    for (let k = 1; k < model.warning.length; k++) expect(model.clvAtRisk[model.warning[k - 1]]).toBeGreaterThanOrEqual(model.clvAtRisk[model.warning[k]]);
    expect(Array.from(model.cantLose)).toEqual(Array.from(reference.cantLose));
    for (let c = 0; c < a.customerIds.length; c++) {
      expect(model.churnRisk[c]).toBeCloseTo(1 - model.pAlive[c], 15);
      expect(model.clvAtRisk[c]).toBeCloseTo(model.clvIfAlive[c] * model.churnRisk[c], 9);
    }
  });

  it("adds expected purchases, expected revenue and mean P(alive) to every tier row", () => {
    for (const t of a.tiers) {
      const members = a.customerIds.map((_, c) => c).filter((c) => a.tierOf[c] === t.index);
      expect(members.length).toBe(t.customers);
      expect(t.expectedRevenue).toBeCloseTo(members.reduce((s, c) => s + model.clv[c], 0), 6);
      expect(t.expectedPurchases).toBeCloseTo(members.reduce((s, c) => s + model.expectedPurchases[c], 0), 9);
      expect(t.mean.pAlive).toBeCloseTo(members.reduce((s, c) => s + model.pAlive[c], 0) / members.length, 12);
    }
  });

  it("is runTiering then withPredictions; without predict the tier rows carry NaN", () => {
    const tiered = runTiering(columns, OPTIONS({ ...PREDICT_DEFAULTS }));
    expect(tiered.predict).toBeNull();
    for (const t of tiered.tiers) expect([t.expectedRevenue, t.expectedPurchases, t.mean.pAlive].every(Number.isNaN)).toBe(true);
    expect(withPredictions(tiered, PREDICT_DEFAULTS).tiers).toEqual(a.tiers);
  });

  it("gives customers the model does not hold NaN and keeps them off the warning list", () => {
    // The analysis customers with one more id in front, which no purchase (so no model row) belongs to.
    const tiered = runTiering(columns, OPTIONS(null));
    const wider = { ...tiered, customerIds: ["nobody", ...tiered.customerIds], tierOf: Int32Array.from([-1, ...tiered.tierOf]) };
    const m2 = withPredictions(wider, PREDICT_DEFAULTS).predict!.model!;
    expect(Number.isNaN(m2.pAlive[0]) && Number.isNaN(m2.clv[0]) && Number.isNaN(m2.clvAtRisk[0])).toBe(true);
    expect(m2.cantLose[0]).toBe(0);
    expect(Array.from(m2.warning)).not.toContain(0);
    expect(Array.from(m2.warning)).toEqual(Array.from(model.warning, (c) => c + 1));
    expect(m2.pAlive.slice(1)).toEqual(model.pAlive);
  });
});

describe("model failures and bad settings", () => {
  it("a model that cannot be fitted leaves the tiers and lifecycle stages, with the core's reason", () => {
    // Everyone bought once: nobody came back, BG/NBD has nothing to learn from.
    const columns = { customers: ["a", "b", "c", "d"], dates: [START, START + 10, START + 50, START + 90], amounts: [5, 10, 20, 40] };
    const a = runAnalysis(columns, OPTIONS({ ...PREDICT_DEFAULTS }, "abcClass"));
    expect(a.predict!.model).toBeNull();
    expect(a.predict!.error).toBeInstanceOf(CoreError);
    expect(a.predict!.error!.code).toBe("noRepeatPurchases");
    expect(a.tiers.length).toBeGreaterThan(0);
    expect(a.tiers.every((t) => Number.isNaN(t.expectedRevenue))).toBe(true);
    // Nobody has a rhythm, so the gap is new_days (30): a and b (90 and 80 days ago) are within 3 × 30, Silent;
    // c (40 days) within 1.5 × 30, Active; d bought on the analysis date, New.
    expect(Array.from(a.predict!.stage)).toEqual([2, 2, 1, 0]);
  });

  it("rejects impossible settings before reading: horizon, discount, lifecycle thresholds, can't-lose cut-offs", () => {
    const columns = purchases(20, 3);
    const run = (patch: Partial<PredictAnalysisOptions>) => () => runAnalysis(columns, OPTIONS({ ...PREDICT_DEFAULTS, ...patch }));
    expect(run({ horizonMonths: 1.5 })).toThrow(expect.objectContaining({ code: "badHorizon" }));
    expect(run({ monthlyDiscount: -1 })).toThrow(expect.objectContaining({ code: "badDiscount" }));
    expect(run({ silentMultiple: 1 })).toThrow(expect.objectContaining({ code: "badLifecycle" }));
    expect(run({ cantLoseShare: 0 })).toThrow(AnalysisSettingsError);
    expect(run({ cantLoseRisk: 1.5 })).toThrow(expect.objectContaining({ problem: "cantLoseRisk" }));
  });
});

describe("property: per-tier sums", () => {
  it("expected revenue and expected purchases over the tiers sum to the customers' predicted CLV and purchases", () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 160 }), fc.integer({ min: 1, max: 2 ** 30 }), fc.constantFrom("segment" as const, "abcClass" as const), fc.constantFrom("day" as const, "week" as const, "month" as const), (n, seed, tierBy, unit) => {
        const a = runAnalysis(purchases(n, seed), OPTIONS({ ...PREDICT_DEFAULTS, unit }, tierBy));
        const model = a.predict!.model;
        if (!model) return; // (a failed fit is covered above)
        let clv = 0;
        let bought = 0;
        for (let c = 0; c < a.customerIds.length; c++) {
          if (a.tierOf[c] < 0) continue;
          clv += model.clv[c];
          bought += model.expectedPurchases[c];
        }
        const revenue = a.tiers.reduce((s, t) => s + t.expectedRevenue, 0);
        const expected = a.tiers.reduce((s, t) => s + t.expectedPurchases, 0);
        expect(Math.abs(revenue - clv)).toBeLessThanOrEqual(1e-9 * Math.max(1, clv));
        expect(Math.abs(expected - bought)).toBeLessThanOrEqual(1e-9 * Math.max(1, bought));
        for (const t of a.tiers) expect(t.mean.pAlive >= 0 && t.mean.pAlive <= 1).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it("perTier (sum) skips NaN and customers outside the tiers", () => {
    expect(Array.from(perTier([0, 1, -1, 1, 5], 2, [1, 2, 4, NaN, 8], "sum"))).toEqual([1, 2]);
  });
});
