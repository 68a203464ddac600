import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitBgNbd, pAlive } from "../../../src/core/models/bgnbd";
import { nextPurchase, OVERDUE_MULTIPLE, pPurchaseWithin } from "../../../src/core/models/next-purchase";
import { CoreError } from "../../../src/core/cells/errors";
import { aliveProbability, type CountParams } from "../../../src/core/models/count-model";

const DATA = new URL("../../../../shared/data/", import.meta.url).pathname;

function readSummary() {
  const rows = readFileSync(`${DATA}cdnow_customers_summary_with_transactions.csv`, "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(",").map(Number));
  return { x: Float64Array.from(rows, (r) => r[1]), tx: Float64Array.from(rows, (r) => r[2]), T: Float64Array.from(rows, (r) => r[3]) };
}

const params = fc.record({
  model: fc.constantFrom("bgnbd" as const, "paretoNbd" as const),
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 50, noNaN: true }),
  c: fc.double({ min: 0.05, max: 5, noNaN: true }),
  d: fc.double({ min: 0.1, max: 50, noNaN: true }),
});
const toParams = (p: { model: "bgnbd" | "paretoNbd"; r: number; alpha: number; c: number; d: number }): CountParams =>
  p.model === "bgnbd" ? { model: "bgnbd", r: p.r, alpha: p.alpha, a: p.c, b: p.d } : { model: "paretoNbd", r: p.r, alpha: p.alpha, s: p.c, beta: p.d };
const customer = fc
  .record({ x: fc.integer({ min: 0, max: 30 }), T: fc.double({ min: 0.5, max: 100, noNaN: true }), share: fc.double({ min: 0.01, max: 1, noNaN: true }) })
  .map(({ x, T, share }) => ({ x, T, tx: x === 0 ? 0 : T * share }));

