import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scoreDimension, scoreRfm } from "../../../src/core/tiers/rfm";
import { bandOfScore, scoreCustomers, type ScoreMethod } from "../../../src/core/tiers/score";
import { classifyAbc, abcUpgrade } from "../../../src/core/tiers/abc";
import { closestToUpgrade } from "../../../src/core/tiers/upgrade-rank";
import { gapShown, rfmUpgrade, scoreUpgrade } from "../../../src/core/tiers/upgrade";

const list = (a: ArrayLike<number>) => Array.from(a);

/** Score under fixed cut points, as rfm.ts scores: 1 + cuts passed (v ≥ cut, or v > breakpoint). */
const rescore = (cuts: readonly number[], v: number, inclusive: boolean) => 1 + cuts.filter((c) => (inclusive ? v >= c : v > c)).length;

describe("scoreUpgrade", () => {
  it("gives the next band up and the points to its threshold", () => {
    const r = scoreCustomers([[10, 30, 60, 80, 95]], { weights: [1], method: "minmax", bands: { kind: "thresholds", thresholds: [90, 75, 50, 25] } });
    // minmax over 10..95: scores 0, 23.529…, 58.823…, 82.352…, 100.
    const u = scoreUpgrade(r);
    expect(list(u.next)).toEqual([3, 3, 1, 0, -1]);
    expect(u.gap[0]).toBe(25);
    expect(u.gap[1]).toBeCloseTo(25 - (100 * 20) / 85, 8);
    expect(u.gap[3]).toBeCloseTo(90 - (100 * 70) / 85, 8);
    expect(u.gap[4]).toBeNaN();
  });

  it("property: adding the gap and scoring again with the thresholds held fixed lands in the next band up", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.integer({ min: 0, max: 9 }), fc.constant(NaN)), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 30 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 100_000 }).map((t) => t / 1000), { minLength: 1, maxLength: 4 }),
        fc.constantFrom<ScoreMethod>("percentile", "minmax"),
        (rows, thresholds, method) => {
          const sorted = thresholds.sort((a, b) => b - a);
          const r = scoreCustomers([rows.map((x) => x[0]), rows.map((x) => x[1])], { weights: [2, 1], method, bands: { kind: "thresholds", thresholds: sorted } });
          const u = scoreUpgrade(r);
          const limits = [...sorted, 0];
          rows.forEach((_, i) => {
            if (r.score[i] !== r.score[i] || r.band[i] === 0) {
              expect(u.next[i]).toBe(-1);
              expect(u.gap[i]).toBeNaN();
              return;
            }
            expect(u.next[i]).toBe(r.band[i] - 1);
            expect(u.gap[i]).toBeGreaterThan(0);
            expect(bandOfScore(r.score[i] + u.gap[i], limits, r.bandCount)).toBe(u.next[i]);
            // And nothing less than the gap gets there (up to the gaps' 9-decimal precision).
            expect(bandOfScore(r.score[i] + u.gap[i] - 2e-9, limits, r.bandCount)).toBeGreaterThan(u.next[i]);
          });
        },
      ),
    );
  });
});

