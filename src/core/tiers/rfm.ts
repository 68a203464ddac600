/**
 * RFM scoring. Recency is reversed (the most recent customers score highest); frequency and
 * monetary score higher for larger values.
 *
 * Quantile method (default) is the R package rfm 0.3.0's, so results can be checked against it:
 * the cut points are R's type-7 quantiles of the values at probabilities k/bins (k = 1 … bins−1),
 * each plus 1; score i holds lower_i ≤ v < upper_i with lower_1 = min and upper_last = max + 1.
 * Equal values always share a score, so heavy ties (many one-time buyers) can leave a score level
 * empty: a level is never split to fill it.
 *
 * Breakpoint method: ascending thresholds t_1 < … < t_{bins−1}; each threshold is the inclusive
 * upper bound of the band below it. For monetary [500, 1000]: ≤ 500 → 1, 500–1000 → 2, > 1000 → 3.
 * For recency [30, 90]: ≤ 30 days → 3, 31–90 → 2, > 90 → 1.
 */
import { throwFirst, type CoreProblem } from "../cells/errors";
import { quantileR7Sorted } from "../math/quantile";
import type { CustomerSummary } from "../transactions/summary";

export const MIN_BINS = 2;
export const MAX_BINS = 10;
export const DEFAULT_BINS = 5;
export const RFM_DIMENSIONS = ["recency", "frequency", "monetary"] as const;

export type FrequencyBasis = "orders" | "days";
export type MonetaryBasis = "total" | "average";

export interface RfmOptions {
  /** Score levels per dimension, 2..10 (default 5). Ignored for a dimension with breakpoints. */
  bins?: number;
  /** Explicit thresholds per dimension (see the module comment). */
  breakpoints?: { recency?: readonly number[]; frequency?: readonly number[]; monetary?: readonly number[] };
}

export interface SummaryRfmOptions extends RfmOptions {
  /** "orders": transaction rows (default, as R rfm); "days": distinct purchase days. */
  frequencyBasis?: FrequencyBasis;
  /** "total" (default) or "average" amount per order. */
  monetaryBasis?: MonetaryBasis;
}

export interface DimensionScores {
  /** 1..levels per customer; 0 where the value is missing (NaN). */
  scores: Uint8Array;
  levels: number;
  /** Lower bound of score k+1 for k = 1..levels-1 (quantile method: q_k + 1; breakpoints: t_k, exclusive). */
  thresholds: number[];
  /**
   * How a value at a threshold scores: true (quantile cut points) → the higher score (v ≥ cut);
   * false (breakpoints) → the lower one (the higher score needs v > t). Set by scoreDimension.
   */
  inclusive?: boolean;
}

export interface RfmScores {
  r: DimensionScores;
  f: DimensionScores;
  m: DimensionScores;
}

/**
 * The non-NaN values, sorted ascending. Recency days and order counts are small whole numbers, so
 * they are counting-sorted in linear time; anything else takes the native numeric sort.
 */
function finiteSorted(values: ArrayLike<number>): Float64Array {
  const work = new Float64Array(values.length);
  let n = 0;
  let small = true;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    work[n++] = v;
    if (small && (v < 0 || v > COUNTING_SORT_LIMIT || v !== Math.floor(v))) small = false;
    else if (v > max) max = v;
  }
  const finite = work.subarray(0, n);
  if (!small) return finite.sort();
  const counts = new Int32Array(max + 1);
  for (let i = 0; i < n; i++) counts[finite[i]]++;
  let k = 0;
  for (let v = 0; v <= max; v++) for (let c = counts[v]; c > 0; c--) finite[k++] = v;
  return finite;
}

/** Whole numbers up to this (about 2.7 million days, 7,000 years) are counting-sorted. */
const COUNTING_SORT_LIMIT = 1 << 20;

/** R's default (type 7) quantile of the non-NaN values, NaN when there are none. */
export function quantileType7(values: ArrayLike<number>, p: number): number {
  return quantileR7Sorted(finiteSorted(values), p);
}

/**
 * The rfm-package cut points: quantile(x, probs = seq(0, 1, length.out = bins + 1)) + 1 without the
 * ends. R's seq makes each probability as k · (1/bins) (3 · 0.2 = 0.6000000000000001), so this does too.
 */
export function quantileCutPoints(values: ArrayLike<number>, bins: number): number[] {
  checkBins(bins);
  const sorted = finiteSorted(values);
  const step = 1 / bins;
  const cuts: number[] = [];
  for (let k = 1; k < bins; k++) cuts.push(quantileR7Sorted(sorted, k * step) + 1);
  return cuts;
}

