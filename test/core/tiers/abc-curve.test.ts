import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { expectCoreError } from "../../support/core-error";
import { ABC_LABELS, NO_CLASS, abcUpgrade, classifyAbc, type AbcResult } from "../../../src/core/tiers/abc";
import { abcCurveLimits } from "../../../src/core/tiers/abc-curve";

const DATA = new URL("../../../../shared/data/", import.meta.url).pathname;
const labels = (classes: Uint8Array) => Array.from(classes, (c) => (c === NO_CLASS ? "-" : ABC_LABELS[c]));
const computed = (values: ArrayLike<number>) => classifyAbc(values, { method: "computed" });
const counts = (r: AbcResult) => r.totals.map((t) => t.count);

const swiss = readFileSync(`${DATA}swiss_inhabitants_1900.txt`, "utf8")
  .split(/\r?\n/)
  .filter((l) => l.trim() !== "")
  .map(Number);

/** Values whose ABC curve has the given yields (the differences of consecutive yields, scaled). */
const fromYields = (yields: readonly number[]) => yields.slice(1).map((y, k) => (y - yields[k]) * 1000);

describe("computed ABC: golden against CalculatedABC.jl (ckafi, test/test_analysis.jl)", () => {
  it("SwissInhabitants (2,896 communes, 1900): the published Pareto, break-even and submarginal points", () => {
    expect(swiss).toHaveLength(2896);
    const r = computed(swiss);
    const l = r.limits!;
    // analysis.pareto, .break_even, .demark_AB, .submarginal in the Julia tests.
    expect(l.pareto!.effort).toBeCloseTo(0.25379834254143646, 15);
    expect(l.pareto!.yield).toBeCloseTo(0.7219586074342286, 15);
    expect(l.breakEven!.effort).toBeCloseTo(0.22168508287292818, 15);
    expect(l.breakEven!.yield).toBeCloseTo(0.6913764432243525, 15);
    expect(l.abPoint).toBe("breakEven"); // the break-even point comes first, so it is the A/B limit
    expect([l.aEffort, l.aYield]).toEqual([l.breakEven!.effort, l.breakEven!.yield]);
    expect(l.bEffort).toBeCloseTo(0.3715469613259669, 15);
    expect(l.bYield).toBeCloseTo(0.810278191608252, 15);
    // By position on the curve the sets are the published 642 / 434 / 1820 …
    expect(Math.round(l.aEffort * 2896)).toBe(642);
    expect(Math.round(l.bEffort * 2896) - 642).toBe(434);
    expect(2896 - Math.round(l.bEffort * 2896)).toBe(1820);
    // … and the cuts the result reports are the limits' yields.
    expect([r.aCut, r.bCut, r.basis, r.method]).toEqual([l.aYield, l.bYield, "value", "computed"]);
  });

  it("SwissInhabitants: equal values share a class, so the tie of 710 at the B/C limit is all B (642 / 435 / 1819)", () => {
    const r = computed(swiss);
    const sorted = [...swiss].sort((a, b) => b - a);
    // Ranks 1076 and 1077 (1-based) both hold 710: the submarginal point falls between them.
    expect([sorted[1074], sorted[1075], sorted[1076], sorted[1077]]).toEqual([711, 710, 710, 709]);
    expect(counts(r)).toEqual([642, 435, 1819]);
    swiss.forEach((v, i) => {
      if (v === 710) expect(labels(r.classes)[i]).toBe("B");
    });
    // No tie straddles the A/B limit (rank 642 holds 1145, rank 643 holds 1142).
    expect([sorted[641], sorted[642]]).toEqual([1145, 1142]);
    // As in the Julia test: every A value ≥ every B value ≥ every C value.
    const byClass = [0, 1, 2].map((c) => swiss.filter((_, i) => r.classes[i] === c));
    expect(Math.min(...byClass[0])).toBeGreaterThanOrEqual(Math.max(...byClass[1]));
    expect(Math.min(...byClass[1])).toBeGreaterThanOrEqual(Math.max(...byClass[2]));
    // The classes hold 69.1 %, 11.9 % and 19.0 % of the inhabitants.
    expect(r.totals.map((t) => (t.valueShare ?? NaN).toFixed(3))).toEqual(["0.691", "0.119", "0.190"]);
  });

  // The Julia tests' random data: the yields are published in test/test_curve.jl (Uniform(0, 10)
  // and Exponential(1), 20 values each); their differences are the sorted values, up to scale.
  const uniform = fromYields([0, 0.10223370412290836, 0.19630374973228518, 0.2798337861487627, 0.35309289814499817, 0.4251124119444249, 0.49223359866263033, 0.5559340313195282, 0.6192318028485928, 0.6706485917196718, 0.7210686469145637, 0.7696104643520768, 0.812596101423477, 0.8466456273448749, 0.8777009051387628, 0.9076823618805581, 0.9368834040175215, 0.9647084964342312, 0.9824989229044542, 0.994333140487581, 1.0000000000000002]);
  const exponential = fromYields([0.0, 0.1559704817922999, 0.259107787045309, 0.36017085915674457, 0.4567531613173713, 0.530483819367366, 0.5905820392527759, 0.6503414525690904, 0.6912925133668514, 0.7318440937106174, 0.7704643555492486, 0.8031964684921609, 0.8353247928350085, 0.8670259991394021, 0.8976554662905372, 0.9212877248856802, 0.9431001183934831, 0.964704167187443, 0.9810003669812493, 0.9911110632975999, 1.0]);

  it("uniform values: Pareto (0.4, 0.6192), break-even (0.5, 0.7211), submarginal (0.6, 0.8126); sets 8 / 4 / 8", () => {
    const r = computed(uniform);
    const l = r.limits!;
    expect(l.pareto!.effort).toBe(0.4);
    expect(l.pareto!.yield).toBeCloseTo(0.6192318028485929, 12);
    expect(l.breakEven!.effort).toBe(0.5);
    expect(l.breakEven!.yield).toBeCloseTo(0.7210686469145638, 12);
    expect(l.abPoint).toBe("pareto");
    expect(l.bEffort).toBe(0.6);
    expect(l.bYield).toBeCloseTo(0.8125961014234772, 12);
    expect(counts(r)).toEqual([8, 4, 8]);
  });

  it("exponential values: Pareto and break-even both at (0.35, 0.6503), submarginal (0.5, 0.7705); sets 7 / 3 / 10", () => {
    const r = computed(exponential);
    const l = r.limits!;
    expect(l.pareto).toEqual(l.breakEven);
    expect(l.pareto!.effort).toBe(0.35);
    expect(l.aYield).toBeCloseTo(0.6503414525690906, 12);
    expect(l.abPoint).toBe("pareto");
    expect(l.bEffort).toBe(0.5);
    expect(l.bYield).toBeCloseTo(0.7704643555492489, 12);
    expect(counts(r)).toEqual([7, 3, 10]);
  });
});

