/**
 * Gamma-Gamma's log-likelihood as the fit evaluates it (issue 12: one logarithm a distinct (x, s) row,
 * prefix sums on either side of s = v; gammagamma.ts Spenders) against the per-customer formula written
 * out term by term (Fader & Hardie 2013, eq. 4), and its gradient against central differences, at points
 * on both sides of every row's s = v and towards both limits of the model.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gammaGammaLogLikelihood, type GammaGammaParams } from "../../../src/core/models/gammagamma";
import { gammaln } from "../../../src/core/math/special";

/** Σ over customers of lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln v + (px−1) ln z̄ + px ln x − (px+q) ln(x z̄ + v). */
function reference({ p, q, v }: GammaGammaParams, x: number[], z: number[]): number {
  let ll = 0;
  for (let i = 0; i < x.length; i++) {
    const px = p * x[i];
    ll += gammaln(px + q) - gammaln(px) - gammaln(q) + q * Math.log(v) + (px - 1) * Math.log(z[i]) + px * Math.log(x[i]) - (px + q) * Math.log(x[i] * z[i] + v);
  }
  return ll;
}

const customers = fc.array(fc.tuple(fc.integer({ min: 1, max: 12 }), fc.constantFrom(0.5, 1, 2.5, 9.99, 10, 37.2, 120)), { minLength: 1, maxLength: 40 });
const params = fc.record({ p: fc.double({ min: 0.2, max: 30, noNaN: true }), q: fc.double({ min: 0.2, max: 30, noNaN: true }), v: fc.double({ min: 0.05, max: 2000, noNaN: true }) });

describe("Gamma-Gamma log-likelihood", () => {
  it("equals the per-customer formula, whatever side of s = v each customer is on (property)", () => {
    fc.assert(
      fc.property(customers, params, (rows, point) => {
        const x = rows.map((r) => r[0]);
        const z = rows.map((r) => r[1]);
        const expected = reference(point, x, z);
        expect(Math.abs(gammaGammaLogLikelihood(point, x, z) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
      }),
      { numRuns: 300 },
    );
  });

  it("has the gradient (in ln p, ln q, ln v) of central differences, at ordinary points and near both limits", () => {
    const x = [1, 1, 2, 3, 3, 5, 8, 1, 2];
    const z = [10, 10, 12.5, 30, 7, 20, 15, 99, 0.4];
    for (const point of [{ p: 6, q: 4, v: 15 }, { p: 2, q: 3, v: 0.3 }, { p: 1, q: 2, v: 500 }, { p: 3e4, q: 4, v: 2e-3 }, { p: 2, q: 1e5, v: 6e5 }]) {
      const g = new Float64Array(3);
      const ll = gammaGammaLogLikelihood(point, x, z, g);
      expect(Number.isFinite(ll)).toBe(true);
      const keys = ["p", "q", "v"] as const;
      keys.forEach((key, k) => {
        const h = 1e-6;
        const up = gammaGammaLogLikelihood({ ...point, [key]: point[key] * Math.exp(h) }, x, z);
        const down = gammaGammaLogLikelihood({ ...point, [key]: point[key] * Math.exp(-h) }, x, z);
        const numeric = (up - down) / (2 * h);
        expect(Math.abs(g[k] - numeric), `${key} at ${JSON.stringify(point)}`).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(numeric)));
      });
    }
  });

  it("customers with the same x and z̄ add the same term: one row with its count", () => {
    const point = { p: 3, q: 5, v: 20 };
    const one = gammaGammaLogLikelihood(point, [2], [14.5]);
    expect(gammaGammaLogLikelihood(point, [2, 2, 2], [14.5, 14.5, 14.5])).toBeCloseTo(3 * one, 10);
  });
});
