/**
 * Pareto/NBD's analytic gradient (the ₂F₁ series of A0 differentiated term by term) against central
 * differences of the likelihood, over parameters on both sides of α = β and rows with and without
 * repeat purchases; and the fit's budget: a search that runs out fails fast with "fitBudget".
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitParetoNbd, paretoNbdLogLikelihood, paretoNbdMeanNegative } from "../../../src/core/models/paretonbd";
import { expectCoreError } from "../../support/core-error";

const params = fc.record({
  r: fc.double({ min: 0.05, max: 8, noNaN: true }),
  alpha: fc.double({ min: 0.2, max: 200, noNaN: true }),
  s: fc.double({ min: 0.05, max: 8, noNaN: true }),
  beta: fc.double({ min: 0.2, max: 200, noNaN: true }),
});
const row = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), fc.double({ min: 0.5, max: 80, noNaN: true }))
  .map(([x, share, T]) => ({ x, tx: x === 0 ? 0 : share * T, T }));

describe("Pareto/NBD gradient", () => {
  it("matches central differences of ln L in the log-parameters", () => {
    fc.assert(
      fc.property(params, fc.array(row, { minLength: 1, maxLength: 4 }), (p, rows) => {
        const data = { x: rows.map((q) => q.x), tx: rows.map((q) => q.tx), T: rows.map((q) => q.T) };
        const counts = rows.map(() => 1);
        const grad = new Float64Array(4);
        const value = paretoNbdMeanNegative(p, data, counts, 1, grad);
        expect(value).toBeCloseTo(-paretoNbdLogLikelihood(p, data), 8);
        const names = ["r", "alpha", "s", "beta"] as const;
        names.forEach((name, k) => {
          const h = 1e-5;
          const at = (e: number) => -paretoNbdLogLikelihood({ ...p, [name]: p[name] * Math.exp(e) }, data);
          const numeric = (at(h) - at(-h)) / (2 * h);
          expect(Math.abs(grad[k] - numeric)).toBeLessThan(1e-5 * Math.max(1, Math.abs(numeric)));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("gives A0 = 0, not NaN, when t_x and T differ only by rounding", () => {
    const p = { r: 0.05, alpha: 0.2, s: 0.05, beta: 0.2 };
    const data = { x: [1], tx: [39.36537454264558], T: [39.36537454264561] };
    const grad = new Float64Array(4);
    expect(Number.isFinite(paretoNbdMeanNegative(p, data, [1], 1, grad))).toBe(true);
    for (const g of grad) expect(Number.isFinite(g)).toBe(true);
  });

  it("is exact at α = β (the two branches of A0 meet)", () => {
    const p = { r: 0.7, alpha: 9, s: 0.8, beta: 9 };
    const data = { x: [3], tx: [20], T: [38] };
    const grad = new Float64Array(4);
    paretoNbdMeanNegative(p, data, [1], 1, grad);
    for (const [k, name] of (["alpha", "beta"] as const).entries()) {
      const h = 1e-6;
      const at = (e: number) => -paretoNbdLogLikelihood({ ...p, [name]: p[name] * Math.exp(e) }, data);
      expect(grad[1 + 2 * k]).toBeCloseTo((at(h) - at(-h)) / (2 * h), 6);
    }
  });
});

describe("fit budgets", () => {
  const data = { x: [2, 0, 5, 1, 3], tx: [10, 0, 30, 4, 20], T: [38, 20, 39, 30, 35] };

  it("fails fast with fitBudget when the iterations run out", () => {
    expectCoreError(() => fitParetoNbd(data, { maxIterations: 2 }), "fitBudget");
  });

  it("fails with fitBudget when the wall time runs out (a clock that jumps 10 s per read)", () => {
    let t = 0;
    expectCoreError(() => fitParetoNbd(data, { maxSeconds: 1, now: () => (t += 10_000) }), "fitBudget");
  });
});
