import hyp2f1Reference from "@stdlib/math-base-special-hyp2f1";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bgnbdLogLikelihood,
  expectedByQuadrature,
  expectedIfAlive,
  expectedPurchases,
  expectedPurchasesNew,
  fitBgNbd,
  pAlive,
  type BgNbdParams,
} from "../../../src/core/models/bgnbd";
import { fitGammaGamma } from "../../../src/core/models/gammagamma";
import { hyp2f1, hyp2f1Series } from "../../../src/core/math/hyp2f1";
import { logScaleStandardErrors, maximizeLikelihood } from "../../../src/core/math/optimize";
import { expectCoreError } from "../../support/core-error";

const CDNOW: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

const params = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 100, noNaN: true }),
  a: fc.double({ min: 0.1, max: 5, noNaN: true }),
  b: fc.double({ min: 0.1, max: 20, noNaN: true }),
});

/** A customer: x repeat purchases, 0 ≤ t_x ≤ T (t_x = 0 when x = 0). */
const customer = fc
  .record({ x: fc.integer({ min: 0, max: 300 }), T: fc.double({ min: 0, max: 2000, noNaN: true }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ x, T, share }) => ({ x, T, tx: x === 0 ? 0 : T * share }));

describe("hyp2f1", () => {
  it("matches closed forms", () => {
    for (const z of [-20, -3, -0.5, 0.1, 0.5, 0.9, 0.99, 0.999]) {
      expect(hyp2f1(1, 1, 2, z)).toBeCloseTo(-Math.log1p(-z) / z, 12);
      expect(hyp2f1(0.7, 2.5, 2.5, z) / Math.pow(1 - z, -0.7)).toBeCloseTo(1, 12);
    }
    // arctan(w)/w = 2F1(1/2, 1; 3/2; −w²)
    expect(hyp2f1(0.5, 1, 1.5, -4)).toBeCloseTo(Math.atan(2) / 2, 12);
    // A polynomial: 2F1(−2, b; c; z) = 1 − 2bz/c + b(b+1)z²/(c(c+1)).
    expect(hyp2f1(-2, 3, 4, 0.5)).toBeCloseTo(1 - (2 * 3 * 0.5) / 4 + (3 * 4 * 0.25) / (4 * 5), 14);
  });

  it("agrees with stdlib's Cephes port on the arguments the models produce", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 40, noNaN: true }),
        fc.double({ min: 0.05, max: 40, noNaN: true }),
        fc.double({ min: 0.5, max: 60, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (a, b, c, z) => {
          const mine = hyp2f1(a, b, c, z);
          const ref = hyp2f1Reference(a, b, c, z);
          fc.pre(Number.isFinite(ref) && Math.abs(ref) < 1e200);
          expect(Math.abs(mine - ref)).toBeLessThanOrEqual(1e-9 * Math.abs(ref));
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });

  it("sums huge series without overflow and reports a series that will not settle", () => {
    // (1 − z)^(−a) with a = 800 at z = 0.9 is 1e800: only its logarithm is representable.
    const s = hyp2f1Series(800, 3, 3, 0.9);
    expect(s.converged).toBe(true);
    expect(s.logValue).toBeCloseTo(-800 * Math.log(0.1), 8);
    expect(hyp2f1Series(0.5, 0.5, 1, 0.999999, 100).converged).toBe(false);
  });
});

describe("BG/NBD likelihood", () => {
  it("has the analytic gradient of its value", () => {
    const data = { x: [0, 1, 2, 7, 30], tx: [0, 3.5, 10, 30, 35], T: [40, 20, 30, 38, 39] };
    const theta = [Math.log(0.3), Math.log(5), Math.log(0.8), Math.log(2.5)];
    const at = (t: number[]) => ({ r: Math.exp(t[0]), alpha: Math.exp(t[1]), a: Math.exp(t[2]), b: Math.exp(t[3]) });
    const grad = new Float64Array(4);
    bgnbdLogLikelihood(at(theta), data, grad);
    for (let k = 0; k < 4; k++) {
      const h = 1e-6;
      const up = [...theta];
      const down = [...theta];
      up[k] += h;
      down[k] -= h;
      const numeric = (bgnbdLogLikelihood(at(up), data) - bgnbdLogLikelihood(at(down), data)) / (2 * h);
      expect(grad[k]).toBeCloseTo(numeric, 5);
    }
  });

  it("refuses summaries that cannot be: t_x after T, fractional x, repeat time without repeats", () => {
    expectCoreError(() => fitBgNbd({ x: [1], tx: [5], T: [4] }), "badRepeatSummary", { row: 0, field: "t_x", reason: "afterT" });
    expectCoreError(() => fitBgNbd({ x: [1.5], tx: [1], T: [4] }), "badRepeatSummary", { field: "x" });
    expectCoreError(() => fitBgNbd({ x: [0], tx: [1], T: [4] }), "badRepeatSummary", { reason: "zeroWithoutRepeats" });
    expectCoreError(() => fitBgNbd({ x: [0, 0], tx: [0, 0], T: [4, 5] }), "noRepeatPurchases");
  });
});

