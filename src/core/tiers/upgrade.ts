/**
 * Upgrade candidates: for every customer, the next tier up and the gap to it, measured in what the tier
 * is made of. Every gap is a REACH amount: value + gap, scored again with the limits held fixed, lands in
 * the next tier (no further step needed), and the gap is above 0 for every customer who has a next tier:
 *
 * - Score bands (`scoreUpgrade`): score points to the nearest band above that has a lower limit (see
 *   src/core/tiers/score.ts). Reaching the limit is enough.
 * - RFM monetary (`rfmUpgrade().monetary`): the revenue (the M column's unit) that gets the customer to
 *   the next M score. Quantile cut points are lower bounds (a value at the cut point takes the higher
 *   score): gap = cut − value, the least amount that reaches it (`reachGap`). Breakpoints are inclusive
 *   upper bounds of the band below (a value at the breakpoint keeps the lower score), so the breakpoint
 *   must be exceeded: the gap is the least whole number of cents (0.01 of the unit) that takes the value
 *   above the breakpoint (`exceedGap`: 0.01 for a customer exactly on it, 0.02 for 99.99 below a
 *   breakpoint of 100). The cent is the step money moves by, and the step the pane and the results show
 *   gaps to. Tied quantile cut points (empty score levels) are jumped over: `next` is the score the
 *   customer lands on.
 * - RFM frequency (`rfmUpgrade().frequency`): whole orders (or purchase days) needed: the smallest whole
 *   n ≥ 1 with value + n ≥ cut (quantile cut points) or value + n > breakpoint (breakpoints).
 * - ABC classes: `abcUpgrade` in src/core/tiers/abc.ts (the value needed to reach the smallest value of the
 *   next class up, `reachGap`).
 *
 * Customers in the top tier, or without a tier/score, have next −1 and gap NaN.
 */
import type { DimensionScores, RfmScores } from "./rfm";
import type { ScoreResult } from "./score";
import { exceedGap, reachGap } from "../math/gaps";
import { actionableAmount } from "./upgrade-segment";

/** Per customer: the next tier up (an index or score, −1 for none) and the gap to it (NaN for none). */
export interface UpgradeGaps {
  next: Int32Array;
  gap: Float64Array;
}

/** Next band up (its index, 0 = top) and the score points to it: `ScoreResult.nextBand` and `nextBandGap`. */
export function scoreUpgrade(score: ScoreResult): UpgradeGaps {
  return { next: score.nextBand, gap: score.nextBandGap };
}

/**
 * A gap as shown with `places` decimals, rounded up so that the shown amount still reaches the next tier
 * (0.0034 points shows as 0.01, never 0.00), with the float noise of the scaling taken off first
 * (1.1 × 100 is 110.00000000000001).
 */
export function gapShown(gap: number, places: number): number {
  const scale = 10 ** places;
  return Math.ceil(Number((gap * scale).toPrecision(12))) / scale;
}

/**
 * A gap as a person can act on it, rounded up so that it still reaches the next tier: money (revenue,
 * margin) in whole units, two significant figures above 100 (`actionableAmount`: 0.03 → 1, 1,234 → 1,300),
 * whole orders, score points to a tenth (a gap of 0.0056 points shows as 0.1). Purchases (segments) are
 * rounded where they are found (src/core/tiers/upgrade-segment.ts).
 */
export function actionableGap(gap: number, kind: "revenue" | "margin" | "orders" | "points" | "purchase"): number {
  if (!(gap >= 0) || !Number.isFinite(gap)) return gap;
  if (kind === "revenue" || kind === "margin" || kind === "purchase") return actionableAmount(gap);
  return gapShown(gap, kind === "orders" ? 0 : 1);
}

/** Number of cut points that `v` passes under the dimension's rule (score − 1 for a "higher is better" dimension). */
function passed(cuts: readonly number[], v: number, inclusive: boolean): number {
  let count = 0;
  for (const c of cuts) if (inclusive ? v >= c : v > c) count++;
  return count;
}

/**
 * The gap to the next score of a "higher is better" dimension (frequency, monetary). `whole`: the gap
 * is a whole number of units (orders), the smallest that gets there.
 */
export function dimensionUpgrade(d: DimensionScores, values: ArrayLike<number>, whole: boolean): UpgradeGaps {
  const n = d.scores.length;
  const next = new Int32Array(n).fill(-1);
  const gap = new Float64Array(n).fill(NaN);
  const cuts = d.thresholds;
  const inclusive = d.inclusive ?? true;
  for (let i = 0; i < n; i++) {
    const s = d.scores[i];
    const v = values[i];
    if (s === 0 || s >= d.levels || v !== v) continue;
    // Score s has passed the first s − 1 cut points (ascending); the next one to pass is cuts[s − 1].
    const t = cuts[s - 1];
    let g: number;
    if (whole) {
      g = Math.max(1, inclusive ? Math.ceil(t - v) : Math.floor(t - v) + 1);
      // Floating point: settle on the smallest whole number that passes the cut.
      while (passed(cuts, v + g, inclusive) < s) g++;
      while (g > 1 && passed(cuts, v + g - 1, inclusive) >= s) g--;
    } else {
      // Quantile cut points are reached, breakpoints exceeded by whole cents (see the module comment).
      g = inclusive ? reachGap(v, t) : exceedGap(v, t);
    }
    gap[i] = g;
    // The score landed on: tied quantile cut points are passed together; a cent past a breakpoint can
    // pass the next one too only when breakpoints are less than a cent apart.
    next[i] = 1 + passed(cuts, v + g, inclusive);
  }
  return { next, gap };
}

/**
 * Per customer: the next M score and the revenue needed to reach it, and the next F score and the whole
 * orders needed, under the scoring `scores` was made with (quantile cut points or breakpoints, see the
 * module comment). `frequency` and `monetary` are the columns that were scored.
 */
export function rfmUpgrade(scores: RfmScores, frequency: ArrayLike<number>, monetary: ArrayLike<number>): { monetary: UpgradeGaps; frequency: UpgradeGaps } {
  return { monetary: dimensionUpgrade(scores.m, monetary, false), frequency: dimensionUpgrade(scores.f, frequency, true) };
}
