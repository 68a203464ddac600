import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectCoreError } from "../../support/core-error";
import {
  DEFAULT_BAND_SHARES,
  NO_BAND,
  SCORE_TIER_KEYS,
  bandOfScore,
  checkScoreBands,
  scoreCustomers,
  type ScoreBands,
  type ScoreDirection,
  type ScoreMethod,
} from "../../../src/core/tiers/score";

const list = (a: ArrayLike<number>) => Array.from(a);
const round = (a: ArrayLike<number>, digits = 6) => Array.from(a, (v) => (v !== v ? NaN : Number(v.toFixed(digits))));

describe("scoreCustomers: normalisation and weights", () => {
  it("percentile: mid-ranks scaled 0..1, lower-is-better flipped, weights normalised", () => {
    // m1 ranks 0, 1/3, 2/3, 1; m2 (lower is better) 4 3 2 1 → 0, 1/3, 2/3, 1.
    const r = scoreCustomers([[10, 20, 30, 40], [4, 3, 2, 1]], { weights: [2, 2], directions: ["higher", "lower"] });
    expect(round(r.score)).toEqual([0, 33.333333, 66.666667, 100]);
    expect(list(r.weights)).toEqual([0.5, 0.5]);
  });

  it("percentile: tied values share the mean of their positions", () => {
    // Sorted 1, 5, 5, 9: 1 → 0, the 5s → positions 1 and 2 → 1.5 / 3 = 0.5, 9 → 1.
    expect(list(scoreCustomers([[5, 5, 1, 9]], { weights: [1] }).score)).toEqual([50, 50, 0, 100]);
    // One value, or all equal: 0.5.
    expect(list(scoreCustomers([[7]], { weights: [1] }).score)).toEqual([50]);
    expect(list(scoreCustomers([[3, 3, 3]], { weights: [1] }).score)).toEqual([50, 50, 50]);
  });

  it("minmax: (v − min) / (max − min), a constant column 0.5", () => {
    expect(list(scoreCustomers([[0, 50, 100, 25]], { weights: [1], method: "minmax" }).score)).toEqual([0, 50, 100, 25]);
    expect(list(scoreCustomers([[0, 50, 100, 25]], { weights: [1], method: "minmax", directions: ["lower"] }).score)).toEqual([100, 50, 0, 75]);
    expect(list(scoreCustomers([[4, 4]], { weights: [1], method: "minmax" }).score)).toEqual([50, 50]);
  });

  it("weights 3 : 1 mix two normalised columns", () => {
    // minmax: m1 0, 0.5, 1; m2 1, 0, 0.5 → 75·x1 + 25·x2.
    const r = scoreCustomers([[0, 5, 10], [20, 0, 10]], { weights: [3, 1], method: "minmax" });
    expect(list(r.score)).toEqual([25, 37.5, 87.5]);
    expect(list(r.weights)).toEqual([0.75, 0.25]);
  });

  it("a metric with weight 0 is left out altogether", () => {
    const r = scoreCustomers([[1, 2, 3], [9, 8, NaN]], { weights: [1, 0] });
    expect(list(r.score)).toEqual([0, 50, 100]);
    // A row whose only value is in a weight-0 metric has no score.
    const only = scoreCustomers([[NaN, 2, 3], [9, 8, 7]], { weights: [1, 0] });
    expect(only.score[0]).toBeNaN();
    expect(only.band[0]).toBe(NO_BAND);
  });

  it("rounds scores to 9 decimals, so scores equal on paper tie", () => {
    // Three metrics of thirds: 100·(1/3 + 1/3 + 1/3) added in different orders.
    const r = scoreCustomers([[0, 1, 0.5], [1, 0, 0.5], [0.5, 0.5, 0]], { weights: [1, 1, 1], method: "minmax" });
    for (const s of r.score) expect(Math.round(s * 1e9) / 1e9).toBe(s);
  });
});

