/**
 * BG/NBD's likelihood takes each repeat customer's term, softplus of
 * d = ln(a/(b+x−1)) + (r+x) ln((α+T)/(α+t_x)), one of two ways (bgnbd.ts, issue 12): for a block of one x
 * with more rows than distinct T and t_x, eᵈ as a product of per-block power tables (one log1p a row, no
 * exponential); otherwise from d (one exponential a row). Both must give Hardie's per-customer formula,
 * written out here directly, and a gradient that matches the likelihood's differences; at a model's limit
 * (α and r in the hundreds of millions, where the tables would overflow) the values stay finite.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bgnbdLogLikelihood, type BgNbdParams } from "../../../src/core/models/bgnbd";
import { gammaln } from "../../../src/core/math/special";
import type { RepeatColumns } from "../../../src/core/models/fit";

/** Hardie's note 004 per customer, summed plainly. */
function reference(p: BgNbdParams, data: RepeatColumns): number {
  const { r, alpha, a, b } = p;
  let ll = 0;
  for (let i = 0; i < data.x.length; i++) {
    const x = data.x[i];
    const lnBeta = (u: number, v: number) => gammaln(u) + gammaln(v) - gammaln(u + v);
    let term = gammaln(r + x) - gammaln(r) + r * Math.log(alpha) + lnBeta(a, b + x) - lnBeta(a, b) - (r + x) * Math.log(alpha + data.T[i]);
    if (x > 0) term += Math.log1p((a / (b + x - 1)) * ((alpha + data.T[i]) / (alpha + data.tx[i])) ** (r + x));
    ll += term;
  }
  return ll;
}

/** Customers on whole weeks: `many` of them share few T and t_x (the table path), plus a few loners. */
function weeks(seed: number, many: number): RepeatColumns {
  let s = seed;
  const u = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  for (let i = 0; i < many; i++) {
    const Ti = 20 + Math.floor(u() * 20);
    const xi = Math.floor(u() * 4);
    x.push(xi);
    T.push(Ti);
    tx.push(xi === 0 ? 0 : 1 + Math.floor(u() * (Ti - 1)));
  }
  // Loners: x values with one customer each, on times of their own (the exponential path).
  for (let k = 0; k < 5; k++) {
    x.push(10 + k);
    T.push(30 + k / 3);
    tx.push(5 + k / 7);
  }
  return { x, tx, T };
}

const params = fc.record({
  r: fc.double({ min: 0.05, max: 20, noNaN: true }),
  alpha: fc.double({ min: 0.1, max: 100, noNaN: true }),
  a: fc.double({ min: 0.05, max: 20, noNaN: true }),
  b: fc.double({ min: 0.05, max: 20, noNaN: true }),
});

describe("BG/NBD's likelihood by power tables and by exponentials", () => {
  it("equals the per-customer formula (property)", () => {
    const data = weeks(7, 2000);
    fc.assert(
      fc.property(params, (p) => {
        const got = bgnbdLogLikelihood(p, data);
        const want = reference(p, data);
        expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-10 * Math.abs(want));
      }),
      { numRuns: 40 },
    );
  });

  it("has the gradient of its own differences (property)", () => {
    const data = weeks(11, 1500);
    fc.assert(
      fc.property(params, (p) => {
        const grad = new Float64Array(4);
        bgnbdLogLikelihood(p, data, grad);
        const keys = ["r", "alpha", "a", "b"] as const;
        keys.forEach((key, k) => {
          const h = 1e-6;
          const up = bgnbdLogLikelihood({ ...p, [key]: p[key] * Math.exp(h) }, data);
          const down = bgnbdLogLikelihood({ ...p, [key]: p[key] * Math.exp(-h) }, data);
          const numeric = (up - down) / (2 * h);
          expect(Math.abs(grad[k] - numeric)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(numeric)));
        });
      }),
      { numRuns: 25 },
    );
  });

  it("stays finite at a limit of the model, where the tables would overflow", () => {
    const data = weeks(3, 3000);
    for (const p of [
      { r: 4.7e8, alpha: 1.2e10, a: 800, b: 3e11 },
      { r: 1e6, alpha: 1e-3, a: 0.5, b: 2 },
      { r: 0.2, alpha: 1e9, a: 1e-8, b: 5 },
    ]) {
      const grad = new Float64Array(4);
      const ll = bgnbdLogLikelihood(p, data, grad);
      expect(Number.isFinite(ll)).toBe(true);
      expect(grad.every(Number.isFinite)).toBe(true);
    }
  });
});
