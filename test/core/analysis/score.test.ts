/** The weighted score inside the pane's analysis: tiers by score band, upgrade gaps per tier basis, settings problems, predictions. */
import { describe, expect, it } from "vitest";
import { abcUpgrade } from "../../../src/core/tiers/abc";
import { runAnalysis, runTiering } from "../../../src/core/analysis/run";
import { AnalysisSettingsError, type AnalysisOptions } from "../../../src/core/analysis/types";
import { perTier } from "../../../src/core/analysis/measures";
import { serialFromParts } from "../../../src/core/cells/dates";
import { PREDICT_DEFAULTS, withPredictions } from "../../../src/core/analysis/predictions";
import { NO_BAND, SCORE_TIER_KEYS, type ScoreMetric } from "../../../src/core/tiers/score";
import { segmentUpgrade } from "../../../src/core/tiers/upgrade-segment";
import { expectCoreError } from "../../support/core-error";
import { scoreSettings, shares, thresholds } from "../../support/fixtures";

const d = (m: number, day: number) => serialFromParts(2024, m, day);
/** c1..c5: recency 69, 38, 9, 0, 0 days (as of Mar 10); monetary 100, 200, 300, 500, 50. */
const SHOP = {
  customers: ["c1", "c2", "c3", "c4", "c4", "c5"],
  dates: [d(1, 1), d(2, 1), d(3, 1), d(3, 5), d(3, 10), d(3, 10)],
  amounts: [100, 200, 300, 400, 100, 50],
};
const RECENCY_MONETARY = scoreSettings(["monetary", ["recency", 1, "lower"]], { bands: thresholds(90, 60, 40, 20) });
const BY_SCORE: AnalysisOptions = { score: RECENCY_MONETARY, tierBy: "score" };

describe("tierBy score", () => {
  const a = runAnalysis(SHOP, BY_SCORE);

  it("scores the customers by hand: percentile monetary and (lower is better) recency, equal weights", () => {
    // Monetary ranks: c5 0, c1 ¼, c2 ½, c3 ¾, c4 1. Recency 69, 38, 9, 0, 0 flipped: c1 0, c2 ¼, c3 ½,
    // c4 and c5 tied at positions 0 and 1 → mid-rank 0.5 / 4 → 1 − 0.125.
    expect(Array.from(a.summary.recencyDays)).toEqual([69, 38, 9, 0, 0]);
    expect(Array.from(a.score!.score)).toEqual([12.5, 37.5, 62.5, 93.75, 43.75]);
    expect(Array.from(a.score!.band)).toEqual([4, 3, 1, 0, 2]);
  });

  it("makes the bands the tiers, top first, keyed by the band keys, with the mean score", () => {
    expect(a.tierBy).toBe("score");
    expect(a.tiers.map((t) => t.key)).toEqual(["diamond", "platinum", "gold", "silver", "bronze"]);
    expect(a.tiers.map((t) => t.index)).toEqual([0, 1, 2, 3, 4]);
    expect(Array.from(a.tierOf)).toEqual([4, 3, 1, 0, 2]);
    expect(a.tiers.map((t) => t.revenue)).toEqual([500, 300, 50, 200, 100]);
    expect(a.tiers.map((t) => t.mean.score)).toEqual([93.75, 62.5, 43.75, 37.5, 12.5]);
    expect(a.tiers.at(-1)!.cumulativeRevenueShare).toBeCloseTo(1, 12);
    expect(a.rfm).toBeNull();
    expect(a.abc).toBeNull();
  });

  it("gives each customer the points to the next band up", () => {
    expect(a.upgrade!.kind).toBe("points");
    expect(Array.from(a.upgrade!.next)).toEqual([3, 2, 0, -1, 1]);
    expect(Array.from(a.upgrade!.gap)).toEqual([7.5, 2.5, 27.5, NaN, 16.25]);
  });

  it("leaves out empty bands and keeps the share bands' order", () => {
    const byShares = runAnalysis(SHOP, { score: { ...RECENCY_MONETARY, bands: shares(0.2, 0.2) }, tierBy: "score" });
    expect(byShares.tiers.map((t) => t.key)).toEqual(["diamond", "platinum", "gold"]);
    expect(byShares.tiers.map((t) => t.customers)).toEqual([1, 1, 3]);
    const empty = runAnalysis(SHOP, { score: { ...RECENCY_MONETARY, bands: thresholds(99, 98, 40, 20) }, tierBy: "score" });
    expect(empty.tiers.map((t) => t.key)).toEqual(["gold", "silver", "bronze"]);
  });

  it("scores a customer without the extra measure on the other metrics (the blank rule)", () => {
    const extras = ["", 5, 4, 3, 3, 1];
    const r = runAnalysis({ ...SHOP, extras }, {
      score: scoreSettings(["monetary", ["extra", 3]], { bands: RECENCY_MONETARY.bands }),
      tierBy: "score",
    });
    // c1 has no extra: monetary alone (¼ → 25). Extra means c2 5, c3 4, c4 3, c5 1 → ranks 1, ⅔, ⅓, 0.
    expect(r.score!.score[0]).toBe(25);
    expect(r.score!.score[1]).toBeCloseTo(100 * (0.5 + 3) / 4, 9);
    expect(r.score!.score[4]).toBe(0);
  });

  it("uses the simple CLV and the margin when they are computed", () => {
    const margins = [10, 80, 30, 10, 10, 1];
    const r = runAnalysis({ ...SHOP, margins }, {
      clv: { margin: 0.3, retention: 0.8, discount: 0.1, years: 3 },
      score: scoreSettings(["clv", "margin"], { method: "minmax", bands: shares(0.2) }),
      tierBy: "score",
    });
    const clv = Array.from(r.clv!);
    const margin = Array.from(r.margin!);
    const mm = (v: number[], i: number) => (v[i] - Math.min(...v)) / (Math.max(...v) - Math.min(...v));
    for (let i = 0; i < 5; i++) expect(r.score!.score[i]).toBeCloseTo(50 * (mm(clv, i) + mm(margin, i)), 7);
  });
});