describe("scoreCustomers: the blank rule", () => {
  it("leaves a blank metric out of the row's score and renormalises the row's weights", () => {
    // m1 (percentile) 0, 0.5, 1; m2 over its two values 0, 1 (the blank is not ranked).
    const r = scoreCustomers([[1, 2, 3], [NaN, 10, 20]], { weights: [3, 1] });
    // Row 0 has only m1: 100 · 0. Row 1: (3 · 0.5 + 1 · 0) / 4. Row 2: 100.
    expect(list(r.score)).toEqual([0, 37.5, 100]);
  });

  it("does not treat a blank as zero", () => {
    // Row 0 is the best on m1 and has no m2: it scores on m1 alone (100), not as the worst on m2 (50).
    const withBlank = scoreCustomers([[10, 5], [NaN, 3]], { weights: [1, 1], method: "minmax" });
    expect(list(withBlank.score)).toEqual([100, 25]); // row 1: (0 + 0.5 for a one-value column) / 2
    const withZero = scoreCustomers([[10, 5], [0, 3]], { weights: [1, 1], method: "minmax" });
    expect(list(withZero.score)).toEqual([50, 50]);
  });

  it("gives a row without any metric no score and no band, and leaves it out of the band shares", () => {
    const r = scoreCustomers([[NaN, 1, 2, 3, 4], [NaN, NaN, 1, 1, 1]], { weights: [1, 1], bands: { kind: "shares", shares: [0.25] } });
    expect(r.score[0]).toBeNaN();
    expect(r.band[0]).toBe(NO_BAND);
    expect(r.nextBand[0]).toBe(-1);
    expect(r.nextBandGap[0]).toBeNaN();
    // 4 scored rows, 25 % → exactly one in the top band.
    expect(list(r.band).filter((b) => b === 0)).toHaveLength(1);
  });

  it("scores an all-blank input as all NaN without failing", () => {
    const r = scoreCustomers([[NaN, NaN]], { weights: [1] });
    expect(list(r.score).every((s) => s !== s)).toBe(true);
    expect(list(r.band)).toEqual([NO_BAND, NO_BAND]);
    expect(list(r.bandMin).every((s) => s !== s)).toBe(true);
  });
});

describe("scoreCustomers: bands", () => {
  const twenty = Array.from({ length: 20 }, (_, i) => i + 1);

  it("default shares 5 / 15 / 30 / 30 / rest on 20 distinct scores: 1, 3, 6, 6, 4", () => {
    const r = scoreCustomers([twenty], { weights: [1] });
    expect(r.bandCount).toBe(5);
    const sizes = [0, 1, 2, 3, 4].map((b) => list(r.band).filter((x) => x === b).length);
    expect(sizes).toEqual([1, 3, 6, 6, 4]);
    expect(r.band[19]).toBe(0);
    expect(r.band[0]).toBe(4);
    // Band minima as applied: positions 19, 16, 10, 4, 0 → 100·k/19.
    expect(round(r.bandMin)).toEqual(round([19, 16, 10, 4, 0].map((k) => (100 * k) / 19)));
    expect(SCORE_TIER_KEYS[r.band[19]]).toBe("diamond");
    expect(DEFAULT_BAND_SHARES).toEqual([0.05, 0.15, 0.3, 0.3]);
  });

  it("ties share a band, even when that makes a band larger than its share", () => {
    // Four equal top scores of 10: the top band (25 %) would hold 2.5; it takes all four tied.
    const r = scoreCustomers([[9, 9, 9, 9, 5, 4, 3, 2, 1, 0]], { weights: [1], bands: { kind: "shares", shares: [0.25, 0.25] } });
    expect(list(r.band)).toEqual([0, 0, 0, 0, 1, 2, 2, 2, 2, 2]);
  });

  it("can leave a band empty (NaN minimum) and then points to the band above it", () => {
    // Half the rows tie at the top (band 0). The next group has 3 of 6 above: 0.5 is not below the
    // cumulative 0.05, 0.2 or 0.5, but below 0.8 → band 3; the last has 5/6 above → band 4.
    const r = scoreCustomers([[1, 1, 1, 0, 0, -1]], { weights: [1], method: "minmax" });
    expect(list(r.band)).toEqual([0, 0, 0, 3, 3, 4]);
    expect(list(r.bandMin)).toEqual([100, NaN, NaN, 50, 0]);
    expect(r.nextBand[3]).toBe(0); // bands 1 and 2 are empty: the next band up is 0
    expect(r.nextBandGap[3]).toBe(50);
    expect(r.nextBand[5]).toBe(3);
    expect(r.nextBandGap[5]).toBe(50);
  });

  it("a share within 1e-9 of a cut is at the cut (0.1 + 0.2 is 0.3)", () => {
    // 10 rows, shares 0.1, 0.2: cumulative 0.30000000000000004; the 4th row has 0.3 above → band 2.
    const r = scoreCustomers([Array.from({ length: 10 }, (_, i) => 10 - i)], { weights: [1], bands: { kind: "shares", shares: [0.1, 0.2] } });
    expect(list(r.band)).toEqual([0, 1, 1, 2, 2, 2, 2, 2, 2, 2]);
  });

  it("thresholds: band k = score ≥ thresholds[k]; gaps to the threshold above", () => {
    const r = scoreCustomers([[0, 25, 50, 74.5, 75, 89.999, 90, 100]], { weights: [1], method: "minmax", bands: { kind: "thresholds", thresholds: [90, 75, 50, 25] } });
    expect(list(r.score)).toEqual([0, 25, 50, 74.5, 75, 89.999, 90, 100]);
    expect(list(r.band)).toEqual([4, 3, 2, 2, 1, 1, 0, 0]);
    expect(list(r.bandMin)).toEqual([90, 75, 50, 25, 0]);
    expect(round(r.nextBandGap)).toEqual([25, 25, 25, 0.5, 15, 0.001, NaN, NaN]);
    expect(list(r.nextBand)).toEqual([3, 2, 1, 1, 0, 0, -1, -1]);
  });

  it("thresholds: a score equal on paper to a threshold meets it", () => {
    // 100 · (0.7 · 1 + 0.3 · 0.5) = 85 on paper; in floating point 84.99999999999999 before rounding.
    const three = scoreCustomers([[0, 1, 1], [1, 0.5, 0]], { weights: [0.7, 0.3], method: "minmax", bands: { kind: "thresholds", thresholds: [85] } });
    expect(three.score[1]).toBe(85);
    expect(three.band[1]).toBe(0);
    expect(bandOfScore(84.99999999999999, [85, 0], 2)).toBe(0);
    expect(bandOfScore(84.999999999, [85, 0], 2)).toBe(1);
  });

  it("fewer bands take the first keys: two shares → Diamond, Platinum, Gold", () => {
    const r = scoreCustomers([[1, 2, 3, 4]], { weights: [1], bands: { kind: "shares", shares: [0.25, 0.25] } });
    expect(r.bandCount).toBe(3);
    expect(list(r.band).map((b) => SCORE_TIER_KEYS[b])).toEqual(["gold", "gold", "platinum", "diamond"]);
  });

  it("shares adding up to 1 leave the last band empty", () => {
    const r = scoreCustomers([[1, 2, 3, 4]], { weights: [1], bands: { kind: "shares", shares: [0.5, 0.5] } });
    expect(list(r.band)).toEqual([1, 1, 0, 0]);
    expect(r.bandMin[2]).toBeNaN();
  });
});

