import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectCoreError } from "../../support/core-error";
import { scoreRfm, type DimensionScores, type RfmScores } from "../../../src/core/tiers/rfm";
import {
  CN8_SEGMENTS,
  NO_SEGMENT,
  OTHERS,
  RFM_VIGNETTE_RULES,
  type SegmentRule,
  readSegmentRules,
  segmentByRules,
  segmentCn8,
  segmentCustomers,
  toFivePointScale,
} from "../../../src/core/tiers/segments";

function dim(scores: readonly number[], levels = 5): DimensionScores {
  return { scores: Uint8Array.from(scores), levels, thresholds: [] };
}

/** Scores from triples [r, f, m], all on the same scale. */
function triples(ts: readonly (readonly [number, number, number])[], levels = 5): RfmScores {
  return { r: dim(ts.map((t) => t[0]), levels), f: dim(ts.map((t) => t[1]), levels), m: dim(ts.map((t) => t[2]), levels) };
}

function segmentNames(ts: readonly (readonly [number, number, number])[], levels = 5): string[] {
  const seg = segmentCustomers(triples(ts, levels), "rfm");
  return Array.from(seg.index, (i) => (i === NO_SEGMENT ? "-" : seg.names[i]));
}


describe("R rfm vignette segments", () => {
  it("lists the vignette's segments in the vignette's order", () => {
    expect(RFM_VIGNETTE_RULES.map((r) => r.name)).toEqual([
      "champions",
      "potentialLoyalist",
      "loyalCustomers",
      "promising",
      "newCustomers",
      "cantLoseThem",
      "atRisk",
      "needAttention",
      "aboutToSleep",
      "lost",
    ]);
  });

  it("each rule is reached by a hand-made score triple that no earlier rule takes", () => {
    const cases: [[number, number, number], string][] = [
      [[5, 5, 5], "champions"],
      [[5, 5, 4], "potentialLoyalist"],
      [[3, 3, 2], "potentialLoyalist"],
      [[2, 2, 2], "loyalCustomers"],
      [[4, 2, 4], "loyalCustomers"],
      [[3, 1, 3], "promising"],
      [[4, 1, 5], "promising"],
      [[5, 1, 1], "newCustomers"],
      [[4, 3, 1], "newCustomers"],
      [[1, 3, 4], "cantLoseThem"],
      [[2, 4, 5], "cantLoseThem"],
      [[1, 5, 5], "atRisk"],
      [[1, 2, 4], "atRisk"],
      [[1, 3, 3], "needAttention"],
      [[1, 5, 3], "needAttention"],
      [[2, 1, 1], "aboutToSleep"],
      [[3, 1, 1], "aboutToSleep"],
      [[1, 1, 1], "lost"],
      [[1, 2, 3], "lost"],
      [[2, 5, 1], OTHERS],
      [[5, 5, 1], OTHERS],
      [[2, 1, 5], OTHERS],
    ];
    expect(segmentNames(cases.map((c) => c[0]))).toEqual(cases.map((c) => c[1]));
  });

  it("first match wins: 5-5-5 also fits potentialLoyalist's bounds but is a champion", () => {
    const potential = RFM_VIGNETTE_RULES[1];
    for (const bounds of [potential.r, potential.f, potential.m]) expect(bounds[0] <= 5 && 5 <= bounds[1]).toBe(true);
    expect(segmentNames([[5, 5, 5]])).toEqual(["champions"]);
  });

  it("gives customers without a score NO_SEGMENT, and names end with others", () => {
    const seg = segmentCustomers(triples([[0, 5, 5], [5, 0, 5], [5, 5, 0], [5, 5, 5]]), "rfm");
    expect([...seg.index]).toEqual([NO_SEGMENT, NO_SEGMENT, NO_SEGMENT, 0]);
    expect(seg.names).toEqual([...RFM_VIGNETTE_RULES.map((r) => r.name), OTHERS]);
    expect(seg.builtIn).toBe(true);
  });

  it("maps 10-level scores onto the 1..5 scale before the rules", () => {
    expect(segmentNames([[10, 10, 10], [9, 9, 9], [1, 1, 1], [2, 2, 2], [8, 8, 8]], 10)).toEqual([
      "champions",
      "champions",
      "lost",
      "lost",
      "potentialLoyalist",
    ]);
  });

  it("property: every triple on 1..5 lands in the first rule it fits, or others", () => {
    const score = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(fc.array(fc.tuple(score, score, score), { minLength: 1, maxLength: 30 }), (ts) => {
        const seg = segmentCustomers(triples(ts), "rfm");
        ts.forEach(([r, f, m], i) => {
          const k = seg.index[i];
          const inside = (rule: SegmentRule) => r >= rule.r[0] && r <= rule.r[1] && f >= rule.f[0] && f <= rule.f[1] && m >= rule.m[0] && m <= rule.m[1];
          expect(k).toBeLessThanOrEqual(RFM_VIGNETTE_RULES.length);
          if (k < RFM_VIGNETTE_RULES.length) expect(inside(RFM_VIGNETTE_RULES[k])).toBe(true);
          for (let j = 0; j < k; j++) expect(inside(RFM_VIGNETTE_RULES[j])).toBe(false);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe("toFivePointScale", () => {
  it("is the identity for 5 levels", () => {
    for (let s = 1; s <= 5; s++) expect(toFivePointScale(s, 5)).toBe(s);
  });

  it("pairs 10 levels onto 5", () => {
    expect(Array.from({ length: 10 }, (_, i) => toFivePointScale(i + 1, 10))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it("property: for any 2..10 levels the result is in 1..5 and non-decreasing in the score", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), (levels) => {
        let previous = 0;
        for (let s = 1; s <= levels; s++) {
          const v = toFivePointScale(s, levels);
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(Math.max(1, previous));
          expect(v).toBeLessThanOrEqual(5);
          previous = v;
        }
        expect(toFivePointScale(1, levels)).toBe(1);
      }),
    );
  });

  // BUG (src/core/tiers/segments.ts, toFivePointScale): 1 + floor((s − 1)·5 / levels) maps the lowest
  // score to 1 but never maps the top score to 5 for 2, 3 or 4 levels (2 → {1, 3}, 3 → {1, 2, 4},
  // 4 → {1, 2, 3, 4}). With bins 2–4 nobody can be a "champion" (5-5-5) while "lost" (R = 1) stays
  // reachable. An endpoint-preserving map such as round(1 + (s − 1)·4 / (levels − 1)) keeps 5 → 5
  // and 10 → pairs except at the middle.
  it("maps the top score of every scale to 5", () => {
    for (let levels = 2; levels <= 10; levels++) expect(toFivePointScale(levels, levels), `levels ${levels}`).toBe(5);
  });
});

describe("cn8", () => {
  it("calls a dimension high when the score is strictly above that dimension's mean", () => {
    // Means: R = 3, F = 3, M = 3; a score equal to the mean is low.
    const scores = triples([
      [5, 5, 5],
      [1, 1, 1],
      [3, 3, 3],
      [4, 2, 5],
      [2, 4, 1],
    ]);
    const seg = segmentCn8(scores);
    expect(seg.means).toEqual({ r: 3, f: 3, m: 3 });
    expect(Array.from(seg.index, (i) => seg.names[i])).toEqual([
      "importantValue", // R high, F high, M high
      "generalRetain", // all low
      "generalRetain", // equal to the mean is low
      "importantDevelop", // R high, F low, M high
      "generalKeep", // R low, F high, M low
    ]);
    expect(seg.names).toEqual([...CN8_SEGMENTS]);
    expect(seg.builtIn).toBe(true);
  });

  it("indexes segments as (M low ? 4 : 0) + (R low ? 2 : 0) + (F low ? 1 : 0)", () => {
    const seg = segmentCn8(triples([[5, 1, 5], [1, 5, 5], [1, 1, 5], [5, 5, 1], [3, 3, 3], [3, 3, 3], [3, 3, 3], [3, 3, 3]]));
    // Means: R = 3, F = 3, M = 3.5
    expect(seg.means!.m).toBe(3.5);
    expect(Array.from(seg.index.slice(0, 4))).toEqual([1, 2, 3, 4]);
    expect(seg.names[1]).toBe("importantDevelop");
    expect(seg.names[2]).toBe("importantKeep");
    expect(seg.names[3]).toBe("importantRetain");
    expect(seg.names[4]).toBe("generalValue");
  });

  it("leaves unscored customers out of the means and out of the segments", () => {
    const seg = segmentCustomers(triples([[0, 5, 5], [4, 4, 4], [2, 2, 2]]), "cn8");
    expect(seg.means).toEqual({ r: 3, f: 11 / 3, m: 11 / 3 });
    expect(seg.index[0]).toBe(NO_SEGMENT);
    expect(seg.names[seg.index[1]]).toBe("importantValue");
    expect(seg.names[seg.index[2]]).toBe("generalRetain");
  });

  it("property: high means above the mean, on every dimension", () => {
    const score = fc.integer({ min: 1, max: 5 });
    fc.assert(
      fc.property(fc.array(fc.tuple(score, score, score), { minLength: 1, maxLength: 40 }), (ts) => {
        const seg = segmentCn8(triples(ts));
        const mean = (k: 0 | 1 | 2) => ts.reduce((s, t) => s + t[k], 0) / ts.length;
        ts.forEach(([r, f, m], i) => {
          const expected = (m > mean(2) ? 0 : 4) + (r > mean(0) ? 0 : 2) + (f > mean(1) ? 0 : 1);
          expect(seg.index[i]).toBe(expected);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe("custom rules", () => {
  it("segments by the user's rules without mapping scores, first match wins", () => {
    const rules: SegmentRule[] = [
      { name: "VIP", r: [8, 10], f: [8, 10], m: [8, 10] },
      { name: "Active", r: [6, 10], f: [1, 10], m: [1, 10] },
    ];
    const seg = segmentCustomers(triples([[9, 9, 9], [10, 1, 1], [5, 10, 10], [0, 1, 1]], 10), rules);
    expect(seg.names).toEqual(["VIP", "Active", OTHERS]);
    expect(seg.builtIn).toBe(false);
    expect([...seg.index]).toEqual([0, 1, 2, NO_SEGMENT]);
  });

  it("refuses an unknown scheme name", () => {
    expect(expectCoreError(() => segmentCustomers(triples([[1, 1, 1]]), "abc" as never), "unknownScheme").details).toEqual({ value: "abc" });
  });

  it("segmentByRules with builtIn = false compares the raw scores", () => {
    const rules: SegmentRule[] = [{ name: "top", r: [10, 10], f: [1, 10], m: [1, 10] }];
    const seg = segmentByRules(triples([[10, 1, 1], [9, 1, 1]], 10), rules, false);
    expect([...seg.index]).toEqual([0, 1]);
  });
});

describe("readSegmentRules", () => {
  const header = ["Segment", "R min", "R max", "F min", "F max", "M min", "M max"];

  it("reads rules after a header row, with blank bounds open", () => {
    const rules = readSegmentRules([
      header,
      ["Best", 4, 5, 4, 5, 4, 5],
      ["  Sleeping ", null, 2, "", "", "1", "3"],
      [null, null, null, null, null, null, null],
      ["Rest", "", "", "", "", "", ""],
    ]);
    expect(rules).toEqual([
      { name: "Best", r: [4, 5], f: [4, 5], m: [4, 5] },
      { name: "Sleeping", r: [-Infinity, 2], f: [-Infinity, Infinity], m: [1, 3] },
      { name: "Rest", r: [-Infinity, Infinity], f: [-Infinity, Infinity], m: [-Infinity, Infinity] },
    ]);
  });

  it("reads a table without a header row", () => {
    // A first row with a typo in a bound is a bad rule, not a header row to skip.
    expect(expectCoreError(() => readSegmentRules([["VIP", 5, "5x", 1, 5, 1, 5], ["Rest"]]), "badRule").details).toMatchObject({ row: 1, column: "R max", value: "5x" });
    // A lone rule with a fractional bound is a bad rule, not a header row.
    expect(expectCoreError(() => readSegmentRules([["Best", 4.5, 5, 1, 5, 1, 5]]), "badRule").details).toMatchObject({ row: 1, problem: "ruleBound", column: "R min" });
    expect(readSegmentRules([["Best", 5, 5, 5, 5, 5, 5]])).toEqual([{ name: "Best", r: [5, 5], f: [5, 5], m: [5, 5] }]);
  });

  it("treats missing trailing cells as blank (open) bounds", () => {
    expect(readSegmentRules([["Any"]])).toEqual([{ name: "Any", r: [-Infinity, Infinity], f: [-Infinity, Infinity], m: [-Infinity, Infinity] }]);
  });

  it("reports a bad bound with its 1-based row and column", () => {
    const e = expectCoreError(() => readSegmentRules([header, ["Best", 4, 5, "x", 5, 4, 5]]), "badRule");
    expect(e.details).toEqual({ row: 2, problem: "ruleBound", column: "F min", value: "x" });
    expect(expectCoreError(() => readSegmentRules([header, ["A", 1, 2, 1, 2, 1, 2], ["B", 1, 2.5, 1, 2, 1, 2]]), "badRule").details).toMatchObject({
      row: 3,
      problem: "ruleBound",
      column: "R max",
      value: "2.5",
    });
    expect(expectCoreError(() => readSegmentRules([header, ["B", 1, 2, 1, 2, 1, "#N/A"]]), "badRule").details).toMatchObject({ row: 2, column: "M max" });
  });

  it("reports min > max with the row and dimension", () => {
    expect(expectCoreError(() => readSegmentRules([header, ["Best", 4, 5, 5, 4, 4, 5]]), "badRule").details).toEqual({ row: 2, problem: "ruleRange", column: "F" });
    expect(expectCoreError(() => readSegmentRules([["Best", 1, 1, 1, 1, 3, 2]]), "badRule").details).toEqual({ row: 1, problem: "ruleRange", column: "M" });
  });

  it("reports a blank name with its row", () => {
    expect(expectCoreError(() => readSegmentRules([header, ["A", 1, 2, 1, 2, 1, 2], ["  ", 1, 2, 1, 2, 1, 2]]), "badRule").details).toEqual({ row: 3, problem: "ruleNameBlank" });
  });

  it("refuses a table with no rules", () => {
    expectCoreError(() => readSegmentRules([]), "badRule");
    expectCoreError(() => readSegmentRules([header]), "badRule");
    expectCoreError(() => readSegmentRules([header, [null, "", ""]]), "badRule");
  });

  it("only the first row may be a header", () => {
    expect(expectCoreError(() => readSegmentRules([["A", 1, 2, 1, 2, 1, 2], header]), "badRule").details).toMatchObject({ row: 2, problem: "ruleBound", column: "R min" });
  });

  it("read rules drive segmentCustomers", () => {
    const rules = readSegmentRules([header, ["Top", 5, "", "", "", "", ""], ["Low", "", 2, "", "", "", ""]]);
    const seg = segmentCustomers(triples([[5, 1, 1], [1, 5, 5], [3, 3, 3]]), rules);
    expect(Array.from(seg.index, (i) => seg.names[i])).toEqual(["Top", "Low", OTHERS]);
  });
});

describe("order independence", () => {
  it("property: permuting customers permutes their scores and segments, in every scheme", () => {
    const customer = fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 5000 }));
    fc.assert(
      fc.property(fc.array(customer, { minLength: 1, maxLength: 60 }), fc.integer({ min: 2, max: 10 }), fc.constantFrom("rfm", "cn8"), fc.infiniteStream(fc.nat()), (rows, bins, scheme, seeds) => {
        const order = rows.map((_, i) => i);
        for (let i = order.length - 1; i > 0; i--) {
          const j = seeds.next().value % (i + 1);
          [order[i], order[j]] = [order[j], order[i]];
        }
        const score = (rs: typeof rows) => {
          const scores = scoreRfm(rs.map((r) => r[0]), rs.map((r) => r[1]), rs.map((r) => r[2]), { bins });
          const seg = segmentCustomers(scores, scheme as "rfm" | "cn8");
          return rs.map((_, i) => [scores.r.scores[i], scores.f.scores[i], scores.m.scores[i], seg.names[seg.index[i]]]);
        };
        const straight = score(rows);
        const shuffled = score(order.map((i) => rows[i]));
        order.forEach((from, to) => expect(shuffled[to]).toEqual(straight[from]));
      }),
      { numRuns: 200 },
    );
  });
});
