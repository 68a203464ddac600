/**
 * The three things the tier rows can be by (RFM segments, ABC classes, score bands) made into one
 * shape: per customer its tier, the tier rows (totals and means), and the upgrade gaps. The rest of the
 * analysis never asks which kind of tiers it has; only this module and the union in types.ts do.
 *
 * Upgrade gaps (`upgrade`, src/core/tiers/upgrade.ts): per customer the next tier up of `tierBy` and the gap:
 * ABC → the value (revenue, margin, or orders with basis orders) to the next class; score → points to
 * the next band; segment → the fewest purchases (and the amount in them) that move the customer into a
 * better segment in the rule order (src/core/tiers/upgrade-segment.ts; `next` is that segment).
 */
import { ABC_LABELS, abcUpgrade, classifyAbc } from "../tiers/abc";
import { isWideScoring, rfmCode, scoreCustomers } from "../tiers/rfm";
import { NO_SEGMENT, segmentCustomers } from "../tiers/segments";
import { SCORE_TIER_KEYS, type ScoreResult } from "../tiers/score";
import { tierTotals } from "../tiers/totals";
import { scoreUpgrade } from "../tiers/upgrade";
import { segmentUpgrade } from "../tiers/upgrade-segment";
import { voiceByTier } from "../tiers/voice";
import type { CustomerSummary } from "../transactions/summary";
import { perTier } from "./measures";
import type { AbcAnalysis, AnalysisBase, AnalysisOptions, AnalysisResult, AnalysisUpgrade, RfmAnalysis, TierMeans, TierMeasure, TierRow } from "./types";

/** RFM scores, codes and segments of the customers. */
export function rfmOf(summary: CustomerSummary, options: NonNullable<AnalysisOptions["rfm"]>): RfmAnalysis {
  const scores = scoreCustomers(summary, { bins: options.bins, breakpoints: options.breakpoints ?? {} });
  const segmentation = segmentCustomers(scores, options.scheme);
  const wide = isWideScoring(scores);
  const customers = summary.customerIds.length;
  const codes = new Array<string>(customers);
  for (let c = 0; c < customers; c++) codes[c] = rfmCode(scores.r.scores[c], scores.f.scores[c], scores.m.scores[c], wide);
  return { scores, codes, segmentation, scheme: options.scheme };
}

/** ABC classes of revenue, margin (`margin` per customer; analysisProblems makes sure it is there) or orders. */
export function abcOf(summary: CustomerSummary, margin: Float64Array | null, options: NonNullable<AnalysisOptions["abc"]>): AbcAnalysis {
  const basis = options.basis;
  const values = basis === "margin" ? (margin ?? new Float64Array(summary.customerIds.length)) : basis === "orders" ? Float64Array.from(summary.orders) : summary.totalAmount;
  return { ...classifyAbc(values, { aCut: options.aCut, bCut: options.bCut, basis: "value", method: options.method ?? "fixed" }), values, measure: basis };
}

/** The analysis as the member of the union its `tierBy` names; throws when that tiering's source is missing (analysisProblems rules it out first). */
export function tagged(base: AnalysisBase, tierBy: AnalysisResult["tierBy"]): AnalysisResult {
  if (tierBy === "segment" && base.rfm) return { ...base, tierBy, rfm: base.rfm };
  if (tierBy === "abcClass" && base.abc) return { ...base, tierBy, abc: base.abc };
  if (tierBy === "score" && base.scoreSettings) return { ...base, tierBy, scoreSettings: base.scoreSettings };
  throw new RangeError(`tiers by ${tierBy} without their source`);
}

function scoresAsNumbers(scores: Uint8Array): Float64Array {
  const out = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) out[i] = scores[i] === 0 ? NaN : scores[i];
  return out;
}