describe("BG/NBD predictions", () => {
  it("P(alive) is in [0, 1], and 1 for a customer without repeat purchases", () => {
    fc.assert(
      fc.property(params, customer, (p, c) => {
        const value = pAlive(p, c.x, c.tx, c.T);
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(1);
        if (c.x === 0) expect(value).toBe(1);
      }),
      { seed: 1, numRuns: 500 },
    );
  });

  it("expected purchases are finite, non-negative and increase with the horizon", () => {
    fc.assert(
      fc.property(params, customer, fc.double({ min: 0.01, max: 500, noNaN: true }), (p, c, t) => {
        const shorter = expectedPurchases(p, t, c.x, c.tx, c.T);
        const longer = expectedPurchases(p, t * 1.5, c.x, c.tx, c.T);
        expect(Number.isFinite(shorter) && Number.isFinite(longer)).toBe(true);
        expect(shorter).toBeGreaterThanOrEqual(0);
        expect(longer).toBeGreaterThanOrEqual(shorter * (1 - 1e-9));
      }),
      { seed: 2, numRuns: 400 },
    );
  });

  it("the 2F1 series and the integral over the dropout posterior agree", () => {
    fc.assert(
      fc.property(params, customer, fc.double({ min: 0.01, max: 500, noNaN: true }), (p, c, t) => {
        const series = expectedIfAlive(p, t, c.x, c.T);
        const integral = expectedByQuadrature(p, t, c.x, c.T);
        expect(Math.abs(series - integral)).toBeLessThanOrEqual(1e-7 * Math.max(1, integral));
      }),
      { seed: 3, numRuns: 300 },
    );
  });

  it("stays finite for customers with hundreds of purchases or very long histories", () => {
    for (const [x, tx, T] of [
      [900, 3600, 3650],
      [500, 1, 20000],
      [0, 0, 1e6],
      [1, 1e5, 1e5],
      [2000, 9999, 10000],
    ]) {
      for (const t of [1, 52, 520, 1e5]) {
        const e = expectedPurchases(CDNOW, t, x, tx, T);
        expect(Number.isFinite(e) && e >= 0).toBe(true);
      }
      const alive = pAlive(CDNOW, x, tx, T);
      expect(alive >= 0 && alive <= 1).toBe(true);
    }
    // A new customer over a very long horizon (z → 1): the quadrature fallback answers.
    expect(expectedPurchasesNew(CDNOW, 1e6)).toBeCloseTo(expectedByQuadrature(CDNOW, 1e6, 0, 0), 8);
  });

  it("is exact as a → 1, where the textbook formula divides 0 by 0", () => {
    const near = { ...CDNOW, a: 1 + 1e-12 };
    const at = { ...CDNOW, a: 1 };
    const value = expectedIfAlive(at, 39, 3, 30);
    expect(value).toBeCloseTo(expectedIfAlive(near, 39, 3, 30), 9);
    expect(value).toBeCloseTo(expectedByQuadrature(at, 39, 3, 30), 9);
  });
});

/** Seeded uniform(0, 1): mulberry32. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gamma(shape, rate) by Marsaglia & Tsang, with the shape < 1 boost. */
function gamma(u: () => number, shape: number, rate: number): number {
  if (shape < 1) return gamma(u, shape + 1, rate) * Math.pow(u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      // Box-Muller normal
      x = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = u();
    if (Math.log(w) < 0.5 * x * x + d - d * v + d * Math.log(v)) return (d * v) / rate;
  }
}