describe("the score beside other tierings, and the upgrade gaps by tier basis", () => {
  it("tierBy abcClass: the score is there too; the gap is the revenue to the next class (abcUpgrade)", () => {
    const a = runAnalysis(SHOP, { abc: { aCut: 0.5, bCut: 0.8, basis: "revenue" }, score: RECENCY_MONETARY, tierBy: "abcClass" });
    expect(a.tiers.map((t) => t.key)).toEqual(["A", "B", "C"]);
    expect(Array.from(a.score!.score)).toEqual([12.5, 37.5, 62.5, 93.75, 43.75]);
    const expected = abcUpgrade(a.abc!.values, a.abc!);
    expect(a.upgrade!.kind).toBe("revenue");
    expect(Array.from(a.upgrade!.next)).toEqual(Array.from(expected.next));
    expect(Array.from(a.upgrade!.gap)).toEqual(Array.from(expected.gap));
    // Of 1150: c4 (500) and c3 (300, 43 % above it) are A; c2 (200, 70 % above) is B and needs 100 to
    // tie with c3; c1 (100) is C and needs 100 to tie with c2.
    expect(Array.from(a.abc!.classes)).toEqual([2, 1, 0, 0, 2]);
    expect(Array.from(a.upgrade!.next)).toEqual([1, 0, -1, -1, 1]);
    expect(Array.from(a.upgrade!.gap)).toEqual([100, 100, NaN, NaN, 150]);
  });

  it("ABC on orders measures the gap in orders", () => {
    const a = runAnalysis(SHOP, { abc: { aCut: 0.3, bCut: 0.6, basis: "orders" }, tierBy: "abcClass" });
    expect(a.upgrade!.kind).toBe("orders");
    expect(a.abc!.measure).toBe("orders");
    expect(a.upgrade!.gap[0]).toBe(1); // one order to tie with c4's two
  });

  it("ABC on margin measures the gap in margin (kind \"margin\", not revenue)", () => {
    const margins = [10, 80, 30, 10, 10, 1];
    const a = runAnalysis({ ...SHOP, margins }, { abc: { aCut: 0.5, bCut: 0.8, basis: "margin" }, tierBy: "abcClass" });
    expect(a.abc!.measure).toBe("margin");
    expect(a.upgrade!.kind).toBe("margin");
    const expected = abcUpgrade(a.abc!.values, a.abc!);
    expect(Array.from(a.upgrade!.gap)).toEqual(Array.from(expected.gap));
    expect(Array.from(a.upgrade!.gap).some((g) => g > 0)).toBe(true);
  });

  it("tierBy segment: the fewest purchases (the last one now) that move the customer into a better segment (issue 13 §5)", () => {
    const a = runAnalysis(SHOP, { rfm: { bins: 3, scheme: "rfm" }, tierBy: "segment" });
    const rfm = a.rfm!;
    const expected = segmentUpgrade(rfm.scores, rfm.segmentation, "rfm", a.summary.recencyDays, a.summary.orders, a.summary.totalAmount);
    expect(a.upgrade!.kind).toBe("purchase");
    expect(Array.from(a.upgrade!.next)).toEqual(Array.from(expected.next));
    expect(Array.from(a.upgrade!.gap)).toEqual(Array.from(expected.gap));
    expect(Array.from(a.upgrade!.orders!)).toEqual(Array.from(expected.orders));
    // Every next tier is a segment earlier in the rule order than the customer's own.
    Array.from(a.upgrade!.next).forEach((next, c) => expect(next === -1 || next < rfm.segmentation.index[c]).toBe(true));
    expect(Array.from(a.upgrade!.next).some((next) => next >= 0)).toBe(true);
  });

  it("without a score, `score` is null and the other tierings are unchanged", () => {
    const a = runAnalysis(SHOP, { rfm: { bins: 3, scheme: "rfm" }, tierBy: "segment" });
    expect(a.score).toBeNull();
    expect(a.scoreSettings).toBeNull();
    expect(a.tiers.every((t) => Number.isNaN(t.mean.score))).toBe(true);
  });
});