describe("computed ABC on small curves", () => {
  it("[2, 1] by hand: the points and the natural spline's slopes", () => {
    // Curve (0, 0), (1/2, 2/3), (1, 1). Pareto: distances² 1, 1/4 + 1/9, 1 → the middle point.
    // Chord slopes s1 = 4/3, s2 = 2/3; 4μ1 = 6(s2 − s1) = −4, μ1 = −1; slopes at the knots
    // 4/3 + 1/6 = 1.5, 2/3 + 2/6 = 1, 2/3 − 1/6 = 0.5 → break-even is the middle point too.
    // Submarginal: nearest to (1/2, 1) is the middle point (1/9 against 1/4). A = {2}, B = {}, C = {1}.
    const r = computed([1, 2]);
    expect(labels(r.classes)).toEqual(["C", "A"]);
    expect(r.limits).toEqual({
      aEffort: 0.5,
      aYield: 2 / 3,
      bEffort: 0.5,
      bYield: 2 / 3,
      abPoint: "pareto",
      pareto: { effort: 0.5, yield: 2 / 3 },
      breakEven: { effort: 0.5, yield: 2 / 3 },
    });
  });

  it("a dominant value is A alone, the rest C ([100, 1])", () => {
    expect(labels(computed([100, 1]).classes)).toEqual(["A", "C"]);
  });

  it("a long tail: a few large values A, a middle B, the small ones C", () => {
    const values = [1000, 800, 600, 300, 200, 150, 100, 80, 60, 40, 30, 20, 10, 5, 5, 2, 1, 1, 1, 1];
    const r = computed(values);
    expect(labels(r.classes).join("")).toMatch(/^A+B+C+$/);
    const l = r.limits!;
    expect(l.aEffort).toBe(Math.min(l.pareto!.effort, l.breakEven!.effort));
  });

  it("ties at a limit go to the better class, whole", () => {
    // Five 10s at the top of a curve whose A/B limit falls inside them: all five are A.
    const r = computed([10, 10, 10, 10, 10, 3, 2, 1, 1, 1, 1, 1]);
    const cls = labels(r.classes);
    expect(new Set(cls.slice(0, 5)).size).toBe(1);
    expect(new Set(cls.slice(8)).size).toBe(1);
  });
});