/** Per customer its tier, the tier names, and the upgrade gaps, by what the tiers are by. */
function assign(a: AnalysisResult, score: ScoreResult | null): { tierOf: Int32Array; names: readonly string[]; upgrade: AnalysisUpgrade } | null {
  const tierOf = new Int32Array(a.customerIds.length).fill(-1);
  const customers = tierOf.length;
  if (a.tierBy === "segment") {
    const seg = a.rfm.segmentation;
    for (let c = 0; c < customers; c++) if (seg.index[c] !== NO_SEGMENT) tierOf[c] = seg.index[c];
    // Scored with the default bases (orders, total amount): the fewest purchases that move the customer to a better segment.
    const up = segmentUpgrade(a.rfm.scores, seg, a.rfm.scheme, a.summary.recencyDays, a.summary.orders, a.summary.totalAmount);
    return { tierOf, names: seg.names, upgrade: { ...up, kind: "purchase" } };
  }
  if (a.tierBy === "score") {
    // A score on predictions waits for them (withPredictions); the tiers by score wait with it.
    if (!score) return null;
    for (let c = 0; c < customers; c++) if (score.band[c] < score.bandCount) tierOf[c] = score.band[c];
    return { tierOf, names: SCORE_TIER_KEYS.slice(0, score.bandCount), upgrade: { ...scoreUpgrade(score), kind: "points" } };
  }
  const abc = a.abc;
  for (let c = 0; c < customers; c++) if (abc.classes[c] < 3) tierOf[c] = abc.classes[c];
  // The gap is in what the classes are made of: revenue, margin or orders.
  return { tierOf, names: ABC_LABELS, upgrade: { ...abcUpgrade(abc.values, abc), kind: abc.measure } };
}

/**
 * The analysis with per customer its tier, the tier rows (per-tier totals and means; no predictions),
 * and the upgrade gaps, by `a.tierBy`; unchanged while tiers by score wait for their score.
 */
export function withTiers(a: AnalysisResult): AnalysisResult {
  const assigned = assign(a, a.score);
  if (!assigned) return a;
  const { tierOf, names, upgrade } = assigned;
  return { ...a, tierOf, tiers: tierRows(a, tierOf, names), upgrade };
}

/** The names of every tier `a` can hold (all of the scheme's, not only those with customers), indexed as `tierOf`. */
export function tierNames(a: AnalysisResult): readonly string[] {
  if (a.tierBy === "segment") return a.rfm.segmentation.names;
  if (a.tierBy === "score") return SCORE_TIER_KEYS.slice(0, a.score ? a.score.bandCount : 0);
  return ABC_LABELS;
}

/**
 * The tier rows (totals and means, no predictions) of customers tiered by `tierOf` (an index into `names`):
 * the run's own tiers (`withTiers`) or its final tiers after people's overrides (overrides.ts).
 */
export function tierRows(a: AnalysisResult, tierOf: Int32Array, names: readonly string[]): TierRow[] {
  const { summary, rfm, score } = a;
  const totals = tierTotals(tierOf, names, summary.orders, summary.totalAmount);
  const measures: [TierMeasure, ArrayLike<number> | null][] = [
    ["recencyDays", summary.recencyDays],
    ["frequency", summary.orders],
    ["monetary", summary.totalAmount],
    ["clv", a.clv],
    ["extra", a.extra],
    ["r", rfm ? scoresAsNumbers(rfm.scores.r.scores) : null],
    ["f", rfm ? scoresAsNumbers(rfm.scores.f.scores) : null],
    ["m", rfm ? scoresAsNumbers(rfm.scores.m.scores) : null],
    ["pAlive", null],
    ["score", score ? score.score : null],
  ];
  const means = measures.map(([key, values]) => [key, perTier(tierOf, names.length, values, "mean")] as const);
  let tiers: TierRow[] = totals.map((t, index) => ({
    index,
    key: names[index],
    customers: t.customers,
    customerShare: t.customerShare,
    orders: t.orders,
    revenue: t.revenue,
    revenueShare: t.revenueShare,
    cumulativeRevenueShare: 0,
    expectedPurchases: NaN,
    expectedRevenue: NaN,
    mean: Object.fromEntries(means.map(([key, m]) => [key, m[index]])) as TierMeans,
  }));
  if (a.voice) {
    const voice = voiceByTier(tierOf, names.length, a.voice);
    for (const t of tiers) t.voice = voice[t.index];
  }
  tiers = tiers.filter((t) => t.customers > 0);
  // Segments read best largest first (and the Pareto needs that order); classes stay A, B, C; bands top first.
  if (a.tierBy === "segment") tiers.sort((x, y) => y.revenue - x.revenue || x.index - y.index);
  let cumulative = 0;
  for (const t of tiers) {
    cumulative += t.revenueShare;
    t.cumulativeRevenueShare = Math.min(cumulative, 1);
  }
  return tiers;
}
