/**
 * "Closest to the next tier" for RFM segments: per customer the smallest change a person can act on that moves
 * the customer into a better segment, with the score cut points and the segment rules held fixed.
 *
 * Why not the next M score (what the list showed before): a segment is made of R, F and M together, so the
 * revenue to the next M score often moves no segment at all ("Lost → M score 4, 0.03 more revenue" leaves the
 * customer Lost: Lost is R = 1 whatever M is). What does move a customer is a purchase, and every purchase
 * changes all three scores at once: made now, it takes recency to 0 days (the top R score), it adds an order
 * (F) and its amount (M). So the changes tried are purchases:
 *
 * - `orders` purchases, the last one on the analysis date (1 = "a purchase now"), adding `gap` to the
 *   customer's revenue in total; `gap` 0 means the purchases' size does not matter (any amount moves them);
 * - the fewest purchases first (one purchase is one thing to ask of a customer), then the least amount;
 * - amounts rounded up to what a person can act on (`actionableAmount`: whole units, two significant figures:
 *   0.03 → 1, 156.20 → 160, 1,234 → 1,300), and the segment is computed again at the rounded amount, so the
 *   change shown is the change that works.
 *
 * "Better" is the rule order: the R rfm package's segments are matched champions first and "others" last, and
 * the list takes that order as the order of preference (a custom rule table's order likewise; cn8's classes in
 * their index order: important before general, then R, then F). A customer already in the best segment they can
 * reach with purchases (champions; or no better segment reachable) has no next tier (next −1, gap NaN).
 *
 * Assumes the analysis's bases: frequency counts orders and monetary is the customer's total revenue
 * (src/core/analysis/tiers.ts scores with them).
 */
import type { DimensionScores, RfmScores } from "./rfm";
import { RFM_VIGNETTE_RULES, cn8Index, ruleIndex, toFivePointScale, type SegmentRule, type SegmentScheme, type Segmentation, NO_SEGMENT } from "./segments";
import { exceedGap, reachGap } from "../math/gaps";

/** Per customer: the better segment reached (index into the segmentation's names, −1 none), the purchases and the amount it takes. */
export interface SegmentUpgrade {
  next: Int32Array;
  /** Revenue the purchases add in total, rounded up (`actionableAmount`); 0: any amount; NaN: no next segment. */
  gap: Float64Array;
  /** Purchases it takes, the last one on the analysis date (≥ 1; 0 where there is no next segment). */
  orders: Int32Array;
}

/**
 * An amount rounded up to what a person can act on: whole currency units, and above 100 two significant
 * figures (156.20 → 160, 1,234 → 1,300, 0.03 → 1). 0 stays 0; the result is never below the amount.
 */
export function actionableAmount(amount: number): number {
  if (!(amount > 0)) return 0;
  if (!Number.isFinite(amount)) return amount;
  const step = Math.max(1, 10 ** (Math.floor(Math.log10(amount)) - 1));
  // Float noise off first (1.1 × 100 is 110.00000000000001), as gapShown does.
  return Math.ceil(Number((amount / step).toPrecision(12))) * step;
}

/** The score `v` gets in dimension `d`, cut points held fixed (reverse: recency, fewer days score higher). */
function scoreOf(d: DimensionScores, v: number, reverse: boolean): number {
  const inclusive = d.inclusive ?? true;
  let s = 1;
  for (const c of d.thresholds) if (inclusive ? v >= c : v > c) s++;
  return reverse ? d.levels + 1 - s : s;
}

/** The segment index of R, F and M scores under `scheme`, as segmentCustomers assigns it. */
function segmentRule(scores: RfmScores, seg: Segmentation, scheme: SegmentScheme | readonly SegmentRule[]): (rs: number, fs: number, ms: number) => number {
  if (scheme === "cn8") {
    const means = seg.means!;
    return (rs, fs, ms) => cn8Index(means, rs, fs, ms);
  }
  if (scheme === "rfm") {
    const { r, f, m } = scores;
    return (rs, fs, ms) => ruleIndex(RFM_VIGNETTE_RULES, toFivePointScale(rs, r.levels), toFivePointScale(fs, f.levels), toFivePointScale(ms, m.levels));
  }
  return (rs, fs, ms) => ruleIndex(scheme, rs, fs, ms);
}