describe("computed ABC edge cases", () => {
  it("no values, only blanks, only non-positive values: no classes or all C, limits at (0, 0)", () => {
    for (const values of [[], [NaN, NaN], [0, -1, 0]]) {
      const r = computed(values);
      expect(labels(r.classes)).toEqual(values.map((v) => (v !== v ? "-" : "C")));
      expect(r.limits).toMatchObject({ aEffort: 0, aYield: 0, bEffort: 0, bYield: 0, pareto: null, breakEven: null });
    }
  });

  it("one positive value is A; zeros and negatives are C and listed; blanks stay blank", () => {
    const r = computed([5, 0, -2, NaN]);
    expect(labels(r.classes)).toEqual(["A", "C", "C", "-"]);
    expect(r.nonPositive).toEqual([1, 2]);
    expect(r.limits).toMatchObject({ aEffort: 1 / 3, aYield: 1, bEffort: 1 / 3, bYield: 1, pareto: null });
    expect(labels(computed([42]).classes)).toEqual(["A"]);
  });

  it("equal values are all A (the curve is the diagonal: no point stands out)", () => {
    expect(labels(computed([7, 7, 7, 7]).classes)).toEqual(["A", "A", "A", "A"]);
    expect(labels(computed([7, 0, 7, NaN, -1]).classes)).toEqual(["A", "C", "A", "-", "C"]);
    expect(computed([7, 7, 0]).limits).toMatchObject({ aEffort: 2 / 3, bEffort: 2 / 3, aYield: 1, bYield: 1 });
  });

  it("two positive values that differ run the algorithm ([3, 1, 0]: A, C, C)", () => {
    const r = computed([3, 1, 0]);
    expect(labels(r.classes)).toEqual(["A", "C", "C"]);
    expect(r.limits!.pareto).not.toBeNull();
  });

  it("ignores the cuts and the basis (even invalid ones); fixed stays the default", () => {
    const values = [50, 30, 15, 5, 3, 2, 1];
    const plain = computed(values);
    for (const options of [{ aCut: 0.5, bCut: 0.9 }, { aCut: 80, bCut: 0 }, { basis: "count" as const }]) {
      expect(classifyAbc(values, { ...options, method: "computed" })).toEqual(plain);
    }
    const fixed = classifyAbc(values);
    expect(fixed.method).toBe("fixed");
    expect(fixed.limits).toBeUndefined();
    expect(classifyAbc(values, { method: "fixed" })).toEqual(fixed);
  });

  it("refuses an unknown method", () => {
    expect(expectCoreError(() => classifyAbc([1], { method: "pareto" as never }), "unknownAbcMethod").details).toEqual({ value: "pareto" });
  });
});

/** No value so small that it vanishes from a sum, underflows when halved or sits a rounding step from another (subnormals). */
const notTiny = (vs: number[]) => vs.every((v) => v !== v || v === 0 || Math.abs(v) >= 1e-200);

/**
 * The natural cubic spline's slopes at the knots by the textbook route (second derivatives from
 * the full linear system, solved by Gaussian elimination), to check the module's O(n) solution.
 */