describe("scoreCustomers: options it refuses", () => {
  const m = [[1, 2]];
  it("weights: one per metric, finite, ≥ 0, not all 0", () => {
    expectCoreError(() => scoreCustomers(m, { weights: [1, 1] }), "scoreWeights", { reason: "count", expected: 1, given: 2 });
    expectCoreError(() => scoreCustomers([], { weights: [] }), "scoreWeights", { reason: "count", expected: 0 });
    expectCoreError(() => scoreCustomers(m, { weights: [-1] }), "scoreWeights", { reason: "negative", position: 1 });
    expectCoreError(() => scoreCustomers(m, { weights: [NaN] }), "scoreWeights", { reason: "notFinite" });
    expectCoreError(() => scoreCustomers(m, { weights: [Infinity] }), "scoreWeights", { reason: "notFinite" });
    expectCoreError(() => scoreCustomers([[1], [2]], { weights: [0, 0] }), "scoreWeights", { reason: "allZero" });
  });

  it("directions and method", () => {
    expectCoreError(() => scoreCustomers(m, { weights: [1], directions: ["higher", "lower"] }), "scoreDirections", { reason: "count" });
    expectCoreError(() => scoreCustomers(m, { weights: [1], directions: ["up" as ScoreDirection] }), "scoreDirections", { reason: "unknown", value: "up" });
    expectCoreError(() => scoreCustomers(m, { weights: [1], method: "zscore" as ScoreMethod }), "scoreMethod", { value: "zscore" });
  });

  it("bands: shares above 0 adding up to at most 1, thresholds descending in 0..100, at most 4", () => {
    const bands = (b: ScoreBands) => () => checkScoreBands(b);
    expectCoreError(bands({ kind: "shares", shares: [] }), "scoreBands", { reason: "none" });
    expectCoreError(bands({ kind: "shares", shares: [0.1, 0.1, 0.1, 0.1, 0.1] }), "scoreBands", { reason: "tooMany", given: 5, max: 4 });
    expectCoreError(bands({ kind: "shares", shares: [0.5, 0] }), "scoreBands", { reason: "share", position: 2 });
    expectCoreError(bands({ kind: "shares", shares: [0.6, 0.5] }), "scoreBands", { reason: "shareSum", sum: 1.1 });
    expectCoreError(bands({ kind: "thresholds", thresholds: [101] }), "scoreBands", { reason: "threshold" });
    expectCoreError(bands({ kind: "thresholds", thresholds: [50, 75] }), "scoreBands", { reason: "thresholdOrder", position: 2 });
    expectCoreError(bands({ kind: "thresholds", thresholds: [50, 50] }), "scoreBands", { reason: "thresholdOrder" });
    expect(() => checkScoreBands({ kind: "shares", shares: [0.1, 0.2, 0.3, 0.4] })).not.toThrow();
  });

  it("an infinite metric value", () => {
    expectCoreError(() => scoreCustomers([[1, 2], [3, -Infinity]], { weights: [1, 1] }), "scoreValue", { metric: 2, row: 2 });
  });

  it("columns of different lengths are a programming error", () => {
    expect(() => scoreCustomers([[1, 2], [1]], { weights: [1, 1] })).toThrow(RangeError);
  });
});

