/**
 * The evaluations a fit spends beyond its search (issue 12): the log-likelihood taken from the search's
 * last value, not evaluated again, and the Hessian differenced only in the columns whose standard errors
 * are wanted. Both must give exactly what the full computation gave.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hessian, maximizeLikelihood, type Objective } from "../../../src/core/math/optimize";

/** A smooth convex objective in 4 log-parameters with cross terms, counting its evaluations. */
function counted(c: number[]): { f: Objective; calls: () => number } {
  let calls = 0;
  const f: Objective = (x, g) => {
    calls++;
    let v = 0;
    for (let i = 0; i < 4; i++) {
      const d = x[i] - c[i];
      v += Math.cosh(d) + 0.3 * d * (x[(i + 1) % 4] - c[(i + 1) % 4]);
    }
    for (let i = 0; i < 4; i++) {
      const d = x[i] - c[i];
      g[i] = Math.sinh(d) + 0.3 * (x[(i + 1) % 4] - c[(i + 1) % 4]) + 0.3 * (x[(i + 3) % 4] - c[(i + 3) % 4]);
    }
    return v;
  };
  return { f, calls: () => calls };
}

describe("hessian over some columns", () => {
  it("gives the full Hessian's entries between marked parameters bit for bit, two evaluations a column", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 4, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (at, keep) => {
        const { f, calls } = counted([0.5, -1, 2, 0]);
        const full = hessian(f, at);
        const before = calls();
        const some = hessian(f, at, keep);
        expect(calls() - before).toBe(2 * keep.filter(Boolean).length);
        for (let i = 0; i < 4; i++) {
          for (let j = 0; j < 4; j++) {
            if (keep[i] && keep[j]) expect(some[i * 4 + j]).toBe(full[i * 4 + j]);
          }
        }
      }),
    );
  });
});

describe("maximizeLikelihood's log-likelihood", () => {
  it("is −n times the objective at the returned θ, exactly, without evaluating it again", () => {
    const { f } = counted([0.5, -1, 2, 0]);
    const fit = maximizeLikelihood(f, [0, 0, 0, 0], 1000);
    expect(fit.converged).toBe(true);
    expect(fit.logLikelihood).toBe(-f(fit.theta, new Float64Array(4)) * 1000);
    expect(Number.isFinite(fit.logLikelihood)).toBe(true);
  });
});

describe("maximizeLikelihood at a limit of the model (the jump to the edge of the box)", () => {
  /**
   * −LL/n of a two-parameter model whose second parameter runs off: (θ₀ − 1)² + e^(−θ₁) approaches its
   * infimum only as θ₁ → ∞, geometrically, as BG/NBD's does when nobody drops out.
   */
  const runOff: Objective = (t, g) => {
    g[0] = 2 * (t[0] - 1);
    g[1] = -Math.exp(-t[1]);
    return (t[0] - 1) ** 2 + Math.exp(-t[1]);
  };

  it("lands on the edge (θ = 20, flagged at its limit) in a few iterations instead of crawling there", () => {
    let evaluations = 0;
    const counted: Objective = (t, g) => {
      evaluations++;
      return runOff(t, g);
    };
    const fit = maximizeLikelihood(counted, [0, 0], 100);
    expect(fit.converged).toBe(true);
    expect(fit.theta[1]).toBe(20);
    expect(fit.atBoundary).toEqual([false, true]);
    expect(fit.theta[0]).toBeCloseTo(1, 6);
    // At least as good as anywhere the crawl could have stopped inside the box.
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(-100 * runOff(Float64Array.of(1, 19.99), new Float64Array(2)));
    expect(evaluations).toBeLessThan(40);
  });

  it("keeps an interior maximum beyond the limit test: the edge is tried and refused when it is worse", () => {
    // Optimum at θ₁ = 15 (past BOUNDARY_THETA = ln 1e6 ≈ 13.8, so the edge is tried on the way there).
    const interior: Objective = (t, g) => {
      const d = t[1] - 15;
      g[0] = 2 * t[0];
      g[1] = Math.tanh(d);
      return t[0] ** 2 + Math.log(Math.cosh(d));
    };
    const fit = maximizeLikelihood(interior, [0.5, 10], 10);
    expect(fit.converged).toBe(true);
    expect(fit.theta[1]).toBeCloseTo(15, 5);
    expect(fit.theta[0]).toBeCloseTo(0, 6);
  });
});