function referenceSlopes(descending: readonly number[]): number[] {
  const n = descending.length;
  const total = descending.reduce((a, b) => a + b, 0);
  const y = [0];
  for (const v of descending) y.push(y[y.length - 1] + v / total);
  const h = 1 / n;
  const size = n + 1;
  const a = Array.from({ length: size }, () => new Array<number>(size + 1).fill(0));
  a[0][0] = 1;
  a[n][n] = 1;
  for (let i = 1; i < n; i++) {
    a[i][i - 1] = h / 6;
    a[i][i] = (2 * h) / 3;
    a[i][i + 1] = h / 6;
    a[i][size] = (y[i + 1] - y[i]) / h - (y[i] - y[i - 1]) / h;
  }
  for (let c = 0; c < size; c++) {
    let p = c;
    for (let r = c + 1; r < size; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    for (let r = 0; r < size; r++) {
      if (r === c || a[r][c] === 0) continue;
      const f = a[r][c] / a[c][c];
      for (let k = c; k <= size; k++) a[r][k] -= f * a[c][k];
    }
  }
  const M = a.map((row, i) => row[size] / row[i]);
  return y.map((_, i) => (i < n ? (y[i + 1] - y[i]) / h - (h * (2 * M[i] + M[i + 1])) / 6 : (y[n] - y[n - 1]) / h + (h * (M[n - 1] + 2 * M[n])) / 6));
}

describe("computed ABC properties", () => {
  const values = fc.array(fc.oneof(fc.integer({ min: -20, max: 1000 }), fc.double({ min: -100, max: 1e6, noNaN: true }), fc.constant(NaN)), { minLength: 1, maxLength: 80 });
  const positive = fc.array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 40 });

  it("property: the limits are ordered: 0 ≤ aEffort ≤ bEffort ≤ 1, 0 ≤ aYield ≤ bYield ≤ 1, A/B at the earlier of the two points", () => {
    fc.assert(
      fc.property(values, (vs) => {
        const l = computed(vs).limits!;
        expect(0 <= l.aEffort && l.aEffort <= l.bEffort && l.bEffort <= 1).toBe(true);
        expect(0 <= l.aYield && l.aYield <= l.bYield && l.bYield <= 1).toBe(true);
        if (l.pareto && l.breakEven) {
          expect(l.aEffort).toBe(Math.min(l.pareto.effort, l.breakEven.effort));
          expect(l.abPoint).toBe(l.pareto.effort <= l.breakEven.effort ? "pareto" : "breakEven");
          expect(l.bEffort).toBeGreaterThanOrEqual(Math.max(l.pareto.effort, l.breakEven.effort));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("property: a larger value never has a worse class; equal values share one; non-positive values are C", () => {
    fc.assert(
      fc.property(values, (vs) => {
        const { classes } = computed(vs);
        for (let i = 0; i < vs.length; i++) {
          if (vs[i] !== vs[i]) {
            expect(classes[i]).toBe(NO_CLASS);
            continue;
          }
          if (vs[i] <= 0) expect(classes[i]).toBe(2);
          for (let j = 0; j < vs.length; j++) {
            if (vs[i] > vs[j]) expect(classes[i]).toBeLessThanOrEqual(classes[j]);
            if (vs[i] === vs[j]) expect(classes[i]).toBe(classes[j]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("property: the result does not depend on the order of the rows", () => {
    const withPermutation = values.chain((vs) => fc.tuple(fc.constant(vs), fc.shuffledSubarray(vs.map((_, i) => i), { minLength: vs.length, maxLength: vs.length })));
    fc.assert(
      fc.property(withPermutation, ([vs, perm]) => {
        const a = computed(vs);
        const b = computed(perm.map((i) => vs[i]));
        perm.forEach((i, k) => expect(b.classes[k]).toBe(a.classes[i]));
        expect(b.limits).toEqual(a.limits);
      }),
      { numRuns: 300 },
    );
  });

  it("property: scale invariance: values × c give the same classes and limits (c a power of two, or whole numbers × a whole c)", () => {
    fc.assert(
      fc.property(values, fc.integer({ min: -30, max: 30 }), (vs, e) => {
        fc.pre(notTiny(vs));
        const a = computed(vs);
        const b = computed(vs.map((v) => v * 2 ** e));
        expect(b.classes).toEqual(a.classes);
        expect(b.limits).toEqual(a.limits);
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 100_000 }), { minLength: 1, maxLength: 80 }), fc.integer({ min: 1, max: 1000 }), (vs, c) => {
        const a = computed(vs);
        const b = computed(vs.map((v) => v * c));
        expect(b.classes).toEqual(a.classes);
        expect(b.limits).toEqual(a.limits);
      }),
      { numRuns: 200 },
    );
  });

  it("property: a positive value is A exactly when the share of strictly larger values is below aCut (and B below bCut)", () => {
    // Up to rounding: the shares are sums in input order, the curve's yields running sums in rank
    // order, so a share a rounding error from a limit's yield is not checked.
    fc.assert(
      fc.property(values, (vs) => {
        const scale = Math.max(0, ...vs.filter((v) => v > 0));
        fc.pre(vs.every((v) => !(v > 0) || v >= scale * 1e-12));
        const r = computed(vs);
        vs.forEach((v, i) => {
          const s = r.shareBefore[i];
          if (!(v > 0) || Math.abs(s - r.aCut) < 1e-9 || Math.abs(s - r.bCut) < 1e-9) return;
          expect(r.classes[i]).toBe(s < r.aCut ? 0 : s < r.bCut ? 1 : 2);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("property: the break-even point has the slope nearest to 1 of the natural spline, as a dense solve finds it", () => {
    fc.assert(
      fc.property(positive, (vs) => {
        const descending = [...vs].sort((a, b) => b - a);
        if (descending[0] === descending[descending.length - 1]) return;
        const { limits } = abcCurveLimits(descending);
        const slopes = referenceSlopes(descending);
        const gaps = slopes.map((g) => Math.abs(g - 1));
        const chosen = Math.round(limits.breakEven!.effort * descending.length);
        expect(gaps[chosen]).toBeLessThanOrEqual(Math.min(...gaps) + 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});

describe("abcUpgrade", () => {
  it("gives the next class up and the value still needed to reach it", () => {
    const vs = [50, 30, 15, 5, NaN, -10];
    const up = abcUpgrade(vs, classifyAbc(vs)); // A A B C - C
    expect(Array.from(up.next)).toEqual([-1, -1, 0, 1, -1, 1]);
    expect(Array.from(up.gap)).toEqual([NaN, NaN, 15, 10, NaN, 25]);
  });

  it("skips an empty class: C reaches for A when B holds nothing", () => {
    const vs = [1, 2];
    const r = computed(vs); // C, A: B is empty
    const up = abcUpgrade(vs, r);
    expect(Array.from(up.next)).toEqual([0, -1]);
    expect(Array.from(up.gap)).toEqual([1, NaN]);
  });

  it("rounds the gap up where floating point needs it (value + gap reaches the class)", () => {
    const vs = [0.30000000000000004 * 10, 0.1, 0.2, 0.7];
    const r = classifyAbc(vs, { aCut: 0.5, bCut: 0.9 });
    const up = abcUpgrade(vs, r);
    vs.forEach((v, i) => {
      if (up.next[i] < 0) return;
      const target = Math.min(...vs.filter((_, j) => r.classes[j] === up.next[i]));
      expect(v + up.gap[i]).toBeGreaterThanOrEqual(target);
    });
  });

  // Amounts in cents (a gap between values of very different size can only be as fine as the
  // larger one's rounding step, which could overshoot a class a rounding step wide).
  const cents = fc.double({ min: -100, max: 1e6, noNaN: true }).map((x) => Math.round(x * 100) / 100);
  const anyValues = fc.array(fc.oneof(fc.integer({ min: -50, max: 5000 }), cents, fc.constant(NaN)), { minLength: 1, maxLength: 60 });
  const method = fc.constantFrom<"fixed" | "computed">("fixed", "computed");
  const basis = fc.constantFrom<"value" | "count">("value", "count");

  it("property: with the limits held fixed (each class starts at its smallest value), value + gap lands in the class above", () => {
    fc.assert(
      fc.property(anyValues, method, basis, (vs, m, b) => {
        const r = classifyAbc(vs, { method: m, basis: b });
        const smallest = [0, 1, 2].map((c) => Math.min(...vs.filter((_, i) => r.classes[i] === c)));
        const classAt = (v: number) => (v >= smallest[0] ? 0 : v >= smallest[1] ? 1 : 2);
        const up = abcUpgrade(vs, r);
        vs.forEach((v, i) => {
          const c = r.classes[i];
          if (c === NO_CLASS || c === 0 || (!Number.isFinite(smallest[c - 1]) && !Number.isFinite(smallest[0]))) {
            expect(up.next[i]).toBe(-1);
            expect(up.gap[i]).toBeNaN();
            return;
          }
          expect(up.gap[i]).toBeGreaterThan(0);
          expect(up.next[i]).toBe(Number.isFinite(smallest[c - 1]) ? c - 1 : 0);
          expect(classAt(v + up.gap[i])).toBe(up.next[i]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it("property: re-running the fixed cuts with one value raised by its gap puts it at least in the class above", () => {
    fc.assert(
      fc.property(anyValues, basis, fc.nat(), (vs, b, pick) => {
        const r = classifyAbc(vs, { basis: b });
        const up = abcUpgrade(vs, r);
        const movable = vs.map((_, i) => i).filter((i) => up.next[i] >= 0);
        if (movable.length === 0) return;
        const i = movable[pick % movable.length];
        const raised = vs.slice();
        raised[i] = vs[i] + up.gap[i];
        expect(classifyAbc(raised, { basis: b }).classes[i]).toBeLessThanOrEqual(up.next[i]);
      }),
      { numRuns: 300 },
    );
  });
});