describe("score settings the analysis refuses", () => {
  const problem = (options: Partial<AnalysisOptions>, columns: Partial<typeof SHOP & { margins: unknown[]; extras: unknown[] }> = {}) => {
    try {
      runAnalysis({ ...SHOP, ...columns }, { tierBy: "score", ...options } as AnalysisOptions);
    } catch (e) {
      expect(e).toBeInstanceOf(AnalysisSettingsError);
      return [(e as AnalysisSettingsError).problem, (e as AnalysisSettingsError).value];
    }
    throw new Error("expected an AnalysisSettingsError");
  };
  const only = (metric: ScoreMetric) => scoreSettings([metric], { bands: RECENCY_MONETARY.bands });

  it("tierBy score needs score settings with at least one metric", () => {
    expect(problem({ rfm: { bins: 3, scheme: "rfm" } })).toEqual(["tierByNeedsScore", ""]);
    expect(problem({ score: { ...RECENCY_MONETARY, metrics: [] } })).toEqual(["tierByNeedsScore", ""]);
  });

  it("a metric whose source this run does not compute", () => {
    expect(problem({ score: only("clv") })).toEqual(["scoreMetricUnavailable", "clv"]);
    expect(problem({ score: only("margin") })).toEqual(["scoreMetricUnavailable", "margin"]);
    expect(problem({ score: only("extra") })).toEqual(["scoreMetricUnavailable", "extra"]);
    expect(problem({ score: only("predictedClv") })).toEqual(["scoreMetricUnavailable", "predictedClv"]);
    expect(problem({ score: only("pAlive") })).toEqual(["scoreMetricUnavailable", "pAlive"]);
    expect(problem({ score: only("nps" as "clv") })).toEqual(["scoreMetricUnavailable", "nps"]);
    // With the source the same settings run.
    expect(runAnalysis({ ...SHOP, extras: [1, 2, 3, 4, 5, 6] }, { score: only("extra"), tierBy: "score" }).tiers.length).toBeGreaterThan(0);
  });

  it("weights and bands the score cannot use are the core's errors, before reading", () => {
    expectCoreError(() => runAnalysis(SHOP, { ...BY_SCORE, score: { ...RECENCY_MONETARY, metrics: RECENCY_MONETARY.metrics.map((x) => ({ ...x, weight: 0 })) } }), "scoreWeights", { reason: "allZero" });
    expectCoreError(() => runAnalysis(SHOP, { ...BY_SCORE, score: { ...RECENCY_MONETARY, bands: { kind: "thresholds", thresholds: [20, 40] } } }), "scoreBands", { reason: "thresholdOrder" });
  });

  it("a score alone is an analysis (no RFM or ABC needed)", () => {
    expect(() => runAnalysis(SHOP, BY_SCORE)).not.toThrow();
    expect(problem({ tierBy: "segment" })).toEqual(["noAnalysis", ""]);
  });
});

