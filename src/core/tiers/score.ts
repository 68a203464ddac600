/**
 * The weighted multi-dimensional score: several customer measures (spend, frequency, a rating, an NPS,
 * predicted value …) made comparable, weighted into one 0–100 score, and cut into bands (Diamond,
 * Platinum, Gold, Silver, Bronze).
 *
 * Normalisation, per metric column, over its non-NaN values:
 * - "percentile" (default): the mid-rank of the value (tied values share the mean of their positions)
 *   scaled to 0..1, so the best distinct value is 1 and the worst 0: x = (midRank − 1) / (n − 1) with
 *   1-based positions in ascending order. A column with one value (n = 1) or only equal values gives 0.5.
 *   Robust to outliers; equal steps of rank are equal steps of score.
 * - "minmax": x = (v − min) / (max − min); a constant column gives 0.5. Keeps the distances between values.
 * A metric whose direction is "lower" (lower is better: recency days, complaints) is flipped: 1 − x.
 *
 * Weights: one per metric, finite, ≥ 0, not all 0; they are normalised to sum 1 (`ScoreResult.weights`),
 * so 2, 1, 1 and 0.5, 0.25, 0.25 are the same weighting.
 *
 * BLANK RULE: a blank (NaN) metric is not a zero. It is left out of that row's score and the row's
 * remaining weights are renormalised to 1: score = 100 × Σ w·x / Σ w over the metrics the row has (and
 * that have a weight). A row with no such metric has no score (NaN) and no band (NO_BAND). A blank is
 * also left out of the column's normalisation (ranks and min/max are over the values present).
 *
 * Scores are rounded to 9 decimals, so scores equal on paper are equal (ties) whatever order the
 * weighted sum was added in, and a score equal on paper to a threshold meets it.
 *
 * Bands, top first (band 0 = Diamond … the last band = the rest):
 * - shares (default DEFAULT_BAND_SHARES = 5 %, 15 %, 30 %, 30 %, Bronze the rest): rows are ranked by
 *   score, highest first; a row is in band k while the share of scored rows with a strictly higher
 *   score is below the cumulative share of bands 0..k (a share within 1e-9 of a cut counts as at the
 *   cut, as ABC classes). Equal scores always share a band, so heavy ties can make a band larger than its
 *   share or leave a band empty.
 * - thresholds: descending minimum scores (counted to 9 decimals, like the scores); a row is in band k
 *   when its score ≥ thresholds[k] and it is not in a band above; below the last threshold is the last
 *   band.
 *
 * Gaps: `nextBandGap` is the score points a row needs to reach the nearest band above it that has a
 * lower limit (shares: the lowest score in that band as applied — reaching it ties with that customer;
 * thresholds: the threshold), rounded to 9 decimals. Reaching the limit is enough (the rule is ≥), so
 * score + gap is in that band with the limits held fixed (`bandOfScore(score + gap, bandMin)`).
 */
import { SHARE_TOLERANCE } from "../math/tolerance";
import { ascendingOrder } from "../math/sort";
import { CoreError, throwFirst, type CoreProblem } from "../cells/errors";
import { VOICE_FIELDS, type VoiceField } from "./voice";

export type ScoreMethod = "percentile" | "minmax";
/**
 * "higher": higher is better; "lower": lower is better (the metric is flipped). Only these two: the
 * words people write for them ("high", "越高越好", "-1" …) are read by src/i18n/directions.ts.
 */
export type ScoreDirection = "higher" | "lower";
export type ScoreBands =
  /** Top-first shares of customers per band, each above 0, sum at most 1; the rest is the last band. */
  | { kind: "shares"; shares: readonly number[] }
  /** Descending minimum scores (0..100): band k = score ≥ thresholds[k]; the rest is the last band. */
  | { kind: "thresholds"; thresholds: readonly number[] };

/**
 * Where a score metric comes from in the pane's analysis (src/core/analysis/). The voice fields (issue 15 §4:
 * a customer's NPS answer, satisfaction, complaints, referrals, engagement; src/core/tiers/voice.ts) are
 * metrics too: a customer who never answered has NaN there and is scored on the weights of the metrics they
 * have, renormalised (the blank rule below), never as a 0.
 */
export type ScoreMetric = "recency" | "frequency" | "monetary" | "clv" | "margin" | "extra" | "predictedClv" | "pAlive" | VoiceField;
export const SCORE_METRICS: readonly ScoreMetric[] = ["recency", "frequency", "monetary", "clv", "margin", "extra", "predictedClv", "pAlive", ...VOICE_FIELDS];