describe("rfmUpgrade with breakpoints", () => {
  it("monetary: the cents that take the value over the breakpoint; frequency: whole orders past it", () => {
    const monetary = [400, 500, 700, 1000, 1500];
    const frequency = [1, 2, 3, 5, 6];
    const scores = scoreRfm([1, 1, 1, 1, 1], frequency, monetary, { breakpoints: { frequency: [1, 2, 5], monetary: [500, 1000] } });
    expect(list(scores.m.scores)).toEqual([1, 1, 2, 2, 3]);
    expect(list(scores.f.scores)).toEqual([1, 2, 3, 3, 4]);
    const u = rfmUpgrade(scores, frequency, monetary);
    // 400 → 100.01 to pass 500; 500 sits on the breakpoint (score 1): one cent takes it over.
    expect(list(u.monetary.gap)).toEqual([100.01, 0.01, 300.01, 0.01, NaN]);
    expect(list(u.monetary.next)).toEqual([2, 2, 3, 3, -1]);
    // F: 1 → 2 (> 1), 2 → 3 orders? no: 2 + 1 = 3 > 2 → score 3; 3 → 6 > 5 needs 3; 5 → 1.
    expect(list(u.frequency.gap)).toEqual([1, 1, 3, 1, NaN]);
    expect(list(u.frequency.next)).toEqual([2, 3, 4, 4, -1]);
  });

  it("a customer exactly on a breakpoint has a gap above 0 and is an upgrade candidate", () => {
    const monetary = [100, 150, 99.99];
    const scores = scoreRfm([1, 1, 1], [1, 1, 1], monetary, { breakpoints: { monetary: [100, 200] } });
    expect(list(scores.m.scores)).toEqual([1, 2, 1]);
    const u = rfmUpgrade(scores, [1, 1, 1], monetary).monetary;
    // 100 + 0.01 > 100; 150 + 50.01 > 200; 99.99 + 0.01 = 100 stays, 0.02 passes.
    expect(list(u.gap)).toEqual([0.01, 50.01, 0.02]);
    expect(list(u.next)).toEqual([2, 3, 2]);
    expect(closestToUpgrade(u, monetary)).toEqual([0, 2, 1]);
  });

  it("property: value + gap scored again with the breakpoints lands on `next`, and a cent less does not", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 5 }).map((a) => a.sort((x, y) => x - y)),
        fc.uniqueArray(fc.integer({ min: 0, max: 500_000 }).map((c) => c / 100), { minLength: 1, maxLength: 5 }).map((a) => a.sort((x, y) => x - y)),
        fc.array(fc.tuple(fc.integer({ min: 1, max: 70 }), fc.oneof(fc.double({ min: 0, max: 6000, noNaN: true }), fc.integer({ min: 0, max: 600_000 }).map((c) => c / 100))), { minLength: 1, maxLength: 30 }),
        (fBreaks, mBreaks, customers) => {
          const frequency = customers.map((c) => c[0]);
          const monetary = customers.map((c) => c[1]);
          const scores = scoreRfm(frequency.map(() => 1), frequency, monetary, { breakpoints: { frequency: fBreaks, monetary: mBreaks } });
          const u = rfmUpgrade(scores, frequency, monetary);
          customers.forEach(([f, m], i) => {
            const fs = scores.f.scores[i];
            const ms = scores.m.scores[i];
            if (fs === scores.f.levels) expect(u.frequency.next[i]).toBe(-1);
            else {
              const n = u.frequency.gap[i];
              expect(Number.isInteger(n) && n >= 1).toBe(true);
              expect(rescore(fBreaks, f + n, false)).toBe(u.frequency.next[i]);
              expect(u.frequency.next[i]).toBeGreaterThan(fs);
              expect(rescore(fBreaks, f + n - 1, false)).toBe(fs); // one order fewer is not enough
            }
            if (ms === scores.m.levels) expect(u.monetary.next[i]).toBe(-1);
            else {
              const g = u.monetary.gap[i];
              // A reach amount: whole cents, at least one; value + gap lands on `next`, one cent less does not.
              expect(g).toBeGreaterThanOrEqual(0.01);
              expect(Math.abs(g * 100 - Math.round(g * 100))).toBeLessThan(1e-6);
              expect(rescore(mBreaks, m + g, false)).toBe(u.monetary.next[i]);
              expect(u.monetary.next[i]).toBeGreaterThan(ms);
              if (g > 0.01) expect(rescore(mBreaks, m + (Math.round(g * 100) - 1) / 100, false)).toBe(ms);
              // One score up, or two when the next breakpoint is a cent above this one and the float sum passes
              // it too (found by fast-check: 3810.48 + 1189.38 is 4999.860000000001, above 4999.85 and 4999.86).
              expect(u.monetary.next[i] - ms).toBeLessThanOrEqual(mBreaks.some((b, j) => j > 0 && b - mBreaks[j - 1] <= 0.0100001) ? 2 : 1);
            }
          });
        },
      ),
    );
  });
});

describe("abcUpgrade", () => {
  it("gives reach amounts: the gap to the next class's smallest value, above 0", () => {
    const values = [0.1, 0.2, 0.7, 9];
    const abc = classifyAbc(values);
    const u = abcUpgrade(values, abc);
    values.forEach((v, i) => {
      if (u.next[i] < 0) return;
      expect(u.gap[i]).toBeGreaterThan(0);
      const smallest = Math.min(...values.filter((_, j) => abc.classes[j] === u.next[i]));
      expect(v + u.gap[i]).toBeGreaterThanOrEqual(smallest);
    });
  });
});