/**
 * The steps worth trying for a "higher is better" value `v`: 0, then for each cut point above `v` the least
 * step that passes it (`step`), ascending, without repeats.
 */
function stepsAbove(d: DimensionScores, v: number, step: (v: number, t: number, inclusive: boolean) => number): number[] {
  const inclusive = d.inclusive ?? true;
  const out = [0];
  for (const t of d.thresholds) {
    if (inclusive ? v >= t : v > t) continue;
    const x = step(v, t, inclusive);
    if (x > out[out.length - 1]) out.push(x);
  }
  return out;
}

/**
 * Money: the least amount that reaches a quantile cut point or exceeds a breakpoint by a cent, rounded up to act
 * on. Rounding drops float noise (110.00000000000001 → 110), so a gap truly just past a whole step (a cut point
 * among tied values, 2.0000000000000004 from 1) comes out one step short: then the next actionable step is taken,
 * until the amount passes the cut point as computed.
 */
function moneyStep(v: number, t: number, inclusive: boolean): number {
  let x = actionableAmount(inclusive ? reachGap(v, t) : exceedGap(v, t));
  while (!(inclusive ? v + x >= t : v + x > t)) x = actionableAmount(x * (1 + 1e-9) + Number.MIN_VALUE);
  return x;
}

/** Orders: the least whole n ≥ 1 with v + n passing the cut point, as computed (7 + 0 does not pass 7.000000000000001). */
function orderStep(v: number, t: number, inclusive: boolean): number {
  let n = Math.max(1, Math.ceil(t - v) - 1);
  while (!(inclusive ? v + n >= t : v + n > t)) n++;
  return n;
}

/**
 * Per customer, the fewest purchases (then the least amount in them) that move the customer into a better
 * segment (see the module comment). `recencyDays`, `orders` and `revenue` are the scored columns.
 */
export function segmentUpgrade(
  scores: RfmScores,
  seg: Segmentation,
  scheme: SegmentScheme | readonly SegmentRule[],
  recencyDays: ArrayLike<number>,
  orders: ArrayLike<number>,
  revenue: ArrayLike<number>,
): SegmentUpgrade {
  const n = seg.index.length;
  const next = new Int32Array(n).fill(-1);
  const gap = new Float64Array(n).fill(NaN);
  const count = new Int32Array(n);
  const segmentOf = segmentRule(scores, seg, scheme);
  // A purchase on the analysis date: recency 0 days, the same top R score for everyone.
  const rNow = scoreOf(scores.r, 0, true);
  for (let c = 0; c < n; c++) {
    const current = seg.index[c];
    if (current === NO_SEGMENT || current === 0) continue;
    const f = orders[c];
    const m = revenue[c];
    if (!Number.isFinite(f) || !Number.isFinite(m) || recencyDays[c] !== recencyDays[c]) continue;
    const amounts = stepsAbove(scores.m, m, moneyStep);
    // One purchase first, then the least that reaches each higher F score.
    const counts = stepsAbove(scores.f, f, orderStep);
    counts[0] = 1;
    search: for (const k of counts.filter((k, i) => i === 0 || k > counts[i - 1])) {
      const fs = scoreOf(scores.f, f + k, false);
      for (const amount of amounts) {
        const to = segmentOf(rNow, fs, scoreOf(scores.m, m + amount, false));
        if (to < current) {
          next[c] = to;
          gap[c] = amount;
          count[c] = k;
          break search;
        }
      }
    }
  }
  return { next, gap, orders: count };
}