/** Top 5 % Diamond, next 15 % Platinum, next 30 % Gold, next 30 % Silver, the rest (20 %) Bronze. */
export const DEFAULT_BAND_SHARES: readonly number[] = [0.05, 0.15, 0.3, 0.3];
/** Band index 0..4 → its key (i18n `scoreTiers.*`, playbook `workbook.strategies.*`). */
export const SCORE_TIER_KEYS = ["diamond", "platinum", "gold", "silver", "bronze"] as const;
export type ScoreTierKey = (typeof SCORE_TIER_KEYS)[number];
/** Band of a row without a score. */
export const NO_BAND = 255;
/** At most this many bands (one per key). */
export const MAX_BANDS = SCORE_TIER_KEYS.length;

export interface ScoreOptions {
  weights: readonly number[];
  /** One per metric; default all "higher". */
  directions?: readonly ScoreDirection[];
  method?: ScoreMethod;
  /** Default: shares DEFAULT_BAND_SHARES. */
  bands?: ScoreBands;
}

export interface ScoreResult {
  /** 0..100 per row, NaN when the row has no metric with a weight (blank row). */
  score: Float64Array;
  /** 0 = top band … bandCount − 1, NO_BAND for a NaN score. */
  band: Uint8Array;
  /** shares.length + 1 or thresholds.length + 1. */
  bandCount: number;
  /**
   * The lowest score of each band: shares: as applied (the lowest score in it, NaN for an empty band);
   * thresholds: the thresholds (the last band: 0).
   */
  bandMin: Float64Array;
  /** Score points needed to reach the next band up (> 0); NaN for the top band, no band above with a limit, or no score. */
  nextBandGap: Float64Array;
  /** The band `nextBandGap` leads to, −1 where there is none. */
  nextBand: Int32Array;
  /** Normalised weights (sum 1). */
  weights: Float64Array;
}

/** Scores are rounded to 1/ROUND (9 decimals). */
const ROUND = 1e9;
/**
 * A score within this of a limit counts as at the limit: far above the rounding error of a score near
 * 100 (1.4e-14) and far below the step between two rounded scores (1e-9).
 */
const SCORE_TOLERANCE = 1e-11;

/** A score (or threshold, or gap) to 9 decimals. */
const roundScore = (s: number) => Math.round(s * ROUND) / ROUND;

export const DEFAULT_SCORE_BANDS: ScoreBands = { kind: "shares", shares: DEFAULT_BAND_SHARES };

/**
 * Every problem of the weights, directions, method and bands for `metrics` metrics (CoreError codes
 * scoreWeights, scoreDirections, scoreMethod, scoreBands with the facts), in the order checkScoreOptions
 * meets them. A count that does not match the metrics is the weights' (or directions') only problem:
 * their positions mean nothing then; "all zero" is only said of weights that are otherwise usable.
 */
export function scoreOptionProblems(metrics: number, options: ScoreOptions): CoreProblem[] {
  const problems: CoreProblem[] = [];
  const { weights } = options;
  if (metrics === 0 || weights.length !== metrics) {
    problems.push({ code: "scoreWeights", details: { argument: "weights", reason: "count", expected: metrics, given: weights.length } });
  } else {
    let total = 0;
    const before = problems.length;
    for (let k = 0; k < metrics; k++) {
      const w = weights[k];
      if (typeof w !== "number" || !Number.isFinite(w)) problems.push({ code: "scoreWeights", details: { argument: "weights", reason: "notFinite", position: k + 1, value: String(w) } });
      else if (w < 0) problems.push({ code: "scoreWeights", details: { argument: "weights", reason: "negative", position: k + 1, value: w } });
      else {
        total += w;
        // The finite-number rule: weights are normalised by their sum, which must stay finite (two
        // weights of 1e308 would make every weight 0 and every row blank).
        if (total === Infinity) {
          problems.push({ code: "scoreWeights", details: { argument: "weights", reason: "overflow", position: k + 1, value: String(w) } });
          break;
        }
      }
    }
    if (problems.length === before && !(total > 0)) problems.push({ code: "scoreWeights", details: { argument: "weights", reason: "allZero" } });
  }
  const directions = options.directions;
  if (directions) {
    if (directions.length !== metrics) {
      problems.push({ code: "scoreDirections", details: { argument: "directions", reason: "count", expected: metrics, given: directions.length } });
    } else {
      directions.forEach((d, k) => {
        if (d !== "higher" && d !== "lower") problems.push({ code: "scoreDirections", details: { argument: "directions", reason: "unknown", position: k + 1, value: String(d) } });
      });
    }
  }
  const method = options.method ?? "percentile";
  if (method !== "percentile" && method !== "minmax") problems.push({ code: "scoreMethod", details: { argument: "method", value: String(method) } });
  problems.push(...scoreBandProblems(options.bands ?? DEFAULT_SCORE_BANDS));
  return problems;
}