/** Deterministic purchases over 2024 for `customers` customers (1..8 each), as forecast.test.ts makes them. */
function purchases(customers: number, seed: number) {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const out = { customers: [] as unknown[], dates: [] as unknown[], amounts: [] as unknown[] };
  for (let c = 1; c <= customers; c++) {
    const first = d(1, 1) + Math.floor(next() * 300);
    const n = 1 + Math.floor(next() * 8);
    for (let k = 0; k < n; k++) {
      out.customers.push(`K${c}`);
      out.dates.push(first + Math.floor(next() * (365 - (first - d(1, 1)))));
      out.amounts.push(Math.round(next() * 20000) / 100 + 5);
    }
  }
  return out;
}

describe("a score on the predictions", () => {
  const data = purchases(300, 7);
  const score = scoreSettings([["predictedClv", 2], "pAlive", "monetary"]);
  const options: AnalysisOptions = { score, predict: PREDICT_DEFAULTS, tierBy: "score" };

  it("waits for the predictions: runTiering has no score and no tiers yet, withPredictions adds both", () => {
    const tiered = runTiering(data, options);
    expect(tiered.score).toBeNull();
    expect(tiered.tiers).toEqual([]);
    expect(Array.from(tiered.tierOf).every((t) => t === -1)).toBe(true);
    const a = withPredictions(tiered, PREDICT_DEFAULTS);
    const model = a.predict!.model!;
    expect(a.score).not.toBeNull();
    expect(a.tiers.map((t) => t.key)).toEqual(SCORE_TIER_KEYS.slice());
    expect(a.tiers.reduce((n, t) => n + t.customers, 0)).toBe(a.customerIds.length);
    // Per-tier predictions over the score's tiers.
    const revenue = perTier(a.tierOf, 5, model.clv, "sum");
    a.tiers.forEach((t) => expect(t.expectedRevenue).toBeCloseTo(revenue[t.index], 6));
    expect(a.upgrade!.kind).toBe("points");
    // runAnalysis is the same composition.
    const direct = runAnalysis(data, options);
    expect(Array.from(direct.score!.score)).toEqual(Array.from(a.score!.score));
  });

  it("with tierBy segment the score still waits for the predictions and the segments stay the tiers", () => {
    const both = { ...options, rfm: { bins: 5, scheme: "rfm" as const }, tierBy: "segment" as const };
    const tiered = runTiering(data, both);
    expect(tiered.score).toBeNull();
    expect(tiered.tiers.length).toBeGreaterThan(0);
    const a = withPredictions(tiered, PREDICT_DEFAULTS);
    expect(a.score!.score).toHaveLength(a.customerIds.length);
    expect(a.tiers.map((t) => t.key)).toEqual(tiered.tiers.map((t) => t.key));
  });

  it("when the models cannot be fitted, scores on the other metrics (predictions blank for everyone)", () => {
    // Nobody buys twice: no model; the score stands on monetary alone.
    const once = { customers: ["a", "b", "c", "d"], dates: [d(1, 5), d(2, 5), d(3, 5), d(4, 5)], amounts: [10, 40, 20, 30] };
    const a = runAnalysis(once, options);
    expect(a.predict!.model).toBeNull();
    expect(Array.from(a.score!.score)).toEqual([0, 100, 100 / 3, 200 / 3].map((x) => Math.round(x * 1e9) / 1e9));
    expect(Array.from(a.score!.band).every((b) => b !== NO_BAND)).toBe(true);
    expect(a.tiers.reduce((n, t) => n + t.customers, 0)).toBe(4);
  });
});