/**
 * Customers from the BG/NBD story in continuous time: acquired uniformly over the first `window`
 * time units, observed to `end`; λ ~ Gamma(r, α), p ~ Beta(a, b), exponential gaps, dropout after
 * each repeat purchase with probability p. Spend per purchase ~ Gamma(p_s, ν), ν ~ Gamma(q, v).
 */
function simulate(seed: number, n: number, truth: BgNbdParams, spend: { p: number; q: number; v: number }) {
  const u = random(seed);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const zbar = new Float64Array(n);
  const end = 78;
  for (let i = 0; i < n; i++) {
    const start = u() * 26;
    const lambda = gamma(u, truth.r, truth.alpha);
    const g1 = gamma(u, truth.a, 1);
    const p = g1 / (g1 + gamma(u, truth.b, 1));
    const nu = gamma(u, spend.q, spend.v);
    let time = start;
    let last = start;
    let count = 0;
    let total = 0;
    for (;;) {
      time += -Math.log(1 - u()) / lambda;
      if (time > end) break;
      count++;
      last = time;
      total += gamma(u, spend.p, nu);
      if (u() < p) break;
    }
    x[i] = count;
    tx[i] = last - start;
    T[i] = end - start;
    zbar[i] = count > 0 ? total / count : 0;
  }
  return { x, tx, T, zbar };
}

describe("fits recover the parameters of data simulated from the models", () => {
  const truth = { r: 0.5, alpha: 6, a: 0.8, b: 4 };
  const spendTruth = { p: 6, q: 4, v: 15 };
  for (const seed of [11, 12]) {
    it(`seed ${seed}: every BG/NBD and Gamma-Gamma parameter within 3 standard errors`, () => {
      const data = simulate(seed, 8000, truth, spendTruth);
      const fit = fitBgNbd(data);
      for (const key of ["r", "alpha", "a", "b"] as const) {
        expect(Math.abs(fit[key] - truth[key])).toBeLessThan(3 * fit.standardErrors[key]);
      }
      const spend = fitGammaGamma(data.x, data.zbar);
      for (const key of ["p", "q", "v"] as const) {
        expect(Math.abs(spend[key] - spendTruth[key])).toBeLessThan(3 * spend.standardErrors[key]);
      }
    });
  }
});

describe("maximizeLikelihood", () => {
  it("finds the maximum of a normal likelihood and its standard errors", () => {
    // Data with mean 10 and sd 2 (n = 400); parameters: ln μ and ln σ; the objective is −LL/n.
    const n = 400;
    const objective = (theta: Float64Array, grad: Float64Array) => {
      const mu = Math.exp(theta[0]);
      const sigma = Math.exp(theta[1]);
      // Σ(xᵢ − μ)² = n(σ̂² + (x̄ − μ)²) with x̄ = 10, σ̂ = 2.
      const ss = n * (4 + (10 - mu) ** 2);
      const ll = -n * Math.log(sigma) - ss / (2 * sigma * sigma);
      grad[0] = ((n * (10 - mu)) / (sigma * sigma)) * mu * (-1 / n);
      grad[1] = (-n + ss / (sigma * sigma)) * (-1 / n);
      return -ll / n;
    };
    const fit = maximizeLikelihood(objective, [0, 0], n);
    expect(Math.exp(fit.theta[0])).toBeCloseTo(10, 8);
    expect(Math.exp(fit.theta[1])).toBeCloseTo(2, 8);
    expect(fit.atBoundary).toEqual([false, false]);
    const se = logScaleStandardErrors(objective, fit.theta, n, [true, true]);
    expect(se[0]).toBeCloseTo(2 / Math.sqrt(n), 6);
    expect(se[1]).toBeCloseTo(2 / Math.sqrt(2 * n), 6);
  });
});

