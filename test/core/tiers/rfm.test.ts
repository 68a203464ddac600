import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectCoreError } from "../../support/core-error";
import { readTransactions } from "../../../src/core/transactions/read";
import {
  MAX_BINS,
  MIN_BINS,
  checkBins,
  isWideScoring,
  quantileCutPoints,
  quantileType7,
  rfmCode,
  rfmInputs,
  scoreCustomers,
  scoreDimension,
  scoreRfm,
} from "../../../src/core/tiers/rfm";
import { summarizeCustomers } from "../../../src/core/transactions/summary";


/** R's quantile(x, p, type = 7) written as R writes it: (1 − h)·x[lo] + h·x[hi], 1-based index 1 + (n − 1)p. */
function rQuantile7(x: readonly number[], p: number): number {
  const s = [...x].sort((a, b) => a - b);
  const index = 1 + (s.length - 1) * p;
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const h = index - lo;
  const qs = s[lo - 1];
  return index > lo && s[hi - 1] !== qs ? (1 - h) * qs + h * s[hi - 1] : qs;
}

/**
 * R rfm 0.3.0's cut points replayed operation by operation: bins() is
 * quantile(x, probs = seq(0, 1, length.out = bins + 1))[-c(1, bins + 1)] + 1, where seq gives
 * 0 + k · ((1 − 0) / bins) and quantile type 7 gives (1 − h)·x[lo] + h·x[hi] with
 * index = 1 + (n − 1)·p (src/library/base/R/seq.R, src/library/stats/R/quantile.R).
 */
function rfmPackageCuts(x: readonly number[], bins: number): number[] {
  const s = [...x].sort((a, b) => a - b);
  const n = s.length;
  const by = (1 - 0) / bins;
  const cuts: number[] = [];
  for (let k = 1; k < bins; k++) {
    const index = 1 + (n - 1) * (0 + k * by);
    const lo = Math.floor(index);
    const hi = Math.ceil(index);
    let q = s[lo - 1];
    if (index > lo && s[hi - 1] !== q) {
      const h = index - lo;
      q = (1 - h) * q + h * s[hi - 1];
    }
    cuts.push(q + 1);
  }
  return cuts;
}

/** R rfm's scores: score i where lower_i ≤ v < upper_i, lower = c(min, cuts), upper = c(cuts, max + 1). */
function rfmPackageScores(x: readonly number[], bins: number): number[] {
  const cuts = rfmPackageCuts(x, bins);
  const lower = [Math.min(...x), ...cuts];
  const upper = [...cuts, Math.max(...x) + 1];
  return x.map((v) => {
    let score = 0;
    for (let i = 0; i < bins; i++) if (v >= lower[i] && v < upper[i]) score = i + 1;
    return score;
  });
}

const bins = fc.integer({ min: MIN_BINS, max: MAX_BINS });
/** Values with many ties (small integers), as frequencies are. */
const tiedValues = fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 60 });
/** Arbitrary finite values, with NaN holes. */
const holeyValues = fc.array(fc.oneof({ weight: 9, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(NaN) }), {
  minLength: 1,
  maxLength: 60,
});
const anyValues = fc.oneof(tiedValues, holeyValues);

