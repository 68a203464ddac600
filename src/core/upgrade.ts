/**
 * Upgrade candidates: for every customer, the next tier up and the gap to it, measured in what the tier
 * is made of. The rule each gap follows is the rule its tiers are assigned by, so adding the gap (plus
 * the smallest step that rule needs, where it needs one) and scoring again with the limits held fixed
 * lands in the next tier:
 *
 * - Score bands (`scoreUpgrade`): score points to the nearest band above that has a lower limit (see
 *   src/core/score.ts). Reaching the limit is enough.
 * - RFM monetary (`rfmUpgrade().monetary`): the revenue (the M column's unit) needed to reach the next
 *   M score. Quantile cut points are lower bounds (a value at the cut point takes the higher score):
 *   gap = cut − value, and reaching it is enough. Breakpoints are inclusive upper bounds of the band
 *   below (a value at the breakpoint keeps the lower score): gap = breakpoint − value is the revenue the
 *   customer must EXCEED (any amount above it). Tied quantile cut points (empty score levels) are
 *   jumped over: `next` is the score the customer lands on.
 * - RFM frequency (`rfmUpgrade().frequency`): whole orders (or purchase days) needed: the smallest whole
 *   n ≥ 1 with value + n ≥ cut (quantile cut points) or value + n > breakpoint (breakpoints). Exact, no
 *   further step needed.
 * - ABC classes: `abcUpgrade` in src/core/abc.ts (the value needed to reach the smallest value of the
 *   next class up).
 *
 * Customers in the top tier, or without a tier/score, have next −1 and gap NaN.
 */
import type { DimensionScores, RfmScores } from "./rfm";
import type { ScoreResult } from "./score";

/** Per customer: the next tier up (an index or score, −1 for none) and the gap to it (NaN for none). */
export interface UpgradeGaps {
  next: Int32Array;
  gap: Float64Array;
}

/** Next band up (its index, 0 = top) and the score points to it: `ScoreResult.nextBand` and `nextBandGap`. */
export function scoreUpgrade(score: ScoreResult): UpgradeGaps {
  return { next: score.nextBand, gap: score.nextBandGap };
}

/** The next double above a finite x (no BigInt: the core also runs in older webviews). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  // The bit pattern as a 64-bit magnitude: one step away from zero for x > 0, towards it for x < 0.
  let high = view.getUint32(0);
  let low = view.getUint32(4);
  if (x > 0) {
    low = (low + 1) >>> 0;
    if (low === 0) high++;
  } else {
    if (low === 0) high--;
    low = (low - 1) >>> 0;
  }
  view.setUint32(0, high);
  view.setUint32(4, low);
  return view.getFloat64(0);
}

/** The next double below a finite x. */
function nextDown(x: number): number {
  return -nextUp(-x);
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
      g = t - v;
      // In floating point too: value + gap reaches the cut point (inclusive), or stays on the
      // breakpoint (exclusive: the gap is what must be exceeded).
      if (inclusive) while (v + g < t) g = nextUp(g);
      else while (v + g > t && g > 0) g = nextDown(g);
    }
    gap[i] = g;
    // The score landed on: tied quantile cut points are passed together; breakpoints are strictly
    // increasing, so passing one (any amount above the monetary gap) is one score up.
    next[i] = whole || inclusive ? 1 + passed(cuts, v + g, inclusive) : s + 1;
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