describe("rfmUpgrade with quantile cut points", () => {
  it("monetary: the revenue to reach the cut point (R's q + 1)", () => {
    const monetary = [10, 20, 30, 40, 50];
    const scores = scoreRfm([1, 2, 3, 4, 5], [1, 1, 1, 1, 1], monetary, { bins: 5 });
    expect(scores.m.inclusive).toBe(true);
    // Cut points 19, 27, 35, 43 (quantiles 18, 26, 34, 42, each + 1).
    scores.m.thresholds.forEach((t, k) => expect(t).toBeCloseTo([19, 27, 35, 43][k], 9));
    const u = rfmUpgrade(scores, [1, 1, 1, 1, 1], monetary);
    [9, 7, 5, 3].forEach((g, i) => expect(u.monetary.gap[i]).toBeCloseTo(g, 9));
    expect(u.monetary.gap[4]).toBeNaN();
    expect(list(u.monetary.next)).toEqual([2, 3, 4, 5, -1]);
  });

  it("frequency: tied cut points are jumped over together (empty score levels)", () => {
    // Sorted 1 ×6, 2, 3: cut points 2, 2, 2, 2.6 → 1 scores 1, 2 scores 4, 3 scores 5.
    const frequency = [1, 1, 1, 1, 1, 1, 2, 3];
    const scores = scoreRfm(frequency.map(() => 1), frequency, frequency.map(() => 1), { bins: 5 });
    expect(list(scores.f.scores)).toEqual([1, 1, 1, 1, 1, 1, 4, 5]);
    const u = rfmUpgrade(scores, frequency, frequency.map(() => 1));
    expect(list(u.frequency.gap)).toEqual([1, 1, 1, 1, 1, 1, 1, NaN]);
    expect(list(u.frequency.next)).toEqual([4, 4, 4, 4, 4, 4, 5, -1]);
  });

  it("property: value + gap scored again against the same cut points lands on `next`, and less does not", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.oneof(fc.double({ min: 0, max: 1e5, noNaN: true }), fc.integer({ min: 0, max: 50 }))), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 2, max: 10 }),
        (customers, bins) => {
          const frequency = customers.map((c) => c[0]);
          const monetary = customers.map((c) => c[1]);
          const scores = scoreRfm(frequency.map(() => 1), frequency, monetary, { bins });
          const u = rfmUpgrade(scores, frequency, monetary);
          const fCuts = scores.f.thresholds;
          const mCuts = scores.m.thresholds;
          customers.forEach(([f, m], i) => {
            const fs = scores.f.scores[i];
            const ms = scores.m.scores[i];
            expect(rescore(fCuts, f, true)).toBe(fs);
            if (fs === scores.f.levels) expect(u.frequency.gap[i]).toBeNaN();
            else {
              const n = u.frequency.gap[i];
              expect(rescore(fCuts, f + n, true)).toBe(u.frequency.next[i]);
              expect(u.frequency.next[i]).toBeGreaterThan(fs);
              if (n > 1) expect(rescore(fCuts, f + n - 1, true)).toBe(fs);
            }
            if (ms === scores.m.levels) expect(u.monetary.gap[i]).toBeNaN();
            else {
              const g = u.monetary.gap[i];
              expect(g).toBeGreaterThan(0);
              expect(rescore(mCuts, m + g, true)).toBe(u.monetary.next[i]);
              expect(u.monetary.next[i]).toBeGreaterThan(ms);
              // The least that gets there: value + gap is the cut point, up to rounding.
              const cut = mCuts[ms - 1];
              expect(m + g - cut).toBeLessThanOrEqual(4 * Number.EPSILON * Math.abs(cut) + Number.MIN_VALUE);
            }
          });
        },
      ),
    );
  });

  it("scoreDimension says which rule it used", () => {
    expect(scoreDimension([1, 2, 3], false, 3, undefined, "monetary").inclusive).toBe(true);
    expect(scoreDimension([1, 2, 3], false, 3, [2], "monetary").inclusive).toBe(false);
  });

  it("customers without a score get no upgrade", () => {
    const scores = scoreRfm([1, NaN, 3], [1, NaN, 3], [5, NaN, 7], { bins: 2 });
    const u = rfmUpgrade(scores, [1, NaN, 3], [5, NaN, 7]);
    expect(u.monetary.next[1]).toBe(-1);
    expect(u.monetary.gap[1]).toBeNaN();
    expect(u.frequency.next[1]).toBe(-1);
  });
});

describe("gapShown", () => {
  it("rounds a gap up to the decimals shown, so the shown amount still reaches the next tier", () => {
    expect(gapShown(0.0034, 2)).toBe(0.01);
    expect(gapShown(12.341, 2)).toBe(12.35);
    expect(gapShown(2.5, 0)).toBe(3);
    // Float noise of the scaling is not a cent more: 1.1 × 100 is 110.00000000000001, 50.01 × 100 is 5000.999….
    expect(gapShown(1.1, 2)).toBe(1.1);
    expect(gapShown(50.01, 2)).toBe(50.01);
    expect(gapShown(3, 0)).toBe(3);
  });
});

