/**
 * Computed ABC analysis (Ultsch & Lötsch 2015, "Computed ABC Analysis for Rational Selection of Most
 * Informative Variables in Multivariate Data", PLoS ONE 10(6): e0129767): the A/B and B/C limits are
 * read off the ABC curve instead of being fixed cuts. This module is the curve geometry only; the
 * classes (ties, blanks, non-positive values) are made in abc.ts.
 *
 * The curve, with the n counted values sorted from the largest down (a zero or negative value counts
 * as a value of 0: it adds effort and no yield):
 *   effort x_k = k / n and yield y_k = (sum of the k largest values) / (sum of all), k = 0 … n,
 *   so the curve runs from (0, 0) to (1, 1) through one point per value (ties are consecutive points).
 * The points, each one of those n + 1 curve points (the first one when two are equally good):
 *   - Pareto point: the point nearest to the ideal (0, 1) (Euclidean distance).
 *   - Break-even point: the point where the slope of the curve is nearest to 1 (a further value
 *     yields as much as it costs). The slope is the derivative at the point of the natural cubic
 *     spline through all n + 1 points (second derivative 0 at both ends).
 *   - A/B limit: whichever of the two has the smaller effort ("pareto" when they coincide).
 *   - Submarginal point (B/C limit): the point nearest to (X, 1), where X is the effort of the other
 *     of the two (the larger one).
 * These are the definitions of the Julia port CalculatedABC.jl (ckafi), whose tests give the
 * SwissInhabitants points this module reproduces to the last digit. The R package ABCanalysis
 * (Thrun, Ultsch) finds the same points on a spline resampled to a grid of 0.001 (0.01 below 101
 * values), so its limits are multiples of 0.001 that lie near, not on, the data's own points
 * (SwissInhabitants: R break-even effort 0.221, here 642/2896 = 0.22169). Reading the points off the
 * data's own curve keeps every limit exactly between two ranked values and makes the result
 * independent of a grid.
 *
 * Degenerate curves: with no positive value every limit is (0, 0); with a single positive value, or
 * when all positive values are equal, no curve exists to read limits from, so the limits are the
 * point where the curve reaches 1 (every positive value is A; the R package's cABC_analysis also
 * puts one value or identical values all in A).
 */

export type AbcLimitPoint = "pareto" | "breakEven";

export interface AbcCurvePoint {
  effort: number;
  yield: number;
}

export interface AbcLimits {
  /** The A/B limit: effort (share of the values ranked up to it) and yield (share of the total). */
  aEffort: number;
  aYield: number;
  /** The B/C limit, the submarginal point. */
  bEffort: number;
  bYield: number;
  /** Which point set the A/B limit. */
  abPoint: AbcLimitPoint;
  /** The two candidates for the A/B limit; null for a degenerate curve (see above). */
  pareto: AbcCurvePoint | null;
  breakEven: AbcCurvePoint | null;
}

export interface AbcCurveCut {
  limits: AbcLimits;
  /** Curve points up to the A/B limit: the values ranked 1 … aRank are inside A on the curve. */
  aRank: number;
  /** The same for the B/C limit (aRank ≤ bRank ≤ n). */
  bRank: number;
}

/**
 * The limits of the ABC curve of `descending` (the counted values sorted from the largest down,
 * every value ≥ 0). O(n) time and memory.
 */
export function abcCurveLimits(descending: ArrayLike<number>): AbcCurveCut {
  const n = descending.length;
  let positives = 0;
  while (positives < n && descending[positives] > 0) positives++;
  if (positives === 0) {
    return { limits: { aEffort: 0, aYield: 0, bEffort: 0, bYield: 0, abPoint: "pareto", pareto: null, breakEven: null }, aRank: 0, bRank: 0 };
  }
  if (positives === 1 || descending[0] === descending[positives - 1]) {
    const effort = positives / n;
    return { limits: { aEffort: effort, aYield: 1, bEffort: effort, bYield: 1, abPoint: "pareto", pareto: null, breakEven: null }, aRank: positives, bRank: positives };
  }

  // Yields y_0 … y_n; y_n is exactly 1 (the total divided by itself).
  const cumulative = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) cumulative[k + 1] = cumulative[k] + descending[k];
  const total = cumulative[n];
  const y = (k: number) => cumulative[k] / total;
  const x = (k: number) => k / n;
  const nearest = (px: number, py: number) => {
    let best = 0;
    let bestDistance = Infinity;
    for (let k = 0; k <= n; k++) {
      const dx = x(k) - px;
      const dy = y(k) - py;
      const d = dx * dx + dy * dy;
      if (d < bestDistance) {
        bestDistance = d;
        best = k;
      }
    }
    return best;
  };

  const pareto = nearest(0, 1);
  const breakEven = nearestUnitSlope(descending, total);
  const aRank = Math.min(pareto, breakEven);
  const bRank = nearest(x(Math.max(pareto, breakEven)), 1);
  return {
    limits: {
      aEffort: x(aRank),
      aYield: y(aRank),
      bEffort: x(bRank),
      bYield: y(bRank),
      abPoint: pareto <= breakEven ? "pareto" : "breakEven",
      pareto: { effort: x(pareto), yield: y(pareto) },
      breakEven: { effort: x(breakEven), yield: y(breakEven) },
    },
    aRank,
    bRank,
  };
}

/**
 * The curve point whose slope is nearest to 1, the slope being the derivative of the natural cubic
 * spline through the n + 1 points (knots k / n, spacing h = 1 / n).
 *
 * With chord slopes s_k = (y_k − y_{k−1}) / h = n · v_k / total (k = 1 … n) and μ_k = h · M_k (M the
 * spline's second derivatives, μ_0 = μ_n = 0), the spline's conditions are
 *   μ_{k−1} + 4 μ_k + μ_{k+1} = 6 (s_{k+1} − s_k),   k = 1 … n − 1,
 * and the derivative at knot k is s_{k+1} − (2 μ_k + μ_{k+1}) / 6 (k < n), at the last knot
 * s_n + (μ_{n−1} + 2 μ_n) / 6. Everything is in units of slope, so the result does not depend on n
 * or on the scale of the values. The system is strictly diagonally dominant: the Thomas algorithm
 * solves it stably.
 */
function nearestUnitSlope(descending: ArrayLike<number>, total: number): number {
  const n = descending.length;
  const slope = (k: number) => (n * descending[k - 1]) / total; // s_k, k = 1 … n
  const mu = new Float64Array(n + 1);
  if (n >= 2) {
    // Forward sweep over the unknowns μ_1 … μ_{n−1}: c' (upper diagonal) kept in `upper`, d' in mu.
    const upper = new Float64Array(n);
    for (let k = 1; k < n; k++) {
      const rhs = 6 * (slope(k + 1) - slope(k));
      const lowerTimesPrevious = k > 1 ? upper[k - 1] : 0;
      const pivot = 4 - lowerTimesPrevious;
      upper[k] = 1 / pivot;
      mu[k] = (rhs - (k > 1 ? mu[k - 1] : 0)) / pivot;
    }
    for (let k = n - 2; k >= 1; k--) mu[k] -= upper[k] * mu[k + 1];
  }
  let best = 0;
  let bestGap = Infinity;
  for (let k = 0; k <= n; k++) {
    const derivative = k < n ? slope(k + 1) - (2 * mu[k] + mu[k + 1]) / 6 : slope(n) + (mu[n - 1] + 2 * mu[n]) / 6;
    const gap = Math.abs(derivative - 1);
    if (gap < bestGap) {
      bestGap = gap;
      best = k;
    }
  }
  return best;
}
