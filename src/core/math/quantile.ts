/**
 * The core's one quantile of sorted values: R's default, type 7 (Hyndman & Fan 1996), which is also Excel's
 * PERCENTILE.INC and QUARTILE.INC (linear between order statistics at (n − 1)·p,
 * https://support.microsoft.com/office/percentile-inc-function-680f9539-45eb-410b-9a5e-c1355e5fe2ed). It lives
 * here, below every folder that ranks values, so RFM's cut points (tiers/rfm.ts, checked against the R package rfm)
 * and the pane's example level thresholds (src/excel/jobs/levels-examples.ts, which a person checks with
 * PERCENTILE.INC) are one formula.
 */

/**
 * R's type 7 quantile of ascending values, with R's own arithmetic (quantile.default):
 * index = 1 + (n − 1)·p, lo = floor(index), and where index > lo and x[hi] ≠ x[lo],
 * (1 − h)·x[lo] + h·x[hi] with h = index − lo. The last bit matters: a value sitting exactly on a cut
 * point is scored by it, so this reproduces R rather than an algebraically equal formula. NaN when empty.
 */
export function quantileR7Sorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const index = 1 + (n - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qs = sorted[lo - 1];
  if (!(index > lo) || sorted[hi - 1] === qs) return qs;
  const h = index - lo;
  return (1 - h) * qs + h * sorted[hi - 1];
}