// ---------- properties ----------

/** Rows of 1..4 metrics; values small integers (many ties) or doubles, some blank. */
const metricValue = fc.oneof(fc.integer({ min: -20, max: 20 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN));
const table = fc.integer({ min: 1, max: 4 }).chain((k) =>
  fc.record({
    rows: fc.array(fc.array(metricValue, { minLength: k, maxLength: k }), { minLength: 1, maxLength: 40 }),
    weights: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 100, noNaN: true })), { minLength: k, maxLength: k }).filter((w) => w.some((x) => x > 0)),
    directions: fc.array(fc.constantFrom<ScoreDirection>("higher", "lower"), { minLength: k, maxLength: k }),
    method: fc.constantFrom<ScoreMethod>("percentile", "minmax"),
    bands: fc.oneof(
      fc.constant<ScoreBands>({ kind: "shares", shares: DEFAULT_BAND_SHARES }),
      fc.array(fc.double({ min: 0.01, max: 0.25, noNaN: true }), { minLength: 1, maxLength: 4 }).map((shares): ScoreBands => ({ kind: "shares", shares })),
      fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 4 }).map((t): ScoreBands => ({ kind: "thresholds", thresholds: t.sort((a, b) => b - a) })),
    ),
  }),
);
const columns = (rows: number[][], k: number) => Array.from({ length: k }, (_, j) => rows.map((r) => r[j]));
const run = (t: { rows: number[][]; weights: number[]; directions: ScoreDirection[]; method: ScoreMethod; bands: ScoreBands }) =>
  scoreCustomers(columns(t.rows, t.weights.length), { weights: t.weights, directions: t.directions, method: t.method, bands: t.bands });