/** Throws the first of scoreOptionProblems as a CoreError. Returns the normalised weights. */
export function checkScoreOptions(metrics: number, options: ScoreOptions): Float64Array {
  throwFirst(scoreOptionProblems(metrics, options));
  const total = options.weights.reduce((sum, w) => sum + w, 0);
  return Float64Array.from(options.weights, (w) => w / total);
}

/**
 * Every problem of bands the score cannot use, as scoreBands problems with a `reason`. An unknown kind
 * or an empty list ends the list; the shares' sum is only judged when every share is usable, and a
 * threshold's order only against a usable threshold before it.
 */
export function scoreBandProblems(bands: ScoreBands): CoreProblem[] {
  const problem = (details: Record<string, string | number>): CoreProblem => ({ code: "scoreBands", details: { argument: "bands", kind: bands.kind, ...details } });
  const list = bands.kind === "shares" ? bands.shares : bands.kind === "thresholds" ? bands.thresholds : null;
  if (!list) return [problem({ reason: "kind", value: String((bands as { kind: unknown }).kind) })];
  if (list.length === 0) return [problem({ reason: "none" })];
  const problems: CoreProblem[] = [];
  if (list.length + 1 > MAX_BANDS) problems.push(problem({ reason: "tooMany", given: list.length, max: MAX_BANDS - 1 }));
  if (bands.kind === "shares") {
    let sum = 0;
    const before = problems.length;
    list.forEach((s, k) => {
      if (!(s > 0 && s <= 1)) problems.push(problem({ reason: "share", position: k + 1, value: String(s) }));
      sum += s;
    });
    if (problems.length === before && sum > 1 + SHARE_TOLERANCE) problems.push(problem({ reason: "shareSum", sum: Math.round(sum * 1e6) / 1e6 }));
  } else {
    // Scores have 9 decimals, so thresholds count to 9 decimals too.
    const rounded = list.map(roundScore);
    const usable = (t: number) => t >= 0 && t <= 100;
    rounded.forEach((t, k) => {
      if (!usable(t)) problems.push(problem({ reason: "threshold", position: k + 1, value: String(list[k]) }));
      else if (k > 0 && usable(rounded[k - 1]) && !(t < rounded[k - 1])) problems.push(problem({ reason: "thresholdOrder", position: k + 1, value: list[k], previous: list[k - 1] }));
    });
  }
  return problems;
}

/** Throws the first of scoreBandProblems as a CoreError("scoreBands", { reason, … }). */
export function checkScoreBands(bands: ScoreBands): void {
  throwFirst(scoreBandProblems(bands));
}

/**
 * One metric column normalised to 0..1 into `out` (NaN stays NaN), flipped when lower is better.
 * Throws CoreError("scoreValue") for ±Infinity.
 */
function normalise(values: ArrayLike<number>, method: ScoreMethod, lower: boolean, metric: number, out: Float64Array): void {
  const n = values.length;
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    out[i] = NaN;
    if (v !== v) continue;
    if (v === Infinity || v === -Infinity) throw new CoreError("scoreValue", { metric: metric + 1, row: i + 1, value: String(v) });
    count++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (count === 0) return;
  if (method === "minmax" || min === max) {
    // Halves when the span passes the largest double (−1e308 to 1e308): same ratios, no Infinity.
    const half = max - min === Infinity ? 0.5 : 1;
    const span = max * half - min * half;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v !== v) continue;
      const x = span > 0 ? (v * half - min * half) / span : 0.5;
      out[i] = lower ? 1 - x : x;
    }
    return;
  }
  // Percentile: in ascending order, a tie group at 0-based positions [start, end) has the mid-rank
  // (start + end − 1) / 2, scaled by n − 1 (n > 1 here: the values are not all equal).
  const order = ascendingOrder(values);
  const scale = 1 / (count - 1);
  for (let start = 0; start < count; ) {
    const v = values[order[start]];
    let end = start + 1;
    while (end < count && values[order[end]] === v) end++;
    const x = (start + end - 1) * 0.5 * scale;
    const y = lower ? 1 - x : x;
    for (let k = start; k < end; k++) out[order[k]] = y;
    start = end;
  }
}

