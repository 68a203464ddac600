/**
 * The core's one quantile (src/core/math/quantile.ts) is Excel's PERCENTILE.INC as well as R's type 7: the pane's
 * example level thresholds say PERCENTILE.INC (a person checks them in Excel), RFM's cut points say R.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantileR7Sorted } from "../../../src/core/math/quantile";

/** PERCENTILE.INC as Microsoft's page defines it: rank (n − 1)·k, interpolated between the values either side. */
function percentileInc(sorted: readonly number[], k: number): number {
  const h = (sorted.length - 1) * k;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

describe("quantileR7Sorted is PERCENTILE.INC", () => {
  it("gives the documented examples", () => {
    // https://support.microsoft.com/office/percentile-inc-function-680f9539-45eb-410b-9a5e-c1355e5fe2ed:
    // =PERCENTILE.INC({1,3,2,4}, 0.3) is 1.9.
    expect(quantileR7Sorted([1, 2, 3, 4], 0.3)).toBeCloseTo(1.9, 12);
    // QUARTILE.INC's page: {1,2,4,7,8,9,10,12}, first quartile 3.5.
    expect(quantileR7Sorted([1, 2, 4, 7, 8, 9, 10, 12], 0.25)).toBe(3.5);
    expect(quantileR7Sorted([], 0.5)).toBeNaN();
  });

  it("property: equals Microsoft's definition to the last few bits of the values' size, at the ends exactly", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, k) => {
        const sorted = Float64Array.from(xs).sort();
        const q = quantileR7Sorted(sorted, k);
        // The two forms round differently where the neighbours' signs differ and q is near 0: bits of the values' size.
        const scale = Math.max(Math.abs(sorted[0]), Math.abs(sorted[sorted.length - 1]));
        expect(Math.abs(q - percentileInc([...sorted], k))).toBeLessThanOrEqual(1e-12 * (1 + scale));
        expect(quantileR7Sorted(sorted, 0)).toBe(sorted[0]);
        expect(quantileR7Sorted(sorted, 1)).toBe(sorted[sorted.length - 1]);
      }),
      { numRuns: 300 },
    );
  });
});