describe("quantileType7 (R's default quantile)", () => {
  it("matches values computed by hand from R's definition", () => {
    // quantile(c(1,2,3,4,10), 0.3) = 2.2
    expect(quantileType7([1, 2, 3, 4, 10], 0.3)).toBeCloseTo(2.2, 12);
    // quantile(c(1,2,3,4,10), c(.2,.4,.6,.8)) = 1.8 2.6 3.4 5.2
    expect(quantileType7([1, 2, 3, 4, 10], 0.2)).toBeCloseTo(1.8, 12);
    expect(quantileType7([1, 2, 3, 4, 10], 0.4)).toBeCloseTo(2.6, 12);
    expect(quantileType7([1, 2, 3, 4, 10], 0.6)).toBeCloseTo(3.4, 12);
    expect(quantileType7([1, 2, 3, 4, 10], 0.8)).toBeCloseTo(5.2, 12);
    // Input order does not matter: quantile(c(10,4,1,3,2), 0.3) = 2.2
    expect(quantileType7([10, 4, 1, 3, 2], 0.3)).toBeCloseTo(2.2, 12);
    // quantile(1:10, 0.25) = 3.25; quantile(1:10, 0.5) = 5.5
    const oneToTen = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(quantileType7(oneToTen, 0.25)).toBeCloseTo(3.25, 12);
    expect(quantileType7(oneToTen, 0.5)).toBe(5.5);
    expect(quantileType7([1, 3], 0.5)).toBe(2);
    expect(quantileType7([7], 0.5)).toBe(7);
    expect(quantileType7([2, 4, 8], 0)).toBe(2);
    expect(quantileType7([2, 4, 8], 1)).toBe(8);
    // NaN is left out (R: na.rm = TRUE); nothing left gives NaN.
    expect(quantileType7([NaN, 1, 3, NaN], 0.5)).toBe(2);
    expect(quantileType7([], 0.5)).toBeNaN();
    expect(quantileType7([NaN], 0.5)).toBeNaN();
  });

  it("property: agrees with R's formula and lies between min and max", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, p) => {
        const q = quantileType7(xs, p);
        expect(q).toBeGreaterThanOrEqual(Math.min(...xs));
        expect(q).toBeLessThanOrEqual(Math.max(...xs));
        expect(Math.abs(q - rQuantile7(xs, p))).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(q)));
      }),
      { numRuns: 300 },
    );
  });

  it("property: cut points are quantileType7 at k/bins plus one, for any values and bins", () => {
    fc.assert(
      fc.property(anyValues, bins, (values, b) => {
        const cuts = quantileCutPoints(values, b);
        expect(cuts).toHaveLength(b - 1);
        const finite = values.filter((v) => !Number.isNaN(v));
        if (finite.length === 0) {
          expect(cuts.every(Number.isNaN)).toBe(true);
          return;
        }
        cuts.forEach((c, k) => {
          const want = rQuantile7(finite, (k + 1) / b) + 1;
          expect(Math.abs(c - want)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(want)));
          if (k > 0) expect(c).toBeGreaterThanOrEqual(cuts[k - 1]);
        });
      }),
      { numRuns: 300 },
    );
    expect(quantileCutPoints([NaN, NaN], 3).every(Number.isNaN)).toBe(true);
  });

  it("cut points are the quantiles at k/bins plus one, NaNs ignored", () => {
    const cuts = quantileCutPoints([10, NaN, 4, 1, 3, 2], 5);
    expect(cuts).toHaveLength(4);
    [2.8, 3.6, 4.4, 6.2].forEach((c, k) => expect(cuts[k]).toBeCloseTo(c, 12));
  });
});