/** The band of a score under fixed lower limits (`bandMin` of a result, or the thresholds): the first k with score ≥ limit[k]. */
export function bandOfScore(score: number, limits: ArrayLike<number>, bandCount: number): number {
  if (score !== score) return NO_BAND;
  for (let k = 0; k < bandCount - 1; k++) {
    const limit = limits[k];
    if (limit === limit && score >= limit - SCORE_TOLERANCE) return k;
  }
  return bandCount - 1;
}

/**
 * Scores rows from metric columns (one array per metric, all the same length; NaN = blank) and puts
 * them in bands. See the module comment for the rules. Throws CoreError for unusable options.
 */
export function scoreCustomers(metrics: readonly ArrayLike<number>[], options: ScoreOptions): ScoreResult {
  const weights = checkScoreOptions(metrics.length, options);
  const method = options.method ?? "percentile";
  const bands = options.bands ?? DEFAULT_SCORE_BANDS;
  const n = metrics.length > 0 ? metrics[0].length : 0;
  for (const column of metrics) if (column.length !== n) throw new RangeError(`metric columns differ in length: ${n}, ${column.length}`);

  const sum = new Float64Array(n);
  const weightHad = new Float64Array(n);
  const x = new Float64Array(n);
  for (let k = 0; k < metrics.length; k++) {
    const w = weights[k];
    if (w === 0) continue;
    normalise(metrics[k], method, options.directions?.[k] === "lower", k, x);
    for (let i = 0; i < n; i++) {
      const v = x[i];
      if (v !== v) continue;
      sum[i] += w * v;
      weightHad[i] += w;
    }
  }
  const score = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (weightHad[i] > 0) {
      // Clamped: renormalising can overshoot 0..100 by an ulp.
      const s = Math.min(Math.max((100 * sum[i]) / weightHad[i], 0), 100);
      score[i] = roundScore(s);
    } else score[i] = NaN;
  }

  const bandCount = (bands.kind === "shares" ? bands.shares.length : bands.thresholds.length) + 1;
  const band = new Uint8Array(n).fill(NO_BAND);
  const bandMin = new Float64Array(bandCount).fill(NaN);
  if (bands.kind === "thresholds") {
    for (let k = 0; k < bandCount - 1; k++) bandMin[k] = roundScore(bands.thresholds[k]);
    bandMin[bandCount - 1] = 0;
    for (let i = 0; i < n; i++) band[i] = bandOfScore(score[i], bandMin, bandCount);
  } else {
    const cumulative: number[] = [];
    let c = 0;
    for (const share of bands.shares) cumulative.push((c += share));
    // Tie groups of scores from the highest down: `above` rows have a strictly higher score.
    const order = ascendingOrder(score);
    const scored = order.length;
    for (let end = scored; end > 0; ) {
      const s = score[order[end - 1]];
      let start = end - 1;
      while (start > 0 && score[order[start - 1]] === s) start--;
      const above = (scored - end) / scored;
      let b = bandCount - 1;
      for (let k = 0; k < cumulative.length; k++) {
        if (above < cumulative[k] - SHARE_TOLERANCE) {
          b = k;
          break;
        }
      }
      for (let k = start; k < end; k++) band[order[k]] = b;
      bandMin[b] = s; // groups come highest first: the last one seen is the band's lowest
      end = start;
    }
  }

  const nextBand = new Int32Array(n).fill(-1);
  const nextBandGap = new Float64Array(n).fill(NaN);
  // The nearest band above each band that has a lower limit.
  const above = new Int32Array(bandCount).fill(-1);
  for (let b = 1; b < bandCount; b++) above[b] = bandMin[b - 1] === bandMin[b - 1] ? b - 1 : above[b - 1];
  for (let i = 0; i < n; i++) {
    const b = band[i];
    if (b === NO_BAND || above[b] < 0) continue;
    nextBand[i] = above[b];
    // Limits and scores have 9 decimals, so the rounded difference reaches the limit.
    nextBandGap[i] = roundScore(bandMin[above[b]] - score[i]);
  }
  return { score, band, bandCount, bandMin, nextBandGap, nextBand, weights };
}
