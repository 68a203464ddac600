/**
 * ExactSums (issue 12): the rounded exact sum, the same double whatever the order of the terms, equal to an
 * integer-arithmetic reference (test/support/exact-sum-reference.ts) on terms of any magnitude, through the
 * inline partials, the spilled list, moves between slots and overflow.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExactSums, exactSum } from "../../../src/core/math/exact-sum";
import { referenceExactSum } from "../../support/exact-sum-reference";

/** Finite doubles of every magnitude, cents among them (what amounts are). */
const term = fc.oneof(
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((c) => c / 100),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 1e300 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e-300, max: 1e-300 }),
  fc.constantFrom(0.1, 0.2, 0.3, 1e16, -1e16, 1, 2 ** -1074, 2 ** 53, 1 - 2 ** -53),
);

/** Equal as numbers (0 and −0 alike), never NaN. */
const same = (a: number, b: number) => expect(a === b, `${a} vs ${b}`).toBe(true);

function slotSum(terms: readonly number[]): number {
  const sums = new ExactSums(1);
  for (const t of terms) sums.add(0, t);
  return sums.value(0);
}

describe("ExactSums", () => {
  it("is the correctly rounded exact sum, in any order (property)", () => {
    fc.assert(
      fc.property(fc.array(term, { maxLength: 40 }), fc.integer(), (terms, seed) => {
        const expected = referenceExactSum(terms);
        same(slotSum(terms), expected);
        same(exactSum(terms), expected);
        // A shuffle by a seeded swap walk, and the reverse.
        const shuffled = [...terms];
        let s = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1103515245) + 12345) >>> 0;
          const j = s % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        same(slotSum(shuffled), expected);
        same(slotSum([...terms].reverse()), expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("rounds where a plain sum does not: 0.1 + 0.2 + 0.3 in either order, and 1e16 + 1 − 1e16", () => {
    expect(0.1 + 0.2 + 0.3).not.toBe(0.3 + 0.2 + 0.1);
    expect(slotSum([0.1, 0.2, 0.3])).toBe(slotSum([0.3, 0.2, 0.1]));
    expect(slotSum([0.1, 0.2, 0.3])).toBe(referenceExactSum([0.1, 0.2, 0.3]));
    expect(slotSum([1e16, 1, -1e16])).toBe(1);
    // Ties to even decided by a partial far below: 2⁵³ + 1 + 2⁻¹⁰⁰⁰ rounds up, 2⁵³ + 1 to even (down).
    expect(slotSum([2 ** 53, 1, 2 ** -1000])).toBe(2 ** 53 + 2);
    expect(slotSum([2 ** 53, 1])).toBe(2 ** 53);
  });

  it("spills past its inline partials and keeps slots apart", () => {
    const terms = [1e300, 1e200, 1e100, 1, 1e-100, 1e-200, 1e-300];
    const sums = new ExactSums(2);
    for (const t of terms) {
      sums.add(0, t);
      sums.add(5, -t);
    }
    sums.add(5, 3);
    expect(sums.value(0)).toBe(referenceExactSum(terms));
    expect(sums.value(5)).toBe(referenceExactSum([...terms.map((t) => -t), 3]));
    expect(sums.value(1)).toBe(0);
    expect(sums.slots).toBeGreaterThanOrEqual(6);
  });

  it("moves one slot's exact sum into another and empties it", () => {
    const sums = new ExactSums(4);
    for (const t of [0.1, 0.7, 1e-20]) sums.add(0, t);
    for (const t of [0.2, 5e15]) sums.add(1, t);
    sums.move(0, 1);
    expect(sums.value(0)).toBe(0);
    expect(sums.value(1)).toBe(referenceExactSum([0.1, 0.7, 1e-20, 0.2, 5e15]));
    // A spilled slot moves whole too.
    const wide = [1e300, 1e200, 1e100, 1, 1e-100];
    for (const t of wide) sums.add(2, t);
    sums.move(2, 3);
    expect(sums.value(3)).toBe(referenceExactSum(wide));
    expect(sums.value(2)).toBe(0);
  });

  it("says Infinity once a sum passes the largest double, and keeps it", () => {
    const sums = new ExactSums(2);
    sums.add(0, 1.7e308);
    sums.add(0, 1.7e308);
    sums.add(0, -1.7e308);
    expect(sums.value(0)).toBe(Infinity);
    sums.move(0, 1);
    expect(sums.value(1)).toBe(Infinity);
    expect(exactSum([1.7e308, 1.7e308])).toBe(Infinity);
  });
});
