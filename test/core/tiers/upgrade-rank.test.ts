import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closestToUpgrade } from "../../../src/core/tiers/upgrade-rank";

/** The same ranking by sorting everything: relative gap, then gap, then the larger value, then row; no-value rows after. */
function bySorting(gap: number[], value: number[], limit: number, next?: number[]): number[] {
  const worth = (v: number) => (v > 0 && Number.isFinite(v) ? v : 0);
  return gap
    .map((g, i) => ({ i, g, v: worth(value[i]), r: worth(value[i]) > 0 ? g / value[i] : Infinity }))
    .filter((x) => x.g >= 0 && Number.isFinite(x.g) && (!next || next[x.i] >= 0))
    .sort((a, b) => a.r - b.r || a.g - b.g || (a.v !== b.v ? (a.v > b.v ? -1 : 1) : 0) || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.i);
}

describe("closestToUpgrade", () => {
  it("ranks by the gap relative to the customer's value", () => {
    expect(closestToUpgrade([50, 100, NaN], [100, 900, 5], 2)).toEqual([1, 0]);
    expect(closestToUpgrade({ next: [1, 1, -1], gap: [50, 100, NaN] }, [100, 900, 5], 2)).toEqual([1, 0]);
    // Equal relative gaps: the smaller gap first, then the earlier row.
    expect(closestToUpgrade([10, 5, 5], [100, 50, 50])).toEqual([1, 2, 0]);
  });

  it("puts customers without a value after the others, by their gap, and never lists one without a gap", () => {
    // A gap of 0 is a customer who gets there with nothing more: the closest of all.
    expect(closestToUpgrade([3, 1, 2, 0, -1, Infinity], [0, NaN, 10, 5, 5, 5])).toEqual([3, 2, 1, 0]);
    expect(closestToUpgrade([], [])).toEqual([]);
    expect(closestToUpgrade([1], [1], 0)).toEqual([]);
  });

  it("with next tiers: a candidate is a customer with a next tier (next ≥ 0), whatever its gap's size", () => {
    const up = { next: Int32Array.from([2, 1, -1, 0]), gap: Float64Array.from([0, 5, 1, 0.5]) };
    expect(closestToUpgrade(up, [100, 50, 10, 10])).toEqual([0, 3, 1]);
    // No next tier: never a candidate, even with a gap.
    expect(closestToUpgrade({ next: [-1, -1], gap: [1, 2] }, [1, 1])).toEqual([]);
  });

  it("rejects columns of different lengths", () => {
    expect(() => closestToUpgrade([1, 2], [1])).toThrow(RangeError);
    expect(() => closestToUpgrade({ next: [1], gap: [1, 2] }, [1, 1])).toThrow(RangeError);
  });

  it("is the head of the full sort, whatever the data (property)", () => {
    const cell = fc.oneof(fc.double({ min: -10, max: 1e6, noNaN: true }), fc.constant(NaN), fc.constantFrom(0, 1, 2, 5));
    // Equal gaps over different values (0 over 5e-324 and 1e-323, seed 2134103871): the larger value first, as documented.
    expect(closestToUpgrade([0, 0], [5e-324, 1e-323], 1)).toEqual([1]);
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { maxLength: 200 }), fc.integer({ min: 1, max: 30 }), (pairs, limit) => {
        const gap = pairs.map((p) => p[0]);
        const value = pairs.map((p) => p[1]);
        const got = closestToUpgrade(gap, value, limit);
        expect(got).toEqual(bySorting(gap, value, limit));
        expect(got.length).toBeLessThanOrEqual(limit);
        const next = pairs.map((p, i) => (i % 3 === 0 ? -1 : Number.isNaN(p[0]) ? -1 : 1));
        expect(closestToUpgrade({ next, gap }, value, limit)).toEqual(bySorting(gap, value, limit, next));
      }),
    );
  });
});