describe("fits at a limit of the model", () => {
  it("flags r and α when every customer buys at the same rate, and still predicts", () => {
    // Poisson purchases at one rate for all, nobody drops out: the maximum is at r, α → ∞ and a → 0.
    const u = random(5);
    const n = 3000;
    const x = new Float64Array(n);
    const tx = new Float64Array(n);
    const T = new Float64Array(n).fill(52);
    for (let i = 0; i < n; i++) {
      let time = 0;
      for (;;) {
        time += -Math.log(1 - u()) / 0.2;
        if (time > 52) break;
        x[i]++;
        tx[i] = time;
      }
    }
    const fit = fitBgNbd({ x, tx, T });
    expect(fit.limits).toEqual(expect.arrayContaining(["r", "alpha"]));
    expect(fit.r / fit.alpha).toBeCloseTo(0.2 * (1 - 0), 1);
    expect(Number.isNaN(fit.standardErrors.r)).toBe(true);
    const e = expectedPurchases(fit, 10, 10, 50, 52);
    expect(e).toBeGreaterThan(1.5);
    expect(e).toBeLessThan(2.5);
  });
});

describe("expectations against mpmath (40 digits, the closed form with mpmath.hyp2f1)", () => {
  // [params, t, x, T, E[Y(t) | alive]]
  const cases: [BgNbdParams, number, number, number, number][] = [
    [{ r: 2, alpha: 10, a: 60, b: 2000 }, 400, 0, 0, 27.215054531274629],
    [{ r: 0.243, alpha: 4.414, a: 1e-6, b: 0.5 }, 52, 0, 10, 0.87664606253843902],
    [{ r: 0.243, alpha: 4.414, a: 30, b: 300 }, 5000, 1, 3, 11.306485058136561],
    [{ r: 3.48, alpha: 21.1, a: 2.5e8, b: 8.7e10 }, 52, 5, 30, 8.5112937553536142],
  ];
  it.each(cases)("%o, t = %d, x = %d, T = %d", (p, t, x, T, reference) => {
    expect(Math.abs(expectedIfAlive(p, t, x, T) - reference)).toBeLessThan(1e-9 * reference);
  });

  it("the integral agrees with the series where the Beta posterior is narrow (large a and b)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 20, max: 3000, noNaN: true }),
        fc.double({ min: 20, max: 3000, noNaN: true }),
        fc.integer({ min: 0, max: 50 }),
        fc.double({ min: 1, max: 2000, noNaN: true }),
        (a, b, x, t) => {
          const p = { r: 0.8, alpha: 5, a, b };
          const integral = expectedByQuadrature(p, t, x, 20);
          expect(Math.abs(expectedIfAlive(p, t, x, 20) - integral)).toBeLessThanOrEqual(1e-8 * Math.max(1, integral));
        },
      ),
      { seed: 9, numRuns: 150 },
    );
  });
});

describe("fits do not depend on the scale of time or money", () => {
  it("gives α·c and v·s with times ×c and spends ×s, LL shifted by the Jacobian", () => {
    const data = simulate(21, 3000, { r: 0.5, alpha: 6, a: 0.8, b: 4 }, { p: 6, q: 4, v: 15 });
    const base = fitBgNbd(data);
    const spend = fitGammaGamma(data.x, data.zbar);
    for (const c of [1e-3, 1e5]) {
      const scaled = fitBgNbd({ x: data.x, tx: data.tx.map((v) => v * c), T: data.T.map((v) => v * c) });
      expect(scaled.limits).toEqual([]);
      expect(scaled.r).toBeCloseTo(base.r, 6);
      expect(scaled.a).toBeCloseTo(base.a, 6);
      expect(scaled.alpha / c).toBeCloseTo(base.alpha, 4);
      const repeats = data.x.reduce((s, v) => s + v, 0);
      expect(scaled.logLikelihood + repeats * Math.log(c)).toBeCloseTo(base.logLikelihood, 5);
    }
    for (const s of [1e-4, 1e8]) {
      const scaled = fitGammaGamma(data.x, data.zbar.map((z) => z * s));
      expect(scaled.limits).toEqual([]);
      expect(scaled.p).toBeCloseTo(spend.p, 5);
      expect(scaled.q).toBeCloseTo(spend.q, 5);
      expect(scaled.v / s / spend.v).toBeCloseTo(1, 6);
      expect(scaled.logLikelihood + scaled.customers * Math.log(s)).toBeCloseTo(spend.logLikelihood, 5);
    }
  });

  it("refuses repeat purchases at t_x = 0, where the likelihood has no maximum", () => {
    expectCoreError(() => fitBgNbd({ x: [1, 2], tx: [0, 0], T: [10, 10] }), "badRepeatSummary", { row: 0, field: "t_x", reason: "repeatsWithoutTime" });
  });
});