export function binsProblems(bins: number): CoreProblem[] {
  return Number.isInteger(bins) && bins >= MIN_BINS && bins <= MAX_BINS ? [] : [{ code: "binsOutOfRange", details: { value: bins } }];
}

export function checkBins(bins: number): void {
  throwFirst(binsProblems(bins));
}

/** What is wrong with one dimension's breakpoints (see the module comment): not ascending, or too many. */
export function breakpointProblems(breakpoints: readonly number[] | null | undefined, dimension: string): CoreProblem[] {
  const problems: CoreProblem[] = [];
  if (!breakpoints) return problems;
  if (breakpoints.some((t, k) => !Number.isFinite(t) || (k > 0 && t <= breakpoints[k - 1]))) problems.push({ code: "breakpointsOrder", details: { dimension } });
  if (breakpoints.length + 1 > MAX_BINS) problems.push({ code: "tooManyBreakpoints", details: { dimension, count: breakpoints.length } });
  return problems;
}

/** Every problem of RFM options, in the order scoreRfm meets them: bins, then each dimension's breakpoints. */
export function rfmOptionProblems(options: RfmOptions): CoreProblem[] {
  const bp = options.breakpoints ?? {};
  return [...binsProblems(options.bins ?? DEFAULT_BINS), ...RFM_DIMENSIONS.flatMap((dimension) => breakpointProblems(bp[dimension], dimension))];
}

/** Score = 1 + number of cut points ≤ v (cuts are lower bounds of the next score, inclusive); exported for frozen cut points (over-time/history.ts). */
export function scoreAgainst(values: ArrayLike<number>, cuts: readonly number[], inclusiveLower: boolean, reverse: boolean): Uint8Array {
  const levels = cuts.length + 1;
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    let s = 1;
    if (inclusiveLower) {
      for (let k = 0; k < cuts.length; k++) if (v >= cuts[k]) s++;
    } else {
      for (let k = 0; k < cuts.length; k++) if (v > cuts[k]) s++;
    }
    out[i] = reverse ? levels + 1 - s : s;
  }
  return out;
}

export function scoreDimension(
  values: ArrayLike<number>,
  reverse: boolean,
  bins: number,
  breakpoints: readonly number[] | undefined,
  dimension: string,
): DimensionScores {
  if (breakpoints && breakpoints.length > 0) {
    throwFirst(breakpointProblems(breakpoints, dimension));
    return { scores: scoreAgainst(values, breakpoints, false, reverse), levels: breakpoints.length + 1, thresholds: [...breakpoints], inclusive: false };
  }
  const cuts = quantileCutPoints(values, bins);
  return { scores: scoreAgainst(values, cuts, true, reverse), levels: bins, thresholds: cuts, inclusive: true };
}

/** Scores customer-level columns (recency in days, frequency, monetary); NaN entries score 0. */
export function scoreRfm(
  recencyDays: ArrayLike<number>,
  frequency: ArrayLike<number>,
  monetary: ArrayLike<number>,
  options: RfmOptions = {},
): RfmScores {
  throwFirst(rfmOptionProblems(options));
  const bins = options.bins ?? DEFAULT_BINS;
  const bp = options.breakpoints ?? {};
  return {
    r: scoreDimension(recencyDays, true, bins, bp.recency, "recency"),
    f: scoreDimension(frequency, false, bins, bp.frequency, "frequency"),
    m: scoreDimension(monetary, false, bins, bp.monetary, "monetary"),
  };
}

/** The frequency and monetary columns a summary contributes under the chosen bases. */
export function rfmInputs(summary: CustomerSummary, options: SummaryRfmOptions = {}) {
  return {
    recencyDays: summary.recencyDays,
    frequency: options.frequencyBasis === "days" ? summary.purchaseDays : summary.orders,
    monetary: options.monetaryBasis === "average" ? summary.averageAmount : summary.totalAmount,
  };
}

export function scoreCustomers(summary: CustomerSummary, options: SummaryRfmOptions = {}): RfmScores {
  const x = rfmInputs(summary, options);
  return scoreRfm(x.recencyDays, x.frequency, x.monetary, options);
}

/**
 * "545". When any dimension has 10 levels a score can have two digits, so every code of that
 * scoring is written with separators ("10-5-4", "3-5-4") and stays unambiguous.
 */
export function rfmCode(r: number, f: number, m: number, wide = false): string {
  if (r === 0 || f === 0 || m === 0) return "";
  return wide ? `${r}-${f}-${m}` : `${r}${f}${m}`;
}

/** Whether rfmCode needs separators for these scores. */
export function isWideScoring(scores: RfmScores): boolean {
  return scores.r.levels > 9 || scores.f.levels > 9 || scores.m.levels > 9;
}