describe("quantile scoring", () => {
  it("scores [1,2,3,4,10] as R rfm does (an empty level is not filled)", () => {
    const { f, m, r } = scoreRfm([1, 2, 3, 4, 10], [1, 2, 3, 4, 10], [1, 2, 3, 4, 10]);
    expect([...f.scores]).toEqual([1, 1, 2, 3, 5]);
    expect([...m.scores]).toEqual([1, 1, 2, 3, 5]);
    expect([...r.scores]).toEqual([5, 5, 4, 3, 1]); // recency reversed
    expect(f.levels).toBe(5);
  });

  it("gives distinct values 1..bins evenly when they divide evenly", () => {
    const values = Array.from({ length: 10 }, (_, i) => i * 10);
    const { scores } = scoreDimension(values, false, 5, undefined, "monetary");
    expect([...scores]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it("lets heavy ties share one score (many one-time buyers)", () => {
    const values = [1, 1, 1, 1, 1, 1, 1, 1, 2, 5];
    const { scores } = scoreDimension(values, false, 5, undefined, "frequency");
    expect(new Set(Array.from(scores.slice(0, 8))).size).toBe(1);
    expect(scores[0]).toBe(1);
    expect(scores[9]).toBe(5);
  });

  it("scores NaN inputs 0 and ignores them in the cut points", () => {
    // Two finite values per dimension: the one cut point is their midpoint + 1.
    const { r, f, m } = scoreRfm([NaN, 1, 10], [30, NaN, 1], [5, 60, NaN], { bins: 2 });
    expect([...r.scores]).toEqual([0, 2, 1]);
    expect([...f.scores]).toEqual([2, 0, 1]);
    expect([...m.scores]).toEqual([1, 2, 0]);
    expect(r.thresholds).toEqual([6.5]);
    expect(f.thresholds).toEqual([16.5]);
    // Values closer together than the +1 shift land in one score.
    expect([...scoreRfm([1, 2], [1, 2], [1, 2], { bins: 2 }).m.scores]).toEqual([1, 1]);
  });

  it("throws binsOutOfRange for bins outside 2..10 or not whole", () => {
    for (const b of [0, 1, 11, 100, -5, 2.5, NaN, Infinity]) {
      expect(expectCoreError(() => scoreRfm([1], [1], [1], { bins: b }), "binsOutOfRange").details).toEqual({ value: b });
      expectCoreError(() => checkBins(b), "binsOutOfRange");
      expectCoreError(() => quantileCutPoints([1, 2], b), "binsOutOfRange");
    }
    for (let b = MIN_BINS; b <= MAX_BINS; b++) expect(() => checkBins(b)).not.toThrow();
  });

  it("property: scores lie in 1..bins (0 only for NaN)", () => {
    fc.assert(
      fc.property(anyValues, bins, fc.boolean(), (values, b, reverse) => {
        const { scores, levels, thresholds } = scoreDimension(values, reverse, b, undefined, "x");
        expect(levels).toBe(b);
        expect(thresholds).toHaveLength(b - 1);
        values.forEach((v, i) => {
          if (Number.isNaN(v)) expect(scores[i]).toBe(0);
          else {
            expect(scores[i]).toBeGreaterThanOrEqual(1);
            expect(scores[i]).toBeLessThanOrEqual(b);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it("property: equal values get equal scores; larger values never score lower; recency is reversed", () => {
    fc.assert(
      fc.property(anyValues, bins, (values, b) => {
        const { r, f } = scoreRfm(values, values, values, { bins: b });
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            const vi = values[i];
            const vj = values[j];
            if (Number.isNaN(vi) || Number.isNaN(vj)) continue;
            if (vi === vj) {
              expect(f.scores[i]).toBe(f.scores[j]);
              expect(r.scores[i]).toBe(r.scores[j]);
            } else if (vi < vj) {
              expect(f.scores[i]).toBeLessThanOrEqual(f.scores[j]);
              // smaller recency (more recent) never scores lower
              expect(r.scores[i]).toBeGreaterThanOrEqual(r.scores[j]);
            }
          }
          if (!Number.isNaN(values[i])) expect(r.scores[i]).toBe(b + 1 - f.scores[i]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("property: the smallest value always scores 1 (the first cut point is at least min + 1)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 60 }), bins, (values, b) => {
        const { scores } = scoreDimension(values, false, b, undefined, "m");
        const lowest = Math.min(...values);
        values.forEach((v, i) => {
          if (v === lowest) expect(scores[i]).toBe(1);
        });
      }),
      { numRuns: 200 },
    );
  });

  it("property: score = 1 + number of R rfm cut points at or below the value, to the last bit", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 40 }), bins, (values, b) => {
        const cuts = rfmPackageCuts(values, b);
        const { scores } = scoreDimension(values, false, b, undefined, "m");
        values.forEach((v, i) => {
          expect(scores[i]).toBe(1 + cuts.filter((c) => v >= c).length);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("agrees with R rfm exactly on a 995-customer integer column with heavy ties, for every bins", () => {
    // Deterministic spread of integer frequencies with heavy ties.
    const values = Array.from({ length: 995 }, (_, i) => 1 + ((i * 7919) % 13) + (i % 3 === 0 ? 0 : (i * 31) % 5));
    for (let b = MIN_BINS; b <= MAX_BINS; b++) {
      const want = rfmPackageScores(values, b);
      const got = Array.from(scoreDimension(values, false, b, undefined, "f").scores);
      expect(got, `bins ${b}`).toEqual(want);
    }
  });

  // R rfm 0.3.0's cut points are quantile(x, probs = seq(0, 1, length.out = bins + 1)) + 1, i.e.
  // p_k = k · (1/bins) (seq's arithmetic: 3 · 0.2 = 0.6000000000000001), index = 1 + (n − 1)·p, and
  // (1 − h)·x[lo] + h·x[hi] (stats:::quantile.default, type 7). An algebraically equal formula
  // differs in the last bit, which decides the score of a value sitting exactly on a cut point.
  // Example: monetary [6, 1], bins 5: R's cut points are 3, 3.9999999999999996, 5,
  // 6.000000000000001, so R scores 6 as 4. (Derived by replaying R's arithmetic in IEEE doubles.)
  it("scores values on a cut point exactly as R rfm does", () => {
    expect(Array.from(scoreDimension([6, 1], false, 5, undefined, "m").scores)).toEqual(rfmPackageScores([6, 1], 5));
    expect(Array.from(scoreDimension([6, 1], false, 5, undefined, "m").scores)).toEqual([4, 1]);
    expect(Array.from(scoreDimension([1, 6], false, 10, undefined, "m").scores)).toEqual([1, 8]);
  });
});

describe("breakpoint scoring", () => {
  it("monetary [500, 1000]: each threshold is the inclusive top of the band below", () => {
    const { m } = scoreRfm([0, 0, 0, 0, 0], [1, 1, 1, 1, 1], [500, 750, 1000, 1001, 0], { breakpoints: { monetary: [500, 1000] } });
    expect([...m.scores]).toEqual([1, 2, 2, 3, 1]);
    expect(m.levels).toBe(3);
    expect(m.thresholds).toEqual([500, 1000]);
  });

  it("recency [30, 90]: ≤ 30 days → 3, 31–90 → 2, > 90 → 1", () => {
    const { r } = scoreRfm([0, 30, 31, 90, 91, 400], [1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1], { breakpoints: { recency: [30, 90] } });
    expect([...r.scores]).toEqual([3, 3, 2, 2, 1, 1]);
    expect(r.levels).toBe(3);
  });

  it("mixes breakpoints for one dimension with quantiles for the others", () => {
    const { r, f, m } = scoreRfm([1, 2, 3, 4], [1, 2, 3, 4], [10, 20, 30, 40], { bins: 4, breakpoints: { frequency: [2] } });
    expect(f.levels).toBe(2);
    expect([...f.scores]).toEqual([1, 1, 2, 2]);
    expect(r.levels).toBe(4);
    expect(m.levels).toBe(4);
    expect([...m.scores]).toEqual([1, 2, 3, 4]);
    // An empty breakpoint list means "use quantiles".
    expect(scoreRfm([1, 2], [1, 2], [1, 2], { bins: 2, breakpoints: { monetary: [] } }).m.levels).toBe(2);
  });

  it("scores NaN 0 with breakpoints too", () => {
    const { m } = scoreRfm([1, 1], [1, 1], [NaN, 600], { breakpoints: { monetary: [500, 1000] } });
    expect([...m.scores]).toEqual([0, 2]);
  });

  it("throws breakpointsOrder for non-increasing or non-finite breakpoints", () => {
    for (const bp of [[1000, 500], [500, 500], [1, 2, 2], [NaN], [1, Infinity]]) {
      const e = expectCoreError(() => scoreRfm([1], [1], [1], { breakpoints: { monetary: bp } }), "breakpointsOrder");
      expect(e.details).toEqual({ dimension: "monetary" });
    }
    expect(expectCoreError(() => scoreRfm([1], [1], [1], { breakpoints: { recency: [90, 30] } }), "breakpointsOrder").details).toEqual({ dimension: "recency" });
  });

  it("allows up to 9 breakpoints (10 levels) and refuses 10", () => {
    const nine = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    expect(scoreRfm([1], [1], [10], { breakpoints: { monetary: nine } }).m).toMatchObject({ levels: 10 });
    expect(scoreRfm([1], [1], [10], { breakpoints: { monetary: nine } }).m.scores[0]).toBe(10);
    expectCoreError(() => scoreRfm([1], [1], [1], { breakpoints: { monetary: [...nine, 10] } }), "tooManyBreakpoints");
  });

  it("property: breakpoint scores are 1 + number of thresholds strictly below the value, reversed for recency", () => {
    const breakpoints = fc.uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 9 }).map((a) => a.sort((x, y) => x - y));
    fc.assert(
      fc.property(breakpoints, fc.array(fc.integer({ min: -1200, max: 1200 }), { maxLength: 30 }), (bp, values) => {
        const { r, m } = scoreRfm(values, values, values, { breakpoints: { recency: bp, monetary: bp } });
        values.forEach((v, i) => {
          const s = 1 + bp.filter((t) => v > t).length;
          expect(m.scores[i]).toBe(s);
          expect(r.scores[i]).toBe(bp.length + 2 - s);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe("rfmCode and wide scoring", () => {
  it("writes three digits, or separated scores when wide, and nothing when a score is missing", () => {
    expect(rfmCode(5, 4, 5)).toBe("545");
    expect(rfmCode(1, 1, 1)).toBe("111");
    expect(rfmCode(10, 5, 4, true)).toBe("10-5-4");
    expect(rfmCode(3, 5, 4, true)).toBe("3-5-4");
    expect(rfmCode(0, 5, 4)).toBe("");
    expect(rfmCode(5, 0, 4, true)).toBe("");
    expect(rfmCode(5, 4, 0)).toBe("");
  });

  it("is wide exactly when a dimension has 10 levels", () => {
    const v = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(isWideScoring(scoreRfm(v, v, v, { bins: 9 }))).toBe(false);
    expect(isWideScoring(scoreRfm(v, v, v, { bins: 10 }))).toBe(true);
    expect(isWideScoring(scoreRfm(v, v, v, { bins: 5, breakpoints: { monetary: [1, 2, 3, 4, 5, 6, 7, 8, 9] } }))).toBe(true);
  });

  it("property: wide codes of distinct scorings are distinct", () => {
    fc.assert(
      fc.property(fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 })), fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 })), (a, b) => {
        const same = a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
        expect(rfmCode(a[0], a[1], a[2], true) === rfmCode(b[0], b[1], b[2], true)).toBe(same);
      }),
    );
  });
});

describe("scoring a customer summary", () => {
  const tx = readTransactions({
    customers: ["A", "A", "A", "B", "B", "C"],
    dates: ["2024-01-01", "2024-01-01", "2024-01-05", "2024-01-02", "2024-01-03", "2024-01-04"],
    amounts: [10, 10, 40, 100, 100, 5],
  });
  const summary = summarizeCustomers(tx);

  it("uses orders and total amount by default", () => {
    const x = rfmInputs(summary);
    expect([...x.frequency]).toEqual([3, 2, 1]);
    expect([...x.monetary]).toEqual([60, 200, 5]);
    expect([...x.recencyDays]).toEqual([0, 2, 1]);
  });

  it("uses distinct days and average amount when asked", () => {
    const x = rfmInputs(summary, { frequencyBasis: "days", monetaryBasis: "average" });
    expect([...x.frequency]).toEqual([2, 2, 1]);
    expect([...x.monetary]).toEqual([20, 100, 5]);
  });

  it("scoreCustomers scores those columns", () => {
    const s = scoreCustomers(summary, { bins: 3 });
    expect(s.r.levels).toBe(3);
    expect([...s.m.scores]).toEqual([...scoreRfm(summary.recencyDays, summary.orders, summary.totalAmount, { bins: 3 }).m.scores]);
    // A is the most recent, so the highest recency score; B spends the most.
    expect(s.r.scores[0]).toBe(3);
    expect(s.m.scores[1]).toBe(3);
    expect(s.m.scores[2]).toBe(1);
  });
});
