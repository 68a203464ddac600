import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tieGroups } from "../../../src/core/math/ties";

/** The tie groups by the obvious route: sort a copy, group equal neighbours, find each value's group by search. */
function naive(values: number[]) {
  const distinct = [...new Set(values.filter((v) => v === v).map((v) => v + 0))].sort((a, b) => a - b);
  const size = distinct.map((d) => values.filter((v) => v === d).length);
  const group = values.map((v) => (v === v ? distinct.indexOf(v + 0) : -1));
  return { distinct, size, group, counted: values.filter((v) => v === v).length };
}

const plain = (t: ReturnType<typeof tieGroups>) => ({ distinct: [...t.distinct], size: [...t.size], group: [...t.group], counted: t.counted });

describe("tieGroups", () => {
  const value = fc.oneof(fc.constantFrom(0, -0, NaN, 1, 0.1 + 0.2, 0.3, -5, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER), fc.double({ noNaN: false }), fc.integer({ min: -20, max: 20 }).map((k) => k / 4));
  it("equals sorting and grouping, by hash and by the whole-sort fallback (property)", () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (values, maxHashed) => {
        const expected = naive(values);
        expect(plain(tieGroups(values))).toEqual(expected);
        // Few distinct values allowed: the hash gives up and the whole column is sorted instead.
        expect(plain(tieGroups(values, maxHashed))).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it("grows its table past many distinct values", () => {
    const values = Float64Array.from({ length: 200_000 }, (_, i) => ((i * 7919) % 100_003) / 100);
    const t = tieGroups(values);
    expect(t.distinct.length).toBe(100_003);
    const misgrouped = values.findIndex((v, i) => t.distinct[t.group[i]] !== v);
    expect(misgrouped).toBe(-1);
    const unordered = t.distinct.findIndex((d, g) => g > 0 && !(d > t.distinct[g - 1]));
    expect(unordered).toBe(-1);
    expect(t.size.reduce((a, b) => a + b, 0)).toBe(values.length);
  });
});