describe("scoreCustomers: properties", () => {
  it("scores lie in 0..100, NaN exactly for rows with no weighted metric; bands and gaps agree", () => {
    fc.assert(
      fc.property(table, (t) => {
        const r = run(t);
        t.rows.forEach((row, i) => {
          const has = row.some((v, k) => v === v && t.weights[k] > 0);
          if (!has) {
            expect(r.score[i]).toBeNaN();
            expect(r.band[i]).toBe(NO_BAND);
            return;
          }
          expect(r.score[i]).toBeGreaterThanOrEqual(0);
          expect(r.score[i]).toBeLessThanOrEqual(100);
          expect(r.band[i]).toBeLessThan(r.bandCount);
          // The band follows from the limits; the gap is positive and leads into the next band.
          expect(bandOfScore(r.score[i], r.bandMin, r.bandCount)).toBe(r.band[i]);
          if (r.nextBand[i] >= 0) {
            expect(r.nextBand[i]).toBeLessThan(r.band[i]);
            expect(r.nextBandGap[i]).toBeGreaterThan(0);
            expect(bandOfScore(r.score[i] + r.nextBandGap[i], r.bandMin, r.bandCount)).toBe(r.nextBand[i]);
          } else expect(r.nextBandGap[i]).toBeNaN();
        });
      }),
    );
  });

  it("is monotone: improving one metric of one row in its direction never lowers its score nor its band", () => {
    fc.assert(
      fc.property(table, fc.nat(), fc.nat(), fc.double({ min: 0.001, max: 1e6, noNaN: true }), (t, rowPick, metricPick, step) => {
        const i = rowPick % t.rows.length;
        const k = metricPick % t.weights.length;
        const before = run(t);
        const rows = t.rows.map((r) => r.slice());
        const v = rows[i][k];
        if (v !== v) return; // a blank stays blank
        rows[i][k] = t.directions[k] === "higher" ? v + step : v - step;
        const after = run({ ...t, rows });
        if (before.score[i] !== before.score[i]) return;
        expect(after.score[i]).toBeGreaterThanOrEqual(before.score[i]);
        expect(after.band[i]).toBeLessThanOrEqual(before.band[i]);
      }),
    );
  });

  it("permuting the rows permutes the results", () => {
    fc.assert(
      fc.property(
        table.chain((t) => fc.tuple(fc.constant(t), fc.shuffledSubarray(t.rows.map((_, i) => i), { minLength: t.rows.length, maxLength: t.rows.length }))),
        ([t, perm]) => {
          const a = run(t);
          const b = run({ ...t, rows: perm.map((p) => t.rows[p]) });
          perm.forEach((p, j) => {
            expect(Object.is(b.score[j], a.score[p]) || b.score[j] === a.score[p]).toBe(true);
            expect(b.band[j]).toBe(a.band[p]);
            expect(b.nextBand[j]).toBe(a.nextBand[p]);
            expect(Object.is(b.nextBandGap[j], a.nextBandGap[p]) || b.nextBandGap[j] === a.nextBandGap[p]).toBe(true);
          });
          expect(round(b.bandMin, 9)).toEqual(round(a.bandMin, 9));
        },
      ),
    );
  });

  it("weights scaled by a constant give the same scores and bands", () => {
    fc.assert(
      fc.property(table, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (t, c) => {
        const a = run(t);
        const b = run({ ...t, weights: t.weights.map((w) => w * c) });
        for (let i = 0; i < t.rows.length; i++) {
          if (a.score[i] !== a.score[i]) expect(b.score[i]).toBeNaN();
          else expect(Math.abs(b.score[i] - a.score[i])).toBeLessThanOrEqual(1e-9);
        }
        expect(list(b.band)).toEqual(list(a.band));
      }),
    );
  });

  it("share bands: ties share a band, and the rows in bands 0..k are the cumulative share within the last tie", () => {
    fc.assert(
      fc.property(table, (t) => {
        const r = run(t);
        if (t.bands.kind !== "shares") return;
        const scored = list(r.score).map((s, i) => ({ s, b: r.band[i] })).filter((x) => x.s === x.s);
        const n = scored.length;
        // Equal scores, equal bands; a higher score never a lower band.
        for (const x of scored) for (const y of scored) if (x.s > y.s) expect(x.b).toBeLessThanOrEqual(y.b);
        let cumulative = 0;
        t.bands.shares.forEach((share, k) => {
          cumulative += share;
          const inBands = scored.filter((x) => x.b <= k);
          const lowest = Math.min(...inBands.map((x) => x.s));
          const tie = inBands.filter((x) => x.s === lowest).length;
          // At least the share (unless nobody is left), and without the lowest tie group, below it.
          if (inBands.length < n) expect(inBands.length).toBeGreaterThanOrEqual(cumulative * n - 1e-6);
          if (inBands.length > 0) expect(inBands.length - tie).toBeLessThan(cumulative * n + 1e-6);
          // Without ties the count is exactly ⌈share · n⌉ (up to the 1e-9 tolerance).
          if (new Set(scored.map((x) => x.s)).size === n) {
            const exact = Math.ceil(cumulative * n - 1e-9 * n);
            expect(inBands.length).toBe(Math.min(exact, n));
          }
        });
      }),
    );
  });
});

describe("scoreCustomers: a million rows", () => {
  it("are scored and banded by the shares (timed by `npm run bench`, not here)", () => {
    const n = 1_000_000;
    const recency = new Float64Array(n);
    const orders = new Float64Array(n);
    const revenue = new Float64Array(n);
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < n; i++) {
      recency[i] = Math.floor(random() * 365);
      orders[i] = 1 + Math.floor(random() * 20);
      revenue[i] = i % 10 === 0 ? NaN : random() * 1000;
    }
    const r = scoreCustomers([recency, orders, revenue], { weights: [1, 1, 2], directions: ["lower", "higher", "higher"] });
    // Scores are nearly distinct: the bands hold their shares of the million.
    const sizes = [0, 0, 0, 0, 0];
    for (const b of r.band) sizes[b]++;
    [0.05, 0.15, 0.3, 0.3, 0.2].forEach((share, b) => expect(Math.abs(sizes[b] - share * n)).toBeLessThan(100));
  });
});