describe("P(purchase within N)", () => {
  it("equals the BG/NBD formula within 1e-9 on CDNOW with the fitted parameters", () => {
    const s = readSummary();
    const fit = fitBgNbd(s);
    const out = nextPurchase(fit, s, 39);
    for (let i = 0; i < s.x.length; i++) {
      const alive = pAlive(fit, s.x[i], s.tx[i], s.T[i]);
      const formula = 1 - ((1 - alive) + alive * Math.pow((fit.alpha + s.T[i]) / (fit.alpha + s.T[i] + 39), fit.r + s.x[i]));
      expect(Math.abs(out.pPurchaseWithin[i] - formula)).toBeLessThan(1e-9);
    }
  });

  it("is in [0, 1], 0 at N = 0 and increasing in N (both models)", () => {
    fc.assert(
      fc.property(params, customer, fc.double({ min: 0.01, max: 200, noNaN: true }), fc.double({ min: 0.01, max: 200, noNaN: true }), (p, c, n1, n2) => {
        const counts = toParams(p);
        const [lo, hi] = n1 < n2 ? [n1, n2] : [n2, n1];
        const a = pPurchaseWithin(counts, lo, c.x, c.tx, c.T);
        const b = pPurchaseWithin(counts, hi, c.x, c.tx, c.T);
        expect(pPurchaseWithin(counts, 0, c.x, c.tx, c.T)).toBe(0);
        expect(a >= 0 && a <= 1 && b >= 0 && b <= 1).toBe(true);
        expect(b).toBeGreaterThanOrEqual(a - 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it("Pareto/NBD without dropout (s → 0) is the gamma-Poisson probability", () => {
    const counts: CountParams = { model: "paretoNbd", r: 0.55, alpha: 10.6, s: 1e-9, beta: 11.7 };
    for (const [x, T, N] of [[0, 30, 10], [3, 38, 39], [10, 20, 500]]) {
      const exact = -Math.expm1(-(0.55 + x) * Math.log1p(N / (10.6 + T)));
      // x = 0 and t_x = 0 … tx = T keeps P(alive) = 1 for both models.
      expect(pPurchaseWithin(counts, N, x, T, T)).toBeCloseTo(exact, 6);
    }
  });

  it("Pareto/NBD: dropout lowers the chance against the no-dropout law", () => {
    const none = pPurchaseWithin({ model: "paretoNbd", r: 1, alpha: 5, s: 1e-9, beta: 5 }, 20, 2, 10, 10);
    const some = pPurchaseWithin({ model: "paretoNbd", r: 1, alpha: 5, s: 2, beta: 5 }, 20, 2, 10, 10);
    expect(some).toBeLessThan(none);
  });

  it("names a bad N", () => {
    for (const bad of [-1, NaN, Infinity]) {
      expect(() => pPurchaseWithin({ model: "bgnbd", r: 1, alpha: 1, a: 1, b: 1 }, bad, 0, 0, 1)).toThrow(CoreError);
    }
  });
});

describe("time to the next purchase", () => {
  const counts: CountParams = { model: "bgnbd", r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  it("the median halves the Lomax survival; the mean is (α+T)/(r+x−1), blank (NaN) when r+x ≤ 1", () => {
    const out = nextPurchase(counts, { x: [0, 4], tx: [0, 20], T: [30, 38] }, 10);
    const m = 4.243;
    const A = 4.414 + 38;
    expect(Math.pow(A / (A + out.medianWait[1]), m)).toBeCloseTo(0.5, 12);
    expect(out.expectedWait[1]).toBeCloseTo(A / (m - 1), 12);
    expect(Number.isNaN(out.expectedWait[0])).toBe(true);
    expect(Number.isFinite(out.medianWait[0])).toBe(true);
  });
  it(`overdue when the silence exceeds ${OVERDUE_MULTIPLE} typical gaps`, () => {
    // Gaps of 5: silent 14 is not overdue, silent 16 is.
    const out = nextPurchase(counts, { x: [2, 2, 0], tx: [10, 10, 0], T: [24, 26, 1] }, 10);
    expect(Array.from(out.typicalGap.slice(0, 2))).toEqual([5, 5]);
    expect(Array.from(out.overdue)).toEqual([0, 1, 0]);
    expect(out.typicalGap[2]).toBeCloseTo(4.414 / 0.243, 12);
  });
});

describe("Pareto/NBD's integral: panels as the integrand's decay needs", () => {
  /** The former rule, 24 fixed panels of 16-point Gauss–Legendre on w = ln(1 + u/c), as the reference. */
  function reference(counts: Extract<CountParams, { model: "paretoNbd" }>, N: number, x: number, T: number): number {
    const xs = [0.0950125098376374, 0.2816035507792589, 0.4580167776572274, 0.6178762444026438, 0.755404408355003, 0.8656312023878318, 0.9445750230732326, 0.9894009349916499];
    const ws = [0.1894506104550685, 0.1826034150449236, 0.1691565193950025, 0.1495959888165767, 0.1246289712555339, 0.0951585116824928, 0.0622535239386479, 0.0271524594117541];
    const m = counts.r + x;
    const A = counts.alpha + T;
    const B = counts.beta + T;
    const c = Math.min(A, B);
    const top = Math.log1p(N / c);
    const h = top / 24;
    let sum = 0;
    for (let k = 0; k < 24; k++) {
      for (let j = 0; j < 8; j++) {
        for (const sign of [-1, 1]) {
          const w = (k + 0.5) * h + sign * xs[j] * (h / 2);
          const u = c * Math.expm1(w);
          sum += ws[j] * (h / 2) * (m / A) * Math.exp(-(m + 1) * Math.log1p(u / A) - counts.s * Math.log1p(u / B)) * c * Math.exp(w);
        }
      }
    }
    return Math.min(1, sum);
  }
  it("agrees with 24 fixed panels within 1e-12 (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 5, noNaN: true }),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.double({ min: 1e-6, max: 5, noNaN: true }),
        fc.double({ min: 0.5, max: 50, noNaN: true }),
        fc.integer({ min: 0, max: 60 }),
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (r, alpha, s, beta, x, T, N) => {
          const counts = { model: "paretoNbd" as const, r, alpha, s, beta };
          const tx = x > 0 ? T / 2 : 0;
          // pPurchaseWithin = P(alive) × the integral.
          const expected = aliveProbability(counts, x, tx, T) * reference(counts, N, x, T);
          expect(Math.abs(pPurchaseWithin(counts, N, x, tx, T) - expected)).toBeLessThanOrEqual(1e-12);
        },
      ),
      { numRuns: 300 },
    );
  });
});
