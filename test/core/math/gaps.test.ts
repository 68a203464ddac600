import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exceedGap, nextUp, reachGap } from "../../../src/core/math/gaps";

describe("reachGap, exceedGap, nextUp", () => {
  it("nextUp is the next double above", () => {
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextUp(-Number.MIN_VALUE)).toBe(-0);
    expect(nextUp(-1)).toBe(-1 + Number.EPSILON / 2);
  });

  it("reachGap: value + gap ≥ target as computed, and the gap is the least that does", () => {
    expect(reachGap(0.1, 0.3)).toBeGreaterThanOrEqual(0.3 - 0.1);
    expect(0.1 + reachGap(0.1, 0.3)).toBeGreaterThanOrEqual(0.3);
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-9, max: 1e6, noNaN: true }), (v, d) => {
        const t = v + d;
        if (!(t > v)) return;
        const g = reachGap(v, t);
        expect(v + g).toBeGreaterThanOrEqual(t);
        expect(g).toBeGreaterThan(0);
      }),
    );
  });

  it("exceedGap: the least whole cents that take the value over the limit", () => {
    expect(exceedGap(100, 100)).toBe(0.01);
    expect(exceedGap(99.99, 100)).toBe(0.02);
    expect(exceedGap(99.995, 100)).toBe(0.01);
    expect(exceedGap(0, 1000)).toBe(1000.01);
    // Values so large that a cent is below their precision still get a gap that passes.
    expect(1e17 + exceedGap(1e17, 1e17)).toBeGreaterThan(1e17);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (a, b) => {
        const v = Math.min(a, b) / 100;
        const t = Math.max(a, b) / 100;
        const g = exceedGap(v, t);
        expect(v + g).toBeGreaterThan(t);
        expect(Number.isInteger(Math.round(g * 100))).toBe(true);
        if (g > 0.01) expect(v + (Math.round(g * 100) - 1) / 100).toBeLessThanOrEqual(t);
      }),
    );
  });
});
